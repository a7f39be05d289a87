// Helpers for the measurement scenarios: the policy in policies/maaling/fokusmaal.tilsyn, run on
// a few persons written as CSV lines.

import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { checkPolicy } from "../../compiler/index.js";
import { measureData } from "../../load/persons.js";
import { measureCodeFor } from "../../compiler/emit-measure.js";
import { monthText, type MeasuredTable } from "../../runtime/spells.js";
import type { MeasurePlan } from "../../runtime/measure-plan.js";

const root = join(import.meta.dirname, "..", "..");
export const fokusmaalFile = join(root, "policies", "maaling", "fokusmaal.tilsyn");

export function planOf(source: string, file = "test.tilsyn"): MeasurePlan {
  const checked = checkPolicy(source, file);
  const errors = checked.diagnostics.filter((d) => d.severity === "fejl");
  if (errors.length) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join("\n"));
  return checked.measurements![0]!;
}

export const fokusmaal = (): MeasurePlan => planOf(readFileSync(fokusmaalFile, "utf8"), fokusmaalFile);

export const HEADERS: Record<string, string> = {
  ydelsesmaaneder: "person,kommune,maaned,ydelse,fritaget,doed",
  samtaler: "person,dato,art,form",
  tilbud: "person,dato,art",
  timer: "person,maaned,timer",
};

/** The folders personFolder() made, removed after the test file that made them. */
const folders: string[] = [];
afterAll(() => folders.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * A data folder of person files, one per data of HEADERS (header added; empty when not given),
 * removed after the test file. `reversed` writes each file's rows in reverse order (contracts.md:
 * person files need not be sorted); `ydelsesgrad` adds data/eksempel's ydelsesgrad.csv.
 */
export function personFolder(files: Partial<Record<string, string[]>>, opts: { reversed?: boolean; ydelsesgrad?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "tilsyn-maaling-"));
  folders.push(dir);
  for (const [name, header] of Object.entries(HEADERS)) {
    const rows = files[name] ?? [];
    writeFileSync(join(dir, `${name}.csv`), [header, ...(opts.reversed ? rows.slice().reverse() : rows)].join("\n") + "\n");
  }
  if (opts.ydelsesgrad) copyFileSync(join(root, "data", "eksempel", "ydelsesgrad.csv"), join(dir, "ydelsesgrad.csv"));
  return dir;
}

/** `months("p1", "101", "2022-01", 12, "kontanthjaelp")`: 12 ydelsesmaaneder rows from 2022-01. */
export function months(person: string, kommune: string, from: string, count: number, ydelse: string, opts: { fritaget?: number[]; doed?: number[] } = {}): string[] {
  const [y, m] = from.split("-").map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const t = y * 12 + m - 1 + i;
    out.push(`${person},${kommune},${monthText(t)},${ydelse},${opts.fritaget?.includes(i) ? 1 : 0},${opts.doed?.includes(i) ? 1 : 0}`);
  }
  return out;
}

/** Measure with the given rows per data (header added); empty files for the rest. */
export function run(plan: MeasurePlan, rows: Partial<Record<string, string[]>>): MeasuredTable {
  const result = measureData(plan, measureCodeFor(plan), (d) => ({ input: [HEADERS[d.name] ?? "", ...(rows[d.name] ?? [])].join("\n") + "\n", file: `${d.name}.csv` }));
  const errors = result.diagnostics.filter((d) => d.severity === "fejl");
  if (errors.length || !result.table) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join("\n"));
  return result.table;
}

/** The row of one kommune and month as an object, or undefined. */
export function row(t: MeasuredTable, kommune: string, month: string): Record<string, number> | undefined {
  const r = t.rows.find((x) => x.kommune === kommune && monthText(x.month) === month);
  return r && Object.fromEntries(t.fields.map((f, i) => [f, r.values[i]!]));
}

/** A measurement with the constructs fokusmaal does not use, for the emitted code's tests (emit.test.ts, compile.test.ts). */
export const KANT = `politik kant "Kanttilfælde for den genererede kode"

data ydelsesmaaneder pr person, måned
  kommune: tekst "kommunen"
  ydelse: tekst "ydelsen"
  tidligere: tekst "ydelsen måneden før"

data timer pr person, måned
  timer: tal "timer i måneden"

måling kant "Kanttilfælde" pr kommune, måned
  forløb i ydelsesmaaneder med samme ydelse
  vindue de seneste 12 måneder af forløbet
  samme = antal(personer hvor ydelse = tidligere)
  mange_timer = antal(personer hvor timer over 10)
  ikke_mange = antal(personer hvor ikke timer over 10)
  brok = antal(personer hvor varighed / 9007199254740991 over 1 / 9007199254740990)
  snit = antal(personer hvor sum(timer) / varighed mindst 10,25)
  pr_time = antal(personer hvor varighed / timer over 0)
`;
