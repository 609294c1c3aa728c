/**
 * Reads documented constructs out of TypeScript source with the compiler API: the type checker
 * resolves `extends` and imports, so inherited props and nested interfaces come out as the compiler
 * sees them rather than as a text pattern would guess.
 */
import * as path from "node:path";
import * as ts from "typescript";
import type { ModuleDocEntry } from "./modules";

/** One row of a props table. */
export interface PropDoc {
  readonly name: string;
  /** The type as written in source, on one line. */
  readonly type: string;
  readonly optional: boolean;
  /** Text of the `@default` tag, when there is one. */
  readonly defaultValue?: string;
  /** First paragraph of the JSDoc, on one line; empty when there is none. */
  readonly description: string;
  /** The interface that declares the prop, when the table's interface inherits it. */
  readonly inheritedFrom?: string;
}

/** A props interface or one of the module's interfaces that a prop refers to. */
export interface InterfaceDoc {
  readonly name: string;
  /** The interface's JSDoc, one line per paragraph. */
  readonly summary: string;
  readonly props: readonly PropDoc[];
}

export interface ConstructDoc {
  readonly entry: ModuleDocEntry;
  /** The manifest's summary or the construct's JSDoc, one line per paragraph. */
  readonly summary: string;
  readonly props: InterfaceDoc;
  /** Interfaces of the module that props refer to, directly or through each other, in first-use order. */
  readonly nested: readonly InterfaceDoc[];
}

/** Something that keeps the docs from being complete, at the source line to fix. */
export interface DocProblem {
  /** Relative to the repository root, with `/` separators. */
  readonly file: string;
  readonly line: number;
  /** What the problem is about, e.g. `NetworkingProps.natMode`. */
  readonly subject: string;
  readonly message: string;
}

export function formatProblem(problem: DocProblem): string {
  return `${problem.file}:${problem.line}: ${problem.subject}: ${problem.message}`;
}

/** State shared while extracting one construct. */
interface Extraction {
  readonly checker: ts.TypeChecker;
  readonly rootDir: string;
  /** Absolute folder whose interfaces get their own tables. */
  readonly moduleDir: string;
  readonly problems: DocProblem[];
}

/**
 * A program over the documented files only, with the project's compiler options: the checker still
 * follows their imports, and leaving out the rest of the project keeps a run to a few seconds.
 */
export function createDocsProgram(rootDir: string, entries: readonly ModuleDocEntry[]): ts.Program {
  const configPath = path.join(rootDir, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, rootDir);
  const rootNames = [...new Set(entries.map((entry) => path.resolve(rootDir, entry.file)))];
  return ts.createProgram({ rootNames, options: { ...options, noEmit: true } });
}

/** Extracts one manifest entry; problems go to `problems`, and no doc comes back if the entry cannot be read. */
export function extractConstruct(
  program: ts.Program,
  rootDir: string,
  entry: ModuleDocEntry,
  problems: DocProblem[],
): ConstructDoc | undefined {
  const ctx: Extraction = {
    checker: program.getTypeChecker(),
    rootDir,
    moduleDir: path.resolve(rootDir, entry.moduleDir ?? path.dirname(entry.file)),
    problems,
  };
  const sourceFile = program.getSourceFile(path.resolve(rootDir, entry.file));
  if (!sourceFile) {
    problems.push({ file: entry.file, line: 1, subject: entry.construct, message: "file not found (manifest scripts/docs/modules.ts)" });
    return undefined;
  }
  const constructSymbol = findExport(ctx, sourceFile, entry.construct);
  const propsSymbol = findExport(ctx, sourceFile, entry.props);
  if (!constructSymbol || !propsSymbol) return undefined;

  const summary = entry.summary ?? summaryOf(ctx, constructSymbol);
  if (!summary) report(ctx, constructSymbol.declarations?.[0], entry.construct, "no JSDoc summary (or set `summary` in the manifest)");
  const { root, nested } = extractInterfaces(ctx, propsSymbol);
  return { entry, summary, props: root, nested };
}

/** The exported symbol named `name`, following re-exports; reports the manifest entry when it is missing. */
function findExport(ctx: Extraction, sourceFile: ts.SourceFile, name: string): ts.Symbol | undefined {
  const moduleSymbol = ctx.checker.getSymbolAtLocation(sourceFile);
  const exported = moduleSymbol && ctx.checker.getExportsOfModule(moduleSymbol).find((symbol) => symbol.name === name);
  if (!exported) {
    report(ctx, sourceFile, name, "not exported by this file (manifest scripts/docs/modules.ts)");
    return undefined;
  }
  return resolveAlias(ctx.checker, exported);
}

function resolveAlias(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/**
 * The props interface and every interface of the module reachable from its props, breadth first. The
 * visited set stops cycles (a target whose health check points back at a target) and repeats.
 */
function extractInterfaces(ctx: Extraction, propsSymbol: ts.Symbol): { root: InterfaceDoc; nested: InterfaceDoc[] } {
  const visited = new Set<ts.Symbol>([propsSymbol]);
  const queue: ts.Symbol[] = [propsSymbol];
  const docs: InterfaceDoc[] = [];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { doc, references } = extractInterface(ctx, next);
    docs.push(doc);
    for (const reference of references) {
      if (visited.has(reference)) continue;
      visited.add(reference);
      queue.push(reference);
    }
  }
  const [root, ...nested] = docs;
  return { root, nested };
}

/** One interface's table, and the module interfaces its props refer to. */
function extractInterface(ctx: Extraction, symbol: ts.Symbol): { doc: InterfaceDoc; references: ts.Symbol[] } {
  const type = ctx.checker.getDeclaredTypeOfSymbol(symbol);
  const references: ts.Symbol[] = [];
  const props = ctx.checker.getPropertiesOfType(type).map((prop) => {
    const declaration = prop.valueDeclaration ?? prop.declarations?.[0];
    const typeNode = declaration && typeNodeOf(declaration);
    if (typeNode) references.push(...moduleInterfacesIn(ctx, typeNode));
    return extractProp(ctx, symbol, prop, declaration, typeNode);
  });
  return { doc: { name: symbol.name, summary: summaryOf(ctx, symbol), props }, references };
}

function extractProp(
  ctx: Extraction,
  owner: ts.Symbol,
  prop: ts.Symbol,
  declaration: ts.Declaration | undefined,
  typeNode: ts.TypeNode | undefined,
): PropDoc {
  const declaringName = declaration && declaringInterfaceName(declaration);
  const inherited = declaration !== undefined && !owner.declarations?.includes(declaration.parent as ts.Declaration);
  const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0;
  const description = firstParagraph(displayText(prop.getDocumentationComment(ctx.checker)));
  const defaultValue = defaultTagOf(ctx, prop);
  const subject = `${declaringName ?? owner.name}.${prop.name}`;
  if (!description) report(ctx, declaration, subject, "no description (add a JSDoc comment)");
  if (optional && defaultValue === undefined) report(ctx, declaration, subject, "optional but has no @default tag");
  return {
    name: prop.name,
    type: typeTextOf(ctx, prop, typeNode),
    optional,
    defaultValue,
    description,
    inheritedFrom: inherited ? declaringName : undefined,
  };
}

function typeNodeOf(declaration: ts.Declaration): ts.TypeNode | undefined {
  return ts.isPropertySignature(declaration) || ts.isPropertyDeclaration(declaration) ? declaration.type : undefined;
}

/** Comments are dropped by the printer; what remains is joined onto one line for a table cell. */
const printer = ts.createPrinter({ removeComments: true });

/**
 * The type as written, so a reader sees `NatMode` or `"none" | "single"` rather than the checker's
 * expansion. A prop inherited from a generic interface is written as its type parameter there, and a
 * method has no type node: those fall back to the checker's text.
 */
function typeTextOf(ctx: Extraction, prop: ts.Symbol, typeNode: ts.TypeNode | undefined): string {
  const written = typeNode && !isInGenericInterface(typeNode);
  const text = written
    ? printer.printNode(ts.EmitHint.Unspecified, typeNode, typeNode.getSourceFile())
    : ctx.checker.typeToString(ctx.checker.getTypeOfSymbol(prop), undefined, ts.TypeFormatFlags.NoTruncation);
  return compactType(text);
}

function isInGenericInterface(node: ts.Node): boolean {
  const owner = node.parent.parent;
  return (ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner)) && (owner.typeParameters?.length ?? 0) > 0;
}

/** One line; a printed multi-line object type ends its members with `;`, which is noise before `}`. */
function compactType(text: string): string {
  return text.replace(/\s+/g, " ").replace(/; }/g, " }").trim();
}

/** The name of the interface, class or type alias a member is declared in. */
function declaringInterfaceName(declaration: ts.Declaration): string | undefined {
  const parent = declaration.parent;
  if ((ts.isInterfaceDeclaration(parent) || ts.isClassDeclaration(parent)) && parent.name) return parent.name.text;
  if (ts.isTypeLiteralNode(parent) && ts.isTypeAliasDeclaration(parent.parent)) return parent.parent.name.text;
  return undefined;
}

/** Interfaces declared under the module's folder that a type refers to anywhere inside it (`T[]`, `Record<K, T>`, unions). */
function moduleInterfacesIn(ctx: Extraction, typeNode: ts.TypeNode): ts.Symbol[] {
  const found: ts.Symbol[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTypeReferenceNode(node)) {
      const symbol = ctx.checker.getSymbolAtLocation(node.typeName);
      const target = symbol && resolveAlias(ctx.checker, symbol);
      if (target && isModuleInterface(ctx, target)) found.push(target);
    }
    ts.forEachChild(node, visit);
  };
  visit(typeNode);
  return found;
}

function isModuleInterface(ctx: Extraction, symbol: ts.Symbol): boolean {
  return (symbol.declarations ?? []).some(
    (declaration) => ts.isInterfaceDeclaration(declaration) && isUnder(ctx.moduleDir, declaration.getSourceFile().fileName),
  );
}

function isUnder(folder: string, file: string): boolean {
  const relative = path.relative(folder, path.resolve(file));
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/** A symbol's JSDoc text, each paragraph on one line, paragraphs separated by a blank line. */
function summaryOf(ctx: Extraction, symbol: ts.Symbol): string {
  return paragraphs(displayText(symbol.getDocumentationComment(ctx.checker))).join("\n\n");
}

/** The `@default` tag's text on one line; an empty tag counts as missing, since it documents nothing. */
function defaultTagOf(ctx: Extraction, prop: ts.Symbol): string | undefined {
  const tag = prop.getJsDocTags(ctx.checker).find((candidate) => candidate.name === "default");
  const text = tag?.text ? displayText(tag.text).replace(/\s+/g, " ").trim() : "";
  return text === "" ? undefined : text;
}

/**
 * JSDoc as plain Markdown. `{@link Target}` becomes `Target` in code and `{@link Target | text}` its
 * text: the target may not be documented in the README, so there is nowhere to link to.
 */
function displayText(parts: readonly ts.SymbolDisplayPart[]): string {
  let text = "";
  parts.forEach((part, index) => {
    if (part.kind === "link") return;
    if (part.kind === "linkName") {
      // A link with its own text shows only that text.
      if (parts[index + 1]?.kind !== "linkText") text += `\`${part.text}\``;
      return;
    }
    text += part.text;
  });
  return text;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter((paragraph) => paragraph !== "");
}

function firstParagraph(text: string): string {
  return paragraphs(text)[0] ?? "";
}

/** Records a problem at the node's line (the member itself, not its JSDoc), or line 1 without a node. */
function report(ctx: Extraction, node: ts.Node | undefined, subject: string, message: string): void {
  const sourceFile = node?.getSourceFile();
  const file = sourceFile ? path.relative(ctx.rootDir, sourceFile.fileName).split(path.sep).join("/") : "?";
  const line = node && sourceFile && !ts.isSourceFile(node) ? sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1 : 1;
  ctx.problems.push({ file, line, subject, message });
}
