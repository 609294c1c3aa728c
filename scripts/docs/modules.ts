/**
 * The manifest of documented constructs: README's "Modules" section (`npm run docs`) has one entry per
 * item, in this order. Paths are relative to the repository root.
 *
 * Every prop of `props` (inherited ones included) needs a JSDoc description, and every optional one a
 * `@default` tag; `npm run docs` and __tests__/module-docs.test.ts fail until they have them.
 */
export interface ModuleDocEntry {
  /** Module name, e.g. `networking`: shown beside the construct's heading. */
  readonly module: string;
  /** What consumers import the construct from, e.g. `recipe-chatbot-infra/networking`. Shown, not resolved. */
  readonly importPath: string;
  /** Source file that exports the construct and its props interface. */
  readonly file: string;
  /** Exported construct class. Its JSDoc becomes the section's summary. */
  readonly construct: string;
  /** Exported props interface the construct takes. */
  readonly props: string;
  /** Replaces the construct's JSDoc as the summary (Markdown). */
  readonly summary?: string;
  /** A short TypeScript snippet; its common indentation is removed, so a template literal may be indented. */
  readonly usage: string;
  /**
   * Where the module's own interfaces live: a prop typed with an interface declared under this folder
   * gets its own table. Defaults to the folder of `file`.
   */
  readonly moduleDir?: string;
}

/**
 * Listed constructs must pass the documentation check, so add a module once its props are documented.
 * A module's index.ts works as `file` too: re-exports are followed.
 */
export const MODULES: readonly ModuleDocEntry[] = [
  {
    module: "networking",
    importPath: "recipe-chatbot-infra/networking",
    file: "src/modules/networking/networking.ts",
    construct: "Networking",
    props: "NetworkingProps",
    usage: `
      import { Networking } from "recipe-chatbot-infra/networking";

      const network = new Networking(this, "network", {
        namePrefix: "shop-prod",
        vpcCidr: "10.0.0.0/16",
        zones: [
          { name: "us-east-1a", publicSubnetCidr: "10.0.0.0/24", privateSubnetCidr: "10.0.10.0/24" },
          { name: "us-east-1b", publicSubnetCidr: "10.0.1.0/24", privateSubnetCidr: "10.0.11.0/24" },
        ],
        servicePorts: [8080], // network ACLs open this port inside the VPC
      });
    `,
  },
  {
    module: "ecs-service",
    importPath: "recipe-chatbot-infra/ecs-service",
    file: "src/modules/ecs-service/fargate-cluster.ts",
    construct: "FargateCluster",
    props: "FargateClusterProps",
    usage: `
      import { FargateCluster } from "recipe-chatbot-infra/ecs-service";

      const cluster = new FargateCluster(this, "cluster", {
        clusterName: "shop",
        capacity: { onDemandBase: 1, spotWeight: 3 },
        serviceDiscovery: { namespaceName: "shop.internal", vpcId: network.vpcId },
      });
    `,
  },
  {
    module: "ecs-service",
    importPath: "recipe-chatbot-infra/ecs-service",
    file: "src/modules/ecs-service/fargate-service.ts",
    construct: "FargateService",
    props: "FargateServiceProps",
    usage: `
      import { FargateService } from "recipe-chatbot-infra/ecs-service";

      const api = new FargateService(this, "api", {
        serviceName: "shop-api",
        cluster, // a FargateCluster, or { clusterArn, clusterName } of an existing one
        vpcId: network.vpcId,
        subnetIds: network.privateSubnetIds,
        image: { tag: "v1.4.2" }, // creates an ECR repository named shop-api
        port: 8080,
        loadBalancer: alb.targets.api,
        scaling: { minCapacity: 2, maxCapacity: 10 },
      });
    `,
  },
  {
    module: "alb",
    importPath: "recipe-chatbot-infra/alb",
    file: "src/modules/alb/application-load-balancer.ts",
    construct: "ApplicationLoadBalancer",
    props: "ApplicationLoadBalancerProps",
    usage: `
      import { ApplicationLoadBalancer } from "recipe-chatbot-infra/alb";

      const alb = new ApplicationLoadBalancer(this, "alb", {
        namePrefix: "shop-prod",
        vpcId: network.vpcId,
        subnetIds: network.publicSubnetIds,
        certificate: { domainName: "shop.example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" },
        dns: { domainName: "shop.example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" },
        targets: [
          { name: "web", port: 3000, route: "default" },
          { name: "api", port: 8080, route: { paths: ["/api/*"], priority: 10 }, healthCheckPath: "/health" },
        ],
        waf: { mode: "block" },
      });
    `,
  },
  {
    module: "secrets",
    importPath: "recipe-chatbot-infra/secrets",
    file: "src/modules/secrets/secrets-store.ts",
    construct: "SecretsStore",
    props: "SecretsStoreProps",
    usage: `
      import { SecretsStore } from "recipe-chatbot-infra/secrets";

      const store = new SecretsStore(this, "secrets", {
        secrets: [{ id: "stripe", name: "shop/prod/stripe", description: "Stripe API key", environmentVariable: "STRIPE_KEY" }],
        parameters: [{ id: "mode", name: "/shop/prod/mode", value: "live", description: "Mode", environmentVariable: "MODE" }],
      });
      const access = store.access({ secrets: ["stripe"], parameters: ["mode"] });
      // FargateService: secrets: access.containerSecrets, secretReadStatements: access.executionRoleStatements
    `,
  },
  {
    module: "monitoring",
    importPath: "recipe-chatbot-infra/monitoring",
    file: "src/modules/monitoring/monitoring.ts",
    construct: "Monitoring",
    props: "MonitoringProps",
    usage: `
      import { Monitoring } from "recipe-chatbot-infra/monitoring";

      new Monitoring(this, "monitoring", {
        name: "shop-prod",
        loadBalancer: { arnSuffix: alb.arnSuffix, errorRatePercent: 2 },
        services: [{ name: "api", clusterName: cluster.clusterName, serviceName: api.serviceName, minCapacity: 2, targetGroupArnSuffix: alb.targets.api.arnSuffix }],
      });
    `,
  },
  {
    module: "monitoring",
    importPath: "recipe-chatbot-infra/monitoring",
    file: "src/modules/monitoring/alert-topics.ts",
    construct: "AlertTopics",
    props: "AlertTopicsProps",
    usage: `
      import { AlertTopics } from "recipe-chatbot-infra/monitoring";

      const topics = new AlertTopics(this, "topics", {
        topics: [
          { id: "alerts", name: "shop-alerts", emails: ["ops@example.com"] },
          { id: "critical", name: "shop-critical", emails: ["oncall@example.com"] },
        ],
      });
      // Monitoring: topics: { warningTopicArn: topics.topicArns.alerts, criticalTopicArn: topics.topicArns.critical }
    `,
  },
  {
    module: "account",
    importPath: "recipe-chatbot-infra",
    file: "src/account/account-baseline.ts",
    construct: "AccountBaseline",
    props: "AccountBaselineProps",
    moduleDir: "src/account",
    usage: `
      import { AccountBaseline } from "recipe-chatbot-infra";

      const account = new AccountBaseline(this, "account", {
        // "existing" where the organisation already runs GuardDuty in this account
        guardDuty: { detector: "existing", namePrefix: "shop-prod", findingsTopicArn: topics.topicArns.critical },
        workloadBoundary: { create: { policyName: "shop-workload-boundary" } },
      });
    `,
  },
];
