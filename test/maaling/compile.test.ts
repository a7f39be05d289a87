// The module `tilsyn compile` writes for a måling: it passes `tsc --strict` importing nothing but
// tilsyn/runtime, and, imported here, measures the committed person sample to the table `tilsyn
// run … --format csv` prints, byte for byte; its rows are checked as the files are.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../cli/run-cli.js";
import { DataError } from "../../runtime/index.js";
import { KANT } from "./measure.js";
import { expectStrictModules, expectOnlyRuntimeImport } from "../compiler/strict-module.js";

const root = join(import.meta.dirname, "..", "..");
const out = join(root, ".tmp", "maaling-compile-test");
const policy = join(root, "policies", "maaling", "fokusmaal.tilsyn");
const sample = join(root, "data", "eksempel-personer");

type Row = Record<string, string | number>;
interface Module {
  measure: (rows: Record<string, Row[]>) => Row[];
  plan: { name: string; outputs: { name: string }[] };
}

/** A sample file as row objects: `antal` fields (fritaget, doed) as numbers, everything else as written. */
function rowsOf(file: string, numbers: readonly string[]): Row[] {
  const [header, ...lines] = readFileSync(join(sample, file), "utf8").trimEnd().split("\n");
  const names = header!.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(names.map((n, i) => [n, numbers.includes(n) ? Number(cells[i]) : cells[i]!]));
  });
}

beforeAll(async () => {
  rmSync(out, { recursive: true, force: true });
  // With a second measurement whose conditions use what fokusmaal does not (text fields compared, tal, bigint).
  mkdirSync(join(root, ".tmp"), { recursive: true });
  const kant = join(root, ".tmp", "maaling-compile-kant.tilsyn");
  writeFileSync(kant, KANT);
  const { code, stderr } = await run("compile", policy, kant, "--out", out);
  expect(stderr).toBe("");
  expect(code).toBe(0);
});

describe("the module tilsyn compile writes for policies/maaling/fokusmaal.tilsyn", () => {
  it("passes tsc --strict importing nothing but tilsyn/runtime (as does the module of a second measurement)", () => {
    expectStrictModules(out);
    expectOnlyRuntimeImport(join(out, "fokusmaal.ts"));
  });

  it("measures data/eksempel-personer as rows in memory to the table tilsyn run prints, byte for byte", async () => {
    const cli = await run("run", policy, "--data", sample, "--format", "csv");
    expect(cli.code).toBe(0);
    const mod = (await import(join(out, "fokusmaal.ts"))) as Module;
    const rows = mod.measure({
      ydelsesmaaneder: rowsOf("ydelsesmaaneder.csv", ["fritaget", "doed"]),
      timer: rowsOf("timer.csv", []),
      samtaler: rowsOf("samtaler.csv", []),
      tilbud: rowsOf("tilbud.csv", []),
    });
    expect(rows.length).toBeGreaterThan(1000);
    const columns = ["kommune", "maaned", ...mod.plan.outputs.map((o) => o.name)];
    expect(Object.keys(rows[0]!)).toEqual(columns);
    const csv = [columns.join(","), ...rows.map((r) => columns.map((c) => r[c]).join(","))].join("\n") + "\n";
    expect(csv).toBe(cli.stdout);
  });

  it("checks its rows as tilsyn run checks the files: a bad month throws a DataError", async () => {
    const mod = (await import(join(out, "fokusmaal.ts"))) as Module;
    const bad = () => mod.measure({ ydelsesmaaneder: [{ person: "p1", maaned: "2023-13", kommune: "101", ydelse: "kontanthjaelp", fritaget: 0, doed: 0 }], timer: [], samtaler: [], tilbud: [] });
    expect(bad).toThrow(DataError);
    try {
      bad();
    } catch (e) {
      const codes = (e as DataError).diagnostics.map((d) => d.code);
      expect(codes.length).toBeGreaterThan(0);
      for (const c of codes) expect(c).toMatch(/^T03\d\d$/);
    }
  });
});
