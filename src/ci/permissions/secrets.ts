import { PROJECT } from "../../core/naming";
import { arn, type ServiceAccess } from "./catalogue";

/** The application's secrets (metadata only). */
export const SECRETS_ACCESS = {
  sid: "Secrets",
  group: "data",
  read: ["secretsmanager:DescribeSecret", "secretsmanager:GetResourcePolicy"],
  // No Put/DeleteResourcePolicy: a resource policy could grant the apply role (or anyone) the values.
  // No RestoreSecret: the stacks never restore a secret scheduled for deletion.
  write: ["secretsmanager:CreateSecret", "secretsmanager:DeleteSecret", "secretsmanager:TagResource", "secretsmanager:UntagResource", "secretsmanager:UpdateSecret"],
  // Metadata only: no role here may read a secret's value.
  resources: (s, e) => [arn(s, e, "secretsmanager", `secret:${PROJECT}/${e.name}/*`)],
} satisfies ServiceAccess;

/** The environment's SSM parameters (settings, image tags). */
export const PARAMETERS_ACCESS = {
  sid: "Parameters",
  group: "data",
  read: ["ssm:GetParameter", "ssm:ListTagsForResource"],
  write: ["ssm:AddTagsToResource", "ssm:DeleteParameter", "ssm:PutParameter", "ssm:RemoveTagsFromResource"],
  unscopedRead: ["ssm:DescribeParameters"],
  resources: (s, e) => [arn(s, e, "ssm", `parameter/${PROJECT}/${e.name}/*`)],
} satisfies ServiceAccess;
