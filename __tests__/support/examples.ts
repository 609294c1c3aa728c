import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, type TerraformStack } from "cdktf";
import { buildChatbotWithWorker } from "../../examples/chatbot-with-worker/main";
import { NetworkingExample } from "../../examples/networking/main";
import { WebServiceExample } from "../../examples/web-service/main";

/** Every example under examples/, as its main.ts builds it. */
export const EXAMPLES: Readonly<Record<string, (app: App) => TerraformStack>> = {
  networking: (app) => new NetworkingExample(app, "networking-example"),
  "web-service": (app) => new WebServiceExample(app, "web-service-example"),
  "chatbot-with-worker": (app) => buildChatbotWithWorker(app),
};

/** Synthesizes one example into a fresh temporary directory; returns its stack's directory and JSON. */
export function synthesizeExample(name: string): { stackDir: string; json: any } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `example-${name}-`));
  const app = new App({ outdir });
  const stack = EXAMPLES[name](app);
  app.synth();
  const stackDir = path.join(outdir, "stacks", stack.node.id);
  return { stackDir, json: JSON.parse(fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8")) };
}
