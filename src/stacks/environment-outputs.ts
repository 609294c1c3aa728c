import { Construct } from "constructs";
import { TerraformOutput } from "cdktf";
import type { RecipeChatbot } from "../recipe-chatbot/recipe-chatbot";

/** Outputs a person or a pipeline needs from an environment root, each described. */
export function declareEnvironmentOutputs(scope: Construct, app: RecipeChatbot, region: string): void {
  const output = (id: string, value: unknown, description: string) => new TerraformOutput(scope, id, { value, description });
  const { loadBalancer: alb, networking, services, monitoring } = app;
  const byService = <T>(pick: (service: RecipeChatbot["services"]["backend"]) => T) =>
    Object.fromEntries(Object.entries(services).map(([name, service]) => [name, pick(service)]));

  output("url", alb.url, "Where the chatbot answers (https://<domain_name>)");
  output("alb_dns_name", alb.dnsName, "The load balancer's DNS name (the alias records point at it)");
  output("alb_zone_id", alb.zoneId, "The load balancer's Route 53 zone id, for alias records elsewhere");
  output("cluster_name", app.cluster.clusterName, "ECS cluster of the services");
  output("service_names", byService((s) => s.serviceName), "ECS service name by service");
  output("ecr_repository_urls", byService((s) => s.registry?.repositoryUrl), "ECR repository URL by service: the delivery pipeline pushes here");
  output(
    "log_group_names",
    { ...byService((s) => s.logGroupName), flow_logs: networking.flowLogs?.logGroupName, waf: alb.webAcl?.logGroupName },
    "CloudWatch log group by service, plus the VPC flow logs and the WAF logs",
  );
  output("dashboard_name", monitoring.dashboardName, "CloudWatch dashboard of the environment");
  output(
    "dashboard_url",
    `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards/dashboard/${monitoring.dashboardName}`,
    "The dashboard in the AWS console",
  );
  output("alert_topic_arns", app.alertTopics.topicArns, "SNS topics: alerts (degradation, audit) and critical (outage)");
  output("web_acl_arn", alb.webAcl?.webAclArn, "WAF web ACL in front of the load balancer");
  output("vpc_id", networking.vpcId, "The environment's VPC");
  output("public_subnet_ids", networking.publicSubnetIds, "Public subnets (load balancer, NAT gateways)");
  output("private_subnet_ids", networking.privateSubnetIds, "Private subnets (tasks, interface endpoints)");
}
