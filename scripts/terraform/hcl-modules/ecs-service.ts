import { DataResource, Fn, Token, type IResolvable } from "cdktf";
import type { Construct } from "constructs";
import { FARGATE_CPU_ARCHITECTURES, FARGATE_MEMORY_BY_CPU } from "../../../src/core/aws-limits";
import { WORKING_DAYS, dailyCron } from "../../../src/core/working-hours";
import { FargateCluster, FargateService, type CpuArchitecture } from "../../../src/modules/ecs-service";
import { condition, optionalString, type HclModuleSpec } from "./hcl-module";

const CPU_SIZES = Object.keys(FARGATE_MEMORY_BY_CPU).map(Number);

/** The days after each WORKING_DAYS value: an end hour of 24 is hour 0 of the next day (as dailyCron writes it). */
const NEXT_DAYS = Object.fromEntries(WORKING_DAYS.map((days) => [days, /^cron\(0 0 \? \* (\S+) \*\)$/.exec(dailyCron(24, days))![1]]));

/** dailyCron as a Terraform template of two variables, for hours known only at plan time. */
const dailyCronOf = (hour: string, days: string): string =>
  `cron(0 \${${hour} % 24} ? * \${${hour} == 24 ? lookup(${JSON.stringify(NEXT_DAYS)}, ${days}) : ${days}} *)`;

export const ecsServiceModule: HclModuleSpec = {
  name: "ecs-service",
  summary:
    "An ECS cluster (Container Insights, Fargate and Fargate Spot capacity providers) running one Fargate service behind a " +
    "load balancer target group: an ECR repository, a KMS-encrypted log group, execution and task roles, a security group " +
    "open to the load balancer only, a task definition with a read-only root filesystem, rolling deployments with the " +
    "circuit breaker and target-tracking autoscaling on CPU.",
  shape: [
    "one cluster with one service, behind a load balancer target group",
    "a new ECR repository, `<service_name>`, whose `image_tag` the service runs",
    "no Cloud Map registration, secrets, environment variables or tracing sidecar",
    "working hours (`working_hours_enabled`) add two scheduled actions, `<service_name>-scale-in` and `-scale-out` (`count` 0 or 1)",
  ],
  usage: `  cluster_name                    = "shop-prod"
  service_name                    = "shop-web"
  vpc_id                          = module.networking.vpc_id
  subnet_ids                      = module.networking.private_subnet_ids
  image_tag                       = "v1.2.3"
  port                            = 8080
  target_group_arn                = module.alb.target_group_arn
  load_balancer_security_group_id = module.alb.security_group_id`,
  define(scope, io) {
    const name = (input: string, description: string, max: number) =>
      io.input({
        name: input,
        type: "string",
        description,
        validation: [{ condition: condition.name(`var.${input}`, max), errorMessage: `${input} must be at most ${max} letters, digits and hyphens.` }],
      }).stringValue;
    const clusterName = name("cluster_name", "Name of the ECS cluster.", 255);
    const serviceName = name("service_name", "Name of the service; also of its ECR repository, task family, roles (<service_name>-task, -execution) and security group.", 50);
    const vpcId = io.input({ name: "vpc_id", type: "string", description: "VPC of the service's security group." }).stringValue;
    const subnetIds = io.input({ name: "subnet_ids", type: "list(string)", description: "Private subnets the tasks run in (no public IP)." }).listValue;
    const imageTag = io.input({ name: "image_tag", type: "string", description: "Tag of the image in the service's repository to run." }).stringValue;
    const maxImageCount = io.integer({
      name: "max_image_count",
      description: "Images the repository keeps; older ones expire.",
      default: 10,
      range: [1, 10000],
    });
    const port = io.integer({
      name: "port",
      description: "Port the application listens on.",
      range: [1, 65535],
    });
    const cpu = io.input({
      name: "cpu",
      type: "number",
      description: "Fargate CPU units.",
      default: 256,
      validation: [{ condition: condition.oneOf("var.cpu", CPU_SIZES), errorMessage: `cpu must be one of ${CPU_SIZES.join(", ")}.` }],
    }).numberValue;
    const memory = io.input({
      name: "memory",
      type: "number",
      description: "Memory in MiB, a size Fargate offers with cpu.",
      default: 512,
      validation: [
        {
          condition: `contains(lookup(${JSON.stringify(FARGATE_MEMORY_BY_CPU)}, tostring(var.cpu), []), var.memory)`,
          errorMessage: "memory must be a size Fargate offers with cpu (256: 512-2048; 512: 1024-4096; 1024: 2048-8192 MiB; see the Fargate task size table).",
        },
      ],
    }).numberValue;
    const minCapacity = io.integer({
      name: "min_capacity",
      description: "Tasks the service always runs.",
      default: 1,
      range: [0, 5000],
    });
    const maxCapacity = io.input({
      name: "max_capacity",
      type: "number",
      description: "Tasks autoscaling may run at most.",
      default: 2,
      validation: [{ condition: `${condition.integerIn("var.max_capacity", 1, 5000)} && var.max_capacity >= var.min_capacity`, errorMessage: "max_capacity must be an integer from 1 to 5000, at least min_capacity." }],
    }).numberValue;
    const cpuTargetPercent = io.input({
      name: "cpu_target_percent",
      type: "number",
      description: "Average CPU utilization (%) target tracking keeps.",
      default: 70,
      validation: [{ condition: "var.cpu_target_percent > 0 && var.cpu_target_percent <= 100", errorMessage: "cpu_target_percent must be above 0 and at most 100." }],
    }).numberValue;
    const cpuArchitecture = io.input({
      name: "cpu_architecture",
      type: "string",
      description: "CPU architecture of the tasks. ARM64 (Graviton) costs about 20% less; the image must be built for arm64 or be multi-arch.",
      default: "X86_64",
      validation: [
        { condition: condition.oneOf("var.cpu_architecture", FARGATE_CPU_ARCHITECTURES), errorMessage: `cpu_architecture must be one of ${FARGATE_CPU_ARCHITECTURES.join(", ")}.` },
        // AWS: "Fargate Spot only supports Linux tasks with the X86_64 architecture".
        { condition: 'var.cpu_architecture != "ARM64" || var.spot_weight == 0', errorMessage: "cpu_architecture ARM64 cannot run on Fargate Spot (X86_64 only): set spot_weight to 0, or use X86_64." },
      ],
    }).stringValue as CpuArchitecture;
    const onDemandBase = io.integer({ name: "on_demand_base", description: "Tasks that always run on on-demand FARGATE before the weights apply.", default: 0, range: [0, 100_000] });
    const onDemandWeight = io.integer({ name: "on_demand_weight", description: "Relative share of on-demand FARGATE beyond on_demand_base.", default: 1, range: [0, 1000] });
    const spotWeight = io.integer({
      name: "spot_weight",
      description: "Relative share of FARGATE_SPOT beyond on_demand_base (interruptible, about 70% cheaper; X86_64 tasks only).",
      default: 0,
      range: [0, 1000],
      validation: [{ condition: "var.on_demand_weight + var.spot_weight > 0", errorMessage: "on_demand_weight and spot_weight must not both be 0." }],
    });
    const workingHours = io.input({
      name: "working_hours_enabled",
      type: "bool",
      description:
        "Run no tasks outside working hours: at working_hours_end both bounds go to 0, at working_hours_start back to min_capacity and max_capacity " +
        "(two application-autoscaling scheduled actions). The scaling target ignores changes to its bounds either way: with the schedule the next " +
        "morning's action sets them, without it a change of min_capacity or max_capacity replaces the target and its policies.",
      default: false,
    }).booleanValue;
    const timezone = io.input({
      name: "working_hours_timezone",
      type: "string",
      description: "IANA time zone the working hours are read in (daylight saving time included), e.g. Europe/Berlin.",
      default: "UTC",
      validation: [
        { condition: 'can(regex("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$", var.working_hours_timezone))', errorMessage: "working_hours_timezone must be an IANA time zone name such as Europe/Berlin or UTC." },
      ],
    }).stringValue;
    io.input({
      name: "working_days",
      type: "string",
      description: "The days with working hours; the other days have no tasks.",
      default: "MON-FRI",
      validation: [{ condition: condition.oneOf("var.working_days", WORKING_DAYS), errorMessage: `working_days must be one of ${WORKING_DAYS.join(", ")}.` }],
    });
    io.integer({ name: "working_hours_start", description: "Hour of the day the tasks start (0-23).", default: 8, range: [0, 23] });
    io.integer({
      name: "working_hours_end",
      description: "Hour of the day the tasks stop (24: midnight).",
      default: 19,
      range: [1, 24],
      validation: [{ condition: "var.working_hours_end > var.working_hours_start", errorMessage: "working_hours_end must be after working_hours_start." }],
    });
    const targetGroupArn = io.input({ name: "target_group_arn", type: "string", description: "Target group (type ip) the tasks register in; its listener must exist (the alb module's output waits for it)." }).stringValue;
    const loadBalancerSecurityGroupId = io.input({ name: "load_balancer_security_group_id", type: "string", description: "The load balancer's security group: let in to port, and let out to it." }).stringValue;
    const boundary = optionalString(io, { name: "permissions_boundary_arn", description: "Permissions boundary of the task and execution roles; empty for none." });

    const cluster = new FargateCluster(scope, "cluster", { clusterName, capacity: { onDemandBase, onDemandWeight, spotWeight } });
    const service = new FargateService(scope, "service", {
      serviceName,
      cluster,
      vpcId,
      subnetIds,
      image: { tag: imageTag, maxImageCount },
      port,
      cpu,
      memory,
      cpuArchitecture,
      scaling: { minCapacity, maxCapacity, cpuTargetPercent },
      // The app's working hours (recipe-chatbot's scheduledScaleIn), read at plan time.
      scheduledCapacity: [
        { name: "scale-in", schedule: dailyCronOf("var.working_hours_end", "var.working_days"), timezone, minCapacity: 0, maxCapacity: 0 },
        { name: "scale-out", schedule: dailyCronOf("var.working_hours_start", "var.working_days"), timezone, minCapacity, maxCapacity },
      ],
      loadBalancer: { targetGroupArn, securityGroupId: loadBalancerSecurityGroupId },
      permissionsBoundaryArn: boundary,
    });

    gateSchedule(scope, service, workingHours, minCapacity, maxCapacity);

    io.output("cluster_name", "Name of the cluster.", cluster.clusterName);
    io.output("cluster_arn", "ARN of the cluster.", cluster.clusterArn);
    io.output("service_name", "Name of the service.", service.serviceName);
    io.output("repository_url", "URL of the ECR repository to push images to.", service.registry!.repositoryUrl);
    io.output("task_definition_family", "Family of the service's task definitions.", service.taskDefinitionFamily);
    io.output("task_role_arn", "ARN of the task role (the application's own permissions).", service.taskRoleArn);
    io.output("execution_role_arn", "ARN of the execution role (image pull, logs).", service.executionRoleArn);
    io.output("security_group_id", "The tasks' security group.", service.securityGroupId);
    io.output("log_group_name", "The service's log group.", service.logGroupName);
  },
};

/**
 * The schedule exists only with working hours on (count), but a lifecycle cannot depend on a variable:
 * the target always ignores its bounds (the construct's choice with a schedule). Without the schedule,
 * a change of the bounds replaces the target instead, and with it the policies and actions AWS
 * deletes when it deregisters the target. With it, the bounds reach AWS with the morning's action.
 */
function gateSchedule(scope: Construct, service: FargateService, enabled: IResolvable, minCapacity: number, maxCapacity: number): void {
  const { target, scheduledActions, policies } = service.scaling;
  for (const action of scheduledActions) action.count = Token.asNumber(Fn.conditional(enabled, 1, 0));
  const bounds = new DataResource(scope, "scaling-bounds", {
    triggersReplace: { bounds: Fn.conditional(enabled, "set by the scheduled actions", Fn.format("%d-%d", [minCapacity, maxCapacity])) },
  });
  target.lifecycle = { ...target.lifecycle, replaceTriggeredBy: [bounds] };
  for (const dependent of [...scheduledActions, ...policies]) dependent.lifecycle = { ...dependent.lifecycle, replaceTriggeredBy: [target] };
}
