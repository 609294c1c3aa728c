import * as path from "path";
import { itHoldsNoAwsResource, providersMissingFromMirror, synthesizeDefaultApp } from "./support/synthesized-app";
import { synthesizeFor } from "./support/environment-inputs";
import { prepareWorkdir, terraformInitValidate } from "./support/terraform";

// Ladder layer 2: every stack's JSON passes terraform validate. Providers come from
// TF_PROVIDER_MIRROR when it is set.
jest.setTimeout(10 * 60 * 1000);

const { outdir, stacks } = synthesizeDefaultApp();

describe.each(stacks)("%s", (stack) => {
  const jsonDir = path.join(outdir, "stacks", stack);
  const missing = providersMissingFromMirror(jsonDir);

  if (missing.length === 0) {
    it("JSON passes terraform validate", async () => {
      await terraformInitValidate(prepareWorkdir(jsonDir));
    });
  } else {
    itHoldsNoAwsResource(jsonDir, missing);
  }
});

// Blue/green is no preset's default: its CodeDeploy group, green target groups and test listener are
// validated here, with both of prod's services on it.
describe("recipe-chatbot-prod with every service on blue-green", () => {
  it("JSON passes terraform validate", async () => {
    const bgOutdir = synthesizeFor("prod", undefined, { environments: { prod: { deployment: { strategy: "blue-green" } } } });
    await terraformInitValidate(prepareWorkdir(path.join(bgOutdir, "stacks", "recipe-chatbot-prod")));
  });
});
