import * as fs from "fs";
import * as path from "path";

const AWS_PROVIDER = "registry.terraform.io/hashicorp/aws";
const DEFAULT_PLUGIN_CACHE_DIR = path.resolve(__dirname, "..", "..", ".tmp", "tf-plugin-cache");

/**
 * Writes a Terraform CLI configuration file into `dir` and returns its path (use it as
 * TF_CLI_CONFIG_FILE).
 *
 * - `TF_PROVIDER_MIRROR` naming an existing directory: hashicorp/aws is installed only from that
 *   `filesystem_mirror` (offline machines, CI caches), every other provider from its registry.
 *   Otherwise every provider comes from its registry.
 * - A shared `plugin_cache_dir` (`TF_PLUGIN_CACHE_DIR`, default `<repo>/.tmp/tf-plugin-cache`).
 *   Measured with Terraform 1.11: an unpacked mirror is symlinked into `.terraform` with or
 *   without the cache (about 0.5 s per `init` either way), so the cache only pays off for registry
 *   installs, where it saves a ~700 MB download of the AWS provider per working directory.
 *   `plugin_cache_may_break_dependency_lock_file` lets Terraform use the cache in the fresh
 *   working directories the tests create, which have no lock file to check it against. Terraform
 *   does not lock the cache, so the first installs into an empty cache should not run in parallel
 *   (jest's global setup, __tests__/support/global-setup.ts, fills it before suites run side by side).
 */
export function writeTerraformCliConfig(dir: string): string {
  const mirror = process.env.TF_PROVIDER_MIRROR;
  const useMirror = mirror !== undefined && fs.statSync(mirror, { throwIfNoEntry: false })?.isDirectory();
  const cacheDir = path.resolve(process.env.TF_PLUGIN_CACHE_DIR ?? DEFAULT_PLUGIN_CACHE_DIR);
  fs.mkdirSync(cacheDir, { recursive: true }); // Terraform reports a missing one as an error.

  const installation = useMirror
    ? [
        `  filesystem_mirror {`,
        `    path    = ${JSON.stringify(path.resolve(mirror))}`,
        `    include = ["${AWS_PROVIDER}"]`,
        `  }`,
        `  direct {`,
        `    exclude = ["${AWS_PROVIDER}"]`,
        `  }`,
      ]
    : [`  direct {}`];

  const file = path.join(dir, "terraform.rc");
  fs.writeFileSync(
    file,
    [
      `plugin_cache_dir = ${JSON.stringify(cacheDir)}`,
      `plugin_cache_may_break_dependency_lock_file = true`,
      `provider_installation {`,
      ...installation,
      `}`,
      ``,
    ].join("\n")
  );
  return file;
}
