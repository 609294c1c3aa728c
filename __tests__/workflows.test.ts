/**
 * The two GitHub Actions workflows: .github/workflows/infra.yml (this repository) and the delivery
 * workflow the GitHub stack writes into the application repository (assets/deploy.yml rendered
 * with assets/rollout.sh). Structure, action pinning, least privilege, OIDC only, and that
 * every `vars.NAME` they read is one the GitHub stack publishes where the job can see it.
 */
import * as fs from "fs";
import * as path from "path";
import { Testing } from "cdktf";
import YAML from "yaml";
import { GITHUB_ENVIRONMENTS } from "../src/ci/names";
import { BACKEND, FRONTEND, resolveEnvironments } from "../src/config";
import { DELIVERY_WORKFLOW_TEMPLATE, ROLLOUT_MARKER, ROLLOUT_SCRIPT, loadDeliveryWorkflow } from "../src/github/delivery-workflow";
import { packageFile } from "../src/core/package-root";
import { ACTIONS_VARIABLES, GithubStack } from "../src/stacks/github-stack";
import type { SynthesizedStack } from "./support/stacks";

const ROOT = path.resolve(__dirname, "..");
const read = (relative: string) => fs.readFileSync(path.join(ROOT, relative), "utf8");

/**
 * Pin policy: an action is referenced by the full commit SHA of a release (a tag can be moved to
 * other code), with the release tag in a trailing comment for readers and update tools, from an
 * owner on this allow-list. The commits are those of ../shared/reference/github-actions-pins.md.
 */
const PIN = /^(?<owner>[A-Za-z0-9-]+)\/[A-Za-z0-9._-]+@[0-9a-f]{40}$/;
const PINNED_LINE = /^\s*(?:- )?uses: [A-Za-z0-9-]+\/[A-Za-z0-9._-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/;
const TRUSTED_OWNERS = ["actions", "aws-actions", "hashicorp"];
const CREDENTIALS_ACTION = "aws-actions/configure-aws-credentials";
const PERMISSION_LEVELS = ["read", "write", "none"];
/** GitHub-hosted runners a job may name; `${{ matrix.runner }}` must resolve to these too. */
const HOSTED_RUNNERS = ["ubuntu-latest", "ubuntu-24.04", "ubuntu-24.04-arm"];

/**
 * The newest major of each action in use and its commit (../shared/reference/github-actions-pins.md,
 * read 2026-12-02): the majors before them run on Node 20, which GitHub's runners have retired.
 */
const NEWEST_PINS: Record<string, { tag: string; commit: string }> = {
  "actions/checkout": { tag: "v7.0.1", commit: "3d3c42e5aac5ba805825da76410c181273ba90b1" },
  "actions/setup-node": { tag: "v7.0.0", commit: "820762786026740c76f36085b0efc47a31fe5020" },
  "actions/setup-python": { tag: "v7.0.0", commit: "5fda3b95a4ea91299a34e894583c3862153e4b97" },
  "actions/upload-artifact": { tag: "v7.0.0", commit: "bbbca2ddaa5d8feaa63e36b76fdaad77386f024f" },
  "actions/download-artifact": { tag: "v8.0.1", commit: "3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c" },
  "aws-actions/amazon-ecr-login": { tag: "v2.1.7", commit: "03f1aad4c6c7ffd436567f42f9384779290529bd" },
  "aws-actions/configure-aws-credentials": { tag: "v6.2.3", commit: "e6de054238d6b7531b4efff3b6587d9aade6a06c" },
  "hashicorp/setup-terraform": { tag: "v4.0.1", commit: "dfe3c3f87815947d99a8997f908cb6525fc44e9e" },
};

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  name?: string;
  if?: string;
  needs?: string | string[];
  "runs-on": string;
  environment?: string;
  permissions?: Record<string, string>;
  strategy?: { "fail-fast"?: boolean; matrix: Record<string, any> };
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, { branches?: string[] }>;
  permissions: unknown;
  jobs: Record<string, Job>;
}

function parse(text: string, source: string): Workflow {
  const document = YAML.parseDocument(text);
  if (document.errors.length > 0) throw new Error(`${source}: ${document.errors.map((e) => e.message).join("; ")}`);
  return document.toJS() as Workflow;
}

const WORKFLOWS = {
  infra: { source: ".github/workflows/infra.yml", text: read(".github/workflows/infra.yml") },
  deploy: { source: `${DELIVERY_WORKFLOW_TEMPLATE} (rendered)`, text: loadDeliveryWorkflow() },
};
const infra = parse(WORKFLOWS.infra.text, WORKFLOWS.infra.source);
const deploy = parse(WORKFLOWS.deploy.text, WORKFLOWS.deploy.source);

const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const usesOf = (job: Job, action: string) => job.steps.filter((s) => s.uses?.split("@")[0] === action);

describe.each([
  ["infra", infra, WORKFLOWS.infra.text],
  ["deploy", deploy, WORKFLOWS.deploy.text],
] as const)("%s workflow", (_, workflow, text) => {
  it("is a workflow: on, jobs, and every job has runs-on and steps that each use an action or run a script", () => {
    expect(workflow.name).toEqual(expect.any(String));
    expect(Object.keys(workflow.on).length).toBeGreaterThan(0);
    expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
    for (const job of Object.values(workflow.jobs)) {
      const runners = job["runs-on"] === "${{ matrix.runner }}" ? job.strategy!.matrix.include.map((leg: { runner?: string }) => leg.runner) : [job["runs-on"]];
      for (const runner of runners) expect(HOSTED_RUNNERS).toContain(runner);
      expect(job.steps.length).toBeGreaterThan(0);
      for (const step of job.steps) expect([step.uses, step.run].filter((x) => x !== undefined)).toHaveLength(1);
      for (const needed of [job.needs ?? []].flat()) expect(Object.keys(workflow.jobs)).toContain(needed);
    }
  });

  it("runs scripts with bash -eo pipefail (shell: bash), so a failing command inside a pipe fails the step", () => {
    expect((workflow as Workflow & { defaults?: unknown }).defaults).toEqual({ run: { shell: "bash" } });
    for (const step of steps(workflow)) expect(step.shell).toBeUndefined();
  });

  it("runs only on main: pushes to it and pull requests into it", () => {
    for (const trigger of Object.values(workflow.on)) expect(trigger.branches).toEqual(["main"]);
  });

  it("pins every action of a trusted owner to a release's full commit SHA, the tag in a comment", () => {
    const uses = steps(workflow).flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses.length).toBeGreaterThan(0);
    for (const ref of uses) {
      expect(ref).toMatch(PIN);
      expect(TRUSTED_OWNERS).toContain(PIN.exec(ref)!.groups!.owner);
    }
    // YAML anchors reuse steps, so a line may stand for several steps: check every line, and that each step has one.
    const usesLines = text.split("\n").filter((line) => /^\s*(- )?uses:/.test(line));
    for (const line of usesLines) expect(line).toMatch(PINNED_LINE);
    for (const ref of uses) expect(usesLines.some((line) => line.includes(`uses: ${ref} # v`))).toBe(true);
  });

  it("uses the newest major of every action (older ones run on the retired Node 20), at its release commit and tag (finding 3)", () => {
    const usesLines = text.split("\n").filter((line) => /^\s*(- )?uses:/.test(line));
    for (const line of usesLines) {
      const [, action, commit, tag] = /uses: ([^@]+)@([0-9a-f]{40}) # (v[\d.]+)$/.exec(line)!;
      expect({ action, commit, tag }).toEqual({ action, ...NEWEST_PINS[action] });
    }
  });

  it("installs or runs no npm package in a job that can mint an OIDC token (finding 3)", () => {
    for (const [id, job] of Object.entries(workflow.jobs)) {
      if (job.permissions?.["id-token"] !== "write") continue;
      const scripts = job.steps.map((s) => s.run ?? "").join("\n");
      expect([id, scripts]).toEqual([id, expect.not.stringMatching(/\b(npm|npx|yarn|pnpm|node|tsx)\b/)]);
      expect([id, usesOf(job, "actions/setup-node")]).toEqual([id, []]);
    }
  });

  it("grants nothing by default and each job only what it uses", () => {
    expect(workflow.permissions).toEqual({});
    expect(text).not.toMatch(/write-all|read-all/);
    for (const [id, job] of Object.entries(workflow.jobs)) {
      expect([id, typeof job.permissions]).toEqual([id, "object"]);
      for (const level of Object.values(job.permissions!)) expect(PERMISSION_LEVELS).toContain(level);
      const oidc = usesOf(job, CREDENTIALS_ACTION).length > 0;
      // id-token exactly where a job exchanges it for an AWS role; never beside a write to the repository.
      expect([id, job.permissions!["id-token"]]).toEqual([id, oidc ? "write" : undefined]);
      expect([id, job.permissions!.contents]).toEqual([id, oidc || job.steps.some((s) => s.uses?.startsWith("actions/checkout@")) ? "read" : undefined]);
      if (job.permissions!["pull-requests"] === "write") expect([id, oidc]).toEqual([id, false]);
      const allowed = ["id-token", "contents", "pull-requests"];
      expect(Object.keys(job.permissions!).filter((scope) => !allowed.includes(scope))).toEqual([]);
    }
  });

  it("gets AWS credentials from OIDC roles only: no stored keys or secrets anywhere", () => {
    expect(text).not.toMatch(/secrets\.AWS_ACCESS_KEY_ID|secrets\.AWS_SECRET_ACCESS_KEY/);
    expect(text).not.toMatch(/\bsecrets\./);
    const credentialSteps = Object.values(workflow.jobs).flatMap((job) => usesOf(job, CREDENTIALS_ACTION));
    expect(credentialSteps.length).toBeGreaterThan(0);
    for (const step of credentialSteps) {
      expect(Object.keys(step.with!).sort()).toEqual(["aws-region", "role-to-assume"]);
      expect(step.with!["role-to-assume"]).toMatch(/^\$\{\{ (vars\.[A-Z_]+|fromJSON\(vars\.[A-Z_]+\)\[matrix\.\w+\]\.role_arn) \}\}$/);
    }
  });

  it("never expands an expression inside a script (script injection): scripts read env variables", () => {
    for (const step of steps(workflow)) expect(step.run ?? "").not.toContain("${{");
  });

  it("reads only Actions variables the GitHub stack publishes where the job can see them", () => {
    const repository = workflow === infra ? "${var.github_repository}" : "${var.app_repository}";
    for (const [id, job] of Object.entries(workflow.jobs)) {
      const visible = job.environment
        ? publishedVariables(repository, job.environment)
        : publishedVariables(repository, undefined);
      expect([id, variablesReadBy(job).filter((name) => !visible.includes(name))]).toEqual([id, []]);
    }
  });

  it("runs no --force-new-deployment (it restarts the old image: README \"Delivery\")", () => {
    for (const step of steps(workflow)) expect(step.run ?? "").not.toContain("--force-new-deployment");
  });
});

describe("infra workflow", () => {
  const { jobs } = infra;

  it("runs Node 22 LTS, the supported runtime: the same major as package.json engines and .nvmrc (Node 20 is end of life)", () => {
    const env = (infra as Workflow & { env: Record<string, string> }).env;
    expect(env.NODE_VERSION).toBe("22");
    expect(JSON.parse(read("package.json")).engines).toEqual({ node: ">=22" });
    expect(read(".nvmrc").trim()).toBe("22");
    for (const job of Object.values(jobs)) {
      for (const step of usesOf(job, "actions/setup-node")) expect(step.with!["node-version"]).toBe("${{ env.NODE_VERSION }}");
    }
  });

  it("tests on pull requests and pushes, with moto, Terraform and the real npm test", () => {
    expect(jobs.test.if).toBeUndefined();
    const runs = jobs.test.steps.map((s) => s.run ?? s.uses!.split("@")[0]);
    expect(runs).toEqual(
      expect.arrayContaining(["actions/setup-node", "hashicorp/setup-terraform", "actions/setup-python", 'pip install "moto[server]==$MOTO_VERSION"', "npm ci", "npm test"]),
    );
    expect(runs.indexOf("npm test")).toBe(runs.length - 1);
  });

  it("synthesizes once without a token, installing without install scripts, and hands cdktf.out on as an artifact (finding 3)", () => {
    expect(jobs.synth.if).toBeUndefined();
    expect(jobs.synth.permissions).toEqual({ contents: "read" });
    const runs = jobs.synth.steps.map((s) => s.run ?? s.uses!.split("@")[0]);
    expect(runs).toEqual(["actions/checkout", "actions/setup-node", "npm ci --ignore-scripts", "npm run synth", "actions/upload-artifact"]);
    expect(jobs.synth.steps[4].with).toMatchObject({ name: "cdktf-out", path: "cdktf.out/stacks" });
    // Every job that runs Terraform with credentials gets exactly that artifact, at the same place.
    for (const job of [jobs.plan, jobs.staging, jobs.production]) {
      expect([job.needs].flat()).toContain(job === jobs.production ? "staging" : "synth");
      expect(usesOf(job, "actions/download-artifact")[0].with).toEqual({ name: "cdktf-out", path: "cdktf.out/stacks" });
    }
    expect([jobs.staging.needs].flat().sort()).toEqual(["synth", "test"]);
  });

  it("plans every environment stack on a pull request, read-only and without the state lock", () => {
    expect(jobs.plan.if).toBe("github.event_name == 'pull_request'");
    expect(jobs.plan.strategy!.matrix.environment).toEqual(resolveEnvironments().map((e) => e.name));
    expect(jobs.plan.environment).toBeUndefined(); // pull requests never enter the protected environments
    const [credentials] = usesOf(jobs.plan, CREDENTIALS_ACTION);
    expect(credentials.with!["role-to-assume"]).toBe(`\${{ fromJSON(vars.${ACTIONS_VARIABLES.planTargets})[matrix.environment].role_arn }}`);
    const script = jobs.plan.steps.map((s) => s.run ?? "").join("\n");
    expect(script).not.toMatch(/npm run synth/); // the synth job's artifact
    expect(script).toMatch(/terraform -chdir="\$STACK_DIR" plan -input=false -lock=false -out=tfplan/);
    expect(script).not.toMatch(/terraform\b.*\bapply\b/);
  });

  it("posts the plans as one PR comment from a job that holds no AWS credentials", () => {
    const comment = jobs["plan-comment"];
    expect(comment.needs).toEqual(["plan", "cost"]);
    expect(comment.permissions).toEqual({ "pull-requests": "write" });
    expect(comment.steps.map((s) => s.run ?? "").join("\n")).toContain("gh pr comment");
  });

  it("estimates each stack's monthly cost on a pull request against main, without credentials, into the same comment", () => {
    expect(jobs.cost.if).toBe("github.event_name == 'pull_request'");
    expect(jobs.cost.permissions).toEqual({ contents: "read" });
    const script = jobs.cost.steps.map((s) => s.run ?? "").join("\n");
    expect(script).toContain("scripts/cost/cost.ts --from .cost-base/cdktf.out --json");
    expect(script).toContain("scripts/cost/cost.ts --markdown --base");
    expect(jobs["plan-comment"].steps.map((s) => s.run ?? "").join("\n")).toContain("cat cost/cost.md");
  });

  it("applies on push to main: staging, then production behind its environment, with the apply role", () => {
    expect([jobs.staging.if, jobs.staging.environment, jobs.staging.needs]).toEqual(["github.event_name == 'push'", GITHUB_ENVIRONMENTS.staging, ["test", "synth"]]);
    expect([jobs.production.if, jobs.production.environment, jobs.production.needs]).toEqual(["github.event_name == 'push'", GITHUB_ENVIRONMENTS.prod, "staging"]);
    for (const job of [jobs.staging, jobs.production]) {
      expect(job.permissions).toEqual({ "id-token": "write", contents: "read" });
      expect(usesOf(job, CREDENTIALS_ACTION)[0].with!["role-to-assume"]).toBe(`\${{ vars.${ACTIONS_VARIABLES.applyRoleArn} }}`);
      expect(job.env!.STACK_DIR).toBe(`cdktf.out/stacks/recipe-chatbot-\${{ vars.${ACTIONS_VARIABLES.environmentName} }}`);
      expect(job.steps.map((s) => s.run ?? "").join("\n")).toMatch(/terraform -chdir="\$STACK_DIR" apply -input=false tfplan/);
    }
    // The same steps (a YAML alias), so production runs exactly what staging ran.
    expect(jobs.production.steps).toEqual(jobs.staging.steps);
  });
});

describe("deploy workflow", () => {
  const { jobs } = deploy;
  const SHA = "${{ github.sha }}";

  it("builds each image once per architecture, tagged with the commit, without AWS credentials", () => {
    expect(deploy.on).toEqual({ push: { branches: ["main"] } });
    expect(jobs.build.permissions).toEqual({ contents: "read" });
    const build = jobs.build.steps.find((s) => s.run?.includes("docker build"))!;
    expect(build.env).toEqual({ SERVICE: "${{ matrix.service }}", ARCH: "${{ matrix.arch }}", IMAGE_TAG: SHA });
    expect(build.run).toContain('docker build --platform "linux/$ARCH" --tag "$SERVICE:$IMAGE_TAG-$ARCH"');
    expect(build.run).toContain('docker save "$SERVICE:$IMAGE_TAG-$ARCH"');
  });

  it("builds linux/amd64 and linux/arm64 of both services, each on GitHub's native runner for it (no emulation, no third-party action)", () => {
    expect(jobs.build["runs-on"]).toBe("${{ matrix.runner }}");
    expect(jobs.build.strategy).toEqual({
      "fail-fast": false,
      matrix: {
        service: [BACKEND.name, FRONTEND.name],
        arch: ["amd64", "arm64"],
        include: [
          { arch: "amd64", runner: "ubuntu-24.04" },
          { arch: "arm64", runner: "ubuntu-24.04-arm" },
        ],
      },
    });
    const upload = usesOf(jobs.build, "actions/upload-artifact")[0];
    expect(upload.with!.name).toBe("image-${{ matrix.service }}-${{ matrix.arch }}");
    const download = usesOf(jobs.staging, "actions/download-artifact")[0];
    expect(download.with).toEqual({ pattern: "image-${{ matrix.service }}-*", "merge-multiple": true, path: "${{ runner.temp }}" });
  });

  it("runs one leg per service, reading that service's repository and ECS service variables", () => {
    for (const job of [jobs.staging, jobs.production]) {
      expect(job.strategy!["fail-fast"]).toBe(false); // never cancel a leg in the middle of a rollout
      expect(job.strategy!.matrix.include).toEqual(
        [BACKEND, FRONTEND].map((service) => ({
          service: service.name,
          ecr_repository_variable: ACTIONS_VARIABLES.ecrRepository(service),
          ecs_service_variable: ACTIONS_VARIABLES.ecsService(service),
        })),
      );
    }
  });

  it("releases to staging, then production, each through its GitHub environment with the deploy role", () => {
    expect([jobs.staging.environment, jobs.staging.needs]).toEqual([GITHUB_ENVIRONMENTS.staging, "build"]);
    expect([jobs.production.environment, jobs.production.needs]).toEqual([GITHUB_ENVIRONMENTS.prod, "staging"]);
    for (const job of [jobs.staging, jobs.production]) {
      expect(job.permissions).toEqual({ "id-token": "write", contents: "read" });
      expect(usesOf(job, CREDENTIALS_ACTION)[0].with).toEqual({
        "role-to-assume": `\${{ vars.${ACTIONS_VARIABLES.deployRoleArn} }}`,
        "aws-region": `\${{ vars.${ACTIONS_VARIABLES.region} }}`,
      });
      expect(usesOf(job, "aws-actions/amazon-ecr-login")).toHaveLength(1);
    }
    expect(jobs.production.steps).toEqual(jobs.staging.steps);
  });

  it("pushes each architecture, joins them by digest into one image index tagged with the commit SHA, then runs the rollout for it", () => {
    const names = jobs.staging.steps.map((s) => s.uses?.split("@")[0] ?? s.name);
    const push = jobs.staging.steps.find((s) => s.run?.includes("docker push"))!;
    const rollout = jobs.staging.steps.find((s) => s.name === "Roll out")!;
    expect(names.indexOf("aws-actions/amazon-ecr-login")).toBeLessThan(names.indexOf(push.name));
    expect(names.indexOf(push.name)).toBeLessThan(names.indexOf(rollout.name));
    expect(push.env!.IMAGE_TAG).toBe(SHA);
    // Every architecture the build matrix produces, and only those, goes into the index.
    expect(push.env!.ARCHITECTURES.split(" ")).toEqual(jobs.build.strategy!.matrix.arch);
    expect(push.run).toContain('docker push "$ECR_REPOSITORY:$IMAGE_TAG-$arch"');
    expect(push.run).toContain("{{index .RepoDigests 0}}");
    expect(push.run).toContain('docker buildx imagetools create --tag "$ECR_REPOSITORY:$IMAGE_TAG" "${sources[@]}"');
    expect(rollout.env).toEqual({
      ENVIRONMENT_NAME: `\${{ vars.${ACTIONS_VARIABLES.environmentName} }}`,
      SERVICE: "${{ matrix.service }}",
      IMAGE_TAG: SHA,
      ECS_CLUSTER: `\${{ vars.${ACTIONS_VARIABLES.cluster} }}`,
      ECS_SERVICE: "${{ vars[matrix.ecs_service_variable] }}",
      ECR_REPOSITORY: "${{ vars[matrix.ecr_repository_variable] }}",
    });
  });

  it("runs exactly assets/rollout.sh: the step's text is the script's, one source of truth", () => {
    const rollout = jobs.staging.steps.find((s) => s.name === "Roll out")!;
    expect(rollout.run).toBe(read(ROLLOUT_SCRIPT));
    // The template itself carries only the marker, once.
    const template = read(DELIVERY_WORKFLOW_TEMPLATE);
    expect(template.split("\n").filter((line) => line.trim() === ROLLOUT_MARKER)).toHaveLength(1);
    expect(template).not.toContain("aws ecs");
  });

  it("reads the template and the script from the package root, and the package ships both (package.json files)", () => {
    const files = (JSON.parse(read("package.json")) as { files?: string[] }).files ?? [];
    for (const asset of [DELIVERY_WORKFLOW_TEMPLATE, ROLLOUT_SCRIPT]) {
      expect(packageFile(asset)).toBe(path.join(ROOT, asset));
      expect(files.filter((entry) => asset === entry || asset.startsWith(entry.replace(/\/?$/, "/")))).not.toEqual([]);
    }
  });
});

let published: Record<string, Record<string, string[]>> | undefined;

/** Actions variables the GitHub stack publishes: repository -> environment ("" = repository level) -> names. */
function publishedVariables(repository: string, environment: string | undefined): string[] {
  if (!published) {
    const stack = JSON.parse(
      Testing.synth(new GithubStack(Testing.app(), { github: { owner: "o", repository: "infra", appRepository: "app" }, environments: resolveEnvironments() })),
    ) as SynthesizedStack;
    published = {};
    const add = (repo: string, env: string, name: string) => {
      published![repo] ??= {};
      (published![repo][env] ??= []).push(name);
    };
    for (const v of Object.values(stack.resource.github_actions_environment_variable)) {
      const ref = /^\$\{github_repository_environment\.([^.]+)\.environment\}$/.exec(v.environment)![1];
      add(v.repository, stack.resource.github_repository_environment[ref].environment, v.variable_name);
    }
    for (const v of Object.values(stack.resource.github_actions_variable)) add(v.repository, "", v.variable_name);
  }
  return published[repository]?.[environment ?? ""] ?? [];
}

/** Every Actions variable a job reads: `vars.NAME`, and `vars[matrix.KEY]` resolved through the matrix. */
function variablesReadBy(job: Job): string[] {
  const text = JSON.stringify(job);
  const direct = [...text.matchAll(/\bvars\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
  const include: Record<string, string>[] = job.strategy?.matrix.include ?? [];
  const indirect = [...text.matchAll(/\bvars\[matrix\.(\w+)\]/g)].flatMap((m) => include.map((leg) => leg[m[1]]));
  return [...new Set([...direct, ...indirect])];
}
