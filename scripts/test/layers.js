// @ts-check
/**
 * The verification ladder's layers (README "Verification ladder"): the one list that jest.config.js
 * turns into projects, the sequencer schedules and the reporter summarises. Listed in ladder order.
 *
 * `schedule` orders the work across jest's workers, lowest first: the emulator suites mostly wait on
 * Terraform and moto (ALB and NAT waiters, provider start-up), so they start first and the CPU-bound
 * layers fill the cores beside them. The slowest suite then sets the wall time, not the sum.
 */

/** @typedef {{ name: string, what: string, testRegex: string, schedule: number, terraform?: boolean }} Layer */

/** A path regex for test files under __tests__/. */
/** @param {string} pattern */
const under = (pattern) => `/__tests__/${pattern}\\.test\\.ts$`;

/** @type {Layer[]} */
const LAYERS = [
  { name: "types", what: "tsc --noEmit over app, tests and scripts", testRegex: under("types"), schedule: 3 },
  {
    name: "unit",
    what: "Testing.synth of real stacks and constructs, config, policy guard, workflows",
    testRegex: under(".*"),
    schedule: 4,
  },
  { name: "validate", what: "terraform validate of every stack's JSON and of every example", testRegex: under("(validate|examples)"), schedule: 1, terraform: true },
  {
    name: "emulator",
    what: "apply, SDK reads, no-drift plan and destroy against moto",
    testRegex: under("(emulator/.*|harness\\.emulator)"),
    schedule: 0,
    terraform: true,
  },
  { name: "hcl", what: "generated HCL: fmt clean, portable, validates, plans what the JSON plans; HCL modules fresh and validated", testRegex: under("hcl(-plans|-modules)?"), schedule: 2, terraform: true },
  {
    name: "package",
    what: "npm pack, install into a fresh consumer project, type-check and synth",
    testRegex: under("package/.*"),
    // One long suite that mostly waits on npm's disk writes: it takes the worker beside the emulator
    // suites, ahead of the CPU-bound layers, so it never starts last and sets the wall time.
    schedule: 0.5,
    terraform: false,
  },
];

/** The test files that a more specific layer claims, so the catch-all unit layer leaves them out. */
const claimedElsewhere = LAYERS.filter((layer) => layer.name !== "unit").map((layer) => layer.testRegex);

module.exports = { LAYERS, claimedElsewhere };
