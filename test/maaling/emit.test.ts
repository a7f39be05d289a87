// The emitted code of a measurement (compiler/emit-measure.ts) on the constructs the bundled
// policy does not use: two text fields compared (each with its own dictionary, the ids differ), a field of other
// person-month data in a month without a row (not measured: every comparison is false, so `ikke`
// holds), `tal` fields in ten-thousandths summed over the window and divided by the duration,
// exactly on the boundary, fractions whose cross products leave the safe integers (bigint), and
// a division by a field in a month without a row (not measured, so the comparison is false).
// The expected table is worked out by hand below.

import { describe, expect, it } from "vitest";
import { emitMeasureCode } from "../../compiler/emit-measure.js";
import { measureData } from "../../load/persons.js";
import { measureCodeFor } from "../../compiler/emit-measure.js";
import { KANT, planOf, row } from "./measure.js";


const FILES: Record<string, string[]> = {
  ydelsesmaaneder: [
    "person,kommune,maaned,ydelse,tidligere",
    // `ydelse = tidligere` holds for p1 only, each month; p2's texts differ (and `a` is in the
    // other field's dictionary too, with another id).
    "p1,101,2022-01,kontanthjaelp,kontanthjaelp",
    "p1,101,2022-02,kontanthjaelp,kontanthjaelp",
    "p1,101,2022-03,kontanthjaelp,kontanthjaelp",
    "p2,101,2022-01,a,b",
    "p2,101,2022-02,a,b",
    "p2,101,2022-03,a,b",
  ],
  // p1 worked 10,5 hours in January, none recorded in February, 20,25 in March; p2 has no rows.
  timer: ["person,maaned,timer", "p1,2022-01,\"10,5\"", "p1,2022-03,\"20,25\""],
};

describe("the emitted code of a measurement", () => {
  const plan = planOf(KANT);
  const result = measureData(plan, measureCodeFor(plan), (d) => ({ input: FILES[d.name]!.join("\n") + "\n", file: `${d.name}.csv` }));

  it("measures each construct as the language defines it", () => {
    expect(result.diagnostics).toEqual([]);
    const t = result.table!;
    // January: duration 1. p1: 10,5 > 10; p2 has no hours row, so `timer over 10` is false and
    // `ikke …` true. 1/MAX is below 1/(MAX-1). Sum 10,5 over 1 month ≥ 10,25 for p1 only.
    // varighed / timer = 1 / 10,5 is over 0 for p1; p2 has no hours to divide by.
    expect(row(t, "101", "2022-01")).toEqual({ samme: 1, mange_timer: 1, ikke_mange: 1, brok: 0, snit: 1, pr_time: 1 });
    // February: no hours rows at all. 2/MAX is above 1/(MAX-1) (2·(MAX-1) > MAX, a product past
    // 2^53). p1's sum 10,5 over 2 months is 5,25. Dividing by February's missing hours is not
    // measured: false, not an error.
    expect(row(t, "101", "2022-02")).toEqual({ samme: 1, mange_timer: 0, ikke_mange: 2, brok: 2, snit: 0, pr_time: 0 });
    // March: p1's 20,25 > 10; the sum 30,75 over 3 months is exactly 10,25, which is `mindst 10,25`.
    expect(row(t, "101", "2022-03")).toEqual({ samme: 1, mange_timer: 1, ikke_mange: 1, brok: 2, snit: 1, pr_time: 1 });
  });

  it("is plain functions with the policy's text above them and the bigint fallback where products can leave 2^53", () => {
    const code = emitMeasureCode(plan, false);
    expect(code).toMatch(/^function bindMeasure\(cols, ids\) \{/);
    expect(code).toContain("// varighed / 9007199254740991 over 1 / 9007199254740990");
    expect(code).toContain("compareBig(");
    expect(code).not.toContain("=>");
  });
});
