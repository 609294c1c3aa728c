/**
 * One web service behind the load balancer, with monitoring: networking, an ALB with a DNS-validated
 * certificate and WAF, a Fargate cluster and service, alert topics, dashboard and alarms. The domain
 * and its hosted zone are Terraform variables (terraform.tfvars). `npx cdktf synth` in this folder.
 */
import { App, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ApplicationLoadBalancer } from "recipe-chatbot-infra/alb";
import { FargateCluster, FargateService } from "recipe-chatbot-infra/ecs-service";
import { AlertTopics, Monitoring } from "recipe-chatbot-infra/monitoring";
import { Networking } from "recipe-chatbot-infra/networking";

export class WebServiceExample extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-west-1" });
    const domainName = new TerraformVariable(this, "domain_name", { type: "string", description: "The service's public name" }).stringValue;
    const hostedZoneId = new TerraformVariable(this, "hosted_zone_id", { type: "string", description: "Route 53 zone of domain_name" }).stringValue;

    const network = new Networking(this, "network", {
      namePrefix: "shop-dev",
      vpcCidr: "10.30.0.0/16",
      zones: [
        { name: "eu-west-1a", publicSubnetCidr: "10.30.0.0/24", privateSubnetCidr: "10.30.10.0/24" },
        { name: "eu-west-1b", publicSubnetCidr: "10.30.1.0/24", privateSubnetCidr: "10.30.11.0/24" },
      ],
      natMode: "single",
      servicePorts: [8080],
    });
    const alb = new ApplicationLoadBalancer(this, "alb", {
      namePrefix: "shop-dev",
      vpcId: network.vpcId,
      subnetIds: network.publicSubnetIds,
      certificate: { domainName, hostedZoneId },
      dns: { domainName, hostedZoneId, healthCheckPath: "/health" },
      deletionProtection: false,
      targets: [{ name: "web", port: 8080, route: "default", healthCheckPath: "/health" }],
      waf: { mode: "count" },
    });
    const cluster = new FargateCluster(this, "cluster", { clusterName: "shop-dev", capacity: { spotWeight: 1, onDemandWeight: 0 } });
    const web = new FargateService(this, "web", {
      serviceName: "shop-web",
      resourceNamePrefix: "shop-dev-web",
      cluster,
      vpcId: network.vpcId,
      subnetIds: network.privateSubnetIds,
      image: { tag: "v1", maxImageCount: 10 },
      port: 8080,
      user: "1000:1000",
      healthCheckCommand: ["CMD", "/app/healthcheck"],
      loadBalancer: alb.targets.web,
      scaling: { minCapacity: 1, maxCapacity: 3 },
    });
    const topics = new AlertTopics(this, "topics", { topics: [{ id: "alerts", name: "shop-dev-alerts" }, { id: "critical", name: "shop-dev-critical" }] });
    new Monitoring(this, "monitoring", {
      name: "shop-dev",
      topics: { warningTopicArn: topics.topicArns.alerts, criticalTopicArn: topics.topicArns.critical },
      loadBalancer: { arnSuffix: alb.arnSuffix },
      services: [{ name: "web", clusterName: cluster.clusterName, serviceName: web.serviceName, minCapacity: 1, targetGroupArnSuffix: alb.targets.web.arnSuffix }],
    });
    new TerraformOutput(this, "url", { value: alb.url, description: "Where the service answers" });
  }
}

if (require.main === module) {
  const app = new App();
  new WebServiceExample(app, "web-service-example");
  app.synth();
}
