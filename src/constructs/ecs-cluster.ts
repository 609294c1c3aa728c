import { Construct } from "constructs";
import { EcsCluster as Cluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { EcsClusterCapacityProviders } from "@cdktf/provider-aws/lib/ecs-cluster-capacity-providers";
import { ServiceDiscoveryPrivateDnsNamespace } from "@cdktf/provider-aws/lib/service-discovery-private-dns-namespace";
import type { EnvironmentConfig } from "../config";

export interface EcsClusterProps {
  readonly clusterName: string;
  readonly vpcId: string;
  /** Private DNS namespace services register in, e.g. recipe-chatbot.internal. */
  readonly namespaceName: string;
  readonly containerInsights: EnvironmentConfig["containerInsights"];
  readonly capacity: EnvironmentConfig["capacity"];
}

export interface CapacityProviderStrategyItem {
  readonly capacityProvider: string;
  readonly base?: number;
  readonly weight: number;
}

/**
 * The Fargate cluster, its capacity providers (on-demand FARGATE with an optional base, the rest
 * split with FARGATE_SPOT) and the Cloud Map namespace that lets the frontend find the backend by name.
 */
export class EcsCluster extends Construct {
  readonly clusterArn: string;
  readonly clusterName: string;
  readonly namespaceId: string;
  readonly namespaceName: string;
  readonly capacityProviderStrategy: CapacityProviderStrategyItem[];

  constructor(scope: Construct, id: string, props: EcsClusterProps) {
    super(scope, id);
    const cluster = new Cluster(this, "cluster", {
      name: props.clusterName,
      setting: [{ name: "containerInsights", value: props.containerInsights }],
    });
    const { onDemandBase, onDemandWeight, spotWeight } = props.capacity;
    this.capacityProviderStrategy = [
      { capacityProvider: "FARGATE", base: onDemandBase, weight: onDemandWeight },
      { capacityProvider: "FARGATE_SPOT", weight: spotWeight },
    ];
    const providers = new EcsClusterCapacityProviders(this, "capacity-providers", {
      clusterName: cluster.name,
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
      defaultCapacityProviderStrategy: this.capacityProviderStrategy,
    });
    const namespace = new ServiceDiscoveryPrivateDnsNamespace(this, "namespace", {
      name: props.namespaceName,
      vpc: props.vpcId,
      description: "Service discovery for the Recipe Chatbot services",
    });
    this.clusterArn = cluster.arn;
    // Through the capacity-provider resource: services created with a strategy need the providers attached first.
    this.clusterName = providers.clusterName;
    this.namespaceId = namespace.id;
    this.namespaceName = namespace.name;
  }
}
