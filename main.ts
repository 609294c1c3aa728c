import { buildRecipeChatbotApp } from "./src/app";
import { ConfigError, readOverrides, resolveEnvironments } from "./src/config";
import { synthesize } from "./src/synthesize";

/**
 * Entry point for `cdktf synth` (and `npm run synth`). Configuration is validated completely before
 * any construct exists; synthesis goes to a staging directory and replaces the output only on success.
 */
function main(): void {
  try {
    const environments = resolveEnvironments(readOverrides());
    const stacks = synthesize({
      outdir: process.env.CDKTF_OUTDIR ?? "cdktf.out",
      build: (app) => buildRecipeChatbotApp(app, { environments }),
    });
    console.log(`Synthesized ${stacks.length} stacks: ${stacks.join(", ")}`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

main();
