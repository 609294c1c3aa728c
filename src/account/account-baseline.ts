import { Construct } from "constructs";
import { GuardDuty, type GuardDutyProps } from "./guard-duty";
import { WorkloadBoundary, type WorkloadBoundaryProps } from "./workload-boundary";

export interface AccountBaselineProps {
  /** GuardDuty in this account and region: create the detector or use the existing one. @default GuardDuty not managed here */
  readonly guardDuty?: GuardDutyProps;
  /**
   * The permissions boundary of workload roles: created here, or an existing policy's ARN (for
   * example the one a bootstrap stack created).
   * @default no boundary
   */
  readonly workloadBoundary?: { readonly create: WorkloadBoundaryProps } | { readonly existingArn: string };
}

/**
 * Account-wide resources, kept out of the per-environment modules: AWS allows one GuardDuty detector
 * per account and region, and a permissions boundary serves every workload role of the account. Each
 * can be created here or taken as it exists.
 */
export class AccountBaseline extends Construct {
  readonly guardDuty?: GuardDuty;
  /** ARN of the workload boundary (created or given), if any: pass it to the modules' permissionsBoundaryArn. */
  readonly workloadBoundaryArn?: string;
  readonly workloadBoundary?: WorkloadBoundary;

  constructor(scope: Construct, id: string, props: AccountBaselineProps) {
    super(scope, id);
    if (props.guardDuty) this.guardDuty = new GuardDuty(this, "guardduty", props.guardDuty);
    const boundary = props.workloadBoundary;
    if (boundary && "create" in boundary) {
      this.workloadBoundary = new WorkloadBoundary(this, "workload-boundary", boundary.create);
      this.workloadBoundaryArn = this.workloadBoundary.policyArn;
    } else {
      this.workloadBoundaryArn = boundary?.existingArn;
    }
  }
}
