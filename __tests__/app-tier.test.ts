import { Testing, Token } from "cdktf";
import { BACKEND_PATHS } from "../src/config";
import { PolicyGuard } from "../src/policy";
import { EnvironmentStack } from "../src/stacks/environment-stack";
import { buildEnvironment, dataAt, environment, refTo, resourceAt, resourcesOf, synthEnvironment } from "./support/stacks";

const prod = synthEnvironment("prod");
const dev = synthEnvironment("dev");

describe("load balancer (guide: Application Load Balancer Setup)", () => {
  it("is internet-facing over both public subnets with alb-sg and hardened HTTP handling", () => {
    expect(resourceAt(prod, "aws_lb", "app/load-balancer/alb")).toMatchObject({
      name: "recipe-chatbot-prod-alb",
      load_balancer_type: "application",
      internal: false,
      ip_address_type: "dualstack",
      subnets: [refTo(prod, "aws_subnet", "app/networking/tiers/public-us-east-1a"), refTo(prod, "aws_subnet", "app/networking/tiers/public-us-east-1b")],
      security_groups: [refTo(prod, "aws_security_group", "app/load-balancer/security-group")],
      drop_invalid_header_fields: true,
      desync_mitigation_mode: "defensive",
      access_logs: { enabled: true, prefix: "alb", bucket: refTo(prod, "aws_s3_bucket_policy", "app/load-balancer/access-logs/bucket/bucket-policy", "bucket") },
    });
  });

  it("has deletion protection in prod only", () => {
    expect(resourceAt(prod, "aws_lb", "app/load-balancer/alb").enable_deletion_protection).toBe(true);
    expect(resourceAt(dev, "aws_lb", "app/load-balancer/alb").enable_deletion_protection).toBe(false);
  });

  it("terminates HTTPS on 443 with the ACM certificate and a TLS 1.3 policy, frontend by default", () => {
    expect(resourceAt(prod, "aws_lb_listener", "app/load-balancer/https")).toMatchObject({
      port: 443,
      protocol: "HTTPS",
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
      certificate_arn: refTo(prod, "aws_acm_certificate_validation", "app/load-balancer/certificate/validation", "certificate_arn"),
      default_action: [{ type: "forward", target_group_arn: refTo(prod, "aws_lb_target_group", "app/load-balancer/frontend-target-group", "arn") }],
    });
  });

  it("answers HTTP on 80 with a 301 to HTTPS 443 and nothing else", () => {
    expect(resourceAt(prod, "aws_lb_listener", "app/load-balancer/http")).toMatchObject({
      port: 80,
      protocol: "HTTP",
      default_action: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", status_code: "HTTP_301" } }],
    });
  });

  it("routes /api/*, /health, /docs and /openapi.json to the backend at priority 100", () => {
    expect(BACKEND_PATHS).toEqual(["/api/*", "/health", "/docs", "/openapi.json"]);
    expect(resourceAt(prod, "aws_lb_listener_rule", "app/load-balancer/backend-rule")).toMatchObject({
      listener_arn: refTo(prod, "aws_lb_listener", "app/load-balancer/https", "arn"),
      priority: 100,
      condition: [{ path_pattern: { values: BACKEND_PATHS } }],
      action: [{ type: "forward", target_group_arn: refTo(prod, "aws_lb_target_group", "app/load-balancer/backend-target-group", "arn") }],
    });
  });

  it.each([
    ["backend", 8000, "/health", "200"],
    ["frontend", 3000, "/", "200-399"],
  ])("%s target group: ip targets on %i, health check %s, 2 healthy / 3 unhealthy / 5 s / 30 s", (name, port, path, matcher) => {
    expect(resourceAt(prod, "aws_lb_target_group", `app/load-balancer/${name}-target-group`)).toMatchObject({
      port,
      protocol: "HTTP",
      target_type: "ip",
      deregistration_delay: "30",
      health_check: { path, matcher, healthy_threshold: 2, unhealthy_threshold: 3, timeout: 5, interval: 30 },
    });
  });
});

describe("ALB access logs bucket", () => {
  it("is SSE-S3 (what ALB log delivery supports), private, owner-enforced and expiring", () => {
    expect(resourceAt(prod, "aws_s3_bucket_server_side_encryption_configuration", "app/load-balancer/access-logs/encryption").rule[0].apply_server_side_encryption_by_default.sse_algorithm).toBe("AES256");
    expect(resourceAt(prod, "aws_s3_bucket_public_access_block", "app/load-balancer/access-logs/bucket/public-access-block")).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(resourceAt(prod, "aws_s3_bucket_ownership_controls", "app/load-balancer/access-logs/bucket/ownership").rule.object_ownership).toBe("BucketOwnerEnforced");
    expect(resourceAt(prod, "aws_s3_bucket_lifecycle_configuration", "app/load-balancer/access-logs/lifecycle").rule[0].expiration).toEqual([{ days: 365 }]);
    expect(resourceAt(dev, "aws_s3_bucket_lifecycle_configuration", "app/load-balancer/access-logs/lifecycle").rule[0].expiration).toEqual([{ days: 30 }]);
  });

  it("lets only the regional ELB account write logs, and denies non-TLS access", () => {
    const statements = dataAt(prod, "aws_iam_policy_document", "app/load-balancer/access-logs/bucket/policy").statement;
    expect(statements[0]).toMatchObject({ effect: "Allow", actions: ["s3:PutObject"], principals: [{ type: "AWS" }] });
    expect(statements[1]).toMatchObject({ effect: "Deny", condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }] });
  });
});

describe("DNS and TLS", () => {
  it("takes the initial image tags as validated Terraform variables, defaulting to the configured tag", () => {
    for (const service of ["backend", "frontend"]) {
      expect(prod.variable![`${service}_image_tag`]).toMatchObject({ type: "string", default: "bootstrap" });
      expect(prod.variable![`${service}_image_tag`].validation[0].condition).toContain(`var.${service}_image_tag`);
    }
  });

  it("takes the domain and hosted zone as validated Terraform variables", () => {
    expect(Object.keys(prod.variable!)).toEqual(expect.arrayContaining(["domain_name", "hosted_zone_id", "alert_emails", "critical_emails"]));
    expect(prod.variable!.domain_name.validation[0].condition).toContain("can(regex(");
    expect(prod.variable!.hosted_zone_id.default).toBeUndefined();
    const configured = synthEnvironment("prod", { environments: { prod: { hostedZoneId: "Z0123456789ABCDEFGHIJ" } } });
    expect(configured.variable!.hosted_zone_id.default).toBe("Z0123456789ABCDEFGHIJ");
  });

  it("issues a DNS-validated certificate with CT logging, replaced before destroyed", () => {
    expect(resourceAt(prod, "aws_acm_certificate", "app/load-balancer/certificate/certificate")).toMatchObject({
      domain_name: "${var.domain_name}",
      validation_method: "DNS",
      options: { certificate_transparency_logging_preference: "ENABLED" },
      lifecycle: { create_before_destroy: true },
    });
    expect(resourceAt(prod, "aws_route53_record", "app/load-balancer/certificate/validation-record")).toMatchObject({ zone_id: "${var.hosted_zone_id}", for_each: expect.any(String) });
  });

  it.each(["A", "AAAA"])("aliases the domain to the dual-stack ALB with an %s record", (type) => {
    expect(resourceAt(prod, "aws_route53_record", `app/load-balancer/dns/alias-${type.toLowerCase()}`)).toMatchObject({
      name: "${var.domain_name}",
      type,
      zone_id: "${var.hosted_zone_id}",
      alias: { name: refTo(prod, "aws_lb", "app/load-balancer/alb", "dns_name"), zone_id: refTo(prod, "aws_lb", "app/load-balancer/alb", "zone_id"), evaluate_target_health: true },
    });
  });

  it("health-checks https://DOMAIN/health", () => {
    expect(resourceAt(prod, "aws_route53_health_check", "app/load-balancer/dns/health-check")).toMatchObject({
      type: "HTTPS",
      fqdn: "${var.domain_name}",
      port: 443,
      resource_path: "/health",
    });
  });
});

describe("container registry", () => {
  it.each(["backend", "frontend"])("recipe-chatbot-%s: scan on push, immutable tags, KMS, bounded image count", (name) => {
    expect(resourceAt(prod, "aws_ecr_repository", `app/${name}/registry/repository`)).toMatchObject({
      name: `recipe-chatbot-${name}`,
      image_tag_mutability: "IMMUTABLE",
      image_scanning_configuration: { scan_on_push: true },
      encryption_configuration: [{ encryption_type: "KMS" }],
    });
    const policy = JSON.parse(resourceAt(prod, "aws_ecr_lifecycle_policy", `app/${name}/registry/lifecycle`).policy);
    expect(policy.rules[1].selection).toEqual({ tagStatus: "any", countType: "imageCountMoreThan", countNumber: 30 });
  });
});

describe("ECS cluster", () => {
  it("enables Container Insights and offers FARGATE and FARGATE_SPOT", () => {
    expect(resourceAt(prod, "aws_ecs_cluster", "app/cluster/cluster")).toMatchObject({
      name: "recipe-chatbot-cluster",
      setting: [{ name: "containerInsights", value: "enhanced" }],
    });
    expect(resourceAt(prod, "aws_ecs_cluster_capacity_providers", "app/cluster/capacity-providers").capacity_providers).toEqual(["FARGATE", "FARGATE_SPOT"]);
  });

  it("keeps an on-demand base of one task in prod (the second of each service on Spot) and runs dev on Spot", () => {
    expect(resourceAt(prod, "aws_ecs_cluster_capacity_providers", "app/cluster/capacity-providers").default_capacity_provider_strategy).toEqual([
      { capacity_provider: "FARGATE", base: 1, weight: 1 },
      { capacity_provider: "FARGATE_SPOT", weight: 3 },
    ]);
    expect(resourceAt(dev, "aws_ecs_cluster_capacity_providers", "app/cluster/capacity-providers").default_capacity_provider_strategy).toEqual([
      { capacity_provider: "FARGATE", base: 0, weight: 0 },
      { capacity_provider: "FARGATE_SPOT", weight: 1 },
    ]);
  });

  it("has a private DNS namespace for service discovery", () => {
    expect(resourceAt(prod, "aws_service_discovery_private_dns_namespace", "app/cluster/namespace")).toMatchObject({
      name: "recipe-chatbot.internal",
      vpc: refTo(prod, "aws_vpc", "app/networking/tiers/vpc"),
    });
  });
});

describe("Fargate services", () => {
  const stack = new EnvironmentStack(Testing.app(), { config: environment("prod") });
  const containers = (name: "backend" | "frontend") => stack.app.services[name].containerDefinitions;

  it.each([
    ["backend", "512", "1024", 8000, 2],
    ["frontend", "256", "512", 3000, 2],
  ])("%s task: %s CPU / %s MiB, port %i, %i tasks at first", (name, cpu, memory, port, desired) => {
    const task = resourceAt(prod, "aws_ecs_task_definition", `app/${name}/task-definition`);
    expect(task).toMatchObject({
      family: `recipe-chatbot-prod-${name}`,
      cpu,
      memory,
      network_mode: "awsvpc",
      requires_compatibilities: ["FARGATE"],
      execution_role_arn: refTo(prod, "aws_iam_role", `app/${name}/execution-role`, "arn"),
      task_role_arn: refTo(prod, "aws_iam_role", `app/${name}/task-role`, "arn"),
      volume: [{ name: "tmp" }],
      track_latest: true,
    });
    expect(task.container_definitions).toMatch(/^\$\{jsonencode\(/);
    expect(resourceAt(prod, "aws_ecs_service", `app/${name}/service`)).toMatchObject({
      name: `recipe-chatbot-${name}`,
      desired_count: desired,
      platform_version: "LATEST",
      network_configuration: { assign_public_ip: false, security_groups: [refTo(prod, "aws_security_group", `app/${name}/security-group`)] },
      load_balancer: [{ container_name: name, container_port: port, target_group_arn: refTo(prod, "aws_lb_target_group", `app/load-balancer/${name}-target-group`, "arn") }],
    });
  });

  it.each(["backend", "frontend"])("%s deploys 200 %% / 100 %% with a rolling-back circuit breaker and a grace period", (name) => {
    expect(resourceAt(prod, "aws_ecs_service", `app/${name}/service`)).toMatchObject({
      deployment_maximum_percent: 200,
      deployment_minimum_healthy_percent: 100,
      deployment_circuit_breaker: { enable: true, rollback: true },
      health_check_grace_period_seconds: 60,
      lifecycle: { ignore_changes: ["desired_count"] },
      service_registries: { registry_arn: refTo(prod, "aws_service_discovery_service", `app/${name}/discovery`, "arn") },
    });
  });

  it.each([
    ["backend", "1000:1000", "/aws/ecs/recipe-chatbot/backend"],
    ["frontend", "1001:1001", "/aws/ecs/recipe-chatbot/frontend"],
  ] as const)("%s container: non-root, read-only root with a /tmp scratch volume, health check, awslogs", (name, user, logGroup) => {
    const [app] = containers(name);
    expect(app).toMatchObject({
      name,
      user,
      readonlyRootFilesystem: true,
      privileged: false,
      mountPoints: [{ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false }],
      healthCheck: { command: expect.arrayContaining(["CMD"]), interval: 30, retries: 3 },
      logConfiguration: { logDriver: "awslogs", options: { "awslogs-region": "us-east-1", "awslogs-stream-prefix": name } },
    });
    expect(resourceAt(prod, "aws_cloudwatch_log_group", `app/${name}/logs/group`).name).toBe(logGroup);
  });

  it("sets ENVIRONMENT per environment and points the frontend at the backend by its Cloud Map name", () => {
    expect(containers("backend")[0].environment).toEqual([
      { name: "ENVIRONMENT", value: "production" },
      // prod traces: the app exports OTLP to the collector sidecar.
      { name: "OTEL_EXPORTER_OTLP_ENDPOINT", value: "http://localhost:4317" },
    ]);
    expect(containers("backend").map((c) => c.name)).toEqual(["backend", "otel-collector"]);
    const frontendEnv = containers("frontend")[0].environment as { name: string; value: string }[];
    expect(frontendEnv.find((e) => e.name === "BACKEND_URL")!.value).toMatch(/^http:\/\/backend\..+:8000$/);
    const devStack = new EnvironmentStack(Testing.app(), { config: environment("dev") });
    expect(devStack.app.services.backend.containerDefinitions[0].environment).toEqual([{ name: "ENVIRONMENT", value: "development" }]);
  });

  it("gives the API keys to the backend only; the frontend gets the shared settings", () => {
    const secretNames = (name: "backend" | "frontend") => (containers(name)[0].secrets ?? []).map((x) => x.name);
    expect(secretNames("backend")).toEqual(["OPENAI_API_KEY", "SERP_API_KEY", "LOG_LEVEL", "CORS_ORIGINS"]);
    expect(secretNames("frontend")).toEqual(["LOG_LEVEL", "CORS_ORIGINS"]);
    const backendReads = dataAt(prod, "aws_iam_policy_document", "app/backend/execution-role-policy-document").statement.flatMap((x: any) => x.actions);
    expect(backendReads).toContain("secretsmanager:GetSecretValue");
    const frontendReads = dataAt(prod, "aws_iam_policy_document", "app/frontend/execution-role-policy-document").statement.flatMap((x: any) => x.actions);
    expect(frontendReads).not.toContain("secretsmanager:GetSecretValue");
  });

  it("takes the image from the service's own repository at the tag the pipeline released (an SSM parameter)", () => {
    const image = containers("backend")[0].image as string;
    expect(Token.isUnresolved(image)).toBe(true);
    const parameter = resourceAt(prod, "aws_ssm_parameter", "app/backend/image-tag");
    expect(parameter).toMatchObject({
      name: "/recipe-chatbot/prod/deploy/backend-image-tag",
      type: "String",
      insecure_value: "${var.backend_image_tag}",
      lifecycle: { ignore_changes: ["insecure_value"] },
    });
  });
});

describe("autoscaling (guide: Auto Scaling Configuration)", () => {
  const policies = (stack: typeof prod, name: string) =>
    resourcesOf(stack, "aws_appautoscaling_policy")
      .map(([, p]) => p)
      .filter((p) => p.name.startsWith(`recipe-chatbot-${stack === prod ? "prod" : "dev"}-${name}-`))
      .map((p) => ({ name: p.name, ...p.target_tracking_scaling_policy_configuration }));

  it("backend: 2-20 tasks; CPU 70 %, memory 80 %, QueueDepth 5; cooldowns 300 s", () => {
    expect(resourceAt(prod, "aws_appautoscaling_target", "app/backend/scaling-target")).toMatchObject({
      min_capacity: 2,
      max_capacity: 20,
      scalable_dimension: "ecs:service:DesiredCount",
      service_namespace: "ecs",
    });
    expect(policies(prod, "backend")).toEqual([
      { name: "recipe-chatbot-prod-backend-cpu", target_value: 70, scale_in_cooldown: 300, scale_out_cooldown: 300, predefined_metric_specification: { predefined_metric_type: "ECSServiceAverageCPUUtilization" } },
      { name: "recipe-chatbot-prod-backend-memory", target_value: 80, scale_in_cooldown: 300, scale_out_cooldown: 300, predefined_metric_specification: { predefined_metric_type: "ECSServiceAverageMemoryUtilization" } },
      {
        name: "recipe-chatbot-prod-backend-queue-depth",
        target_value: 5,
        scale_in_cooldown: 300,
        scale_out_cooldown: 300,
        customized_metric_specification: { namespace: "RecipeChatbot/LLM", metric_name: "QueueDepth", statistic: "Average", dimensions: [{ name: "Service", value: "Backend" }] },
      },
    ]);
  });

  it("frontend: 2-10 tasks on CPU 70 % only", () => {
    expect(resourceAt(prod, "aws_appautoscaling_target", "app/frontend/scaling-target")).toMatchObject({ min_capacity: 2, max_capacity: 10 });
    expect(policies(prod, "frontend").map((p) => [p.name, p.target_value])).toEqual([["recipe-chatbot-prod-frontend-cpu", 70]]);
  });

  it("dev may run a single task", () => {
    expect(resourceAt(dev, "aws_appautoscaling_target", "app/backend/scaling-target")).toMatchObject({ min_capacity: 1, max_capacity: 4 });
  });
});

describe("IAM", () => {
  const statements = (name: string, role: string) => dataAt(prod, "aws_iam_policy_document", `app/${name}/${role}-policy-document`).statement;

  it("execution role pulls only from its own repository and writes only its own log group", () => {
    const s = statements("backend", "execution-role");
    expect(s.find((x: any) => x.sid === "PullOwnImages").resources).toEqual([refTo(prod, "aws_ecr_repository", "app/backend/registry/repository", "arn")]);
    expect(s.find((x: any) => x.sid === "WriteOwnLogs").resources).toEqual([`${refTo(prod, "aws_cloudwatch_log_group", "app/backend/logs/group", "arn")}:log-stream:*`]);
  });

  it("task role may publish metrics only to RecipeChatbot/* namespaces, with StringLike (the guide's StringEquals never matches)", () => {
    expect(statements("backend", "task-role")).toContainEqual(
      expect.objectContaining({
        actions: ["cloudwatch:PutMetricData"],
        condition: [{ test: "StringLike", variable: "cloudwatch:namespace", values: ["RecipeChatbot/*"] }],
      }),
    );
  });

  it("task and execution roles are distinct, trusted only by ECS tasks of this account", () => {
    const trust = dataAt(prod, "aws_iam_policy_document", "app/backend/task-role-trust").statement[0];
    expect(trust.principals).toEqual([{ type: "Service", identifiers: ["ecs-tasks.amazonaws.com"] }]);
    expect(trust.condition.map((c: any) => c.variable)).toEqual(["aws:SourceAccount", "aws:SourceArn"]);
    expect(resourceAt(prod, "aws_iam_role", "app/backend/task-role").name).toBe("recipe-chatbot-prod-backend-task");
    expect(resourceAt(prod, "aws_iam_role", "app/backend/execution-role").name).toBe("recipe-chatbot-prod-backend-execution");
  });

  it("puts every role under the workload permissions boundary the bootstrap stack creates", () => {
    const roles = resourcesOf(prod, "aws_iam_role").map(([, r]) => [r.name, r.permissions_boundary]);
    expect(roles.length).toBe(5);
    for (const [, boundary] of roles) expect(boundary).toMatch(/^arn:\$\{data\.aws_partition\.partition\.partition\}:iam::\$\{data\.aws_caller_identity\.caller_identity\.account_id\}:policy\/recipe-chatbot-workload-boundary$/);
  });

  it("attaches no AWS-managed policies and allows no wildcard actions", () => {
    expect(resourcesOf(prod, "aws_iam_role_policy_attachment")).toEqual([]);
    const allowed = Object.values(prod.data!.aws_iam_policy_document).flatMap((d: any) => d.statement.filter((s: any) => s.effect === "Allow"));
    const actions = allowed.flatMap((s: any) => s.actions ?? []);
    expect(actions.filter((a: string) => a === "*" || a.endsWith(":*"))).toEqual([]);
  });
});

describe("ECS Exec in an environment (off in every preset)", () => {
  it("is off by default: no exec configuration on the cluster, no service with it on", () => {
    for (const stack of [dev, prod]) {
      expect(resourceAt(stack, "aws_ecs_cluster", "app/cluster/cluster").configuration).toBeUndefined();
      expect(resourcesOf(stack, "aws_ecs_service").map(([, s]) => s.enable_execute_command)).toEqual([false, false]);
    }
  });

  it("when switched on, passes the policy guard with sessions logged and both services reachable", () => {
    const overrides = { environments: { dev: { ecsExec: { enabled: true } } } };
    // With validations: the policy guard runs as one (RC-IAM-010 on the SSM channels, RC-ECS-002).
    expect(() => Testing.synth(buildEnvironment("dev", overrides), true)).not.toThrow();
    const on = synthEnvironment("dev", overrides);
    expect(resourceAt(on, "aws_ecs_cluster", "app/cluster/cluster").configuration.execute_command_configuration).toMatchObject({
      logging: "OVERRIDE",
      log_configuration: { cloud_watch_encryption_enabled: true, cloud_watch_log_group_name: "${aws_cloudwatch_log_group.app_cluster_exec_logs_group.name}" },
    });
    expect(resourceAt(on, "aws_cloudwatch_log_group", "app/cluster/exec-logs/group")).toMatchObject({ name: "/aws/ecs/recipe-chatbot-cluster/exec", retention_in_days: 365 });
    expect(resourcesOf(on, "aws_ecs_service").map(([, s]) => s.enable_execute_command)).toEqual([true, true]);
  });
});

describe("where the tasks run (network.taskSubnets)", () => {
  it("dev: public subnets with public IPs, allowed by the guard only through the explicit setting's suppression", () => {
    for (const [, service] of resourcesOf(dev, "aws_ecs_service")) {
      expect(service.network_configuration).toMatchObject({
        assign_public_ip: true,
        subnets: [refTo(dev, "aws_subnet", "app/networking/tiers/public-us-east-1a"), refTo(dev, "aws_subnet", "app/networking/tiers/public-us-east-1b")],
      });
    }
    expect(resourcesOf(dev, "aws_nat_gateway")).toEqual([]);
    const evaluation = new PolicyGuard().evaluate(buildEnvironment("dev"));
    expect(evaluation.violations).toEqual([]);
    const suppressed = evaluation.appliedSuppressions.filter((s) => s.ruleId === "RC-ECS-003");
    expect(suppressed.map((s) => [s.path, s.reason])).toEqual(
      ["backend", "frontend"].map((name) => [`recipe-chatbot-dev/app/${name}/service`, expect.stringContaining('network.taskSubnets is "public" in dev')]),
    );
  });

  it("prod: private subnets, no public IP", () => {
    for (const [, service] of resourcesOf(prod, "aws_ecs_service")) {
      expect(service.network_configuration).toMatchObject({
        assign_public_ip: false,
        subnets: [refTo(prod, "aws_subnet", "app/networking/tiers/private-us-east-1a"), refTo(prod, "aws_subnet", "app/networking/tiers/private-us-east-1b")],
      });
    }
  });
});

describe("deployments (README \"Deployments\")", () => {
  const blueGreenBackend = { environments: { prod: { services: { backend: { deploymentStrategy: "blue-green" } } } } };
  const bg = synthEnvironment("prod", blueGreenBackend);

  it("roll by default: no CodeDeploy, no second target group, no test listener", () => {
    for (const stack of [dev, prod]) {
      expect(resourcesOf(stack, "aws_codedeploy_app")).toEqual([]);
      expect(resourcesOf(stack, "aws_lb_target_group")).toHaveLength(2);
      expect(resourcesOf(stack, "aws_lb_listener").map(([, l]) => l.port).sort()).toEqual([443, 80]);
      expect(resourcesOf(stack, "aws_ecs_service").map(([, s]) => s.deployment_controller)).toEqual([undefined, undefined]);
    }
  });

  it("a blue-green backend: CodeDeploy application and group named per environment, the green group, a test listener from the VPC only; the frontend rolls", () => {
    expect(resourceAt(bg, "aws_codedeploy_app", "app/codedeploy/application")).toMatchObject({ name: "recipe-chatbot-prod", compute_platform: "ECS" });
    expect(resourceAt(bg, "aws_codedeploy_deployment_group", "app/backend/blue-green/deployment-group")).toMatchObject({
      deployment_group_name: "recipe-chatbot-prod-backend",
      deployment_config_name: "CodeDeployDefault.ECSCanary10Percent5Minutes",
      blue_green_deployment_config: { terminate_blue_instances_on_deployment_success: { termination_wait_time_in_minutes: 5 } },
      alarm_configuration: {
        enabled: true,
        alarms: [
          "${aws_cloudwatch_metric_alarm.app_backend_deployment_alarms_error_rate.alarm_name}",
          "${aws_cloudwatch_metric_alarm.app_backend_deployment_alarms_response_time.alarm_name}",
        ],
      },
    });
    expect(resourceAt(bg, "aws_lb_target_group", "app/load-balancer/backend-green-target-group").name).toBe("rc-prod-backend-green");
    expect(resourceAt(bg, "aws_lb_listener", "app/load-balancer/test")).toMatchObject({ port: 8443, protocol: "HTTPS" });
    expect(resourceAt(bg, "aws_vpc_security_group_ingress_rule", "app/load-balancer/test-listener-in-0")).toMatchObject({ from_port: 8443, cidr_ipv4: "10.0.0.0/16" });
    expect(resourceAt(bg, "aws_iam_role", "app/backend/blue-green/role").name).toBe("recipe-chatbot-prod-backend-codedeploy");
    const services = Object.fromEntries(resourcesOf(bg, "aws_ecs_service").map(([, s]) => [s.name, s]));
    expect(services["recipe-chatbot-backend"].deployment_controller).toEqual({ type: "CODE_DEPLOY" });
    expect(services["recipe-chatbot-frontend"]).toMatchObject({ deployment_circuit_breaker: { enable: true, rollback: true } });
    expect(services["recipe-chatbot-frontend"].deployment_controller).toBeUndefined();
    // The staging name is the longest a preset gives a green group: within the 32 characters.
    expect(resourceAt(synthEnvironment("staging", { environments: { staging: { deployment: { strategy: "blue-green" } } } }), "aws_lb_target_group", "app/load-balancer/frontend-green-target-group").name).toBe("rc-staging-frontend-green");
  });

  it("takes the test listener's allow-list from configuration, and passes the policy guard", () => {
    const listed = synthEnvironment("prod", { environments: { prod: { ...blueGreenBackend.environments.prod, deployment: { blueGreen: { testListenerAllowedCidrs: ["10.0.0.0/16", "192.168.10.0/24"] } } } } });
    expect(resourcesOf(listed, "aws_vpc_security_group_ingress_rule").filter(([, r]) => r.from_port === 8443).map(([, r]) => r.cidr_ipv4)).toEqual(["10.0.0.0/16", "192.168.10.0/24"]);
    expect(new PolicyGuard().evaluate(buildEnvironment("prod", blueGreenBackend)).violations).toEqual([]);
  });
});

describe("cost levers: working hours and Container Insights (README \"Cost\")", () => {
  it("dev: both services scale to zero at 19:00 UTC on weekdays and back to their bounds at 08:00; staging and prod run at all hours", () => {
    const actions = resourcesOf(dev, "aws_appautoscaling_scheduled_action").map(([, a]) => [a.name, a.schedule, a.timezone, a.scalable_target_action]);
    expect(actions).toEqual([
      ["recipe-chatbot-dev-backend-scale-in", "cron(0 19 ? * MON-FRI *)", "UTC", { min_capacity: "0", max_capacity: "0" }],
      ["recipe-chatbot-dev-backend-scale-out", "cron(0 8 ? * MON-FRI *)", "UTC", { min_capacity: "1", max_capacity: "4" }],
      ["recipe-chatbot-dev-frontend-scale-in", "cron(0 19 ? * MON-FRI *)", "UTC", { min_capacity: "0", max_capacity: "0" }],
      ["recipe-chatbot-dev-frontend-scale-out", "cron(0 8 ? * MON-FRI *)", "UTC", { min_capacity: "1", max_capacity: "2" }],
    ]);
    expect(resourcesOf(prod, "aws_appautoscaling_scheduled_action")).toEqual([]);
    const zoned = synthEnvironment("staging", { environments: { staging: { workingHours: { enabled: true, timezone: "Europe/Berlin", days: "MON-SAT", startHour: 7, endHour: 24 } } } });
    expect(resourcesOf(zoned, "aws_appautoscaling_scheduled_action").map(([, a]) => [a.schedule, a.timezone]).slice(0, 2)).toEqual([
      ["cron(0 0 ? * TUE-SUN *)", "Europe/Berlin"],
      ["cron(0 7 ? * MON-SAT *)", "Europe/Berlin"],
    ]);
  });

  it("dev: Container Insights off, passed by the guard only through the explicit setting's suppression; no LowRunningTasks without its metric", () => {
    expect(resourceAt(dev, "aws_ecs_cluster", "app/cluster/cluster").setting).toEqual([{ name: "containerInsights", value: "disabled" }]);
    const evaluation = new PolicyGuard().evaluate(buildEnvironment("dev"));
    expect(evaluation.violations).toEqual([]);
    expect(evaluation.appliedSuppressions.filter((s) => s.ruleId === "RC-ECS-001").map((s) => [s.path, s.reason])).toEqual([
      ["recipe-chatbot-dev/app/cluster/cluster", expect.stringContaining('containerInsights is "disabled" in dev')],
    ]);
    const alarmNames = (stack: typeof dev) => resourcesOf(stack, "aws_cloudwatch_metric_alarm").map(([, a]) => a.alarm_name);
    expect(alarmNames(dev).filter((n: string) => n.endsWith("low-running-tasks"))).toEqual([]);
    expect(alarmNames(prod).filter((n: string) => n.endsWith("low-running-tasks")).sort()).toEqual(["recipe-chatbot-prod-backend-low-running-tasks", "recipe-chatbot-prod-frontend-low-running-tasks"]);
    // Staging with Insights on: no suppression, the rule passes on its own.
    expect(new PolicyGuard().evaluate(buildEnvironment("staging")).appliedSuppressions.filter((s) => s.ruleId === "RC-ECS-001")).toEqual([]);
  });

  it("dev's availability alarms read as OK outside its working hours; prod's watch at all hours", () => {
    const lowHealthy = (stack: typeof dev) => resourcesOf(stack, "aws_cloudwatch_metric_alarm").map(([, a]) => a).find((a) => a.alarm_name.endsWith("backend-low-healthy-hosts"))!;
    const gate = lowHealthy(dev).metric_query.find((q: { return_data: boolean }) => q.return_data).expression;
    expect(gate).toMatch(/^IF\(\(hourOfWeek >= 9 AND hourOfWeek < 19\) OR .* OR \(hourOfWeek >= 105 AND hourOfWeek < 115\), healthy, 1\)$/);
    expect(lowHealthy(prod)).toMatchObject({ metric_name: "HealthyHostCount", statistic: "Minimum" });
    expect(lowHealthy(prod).metric_query).toBeUndefined();
  });
});
