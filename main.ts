import { buildRecipeChatbotApp } from "./src/app";
import { ConfigError, readOverrides, resolveConfig } from "./src/config";
import { synthesize } from "./src/synthesize";

/**
 * Entry point for `cdktf synth` (and `npm run synth`). Configuration is validated completely before
 * any construct exists; synthesis goes to a staging directory and replaces the output only on success.
 */
function main(): void {
  try {
    const { environments, project } = resolveConfig(readOverrides());
    const stacks = synthesize({
      outdir: process.env.CDKTF_OUTDIR ?? "cdktf.out",
      build: (app) => buildRecipeChatbotApp(app, { environments, project }),
    });
    console.log(`Synthesized ${stacks.length} stacks: ${stacks.join(", ")}`);
  } catch (error) {
    // Bad input and policy violations are the user's to fix: print them plainly, without a stack trace.
    if (!(error instanceof ConfigError || isValidationFailure(error))) throw error;
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}

/** cdktf reports failed construct validations (the policy guard's among them) with this message. */
function isValidationFailure(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith("Validation failed");
}

/**
 * cdktf records a full stack trace for every token it creates, used only to decorate an internal
 * token resolution error (with the construct metadata traces, a third of synth's CPU; README "Speed").
 * Synth records none unless CDKTF_TOKEN_TRACES=1, to debug such an error; jest records none either
 * (__tests__/support/jest-setup.ts).
 */
function skipTokenTraces(): void {
  if (process.env.CDKTF_TOKEN_TRACES === "1") return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const traces: { captureStackTrace: () => string[] } = require("cdktf/lib/tokens/private/stack-trace");
  traces.captureStackTrace = () => [];
}

skipTokenTraces();
main();
