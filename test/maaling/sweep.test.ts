// A måling's own limits for the sensitivity sweep (compiler/sweep.ts measurementRules and
// withMeasurementLimit): changing a limit must measure exactly what the policy edited to that
// limit measures, on the committed person sample.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { measurementRules, withMeasurementLimit } from "../../compiler/sweep.js";
import { measureCodeFor } from "../../compiler/emit-measure.js";
import { measureData } from "../../load/persons.js";
import { measuredCsv } from "../../runtime/spells.js";
import type { MeasurePlan } from "../../runtime/measure-plan.js";
import { fokusmaalFile, planOf } from "./measure.js";

const sample = join(import.meta.dirname, "..", "..", "data", "eksempel-personer");
const source = readFileSync(fokusmaalFile, "utf8");

function measured(plan: MeasurePlan): string {
  const r = measureData(plan, measureCodeFor(plan), (d) => ({ input: readFileSync(join(sample, `${d.name}.csv`)), file: `${d.name}.csv` }));
  expect(r.diagnostics).toEqual([]);
  return measuredCsv(r.table!);
}

describe("the limits of policies/maaling/fokusmaal.tilsyn a sweep can change", () => {
  const plan = planOf(source, fokusmaalFile);
  const rules = measurementRules(plan);

  it("are the numbers each field's condition compares with, as written", () => {
    const maalgruppe = rules.find((r) => r.name === "maalgruppe")!;
    expect(maalgruppe.limits.map((l) => [l.text, l.written, l.percent])).toEqual([
      ["varighed mindst 12", "12", false],
      ["antal(måneder hvor fritaget = 1) / varighed under 50 %", "50", true],
    ]);
    expect(rules.find((r) => r.name === "uden_tilbud")!.limits.map((l) => l.text)).toContain("sum(timer) under 100");
    expect(rules.find((r) => r.name === "under_4_samtaler")!.limits.map((l) => l.text)).toEqual(["antal(samtaler) under 4"]);
  });

  it("a changed limit measures what the policy edited to that limit measures (24 months; 40 %; 4,5 samtaler)", () => {
    const edits: [string, number, string, string, string][] = [
      ["maalgruppe", 1, "24", "varighed mindst 12", "varighed mindst 24"],
      ["maalgruppe", 2, "40", "varighed under 50 %", "varighed under 40 %"],
      ["under_4_samtaler", 1, "4,5", "antal(samtaler) under 4", "antal(samtaler) under 4,5"],
    ];
    const original = measured(plan);
    for (const [field, index, value, from, to] of edits) {
      expect(source).toContain(from);
      const swept = measured(withMeasurementLimit(plan, field, index, value));
      expect(swept, `${field} ${value}`).toBe(measured(planOf(source.replace(from, to), fokusmaalFile)));
      expect(swept, `${field} ${value}`).not.toBe(original);
    }
    // The plan it was given is not changed.
    expect(measured(plan)).toBe(original);
  });
});
