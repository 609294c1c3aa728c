import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { EnvironmentConfig } from "../config";
import { lookUpAwsContext } from "../core/aws-context";
import { environmentStackName, workloadBoundaryArn } from "../core/naming";
import { PolicyGuard } from "../policy";
import { RecipeChatbot } from "../recipe-chatbot/recipe-chatbot";
import { declareEnvironmentOutputs } from "./environment-outputs";
import { ReadableStack } from "../core/readable-stack";

export interface EnvironmentStackProps {
  readonly config: EnvironmentConfig;
}

/** One environment (dev, staging, prod): its own Terraform root and state, holding the Recipe Chatbot. */
export class EnvironmentStack extends ReadableStack {
  readonly config: EnvironmentConfig;
  readonly app: RecipeChatbot;

  constructor(scope: Construct, props: EnvironmentStackProps) {
    const { config } = props;
    super(scope, environmentStackName(config.name));
    this.config = config;

    new AwsProvider(this, "aws", {
      region: config.region,
      // Cost allocation tags (guide "Cost Monitoring") on every resource that takes tags.
      defaultTags: [
        {
          tags: {
            Project: config.tags.project,
            Environment: config.tags.environment,
            Owner: config.tags.owner,
            CostCenter: config.tags.costCenter,
            ManagedBy: "cdktf",
          },
        },
      ],
    });
    const aws = lookUpAwsContext(this, config.region);
    // Every resource of the stack passes the named security rules, or synth fails (README "Policy guard").
    PolicyGuard.applyTo(this);

    this.app = new RecipeChatbot(this, "app", {
      config,
      aws,
      // Created by the bootstrap stack in this account (README "Bootstrap"): the ceiling of every role here.
      permissionsBoundaryArn: workloadBoundaryArn(aws.partition, aws.accountId),
    });
    declareEnvironmentOutputs(this, this.app, config.region);
  }
}
