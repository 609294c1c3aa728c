#!/usr/bin/env node
/**
 * What `cdktf.json` and `npm run synth` run: main.ts and everything it imports (cdktf and the provider
 * bindings included) bundled by esbuild into one CommonJS file, then run by plain node.
 *
 * Why: under tsx every synth paid for tsx's start-up and its TypeScript transform, and for source-map
 * support that makes every captured stack trace expensive; loading cdktf and the bindings as hundreds of
 * separate modules cost module resolution on top. One bundle, built only when an input changed, starts
 * in a fraction of that (README "Speed"). esbuild strips types without checking them, as tsx did:
 * type errors fail `npm test` (its `types` layer runs `tsc --noEmit`), not synth.
 *
 * The bundle is rebuilt when the content of any of its inputs changed (the project's own files by
 * hash, read only when a file's size or modification time differs from the stamp's, as git's index
 * does; node_modules through package-lock.json, because npm gives installed files fixed timestamps), or
 * when this runner or esbuild changed. It lives in node_modules/.cache, which is not committed and is
 * dropped by `npm ci`.
 *
 * SYNTH_BUNDLE_ONLY=1 builds the bundle without running it (the bench uses it to time runs apart).
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "..");
const ENTRY = path.join(ROOT, "main.ts");
const OUT_DIR = path.join(ROOT, "node_modules", ".cache", "recipe-chatbot-synth");
const BUNDLE = path.join(OUT_DIR, "main.js");
const STAMP = path.join(OUT_DIR, "inputs.json");
const CODE_CACHE = path.join(OUT_DIR, "main.js.cache");

/** Hash of a file's content, or "" when it is gone. */
function hashOf(file) {
  try {
    return require("crypto").createHash("sha1").update(fs.readFileSync(file)).digest("hex");
  } catch {
    return "";
  }
}

/** Built-in modules loaded on first use (lazy-builtin.cjs). */
const LAZY_BUILTINS = ["assert", "crypto", "child_process"];

/** What decides the bundle besides the project's sources: this runner and the lock file (and esbuild's version). */
const TOOLCHAIN = [path.relative(ROOT, __filename), "package-lock.json"];

/** Size and modification time of a file under the project, or undefined when it is gone. */
function statOf(file) {
  try {
    const { size, mtimeMs } = fs.statSync(path.join(ROOT, file));
    return [size, mtimeMs];
  } catch {
    return undefined;
  }
}

/** A file's hash and stat, as the stamp records them. */
function recorded(file) {
  return [hashOf(path.join(ROOT, file)), statOf(file)];
}

/** Whether a file still has the recorded content: the same size and modification time, or else the same hash. */
function unchanged(file, [hash, stat]) {
  const now = statOf(file);
  if (now !== undefined && stat !== undefined && now[0] === stat[0] && now[1] === stat[1]) return true;
  return hashOf(path.join(ROOT, file)) === hash;
}

function upToDate() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(STAMP, "utf8"));
  } catch {
    return false;
  }
  if (!fs.existsSync(BUNDLE) || stamp.esbuild !== require("esbuild/package.json").version) return false;
  return [stamp.toolchain, stamp.sources].every((files) => Object.entries(files).every(([file, record]) => unchanged(file, record)));
}

/**
 * Builds into a directory of this process's own and renames the files into place, so a synth running
 * beside it (jest runs several) never loads a half-written bundle.
 */
function build() {
  const esbuild = require("esbuild");
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const work = fs.mkdtempSync(path.join(OUT_DIR, "build-"));
  try {
    const result = esbuild.buildSync({
      entryPoints: [ENTRY],
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      outfile: path.join(work, "main.js"),
      metafile: true,
      logLevel: "error",
      // Half the bytes for V8 to read, hash and check its code cache against; identifiers are kept, so
      // class names (which cdktf and the guard read) and stack traces stay as written.
      minifyWhitespace: true,
      minifySyntax: true,
      alias: {
        archiver: path.join(__dirname, "archiver-unavailable.cjs"),
        ...Object.fromEntries(LAZY_BUILTINS.map((name) => [name, path.join(__dirname, "lazy", `${name}.cjs`)])),
      },
      // A map for debugging a crash (NODE_OPTIONS=--enable-source-maps); not loaded by default, because
      // mapping every stack trace cdktf captures is what made synth slow.
      sourcemap: "linked",
      sourcesContent: false,
    });
    const sources = Object.keys(result.metafile.inputs)
      .map((input) => path.relative(ROOT, path.resolve(ROOT, input)))
      .filter((file) => !file.split(path.sep).includes("node_modules"));
    const stamp = {
      esbuild: require("esbuild/package.json").version,
      toolchain: Object.fromEntries(TOOLCHAIN.map((file) => [file, recorded(file)])),
      sources: Object.fromEntries(sources.map((file) => [file, recorded(file)])),
    };
    fs.writeFileSync(path.join(work, "inputs.json"), JSON.stringify(stamp, null, 1));
    // The stamp last: a bundle is only ever trusted once it and its map are in place.
    // A code cache of the previous bundle would be rejected anyway: drop it first.
    fs.rmSync(CODE_CACHE, { force: true });
    for (const file of ["main.js.map", "main.js", "inputs.json"]) fs.renameSync(path.join(work, file), path.join(OUT_DIR, file));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Runs the bundle as `require` would, with V8's code cache: the bytecode of every function the
 * previous run compiled, kept beside the bundle. Parsing and compiling 5 MiB of JavaScript was a
 * fifth of a synth; with the cache V8 only checks it against the source (README "Speed"). The cache
 * is written after the first run of a new bundle, when it holds everything that run compiled, and
 * rewritten when V8 rejects it (another Node version). Node 22's module.enableCompileCache does the
 * same for every module; this machine runs Node 20.
 */
function runBundle() {
  const Module = require("module");
  const vm = require("vm");
  // esbuild writes ASCII only (its default charset), so latin1 reads the same text without UTF-8 decoding.
  const source = fs.readFileSync(BUNDLE, "latin1");
  let cachedData;
  try {
    cachedData = fs.readFileSync(CODE_CACHE);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once("exit", () => {
      // Renamed into place: a synth running beside this one never reads half a cache.
      const partial = `${CODE_CACHE}.${process.pid}`;
      fs.writeFileSync(partial, script.createCachedData());
      fs.renameSync(partial, CODE_CACHE);
    });
  }
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  bundle.paths = Module._nodeModulePaths(OUT_DIR);
  script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(BUNDLE), bundle, BUNDLE, OUT_DIR);
}

if (!upToDate()) build();
if (process.env.SYNTH_BUNDLE_ONLY !== "1") runBundle();
