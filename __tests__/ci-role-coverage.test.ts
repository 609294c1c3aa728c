/**
 * The other direction of the role coverage (README "CI roles"): every action the production roles
 * grant is either recorded in an emulator run (__tests__/fixtures/recorded-actions.json, written and
 * checked by the emulator suites, support/role-coverage.ts) or listed below with the reason it is
 * needed. An unused grant without a reason fails; so does a reason for an action no longer granted
 * or now recorded, so the table stays what it claims.
 */
import * as fs from "fs";
import { ACCOUNT } from "./support/bootstrap";
import { decide, RECORDED_ACTIONS_FILE, ROLE_OF_PHASE, roleStatements, type CiRole, type RecordedActions } from "./support/role-coverage";

const STATE = "state backend (S3 object, DynamoDB lock, state key): the emulator suites keep state locally; bootstrap.test.ts runs dev on the S3 backend";
const UNTAG = "removing a tag (a default tag dropped from the configuration); the recorded re-apply adds one";
const UPDATE = "an in-place change the recorded re-apply does not make: the provider calls it when that attribute changes";

/** Granted actions no recording needs, per role, each with the reason it stays (reviewed). */
const UNUSED_GRANTS: Readonly<Record<CiRole, Readonly<Record<string, string>>>> = {
  plan: {
    "dynamodb:DescribeTable": STATE,
    "dynamodb:GetItem": STATE,
    "kms:Decrypt": STATE,
    "kms:Encrypt": STATE,
    "kms:GenerateDataKey": STATE,
    "s3:GetObject": STATE,
  },
  apply: {
    "dynamodb:DeleteItem": STATE,
    "dynamodb:DescribeTable": STATE,
    "dynamodb:GetItem": STATE,
    "dynamodb:PutItem": STATE,
    "kms:Decrypt": STATE,
    "kms:Encrypt": STATE,
    "kms:GenerateDataKey": STATE,
    "s3:DeleteObject": STATE,
    "s3:GetObject": STATE,
    "s3:PutObject": STATE,
    "acm:RemoveTagsFromCertificate": UNTAG,
    "application-autoscaling:UntagResource": UNTAG,
    "cloudwatch:UntagResource": UNTAG,
    "ec2:DeleteTags": UNTAG,
    "ecr:UntagResource": UNTAG,
    "ecs:UntagResource": UNTAG,
    "elasticloadbalancing:RemoveTags": UNTAG,
    "events:UntagResource": UNTAG,
    "guardduty:UntagResource": UNTAG,
    "iam:UntagRole": UNTAG,
    "kms:UntagResource": UNTAG,
    "logs:UntagResource": UNTAG,
    "secretsmanager:UntagResource": UNTAG,
    "servicediscovery:UntagResource": UNTAG,
    "sns:UntagResource": UNTAG,
    "ssm:RemoveTagsFromResource": UNTAG,
    "wafv2:UntagResource": UNTAG,
    "acm:UpdateCertificateOptions": `${UPDATE} (certificate transparency logging)`,
    "ec2:ModifySecurityGroupRules": `${UPDATE} (a security group rule)`,
    "ec2:ModifySubnetAttribute": `${UPDATE} (public IP on launch, IPv6 assignment)`,
    "ec2:ModifyVpcEndpoint": `${UPDATE} (an endpoint's subnets, groups or policy)`,
    "ec2:ReplaceNetworkAclEntry": `${UPDATE} (a network ACL rule)`,
    "ec2:ReplaceRoute": `${UPDATE} (a route's target, e.g. the NAT mode)`,
    "ec2:ReplaceRouteTableAssociation": `${UPDATE} (a subnet moved to another route table)`,
    "ec2:UpdateSecurityGroupRuleDescriptionsEgress": `${UPDATE} (a rule's description)`,
    "ec2:UpdateSecurityGroupRuleDescriptionsIngress": `${UPDATE} (a rule's description)`,
    "ecr:PutImageScanningConfiguration": `${UPDATE} (scan on push)`,
    "ecr:PutImageTagMutability": `${UPDATE} (tag immutability)`,
    "ecs:UpdateCluster": `${UPDATE} (Container Insights, ECS Exec logging)`,
    "ecs:UpdateClusterSettings": `${UPDATE} (Container Insights)`,
    "elasticloadbalancing:ModifyListener": `${UPDATE} (TLS policy, certificate, default action)`,
    "elasticloadbalancing:ModifyRule": `${UPDATE} (a listener rule's paths)`,
    "elasticloadbalancing:ModifyTargetGroup": `${UPDATE} (health checks)`,
    "elasticloadbalancing:SetIpAddressType": `${UPDATE} (dual stack)`,
    "elasticloadbalancing:SetRulePriorities": `${UPDATE} (rule order)`,
    "elasticloadbalancing:SetSecurityGroups": `${UPDATE} (the ALB's groups)`,
    "elasticloadbalancing:SetSubnets": `${UPDATE} (the ALB's subnets)`,
    "events:DisableRule": `${UPDATE} (a rule switched off)`,
    "events:EnableRule": `${UPDATE} (a rule switched on)`,
    "iam:UpdateRole": `${UPDATE} (a role's description or session length)`,
    "kms:PutKeyPolicy": `${UPDATE} (a key policy; denied on the secrets key)`,
    "kms:UpdateAlias": `${UPDATE} (an alias moved to a new key)`,
    "kms:UpdateKeyDescription": `${UPDATE} (a key's description)`,
    "logs:AssociateKmsKey": `${UPDATE} (a log group's key)`,
    "route53:UpdateHealthCheck": `${UPDATE} (the health check's path or threshold)`,
    "secretsmanager:UpdateSecret": `${UPDATE} (a secret's description or key)`,
    "servicediscovery:UpdatePrivateDnsNamespace": `${UPDATE} (the namespace's description)`,
    "servicediscovery:UpdateService": `${UPDATE} (DNS TTL)`,
    "sns:SetSubscriptionAttributes": `${UPDATE} (a subscription's filter or delivery policy)`,
    "wafv2:UpdateWebACL": `${UPDATE} (any rule: count to block is the planned production change)`,
    "kms:CreateGrant": "AWS services create grants on the environment's keys as the caller (kms:GrantIsForAWSResource, e.g. an encrypted ECR repository or secret); moto makes none",
    "kms:RetireGrant": "as kms:CreateGrant, when the resource goes",
  },
  deploy: {
    "ecr:GetAuthorizationToken": "docker login in deploy.yml before the push (the emulator runs rollout.sh, not the image build)",
    "ecr:BatchCheckLayerAvailability": "docker push of the new image (deploy.yml)",
    "ecr:InitiateLayerUpload": "docker push of the new image (deploy.yml)",
    "ecr:UploadLayerPart": "docker push of the new image (deploy.yml)",
    "ecr:CompleteLayerUpload": "docker push of the new image (deploy.yml)",
    "ecr:PutImage": "docker push of the new image (deploy.yml)",
    "ecr:BatchGetImage": "docker push checks the existing manifest (deploy.yml)",
  },
};


const recorded = JSON.parse(fs.readFileSync(RECORDED_ACTIONS_FILE, "utf8")) as RecordedActions;

/** Calls and distinct actions the recordings hold for a role (every suite, every phase it runs). */
function recordedFor(role: CiRole): { calls: number; actions: Set<string> } {
  const phases = Object.values(recorded).flatMap((suite) => Object.entries(suite).filter(([phase]) => ROLE_OF_PHASE[phase as keyof typeof ROLE_OF_PHASE] === role).map(([, p]) => p!));
  return { calls: phases.reduce((sum, p) => sum + p.calls, 0), actions: new Set(phases.flatMap((p) => p.actions)) };
}

/** Actions a role's statements allow (its denies aside). */
function grantedBy(statements: ReturnType<typeof roleStatements>): string[] {
  return [...new Set(statements.filter((s) => s.effect !== "Deny").flatMap((s) => s.actions ?? []))].sort();
}

describe.each(["plan", "apply", "deploy"] as const)("the production %s role", (role) => {
  const granted = grantedBy(roleStatements("prod", role));
  const { calls, actions } = recordedFor(role);
  const unused = granted.filter((action) => !actions.has(action));

  it("has recordings to be proven against", () => {
    const covered = granted.filter((action) => actions.has(action));
    console.log(`${role} role: ${calls} calls recorded, ${actions.size} distinct actions, ${covered.length} of ${granted.length} grants covered, ${unused.length} granted but unused (each with a reason)`);
    expect(calls).toBeGreaterThan(0);
  });

  it("grants nothing unused without a reviewed reason", () => {
    expect(unused.filter((action) => !UNUSED_GRANTS[role][action])).toEqual([]);
  });

  it("lists reasons only for actions it grants and no recording uses", () => {
    expect(Object.keys(UNUSED_GRANTS[role]).filter((action) => !unused.includes(action))).toEqual([]);
  });
});

// Blue/green adds CodeDeploy grants to the deploy role; the blue/green rollout's recording
// (emulator/blue-green.test.ts) must use each of them.
describe("the production deploy role with every service on blue-green", () => {
  const granted = grantedBy(roleStatements("prod", "deploy", { environments: { prod: { deployment: { strategy: "blue-green" } } } }));

  it("grants CodeDeploy actions, each one the blue/green rollout was recorded using", () => {
    const { actions } = recordedFor("deploy");
    const codeDeploy = granted.filter((action) => action.startsWith("codedeploy:"));
    expect(codeDeploy.length).toBeGreaterThan(0);
    expect(codeDeploy.filter((action) => !actions.has(action))).toEqual([]);
  });
});

// Record changes pinned to the public zone and name configuration gives, evaluated by iam-simulate.
describe("the production apply role's record changes", () => {
  const ZONE = "Z0123456789ABCDEFGHIJ";
  const change = (statements: ReturnType<typeof roleStatements>, zone: string, names: string[]) =>
    decide(statements, { action: "route53:ChangeResourceRecordSets", resource: `arn:aws:route53:::hostedzone/${zone}`, context: { "route53:ChangeResourceRecordSetsNormalizedRecordNames": names } }, ACCOUNT);

  it("reach any zone and name when configuration knows neither (both are deploy-time variables)", async () => {
    expect(await change(roleStatements("prod", "apply"), "ZOTHER", ["www.other.example"])).toBe("Allowed");
  });

  it("reach only the configured zone, the environment's name and its certificate's validation record", async () => {
    const pinned = roleStatements("prod", "apply", { environments: { prod: { hostedZoneId: ZONE, domainName: "chat.example.com" } } });
    expect(await change(pinned, ZONE, ["chat.example.com"])).toBe("Allowed");
    expect(await change(pinned, ZONE, ["_3f1c.chat.example.com", "chat.example.com"])).toBe("Allowed");
    expect(await change(pinned, ZONE, ["chat.example.com", "www.example.com"])).not.toBe("Allowed");
    expect(await change(pinned, "ZOTHER", ["chat.example.com"])).not.toBe("Allowed");
  });
});
