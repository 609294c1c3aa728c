import { AccountBaseline, GuardDuty, WORKLOAD_ACTIONS } from "../../src/account";
import { all, expectPropError, only, synthModule } from "./module-stack";

describe("AccountBaseline", () => {
  it("creates the GuardDuty detector with Fargate runtime monitoring and sends High and Critical findings to a topic", () => {
    const stack = synthModule(
      (scope) => new AccountBaseline(scope, "account", { guardDuty: { detector: "create", namePrefix: "shop-prod", findingsTopicArn: "arn:crit" } }),
    );
    expect(only(stack, "aws_guardduty_detector")).toMatchObject({ enable: true, finding_publishing_frequency: "FIFTEEN_MINUTES" });
    expect(only(stack, "aws_guardduty_detector_feature")).toMatchObject({ name: "RUNTIME_MONITORING", additional_configuration: [{ name: "ECS_FARGATE_AGENT_MANAGEMENT", status: "ENABLED" }] });
    const rule = only(stack, "aws_cloudwatch_event_rule");
    expect(rule).toMatchObject({ name: "shop-prod-guardduty-high-severity", description: "GuardDuty findings of severity 7 or more (High and Critical)" });
    expect(only(stack, "aws_cloudwatch_event_target").arn).toBe("arn:crit");
    expect(stack.resource.aws_iam_policy).toBeUndefined();
  });

  it("with an organisation's detector, reads it and adds only the findings rule", () => {
    let baseline: AccountBaseline | undefined;
    const stack = synthModule((scope) => {
      baseline = new AccountBaseline(scope, "account", {
        guardDuty: { detector: "existing", namePrefix: "shop-prod", findingsTopicArn: "arn:crit", minimumSeverity: 9 },
        workloadBoundary: { existingArn: "arn:aws:iam::1:policy/b" },
      });
    });
    expect(stack.resource.aws_guardduty_detector).toBeUndefined();
    expect(stack.resource.aws_guardduty_detector_feature).toBeUndefined();
    expect(Object.keys(stack.data!.aws_guardduty_detector)).toHaveLength(1);
    expect(only(stack, "aws_cloudwatch_event_rule").description).toBe("GuardDuty findings of severity 9 or more (Critical)");
    expect(baseline!.workloadBoundaryArn).toBe("arn:aws:iam::1:policy/b");
  });

  it("creates the workload boundary: the listed actions on *, nothing else", () => {
    const stack = synthModule((scope) => new AccountBaseline(scope, "account", { workloadBoundary: { create: { policyName: "shop-workload-boundary" } } }));
    expect(only(stack, "aws_iam_policy")).toMatchObject({ name: "shop-workload-boundary" });
    const [document] = Object.values(stack.data!.aws_iam_policy_document) as any[];
    expect(document.statement).toEqual([{ sid: "WorkloadCeiling", effect: "Allow", actions: [...WORKLOAD_ACTIONS], resources: ["*"] }]);
    expect(all(stack, "aws_guardduty_detector")).toHaveLength(0);
  });

  it("rejects bad props", () => {
    expectPropError((scope) => new GuardDuty(scope, "g", { detector: "adopt" as never, namePrefix: "x" }), "detector", '"create", "existing"');
    expectPropError((scope) => new GuardDuty(scope, "g", { detector: "existing", namePrefix: "x", runtimeMonitoring: true }), "runtimeMonitoring", 'only with detector "create"');
    expectPropError((scope) => new GuardDuty(scope, "g", { detector: "create", namePrefix: "x", minimumSeverity: 11 }), "minimumSeverity", "from 1 to 10");
    expectPropError((scope) => new AccountBaseline(scope, "a", { workloadBoundary: { create: { policyName: "b", actions: [] } } }), "actions", "at least one action");
  });
});
