// «Gem som eksempel» (playground/src/save-example.ts): the block made from one kommune's data
// period passes when it is added to the policy, and expects the decision the full data gave.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPolicy } from "../../compiler/index.js";
import { evaluateCompiled } from "../../compiler/emit-criteria.js";
import { policySuite, runSuite } from "../../compiler/runner.js";
import { loadTable } from "../../load/csv.js";
import { parseKommuner } from "../../load/kommuner.js";
import type { Table } from "../../runtime/table.js";
import { decimalText, saveExample, tableLines } from "../../playground/src/save-example.js";

const root = join(import.meta.dirname, "../..");
const kommuner = parseKommuner(readFileSync(join(root, "data/kommuner.csv"), "utf8"), "data/kommuner.csv").kommuner;
const codes = new Set(kommuner.map((k) => k.kode));
const names = new Map(kommuner.map((k) => [k.kode, k.navn]));

function setUp(file: string) {
  const source = readFileSync(join(root, "policies", file), "utf8");
  const { plan } = checkPolicy(source, file);
  if (!plan) throw new Error(`${file} compiles`);
  const tables: Record<string, Table> = {};
  for (const schema of plan.data) {
    const { lagMonths: _l, fixedPublication: _f, ...dataSchema } = schema;
    const loaded = loadTable(readFileSync(join(root, "data/eksempel", `${schema.name}.csv`), "utf8"), `${schema.name}.csv`, dataSchema, codes);
    tables[schema.name] = loaded.table!;
  }
  const events = evaluateCompiled([plan], tables, { kommuneNames: names }).events;
  return { source, plan, tables, events };
}

function passes(source: string, file: string, block: string): boolean[] {
  const suite = policySuite(`${source.trimEnd()}\n\n${block}\n`, file);
  expect(suite.diagnostics.filter((d) => d.severity === "fejl")).toEqual([]);
  return runSuite(suite).map((r) => r.ok);
}

describe("Gem som eksempel", () => {
  it("writes exact decimals with a comma", () => {
    expect(decimalText({ n: 81n, d: 1000n }, 100n)).toBe("8,1");
    expect(decimalText({ n: 1n, d: 4n })).toBe("0,25");
    expect(decimalText({ n: 3n, d: 1n })).toBe("3");
  });

  it("a contact of the 2024 rules becomes an example that expects it, and passes", () => {
    const file = "tidlig-indsats-2024.tilsyn";
    const { source, plan, tables, events } = setUp(file);
    const contact = events.find((e) => e.type === "henvendelse")!;
    const saved = saveExample(source, file, plan, tables, contact.kommune, names.get(contact.kommune)!, contact.period);
    if ("error" in saved) throw new Error(saved.error);
    expect(saved.dropped).toBe(0);
    if (process.env.SHOW) console.log(saved.text);
    expect(saved.text).toContain(`forventer henvendelse til ${contact.kommune} for ${contact.period} efter ${contact.rule} den ${contact.date}`);
    // The window's months: a half-year's six months of each group, as ranges or single months.
    const lines = tableLines(tables["tidlig_indsats"]!, contact.kommune, { from: 0, to: 1e6 });
    expect(lines.length).toBeGreaterThan(1);
    const results = passes(source, file, saved.text);
    expect(results.length).toBe((checkPolicy(source, file).ast.examples?.length ?? 0) + 1); // the policy's own and the new one
    expect(results.every(Boolean)).toBe(true);
  });

  it("a kommune without a contact gets `forventer ingen henvendelse`, and passes", () => {
    const file = "tidlig-indsats-2024.tilsyn";
    const { source, plan, tables, events } = setUp(file);
    const contacted = new Set(events.filter((e) => e.type === "henvendelse").map((e) => e.kommune));
    const quiet = kommuner.find((k) => !contacted.has(k.kode))!;
    const saved = saveExample(source, file, plan, tables, quiet.kode, quiet.navn, "2024-H1");
    if ("error" in saved) throw new Error(saved.error);
    expect(saved.text).toContain("forventer ingen henvendelse");
    expect(passes(source, file, saved.text).every(Boolean)).toBe(true);
  });

  it("a state machine's example holds the months before the period and expects the state", () => {
    const file = "skaerpet-tilsyn.tilsyn";
    const { source, plan, tables, events } = setUp(file);
    const change = events.find((e) => e.type === "tilstand")!;
    const saved = saveExample(source, file, plan, tables, change.kommune, names.get(change.kommune)!, change.period);
    if ("error" in saved) throw new Error(saved.error);
    expect(saved.text).toContain(`forventer tilstand ${change.to} for ${change.kommune} i ${change.period}`);
    expect(saved.text).toContain("data ydelsesgrad");
    if (process.env.SHOW) console.log(saved.text);
    expect(passes(source, file, saved.text).every(Boolean)).toBe(true);
  });
});
