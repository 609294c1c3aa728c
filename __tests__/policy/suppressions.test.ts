import { Testing } from "cdktf";
import { suppress } from "../../src/policy";
import { compliantStack } from "./compliant-stack";
import { synthError } from "./synth";

const DEV_REASON = "dev is destroyed every night; deletion protection would block terraform destroy";

describe("suppressions", () => {
  it("accepts a violation with a written reason and counts it as suppressed", () => {
    const fx = compliantStack();
    fx.alb.enableDeletionProtection = false;
    suppress(fx.alb, "RC-ELB-004", DEV_REASON);

    expect(() => Testing.synth(fx.stack, true)).not.toThrow();
    const evaluation = fx.guard.evaluate(fx.stack);
    const result = evaluation.results.find((r) => r.rule.id === "RC-ELB-004");
    expect(result).toMatchObject({ checked: 1, passed: 0, suppressed: 1, failed: 0 });
    expect(evaluation.appliedSuppressions).toContainEqual({ ruleId: "RC-ELB-004", path: "policy-test/alb", reason: DEV_REASON });
  });

  it("covers only the named rule", () => {
    const fx = compliantStack();
    fx.alb.enableDeletionProtection = false;
    fx.alb.dropInvalidHeaderFields = false;
    suppress(fx.alb, "RC-ELB-004", DEV_REASON);
    const message = synthError(fx.stack);
    expect(message).toContain("[RC-ELB-003] policy-test/alb");
    expect(message).not.toContain("[RC-ELB-004]");
  });

  it("covers only the named resource", () => {
    const fx = compliantStack();
    fx.subnets.forEach((subnet) => (subnet.mapPublicIpOnLaunch = true));
    suppress(fx.subnets[0], "RC-NET-003", "public subnet for a bastion that the guide requires");
    expect(synthError(fx.stack)).toContain("[RC-NET-003] policy-test/subnet-b");
  });

  it("reports suppressions that match no violation", () => {
    const fx = compliantStack();
    suppress(fx.alb, "RC-ELB-004", DEV_REASON);
    expect(fx.guard.evaluate(fx.stack).unusedSuppressions).toEqual([
      { ruleId: "RC-ELB-004", path: "policy-test/alb", reason: DEV_REASON },
    ]);
  });

  it.each([
    ["no reason", "", /needs a written reason/],
    ["a whitespace reason", "      ", /needs a written reason/],
    ["a token reason", "ok for now", /needs a written reason of at least 20 characters/],
  ])("rejects %s", (_case, reason, error) => {
    const fx = compliantStack();
    expect(() => suppress(fx.alb, "RC-ELB-004", reason)).toThrow(error);
  });

  it("rejects an unknown rule id", () => {
    const fx = compliantStack();
    expect(() => suppress(fx.alb, "RC-ELB-999", DEV_REASON)).toThrow('unknown policy rule id "RC-ELB-999"');
  });

  it("rejects a rule that does not apply to the resource type", () => {
    const fx = compliantStack();
    expect(() => suppress(fx.alb, "RC-KMS-001", DEV_REASON)).toThrow("RC-KMS-001 does not apply to aws_lb");
  });

  it("rejects a construct that is not a Terraform resource", () => {
    const fx = compliantStack();
    expect(() => suppress(fx.stack, "RC-ELB-004", DEV_REASON)).toThrow("is not a Terraform resource");
  });

  it("rejects suppressing the same rule twice on one resource", () => {
    const fx = compliantStack();
    suppress(fx.alb, "RC-ELB-004", DEV_REASON);
    expect(() => suppress(fx.alb, "RC-ELB-004", DEV_REASON)).toThrow("already suppressed");
  });
});
