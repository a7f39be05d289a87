// checkPolicy(): the one entry that parses and checks a file once and returns every diagnostic
// (syntax, checks, example tables and the static analysis), its examples and its plan.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPolicy } from "../../compiler/index.js";

const root = join(import.meta.dirname, "..", "..");
const read = (file: string) => readFileSync(join(root, file), "utf8");

describe("checkPolicy", () => {
  it("gives jobsøgning's plan, its examples and the population-40 gap (T0503) in one call", () => {
    const r = checkPolicy(read("policies/jobsoegning.tilsyn"), "policies/jobsoegning.tilsyn");
    expect(r.plan?.name).toBe("jobsøgning");
    expect(r.examplesOnly).toBe(false);
    expect(r.examples.length).toBeGreaterThan(0);
    expect(r.analysis.map((d) => [d.code, d.span.start.line])).toEqual([["T0503", 41]]);
    // The analysis is part of every diagnostic, in position order.
    expect(r.diagnostics).toEqual(expect.arrayContaining(r.analysis));
    const lines = r.diagnostics.map((d) => d.span.start.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it("stops after a syntax error: T01xx only, no plan, no analysis", () => {
    const r = checkPolicy(`politik p "t"\nkriterie k "x"\n  når a over (\n`, "p.tilsyn");
    expect(r.plan).toBeUndefined();
    expect(r.analysis).toEqual([]);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.every((d) => d.code.startsWith("T01"))).toBe(true);
  });

  it("reports a checker error with a suggestion and no plan or analysis", () => {
    const src = read("policies/tidlig-indsats-2020.tilsyn").replace("når andel_uden_samtaler over 20 %", "når andel_uden_samtaller over 20 %");
    const r = checkPolicy(src, "t.tilsyn");
    expect(r.plan).toBeUndefined();
    expect(r.analysis).toEqual([]);
    const error = r.diagnostics.find((d) => d.severity === "fejl")!;
    expect(error.code).toBe("T0201");
    expect(error.hint).toContain("andel_uden_samtaler");
  });

  it("recognises a file of examples only and leaves its examples to the policies it names", () => {
    const r = checkPolicy(read("test/examples/files/tidlig-indsats-overgang.test.tilsyn"), "x.test.tilsyn");
    expect(r.examplesOnly).toBe(true);
    expect(r.plan).toBeUndefined();
    expect(r.diagnostics).toEqual([]);
  });

  it("points spans into the NFC text it returns (a decomposed å is one character)", () => {
    const decomposed = read("policies/jobsoegning.tilsyn").normalize("NFD");
    const r = checkPolicy(decomposed, "nfd.tilsyn");
    expect(r.text).toBe(decomposed.normalize("NFC"));
    expect(r.analysis.map((d) => d.span.start.column)).toEqual([14]);
  });
});
