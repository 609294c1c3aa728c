import { Testing} from "cdktf";
import type { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { SynthesizedStack } from "../support/stacks";
import { ReadableStack } from "../../src/core/readable-stack";
import type { ApplicationLoadBalancerProps } from "../../src/modules/alb";

/** Account facts as literals, for modules given `aws` (no data source lookups in the output). */
export const AWS = { accountId: "123456789012", partition: "aws", region: "eu-west-1" } as const;

/** A load balancer with one default target and an existing certificate: what the ALB tests vary. */
export const ALB_BASE: ApplicationLoadBalancerProps = {
  aws: AWS,
  namePrefix: "shop-prod",
  vpcId: "vpc-1",
  subnetIds: ["subnet-a", "subnet-b"],
  certificate: { certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/existing" },
  targets: [{ name: "web", port: 3000, route: "default" }],
};

/**
 * A bare stack with nothing but the AWS provider, the module built in it, synthesized: a module
 * must stand alone, outside the Recipe Chatbot's stacks.
 */
export function synthModule(build: (scope: Construct) => void): SynthesizedStack {
  const stack = new ReadableStack(Testing.app(), "module-under-test");
  new AwsProvider(stack, "aws", { region: AWS.region });
  build(stack);
  return JSON.parse(Testing.synth(stack)) as SynthesizedStack;
}

/** Every block of one type, whatever its address. */
export function all(stack: SynthesizedStack, type: string): Record<string, any>[] {
  return Object.values(stack.resource[type] ?? {});
}

/** The one block of a type (fails when there are none or several). */
export function only(stack: SynthesizedStack, type: string): Record<string, any> {
  const found = all(stack, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
}

/** Building the module throws InvalidPropsError naming the construct, the prop and what is allowed. */
export function expectPropError(build: (scope: Construct) => void, ...fragments: (string | RegExp)[]): void {
  let thrown: unknown;
  try {
    synthModule(build);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(Error);
  expect((thrown as Error).name).toBe("InvalidPropsError");
  for (const fragment of fragments) expect((thrown as Error).message).toMatch(fragment);
}
