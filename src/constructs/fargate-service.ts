import { Construct } from "constructs";
import type { ITerraformDependable } from "cdktf";
import { AppautoscalingPolicy } from "@cdktf/provider-aws/lib/appautoscaling-policy";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { ServiceDiscoveryService } from "@cdktf/provider-aws/lib/service-discovery-service";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import type { AwsContext } from "../core/aws-context";
import { QUEUE_DEPTH_METRIC, type ServiceDefinition, type ServiceSizing } from "../config";
import { policyDocument, serviceTrustPolicy, type PolicyStatement } from "../core/iam";
import { imageTagParameterName, serviceRoleName, taskFamilyName } from "../core/naming";
import { encodeContainerDefinitions, type ContainerDefinition } from "../policy";
import type { CapacityProviderStrategyItem } from "./ecs-cluster";
import { EncryptedLogGroup } from "../blocks/encrypted-log-group";
import { otelAppEnvironment, otelCollectorSidecar, xrayTaskRoleStatement } from "./tracing";

/** A task-definition `secrets` entry: an environment variable filled from Secrets Manager or SSM. */
export interface ContainerSecret {
  readonly name: string;
  readonly valueFrom: string;
}


export interface FargateServiceProps {
  readonly aws: AwsContext;
  readonly namePrefix: string;
  /** Environment name, e.g. prod: scopes the image-tag parameter. */
  readonly environmentName: string;
  readonly service: ServiceDefinition;
  readonly sizing: ServiceSizing;
  readonly cluster: { readonly arn: string; readonly name: string; readonly capacityProviderStrategy: CapacityProviderStrategyItem[] };
  readonly network: { readonly subnetIds: string[]; readonly securityGroupId: string };
  readonly loadBalancer: { readonly targetGroupArn: string; readonly listener: ITerraformDependable };
  readonly registry: { readonly repositoryUrl: string; readonly repositoryArn: string };
  /** Service discovery namespace the service registers in as `<service name>.<namespace>`. */
  readonly namespaceId: string;
  /** Image tag the service starts with; the delivery pipeline owns it afterwards (see README "Delivery"). */
  readonly initialImageTag: string;
  readonly logs: { readonly retentionInDays: number; readonly kmsKeyArn: string };
  /** Plain environment variables (never secrets: the policy guard rejects secret-looking names). */
  readonly environment: Record<string, string>;
  /** Variables filled from Secrets Manager / SSM at task start. */
  readonly secrets?: readonly ContainerSecret[];
  /** What the execution role needs to resolve `secrets` (read those secrets and parameters, decrypt). */
  readonly secretReadStatements?: readonly PolicyStatement[];
  /** Permissions of the application itself. */
  readonly taskRoleStatements: PolicyStatement[];
  /** Run an OpenTelemetry collector beside the app, exporting traces to X-Ray. */
  readonly tracing?: boolean;
  /** Permissions boundary both roles carry (the bootstrap stack's workload boundary). */
  readonly permissionsBoundaryArn: string;
}

/** ECS's own deployment defaults are 100/200 too, but the guide pins them: keep them explicit. */
const DEPLOYMENT = { maximumPercent: 200, minimumHealthyPercent: 100 };

/** Container health check timing: unhealthy after 3 failures 30 s apart, 60 s to boot. */
const CONTAINER_HEALTH_CHECK = { interval: 30, timeout: 5, retries: 3, startPeriod: 60 };

/** Writable scratch space for a container with a read-only root filesystem. */
const SCRATCH_VOLUME = { name: "tmp", containerPath: "/tmp" };

/** Cloud Map answers with task IPs; a short TTL keeps clients off stopped tasks. */
const DISCOVERY_TTL_SECONDS = 10;

/**
 * One application service on Fargate, written once and used for the backend and the frontend:
 * log group, execution and task roles, task definition, service behind the ALB target group,
 * Cloud Map registration and target-tracking autoscaling.
 */
export class FargateService extends Construct {
  readonly serviceName: string;
  readonly taskDefinitionFamily: string;
  readonly taskRoleArn: string;
  readonly executionRoleArn: string;
  readonly logGroupName: string;
  readonly imageTagParameterName: string;
  private readonly permissionsBoundaryArn: string;
  /** The container definitions as objects (rendered into the task definition with jsonencode). */
  readonly containerDefinitions: readonly ContainerDefinition[];

  constructor(scope: Construct, id: string, props: FargateServiceProps) {
    super(scope, id);
    const { aws, service, sizing } = props;
    this.permissionsBoundaryArn = props.permissionsBoundaryArn;
    const resourceName = taskFamilyName(props.environmentName, service.name);

    const logGroup = new EncryptedLogGroup(this, "logs", {
      name: service.logGroupName,
      retentionInDays: props.logs.retentionInDays,
      kmsKeyArn: props.logs.kmsKeyArn,
    });

    // The pipeline writes the released tag here; Terraform reads it back on every plan (ignore_changes
    // keeps Terraform from resetting it), so a deploy never shows up as drift. README "Delivery".
    const imageTag = new SsmParameter(this, "image-tag", {
      name: imageTagParameterName(props.environmentName, service.name),
      type: "String",
      insecureValue: props.initialImageTag,
      description: `Image tag of ${service.repositoryName} that ${resourceName} runs; written by the delivery pipeline`,
      lifecycle: { ignoreChanges: ["insecure_value"] },
    });

    const executionRole = this.role("execution-role", serviceRoleName(props.environmentName, service.name, "execution"), aws, [
      { sid: "EcrAuth", effect: "Allow", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
      {
        sid: "PullOwnImages",
        effect: "Allow",
        actions: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
        resources: [props.registry.repositoryArn],
      },
      { sid: "WriteOwnLogs", effect: "Allow", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [`${logGroup.arn}:log-stream:*`] },
      ...(props.secretReadStatements ?? []),
    ]);
    const taskRole = this.role("task-role", serviceRoleName(props.environmentName, service.name, "task"), aws, [
      ...props.taskRoleStatements,
      ...(props.tracing ? [xrayTaskRoleStatement()] : []),
    ]);

    const appContainer: ContainerDefinition = {
      name: service.name,
      image: `${props.registry.repositoryUrl}:${imageTag.insecureValue}`,
      essential: true,
      user: service.user,
      readonlyRootFilesystem: true,
      privileged: false,
      portMappings: [{ containerPort: service.port, protocol: "tcp" }],
      environment: [
        ...Object.entries(props.environment).map(([name, value]) => ({ name, value })),
        ...(props.tracing ? otelAppEnvironment() : []),
      ],
      secrets: [...(props.secrets ?? [])],
      mountPoints: [{ sourceVolume: SCRATCH_VOLUME.name, containerPath: SCRATCH_VOLUME.containerPath, readOnly: false }],
      healthCheck: { command: service.healthCheckCommand, ...CONTAINER_HEALTH_CHECK },
      logConfiguration: {
        logDriver: "awslogs",
        options: { "awslogs-group": logGroup.name, "awslogs-region": aws.region, "awslogs-stream-prefix": service.name },
      },
    };
    const sidecars = props.tracing ? [otelCollectorSidecar({ logGroupName: logGroup.name, region: aws.region })] : [];
    this.containerDefinitions = [appContainer, ...sidecars];
    const taskDefinition = new EcsTaskDefinition(this, "task-definition", {
      family: resourceName,
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: String(sizing.cpu),
      memory: String(sizing.memory),
      executionRoleArn: executionRole.arn,
      taskRoleArn: taskRole.arn,
      runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
      volume: [{ name: SCRATCH_VOLUME.name }],
      // jsonencode (not JSON.stringify: the definitions carry tokens, which only jsonencode renders
      // correctly in HCL too), through the policy guard's encoder so its container rules can read them.
      containerDefinitions: encodeContainerDefinitions(this.containerDefinitions),
      // Read the family's newest revision: the one the pipeline registered after a deploy.
      trackLatest: true,
    });

    const discovery = new ServiceDiscoveryService(this, "discovery", {
      name: service.name,
      dnsConfig: {
        namespaceId: props.namespaceId,
        dnsRecords: [{ type: "A", ttl: DISCOVERY_TTL_SECONDS }],
        routingPolicy: "MULTIVALUE",
      },
    });

    const ecsService = new EcsService(this, "service", {
      name: service.repositoryName,
      cluster: props.cluster.arn,
      taskDefinition: taskDefinition.arn,
      desiredCount: sizing.scaling.minCapacity,
      capacityProviderStrategy: props.cluster.capacityProviderStrategy,
      platformVersion: "LATEST",
      deploymentMaximumPercent: DEPLOYMENT.maximumPercent,
      deploymentMinimumHealthyPercent: DEPLOYMENT.minimumHealthyPercent,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      healthCheckGracePeriodSeconds: sizing.healthCheckGracePeriodSeconds,
      networkConfiguration: { subnets: props.network.subnetIds, securityGroups: [props.network.securityGroupId], assignPublicIp: false },
      loadBalancer: [{ targetGroupArn: props.loadBalancer.targetGroupArn, containerName: service.name, containerPort: service.port }],
      serviceRegistries: { registryArn: discovery.arn },
      propagateTags: "SERVICE",
      enableExecuteCommand: false,
      // The target group must belong to a listener before a service can register into it.
      dependsOn: [props.loadBalancer.listener],
      // Autoscaling owns the running count after the first apply.
      lifecycle: { ignoreChanges: ["desired_count"] },
    });

    this.autoscaling(props, ecsService);

    this.serviceName = ecsService.name;
    this.taskDefinitionFamily = taskDefinition.family;
    this.taskRoleArn = taskRole.arn;
    this.executionRoleArn = executionRole.arn;
    this.logGroupName = logGroup.name;
    this.imageTagParameterName = imageTag.name;

  }

  /** A role ECS tasks of this account assume, with one inline policy (none when `statements` is empty). */
  private role(id: string, name: string, aws: AwsContext, statements: PolicyStatement[]): IamRole {
    const trust = serviceTrustPolicy(this, `${id}-trust`, "ecs-tasks.amazonaws.com", [
      { test: "StringEquals", variable: "aws:SourceAccount", values: [aws.accountId] },
      { test: "ArnLike", variable: "aws:SourceArn", values: [`arn:${aws.partition}:ecs:${aws.region}:${aws.accountId}:*`] },
    ]);
    const role = new IamRole(this, id, { name, assumeRolePolicy: trust.json, permissionsBoundary: this.permissionsBoundaryArn });
    if (statements.length > 0) {
      const policy = policyDocument(this, `${id}-policy-document`, statements);
      new IamRolePolicy(this, `${id}-policy`, { name, role: role.id, policy: policy.json });
    }
    return role;
  }

  private autoscaling(props: FargateServiceProps, service: EcsService): void {
    const { scaling } = props.sizing;
    const target = new AppautoscalingTarget(this, "scaling-target", {
      serviceNamespace: "ecs",
      resourceId: `service/${props.cluster.name}/${service.name}`,
      scalableDimension: "ecs:service:DesiredCount",
      minCapacity: scaling.minCapacity,
      maxCapacity: scaling.maxCapacity,
    });
    const cooldowns = { scaleOutCooldown: scaling.scaleOutCooldownSeconds, scaleInCooldown: scaling.scaleInCooldownSeconds };
    const policy = (name: string, targetValue: number, metric: Record<string, unknown>) =>
      new AppautoscalingPolicy(this, `scale-on-${name}`, {
        name: `${props.namePrefix}-${props.service.name}-${name}`,
        policyType: "TargetTrackingScaling",
        serviceNamespace: target.serviceNamespace,
        resourceId: target.resourceId,
        scalableDimension: target.scalableDimension,
        targetTrackingScalingPolicyConfiguration: { targetValue, ...cooldowns, ...metric },
      });
    policy("cpu", scaling.cpuTargetPercent, { predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" } });
    if (scaling.memoryTargetPercent !== undefined) {
      policy("memory", scaling.memoryTargetPercent, { predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageMemoryUtilization" } });
    }
    if (scaling.queueDepthTarget !== undefined) {
      policy("queue-depth", scaling.queueDepthTarget, {
        customizedMetricSpecification: {
          namespace: QUEUE_DEPTH_METRIC.namespace,
          metricName: QUEUE_DEPTH_METRIC.metricName,
          statistic: "Average",
          dimensions: Object.entries(QUEUE_DEPTH_METRIC.dimensions).map(([name, value]) => ({ name, value })),
        },
      });
    }
  }
}
