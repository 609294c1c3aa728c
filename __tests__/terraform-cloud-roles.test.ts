/**
 * bootstrap.terraformCloud: Terraform Cloud's OIDC provider and, per environment whose workspace runs
 * remotely, a plan and an apply role trusting exactly that workspace's run phase, with the GitHub
 * roles' permission catalogue.
 */
import { Testing, TerraformStack } from "cdktf";
import { allGithubCiRoleNames } from "../src/ci/names";
import { POLICY_GROUPS } from "../src/ci/permissions";
import { resolveConfig, type ConfigOverrides } from "../src/config";
import { suppressionsUnder } from "../src/policy/suppressions";
import { BootstrapStack } from "../src/stacks/bootstrap-stack";
import { applyStateBackend } from "../src/state/backends";
import { refTo, resourceAt, resourcesOf, type SynthesizedStack } from "./support/stacks";
import { ACCOUNT, bootstrapFor, hasData, statementsAt, synthBootstrap, type Statement } from "./support/bootstrap";
import { configProblems as problemsOf } from "./support/config";

const configProblems = (overrides: ConfigOverrides) => problemsOf(resolveConfig, overrides);

const ENVIRONMENTS = ["dev", "staging", "prod"] as const;
const PHASES = ["plan", "apply"] as const;
const TFC = { organization: "acme" };

/** The statements of a role's managed policies by group (`<owner>/<role>/<group>-document`). */
function roleStatements(stack: SynthesizedStack, rolePath: string): Partial<Record<string, Statement[]>> {
  return Object.fromEntries(
    POLICY_GROUPS.filter((g) => hasData(stack, `${rolePath}/${g}-document`)).map((g) => [g, statementsAt(stack, `${rolePath}/${g}-document`)]),
  );
}

const rolesByName = (stack: SynthesizedStack) => Object.fromEntries(resourcesOf(stack, "aws_iam_role").map(([, r]) => [r.name, r]));
const subject = (env: string, phase: string, project = "Default Project", prefix = "recipe-chatbot-", org = "acme") =>
  `organization:${org}:project:${project}:workspace:${prefix}${env}:run_phase:${phase}`;

describe("Terraform Cloud roles: off by default", () => {
  it("creates no Terraform Cloud provider, role or output without bootstrap.terraformCloud", () => {
    const stack = synthBootstrap();
    expect(resourcesOf(stack, "aws_iam_openid_connect_provider").map(([, p]) => p.url)).toEqual(["https://token.actions.githubusercontent.com"]);
    expect(Object.keys(rolesByName(stack)).sort()).toEqual(allGithubCiRoleNames().sort());
    expect(JSON.stringify(stack)).not.toMatch(/terraform.io|aws\.workload\.identity|terraform_cloud|-tfc-/);
    expect(resolveConfig().project.bootstrap).not.toHaveProperty("terraformCloud");
  });
});

describe("Terraform Cloud roles: on", () => {
  const stack = synthBootstrap({ bootstrap: { terraformCloud: TFC } });
  const providerArn = refTo(stack, "aws_iam_openid_connect_provider", "terraform-cloud/provider", "arn");

  it("fills the defaults: project Default Project, app.terraform.io, the cloud backend's workspace prefix", () => {
    expect(resolveConfig({ bootstrap: { terraformCloud: TFC } }).project.bootstrap.terraformCloud).toEqual({
      organization: "acme",
      project: "Default Project",
      hostname: "app.terraform.io",
      workspacePrefix: "recipe-chatbot-",
    });
  });

  it("trusts https://<hostname> for the aws.workload.identity audience, without thumbprints (like GitHub's)", () => {
    expect(resourceAt(stack, "aws_iam_openid_connect_provider", "terraform-cloud/provider")).toEqual({
      url: "https://app.terraform.io",
      client_id_list: ["aws.workload.identity"],
    });
    // GitHub's provider and roles are still there, unchanged in shape.
    expect(resourceAt(stack, "aws_iam_openid_connect_provider", "github-oidc/provider").url).toBe("https://token.actions.githubusercontent.com");
  });

  it("creates exactly a plan and an apply role per environment, next to the GitHub roles", () => {
    const tfcRoles = ENVIRONMENTS.flatMap((env) => PHASES.map((phase) => `recipe-chatbot-tfc-${env}-${phase}`));
    expect(Object.keys(rolesByName(stack)).sort()).toEqual([...allGithubCiRoleNames(), ...tfcRoles].sort());
    for (const name of tfcRoles) expect(rolesByName(stack)[name]).toMatchObject({ max_session_duration: 3600 });
  });

  it.each(ENVIRONMENTS.flatMap((env) => PHASES.map((phase) => [env, phase] as const)))(
    "%s %s role: StringEquals aud aws.workload.identity and the exact sub of that workspace and run phase",
    (env, phase) => {
      expect(statementsAt(stack, `terraform-cloud/${env}-${phase}/trust`)).toEqual([
        {
          sid: "TerraformCloudRuns",
          effect: "Allow",
          principals: [{ type: "Federated", identifiers: [providerArn] }],
          actions: ["sts:AssumeRoleWithWebIdentity"],
          condition: [
            { test: "StringEquals", variable: "app.terraform.io:aud", values: ["aws.workload.identity"] },
            { test: "StringEquals", variable: "app.terraform.io:sub", values: [subject(env, phase)] },
          ],
        },
      ]);
      expect(JSON.stringify(statementsAt(stack, `terraform-cloud/${env}-${phase}/trust`))).not.toMatch(/[*?]/);
    },
  );

  it("trusts the workspace the cloud backend names for the same prefix", () => {
    const tfc = { organization: "acme", workspacePrefix: "chatbot-" };
    const roles = synthBootstrap({ bootstrap: { terraformCloud: tfc } });
    const backendStack = new TerraformStack(Testing.app(), "recipe-chatbot-prod");
    applyStateBackend(backendStack, "recipe-chatbot-prod", { type: "cloud", hostname: "app.terraform.io", ...tfc });
    const workspace = JSON.parse(Testing.synth(backendStack)).terraform.cloud.workspaces.name;
    expect(workspace).toBe("chatbot-prod");
    const sub = statementsAt(roles, "terraform-cloud/prod-apply/trust")[0].condition![1].values;
    expect(sub).toEqual([`organization:acme:project:Default Project:workspace:${workspace}:run_phase:apply`]);
  });

  it("follows a Terraform Enterprise hostname, a project and only the listed remote environments", () => {
    const tfe = synthBootstrap({
      bootstrap: { terraformCloud: { organization: "acme", hostname: "tfe.example.com", project: "Recipe Chatbot", environments: ["prod"] } },
    });
    expect(resourceAt(tfe, "aws_iam_openid_connect_provider", "terraform-cloud/provider").url).toBe("https://tfe.example.com");
    expect(Object.keys(rolesByName(tfe)).filter((n) => n.includes("-tfc-")).sort()).toEqual(["recipe-chatbot-tfc-prod-apply", "recipe-chatbot-tfc-prod-plan"]);
    expect(statementsAt(tfe, "terraform-cloud/prod-plan/trust")[0].condition).toEqual([
      { test: "StringEquals", variable: "tfe.example.com:aud", values: ["aws.workload.identity"] },
      { test: "StringEquals", variable: "tfe.example.com:sub", values: [subject("prod", "plan", "Recipe Chatbot")] },
    ]);
  });

  it("passes the policy guard, suppressing only RC-IAM-010 on each role's unscoped policy", () => {
    const { stack: construct } = bootstrapFor({ bootstrap: { terraformCloud: TFC } });
    const tfcSuppressions = suppressionsUnder(construct).filter((s) => s.path.includes("/terraform-cloud/"));
    expect(tfcSuppressions.map((s) => [s.path, s.ruleId])).toEqual(
      ENVIRONMENTS.flatMap((env) => PHASES.map((phase) => [`recipe-chatbot-bootstrap/terraform-cloud/${env}-${phase}/unscoped-policy`, "RC-IAM-010"])),
    );
  });

  it("outputs the provider and every role ARN, described with the workspace variable it goes into", () => {
    const outputs = stack.output!;
    expect(outputs.terraform_cloud_oidc_provider_arn).toMatchObject({ value: providerArn, description: expect.stringContaining("https://app.terraform.io") });
    for (const env of ENVIRONMENTS) {
      expect(outputs[`terraform_cloud_${env}_plan_role_arn`]).toEqual({
        value: refTo(stack, "aws_iam_role", `terraform-cloud/${env}-plan/role`, "arn"),
        description: `TFC_AWS_PLAN_ROLE_ARN of workspace recipe-chatbot-${env} (plan phase, read-only)`,
      });
      expect(outputs[`terraform_cloud_${env}_apply_role_arn`]).toEqual({
        value: refTo(stack, "aws_iam_role", `terraform-cloud/${env}-apply/role`, "arn"),
        description: `TFC_AWS_RUN_ROLE_ARN of workspace recipe-chatbot-${env} (apply phase)`,
      });
    }
  });
});

describe("Terraform Cloud roles: the GitHub roles' permission catalogue", () => {
  // One account holding staging: the GitHub plan and apply roles then cover exactly what the
  // staging workspace's roles cover, so their statements can be compared one to one.
  const stack = synthBootstrap({ bootstrap: { environments: ["staging"], terraformCloud: TFC } });
  const github = { plan: roleStatements(stack, "github-oidc/plan"), apply: roleStatements(stack, "github-oidc/apply-staging") };
  const tfc = { plan: roleStatements(stack, "terraform-cloud/staging-plan"), apply: roleStatements(stack, "terraform-cloud/staging-apply") };
  /** State lives in Terraform Cloud: the S3 state statements are all the difference. */
  const STATE_ALLOWS = ["ListStateKeys", "ReadState", "ReadStateDigest", "ReadWriteState", "S3LockFiles", "DynamoDbLocks", "StateEncryption"];
  const withoutStateAccess = (policies: Partial<Record<string, Statement[]>>) =>
    Object.fromEntries(
      Object.entries(policies)
        .map(([group, statements]) => [group, statements!.filter((s) => !STATE_ALLOWS.includes(s.sid))] as const)
        .filter(([, statements]) => statements.length > 0),
    );

  it("plan role: exactly the GitHub plan role's policies, without state access", () => {
    expect(tfc.plan).toEqual(withoutStateAccess(github.plan));
    expect(tfc.plan).not.toHaveProperty("state");
    for (const statement of Object.values(tfc.plan).flat()) {
      for (const action of statement!.actions) expect(action).toMatch(/:(Describe|Get|List)/);
    }
  });

  it("apply role: exactly the GitHub apply role's policies, without state access, with the protecting denies", () => {
    expect(tfc.apply).toEqual(withoutStateAccess(github.apply));
    expect(tfc.apply.state!.map((s) => [s.sid, s.effect])).toEqual([
      ["ProtectStateBucket", "Deny"],
      ["ProtectStateKey", "Deny"],
      ["ProtectCiRoles", "Deny"],
    ]);
  });

  it("attaches each role only its own policies, named after it", () => {
    const policyNames = resourcesOf(stack, "aws_iam_policy").map(([, p]) => p.name).filter((n: string) => n.includes("-tfc-"));
    expect(policyNames.sort()).toEqual(
      [
        ...Object.keys(tfc.plan).map((g) => `recipe-chatbot-tfc-staging-plan-${g}`),
        ...Object.keys(tfc.apply).map((g) => `recipe-chatbot-tfc-staging-apply-${g}`),
      ].sort(),
    );
    for (const phase of PHASES) {
      const roleRef = refTo(stack, "aws_iam_role", `terraform-cloud/staging-${phase}/role`, "name");
      const attached = resourcesOf(stack, "aws_iam_role_policy_attachment").filter(([, a]) => a.role === roleRef);
      expect(attached.map(([, a]) => a.policy_arn).sort()).toEqual(
        Object.keys(tfc[phase]).map((g) => refTo(stack, "aws_iam_policy", `terraform-cloud/staging-${phase}/${g}-policy`, "arn")).sort(),
      );
    }
  });

  it("every apply role is denied writes to all CI roles, GitHub's and Terraform Cloud's", () => {
    const ciRoleArns = [...allGithubCiRoleNames(), "recipe-chatbot-tfc-staging-plan", "recipe-chatbot-tfc-staging-apply"].map(
      (name) => `arn:aws:iam::${ACCOUNT}:role/${name}`,
    );
    for (const statements of [github.apply.state!, tfc.apply.state!]) {
      expect(statements.find((s) => s.sid === "ProtectCiRoles")!.resources).toEqual(ciRoleArns);
    }
    // Nor can the roles' names fall under the apply roles' grant on the environment's roles.
    const manageRoles = tfc.apply.compute!.find((s) => s.sid === "ManageRoles")!.resources!;
    expect(manageRoles).toEqual([`arn:aws:iam::${ACCOUNT}:role/recipe-chatbot-staging*`]);
  });
});

describe("Terraform Cloud roles: configuration errors name the field", () => {
  it.each([
    ["a missing organization", { terraformCloud: {} }, "bootstrap.terraformCloud.organization: is required to enable Terraform Cloud roles"],
    ["an organization with a space", { terraformCloud: { organization: "acme corp" } }, 'bootstrap.terraformCloud.organization: must be a Terraform Cloud organization name: letters, digits, \'_\' or \'-\' (got "acme corp")'],
    ["a wildcard organization", { terraformCloud: { organization: "*" } }, "bootstrap.terraformCloud.organization: must be a Terraform Cloud organization name"],
    ["a project with a colon", { terraformCloud: { organization: "acme", project: "a:b:c" } }, "bootstrap.terraformCloud.project: must be a Terraform Cloud project name"],
    ["a project with a wildcard", { terraformCloud: { organization: "acme", project: "Default*" } }, "bootstrap.terraformCloud.project: must be a Terraform Cloud project name"],
    ["a bad hostname", { terraformCloud: { organization: "acme", hostname: "https://app.terraform.io" } }, "bootstrap.terraformCloud.hostname: must be a host name such as app.terraform.io"],
    ["a bad workspace prefix", { terraformCloud: { organization: "acme", workspacePrefix: "chat bot" } }, "bootstrap.terraformCloud.workspacePrefix: must be letters, digits, '_' or '-'"],
    ["an unknown setting", { terraformCloud: { organization: "acme", projekt: "x" } }, 'bootstrap.terraformCloud: unknown setting(s) "projekt" (did you mean "project"?); allowed: organization, project, hostname, workspacePrefix, environments'],
    ["an environment outside the account", { environments: ["prod"], terraformCloud: { organization: "acme", environments: ["dev"] } }, 'bootstrap.terraformCloud.environments.0: "dev" is not in bootstrap.environments'],
  ])("%s", (_case, bootstrap, expected) => {
    const problems = configProblems({ bootstrap });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });

  it("must agree with a cloud stateBackend, naming each field that differs", () => {
    expect(
      configProblems({
        stateBackend: { type: "cloud", organization: "acme", workspacePrefix: "chatbot-" },
        bootstrap: { terraformCloud: { organization: "other" } },
      }),
    ).toEqual([
      'bootstrap.terraformCloud.organization: is "other", must equal stateBackend.organization ("acme"): the roles must trust the workspaces the cloud backend uses (got "other")',
      // The default prefix: absent from the file, hence "(missing)".
      'bootstrap.terraformCloud.workspacePrefix: is "recipe-chatbot-", must equal stateBackend.workspacePrefix ("chatbot-"): the roles must trust the workspaces the cloud backend uses (missing)',
    ]);
    expect(() =>
      resolveConfig({ stateBackend: { type: "cloud", organization: "acme" }, bootstrap: { terraformCloud: { organization: "acme" } } }),
    ).not.toThrow();
  });

  it("refuses an environment that is not one of the account's when the stack is built", () => {
    const { project, environments } = resolveConfig({ bootstrap: { terraformCloud: { organization: "acme", environments: ["qa"] } } });
    expect(() => new BootstrapStack(Testing.app(), { project, environments })).toThrow(
      'bootstrap.terraformCloud.environments: "qa" is not an environment of this account; allowed: dev, staging, prod',
    );
  });
});
