/**
 * The fix-ups synthesize.ts applies to cdktf's HCL: blocks the provider bindings type as `any`
 * (the WAF rule `statement`) must come out as blocks, lists of them as repeated blocks.
 */
import { blockifyUntypedBlocks } from "../src/synthesize";

describe("blockifyUntypedBlocks", () => {
  it("turns nested objects and lists of objects inside `statement` into (repeated) blocks, and leaves the rest", () => {
    const rendered = [
      "rule {",
      "visibility_config = {",
      "}",
      "statement = {",
      "and_statement = {",
      "statement = [",
      "{",
      "label_match_statement = {",
      'key = "a"',
      "}",
      "},",
      "{",
      "byte_match_statement = {",
      'search_string = "/api/"',
      'values = ["x", "y"]',
      "addresses = [",
      '"10.0.0.0/8",',
      "]",
      "empty = {}",
      "}",
      "},",
      "]",
      "}",
      "}",
      "}",
    ].join("\n");
    expect(blockifyUntypedBlocks(rendered).split("\n")).toEqual([
      "rule {",
      "visibility_config = {", // outside an untyped block: untouched
      "}",
      "statement {",
      "and_statement {",
      "statement {",
      "label_match_statement {",
      'key = "a"',
      "}",
      "}",
      "statement {",
      "byte_match_statement {",
      'search_string = "/api/"',
      'values = ["x", "y"]',
      "addresses = [", // a list of plain values stays a list
      '"10.0.0.0/8",',
      "]",
      "empty = {}",
      "}",
      "}",
      "}",
      "}",
      "}",
    ]);
  });
});
