/**
 * Ladder layer 3: the whole dev stack against moto. Apply once, read the real API state back through
 * the AWS SDK and require a clean plan; then the delivery rollout on the same stack (rollout.ts);
 * then destroy to nothing. The emulator always stops, also on failure.
 */
import { ApplicationAutoScalingClient, DescribeScalableTargetsCommand, DescribeScalingPoliciesCommand, DescribeScheduledActionsCommand } from "@aws-sdk/client-application-auto-scaling";
import { DescribeNatGatewaysCommand, DescribeRouteTablesCommand, DescribeSecurityGroupRulesCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { DescribeRepositoriesCommand, ECRClient } from "@aws-sdk/client-ecr";
import { GetTopicAttributesCommand, SNSClient } from "@aws-sdk/client-sns";
import { DescribeClustersCommand, DescribeServicesCommand, ECSClient } from "@aws-sdk/client-ecs";
import {
  DescribeListenerAttributesCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { ListResourceRecordSetsCommand, Route53Client } from "@aws-sdk/client-route-53";
import { CloudWatchClient, DescribeAlarmsCommand, GetDashboardCommand, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from "@aws-sdk/client-guardduty";
import { DescribeSecretCommand, GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { GetParametersByPathCommand, SSMClient } from "@aws-sdk/client-ssm";
import { GetWebACLCommand, ListWebACLsCommand, WAFV2Client } from "@aws-sdk/client-wafv2";
import { CLUSTER_NAME } from "../../src/config";
import { sdkConfig, type Emulator } from "../support/emulator";
import { applyDevStack, describeRollout } from "./rollout";
import { releaseEnvironmentStack, TEST_DOMAIN as DOMAIN } from "../support/environment-inputs";
import { apply, destroy, planChanges, runTerraform, stateAddresses } from "../support/terraform";
import { PHASES, writeSecondApplyChange, type PhaseRecorder } from "../support/recording";
import { describeRoleCoverage } from "./role-coverage";

jest.setTimeout(20 * 60_000);

let emulator: Emulator;
let dir: string;
let env: NodeJS.ProcessEnv;
let hostedZoneId: string;
let recorder: PhaseRecorder;

beforeAll(async () => {
  // ECS Exec is off by default; on here, so its audited configuration is applied and read back too.
  ({ emulator, dir, hostedZoneId, recorder } = await applyDevStack("dev", { environments: { dev: { ecsExec: { enabled: true } } } }, { alert_emails: ["ops@recipe-chatbot.test"] }));
  env = emulator.env;
});

afterAll(() => releaseEnvironmentStack(emulator && { emulator, dir }));

describe("dev stack applied to the emulator", () => {
  const ec2 = () => new EC2Client(sdkConfig(emulator));
  const elb = () => new ElasticLoadBalancingV2Client(sdkConfig(emulator));

  it("has the guide's subnets, and no NAT gateway: dev's tasks run in the public subnets with public IPs", async () => {
    const { Subnets = [] } = await ec2().send(new DescribeSubnetsCommand({ Filters: [{ Name: "tag:Project", Values: ["RecipeChatbot"] }] }));
    expect(Subnets.map((s) => [s.CidrBlock, s.AvailabilityZone, s.MapPublicIpOnLaunch]).sort()).toEqual([
      ["10.0.1.0/24", "us-east-1a", false],
      ["10.0.2.0/24", "us-east-1b", false],
      ["10.0.3.0/24", "us-east-1a", false],
      ["10.0.4.0/24", "us-east-1b", false],
    ]);
    const privateIds = Subnets.filter((s) => s.Tags?.some((t) => t.Key === "Tier" && t.Value === "private")).map((s) => s.SubnetId!);
    const { RouteTables = [] } = await ec2().send(new DescribeRouteTablesCommand({ Filters: [{ Name: "association.subnet-id", Values: privateIds }] }));
    expect(RouteTables).toHaveLength(2);
    expect(RouteTables.flatMap((t) => t.Routes!.filter((r) => r.DestinationCidrBlock === "0.0.0.0/0"))).toEqual([]);
    const { NatGateways = [] } = await ec2().send(new DescribeNatGatewaysCommand({}));
    expect(NatGateways.filter((n) => n.State !== "deleted")).toEqual([]);
    const publicIds = Subnets.filter((s) => s.Tags?.some((t) => t.Key === "Tier" && t.Value === "public")).map((s) => s.SubnetId!).sort();
    const { services = [] } = await new ECSClient(sdkConfig(emulator)).send(
      new DescribeServicesCommand({ cluster: CLUSTER_NAME, services: ["recipe-chatbot-backend", "recipe-chatbot-frontend"] }),
    );
    for (const service of services) {
      const network = service.networkConfiguration!.awsvpcConfiguration!;
      expect([network.assignPublicIp, [...network.subnets!].sort()]).toEqual(["ENABLED", publicIds]);
    }
  });

  it("has the security group rules of the guide, by group reference between services", async () => {
    const { SecurityGroups = [] } = await ec2().send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["alb-sg", "ecs-backend-sg", "ecs-frontend-sg"] }] }));
    const nameOf = Object.fromEntries(SecurityGroups.map((g) => [g.GroupId!, g.GroupName!]));
    const { SecurityGroupRules = [] } = await ec2().send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: "group-id", Values: Object.keys(nameOf) }] }));
    const rules = SecurityGroupRules.map((r) => `${nameOf[r.GroupId!]} ${r.IsEgress ? "out" : "in"} ${r.FromPort} ${r.CidrIpv4 ?? r.CidrIpv6 ?? nameOf[r.ReferencedGroupInfo!.GroupId!]}`).sort();
    expect(rules).toEqual([
      "alb-sg in 443 0.0.0.0/0",
      "alb-sg in 443 ::/0",
      "alb-sg in 80 0.0.0.0/0",
      "alb-sg in 80 ::/0",
      "alb-sg out 3000 ecs-frontend-sg",
      "alb-sg out 8000 ecs-backend-sg",
      "ecs-backend-sg in 8000 alb-sg",
      "ecs-backend-sg in 8000 ecs-frontend-sg",
      "ecs-backend-sg out 443 0.0.0.0/0",
      "ecs-frontend-sg in 3000 alb-sg",
      "ecs-frontend-sg out 443 0.0.0.0/0",
      "ecs-frontend-sg out 8000 ecs-backend-sg",
    ]);
  });

  it("routes /api/*, /health, /docs, /openapi.json to the backend, redirects HTTP to HTTPS and sends HSTS", async () => {
    const { LoadBalancers = [] } = await elb().send(new DescribeLoadBalancersCommand({ Names: ["recipe-chatbot-dev-alb"] }));
    const { Listeners = [] } = await elb().send(new DescribeListenersCommand({ LoadBalancerArn: LoadBalancers[0].LoadBalancerArn }));
    const http = Listeners.find((l) => l.Port === 80)!;
    expect(http.DefaultActions![0]).toMatchObject({ Type: "redirect", RedirectConfig: { Protocol: "HTTPS", Port: "443", StatusCode: "HTTP_301" } });
    const https = Listeners.find((l) => l.Port === 443)!;
    expect(https).toMatchObject({ Protocol: "HTTPS", SslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09" });
    const { Rules = [] } = await elb().send(new DescribeRulesCommand({ ListenerArn: https.ListenerArn }));
    const rule = Rules.find((r) => r.Priority === "100")!;
    const paths = rule.Conditions![0].PathPatternConfig?.Values ?? rule.Conditions![0].Values!;
    expect([...paths].sort()).toEqual(["/api/*", "/docs", "/health", "/openapi.json"]);
    // HSTS on every HTTPS response (listener attribute).
    const { Attributes = [] } = await elb().send(new DescribeListenerAttributesCommand({ ListenerArn: https.ListenerArn }));
    expect(Attributes).toContainEqual({ Key: "routing.http.response.strict_transport_security.header_value", Value: "max-age=31536000" });
  });

  it("health-checks the backend on /health and the frontend on /", async () => {
    const { TargetGroups = [] } = await elb().send(new DescribeTargetGroupsCommand({ Names: ["recipe-chatbot-dev-backend", "recipe-chatbot-dev-frontend"] }));
    const checks = TargetGroups.map((g) => [g.TargetGroupName, g.Port, g.TargetType, g.HealthCheckPath, g.HealthyThresholdCount, g.UnhealthyThresholdCount, g.HealthCheckTimeoutSeconds, g.HealthCheckIntervalSeconds]);
    expect(checks.sort()).toEqual([
      ["recipe-chatbot-dev-backend", 8000, "ip", "/health", 2, 3, 5, 30],
      ["recipe-chatbot-dev-frontend", 3000, "ip", "/", 2, 3, 5, 30],
    ]);
  });

  it("runs both services with the configured count and the guide's deployment settings", async () => {
    const { services = [] } = await new ECSClient(sdkConfig(emulator)).send(
      new DescribeServicesCommand({ cluster: CLUSTER_NAME, services: ["recipe-chatbot-backend", "recipe-chatbot-frontend"] }),
    );
    expect(services.map((s) => [s.serviceName, s.desiredCount, s.deploymentConfiguration?.maximumPercent, s.deploymentConfiguration?.minimumHealthyPercent, s.deploymentConfiguration?.deploymentCircuitBreaker])).toEqual([
      ["recipe-chatbot-backend", 1, 200, 100, { enable: true, rollback: true }],
      ["recipe-chatbot-frontend", 1, 200, 100, { enable: true, rollback: true }],
    ]);
  });

  it("watches each service's own deployment alarms during releases, rolling back on them", async () => {
    const { services = [] } = await new ECSClient(sdkConfig(emulator)).send(
      new DescribeServicesCommand({ cluster: CLUSTER_NAME, services: ["recipe-chatbot-backend", "recipe-chatbot-frontend"] }),
    );
    // alarm_names is a set: its order is Terraform's.
    const watched = services.map((s) => [s.serviceName, { ...s.deploymentConfiguration?.alarms, alarmNames: [...(s.deploymentConfiguration?.alarms?.alarmNames ?? [])].sort() }]);
    expect(watched).toEqual(
      ["backend", "frontend"].map((name) => [
        `recipe-chatbot-${name}`,
        { alarmNames: [`recipe-chatbot-dev-${name}-deployment-error-rate`, `recipe-chatbot-dev-${name}-deployment-response-time`], enable: true, rollback: true },
      ]),
    );
    const { MetricAlarms = [] } = await new CloudWatchClient(sdkConfig(emulator)).send(new DescribeAlarmsCommand({ AlarmNames: ["recipe-chatbot-dev-backend-deployment-error-rate", "recipe-chatbot-dev-backend-deployment-response-time"] }));
    expect(MetricAlarms.map((a) => [a.AlarmName, a.Threshold, a.EvaluationPeriods]).sort()).toEqual([
      ["recipe-chatbot-dev-backend-deployment-error-rate", 5, 2],
      ["recipe-chatbot-dev-backend-deployment-response-time", 5, 2],
    ]);
  });

  it("turns ECS Exec on (as configured here) only with every session logged to an encrypted group", async () => {
    const ecs = new ECSClient(sdkConfig(emulator));
    const { clusters = [] } = await ecs.send(new DescribeClustersCommand({ clusters: [CLUSTER_NAME], include: ["CONFIGURATIONS"] }));
    const exec = clusters[0].configuration?.executeCommandConfiguration;
    expect(exec).toMatchObject({ logging: "OVERRIDE", logConfiguration: { cloudWatchLogGroupName: `/aws/ecs/${CLUSTER_NAME}/exec`, cloudWatchEncryptionEnabled: true } });
    const { logGroups = [] } = await new CloudWatchLogsClient(sdkConfig(emulator)).send(new DescribeLogGroupsCommand({ logGroupNamePrefix: `/aws/ecs/${CLUSTER_NAME}/exec` }));
    expect(logGroups.map((g) => [g.logGroupName, g.kmsKeyId, g.retentionInDays])).toEqual([[`/aws/ecs/${CLUSTER_NAME}/exec`, exec!.kmsKeyId, 365]]);
    const { services = [] } = await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER_NAME, services: ["recipe-chatbot-backend", "recipe-chatbot-frontend"] }));
    expect(services.map((s) => s.enableExecuteCommand)).toEqual([true, true]);
  });

  it("registers scalable targets with the dev bounds and the target-tracking policies", async () => {
    const autoscaling = new ApplicationAutoScalingClient(sdkConfig(emulator));
    const { ScalableTargets = [] } = await autoscaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs" }));
    expect(ScalableTargets.map((t) => [t.ResourceId, t.MinCapacity, t.MaxCapacity]).sort()).toEqual([
      [`service/${CLUSTER_NAME}/recipe-chatbot-backend`, 1, 4],
      [`service/${CLUSTER_NAME}/recipe-chatbot-frontend`, 1, 2],
    ]);
    const { ScalingPolicies = [] } = await autoscaling.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "ecs" }));
    expect(ScalingPolicies.map((p) => [p.PolicyName, p.TargetTrackingScalingPolicyConfiguration?.TargetValue]).sort()).toEqual([
      ["recipe-chatbot-dev-backend-cpu", 70],
      ["recipe-chatbot-dev-backend-memory", 80],
      ["recipe-chatbot-dev-backend-queue-depth", 5],
      ["recipe-chatbot-dev-frontend-cpu", 70],
    ]);
  });

  it("scales every service to zero at 19:00 UTC on weekdays and back to its bounds at 08:00 (dev's working hours)", async () => {
    const autoscaling = new ApplicationAutoScalingClient(sdkConfig(emulator));
    const { ScheduledActions = [] } = await autoscaling.send(new DescribeScheduledActionsCommand({ ServiceNamespace: "ecs" }));
    expect(ScheduledActions.map((a) => [a.ScheduledActionName, a.ResourceId, a.Schedule, a.Timezone, a.ScalableTargetAction]).sort()).toEqual([
      ["recipe-chatbot-dev-backend-scale-in", `service/${CLUSTER_NAME}/recipe-chatbot-backend`, "cron(0 19 ? * MON-FRI *)", "UTC", { MinCapacity: 0, MaxCapacity: 0 }],
      ["recipe-chatbot-dev-backend-scale-out", `service/${CLUSTER_NAME}/recipe-chatbot-backend`, "cron(0 8 ? * MON-FRI *)", "UTC", { MinCapacity: 1, MaxCapacity: 4 }],
      ["recipe-chatbot-dev-frontend-scale-in", `service/${CLUSTER_NAME}/recipe-chatbot-frontend`, "cron(0 19 ? * MON-FRI *)", "UTC", { MinCapacity: 0, MaxCapacity: 0 }],
      ["recipe-chatbot-dev-frontend-scale-out", `service/${CLUSTER_NAME}/recipe-chatbot-frontend`, "cron(0 8 ? * MON-FRI *)", "UTC", { MinCapacity: 1, MaxCapacity: 2 }],
    ]);
  });

  it("aliases the domain to the ALB with A and AAAA records", async () => {
    const { ResourceRecordSets = [] } = await new Route53Client(sdkConfig(emulator)).send(new ListResourceRecordSetsCommand({ HostedZoneId: hostedZoneId }));
    const aliases = ResourceRecordSets.filter((r) => r.Name === `${DOMAIN}.` && r.AliasTarget).map((r) => r.Type);
    expect(aliases.sort()).toEqual(["A", "AAAA"]);
  });

  it("stores the API-key secrets under the environment's CMK, with no value set by Terraform", async () => {
    const secrets = new SecretsManagerClient(sdkConfig(emulator));
    for (const name of ["recipe-chatbot/dev/openai-key", "recipe-chatbot/dev/serp-key"]) {
      const secret = await secrets.send(new DescribeSecretCommand({ SecretId: name }));
      expect(secret.KmsKeyId).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
      await expect(secrets.send(new GetSecretValueCommand({ SecretId: name }))).rejects.toThrow();
    }
  });

  it("holds the runtime configuration in SSM parameters", async () => {
    const { Parameters = [] } = await new SSMClient(sdkConfig(emulator)).send(new GetParametersByPathCommand({ Path: "/recipe-chatbot/dev", Recursive: true }));
    const values = Object.fromEntries(Parameters.map((p) => [p.Name, p.Value]));
    expect(values).toMatchObject({
      "/recipe-chatbot/dev/environment": "development",
      "/recipe-chatbot/dev/log-level": "DEBUG",
      "/recipe-chatbot/dev/cors-origins": "https://recipe-chatbot.example.com",
      "/recipe-chatbot/dev/deploy/backend-image-tag": "bootstrap",
    });
  });

  it("keeps the service log groups encrypted with the configured retention", async () => {
    const { logGroups = [] } = await new CloudWatchLogsClient(sdkConfig(emulator)).send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/aws/ecs/recipe-chatbot/" }));
    expect(logGroups.map((g) => [g.logGroupName, g.retentionInDays, Boolean(g.kmsKeyId)])).toEqual([
      ["/aws/ecs/recipe-chatbot/backend", 30, true],
      ["/aws/ecs/recipe-chatbot/frontend", 30, true],
    ]);
  });

  it("has the guide's alarms with their thresholds, periods and both ALARM and OK actions", async () => {
    const { MetricAlarms = [] } = await new CloudWatchClient(sdkConfig(emulator)).send(new DescribeAlarmsCommand({ AlarmNamePrefix: "recipe-chatbot-dev-" }));
    const byName = Object.fromEntries(MetricAlarms.map((a) => [a.AlarmName, a]));
    expect(byName["recipe-chatbot-dev-high-error-rate"]).toMatchObject({ Threshold: 5, ComparisonOperator: "GreaterThanThreshold" });
    expect(byName["recipe-chatbot-dev-high-response-time"]).toMatchObject({ Threshold: 5, Period: 300, ExtendedStatistic: "p95" });
    expect(byName["recipe-chatbot-dev-backend-low-healthy-hosts"]).toMatchObject({ Threshold: 1, ComparisonOperator: "LessThanThreshold", TreatMissingData: "breaching" });
    // Outside the working hours (09:00-19:00 UTC on weekdays after a warm-up hour) it reads as OK.
    const gate = byName["recipe-chatbot-dev-backend-low-healthy-hosts"].Metrics!.find((m: MetricDataQuery) => m.ReturnData);
    expect(gate?.Expression).toBe("IF((hourOfWeek >= 9 AND hourOfWeek < 19) OR (hourOfWeek >= 33 AND hourOfWeek < 43) OR (hourOfWeek >= 57 AND hourOfWeek < 67) OR (hourOfWeek >= 81 AND hourOfWeek < 91) OR (hourOfWeek >= 105 AND hourOfWeek < 115), healthy, 1)");
    // Container Insights is off in dev: no RunningTaskCount, so no LowRunningTasks.
    expect(Object.keys(byName).filter((name) => name.endsWith("low-running-tasks"))).toEqual([]);
    for (const alarm of MetricAlarms) {
      const topic = /low-(healthy-hosts|running-tasks)$/.test(alarm.AlarmName!) ? "recipe-chatbot-critical" : "recipe-chatbot-alerts";
      expect([alarm.AlarmName, alarm.ActionsEnabled, alarm.AlarmActions, alarm.OKActions]).toEqual([
        alarm.AlarmName,
        true,
        [`arn:aws:sns:us-east-1:123456789012:${topic}`],
        [`arn:aws:sns:us-east-1:123456789012:${topic}`],
      ]);
    }
  });

  it("has a dashboard with the guide's four widget groups", async () => {
    const { DashboardBody } = await new CloudWatchClient(sdkConfig(emulator)).send(new GetDashboardCommand({ DashboardName: "recipe-chatbot-dev" }));
    const body = JSON.stringify(JSON.parse(DashboardBody!));
    for (const group of ["ServiceHealth", "BusinessMetrics", "ErrorTracking", "Performance"]) expect(body).toContain(group);
  });

  it("protects the ALB with a WAF web ACL running the managed groups in count mode (dev's first rollout), bodies over 8 KB allowed under /api/ only", async () => {
    const waf = new WAFV2Client(sdkConfig(emulator));
    const { WebACLs = [] } = await waf.send(new ListWebACLsCommand({ Scope: "REGIONAL" }));
    const summary = WebACLs.find((w) => w.Name === "recipe-chatbot-dev-web-acl")!;
    const { WebACL } = await waf.send(new GetWebACLCommand({ Scope: "REGIONAL", Name: summary.Name, Id: summary.Id }));
    const kind = (r: NonNullable<typeof WebACL>["Rules"] extends (infer R)[] | undefined ? R : never) =>
      r.Statement?.ManagedRuleGroupStatement?.Name ?? (r.Statement?.RateBasedStatement ? "rate" : r.Name);
    const rules = WebACL!.Rules!.map((r) => [r.Name, kind(r), r.OverrideAction?.Count ? "count" : r.Action?.Count ? "count" : "block"]);
    expect(rules.map((r) => r[1]).sort()).toEqual([
      "AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesSQLiRuleSet",
      "oversized-body-outside-large-body-paths", "rate",
    ]);
    expect(new Set(rules.map((r) => r[2]))).toEqual(new Set(["count"]));
    // The body size rule of the common rule set only labels; the rule after it decides by path (/api/ exempt).
    const common = WebACL!.Rules!.find((r) => r.Statement?.ManagedRuleGroupStatement?.Name === "AWSManagedRulesCommonRuleSet")!;
    expect(common.Statement!.ManagedRuleGroupStatement!.RuleActionOverrides).toEqual([{ Name: "SizeRestrictions_BODY", ActionToUse: { Count: {} } }]);
    const oversized = WebACL!.Rules!.find((r) => r.Name === "oversized-body-outside-large-body-paths")!;
    expect(oversized.Priority).toBeGreaterThan(common.Priority!);
    expect(JSON.stringify(oversized.Statement)).toContain("awswaf:managed:aws:core-rule-set:SizeRestrictions_Body");
  });

  it("enables GuardDuty", async () => {
    const guardduty = new GuardDutyClient(sdkConfig(emulator));
    const { DetectorIds = [] } = await guardduty.send(new ListDetectorsCommand({}));
    expect(DetectorIds).toHaveLength(1);
    expect((await guardduty.send(new GetDetectorCommand({ DetectorId: DetectorIds[0] }))).Status).toBe("ENABLED");
  });

  it("declares the outputs an operator needs, each one the real resource", async () => {
    const { stdout } = await runTerraform(["output", "-json"], { cwd: dir, env });
    const outputs = Object.fromEntries(Object.entries(JSON.parse(stdout) as Record<string, { value: any }>).map(([name, o]) => [name, o.value]));
    expect(Object.keys(outputs).sort()).toEqual([
      "alb_dns_name", "alb_zone_id", "alert_topic_arns", "cluster_name", "dashboard_name", "dashboard_url", "ecr_repository_urls",
      "log_group_names", "private_subnet_ids", "public_subnet_ids", "service_names", "url", "vpc_id", "web_acl_arn",
    ]);
    expect(outputs.url).toBe(`https://${DOMAIN}`);
    const { LoadBalancers = [] } = await elb().send(new DescribeLoadBalancersCommand({ Names: ["recipe-chatbot-dev-alb"] }));
    expect([outputs.alb_dns_name, outputs.alb_zone_id]).toEqual([LoadBalancers[0].DNSName, LoadBalancers[0].CanonicalHostedZoneId]);
    const { services = [] } = await new ECSClient(sdkConfig(emulator)).send(
      new DescribeServicesCommand({ cluster: outputs.cluster_name, services: Object.values(outputs.service_names) as string[] }),
    );
    expect(services.map((svc) => svc.serviceName).sort()).toEqual(["recipe-chatbot-backend", "recipe-chatbot-frontend"]);
    const { repositories = [] } = await new ECRClient(sdkConfig(emulator)).send(new DescribeRepositoriesCommand({}));
    expect(Object.values(outputs.ecr_repository_urls).sort()).toEqual(repositories.map((r) => r.repositoryUri).sort());
    const { logGroups = [] } = await new CloudWatchLogsClient(sdkConfig(emulator)).send(new DescribeLogGroupsCommand({}));
    for (const name of Object.values(outputs.log_group_names)) expect(logGroups.map((g) => g.logGroupName)).toContain(name);
    const { Vpcs = [] } = await ec2().send(new DescribeVpcsCommand({ VpcIds: [outputs.vpc_id] }));
    expect(Vpcs[0].CidrBlock).toBe("10.0.0.0/16");
    const { Subnets = [] } = await ec2().send(new DescribeSubnetsCommand({ SubnetIds: [...outputs.public_subnet_ids, ...outputs.private_subnet_ids] }));
    expect(Subnets.map((subnet) => subnet.Tags?.find((t) => t.Key === "Tier")?.Value).sort()).toEqual(["private", "private", "public", "public"]);
    const sns = new SNSClient(sdkConfig(emulator));
    for (const arn of Object.values(outputs.alert_topic_arns) as string[]) expect((await sns.send(new GetTopicAttributesCommand({ TopicArn: arn }))).Attributes?.TopicArn).toBe(arn);
    const { DashboardName } = await new CloudWatchClient(sdkConfig(emulator)).send(new GetDashboardCommand({ DashboardName: outputs.dashboard_name }));
    expect(outputs.dashboard_url).toContain(`#dashboards/dashboard/${DashboardName}`);
    const waf = new WAFV2Client(sdkConfig(emulator));
    const { WebACLs = [] } = await waf.send(new ListWebACLsCommand({ Scope: "REGIONAL" }));
    expect(WebACLs.map((acl) => acl.ARN)).toContain(outputs.web_acl_arn);
  });

  it("plans no changes right after the apply", async () => {
    expect(await recorder.run("plan", () => planChanges(dir, env))).toEqual([]);
  });
});

describeRollout(() => ({ emulator, dir, recorder }));

describe("dev stack teardown", () => {
  it("applies a change (more subscriptions, one more tag on everything), then destroys everything", async () => {
    writeSecondApplyChange(dir);
    await recorder.run("second-apply", () => apply(dir, env));
    await recorder.run("destroy", () => destroy(dir, env));
    expect(await stateAddresses(dir, env)).toEqual([]);
  });
});

describeRoleCoverage({ suite: "dev", environment: "dev", phases: PHASES }, () => recorder);
