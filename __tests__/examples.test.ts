/**
 * Ladder layer 2 for examples/: each example synthesizes (the policy guard included where the
 * example uses the chatbot's stack), holds what its README line promises, and passes terraform validate.
 */
import * as fs from "fs";
import * as path from "path";
import { EXAMPLES, synthesizeExample } from "./support/examples";
import { prepareWorkdir, terraformInitValidate } from "./support/terraform";

jest.setTimeout(10 * 60 * 1000);

const types = (json: any, type: string): any[] => Object.values(json.resource[type] ?? {});

describe.each(Object.keys(EXAMPLES))("examples/%s", (name) => {
  const { stackDir, json } = synthesizeExample(name);

  it("passes terraform validate", async () => {
    await terraformInitValidate(prepareWorkdir(stackDir));
  });

  it("holds what it promises", () => {
    switch (name) {
      case "networking":
        expect(types(json, "aws_vpc")).toHaveLength(1);
        expect(types(json, "aws_nat_gateway")).toHaveLength(1);
        expect(types(json, "aws_network_acl")).toHaveLength(2);
        expect(json.resource.aws_ecs_service).toBeUndefined();
        break;
      case "web-service":
        expect(types(json, "aws_ecs_service").map((s) => s.name)).toEqual(["shop-web"]);
        expect(types(json, "aws_lb_target_group").map((g) => g.name)).toEqual(["shop-dev-web"]);
        expect(types(json, "aws_cloudwatch_metric_alarm")).toHaveLength(4);
        expect(types(json, "aws_wafv2_web_acl")).toHaveLength(1);
        expect(Object.keys(json.output)).toEqual(["url"]);
        break;
      case "chatbot-with-worker": {
        // The promise to a platform team: adding a service to the chatbot takes about 30 lines.
        const source = fs.readFileSync(path.join(__dirname, "..", "examples", name, "main.ts"), "utf8");
        const code = source.split("\n").filter((line) => line.trim() && !/^\s*(\/\/|\/\*\*|\*|import )/.test(line));
        expect(code.length).toBeLessThanOrEqual(32);
        const services = types(json, "aws_ecs_service");
        expect(services.map((s) => s.name).sort()).toEqual(["recipe-chatbot-backend", "recipe-chatbot-frontend", "recipe-chatbot-indexer"]);
        const worker = services.find((s) => s.name === "recipe-chatbot-indexer");
        expect(worker.load_balancer).toBeUndefined();
        expect(worker.cluster).toBe(services.find((s) => s.name === "recipe-chatbot-backend").cluster);
        const queueDepth = types(json, "aws_appautoscaling_policy").find((p) => p.name === "recipe-chatbot-dev-indexer-queue-depth");
        expect(queueDepth.target_tracking_scaling_policy_configuration.customized_metric_specification).toMatchObject({
          namespace: "AWS/SQS",
          metric_name: "ApproximateNumberOfMessagesVisible",
          dimensions: [{ name: "QueueName", value: "recipe-indexing" }],
        });
        break;
      }
      default:
        throw new Error(`no expectations for example ${name}`);
    }
  });
});
