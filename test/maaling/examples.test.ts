// The examples of the measurement policy run (`tilsyn test`), and fail when a measured value differs.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPolicy } from "../../compiler/index.js";
import { runMeasurementExamples } from "../../compiler/measure-examples.js";
import { fokusmaalFile } from "./measure.js";

const source = readFileSync(fokusmaalFile, "utf8");

function results(text: string) {
  const checked = checkPolicy(text, "fokusmaal.tilsyn");
  expect(checked.diagnostics.filter((d) => d.severity === "fejl")).toEqual([]);
  return runMeasurementExamples(checked.ast, checked.measurements!, "fokusmaal.tilsyn");
}

describe("examples of policies/maaling/fokusmaal.tilsyn", () => {
  it("every example passes, and each checks at least one row", () => {
    const all = results(source);
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const r of all) {
      expect(r.ok, r.title).toBe(true);
      expect(r.expectations.length, r.title).toBeGreaterThan(0);
    }
  });

  it("an expected row that differs from the measurement fails and says what was measured", () => {
    const changed = source.replace("    101     | 2024-03 | 2          | 1", "    101     | 2024-03 | 2          | 0");
    expect(changed).not.toBe(source);
    const failed = results(changed).filter((r) => !r.ok);
    expect(failed.map((r) => r.title)).toEqual(["Fra 22. marts 2023 tæller den første jobsamtale kun ved personligt fremmøde"]);
    expect(failed[0]!.expectations[0]!.actual).toBe("målt: maalgruppe 2, uden_tilbud 2, under_4_samtaler 1");
  });

  it("a table of unknown data or with an unknown column is an error in the file", () => {
    const codes = (text: string) => checkPolicy(text, "f.tilsyn").diagnostics.map((d) => d.code);
    expect(codes(source.replace("  data tilbud\n", "  data tilbuddene\n"))).toContain("T0262");
    expect(codes(source.replace("    kommune | maaned  | maalgruppe | uden_tilbud\n", "    kommune | maaned  | maalgrupe | uden_tilbud\n"))).toContain("T0303");
  });
});
