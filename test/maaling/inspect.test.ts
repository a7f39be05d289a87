// The evaluator's collector for explanations (runtime/spells.ts, `measure(…, inspect)`): on, it
// gives the same table as off, and its counts of one kommune's months add up to the table's rows.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPersonTable, PersonIds } from "../../load/persons.js";
import { measureCodeFor } from "../../compiler/emit-measure.js";
import { measure } from "../../runtime/spells.js";
import type { PersonTable } from "../../runtime/spells.js";
import { fokusmaal } from "./measure.js";

const sample = join(import.meta.dirname, "..", "..", "data", "eksempel-personer");

describe("measure with the inspect collector", () => {
  const plan = fokusmaal();
  const persons = new PersonIds();
  const tables = new Map<string, PersonTable>();
  for (const d of plan.data) tables.set(d.name, loadPersonTable(readFileSync(join(sample, `${d.name}.csv`)), `${d.name}.csv`, d, persons).table!);

  it("gives the table it gives without, and per month counts that add up to the kommune's row", () => {
    const plain = measure(plan, tables, persons.size, measureCodeFor(plan));
    const months = new Set(Array.from({ length: 24 }, (_, i) => 2023 * 12 + i));
    const inspected = measure(plan, tables, persons.size, measureCodeFor(plan), { kommune: "101", months });
    expect(inspected.rows).toEqual(plain.rows);
    expect(inspected.inspected.length).toBeGreaterThanOrEqual(12);
    expect(inspected.inspected.map((m) => m.month)).toEqual([...months].filter((m) => plain.rows.some((r) => r.kommune === "101" && r.month === m)));
    for (const m of inspected.inspected) {
      const row = plain.rows.find((r) => r.kommune === "101" && r.month === m.month)!;
      expect(m.outputs.map((o) => o.counted)).toEqual(row.values);
      // Every person of a counted month is either counted or left out at exactly one part.
      for (const o of m.outputs) expect(o.counted + o.failed.reduce((a, b) => a + b, 0)).toBe(m.persons - m.dead);
    }
  });

  it("collects nothing for a kommune without rows", () => {
    const r = measure(plan, tables, persons.size, measureCodeFor(plan), { kommune: "999", months: new Set([2023 * 12]) });
    expect(r.inspected).toEqual([]);
  });
});
