import { spawnSync } from "child_process";
import * as path from "path";

// Ladder: the type check. The other layers only transpile TypeScript (ts-jest, tsx), so this is
// where a type error fails the suite; it runs beside them rather than before them.
jest.setTimeout(5 * 60 * 1000);

it("tsc --noEmit passes over app, tests and scripts", () => {
  const root = path.resolve(__dirname, "..");
  const result = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "--noEmit", "-p", root], { cwd: root, encoding: "utf8" });
  expect({ exitCode: result.status, errors: result.stdout + result.stderr }).toEqual({ exitCode: 0, errors: "" });
});
