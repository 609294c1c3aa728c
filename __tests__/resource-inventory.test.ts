import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compareInventories, formatReport, unexpectedDifferences, type IntendedDifference } from "../scripts/inventory/inventory-diff";
import { INTENDED_DIFFERENCES } from "../scripts/inventory/intended-differences";
import { inventoryOfStack, readBaseline, readSynthesizedInventory, serializeBaseline, type Inventory, type JsonObject } from "../scripts/inventory/resource-inventory";
import { synthesizeDefaultApp } from "./support/synthesized-app";

const BASELINE = path.join(__dirname, "fixtures", "resource-inventory.json");

/** cdktf's per-block metadata, which names the construct path: the inventory must not depend on it. */
const metadata = (name: string) => ({ "//": { metadata: { path: `stack/${name}`, uniqueId: name } } });

/** A tiny stack: two roles, a task definition that uses one of them, and a for_each subscription. */
function stack(names: { backend: string; frontend: string; taskDefinition: string }, taskRole = names.backend, description = "backend tasks"): JsonObject {
  return {
    "//": { metadata: { backend: "local", stackName: "stack", version: "0.21.0" } },
    terraform: { backend: { local: { path: "/home/someone/checkout/terraform.stack.tfstate" } } },
    data: { aws_caller_identity: { [`me_${names.backend}`]: { ...metadata("me") } } },
    resource: {
      aws_iam_role: {
        [names.backend]: { ...metadata(names.backend), name: "app-backend", description },
        [names.frontend]: { ...metadata(names.frontend), name: "app-frontend", description: "frontend tasks" },
      },
      aws_ecs_task_definition: {
        [names.taskDefinition]: {
          ...metadata(names.taskDefinition),
          family: "app",
          task_role_arn: `\${aws_iam_role.${taskRole}.arn}`,
          container_definitions: `\${jsonencode([{"image" = "x", "account" = data.aws_caller_identity.me_${names.backend}.account_id}])}`,
          depends_on: [`aws_iam_role.${names.frontend}`, `aws_iam_role.${names.backend}`],
          lifecycle: { replace_triggered_by: [`aws_iam_role.${taskRole}.name`], ignore_changes: ["tags"] },
        },
      },
      aws_sns_topic_subscription: {
        [`alerts_${names.backend}`]: { ...metadata("alerts"), for_each: "${toset(var.alert_emails)}", endpoint: "${each.value}", protocol: "email" },
      },
    },
  };
}

const ORIGINAL = { backend: "backend_role_1A2B3C4D", frontend: "frontend_role_5E6F7A8B", taskDefinition: "service_task_9C0D1E2F" };
const RENAMED = { backend: "modules_app_backend_role_11111111", frontend: "modules_app_frontend_role_22222222", taskDefinition: "modules_service_33333333" };

function inventoryOf(json: JsonObject): Inventory {
  return { stack: inventoryOfStack(json) };
}

describe("resource inventory normalizer", () => {
  it("sees no difference when only the addresses change", () => {
    const comparison = compareInventories(inventoryOf(stack(ORIGINAL)), inventoryOf(stack(RENAMED)));
    expect(comparison.differences).toEqual([]);
  });

  it("rewrites references everywhere without their names, leaves each.* and var.* alone, and drops metadata", () => {
    const text = JSON.stringify(inventoryOfStack(stack(ORIGINAL)));
    for (const name of Object.values(ORIGINAL)) expect(text).not.toContain(name);
    expect(text).not.toContain('"//"');
    const [taskDefinition] = inventoryOfStack(stack(ORIGINAL)).filter((entry) => entry.type === "aws_ecs_task_definition");
    expect(taskDefinition.attributes).toMatchObject({
      task_role_arn: "${aws_iam_role.<name=app-backend>.arn}",
      container_definitions: '${jsonencode([{"image" = "x", "account" = data.aws_caller_identity.<{}>.account_id}])}',
      // Sorted: Terraform reads depends_on as a set.
      depends_on: ["aws_iam_role.<name=app-backend>", "aws_iam_role.<name=app-frontend>"],
      lifecycle: { replace_triggered_by: ["aws_iam_role.<name=app-backend>.name"], ignore_changes: ["tags"] },
    });
    const [subscription] = inventoryOfStack(stack(ORIGINAL)).filter((entry) => entry.type === "aws_sns_topic_subscription");
    expect(subscription.attributes).toEqual({ for_each: "${toset(var.alert_emails)}", endpoint: "${each.value}", protocol: "email" });
  });

  it("keeps only the state file name of the local backend, not the machine's path", () => {
    const [backend] = inventoryOfStack(stack(ORIGINAL)).filter((entry) => entry.kind === "terraform");
    expect(backend.attributes).toEqual({ local: { path: "terraform.stack.tfstate" } });
  });

  it("falls back to a content hash for blocks whose identifying attribute is not unique, independent of names", () => {
    const twoPolicies = (first: string, second: string): JsonObject => ({
      resource: {
        aws_iam_role_policy: {
          [first]: { name: "inline", policy: "{}" },
          [second]: { name: "inline", policy: '{"Statement":[]}' },
        },
        aws_iam_role: { r: { name: "r", description: `\${aws_iam_role_policy.${first}.id}` } },
      },
    });
    const [role] = inventoryOfStack(twoPolicies("a", "b")).filter((entry) => entry.type === "aws_iam_role");
    expect(role.attributes.description).toMatch(/^\$\{aws_iam_role_policy\.<#[0-9a-f]{12}>\.id\}$/);
    expect(compareInventories(inventoryOf(twoPolicies("a", "b")), inventoryOf(twoPolicies("x_1", "y_2"))).differences).toEqual([]);
  });

  it("reports a changed attribute as `path: before -> after`", () => {
    const comparison = compareInventories(inventoryOf(stack(ORIGINAL)), inventoryOf(stack(RENAMED, RENAMED.backend, "backend containers")));
    expect(unexpectedDifferences(comparison)).toHaveLength(2);
    const report = formatReport(comparison);
    expect(report).toContain("resource aws_iam_role");
    expect(report).toContain('~ changed name=app-backend\n        description: "backend tasks" -> "backend containers"');
  });

  it("reports a reference retargeted from one role to another", () => {
    const comparison = compareInventories(inventoryOf(stack(ORIGINAL)), inventoryOf(stack(RENAMED, RENAMED.frontend)));
    const report = formatReport(comparison);
    expect(unexpectedDifferences(comparison).map((difference) => [difference.change, difference.entry.type])).toEqual([
      ["removed", "aws_ecs_task_definition"],
      ["added", "aws_ecs_task_definition"],
    ]);
    expect(report).toContain('task_role_arn: "${aws_iam_role.<name=app-backend>.arn}" -> "${aws_iam_role.<name=app-frontend>.arn}"');
    expect(report).toContain('lifecycle.replace_triggered_by[0]: "aws_iam_role.<name=app-backend>.name" -> "aws_iam_role.<name=app-frontend>.name"');
  });

  it("shows a managed file's base64 content as the lines that changed", () => {
    const workflow = (source: string): JsonObject => ({
      resource: {
        github_repository_file: {
          deploy: { file: "deploy.yml", content: `\${base64decode("${Buffer.from(`name: Deploy\n# rendered from ${source}\non: push\n`).toString("base64")}")}` },
        },
      },
    });
    const report = formatReport(compareInventories(inventoryOf(workflow("templates/deploy.yml")), inventoryOf(workflow("assets/deploy.yml"))));
    expect(report).toContain("content: (text, changed lines)\n          - # rendered from templates/deploy.yml\n          + # rendered from assets/deploy.yml\n");
  });

  it("accepts a difference only where an intended difference's matcher matches it", () => {
    const reworded = (description: string): IntendedDifference => ({
      stack: "*",
      type: "aws_iam_role",
      matches: (entry, change) => entry.attributes.description === (change === "removed" ? "backend tasks" : description),
      reason: "role description reworded",
    });
    const [before, after] = [inventoryOf(stack(ORIGINAL)), inventoryOf(stack(RENAMED, RENAMED.backend, "backend containers"))];
    const accepted = compareInventories(before, after, [reworded("backend containers")]);
    expect(unexpectedDifferences(accepted)).toEqual([]);
    expect(formatReport(accepted)).toContain("[intended: role description reworded]");
    const otherWording = compareInventories(before, after, [reworded("something else")]);
    expect(unexpectedDifferences(otherWording).map((difference) => difference.change)).toEqual(["added"]);
    const otherStack = compareInventories(before, after, [{ ...reworded("backend containers"), stack: "another-stack" }]);
    expect(unexpectedDifferences(otherStack)).toHaveLength(2);
    expect(formatReport(otherStack)).toContain("note: intended difference matched nothing (another-stack aws_iam_role)");
  });

  it("reads back the baseline it writes", () => {
    const inventory = inventoryOf(stack(ORIGINAL));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "inventory-")), "baseline.json");
    try {
      fs.writeFileSync(file, serializeBaseline(inventory));
      expect(readBaseline(file)).toEqual(inventory);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});

describe("synthesized app against the committed inventory baseline", () => {
  let synthesized: Inventory;
  let outdir: string | undefined;

  beforeAll(() => {
    const synth = synthesizeDefaultApp();
    outdir = synth.outdir;
    synthesized = readSynthesizedInventory(synth.outdir);
  });

  afterAll(() => {
    // synthesizeDefaultApp's output is <fresh temporary directory>/cdktf.out; none if the synth threw.
    if (outdir !== undefined) fs.rmSync(path.dirname(outdir), { recursive: true, force: true });
  });

  it("describes the same infrastructure as the baseline, modulo intended differences", () => {
    const comparison = compareInventories(readBaseline(BASELINE), synthesized, INTENDED_DIFFERENCES);
    // The report, not a JSON diff, is what a reader needs when this fails.
    if (unexpectedDifferences(comparison).length > 0) throw new Error(formatReport(comparison));
  });
});

it("the committed baseline holds nothing specific to the machine that wrote it", () => {
  const text = fs.readFileSync(BASELINE, "utf8");
  for (const machinePath of [process.cwd(), os.homedir(), "/home/", "/Users/"]) expect(text).not.toContain(machinePath);
});
