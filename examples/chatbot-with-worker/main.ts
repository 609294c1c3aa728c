/**
 * The Recipe Chatbot's dev environment plus a service a platform team adds: a queue worker with no
 * load balancer, scaled on the depth of its SQS queue. `npx cdktf synth` in this folder.
 */
import { App } from "cdktf";
import { EnvironmentStack, resolveEnvironments } from "recipe-chatbot-infra";
import { FargateService } from "recipe-chatbot-infra/ecs-service";

export function buildChatbotWithWorker(app: App): EnvironmentStack {
  const stack = new EnvironmentStack(app, { config: resolveEnvironments().find((e) => e.name === "dev")! });
  const { cluster, networking } = stack.app;
  const queue = "recipe-indexing";
  new FargateService(stack, "indexer", {
    serviceName: "recipe-chatbot-indexer",
    resourceNamePrefix: "recipe-chatbot-dev-indexer",
    cluster,
    vpcId: networking.vpcId,
    subnetIds: networking.privateSubnetIds,
    image: { tag: "v1" },
    user: "1000:1000",
    scaling: {
      minCapacity: 1,
      maxCapacity: 4,
      customMetrics: [{ name: "queue-depth", namespace: "AWS/SQS", metricName: "ApproximateNumberOfMessagesVisible", dimensions: { QueueName: queue }, target: 100 }],
    },
    taskRoleStatements: [{ effect: "Allow", actions: ["sqs:ReceiveMessage", "sqs:DeleteMessage"], resources: [`arn:aws:sqs:us-east-1:*:${queue}`] }],
  });
  return stack;
}

if (require.main === module) {
  const app = new App();
  buildChatbotWithWorker(app);
  app.synth();
}
