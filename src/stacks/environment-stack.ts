import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { lookUpAwsContext } from "../aws-context";
import { BACKEND, FRONTEND, type EnvironmentConfig } from "../config";
import { EncryptionKey, logsKeyUsage } from "../constructs/kms-key";
import { NetworkAcls } from "../constructs/network-acls";
import { Networking } from "../constructs/networking";
import { SecurityGroups } from "../constructs/security-groups";
import { VpcEndpoints } from "../constructs/vpc-endpoints";
import { VpcFlowLogs } from "../constructs/vpc-flow-logs";
import { environmentStackName, scopedName } from "../naming";

export interface EnvironmentStackProps {
  readonly config: EnvironmentConfig;
}

/** One environment (dev, staging, prod): its own Terraform root and state. */
export class EnvironmentStack extends TerraformStack {
  readonly config: EnvironmentConfig;
  readonly networking: Networking;
  readonly securityGroups: SecurityGroups;

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
  }
}
