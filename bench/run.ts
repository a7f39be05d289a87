// npm run bench — how fast the evaluator is, as ratios against a baseline in the same process.
//
// Baseline: one plain pass over every cell of the same tables (adding up every count), the
// least any evaluator must do. Each policy's evaluation is reported as a multiple of that pass,
// and again on the data replicated 2× and 4× (more kommuner): a linear evaluator keeps the
// ratio T(4n)/T(n) near 4. Absolute times are printed for orientation only.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compile, emitTypeScript } from "../compiler/index.js";
import { evaluate, type Plan, type Table } from "../runtime/index.js";
import { loadTable } from "../load/csv.js";
import { parseKommuner } from "../load/kommuner.js";

const root = join(import.meta.dirname, "..");
const policies = ["tidlig-indsats-2020", "tidlig-indsats-2024", "jobsoegning", "skaerpet-tilsyn"];

/** The fastest of `runs` timed runs after a warm-up: the least disturbed by GC and the JIT. */
function time(fn: () => unknown, runs: number): number {
  fn();
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return Math.min(...samples);
}

/** The same table with every row repeated `factor` times under new kommune codes. */
function replicate(table: Table, factor: number): Table {
  const n = table.length * factor;
  const idx = (i: number) => i % table.length;
  const copy = (i: number) => Math.floor(i / table.length);
  const out: Table = {
    schema: table.schema,
    file: table.file,
    length: n,
    kommune: Array.from({ length: n }, (_, i) => (copy(i) === 0 ? table.kommune[idx(i)]! : `${table.kommune[idx(i)]}x${copy(i)}`)),
    period: Int32Array.from({ length: n }, (_, i) => table.period[idx(i)]!),
    ...(table.group ? { group: Array.from({ length: n }, (_, i) => table.group![idx(i)]!) } : {}),
    counts: Object.fromEntries(Object.entries(table.counts).map(([k, v]) => [k, Float64Array.from({ length: n }, (_, i) => v[idx(i)]!)])),
    decimals: Object.fromEntries(Object.entries(table.decimals).map(([k, v]) => [k, Array.from({ length: n }, (_, i) => v[idx(i)]!)])),
    texts: table.texts,
    line: Int32Array.from({ length: n }, (_, i) => i + 2),
  };
  return out;
}

function baseline(tables: Table[]): number {
  let sum = 0;
  for (const t of tables) {
    for (const column of Object.values(t.counts)) for (let i = 0; i < t.length; i++) sum += column[i]! || 0;
    for (const column of Object.values(t.decimals)) for (let i = 0; i < t.length; i++) sum += column[i] ? Number(column[i]!.n) : 0;
  }
  return sum;
}

const kommuner = parseKommuner(readFileSync(join(root, "data/kommuner.csv"), "utf8"), "kommuner.csv").kommuner;
const codes = new Set(kommuner.map((k) => k.kode));
const plans: Plan[] = [];
const tables: Record<string, Table> = {};
for (const p of policies) {
  const plan = compile(readFileSync(join(root, "policies", `${p}.tilsyn`), "utf8"), `${p}.tilsyn`).plan!;
  plans.push(plan);
  for (const schema of plan.data) {
    tables[schema.name] ??= loadTable(readFileSync(join(root, "data/eksempel", `${schema.name}.csv`), "utf8"), schema.name, schema, codes).table!;
  }
}

// The generated TypeScript modules, importing this checkout's runtime.
const moduleDir = join(root, ".tmp", "bench-modules");
mkdirSync(moduleDir, { recursive: true });
const modules = new Map<Plan, { evaluateTables: (t: Record<string, Table>, o?: object) => unknown[] }>();
for (const [i, plan] of plans.entries()) {
  const file = join(moduleDir, `${policies[i]}.ts`);
  writeFileSync(file, emitTypeScript(plan, { runtime: "../../runtime" }));
  modules.set(plan, await import(file));
}

const rows: string[][] = [["politik", "rækker", "grundlinje ms", "fortolket ms", "oversat ms", "oversat × grundlinje", "T(2n)/T(n)", "T(4n)/T(n)"]];
for (const plan of plans) {
  const mod = modules.get(plan)!;
  const own = (factor: number) => Object.fromEntries(plan.data.map((d) => [d.name, factor === 1 ? tables[d.name]! : replicate(tables[d.name]!, factor)]));
  const measure = (factor: number) => {
    const t = own(factor);
    const base = time(() => baseline(Object.values(t)), 15);
    const evaluation = time(() => mod.evaluateTables(t, { ignoreInForce: true }), factor === 4 ? 5 : 9);
    const interpreted = factor === 1 ? time(() => evaluate([plan], t, { ignoreInForce: true }), 9) : 0;
    return { base, evaluation, interpreted, rows: Object.values(t).reduce((n, x) => n + x.length, 0) };
  };
  const one = measure(1);
  const two = measure(2);
  const four = measure(4);
  rows.push([
    plan.file,
    String(one.rows),
    one.base.toFixed(2),
    one.interpreted.toFixed(1),
    one.evaluation.toFixed(1),
    (one.evaluation / one.base).toFixed(0),
    (two.evaluation / one.evaluation).toFixed(2),
    (four.evaluation / one.evaluation).toFixed(2),
  ]);
}

// Compilation: parse + check + plan per policy, against the parse alone is not separable here,
// so it is reported against the same baseline pass for scale.
const compileRows: string[][] = [["politik", "oversættelse ms"]];
for (const p of policies) {
  const source = readFileSync(join(root, "policies", `${p}.tilsyn`), "utf8");
  compileRows.push([`${p}.tilsyn`, time(() => compile(source, p), 20).toFixed(2)]);
}

const widths = (table: string[][]) => table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
const print = (table: string[][]) => {
  const w = widths(table);
  for (const r of table) console.log(r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join("  "));
};
console.log("Evaluering af eksempeldata (hurtigste af flere kørsler; grundlinje = én gennemgang af alle celler)\n");
print(rows);
console.log("\nOversat = det TypeScript-modul, tilsyn compile skriver; fortolket = runtime'ns fortolker af planen.");
console.log("Lineær tid giver T(2n)/T(n) ≈ 2 og T(4n)/T(n) ≈ 4 (målt på det oversatte modul).\n");
print(compileRows);
