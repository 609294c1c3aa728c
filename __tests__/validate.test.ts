import * as path from "path";
import { itHoldsNoAwsResource, providersMissingFromMirror, synthesizeDefaultApp } from "./support/synthesized-app";
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
