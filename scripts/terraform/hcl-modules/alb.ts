import { ApplicationLoadBalancer } from "../../../src/modules/alb";
import { condition, type HclModuleSpec } from "./hcl-module";

/** The one target's name: part of the target group's name, <name_prefix>-app. */
const TARGET = "app";

/** AWS limits load balancer and target group names to 32 characters; the longest suffix is "-app"/"-alb". */
const MAX_PREFIX = 32 - `-${TARGET}`.length;

export const albModule: HclModuleSpec = {
  name: "alb",
  summary:
    "An internet-facing, dual-stack Application Load Balancer: HTTPS on 443 with a TLS 1.3 policy and a DNS-validated " +
    "certificate, HTTP on 80 that only redirects, one target group for a service, access logs in a new bucket, A and AAAA " +
    "alias records with a Route 53 health check, and a WAF web ACL (AWS managed rules and a rate limit) in block mode.",
  shape: [`one target group, \`<name_prefix>-${TARGET}\`, that receives every request`, "a new access-log bucket", "DNS records and a WAF web ACL in block mode"],
  usage: `  name_prefix    = "shop-prod"
  vpc_id         = module.networking.vpc_id
  subnet_ids     = module.networking.public_subnet_ids
  domain_name    = "shop.example.com"
  hosted_zone_id = "Z0123456789ABCDEFGHIJ"
  target_port    = 8080`,
  define(scope, io) {
    const namePrefix = io.input({
      name: "name_prefix",
      type: "string",
      description: `Prefix of every name (<name_prefix>-alb, <name_prefix>-${TARGET}).`,
      validation: [{ condition: condition.name("var.name_prefix", MAX_PREFIX), errorMessage: `name_prefix must be at most ${MAX_PREFIX} letters, digits and hyphens (ALB and target group names are at most 32 characters).` }],
    }).stringValue;
    const vpcId = io.input({ name: "vpc_id", type: "string", description: "VPC of the target group and the security group." }).stringValue;
    const subnetIds = io.input({
      name: "subnet_ids",
      type: "list(string)",
      description: "Public subnets in at least two zones.",
      validation: [{ condition: "length(var.subnet_ids) >= 2", errorMessage: "subnet_ids must list at least two subnets (an ALB spans two or more zones)." }],
    }).listValue;
    const domainName = io.input({ name: "domain_name", type: "string", description: "The service's public name: certificate, alias records and health check." }).stringValue;
    const hostedZoneId = io.input({ name: "hosted_zone_id", type: "string", description: "Route 53 hosted zone of domain_name." }).stringValue;
    const targetPort = io.integer({
      name: "target_port",
      description: "Port the service's tasks listen on.",
      range: [1, 65535],
    });
    const healthCheckPath = io.input({ name: "health_check_path", type: "string", description: "Path the target group's and Route 53's health checks request.", default: "/" }).stringValue;
    const deletionProtection = io.input({ name: "deletion_protection", type: "bool", description: "Refuse deletion of the load balancer through the API.", default: true }).booleanValue;
    const idleTimeoutSeconds = io.integer({
      name: "idle_timeout_seconds",
      description: "Seconds an idle connection stays open.",
      default: 60,
      range: [1, 4000],
    });
    const expirationDays = io.integer({
      name: "access_log_expiration_days",
      description: "Days an access-log object is kept.",
      default: 90,
      range: [1, 3650],
    });

    const alb = new ApplicationLoadBalancer(scope, "alb", {
      namePrefix,
      vpcId,
      subnetIds,
      certificate: { domainName, hostedZoneId },
      dns: { domainName, hostedZoneId, healthCheckPath },
      deletionProtection,
      idleTimeoutSeconds,
      accessLogs: { expirationDays },
      targets: [{ name: TARGET, port: targetPort, route: "default", healthCheckPath }],
      waf: { mode: "block" },
    });
    const target = alb.targets[TARGET];

    io.output("url", "https://<domain_name>.", alb.url);
    io.output("arn", "ARN of the load balancer.", alb.arn);
    io.output("arn_suffix", "The load balancer's ARN suffix, CloudWatch's LoadBalancer dimension.", alb.arnSuffix);
    io.output("dns_name", "DNS name of the load balancer.", alb.dnsName);
    io.output("zone_id", "Route 53 zone id of the load balancer, for alias records.", alb.zoneId);
    io.output("security_group_id", "The load balancer's security group: let it in to the service's port.", alb.securityGroupId);
    // Known only once the HTTPS listener forwards to the group: ECS refuses a group without a listener,
    // and a module caller cannot depend on a resource inside this module.
    io.output("target_group_arn", "ARN of the target group (ready: its listener exists), for the service's load_balancer.", target.targetGroupArn, [target.listener]);
    io.output("target_group_arn_suffix", "The target group's ARN suffix, CloudWatch's TargetGroup dimension.", target.arnSuffix);
    io.output("web_acl_arn", "ARN of the WAF web ACL.", alb.webAcl!.webAclArn);
  },
};
