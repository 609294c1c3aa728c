import { Construct } from "constructs";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";

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

/**
 * The caller's context, or one looked up in `scope` when none is given: what a module uses when a
 * consumer does not share the stack's own lookup (aws_caller_identity, aws_partition, aws_region).
 */
export function awsContextOf(scope: Construct, given: AwsContext | undefined): AwsContext {
  if (given) return given;
  const region = new DataAwsRegion(scope, "region");
  return lookUpAwsContext(scope, region.name);
}
