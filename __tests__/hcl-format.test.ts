/**
 * README "Speed": synth formats its HCL in process (src/core/hcl-format.ts) instead of starting
 * `terraform fmt`. Its output must be terraform fmt's, byte for byte: for hand-made cases of each rule,
 * and for every stack this project renders, in the default configuration and in one that turns on
 * what the default leaves off (blue/green services, working hours everywhere, a domain).
 */
import { App, TerraformStack } from "cdktf";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildRecipeChatbotApp } from "../src/app";
import { type ConfigOverrides, resolveConfig } from "../src/config";
import { formatHcl, formatHclWithTerraform, UnsupportedHclError } from "../src/core/hcl-format";
import { HCL_DIR, renderHcl, synthesize } from "../src/synthesize";

const lines = (...text: string[]) => text.join("\n") + "\n";

describe("formatHcl: terraform fmt's rules", () => {
  const cases: Record<string, string> = {
    "indents by nesting and aligns = across consecutive attributes, a blank line or a block ending the run": lines(
      'resource "aws_s3_bucket" "b" {',
      'bucket = "x"',
      "force_destroy = true",
      "",
      "tags = {",
      'Name = "b"',
      'Environment = "dev"',
      "}",
      "lifecycle {",
      "ignore_changes = [tags]",
      "}",
      "}",
    ),
    "unwraps an attribute that is one interpolation, not one with text, two interpolations, or an object's item": lines(
      'resource "aws_x" "y" {',
      'id = "${aws_vpc.main.id}"',
      'arn = "arn:${data.aws_partition.p.partition}:s3:::b"',
      'pair = "${a.b}${c.d}"',
      'call = "${jsonencode({ "a" = "${var.x}" })}"',
      'list = ["${aws_vpc.main.id}"]',
      "map = {",
      'key = "${aws_vpc.main.id}"',
      "}",
      "}",
    ),
    "rewrites a variable's legacy type, and only a variable's": lines(
      'variable "a" {',
      "type = list",
      "}",
      'variable "b" {',
      'type = "string"',
      "}",
      'resource "aws_x" "y" {',
      'type = "string"',
      "}",
    ),
    "spaces operators, calls, negatives, conditionals and for expressions as hclwrite does": lines(
      "locals {",
      "a = 1+2*-3",
      'b = var.x==null ? "none":var.x',
      "c = [for s in var.list : upper(s) if s!=\"\"]",
      "d = {for k,v in var.map : k=>v...}",
      "e = !var.flag",
      "f = var.list[0].name",
      "g = {}",
      "h = [ ]",
      "}",
    ),
    "aligns trailing comments and keeps comment lines": lines("# a file comment", "locals {", "a = 1 # one", "bbb = 2 // two", "  # inside", "}"),
    "one-line blocks and empty blocks": lines('resource "aws_x" "y" { count = 1 }', 'data "aws_z" "w" {}'),
    "aligns by characters, as hclwrite counts, when a key is not ASCII": lines("locals {", "tags = {", '"Größe" = "L"', 'Name = "x"', "}", "}"),
  };

  it.each(Object.entries(cases))("%s", (_, source) => {
    expect(formatHcl(source)).toBe(formatHclWithTerraform(source));
  });

  it("hands what it does not cover to terraform fmt: heredocs, block comments, strip markers", () => {
    for (const source of [lines("locals {", "a = <<EOT", "text", "EOT", "}"), lines("/* c */", "locals {}"), lines("locals {", 'a = "${~ var.x}"', "}")]) {
      expect(() => formatHcl(source)).toThrow(UnsupportedHclError);
    }
    expect(formatHclWithTerraform(lines("locals {", "a = <<EOT", "text", "EOT", "}"))).toBe(lines("locals {", "  a = <<EOT", "text", "EOT", "}"));
  });

  it("reports terraform fmt's refusal of invalid HCL", () => {
    expect(() => formatHclWithTerraform("locals {\n")).toThrow(/terraform fmt failed/);
  });
});

describe("formatHcl on every stack's HCL", () => {
  const configurations: Record<string, ConfigOverrides> = {
    default: {},
    "blue/green, working hours, a domain": {
      environments: {
        dev: { deployment: { strategy: "blue-green" } },
        staging: { workingHours: { enabled: true }, domainName: "staging.example.com" },
        prod: { services: { backend: { deploymentStrategy: "blue-green" } } },
      },
    } as ConfigOverrides,
  };

  it.each(Object.entries(configurations))("equals terraform fmt for each stack (%s)", (_, overrides) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "hcl-format-"));
    try {
      const app = new App({ outdir, stackTraces: false });
      buildRecipeChatbotApp(app, resolveConfig(overrides));
      app.synth();
      const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
      expect(stacks.length).toBeGreaterThanOrEqual(5);
      for (const stack of stacks) {
        const rendered = renderHcl(stack);
        expect({ stack: stack.node.id, formatted: formatHcl(rendered) }).toEqual({ stack: stack.node.id, formatted: formatHclWithTerraform(rendered) });
      }
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe("synthesize formats its HCL in process", () => {
  it("writes formatted HCL for every stack with no terraform on the PATH", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "hcl-format-no-terraform-"));
    const pathBefore = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      const stacks = synthesize({ outdir, build: (app) => buildRecipeChatbotApp(app, resolveConfig()) });
      for (const stack of stacks) {
        expect(fs.readFileSync(path.join(outdir, HCL_DIR, stack, "main.tf"), "utf8")).toMatch(/^terraform \{\n  required_providers \{\n/);
      }
    } finally {
      process.env.PATH = pathBefore;
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
