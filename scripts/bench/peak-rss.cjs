// Preloaded into every Node process of a benchmark run (NODE_OPTIONS=--require): reports that
// process's peak resident memory when it exits, so the benchmark can take the maximum over npx,
// tsx's loader process and the app itself.
process.on("exit", () => {
  process.stderr.write(`peak-rss-kib=${process.resourceUsage().maxRSS}\n`);
});
