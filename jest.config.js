// @ts-check
const { LAYERS, claimedElsewhere } = require("./scripts/test/layers");

/** @type {import('jest').Config} */
const shared = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  // Transpile only: the types layer runs `tsc --noEmit`, which keeps every other layer fast.
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  setupFiles: ["<rootDir>/__tests__/support/jest-setup.ts"],
  // The examples import the package by name, as a consumer would (tsconfig.json "paths" for tsc and tsx).
  moduleNameMapper: {
    "^recipe-chatbot-infra$": "<rootDir>/src/index.ts",
    "^recipe-chatbot-infra/(.*)$": "<rootDir>/src/modules/$1/index.ts",
  },
};

/** @type {import('jest').Config} */
module.exports = {
  // One jest project per ladder layer (scripts/test/layers.js), run side by side on the workers.
  projects: LAYERS.map((layer) => ({
    ...shared,
    displayName: layer.name,
    testRegex: layer.testRegex,
    ...(layer.name === "unit" && { testPathIgnorePatterns: ["/node_modules/", ...claimedElsewhere] }),
    ...(layer.terraform && { globalSetup: "<rootDir>/__tests__/support/global-setup.ts" }),
  })),
  testSequencer: "<rootDir>/scripts/test/sequencer.js",
  // A timeout catches a hang, it does not measure speed: jest's 5 s default is within reach of a
  // synth-heavy unit test on a loaded 2-core machine. Suites that apply or plan set longer ones.
  testTimeout: 60_000,
  reporters: ["<rootDir>/scripts/test/suite-reporter.js", "<rootDir>/scripts/test/ladder-reporter.js"],
  // The emulator suites mostly wait, so more workers than cores pay off: measured in README "Verification ladder".
  maxWorkers: 4,
};

