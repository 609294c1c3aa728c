/** GitHub Actions OIDC trust policies: the cases scanners and AWS's own guardrail miss. */
import { Testing, TerraformVariable } from "cdktf";
import { DataAwsIamOpenidConnectProvider } from "@cdktf/provider-aws/lib/data-aws-iam-openid-connect-provider";
import {
  compliantStack,
  GITHUB_AUD,
  GITHUB_SUB,
  githubSub,
  replaceDeployTrust,
} from "./compliant-stack";
import { ruleIdsIn, synthError } from "./synth";

const LITERAL_PROVIDER_ARN = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";

/** Rule ids the deploy role fails with `condition` as its GitHub trust conditions. */
function failures(condition: Parameters<typeof replaceDeployTrust>[1], federated?: string[]): string[] {
  const fx = compliantStack();
  replaceDeployTrust(fx, condition, federated);
  return ruleIdsIn(synthError(fx.stack));
}

describe("GitHub OIDC trust policies", () => {
  it.each([
    ["no sub condition", [GITHUB_AUD], ["RC-IAM-001"]],
    ["sub only under StringNotEquals", [GITHUB_AUD, githubSub("StringNotEquals", "repo:evil/repo:ref:x")], ["RC-IAM-001"]],
    ['sub "*"', [GITHUB_AUD, githubSub("StringLike", "*")], ["RC-IAM-002"]],
    ["sub repo:ORG/*", [GITHUB_AUD, githubSub("StringLike", "repo:example-org/*")], ["RC-IAM-002"]],
    ["sub repo:ORG*", [GITHUB_AUD, githubSub("StringLike", "repo:example-org*")], ["RC-IAM-002"]],
    ["sub with an abusable leading claim", [GITHUB_AUD, githubSub("StringEquals", "environment:prod")], ["RC-IAM-002"]],
    ["a bad second value after a good first", [GITHUB_AUD, githubSub("StringLike", GITHUB_SUB, "repo:example-org/*")], ["RC-IAM-002"]],
    ["StringEquals with a wildcard", [GITHUB_AUD, githubSub("StringEquals", "repo:example-org/recipe-chatbot:ref:refs/heads/*")], ["RC-IAM-005"]],
    ["ForAllValues on aud", [{ ...GITHUB_AUD, test: "ForAllValues:StringEquals" }, githubSub("StringEquals", GITHUB_SUB)], ["RC-IAM-003", "RC-IAM-004"]],
  ])("rejects %s", (_case, condition, expected) => {
    expect(failures(condition)).toEqual(expected);
  });

  it("names only the offending value", () => {
    const fx = compliantStack();
    replaceDeployTrust(fx, [GITHUB_AUD, githubSub("StringLike", GITHUB_SUB, "repo:example-org*")]);
    expect(synthError(fx.stack)).toContain(
      'statement "GitHubActions" allows sub value(s) "repo:example-org*" not pinned to one repository',
    );
  });

  it("recognises the provider by a literal ARN as well as by reference", () => {
    expect(failures([GITHUB_AUD], [LITERAL_PROVIDER_ARN])).toEqual(["RC-IAM-001"]);
  });

  it("recognises a provider looked up by ARN through its GitHub condition keys", () => {
    const fx = compliantStack();
    const provider = new DataAwsIamOpenidConnectProvider(fx.stack, "github-lookup", { arn: LITERAL_PROVIDER_ARN });
    replaceDeployTrust(fx, [GITHUB_AUD], [provider.arn]);
    expect(ruleIdsIn(synthError(fx.stack))).toEqual(["RC-IAM-001"]);
  });

  it("checks trust policies written as literal JSON", () => {
    const fx = compliantStack();
    fx.deployRole.assumeRolePolicy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "sts:AssumeRoleWithWebIdentity",
          Principal: { Federated: LITERAL_PROVIDER_ARN },
          Condition: {
            StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
            StringLike: { "token.actions.githubusercontent.com:sub": "repo:example-org/*" },
          },
        },
      ],
    });
    expect(ruleIdsIn(synthError(fx.stack))).toEqual(["RC-IAM-002"]);
  });

  it.each([
    ["a branch wildcard under StringLike", () => githubSub("StringLike", "repo:example-org/recipe-chatbot:ref:refs/heads/*")],
    ["several pinned values", () => githubSub("StringEquals", GITHUB_SUB, "repo:example-org/recipe-chatbot:environment:staging")],
  ])("accepts %s", (_case, sub) => {
    const fx = compliantStack();
    replaceDeployTrust(fx, [GITHUB_AUD, sub()]);
    expect(() => Testing.synth(fx.stack, true)).not.toThrow();
  });

  it("accepts owner and repository given as Terraform variables", () => {
    const fx = compliantStack();
    const owner = new TerraformVariable(fx.stack, "github_owner", { type: "string" });
    const repository = new TerraformVariable(fx.stack, "github_repository", { type: "string" });
    const fullName = new TerraformVariable(fx.stack, "github_full_name", { type: "string" });
    replaceDeployTrust(fx, [
      GITHUB_AUD,
      githubSub(
        "StringEquals",
        `repo:${owner.stringValue}/${repository.stringValue}:environment:prod`,
        `repo:${fullName.stringValue}:environment:staging`,
      ),
    ]);
    expect(() => Testing.synth(fx.stack, true)).not.toThrow();
  });

  it("leaves other web-identity providers alone", () => {
    const cognito = "arn:aws:iam::123456789012:oidc-provider/cognito-identity.amazonaws.com";
    const fx = compliantStack();
    replaceDeployTrust(fx, [], [cognito]);
    expect(() => Testing.synth(fx.stack, true)).not.toThrow();
  });
});
