import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ALL_RULES, formatReport, suppress } from "../../src/policy";
import { runPolicyReport } from "../../scripts/policy-report";
import { compliantStack } from "./compliant-stack";
import { buildRecipeChatbotApp } from "../../src/app";
import { resolveEnvironments } from "../../src/config";

const REASON = "dev is destroyed every night; deletion protection would block terraform destroy";

describe("policy report", () => {
  it("lists every rule with checked, passed, suppressed and failed counts", () => {
    const fx = compliantStack();
    fx.alb.enableDeletionProtection = false;
    suppress(fx.alb, "RC-ELB-004", REASON);
    fx.key.enableKeyRotation = false;

    const lines = formatReport(fx.guard.evaluate(fx.stack)).split("\n");
    expect(lines[0]).toBe("Policy report for policy-test: 1 violation(s)");
    expect(lines[1].split(/\s+/)).toEqual(["rule", "severity", "checked", "passed", "suppressed", "failed", "unverifiable", "title"]);
    for (const rule of ALL_RULES) expect(lines.some((l) => l.startsWith(`${rule.id} `))).toBe(true);
    expect(lines.find((l) => l.startsWith("RC-ELB-004 "))?.split(/\s+/).slice(0, 7)).toEqual(
      ["RC-ELB-004", "medium", "1", "0", "1", "0", "0"],
    );
    expect(lines.find((l) => l.startsWith("RC-KMS-001 "))?.split(/\s+/).slice(0, 7)).toEqual(
      ["RC-KMS-001", "medium", "1", "0", "0", "1", "0"],
    );
    expect(lines).toContain(`  [RC-ELB-004] policy-test/alb: ${REASON}`);
    expect(lines).toContain("  [RC-KMS-001] policy-test/key: enable_key_rotation is not true. Fix: set enable_key_rotation = true");
  });

  it("reports every stack of an app, fails on violations and on unguarded stacks", () => {
    let text = "";
    const exitCode = runPolicyReport(
      (app: App) => {
        compliantStack({ app, id: "clean" });
        compliantStack({ app, id: "broken" }).key.enableKeyRotation = false;
        new AwsProvider(new TerraformStack(app, "unguarded"), "aws", { region: "us-east-1" });
      },
      (output) => (text += output),
    );
    expect(exitCode).toBe(1);
    expect(text).toContain("Policy report for clean: 0 violation(s)");
    expect(text).toContain("Policy report for broken: 1 violation(s)");
    expect(text).toContain("[RC-KMS-001] broken/key");
    expect(text).toContain("No policy guard is applied to unguarded");
  });

  it("exits 0 when every stack is guarded and clean", () => {
    expect(runPolicyReport((app) => void compliantStack({ app }), () => undefined)).toBe(0);
  });

  it("exits 0 on the default project, GitHub stack included (npm run policy)", () => {
    let text = "";
    const environments = resolveEnvironments();
    expect(runPolicyReport((app) => buildRecipeChatbotApp(app, { environments }), (output) => (text += output))).toBe(0);
    expect(text).not.toContain("No policy guard");
    expect(text).toContain("Policy report for recipe-chatbot-github: 0 violation(s)");
    expect(text).toMatch(/^RC-GH-002 +critical +4 +4 /m);
  });
});
