/**
 * The README's architecture picture: the prod stack, synthesized in-process with the default
 * configuration into a temporary directory (never cdktf.out), drawn as a Mermaid flowchart.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildRecipeChatbotApp } from "../../src/app";
import { resolveConfig } from "../../src/config";
import { environmentStackName } from "../../src/core/naming";
import { synthesize } from "../../src/synthesize";
import { buildDiagram, type Diagram } from "./graph";
import { renderMermaid } from "./mermaid";
import { readStackBlocks } from "./terraform-json";
import { ENVIRONMENT_VIEW } from "./view";

/** The stack the README draws. */
export const DIAGRAM_STACK = environmentStackName("prod");

/** Synthesizes the whole app with its default configuration and returns one stack's cdk.tf.json. */
export function synthesizeStackJson(stack: string): unknown {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "diagram-"));
  try {
    const outdir = path.join(dir, "cdktf.out");
    const stacks = synthesize({ outdir, hcl: false, build: (app) => buildRecipeChatbotApp(app, resolveConfig()) });
    if (!stacks.includes(stack)) throw new Error(`No stack ${stack} in the app (it has ${stacks.join(", ")})`);
    return JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The diagram of an environment stack's synthesized JSON. */
export function environmentDiagram(stackJson: unknown): Diagram {
  return buildDiagram(readStackBlocks(stackJson), ENVIRONMENT_VIEW);
}

/** The Markdown that belongs between the README markers: a fenced Mermaid block. */
export function diagramMarkdown(diagram: Diagram, stack: string): string {
  const mermaid = renderMermaid(diagram, {
    direction: "LR",
    comment: `Generated from the synthesized ${stack} stack by npm run diagram: do not edit by hand.`,
  });
  return `\`\`\`mermaid\n${mermaid}\`\`\`\n`;
}

/** A fresh generation of the README block (synthesizes the app: a few seconds). */
export function generateReadmeDiagram(): string {
  return diagramMarkdown(environmentDiagram(synthesizeStackJson(DIAGRAM_STACK)), DIAGRAM_STACK);
}
