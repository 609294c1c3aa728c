import { Testing, TerraformStack } from "cdktf";
import { buildRecipeChatbotApp } from "../src/app";
import { applyStateBackend } from "../src/state/backends";
import { resolveConfig, type ConfigOverrides } from "../src/config";
import { ReadableStack } from "../src/core/readable-stack";

const STACKS = ["recipe-chatbot-bootstrap", "recipe-chatbot-dev", "recipe-chatbot-staging", "recipe-chatbot-prod", "recipe-chatbot-github"];

/** The `terraform` block of every stack of the app built from `overrides`, by stack name. */
function terraformBlocks(overrides: ConfigOverrides): Record<string, Record<string, any>> {
  const { environments, project } = resolveConfig(overrides);
  const app = Testing.app();
  buildRecipeChatbotApp(app, { environments, project });
  const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
  return Object.fromEntries(stacks.map((stack) => [stack.node.id, JSON.parse(Testing.synth(stack)).terraform]));
}

describe("state backends", () => {
  it("configures no backend by default, so cdktf's local one applies at synth (no credentials needed)", () => {
    const blocks = terraformBlocks({});
    expect(Object.keys(blocks)).toEqual(STACKS);
    for (const block of Object.values(blocks)) {
      expect(block.backend).toBeUndefined();
      expect(block.cloud).toBeUndefined();
    }
  });

  it("s3: one key per stack, encrypted with the CMK, S3 lock file and DynamoDB lock together", () => {
    const kmsKeyId = "arn:aws:kms:eu-west-1:123456789012:key/0b6f6f8e-3c0e-4a8f-9c55-4c2a1f0d8e11";
    const blocks = terraformBlocks({
      stateBackend: { type: "s3", bucket: "acme-tfstate", region: "eu-west-1", lockTable: "acme-locks", keyPrefix: "teams/chatbot", kmsKeyId },
    });
    for (const stack of STACKS) {
      expect(blocks[stack].backend).toEqual({
        s3: {
          bucket: "acme-tfstate",
          key: `teams/chatbot/${stack}.tfstate`,
          region: "eu-west-1",
          encrypt: true,
          dynamodb_table: "acme-locks",
          kms_key_id: kmsKeyId,
          use_lockfile: true,
        },
      });
    }
  });

  it("s3: the default key prefix is recipe-chatbot", () => {
    const blocks = terraformBlocks({ stateBackend: { type: "s3", bucket: "acme-tfstate", region: "us-east-1", lockTable: "acme-locks" } });
    expect(blocks["recipe-chatbot-prod"].backend.s3.key).toBe("recipe-chatbot/recipe-chatbot-prod.tfstate");
    expect(blocks["recipe-chatbot-prod"].backend.s3).not.toHaveProperty("kms_key_id");
  });

  it("cloud: one named workspace per stack in the organization", () => {
    const blocks = terraformBlocks({ stateBackend: { type: "cloud", organization: "acme", workspacePrefix: "chatbot-" } });
    for (const stack of STACKS) {
      expect(blocks[stack].backend).toBeUndefined();
      expect(blocks[stack].cloud).toEqual({ organization: "acme", hostname: "app.terraform.io", workspaces: { name: `chatbot-${stack.replace("recipe-chatbot-", "")}` } });
    }
  });

  it("applyStateBackend works on any stack, keyed by the name it is given", () => {
    const stack = new ReadableStack(Testing.app(), "anything");
    applyStateBackend(stack, "platform-shared", { type: "s3", bucket: "b-tfstate", region: "us-east-1", lockTable: "locks", keyPrefix: "p" });
    expect(JSON.parse(Testing.synth(stack)).terraform.backend.s3).toMatchObject({ key: "p/platform-shared.tfstate", use_lockfile: true });
  });
});
