/**
 * The generated part of README.md lives between two markers. Only that text is read or replaced, so
 * everything else in the file (which other people edit) passes through byte for byte.
 */
export const START_MARKER = "<!-- modules:start -->";
export const END_MARKER = "<!-- modules:end -->";

interface Bounds {
  /** Index just after the start marker's line break. */
  readonly bodyStart: number;
  /** Index of the end marker. */
  readonly bodyEnd: number;
}

/** Where the body between the markers is; throws when the markers are missing, repeated or out of order. */
function findBounds(readme: string): Bounds {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  const repeated = readme.indexOf(START_MARKER, start + 1) !== -1 || readme.indexOf(END_MARKER, end + 1) !== -1;
  if (start === -1 || end === -1 || repeated || end < start) {
    throw new Error(`README.md needs exactly one ${START_MARKER} followed by one ${END_MARKER}`);
  }
  const afterStart = start + START_MARKER.length;
  const bodyStart = readme.startsWith("\n", afterStart) ? afterStart + 1 : afterStart;
  return { bodyStart, bodyEnd: Math.max(bodyStart, end) };
}

/** The text between the markers, excluding the line break that ends the start marker's line. */
export function readSection(readme: string): string {
  const { bodyStart, bodyEnd } = findBounds(readme);
  return readme.slice(bodyStart, bodyEnd);
}

/** README with the text between the markers replaced by `body`. */
export function replaceSection(readme: string, body: string): string {
  const { bodyStart, bodyEnd } = findBounds(readme);
  const startLine = readme.slice(0, bodyStart).endsWith("\n") ? "" : "\n";
  return readme.slice(0, bodyStart) + startLine + body + readme.slice(bodyEnd);
}
