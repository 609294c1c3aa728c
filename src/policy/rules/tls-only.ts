/** Factory for "a resource policy denies requests made without TLS" rules (S3 buckets, SNS topics). */
import { attachedPolicies, deniesInsecureTransport } from "../iam-policy";
import { Rule, RuleMetadata } from "../rule";
import type { ResourceView, StackView } from "../stack-view";

export function tlsOnlyPolicyRule(
  metadata: RuleMetadata & {
    readonly resourceTypes: readonly string[];
    /** An action the deny statement must cover, e.g. `s3:GetObject`. */
    readonly action: string;
    /** The resources whose policies apply to the checked resource (itself and/or companions). */
    policyHolders(resource: ResourceView, stack: StackView): readonly ResourceView[];
  },
): Rule {
  const { action, policyHolders, ...rest } = metadata;
  return {
    ...rest,
    check: ({ resource, stack, cannotVerify }) => {
      let unreadable = false;
      const statements = policyHolders(resource, stack)
        .flatMap((holder) =>
          attachedPolicies(holder, stack, ["resource"], (reason) => {
            unreadable = true;
            cannotVerify(reason);
          }),
        )
        .flatMap((policy) => policy.statements);
      if (statements.some((statement) => deniesInsecureTransport(statement, action)) || unreadable) return undefined;
      return `no policy denies ${action} to everyone when aws:SecureTransport is false`;
    },
  };
}
