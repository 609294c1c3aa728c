import { Construct } from "constructs";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";

/** Account facts every construct that writes an ARN or a key policy needs, looked up once per stack. */
export interface AwsContext {
  readonly accountId: string;
  readonly partition: string;
  readonly region: string;
}

export function lookUpAwsContext(scope: Construct, region: string): AwsContext {
  const identity = new DataAwsCallerIdentity(scope, "caller-identity");
  const partition = new DataAwsPartition(scope, "partition");
  return { accountId: identity.accountId, partition: partition.partition, region };
}
