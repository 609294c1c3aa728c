/**
 * The GitHub stack (recipe-chatbot-github), unit layer only: the integrations/github provider is not
 * in the offline mirror, so `terraform validate` and an emulator run are impossible here (the first
 * test says so in the output). What Terraform can evaluate without a provider (the variables'
 * validations) runs through the real terraform binary below, and the HCL rendering is fmt-checked.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Testing } from "cdktf";
import YAML from "yaml";
import { CI_ROLE_NAMES, environmentCiRoleName, GITHUB_ENVIRONMENTS } from "../src/ci/names";
import { BACKEND, CLUSTER_NAME, FRONTEND, resolveEnvironments } from "../src/config";
import {
  DELIVERY_WORKFLOW_PATH,
  DELIVERY_WORKFLOW_TEMPLATE,
  ROLLOUT_MARKER,
  ROLLOUT_SCRIPT,
  renderDeliveryWorkflow,
} from "../src/github/delivery-workflow";
import { CODE_OWNERS_PATH, GITHUB_STACK_NAME, GithubStack, type GithubStackProps } from "../src/stacks/github-stack";
import { PolicyGuard } from "../src/policy";
import { GITHUB_RULES } from "../src/policy/rules/github";
import { HCL_DIR, synthesize } from "../src/synthesize";
import type { SynthesizedStack } from "./support/stacks";
import { runTerraform } from "./support/terraform";

const ROOT = path.resolve(__dirname, "..");
const read = (relative: string) => fs.readFileSync(path.join(ROOT, relative), "utf8");

const PROPS: GithubStackProps = {
  github: { owner: "example-org", repository: "recipe-chatbot-infra", appRepository: "recipe-chatbot" },
  environments: resolveEnvironments(),
};
const stack = JSON.parse(Testing.synth(new GithubStack(Testing.app(), PROPS))) as SynthesizedStack;
const resources = (type: string) => Object.values(stack.resource[type] ?? {});

/** How Terraform refers to one environment's account id, e.g. ${var.aws_account_ids.prod}. */
const account = (environment: string) => `\${var.aws_account_ids.${environment}}`;
const REPOSITORY = { infra: "${var.github_repository}", app: "${var.app_repository}" };
const GITHUB_ENVIRONMENT_NAMES = Object.values(GITHUB_ENVIRONMENTS);

describe("github stack", () => {
  it("github stack: validate/emulator layers skipped: integrations/github provider not in the offline mirror", () => {
    // The reason for the skip, checked rather than claimed: the mirror holds no integrations/github.
    const mirror = process.env.TF_PROVIDER_MIRROR;
    if (mirror) expect(fs.existsSync(path.join(mirror, "registry.terraform.io", "integrations", "github"))).toBe(false);
    // And what makes the unit layer enough: only github_* resources, no AWS provider, no data sources.
    expect(Object.keys(stack.provider)).toEqual(["github"]);
    expect(stack.terraform.required_providers).toEqual({ github: expect.objectContaining({ source: "integrations/github" }) });
    expect(Object.keys(stack.resource).filter((type) => !type.startsWith("github_"))).toEqual([]);
    expect(stack.data).toBeUndefined();
    console.info(
      `${GITHUB_STACK_NAME}: terraform validate and emulator layers skipped (integrations/github is not in the offline mirror); ` +
        "unit-tested through Testing.synth, variable validations evaluated by terraform.",
    );
  });

  it("configures the provider by variable, with no token: the provider reads GITHUB_TOKEN", () => {
    expect(stack.provider.github).toEqual([{ owner: "${var.github_owner}" }]);
    expect(JSON.stringify(stack)).not.toMatch(/token/i);
  });

  it("declares the variables with defaults from the props", () => {
    const variables = stack.variable!;
    expect(Object.keys(variables).sort()).toEqual([
      "app_repository",
      "aws_account_ids",
      "github_owner",
      "github_repository",
      "production_reviewer_team_ids",
      "production_reviewer_user_ids",
      "workflow_code_owners",
    ]);
    expect(variables.github_owner).toMatchObject({ type: "string", default: "example-org" });
    expect(variables.github_repository).toMatchObject({ type: "string", default: "recipe-chatbot-infra" });
    expect(variables.app_repository).toMatchObject({ type: "string", default: "recipe-chatbot" });
    expect(variables.aws_account_ids.type).toBe("map(string)");
    expect(variables.aws_account_ids).not.toHaveProperty("default");
    expect(variables.production_reviewer_team_ids).toMatchObject({ type: "list(number)", default: [] });
    expect(variables.production_reviewer_user_ids).toMatchObject({ type: "list(number)", default: [] });
  });

  it("creates staging and production in both repositories, only main may deploy, production waits for a reviewer", () => {
    const environments = resources("github_repository_environment").map((e) => [e.repository, e.environment, e]);
    expect(environments.map(([repository, name]) => `${repository} ${name}`).sort()).toEqual(
      [REPOSITORY.app, REPOSITORY.infra].flatMap((r) => GITHUB_ENVIRONMENT_NAMES.map((e) => `${r} ${e}`)).sort(),
    );
    for (const [, name, environment] of environments) {
      expect(environment).toMatchObject({
        can_admins_bypass: false,
        deployment_branch_policy: { custom_branch_policies: true, protected_branches: false },
      });
      if (name === GITHUB_ENVIRONMENTS.prod) {
        expect(environment.prevent_self_review).toBe(true);
        expect(environment.reviewers).toEqual([
          { teams: "${var.production_reviewer_team_ids}", users: "${var.production_reviewer_user_ids}" },
        ]);
      } else {
        expect(environment.reviewers).toBeUndefined();
      }
    }
    const policies = resources("github_repository_environment_deployment_policy");
    expect(policies).toHaveLength(environments.length);
    for (const policy of policies) {
      expect(policy.branch_pattern).toBe("main");
      expect(policy).not.toHaveProperty("tag_pattern");
      expect(policy.environment).toMatch(/^\$\{github_repository_environment\.[^.]+\.environment\}$/);
    }
  });

  it("publishes every Actions variable per environment with its exact value", () => {
    const byEnvironment: Record<string, Record<string, string>> = {};
    const environmentOf = Object.fromEntries(
      resources("github_repository_environment").map((e) => [e.environment, e]),
    );
    for (const variable of resources("github_actions_environment_variable")) {
      const name = /^\$\{github_repository_environment\.([^.]+)\.environment\}$/.exec(variable.environment)![1];
      const environment = stack.resource.github_repository_environment[name];
      expect(environmentOf[environment.environment]).toBeDefined();
      const key = `${variable.repository === REPOSITORY.app ? "app" : "infra"} ${environment.environment}`;
      byEnvironment[key] = { ...byEnvironment[key], [variable.variable_name]: variable.value };
    }
    const expected: Record<string, Record<string, string>> = {};
    for (const [environment, githubEnvironment] of Object.entries(GITHUB_ENVIRONMENTS)) {
      const region = "us-east-1";
      const common = { AWS_REGION: region, ENVIRONMENT_NAME: environment };
      expected[`infra ${githubEnvironment}`] = {
        ...common,
        AWS_APPLY_ROLE_ARN: `arn:aws:iam::${account(environment)}:role/${environmentCiRoleName("apply", githubEnvironment)}`,
      };
      expected[`app ${githubEnvironment}`] = {
        ...common,
        AWS_DEPLOY_ROLE_ARN: `arn:aws:iam::${account(environment)}:role/${environmentCiRoleName("deploy", githubEnvironment)}`,
        ECR_BACKEND_REPOSITORY: `${account(environment)}.dkr.ecr.${region}.amazonaws.com/${BACKEND.repositoryName}`,
        ECR_FRONTEND_REPOSITORY: `${account(environment)}.dkr.ecr.${region}.amazonaws.com/${FRONTEND.repositoryName}`,
        ECS_CLUSTER: CLUSTER_NAME,
        ECS_BACKEND_SERVICE: "recipe-chatbot-backend",
        ECS_FRONTEND_SERVICE: "recipe-chatbot-frontend",
      };
    }
    expect(byEnvironment).toEqual(expected);
  });

  it("publishes the read-only plan role of every environment as one repository variable for pull requests", () => {
    const [targets, ...others] = resources("github_actions_variable");
    expect(others).toEqual([]);
    expect(targets).toMatchObject({ repository: REPOSITORY.infra, variable_name: "AWS_PLAN_TARGETS" });
    const entries = PROPS.environments.map(
      (e) => `"${e.name}" = {"role_arn" = "arn:aws:iam::${account(e.name)}:role/${CI_ROLE_NAMES.plan}", "region" = "${e.region}"}`,
    );
    expect(targets.value).toBe(`\${jsonencode({${entries.join(", ")}})}`);
  });

  it("protects main of the application repository: a reviewed pull request, code owners' review, no force pushes (finding 2)", () => {
    const protection = resources("github_branch_protection").find((p) => p.repository_id === REPOSITORY.app);
    expect(protection).toMatchObject({
      pattern: "main",
      allows_force_pushes: false,
      allows_deletions: false,
      // Off: this stack commits deploy.yml and CODEOWNERS with an admin's token (README "GitHub stack").
      enforce_admins: false,
      required_pull_request_reviews: [
        { required_approving_review_count: 1, dismiss_stale_reviews: true, require_last_push_approval: true, require_code_owner_reviews: true },
      ],
    });
    const owners = resources("github_repository_file").find((f) => f.file === CODE_OWNERS_PATH);
    expect(owners).toMatchObject({ repository: REPOSITORY.app, branch: "main" });
    expect(owners!.content).toBe('/.github/ ${join(" ", var.workflow_code_owners)}');
    expect(stack.variable!.workflow_code_owners).not.toHaveProperty("default");
    const configured = JSON.parse(
      Testing.synth(new GithubStack(Testing.app(), { ...PROPS, github: { ...PROPS.github, workflowCodeOwners: ["@example-org/platform"] } })),
    ) as SynthesizedStack;
    expect(configured.variable!.workflow_code_owners).toMatchObject({ type: "list(string)", default: ["@example-org/platform"] });
  });

  it("applies the GitHub policy rules, and they refuse a deploying repository whose main is unprotected", () => {
    const { stack: construct, report } = (() => {
      const app = Testing.app();
      const github = new GithubStack(app, PROPS);
      return { stack: github, report: PolicyGuard.of(github)[0].evaluate(github) };
    })();
    expect(PolicyGuard.of(construct)[0].rules.map((r) => r.id)).toEqual(GITHUB_RULES.map((r) => r.id));
    expect(report.violations).toEqual([]);
    // The old stack: no protection of the application repository's main.
    const app = Testing.app();
    const old = new GithubStack(app, PROPS);
    const protection = old.node.findAll().find((c) => c.node.id === "app-main-protection")!;
    old.node.tryRemoveChild(protection.node.id);
    const violations = PolicyGuard.of(old)[0].evaluate(old).violations.map((v) => `${v.rule.id} ${v.message}`);
    expect(violations).toEqual([
      expect.stringMatching(/^RC-GH-002 .*repository \$\{var\.app_repository\} has no branch protection/),
      expect.stringMatching(/^RC-GH-002 .*repository \$\{var\.app_repository\} has no branch protection/),
    ]);
  });

  it("protects main of the infrastructure repository with the infra workflow's pull-request jobs as required checks", () => {
    const [protection] = resources("github_branch_protection").filter((p) => p.repository_id === REPOSITORY.infra);
    expect(protection).toMatchObject({
      repository_id: REPOSITORY.infra,
      pattern: "main",
      enforce_admins: true,
      allows_force_pushes: false,
      allows_deletions: false,
      required_pull_request_reviews: [{ required_approving_review_count: 1, dismiss_stale_reviews: true, require_last_push_approval: true }],
    });
    const [checks] = protection.required_status_checks;
    expect(checks.strict).toBe(true);
    expect([...checks.contexts].sort()).toEqual(pullRequestCheckNames().sort());
  });

  it("writes the rendered delivery workflow (template + rollout script) into the application repository", () => {
    const file = resources("github_repository_file").find((f) => f.file === DELIVERY_WORKFLOW_PATH)!;
    expect(file).toMatchObject({
      repository: REPOSITORY.app,
      file: DELIVERY_WORKFLOW_PATH,
      branch: "main",
      overwrite_on_create: true,
      commit_message: expect.stringContaining("managed by recipe-chatbot-infra"),
    });
    const encoded = /^\$\{base64decode\("([A-Za-z0-9+/=]+)"\)\}$/.exec(file.content)![1];
    const content = Buffer.from(encoded, "base64").toString("utf8");
    expect(content).toBe(renderDeliveryWorkflow(read(DELIVERY_WORKFLOW_TEMPLATE), read(ROLLOUT_SCRIPT)));
    expect(content).not.toContain(ROLLOUT_MARKER);
  });

  it("has nothing but repository settings", () => {
    expect(Object.keys(stack.resource).sort()).toEqual([
      "github_actions_environment_variable",
      "github_actions_variable",
      "github_branch_protection",
      "github_repository_environment",
      "github_repository_environment_deployment_policy",
      "github_repository_file",
    ]);
  });
});

describe("github stack as HCL (the exit path)", () => {
  it("renders every block of the JSON, fmt-clean", async () => {
    const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "github-stack-hcl-")), "cdktf.out");
    try {
      synthesize({ outdir, build: (app) => new GithubStack(app, PROPS) });
      const hclDir = path.join(outdir, HCL_DIR, GITHUB_STACK_NAME);
      await runTerraform(["fmt", "-check", "-diff", "."], { cwd: hclDir });
      const hcl = fs.readFileSync(path.join(hclDir, "main.tf"), "utf8");
      const blocks = (kind: string) => [...hcl.matchAll(new RegExp(`^${kind} "([^"]+)"(?: "([^"]+)")? \\{`, "gm"))].map((m) => m.slice(1).filter(Boolean).join("."));
      expect(blocks("variable").sort()).toEqual(Object.keys(stack.variable!).sort());
      expect(blocks("resource").sort()).toEqual(
        Object.entries(stack.resource).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`)).sort(),
      );
      expect(hcl.match(/^\w+/gm)!.filter((keyword) => !["terraform", "variable", "provider", "resource"].includes(keyword))).toEqual([]);
    } finally {
      fs.rmSync(path.dirname(outdir), { recursive: true, force: true });
    }
  });
});

describe("renderDeliveryWorkflow", () => {
  const template = ["jobs:", "  x:", "    steps:", "      - run: |", `          ${ROLLOUT_MARKER}`, ""].join("\n");

  it("replaces the marker with the script, indented so YAML reads back the exact text", () => {
    const script = "#!/usr/bin/env bash\nset -eu\n\nif true; then\n  echo \"${HOME}\" \\\n    done\nfi\n";
    const rendered = YAML.parse(renderDeliveryWorkflow(template, script));
    expect(rendered.jobs.x.steps[0].run).toBe(script);
  });

  it.each([
    ["no marker", "jobs: {}\n", "exactly once (found 0)"],
    ["two markers", `${template}${template}`, "exactly once (found 2)"],
  ])("rejects a template with %s", (_, text, message) => {
    expect(() => renderDeliveryWorkflow(text, "echo\n")).toThrow(message);
  });

  it("rejects a script that Actions would evaluate", () => {
    expect(() => renderDeliveryWorkflow(template, "echo ${{ secrets.X }}\n")).toThrow("must not contain");
  });
});

describe("variables, evaluated by terraform (needs no provider)", () => {
  let dir: string;
  const ACCOUNTS = { dev: "111111111111", staging: "222222222222", prod: "333333333333" };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "github-stack-variables-"));
    fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify({ variable: stack.variable }, null, 2));
    await runTerraform(["init", "-backend=false"], { cwd: dir });
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const plan = (vars: Record<string, unknown>) => {
    // Code owners have no default in the stack (no config): given unless a case is about them.
    fs.writeFileSync(path.join(dir, "terraform.tfvars.json"), JSON.stringify({ workflow_code_owners: ["@example-org/platform"], ...vars }));
    return runTerraform(["plan", "-input=false"], { cwd: dir, allowedExitCodes: [0, 1] });
  };

  const OWNERS = { workflow_code_owners: ["@example-org/platform"] };

  it("accepts an account id per environment with production reviewers and code owners", async () => {
    expect((await plan({ aws_account_ids: ACCOUNTS, production_reviewer_team_ids: [4242], production_reviewer_user_ids: [7], ...OWNERS })).code).toBe(0);
    expect((await plan({ aws_account_ids: ACCOUNTS, production_reviewer_user_ids: [7], ...OWNERS })).code).toBe(0);
  });

  it("fails the plan without a production reviewer, naming the setting that allows it (finding 2)", async () => {
    const result = await plan({ aws_account_ids: ACCOUNTS, ...OWNERS });
    expect(result.code).toBe(1);
    expect(result.stderr.replace(/\s+/g, " ")).toContain("name no reviewer: production would deploy without approval");
    expect(result.stderr.replace(/\s+/g, " ")).toContain("github.allowUnreviewedProduction: true");
  });

  it("passes without reviewers only when the configuration allows unreviewed production explicitly", async () => {
    const allowed = JSON.parse(
      Testing.synth(new GithubStack(Testing.app(), { ...PROPS, github: { ...PROPS.github, allowUnreviewedProduction: true } })),
    ) as SynthesizedStack;
    const other = fs.mkdtempSync(path.join(os.tmpdir(), "github-stack-unreviewed-"));
    try {
      fs.writeFileSync(path.join(other, "main.tf.json"), JSON.stringify({ variable: allowed.variable }, null, 2));
      fs.writeFileSync(path.join(other, "terraform.tfvars.json"), JSON.stringify({ aws_account_ids: ACCOUNTS, ...OWNERS }));
      await runTerraform(["init", "-backend=false"], { cwd: other });
      expect((await runTerraform(["plan", "-input=false"], { cwd: other, allowedExitCodes: [0, 1] })).code).toBe(0);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it.each([
    ["an 11-digit account id", { aws_account_ids: { ...ACCOUNTS, prod: "33333333333" } }, "must be a 12-digit AWS account id"],
    ["a missing environment", { aws_account_ids: { dev: ACCOUNTS.dev, staging: ACCOUNTS.staging } }, "needs an account id for each of: dev, staging, prod"],
    ["a fractional reviewer id", { aws_account_ids: ACCOUNTS, production_reviewer_user_ids: [1.5] }, "must list GitHub user ids"],
    ["seven reviewers", { aws_account_ids: ACCOUNTS, production_reviewer_team_ids: [1, 2, 3, 4], production_reviewer_user_ids: [5, 6, 7] }, "at most 6 reviewers in all"],
    ["an owner with a slash", { aws_account_ids: ACCOUNTS, github_owner: "org/repo" }, "must be a GitHub login"],
    ["no code owner", { aws_account_ids: ACCOUNTS, production_reviewer_user_ids: [7], workflow_code_owners: [] }, "must name at least one code owner"],
    ["a code owner without @", { aws_account_ids: ACCOUNTS, production_reviewer_user_ids: [7], workflow_code_owners: ["platform"] }, "must name at least one code owner"],
    ["a repository with its owner", { aws_account_ids: ACCOUNTS, app_repository: "org/app" }, "must be a repository name"],
  ])("rejects %s", async (_, vars, message) => {
    const result = await plan(vars);
    expect(result.code).toBe(1);
    expect(result.stderr.replace(/\s+/g, " ")).toContain(message);
  });
});

/**
 * The status-check names the infra workflow reports on a pull request: the `name` of every job that
 * runs on pull_request, one per matrix value. The plan comment and cost estimate jobs only report, so
 * they are no gate.
 */
function pullRequestCheckNames(): string[] {
  const workflow = YAML.parse(read(".github/workflows/infra.yml"));
  const REPORTING_ONLY = ["plan-comment", "cost"];
  return Object.entries<any>(workflow.jobs)
    .filter(([id, job]) => !REPORTING_ONLY.includes(id) && (job.if === undefined || String(job.if).includes("pull_request")))
    .flatMap(([id, job]) => {
      const name: string = job.name ?? id;
      const matrix: Record<string, unknown[]> = job.strategy?.matrix ?? {};
      const [key, values] = Object.entries(matrix)[0] ?? [];
      return key ? values.map((value) => name.replace(`\${{ matrix.${key} }}`, String(value))) : [name];
    });
}
