import type { Construct } from "constructs";
import { FargateCluster, FargateService, type FargateServiceProps } from "../../src/modules/ecs-service";
import { AWS, all, expectPropError, only, synthModule } from "./module-stack";

const LISTENER = { fqn: "aws_lb_listener.https" };
const serviceProps = (cluster: FargateCluster, extra: Partial<FargateServiceProps> = {}): FargateServiceProps => ({
  aws: AWS,
  serviceName: "orders",
  cluster,
  vpcId: "vpc-1",
  subnetIds: ["subnet-a", "subnet-b"],
  image: { tag: "v1" },
  ...extra,
});

describe("FargateCluster, alone", () => {
  it("defaults to Container Insights on, on-demand only and no namespace", () => {
    const stack = synthModule((scope) => new FargateCluster(scope, "cluster", { clusterName: "shop" }));
    expect(only(stack, "aws_ecs_cluster")).toMatchObject({ name: "shop", setting: [{ name: "containerInsights", value: "enabled" }] });
    expect(only(stack, "aws_ecs_cluster_capacity_providers").default_capacity_provider_strategy).toEqual([
      { capacity_provider: "FARGATE", base: 0, weight: 1 },
      { capacity_provider: "FARGATE_SPOT", weight: 0 },
    ]);
    expect(stack.resource.aws_service_discovery_private_dns_namespace).toBeUndefined();
  });

  it("splits on-demand and Spot and creates the Cloud Map namespace when asked", () => {
    const stack = synthModule(
      (scope) =>
        new FargateCluster(scope, "cluster", {
          clusterName: "shop",
          capacity: { onDemandBase: 1, onDemandWeight: 1, spotWeight: 3 },
          serviceDiscovery: { namespaceName: "shop.internal", vpcId: "vpc-1" },
        }),
    );
    expect(only(stack, "aws_ecs_cluster_capacity_providers").default_capacity_provider_strategy).toEqual([
      { capacity_provider: "FARGATE", base: 1, weight: 1 },
      { capacity_provider: "FARGATE_SPOT", weight: 3 },
    ]);
    expect(only(stack, "aws_service_discovery_private_dns_namespace")).toMatchObject({ name: "shop.internal", vpc: "vpc-1", description: "Service discovery for the services of shop" });
  });

  it("rejects bad props", () => {
    expectPropError((scope) => new FargateCluster(scope, "c", { clusterName: "x", containerInsights: "on" as never }), "containerInsights", '"enabled", "enhanced", "disabled"');
    expectPropError((scope) => new FargateCluster(scope, "c", { clusterName: "x", capacity: { onDemandWeight: 0, spotWeight: 0 } }), "capacity", "must not both be 0");
    expectPropError((scope) => new FargateCluster(scope, "c", { clusterName: "x", capacity: { spotWeight: -1 } }), "capacity.spotWeight", "from 0 to 1000");
  });
});

describe("FargateService, alone", () => {
  it("a worker with no port and no load balancer: its own repository, roles, logs, one task, CPU scaling", () => {
    let orders: FargateService | undefined;
    const stack = synthModule((scope) => {
      const cluster = new FargateCluster(scope, "cluster", { clusterName: "shop" });
      orders = new FargateService(scope, "orders", serviceProps(cluster));
    });
    expect(only(stack, "aws_ecr_repository")).toMatchObject({ name: "orders", image_tag_mutability: "IMMUTABLE" });
    expect(all(stack, "aws_iam_role").map((r) => r.name).sort()).toEqual(["orders-execution", "orders-task"]);
    expect(all(stack, "aws_iam_role").every((r) => r.permissions_boundary === undefined)).toBe(true);
    expect(only(stack, "aws_cloudwatch_log_group")).toMatchObject({ name: "/aws/ecs/orders", retention_in_days: 30 });
    const taskDefinition = only(stack, "aws_ecs_task_definition");
    expect(taskDefinition).toMatchObject({ family: "orders", cpu: "256", memory: "512", runtime_platform: { cpu_architecture: "X86_64" } });
    const [app] = orders!.containerDefinitions;
    expect(app).toMatchObject({ name: "app", readonlyRootFilesystem: true, portMappings: [] });
    expect(app.healthCheck).toBeUndefined();
    const service = only(stack, "aws_ecs_service");
    expect(service).toMatchObject({ name: "orders", desired_count: 1, deployment_circuit_breaker: { enable: true, rollback: true }, enable_execute_command: false });
    expect(service.load_balancer).toBeUndefined();
    expect(service.health_check_grace_period_seconds).toBeUndefined();
    expect(only(stack, "aws_appautoscaling_target")).toMatchObject({ min_capacity: 1, max_capacity: 1 });
    expect(only(stack, "aws_appautoscaling_policy")).toMatchObject({ name: "orders-cpu" });
    expect(only(stack, "aws_vpc_security_group_egress_rule")).toMatchObject({ from_port: 443, cidr_ipv4: "0.0.0.0/0" });
    expect(stack.resource.aws_vpc_security_group_ingress_rule).toBeUndefined();
  });

  it("behind a load balancer, discoverable, scaled on a custom metric, an existing repository, a boundary", () => {
    const stack = synthModule((scope) => {
      const cluster = new FargateCluster(scope, "cluster", { clusterName: "shop", serviceDiscovery: { namespaceName: "shop.internal", vpcId: "vpc-1" } });
      const api = new FargateService(
        scope,
        "api",
        serviceProps(cluster, {
          serviceName: "shop-api",
          resourceNamePrefix: "shop-prod-api",
          containerName: "api",
          port: 8080,
          image: { repository: { repositoryUrl: "1.dkr.ecr/api", repositoryArn: "arn:aws:ecr:eu-west-1:1:repository/api" }, tag: "v2", tagParameterName: "/shop/api-tag" },
          loadBalancer: { targetGroupArn: "arn:tg", listener: LISTENER as never, securityGroupId: "sg-alb" },
          serviceDiscovery: true,
          scaling: { minCapacity: 2, maxCapacity: 6, customMetrics: [{ name: "queue-depth", namespace: "Shop", metricName: "Queue", target: 10 }] },
          permissionsBoundaryArn: "arn:aws:iam::1:policy/b",
        }),
      );
      const web = new FargateService(scope, "web", serviceProps(cluster, { serviceName: "shop-web", containerName: "web", port: 3000 }));
      api.allowFrom(web);
    });
    expect(all(stack, "aws_ecr_repository").map((r) => r.name)).toEqual(["shop-web"]);
    const service = all(stack, "aws_ecs_service").find((s) => s.name === "shop-api")!;
    expect(service).toMatchObject({ desired_count: 2, health_check_grace_period_seconds: 60, load_balancer: [{ target_group_arn: "arn:tg", container_name: "api", container_port: 8080 }] });
    expect(service.service_registries.registry_arn).toMatch(/aws_service_discovery_service/);
    expect(all(stack, "aws_iam_role").filter((r) => r.name.startsWith("shop-prod-api")).map((r) => r.permissions_boundary)).toEqual(["arn:aws:iam::1:policy/b", "arn:aws:iam::1:policy/b"]);
    expect(all(stack, "aws_ssm_parameter")[0]).toMatchObject({ name: "/shop/api-tag", insecure_value: "v2", lifecycle: { ignore_changes: ["insecure_value"] } });
    expect(all(stack, "aws_appautoscaling_policy").map((p) => p.name)).toEqual(expect.arrayContaining(["shop-prod-api-cpu", "shop-prod-api-queue-depth"]));
    const ingress = all(stack, "aws_vpc_security_group_ingress_rule");
    expect(ingress.map((r) => r.description).sort()).toEqual(["Api from the ALB", "Api from the web"]);
    expect(ingress.every((r) => r.from_port === 8080)).toBe(true);
    const egress = all(stack, "aws_vpc_security_group_egress_rule").map((r) => r.description);
    expect(egress).toEqual(expect.arrayContaining(["ALB to api tasks", "Web to the api API"]));
  });

  it("runs on Graviton (ARM64) when asked: about 20% cheaper (README \"Cost\")", () => {
    const stack = synthModule((scope) => {
      new FargateService(scope, "orders", serviceProps(new FargateCluster(scope, "cluster", { clusterName: "shop" }), { cpuArchitecture: "ARM64" }));
    });
    expect(only(stack, "aws_ecs_task_definition").runtime_platform).toEqual({ cpu_architecture: "ARM64", operating_system_family: "LINUX" });
  });

  it("rejects bad props and combinations", () => {
    const withCluster = (extra: Partial<FargateServiceProps>) => (scope: Construct) =>
      new FargateService(scope, "s", serviceProps(new FargateCluster(scope, "c", { clusterName: "x" }), extra));
    expectPropError(withCluster({ cpu: 300 }), "cpu", "256, 512, 1024");
    expectPropError(withCluster({ cpu: 256, memory: 4096 }), "memory", "512, 1024, 2048");
    expectPropError(withCluster({ loadBalancer: { targetGroupArn: "t", listener: LISTENER as never, securityGroupId: "s" } }), "loadBalancer", "needs `port`");
    expectPropError(withCluster({ port: 80, healthCheckGracePeriodSeconds: 30 }), "healthCheckGracePeriodSeconds", "only with `loadBalancer`");
    expectPropError(withCluster({ serviceDiscovery: true }), "serviceDiscovery", "namespace");
    expectPropError(withCluster({ image: { tag: "v1", repository: { repositoryUrl: "u", repositoryArn: "a" }, repositoryName: "r" } }), "image.repository", "cannot be combined");
    expectPropError(withCluster({ scaling: { minCapacity: 4, maxCapacity: 2 } }), "scaling.maxCapacity", "from 4 to 5000");
    expectPropError(withCluster({ port: 0 }), "port", "from 1 to 65535");
    expectPropError(withCluster({ cpuArchitecture: "ARM" as never }), "cpuArchitecture", '"X86_64", "ARM64"');
  });

  it("stands in a stack of its own with an existing cluster's attributes", () => {
    const stack = synthModule((scope) => new FargateService(scope, "svc", serviceProps({ clusterArn: "arn:cluster", clusterName: "legacy" } as never)));
    expect(only(stack, "aws_ecs_service")).toMatchObject({ cluster: "arn:cluster" });
    expect(only(stack, "aws_ecs_service").capacity_provider_strategy).toBeUndefined();
    expect(only(stack, "aws_appautoscaling_target").resource_id).toMatch(/^service\/legacy\/\$\{aws_ecs_service\.svc_service\.name\}$/);
  });
});

describe("ECS Exec and deployment alarms", () => {
  it("a cluster with ECS Exec logs every session to an encrypted group over a CMK-encrypted channel", () => {
    const stack = synthModule((scope) => new FargateCluster(scope, "cluster", { clusterName: "shop", executeCommand: {} }));
    const exec = only(stack, "aws_ecs_cluster").configuration.execute_command_configuration;
    expect(exec).toMatchObject({ logging: "OVERRIDE", log_configuration: { cloud_watch_encryption_enabled: true, cloud_watch_log_group_name: "${aws_cloudwatch_log_group.cluster_exec_logs_group.name}" } });
    expect(exec.kms_key_id).toBe("${aws_kms_key.cluster_exec_logs_key.arn}");
    expect(only(stack, "aws_cloudwatch_log_group")).toMatchObject({ name: "/aws/ecs/shop/exec", retention_in_days: 365, kms_key_id: "${aws_kms_key.cluster_exec_logs_key.arn}" });
  });

  it("a service with ECS Exec on gets the SSM channels and the session log, and nothing more, in its task role", () => {
    const stack = synthModule((scope) => {
      const cluster = new FargateCluster(scope, "cluster", { clusterName: "shop", executeCommand: {} });
      new FargateService(scope, "orders", serviceProps(cluster, { executeCommand: true }));
    });
    expect(only(stack, "aws_ecs_service").enable_execute_command).toBe(true);
    const statements = Object.values(stack.data?.aws_iam_policy_document ?? {})
      .flatMap((d: any) => d.statement ?? [])
      .filter((s: any) => String(s.sid).startsWith("Exec"));
    expect(statements.map((s: any) => [s.sid, s.actions])).toEqual([
      ["ExecSessionChannels", ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"]],
      ["ExecFindSessionLog", ["logs:DescribeLogGroups"]],
      ["ExecWriteSessionLog", ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"]],
      ["ExecSessionKey", ["kms:Decrypt"]],
    ]);
    expect(statements[2].resources).toEqual(["${aws_cloudwatch_log_group.cluster_exec_logs_group.arn}", "${aws_cloudwatch_log_group.cluster_exec_logs_group.arn}:log-stream:*"]);
  });

  it("is off by default, and refused in a cluster that does not log sessions", () => {
    const stack = synthModule((scope) => new FargateService(scope, "orders", serviceProps(new FargateCluster(scope, "cluster", { clusterName: "shop" }))));
    expect(only(stack, "aws_ecs_service").enable_execute_command).toBe(false);
    expect(only(stack, "aws_ecs_cluster").configuration).toBeUndefined();
    expectPropError(
      (scope) => new FargateService(scope, "orders", serviceProps(new FargateCluster(scope, "cluster", { clusterName: "shop" }), { executeCommand: true })),
      "executeCommand",
      "needs a cluster that logs ECS Exec sessions",
    );
  });

  it("watches the given alarms during deployments and rolls back on them; none by default", () => {
    const stack = synthModule((scope) => {
      const cluster = new FargateCluster(scope, "cluster", { clusterName: "shop" });
      new FargateService(scope, "orders", serviceProps(cluster, { deploymentAlarms: ["orders-errors", "orders-latency"] }));
      new FargateService(scope, "billing", serviceProps(cluster, { serviceName: "billing" }));
    });
    const [billing, orders] = all(stack, "aws_ecs_service").sort((a, b) => a.name.localeCompare(b.name));
    expect(orders.alarms).toEqual({ alarm_names: ["orders-errors", "orders-latency"], enable: true, rollback: true });
    expect(orders.deployment_circuit_breaker).toEqual({ enable: true, rollback: true });
    expect(billing.alarms).toBeUndefined();
  });
});

describe("public tasks", () => {
  it("gives the tasks public IPs only when asked", () => {
    const stack = synthModule((scope) => {
      const cluster = new FargateCluster(scope, "cluster", { clusterName: "shop" });
      new FargateService(scope, "orders", serviceProps(cluster, { assignPublicIp: true }));
      new FargateService(scope, "billing", serviceProps(cluster, { serviceName: "billing" }));
    });
    const byName = Object.fromEntries(all(stack, "aws_ecs_service").map((s) => [s.name, s.network_configuration.assign_public_ip]));
    expect(byName).toEqual({ orders: true, billing: false });
  });
});

describe("scheduled capacity and a service's own capacity (README \"Cost\")", () => {
  const nights = [
    { name: "scale-in", schedule: "cron(0 19 ? * MON-FRI *)", timezone: "Europe/Berlin", minCapacity: 0, maxCapacity: 0 },
    { name: "scale-out", schedule: "cron(0 8 ? * MON-FRI *)", timezone: "Europe/Berlin", minCapacity: 1, maxCapacity: 3 },
  ];

  it("sets the bounds on a schedule, one action after the other, and the scaling target leaves the bounds to them", () => {
    const stack = synthModule((scope) => {
      const cluster = new FargateCluster(scope, "cluster", { clusterName: "shop" });
      new FargateService(scope, "orders", serviceProps(cluster, { scaling: { minCapacity: 1, maxCapacity: 3 }, scheduledCapacity: nights }));
      new FargateService(scope, "billing", serviceProps(cluster, { serviceName: "billing" }));
    });
    const actions = all(stack, "aws_appautoscaling_scheduled_action");
    expect(actions.map((a) => [a.name, a.schedule, a.timezone, a.scalable_target_action, a.scalable_dimension, a.service_namespace])).toEqual([
      ["orders-scale-in", "cron(0 19 ? * MON-FRI *)", "Europe/Berlin", { min_capacity: "0", max_capacity: "0" }, "${aws_appautoscaling_target.orders_scaling_target.scalable_dimension}", expect.any(String)],
      ["orders-scale-out", "cron(0 8 ? * MON-FRI *)", "Europe/Berlin", { min_capacity: "1", max_capacity: "3" }, expect.any(String), expect.any(String)],
    ]);
    expect(actions.every((a) => /aws_appautoscaling_target\..*\.resource_id/.test(a.resource_id))).toBe(true);
    expect(actions[1].depends_on).toEqual(["aws_appautoscaling_scheduled_action.orders_schedule_scale_in"]);
    const targets = Object.fromEntries(all(stack, "aws_appautoscaling_target").map((t) => [t.resource_id.includes("orders") ? "orders" : "billing", t.lifecycle]));
    expect(targets).toEqual({ orders: { ignore_changes: ["min_capacity", "max_capacity"] }, billing: undefined });
  });

  it("runs on its own on-demand/Spot split instead of the cluster's when given one", () => {
    const stack = synthModule((scope) => {
      const cluster = new FargateCluster(scope, "cluster", { clusterName: "shop", capacity: { onDemandBase: 1, spotWeight: 3 } });
      new FargateService(scope, "orders", serviceProps(cluster, { cpuArchitecture: "ARM64", capacity: { onDemandBase: 2, onDemandWeight: 1, spotWeight: 0 } }));
      new FargateService(scope, "billing", serviceProps(cluster, { serviceName: "billing" }));
    });
    const byName = Object.fromEntries(all(stack, "aws_ecs_service").map((s) => [s.name, s.capacity_provider_strategy]));
    expect(byName).toEqual({
      orders: [{ capacity_provider: "FARGATE", base: 2, weight: 1 }, { capacity_provider: "FARGATE_SPOT", weight: 0 }],
      billing: [{ capacity_provider: "FARGATE", base: 1, weight: 1 }, { capacity_provider: "FARGATE_SPOT", weight: 3 }],
    });
  });

  it("rejects ARM64 on Fargate Spot (X86_64 only) and bad schedules", () => {
    const spotCluster = (extra: Partial<FargateServiceProps>) => (scope: Construct) =>
      new FargateService(scope, "s", serviceProps(new FargateCluster(scope, "c", { clusterName: "x", capacity: { spotWeight: 1 } }), extra));
    expectPropError(spotCluster({ cpuArchitecture: "ARM64" }), "cpuArchitecture", "ARM64 tasks cannot run on Fargate Spot");
    expectPropError(spotCluster({ cpuArchitecture: "ARM64", capacity: { onDemandWeight: 1, spotWeight: 1 } }), "capacity", "ARM64 tasks cannot run on Fargate Spot");
    expectPropError(spotCluster({ scheduledCapacity: [{ ...nights[0], schedule: "19:00 on weekdays" }] }), "scheduledCapacity[0].schedule", "cron(...), rate(...) or at(...)");
    expectPropError(spotCluster({ scheduledCapacity: [{ ...nights[1], minCapacity: 3, maxCapacity: 1 }] }), "scheduledCapacity[0].maxCapacity", "from 3 to 5000");
  });
});
