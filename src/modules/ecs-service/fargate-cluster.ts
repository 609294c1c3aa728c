import { Construct } from "constructs";
import { EcsCluster as Cluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { EcsClusterCapacityProviders } from "@cdktf/provider-aws/lib/ecs-cluster-capacity-providers";
import { ServiceDiscoveryPrivateDnsNamespace } from "@cdktf/provider-aws/lib/service-discovery-private-dns-namespace";
import { EncryptedLogGroup } from "../../blocks/encrypted-log-group";
import { InvalidPropsError, checkInteger, checkOneOf } from "../../core/props";

export interface CapacityProviderStrategyItem {
  /** FARGATE or FARGATE_SPOT. */
  readonly capacityProvider: string;
  /** Tasks placed on this provider before the weights apply. @default 0 */
  readonly base?: number;
  /** Relative share of the tasks beyond the base. */
  readonly weight: number;
}

/** How tasks split between on-demand Fargate and Fargate Spot. */
export interface FargateCapacity {
  /** Tasks that always run on on-demand FARGATE before the weights apply. @default 0 */
  readonly onDemandBase?: number;
  /** Relative share of on-demand FARGATE beyond the base. @default 1 */
  readonly onDemandWeight?: number;
  /** Relative share of FARGATE_SPOT beyond the base (interruptible, about 70% cheaper). @default 0 */
  readonly spotWeight?: number;
}

/** The capacity provider strategy of a split, checked (InvalidPropsError on `scope`, prop `capacity`). */
export function capacityProviderStrategy(scope: Construct, capacity: FargateCapacity): CapacityProviderStrategyItem[] {
  const { onDemandBase = 0, onDemandWeight = 1, spotWeight = 0 } = capacity;
  checkInteger(scope, "capacity.onDemandBase", onDemandBase, 0, 100_000);
  checkInteger(scope, "capacity.onDemandWeight", onDemandWeight, 0, 1000);
  checkInteger(scope, "capacity.spotWeight", spotWeight, 0, 1000);
  if (onDemandWeight + spotWeight === 0) throw new InvalidPropsError(scope, "capacity", "onDemandWeight and spotWeight must not both be 0");
  return [
    { capacityProvider: "FARGATE", base: onDemandBase, weight: onDemandWeight },
    { capacityProvider: "FARGATE_SPOT", weight: spotWeight },
  ];
}

/** What a service needs of a cluster: a FargateCluster is one; for an existing cluster, pass its attributes. */
export interface ClusterReference {
  /** The cluster's ARN: the service's `cluster`. */
  readonly clusterArn: string;
  /** The cluster's name: part of the autoscaling resource id and the alarms' dimensions. */
  readonly clusterName: string;
  /** Strategy services use. @default the cluster's default strategy */
  readonly capacityProviderStrategy?: readonly CapacityProviderStrategyItem[];
  /** Cloud Map namespace services may register in. @default none */
  readonly namespaceId?: string;
  /** The namespace's DNS name (services are <container>.<namespaceName>). @default none */
  readonly namespaceName?: string;
  /** Where ECS Exec sessions are logged; a service may turn ECS Exec on only with it. @default none (no ECS Exec) */
  readonly executeCommand?: ExecuteCommandAudit;
}

/** The audit trail of ECS Exec sessions: what a task role needs to write it. */
export interface ExecuteCommandAudit {
  /** The KMS-encrypted log group every session's input and output goes to. */
  readonly logGroupArn: string;
  /** The key that encrypts the session channel (tasks decrypt with it). */
  readonly kmsKeyArn: string;
}

export const CONTAINER_INSIGHTS_MODES = ["enabled", "enhanced", "disabled"] as const;
/** enhanced adds per-task and per-container metrics; disabled leaves the alarms on RunningTaskCount without data. */
export type ContainerInsightsMode = (typeof CONTAINER_INSIGHTS_MODES)[number];

export interface FargateClusterProps {
  /** The cluster's name. Required: services, alarms and pipelines address the cluster by it. */
  readonly clusterName: string;
  /** Container Insights metrics (RunningTaskCount and the rest). @default "enabled" */
  readonly containerInsights?: ContainerInsightsMode;
  /** On-demand and Spot split. @default everything on on-demand FARGATE */
  readonly capacity?: FargateCapacity;
  /** A private DNS namespace services register in, so they find each other by name. @default none */
  readonly serviceDiscovery?: {
    /** Namespace name, e.g. shop.internal. */
    readonly namespaceName: string;
    /** The VPC whose resolver answers for the namespace. */
    readonly vpcId: string;
    /** @default "Service discovery for the services of <clusterName>" */
    readonly description?: string;
  };
  /**
   * Configure ECS Exec with every session logged to a KMS-encrypted log group, so services may turn
   * it on (FargateService `executeCommand`).
   * @default no ECS Exec configuration (services cannot turn it on)
   */
  readonly executeCommand?: {
    /** @default /aws/ecs/<clusterName>/exec */
    readonly logGroupName?: string;
    /** Days session logs are kept. @default 365 */
    readonly retentionInDays?: number;
    /** Key of the log group and of the session channel. @default a new key */
    readonly kmsKeyArn?: string;
  };
}

/**
 * A Fargate cluster, its capacity providers (on-demand FARGATE with an optional base, the rest split
 * with FARGATE_SPOT) and optionally a Cloud Map namespace that lets services find each other by name.
 */
export class FargateCluster extends Construct implements ClusterReference {
  readonly clusterArn: string;
  readonly clusterName: string;
  readonly namespaceId?: string;
  readonly namespaceName?: string;
  readonly executeCommand?: ExecuteCommandAudit;
  readonly capacityProviderStrategy: CapacityProviderStrategyItem[];
  /** The cluster resource, for escape-hatch overrides. */
  readonly cluster: Cluster;

  constructor(scope: Construct, id: string, props: FargateClusterProps) {
    super(scope, id);
    const containerInsights = props.containerInsights ?? "enabled";
    checkOneOf(this, "containerInsights", containerInsights, CONTAINER_INSIGHTS_MODES);
    const execLogs = props.executeCommand
      ? new EncryptedLogGroup(this, "exec-logs", {
          name: props.executeCommand.logGroupName ?? `/aws/ecs/${props.clusterName}/exec`,
          retentionInDays: props.executeCommand.retentionInDays ?? 365,
          kmsKeyArn: props.executeCommand.kmsKeyArn,
        })
      : undefined;
    const cluster = new Cluster(this, "cluster", {
      name: props.clusterName,
      setting: [{ name: "containerInsights", value: containerInsights }],
      // Every session's commands and output, encrypted; the channel itself under the same key.
      configuration: execLogs && {
        executeCommandConfiguration: {
          kmsKeyId: execLogs.kmsKeyArn,
          logging: "OVERRIDE",
          logConfiguration: { cloudWatchLogGroupName: execLogs.name, cloudWatchEncryptionEnabled: true },
        },
      },
    });
    this.executeCommand = execLogs && { logGroupArn: execLogs.arn, kmsKeyArn: execLogs.kmsKeyArn };
    this.cluster = cluster;
    this.capacityProviderStrategy = capacityProviderStrategy(this, props.capacity ?? {});
    const providers = new EcsClusterCapacityProviders(this, "capacity-providers", {
      clusterName: cluster.name,
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
      defaultCapacityProviderStrategy: this.capacityProviderStrategy,
    });
    this.clusterArn = cluster.arn;
    // Through the capacity-provider resource: services created with a strategy need the providers attached first.
    this.clusterName = providers.clusterName;
    const discovery = props.serviceDiscovery;
    if (discovery) {
      const namespace = new ServiceDiscoveryPrivateDnsNamespace(this, "namespace", {
        name: discovery.namespaceName,
        vpc: discovery.vpcId,
        description: discovery.description ?? `Service discovery for the services of ${props.clusterName}`,
      });
      this.namespaceId = namespace.id;
      this.namespaceName = namespace.name;
    }
  }
}
