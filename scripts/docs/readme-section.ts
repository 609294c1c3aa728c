import { readmeSection } from "../readme-markers";

/** The generated module tables' place in README.md. */
const MODULES = readmeSection("modules");

export const START_MARKER = MODULES.startMarker;
export const END_MARKER = MODULES.endMarker;
export const readSection = MODULES.read;
export const replaceSection = MODULES.replace;
