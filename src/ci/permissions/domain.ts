import type { PolicyStatement } from "../../core/iam";
import { arn, type CiScope, type ServiceAccess } from "./catalogue";

/** The load balancer's TLS certificate (ACM, DNS-validated). */
export const CERTIFICATES_ACCESS = {
  sid: "Certificates",
  group: "edge",
  read: ["acm:DescribeCertificate", "acm:ListTagsForCertificate"],
  write: ["acm:AddTagsToCertificate", "acm:DeleteCertificate", "acm:RemoveTagsFromCertificate", "acm:UpdateCertificateOptions"],
  unscopedWrite: ["acm:RequestCertificate"],
  resources: (s, e) => [arn(s, e, "acm", "certificate/*")],
} satisfies ServiceAccess;

/** Route 53: the public zone's records and health checks, and Cloud Map's private zone. */
export const DNS_ACCESS = {
  sid: "Dns",
  group: "edge",
  read: ["route53:GetHealthCheck", "route53:GetHostedZone", "route53:ListResourceRecordSets", "route53:ListTagsForResource"],
  // Associate/DisassociateVPCWithHostedZone: EC2 checks them as the caller when it creates (deletes)
  // an interface endpoint with private DNS, whose private zone AWS owns (prod has five endpoints).
  write: [
    "route53:AssociateVPCWithHostedZone", "route53:ChangeTagsForResource", "route53:GetChange",
    "route53:DeleteHealthCheck", "route53:DeleteHostedZone", "route53:DisassociateVPCFromHostedZone", "route53:UpdateHealthCheck",
  ],
  // CreateHostedZone and ListHostedZonesByName: Cloud Map creates the private namespace's zone as the caller.
  // GetChange: apply waits for its record changes; a refresh reads none.
  unscopedWrite: ["route53:CreateHealthCheck", "route53:CreateHostedZone", "route53:ListHostedZonesByName"],
  // Route 53 ARNs carry no account or region; the public zone is a deploy-time variable.
  resources: (s) => ["hostedzone/*", "healthcheck/*", "change/*"].map((resource) => `arn:${s.partition}:route53:::${resource}`),
} satisfies ServiceAccess;

/**
 * Record changes (publicRecordStatements' only action): the certificate's validation record and the
 * alias record of the environment's name, in its public zone. Cloud Map's private zone gets its
 * records from Cloud Map, not from the caller.
 */
export function publicRecordStatements(scope: CiScope): PolicyStatement[] {
  return scope.environments.map((e) => {
    const { hostedZoneId, domainName } = e.publicDns ?? {};
    return {
      sid: `ChangeRecords${e.name.replace(/[^A-Za-z0-9]/g, "")}`,
      effect: "Allow",
      actions: ["route53:ChangeResourceRecordSets"],
      resources: [`arn:${scope.partition}:route53:::hostedzone/${hostedZoneId ?? "*"}`],
      // Normalized names: lower case, no trailing dot; ACM's validation name is _<token>.<name>.
      ...(domainName && {
        condition: [
          { test: "ForAllValues:StringLike", variable: "route53:ChangeResourceRecordSetsNormalizedRecordNames", values: [domainName, `_*.${domainName}`] },
          // ForAllValues holds vacuously when the key is missing.
          { test: "Null", variable: "route53:ChangeResourceRecordSetsNormalizedRecordNames", values: ["false"] },
        ],
      }),
    };
  });
}
