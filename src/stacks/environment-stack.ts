import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { lookUpAwsContext } from "../core/aws-context";
import {
  ALB_ACCESS_LOG_PREFIX,
  BACKEND,
  BACKEND_PATHS,
  BACKEND_RULE_PRIORITY,
  CLUSTER_NAME,
  FRONTEND,
  SERVICE_DISCOVERY_NAMESPACE,
  type EnvironmentConfig,
  type ServiceDefinition,
} from "../config";
import { AccessLogsBucket } from "../constructs/access-logs-bucket";
import { ContainerRegistry } from "../constructs/container-registry";
import { DeployVariables } from "../constructs/deploy-variables";
import { DnsRecords } from "../constructs/dns-records";
import { EcsCluster } from "../constructs/ecs-cluster";
import { EdgeProtection } from "../constructs/edge-protection";
import { FargateService } from "../constructs/fargate-service";
import { LoadBalancer } from "../constructs/load-balancer";
import { TlsCertificate } from "../constructs/tls-certificate";
import { AlertTopics } from "../constructs/alert-topics";
import { putAppMetricsStatement } from "../constructs/app-metrics";
import { AppSecrets } from "../constructs/app-secrets";
import { Observability } from "../constructs/observability";
import { EncryptionKey, logsKeyUsage } from "../blocks/encryption-key";
import { NetworkAcls } from "../constructs/network-acls";
import { Networking } from "../constructs/networking";
import { SecurityGroups } from "../constructs/security-groups";
import { VpcEndpoints } from "../constructs/vpc-endpoints";
import { VpcFlowLogs } from "../constructs/vpc-flow-logs";
import { environmentStackName, scopedName } from "../core/naming";
import { PolicyGuard } from "../policy";
import { workloadBoundaryArn } from "../ci-names";

export interface EnvironmentStackProps {
  readonly config: EnvironmentConfig;
}

/** One environment (dev, staging, prod): its own Terraform root and state. */
export class EnvironmentStack extends TerraformStack {
  readonly config: EnvironmentConfig;
  readonly networking: Networking;
  readonly securityGroups: SecurityGroups;
  readonly loadBalancer: LoadBalancer;
  readonly cluster: EcsCluster;
  readonly services: Record<ServiceDefinition["name"], FargateService>;

  constructor(scope: Construct, props: EnvironmentStackProps) {
    const { config } = props;
    super(scope, environmentStackName(config.name));
    this.config = config;
    const namePrefix = scopedName(config.name);

    new AwsProvider(this, "aws", {
      region: config.region,
      // Cost allocation tags (guide "Cost Monitoring") on every resource that takes tags.
      defaultTags: [
        {
          tags: {
            Project: config.tags.project,
            Environment: config.tags.environment,
            Owner: config.tags.owner,
            CostCenter: config.tags.costCenter,
            ManagedBy: "cdktf",
          },
        },
      ],
    });
    const aws = lookUpAwsContext(this, config.region);
    // Every resource of the stack passes the named security rules, or synth fails (README "Policy guard").
    PolicyGuard.applyTo(this);

    // Created by the bootstrap stack in this account (README "Bootstrap"): the ceiling of every role here.
    const permissionsBoundaryArn = workloadBoundaryArn(aws.partition, aws.accountId);

    const logsKey = new EncryptionKey(this, "logs-key", {
      aws,
      alias: `${namePrefix}-logs`,
      description: `CloudWatch Logs encryption for ${namePrefix}`,
      usage: [logsKeyUsage(aws)],
    });

    this.networking = new Networking(this, "networking", { namePrefix, network: config.network });
    const net = this.networking;
    new NetworkAcls(this, "network-acls", {
      namePrefix,
      vpcId: net.vpcId,
      vpcCidr: net.vpcCidr,
      publicSubnetIds: net.publicSubnetIds,
      privateSubnetIds: net.privateSubnetIds,
      servicePorts: [BACKEND.port, FRONTEND.port],
    });
    new VpcFlowLogs(this, "flow-logs", {
      aws,
      namePrefix,
      vpcId: net.vpcId,
      retentionInDays: config.network.flowLogRetentionDays,
      kmsKeyArn: logsKey.arn,
      permissionsBoundaryArn,
    });
    new VpcEndpoints(this, "vpc-endpoints", {
      namePrefix,
      region: config.region,
      vpcId: net.vpcId,
      vpcCidr: net.vpcCidr,
      privateSubnetIds: net.privateSubnetIds,
      privateRouteTableIds: net.privateRouteTableIds,
      interfaceEndpoints: config.network.interfaceEndpoints,
    });
    this.securityGroups = new SecurityGroups(this, "security-groups", {
      vpcId: net.vpcId,
      backendPort: BACKEND.port,
      frontendPort: FRONTEND.port,
    });
    const sg = this.securityGroups;

    const inputs = new DeployVariables(this, "inputs", {
      defaultDomainName: config.domainName,
      defaultAlertEmails: config.alerts.alertEmails,
      defaultCriticalEmails: config.alerts.criticalEmails,
      imageTags: { services: [BACKEND, FRONTEND], defaultTag: config.initialImageTag },
    });
    const registries = {
      backend: new ContainerRegistry(this, "backend-registry", { repositoryName: BACKEND.repositoryName, maxImageCount: config.ecr.maxImageCount }),
      frontend: new ContainerRegistry(this, "frontend-registry", { repositoryName: FRONTEND.repositoryName, maxImageCount: config.ecr.maxImageCount }),
    };

    const accessLogs = new AccessLogsBucket(this, "alb-access-logs", {
      aws,
      bucketName: `${namePrefix}-alb-logs-${aws.accountId}`,
      expirationDays: config.loadBalancer.accessLogExpirationDays,
      prefix: ALB_ACCESS_LOG_PREFIX,
    });
    const certificate = new TlsCertificate(this, "certificate", { domainName: inputs.domainName, hostedZoneId: inputs.hostedZoneId });
    const sizing = config.services;
    this.loadBalancer = new LoadBalancer(this, "load-balancer", {
      namePrefix,
      vpcId: net.vpcId,
      publicSubnetIds: net.publicSubnetIds,
      securityGroupId: sg.albSecurityGroupId,
      certificateArn: certificate.arn,
      sslPolicy: config.loadBalancer.sslPolicy,
      deletionProtection: config.loadBalancer.deletionProtection,
      idleTimeoutSeconds: config.loadBalancer.idleTimeoutSeconds,
      accessLogs,
      defaultTarget: { service: FRONTEND, deregistrationDelaySeconds: sizing.frontend.deregistrationDelaySeconds },
      pathTarget: { service: BACKEND, deregistrationDelaySeconds: sizing.backend.deregistrationDelaySeconds, paths: BACKEND_PATHS, priority: BACKEND_RULE_PRIORITY },
    });
    new DnsRecords(this, "dns", {
      namePrefix,
      domainName: inputs.domainName,
      hostedZoneId: inputs.hostedZoneId,
      loadBalancer: this.loadBalancer,
      healthCheckPath: BACKEND.healthCheckPath,
    });

    this.cluster = new EcsCluster(this, "cluster", {
      clusterName: CLUSTER_NAME,
      vpcId: net.vpcId,
      namespaceName: SERVICE_DISCOVERY_NAMESPACE,
      containerInsights: config.containerInsights,
      capacity: config.capacity,
    });

    const alerts = new AlertTopics(this, "alert-topics", {
      aws,
      namePrefix,
      alertEmails: inputs.alertEmails,
      criticalEmails: inputs.criticalEmails,
    });
    const environmentLabel = config.tags.environment.toLowerCase();
    const appSecrets = new AppSecrets(this, "app-secrets", {
      aws,
      environment: config.name,
      environmentLabel,
      logLevel: config.logs.level,
      corsOrigins: config.app.corsOrigins,
      recoveryWindowDays: config.secrets.recoveryWindowDays,
      rotationReminderDays: config.secrets.rotationReminderDays,
      alertsTopicArn: alerts.alertsTopicArn,
    });

    const runtime = { ENVIRONMENT: environmentLabel };
    const service = (definition: ServiceDefinition, securityGroupId: string, environment: Record<string, string>) =>
      new FargateService(this, `${definition.name}-service`, {
        aws,
        namePrefix,
        environmentName: config.name,
        service: definition,
        sizing: sizing[definition.name],
        cluster: { arn: this.cluster.clusterArn, name: this.cluster.clusterName, capacityProviderStrategy: this.cluster.capacityProviderStrategy },
        network: { subnetIds: net.privateSubnetIds, securityGroupId },
        loadBalancer: { targetGroupArn: this.loadBalancer.targetGroups[definition.name].arn, listener: this.loadBalancer.httpsListener },
        registry: registries[definition.name],
        namespaceId: this.cluster.namespaceId,
        initialImageTag: inputs.imageTags[definition.name],
        logs: { retentionInDays: config.logs.retentionDays, kmsKeyArn: logsKey.arn },
        environment,
        // Only the backend calls OpenAI and SerpAPI: the frontend never sees (or may read) the API keys.
        ...(() => {
          const access = definition === BACKEND ? appSecrets.withApiKeys : appSecrets.settingsOnly;
          return { secrets: access.containerSecrets, secretReadStatements: access.executionRoleStatements };
        })(),
        // The guide's ECSTaskRole, corrected (StringLike on the namespace); its secrets and logs
        // statements belong to the execution role, which is the one that reads them.
        taskRoleStatements: [putAppMetricsStatement()],
        tracing: definition === BACKEND && config.tracing.enabled,
        permissionsBoundaryArn,
      });
    this.services = {
      backend: service(BACKEND, sg.backendSecurityGroupId, runtime),
      frontend: service(FRONTEND, sg.frontendSecurityGroupId, {
        ...runtime,
        // Server-side calls from Next.js go straight to the backend through Cloud Map, not the ALB.
        BACKEND_URL: `http://${BACKEND.name}.${this.cluster.namespaceName}:${BACKEND.port}`,
      }),
    };

    new EdgeProtection(this, "edge-protection", {
      aws,
      namePrefix,
      loadBalancerArn: this.loadBalancer.arn,
      waf: config.waf,
      logs: { retentionInDays: config.logs.retentionDays, kmsKeyArn: logsKey.arn },
      criticalTopicArn: alerts.criticalTopicArn,
    });

    new Observability(this, "observability", {
      aws,
      namePrefix,
      environment: config.name,
      monitoring: config.monitoring,
      loadBalancerArnSuffix: this.loadBalancer.arnSuffix,
      alertsTopicArn: alerts.alertsTopicArn,
      criticalTopicArn: alerts.criticalTopicArn,
      services: [BACKEND, FRONTEND].map((definition) => ({
        name: definition.name,
        serviceName: this.services[definition.name].serviceName,
        clusterName: this.cluster.clusterName,
        minCapacity: sizing[definition.name].scaling.minCapacity,
        targetGroupArnSuffix: this.loadBalancer.targetGroups[definition.name].arnSuffix,
        logGroupName: this.services[definition.name].logGroupName,
        // Only the FastAPI backend writes structlog JSON that the metric filters parse.
        structuredLogs: definition === BACKEND,
      })),
    });
  }
}
