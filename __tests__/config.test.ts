import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Testing } from "cdktf";
import { buildRecipeChatbotApp } from "../src/app";
import { ConfigError, deploymentStrategyOf, PRESETS, readOverrides, resolveConfig, resolveEnvironments, type ConfigOverrides } from "../src/config";
import { configProblems } from "./support/config";

const problemsFor = (overrides: ConfigOverrides) => configProblems(resolveEnvironments, overrides);

const zones = (...z: [string, string, string][]) => z.map(([name, pub, priv]) => ({ name, publicSubnetCidr: pub, privateSubnetCidr: priv }));

describe("environment presets", () => {
  it("are all valid and named dev, staging, prod", () => {
    expect(resolveEnvironments().map((e) => e.name)).toEqual(["dev", "staging", "prod"]);
  });

  it("production follows the guide's numbers", () => {
    const prod = resolveEnvironments().find((e) => e.name === "prod")!;
    expect(prod.network.vpcCidr).toBe("10.0.0.0/16");
    expect(prod.network.zones).toEqual(
      zones(["us-east-1a", "10.0.1.0/24", "10.0.3.0/24"], ["us-east-1b", "10.0.2.0/24", "10.0.4.0/24"]),
    );
    expect(prod.network.natMode).toBe("per-az");
    expect(prod.services.backend).toMatchObject({ cpu: 512, memory: 1024, scaling: { minCapacity: 2, maxCapacity: 20, cpuTargetPercent: 70, memoryTargetPercent: 80, queueDepthTarget: 5 } });
    expect(prod.services.frontend).toMatchObject({ cpu: 256, memory: 512, scaling: { minCapacity: 2, maxCapacity: 10, cpuTargetPercent: 70 } });
    expect(prod.tags).toEqual({ project: "RecipeChatbot", environment: "Production", owner: "AI-Team", costCenter: "R&D" });
  });

  it("dev runs its tasks in the public subnets without a NAT gateway by default; staging and prod keep them private", () => {
    expect(PRESETS.dev.network).toMatchObject({ natMode: "none", taskSubnets: "public" });
    expect(PRESETS.staging.network).toMatchObject({ natMode: "single", taskSubnets: "private" });
    expect(PRESETS.prod.network).toMatchObject({ natMode: "per-az", taskSubnets: "private" });
  });

  it("never lets prod's tasks into the public subnets", () => {
    expect(problemsFor({ environments: { prod: { network: { taskSubnets: "public" } } } })).toEqual([
      'environments.prod.network.taskSubnets: must be "private" in prod: production tasks never get public IPs (got "public")',
    ]);
  });
});

describe("bad configuration fails with the field and what is allowed", () => {
  const cases: { name: string; overrides: Record<string, unknown>; field: string; says: RegExp }[] = [
    {
      name: "a subnet outside the VPC CIDR",
      overrides: { network: { zones: zones(["us-east-1a", "10.1.1.0/24", "10.0.3.0/24"], ["us-east-1b", "10.0.2.0/24", "10.0.4.0/24"]) } },
      field: "environments.dev.network.zones.0.publicSubnetCidr",
      says: /10\.1\.1\.0\/24 is outside network\.vpcCidr 10\.0\.0\.0\/16/,
    },
    {
      name: "overlapping subnets",
      overrides: { network: { zones: zones(["us-east-1a", "10.0.1.0/24", "10.0.3.0/24"], ["us-east-1b", "10.0.1.128/25", "10.0.4.0/24"]) } },
      field: "environments.dev.network.zones.1.publicSubnetCidr",
      says: /10\.0\.1\.128\/25 overlaps network\.zones\.0\.publicSubnetCidr \(10\.0\.1\.0\/24\)/,
    },
    {
      name: "fewer than two availability zones",
      overrides: { network: { zones: zones(["us-east-1a", "10.0.1.0/24", "10.0.3.0/24"]) } },
      field: "environments.dev.network.zones",
      says: /at least two availability zones/,
    },
    {
      name: "an unknown NAT mode",
      overrides: { network: { natMode: "double" } },
      field: "environments.dev.network.natMode",
      says: /must be one of: none, single, per-az \(got "double"\)/,
    },
    {
      name: "min capacity above max",
      overrides: { services: { backend: { scaling: { minCapacity: 5, maxCapacity: 3 } } } },
      field: "environments.dev.services.backend.scaling.minCapacity",
      says: /5 is above scaling\.maxCapacity \(3\)/,
    },
    {
      name: "a Fargate CPU/memory pair AWS does not offer",
      overrides: { services: { frontend: { cpu: 256, memory: 4096 } } },
      field: "environments.dev.services.frontend.memory",
      says: /4096 MiB is not offered by Fargate with cpu 256; allowed: 512, 1024, 2048/,
    },
    {
      name: "a CPU size Fargate does not have",
      overrides: { services: { backend: { cpu: 384 } } },
      field: "environments.dev.services.backend.cpu",
      says: /384 is not a Fargate CPU size; allowed: 256, 512, 1024, 2048, 4096, 8192, 16384/,
    },
    {
      name: "a malformed CIDR",
      overrides: { network: { vpcCidr: "10.0.0/16" } },
      field: "environments.dev.network.vpcCidr",
      says: /IPv4 network in CIDR notation/,
    },
    {
      name: "a CIDR with host bits set",
      overrides: { network: { vpcCidr: "10.0.0.1/16" } },
      field: "environments.dev.network.vpcCidr",
      says: /no host bits set/,
    },
    {
      name: "an unknown region",
      overrides: { region: "us-north-9" },
      field: "environments.dev.region",
      says: /must be an AWS region: us-east-1, us-east-2/,
    },
    {
      name: "an empty project tag",
      overrides: { tags: { project: "  " } },
      field: "environments.dev.tags.project",
      says: /must not be empty/,
    },
    {
      name: "a duplicate subnet AZ",
      overrides: { network: { zones: zones(["us-east-1a", "10.0.1.0/24", "10.0.3.0/24"], ["us-east-1a", "10.0.2.0/24", "10.0.4.0/24"]) } },
      field: "environments.dev.network.zones.1.name",
      says: /us-east-1a is listed twice/,
    },
    {
      name: "an availability zone of another region",
      overrides: { network: { zones: zones(["eu-west-1a", "10.0.1.0/24", "10.0.3.0/24"], ["us-east-1b", "10.0.2.0/24", "10.0.4.0/24"]) } },
      field: "environments.dev.network.zones.0.name",
      says: /not an availability zone of region us-east-1; expected us-east-1a, us-east-1b/,
    },
    {
      name: "a subnet smaller than /28",
      overrides: { network: { zones: zones(["us-east-1a", "10.0.1.0/29", "10.0.3.0/24"], ["us-east-1b", "10.0.2.0/24", "10.0.4.0/24"]) } },
      field: "environments.dev.network.zones.0.publicSubnetCidr",
      says: /smaller than \/28/,
    },
    {
      name: "a scaling target above 100 %",
      overrides: { services: { backend: { scaling: { cpuTargetPercent: 120 } } } },
      field: "environments.dev.services.backend.scaling.cpuTargetPercent",
      says: /percentage above 0 and at most 100 \(got 120\)/,
    },
    {
      name: "a flow-log retention CloudWatch does not offer",
      overrides: { network: { flowLogRetentionDays: 45 } },
      field: "environments.dev.network.flowLogRetentionDays",
      says: /CloudWatch Logs retention: 1, 3, 5, 7, 14, 30, 60/,
    },
    {
      name: "a TLS policy outside the allow-list",
      overrides: { loadBalancer: { sslPolicy: "ELBSecurityPolicy-TLS-1-2-2017-01" } },
      field: "environments.dev.loadBalancer.sslPolicy",
      says: /TLS 1\.3-capable/,
    },
    {
      name: "an image tag with illegal characters",
      overrides: { initialImageTag: "v1:latest" },
      field: "environments.dev.initialImageTag",
      says: /valid image tag/,
    },
    {
      name: "a malformed domain",
      overrides: { domainName: "Chat_Bot.example" },
      field: "environments.dev.domainName",
      says: /lowercase DNS name such as chat\.example\.com/,
    },
    {
      name: "a hosted zone id with its /hostedzone/ prefix",
      overrides: { hostedZoneId: "/hostedzone/Z0123456789ABCDEFGHIJ" },
      field: "environments.dev.hostedZoneId",
      says: /Route 53 zone id .* without \/hostedzone\//,
    },
    {
      name: "a log retention CloudWatch does not offer",
      overrides: { logs: { retentionDays: 100 } },
      field: "environments.dev.logs.retentionDays",
      says: /CloudWatch Logs retention: 1, 3, 5/,
    },
    {
      name: "an alarm threshold out of range",
      overrides: { monitoring: { errorRatePercent: 250 } },
      field: "environments.dev.monitoring.errorRatePercent",
      says: /percentage above 0 and at most 100 \(got 250\)/,
    },
    {
      name: "a malformed alert e-mail",
      overrides: { alerts: { alertEmails: ["ops-at-example.com"] } },
      field: "environments.dev.alerts.alertEmails.0",
      says: /must be an e-mail address/,
    },
    {
      name: "a WAF mode that does not exist",
      overrides: { waf: { mode: "monitor" } },
      field: "environments.dev.waf.mode",
      says: /must be one of: block, count/,
    },
    {
      name: "a secret recovery window Secrets Manager rejects",
      overrides: { secrets: { recoveryWindowDays: 3 } },
      field: "environments.dev.secrets.recoveryWindowDays",
      says: /must be 7-30 days/,
    },
    {
      name: "an unknown log level",
      overrides: { logs: { level: "VERBOSE" } },
      field: "environments.dev.logs.level",
      says: /must be one of: DEBUG, INFO, WARNING, ERROR, CRITICAL/,
    },
  ];

  it.each(cases)("$name", ({ overrides, field, says }) => {
    const problems = problemsFor({ environments: { dev: overrides } });
    const problem = problems.find((p) => p.startsWith(`${field}: `));
    expect(problem).toBeDefined();
    expect(problem).toMatch(says);
  });

  it("keeps ECS Exec off everywhere by default, and refuses it in prod without a second, explicit yes", () => {
    expect(resolveEnvironments().map((env) => [env.name, env.ecsExec.enabled])).toEqual([
      ["dev", false],
      ["staging", false],
      ["prod", false],
    ]);
    expect(problemsFor({ environments: { prod: { ecsExec: { enabled: true } } } })).toEqual([
      "environments.prod.ecsExec.enabled: must be false in prod unless ecsExec.allowInProduction is true as well (a shell in production tasks reaches the API keys) (got true)",
    ]);
    const allowed = resolveEnvironments({ environments: { prod: { ecsExec: { enabled: true, allowInProduction: true } }, dev: { ecsExec: { enabled: true } } } });
    expect(allowed.map((env) => [env.name, env.ecsExec.enabled])).toEqual([
      ["dev", true],
      ["staging", false],
      ["prod", true],
    ]);
  });

  it("rolls every service by default; blue-green per environment or per service, the service's choice winning", () => {
    const strategies = (overrides?: ConfigOverrides) =>
      resolveEnvironments(overrides).map((env) => [env.name, deploymentStrategyOf(env, "backend"), deploymentStrategyOf(env, "frontend")]);
    expect(strategies()).toEqual([
      ["dev", "rolling", "rolling"],
      ["staging", "rolling", "rolling"],
      ["prod", "rolling", "rolling"],
    ]);
    expect(PRESETS.prod.deployment.blueGreen).toEqual({ deploymentConfig: "CodeDeployDefault.ECSCanary10Percent5Minutes", terminationWaitMinutes: 5, testListenerPort: 8443 });
    expect(
      strategies({
        environments: {
          dev: { services: { backend: { deploymentStrategy: "blue-green" } } },
          prod: { deployment: { strategy: "blue-green" }, services: { frontend: { deploymentStrategy: "rolling" } } },
        },
      }),
    ).toEqual([
      ["dev", "blue-green", "rolling"],
      ["staging", "rolling", "rolling"],
      ["prod", "blue-green", "rolling"],
    ]);
  });

  it("rejects an unknown strategy or deployment configuration, a test listener port the network ACL blocks, and a bad allow-list", () => {
    expect(
      problemsFor({
        environments: {
          dev: { deployment: { strategy: "canary" }, services: { frontend: { deploymentStrategy: "bluegreen" } } },
          prod: { deployment: { blueGreen: { deploymentConfig: "CodeDeployDefault.AllAtOnce", terminationWaitMinutes: 120, testListenerPort: 3389, testListenerAllowedCidrs: ["10.0.0.1/16"] } } },
        },
      }),
    ).toEqual([
      'environments.dev.services.frontend.deploymentStrategy: must be one of: rolling, blue-green (got "bluegreen")',
      'environments.dev.deployment.strategy: must be one of: rolling, blue-green (got "canary")',
      expect.stringMatching(
        /^environments\.prod\.deployment\.blueGreen\.deploymentConfig: must be one of: CodeDeployDefault\.ECSAllAtOnce, CodeDeployDefault\.ECSCanary10Percent5Minutes, .* \(got "CodeDeployDefault\.AllAtOnce"\)$/,
      ),
      "environments.prod.deployment.blueGreen.terminationWaitMinutes: must be 0-60 minutes (got 120)",
      "environments.prod.deployment.blueGreen.testListenerPort: must be a port from 1024 to 65535 other than 3389 (the public subnets' network ACL admits only those besides 80 and 443) (got 3389)",
      'environments.prod.deployment.blueGreen.testListenerAllowedCidrs.0: must be an IPv4 network in CIDR notation with no host bits set, e.g. 10.0.1.0/24 (got "10.0.0.1/16")',
    ]);
    expect(problemsFor({ environments: { dev: { deployment: { blueGreen: { testListenerPort: 443, testListenerAllowedCidrs: ["0.0.0.0/0"] } } } } })).toEqual([
      expect.stringMatching(/^environments\.dev\.deployment\.blueGreen\.testListenerPort: must be a port from 1024 to 65535 .* \(got 443\)$/),
      'environments.dev.deployment.blueGreen.testListenerAllowedCidrs.0: must not be 0.0.0.0/0: the test listener serves releases nobody has approved yet (got "0.0.0.0/0")',
    ]);
  });

  it("lists every problem of every environment in one error", () => {
    const problems = problemsFor({
      environments: {
        dev: { region: "nowhere-1", network: { natMode: "triple" } },
        prod: { services: { backend: { memory: 999 } } },
      },
    });
    expect(problems).toEqual([
      expect.stringMatching(/^environments\.dev\.region: /),
      expect.stringMatching(/^environments\.dev\.network\.natMode: /),
      expect.stringMatching(/^environments\.prod\.services\.backend\.memory: /),
    ]);
  });

  it("rejects a new environment that names no preset to start from, or a bad one", () => {
    expect(problemsFor({ environments: { qa: {} } })).toEqual(["environments.qa.extends: a new environment starts from a preset; must be one of: dev, staging, prod"]);
    expect(problemsFor({ environments: { qa: { extends: "test" } } })).toEqual([
      'environments.qa.extends: a new environment starts from a preset; must be one of: dev, staging, prod (got "test")',
    ]);
    expect(problemsFor({ environments: { dev: { extends: "prod" } } })).toEqual(["environments.dev.extends: dev is a preset; only a new environment extends one"]);
    expect(problemsFor({ environments: { qa: { extends: "staging", name: "other" } } })).toEqual([
      'environments.qa.name: an environment is named by its key (qa); leave name out (got "other")',
    ]);
    expect(problemsFor({ environments: { QA: { extends: "staging" } } })).toEqual([
      expect.stringMatching(/^environments\.QA\.name: must be 2-12 lowercase letters or digits/),
    ]);
  });
});

describe("environments added by configuration", () => {
  const overrides = { environments: { qa: { extends: "staging", tags: { environment: "QA" }, network: { natMode: "none" } } } };

  it("start from their preset, take their own overrides, and come after the presets", () => {
    const environments = resolveEnvironments(overrides);
    expect(environments.map((e) => e.name)).toEqual(["dev", "staging", "prod", "qa"]);
    const [staging, qa] = [environments[1], environments[3]];
    expect(qa).toEqual({ ...staging, name: "qa", tags: { ...staging.tags, environment: "QA" }, network: { ...staging.network, natMode: "none" } });
  });

  it("each become a stack of their own, which the bootstrap may create state and roles for", () => {
    const app = Testing.app();
    buildRecipeChatbotApp(app, resolveConfig({ ...overrides, bootstrap: { environments: ["qa"] } }));
    expect(app.node.children.map((c) => c.node.id)).toContain("recipe-chatbot-qa");
    expect(() => resolveConfig({ bootstrap: { environments: ["qa"] } })).toThrow('bootstrap.environments.0: "qa" is not a configured environment; allowed: dev, staging, prod');
  });
});

describe("levers of the cost estimate (README \"Cost\")", () => {
  it("runs a service on ARM64 when configured with a capacity without Spot, and names the allowed architectures otherwise", () => {
    const arm = { services: { backend: { cpuArchitecture: "ARM64" } }, serviceCapacity: { backend: { onDemandBase: 2, onDemandWeight: 1, spotWeight: 0 } } };
    const prod = resolveEnvironments({ environments: { prod: arm } }).find((e) => e.name === "prod")!;
    expect([prod.services.backend.cpuArchitecture, prod.services.frontend.cpuArchitecture]).toEqual(["ARM64", "X86_64"]);
    expect([prod.serviceCapacity.backend, prod.serviceCapacity.frontend]).toEqual([{ onDemandBase: 2, onDemandWeight: 1, spotWeight: 0 }, undefined]);
    // Fargate Spot runs X86_64 tasks only: ARM64 on the environment's Spot split is refused.
    expect(problemsFor({ environments: { prod: { services: { backend: { cpuArchitecture: "ARM64" } } } } })).toEqual([
      "environments.prod.services.backend.cpuArchitecture: ARM64 tasks cannot run on Fargate Spot (X86_64 only): set serviceCapacity.backend.spotWeight to 0, or use X86_64 (got \"ARM64\")",
    ]);
    expect(problemsFor({ environments: { dev: { services: { frontend: { cpuArchitecture: "arm" } } } } })).toEqual([
      'environments.dev.services.frontend.cpuArchitecture: must be one of: X86_64, ARM64 (got "arm")',
    ]);
  });

  it("scales dev in outside working hours by default, refuses it in prod, and names bad hours and zones", () => {
    const [dev, staging, prod] = ["dev", "staging", "prod"].map((name) => resolveEnvironments({}).find((e) => e.name === name)!);
    expect([dev.workingHours.enabled, staging.workingHours.enabled, prod.workingHours.enabled]).toEqual([true, false, false]);
    expect(dev.workingHours).toEqual({ enabled: true, timezone: "UTC", days: "MON-FRI", startHour: 8, endHour: 19 });
    expect(problemsFor({ environments: { prod: { workingHours: { enabled: true } } } })).toEqual([
      "environments.prod.workingHours.enabled: must be false in prod: the guide's availability is two tasks of each service at all hours (got true)",
    ]);
    expect(problemsFor({ environments: { staging: { workingHours: { enabled: true, timezone: "Berlin", startHour: 20, endHour: 19, days: "weekdays" } } } })).toEqual([
      "environments.staging.workingHours.timezone: must be an IANA time zone such as Europe/Berlin or UTC (got \"Berlin\")",
      "environments.staging.workingHours.days: must be one of: MON-FRI, MON-SAT, MON-SUN (got \"weekdays\")",
    ]);
    expect(problemsFor({ environments: { staging: { workingHours: { startHour: 20 } } } })).toEqual([
      "environments.staging.workingHours.endHour: must be after startHour (got 19)",
    ]);
  });

  it("turns Container Insights off in dev only: prod's LowRunningTasks alarms read it", () => {
    expect(resolveEnvironments({}).map((e) => [e.name, e.containerInsights])).toEqual([["dev", "disabled"], ["staging", "enabled"], ["prod", "enhanced"]]);
    expect(problemsFor({ environments: { prod: { containerInsights: "disabled" } } })).toEqual([
      'environments.prod.containerInsights: must be "enabled" or "enhanced" in prod: its LowRunningTasks alarms read Container Insights (got "disabled")',
    ]);
  });

  it("takes usage assumptions per environment and refuses negative ones", () => {
    expect(problemsFor({ environments: { prod: { cost: { usage: { natProcessedGb: -1 } } } } })).toEqual([
      "environments.prod.cost.usage.natProcessedGb: must be 0 or more (got -1)",
    ]);
  });
});

describe("environments left out by configuration (enabled: false)", () => {
  it("have no stack, and the bootstrap may not name them", () => {
    const overrides = { environments: { staging: { enabled: false }, prod: { enabled: false }, qa: { extends: "staging" } } };
    expect(resolveEnvironments(overrides).map((e) => e.name)).toEqual(["dev", "qa"]);
    expect(() => resolveConfig({ ...overrides, bootstrap: { environments: ["prod"] } })).toThrow(
      'bootstrap.environments.0: "prod" is not a configured environment; allowed: dev, qa',
    );
  });

  it("rejects an enabled that is not a boolean", () => {
    expect(problemsFor({ environments: { dev: { enabled: "no" } } })).toEqual(['environments.dev.enabled: must be true or false (got "no")']);
  });
});

describe("overrides file", () => {
  const write = (text: string) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cfg-")), "config.yaml");
    fs.writeFileSync(file, text);
    return file;
  };

  it("reads YAML overrides named by RECIPE_CHATBOT_CONFIG and merges them onto the presets", () => {
    const file = write("environments:\n  dev:\n    network:\n      natMode: none\n");
    const dev = resolveEnvironments(readOverrides({ RECIPE_CHATBOT_CONFIG: file })).find((e) => e.name === "dev")!;
    expect(dev.network.natMode).toBe("none");
    expect(dev.network.vpcCidr).toBe("10.0.0.0/16");
  });

  it("reports malformed YAML with file, line, column and what is wrong", () => {
    const file = write("environments:\n  dev: [oops\n");
    expect(() => readOverrides({ RECIPE_CHATBOT_CONFIG: file })).toThrow(ConfigError);
    expect(() => readOverrides({ RECIPE_CHATBOT_CONFIG: file })).toThrow(new RegExp(`${file}:\\d+:\\d+: not valid YAML or JSON: \\w`));
  });

  it("rejects a misspelt setting anywhere, naming it and the closest known one", () => {
    const overrides = readOverrides({ RECIPE_CHATBOT_CONFIG: write("environments:\n  dev:\n    network:\n      natMod: single\n") });
    expect(() => resolveEnvironments(overrides)).toThrow(
      'environments.dev.network: unknown setting(s) "natMod" (did you mean "natMode"?); allowed: vpcCidr, zones, natMode, interfaceEndpoints, taskSubnets, flowLogRetentionDays',
    );
    const service = { environments: { prod: { services: { backend: { scaling: { maxCapacty: 30 } } } } } };
    expect(() => resolveEnvironments(service)).toThrow('environments.prod.services.backend.scaling: unknown setting(s) "maxCapacty" (did you mean "maxCapacity"?)');
  });

  it("names a missing file and an unknown section", () => {
    expect(() => readOverrides({ RECIPE_CHATBOT_CONFIG: "/nonexistent/cfg.yaml" })).toThrow(/RECIPE_CHATBOT_CONFIG: file \/nonexistent\/cfg\.yaml does not exist/);
    expect(() => readOverrides({ RECIPE_CHATBOT_CONFIG: write("enviroments: {}\n") })).toThrow(/enviroments: not a configuration section; allowed: environments/);
  });
});
