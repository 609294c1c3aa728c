import { FARGATE_MEMORY_BY_CPU } from "../../../src/core/aws-limits";
import { FargateCluster, FargateService } from "../../../src/modules/ecs-service";
import { condition, optionalString, type HclModuleSpec } from "./hcl-module";

const CPU_SIZES = Object.keys(FARGATE_MEMORY_BY_CPU).map(Number);

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
    const targetGroupArn = io.input({ name: "target_group_arn", type: "string", description: "Target group (type ip) the tasks register in; its listener must exist (the alb module's output waits for it)." }).stringValue;
    const loadBalancerSecurityGroupId = io.input({ name: "load_balancer_security_group_id", type: "string", description: "The load balancer's security group: let in to port, and let out to it." }).stringValue;
    const boundary = optionalString(io, { name: "permissions_boundary_arn", description: "Permissions boundary of the task and execution roles; empty for none." });

    const cluster = new FargateCluster(scope, "cluster", { clusterName });
    const service = new FargateService(scope, "service", {
      serviceName,
      cluster,
      vpcId,
      subnetIds,
      image: { tag: imageTag, maxImageCount },
      port,
      cpu,
      memory,
      scaling: { minCapacity, maxCapacity, cpuTargetPercent },
      loadBalancer: { targetGroupArn, securityGroupId: loadBalancerSecurityGroupId },
      permissionsBoundaryArn: boundary,
    });

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
