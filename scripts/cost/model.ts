/** What the estimate is made of. Amounts are USD per month; quantities at minimum and maximum capacity. */
import type { EnvironmentConfig } from "../../src/config";

export type Usage = EnvironmentConfig["cost"]["usage"];

/** Usage of a stack that is no environment (bootstrap, github): nothing priced by use. */
export const NO_USAGE: Usage = {
  logsIngestedGb: 0,
  natProcessedGb: 0,
  endpointProcessedGb: 0,
  requestsMillions: 0,
  albLcus: 0,
  guardDutyEventsMillions: 0,
  guardDutyLogsGb: 0,
  containerInsightsObservationsMillionsPerTask: 0,
  ecrStorageGb: 0,
  s3StorageGb: 0,
};

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** One priced item of a stack: what, the unit price, how many units a month, the monthly amount. */
export interface CostLine {
  /** Terraform address(es) it prices, e.g. `aws_nat_gateway.app_networking_tiers_nat_us_east_1a`. */
  readonly resources: readonly string[];
  /** Human description, e.g. "NAT gateway hours". */
  readonly what: string;
  /** The price-table key(s) behind the unit price. */
  readonly prices: readonly string[];
  readonly unitPrice: number;
  /** e.g. "NAT gateway-month" or "GB". */
  readonly unit: string;
  readonly quantity: Range;
  readonly monthly: Range;
  /** A line priced from a usage assumption (usage.<key>), not from the stack alone. */
  readonly usage?: keyof Usage;
  /** The guide's cost category this line belongs to; absent = the guide omitted it. */
  readonly guideItem?: GuideItem;
}

export interface StackEstimate {
  readonly stack: string;
  readonly region: string;
  readonly lines: readonly CostLine[];
  readonly total: Range;
  /** Usage assumptions the usage-priced lines used. */
  readonly usage: Usage;
  /** Resource types that cost nothing by themselves, with the reason, and how many the stack holds. */
  readonly free: readonly { type: string; count: number; reason: string }[];
}

/** The guide's "Estimated monthly costs (us-east-1)" items. */
export const GUIDE_ITEMS = {
  backend: { label: "ECS Fargate (2-20 backend tasks)", min: 50, max: 500 },
  frontend: { label: "ECS Fargate (2-10 frontend tasks)", min: 25, max: 250 },
  alb: { label: "Application Load Balancer", min: 18, max: 18 },
  nat: { label: "NAT Gateway (2 AZs)", min: 90, max: 90 },
  logs: { label: "CloudWatch Logs (10 GB/month)", min: 5, max: 5 },
  secrets: { label: "Secrets Manager (2 secrets)", min: 1, max: 1 },
  hostedZone: { label: "Route 53 Hosted Zone", min: 0.5, max: 0.5 },
  ecr: { label: "ECR Storage (< 1GB)", min: 0.1, max: 0.1 },
} as const;

export type GuideItem = keyof typeof GUIDE_ITEMS;

/** The guide's total: $189.60 - $864.60. */
export const GUIDE_TOTAL: Range = { min: 189.6, max: 864.6 };
