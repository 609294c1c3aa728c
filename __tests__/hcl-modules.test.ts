/**
 * terraform/modules/<name>/: HCL modules generated from the module library. They are fresh (CI fails
 * when a construct changes without `npm run terraform:modules`), shaped as Terraform users expect
 * (no provider or backend, every input typed and described), valid, and their variable validations
 * reject what the constructs reject, with the message in the plan's error.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { HCL_MODULES, HCL_MODULES_DIR, generateModules, splitRoot, staleModules } from "../scripts/terraform/hcl-modules";
import { runTerraform, terraformInitValidate } from "./support/terraform";

jest.setTimeout(5 * 60_000);

const MODULE_FILES = ["README.md", "main.tf", "outputs.tf", "variables.tf", "versions.tf"];

const fresh = generateModules();

/** `name` -> the block bodies of one kind (`variable`, `output`) in an HCL file, by label. */
function blocks(hcl: string, kind: string): Map<string, string> {
  return new Map([...hcl.matchAll(new RegExp(`^${kind} "([^"]+)" \\{\\n([\\s\\S]*?)^\\}`, "gm"))].map((m) => [m[1], m[2]]));
}

/** `type.name` -> the body of each resource block in an HCL file. */
function resourceBlocks(hcl: string): Map<string, string> {
  return new Map([...hcl.matchAll(/^resource "([^"]+)" "([^"]+)" \{\n([\s\S]*?)^\}/gm)].map((m) => [`${m[1]}.${m[2]}`, m[3]]));
}

describe("HCL modules (terraform/modules)", () => {
  it("are one folder per module of the library, each identical to a fresh generation (else: npm run terraform:modules)", () => {
    expect(fs.readdirSync(HCL_MODULES_DIR).sort()).toEqual(["alb", "ecs-service", "monitoring", "networking", "secrets"]);
    expect(staleModules(fresh)).toEqual([]);
  });

  it("reports a changed file, a missing file and a folder no module has any more", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hcl-modules-"));
    for (const [name, files] of fresh) {
      fs.mkdirSync(path.join(dir, name));
      for (const [file, content] of files) fs.writeFileSync(path.join(dir, name, file), content);
    }
    expect(staleModules(fresh, dir)).toEqual([]);
    fs.appendFileSync(path.join(dir, "alb", "main.tf"), "\n# hand edit\n");
    fs.rmSync(path.join(dir, "secrets", "README.md"));
    fs.mkdirSync(path.join(dir, "queue"));
    expect(staleModules(fresh, dir)).toEqual(["secrets", "alb", "queue"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe.each(HCL_MODULES.map((spec) => [spec.name]))("%s", (name) => {
    const files = fresh.get(name)!;

    it("has main.tf, variables.tf, outputs.tf, versions.tf and a README, with no provider or backend block", () => {
      expect([...files.keys()].sort()).toEqual(MODULE_FILES);
      for (const [file, content] of files) {
        expect(content).not.toMatch(/^provider\s/m);
        expect(content).not.toMatch(/backend\s+"/);
        expect(content).not.toContain(process.cwd());
        if (file.endsWith(".tf")) expect(content).not.toMatch(/TfToken|undefined/);
        // A number token that JavaScript arithmetic turned into its placeholder value (about -8e+295).
        if (file.endsWith(".tf")) expect(content).not.toMatch(/\de\+\d{3}\b/);
      }
      expect(files.get("main.tf")).toMatch(/^resource "aws_/m);
    });

    it("requires hashicorp/aws within a major version range and Terraform >= 1.9 (cross-variable validation)", () => {
      const versions = files.get("versions.tf")!;
      expect(versions).toContain('source  = "hashicorp/aws"');
      expect(versions).toContain('version = ">= 5.100.0, < 6.0.0"');
      expect(versions).toContain('required_version = ">= 1.9"');
    });

    it("types and describes every input, describes every output, and documents both in its README", () => {
      const variables = blocks(files.get("variables.tf")!, "variable");
      const outputs = blocks(files.get("outputs.tf")!, "output");
      expect(variables.size).toBeGreaterThan(0);
      expect(outputs.size).toBeGreaterThan(0);
      const readme = files.get("README.md")!;
      for (const [variable, body] of variables) {
        expect(body).toMatch(/^\s+type\s+=/m);
        expect(body).toMatch(/^\s+description\s+= "\S/m);
        expect(readme).toContain(`| \`${variable}\` |`);
      }
      for (const [output, body] of outputs) {
        expect(body).toMatch(/^\s+description\s+= "\S/m);
        expect(readme).toContain(`| \`${output}\` |`);
      }
      expect(readme).toContain(`source = "../modules/${name}"`);
    });

    it("passes terraform validate on its own", async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hcl-module-${name}-`));
      for (const [file, content] of files) fs.writeFileSync(path.join(dir, file), content);
      await terraformInitValidate(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });

  it("ecs-service: creates the two scheduled actions only with working_hours_enabled, and without them replaces the target when its bounds change", () => {
    const resources = resourceBlocks(fresh.get("ecs-service")!.get("main.tf")!);
    const scheduled = [...resources].filter(([address]) => address.startsWith("aws_appautoscaling_scheduled_action."));
    expect(scheduled.map(([address]) => address)).toEqual(["aws_appautoscaling_scheduled_action.service_schedule_scale_in", "aws_appautoscaling_scheduled_action.service_schedule_scale_out"]);
    for (const [, body] of scheduled) expect(body).toContain("count = var.working_hours_enabled ? 1 : 0");
    const target = resources.get("aws_appautoscaling_target.service_scaling_target")!;
    expect(target).toMatch(/ignore_changes = \[\s*min_capacity,\s*max_capacity,\s*\]/);
    // A bare reference: plan refuses the template cdktf writes there ("${terraform_data.scaling_bounds}").
    expect(target).toMatch(/replace_triggered_by = \[\s*terraform_data\.scaling_bounds,\s*\]/);
    for (const [address, body] of resources) {
      if (address.startsWith("aws_appautoscaling_policy.") || address.startsWith("aws_appautoscaling_scheduled_action.")) {
        expect([address, body]).toEqual([address, expect.stringMatching(/replace_triggered_by = \[\s*aws_appautoscaling_target\.service_scaling_target,\s*\]/)]);
      }
    }
    expect(resources.get("terraform_data.scaling_bounds")).toContain('var.working_hours_enabled ? "set by the scheduled actions" : format("%d-%d", var.min_capacity, var.max_capacity)');
  });

  it("splits a root into the module's files, dropping the provider block and the backend", () => {
    const root = [
      "terraform {",
      "  required_providers {",
      "    aws = {",
      '      source = "hashicorp/aws"',
      "    }",
      "  }",
      '  backend "local" {',
      '    path = "terraform.x.tfstate"',
      "  }",
      "}",
      "",
      'provider "aws" {',
      "}",
      "",
      'variable "a" {',
      "  type = string",
      "}",
      "",
      'resource "aws_vpc" "v" {',
      "  cidr_block = var.a",
      "}",
      "",
      'output "id" {',
      "  value = aws_vpc.v.id",
      "}",
      "",
    ].join("\n");
    const split = splitRoot(root);
    expect(split.main).toBe('resource "aws_vpc" "v" {\n  cidr_block = var.a\n}\n');
    expect(split.variables).toBe('variable "a" {\n  type = string\n}\n');
    expect(split.outputs).toBe('output "id" {\n  value = aws_vpc.v.id\n}\n');
    expect(split.versions).not.toContain("backend");
    expect(split.versions).toContain('required_version = ">= 1.9"');
  });

  /**
   * The plan's error output (whitespace collapsed) for a root calling modules with these inputs; a
   * key is a module's name, optionally with a ":label" suffix to call one module twice.
   */
  async function planErrors(calls: Record<string, Record<string, unknown>>): Promise<string> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hcl-modules-invalid-"));
    const call = ([key, inputs]: [string, Record<string, unknown>]) =>
      `module "${key.replace(/[-:]/g, "_")}" {\n  source = "${path.join(HCL_MODULES_DIR, key.split(":")[0])}"\n` +
      Object.entries(inputs).map(([k, v]) => `  ${k} = ${JSON.stringify(v)}\n`).join("") +
      "}\n";
    // No credentials are needed: variable validation fails the plan before anything is read.
    const provider = 'provider "aws" {\n  region = "us-east-1"\n  access_key = "x"\n  secret_key = "x"\n  skip_credentials_validation = true\n  skip_requesting_account_id = true\n  skip_metadata_api_check = true\n}\n';
    fs.writeFileSync(path.join(dir, "main.tf"), [provider, ...Object.entries(calls).map(call)].join("\n"));
    try {
      await runTerraform(["init", "-backend=false"], { cwd: dir });
      const { stderr } = await runTerraform(["plan", "-refresh=false"], { cwd: dir, allowedExitCodes: [1] });
      return stderr.replace(/\s+/g, " ");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  const VALID = {
    networking: {
      name_prefix: "shop",
      vpc_cidr: "10.0.0.0/16",
      availability_zones: ["us-east-1a", "us-east-1b"],
      public_subnet_cidrs: ["10.0.0.0/24", "10.0.1.0/24"],
      private_subnet_cidrs: ["10.0.10.0/24", "10.0.11.0/24"],
      service_port: 8080,
    },
    "ecs-service": { cluster_name: "c", service_name: "s", vpc_id: "v", subnet_ids: ["a"], image_tag: "t", port: 8080, target_group_arn: "arn", load_balancer_security_group_id: "sg" },
    alb: { name_prefix: "shop", vpc_id: "v", subnet_ids: ["a", "b"], domain_name: "d", hosted_zone_id: "z", target_port: 8080 },
    secrets: {
      kms_key_alias: "shop-secrets",
      secret_name: "s",
      secret_description: "d",
      secret_environment_variable: "API_KEY",
      parameter_name: "p",
      parameter_value: "v",
      parameter_description: "d",
      parameter_environment_variable: "LOG_LEVEL",
    },
    monitoring: { name: "m", cluster_name: "c", service_name: "s", load_balancer_arn_suffix: "l", target_group_arn_suffix: "t" },
  };

  it("rejects, by its variable validations, the inputs the constructs reject: a plan fails naming each", async () => {
    const messages = await planErrors({
      networking: { ...VALID.networking, availability_zones: ["us-east-1a", "us-east-1a"], service_port: 70000, flow_log_retention_days: 10 },
      "ecs-service": { ...VALID["ecs-service"], cpu: 300 },
      alb: { ...VALID.alb, name_prefix: "a-name-prefix-far-too-long-for-aws", subnet_ids: ["a"] },
      secrets: { ...VALID.secrets, kms_key_alias: "aws/mine", secret_environment_variable: "1BAD", recovery_window_days: 3 },
      monitoring: { ...VALID.monitoring, error_rate_percent: 0 },
    });
    for (const expected of [
      "availability_zones must list 2 distinct zones",
      "service_port must be an integer from 1 to 65535",
      "flow_log_retention_days must be one of 1, 3, 5, 7",
      "cpu must be one of 256, 512, 1024",
      "name_prefix must be at most 28 letters, digits and hyphens",
      "subnet_ids must list at least two subnets",
      "kms_key_alias must be 1-250 letters",
      "secret_environment_variable must be an environment variable name",
      "recovery_window_days must be an integer from 7 to 30",
      "error_rate_percent must be above 0 and at most 100",
    ]) {
      expect(messages).toContain(expected);
    }
    expect(messages).not.toContain("parameter_environment_variable must");
  });

  it("checks inputs against each other: subnets inside the VPC, memory that Fargate offers with the CPU, max not below min", async () => {
    const messages = await planErrors({
      networking: { ...VALID.networking, public_subnet_cidrs: ["10.0.0.0/24", "10.1.0.0/24"] },
      "ecs-service": { ...VALID["ecs-service"], cpu: 256, memory: 4096, min_capacity: 3, max_capacity: 2 },
    });
    expect(messages).toContain("public_subnet_cidrs must list 2 IPv4 networks inside vpc_cidr");
    expect(messages).toContain("memory must be a size Fargate offers with cpu");
    expect(messages).toContain("max_capacity must be an integer from 1 to 5000, at least min_capacity");
    expect(messages).not.toContain("private_subnet_cidrs must");
  });

  it("refuses the ecs-service cost levers the construct and the configuration refuse: out of range, then ARM64 on Spot, no weight, hours out of order", async () => {
    const ecs = VALID["ecs-service"];
    // Terraform reports the checks that read other variables only once every variable passed its own.
    const own = await planErrors({
      "ecs-service": { ...ecs, cpu_architecture: "Graviton", on_demand_base: 1.5, working_hours_timezone: "Europe Berlin", working_days: "MON-THU", working_hours_start: 24 },
    });
    for (const expected of [
      "cpu_architecture must be one of X86_64, ARM64.",
      "on_demand_base must be an integer from 0 to 100000.",
      "working_hours_timezone must be an IANA time zone name such as Europe/Berlin or UTC.",
      "working_days must be one of MON-FRI, MON-SAT, MON-SUN.",
      "working_hours_start must be an integer from 0 to 23.",
    ]) {
      expect(own).toContain(expected);
    }
    // One call each: a failing check that reads other variables may hide the module's other such checks.
    const cases: [Record<string, unknown>, string][] = [
      [{ cpu_architecture: "ARM64", spot_weight: 1 }, "cpu_architecture ARM64 cannot run on Fargate Spot (X86_64 only): set spot_weight to 0, or use X86_64."],
      [{ working_hours_start: 9, working_hours_end: 9 }, "working_hours_end must be after working_hours_start."],
      [{ on_demand_weight: 0, spot_weight: 0 }, "on_demand_weight and spot_weight must not both be 0."],
      [{ working_hours_end: 25 }, "working_hours_end must be an integer from 1 to 24."],
    ];
    const messages = await Promise.all(cases.map(([inputs]) => planErrors({ "ecs-service": { ...ecs, ...inputs } })));
    for (const [i, text] of messages.entries()) expect(text).toContain(cases[i][1]);
  });

  it("accepts valid inputs (the plan fails only for want of an AWS endpoint)", async () => {
    const messages = await planErrors({
      ...VALID,
      // Every lever on: Graviton without Spot, working hours to midnight in a zone with daylight saving time.
      "ecs-service:levers": {
        ...VALID["ecs-service"],
        cpu_architecture: "ARM64",
        on_demand_base: 1,
        on_demand_weight: 1,
        spot_weight: 0,
        working_hours_enabled: true,
        working_hours_timezone: "America/Argentina/Buenos_Aires",
        working_days: "MON-SAT",
        working_hours_start: 0,
        working_hours_end: 24,
      },
      "ecs-service:spot": { ...VALID["ecs-service"], on_demand_weight: 0, spot_weight: 1, working_hours_timezone: "Etc/GMT+5" },
    });
    expect(messages).not.toContain("Invalid value for variable");
    expect(messages).toContain("GetCallerIdentity");
  });

  it("has an example root calling every module that passes terraform validate", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hcl-example-"));
    fs.cpSync(path.join(HCL_MODULES_DIR, ".."), dir, { recursive: true, filter: (source) => !/^(\.terraform.*|.*\.tfstate.*)$/.test(path.basename(source)) });
    const example = path.join(dir, "examples", "web-service");
    const main = fs.readFileSync(path.join(example, "main.tf"), "utf8");
    for (const spec of HCL_MODULES) expect(main).toContain(`source = "../../modules/${spec.name}"`);
    await terraformInitValidate(example);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
