/**
 * Ladder layer 3 for examples/web-service: the modules composed by a consumer, applied to moto; the
 * real state read back through the SDK, a plan with no changes, then destroy to nothing.
 */
import * as fs from "fs";
import { ListResourceRecordSetsCommand, Route53Client } from "@aws-sdk/client-route-53";
import { DescribeServicesCommand, ECSClient } from "@aws-sdk/client-ecs";
import { DescribeListenersCommand, DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { CloudWatchClient, DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import * as path from "path";
import { sdkConfig, startEmulator, type Emulator } from "../support/emulator";
import { writeDnsInputs } from "../support/environment-inputs";
import { synthesizeExample } from "../support/examples";
import { apply, destroy, planChanges, prepareWorkdir, stateAddresses, terraformInit } from "../support/terraform";

jest.setTimeout(15 * 60_000);

const ZONE = "shop.test";
const DOMAIN = `www.${ZONE}`;

let emulator: Emulator;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = prepareWorkdir(synthesizeExample("web-service").stackDir, { emulator });
  await writeDnsInputs(emulator, dir, { zone: ZONE, domain: DOMAIN });
  await terraformInit(dir, emulator.env);
  await apply(dir, emulator.env);
});

afterAll(async () => {
  await emulator?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("examples/web-service applied to the emulator", () => {
  it("runs the service behind the HTTPS listener, with alarms and the DNS alias", async () => {
    // The example deploys to eu-west-1; the emulator keeps each region apart, as AWS does.
    const config = { ...sdkConfig(emulator), region: "eu-west-1" };
    const { services = [] } = await new ECSClient(config).send(new DescribeServicesCommand({ cluster: "shop-dev", services: ["shop-web"] }));
    expect(services[0]).toMatchObject({ serviceName: "shop-web", desiredCount: 1 });
    const elb = new ElasticLoadBalancingV2Client(config);
    const { LoadBalancers = [] } = await elb.send(new DescribeLoadBalancersCommand({ Names: ["shop-dev-alb"] }));
    const { Listeners = [] } = await elb.send(new DescribeListenersCommand({ LoadBalancerArn: LoadBalancers[0].LoadBalancerArn }));
    expect(Listeners.map((l) => l.Port).sort()).toEqual([443, 80]);
    const { MetricAlarms = [] } = await new CloudWatchClient(config).send(new DescribeAlarmsCommand({ AlarmNamePrefix: "shop-dev-" }));
    expect(MetricAlarms.map((a) => a.AlarmName).sort()).toEqual([
      "shop-dev-high-error-rate",
      "shop-dev-high-response-time",
      "shop-dev-web-low-healthy-hosts",
      "shop-dev-web-low-running-tasks",
    ]);
    const zones = await new Route53Client(config).send(new ListResourceRecordSetsCommand({ HostedZoneId: JSON.parse(fs.readFileSync(path.join(dir, "terraform.tfvars.json"), "utf8")).hosted_zone_id }));
    expect(zones.ResourceRecordSets!.filter((r) => r.Name === `${DOMAIN}.`).map((r) => r.Type).sort()).toEqual(["A", "AAAA"]);
  });

  it("plans no changes after the apply", async () => {
    expect(await planChanges(dir, emulator.env)).toEqual([]);
  });

  it("destroys everything it created", async () => {
    await destroy(dir, emulator.env);
    expect(await stateAddresses(dir, emulator.env)).toEqual([]);
  });
});
