import { Construct } from "constructs";
import { AccountBaseline } from "../account";
import { EncryptionKey, logsKeyUsage } from "../blocks/encryption-key";
import {
  ALB_ACCESS_LOG_PREFIX,
  ALB_SECURITY_GROUP,
  BACKEND,
  BACKEND_PATHS,
  CHAT_API_PATH_PREFIX,
  BACKEND_RULE_PRIORITY,
  CLUSTER_NAME,
  FRONTEND,
  QUEUE_DEPTH_METRIC,
  SERVICE_DISCOVERY_NAMESPACE,
  deploymentStrategyOf,
  type EnvironmentConfig,
  type ServiceDefinition,
} from "../config";
import type { AwsContext } from "../core/aws-context";
import { activeUtcWindows, dailyCron } from "../core/working-hours";
import { suppress } from "../policy/suppressions";
import {
  codeDeployApplicationName,
  deploymentGroupName,
  greenTargetGroupName,
  imageTagParameterName,
  PROJECT_TITLE,
  projectName,
  scopedName,
  taskFamilyName,
} from "../core/naming";
import { ApplicationLoadBalancer, type AlbTarget } from "../modules/alb";
import { CodeDeployApplication, FargateCluster, FargateService, type ScheduledCapacity, type ServiceBlueGreen } from "../modules/ecs-service";
import { AlertTopics, DeploymentAlarms, Monitoring } from "../modules/monitoring";
import { INTERFACE_ENDPOINT_SERVICES, Networking } from "../modules/networking";
import { SecretsStore } from "../modules/secrets";
import { APP_NAMESPACES, LOG_METRICS, putAppMetricsStatement } from "./app-metrics";
import { API_KEY_IDS, INJECTED_SETTINGS, apiKeySecrets, rotationReminder, settingParameters } from "./app-settings";
import { chatbotDashboard } from "./dashboard";
import { DeployVariables } from "./deploy-variables";

export interface RecipeChatbotProps {
  /** The validated environment configuration. */
  readonly config: EnvironmentConfig;
  /** The stack's account, partition and region lookup. */
  readonly aws: AwsContext;
  /** Boundary every role carries (the bootstrap stack's workload boundary). */
  readonly permissionsBoundaryArn: string;
}

type ServiceName = ServiceDefinition["name"];

/** What the composition hands one service besides its definition and sizing. */
interface ServiceWiring {
  readonly environment: Record<string, string>;
  readonly access: ReturnType<SecretsStore["access"]>;
  readonly logs: { retentionInDays: number; kmsKeyArn: string };
  readonly deploymentAlarms: readonly string[];
  /** CodeDeploy blue/green releases, for a service whose strategy is blue-green. */
  readonly blueGreen?: ServiceBlueGreen;
}

/**
 * The Recipe Chatbot in one environment, composed from the five modules: the only place that knows
 * the backend and the frontend, OpenAI and SerpAPI, and maps the configuration onto module props.
 */
export class RecipeChatbot extends Construct {
  readonly networking: Networking;
  readonly loadBalancer: ApplicationLoadBalancer;
  readonly cluster: FargateCluster;
  readonly services: Readonly<Record<ServiceName, FargateService>>;
  readonly secrets: SecretsStore;
  readonly alertTopics: AlertTopics;
  readonly monitoring: Monitoring;
  readonly account: AccountBaseline;
  readonly inputs: DeployVariables;
  /** The CodeDeploy application, when a service deploys blue-green. */
  readonly codeDeploy?: CodeDeployApplication;

  constructor(scope: Construct, id: string, props: RecipeChatbotProps) {
    super(scope, id);
    const { config, aws, permissionsBoundaryArn } = props;
    const namePrefix = scopedName(config.name);
    const environmentLabel = config.tags.environment.toLowerCase();

    // 1. Deploy-time inputs (domain, zone, e-mails, first image tags) and the key every log group uses.
    this.inputs = new DeployVariables(this, "inputs", {
      defaultDomainName: config.domainName,
      defaultHostedZoneId: config.hostedZoneId,
      defaultAlertEmails: config.alerts.alertEmails,
      defaultCriticalEmails: config.alerts.criticalEmails,
      imageTags: { services: [BACKEND, FRONTEND], defaultTag: config.initialImageTag },
    });
    const inputs = this.inputs;
    const logsKey = new EncryptionKey(this, "logs-key", {
      aws,
      alias: `${namePrefix}-logs`,
      description: `CloudWatch Logs encryption for ${namePrefix}`,
      usage: [logsKeyUsage(aws)],
    });
    const logs = { retentionInDays: config.logs.retentionDays, kmsKeyArn: logsKey.arn };

    // 2. The guide's two topics: degradation and audit notices (alerts), outages (critical).
    this.alertTopics = new AlertTopics(this, "alert-topics", {
      aws,
      kms: { keyAlias: `${namePrefix}-alerts`, description: `SNS alert topic encryption for ${namePrefix}` },
      topics: [
        { id: "alerts", name: projectName("alerts"), emails: inputs.alertEmails },
        { id: "critical", name: projectName("critical"), emails: inputs.criticalEmails },
      ],
    });
    const { alerts, critical } = this.alertTopics.topicArns;

    // 3. Account-wide: GuardDuty (each environment is one account), high-severity findings page on-call.
    this.account = new AccountBaseline(this, "account", {
      guardDuty: { detector: config.guardDuty.detector, namePrefix, findingsTopicArn: critical },
    });

    // 4. Network: two tiers over the configured zones, ACLs for the two service ports, flow logs.
    this.networking = new Networking(this, "networking", {
      aws,
      namePrefix,
      vpcCidr: config.network.vpcCidr,
      zones: config.network.zones,
      natMode: config.network.natMode,
      servicePorts: [BACKEND.port, FRONTEND.port],
      interfaceEndpoints: config.network.interfaceEndpoints ? INTERFACE_ENDPOINT_SERVICES : [],
      flowLogs: { retentionInDays: config.network.flowLogRetentionDays, kmsKeyArn: logsKey.arn },
      permissionsBoundaryArn,
    });
    const net = this.networking;

    // 5. Secrets and settings (guide "Secret Management"); only the backend may read the API keys.
    this.secrets = new SecretsStore(this, "secrets", {
      aws,
      kms: { keyAlias: `${namePrefix}-secrets`, description: `Secrets Manager encryption for ${namePrefix}` },
      secrets: apiKeySecrets(config.name),
      parameters: settingParameters(config, environmentLabel),
      recoveryWindowDays: config.secrets.recoveryWindowDays,
      rotationReminder: rotationReminder(config, alerts),
      changeNotifications: {
        topicArn: alerts,
        ruleName: `${namePrefix}-secret-changed`,
        description: `Announces changes to the ${namePrefix} API key secrets on the alerts topic`,
      },
    });

    // 6. The ALB: frontend by default, the backend's paths by rule, WAF in front, DNS and certificate.
    // A blue/green service gets a second target group, and the environment a test listener
    // reachable from the VPC (or the configured allow-list) only.
    const sizing = config.services;
    const blueGreen = (service: ServiceDefinition) => deploymentStrategyOf(config, service.name) === "blue-green";
    const blueGreenSettings = config.deployment.blueGreen;
    const target = (service: ServiceDefinition, route: AlbTarget["route"]): AlbTarget => ({
      name: service.name,
      port: service.port,
      route,
      healthCheckPath: service.healthCheckPath,
      healthCheckMatcher: service.healthCheckMatcher,
      deregistrationDelaySeconds: sizing[service.name].deregistrationDelaySeconds,
      blueGreen: blueGreen(service) ? { greenTargetGroupName: greenTargetGroupName(config.name, service.name) } : undefined,
    });
    const anyBlueGreen = [BACKEND, FRONTEND].some(blueGreen);
    this.loadBalancer = new ApplicationLoadBalancer(this, "load-balancer", {
      aws,
      namePrefix,
      vpcId: net.vpcId,
      subnetIds: net.publicSubnetIds,
      securityGroup: ALB_SECURITY_GROUP,
      certificate: { domainName: inputs.domainName, hostedZoneId: inputs.hostedZoneId },
      sslPolicy: config.loadBalancer.sslPolicy,
      deletionProtection: config.loadBalancer.deletionProtection,
      idleTimeoutSeconds: config.loadBalancer.idleTimeoutSeconds,
      accessLogs: { expirationDays: config.loadBalancer.accessLogExpirationDays, prefix: ALB_ACCESS_LOG_PREFIX },
      dns: { domainName: inputs.domainName, hostedZoneId: inputs.hostedZoneId, healthCheckPath: BACKEND.healthCheckPath },
      targets: [target(FRONTEND, "default"), target(BACKEND, { paths: BACKEND_PATHS, priority: BACKEND_RULE_PRIORITY })],
      testListener: anyBlueGreen
        ? { port: blueGreenSettings.testListenerPort, allowedCidrs: blueGreenSettings.testListenerAllowedCidrs ?? [config.network.vpcCidr] }
        : undefined,
      waf: {
        mode: config.waf.mode,
        rateLimitPerFiveMinutes: config.waf.rateLimitPerFiveMinutes,
        logRetentionInDays: logs.retentionInDays,
        logKmsKeyArn: logs.kmsKeyArn,
        // Chat requests carry the conversation: over 8 KB is normal there, nowhere else.
        largeBodyPathPrefixes: [CHAT_API_PATH_PREFIX],
      },
    });

    // 7. Cluster and the two services; the frontend reaches the backend through Cloud Map. Each
    // service's releases watch its own target group's error rate and latency, and roll back on them.
    this.cluster = new FargateCluster(this, "cluster", {
      clusterName: CLUSTER_NAME,
      containerInsights: config.containerInsights,
      capacity: config.capacity,
      serviceDiscovery: { namespaceName: SERVICE_DISCOVERY_NAMESPACE, vpcId: net.vpcId, description: `Service discovery for the ${PROJECT_TITLE} services` },
      executeCommand: config.ecsExec.enabled ? { retentionInDays: config.ecsExec.sessionLogRetentionDays } : undefined,
    });
    this.codeDeploy = anyBlueGreen ? new CodeDeployApplication(this, "codedeploy", { applicationName: codeDeployApplicationName(config.name) }) : undefined;
    if (config.containerInsights === "disabled") {
      // Only this explicit setting, which the configuration refuses in prod, lets the guard pass it.
      suppress(
        this.cluster.cluster,
        "RC-ECS-001",
        `containerInsights is "disabled" in ${config.name}: a cost lever; its alarms watch the load balancer's healthy targets instead of RunningTaskCount`,
      );
    }
    const deploymentAlarms = (definition: ServiceDefinition) =>
      new DeploymentAlarms(this, `${definition.name}-deployment-alarms`, {
        name: `${namePrefix}-${definition.name}`,
        alarmDescriptionPrefix: config.name,
        loadBalancerArnSuffix: this.loadBalancer.arnSuffix,
        targetGroupArnSuffix: this.loadBalancer.targets[definition.name].arnSuffix,
        errorRatePercent: config.monitoring.errorRatePercent,
        responseTimeP95Ms: config.monitoring.responseTimeP95Ms,
        topicArn: alerts,
      }).alarmNames;
    // No workload boundary on the CodeDeploy role: it caps roles to what tasks do (pull, log, read
    // secrets), and CodeDeploy must create task sets and move listeners (README "Deployments").
    const codeDeploy = this.codeDeploy;
    const blueGreenRelease = (definition: ServiceDefinition): ServiceBlueGreen | undefined =>
      codeDeploy && blueGreen(definition)
        ? {
            application: codeDeploy,
            deploymentGroupName: deploymentGroupName(config.name, definition.name),
            deploymentConfigName: blueGreenSettings.deploymentConfig,
            terminationWaitMinutes: blueGreenSettings.terminationWaitMinutes,
          }
        : undefined;
    const runtime = { ENVIRONMENT: environmentLabel };
    const backend = this.service(props, BACKEND, {
      environment: runtime,
      access: this.secrets.access({ secrets: API_KEY_IDS, parameters: INJECTED_SETTINGS }),
      logs,
      deploymentAlarms: deploymentAlarms(BACKEND),
      blueGreen: blueGreenRelease(BACKEND),
    });
    const frontend = this.service(props, FRONTEND, {
      // Server-side calls from Next.js go straight to the backend through Cloud Map, not the ALB.
      environment: { ...runtime, BACKEND_URL: `http://${BACKEND.name}.${this.cluster.namespaceName}:${BACKEND.port}` },
      access: this.secrets.access({ parameters: INJECTED_SETTINGS }),
      logs,
      deploymentAlarms: deploymentAlarms(FRONTEND),
      blueGreen: blueGreenRelease(FRONTEND),
    });
    backend.allowFrom(frontend, "server-side calls");
    this.services = { backend, frontend };

    // 8. The guide's dashboard and alarms; the backend's structured logs feed the metric filters.
    this.monitoring = new Monitoring(this, "monitoring", {
      aws,
      name: namePrefix,
      alarmDescriptionPrefix: config.name,
      topics: { warningTopicArn: alerts, criticalTopicArn: critical },
      loadBalancer: { arnSuffix: this.loadBalancer.arnSuffix, ...config.monitoring },
      // The first hour after the morning's scale-out is the tasks' to start in.
      activeHours: config.workingHours.enabled ? activeUtcWindows(config.workingHours, 1) : undefined,
      services: [BACKEND, FRONTEND].map((definition) => ({
        name: definition.name,
        clusterName: this.cluster.clusterName,
        serviceName: this.services[definition.name].serviceName,
        minCapacity: sizing[definition.name].scaling.minCapacity,
        targetGroupArnSuffix: this.loadBalancer.targets[definition.name].arnSuffix,
        runningTasksAlarm: config.containerInsights !== "disabled",
      })),
      metricFilters: Object.values(LOG_METRICS).map((metric) => ({
        name: `${BACKEND.name}-${metric.metricName}`,
        logGroupName: backend.logGroupName,
        pattern: metric.pattern,
        namespace: APP_NAMESPACES.logs,
        metricName: metric.metricName,
      })),
      dashboard: chatbotDashboard,
    });
  }

  private service(props: RecipeChatbotProps, definition: ServiceDefinition, wiring: ServiceWiring): FargateService {
    const { environment, access, logs } = wiring;
    const { config } = props;
    const sizing = config.services[definition.name];
    const { queueDepthTarget, ...scaling } = sizing.scaling;
    const publicTasks = config.network.taskSubnets === "public";
    const service = new FargateService(this, definition.name, {
      aws: props.aws,
      serviceName: definition.repositoryName,
      resourceNamePrefix: taskFamilyName(config.name, definition.name),
      containerName: definition.name,
      cluster: this.cluster,
      vpcId: this.networking.vpcId,
      subnetIds: publicTasks ? this.networking.publicSubnetIds : this.networking.privateSubnetIds,
      assignPublicIp: publicTasks,
      securityGroup: { name: definition.securityGroupName, description: definition.description },
      httpsEgressDescription: definition.httpsEgress,
      image: {
        repositoryName: definition.repositoryName,
        maxImageCount: config.ecr.maxImageCount,
        tag: this.inputs.imageTags[definition.name],
        // The pipeline owns the running tag after the first apply (README "Delivery").
        tagParameterName: imageTagParameterName(config.name, definition.name),
      },
      port: definition.port,
      user: definition.user,
      healthCheckCommand: definition.healthCheckCommand,
      cpu: sizing.cpu,
      memory: sizing.memory,
      cpuArchitecture: sizing.cpuArchitecture,
      capacity: config.serviceCapacity[definition.name],
      scheduledCapacity: scheduledScaleIn(config, sizing.scaling),
      scaling: {
        ...scaling,
        customMetrics: queueDepthTarget === undefined ? [] : [{ name: "queue-depth", ...QUEUE_DEPTH_METRIC, target: queueDepthTarget }],
      },
      loadBalancer: this.loadBalancer.targets[definition.name],
      healthCheckGracePeriodSeconds: sizing.healthCheckGracePeriodSeconds,
      serviceDiscovery: true,
      logs: { logGroupName: definition.logGroupName, ...logs },
      environment,
      secrets: access.containerSecrets,
      secretReadStatements: access.executionRoleStatements,
      // The guide's ECSTaskRole, corrected (StringLike on the namespace); its secrets and logs
      // statements belong to the execution role, which is the one that reads them.
      taskRoleStatements: [putAppMetricsStatement()],
      tracing: definition === BACKEND && config.tracing.enabled,
      deploymentAlarms: wiring.deploymentAlarms,
      blueGreen: wiring.blueGreen,
      executeCommand: config.ecsExec.enabled,
      permissionsBoundaryArn: props.permissionsBoundaryArn,
    });
    if (publicTasks) {
      // Only this explicit setting, which the configuration refuses in prod, lets the guard pass public IPs.
      suppress(
        service.service,
        "RC-ECS-003",
        `network.taskSubnets is "public" in ${config.name}: tasks reach the internet without a NAT gateway; their security group admits only the load balancer and the frontend`,
      );
    }
    return service;
  }
}

/** Working hours as two scheduled actions: no tasks from endHour, the configured bounds from startHour. */
function scheduledScaleIn(config: EnvironmentConfig, scaling: EnvironmentConfig["services"]["backend"]["scaling"]): ScheduledCapacity[] | undefined {
  const hours = config.workingHours;
  if (!hours.enabled) return undefined;
  return [
    { name: "scale-in", schedule: dailyCron(hours.endHour, hours.days), timezone: hours.timezone, minCapacity: 0, maxCapacity: 0 },
    { name: "scale-out", schedule: dailyCron(hours.startHour, hours.days), timezone: hours.timezone, minCapacity: scaling.minCapacity, maxCapacity: scaling.maxCapacity },
  ];
}
