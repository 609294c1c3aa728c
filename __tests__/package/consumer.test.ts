/**
 * Ladder layer "package" (scripts/test/layers.js): the package as a platform team gets it.
 *
 * `npm pack` (prepack: a clean build of src/ with tsconfig.build.json) into a temporary directory,
 * then a fresh project there, outside the repository, installs the tarball and its peers like any
 * consumer (`npm install`, from the npm cache), type-checks an app against the installed declarations
 * (strict), runs it and reads what it synthesized. The harness reads everything it checks from
 * package.json: `files` decides the tarball, `exports` the subpaths (each must resolve from CommonJS
 * and ESM and type-check under moduleResolution node16, bundler and node10), `peerDependencies` what
 * must exist exactly once beside it. The app itself is consumer-app/ (main.cts); what it must
 * synthesize is EXPECTED below.
 *
 * Slow by nature (the install writes ~430 MB, mostly the AWS provider's bindings): timings go to the
 * console as one line, no wall-clock limit is asserted. PACKAGE_TEST_KEEP=1 keeps the temporary
 * directory for a look afterwards.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import { builtinModules } from "module";
import * as os from "os";
import * as path from "path";
import { PACKAGE_NAME, packageRoot } from "../../src/core/package-root";

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURE = path.join(__dirname, "consumer-app");
const SECOND = 1000;
const MINUTE = 60 * SECOND;
// Every step spawns npm, node or tsc beside the rest of the ladder on two cores: a timeout here
// catches a hang, never measures speed (each step also bounds its own process).
jest.setTimeout(10 * MINUTE);

type ExportTarget = string | null | { readonly [condition: string]: ExportTarget };
interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly exports: Readonly<Record<string, ExportTarget>>;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, "utf8")) as T;
const manifest = readJson<Manifest>(path.join(ROOT, "package.json"));

/** What the consumer app (consumer-app/main.cts) must synthesize: stack -> resource types. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  // One resource type of each module: networking, alb, secrets, ecs-service, monitoring.
  platform: ["aws_vpc", "aws_lb", "aws_secretsmanager_secret", "aws_ecs_service", "aws_cloudwatch_dashboard"],
  "recipe-chatbot-github": ["github_repository_file", "github_branch_protection"],
};
/** Files a consumer project may well have of its own; the library must read its own copies, never these. */
const DECOYS = ["assets/deploy.yml", "assets/rollout.sh", "templates/deploy.yml", "scripts/deploy/rollout.sh"];
const DECOY_TEXT = "DECOY: the consumer's own file, which recipe-chatbot-infra must never read\n";

/** The subpaths of `exports` that are code ("./package.json" is not). */
const codeSubpaths = Object.keys(manifest.exports).filter((subpath) => subpath !== "./package.json");
/** "." -> "recipe-chatbot-infra", "./networking" -> "recipe-chatbot-infra/networking". */
const specifierOf = (subpath: string) => (subpath === "." ? manifest.name : `${manifest.name}/${subpath.slice(2)}`);
/** Every file an `exports` entry can lead to, whatever the conditions ("./dist/x.js" -> "dist/x.js"). */
function targetsOf(target: ExportTarget): string[] {
  if (target === null) return [];
  if (typeof target === "string") return [path.posix.normalize(target)];
  return Object.values(target).flatMap(targetsOf);
}

const timings: Record<string, number> = {};
let work = "";
let tarball = "";
let unpacked = "";
let consumer = "";
let packed: { size: number; unpackedSize: number; entryCount: number; files: string[] } | undefined;

/**
 * npm's variables for the current run (this package, its script, its prefix) must not reach another
 * project's npm; its configuration (cache, registry, userconfig) should.
 */
function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const own = /^npm_(package_|lifecycle_|command$|config_local_prefix$)/i;
  return { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !own.test(key))), ...extra };
}

/** Runs a command to completion (bounded by `timeout`), records its time under `timing`, throws with its output on failure. */
function run(command: string, args: string[], options: { cwd: string; timeout: number; timing?: string; env?: NodeJS.ProcessEnv }): string {
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? childEnv(),
    encoding: "utf8",
    timeout: options.timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (options.timing) timings[options.timing] = (timings[options.timing] ?? 0) + (Date.now() - started) / SECOND;
  if (result.status !== 0) {
    const how = result.error ? String(result.error) : result.signal ? `killed by ${result.signal}` : `exit code ${result.status}`;
    const tail = (text: string) => text.split("\n").slice(-60).join("\n");
    throw new Error(`${command} ${args.join(" ")} (in ${options.cwd}) failed: ${how}\n${tail(result.stdout ?? "")}\n${tail(result.stderr ?? "")}`);
  }
  return result.stdout;
}

/** The tarball's files, as paths relative to its package/ directory. */
function filesUnder(dir: string, prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(path.join(dir, entry.name), relative) : [relative];
  });
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "recipe-chatbot-package-"));
  // --json prints the tarball's metadata; the lifecycle scripts' own output (the build) precedes it.
  const stdout = run("npm", ["pack", "--json", "--pack-destination", work], { cwd: ROOT, timeout: 5 * MINUTE, timing: "pack" });
  const [result] = JSON.parse(stdout.slice(stdout.search(/^\[/m))) as {
    filename: string;
    size: number;
    unpackedSize: number;
    entryCount: number;
    files: { path: string }[];
  }[];
  tarball = path.join(work, result.filename);
  packed = { ...result, files: result.files.map((file) => file.path).sort() };
  unpacked = path.join(work, "unpacked");
  fs.mkdirSync(unpacked);
  run("tar", ["-xzf", tarball, "-C", unpacked], { cwd: work, timeout: MINUTE });
  unpacked = path.join(unpacked, "package");
}, 6 * MINUTE);

afterAll(() => {
  const figure = (name: string) => (timings[name] === undefined ? "-" : `${timings[name].toFixed(1)} s`);
  const size = packed ? `${(packed.size / 1024).toFixed(0)} KiB (${(packed.unpackedSize / 1024).toFixed(0)} KiB unpacked, ${packed.entryCount} files)` : "not packed";
  console.log(
    `package: tarball ${size}; pack ${figure("pack")}, install ${figure("install")}, typecheck ${figure("typecheck")}, ` +
      `typecheck exports ${figure("typecheck exports")}, synth ${figure("synth")}`,
  );
  if (!work) return;
  if (process.env.PACKAGE_TEST_KEEP) console.log(`package: kept ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}, 2 * MINUTE);

describe("the tarball", () => {
  it("holds the compiled library with its declarations, package.json, README.md, LICENSE and assets, and nothing else", () => {
    const files = packed!.files;
    expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "LICENSE", "dist/index.js", "dist/index.d.ts"]));
    expect(files).toEqual(filesUnder(unpacked).sort());
    // Everything is compiled output, an asset the library reads, or the three files npm always packs.
    const stray = files.filter(
      (file) => !/^dist\/.+\.(js|d\.ts)$/.test(file) && !file.startsWith("assets/") && !["package.json", "README.md", "LICENSE"].includes(file),
    );
    expect(stray).toEqual([]);
    // No tests, test sources or test scripts, no TypeScript sources (declarations only), no maps or build info.
    expect(files.filter((file) => /(^|\/)__tests__\/|\.test\.|(^|\/)scripts\/test\/|(^|\/)src\//.test(file))).toEqual([]);
    expect(files.filter((file) => /\.[cm]?tsx?$/.test(file) && !/\.d\.[cm]?ts$/.test(file))).toEqual([]);
    expect(files.filter((file) => /\.map$|\.tsbuildinfo$|(^|\/)tsconfig[^/]*\.json$/.test(file))).toEqual([]);
    // Publishable, and the peers are peers: never dependencies, which could install a second copy.
    const packedManifest = readJson<Manifest & { private?: boolean }>(path.join(unpacked, "package.json"));
    expect(packedManifest.private).toBeFalsy();
    const peers = Object.keys(packedManifest.peerDependencies ?? {});
    expect(peers.filter((peer) => peer in (packedManifest.dependencies ?? {}))).toEqual([]);
    // Every module has its declarations beside it.
    const js = files.filter((file) => file.endsWith(".js"));
    expect(js.filter((file) => !files.includes(file.replace(/\.js$/, ".d.ts")))).toEqual([]);
  });

  it("exports every module under src/modules as ./<name>, and every export is built, with declarations", () => {
    const modulesDir = path.join(ROOT, "src", "modules");
    const modules = fs.existsSync(modulesDir)
      ? fs.readdirSync(modulesDir).filter((name) => fs.existsSync(path.join(modulesDir, name, "index.ts")))
      : [];
    // One line in package.json "exports" per module; the typesVersions pattern (dist/modules/*/index.d.ts)
    // gives moduleResolution node10 the same subpaths, so the target must follow that layout.
    for (const name of modules) {
      expect({ module: name, export: manifest.exports[`./${name}`] }).toEqual({ module: name, export: `./dist/modules/${name}/index.js` });
    }
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      for (const file of targetsOf(target)) {
        expect({ subpath, file, packed: packed!.files.includes(file) }).toEqual({ subpath, file, packed: true });
        if (file.endsWith(".js")) {
          const types = file.replace(/\.js$/, ".d.ts");
          expect({ subpath, types, packed: packed!.files.includes(types) }).toEqual({ subpath, types, packed: true });
        }
      }
    }
  });

  it("requires nothing but Node's built-ins, its dependencies and peers, and its own files", () => {
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
    const builtins = new Set(builtinModules);
    const files = new Set(packed!.files);
    const problems: string[] = [];
    for (const file of packed!.files.filter((f) => f.endsWith(".js"))) {
      const source = fs.readFileSync(path.join(unpacked, file), "utf8");
      for (const [, , specifier] of source.matchAll(/\brequire\((["'])([^"']+)\1\)/g)) {
        if (specifier.startsWith(".")) {
          const base = path.posix.join(path.posix.dirname(file), specifier);
          const found = [base, `${base}.js`, `${base}.json`, `${base}/index.js`].some((candidate) => files.has(candidate));
          if (!found) problems.push(`${file}: ${specifier} is not in the package`);
          continue;
        }
        const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];
        if (!builtins.has(specifier.replace(/^node:/, "")) && !declared.has(name)) problems.push(`${file}: ${specifier} is not a dependency or peer`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("a consumer project", () => {
  beforeAll(() => {
    consumer = path.join(work, "consumer");
    fs.cpSync(FIXTURE, consumer, { recursive: true, filter: (source) => !/(^|[\\/])(node_modules|build|cdktf\.out)$/.test(source) });
    // The fixture names its dependencies; the versions are the tarball's and this repository's exact pins.
    const template = readJson<Record<string, unknown> & { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>(
      path.join(FIXTURE, "package.json"),
    );
    const pin = (name: string) => {
      if (name === manifest.name) return `file:${tarball}`;
      const version = manifest.devDependencies?.[name] ?? manifest.dependencies?.[name];
      if (!version) throw new Error(`consumer-app/package.json lists ${name}, which this repository does not pin in devDependencies`);
      return version;
    };
    const pinned = (section: Record<string, string> = {}) => Object.fromEntries(Object.keys(section).map((name) => [name, pin(name)]));
    const consumerManifest = { ...template, dependencies: pinned(template.dependencies), devDependencies: pinned(template.devDependencies) };
    fs.writeFileSync(path.join(consumer, "package.json"), `${JSON.stringify(consumerManifest, null, 2)}\n`);
    for (const decoy of DECOYS) {
      fs.mkdirSync(path.dirname(path.join(consumer, decoy)), { recursive: true });
      fs.writeFileSync(path.join(consumer, decoy), DECOY_TEXT);
    }
    run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: consumer, timeout: 10 * MINUTE, timing: "install" });
  }, 11 * MINUTE);

  it("installs every peer beside the package, once: no nested constructs or cdktf", () => {
    const peers = Object.keys(manifest.peerDependencies ?? {});
    expect(peers).toEqual(expect.arrayContaining(["cdktf", "constructs"]));
    const copies = new Map<string, string[]>(peers.map((name) => [name, []]));
    const visit = (dir: string, name: string) => {
      copies.get(name)?.push(path.relative(consumer, dir));
      const nested = path.join(dir, "node_modules");
      if (fs.existsSync(nested)) walk(nested);
    };
    const walk = (nodeModules: string) => {
      for (const entry of fs.readdirSync(nodeModules, { withFileTypes: true })) {
        if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
        const dir = path.join(nodeModules, entry.name);
        if (entry.name.startsWith("@")) for (const scoped of fs.readdirSync(dir)) visit(path.join(dir, scoped), `${entry.name}/${scoped}`);
        else visit(dir, entry.name);
      }
    };
    walk(path.join(consumer, "node_modules"));
    expect(Object.fromEntries(copies)).toEqual(Object.fromEntries(peers.map((name) => [name, [path.join("node_modules", name)]])));
    expect(fs.existsSync(path.join(consumer, "node_modules", manifest.name, "node_modules", "constructs"))).toBe(false);
    // npm's own view: nothing missing, invalid (a peer outside its range) or extraneous.
    run("npm", ["ls", "--all"], { cwd: consumer, timeout: 2 * MINUTE });
  });

  it("resolves every subpath in exports from require() and import(), with the same names", () => {
    const check = path.join(consumer, "exports-check.cjs");
    fs.writeFileSync(
      check,
      [
        "const specifiers = JSON.parse(process.argv[2]);",
        "(async () => {",
        "  const result = {};",
        "  for (const specifier of specifiers) {",
        "    const cjs = require(specifier);",
        "    const esm = await import(specifier);",
        "    const names = (o, skip) => Object.keys(o).filter((k) => !skip.includes(k)).sort();",
        "    const skip = ['__esModule', 'default', 'module.exports'];",
        "    result[specifier] = { resolved: require.resolve(specifier), cjs: names(cjs, skip), esm: names(esm, skip) };",
        "  }",
        "  result.version = require(process.argv[3] + '/package.json').version;",
        "  console.log(JSON.stringify(result));",
        "})().catch((error) => { console.error(error); process.exit(1); });",
      ].join("\n"),
    );
    const specifiers = codeSubpaths.map(specifierOf);
    const stdout = run("node", [check, JSON.stringify(specifiers), manifest.name], { cwd: consumer, timeout: 2 * MINUTE });
    const result = JSON.parse(stdout) as Record<string, { resolved: string; cjs: string[]; esm: string[] }> & { version: string };
    expect(result.version).toBe(manifest.version);
    const installed = fs.realpathSync(path.join(consumer, "node_modules", manifest.name));
    for (const [subpath, specifier] of codeSubpaths.map((s) => [s, specifierOf(s)] as const)) {
      const { resolved, cjs, esm } = result[specifier];
      expect({ specifier, resolved: path.relative(installed, resolved) }).toEqual({ specifier, resolved: targetsOf(manifest.exports[subpath])[0] });
      expect({ specifier, empty: cjs.length === 0 }).toEqual({ specifier, empty: false });
      // An ESM consumer sees the same named exports (Node's CommonJS export detection finds them all).
      expect({ specifier, esm }).toEqual({ specifier, esm: cjs });
    }
  });

  it("type-checks an import of every export under moduleResolution node16 (ESM), bundler and node10, each from its declarations", () => {
    const imports = codeSubpaths.map((subpath, i) => `import * as m${i} from "${specifierOf(subpath)}";`);
    const body = `${imports.join("\n")}\nexport const modules = [${codeSubpaths.map((_, i) => `m${i}`).join(", ")}];\n`;
    const modes = [
      { moduleResolution: "node16", module: "node16", file: "exports-check.mts" },
      { moduleResolution: "bundler", module: "esnext", file: "exports-check-bundler.ts" },
      { moduleResolution: "node10", module: "commonjs", file: "exports-check-node10.ts" },
    ];
    const tsc = path.join(consumer, "node_modules", "typescript", "bin", "tsc");
    const installed = fs.realpathSync(path.join(consumer, "node_modules", manifest.name));
    // Each subpath's declarations: the .d.ts beside its .js, which is where node16 and bundler look and
    // what the typesVersions pattern maps node10 to.
    const expected = Object.fromEntries(codeSubpaths.map((s) => [specifierOf(s), targetsOf(manifest.exports[s])[0].replace(/\.js$/, ".d.ts")]));
    for (const mode of modes) {
      fs.writeFileSync(path.join(consumer, mode.file), body);
      const args = [tsc, "--noEmit", "--strict", "--skipLibCheck", "--target", "es2022", "--types", "node", "--traceResolution"];
      const trace = run("node", [...args, "--module", mode.module, "--moduleResolution", mode.moduleResolution, mode.file], {
        cwd: consumer,
        timeout: 5 * MINUTE,
        timing: "typecheck exports",
      });
      const resolved: Record<string, string> = {};
      for (const [, specifier, file] of trace.matchAll(/^======== Module name '([^']+)' was successfully resolved to '([^']+)'/gm)) {
        if (specifier in expected && !(specifier in resolved)) resolved[specifier] = path.relative(installed, fs.realpathSync(file));
      }
      expect({ moduleResolution: mode.moduleResolution, resolved }).toEqual({ moduleResolution: mode.moduleResolution, resolved: expected });
    }
  }, 10 * MINUTE);

  it("type-checks the app (strict, the package's declarations included) and compiles it", () => {
    const tsc = path.join(consumer, "node_modules", "typescript", "bin", "tsc");
    run("node", [tsc, "-p", "tsconfig.json"], { cwd: consumer, timeout: 5 * MINUTE, timing: "typecheck" });
  }, 6 * MINUTE);

  it("runs the app: it synthesizes the expected stacks, with the package's own assets", () => {
    const entry = fs.readdirSync(path.join(consumer, "build")).find((file) => /^main\.c?js$/.test(file));
    expect(entry).toBeDefined();
    const outdir = path.join(consumer, "cdktf.out");
    run("node", [path.join("build", entry!)], { cwd: consumer, timeout: 3 * MINUTE, timing: "synth", env: childEnv({ CDKTF_OUTDIR: outdir }) });

    const stacks = readJson<{ stacks: Record<string, { synthesizedStackPath: string }> }>(path.join(outdir, "manifest.json")).stacks;
    expect(Object.keys(stacks).sort()).toEqual(Object.keys(EXPECTED).sort());
    const synthesized = Object.fromEntries(
      Object.entries(stacks).map(([name, stack]) => [
        name,
        readJson<{ resource?: Record<string, Record<string, Record<string, unknown>>> }>(path.join(outdir, stack.synthesizedStackPath)).resource ?? {},
      ]),
    );
    for (const [name, types] of Object.entries(EXPECTED)) {
      expect({ stack: name, types: Object.keys(synthesized[name]) }).toEqual({ stack: name, types: expect.arrayContaining([...types]) });
    }
    // Any file the package commits from its assets (the delivery workflow) is the package's copy, not the consumer's.
    // (The workflow files; CODEOWNERS is written from configuration, not from an asset.)
    const committed = Object.values(synthesized)
      .flatMap((resources) => Object.values(resources.github_repository_file ?? {}))
      .filter((file) => String(file.file).startsWith(".github/workflows/"));
    expect(committed.length).toBeGreaterThan(0);
    for (const file of committed) {
      const encoded = /base64decode\("([A-Za-z0-9+/=]+)"\)/.exec(String(file.content));
      const text = encoded ? Buffer.from(encoded[1], "base64").toString("utf8") : String(file.content);
      expect(text).not.toContain("DECOY");
      expect(text.length).toBeGreaterThan(DECOY_TEXT.length);
    }
  }, 4 * MINUTE);

  it("finds the package root from the compiled package as from the sources", () => {
    expect(packageRoot()).toBe(ROOT);
    const helper = path.join(consumer, "node_modules", manifest.name, "dist", "core", "package-root.js");
    const stdout = run("node", ["-p", `require(${JSON.stringify(helper)}).packageRoot()`], { cwd: consumer, timeout: MINUTE });
    expect(stdout.trim()).toBe(fs.realpathSync(path.join(consumer, "node_modules", manifest.name)));
    expect(PACKAGE_NAME).toBe(manifest.name);
  });
});
