/**
 * What the architecture picture of an environment stack shows: one subgraph per step of
 * `RecipeChatbot` (the construct path below `app/`), and a readable subset of the resources.
 * Left out, with the references to them: IAM roles, policies and policy documents, security groups
 * and their rules, the Route 53 health check, log resource policies, the default security group.
 * Satellites that only make sense with their owner (KMS aliases, bucket settings, routes, ACL rules,
 * lifecycle policies, scaling targets and policies) are folded into it: their references become the
 * owner's edges.
 */
import { literalText, type Block } from "./terraform-json";
import type { DiagramView, TypeRule } from "./graph";

/** The composition's steps in the order `RecipeChatbot` builds them (src/recipe-chatbot/recipe-chatbot.ts). */
export const STEP_ORDER = [
  "inputs",
  "logs-key",
  "alert-topics",
  "account",
  "networking",
  "secrets",
  "load-balancer",
  "cluster",
  "backend",
  "frontend",
  "monitoring",
] as const;

/** The block's construct id (the last segment of its path). */
const constructId = (block: Block): string => block.path[block.path.length - 1];

const stringAttribute = (block: Block, attribute: string): string | undefined => {
  const value = block.body[attribute];
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
};

const tag = (block: Block, key: string): string | undefined => {
  const tags = block.body.tags;
  const value = typeof tags === "object" && tags !== null ? (tags as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" ? value : undefined;
};

/** The tier a route table serves, from its construct id (`private-us-east-1a-route-table` -> `private`). */
const tierOfId = (block: Block): string => constructId(block).split("-")[0];

export const AWS_RULES: Readonly<Record<string, TypeRule>> = {
  // Entry: DNS, certificate, load balancer, WAF.
  aws_lb: { show: { kind: "ALB", shape: "stadium" } },
  aws_lb_listener: {
    show: { kind: "Listener", name: (block) => `${stringAttribute(block, "protocol") ?? "?"} :${stringAttribute(block, "port") ?? "?"}` },
  },
  aws_lb_listener_rule: {
    edge: {
      from: "listener_arn",
      to: "action",
      label: (block) => `rule ${stringAttribute(block, "priority") ?? constructId(block)}`,
    },
  },
  aws_lb_target_group: { show: { kind: "Target group", name: (block) => `${stringAttribute(block, "name") ?? constructId(block)} :${stringAttribute(block, "port") ?? "?"}` } },
  aws_acm_certificate: {
    show: { kind: "ACM certificate", name: (block) => literalText(block.body.domain_name) ?? `${stringAttribute(block, "validation_method") ?? "?"}-validated` },
  },
  aws_acm_certificate_validation: { fold: ["aws_acm_certificate"] },
  // The DNS validation record belongs to the certificate; the alias records are aggregated.
  aws_route53_record: { fold: ["aws_acm_certificate"], otherwise: { aggregate: { kind: "Route 53 record", plural: "Route 53 records", detail: (block) => stringAttribute(block, "type") } } },
  aws_wafv2_web_acl: { show: { kind: "WAF web ACL", shape: "hexagon" } },
  aws_wafv2_web_acl_association: { edge: { from: "web_acl_arn", to: "resource_arn", label: () => "protects" } },
  aws_wafv2_web_acl_logging_configuration: { edge: { from: "resource_arn", to: "log_destination_configs", label: () => "logs" } },
  aws_s3_bucket: { show: { kind: "S3 bucket", shape: "cylinder" } },
  aws_s3_bucket_policy: { fold: ["aws_s3_bucket"] },
  aws_s3_bucket_lifecycle_configuration: { fold: ["aws_s3_bucket"] },
  aws_s3_bucket_ownership_controls: { fold: ["aws_s3_bucket"] },
  aws_s3_bucket_public_access_block: { fold: ["aws_s3_bucket"] },
  aws_s3_bucket_server_side_encryption_configuration: { fold: ["aws_s3_bucket"] },

  // Compute: cluster, services and what a task starts from.
  aws_ecs_cluster: { show: { kind: "ECS cluster" } },
  aws_ecs_cluster_capacity_providers: { fold: ["aws_ecs_cluster"] },
  aws_service_discovery_private_dns_namespace: { show: { kind: "Cloud Map namespace" } },
  aws_ecs_service: {
    show: {
      kind: "ECS service",
      shape: "stadium",
      counts: { aws_appautoscaling_policy: ["scaling policy", "scaling policies"] },
    },
  },
  aws_service_discovery_service: { fold: ["aws_ecs_service"] },
  aws_appautoscaling_target: { fold: ["aws_ecs_service"] },
  aws_appautoscaling_policy: { fold: ["aws_appautoscaling_target"] },
  aws_ecs_task_definition: { show: { kind: "Task definition" } },
  aws_ecr_repository: { show: { kind: "ECR repository", shape: "cylinder" } },
  aws_ecr_lifecycle_policy: { fold: ["aws_ecr_repository"] },
  aws_cloudwatch_log_group: { show: { kind: "Log group", shape: "cylinder" } },

  // Secrets and settings.
  aws_secretsmanager_secret: { show: { kind: "Secret", shape: "cylinder" } },
  aws_ssm_parameter: { aggregate: { kind: "SSM parameter", plural: "SSM parameters", shape: "cylinder", detail: constructId } },
  aws_kms_key: { show: { kind: "KMS key", name: (_, folded) => folded.map((block) => stringAttribute(block, "name")).find(Boolean) } },
  aws_kms_alias: { fold: ["aws_kms_key"] },

  // Alerts and events.
  aws_sns_topic: { show: { kind: "SNS topic", shape: "hexagon" } },
  aws_sns_topic_policy: { fold: ["aws_sns_topic"] },
  aws_sns_topic_subscription: { fold: ["aws_sns_topic"] },
  aws_cloudwatch_metric_alarm: { show: { kind: "Alarm", name: constructId } },
  aws_cloudwatch_log_metric_filter: { aggregate: { kind: "Metric filter", plural: "metric filters", detail: (block) => constructId(block).replace(/^[a-z]+-/, "") } },
  aws_cloudwatch_dashboard: { show: { kind: "Dashboard" } },
  aws_cloudwatch_event_rule: { show: { kind: "EventBridge rule", name: constructId } },
  aws_cloudwatch_event_target: { edge: { from: "rule", to: "arn", label: () => "target" } },
  aws_guardduty_detector: { show: { kind: "GuardDuty detector" } },
  aws_guardduty_detector_feature: { fold: ["aws_guardduty_detector"] },

  // Network.
  aws_vpc: { show: { kind: "VPC", name: (block) => stringAttribute(block, "cidr_block") } },
  aws_flow_log: { fold: ["aws_vpc"] },
  aws_subnet: { aggregate: { kind: "Subnet", plural: "subnets", by: (block) => tag(block, "Tier") ?? tierOfId(block), detail: (block) => stringAttribute(block, "cidr_block") } },
  aws_internet_gateway: { show: { kind: "Internet gateway" } },
  aws_nat_gateway: { show: { kind: "NAT gateway" } },
  aws_eip: { fold: ["aws_nat_gateway"] },
  aws_route_table: { aggregate: { kind: "Route table", plural: "route tables", by: tierOfId } },
  aws_route: { fold: ["aws_route_table"] },
  aws_route_table_association: { fold: ["aws_route_table"] },
  aws_network_acl: { show: { kind: "Network ACL", counts: { aws_network_acl_rule: ["rule", "rules"] } } },
  aws_network_acl_rule: { fold: ["aws_network_acl"] },
  aws_vpc_endpoint: {
    aggregate: {
      kind: "VPC endpoint",
      by: (block) => (stringAttribute(block, "vpc_endpoint_type") ?? "").toLowerCase(),
      plural: "endpoints",
      detail: constructId,
    },
  },
};

/** The architecture of an environment stack: the steps under `app/` as subgraphs. */
export const ENVIRONMENT_VIEW: DiagramView = {
  group: (path) => (path[0] === "app" && path.length > 2 ? path[1] : undefined),
  groupOrder: STEP_ORDER,
  rules: AWS_RULES,
  skipReference: (from, _attribute, to) =>
    // Everything in the network sits in the VPC: only the subnets and the internet gateway say so.
    (to.type === "aws_vpc" && !["aws_subnet", "aws_internet_gateway"].includes(from.type)) ||
    // A dashboard graphs half the stack; arrows to all of it say nothing.
    from.type === "aws_cloudwatch_dashboard",
};
