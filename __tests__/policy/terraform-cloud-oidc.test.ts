/**
 * Terraform Cloud workload identity trust policies: the GitHub OIDC rules (RC-IAM-001..004) apply to
 * Terraform Cloud's issuer too, with its own audience and an exact workspace-and-phase sub.
 */
import { Testing } from "cdktf";
import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import type { DataAwsIamPolicyDocumentStatementCondition } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { OIDC_ISSUERS, TERRAFORM_CLOUD_OIDC_ISSUER } from "../../src/policy/rules/iam";
import { compliantStack, replaceDeployTrust } from "./compliant-stack";
import { ruleIdsIn, synthError } from "./synth";

type Condition = DataAwsIamPolicyDocumentStatementCondition;

const SUB = "organization:acme:project:Default Project:workspace:recipe-chatbot-prod:run_phase:apply";
const aud = (host = "app.terraform.io", ...values: string[]): Condition => ({
  test: "StringEquals",
  variable: `${host}:aud`,
  values: values.length > 0 ? values : ["aws.workload.identity"],
});
const sub = (test: string, ...values: string[]): Condition => ({ test, variable: "app.terraform.io:sub", values });

/** The compliant stack whose deploy role trusts a Terraform Cloud provider at `url` with `condition`. */
function withTrust(condition: Condition[], url = "https://app.terraform.io") {
  const fx = compliantStack();
  const provider = new IamOpenidConnectProvider(fx.stack, "tfc", { url, clientIdList: ["aws.workload.identity"] });
  replaceDeployTrust(fx, condition, [provider.arn]);
  return fx;
}
const failures = (condition: Condition[], url?: string) => ruleIdsIn(synthError(withTrust(condition, url).stack));

describe("Terraform Cloud OIDC trust policies", () => {
  it("is one of the issuers the OIDC rules know, as data", () => {
    expect(OIDC_ISSUERS.map((i) => [i.hosts, i.audience])).toEqual([
      [["token.actions.githubusercontent.com"], "sts.amazonaws.com"],
      [["app.terraform.io"], "aws.workload.identity"],
    ]);
  });

  it.each([
    ["a wildcard workspace", [aud(), sub("StringLike", "organization:acme:project:Default Project:workspace:*:run_phase:apply")], ["RC-IAM-002"]],
    ["a wildcard run phase", [aud(), sub("StringLike", "organization:acme:project:Default Project:workspace:recipe-chatbot-prod:run_phase:*")], ["RC-IAM-002"]],
    ["a whole organization", [aud(), sub("StringLike", "organization:acme:*")], ["RC-IAM-002"]],
    ['sub "*"', [aud(), sub("StringLike", "*")], ["RC-IAM-002"]],
    ["a single-character wildcard", [aud(), sub("StringLike", "organization:acme:project:Default Project:workspace:recipe-chatbot-pro?:run_phase:apply")], ["RC-IAM-002"]],
    ["no run phase", [aud(), sub("StringEquals", "organization:acme:project:Default Project:workspace:recipe-chatbot-prod")], ["RC-IAM-002"]],
    ["a bad second value after a good first", [aud(), sub("StringLike", SUB, "organization:acme:*")], ["RC-IAM-002"]],
    ["a wildcard under StringEquals", [aud(), sub("StringEquals", "organization:acme:project:*:workspace:recipe-chatbot-prod:run_phase:apply")], ["RC-IAM-002", "RC-IAM-005"]],
    ["no sub condition", [aud()], ["RC-IAM-001"]],
    ["GitHub's audience instead of Terraform Cloud's", [aud("app.terraform.io", "sts.amazonaws.com"), sub("StringEquals", SUB)], ["RC-IAM-003"]],
    ["no aud condition", [sub("StringEquals", SUB)], ["RC-IAM-003"]],
    ["ForAnyValue on sub", [aud(), sub("ForAnyValue:StringEquals", SUB)], ["RC-IAM-004"]],
  ])("rejects %s", (_case, condition, expected) => {
    expect(failures(condition)).toEqual(expected);
  });

  it("names the offending value and what it must pin", () => {
    const fx = withTrust([aud(), sub("StringLike", SUB, "organization:acme:*")]);
    expect(synthError(fx.stack)).toContain(
      'allows sub value(s) "organization:acme:*" not pinned to one workspace and run phase',
    );
  });

  it("recognises a Terraform Enterprise host by the provider's aws.workload.identity audience", () => {
    const tfeSub: Condition = { test: "StringLike", variable: "tfe.example.com:sub", values: ["organization:acme:*"] };
    expect(failures([aud("tfe.example.com"), tfeSub], "https://tfe.example.com")).toEqual(["RC-IAM-002"]);
  });

  it("recognises app.terraform.io named by a literal provider ARN", () => {
    const fx = compliantStack();
    replaceDeployTrust(fx, [aud(), sub("StringLike", "organization:acme:*")], ["arn:aws:iam::123456789012:oidc-provider/app.terraform.io"]);
    expect(ruleIdsIn(synthError(fx.stack))).toEqual(["RC-IAM-002"]);
  });

  it.each([
    ["one exact workspace and phase", () => [aud(), sub("StringEquals", SUB)]],
    ["several exact values, a project with spaces", () => [aud(), sub("StringEquals", SUB, SUB.replace(":apply", ":plan"))]],
  ])("accepts %s", (_case, condition) => {
    expect(() => Testing.synth(withTrust(condition()).stack, true)).not.toThrow();
  });

  it("pins every sub segment: the profile's pattern refuses wildcards anywhere", () => {
    expect(TERRAFORM_CLOUD_OIDC_ISSUER.pinnedSub.test(SUB)).toBe(true);
    for (const wild of ["*", "?"]) {
      for (const segment of ["acme", "Default Project", "recipe-chatbot-prod", "apply"]) {
        expect(TERRAFORM_CLOUD_OIDC_ISSUER.pinnedSub.test(SUB.replace(segment, wild))).toBe(false);
      }
    }
  });
});
