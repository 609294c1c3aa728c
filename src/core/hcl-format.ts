/**
 * `terraform fmt`, in process, for the HCL cdktf renders: the same output, byte for byte, without
 * starting terraform (half a second of CPU and a child process per synth; README "Speed").
 *
 * It follows Terraform's own two steps: the `fmt` command's rewrites of each body's attributes
 * (internal/command/fmt.go: a value that is a single interpolation, `"${x}"`, becomes `x`; a
 * variable's legacy `type`), then hclwrite's whitespace rules (hclwrite/format.go: indentation by
 * bracket nesting, spaces between tokens, `=` and comments aligned across consecutive lines).
 *
 * Input it does not cover (heredocs, block comments, template strip markers, characters it cannot
 * scan) raises {@link UnsupportedHclError}: callers fall back to {@link formatHclWithTerraform}.
 * Tests hold its output to terraform fmt's for every stack and module.
 *
 * Tokens live in typed arrays, not objects: a synth formats about 150,000 of them once, cold, and
 * allocating an object each cost more in garbage collection than the formatting itself.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The HCL uses something this formatter does not cover; `terraform fmt` must format it. */
export class UnsupportedHclError extends Error {}

/** Formats HCL as `terraform fmt` does; throws {@link UnsupportedHclError} for what it does not cover. */
export function formatHcl(source: string): string {
  const tokens = scan(source);
  rewriteBodies(tokens);
  return layout(tokens);
}

/** `terraform fmt` of `source` through the terraform binary: for what {@link formatHcl} does not cover. */
export function formatHclWithTerraform(source: string): string {
  // Through a file, not standard input: fmt prints standard input's result with a newline added.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hcl-fmt-"));
  try {
    const file = path.join(dir, "main.tf");
    fs.writeFileSync(file, source);
    // Required here: the fallback is rare, and loading child_process is start-up time every synth would pay.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { spawnSync } = require("child_process") as typeof import("child_process");
    const result = spawnSync("terraform", ["fmt", "-no-color", "-list=false", file], {
      encoding: "utf8",
      // fmt reads no CLI configuration; an empty one keeps a broken TF_CLI_CONFIG_FILE from adding noise.
      env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null" },
    });
    if (result.error || result.status !== 0) {
      throw new Error(`terraform fmt failed (${result.error?.message ?? `exit ${result.status}`}); is terraform on the PATH?\n${result.stderr ?? ""}`);
    }
    return fs.readFileSync(file, "utf8");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Token kinds: hclsyntax's, merged where formatting treats them alike.
const enum T {
  Ident,
  Number,
  OQuote,
  CQuote,
  QuotedLit,
  Interp,
  Control,
  SeqEnd,
  OBrace,
  CBrace,
  OBrack,
  CBrack,
  OParen,
  CParen,
  Equal,
  /** Binary operators but minus and `=>`: after one, a minus is a negation. */
  Op,
  FatArrow,
  Minus,
  Bang,
  Comma,
  Dot,
  Ellipsis,
  Colon,
  DoubleColon,
  Question,
  /** A `#` or `//` comment, with the newline that ends it. */
  Comment,
  Newline,
  /** Dropped by a rewrite. */
  None,
}

interface Tokens {
  readonly source: string;
  count: number;
  type: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** Spaces before each token: what formatting decides. */
  spaces: Int32Array;
  /** Text that replaces a token's source text (a rewritten type expression). */
  readonly text: Map<number, string>;
}

/** Operators of two or three characters, tried before the single characters they start with. */
const LONG_OPERATORS: [string, T][] = [
  ["...", T.Ellipsis],
  ["::", T.DoubleColon],
  ["==", T.Op],
  ["!=", T.Op],
  ["<=", T.Op],
  [">=", T.Op],
  ["&&", T.Op],
  ["||", T.Op],
  ["=>", T.FatArrow],
];

const SINGLE_OPERATORS: [string, T][] = [
  ["{", T.OBrace],
  ["}", T.CBrace],
  ["[", T.OBrack],
  ["]", T.CBrack],
  ["(", T.OParen],
  [")", T.CParen],
  ["=", T.Equal],
  ["-", T.Minus],
  ["!", T.Bang],
  [",", T.Comma],
  [".", T.Dot],
  [":", T.Colon],
  ["?", T.Question],
  ["+", T.Op],
  ["*", T.Op],
  ["/", T.Op],
  ["%", T.Op],
  ["<", T.Op],
  [">", T.Op],
];

// The scanner works on character codes: comparing one-character strings and looking them up in maps
// was most of its time. Tables by ASCII code: an operator's token kind (NONE: not one), and whether
// a long operator may start there.
const NONE = 255;
const OPERATOR_KIND = new Uint8Array(128).fill(NONE);
for (const [text, type] of SINGLE_OPERATORS) OPERATOR_KIND[text.charCodeAt(0)] = type;
/** The first two characters of each long operator, as one number (see {@link pairAt}). */
const LONG_OPERATOR_PAIRS = new Set(LONG_OPERATORS.map(([text]) => pairAt(text, 0)));

/** The characters at `index` and after it as one number, to look up without building a string. */
function pairAt(source: string, index: number): number {
  return source.charCodeAt(index) * 65536 + (source.charCodeAt(index + 1) || 0);
}

const enum C {
  Tab = 9,
  Newline = 10,
  Return = 13,
  Space = 32,
  Quote = 34,
  Hash = 35,
  Dollar = 36,
  Percent = 37,
  Star = 42,
  Slash = 47,
  Digit0 = 48,
  Digit9 = 57,
  Less = 60,
  UpperA = 65,
  UpperZ = 90,
  Backslash = 92,
  Underscore = 95,
  LowerA = 97,
  LowerZ = 122,
  OBrace = 123,
  Tilde = 126,
}

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** End of the sticky `pattern`'s match at `index`, or -1. */
function matchEnd(pattern: RegExp, source: string, index: number): number {
  pattern.lastIndex = index;
  return pattern.test(source) ? pattern.lastIndex : -1;
}

// ---------------------------------------------------------------------------------------------
// Scanning: HCL native syntax, as far as formatting needs to tell tokens apart.

function scan(source: string): Tokens {
  // A token takes at least one character, plus the quotes' and templates' zero-width splits.
  const capacity = source.length + 16;
  const tokens: Tokens = {
    source,
    count: 0,
    type: new Uint8Array(capacity),
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    spaces: new Int32Array(capacity),
    text: new Map(),
  };
  const push = (type: T, start: number, end: number) => {
    const n = tokens.count++;
    tokens.type[n] = type;
    tokens.start[n] = start;
    tokens.end[n] = end;
  };
  const { length } = source;
  // Whether each open `{` is an expression's brace or a template interpolation's (its `}` ends it).
  const braces: boolean[] = [];
  let i = 0;

  const scanString = (): void => {
    push(T.OQuote, i, ++i);
    let literal = i;
    const flush = () => {
      if (i > literal) push(T.QuotedLit, literal, i);
    };
    while (i < length) {
      const c = source.charCodeAt(i);
      if (c === C.Backslash) {
        i += 2;
      } else if ((c === C.Dollar || c === C.Percent) && source.charCodeAt(i + 1) === C.OBrace) {
        if (source.charCodeAt(i - 1) === c && i - 1 >= literal && !escapedAt(source, i - 1)) {
          i += 2; // $${ and %%{ are literal text
          continue;
        }
        if (source.charCodeAt(i + 2) === C.Tilde) throw new UnsupportedHclError("template strip markers");
        flush();
        push(c === C.Dollar ? T.Interp : T.Control, i, (i += 2));
        braces.push(true);
        scanExpression(true);
        literal = i;
      } else if (c === C.Quote) {
        flush();
        push(T.CQuote, i, ++i);
        return;
      } else if (c === C.Newline) {
        throw new UnsupportedHclError("a newline inside a quoted string");
      } else {
        i++;
      }
    }
    throw new UnsupportedHclError("an unterminated string");
  };

  /** Tokens until the end of input or, inside a template, the `}` that closes the interpolation. */
  const scanExpression = (inTemplate: boolean): void => {
    const depth = braces.length;
    while (i < length) {
      const c = source.charCodeAt(i);
      if (c === C.Space || c === C.Tab || c === C.Return) {
        i++;
        continue;
      }
      if (c === C.Newline) {
        push(T.Newline, i, ++i);
        continue;
      }
      if (c === C.Hash || (c === C.Slash && source.charCodeAt(i + 1) === C.Slash)) {
        const newline = source.indexOf("\n", i);
        const end = newline < 0 ? length : newline + 1;
        push(T.Comment, i, end);
        i = end;
        continue;
      }
      if (c === C.Slash && source.charCodeAt(i + 1) === C.Star) throw new UnsupportedHclError("block comments");
      if (c === C.Less && source.charCodeAt(i + 1) === C.Less) throw new UnsupportedHclError("heredocs");
      if (c === C.Quote) {
        scanString();
        continue;
      }
      if ((c >= C.LowerA && c <= C.LowerZ) || (c >= C.UpperA && c <= C.UpperZ) || c === C.Underscore) {
        push(T.Ident, i, (i = matchEnd(IDENT, source, i)));
        continue;
      }
      if (c >= C.Digit0 && c <= C.Digit9) {
        push(T.Number, i, (i = matchEnd(NUMBER, source, i)));
        continue;
      }
      const long = LONG_OPERATOR_PAIRS.has(pairAt(source, i)) ? LONG_OPERATORS.find(([text]) => source.startsWith(text, i)) : undefined;
      const type = long?.[1] ?? (c < 128 ? OPERATOR_KIND[c] : NONE);
      if (type === NONE) throw new UnsupportedHclError(`the character ${JSON.stringify(source[i])}`);
      if (type === T.OBrace) braces.push(false);
      if (type === T.CBrace) {
        if (braces.length === 0) throw new UnsupportedHclError("an unmatched }");
        if (braces.pop()) {
          if (!inTemplate || braces.length !== depth - 1) throw new UnsupportedHclError("an unmatched template }");
          push(T.SeqEnd, i, ++i);
          return;
        }
      }
      push(type, i, (i += long?.[0].length ?? 1));
    }
    if (inTemplate) throw new UnsupportedHclError("an unterminated interpolation");
  };

  scanExpression(false);
  return tokens;
}

/** Whether the character at `index` is escaped by an odd run of backslashes before it. */
function escapedAt(source: string, index: number): boolean {
  let backslashes = 0;
  while (source[index - 1 - backslashes] === "\\") backslashes++;
  return backslashes % 2 === 1;
}

// ---------------------------------------------------------------------------------------------
// The fmt command's rewrites, attribute by attribute in every body (internal/command/fmt.go).

function rewriteBodies(tokens: Tokens): void {
  const { type } = tokens;
  const word = (n: number) => tokens.source.slice(tokens.start[n], tokens.end[n]);
  // Block types from the file down to the body being read.
  const blocks: string[] = [];
  let itemStart = true;
  for (let i = 0; i < tokens.count; ) {
    const t = type[i];
    if (t === T.Ident && itemStart && type[i + 1] === T.Equal) {
      const end = expressionEnd(tokens, i + 2);
      if (blocks.length === 1 && blocks[0] === "variable" && word(i) === "type") formatTypeExpr(tokens, i + 2, end);
      else formatValueExpr(tokens, i + 2, end);
      i = end;
      itemStart = false;
    } else if (t === T.Ident && itemStart) {
      // A block: its type and labels, then the `{` of its body.
      let j = i + 1;
      while (j < tokens.count && type[j] !== T.OBrace) {
        if (type[j] !== T.Ident && type[j] !== T.OQuote && type[j] !== T.QuotedLit && type[j] !== T.CQuote) {
          throw new UnsupportedHclError(`the header of a ${word(i)} block`);
        }
        j++;
      }
      blocks.push(word(i));
      i = j + 1;
      itemStart = true;
    } else if (t === T.CBrace && blocks.length > 0) {
      blocks.pop();
      i++;
      itemStart = false;
    } else if (t === T.Newline || t === T.Comment) {
      i++;
      itemStart = true;
    } else {
      throw new UnsupportedHclError(`a token where a body item starts: ${word(i)}`);
    }
  }
}

/** Index just past an attribute's value: the newline, comment or one-line block's `}` at its own depth. */
function expressionEnd(tokens: Tokens, start: number): number {
  let depth = 0;
  for (let i = start; i < tokens.count; i++) {
    const t = tokens.type[i];
    if (depth === 0 && (t === T.Newline || t === T.Comment || t === T.CBrace)) return i;
    depth += BRACKET_CHANGE[t];
  }
  return tokens.count;
}

/** `"${x}"` -> `x` when the template is exactly one interpolation (fmt.go formatValueExpr). */
function formatValueExpr(tokens: Tokens, start: number, end: number): void {
  const { type } = tokens;
  if (end - start < 5) return;
  if (type[start] !== T.OQuote || type[start + 1] !== T.Interp || type[end - 2] !== T.SeqEnd || type[end - 1] !== T.CQuote) return;
  let quotes = 0;
  for (let i = start + 2; i < end - 2; i++) {
    const t = type[i];
    if (t === T.OQuote) quotes++;
    else if (t === T.CQuote) quotes--;
    else if (quotes > 0) continue;
    else if (t === T.Interp || t === T.SeqEnd || t === T.QuotedLit) return;
    else if (t === T.Newline) throw new UnsupportedHclError("a multi-line interpolation");
  }
  for (const i of [start, start + 1, end - 2, end - 1]) type[i] = T.None;
}

/** A variable's `type = list` -> `list(any)`, and the legacy quoted types (fmt.go formatTypeExpr). */
function formatTypeExpr(tokens: Tokens, start: number, end: number): void {
  const { type, source } = tokens;
  const word = source.slice(tokens.start[start], tokens.end[start]);
  if (end - start === 1 && type[start] === T.Ident && ["list", "map", "set"].includes(word)) {
    // One token standing for the four that take no spaces between them.
    tokens.text.set(start, `${word}(any)`);
  } else if (end - start === 3 && type[start] === T.OQuote && type[start + 1] === T.QuotedLit && type[end - 1] === T.CQuote) {
    const legacy = source.slice(tokens.start[start + 1], tokens.end[start + 1]);
    const modern = legacy === "string" ? "string" : legacy === "list" || legacy === "map" ? `${legacy}(string)` : undefined;
    if (modern === undefined) return;
    type[start] = T.None;
    type[end - 1] = T.None;
    type[start + 1] = T.Ident;
    tokens.text.set(start + 1, modern);
  }
}

// ---------------------------------------------------------------------------------------------
// hclwrite's whitespace rules (hclwrite/format.go), line by line. A line is cut in up to three
// cells: the lead, the assignment from its `=` (when the value ends on the line), a trailing comment.

/** How much each token kind opens (1) or closes (-1) brackets; a table, as the layout reads it for every token. */
const BRACKET_CHANGE = new Int8Array(T.None + 1);
for (const t of [T.OBrace, T.OBrack, T.OParen, T.Interp, T.Control]) BRACKET_CHANGE[t] = 1;
for (const t of [T.CBrace, T.CBrack, T.CParen, T.SeqEnd]) BRACKET_CHANGE[t] = -1;

function layout(tokens: Tokens): string {
  // The tokens a rewrite kept, in order.
  const kept = new Int32Array(tokens.count);
  let keptCount = 0;
  for (let i = 0; i < tokens.count; i++) if (tokens.type[i] !== T.None) kept[keptCount++] = i;
  const { type, spaces } = tokens;
  // hclwrite counts characters (not bytes, not UTF-16 units); in an ASCII file (cdktf's HCL) they are the units.
  const ascii = !/[^\x00-\x7f]/.test(tokens.source);
  const width = (n: number) => {
    const text = tokens.text.get(n);
    if (text === undefined && ascii) return tokens.end[n] - tokens.start[n];
    return [...(text ?? tokens.source.slice(tokens.start[n], tokens.end[n]))].length;
  };

  // Lines as ranges of `kept`: [lead, assign) [assign, comment) [comment, end).
  const lines: { lead: number; assign: number; comment: number; end: number }[] = [];
  for (let k = 0; k < keptCount; ) {
    let end = k;
    while (end < keptCount && type[kept[end]] !== T.Newline && type[kept[end]] !== T.Comment) end++;
    end = Math.min(end + 1, keptCount);
    const comment = end - k > 1 && type[kept[end - 1]] === T.Comment ? end - 1 : end;
    let assign = comment;
    for (let j = k + 1; j < comment; j++) {
      if (type[kept[j]] !== T.Equal) continue;
      let net = 0;
      for (let m = j; m < comment; m++) net += BRACKET_CHANGE[type[kept[m]]];
      if (net === 0) assign = j;
      break;
    }
    lines.push({ lead: k, assign, comment, end });
    k = end;
  }

  // Indentation: one level per line that opens brackets, however many it opens.
  const indents: number[] = [];
  for (const line of lines) {
    const first = kept[line.lead];
    if (type[first] === T.Newline) {
      spaces[first] = 0;
      continue;
    }
    let net = 0;
    for (let k = line.lead; k < line.comment; k++) net += BRACKET_CHANGE[type[kept[k]]];
    if (net > 0) {
      spaces[first] = 2 * indents.length;
      indents.push(net);
      continue;
    }
    let closed = -net;
    while (closed > 0 && indents.length > 0) {
      const top = indents[indents.length - 1];
      if (closed >= top) {
        closed -= top;
        indents.pop();
      } else {
        indents[indents.length - 1] -= closed;
        closed = 0;
      }
    }
    spaces[first] = 2 * indents.length;
  }

  // Spaces between the tokens of the lead and of the assignment.
  const spaceCell = (from: number, to: number) => {
    for (let k = from; k + 1 < to; k++) {
      const before = k > from ? type[kept[k - 1]] : -1;
      spaces[kept[k + 1]] = spaceAfter(tokens, kept[k], before, kept[k + 1]) ? 1 : 0;
    }
  };
  for (const line of lines) {
    spaceCell(line.lead, line.assign);
    if (line.assign < line.comment) spaces[kept[line.assign]] = 1;
    spaceCell(line.assign, line.comment);
  }

  // `=` aligned across consecutive assignment lines, then comments across consecutive commented lines.
  const cellWidth = (from: number, to: number) => {
    let sum = 0;
    for (let k = from; k < to; k++) sum += spaces[kept[k]] + width(kept[k]);
    return sum;
  };
  const align = (has: (l: (typeof lines)[number]) => boolean, before: (l: (typeof lines)[number]) => number, first: (l: (typeof lines)[number]) => number) => {
    let chain: (typeof lines)[number][] = [];
    const close = () => {
      const widths = chain.map(before);
      const widest = Math.max(...widths);
      chain.forEach((line, n) => (spaces[kept[first(line)]] = widest - widths[n] + 1));
      chain = [];
    };
    for (const line of lines) {
      if (has(line)) chain.push(line);
      else if (chain.length > 0) close();
    }
    if (chain.length > 0) close();
  };
  align(
    (l) => l.assign < l.comment,
    (l) => cellWidth(l.lead, l.assign),
    (l) => l.assign,
  );
  align(
    (l) => l.comment < l.end,
    (l) => cellWidth(l.lead, l.comment),
    (l) => l.comment,
  );

  // Out in runs: a token whose source is already preceded by exactly the spaces decided extends the
  // run of source before it. Most of cdktf's HCL is laid out so already; a slice per token was a
  // third of formatting, most of it in garbage collection.
  const { source, start, end } = tokens;
  const parts: string[] = [];
  const padding: string[] = [];
  let runStart = -1;
  let runEnd = -1;
  for (let k = 0; k < keptCount; k++) {
    const n = kept[k];
    const replaced = tokens.text.size > 0 && tokens.text.has(n);
    if (!replaced && runStart >= 0 && start[n] - runEnd === spaces[n] && onlySpaces(source, runEnd, start[n])) {
      runEnd = end[n];
      continue;
    }
    if (runStart >= 0) parts.push(source.slice(runStart, runEnd));
    if (spaces[n] > 0) parts.push((padding[spaces[n]] ??= " ".repeat(spaces[n])));
    if (replaced) {
      parts.push(tokens.text.get(n)!);
      runStart = -1;
    } else {
      runStart = start[n];
      runEnd = end[n];
    }
  }
  if (runStart >= 0) parts.push(source.slice(runStart, runEnd));
  return parts.join("");
}

/** Whether `source` holds only spaces from `from` to `to`. */
function onlySpaces(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (source.charCodeAt(i) !== C.Space) return false;
  return true;
}

/** Whether hclwrite puts a space between `subject` and `after` (`before` is -1 at a cell's start). */
function spaceAfter(tokens: Tokens, subject: number, before: number, after: number): boolean {
  const s = tokens.type[subject];
  const a = tokens.type[after];
  if (a === T.Newline) return false;
  if (s === T.Ident && a === T.OParen) return false;
  if ((s === T.Ident && a === T.DoubleColon) || (s === T.DoubleColon && a === T.Ident)) return false;
  if (s === T.Dot || a === T.Dot) return false;
  if (a === T.Comma || a === T.Ellipsis) return false;
  if (s === T.Comma) return true;
  if (s === T.QuotedLit || s === T.OQuote || a === T.QuotedLit || a === T.CQuote) return false;
  if (s === T.Ident && before === T.Ident && tokens.end[subject] - tokens.start[subject] === 2 && tokens.source.startsWith("in", tokens.start[subject])) return true;
  if (a === T.OBrack && (s === T.Ident || s === T.Number || BRACKET_CHANGE[s] < 0)) return false;
  if (s === T.Bang) return false;
  if (s === T.Minus) {
    // A negation (no space) unless the token before can end an expression.
    switch (before) {
      case -1:
      case T.OParen:
      case T.OBrace:
      case T.OBrack:
      case T.Equal:
      case T.Colon:
      case T.Comma:
      case T.Question:
      case T.Op:
      case T.Minus:
      case T.Bang:
        return false;
      default:
        return true;
    }
  }
  if (s === T.OBrace || a === T.CBrace) return !(s === T.OBrace && a === T.CBrace);
  if ((s === T.Interp || s === T.Control) && a === T.OBrace) return true;
  if (s === T.CBrace && a === T.SeqEnd) return true;
  if (s === T.SeqEnd && (a === T.Interp || a === T.Control)) return false;
  if (BRACKET_CHANGE[s] > 0) return false;
  if (BRACKET_CHANGE[a] < 0) return false;
  return true;
}
