/**
 * `npm run cost` (README "Cost"): exact figures for a small fixture stack, the Fargate/Spot split, the
 * completeness of the rules (every priced type has one; every type of the real stacks is priced or
 * declared free), the region check, and the real environments against the guide's table.
 */
import * as fs from "fs";
import * as path from "path";
import { Testing, TerraformStack } from "cdktf";
import { buildRecipeChatbotApp } from "../src/app";
import { resolveConfig } from "../src/config";
import { environmentStackName } from "../src/core/naming";
import { estimateStack } from "../scripts/cost/estimate";
import { NO_USAGE, type Usage } from "../scripts/cost/model";
import { PriceTable, pricedRegions } from "../scripts/cost/price-table";
import { formatGuideComparison, formatMarkdown, formatStack } from "../scripts/cost/report";
import { FREE, RULES, splitTasks } from "../scripts/cost/rules";

const fixture = () => JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "cost", "small-stack.json"), "utf8"));
const USAGE: Usage = { ...NO_USAGE, natProcessedGb: 100, albLcus: 2, logsIngestedGb: 10 };

describe("cost estimate of a small fixture stack (us-east-1, 730 hours a month)", () => {
  const estimate = estimateStack(fixture(), { stack: "cost-fixture", usage: USAGE });
  const byWhat = Object.fromEntries(estimate.lines.map((l) => [l.what, l]));

  it("prices each resource: unit price, quantity and monthly amount at minimum and maximum capacity", () => {
    const summary = estimate.lines.map((l) => [l.what, l.unitPrice, l.quantity.min, l.quantity.max, l.monthly.min, l.monthly.max]);
    expect(summary).toEqual([
      ["Public IPv4 addresses (Elastic IPs)", 3.65, 1, 1, 3.65, 3.65],
      ["NAT gateway hours", 32.85, 1, 1, 32.85, 32.85],
      ["NAT gateway data processing", 0.045, 100, 100, 4.5, 4.5],
      ["Interface endpoints (1, one network interface per subnet)", 7.3, 2, 2, 14.6, 14.6],
      ["Application load balancer hours", 16.425, 1, 1, 16.425, 16.425],
      ["Load balancer capacity units (average)", 5.84, 2, 2, 11.68, 11.68],
      ["Public IPv4 addresses of the internet-facing ALB (one per subnet)", 3.65, 2, 2, 7.3, 7.3],
      ["KMS customer managed keys", 1, 1, 1, 1, 1],
      ["Secrets Manager secrets", 0.4, 1, 1, 0.4, 0.4],
      ["CloudWatch Logs ingestion (1 log groups)", 0.5, 10, 10, 5, 5],
      ["CloudWatch Logs storage, steady state (1.0 months kept, uncompressed)", 0.03, 10, 10, 0.3, 0.3],
      // 0.5 vCPU x $0.04048 + 1 GB x $0.004445 = $0.024685 an hour. 2-6 tasks, base 1 on Fargate, then 1:3:
      // at 2 tasks 1 + 0.25 on Fargate and 0.75 on Spot; at 6 tasks 1 + 1.25 and 3.75.
      ["api: Fargate tasks (0.5 vCPU, 1 GB, x86)", 18.02005, 1.25, 2.25, 22.525063, 40.545113],
      ["api: Fargate Spot tasks (0.5 vCPU, 1 GB, x86)", 5.406015, 0.75, 3.75, 4.054511, 20.272556],
      // ARM64: 1 vCPU x $0.03238 + 2 GB x $0.00356; launch type FARGATE, desired count 1, no autoscaling.
      ["worker: Fargate tasks (1 vCPU, 2 GB, arm64)", 28.835, 1, 1, 28.835, 28.835],
    ]);
    expect(byWhat["NAT gateway data processing"].usage).toBe("natProcessedGb");
  });

  it("totals at minimum and maximum capacity, to the cent", () => {
    expect(estimate.total).toEqual({ min: 153.12, max: 187.36 });
  });

  it("states what costs nothing, and why", () => {
    expect(estimate.free.map((f) => f.type).sort()).toEqual(["aws_appautoscaling_target", "aws_ecs_task_definition", "aws_subnet", "aws_vpc"]);
    expect(formatStack(estimate)).toMatch(/^cost-fixture \(us-east-1\): \$153\.12 - \$187\.36 a month/);
  });

  it("fails on a resource type that has neither a rule nor a reason to be free", () => {
    const stack = fixture();
    stack.resource.aws_instance = { box: { instance_type: "t3.micro" } };
    expect(() => estimateStack(stack, { stack: "cost-fixture" })).toThrow(/cost-fixture: no cost rule for aws_instance\. Add a rule to scripts\/cost\/rules\.ts/);
  });

  it("refuses a region without a price table instead of guessing", () => {
    const stack = fixture();
    stack.provider.aws[0].region = "eu-west-1";
    expect(() => estimateStack(stack, { stack: "cost-fixture" })).toThrow(
      "No price table for region eu-west-1: the estimate prices us-east-1 only (scripts/cost/prices/<region>.json)",
    );
  });
});

describe("scheduled scale-in: what runs by the task is priced for the hours it runs", () => {
  // The fixture's api service, on a public IP and in Cloud Map, stopped at 19:00 and started at 08:00 on weekdays: 55 of 168 hours.
  const scheduled = () => {
    const stack = fixture();
    const api = stack.resource.aws_ecs_service.api;
    api.network_configuration = { assign_public_ip: true, subnets: ["subnet-1"] };
    api.service_registries = { registry_arn: "${aws_service_discovery_service.api.arn}" };
    stack.resource.aws_service_discovery_service = { api: { name: "api" } };
    const action = (schedule: string, min: number, max: number) => ({
      resource_id: "${aws_appautoscaling_target.api.resource_id}",
      schedule,
      scalable_target_action: { min_capacity: String(min), max_capacity: String(max) },
    });
    stack.resource.aws_appautoscaling_scheduled_action = { stop: action("cron(0 19 ? * MON-FRI *)", 0, 0), start: action("cron(0 8 ? * MON-FRI *)", 2, 6) };
    return stack;
  };
  const estimate = estimateStack(scheduled(), { stack: "cost-fixture", usage: USAGE });
  const lines = (pattern: RegExp) => estimate.lines.filter((l) => pattern.test(l.what)).map((l) => [l.what, l.quantity.min, l.quantity.max, l.monthly.min, l.monthly.max]);

  it("prices the api's tasks, public addresses and Cloud Map instances at 55/168 of the month", () => {
    expect(lines(/^api: |Cloud Map/)).toEqual([
      // 2 tasks x 55/168 = 0.654762 public address-months at $3.65; 6 tasks: 1.964286.
      ["api: public IPv4 addresses of its tasks (one per task, 32.7% of the hours)", 0.654762, 1.964286, 2.389881, 7.169644],
      // The base and weights split 2 and 6 tasks as before (1.25 + 0.75, 2.25 + 3.75), each times 55/168.
      ["api: Fargate tasks (0.5 vCPU, 1 GB, x86, 32.7% of the hours)", 0.409226, 0.736607, 7.374273, 13.273695],
      ["api: Fargate Spot tasks (0.5 vCPU, 1 GB, x86, 32.7% of the hours)", 0.245536, 1.227679, 1.327371, 6.636851],
      ["Cloud Map registered instances (one per running task, for the hours it runs)", 0.654762, 1.964286, 0.065476, 0.196429],
    ]);
    // The worker has no schedule: all month.
    expect(lines(/^worker: /)).toEqual([["worker: Fargate tasks (1 vCPU, 2 GB, arm64)", 1, 1, 28.835, 28.835]]);
  });

  it("totals to the cent", () => {
    expect(estimate.total).toEqual({ min: 137.7, max: 153.82 });
  });

  it("refuses a schedule it cannot read rather than guessing its hours", () => {
    const stack = scheduled();
    stack.resource.aws_appautoscaling_scheduled_action.stop.schedule = "rate(12 hours)";
    expect(() => estimateStack(stack, { stack: "cost-fixture", usage: USAGE })).toThrow('cannot read "rate(12 hours)": only weekly schedules "cron(M H ? * DAYS *)" are understood');
  });
});

describe("the Fargate / Fargate Spot split (capacity provider strategy and base)", () => {
  const prod = [{ provider: "FARGATE", base: 2, weight: 1 }, { provider: "FARGATE_SPOT", base: 0, weight: 3 }];
  it.each([
    [2, { FARGATE: 2, FARGATE_SPOT: 0 }],
    [6, { FARGATE: 3, FARGATE_SPOT: 3 }],
    [20, { FARGATE: 6.5, FARGATE_SPOT: 13.5 }],
  ])("%i tasks of the prod strategy", (tasks, split) => expect(splitTasks(tasks, prod)).toEqual(split));

  it("all Spot with weight 0 on Fargate and no base", () => {
    expect(splitTasks(4, [{ provider: "FARGATE", base: 0, weight: 0 }, { provider: "FARGATE_SPOT", base: 0, weight: 1 }])).toEqual({ FARGATE: 0, FARGATE_SPOT: 4 });
  });
});

describe("the rules and the price table", () => {
  const table = PriceTable.forRegion("us-east-1");

  it("every price names its date and https source", () => {
    for (const entry of Object.values(table.data.prices)) {
      expect(entry.date).toMatch(/^20\d\d-\d\d/);
      expect(entry.source).toMatch(/^https:\/\/aws\.amazon\.com\//);
    }
    expect(pricedRegions()).toEqual(["us-east-1"]);
  });

  it("every resource type with a price has a rule, and none of them is declared free", () => {
    const priced = [...new Set(Object.values(table.data.prices).flatMap((entry) => entry.resources))].sort();
    expect(priced.filter((type) => !RULES[type])).toEqual([]);
    expect(priced.filter((type) => FREE[type] !== undefined)).toEqual([]);
  });

  it("every resource type of every real stack is priced by a rule or declared free (the estimate throws otherwise)", () => {
    const app = Testing.app();
    buildRecipeChatbotApp(app, resolveConfig());
    for (const stack of app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack)) {
      expect(() => estimateStack(JSON.parse(Testing.synth(stack)), { stack: stack.node.id })).not.toThrow();
    }
  });
});

describe("the real environments", () => {
  const estimateOf = (name: string, overrides = {}) => {
    const app = Testing.app();
    const { environments, project } = resolveConfig(overrides);
    buildRecipeChatbotApp(app, { environments, project });
    const stack = app.node.findChild(environmentStackName(name)) as TerraformStack;
    return estimateStack(JSON.parse(Testing.synth(stack)), { stack: stack.node.id, usage: environments.find((e) => e.name === name)!.cost.usage });
  };

  it("prod next to the guide's table names what the guide omitted (interface endpoints switched on to show them)", () => {
    const comparison = formatGuideComparison(estimateOf("prod", { environments: { prod: { network: { interfaceEndpoints: true } } } }));
    expect(comparison).toContain("Total                              $189.60 - $864.60");
    for (const omitted of ["WAF web ACL", "Public IPv4 addresses", "Interface endpoints", "KMS customer managed keys", "GuardDuty", "Container Insights", "CloudWatch alarms", "CloudWatch dashboards"]) {
      expect(comparison).toMatch(new RegExp(`the guide omitted[\\s\\S]*- ${omitted}`));
    }
  });

  it("meets issue 13's targets at minimum capacity: dev at most $60, prod at most $190 with two tasks of each service", () => {
    expect(estimateOf("dev").total.min).toBeLessThanOrEqual(60);
    const prod = estimateOf("prod");
    expect(prod.total.min).toBeLessThanOrEqual(190);
    const tasks = (name: string) => prod.lines.filter((l) => l.what.startsWith(`recipe-chatbot-${name}: Fargate`)).reduce((sum, l) => sum + l.quantity.min, 0);
    expect([tasks("backend"), tasks("frontend")]).toEqual([2, 2]);
  });

  it("prices dev's tasks for its working hours only, and turning the schedule off brings the whole month back", () => {
    const dev = estimateOf("dev");
    const allHours = estimateOf("dev", { environments: { dev: { workingHours: { enabled: false } } } });
    const fargate = (e: typeof dev) => e.lines.filter((l) => /Fargate Spot tasks/.test(l.what)).map((l) => l.quantity.min);
    expect(fargate(allHours)).toEqual([1, 1]);
    expect(fargate(dev)).toEqual([0.327381, 0.327381]);
  });

  it("takes its usage assumptions from the configuration", () => {
    const more = estimateOf("prod", { environments: { prod: { cost: { usage: { logsIngestedGb: 110 } } } } });
    const base = estimateOf("prod");
    const ingestion = (e: typeof base) => e.lines.find((l) => l.what.startsWith("CloudWatch Logs ingestion"))!.monthly.min;
    expect(ingestion(more) - ingestion(base)).toBeCloseTo(50, 6);
  });

  it("renders the pull request comment with the change against main", () => {
    const dev = estimateOf("dev");
    const markdown = formatMarkdown([dev], { stacks: { [dev.stack]: { min: dev.total.min - 10, max: dev.total.max } } });
    expect(markdown).toContain(`| recipe-chatbot-dev | $${dev.total.min.toFixed(2)} | $${dev.total.max.toFixed(2)} | +$10.00 / ±$0.00 |`);
  });
});
