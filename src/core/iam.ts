import { Construct } from "constructs";
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";

/**
 * IAM policy documents are built with the provider's aws_iam_policy_document data source, never as
 * string templates: Terraform normalises them (no perpetual diffs), they render identically in JSON
 * and HCL output, and the policy guard can read their statements.
 */
export type PolicyStatement = DataAwsIamPolicyDocumentStatement;

export function policyDocument(scope: Construct, id: string, statements: PolicyStatement[]): DataAwsIamPolicyDocument {
  return new DataAwsIamPolicyDocument(scope, id, { statement: statements });
}

/** Trust policy letting one AWS service principal assume a role. */
export function serviceTrustPolicy(scope: Construct, id: string, service: string, conditions?: PolicyStatement["condition"]): DataAwsIamPolicyDocument {
  return policyDocument(scope, id, [
    {
      effect: "Allow",
      actions: ["sts:AssumeRole"],
      principals: [{ type: "Service", identifiers: [service] }],
      condition: conditions,
    },
  ]);
}
