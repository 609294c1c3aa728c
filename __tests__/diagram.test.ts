/**
 * README's architecture picture (scripts/diagram, `npm run diagram`): it matches a fresh generation
 * from the synthesized prod stack, and it never depends on Terraform addresses. The generator's
 * behaviour is tested on the hand-written stack in __tests__/fixtures/diagram/, so changes to the real
 * stacks never break these expectations.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { STALE_MESSAGE, runDiagram } from "../scripts/diagram/diagram";
import { DIAGRAM_STACK, diagramMarkdown, environmentDiagram, synthesizeStackJson } from "../scripts/diagram/generate";
import { buildDiagram, type Diagram, type DiagramView } from "../scripts/diagram/graph";
import { escapeLabel, renderMermaid } from "../scripts/diagram/mermaid";
import { END_MARKER, START_MARKER, readBlock, replaceBlock } from "../scripts/diagram/readme-block";
import { addressesIn, interpolations, readStackBlocks } from "../scripts/diagram/terraform-json";
import { AWS_RULES, ENVIRONMENT_VIEW } from "../scripts/diagram/view";

const ROOT = path.resolve(__dirname, "..");
const FIXTURE = path.join(__dirname, "fixtures/diagram/cdk.tf.json");

type Json = Record<string, Record<string, Record<string, unknown>>>;

const readFixture = (): Json => JSON.parse(fs.readFileSync(FIXTURE, "utf8"));

/** Every block address of a stack's JSON: `type.name`, `data.type.name`. */
function addressesOf(json: Json): string[] {
  return (["resource", "data"] as const).flatMap((mode) =>
    Object.entries(json[mode] ?? {}).flatMap(([type, blocks]) => Object.keys(blocks).map((name) => `${mode === "data" ? "data." : ""}${type}.${name}`)),
  );
}

/**
 * The same stack with every block renamed (as dropping cdktf's hash suffix, or any rename, does) and
 * every reference rewritten; construct paths unchanged.
 */
function renameAddresses(json: Json, rename: (name: string, index: number) => string): Json {
  const renames = new Map<string, string>();
  let index = 0;
  const renamed: Json = { ...json };
  for (const mode of ["resource", "data"] as const) {
    const prefix = mode === "data" ? "data." : "";
    renamed[mode] = Object.fromEntries(
      Object.entries(json[mode] ?? {}).map(([type, blocks]) => [
        type,
        Object.fromEntries(
          Object.entries(blocks).map(([name, body]) => {
            const newName = rename(name, index++);
            renames.set(`${prefix}${type}.${name}`, `${prefix}${type}.${newName}`);
            return [newName, body];
          }),
        ),
      ]),
    );
  }
  let text = JSON.stringify(renamed);
  for (const [from, to] of renames) {
    text = text.replace(new RegExp(`(?<![\\w.-])${from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`, "g"), to);
  }
  return JSON.parse(text);
}

/** The same stack with the order of types and of blocks within each type reversed. */
function reverseOrder(json: Json): Json {
  const reversed = <T>(object: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(object).reverse());
  return {
    ...json,
    resource: reversed(Object.fromEntries(Object.entries(json.resource).map(([type, blocks]) => [type, reversed(blocks)]))),
    data: reversed(Object.fromEntries(Object.entries(json.data).map(([type, blocks]) => [type, reversed(blocks)]))),
  };
}

const nodeCount = (diagram: Diagram): number => diagram.groups.reduce((sum, group) => sum + group.nodes.length, 0);
const nodesById = (diagram: Diagram) => new Map(diagram.groups.flatMap((group) => group.nodes.map((node) => [node.id, node] as const)));
const edgeLines = (diagram: Diagram): string[] => diagram.edges.map((edge) => `${edge.from} -> ${edge.to}${edge.label ? ` (${edge.label})` : ""}`);

function firstDifference(actual: string, expected: string): string {
  const actualLines = actual.split("\n");
  const expectedLines = expected.split("\n");
  const line = actualLines.findIndex((text, index) => text !== expectedLines[index]);
  const at = line === -1 ? actualLines.length : line;
  return `first difference at block line ${at + 1}:\n  README:    ${actualLines[at] ?? "(end)"}\n  generated: ${expectedLines[at] ?? "(end)"}`;
}

describe("README architecture diagram (prod stack)", () => {
  let prodJson: Json;
  let fresh: string;
  beforeAll(() => {
    prodJson = synthesizeStackJson(DIAGRAM_STACK) as Json;
    fresh = diagramMarkdown(environmentDiagram(prodJson), DIAGRAM_STACK);
  });

  it("equals a fresh generation (if not: npm run diagram)", () => {
    const block = readBlock(fs.readFileSync(path.join(ROOT, "README.md"), "utf8"));
    // The fix and the first differing line say more than jest's diff of the whole block.
    if (block !== fresh) throw new Error(`${STALE_MESSAGE}\n${firstDifference(block, fresh)}`);
  });

  it("contains no Terraform address, so renaming resources leaves it as it is", () => {
    const addresses = addressesOf(prodJson);
    expect(addresses.length).toBeGreaterThan(100);
    expect(addresses.filter((address) => fresh.includes(address))).toEqual([]);
    const readable = renameAddresses(prodJson, (_, index) => `renamed_${index}`);
    const readableText = JSON.stringify(readable);
    expect(addresses.filter((address) => readableText.includes(address))).toEqual([]);
    expect(diagramMarkdown(environmentDiagram(readable), DIAGRAM_STACK)).toBe(fresh);
  });

  it("stays readable: fewer than 60 nodes, the steps as subgraphs, the main resources present", () => {
    const diagram = environmentDiagram(prodJson);
    expect(nodeCount(diagram)).toBeLessThan(60);
    expect(diagram.groups.map((group) => group.title)).toEqual([
      "logs-key",
      "alert-topics",
      "account",
      "networking",
      "secrets",
      "load-balancer",
      "cluster",
      "backend",
      "frontend",
      "monitoring",
      "backend-deployment-alarms",
      "frontend-deployment-alarms",
    ]);
    const kinds = new Set(diagram.groups.flatMap((group) => group.nodes.map((node) => node.lines[0])));
    for (const kind of ["ALB", "Listener", "Target group", "ECS service", "Task definition", "ECR repository", "Secret", "Alarm", "SNS topic", "WAF web ACL", "NAT gateway"]) {
      expect(kinds).toContain(kind);
    }
    expect(edgeLines(diagram)).toEqual(
      expect.arrayContaining([
        "load_balancer_https -> load_balancer_frontend_target_group",
        "load_balancer_https -> load_balancer_backend_target_group (rule 100)",
        "load_balancer_waf_web_acl -> load_balancer_alb (protects)",
        "backend_service -> load_balancer_backend_target_group",
        "backend_service -> backend_task_definition",
        "backend_task_definition -> backend_registry_repository",
        "backend_task_definition -> secrets_openai_key",
        "backend_task_definition -> backend_logs_group",
        "monitoring_high_error_rate -> alert_topics_alerts",
      ]),
    );
  });
});

describe("generator (fixture stack)", () => {
  let diagram: Diagram;
  beforeAll(() => {
    diagram = buildDiagram(readStackBlocks(readFixture()), ENVIRONMENT_VIEW);
  });

  it("groups nodes by the step in their construct path, known steps in build order, the others alphabetically", () => {
    expect(diagram.groups.map((group) => [group.title, group.nodes.map((node) => node.id)])).toEqual([
      ["secrets", ["secrets_api_key", "secrets_ssm_parameters"]],
      ["monitoring", ["monitoring_api_unhealthy"]],
      ["alerts", ["alerts_critical"]],
      ["api", ["api_ssm_parameters", "api_logs", "api_registry_repository", "api_service", "api_task_definition"]],
      ["edge", ["edge_alb", "edge_api_tg", "edge_https", "edge_waf_web_acl", "edge_web_tg"]],
      ["network", ["network_acl", "network_private_subnets", "network_public_subnets", "network_vpc"]],
    ]);
  });

  it("draws an edge for each reference between drawn blocks, including bare references inside jsonencode", () => {
    expect(edgeLines(diagram)).toEqual([
      "monitoring_api_unhealthy -> alerts_critical",
      "monitoring_api_unhealthy -> edge_alb",
      "monitoring_api_unhealthy -> edge_api_tg",
      "api_service -> api_task_definition",
      "api_service -> edge_api_tg",
      "api_service -> network_private_subnets",
      "api_task_definition -> secrets_api_key",
      "api_task_definition -> secrets_ssm_parameters",
      "api_task_definition -> api_ssm_parameters",
      "api_task_definition -> api_logs",
      "api_task_definition -> api_registry_repository",
      "edge_alb -> network_public_subnets",
      "edge_https -> edge_alb",
      "edge_https -> edge_api_tg (rule 100)",
      "edge_https -> edge_web_tg",
      "edge_waf_web_acl -> edge_alb (protects)",
      "network_acl -> network_private_subnets",
      "network_private_subnets -> network_vpc",
      "network_public_subnets -> network_vpc",
    ]);
  });

  it("leaves out types without a rule, with their references; depends_on and skipped references draw nothing", () => {
    const blocks = [...nodesById(diagram).values()].flatMap((node) => node.blocks.map((block) => block.type));
    expect(blocks).not.toContain("aws_iam_role");
    expect(blocks).not.toContain("aws_iam_policy_document");
    // The service depends_on the listener; the target groups reference the VPC (skipped by the view).
    expect(edgeLines(diagram)).not.toContain("api_service -> edge_https");
    expect(edgeLines(diagram)).not.toContain("edge_api_tg -> network_vpc");
  });

  it("aggregates repetitive types per group (and per `by` value), listing their details", () => {
    const nodes = nodesById(diagram);
    expect(nodes.get("network_private_subnets")!.lines).toEqual(["2 private subnets", "10.0.1.0/24, 10.0.2.0/24"]);
    // An aggregate of one is drawn like a single resource.
    expect(nodes.get("network_public_subnets")!.lines).toEqual(["Subnet", "demo-public-a"]);
    expect(nodes.get("secrets_ssm_parameters")!.lines).toEqual(["2 SSM parameters", "log-level, region"]);
    expect(nodes.get("api_ssm_parameters")!.lines).toEqual(["SSM parameter", "/demo/api-image-tag"]);
  });

  it("folds satellites into their owner, following chains, and counts the ones the style asks for", () => {
    const nodes = nodesById(diagram);
    expect(nodes.get("network_acl")!.lines).toEqual(["Network ACL", "demo-private", "2 rules"]);
    expect(nodes.get("api_registry_repository")!.blocks.map((block) => block.path.join("/"))).toEqual([
      "app/api/registry/repository",
      "app/api/registry/lifecycle",
    ]);
    // scale-on-* fold into the scaling target, which folds into the service it references.
    expect(nodes.get("api_service")!.lines).toEqual(["ECS service", "demo-api", "2 scaling policies"]);
    expect(nodes.get("api_service")!.blocks.map((block) => block.type)).toEqual([
      "aws_ecs_service",
      "aws_appautoscaling_policy",
      "aws_appautoscaling_policy",
      "aws_appautoscaling_target",
    ]);
  });

  it("is deterministic: the same text whatever the JSON order or the addresses", () => {
    const render = (json: Json) => renderMermaid(buildDiagram(readStackBlocks(json), ENVIRONMENT_VIEW));
    const expected = render(readFixture());
    expect(render(readFixture())).toBe(expected);
    expect(render(reverseOrder(readFixture()))).toBe(expected);
    const renamed = renameAddresses(readFixture(), (name) => name.replace(/_[0-9A-F]{8}$/, "").replace(/^app_/, ""));
    expect(addressesOf(renamed)).toContain("aws_lb.edge_alb");
    expect(render(renamed)).toBe(expected);
    for (const address of [...addressesOf(readFixture()), ...addressesOf(renamed)]) expect(expected).not.toContain(address);
  });

  it("uses a view's own group order and rules", () => {
    const view: DiagramView = {
      group: (pathSegments) => (pathSegments.length > 2 ? pathSegments[1] : undefined),
      groupOrder: ["network", "edge"],
      rules: { aws_lb: AWS_RULES.aws_lb, aws_subnet: { aggregate: { kind: "Subnet", plural: "subnets" } }, aws_vpc: AWS_RULES.aws_vpc },
    };
    const small = buildDiagram(readStackBlocks(readFixture()), view);
    expect(small.groups.map((group) => [group.title, group.nodes.map((node) => node.lines.join(" / "))])).toEqual([
      ["network", ["3 subnets", "VPC / 10.0.0.0/16"]],
      ["edge", ["ALB / demo-alb"]],
    ]);
    // Without skipReference, every reference between drawn blocks is an edge.
    expect(edgeLines(small)).toEqual(["network_subnets -> network_vpc", "edge_alb -> network_subnets"]);
  });

  it("renders a Mermaid flowchart: subgraphs, shapes, quoted labels, labelled edges", () => {
    const text = renderMermaid(diagram, { direction: "TB", comment: "from the fixture" });
    const lines = text.split("\n");
    expect(lines.slice(0, 2)).toEqual(["flowchart TB", "  %% from the fixture"]);
    expect(lines).toContain('  subgraph step_edge["edge"]');
    expect(lines).toContain('    edge_alb(["ALB<br/>demo-alb"])');
    expect(lines).toContain('    api_logs[("Log group<br/>/demo/api")]');
    expect(lines).toContain('    edge_waf_web_acl{{"WAF web ACL<br/>demo-web-acl"}}');
    expect(lines).toContain('  edge_https -->|"rule 100"| edge_api_tg');
    expect(lines).toContain("  api_service --> api_task_definition");
    expect(escapeLabel('say "hi" <b> & go')).toBe("say #quot;hi#quot; &lt;b&gt; &amp; go");
  });
});

describe("references", () => {
  const known = new Set(["aws_lb.alb", "aws_lb_target_group.api-tg", "data.aws_iam_policy_document.trust"]);

  it("reads the expressions of a template, nested braces included, but not escaped ones", () => {
    expect(interpolations("a ${x} $${literal} %{ if y }${ { k = z } }%{ endif }")).toEqual(["x", " if y ", " { k = z } ", " endif "]);
  });

  it("finds only traversals that name an existing block, resources and data sources alike", () => {
    expect(addressesIn("${aws_lb.alb.arn_suffix}/${aws_lb_target_group.api-tg.arn}", known)).toEqual(["aws_lb.alb", "aws_lb_target_group.api-tg"]);
    expect(addressesIn("${data.aws_iam_policy_document.trust.json}", known)).toEqual(["data.aws_iam_policy_document.trust"]);
    expect(addressesIn('${jsonencode({"lb" = aws_lb.alb.arn, "x" = var.aws_lb.alb})}', known)).toEqual(["aws_lb.alb"]);
    expect(addressesIn("aws_lb.alb.arn outside any interpolation", known)).toEqual([]);
    expect(addressesIn("${aws_lb.other.arn} ${each.value.name}", known)).toEqual([]);
  });

  it("requires every block to carry its construct path", () => {
    const json = { resource: { aws_lb: { alb: { name: "x" } } } };
    expect(() => readStackBlocks(json)).toThrow("aws_lb.alb has no construct path");
  });
});

describe("README block and CLI", () => {
  const block = "```mermaid\nflowchart LR\n  a --> b\n```\n";
  const readme = (body: string) => `# Title\n\n## Architecture\n\nText before.\n\n${START_MARKER}\n${body}${END_MARKER}\n\nText after.\n`;
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "diagram-test-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function run(args: string[], content: string): { code: number; out: string; err: string; readme: string } {
    const readmePath = path.join(dir, "README.md");
    fs.writeFileSync(readmePath, content);
    const out: string[] = [];
    const err: string[] = [];
    const code = runDiagram(args, { readmePath, generate: () => block, out: (text) => out.push(text), err: (text) => err.push(text) });
    return { code, out: out.join(""), err: err.join(""), readme: fs.readFileSync(readmePath, "utf8") };
  }

  it("reads and replaces only the text between the markers", () => {
    expect(readBlock(readme(block))).toBe(block);
    expect(replaceBlock(readme("```mermaid\nold\n```\n"), block)).toBe(readme(block));
    expect(() => readBlock("no markers")).toThrow(START_MARKER);
  });

  it("--check exits 1 with the fix when the block is stale, and leaves README.md alone", () => {
    const stale = readme("```mermaid\nold\n```\n");
    const result = run(["--check"], stale);
    expect(result.code).toBe(1);
    expect(result.err).toBe("README.md architecture diagram is stale: run npm run diagram\n");
    expect(result.readme).toBe(stale);
  });

  it("--check exits 0 when the block is fresh", () => {
    expect(run(["--check"], readme(block))).toMatchObject({ code: 0, err: "" });
  });

  it("rewrites only the block, keeping the rest of README.md byte for byte", () => {
    const result = run([], readme("```mermaid\nold\n```\n"));
    expect(result.code).toBe(0);
    expect(result.readme).toBe(readme(block));
  });

  it("exits 1 on missing markers and 2 on unknown arguments", () => {
    expect(run([], "# no markers\n")).toMatchObject({ code: 1, err: expect.stringContaining(START_MARKER) });
    expect(run(["--fix"], readme(block))).toMatchObject({ code: 2, err: expect.stringContaining("Unknown argument(s): --fix") });
  });
});
