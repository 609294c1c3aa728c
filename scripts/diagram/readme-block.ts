import { readmeSection } from "../readme-markers";

/** The generated diagram's place in README.md. */
const DIAGRAM = readmeSection("diagram");

export const START_MARKER = DIAGRAM.startMarker;
export const END_MARKER = DIAGRAM.endMarker;
export const readBlock = DIAGRAM.read;
export const replaceBlock = DIAGRAM.replace;
