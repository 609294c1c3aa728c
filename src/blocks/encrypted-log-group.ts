import { Construct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";

export interface EncryptedLogGroupProps {
  readonly name: string;
  readonly retentionInDays: number;
  /** Customer-managed key whose policy lets logs.<region>.amazonaws.com use it. */
  readonly kmsKeyArn: string;
}

/** A CloudWatch log group that is always encrypted with a CMK and always expires its events. */
export class EncryptedLogGroup extends Construct {
  readonly name: string;
  readonly arn: string;

  constructor(scope: Construct, id: string, props: EncryptedLogGroupProps) {
    super(scope, id);
    const group = new CloudwatchLogGroup(this, "group", {
      name: props.name,
      retentionInDays: props.retentionInDays,
      kmsKeyId: props.kmsKeyArn,
    });
    this.name = group.name;
    this.arn = group.arn;
  }
}
