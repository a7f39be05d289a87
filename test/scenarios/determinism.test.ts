// The output contract (contracts.md, "Output of run --format json"): the four bundled policies
// on the example data (data/eksempel, docs/eksempeldata.md) give byte-identical JSON between
// runs; events are sorted by date, then kommune, then rule; every event carries the contract's
// keys, a Danish explanation that states the numbers it rests on, and a legal source.

import { beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../../runtime/engine.js";
import type { PolicyEvent } from "../../runtime/events.js";
import type { Plan } from "../../runtime/plan.js";
import type { Table } from "../../runtime/table.js";
import { bundled, KOMMUNE_CODES, KOMMUNE_NAMES, loadTables, readRepoFile, type BundledPolicy } from "./helpers.js";

const POLICIES: BundledPolicy[] = ["jobsoegning", "skaerpet-tilsyn", "tidlig-indsats-2020", "tidlig-indsats-2024"];

let plans: Plan[];
let tables: Record<string, Table>;
let events: PolicyEvent[];
let json: string;

const runAll = (): string => JSON.stringify(evaluate(plans, tables, { kommuneNames: KOMMUNE_NAMES }).events);

beforeAll(() => {
  plans = POLICIES.map(bundled);
  const csv: Record<string, string> = {};
  for (const name of ["tidlig_indsats", "jobsoegning", "fokusmaal", "ydelsesgrad"]) csv[name] = readRepoFile(`data/eksempel/${name}.csv`);
  tables = loadTables(plans, csv);
  json = runAll();
  events = JSON.parse(json) as PolicyEvent[];
});

/** How a number in `values` can be written in a Danish sentence: 51.2 → "51,2"; 1234 → "1.234" or "1234". */
function danishForms(n: number): string[] {
  const forms = new Set<string>([String(n), String(n).replace(".", ",")]);
  if (Number.isInteger(n)) {
    forms.add(n.toLocaleString("da-DK"));
    forms.add(`${n},0`);
  } else forms.add(n.toFixed(1).replace(".", ","));
  return [...forms];
}

/** `text` contains `number` as a number of its own (not the "1" in "101" or in "51,2"). */
const standsAlone = (text: string, number: string): boolean =>
  new RegExp(`(?<![\\d.,])${number.replace(/[.]/g, "\\.")}(?!\\d|[.,]\\d)`).test(text);

describe("determinism and shape of the output on data/eksempel (contracts.md, 'Output of run --format json')", () => {
  it("the example data loads for all four policies, and the run produces events of every type", () => {
    expect(Object.keys(tables).sort()).toEqual(["fokusmaal", "jobsoegning", "tidlig_indsats", "ydelsesgrad"]);
    expect(KOMMUNE_CODES.size).toBe(98);
    const types = new Set(events.map((e) => e.type));
    for (const type of ["henvendelse", "redegoerelse", "tilstand", "frist", "gennemgang"]) expect(types).toContain(type);
    expect(new Set(events.map((e) => e.policy))).toEqual(new Set(["jobsøgning", "skærpet_tilsyn", "tidlig_indsats"]));
  });

  it("evaluating twice gives byte-identical JSON", () => {
    expect(runAll()).toBe(json);
  });

  it("the order of the policy files does not change the output", () => {
    const reversed = JSON.stringify(evaluate([...plans].reverse(), tables, { kommuneNames: KOMMUNE_NAMES }).events);
    expect(reversed).toBe(json);
  });

  it("events are sorted by date, then kommune, then rule", () => {
    const key = (e: PolicyEvent) => [e.date, e.kommune, e.rule] as const;
    const unsorted: string[] = [];
    for (let i = 1; i < events.length; i++) {
      const [a, b] = [key(events[i - 1]!), key(events[i]!)];
      const order = a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] !== b[1] ? (a[1] < b[1] ? -1 : 1) : a[2] !== b[2] ? (a[2] < b[2] ? -1 : 1) : 0;
      if (order > 0) unsorted.push(`${i}: ${a.join(" ")} before ${b.join(" ")}`);
    }
    expect(unsorted).toEqual([]);
  });

  it("every event has policy, kommune, period, date, type, rule, values, explanation and source, well-formed", () => {
    const problems: string[] = [];
    for (const e of events) {
      const where = `${e.date} ${e.kommune} ${e.rule} ${e.type}`;
      if (!e.policy) problems.push(`${where}: no policy`);
      if (!KOMMUNE_CODES.has(e.kommune)) problems.push(`${where}: kommune`);
      if (!/^\d{4}(-\d{2}|-H[12])?$/.test(e.period)) problems.push(`${where}: period ${e.period}`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date)) problems.push(`${where}: date`);
      if (!e.rule) problems.push(`${where}: no rule`);
      if (typeof e.values !== "object" || e.values === null || Object.keys(e.values).length === 0) problems.push(`${where}: no values`);
      if (typeof e.source !== "string" || e.source.trim() === "") problems.push(`${where}: no source`);
      if (typeof e.explanation !== "string" || e.explanation.length < 20) problems.push(`${where}: no explanation`);
      if (e.type === "tilstand" && (!e.from || !e.to)) problems.push(`${where}: tilstand without from/to`);
      if (e.type === "frist" && (!e.name || !/^\d{4}-\d{2}-\d{2}$/.test(e.due ?? ""))) problems.push(`${where}: frist without name/due`);
      if (e.type === "henvendelse" && (!e.rules || e.rules[0] !== e.rule)) problems.push(`${where}: rules[0] is not rule`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it("every explanation is Danish and states at least one of the numbers in its values", () => {
    const problems: string[] = [];
    for (const e of events) {
      const numbers = Object.values(e.values).filter((v): v is number => typeof v === "number");
      const dates = Object.values(e.values).filter((v): v is string => typeof v === "string");
      const candidates = [...numbers.flatMap(danishForms), ...dates];
      const writtenDue = e.type === "frist"; // a deadline's explanation writes its date in words
      if (!writtenDue && !candidates.some((c) => standsAlone(e.explanation, c))) problems.push(`${e.date} ${e.kommune} ${e.rule}: ${e.explanation}`);
      // Danish: decimal commas, Danish words, no English decision words.
      if (/\b(and|because|is not|holds)\b/.test(e.explanation)) problems.push(`${e.date} ${e.kommune} ${e.rule}: English? ${e.explanation}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it("a deadline's explanation names its due date in Danish words (30. april 2024)", () => {
    const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
    const frister = events.filter((e) => e.type === "frist");
    expect(frister.length).toBeGreaterThan(0);
    for (const e of frister) {
      const [y, m, d] = e.due!.split("-").map(Number) as [number, number, number];
      expect(e.explanation).toContain(`${d}. ${MONTHS[m - 1]} ${y}`);
      expect(e.values["frist"]).toBe(e.due);
    }
  });

  it("explanations name the municipality (kommuneNames given): e.g. 'København Kommune (101)'", () => {
    const copenhagen = events.filter((e) => e.kommune === "101");
    expect(copenhagen.length).toBeGreaterThan(0);
    expect(copenhagen.every((e) => e.explanation.includes("København Kommune (101)"))).toBe(true);
  });

  it("shares in values are percent with at most one decimal", () => {
    const bad: string[] = [];
    for (const e of events)
      for (const [k, v] of Object.entries(e.values))
        if (typeof v === "number" && /andel|udgangspunkt/.test(k) && Math.round(v * 10) / 10 !== v) bad.push(`${e.date} ${e.kommune} ${k}=${v}`);
    expect(bad.slice(0, 10)).toEqual([]);
  });
});
