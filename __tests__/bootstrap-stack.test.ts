import { Testing } from "cdktf";
import { allGithubCiRoleNames, CI_ROLE_NAMES, environmentCiRoleName } from "../src/ci/names";
import { POLICY_GROUPS } from "../src/ci/permissions";
import { resolveConfig } from "../src/config";
import { STAR_RESOURCE_ONLY_ACTIONS } from "../src/policy/rules/iam";
import { PolicyGuard } from "../src/policy";
import { globMatches } from "../src/policy/iam-policy";
import { suppressionsUnder } from "../src/policy/suppressions";
import { BootstrapStack } from "../src/stacks/bootstrap-stack";
import { refTo, resourceAt, resourcesOf, synthEnvironment, type SynthesizedStack } from "./support/stacks";
import { ACCOUNT, bootstrapFor, concrete, hasData, statementsAt, synthBootstrap, type Statement } from "./support/bootstrap";

/** IAM's limit for one customer-managed policy, in characters without whitespace. */
const MANAGED_POLICY_MAX_CHARS = 6144;

/** Every statement of a role's managed policies (`github-oidc/<role>/<group>-document`). */
function roleStatements(stack: SynthesizedStack, role: string): Statement[] {
  const groups = POLICY_GROUPS.filter((g) => stack.data!.aws_iam_policy_document && hasData(stack, `github-oidc/${role}/${g}-document`));
  return groups.flatMap((group) => statementsAt(stack, `github-oidc/${role}/${group}-document`));
}

const byName = (stack: SynthesizedStack, type: string) => Object.fromEntries(resourcesOf(stack, type).map(([, r]) => [r.name, r]));

describe("bootstrap stack: state store", () => {
  const stack = synthBootstrap();
  const bucketRef = refTo(stack, "aws_s3_bucket", "state/bucket/bucket");
  const keyArn = refTo(stack, "aws_kms_key", "state/key/key", "arn");

  it("passes the policy guard, suppressing only RC-IAM-010 on the unscoped CI policies (the scoped workload boundary needs none)", () => {
    // Synthesized with validations: any unsuppressed violation would have thrown.
    const { stack: construct } = bootstrapFor();
    expect(PolicyGuard.of(construct)).toHaveLength(1);
    expect(suppressionsUnder(construct).map((s) => [s.path, s.ruleId])).toEqual([
      ["recipe-chatbot-bootstrap/github-oidc/plan/unscoped-policy", "RC-IAM-010"],
      ["recipe-chatbot-bootstrap/github-oidc/apply-staging/unscoped-policy", "RC-IAM-010"],
      ["recipe-chatbot-bootstrap/github-oidc/apply-production/unscoped-policy", "RC-IAM-010"],
    ]);
    expect(resourceAt(stack, "aws_s3_bucket", "state/bucket/bucket")).toMatchObject({ force_destroy: false });
  });

  it("names the bucket after the account unless configured (bucket names are global)", () => {
    expect(resourceAt(stack, "aws_s3_bucket", "state/bucket/bucket").bucket).toBe("recipe-chatbot-tfstate-${data.aws_caller_identity.caller_identity.account_id}");
    const named = synthBootstrap({ bootstrap: { stateBucketName: "acme-chatbot-tfstate", lockTableName: "acme-locks" } });
    expect(resourceAt(named, "aws_s3_bucket", "state/bucket/bucket").bucket).toBe("acme-chatbot-tfstate");
    expect(resourceAt(named, "aws_dynamodb_table", "state/lock-table").name).toBe("acme-locks");
  });

  it("versions the bucket and encrypts it with the rotating CMK, bucket keys on", () => {
    expect(resourceAt(stack, "aws_s3_bucket_versioning", "state/versioning")).toMatchObject({
      bucket: bucketRef,
      versioning_configuration: { status: "Enabled" },
    });
    expect(resourceAt(stack, "aws_s3_bucket_server_side_encryption_configuration", "state/encryption")).toMatchObject({
      bucket: bucketRef,
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: keyArn }, bucket_key_enabled: true }],
    });
    expect(resourceAt(stack, "aws_kms_key", "state/key/key")).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
    expect(resourceAt(stack, "aws_kms_alias", "state/key/alias").name).toBe("alias/recipe-chatbot-terraform-state");
  });

  it("blocks all public access, disables ACLs and refuses plain HTTP and SSE-S3 uploads", () => {
    expect(resourceAt(stack, "aws_s3_bucket_public_access_block", "state/bucket/public-access-block")).toMatchObject({
      bucket: bucketRef,
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(resourceAt(stack, "aws_s3_bucket_ownership_controls", "state/bucket/ownership").rule).toEqual({ object_ownership: "BucketOwnerEnforced" });
    const arn = refTo(stack, "aws_s3_bucket", "state/bucket/bucket", "arn");
    expect(statementsAt(stack, "state/bucket/policy")).toEqual([
      {
        sid: "DenySseS3Uploads",
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["s3:PutObject"],
        resources: [`${arn}/*`],
        condition: [{ test: "StringEquals", variable: "s3:x-amz-server-side-encryption", values: ["AES256"] }],
      },
      {
        sid: "DenyStateVersionDeletion",
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["s3:DeleteObjectVersion"],
        resources: [`${arn}/*`],
      },
      {
        sid: "DenyForeignKmsKeys",
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["s3:PutObject"],
        resources: [`${arn}/*`],
        condition: [
          {
            test: "StringNotEqualsIfExists",
            variable: "s3:x-amz-server-side-encryption-aws-kms-key-id",
            values: [keyArn, `arn:aws:kms:us-east-1:${ACCOUNT}:\${aws_kms_alias.state_key_alias.name}`],
          },
        ],
      },
      {
        sid: "DenyInsecureTransport",
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["s3:*"],
        resources: [arn, `${arn}/*`],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
    ]);
  });

  it("expires replaced state versions after 90 days and aborts stale multipart uploads", () => {
    expect(resourceAt(stack, "aws_s3_bucket_lifecycle_configuration", "state/lifecycle").rule).toEqual([
      {
        id: "expire-old-state-versions",
        status: "Enabled",
        filter: [{ prefix: "" }],
        noncurrent_version_expiration: [{ noncurrent_days: 90 }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 1 }],
      },
    ]);
  });

  it("has the lock table Terraform expects, on demand, recoverable and under the CMK", () => {
    expect(resourceAt(stack, "aws_dynamodb_table", "state/lock-table")).toMatchObject({
      name: "recipe-chatbot-terraform-locks",
      billing_mode: "PAY_PER_REQUEST",
      hash_key: "LockID",
      attribute: [{ name: "LockID", type: "S" }],
      point_in_time_recovery: { enabled: true },
      server_side_encryption: { enabled: true, kms_key_arn: keyArn },
    });
  });

  it("gives the account administration of the state key but no use of it: only S3 and DynamoDB use it (low finding: key policies)", () => {
    const [admin] = statementsAt(stack, "state/key/policy");
    expect(admin.sid).toBe("AccountAdministersKey");
    for (const use of ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKey*", "kms:CreateGrant", "kms:ReEncrypt*"]) {
      expect(admin.actions).not.toContain(use);
    }
    expect(admin.actions).toEqual(expect.arrayContaining(["kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:EnableKeyRotation"]));
    // The same in every environment key (logs, secrets, alerts).
    const prod = synthEnvironment("prod");
    for (const [name, document] of Object.entries<Record<string, any>>(prod.data!.aws_iam_policy_document)) {
      for (const statement of document.statement.filter((st: Statement) => st.sid === "AccountAdministersKey")) {
        expect({ name, use: statement.actions.filter((a: string) => /:(Decrypt|Encrypt|GenerateDataKey|CreateGrant|ReEncrypt)/.test(a)) }).toEqual({ name, use: [] });
      }
    }
  });

  it("lets S3 and DynamoDB use the key only on behalf of this account", () => {
    const [, usage] = statementsAt(stack, "state/key/policy");
    expect(usage).toMatchObject({
      sid: "StateServicesUseKey",
      principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${ACCOUNT}:root`] }],
      condition: [
        { test: "StringEquals", variable: "kms:ViaService", values: ["s3.us-east-1.amazonaws.com", "dynamodb.us-east-1.amazonaws.com"] },
        { test: "StringEquals", variable: "kms:CallerAccount", values: [ACCOUNT] },
      ],
    });
  });

  it("outputs what the s3 backend configuration and the workflows need", () => {
    expect(Object.keys(stack.output!).sort()).toEqual([
      "github_oidc_provider_arn", "lock_table_name", "plan_role_arn", "production_apply_role_arn", "production_deploy_role_arn",
      "staging_apply_role_arn", "staging_deploy_role_arn", "state_bucket_name", "state_bucket_region", "state_key_arn", "workload_boundary_arn",
    ]);
    expect(stack.output!.state_key_arn.value).toBe(keyArn);
  });
});

describe("bootstrap stack: GitHub OIDC", () => {
  const stack = synthBootstrap({ github: { owner: "acme", repository: "chatbot-infra", appRepository: "chatbot-app", repositoryId: "4711", appRepositoryId: 4712 } });
  const infraWorkflow = "acme/chatbot-infra/.github/workflows/infra.yml@refs/heads/main";
  const deployWorkflow = "acme/chatbot-app/.github/workflows/deploy.yml@refs/heads/main";

  it("trusts GitHub's issuer for the sts.amazonaws.com audience, without thumbprints", () => {
    expect(resourceAt(stack, "aws_iam_openid_connect_provider", "github-oidc/provider")).toEqual({
      url: "https://token.actions.githubusercontent.com",
      client_id_list: ["sts.amazonaws.com"],
    });
  });

  const claim = (name: string, values: string[]) => ({ test: "StringEquals", variable: `token.actions.githubusercontent.com:${name}`, values });
  it.each([
    ["plan", CI_ROLE_NAMES.plan, ["repo:acme/chatbot-infra:pull_request"], [claim("repository_id", ["4711"])]],
    ...(["staging", "production"] as const).flatMap((env) => [
      [`apply-${env}`, environmentCiRoleName("apply", env), [`repo:acme/chatbot-infra:environment:${env}`], [claim("repository_id", ["4711"]), claim("job_workflow_ref", [infraWorkflow])]],
      [`deploy-${env}`, environmentCiRoleName("deploy", env), [`repo:acme/chatbot-app:environment:${env}`], [claim("repository_id", ["4712"]), claim("job_workflow_ref", [deployWorkflow])]],
    ]),
  ] as [string, string, string[], object[]][])("%s role (%s): exact aud and sub, one GitHub environment, the immutable repository id (and main's workflow), one-hour sessions", (role, roleName, subjects, claims) => {
    expect(byName(stack, "aws_iam_role")[roleName]).toMatchObject({ max_session_duration: 3600 });
    expect(statementsAt(stack, `github-oidc/${role}/trust`)).toEqual([
      {
        sid: "GitHubActions",
        effect: "Allow",
        principals: [{ type: "Federated", identifiers: [refTo(stack, "aws_iam_openid_connect_provider", "github-oidc/provider", "arn")] }],
        actions: ["sts:AssumeRoleWithWebIdentity"],
        condition: [
          { test: "StringEquals", variable: "token.actions.githubusercontent.com:aud", values: ["sts.amazonaws.com"] },
          { test: "StringEquals", variable: "token.actions.githubusercontent.com:sub", values: subjects },
          ...claims,
        ],
      },
    ]);
  });

  it("trusts repository id 0 (no token carries it) until github.repositoryId is configured", () => {
    const placeholder = statementsAt(synthBootstrap(), "github-oidc/plan/trust")[0].condition!;
    expect(placeholder).toContainEqual(claim("repository_id", ["0"]));
  });

  it("attaches only the role's own customer-managed policies", () => {
    const attachments = resourcesOf(stack, "aws_iam_role_policy_attachment").map(([, a]) => a.policy_arn);
    expect(attachments.every((arn) => /^\$\{aws_iam_policy\.github_oidc_(plan|apply_(staging|production)|deploy_(staging|production))_/.test(arn))).toBe(true);
    expect(Object.keys(byName(stack, "aws_iam_policy")).sort()).toEqual(
      [
        ...["compute", "data", "edge", "operations", "state", "unscoped"].map((g) => `recipe-chatbot-github-plan-${g}`),
        ...["staging", "production"].flatMap((env) => [
          ...["compute", "data", "edge", "network", "operations", "state", "unscoped"].map((g) => `recipe-chatbot-github-apply-${env}-${g}`),
          `recipe-chatbot-github-deploy-${env}-delivery`,
        ]),
        // Not attached to any CI role: the ceiling of the workload roles the environment stacks create.
        "recipe-chatbot-workload-boundary",
      ].sort(),
    );
  });

  it("with an account per environment, gives the account's roles that environment only", () => {
    const prodAccount = synthBootstrap({ bootstrap: { environments: ["prod"] } });
    const trust = statementsAt(prodAccount, "github-oidc/apply-production/trust")[0].condition![1].values;
    expect(trust).toEqual(["repo:recipe-chatbot/recipe-chatbot-infra:environment:production"]);
    const everything = JSON.stringify(prodAccount.data!.aws_iam_policy_document);
    expect(everything).toContain("recipe-chatbot-prod");
    expect(everything).not.toMatch(/recipe-chatbot-(dev|staging)/);
    const devAccount = synthBootstrap({ bootstrap: { environments: ["dev"] } });
    expect(Object.keys(byName(devAccount, "aws_iam_role"))).toEqual([CI_ROLE_NAMES.plan]);
    expect(devAccount.output).not.toHaveProperty("production_apply_role_arn");
  });

  it("creates no apply or deploy role when no environment has a GitHub environment", () => {
    const devOnly = resolveConfig().environments.filter((e) => e.name === "dev");
    const only = new BootstrapStack(Testing.app(), { project: resolveConfig().project, environments: devOnly });
    const synthesized = JSON.parse(Testing.synth(only, true)) as SynthesizedStack;
    expect(Object.keys(byName(synthesized, "aws_iam_role"))).toEqual([CI_ROLE_NAMES.plan]);
    expect(synthesized.output).not.toHaveProperty("staging_apply_role_arn");
  });
});

describe("bootstrap stack: deploy role", () => {
  const stack = synthBootstrap();
  const statements = statementsAt(stack, "github-oidc/deploy-production/delivery-document");
  const sid = (id: string) => statements.find((s) => s.sid === id)!;
  const arn = (service: string, resource: string) => `arn:aws:${service}:us-east-1:${ACCOUNT}:${resource}`;

  it("pushes to exactly the two repositories, logs in to ECR on *", () => {
    expect(sid("EcrLogin")).toMatchObject({ actions: ["ecr:GetAuthorizationToken"], resources: ["*"] });
    expect(sid("PushImages")).toMatchObject({
      actions: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"],
      resources: [arn("ecr", "repository/recipe-chatbot-backend"), arn("ecr", "repository/recipe-chatbot-frontend")],
    });
  });

  it("writes exactly the image-tag parameters of its own environment (production's role: prod only)", () => {
    expect(sid("ReleaseImageTags")).toMatchObject({
      actions: ["ssm:PutParameter"],
      resources: ["backend", "frontend"].map((svc) => arn("ssm", `parameter/recipe-chatbot/prod/deploy/${svc}-image-tag`)),
    });
    const staging = statementsAt(stack, "github-oidc/deploy-staging/delivery-document");
    expect(JSON.stringify(staging)).not.toContain("recipe-chatbot-prod");
    expect(JSON.stringify(statements)).not.toContain("recipe-chatbot-staging");
  });

  const services = [arn("ecs", "service/recipe-chatbot-cluster/recipe-chatbot-backend"), arn("ecs", "service/recipe-chatbot-cluster/recipe-chatbot-frontend")];
  const families = ["backend", "frontend"].map((svc) => arn("ecs", `task-definition/recipe-chatbot-prod-${svc}:*`));

  it("registers task definitions of its two families only: untagged registration denied, tagging on create only on the families", () => {
    expect(sid("RegisterTaskDefinitions")).toMatchObject({ actions: ["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"], resources: ["*"] });
    expect(sid("TagTaskDefinitions")).toMatchObject({ effect: "Allow", actions: ["ecs:TagResource"], resources: families });
    expect(sid("RegisterOnlyTaggedTaskDefinitions")).toEqual({
      sid: "RegisterOnlyTaggedTaskDefinitions",
      effect: "Deny",
      actions: ["ecs:RegisterTaskDefinition"],
      resources: ["*"],
      condition: [{ test: "StringNotEquals", variable: "aws:RequestTag/Project", values: ["RecipeChatbot"] }],
    });
  });

  it("requires the environment's own Project tag value on registration (config tags.project)", () => {
    const retagged = synthBootstrap({ environments: { prod: { tags: { project: "Chatbot" } } } });
    const deny = statementsAt(retagged, "github-oidc/deploy-production/delivery-document").find((s) => s.sid === "RegisterOnlyTaggedTaskDefinitions")!;
    expect(deny.condition).toEqual([{ test: "StringNotEquals", variable: "aws:RequestTag/Project", values: ["Chatbot"] }]);
  });

  it("updates only its two services, in its cluster, to a revision of its own families; never ECS Exec", () => {
    expect(sid("DescribeServices")).toMatchObject({ actions: ["ecs:DescribeServices"], resources: services });
    expect(sid("RollServices")).toEqual({
      sid: "RollServices",
      effect: "Allow",
      actions: ["ecs:UpdateService"],
      resources: services,
      condition: [
        { test: "ArnLike", variable: "ecs:task-definition", values: families },
        { test: "ArnEquals", variable: "ecs:cluster", values: [arn("ecs", "cluster/recipe-chatbot-cluster")] },
      ],
    });
    expect(sid("NoEcsExec")).toMatchObject({ effect: "Deny", actions: ["ecs:ExecuteCommand"], resources: ["*"] });
    expect(sid("NoEnablingEcsExec")).toMatchObject({
      effect: "Deny",
      actions: ["ecs:UpdateService"],
      condition: [{ test: "Bool", variable: "ecs:enable-execute-command", values: ["true"] }],
    });
    expect(statements.filter((s) => s.effect === "Allow").flatMap((s) => s.actions)).not.toContain("ecs:ExecuteCommand");
  });

  it("passes exactly the services' task and execution roles, to ECS tasks only", () => {
    expect(sid("PassServiceRoles")).toEqual({
      sid: "PassServiceRoles",
      effect: "Allow",
      actions: ["iam:PassRole"],
      resources: ["backend", "frontend"].flatMap((svc) => ["task", "execution"].map((kind) => `arn:aws:iam::${ACCOUNT}:role/recipe-chatbot-prod-${svc}-${kind}`)),
      condition: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["ecs-tasks.amazonaws.com"] }],
    });
    expect(statements.map((s) => s.sid)).toEqual([
      "EcrLogin", "PushImages", "ReleaseImageTags", "RegisterTaskDefinitions", "TagTaskDefinitions", "RegisterOnlyTaggedTaskDefinitions",
      "DescribeServices", "RollServices", "NoEcsExec", "NoEnablingEcsExec", "PassServiceRoles",
    ]);
    // rollout.sh registers revisions with their tags: tagging limited to the services' families.
    expect(statements.find((s) => s.sid === "TagTaskDefinitions")).toMatchObject({
      actions: ["ecs:TagResource"],
      resources: expect.arrayContaining([expect.stringMatching(/:task-definition\/recipe-chatbot-prod-backend:\*$/)]),
    });
  });

  it("matches the names the environment stacks really create", () => {
    for (const env of ["staging", "prod"]) {
      const envStack = synthEnvironment(env);
      const statements = statementsAt(stack, `github-oidc/deploy-${env === "prod" ? "production" : env}/delivery-document`);
      const sid = (id: string) => statements.find((s) => s.sid === id)!;
      const taskDefinitions = resourcesOf(envStack, "aws_ecs_task_definition").map(([, t]) => t);
      const roleRefs = taskDefinitions.flatMap((t) => [t.task_role_arn, t.execution_role_arn]);
      const roleNames = Object.entries(envStack.resource.aws_iam_role).filter(([id]) => roleRefs.some((ref: string) => ref.includes(`.${id}.`))).map(([, r]) => r.name);
      expect(roleNames).toHaveLength(4);
      for (const name of roleNames) expect(sid("PassServiceRoles").resources).toContain(`arn:aws:iam::${ACCOUNT}:role/${name}`);
      const tagParameters = resourcesOf(envStack, "aws_ssm_parameter").map(([, p]) => p.name).filter((n: string) => n.includes("/deploy/"));
      expect(tagParameters).toHaveLength(2);
      for (const name of tagParameters) expect(sid("ReleaseImageTags").resources).toContain(arn("ssm", `parameter${name}`));
      for (const [, service] of resourcesOf(envStack, "aws_ecs_service")) {
        expect(sid("RollServices").resources).toContain(arn("ecs", `service/recipe-chatbot-cluster/${service.name}`));
      }
      for (const [, definition] of resourcesOf(envStack, "aws_ecs_task_definition")) {
        const revision = arn("ecs", `task-definition/${definition.family}:3`);
        expect(sid("TagTaskDefinitions").resources!.some((pattern) => globMatches(pattern, revision))).toBe(true);
      }
    }
  });
});

describe("bootstrap stack: CI roles for blue/green services", () => {
  const blueGreen = synthBootstrap({ environments: { prod: { services: { backend: { deploymentStrategy: "blue-green" } } } } });
  const codedeploy = (resource: string) => `arn:aws:codedeploy:us-east-1:${ACCOUNT}:${resource}`;

  it("lets the deploy role start and follow CodeDeploy deployments in exactly its blue/green services' groups", () => {
    const statements = statementsAt(blueGreen, "github-oidc/deploy-production/delivery-document");
    const sid = (id: string) => statements.find((s) => s.sid === id)!;
    expect(sid("StartBlueGreenDeployments")).toEqual({
      sid: "StartBlueGreenDeployments",
      effect: "Allow",
      actions: ["codedeploy:CreateDeployment", "codedeploy:GetDeployment"],
      resources: [codedeploy("deploymentgroup:recipe-chatbot-prod/recipe-chatbot-prod-backend")],
    });
    expect(sid("RegisterBlueGreenRevisions")).toMatchObject({ actions: ["codedeploy:RegisterApplicationRevision"], resources: [codedeploy("application:recipe-chatbot-prod")] });
    expect(sid("ReadEcsDeploymentConfigs")).toMatchObject({ actions: ["codedeploy:GetDeploymentConfig"], resources: [codedeploy("deploymentconfig:CodeDeployDefault.ECS*")] });
    // Staging's services roll: its deploy role gets no CodeDeploy action at all.
    expect(JSON.stringify(statementsAt(blueGreen, "github-oidc/deploy-staging/delivery-document"))).not.toContain("codedeploy:");
  });

  it("gives no role a CodeDeploy action while every service rolls (the default)", () => {
    expect(JSON.stringify(synthBootstrap().data)).not.toContain("codedeploy");
  });

  it("lets the apply role manage its environment's CodeDeploy application and groups, and pass only the CodeDeploy roles to CodeDeploy", () => {
    const apply = roleStatements(blueGreen, "apply-production");
    expect(apply.find((s) => s.sid === "ManageCodeDeploy")).toMatchObject({
      actions: expect.arrayContaining(["codedeploy:CreateDeploymentGroup", "codedeploy:DeleteApplication", "codedeploy:UpdateDeploymentGroup"]),
      resources: [codedeploy("application:recipe-chatbot-prod"), codedeploy("deploymentgroup:recipe-chatbot-prod/*")],
    });
    expect(apply.find((s) => s.sid === "PassCodeDeployRoles")).toEqual({
      sid: "PassCodeDeployRoles",
      effect: "Allow",
      actions: ["iam:PassRole"],
      resources: [`arn:aws:iam::${ACCOUNT}:role/recipe-chatbot-prod-backend-codedeploy`],
      condition: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["codedeploy.amazonaws.com"] }],
    });
    // The plan role reads them, and names the same role the environment stack creates.
    expect(roleStatements(blueGreen, "plan").find((s) => s.sid === "ReadCodeDeploy")!.actions).toEqual(["codedeploy:GetApplication", "codedeploy:GetDeploymentGroup", "codedeploy:ListTagsForResource"]);
    const envStack = synthEnvironment("prod", { environments: { prod: { services: { backend: { deploymentStrategy: "blue-green" } } } } });
    expect(resourceAt(envStack, "aws_iam_role", "app/backend/blue-green/role").name).toBe("recipe-chatbot-prod-backend-codedeploy");
  });
});

describe("bootstrap stack: plan and apply roles", () => {
  const stack = synthBootstrap();
  const plan = roleStatements(stack, "plan");
  const apply = roleStatements(stack, "apply-production");
  const applyStaging = roleStatements(stack, "apply-staging");
  const stateKey = (s: string) => `recipe-chatbot/recipe-chatbot-${s}.tfstate`;
  const bucketArn = refTo(stack, "aws_s3_bucket", "state/bucket/bucket", "arn");

  it("lets apply create or change roles only within the workload boundary, which it cannot remove or rewrite", () => {
    const boundaryArn = `arn:aws:iam::${ACCOUNT}:policy/recipe-chatbot-workload-boundary`;
    expect(apply.find((s) => s.sid === "RolesOnlyWithinWorkloadBoundary")).toMatchObject({
      effect: "Deny",
      actions: expect.arrayContaining(["iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePermissionsBoundary"]),
      condition: [{ test: "StringNotEquals", variable: "iam:PermissionsBoundary", values: [boundaryArn] }],
    });
    expect(apply.find((s) => s.sid === "KeepWorkloadBoundary")).toMatchObject({ effect: "Deny", actions: ["iam:DeleteRolePermissionsBoundary"] });
    expect(apply.find((s) => s.sid === "ProtectWorkloadBoundary")).toMatchObject({ effect: "Deny", resources: [boundaryArn] });
    const boundary = resourceAt(stack, "aws_iam_policy", "workload-boundary/policy");
    expect(boundary.name).toBe("recipe-chatbot-workload-boundary");
    const ceiling = statementsAt(stack, "workload-boundary/document");
    const actions = ceiling.flatMap((s) => s.actions);
    expect(actions).toEqual(expect.arrayContaining(["ecr:BatchGetImage", "secretsmanager:GetSecretValue", "cloudwatch:PutMetricData", "xray:PutTraceSegments"]));
    expect(actions.filter((a: string) => a.startsWith("iam:") || a.endsWith(":*"))).toEqual([]);
  });

  it("scopes the workload boundary to this project's images, logs, secrets, parameters and (through those services) keys", () => {
    const ceiling = statementsAt(stack, "workload-boundary/document");
    const on = (sid: string) => ceiling.find((s) => s.sid === sid)!;
    // Only actions without resource-level permissions remain on "*".
    expect(on("WithoutResourceLevelPermissions").actions.sort()).toEqual(
      ["cloudwatch:PutMetricData", "ecr:GetAuthorizationToken", "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:PutTelemetryRecords", "xray:PutTraceSegments"],
    );
    expect(ceiling.filter((s) => s.resources!.includes("*")).map((s) => s.sid)).toEqual(["WithoutResourceLevelPermissions"]);
    expect(on("ReadProjectSecrets")).toMatchObject({ actions: ["secretsmanager:GetSecretValue"], resources: [`arn:aws:secretsmanager:*:${ACCOUNT}:secret:recipe-chatbot/*`] });
    expect(on("ReadProjectParameters")).toMatchObject({ actions: ["ssm:GetParameters"], resources: [`arn:aws:ssm:*:${ACCOUNT}:parameter/recipe-chatbot/*`] });
    expect(on("WriteProjectLogs").resources).toEqual([`arn:aws:logs:*:${ACCOUNT}:log-group:*recipe-chatbot*`]);
    expect(on("PullProjectImages").resources).toEqual([`arn:aws:ecr:*:${ACCOUNT}:repository/recipe-chatbot*`]);
    expect(on("DecryptOnlyThroughSecretsAndParameters")).toEqual({
      sid: "DecryptOnlyThroughSecretsAndParameters",
      effect: "Allow",
      actions: ["kms:Decrypt"],
      resources: [`arn:aws:kms:*:${ACCOUNT}:key/*`],
      condition: [{ test: "StringLike", variable: "kms:ViaService", values: ["secretsmanager.*.amazonaws.com", "ssm.*.amazonaws.com"] }],
    });
    // Every secret, parameter, log group and repository the environment stacks create is inside it.
    const envStack = synthEnvironment("prod");
    const inside = (sid: string, resourceArn: string) => expect({ resourceArn, inside: on(sid).resources!.some((p) => globMatches(p, resourceArn)) }).toEqual({ resourceArn, inside: true });
    for (const [, r] of resourcesOf(envStack, "aws_secretsmanager_secret")) inside("ReadProjectSecrets", `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${r.name}-AbCdEf`);
    for (const [, r] of resourcesOf(envStack, "aws_ssm_parameter")) inside("ReadProjectParameters", `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter${r.name}`);
    for (const [, r] of resourcesOf(envStack, "aws_cloudwatch_log_group")) inside("WriteProjectLogs", `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${r.name}:log-stream:x`);
    for (const [, r] of resourcesOf(envStack, "aws_ecr_repository")) inside("PullProjectImages", `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/${r.name}`);
  });

  it("apply can neither create a role nor change a trust policy, nor assume the roles it manages (finding 1)", () => {
    for (const statements of [apply, applyStaging]) {
      const allowed = statements.filter((s) => s.effect === "Allow").flatMap((s) => s.actions);
      expect(allowed).not.toContain("iam:CreateRole");
      expect(allowed).not.toContain("iam:UpdateAssumeRolePolicy");
      expect(statements.find((s) => s.sid === "NoRoleCreationOrTrustChange")).toEqual({
        sid: "NoRoleCreationOrTrustChange",
        effect: "Deny",
        actions: ["iam:CreateRole", "iam:UpdateAssumeRolePolicy"],
        resources: ["*"],
      });
    }
    expect(apply.find((s) => s.sid === "NoAssumingManagedRoles")).toEqual({
      sid: "NoAssumingManagedRoles",
      effect: "Deny",
      actions: ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"],
      resources: [`arn:aws:iam::${ACCOUNT}:role/recipe-chatbot-prod*`],
    });
    // It still manages (and destroys) the roles an administrator created.
    expect(apply.find((s) => s.sid === "ManageRoles")!.actions).toEqual(expect.arrayContaining(["iam:PutRolePolicy", "iam:DeleteRole", "iam:TagRole"]));
  });

  it("apply cannot open the API keys to itself: no secret resource policies, no restore, no key policy or alias change on the secrets key (finding 7)", () => {
    const allowed = apply.filter((s) => s.effect === "Allow").flatMap((s) => s.actions);
    for (const action of ["secretsmanager:PutResourcePolicy", "secretsmanager:DeleteResourcePolicy", "secretsmanager:RestoreSecret", "secretsmanager:GetSecretValue"]) {
      expect(allowed).not.toContain(action);
    }
    expect(apply.find((s) => s.sid === "ProtectSecretsKeyPolicy")).toEqual({
      sid: "ProtectSecretsKeyPolicy",
      effect: "Deny",
      actions: ["kms:PutKeyPolicy"],
      resources: ["*"],
      condition: [{ test: "ForAnyValue:StringEquals", variable: "kms:ResourceAliases", values: ["alias/recipe-chatbot-prod-secrets"] }],
    });
    expect(apply.find((s) => s.sid === "ProtectSecretsKeyAlias")).toMatchObject({
      effect: "Deny",
      actions: ["kms:DeleteAlias", "kms:UpdateAlias"],
      resources: [`arn:aws:kms:us-east-1:${ACCOUNT}:alias/recipe-chatbot-prod-secrets`],
    });
    // The alias is the one the prod stack gives its secrets key.
    const aliases = resourcesOf(synthEnvironment("prod"), "aws_kms_alias").map(([, a]) => a.name);
    expect(aliases).toContain("alias/recipe-chatbot-prod-secrets");
  });

  it("apply holds no action nothing needs: keys stay enabled and rotating, log groups keep key and retention (finding 6, in part)", () => {
    const allowed = apply.filter((s) => s.effect === "Allow").flatMap((s) => s.actions);
    for (const action of ["kms:DisableKey", "kms:CancelKeyDeletion", "kms:DisableKeyRotation", "kms:EnableKey", "logs:DisassociateKmsKey", "logs:DeleteRetentionPolicy"]) {
      expect(allowed).not.toContain(action);
    }
  });

  it("apply may associate VPCs with the private zones of interface endpoints (private DNS, five with network.interfaceEndpoints) (finding 8)", () => {
    const dns = apply.find((s) => s.sid === "ManageDns")!;
    expect(dns.actions).toEqual(expect.arrayContaining(["route53:AssociateVPCWithHostedZone", "route53:DisassociateVPCFromHostedZone"]));
    expect(dns.resources).toContain("arn:aws:route53:::hostedzone/*");
    // Off in every preset since the cost review (README "Cost"), but one setting away in any environment.
    const withEndpoints = synthEnvironment("prod", { environments: { prod: { network: { interfaceEndpoints: true } } } });
    const endpoints = resourcesOf(withEndpoints, "aws_vpc_endpoint").filter(([, e]) => e.private_dns_enabled === true);
    expect(endpoints).toHaveLength(5);
  });

  it("gives each GitHub environment its own apply role: staging's cannot touch prod (finding 4)", () => {
    expect(JSON.stringify(applyStaging)).not.toContain("recipe-chatbot-prod");
    expect(JSON.stringify(apply)).not.toContain("recipe-chatbot-staging");
  });

  it("never allows a wildcard action or a whole service", () => {
    for (const statement of [...plan, ...apply]) {
      for (const action of statement.actions) expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
    }
  });

  it("plan reads: outside state locking, only Describe/Get/List actions", () => {
    const state = new Set(["S3LockFiles", "DynamoDbLocks", "StateEncryption"]);
    for (const statement of plan.filter((s) => !state.has(s.sid))) {
      for (const action of statement.actions) expect(action).toMatch(/:(Describe|Get|List)/);
    }
  });

  it("plan reads the state of every environment stack and cannot take, or delete, a lock", () => {
    const stacks = ["dev", "staging", "prod"];
    expect(plan.find((s) => s.sid === "ListStateKeys")).toMatchObject({
      actions: ["s3:ListBucket"],
      resources: [bucketArn],
      condition: [{ test: "StringEquals", variable: "s3:prefix", values: ["env:/", ...stacks.map(stateKey)] }],
    });
    expect(plan.find((s) => s.sid === "ReadState")).toMatchObject({ actions: ["s3:GetObject"], resources: stacks.map((s) => `${bucketArn}/${stateKey(s)}`) });
    expect(plan.find((s) => s.sid === "S3LockFiles")).toBeUndefined();
    expect(plan.find((s) => s.sid === "DynamoDbLocks")).toBeUndefined();
    expect(plan.flatMap((s) => s.actions ?? [])).not.toEqual(expect.arrayContaining(["s3:DeleteObject"]));
    expect(plan.flatMap((s) => s.actions ?? [])).not.toContain("dynamodb:PutItem");
    expect(plan.find((s) => s.sid === "ReadStateDigest")).toMatchObject({
      actions: ["dynamodb:DescribeTable", "dynamodb:GetItem"],
      resources: [refTo(stack, "aws_dynamodb_table", "state/lock-table", "arn")],
    });
    expect(plan.find((s) => s.sid === "StateEncryption")).toMatchObject({
      actions: ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"],
      resources: [refTo(stack, "aws_kms_key", "state/key/key", "arn")],
    });
  });

  it("apply writes the state of its own environment only, never deletes a state object", () => {
    const stacks = ["prod"];
    expect(apply.find((s) => s.sid === "ReadWriteState")).toMatchObject({
      actions: ["s3:GetObject", "s3:PutObject"],
      resources: stacks.map((s) => `${bucketArn}/${stateKey(s)}`),
    });
    const deletes = apply.filter((s) => s.effect === "Allow" && s.actions.includes("s3:DeleteObject")).flatMap((s) => s.resources!);
    expect(deletes.every((r) => r.endsWith(".tflock"))).toBe(true);
  });

  it("apply manages only staging and prod resources by name, and passes their roles to ECS tasks and flow logs only", () => {
    expect(apply.find((s) => s.sid === "ManageRoles")!.resources).toEqual([`arn:aws:iam::${ACCOUNT}:role/recipe-chatbot-prod*`]);
    expect(applyStaging.find((s) => s.sid === "ManageRoles")!.resources).toEqual([`arn:aws:iam::${ACCOUNT}:role/recipe-chatbot-staging*`]);
    expect(apply.find((s) => s.sid === "PassEnvironmentRoles")).toMatchObject({
      actions: ["iam:PassRole"],
      condition: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["ecs-tasks.amazonaws.com", "vpc-flow-logs.amazonaws.com"] }],
    });
    expect(JSON.stringify(apply)).not.toContain("recipe-chatbot-dev");
  });

  it("apply is denied every write to the state bucket, the state key and the CI roles", () => {
    const denies = apply.filter((s) => s.effect === "Deny" && s.sid.startsWith("Protect") && s.sid !== "ProtectWorkloadBoundary" && !s.sid.startsWith("ProtectSecretsKey"));
    expect(denies.map((s) => [s.sid, s.resources])).toEqual([
      ["ProtectStateBucket", [bucketArn]],
      ["ProtectStateKey", [refTo(stack, "aws_kms_key", "state/key/key", "arn")]],
      ["ProtectCiRoles", allGithubCiRoleNames().map((name) => `arn:aws:iam::${ACCOUNT}:role/${name}`)],
    ]);
    expect(denies[0].actions).toEqual(expect.arrayContaining(["s3:DeleteBucket", "s3:PutBucketPolicy", "s3:PutEncryptionConfiguration"]));
    expect(denies[1].actions).toEqual(expect.arrayContaining(["kms:ScheduleKeyDeletion", "kms:PutKeyPolicy", "kms:CreateGrant"]));
    expect(denies[2].actions).toEqual(expect.arrayContaining(["iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy", "iam:PassRole"]));
  });

  it("grants on Resource * only actions the policy guard exempts, or that a reviewer has listed here", () => {
    // Independent of SERVICE_ACCESS: creations of resources whose ids AWS generates, and reads and
    // subscription/log-delivery calls that the Service Authorization Reference gives no resource type.
    const reviewed = new Set([
      "acm:RequestCertificate", "route53:ListHostedZonesByName", "route53:CreateHealthCheck", "route53:CreateHostedZone",
      "guardduty:CreateDetector", "ecs:CreateCluster", "servicediscovery:GetOperation",
      "servicediscovery:CreatePrivateDnsNamespace", "application-autoscaling:DescribeScalableTargets",
      "application-autoscaling:DescribeScalingPolicies", "application-autoscaling:DescribeScheduledActions", "logs:DescribeResourcePolicies",
      "logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:DeleteResourcePolicy",
      "logs:PutResourcePolicy", "cloudwatch:DescribeAlarms", "sns:GetSubscriptionAttributes",
      "sns:SetSubscriptionAttributes", "sns:Unsubscribe",
      // No resource types (Service Authorization Reference), found by the role coverage test.
      "servicediscovery:ListTagsForResource", "servicediscovery:TagResource", "servicediscovery:UntagResource", "elasticloadbalancing:SetWebAcl",
    ]);
    const exempt = (action: string) =>
      reviewed.has(action) || STAR_RESOURCE_ONLY_ACTIONS.some((pattern) => globMatches(pattern, action));
    for (const statement of [...plan, ...apply, ...applyStaging].filter((s) => s.effect === "Allow" && s.resources?.includes("*"))) {
      expect(statement.sid).toMatch(/WithoutResourceLevelPermissions$/);
      expect(statement.actions.filter((action: string) => !exempt(action))).toEqual([]);
    }
  });

  /** For each named resource type of an environment stack: its ARN, and the service whose statement must cover it. */
  const NAMED_RESOURCES: [string, string, (r: Record<string, any>) => string][] = [
    ["aws_iam_role", "Roles", (r) => `arn:aws:iam::${ACCOUNT}:role/${r.name}`],
    ["aws_cloudwatch_log_group", "Logs", (r) => `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${r.name}`],
    ["aws_secretsmanager_secret", "Secrets", (r) => `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${r.name}-AbCdEf`],
    ["aws_ssm_parameter", "Parameters", (r) => `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter${r.name}`],
    ["aws_sns_topic", "Topics", (r) => `arn:aws:sns:us-east-1:${ACCOUNT}:${r.name}`],
    ["aws_ecr_repository", "Registry", (r) => `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/${r.name}`],
    ["aws_cloudwatch_event_rule", "Events", (r) => `arn:aws:events:us-east-1:${ACCOUNT}:rule/${r.name}`],
    ["aws_cloudwatch_metric_alarm", "Metrics", (r) => `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:${r.alarm_name}`],
    ["aws_cloudwatch_dashboard", "Metrics", (r) => `arn:aws:cloudwatch::${ACCOUNT}:dashboard/${r.dashboard_name}`],
    ["aws_lb", "LoadBalancing", (r) => `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/${r.name}/50dc6c495c0c9188`],
    ["aws_lb_target_group", "LoadBalancing", (r) => `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/${r.name}/73e2d6bc24d8a067`],
    ["aws_wafv2_web_acl", "Waf", (r) => `arn:aws:wafv2:us-east-1:${ACCOUNT}:regional/webacl/${r.name}/a1b2c3d4`],
    ["aws_kms_alias", "Keys", (r) => `arn:aws:kms:us-east-1:${ACCOUNT}:${r.name}`],
    ["aws_s3_bucket", "Buckets", (r) => `arn:aws:s3:::${concrete(r.bucket)}`],
    ["aws_ecs_task_definition", "Ecs", (r) => `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/${r.family}:7`],
    ["aws_ecs_service", "Ecs", (r) => `arn:aws:ecs:us-east-1:${ACCOUNT}:service/recipe-chatbot-cluster/${r.name}`],
  ];

  it.each(["staging", "prod"])("apply and plan cover every named resource of the %s stack", (env) => {
    const envStack = synthEnvironment(env);
    const apply = env === "prod" ? roleStatements(stack, "apply-production") : applyStaging;
    for (const [type, service, arnOf] of NAMED_RESOURCES) {
      const resources = resourcesOf(envStack, type);
      expect(resources.length).toBeGreaterThan(0);
      for (const [, resource] of resources) {
        const resourceArn = arnOf(resource);
        for (const [statements, sid] of [[apply, `Manage${service}`], [plan, `Read${service}`]] as const) {
          const statement = statements.find((s) => s.sid === sid);
          // Services whose reads all lack resource-level permissions have no Read statement.
          if (!statement && sid.startsWith("Read")) continue;
          expect({ resourceArn, covered: statement!.resources!.some((pattern) => globMatches(pattern, resourceArn)) }).toEqual({ resourceArn, covered: true });
        }
      }
    }
  });

  /** The policy as IAM stores it, with tokens at their longest realistic values. */
  function renderedSizes(synthesized: SynthesizedStack): Record<string, number> {
    return Object.fromEntries(
      resourcesOf(synthesized, "aws_iam_policy").map(([, policy]) => {
        const document = /data\.aws_iam_policy_document\.([^.]+)\.json/.exec(policy.policy)![1];
        const statements = synthesized.data!.aws_iam_policy_document[document].statement.map((s: Record<string, any>) => ({
          Sid: s.sid, Effect: s.effect, Action: s.actions, Resource: s.resources, Condition: s.condition,
        }));
        const text = concrete(JSON.stringify({ Version: "2012-10-17", Statement: statements }))
          .replace(/\$\{aws_s3_bucket\.[^}]+\}/g, `arn:aws:s3:::${"b".repeat(63)}`)
          .replace(/\$\{aws_kms_key\.[^}]+\}/g, `arn:aws:kms:us-east-1:${ACCOUNT}:key/${"k".repeat(36)}`)
          .replace(/\$\{aws_dynamodb_table\.[^}]+\}/g, `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/${"t".repeat(64)}`);
        expect(text).not.toContain("${");
        return [policy.name, text.length];
      }),
    );
  }

  it("keeps every managed policy under IAM's 6,144-character limit, also with each environment in its own region", () => {
    const zones = (region: string) => [
      { name: `${region}a`, publicSubnetCidr: "10.0.1.0/24", privateSubnetCidr: "10.0.3.0/24" },
      { name: `${region}b`, publicSubnetCidr: "10.0.2.0/24", privateSubnetCidr: "10.0.4.0/24" },
    ];
    const spread = synthBootstrap({
      environments: {
        dev: { region: "eu-west-1", network: { zones: zones("eu-west-1") } },
        staging: { region: "us-west-2", network: { zones: zones("us-west-2") } },
        prod: { region: "ap-southeast-2", network: { zones: zones("ap-southeast-2") } },
      },
    });
    for (const sizes of [renderedSizes(stack), renderedSizes(spread)]) {
      for (const [name, size] of Object.entries(sizes)) expect({ name, fits: size < MANAGED_POLICY_MAX_CHARS }).toEqual({ name, fits: true });
    }
  });
});
