/**
 * One deliberately bad resource per rule. Each case breaks one thing in the compliant stack and
 * expects synth to fail naming the rule and the broken resource's construct path.
 *
 * Lists are replaced rather than edited with addOverride: cdktf merges an overriding array into the
 * existing one instead of replacing it.
 */
import { Fn, Testing } from "cdktf";
import type { IConstruct } from "constructs";
import { DataAwsIamPolicyDocument, DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { NetworkAclRule } from "@cdktf/provider-aws/lib/network-acl-rule";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Wafv2WebAcl } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { ALL_RULES, encodeContainerDefinitions } from "../../src/policy";
import {
  backendContainer,
  CompliantStack,
  compliantStack,
  GITHUB_AUD,
  GITHUB_SUB,
  githubSub,
  replaceDeployTrust,
  TLS_ONLY,
} from "./compliant-stack";
import { globMatches } from "../../src/policy/iam-policy";
import { synthError } from "./synth";

/** Gives `role` an inline policy with one Allow statement; returns the policy resource. */
function allow(fx: CompliantStack, statement: DataAwsIamPolicyDocumentStatement): IamRolePolicy {
  const document = new DataAwsIamPolicyDocument(fx.stack, "bad-document", { statement: [statement] });
  return new IamRolePolicy(fx.stack, "bad-policy", { role: fx.taskRole.id, policy: document.json });
}

/** Replaces the backend task's containers with one changed container. */
function container(fx: CompliantStack, overrides: Parameters<typeof backendContainer>[0]): IConstruct {
  fx.taskDefinition.containerDefinitions = encodeContainerDefinitions([backendContainer(overrides)]);
  return fx.taskDefinition;
}

/** rule id -> what is wrong -> break the compliant stack and return the resource the violation names. */
const BAD_CASES: ReadonlyArray<[string, string, (fx: CompliantStack) => IConstruct]> = [
  // IAM (GitHub OIDC variants are in github-oidc.test.ts)
  ["RC-IAM-001", "GitHub trust without sub", (fx) => replaceDeployTrust(fx, [GITHUB_AUD])],
  ["RC-IAM-002", "GitHub sub for a whole org", (fx) =>
    replaceDeployTrust(fx, [GITHUB_AUD, githubSub("StringLike", "repo:example-org/*")])],
  ["RC-IAM-003", "GitHub trust without aud", (fx) => replaceDeployTrust(fx, [githubSub("StringEquals", GITHUB_SUB)])],
  ["RC-IAM-004", "ForAnyValue on sub", (fx) =>
    replaceDeployTrust(fx, [GITHUB_AUD, githubSub("ForAnyValue:StringEquals", GITHUB_SUB)])],
  ["RC-IAM-005", "StringEquals with a wildcard (literal JSON policy)", (fx) => {
    fx.metricsPolicy.policy = JSON.stringify({
      Statement: [{ Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": "RecipeChatbot/*" } } }],
    });
    return fx.metricsPolicy;
  }],
  ["RC-IAM-006", "repository policy open to everyone", (fx) => {
    fx.repositoryPolicy.policy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage" }] });
    return fx.repositoryPolicy;
  }],
  ["RC-IAM-007", 'Action "*"', (fx) => allow(fx, { actions: ["*"], resources: [fx.logGroup.arn] })],
  ["RC-IAM-008", "service-wide action", (fx) => allow(fx, { actions: ["s3:*"], resources: [fx.bucket.arn] })],
  ["RC-IAM-009", "administrator access", (fx) => allow(fx, { actions: ["*"], resources: ["*"] })],
  ["RC-IAM-010", 'restrictable action on Resource "*"', (fx) => allow(fx, { actions: ["s3:GetObject"], resources: ["*"] })],
  ["RC-IAM-011", "PassRole on every role", (fx) =>
    allow(fx, { actions: ["iam:PassRole"], resources: ["arn:aws:iam::123456789012:role/*"] })],
  ["RC-IAM-012", "AWS-managed policy", (fx) =>
    new IamRolePolicyAttachment(fx.stack, "managed", {
      role: fx.executionRole.name,
      policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
    })],

  // ECS
  ["RC-ECS-001", "Container Insights off", (fx) =>
    new EcsCluster(fx.stack, "plain-cluster", { name: "plain", setting: [{ name: "containerInsights", value: "disabled" }] })],
  ["RC-ECS-002", "ECS Exec unlogged", (fx) => {
    fx.cluster.putConfiguration({ executeCommandConfiguration: { logging: "NONE" } });
    return fx.cluster;
  }],
  ["RC-ECS-002", "ECS Exec logged unencrypted", (fx) => {
    fx.cluster.putConfiguration({
      executeCommandConfiguration: { kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/x", logging: "OVERRIDE", logConfiguration: { cloudWatchLogGroupName: "/exec", cloudWatchEncryptionEnabled: false } },
    });
    return fx.cluster;
  }],
  ["RC-ECS-002", "ECS Exec on in a cluster that logs no sessions", (fx) => {
    fx.service.enableExecuteCommand = true;
    return fx.service;
  }],
  ["RC-ECS-003", "public IP on tasks", (fx) => {
    fx.service.addOverride("network_configuration.assign_public_ip", true);
    return fx.service;
  }],
  ["RC-ECS-004", "pinned platform version", (fx) => {
    fx.service.platformVersion = "1.3.0";
    return fx.service;
  }],
  ["RC-ECS-005", "task role = execution role", (fx) => {
    fx.taskDefinition.taskRoleArn = fx.executionRole.arn;
    return fx.taskDefinition;
  }],
  ["RC-ECS-006", "host networking", (fx) => {
    fx.taskDefinition.networkMode = "host";
    return fx.taskDefinition;
  }],
  ["RC-ECS-007", "host PID namespace", (fx) => {
    fx.taskDefinition.pidMode = "host";
    return fx.taskDefinition;
  }],
  ["RC-ECS-008", "containers built with plain Fn.jsonencode", (fx) => {
    fx.taskDefinition.containerDefinitions = Fn.jsonencode([backendContainer()]);
    return fx.taskDefinition;
  }],
  ["RC-ECS-009", "writable root filesystem", (fx) => container(fx, { readonlyRootFilesystem: false })],
  ["RC-ECS-010", "privileged container", (fx) => container(fx, { privileged: true })],
  ["RC-ECS-011", "no user (image default, root)", (fx) => container(fx, { user: undefined })],
  ["RC-ECS-012", "no log configuration", (fx) => container(fx, { logConfiguration: undefined })],
  ["RC-ECS-013", "password in environment", (fx) =>
    container(fx, { environment: [{ name: "DATABASE_PASSWORD", value: "hunter2" }] })],
  ["RC-ECS-014", "invalid Fargate size", (fx) => {
    fx.taskDefinition.memory = "4096";
    return fx.taskDefinition;
  }],

  // ELB
  ["RC-ELB-001", "HTTP listener forwards", (fx) => {
    fx.httpListener.addOverride("default_action", [{ type: "forward", target_group_arn: fx.targetGroup.arn }]);
    return fx.httpListener;
  }],
  ["RC-ELB-002", "Ext1 TLS policy", (fx) => {
    fx.httpsListener.sslPolicy = "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06";
    return fx.httpsListener;
  }],
  ["RC-ELB-003", "invalid headers kept", (fx) => {
    fx.alb.dropInvalidHeaderFields = false;
    return fx.alb;
  }],
  ["RC-ELB-004", "no deletion protection", (fx) => {
    fx.alb.enableDeletionProtection = false;
    return fx.alb;
  }],
  ["RC-ELB-005", "desync monitor mode", (fx) => {
    fx.alb.desyncMitigationMode = "monitor";
    return fx.alb;
  }],
  ["RC-ELB-006", "access logs off", (fx) => {
    fx.alb.putAccessLogs({ bucket: fx.bucket.bucket, enabled: false });
    return fx.alb;
  }],
  ["RC-ELB-007", "no WAF on the internet-facing ALB", (fx) => {
    fx.wafAssociation.resourceArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/other/1";
    return fx.alb;
  }],
  ["RC-ELB-008", "one subnet", (fx) => {
    fx.alb.subnets = [fx.subnets[0].id];
    return fx.alb;
  }],
  ["RC-ELB-009", "target group without health-check path", (fx) =>
    new LbTargetGroup(fx.stack, "no-health-check", { port: 3000, protocol: "HTTP", targetType: "ip", vpcId: fx.vpc.id })],

  // Network
  ["RC-NET-001", "flow log of rejected traffic only", (fx) => {
    fx.flowLog.trafficType = "REJECT";
    return fx.vpc;
  }],
  ["RC-NET-002", "default security group allows traffic", (fx) => {
    fx.defaultSecurityGroup.addOverride("ingress", [{ protocol: "-1", from_port: 0, to_port: 0, self: true }]);
    return fx.vpc;
  }],
  ["RC-NET-003", "subnet maps public IPs", (fx) => {
    fx.subnets[1].mapPublicIpOnLaunch = true;
    return fx.subnets[1];
  }],
  ["RC-NET-004", "security group without description", (fx) => new SecurityGroup(fx.stack, "undescribed", { vpcId: fx.vpc.id })],
  ["RC-NET-005", "rule without description", (fx) => {
    fx.appIngress.resetDescription();
    return fx.appIngress;
  }],
  ["RC-NET-006", "app port open to the internet", (fx) =>
    new VpcSecurityGroupIngressRule(fx.stack, "app-public", {
      securityGroupId: fx.appSecurityGroup.id,
      ipProtocol: "tcp",
      fromPort: 8000,
      toPort: 8000,
      cidrIpv6: "::/0",
      description: "debugging",
    })],
  ["RC-NET-007", "SSH from the internet", (fx) =>
    new SecurityGroupRule(fx.stack, "ssh", {
      type: "ingress",
      securityGroupId: fx.appSecurityGroup.id,
      protocol: "tcp",
      fromPort: 22,
      toPort: 22,
      cidrBlocks: ["0.0.0.0/0"],
      description: "ssh",
    })],
  ["RC-NET-008", "all traffic out to the internet", (fx) => {
    fx.appSecurityGroup.addOverride("egress.0.protocol", "-1");
    return fx.appSecurityGroup;
  }],
  ["RC-NET-009", "NACL allows all protocols", (fx) => {
    fx.naclRule.protocol = "-1";
    return fx.naclRule;
  }],
  ["RC-NET-010", "NACL admits SSH from the internet", (fx) =>
    new NetworkAclRule(fx.stack, "nacl-ssh", {
      networkAclId: fx.nacl.id,
      ruleNumber: 120,
      ruleAction: "allow",
      protocol: "tcp",
      fromPort: 22,
      toPort: 22,
      cidrBlock: "0.0.0.0/0",
    })],

  // ECR
  ["RC-ECR-001", "no scan on push", (fx) => {
    fx.repository.putImageScanningConfiguration({ scanOnPush: false });
    return fx.repository;
  }],
  ["RC-ECR-002", "mutable tags", (fx) => {
    fx.repository.imageTagMutability = "MUTABLE";
    return fx.repository;
  }],
  ["RC-ECR-003", "AES256 encryption", (fx) => {
    fx.repository.putEncryptionConfiguration([{ encryptionType: "AES256" }]);
    return fx.repository;
  }],
  ["RC-ECR-004", "lifecycle policy for another repository", (fx) => {
    fx.lifecycle.repository = "frontend";
    return fx.repository;
  }],

  // Secrets Manager, SSM
  ["RC-SEC-001", "secret under the AWS-managed key", (fx) => {
    fx.secret.kmsKeyId = "alias/aws/secretsmanager";
    return fx.secret;
  }],
  ["RC-SEC-002", "secret without rotation", (fx) =>
    new SecretsmanagerSecret(fx.stack, "unrotated", { name: "unrotated", kmsKeyId: fx.key.arn })],
  ["RC-SEC-003", "plain-text parameter named like a secret", (fx) =>
    new SsmParameter(fx.stack, "api-token", { name: "/recipe-chatbot/api-token", type: "String", value: "x" })],
  ["RC-SEC-004", "SecureString without a CMK", (fx) => {
    fx.parameter.resetKeyId();
    return fx.parameter;
  }],

  // CloudWatch
  ["RC-CW-001", "log group kept forever", (fx) => {
    fx.logGroup.resetRetentionInDays();
    return fx.logGroup;
  }],
  ["RC-CW-002", "log group without KMS", (fx) => {
    fx.logGroup.resetKmsKeyId();
    return fx.logGroup;
  }],
  ["RC-CW-003", "alarm without actions", (fx) => {
    fx.alarm.actionsEnabled = false;
    return fx.alarm;
  }],

  // SNS
  ["RC-SNS-001", "topic under alias/aws/sns", (fx) => {
    fx.topic.kmsMasterKeyId = "alias/aws/sns";
    return fx.topic;
  }],
  ["RC-SNS-002", "topic policy without the TLS deny", (fx) => {
    fx.topicPolicyDocument.addOverride("statement.0.effect", "Allow");
    return fx.topic;
  }],

  // S3
  ["RC-S3-001", "public access partly allowed", (fx) => {
    fx.publicAccessBlock.restrictPublicBuckets = false;
    return fx.bucket;
  }],
  ["RC-S3-002", "versioning suspended", (fx) => {
    fx.versioning.putVersioningConfiguration({ status: "Suspended" });
    return fx.bucket;
  }],
  ["RC-S3-003", "no encryption configuration for the bucket", (fx) => {
    fx.encryption.bucket = "some-other-bucket";
    return fx.bucket;
  }],
  ["RC-S3-004", "ACLs enabled", (fx) => {
    fx.ownership.putRule({ objectOwnership: "ObjectWriter" });
    return fx.bucket;
  }],
  ["RC-S3-005", "bucket policy denying only requests made with TLS", (fx) => {
    const statement = TLS_ONLY("s3:*", [fx.bucket.arn, `${fx.bucket.arn}/*`]);
    const document = new DataAwsIamPolicyDocument(fx.stack, "inverted", {
      statement: [{ ...statement, condition: [{ ...statement.condition[0], values: ["true"] }] }],
    });
    fx.bucketPolicy.policy = document.json;
    return fx.bucket;
  }],
  ["RC-S3-006", "force destroy", (fx) => {
    fx.bucket.forceDestroy = true;
    return fx.bucket;
  }],

  // DynamoDB
  ["RC-DDB-001", "no point-in-time recovery", (fx) => {
    fx.lockTable.putPointInTimeRecovery({ enabled: false });
    return fx.lockTable;
  }],
  ["RC-DDB-002", "AWS-owned key", (fx) => {
    fx.lockTable.putServerSideEncryption({ enabled: true });
    return fx.lockTable;
  }],

  // WAF
  ["RC-WAF-001", "no logging configuration", (fx) => {
    fx.wafLogging.resourceArn = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/other/1";
    return fx.webAcl;
  }],
  ["RC-WAF-002", "no rules", (fx) =>
    new Wafv2WebAcl(fx.stack, "empty-acl", {
      name: "empty",
      scope: "REGIONAL",
      defaultAction: { allow: {} },
      visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "empty", sampledRequestsEnabled: true },
    })],
  ["RC-WAF-003", "no known-bad-inputs rule group", (fx) => {
    fx.webAcl.addOverride("rule.0.statement.managed_rule_group_statement.name", "AWSManagedRulesCommonRuleSet");
    return fx.webAcl;
  }],

  // GuardDuty, ACM, KMS
  ["RC-GD-001", "detector disabled", (fx) => {
    fx.detector.enable = false;
    return fx.detector;
  }],
  ["RC-ACM-001", "certificate destroyed before replacement", (fx) => {
    fx.certificate.lifecycle = { createBeforeDestroy: false };
    return fx.certificate;
  }],
  ["RC-ACM-002", "CT logging disabled", (fx) => {
    fx.certificate.putOptions({ certificateTransparencyLoggingPreference: "DISABLED" });
    return fx.certificate;
  }],
  ["RC-ACM-003", "wildcard certificate", (fx) => {
    fx.certificate.domainName = "*.example.com";
    return fx.certificate;
  }],
  ["RC-KMS-001", "key without rotation", (fx) => {
    fx.key.enableKeyRotation = false;
    return fx.key;
  }],
];

describe("policy rules", () => {
  it("has at least 50 rules with distinct, well-formed ids and full metadata", () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(50);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of ALL_RULES) {
      expect(rule.id).toMatch(/^RC-[A-Z0-9]+-\d{3}$/);
      expect(rule.resourceTypes.length).toBeGreaterThan(0);
      expect(rule.title && rule.description && rule.remediation).toBeTruthy();
    }
  });

  it("has a bad case for every rule", () => {
    expect([...new Set(BAD_CASES.map(([id]) => id))].sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
  });

  it("passes the compliant stack, checking every rule at least once", () => {
    const fx = compliantStack();
    expect(() => Testing.synth(fx.stack, true)).not.toThrow();
    const { results, unverifiable } = fx.guard.evaluate(fx.stack);
    expect(unverifiable).toEqual([]);
    for (const result of results) {
      expect({ id: result.rule.id, checked: result.checked > 0, failed: result.failed }).toEqual({
        id: result.rule.id,
        checked: true,
        failed: 0,
      });
    }
  });

  it.each(BAD_CASES)("%s fails synth: %s", (ruleId, _what, breakIt) => {
    const fx = compliantStack();
    const culprit = breakIt(fx);
    expect(synthError(fx.stack)).toContain(`[${ruleId}] ${culprit.node.path}: `);
  });

  it("RC-ELB-001 also fails a listener rule that forwards HTTP traffic", () => {
    const fx = compliantStack();
    new LbListenerRule(fx.stack, "http-api", {
      listenerArn: fx.httpListener.arn,
      priority: 10,
      condition: [{ pathPattern: { values: ["/api/*"] } }],
      action: [{ type: "forward", targetGroupArn: fx.targetGroup.arn }],
    });
    expect(synthError(fx.stack)).toContain(
      "[RC-ELB-001] policy-test/http: listener rule policy-test/http-api serves traffic over HTTP",
    );
  });

  it("prints what is wrong and how to fix it", () => {
    const fx = compliantStack();
    fx.key.enableKeyRotation = false;
    expect(synthError(fx.stack)).toContain(
      "[RC-KMS-001] policy-test/key: enable_key_rotation is not true. Fix: set enable_key_rotation = true",
    );
  });

  it("fails app.synth() (what cdktf synth runs), not only Testing.synth", () => {
    const fx = compliantStack();
    fx.key.enableKeyRotation = false;
    expect(() => Testing.fullSynth(fx.stack)).toThrow("[RC-KMS-001] policy-test/key");
  });
});

describe("IAM glob matching", () => {
  it.each([
    ["ecs:UpdateService", "ecs:updateservice", true],
    ["ecs:UpdateService", "ecs:UpdateServices", false],
    ["ecs:UpdateService", "ecs:UpdateServic", false],
    ["ec2:Describe*", "ec2:DescribeVpcs", true],
    ["ec2:Describe*", "ec2:CreateVpc", false],
    ["s3:Get?bject", "s3:GetObject", true],
    ["s3:Get?bject", "s3:GetObjectAcl", false],
    ["arn:aws:iam::*:role/rc-dev-*", "arn:aws:iam::123456789012:role/rc-dev-deploy", true],
    ["arn:aws:iam::*:role/rc-dev-*", "arn:aws:iam::123456789012:role/rc-prod-deploy", false],
    // Characters that mean something in a regular expression are literal in IAM.
    ["logs:(a|b).+", "logs:(a|b).+", true],
    ["logs:(a|b).+", "logs:a", false],
  ])("%s against %s: %s", (pattern, text, matches) => {
    expect(globMatches(pattern, text)).toBe(matches);
    expect(globMatches(pattern, text)).toBe(matches); // the cached form answers the same
  });
});
