/**
 * Generated parts of README.md live between two markers, `<!-- <name>:start -->` and
 * `<!-- <name>:end -->`. Only that text is read or replaced, so everything else in the file (which
 * people edit) passes through byte for byte.
 */
export interface ReadmeSection {
  readonly startMarker: string;
  readonly endMarker: string;
  /** The text between the markers, without the line break that ends the start marker's line. */
  read(readme: string): string;
  /** README with the text between the markers replaced by `body` (which should end with a line break). */
  replace(readme: string, body: string): string;
}

export function readmeSection(name: string): ReadmeSection {
  const startMarker = `<!-- ${name}:start -->`;
  const endMarker = `<!-- ${name}:end -->`;
  /** Where the body is; throws when the markers are missing, repeated or out of order. */
  const bounds = (readme: string) => {
    const start = readme.indexOf(startMarker);
    const end = readme.indexOf(endMarker);
    const repeated = readme.indexOf(startMarker, start + 1) !== -1 || readme.indexOf(endMarker, end + 1) !== -1;
    if (start === -1 || end === -1 || repeated || end < start) {
      throw new Error(`README.md needs exactly one ${startMarker} followed by one ${endMarker}`);
    }
    const afterStart = start + startMarker.length;
    const bodyStart = readme.startsWith("\n", afterStart) ? afterStart + 1 : afterStart;
    return { bodyStart, bodyEnd: Math.max(bodyStart, end) };
  };
  return {
    startMarker,
    endMarker,
    read: (readme) => {
      const { bodyStart, bodyEnd } = bounds(readme);
      return readme.slice(bodyStart, bodyEnd);
    },
    replace: (readme, body) => {
      const { bodyStart, bodyEnd } = bounds(readme);
      const lineBreak = readme.slice(0, bodyStart).endsWith("\n") ? "" : "\n";
      return readme.slice(0, bodyStart) + lineBreak + body + readme.slice(bodyEnd);
    },
  };
}
