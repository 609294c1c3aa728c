/** How the guard reads policies and container definitions written in different ways. */
import { Fn, Testing } from "cdktf";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { encodeContainerDefinitions } from "../../src/policy";
import { backendContainer, compliantStack, CompliantStack } from "./compliant-stack";
import { ruleIdsIn, synthError } from "./synth";

function resultOf(fx: CompliantStack, ruleId: string) {
  return fx.guard.evaluate(fx.stack).results.find((r) => r.rule.id === ruleId);
}

describe("policy documents", () => {
  it("reports a policy built with Fn.jsonencode as unverifiable, not as passed", () => {
    const fx = compliantStack();
    fx.metricsPolicy.policy = Fn.jsonencode({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });

    expect(() => Testing.synth(fx.stack, true)).not.toThrow();
    expect(resultOf(fx, "RC-IAM-007")).toMatchObject({ passed: 6, unverifiable: 1, failed: 0 });
    expect(fx.guard.evaluate(fx.stack).unverifiable).toContainEqual(
      expect.stringMatching(/^policy-test\/metrics-policy: RC-IAM-007: policy: \$\{jsonencode.* is an expression/),
    );
  });

  it("finds a bad statement merged in through source_policy_documents", () => {
    const fx = compliantStack();
    const wide = new DataAwsIamPolicyDocument(fx.stack, "wide", { statement: [{ sid: "Wide", actions: ["s3:*"], resources: [fx.bucket.arn] }] });
    const combined = new DataAwsIamPolicyDocument(fx.stack, "combined", { sourcePolicyDocuments: [wide.json] });
    new IamRolePolicy(fx.stack, "combined-policy", { role: fx.taskRole.id, policy: combined.json });
    expect(synthError(fx.stack)).toContain('[RC-IAM-008] policy-test/combined-policy: policy (data.aws_iam_policy_document.combined) statement "Wide" allows "s3:*"');
  });

  it("lets override_policy_documents replace a statement with the same sid, as Terraform does", () => {
    const fx = compliantStack();
    const narrow = new DataAwsIamPolicyDocument(fx.stack, "narrow", {
      statement: [{ sid: "Read", actions: ["s3:GetObject"], resources: [`${fx.bucket.arn}/*`] }],
    });
    const overridden = new DataAwsIamPolicyDocument(fx.stack, "overridden", {
      statement: [{ sid: "Read", actions: ["s3:*"], resources: ["*"] }],
      overridePolicyDocuments: [narrow.json],
    });
    new IamRolePolicy(fx.stack, "overridden-policy", { role: fx.taskRole.id, policy: overridden.json });
    expect(() => Testing.synth(fx.stack, true)).not.toThrow();
  });

  it('keeps "*"-only actions on Resource "*" allowed and flags the rest', () => {
    const fx = compliantStack();
    const document = new DataAwsIamPolicyDocument(fx.stack, "mixed", {
      statement: [{ actions: ["ec2:DescribeSubnets", "ecr:GetAuthorizationToken", "secretsmanager:GetSecretValue"], resources: ["*"] }],
    });
    new IamRolePolicy(fx.stack, "mixed-policy", { role: fx.taskRole.id, policy: document.json });
    const message = synthError(fx.stack);
    expect(message).toContain('statement #1 allows "secretsmanager:GetSecretValue" on Resource "*"');
    expect(message).not.toContain("ec2:DescribeSubnets");
  });
});

describe("container definitions", () => {
  it("reads definitions written as a literal JSON string", () => {
    const fx = compliantStack();
    fx.taskDefinition.containerDefinitions = JSON.stringify([backendContainer({ privileged: true })]);
    expect(ruleIdsIn(synthError(fx.stack))).toEqual(["RC-ECS-010"]);
  });

  it("reads the key ECS uses, privileged (checkov's CKV_AWS_334 reads privilege)", () => {
    const fx = compliantStack();
    const withCheckovsKey = { ...backendContainer(), privilege: true };
    fx.taskDefinition.containerDefinitions = JSON.stringify([withCheckovsKey]);
    expect(() => Testing.synth(fx.stack, true)).not.toThrow();

    fx.taskDefinition.containerDefinitions = encodeContainerDefinitions([backendContainer({ privileged: true })]);
    expect(synthError(fx.stack)).toContain('[RC-ECS-010] policy-test/backend-task: container "backend" is privileged');
  });

  it("checks every container of a task", () => {
    const fx = compliantStack();
    fx.taskDefinition.containerDefinitions = encodeContainerDefinitions([
      backendContainer(),
      backendContainer({ name: "sidecar", user: "0:0" }),
    ]);
    expect(synthError(fx.stack)).toContain('[RC-ECS-011] policy-test/backend-task: container "sidecar" runs as "0:0"');
  });

  it("resolves references inside registered definitions", () => {
    const fx = compliantStack();
    fx.taskDefinition.containerDefinitions = encodeContainerDefinitions([
      backendContainer({ logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": fx.logGroup.name } } }),
    ]);
    expect(() => Testing.synth(fx.stack, true)).not.toThrow();
  });

  it("fails unreadable definitions (RC-ECS-008) and marks container rules unverifiable", () => {
    const fx = compliantStack();
    fx.taskDefinition.containerDefinitions = Fn.jsonencode([backendContainer({ privileged: true })]);
    expect(ruleIdsIn(synthError(fx.stack))).toEqual(["RC-ECS-008"]);
    expect(resultOf(fx, "RC-ECS-010")).toMatchObject({ checked: 1, passed: 0, unverifiable: 1 });
  });
});
