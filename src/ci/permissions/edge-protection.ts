import { arn, environmentNames, type ServiceAccess } from "./catalogue";

/** The web ACL in front of the load balancer, and its logging. */
export const WAF_ACCESS = {
  sid: "Waf",
  group: "edge",
  read: ["wafv2:GetLoggingConfiguration", "wafv2:GetWebACL", "wafv2:GetWebACLForResource", "wafv2:ListTagsForResource"],
  write: [
    "wafv2:AssociateWebACL", "wafv2:CreateWebACL", "wafv2:DeleteLoggingConfiguration", "wafv2:DeleteWebACL", "wafv2:DisassociateWebACL",
    "wafv2:PutLoggingConfiguration", "wafv2:TagResource", "wafv2:UntagResource", "wafv2:UpdateWebACL",
  ],
  resources: (s, e) => [
    arn(s, e, "wafv2", `regional/webacl/${environmentNames(e)}`),
    // The AWS managed rule groups the web ACL references (owned by AWS, hence any account).
    `arn:${s.partition}:wafv2:${e.region}:*:regional/managedruleset/*`,
    // Association is authorised on the load balancer too.
    arn(s, e, "elasticloadbalancing", `loadbalancer/app/${environmentNames(e)}`),
  ],
} satisfies ServiceAccess;

/** The account's GuardDuty detector. */
export const GUARD_DUTY_ACCESS = {
  sid: "GuardDuty",
  group: "edge",
  read: ["guardduty:GetDetector"],
  write: ["guardduty:DeleteDetector", "guardduty:TagResource", "guardduty:UntagResource", "guardduty:UpdateDetector"],
  unscopedWrite: ["guardduty:CreateDetector"],
  resources: (s, e) => [arn(s, e, "guardduty", "detector/*")],
} satisfies ServiceAccess;
