/**
 * Networking alone: a two-tier VPC over two zones with one shared NAT gateway, network ACLs for one
 * service port and flow logs. Synthesize with `npx cdktf synth` in this folder.
 */
import { App, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Networking } from "recipe-chatbot-infra/networking";

export class NetworkingExample extends TerraformStack {
  readonly network: Networking;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-west-1" });
    this.network = new Networking(this, "network", {
      namePrefix: "example",
      vpcCidr: "10.20.0.0/16",
      zones: [
        { name: "eu-west-1a", publicSubnetCidr: "10.20.0.0/24", privateSubnetCidr: "10.20.10.0/24" },
        { name: "eu-west-1b", publicSubnetCidr: "10.20.1.0/24", privateSubnetCidr: "10.20.11.0/24" },
      ],
      natMode: "single",
      servicePorts: [8080],
    });
  }
}

if (require.main === module) {
  const app = new App();
  new NetworkingExample(app, "networking-example");
  app.synth();
}
