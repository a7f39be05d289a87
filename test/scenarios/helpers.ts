// Scenario-test helpers: compile a bundled policy (or a policy text), load CSV text written
// inline in a test, evaluate, and return the events. Everything goes through the public API
// (compile → plan, loadTable → table, evaluate → events), the same path `tilsyn run` takes.

import { readFileSync } from "node:fs";
import { checkPolicy } from "../../compiler/index.js";
import { loadTable } from "../../load/csv.js";
import type { Table } from "../../runtime/table.js";
import { evaluate, type EvaluateOptions } from "../../runtime/engine.js";
import type { PolicyEvent } from "../../runtime/events.js";
import { parseKommuner } from "../../load/kommuner.js";
import type { Plan } from "../../runtime/plan.js";
import { parseMonth } from "../../runtime/calendar.js";

const root = new URL("../../", import.meta.url);

export const readRepoFile = (path: string): string => readFileSync(new URL(path, root), "utf8");

const kommuner = parseKommuner(readRepoFile("data/kommuner.csv"), "data/kommuner.csv").kommuner;
export const KOMMUNE_CODES: ReadonlySet<string> = new Set(kommuner.map((k) => k.kode));
export const KOMMUNE_NAMES: ReadonlyMap<string, string> = new Map(kommuner.map((k) => [k.kode, k.navn]));

export type BundledPolicy = "jobsoegning" | "tidlig-indsats-2020" | "tidlig-indsats-2024" | "skaerpet-tilsyn";

/** Compile a policy text; fails the test with the diagnostics if it has errors. */
export function compilePolicy(source: string, file = "<test>.tilsyn"): Plan {
  const result = checkPolicy(source, file);
  if (!result.plan) {
    const errors = result.diagnostics.map((d) => JSON.stringify(d)).join("\n");
    throw new Error(`${file} compiles with errors:\n${errors}`);
  }
  return result.plan;
}

export const policySource = (name: BundledPolicy): string => readRepoFile(`policies/${name}.tilsyn`);

/** Compile one of the four bundled policies in policies/. */
export const bundled = (name: BundledPolicy): Plan => compilePolicy(policySource(name), `policies/${name}.tilsyn`);

/** Strip the common indentation of a template literal, and blank first/last lines. */
export function dedent(text: string): string {
  const lines = text.replace(/^\s*\n/, "").replace(/\n\s*$/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join("\n") + "\n";
}

/** Load CSV text for every data source the plans read; throws on any data diagnostic. */
export function loadTables(plans: Plan[], csv: Record<string, string>): Record<string, Table> {
  const tables: Record<string, Table> = {};
  for (const plan of plans) {
    for (const schema of plan.data) {
      if (tables[schema.name]) continue;
      const text = csv[schema.name];
      if (text === undefined) throw new Error(`the test gives no CSV for data ${schema.name}`);
      const result = loadTable(dedent(text), `${schema.name}.csv`, schema, KOMMUNE_CODES);
      if (!result.table || result.diagnostics.length) {
        throw new Error(`${schema.name}.csv:\n${result.diagnostics.map((d) => JSON.stringify(d)).join("\n")}`);
      }
      tables[schema.name] = result.table;
    }
  }
  return tables;
}

export interface RunOptions extends Omit<EvaluateOptions, "fromMonth" | "toMonth"> {
  /** "YYYY-MM": keep events dated from this month on. */
  fra?: string;
  /** "YYYY-MM": keep events dated up to this month. */
  til?: string;
}

/** Evaluate plans (bundled names or compiled plans) on inline CSV text; returns the events. */
export function run(policies: (BundledPolicy | Plan)[] | BundledPolicy | Plan, csv: Record<string, string>, options: RunOptions = {}): PolicyEvent[] {
  const plans = (Array.isArray(policies) ? policies : [policies]).map((p) => (typeof p === "string" ? bundled(p) : p));
  const { fra, til, ...rest } = options;
  return evaluate(plans, loadTables(plans, csv), {
    ...rest,
    ...(fra ? { fromMonth: parseMonth(fra)! } : {}),
    ...(til ? { toMonth: parseMonth(til)! } : {}),
  }).events;
}

// ---------------------------------------------------------------------------------------------
// Building CSV text

/** `n` consecutive months from "YYYY-MM". */
export function months(from: string, n: number): string[] {
  const start = parseMonth(from);
  if (start === undefined) throw new Error(`not a month: ${from}`);
  return Array.from({ length: n }, (_, i) => {
    const m = start + i;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
  });
}

type Cell = string | number | null | undefined;

/** CSV text from a header and rows; null/undefined cells are blank ("not measured"). */
export const csv = (header: string, rows: Cell[][]): string =>
  [header, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? "" : String(c))).join(","))].join("\n") + "\n";

export const JOBSOEGNING_HEADER = "kommune,maaned,jobparate,groen,lysegroen,roed,fortsat_uden_jobsoegning";

/**
 * One jobsoegning.csv row from the numbers that matter: population, red and "still without job
 * search". Green and light green split the rest (they take part in no rule).
 */
export function jsRow(kommune: string, maaned: string, jobparate: number | null, roed: number | null, fortsat: number | null = 0): Cell[] {
  const rest = jobparate === null || roed === null ? null : jobparate - roed;
  return [kommune, maaned, jobparate, rest === null ? null : Math.ceil(rest / 2), rest === null ? null : Math.floor(rest / 2), roed, fortsat];
}

export const TIDLIG_HEADER = "kommune,maaned,ydelsesgruppe,borgere,uden_samtaler,uden_tilbud";
export const FOKUS_HEADER = "kommune,maaned,maalgruppe,uden_tilbud,under_4_samtaler";
export const YDELSESGRAD_HEADER = "kommune,aar,faktisk,forventet";

/** Twelve fokusmaal.csv rows for a calendar year with the same counts every month. */
export const fokusYear = (kommune: string, year: number, maalgruppe: number, udenTilbud: number, under4: number): Cell[][] =>
  months(`${year}-01`, 12).map((m) => [kommune, m, maalgruppe, udenTilbud, under4]);

// ---------------------------------------------------------------------------------------------
// Looking at events

export const ofType = (events: PolicyEvent[], type: PolicyEvent["type"]): PolicyEvent[] => events.filter((e) => e.type === type);

/** The dates of the events of a type (in output order). */
export const datesOf = (events: PolicyEvent[], type: PolicyEvent["type"]): string[] => ofType(events, type).map((e) => e.date);

/** `frist` events as name → due date, for the deadlines set on one date. */
export function deadlinesOn(events: PolicyEvent[], date: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of events) if (e.type === "frist" && e.date === date) out[e.name!] = e.due!;
  return out;
}

/** `tilstand` events as "date from→to (rule)" lines: the state history at a glance. */
export const transitions = (events: PolicyEvent[]): string[] =>
  ofType(events, "tilstand").map((e) => `${e.date} ${e.from}→${e.to} (${e.rule})`);

/** One row of a CSV written inline in a test. */
export type Row = (string | number | null)[];

/** One tidlig_indsats.csv row. `udenTilbud` null: the group has no offer requirement (blank). */
export const ti = (kommune: string, maaned: string, gruppe: string, borgere: number | null, udenSamtaler: number | null, udenTilbud: number | null = 0): Row => [
  kommune,
  maaned,
  gruppe,
  borgere,
  udenSamtaler,
  udenTilbud,
];

/** The same counts for a group in each of the given months. */
export const same = (kommune: string, ms: string[], gruppe: string, borgere: number, udenSamtaler: number, udenTilbud: number | null = 0): Row[] =>
  ms.map((m) => ti(kommune, m, gruppe, borgere, udenSamtaler, udenTilbud));
