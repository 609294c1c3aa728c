/**
 * A small stack that satisfies every rule and exercises each of them at least once, shaped like
 * the project's environment and bootstrap stacks. Rule tests break one thing in it at a time.
 */
import { App, TerraformStack } from "cdktf";
import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import {
  DataAwsIamPolicyDocument,
  DataAwsIamPolicyDocumentStatementCondition,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { EcrLifecyclePolicy } from "@cdktf/provider-aws/lib/ecr-lifecycle-policy";
import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { EcrRepositoryPolicy } from "@cdktf/provider-aws/lib/ecr-repository-policy";
import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector";
import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { NetworkAcl } from "@cdktf/provider-aws/lib/network-acl";
import { NetworkAclRule } from "@cdktf/provider-aws/lib/network-acl-rule";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretRotation } from "@cdktf/provider-aws/lib/secretsmanager-secret-rotation";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Wafv2WebAcl } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { Wafv2WebAclLoggingConfiguration } from "@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration";
import { ContainerDefinition, encodeContainerDefinitions, PolicyGuard, Rule, suppress } from "../../src/policy";

export const ACCOUNT_ROOT = "arn:aws:iam::123456789012:root";
export const GITHUB_SUB = "repo:example-org/recipe-chatbot:environment:prod";

type Condition = DataAwsIamPolicyDocumentStatementCondition;
export const GITHUB_AUD: Condition = {
  test: "StringEquals",
  variable: "token.actions.githubusercontent.com:aud",
  values: ["sts.amazonaws.com"],
};
export function githubSub(test: string, ...values: string[]): Condition {
  return { test, variable: "token.actions.githubusercontent.com:sub", values };
}

/** A trust policy for GitHub Actions through the OIDC provider(s) `federated`, with `condition`. */
export function githubTrust(scope: TerraformStack, id: string, federated: string[], condition: Condition[]) {
  return new DataAwsIamPolicyDocument(scope, id, {
    statement: [
      {
        sid: "GitHubActions",
        actions: ["sts:AssumeRoleWithWebIdentity"],
        principals: [{ type: "Federated", identifiers: federated }],
        condition,
      },
    ],
  });
}

/** The backend container as the project's FargateService would describe it. */
export function backendContainer(overrides: Partial<ContainerDefinition> = {}): ContainerDefinition {
  return {
    name: "backend",
    image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/backend:abc123",
    essential: true,
    user: "1000:1000",
    readonlyRootFilesystem: true,
    portMappings: [{ containerPort: 8000 }],
    environment: [{ name: "LOG_LEVEL", value: "info" }],
    secrets: [{ name: "OPENAI_API_KEY", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:openai" }],
    logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/recipe-chatbot/backend" } },
    ...overrides,
  };
}

export const TLS_ONLY = (action: string, resources: string[]) => ({
  sid: "DenyInsecureTransport",
  effect: "Deny",
  actions: [action],
  resources,
  principals: [{ type: "*", identifiers: ["*"] }],
  condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
});

/** Gives the fixture's deploy role a GitHub trust policy with `condition` instead; returns the role. */
export function replaceDeployTrust(fx: CompliantStack, condition: Condition[], federated = [fx.github.arn]) {
  fx.deployRole.assumeRolePolicy = githubTrust(fx.stack, "replaced-trust", federated, condition).json;
  return fx.deployRole;
}

export interface CompliantStackOptions {
  /** Rules of the stack's guard; all by default. */
  readonly rules?: readonly Rule[];
  readonly app?: App;
  readonly id?: string;
}

/** Builds the stack with a policy guard; the caller synthesizes it. */
export function compliantStack({ rules, app = new App(), id = "policy-test" }: CompliantStackOptions = {}) {
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  const guard = PolicyGuard.applyTo(stack, rules);

  // ---- KMS, logs, alarms ----
  const keyPolicy = new DataAwsIamPolicyDocument(stack, "key-policy", {
    statement: [
      { sid: "AccountAdmin", actions: ["kms:*"], resources: ["*"], principals: [{ type: "AWS", identifiers: [ACCOUNT_ROOT] }] },
      {
        sid: "CloudWatchAlarms",
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        resources: ["*"],
        principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com", "logs.us-east-1.amazonaws.com"] }],
      },
    ],
  });
  const key = new KmsKey(stack, "key", { enableKeyRotation: true, policy: keyPolicy.json });
  const logGroup = new CloudwatchLogGroup(stack, "log-group", {
    name: "/recipe-chatbot/backend",
    retentionInDays: 30,
    kmsKeyId: key.arn,
  });
  const topic = new SnsTopic(stack, "alarms", { name: "alarms", kmsMasterKeyId: key.arn });
  const topicPolicyDocument = new DataAwsIamPolicyDocument(stack, "topic-policy-document", {
    statement: [TLS_ONLY("sns:Publish", [topic.arn])],
  });
  const topicPolicy = new SnsTopicPolicy(stack, "topic-policy", { arn: topic.arn, policy: topicPolicyDocument.json });
  const alarm = new CloudwatchMetricAlarm(stack, "alarm", {
    alarmName: "backend-5xx",
    comparisonOperator: "GreaterThanThreshold",
    evaluationPeriods: 1,
    metricName: "HTTPCode_Target_5XX_Count",
    namespace: "AWS/ApplicationELB",
    period: 60,
    statistic: "Sum",
    threshold: 5,
    alarmActions: [topic.arn],
  });

  // ---- Network ----
  const vpc = new Vpc(stack, "vpc", { cidrBlock: "10.0.0.0/16" });
  const flowLogRole = new IamRole(stack, "flow-log-role", { assumeRolePolicy: serviceTrust(stack, "flow-log-trust", "vpc-flow-logs.amazonaws.com").json });
  const flowLog = new FlowLog(stack, "flow-log", {
    vpcId: vpc.id,
    trafficType: "ALL",
    logDestination: logGroup.arn,
    iamRoleArn: flowLogRole.arn,
  });
  const defaultSecurityGroup = new DefaultSecurityGroup(stack, "default-sg", { vpcId: vpc.id });
  const subnets = ["a", "b"].map(
    (az, i) =>
      new Subnet(stack, `subnet-${az}`, { vpcId: vpc.id, cidrBlock: `10.0.${i}.0/24`, availabilityZone: `us-east-1${az}` }),
  );
  const nacl = new NetworkAcl(stack, "nacl", {
    vpcId: vpc.id,
    subnetIds: subnets.map((s) => s.id),
    ingress: [{ ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" }],
  });
  const naclRule = new NetworkAclRule(stack, "nacl-ephemeral", {
    networkAclId: nacl.id,
    ruleNumber: 110,
    egress: false,
    ruleAction: "allow",
    protocol: "tcp",
    // Return traffic on the Linux ephemeral range; 1024-65535 would include RDP's 3389.
    fromPort: 32768,
    toPort: 60999,
    cidrBlock: "0.0.0.0/0",
  });
  const albSecurityGroup = new SecurityGroup(stack, "alb-sg", { vpcId: vpc.id, description: "ALB: HTTPS from the internet" });
  const albHttps = new VpcSecurityGroupIngressRule(stack, "alb-https", {
    securityGroupId: albSecurityGroup.id,
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    cidrIpv4: "0.0.0.0/0",
    description: "HTTPS from the internet",
  });
  suppress(albHttps, "RC-NET-006", "The internet-facing ALB terminates public HTTPS; nothing else accepts /0");
  const appSecurityGroup = new SecurityGroup(stack, "app-sg", {
    vpcId: vpc.id,
    description: "Backend tasks: 8000 from the ALB, 443 out",
    egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "HTTPS to AWS APIs and the LLM provider" }],
  });
  const appIngress = new SecurityGroupRule(stack, "app-from-alb", {
    type: "ingress",
    securityGroupId: appSecurityGroup.id,
    protocol: "tcp",
    fromPort: 8000,
    toPort: 8000,
    sourceSecurityGroupId: albSecurityGroup.id,
    description: "Backend port from the ALB",
  });
  const albEgress = new VpcSecurityGroupEgressRule(stack, "alb-to-app", {
    securityGroupId: albSecurityGroup.id,
    ipProtocol: "tcp",
    fromPort: 8000,
    toPort: 8000,
    referencedSecurityGroupId: appSecurityGroup.id,
    description: "To backend tasks",
  });

  // ---- S3 (ALB access logs) ----
  const bucket = new S3Bucket(stack, "logs-bucket", { bucket: "recipe-chatbot-alb-logs" });
  const publicAccessBlock = new S3BucketPublicAccessBlock(stack, "logs-pab", {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  const versioning = new S3BucketVersioningA(stack, "logs-versioning", {
    // A deterministic name instead of a reference: the guard matches it by name.
    bucket: "recipe-chatbot-alb-logs",
    versioningConfiguration: { status: "Enabled" },
  });
  const encryption = new S3BucketServerSideEncryptionConfigurationA(stack, "logs-sse", {
    bucket: bucket.id,
    rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
  });
  const ownership = new S3BucketOwnershipControls(stack, "logs-ownership", {
    bucket: bucket.id,
    rule: { objectOwnership: "BucketOwnerEnforced" },
  });
  const bucketPolicyDocument = new DataAwsIamPolicyDocument(stack, "logs-policy-document", {
    statement: [
      TLS_ONLY("s3:*", [bucket.arn, `${bucket.arn}/*`]),
      {
        sid: "ElbLogDelivery",
        actions: ["s3:PutObject"],
        resources: [`${bucket.arn}/alb/*`],
        principals: [{ type: "Service", identifiers: ["logdelivery.elasticloadbalancing.amazonaws.com"] }],
      },
    ],
  });
  const bucketPolicy = new S3BucketPolicy(stack, "logs-policy", { bucket: bucket.id, policy: bucketPolicyDocument.json });

  // ---- Load balancer, TLS, WAF ----
  const alb = new Lb(stack, "alb", {
    loadBalancerType: "application",
    subnets: subnets.map((s) => s.id),
    securityGroups: [albSecurityGroup.id],
    dropInvalidHeaderFields: true,
    enableDeletionProtection: true,
    desyncMitigationMode: "defensive",
    accessLogs: { bucket: bucket.bucket, prefix: "alb", enabled: true },
  });
  const certificate = new AcmCertificate(stack, "certificate", {
    domainName: "chat.example.com",
    validationMethod: "DNS",
    lifecycle: { createBeforeDestroy: true },
  });
  const targetGroup = new LbTargetGroup(stack, "backend-tg", {
    port: 8000,
    protocol: "HTTP",
    targetType: "ip",
    vpcId: vpc.id,
    healthCheck: { path: "/health", matcher: "200" },
  });
  const httpListener = new LbListener(stack, "http", {
    loadBalancerArn: alb.arn,
    port: 80,
    protocol: "HTTP",
    defaultAction: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
  });
  const httpsListener = new LbListener(stack, "https", {
    loadBalancerArn: alb.arn,
    port: 443,
    protocol: "HTTPS",
    sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
    certificateArn: certificate.arn,
    defaultAction: [{ type: "forward", targetGroupArn: targetGroup.arn }],
  });
  const visibility = { cloudwatchMetricsEnabled: true, metricName: "waf", sampledRequestsEnabled: true };
  const webAcl = new Wafv2WebAcl(stack, "waf", {
    name: "recipe-chatbot",
    scope: "REGIONAL",
    defaultAction: { allow: {} },
    visibilityConfig: visibility,
    rule: [
      {
        name: "known-bad-inputs",
        priority: 1,
        overrideAction: { none: {} },
        statement: { managed_rule_group_statement: { vendor_name: "AWS", name: "AWSManagedRulesKnownBadInputsRuleSet" } },
        visibilityConfig: visibility,
      },
    ],
  });
  const wafLogs = new CloudwatchLogGroup(stack, "waf-logs", { name: "aws-waf-logs-recipe-chatbot", retentionInDays: 30, kmsKeyId: key.arn });
  const wafLogging = new Wafv2WebAclLoggingConfiguration(stack, "waf-logging", {
    resourceArn: webAcl.arn,
    logDestinationConfigs: [wafLogs.arn],
  });
  const wafAssociation = new Wafv2WebAclAssociation(stack, "waf-association", { resourceArn: alb.arn, webAclArn: webAcl.arn });

  // ---- ECR ----
  const repository = new EcrRepository(stack, "repository", {
    name: "backend",
    imageTagMutability: "IMMUTABLE",
    imageScanningConfiguration: { scanOnPush: true },
    encryptionConfiguration: [{ encryptionType: "KMS", kmsKey: key.arn }],
  });
  const lifecycle = new EcrLifecyclePolicy(stack, "repository-lifecycle", {
    repository: repository.name,
    policy: JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 7 }, action: { type: "expire" } }] }),
  });
  const repositoryPolicy = new EcrRepositoryPolicy(stack, "repository-policy", {
    repository: repository.name,
    policy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Sid: "Pull", Effect: "Allow", Principal: { AWS: ACCOUNT_ROOT }, Action: ["ecr:BatchGetImage"] }],
    }),
  });

  // ---- Secrets ----
  const secret = new SecretsmanagerSecret(stack, "secret", { name: "recipe-chatbot/openai", kmsKeyId: key.arn });
  const rotation = new SecretsmanagerSecretRotation(stack, "secret-rotation", {
    secretId: secret.id,
    rotationLambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:rotate",
    rotationRules: { automaticallyAfterDays: 30 },
  });
  const parameter = new SsmParameter(stack, "db-password", {
    name: "/recipe-chatbot/db-password",
    type: "SecureString",
    value: "placeholder",
    keyId: key.arn,
  });

  // ---- IAM and ECS ----
  const executionRole = new IamRole(stack, "execution-role", { assumeRolePolicy: serviceTrust(stack, "ecs-trust", "ecs-tasks.amazonaws.com").json });
  const taskRole = new IamRole(stack, "task-role", { assumeRolePolicy: serviceTrust(stack, "task-trust", "ecs-tasks.amazonaws.com").json });
  const executionPolicyDocument = new DataAwsIamPolicyDocument(stack, "execution-policy-document", {
    statement: [
      { sid: "PullAuth", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
      { sid: "Pull", actions: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], resources: [repository.arn] },
      { sid: "Logs", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [`${logGroup.arn}:*`] },
      { sid: "Secrets", actions: ["secretsmanager:GetSecretValue"], resources: [secret.arn] },
    ],
  });
  const executionPolicy = new IamRolePolicy(stack, "execution-policy", { role: executionRole.id, policy: executionPolicyDocument.json });
  const metricsPolicy = new IamPolicy(stack, "metrics-policy", {
    // Literal JSON rather than a data source: the guard reads both.
    policy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "cloudwatch:PutMetricData",
          Resource: "*",
          Condition: { StringLike: { "cloudwatch:namespace": "RecipeChatbot/*" } },
        },
      ],
    }),
  });
  const metricsAttachment = new IamRolePolicyAttachment(stack, "metrics-attachment", { role: taskRole.name, policyArn: metricsPolicy.arn });
  const cluster = new EcsCluster(stack, "cluster", { name: "recipe-chatbot", setting: [{ name: "containerInsights", value: "enabled" }] });
  const taskDefinition = new EcsTaskDefinition(stack, "backend-task", {
    family: "backend",
    requiresCompatibilities: ["FARGATE"],
    networkMode: "awsvpc",
    cpu: "256",
    memory: "512",
    executionRoleArn: executionRole.arn,
    taskRoleArn: taskRole.arn,
    containerDefinitions: encodeContainerDefinitions([backendContainer()]),
  });
  const service = new EcsService(stack, "backend-service", {
    name: "backend",
    cluster: cluster.id,
    taskDefinition: taskDefinition.arn,
    launchType: "FARGATE",
    desiredCount: 1,
    networkConfiguration: { subnets: subnets.map((s) => s.id), securityGroups: [appSecurityGroup.id], assignPublicIp: false },
  });

  // ---- GitHub OIDC deploy role (bootstrap stack) ----
  const github = new IamOpenidConnectProvider(stack, "github", {
    url: "https://token.actions.githubusercontent.com",
    clientIdList: ["sts.amazonaws.com"],
  });
  const deployTrust = githubTrust(stack, "deploy-trust", [github.arn], [GITHUB_AUD, githubSub("StringEquals", GITHUB_SUB)]);
  const deployRole = new IamRole(stack, "deploy-role", { assumeRolePolicy: deployTrust.json });
  const deployPolicyDocument = new DataAwsIamPolicyDocument(stack, "deploy-policy-document", {
    statement: [
      { sid: "RegisterTaskDefinitions", actions: ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"], resources: ["*"] },
      { sid: "PassTaskRoles", actions: ["iam:PassRole"], resources: [executionRole.arn, taskRole.arn] },
      { sid: "Deploy", actions: ["ecs:UpdateService"], resources: [service.id] },
    ],
  });
  const deployPolicy = new IamRolePolicy(stack, "deploy-policy", { role: deployRole.id, policy: deployPolicyDocument.json });

  // ---- State lock table, GuardDuty ----
  const lockTable = new DynamodbTable(stack, "lock-table", {
    name: "terraform-locks",
    hashKey: "LockID",
    billingMode: "PAY_PER_REQUEST",
    attribute: [{ name: "LockID", type: "S" }],
    pointInTimeRecovery: { enabled: true },
    serverSideEncryption: { enabled: true, kmsKeyArn: key.arn },
  });
  const detector = new GuarddutyDetector(stack, "guardduty", { enable: true });

  return {
    app, stack, guard, key, keyPolicy, logGroup, topic, topicPolicy, topicPolicyDocument, alarm, vpc, flowLog,
    defaultSecurityGroup, subnets, nacl, naclRule, albSecurityGroup, albHttps, appSecurityGroup, appIngress,
    albEgress, bucket, publicAccessBlock, versioning, encryption, ownership, bucketPolicy, bucketPolicyDocument,
    alb, certificate, targetGroup, httpListener, httpsListener, webAcl, wafLogging, wafAssociation, repository,
    lifecycle, repositoryPolicy, secret, rotation, parameter, executionRole, taskRole, executionPolicy,
    executionPolicyDocument, metricsPolicy, metricsAttachment, cluster, taskDefinition, service, github,
    deployTrust, deployRole, deployPolicy, deployPolicyDocument, lockTable, detector,
  };
}

export type CompliantStack = ReturnType<typeof compliantStack>;

function serviceTrust(stack: TerraformStack, id: string, service: string): DataAwsIamPolicyDocument {
  return new DataAwsIamPolicyDocument(stack, id, {
    statement: [{ actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: [service] }] }],
  });
}
