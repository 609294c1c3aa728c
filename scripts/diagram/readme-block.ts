/**
 * The generated diagram lives in README.md between two markers. Only that text is read or replaced,
 * so everything else in the file (which other people edit) passes through byte for byte.
 */
export const START_MARKER = "<!-- diagram:start -->";
export const END_MARKER = "<!-- diagram:end -->";

/** Where the text between the markers starts and ends; throws when they are missing, repeated or out of order. */
function bounds(readme: string): { start: number; end: number } {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  const repeated = readme.indexOf(START_MARKER, start + 1) !== -1 || readme.indexOf(END_MARKER, end + 1) !== -1;
  if (start === -1 || end === -1 || repeated || end < start) {
    throw new Error(`README.md needs exactly one ${START_MARKER} followed by one ${END_MARKER}`);
  }
  const afterStart = start + START_MARKER.length;
  const bodyStart = readme.startsWith("\n", afterStart) ? afterStart + 1 : afterStart;
  return { start: bodyStart, end: Math.max(bodyStart, end) };
}

/** The text between the markers, without the line break that ends the start marker's line. */
export function readBlock(readme: string): string {
  const { start, end } = bounds(readme);
  return readme.slice(start, end);
}

/** README with the text between the markers replaced by `body` (which should end with a line break). */
export function replaceBlock(readme: string, body: string): string {
  const { start, end } = bounds(readme);
  const lineBreak = readme.slice(0, start).endsWith("\n") ? "" : "\n";
  return readme.slice(0, start) + lineBreak + body + readme.slice(end);
}
