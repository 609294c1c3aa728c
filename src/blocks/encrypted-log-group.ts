import { Construct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { awsContextOf, type AwsContext } from "../core/aws-context";
import { LOG_RETENTION_DAYS } from "../core/aws-limits";
import { checkOneOf } from "../core/props";
import { EncryptionKey, logsKeyUsage } from "./encryption-key";

export interface EncryptedLogGroupProps {
  /** The log group's name. Required: services and dashboards find the group by it. */
  readonly name: string;
  /** Days the events are kept: one of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, ...). Required: logs never expire otherwise. */
  readonly retentionInDays: number;
  /**
   * Customer-managed key whose policy lets logs.<region>.amazonaws.com use it (logsKeyUsage).
   * @default a new key for this log group alone
   */
  readonly kmsKeyArn?: string;
  /** Account, partition and region, for the key a group without `kmsKeyArn` creates. @default looked up in this construct when needed */
  readonly aws?: AwsContext;
}

/** A CloudWatch log group that is always encrypted with a CMK and always expires its events. */
export class EncryptedLogGroup extends Construct {
  readonly name: string;
  readonly arn: string;
  /** The key the group is encrypted with (given or created). */
  readonly kmsKeyArn: string;
  /** The log group resource, for escape-hatch overrides. */
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: EncryptedLogGroupProps) {
    super(scope, id);
    checkOneOf(this, "retentionInDays", props.retentionInDays, LOG_RETENTION_DAYS as readonly number[]);
    this.kmsKeyArn = props.kmsKeyArn ?? this.createKey(props);
    this.logGroup = new CloudwatchLogGroup(this, "group", {
      name: props.name,
      retentionInDays: props.retentionInDays,
      kmsKeyId: this.kmsKeyArn,
    });
    this.name = this.logGroup.name;
    this.arn = this.logGroup.arn;
  }

  private createKey(props: EncryptedLogGroupProps): string {
    const aws = awsContextOf(this, props.aws);
    const alias = kmsAliasFor(props.name);
    return new EncryptionKey(this, "key", {
      aws,
      alias: `logs/${alias}`,
      description: `CloudWatch Logs encryption for ${props.name}`,
      usage: [logsKeyUsage(aws)],
    }).arn;
  }
}

/** cdktf's marker of a Terraform expression inside a string, e.g. `${TfToken[TOKEN.12]}`. */
const TOKEN_MARKER = /(\$\{TfToken\[[^\]]+\]\})/;

/**
 * A KMS alias for a log group name: leading slashes dropped, characters aliases do not allow
 * ('.', '#') turned into '-'. Only the literal parts are rewritten: a Terraform expression in the
 * name (an HCL module's variable) stays a reference, and its module validates it to letters, digits
 * and hyphens.
 */
function kmsAliasFor(logGroupName: string): string {
  return logGroupName
    .split(TOKEN_MARKER)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[^A-Za-z0-9/_-]/g, "-")))
    .join("")
    .replace(/^\/+/, "");
}
