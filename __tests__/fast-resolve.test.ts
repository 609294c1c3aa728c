/**
 * README "Speed": stacks resolve through src/core/fast-resolve.ts, which copies token-free parts as
 * they are and hands the rest to cdktf. Everything it returns must be what cdktf's resolve returns,
 * and what cdktf refuses it must refuse with cdktf's error.
 */
import { App, Fn, Lazy, TerraformStack, TerraformVariable, Token, Tokenization, ref } from "cdktf";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildRecipeChatbotApp } from "../src/app";
import { resolveConfig } from "../src/config";
import { keepingResolvedTokens, useFastResolve } from "../src/core/fast-resolve";
import { synthesize } from "../src/synthesize";
import { ReadableStack } from "../src/core/readable-stack";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the function the stacks call
const tokens: { resolve(scope: unknown, obj: unknown, preparing?: boolean): unknown } = require("cdktf/lib/_tokens");

/** What `resolve` gives with the fast path and with cdktf's alone: a value, or the error's message. */
function bothWays<T>(resolve: () => T): { fast: T | string; cdktf: T | string } {
  const attempt = () => {
    try {
      return resolve();
    } catch (error) {
      return `error: ${(error as Error).message}`;
    }
  };
  try {
    useFastResolve(true);
    const fast = attempt();
    useFastResolve(false);
    return { fast, cdktf: attempt() };
  } finally {
    useFastResolve(true);
  }
}

describe("fast resolve", () => {
  const stack = new ReadableStack(new App(), "fast-resolve");
  const variable = new TerraformVariable(stack, "name", { type: "string" });

  const values: Record<string, () => unknown> = {
    "plain values, undefined keys and list elements dropped": () => ({ a: "x", b: 1, c: true, d: null, e: undefined, f: [1, undefined, "y"], g: { h: [] } }),
    "a reference inside plain objects and lists": () => ({ name: variable.stringValue, nested: { list: [`prefix-${variable.stringValue}`, "plain"] } }),
    "a list token": () => ({ list: Token.asList(ref("var.list")), mixed: [...Token.asList(ref("var.list")), "x"] }),
    "a number token, alone and in a string": () => ({ count: Token.asNumber(ref("var.n")), text: `n=${Token.asNumber(ref("var.n"))}` }),
    "a map token and a token as a key": () => ({ map: Token.asStringMap(ref("var.m")), keys: { [variable.stringValue]: "v" } }),
    "lazy values and functions": () => ({ lazy: Lazy.stringValue({ produce: () => "late" }), joined: Fn.join(",", ["a", variable.stringValue]) }),
    "strings that look like number tokens and numbers cdktf would not encode": () => ({ s: "1e5 2.5e-3 sha-3e9", big: 1e250, nan: Number.NaN }),
    "a list token in a scalar string context (cdktf refuses)": () => ({ bad: `${Token.asList(ref("var.list"))}` }),
    "the map token marker value (cdktf refuses)": () => Token.STRING_MAP_TOKEN_VALUE,
    "a function (cdktf refuses)": () => ({ f: () => 1 }),
    "function arguments: nested lists and objects with references": () => ({
      body: Fn.jsonencode({ widgets: [{ type: "metric", properties: { metrics: [["AWS/ECS", "CPU", "Cluster", variable.stringValue]], stat: 1 } }], "odd-key": null, on: true }),
    }),
    "function arguments cdktf resolves as a whole: undefined elements, list, map and key tokens": () => ({
      body: Fn.jsonencode({ list: [1, undefined, "x"], tokens: Token.asList(ref("var.l")), map: Token.asStringMap(ref("var.m")), [variable.stringValue]: "v", dropped: undefined }),
      nested: Fn.join(",", [Fn.jsonencode([`a-${variable.stringValue}`, [Token.asNumber(ref("var.n"))]])]),
    }),
    "a function inside a function argument (cdktf refuses)": () => ({ body: Fn.jsonencode({ outer: { f: () => 1 } }) }),
    "a circular function argument (cdktf refuses)": () => {
      const circular: Record<string, unknown> = { name: "loop" };
      circular.self = circular;
      return { body: Fn.jsonencode(circular) };
    },
  };

  it("hands only what may hold a token to cdktf's resolver", () => {
    const cdktfCalls = jest.spyOn(Tokenization, "resolve");
    try {
      expect(tokens.resolve(stack, { a: "plain", list: [1, true, null], nested: { b: "text" } })).toEqual({ a: "plain", list: [1, true, null], nested: { b: "text" } });
      expect(cdktfCalls).not.toHaveBeenCalled();
      const name = variable.stringValue;
      expect(tokens.resolve(stack, { name, plain: "x" })).toEqual({ name: "${var.name}", plain: "x" });
      expect(cdktfCalls).toHaveBeenCalledTimes(1);
      expect(cdktfCalls.mock.calls[0][0]).toBe(name); // the token alone, not the object around it
    } finally {
      cdktfCalls.mockRestore();
    }
  });

  it("resolves each part of a function argument once, not once per level above it", () => {
    const produced = { fast: 0, cdktf: 0 };
    // Which run the lazy value is counted for: the fast path's first, then cdktf's.
    let counting: keyof typeof produced = "fast";
    const leaf = Lazy.stringValue({ produce: () => `leaf-${++produced[counting]}` });
    const body = Fn.jsonencode({ a: { b: { c: [leaf] } } });
    const { fast, cdktf } = bothWays(() => {
      const resolved = tokens.resolve(stack, { body });
      counting = "cdktf";
      return resolved;
    });
    expect(fast).toEqual({ body: `\${jsonencode({"a" = {"b" = {"c" = [leaf-${produced.fast}]}}})}` });
    expect(cdktf).toEqual({ body: `\${jsonencode({"a" = {"b" = {"c" = [leaf-${produced.cdktf}]}}})}` });
    // A string argument is resolved twice by cdktf's resolveArg itself, at any depth; cdktf alone also
    // resolves the whole argument, then each level below it whole again.
    expect(produced).toEqual({ fast: 2, cdktf: 9 });
  });

  it.each(Object.entries(values))("resolves %s as cdktf does", (_, value) => {
    const input = value();
    const { fast, cdktf } = bothWays(() => tokens.resolve(stack, input));
    expect(fast).toEqual(cdktf);
  });

  it("leaves every stack's JSON and HCL exactly as cdktf's resolve makes them", () => {
    const synthesized = (fast: boolean) => {
      useFastResolve(fast);
      try {
        const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), "fast-resolve-")), stackTraces: false });
        buildRecipeChatbotApp(app, resolveConfig());
        const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
        stacks.forEach((s) => s.prepareStack());
        const result = stacks.map((s) => ({ stack: s.node.id, json: JSON.stringify(s.toTerraform()), hcl: s.toHclTerraform().hcl }));
        fs.rmSync(app.outdir, { recursive: true, force: true });
        return result;
      } finally {
        useFastResolve(true);
      }
    };
    const fast = synthesized(true);
    expect(fast.length).toBeGreaterThanOrEqual(5);
    expect(fast).toEqual(synthesized(false));
  });

  it("keeps a token string's value for the rest of a synthesis, and only then", () => {
    let produced = 0;
    const counter = Lazy.stringValue({ produce: () => `value-${++produced}` });
    const resolveTwice = () => [tokens.resolve(stack, { a: counter }), tokens.resolve(stack, { b: counter })];
    expect(keepingResolvedTokens(resolveTwice)).toEqual([{ a: "value-1" }, { b: "value-1" }]);
    expect(resolveTwice()).toEqual([{ a: "value-2" }, { b: "value-3" }]);
  });

  it("synthesizes (JSON and formatted HCL) exactly what cdktf's resolve alone gives", () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "fast-resolve-synth-"));
    const tree = (dir: string): Record<string, string> =>
      Object.fromEntries(
        (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
          .filter((entry) => entry.isFile())
          .map((entry) => {
            const file = path.join(entry.parentPath ?? entry.path, entry.name);
            return [path.relative(dir, file), fs.readFileSync(file, "utf8")];
          }),
      );
    const run = (fast: boolean) => {
      useFastResolve(fast);
      try {
        const outdir = path.join(work, fast ? "fast" : "cdktf");
        synthesize({ outdir, build: (app) => buildRecipeChatbotApp(app, resolveConfig()) });
        return tree(outdir);
      } finally {
        useFastResolve(true);
      }
    };
    try {
      const fast = run(true);
      expect(Object.keys(fast).filter((file) => file.endsWith("main.tf")).length).toBeGreaterThanOrEqual(5);
      expect(fast).toEqual(run(false));
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
