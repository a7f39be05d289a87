// An event's values and explanation are written when first read (runtime RunEvent): the
// evaluator writes a unit's texts together, from its window kernels, built again when another
// unit's fill the buffers. Whatever order the events are read in, the words and numbers must be
// those of the events read in output order, and those of the interpreter.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPolicy } from "../../compiler/index.js";
import { evaluateCompiled } from "../../compiler/emit-criteria.js";
import { loadTable } from "../../load/csv.js";
import { parseKommuner } from "../../load/kommuner.js";
import { canonicalEvent, evaluate, RunEvent, type Plan, type PolicyEvent, type Table } from "../../runtime/index.js";

const root = join(import.meta.dirname, "..", "..");
const kommuner = parseKommuner(readFileSync(join(root, "data/kommuner.csv"), "utf8"), "kommuner.csv").kommuner;
const codes = new Set(kommuner.map((k) => k.kode));
const kommuneNames = new Map(kommuner.map((k) => [k.kode, k.navn]));

function load(policy: string): { plan: Plan; tables: Record<string, Table> } {
  const plan = checkPolicy(readFileSync(join(root, "policies", `${policy}.tilsyn`), "utf8"), `policies/${policy}.tilsyn`).plan!;
  const tables: Record<string, Table> = {};
  for (const schema of plan.data) tables[schema.name] = loadTable(readFileSync(join(root, "data/eksempel", `${schema.name}.csv`), "utf8"), `${schema.name}.csv`, schema, codes).table!;
  return { plan, tables };
}

/** Every event's texts read in the given order of indices, then the events as JSON in output order. */
function readIn(events: PolicyEvent[], order: number[]): string {
  for (const i of order) expect(events[i]!.explanation.length).toBeGreaterThan(0);
  return JSON.stringify(events);
}

/** 0 .. n-1 shuffled by a fixed linear congruential sequence (the same every run). */
function shuffled(n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let seed = 12345;
  for (let i = n - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

describe("texts written when read", () => {
  for (const policy of ["tidlig-indsats-2020", "tidlig-indsats-2024", "jobsoegning", "skaerpet-tilsyn"]) {
    it(`${policy}: the same words and numbers read forwards, backwards, shuffled and by the interpreter`, () => {
      const { plan, tables } = load(policy);
      const options = { kommuneNames, ignoreInForce: true };
      const forwards = evaluateCompiled([plan], tables, options).events;
      expect(forwards.length).toBeGreaterThan(10);
      const n = forwards.length;
      const expected = readIn(forwards, forwards.map((_, i) => i));
      const backwards = evaluateCompiled([plan], tables, options).events;
      expect(readIn(backwards, forwards.map((_, i) => n - 1 - i))).toBe(expected);
      const mixed = evaluateCompiled([plan], tables, options).events;
      expect(readIn(mixed, shuffled(n))).toBe(expected);
      const interpreted = evaluate([plan], tables, options).events;
      expect(readIn(interpreted, shuffled(n).reverse())).toBe(expected);
      // Two evaluations in turn, each read after the other ran: a run's texts rest on its own tables.
      const first = evaluateCompiled([plan], tables, options).events;
      const second = evaluateCompiled([plan], tables, { ...options, fromMonth: 2021 * 12 }).events;
      expect(readIn(second, shuffled(second.length))).toBe(JSON.stringify(JSON.parse(expected).filter((e: PolicyEvent) => e.date >= "2021-01-01")));
      expect(readIn(first, shuffled(n))).toBe(expected);
    });
  }

  it("gives plain objects with every field for a structured clone, and takes texts set by hand", () => {
    const { plan, tables } = load("jobsoegning");
    const events = evaluateCompiled([plan], tables, { kommuneNames }).events;
    const contact = events.find((e) => e.type === "henvendelse")!;
    expect(contact).toBeInstanceOf(RunEvent);
    const plain = structuredClone(canonicalEvent(contact));
    expect(Object.keys(plain)).toEqual(["policy", "kommune", "period", "date", "type", "rule", "rules", "handling", "values", "explanation", "source"]);
    expect(plain.explanation).toBe(contact.explanation);
    expect(plain.explanation).toMatch(/^STAR kontakter jobcenteret .* fordi .* Kommune \(\d{3}\) opfylder «/);
    expect(plain.values).toEqual(contact.values);
    expect(JSON.stringify(contact)).toBe(JSON.stringify(plain));
    // A text set by hand before any was read replaces the evaluator's; the other field keeps the evaluator's.
    const other = events.find((e) => e.type === "henvendelse" && e.kommune !== contact.kommune)!;
    const again = evaluateCompiled([plan], tables, { kommuneNames }).events.find((e) => e.date === other.date && e.kommune === other.kommune && e.type === other.type)!;
    other.explanation = "sat i hånden";
    expect(other.explanation).toBe("sat i hånden");
    expect(other.values).toEqual(again.values);
    expect(Object.keys(other.values)).toContain("trin");
    const review = events.find((e) => e.type === "gennemgang" && e.kommune !== contact.kommune && e.kommune !== other.kommune)!;
    review.values = { egen: 1 };
    expect(review.values).toEqual({ egen: 1 });
    expect(review.explanation).toContain("indgår i «");
  });
});
