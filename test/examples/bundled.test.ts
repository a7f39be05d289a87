// Every example written in the bundled policies runs as its own test, so a broken example (or a
// change of the rules that an example contradicts) fails CI. The examples together must cover
// every rule both ways and hit every comparison exactly on its boundary.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Coverage, eventLine, missingText, policySuite, runExample } from "../../compiler/runner.js";

const root = join(import.meta.dirname, "..", "..");
const files = readdirSync(join(root, "policies"))
  .filter((f) => f.endsWith(".tilsyn"))
  .sort()
  .map((f) => `policies/${f}`);

const coverage = new Coverage();

describe.each(files)("%s", (file) => {
  const suite = policySuite(readFileSync(join(root, file), "utf8"), file);

  it("compiles, and its examples check without errors", () => {
    expect(suite.diagnostics.filter((d) => d.severity === "fejl")).toEqual([]);
    expect(suite.plans).toHaveLength(1);
    expect(suite.prepared.length).toBeGreaterThanOrEqual(6);
  });

  it("every example names its source", () => {
    for (const p of suite.prepared) expect(p.example.source?.value, p.example.title.value).toBeTruthy();
  });

  for (const p of suite.prepared) {
    it(`eksempel (linje ${p.example.span.start.line}): ${p.example.title.value}`, () => {
      const result = runExample(p.example, p.tables, suite.plans, file, coverage);
      const failures = result.expectations
        .filter((e) => !e.ok)
        .map((e) => `linje ${e.line}: ${e.text}\n  men: ${e.actual}`);
      const message = [...failures, result.error ?? "", ...result.events.map(eventLine)].join("\n");
      expect(result.ok, message).toBe(true);
    });
  }
});

describe("rule coverage of the bundled policies' examples", () => {
  it("is 100 %: every criterion, guard, review and transition both true and false, every comparison hit exactly", () => {
    const report = coverage.report();
    expect(report.items.length).toBeGreaterThan(50);
    expect(report.items.filter((i) => !i.covered).map((i) => `${i.file}:${i.line} ${missingText(i)}`)).toEqual([]);
    expect(report.percent).toBe(100);
  });

  it("has a boundary item for every comparison with a constant (every threshold)", () => {
    const boundaries = coverage.report().items.filter((i) => i.kind === "grænse");
    // jobsøgning 6, skærpet tilsyn 5, tidlig indsats 2020 4 and 2024 4.
    expect(boundaries).toHaveLength(19);
    expect(boundaries.every((b) => b.covered)).toBe(true);
  });
});
