// What every module `tilsyn compile` writes must pass: tsc --strict with the tsconfig.json written
// beside it, `tilsyn/runtime` mapped to this checkout's runtime sources (a project that installed
// the package resolves it from node_modules; see .ci/run), and no import but tilsyn/runtime.

import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";

const root = join(import.meta.dirname, "..", "..");

/** tsc on the modules written into `dir` prints nothing and exits 0. */
export function expectStrictModules(dir: string): void {
  const config = join(dir, "tsconfig.test.json");
  writeFileSync(config, JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { paths: { "tilsyn/runtime": [join(root, "runtime/index.ts")] } } }));
  const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", config], { encoding: "utf8" });
  expect(tsc.stdout + tsc.stderr).toBe("");
  expect(tsc.status).toBe(0);
}

/** The module imports tilsyn/runtime and nothing else. */
export function expectOnlyRuntimeImport(file: string): void {
  const imports = readFileSync(file, "utf8").match(/^import [^;]* from "[^"]+";$/gm);
  expect(imports).toHaveLength(1);
  expect(imports![0]).toMatch(/ from "tilsyn\/runtime";$/);
}
