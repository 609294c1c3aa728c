/** Renders a `Diagram` as a Mermaid flowchart (GitHub renders it in Markdown). */
import type { Diagram, Shape } from "./graph";

export interface MermaidOptions {
  /** @default "LR" */
  readonly direction?: "LR" | "TB";
  /** A `%%` comment line after the header, e.g. where the diagram comes from. */
  readonly comment?: string;
}

const SHAPES: Readonly<Record<Shape, readonly [string, string]>> = {
  box: ["[", "]"],
  rounded: ["(", ")"],
  stadium: ["([", "])"],
  cylinder: ["[(", ")]"],
  hexagon: ["{{", "}}"],
};

/** Text inside a quoted Mermaid label: quotes and angle brackets as entities. */
export function escapeLabel(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "#quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function renderMermaid(diagram: Diagram, options: MermaidOptions = {}): string {
  const lines = [`flowchart ${options.direction ?? "LR"}`];
  if (options.comment) lines.push(`  %% ${options.comment.replace(/\n/g, " ")}`);
  for (const group of diagram.groups) {
    lines.push(`  subgraph ${group.id}["${escapeLabel(group.title)}"]`);
    for (const node of group.nodes) {
      const [open, close] = SHAPES[node.shape];
      lines.push(`    ${node.id}${open}"${node.lines.map(escapeLabel).join("<br/>")}"${close}`);
    }
    lines.push("  end");
  }
  for (const edge of diagram.edges) {
    lines.push(edge.label === undefined ? `  ${edge.from} --> ${edge.to}` : `  ${edge.from} -->|"${escapeLabel(edge.label)}"| ${edge.to}`);
  }
  return `${lines.join("\n")}\n`;
}
