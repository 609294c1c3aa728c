import { Construct } from "constructs";
import { Token, type ITerraformDependable } from "cdktf";
import { AppautoscalingPolicy } from "@cdktf/provider-aws/lib/appautoscaling-policy";
import { AppautoscalingScheduledAction } from "@cdktf/provider-aws/lib/appautoscaling-scheduled-action";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { ServiceDiscoveryService } from "@cdktf/provider-aws/lib/service-discovery-service";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { EncryptedLogGroup } from "../../blocks/encrypted-log-group";
import { awsContextOf, type AwsContext } from "../../core/aws-context";
import { FARGATE_CPU_ARCHITECTURES, FARGATE_MEMORY_BY_CPU } from "../../core/aws-limits";
import { policyDocument, serviceTrustPolicy, type PolicyStatement } from "../../core/iam";
import { check, checkInteger, checkOneOf } from "../../core/props";
import { encodeContainerDefinitions, type ContainerDefinition } from "../../policy/container-definitions";
import { capacityProviderStrategy, type ClusterReference, type ExecuteCommandAudit, type FargateCapacity } from "./fargate-cluster";
import { ContainerRegistry, type RepositoryReference } from "./container-registry";
import { BlueGreenDeployment, type BlueGreenRoute } from "./blue-green-deployment";
import type { CodeDeployApplicationReference } from "./codedeploy-application";
import { otelAppEnvironment, otelCollectorSidecar, xrayTaskRoleStatement } from "./otel-collector";

/** Fargate's CPU architectures (runtime_platform.cpu_architecture). */
export type CpuArchitecture = (typeof FARGATE_CPU_ARCHITECTURES)[number];

/** A task-definition `secrets` entry: an environment variable filled from Secrets Manager or SSM. */
export interface ContainerSecret {
  /** The environment variable's name. */
  readonly name: string;
  /** ARN of the secret (optionally with :json-key::) or of the SSM parameter. */
  readonly valueFrom: string;
}

/** Where the service's image comes from. */
export interface ServiceImage {
  /** An existing repository. @default a new ContainerRegistry named `repositoryName` */
  readonly repository?: RepositoryReference;
  /** Name of the repository the service creates (not with `repository`). @default the service name */
  readonly repositoryName?: string;
  /** Images the created repository keeps (not with `repository`). @default 30 */
  readonly maxImageCount?: number;
  /** Tag the service starts with. Required: a task definition needs an image. */
  readonly tag: string;
  /**
   * An SSM parameter holding the tag: the delivery pipeline writes each release's tag there and
   * Terraform reads it back on every plan, so a release never shows up as drift.
   * @default none (the tag is fixed in the task definition; a release is a Terraform change)
   */
  readonly tagParameterName?: string;
}

/** Target-tracking scaling on one CloudWatch metric the application publishes. */
export interface CustomScalingMetric {
  /** Part of the scaling policy's name (<resourceNamePrefix>-<name>). */
  readonly name: string;
  /** CloudWatch namespace of the metric, e.g. Shop/Queue. */
  readonly namespace: string;
  /** The metric's name, e.g. QueueDepth. */
  readonly metricName: string;
  /** Dimensions the metric is published with. @default {} */
  readonly dimensions?: Readonly<Record<string, string>>;
  /** Statistic the policy tracks. @default "Average" */
  readonly statistic?: string;
  /** Value per task the policy keeps the metric at. */
  readonly target: number;
}

export interface ServiceScaling {
  /** Tasks always running; also the first desired count. @default 1 */
  readonly minCapacity?: number;
  /** Most tasks autoscaling may run. @default minCapacity */
  readonly maxCapacity?: number;
  /** Average CPU utilization (%) target tracking keeps. @default 70 */
  readonly cpuTargetPercent?: number;
  /** Average memory utilization (%) target tracking keeps. @default none (CPU only) */
  readonly memoryTargetPercent?: number;
  /** More target-tracking policies, e.g. on queue depth. @default [] */
  readonly customMetrics?: readonly CustomScalingMetric[];
  /** Seconds after a scale-out before another. @default 60 */
  readonly scaleOutCooldownSeconds?: number;
  /** Seconds after a scale-in before another. @default 300 */
  readonly scaleInCooldownSeconds?: number;
}

/**
 * Autoscaling bounds set on a schedule (an application-autoscaling scheduled action), e.g. none outside
 * working hours and the usual ones again in the morning.
 */
export interface ScheduledCapacity {
  /** Part of the action's name (<resourceNamePrefix>-<name>). */
  readonly name: string;
  /** When: an application-autoscaling schedule, e.g. cron(0 19 ? * MON-FRI *). */
  readonly schedule: string;
  /** IANA time zone the schedule is read in. @default "UTC" */
  readonly timezone?: string;
  /** The minimum from then on (0 with maxCapacity 0 stops every task). */
  readonly minCapacity: number;
  /** The maximum from then on. */
  readonly maxCapacity: number;
}

/** A service's autoscaling resources, for escape-hatch overrides (the HCL module gates the schedule with `count`). */
export interface ServiceAutoscaling {
  readonly target: AppautoscalingTarget;
  /** One per `scheduledCapacity` entry, in order. */
  readonly scheduledActions: readonly AppautoscalingScheduledAction[];
  /** The target-tracking policies: CPU, then memory, then the custom metrics. */
  readonly policies: readonly AppautoscalingPolicy[];
}

/** The load balancer a service registers its tasks with (an ApplicationLoadBalancer target provides it). */
export interface ServiceLoadBalancer {
  /** Target group the tasks register in (target type ip). */
  readonly targetGroupArn: string;
  /**
   * The listener forwarding to the group: the service waits for it (ECS refuses a group without one).
   * @default none: `targetGroupArn` itself must become known only once a listener forwards to it (as
   * the HCL alb module's output does)
   */
  readonly listener?: ITerraformDependable;
  /** The load balancer's security group: let in to the tasks' port, and let out to it. */
  readonly securityGroupId: string;
  /** The listeners and target groups blue/green releases shift traffic between (needed by `blueGreen`). @default none */
  readonly blueGreen?: BlueGreenRoute;
}

/** Blue/green releases through CodeDeploy instead of ECS rolling deployments. */
export interface ServiceBlueGreen {
  /** The CodeDeploy application (compute platform ECS) of the service's deployment group. */
  readonly application: CodeDeployApplicationReference;
  /** The deployment group's name. @default serviceName */
  readonly deploymentGroupName?: string;
  /** How traffic moves to the new tasks (a CodeDeployDefault.ECS... configuration). @default "CodeDeployDefault.ECSAllAtOnce" */
  readonly deploymentConfigName?: string;
  /** Minutes the old tasks keep running after the shift. @default 5 */
  readonly terminationWaitMinutes?: number;
  /** Permissions boundary of the CodeDeploy role (it must allow ECS task sets and listener changes). @default no boundary */
  readonly permissionsBoundaryArn?: string;
}

export interface ServiceLogs {
  /** The log group's name. @default /aws/ecs/<serviceName> */
  readonly logGroupName?: string;
  /** Days the events are kept. @default 30 */
  readonly retentionInDays?: number;
  /** Customer-managed key of the log group. @default a new key for this log group */
  readonly kmsKeyArn?: string;
}

export interface FargateServiceProps {
  /** ECS service name. Required: deployments, alarms and dashboards address the service by it. */
  readonly serviceName: string;
  /**
   * Prefix of the task family (<prefix>), the IAM roles (<prefix>-task, <prefix>-execution), the
   * security group and the scaling policies. IAM names are account-wide: include the environment
   * when several environments share an account.
   * @default serviceName
   */
  readonly resourceNamePrefix?: string;
  /** The application container's name, also its Cloud Map record. @default "app" */
  readonly containerName?: string;
  /** The cluster: a FargateCluster, or an existing cluster's attributes. Required. */
  readonly cluster: ClusterReference;
  /** VPC of the service's security group. Required. */
  readonly vpcId: string;
  /** Subnets the tasks run in. Required. */
  readonly subnetIds: string[];
  /**
   * Give each task a public IP, for tasks in public subnets that reach the internet without NAT. Their
   * security group still admits only what `allowFrom` and the load balancer allow.
   * @default false (tasks in private subnets, out through NAT or endpoints)
   */
  readonly assignPublicIp?: boolean;
  /** The image. Required. */
  readonly image: ServiceImage;
  /** The tasks' security group. @default named <resourceNamePrefix>, described "<serviceName> tasks" */
  readonly securityGroup?: { readonly name?: string; readonly description?: string };
  /** What the tasks reach over HTTPS (the description of their one egress rule to anywhere). @default "HTTPS to AWS APIs and the internet" */
  readonly httpsEgressDescription?: string;
  /** Port the application listens on. @default none (a worker that serves no traffic) */
  readonly port?: number;
  /** Non-root user the container runs as (uid:gid), matching the image's USER. @default the image's USER */
  readonly user?: string;
  /** Container health check command (exec form, e.g. ["CMD", "python", "-c", "..."]). @default none */
  readonly healthCheckCommand?: string[];
  /** Fargate CPU units (256, 512, 1024, ...). @default 256 */
  readonly cpu?: number;
  /** Memory in MiB, one Fargate offers with `cpu`. @default 512 */
  readonly memory?: number;
  /**
   * CPU architecture of the tasks. ARM64 (Graviton) costs about 20% less per vCPU and GB; the image
   * (every container's, sidecars included) must be built for arm64 or be multi-arch. @default "X86_64"
   */
  readonly cpuArchitecture?: CpuArchitecture;
  /** Autoscaling bounds and targets. @default one task, CPU target 70% */
  readonly scaling?: ServiceScaling;
  /**
   * Bounds that change on a schedule, e.g. scale to zero in the evening and back in the morning. The
   * scaling target then ignores changes to its bounds (the actions own them): changed `scaling` bounds
   * reach AWS with the next action that sets them.
   * @default [] (the `scaling` bounds at all hours)
   */
  readonly scheduledCapacity?: readonly ScheduledCapacity[];
  /**
   * This service's own on-demand and Spot split, instead of the cluster's default strategy. Fargate
   * Spot runs X86_64 tasks only: an ARM64 service needs one without Spot.
   * @default the cluster's strategy
   */
  readonly capacity?: FargateCapacity;
  /** Register the tasks with a load balancer target group. @default not behind a load balancer */
  readonly loadBalancer?: ServiceLoadBalancer;
  /** Seconds ECS ignores failing load balancer health checks of a new task (only with `loadBalancer`). @default 60 */
  readonly healthCheckGracePeriodSeconds?: number;
  /** Register `<containerName>.<namespace>` in the cluster's Cloud Map namespace. @default false */
  readonly serviceDiscovery?: boolean;
  /** The log group. @default /aws/ecs/<serviceName>, 30 days, a new key */
  readonly logs?: ServiceLogs;
  /** Plain environment variables (never secrets: the policy guard rejects secret-looking names). @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** Variables filled from Secrets Manager / SSM at task start. @default [] */
  readonly secrets?: readonly ContainerSecret[];
  /** What the execution role needs to resolve `secrets` (read them, decrypt). @default [] */
  readonly secretReadStatements?: readonly PolicyStatement[];
  /** Permissions of the application itself (the task role's inline policy). @default [] */
  readonly taskRoleStatements?: readonly PolicyStatement[];
  /** Run an OpenTelemetry collector beside the app, exporting traces to X-Ray. @default false */
  readonly tracing?: boolean;
  /**
   * Alarms (names) that roll a deployment back when they fire during it (ECS deployment alarms, with
   * rollback), e.g. DeploymentAlarms' per-target-group error rate and response time.
   * @default none (the circuit breaker alone)
   */
  readonly deploymentAlarms?: readonly string[];
  /**
   * Release through CodeDeploy blue/green (the CODE_DEPLOY deployment controller) instead of rolling:
   * a deployment group that shifts traffic between `loadBalancer.blueGreen`'s target groups, rolling
   * back on failure and on `deploymentAlarms`. Terraform then leaves the task definition and the load
   * balancer of the service to CodeDeploy.
   * @default rolling deployments (the ECS controller, with the circuit breaker)
   */
  readonly blueGreen?: ServiceBlueGreen;
  /**
   * Turn ECS Exec on: `aws ecs execute-command` into the tasks, every session logged by the cluster
   * (its `executeCommand` audit is required) and the task role allowed the SSM channels.
   * @default false
   */
  readonly executeCommand?: boolean;
  /** Permissions boundary both roles carry. @default no boundary */
  readonly permissionsBoundaryArn?: string;
  /** Account, partition and region. @default looked up with data sources in this construct */
  readonly aws?: AwsContext;
}

/** ECS's own deployment defaults are 100/200 too, but keep them explicit: they decide availability during a release. */
const DEPLOYMENT = { maximumPercent: 200, minimumHealthyPercent: 100 };

/** Container health check timing: unhealthy after 3 failures 30 s apart, 60 s to boot. */
const CONTAINER_HEALTH_CHECK = { interval: 30, timeout: 5, retries: 3, startPeriod: 60 };

/** Writable scratch space for a container with a read-only root filesystem. */
const SCRATCH_VOLUME = { name: "tmp", containerPath: "/tmp" };

/** Cloud Map answers with task IPs; a short TTL keeps clients off stopped tasks. */
const DISCOVERY_TTL_SECONDS = 10;

const HTTPS_ANYWHERE = { port: 443, cidr: "0.0.0.0/0" };

/**
 * What the SSM agent in a task needs for ECS Exec: the session channels, and writing the session log
 * to the cluster's encrypted group (DescribeLogGroups has no resource-level permissions).
 */
function executeCommandStatements(audit: ExecuteCommandAudit): PolicyStatement[] {
  return [
    {
      sid: "ExecSessionChannels",
      effect: "Allow",
      actions: ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"],
      resources: ["*"],
    },
    { sid: "ExecFindSessionLog", effect: "Allow", actions: ["logs:DescribeLogGroups"], resources: ["*"] },
    {
      sid: "ExecWriteSessionLog",
      effect: "Allow",
      actions: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
      resources: [audit.logGroupArn, `${audit.logGroupArn}:log-stream:*`],
    },
    { sid: "ExecSessionKey", effect: "Allow", actions: ["kms:Decrypt"], resources: [audit.kmsKeyArn] },
  ];
}

/** A number as the string attribute ECS wants; a number token (a Terraform variable) stays a reference. */
const numberText = (value: number): string => (Token.isUnresolved(value) ? Token.asString(value) : String(value));

/**
 * One application service on Fargate: log group, execution and task roles, security group, task
 * definition with a read-only root filesystem, rolling deployments with the circuit breaker (or
 * CodeDeploy blue/green), target-tracking autoscaling, and optionally a load balancer target, Cloud
 * Map registration, an image-tag parameter for pipeline-driven releases and an X-Ray tracing sidecar.
 */
export class FargateService extends Construct {
  readonly serviceName: string;
  readonly taskDefinitionFamily: string;
  readonly taskRoleArn: string;
  readonly executionRoleArn: string;
  readonly logGroupName: string;
  readonly securityGroupId: string;
  /** The SSM parameter holding the released tag, when `image.tagParameterName` is set. */
  readonly imageTagParameterName?: string;
  /** The repository the service created, when `image.repository` is not given. */
  readonly registry?: ContainerRegistry;
  /** The container definitions as objects (rendered into the task definition with jsonencode). */
  readonly containerDefinitions: readonly ContainerDefinition[];
  /** Tasks the service always runs (scaling.minCapacity). */
  readonly minCapacity: number;
  /** The underlying resources, for escape-hatch overrides. */
  readonly service: EcsService;
  readonly taskDefinition: EcsTaskDefinition;
  readonly securityGroup: SecurityGroup;
  /** The CodeDeploy deployment group and its role, with `blueGreen`. */
  readonly blueGreenDeployment?: BlueGreenDeployment;
  /** The autoscaling target, its `scheduledCapacity` actions (in order) and its target-tracking policies. */
  readonly scaling: ServiceAutoscaling;
  private readonly port?: number;
  private readonly prefix: string;
  /** The container name: how rule descriptions name the service. */
  private readonly label: string;

  constructor(scope: Construct, id: string, props: FargateServiceProps) {
    super(scope, id);
    const aws = awsContextOf(this, props.aws);
    this.prefix = props.resourceNamePrefix ?? props.serviceName;
    this.port = props.port;
    const containerName = props.containerName ?? "app";
    this.label = containerName;
    const { cpu, memory } = this.checkSize(props);
    const cpuArchitecture = props.cpuArchitecture ?? "X86_64";
    checkOneOf(this, "cpuArchitecture", cpuArchitecture, FARGATE_CPU_ARCHITECTURES);
    const scaling = this.checkScaling(props.scaling ?? {});
    this.minCapacity = scaling.minCapacity;
    this.checkWiring(props);
    const strategy = props.capacity ? capacityProviderStrategy(this, props.capacity) : props.cluster.capacityProviderStrategy;
    // AWS: "Fargate Spot only supports Linux tasks with the X86_64 architecture".
    check(
      this,
      cpuArchitecture !== "ARM64" || !(strategy ?? []).some((item) => item.capacityProvider === "FARGATE_SPOT" && item.weight > 0),
      props.capacity ? "capacity" : "cpuArchitecture",
      "ARM64 tasks cannot run on Fargate Spot (X86_64 only): give the service a capacity without Spot (spotWeight 0) or use X86_64",
    );

    const logGroup = new EncryptedLogGroup(this, "logs", {
      aws,
      name: props.logs?.logGroupName ?? `/aws/ecs/${props.serviceName}`,
      retentionInDays: props.logs?.retentionInDays ?? 30,
      kmsKeyArn: props.logs?.kmsKeyArn,
    });
    this.registry = this.createRegistry(props);
    const repository = props.image.repository ?? this.registry!;
    const tagParameter = this.createTagParameter(props.image, props.image.repository ? "the image" : (props.image.repositoryName ?? props.serviceName));
    this.imageTagParameterName = tagParameter?.name;
    const tag = tagParameter?.insecureValue ?? props.image.tag;

    const executionRole = this.role("execution-role", `${this.prefix}-execution`, aws, props.permissionsBoundaryArn, [
      { sid: "EcrAuth", effect: "Allow", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
      {
        sid: "PullOwnImages",
        effect: "Allow",
        actions: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
        resources: [repository.repositoryArn],
      },
      { sid: "WriteOwnLogs", effect: "Allow", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [`${logGroup.arn}:log-stream:*`] },
      ...(props.secretReadStatements ?? []),
    ]);
    const taskRole = this.role("task-role", `${this.prefix}-task`, aws, props.permissionsBoundaryArn, [
      ...(props.taskRoleStatements ?? []),
      ...(props.tracing ? [xrayTaskRoleStatement()] : []),
      ...(props.executeCommand ? executeCommandStatements(props.cluster.executeCommand!) : []),
    ]);

    const appContainer: ContainerDefinition = {
      name: containerName,
      image: `${repository.repositoryUrl}:${tag}`,
      essential: true,
      user: props.user,
      readonlyRootFilesystem: true,
      privileged: false,
      portMappings: props.port === undefined ? [] : [{ containerPort: props.port, protocol: "tcp" }],
      environment: [
        ...Object.entries(props.environment ?? {}).map(([name, value]) => ({ name, value })),
        ...(props.tracing ? otelAppEnvironment() : []),
      ],
      secrets: [...(props.secrets ?? [])],
      mountPoints: [{ sourceVolume: SCRATCH_VOLUME.name, containerPath: SCRATCH_VOLUME.containerPath, readOnly: false }],
      healthCheck: props.healthCheckCommand ? { command: props.healthCheckCommand, ...CONTAINER_HEALTH_CHECK } : undefined,
      logConfiguration: {
        logDriver: "awslogs",
        options: { "awslogs-group": logGroup.name, "awslogs-region": aws.region, "awslogs-stream-prefix": containerName },
      },
    };
    const sidecars = props.tracing ? [otelCollectorSidecar({ logGroupName: logGroup.name, region: aws.region })] : [];
    this.containerDefinitions = [appContainer, ...sidecars];
    this.taskDefinition = new EcsTaskDefinition(this, "task-definition", {
      family: this.prefix,
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: numberText(cpu),
      memory: numberText(memory),
      executionRoleArn: executionRole.arn,
      taskRoleArn: taskRole.arn,
      runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture },
      volume: [{ name: SCRATCH_VOLUME.name }],
      // jsonencode (not JSON.stringify: the definitions carry tokens, which only jsonencode renders
      // correctly in HCL too), through the policy guard's encoder so its container rules can read them.
      containerDefinitions: encodeContainerDefinitions(this.containerDefinitions),
      // Read the family's newest revision: the one a pipeline registered after a release.
      trackLatest: true,
    });

    const groupName = props.securityGroup?.name ?? this.prefix;
    this.securityGroup = new SecurityGroup(this, "security-group", {
      name: groupName,
      description: props.securityGroup?.description ?? `${props.serviceName} tasks`,
      vpcId: props.vpcId,
      tags: { Name: groupName },
    });
    new VpcSecurityGroupEgressRule(this, "https-out", {
      securityGroupId: this.securityGroup.id,
      description: props.httpsEgressDescription ?? "HTTPS to AWS APIs and the internet",
      ipProtocol: "tcp",
      fromPort: HTTPS_ANYWHERE.port,
      toPort: HTTPS_ANYWHERE.port,
      cidrIpv4: HTTPS_ANYWHERE.cidr,
    });
    if (props.loadBalancer) this.allowFromLoadBalancer(props.loadBalancer.securityGroupId);

    const discovery = props.serviceDiscovery
      ? new ServiceDiscoveryService(this, "discovery", {
          name: containerName,
          dnsConfig: {
            namespaceId: props.cluster.namespaceId!,
            dnsRecords: [{ type: "A", ttl: DISCOVERY_TTL_SECONDS }],
            routingPolicy: "MULTIVALUE",
          },
        })
      : undefined;

    const loadBalancer = props.loadBalancer;
    const blueGreen = props.blueGreen;
    this.service = new EcsService(this, "service", {
      name: props.serviceName,
      cluster: props.cluster.clusterArn,
      taskDefinition: this.taskDefinition.arn,
      desiredCount: scaling.minCapacity,
      capacityProviderStrategy: strategy ? [...strategy] : undefined,
      platformVersion: "LATEST",
      ...(blueGreen ? { deploymentController: { type: "CODE_DEPLOY" } } : this.rollingDeployments(props.deploymentAlarms)),
      healthCheckGracePeriodSeconds: loadBalancer ? (props.healthCheckGracePeriodSeconds ?? 60) : undefined,
      networkConfiguration: { subnets: props.subnetIds, securityGroups: [this.securityGroup.id], assignPublicIp: props.assignPublicIp ?? false },
      loadBalancer: loadBalancer ? [{ targetGroupArn: loadBalancer.targetGroupArn, containerName, containerPort: props.port! }] : undefined,
      serviceRegistries: discovery ? { registryArn: discovery.arn } : undefined,
      propagateTags: "SERVICE",
      enableExecuteCommand: props.executeCommand ?? false,
      // The target group must belong to a listener before a service can register into it.
      dependsOn: loadBalancer?.listener ? [loadBalancer.listener] : undefined,
      // Autoscaling owns the running count after the first apply; with blue/green, CodeDeploy owns the
      // running revision and which of the two target groups is live.
      lifecycle: { ignoreChanges: blueGreen ? ["desired_count", "task_definition", "load_balancer"] : ["desired_count"] },
    });
    if (blueGreen) {
      this.blueGreenDeployment = new BlueGreenDeployment(this, "blue-green", {
        aws,
        application: blueGreen.application,
        deploymentGroupName: blueGreen.deploymentGroupName ?? props.serviceName,
        clusterName: props.cluster.clusterName,
        serviceName: this.service.name,
        route: loadBalancer!.blueGreen!,
        taskRoleArns: [taskRole.arn, executionRole.arn],
        deploymentConfigName: blueGreen.deploymentConfigName,
        terminationWaitMinutes: blueGreen.terminationWaitMinutes,
        alarms: props.deploymentAlarms,
        roleName: `${this.prefix}-codedeploy`,
        permissionsBoundaryArn: blueGreen.permissionsBoundaryArn,
      });
    }

    this.scaling = this.autoscaling(props.cluster.clusterName, scaling, props.scheduledCapacity ?? []);

    this.serviceName = this.service.name;
    this.taskDefinitionFamily = this.taskDefinition.family;
    this.taskRoleArn = taskRole.arn;
    this.executionRoleArn = executionRole.arn;
    this.logGroupName = logGroup.name;
    this.securityGroupId = this.securityGroup.id;
  }

  /**
   * The ECS controller's rolling deployments: ECS refuses the circuit breaker and deployment alarms
   * with CODE_DEPLOY, where CodeDeploy's rollback takes their place.
   */
  private rollingDeployments(alarms: readonly string[] | undefined) {
    return {
      deploymentMaximumPercent: DEPLOYMENT.maximumPercent,
      deploymentMinimumHealthyPercent: DEPLOYMENT.minimumHealthyPercent,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      alarms: alarms?.length ? { alarmNames: [...alarms], enable: true, rollback: true } : undefined,
    };
  }

  /**
   * Lets `client`'s tasks call this service's port: ingress on this service's group, egress on the
   * client's (both groups restrict egress, so both sides need a rule). `why` ends the ingress rule's description.
   */
  allowFrom(client: FargateService, why?: string): void {
    this.ingress(client.label, client.securityGroupId, `${capitalize(this.label)} from the ${client.label}${why ? ` (${why})` : ""}`);
    new VpcSecurityGroupEgressRule(this, `${client.label}-out`, {
      securityGroupId: client.securityGroupId,
      description: `${capitalize(client.label)} to the ${this.label} API`,
      ...this.portRule(),
      referencedSecurityGroupId: this.securityGroupId,
    });
  }

  private allowFromLoadBalancer(groupId: string): void {
    this.ingress("load-balancer", groupId, `${capitalize(this.label)} from the ALB`);
    new VpcSecurityGroupEgressRule(this, "load-balancer-out", {
      securityGroupId: groupId,
      description: `ALB to ${this.label} tasks`,
      ...this.portRule(),
      referencedSecurityGroupId: this.securityGroup.id,
    });
  }

  private ingress(id: string, groupId: string, description: string): void {
    if (this.port === undefined) throw new Error(`${this.node.path}: a service without a port accepts no traffic`);
    new VpcSecurityGroupIngressRule(this, `${id}-in`, {
      securityGroupId: this.securityGroup.id,
      description,
      ...this.portRule(),
      referencedSecurityGroupId: groupId,
    });
  }

  private portRule() {
    return { ipProtocol: "tcp", fromPort: this.port!, toPort: this.port! };
  }

  private checkSize(props: FargateServiceProps): { cpu: number; memory: number } {
    const cpu = props.cpu ?? 256;
    const memory = props.memory ?? 512;
    const allowed = FARGATE_MEMORY_BY_CPU[cpu];
    check(this, allowed !== undefined, "cpu", `must be a Fargate CPU size: ${Object.keys(FARGATE_MEMORY_BY_CPU).join(", ")}; got ${cpu}`, cpu);
    check(this, allowed?.includes(memory) ?? true, "memory", `must be one of ${allowed?.join(", ")} MiB with cpu ${cpu}; got ${memory}`, memory);
    return { cpu, memory };
  }

  private checkScaling(scaling: ServiceScaling): Required<Omit<ServiceScaling, "memoryTargetPercent">> & Pick<ServiceScaling, "memoryTargetPercent"> {
    const minCapacity = scaling.minCapacity ?? 1;
    const resolved = {
      minCapacity,
      maxCapacity: scaling.maxCapacity ?? minCapacity,
      cpuTargetPercent: scaling.cpuTargetPercent ?? 70,
      memoryTargetPercent: scaling.memoryTargetPercent,
      customMetrics: scaling.customMetrics ?? [],
      scaleOutCooldownSeconds: scaling.scaleOutCooldownSeconds ?? 60,
      scaleInCooldownSeconds: scaling.scaleInCooldownSeconds ?? 300,
    };
    checkInteger(this, "scaling.minCapacity", resolved.minCapacity, 0, 5000);
    checkInteger(this, "scaling.maxCapacity", resolved.maxCapacity, Math.max(1, resolved.minCapacity), 5000);
    for (const [prop, value] of [["scaling.cpuTargetPercent", resolved.cpuTargetPercent], ["scaling.memoryTargetPercent", resolved.memoryTargetPercent]] as const) {
      if (value !== undefined) check(this, value > 0 && value <= 100, prop, `must be a percentage above 0 and at most 100; got ${value}`, value);
    }
    return resolved;
  }

  private checkWiring(props: FargateServiceProps): void {
    if (props.port !== undefined) checkInteger(this, "port", props.port, 1, 65535);
    check(this, !props.loadBalancer || props.port !== undefined, "loadBalancer", "needs `port`: the target group forwards to the container's port");
    check(this, props.healthCheckGracePeriodSeconds === undefined || props.loadBalancer !== undefined, "healthCheckGracePeriodSeconds", "applies only with `loadBalancer`");
    check(this, !props.executeCommand || props.cluster.executeCommand !== undefined, "executeCommand", "needs a cluster that logs ECS Exec sessions (FargateCluster executeCommand): unaudited shells are refused");
    check(this, !props.blueGreen || props.loadBalancer?.blueGreen !== undefined, "blueGreen", "needs `loadBalancer.blueGreen` (the listeners and the two target groups CodeDeploy shifts traffic between)");
    check(this, !props.serviceDiscovery || props.cluster.namespaceId !== undefined, "serviceDiscovery", "needs a cluster with a service discovery namespace (FargateCluster serviceDiscovery)");
    const image = props.image;
    check(this, !image.repository || (image.repositoryName === undefined && image.maxImageCount === undefined), "image.repository", "cannot be combined with image.repositoryName or image.maxImageCount (they configure a repository the service creates)");
  }

  /** The repository the service created, if any. */
  private createRegistry(props: FargateServiceProps): ContainerRegistry | undefined {
    if (props.image.repository) return undefined;
    return new ContainerRegistry(this, "registry", {
      repositoryName: props.image.repositoryName ?? props.serviceName,
      maxImageCount: props.image.maxImageCount,
    });
  }

  /** The parameter the pipeline writes released tags to, if the image names one. */
  private createTagParameter(image: ServiceImage, repositoryName: string): SsmParameter | undefined {
    if (!image.tagParameterName) return undefined;
    return new SsmParameter(this, "image-tag", {
      name: image.tagParameterName,
      type: "String",
      insecureValue: image.tag,
      description: `Image tag of ${repositoryName} that ${this.prefix} runs; written by the delivery pipeline`,
      // Keeps Terraform from resetting what the pipeline wrote; the value is read back on every plan.
      lifecycle: { ignoreChanges: ["insecure_value"] },
    });
  }

  /** A role ECS tasks of this account assume, with one inline policy (none when `statements` is empty). */
  private role(id: string, name: string, aws: AwsContext, boundary: string | undefined, statements: PolicyStatement[]): IamRole {
    const trust = serviceTrustPolicy(this, `${id}-trust`, "ecs-tasks.amazonaws.com", [
      { test: "StringEquals", variable: "aws:SourceAccount", values: [aws.accountId] },
      { test: "ArnLike", variable: "aws:SourceArn", values: [`arn:${aws.partition}:ecs:${aws.region}:${aws.accountId}:*`] },
    ]);
    const role = new IamRole(this, id, { name, assumeRolePolicy: trust.json, permissionsBoundary: boundary });
    if (statements.length > 0) {
      const policy = policyDocument(this, `${id}-policy-document`, statements);
      new IamRolePolicy(this, `${id}-policy`, { name, role: role.id, policy: policy.json });
    }
    return role;
  }

  private autoscaling(clusterName: string, scaling: ReturnType<FargateService["checkScaling"]>, scheduled: readonly ScheduledCapacity[]): ServiceAutoscaling {
    const target = new AppautoscalingTarget(this, "scaling-target", {
      serviceNamespace: "ecs",
      resourceId: `service/${clusterName}/${this.service.name}`,
      scalableDimension: "ecs:service:DesiredCount",
      minCapacity: scaling.minCapacity,
      maxCapacity: scaling.maxCapacity,
      // The scheduled actions move the bounds; a plan at night must not put them back.
      lifecycle: scheduled.length > 0 ? { ignoreChanges: ["min_capacity", "max_capacity"] } : undefined,
    });
    const scheduledActions: AppautoscalingScheduledAction[] = [];
    let previous: AppautoscalingScheduledAction | undefined;
    for (const [i, action] of scheduled.entries()) {
      checkInteger(this, `scheduledCapacity[${i}].minCapacity`, action.minCapacity, 0, 5000);
      checkInteger(this, `scheduledCapacity[${i}].maxCapacity`, action.maxCapacity, action.minCapacity, 5000);
      check(this, /^(cron|rate|at)\(.+\)$/.test(action.schedule), `scheduledCapacity[${i}].schedule`, `must be an application-autoscaling schedule: cron(...), rate(...) or at(...); got ${JSON.stringify(action.schedule)}`);
      previous = new AppautoscalingScheduledAction(this, `schedule-${action.name}`, {
        name: `${this.prefix}-${action.name}`,
        serviceNamespace: target.serviceNamespace,
        resourceId: target.resourceId,
        scalableDimension: target.scalableDimension,
        schedule: action.schedule,
        timezone: action.timezone ?? "UTC",
        scalableTargetAction: { minCapacity: numberText(action.minCapacity), maxCapacity: numberText(action.maxCapacity) },
        // One at a time: application autoscaling refuses concurrent changes to the same target.
        dependsOn: [previous ?? target],
      });
      scheduledActions.push(previous);
    }
    const cooldowns = { scaleOutCooldown: scaling.scaleOutCooldownSeconds, scaleInCooldown: scaling.scaleInCooldownSeconds };
    const policies: AppautoscalingPolicy[] = [];
    const policy = (name: string, targetValue: number, metric: Record<string, unknown>) => {
      const created = new AppautoscalingPolicy(this, `scale-on-${name}`, {
        name: `${this.prefix}-${name}`,
        policyType: "TargetTrackingScaling",
        serviceNamespace: target.serviceNamespace,
        resourceId: target.resourceId,
        scalableDimension: target.scalableDimension,
        targetTrackingScalingPolicyConfiguration: { targetValue, ...cooldowns, ...metric },
      });
      policies.push(created);
    };
    policy("cpu", scaling.cpuTargetPercent, { predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" } });
    if (scaling.memoryTargetPercent !== undefined) {
      policy("memory", scaling.memoryTargetPercent, { predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageMemoryUtilization" } });
    }
    for (const custom of scaling.customMetrics) {
      policy(custom.name, custom.target, {
        customizedMetricSpecification: {
          namespace: custom.namespace,
          metricName: custom.metricName,
          statistic: custom.statistic ?? "Average",
          dimensions: Object.entries(custom.dimensions ?? {}).map(([name, value]) => ({ name, value })),
        },
      });
    }
    return { target, scheduledActions, policies };
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
