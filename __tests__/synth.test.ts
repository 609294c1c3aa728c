import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const ENVIRONMENT_STACKS = ["recipe-chatbot-dev", "recipe-chatbot-staging", "recipe-chatbot-prod"];
const STACKS = ["recipe-chatbot-bootstrap", ...ENVIRONMENT_STACKS, "recipe-chatbot-github"];

/** The command cdktf.json runs (the bundling runner, README "Speed"). */
const APP_COMMAND: string = JSON.parse(fs.readFileSync(path.join(ROOT, "cdktf.json"), "utf8")).app;

/** Runs the real entry point as `cdktf synth` does: cdktf.json's command in a child process with CDKTF_OUTDIR. */
function synth(outdir: string, env: Record<string, string> = {}) {
  const [command, ...args] = APP_COMMAND.split(" ");
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, CDKTF_OUTDIR: outdir, ...env },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files[path.relative(dir, p)] = fs.readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return files;
}

describe("synth entry point (main.ts, through cdktf.json's command)", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "synth-"));
  const outdir = path.join(work, "cdktf.out");
  let first: ReturnType<typeof synth>;

  beforeAll(() => {
    first = synth(outdir);
  });

  it("synthesizes every stack as JSON and as formatted HCL, each in its own directory", () => {
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Synthesized 5 stacks: ${STACKS.join(", ")}`);
    for (const stack of STACKS) {
      expect(fs.existsSync(path.join(outdir, "stacks", stack, "cdk.tf.json"))).toBe(true);
      expect(fs.readdirSync(path.join(outdir, "hcl", stack))).toEqual(["main.tf"]);
    }
    for (const stack of ENVIRONMENT_STACKS) {
      expect(fs.readFileSync(path.join(outdir, "hcl", stack, "main.tf"), "utf8")).toMatch(/resource "aws_vpc" "app_networking_tiers_vpc" \{/);
    }
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8")).stacks).sort()).toEqual([...STACKS].sort());
  });

  it("fails on bad configuration with every problem, a non-zero exit, and the earlier output untouched", () => {
    const before = snapshot(outdir);
    const config = path.join(work, "bad.yaml");
    fs.writeFileSync(config, "environments:\n  prod:\n    network:\n      natMode: sometimes\n    services:\n      backend:\n        memory: 100\n");
    const failed = synth(outdir, { RECIPE_CHATBOT_CONFIG: config });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("Invalid configuration (2 problems):");
    expect(failed.stderr).toContain('environments.prod.network.natMode: must be one of: none, single, per-az (got "sometimes")');
    expect(failed.stderr).toContain("environments.prod.services.backend.memory: 100 MiB is not offered by Fargate with cpu 512; allowed: 1024, 2048, 3072, 4096 (got 100)");
    expect(snapshot(outdir)).toEqual(before);
    expect(fs.readdirSync(work).filter((f) => f.includes("staging-"))).toEqual([]);
  });

  it("runs main.ts bundled (no tsx at synth time), rebuilt from the project's sources and the lock file", () => {
    expect(APP_COMMAND).toBe("node --no-opt --single-threaded-gc --initial-heap-size=96 scripts/synth/run.cjs");
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts.synth).toBe(APP_COMMAND);
    const stamp = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/.cache/recipe-chatbot-synth/inputs.json"), "utf8"));
    expect(Object.keys(stamp.sources)).toEqual(expect.arrayContaining(["main.ts", "src/app.ts", "src/synthesize.ts"]));
    expect(Object.keys(stamp.sources).filter((file) => file.includes("node_modules"))).toEqual([]);
    expect(Object.keys(stamp.toolchain)).toEqual(["scripts/synth/run.cjs", "package-lock.json"]);
    expect(stamp.sources["main.ts"]).toEqual([expect.stringMatching(/^[0-9a-f]{40}$/), [expect.any(Number), expect.any(Number)]]);
    expect(stamp.esbuild).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("bundles a stand-in for archiver, which only TerraformAsset archives use, that says so when called", () => {
    const bundle = fs.readFileSync(path.join(ROOT, "node_modules/.cache/recipe-chatbot-synth/main.js"), "utf8");
    expect(bundle).toContain("TerraformAsset archives are not available in the synth bundle");
    expect(bundle).not.toContain("node_modules/cdktf/node_modules/archiver/");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const archiver: () => void = require("../scripts/synth/archiver-unavailable.cjs");
    expect(() => archiver()).toThrow(/TerraformAsset archives are not available in the synth bundle/);
  });

  it("loads node's crypto, child_process and assert only when something uses them", () => {
    // What node loaded by the end of a whole synth, printed by a hook the runner's process requires.
    const hook = path.join(work, "loaded-builtins.cjs");
    fs.writeFileSync(hook, 'process.on("exit", () => process.stderr.write("loaded=" + JSON.stringify(process.moduleLoadList)));\n');
    const run = synth(path.join(work, "builtins.out"), { NODE_OPTIONS: `--require ${hook}` });
    expect(run.code).toBe(0);
    const loaded: string[] = JSON.parse(/loaded=(.*)$/.exec(run.stderr)![1]);
    expect(loaded).toContain("NativeModule fs");
    for (const name of ["crypto", "child_process", "assert"]) expect(loaded).not.toContain(`NativeModule ${name}`);

    // The stand-ins answer as the modules do, loading them on first use.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const crypto: typeof import("crypto") = require("../scripts/synth/lazy/crypto.cjs");
    const childProcess: typeof import("child_process") = require("../scripts/synth/lazy/child_process.cjs");
    const assert: typeof import("assert") = require("../scripts/synth/lazy/assert.cjs");
    const realCrypto: typeof import("crypto") = require("node:crypto");
    /* eslint-enable @typescript-eslint/no-require-imports */
    expect(crypto.createHash("md5").update("x").digest("hex")).toBe("9dd4e461268c8034f5c8564e155c67a6");
    expect(Object.keys(crypto)).toEqual(Object.keys(realCrypto));
    expect("spawnSync" in childProcess).toBe(true);
    expect(childProcess.spawnSync("true").status).toBe(0);
    expect(() => assert.ok(true, "fine")).not.toThrow();
    expect(() => assert(1)).not.toThrow();
    expect(() => assert.ok(false, "Element type not set")).toThrow(new assert.AssertionError({ message: "Element type not set" }));
    expect(() => assert(0, "zero")).toThrow(/^zero$/);
    expect(() => assert.strictEqual(1, 2)).toThrow(assert.AssertionError);
  });

  it("keeps V8's code cache beside the bundle, and recovers from a cache V8 rejects", () => {
    const cache = path.join(ROOT, "node_modules/.cache/recipe-chatbot-synth/main.js.cache");
    expect(fs.statSync(cache).size).toBeGreaterThan(100_000); // the earlier runs wrote it
    fs.writeFileSync(cache, "not a code cache");
    const out = path.join(work, "after-bad-cache.out");
    const run = synth(out);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(snapshot(out)).toEqual(snapshot(outdir));
    expect(fs.statSync(cache).size).toBeGreaterThan(100_000); // rewritten
  });

  it("moves a new synth over the output file by file: what cdktf deploy left there survives, stale stacks are replaced", () => {
    const out = path.join(work, "deployed.out");
    expect(synth(out).code).toBe(0);
    const generated = snapshot(out);
    const state = path.join(out, "stacks", "recipe-chatbot-dev", "terraform.recipe-chatbot-dev.tfstate");
    fs.writeFileSync(state, '{"version": 4}');
    fs.mkdirSync(path.join(out, "stacks", "recipe-chatbot-dev", ".terraform"));
    const stackJson = path.join(out, "stacks", "recipe-chatbot-prod", "cdk.tf.json");
    fs.writeFileSync(stackJson, "{}");
    expect(synth(out).code).toBe(0);
    expect(fs.readFileSync(state, "utf8")).toBe('{"version": 4}');
    expect(fs.existsSync(path.join(out, "stacks", "recipe-chatbot-dev", ".terraform"))).toBe(true);
    expect(fs.readFileSync(stackJson, "utf8")).toBe(generated["stacks/recipe-chatbot-prod/cdk.tf.json"]);
    expect(fs.readdirSync(work).filter((f) => f.includes("staging-"))).toEqual([]);
  });

  it("leaves no output at all when the very first run is invalid", () => {
    const fresh = path.join(work, "fresh.out");
    const config = path.join(work, "bad-region.yaml");
    fs.writeFileSync(config, "environments:\n  dev:\n    region: moon-1\n");
    expect(synth(fresh, { RECIPE_CHATBOT_CONFIG: config }).code).toBe(1);
    expect(fs.existsSync(fresh)).toBe(false);
  });
});
