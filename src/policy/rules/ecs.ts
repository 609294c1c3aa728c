/** ECS cluster, service, task-definition and container rules. */
import { FARGATE_MEMORY_BY_CPU } from "../../core/aws-limits";
import type { ContainerDefinition } from "../container-definitions";
import { Rule, RuleMetadata } from "../rule";
import { block, blocks, isExpression, isRecord, looksLikeSecretName, quote, strings, toNumber } from "../values";

export const clusterContainerInsights: Rule = {
  id: "RC-ECS-001",
  title: "ECS cluster has Container Insights on",
  description: "Container Insights provides the task-level metrics the alarms and dashboards rely on.",
  severity: "medium",
  references: ["CKV_AWS_65", "AVD-AWS-0034", "AwsSolutions-ECS4", "SecurityHub ECS.12"],
  resourceTypes: ["aws_ecs_cluster"],
  remediation: 'add setting { name = "containerInsights", value = "enabled" } (or "enhanced")',
  check: ({ resource }) =>
    blocks(resource.attributes.setting).some(
      (s) => s.name === "containerInsights" && (s.value === "enabled" || s.value === "enhanced"),
    )
      ? undefined
      : "containerInsights is not enabled",
};

/** What is wrong with a cluster's ECS Exec audit trail, or undefined when sessions are logged encrypted. */
function execAuditProblems(cluster: Record<string, unknown>): string[] {
  const exec = block(block(cluster.configuration)?.execute_command_configuration);
  if (!exec) return ["configures no ECS Exec session logging (configuration.execute_command_configuration)"];
  if (exec.logging !== "OVERRIDE") return [`execute_command_configuration.logging is ${quote(exec.logging ?? "DEFAULT")}, not "OVERRIDE" with an encrypted destination`];
  const log = block(exec.log_configuration);
  const problems: string[] = [];
  const cloudWatch = log?.cloud_watch_log_group_name !== undefined && log.cloud_watch_encryption_enabled === true;
  const s3 = log?.s3_bucket_name !== undefined && log.s3_bucket_encryption_enabled === true;
  if (!cloudWatch && !s3) problems.push("log_configuration sends sessions to no encrypted CloudWatch log group or S3 bucket");
  if (exec.kms_key_id === undefined) problems.push("execute_command_configuration has no kms_key_id (the session channel is not encrypted with a CMK)");
  return problems;
}

export const clusterExecLogging: Rule = {
  id: "RC-ECS-002",
  title: "ECS Exec sessions are logged, encrypted",
  description:
    "A shell in a task reaches whatever the task can (here: the API keys). Every session must be logged to an encrypted " +
    "destination, over a channel encrypted with a CMK, and a service may turn ECS Exec on only in such a cluster.",
  severity: "medium",
  references: ["CKV_AWS_223", "CKV_AWS_224", "AwsSolutions-ECS7"],
  resourceTypes: ["aws_ecs_cluster", "aws_ecs_service"],
  remediation:
    'set the cluster\'s configuration.execute_command_configuration { kms_key_id, logging = "OVERRIDE", log_configuration { ' +
    "cloud_watch_log_group_name, cloud_watch_encryption_enabled = true } } (FargateCluster executeCommand)",
  check: ({ resource, stack, cannotVerify }) => {
    if (resource.type === "aws_ecs_cluster") {
      // A cluster without any ECS Exec configuration is fine: no service in it can turn ECS Exec on.
      if (block(block(resource.attributes.configuration)?.execute_command_configuration) === undefined) return undefined;
      return execAuditProblems(resource.attributes);
    }
    if (resource.attributes.enable_execute_command !== true) return undefined;
    const cluster = stack.resolve(resource.attributes.cluster)?.target;
    if (!cluster || cluster.type !== "aws_ecs_cluster") {
      cannotVerify("enable_execute_command is true and the cluster is not in this stack");
      return undefined;
    }
    return execAuditProblems(cluster.attributes).map((problem) => `enable_execute_command is true, but cluster ${cluster.address} ${problem}`);
  },
};

export const serviceNoPublicIp: Rule = {
  id: "RC-ECS-003",
  title: "ECS service tasks get no public IP",
  description: "Tasks sit in private subnets behind the ALB; a public IP exposes them directly.",
  severity: "high",
  references: ["CKV_AWS_333", "SecurityHub ECS.2"],
  resourceTypes: ["aws_ecs_service"],
  remediation: "set network_configuration.assign_public_ip = false and use private subnets",
  check: ({ resource }) =>
    block(resource.attributes.network_configuration)?.assign_public_ip === true ? "assign_public_ip is true" : undefined,
};

export const serviceLatestPlatform: Rule = {
  id: "RC-ECS-004",
  title: "ECS service runs on the latest Fargate platform version",
  description: "Pinned platform versions stop receiving security patches.",
  severity: "low",
  references: ["CKV_AWS_332", "SecurityHub ECS.10"],
  resourceTypes: ["aws_ecs_service"],
  remediation: 'leave platform_version unset or set it to "LATEST"',
  check: ({ resource }) => {
    const version = resource.attributes.platform_version;
    return version === undefined || version === "LATEST" ? undefined : `platform_version is ${quote(version)}`;
  },
};

export const taskRolesDiffer: Rule = {
  id: "RC-ECS-005",
  title: "Task role and execution role differ",
  description:
    "The execution role pulls images and reads secrets for the agent; the application must not inherit those permissions.",
  severity: "high",
  references: ["CKV_AWS_249"],
  resourceTypes: ["aws_ecs_task_definition"],
  remediation: "give the task its own task_role_arn, separate from execution_role_arn",
  check: ({ resource: { attributes } }) =>
    attributes.task_role_arn !== undefined && attributes.task_role_arn === attributes.execution_role_arn
      ? `task_role_arn and execution_role_arn are both ${quote(attributes.task_role_arn)}`
      : undefined,
};

export const taskNotHostNetwork: Rule = {
  id: "RC-ECS-006",
  title: "Task definition does not use host networking",
  description: "Host networking bypasses task-level security groups; Fargate requires awsvpc.",
  severity: "high",
  references: ["SecurityHub ECS.1"],
  resourceTypes: ["aws_ecs_task_definition"],
  remediation: 'set network_mode = "awsvpc"',
  check: ({ resource }) => (resource.attributes.network_mode === "host" ? 'network_mode is "host"' : undefined),
};

export const taskNoHostPid: Rule = {
  id: "RC-ECS-007",
  title: "Task definition does not share the host's process namespace",
  description: "pid_mode host lets containers see and signal every process on the host.",
  severity: "high",
  references: ["CKV_AWS_335", "SecurityHub ECS.3"],
  resourceTypes: ["aws_ecs_task_definition"],
  remediation: 'remove pid_mode or set it to "task"',
  check: ({ resource }) => (resource.attributes.pid_mode === "host" ? 'pid_mode is "host"' : undefined),
};

export const containersInspectable: Rule = {
  id: "RC-ECS-008",
  title: "Container definitions are readable by the policy guard",
  description:
    "The container rules (RC-ECS-009 to 013) can only check definitions written as literal JSON or built with " +
    "encodeContainerDefinitions(); anything else would pass them unseen.",
  severity: "high",
  references: [],
  resourceTypes: ["aws_ecs_task_definition"],
  remediation:
    'build container_definitions with encodeContainerDefinitions(defs) from "src/policy" (a drop-in for Fn.jsonencode)',
  check: ({ resource, stack }) =>
    stack.containers(resource) ? undefined : "container_definitions cannot be read before plan",
};

/**
 * A rule over each container of a task definition. Task definitions whose containers cannot be
 * read are reported as unverifiable here and fail RC-ECS-008.
 */
function containerRule(
  metadata: RuleMetadata & { checkContainer(container: Partial<ContainerDefinition>): string | undefined },
): Rule {
  const { checkContainer, ...rest } = metadata;
  return {
    ...rest,
    resourceTypes: ["aws_ecs_task_definition"],
    check: ({ resource, stack, cannotVerify }) => {
      const containers = stack.containers(resource);
      if (!containers) {
        cannotVerify("container definitions are not readable (see RC-ECS-008)");
        return undefined;
      }
      return containers.filter(isRecord).flatMap((container: Partial<ContainerDefinition>) => {
        const problem = checkContainer(container);
        return problem ? [`container ${quote(container.name)} ${problem}`] : [];
      });
    },
  };
}

export const readOnlyRootFilesystem = containerRule({
  id: "RC-ECS-009",
  title: "Containers have a read-only root filesystem",
  description: "A writable root filesystem lets an attacker persist tools and modify the application.",
  severity: "medium",
  references: ["CKV_AWS_336", "SecurityHub ECS.5"],
  remediation: "set readonlyRootFilesystem: true and mount writable paths (e.g. /tmp) as volumes",
  checkContainer: (c) => (c.readonlyRootFilesystem === true ? undefined : "does not set readonlyRootFilesystem: true"),
});

export const notPrivileged = containerRule({
  id: "RC-ECS-010",
  title: "Containers are not privileged",
  description:
    "A privileged container has root on the host. checkov's CKV_AWS_334 reads the key `privilege` and so " +
    "misses the real `privileged` key; this rule reads `privileged`.",
  severity: "critical",
  references: ["CKV_AWS_334", "SecurityHub ECS.4"],
  remediation: "remove privileged (or set it to false)",
  checkContainer: (c) => (c.privileged === true ? "is privileged" : undefined),
});

/** root by name or uid 0, with or without a group. */
const ROOT_USER = /^(root|0)(:.*)?$/;

export const nonRootUser = containerRule({
  id: "RC-ECS-011",
  title: "Containers run as a non-root user",
  description: "Without `user` a container runs as the image's user, root for most images.",
  severity: "high",
  references: ["SecurityHub ECS.20", "SecurityHub ECS.1"],
  remediation: 'set user to a non-root uid:gid, e.g. "1000:1000"',
  checkContainer: ({ user }) => {
    if (typeof user !== "string" || user === "") return "does not set user";
    return ROOT_USER.test(user) ? `runs as ${quote(user)}` : undefined;
  },
});

export const containerLogging = containerRule({
  id: "RC-ECS-012",
  title: "Containers ship logs",
  description: "Without a log driver the container's output is lost when the task stops.",
  severity: "medium",
  references: ["AwsSolutions-ECS7", "SecurityHub ECS.9"],
  remediation: 'add logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": ..., "awslogs-region": ..., "awslogs-stream-prefix": ... } }',
  checkContainer: ({ logConfiguration }) =>
    typeof logConfiguration?.logDriver === "string" ? undefined : "has no logConfiguration.logDriver",
});

export const noSecretsInEnvironment = containerRule({
  id: "RC-ECS-013",
  title: "No secrets in container environment variables",
  description:
    "Environment values are stored in plain text in the task definition, readable with ecs:DescribeTaskDefinition.",
  severity: "critical",
  references: ["AVD-AWS-0036", "AwsSolutions-ECS2", "SecurityHub ECS.8"],
  remediation: "move the value to Secrets Manager or SSM SecureString and reference it under secrets: [{ name, valueFrom }]",
  checkContainer: ({ environment }) => {
    const names = (Array.isArray(environment) ? environment : [])
      .map((e) => (isRecord(e) ? String(e.name) : ""))
      .filter(looksLikeSecretName);
    return names.length > 0 ? `has secret-looking environment variable(s) ${names.join(", ")}` : undefined;
  },
});

export const fargateTaskSize: Rule = {
  id: "RC-ECS-014",
  title: "Fargate task cpu/memory is a valid pair",
  description: 'An invalid pair only fails at apply ("No Fargate configuration exists for given values").',
  severity: "medium",
  references: ["ECS docs: task CPU and memory"],
  resourceTypes: ["aws_ecs_task_definition"],
  remediation: 'use a pair from the Fargate table, e.g. cpu "256" with memory "512", or "512" with "1024"',
  check: ({ resource: { attributes }, cannotVerify }) => {
    if (!strings(attributes.requires_compatibilities).includes("FARGATE")) return undefined;
    if (isExpression(attributes.cpu) || isExpression(attributes.memory)) {
      cannotVerify("cpu or memory is an expression");
      return undefined;
    }
    const cpu = toNumber(attributes.cpu);
    const memory = toNumber(attributes.memory);
    return cpu !== undefined && memory !== undefined && FARGATE_MEMORY_BY_CPU[cpu]?.includes(memory)
      ? undefined
      : `cpu ${quote(attributes.cpu)} with memory ${quote(attributes.memory)} is not a Fargate size`;
  },
};

export const ECS_RULES: readonly Rule[] = [
  clusterContainerInsights,
  clusterExecLogging,
  serviceNoPublicIp,
  serviceLatestPlatform,
  taskRolesDiffer,
  taskNotHostNetwork,
  taskNoHostPid,
  containersInspectable,
  readOnlyRootFilesystem,
  notPrivileged,
  nonRootUser,
  containerLogging,
  noSecretsInEnvironment,
  fargateTaskSize,
];
