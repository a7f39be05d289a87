// The conformance corpus (cases/*.case, see corpus.ts and README.md): every case is run by the
// interpreter, by the in-process compiled path and by the generated TypeScript module, and the
// three must print byte-identical events, equal to the events stored in the case.
//
// UPDATE_CONFORMANCE=1 npx vitest run test/conformance rewrites each case's events from the
// interpreter (as a snapshot update would); review the diff against the regulation before
// committing it.
import { describe, expect, it } from "vitest";
import { prepare, readCases, runCompiled, runInterpreter, runModule, saveCase, usesKernel } from "./corpus.js";

const update = process.env["UPDATE_CONFORMANCE"] === "1";
const cases = readCases();

/** The message for two outputs that differ: the first differing line with some context. */
function firstDifference(a: string, b: string): string {
  const x = a.split("\n");
  const y = b.split("\n");
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return `first difference at line ${i + 1}:\n  ${x.slice(Math.max(0, i - 3), i + 2).join("\n  ")}\n---\n  ${y.slice(Math.max(0, i - 3), i + 2).join("\n  ")}`;
}

describe("conformance corpus", () => {
  it("has the cases made from every example of the bundled policies, and hand-written edge cases", () => {
    expect(cases.filter((c) => c.name.startsWith("eksempel-")).length).toBeGreaterThanOrEqual(40);
    expect(cases.filter((c) => c.name.startsWith("kant-")).length).toBeGreaterThanOrEqual(15);
  });

  it("exercises the emitted criteria kernel, not only the interpreter's fallback", () => {
    const kernelCases = cases.filter((c) => prepare(c).plans.some(usesKernel));
    expect(kernelCases.length).toBeGreaterThan(cases.length / 2);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const p = prepare(c);
      const interpreted = runInterpreter(p);
      if (update) {
        c.events = interpreted;
        saveCase(c);
      }
      expect(c.events, `${c.name} has no events section; run with UPDATE_CONFORMANCE=1`).toBeDefined();
      const compiled = runCompiled(p);
      const module = await runModule(p, c.name);
      expect(interpreted === c.events, `interpreter vs stored events: ${firstDifference(interpreted, c.events!)}`).toBe(true);
      expect(compiled === interpreted, `compiled (evaluateCompiled) vs interpreter: ${firstDifference(compiled, interpreted)}`).toBe(true);
      expect(module === interpreted, `generated module vs interpreter: ${firstDifference(module, interpreted)}`).toBe(true);
    });
  }
});
