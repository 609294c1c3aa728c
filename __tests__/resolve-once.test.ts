/**
 * README "Speed": a ReadableStack keeps the Terraform JSON the policy guard resolved for its validation
 * and hands it to the synthesis that follows, once; it never serves it again after a change.
 */
import { Testing } from "cdktf";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ReadableStack } from "../src/core/readable-stack";
import { PolicyGuard } from "../src/policy";

function stackWithBucket() {
  const stack = new ReadableStack(Testing.app(), "resolve-once");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  new S3Bucket(stack, "first", { bucket: "first-bucket" });
  return stack;
}

describe("ReadableStack: one resolve for the guard and the JSON", () => {
  it("hands the validation's JSON to the next toTerraform, which equals a fresh resolve", () => {
    const stack = stackWithBucket();
    const kept = stack.terraformForValidation();
    expect(stack.terraformForValidation()).toBe(kept); // a second validation reuses it too
    expect(stack.toTerraform()).toBe(kept);
    expect(stack.toTerraform()).toEqual(kept);
  });

  it("resolves afresh once the kept JSON was used, and when the stack is prepared again", () => {
    const stack = stackWithBucket();
    stack.terraformForValidation();
    stack.toTerraform();
    new S3Bucket(stack, "second", { bucket: "second-bucket" });
    expect(Object.keys(stack.toTerraform().resource.aws_s3_bucket)).toEqual(["first", "second"]);

    stack.terraformForValidation();
    new S3Bucket(stack, "third", { bucket: "third-bucket" });
    stack.prepareStack();
    expect(Object.keys(stack.toTerraform().resource.aws_s3_bucket)).toEqual(["first", "second", "third"]);
  });

  it("synthesizes with the guard's validation exactly what it synthesizes without", () => {
    const guarded = stackWithBucket();
    PolicyGuard.applyTo(guarded, []); // no rules: only the validation's resolve
    const withValidations = JSON.parse(Testing.synth(guarded, true));
    const without = JSON.parse(Testing.synth(stackWithBucket(), false));
    expect(withValidations).toEqual(without);
  });
});
