/**
 * A platform team's app built on the published package (fixture of __tests__/package/consumer.test.ts).
 * It imports only what the package exports, as an installed dependency, and uses each of the five
 * modules. CommonJS TypeScript (.cts), as `cdktf init` apps are CommonJS, and so that the
 * repository's own `tsc` (which globs __tests__/**\/*.ts) leaves it alone.
 */
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { GithubStack, PolicyGuard, resolveConfig, suppress } from "recipe-chatbot-infra";
import { ApplicationLoadBalancer } from "recipe-chatbot-infra/alb";
import { FargateCluster, FargateService } from "recipe-chatbot-infra/ecs-service";
import { Monitoring } from "recipe-chatbot-infra/monitoring";
import { Networking } from "recipe-chatbot-infra/networking";
import { SecretsStore } from "recipe-chatbot-infra/secrets";

class PlatformStack extends TerraformStack {
  constructor(scope: App, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-west-1" });
    const network = new Networking(this, "network", {
      namePrefix: "platform",
      vpcCidr: "10.40.0.0/16",
      zones: [
        { name: "eu-west-1a", publicSubnetCidr: "10.40.0.0/24", privateSubnetCidr: "10.40.10.0/24" },
        { name: "eu-west-1b", publicSubnetCidr: "10.40.1.0/24", privateSubnetCidr: "10.40.11.0/24" },
      ],
    });
    const alb = new ApplicationLoadBalancer(this, "alb", {
      namePrefix: "platform",
      vpcId: network.vpcId,
      subnetIds: network.publicSubnetIds,
      certificate: { certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/platform" },
      targets: [{ name: "api", port: 8080, route: "default" }],
      waf: { mode: "block" },
    });
    const secrets = new SecretsStore(this, "secrets", {
      secrets: [{ id: "token", name: "platform/api-token", description: "API token", environmentVariable: "API_TOKEN" }],
    });
    // A suppression names the rule and says why, like cdk-nag's.
    suppress(secrets.secrets[0].secret, "RC-SEC-002", "the token is issued by a partner portal; rotation is their schedule, not a Lambda's");
    const access = secrets.access({ secrets: ["token"] });
    const cluster = new FargateCluster(this, "cluster", { clusterName: "platform" });
    const api = new FargateService(this, "api", {
      serviceName: "platform-api",
      cluster,
      vpcId: network.vpcId,
      subnetIds: network.privateSubnetIds,
      image: { tag: "v1" },
      port: 8080,
      user: "1000:1000",
      loadBalancer: alb.targets.api,
      secrets: access.containerSecrets,
      secretReadStatements: access.executionRoleStatements,
    });
    new Monitoring(this, "monitoring", {
      name: "platform",
      loadBalancer: { arnSuffix: alb.arnSuffix },
      services: [{ name: "api", clusterName: cluster.clusterName, serviceName: api.serviceName, minCapacity: api.minCapacity, targetGroupArnSuffix: alb.targets.api.arnSuffix }],
    });
    // The package's policy guard checks the consumer's stack like the project's own.
    PolicyGuard.applyTo(this);
  }
}

const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? "cdktf.out" });
new PlatformStack(app, "platform");
// The GitHub stack renders the delivery workflow from files the package ships (its assets), read at synth time.
const { environments, project } = resolveConfig({});
new GithubStack(app, { github: project.github, environments });
app.synth();
