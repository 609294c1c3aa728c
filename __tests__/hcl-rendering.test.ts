/**
 * The fix-ups synthesize.ts applies to cdktf's HCL: blocks the provider bindings type as `any`
 * (the WAF rule `statement`) must come out as blocks, lists of them as repeated blocks; the blank
 * lines cdktf leaves where a block had nothing more to render are tidied as a person would.
 */
import { blockifyUntypedBlocks, tidyBlankLines } from "../src/synthesize";

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

describe("tidyBlankLines", () => {
  it("keeps one blank line between items, none after an opening brace or before a closing bracket, one newline at the end", () => {
    const rendered = ['resource "a" "b" {', "", "", "  x = 1", "  ", "", "  y = [", "", "    1,", "", "  ]", "", "", "}", "", "", "output {", "}", "", ""].join("\n");
    expect(tidyBlankLines(rendered).split("\n")).toEqual(['resource "a" "b" {', "  x = 1", "", "  y = [", "", "    1,", "  ]", "}", "", "output {", "}", ""]);
  });

  it("leaves a file with a heredoc as it is: its blank lines are content", () => {
    const withHeredoc = 'x = <<EOT\na\n\n\nb\nEOT\n\n\n';
    expect(tidyBlankLines(withHeredoc)).toBe(withHeredoc);
  });
});
