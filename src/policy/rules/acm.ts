/** ACM certificate rules. */
import { Rule } from "../rule";
import { Attributes, block, quote, strings } from "../values";

/** Imported certificates (no domain_name) are managed outside Terraform's request flow. */
const isRequested = (attributes: Attributes) => typeof attributes.domain_name === "string";

export const acmCreateBeforeDestroy: Rule = {
  id: "RC-ACM-001",
  title: "Certificates are replaced before they are destroyed",
  description: "Without create_before_destroy, replacing a certificate removes the one the HTTPS listener is serving.",
  severity: "medium",
  references: ["CKV_AWS_233"],
  resourceTypes: ["aws_acm_certificate"],
  remediation: "set lifecycle { create_before_destroy = true }",
  check: ({ resource }) =>
    block(resource.attributes.lifecycle)?.create_before_destroy === true
      ? undefined
      : "lifecycle.create_before_destroy is not true",
};

export const acmTransparencyLogging: Rule = {
  id: "RC-ACM-002",
  title: "Certificates are logged to Certificate Transparency",
  description: "CT logging lets the domain owner detect certificates issued for their names; browsers require it.",
  severity: "medium",
  references: ["CKV_AWS_234"],
  resourceTypes: ["aws_acm_certificate"],
  remediation: 'leave options.certificate_transparency_logging_preference unset or "ENABLED"',
  check: ({ resource }) =>
    block(resource.attributes.options)?.certificate_transparency_logging_preference === "DISABLED"
      ? "certificate_transparency_logging_preference is DISABLED"
      : undefined,
};

export const acmNoWildcard: Rule = {
  id: "RC-ACM-003",
  title: "Certificates name their hosts (no wildcards)",
  description: "A wildcard certificate's key, if leaked, impersonates every host under the domain.",
  severity: "low",
  references: ["CKV2_AWS_71"],
  resourceTypes: ["aws_acm_certificate"],
  remediation: "list the host names in domain_name and subject_alternative_names",
  check: ({ resource: { attributes } }) =>
    isRequested(attributes)
      ? [attributes.domain_name, ...strings(attributes.subject_alternative_names)]
          .filter((name): name is string => typeof name === "string" && name.startsWith("*"))
          .map((name) => `covers the wildcard name ${quote(name)}`)
      : undefined,
};

export const ACM_RULES: readonly Rule[] = [acmCreateBeforeDestroy, acmTransparencyLogging, acmNoWildcard];
