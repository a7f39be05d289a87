// The conformance corpus (cases/*.case, see corpus.ts and README.md): every case is run by the
// interpreter, by the in-process compiled path and by the generated TypeScript module, and the
// three must print byte-identical events, equal to the events stored in the case.
//
// UPDATE_CONFORMANCE=1 npx vitest run test/conformance rewrites each case's events from the
// interpreter (as a snapshot update would); review the diff against the regulation before
// committing it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPolicy } from "../../compiler/index.js";
import { KOMMUNE_NAMES } from "../../compiler/kommunekoder.js";
import { evaluate } from "../../runtime/engine.js";
import type { Table } from "../../runtime/table.js";
import { eventsJson, loadCsv, prepare, readCases, root, runCompiled, runInterpreter, runModule, saveCase, usesKernel } from "./corpus.js";

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

// The reference outputs (test/reference) are what `tilsyn run` prints with the compiled path on
// the whole sample data; the interpreter must print the same events.
describe("the interpreter on the sample data gives the reference outputs", () => {
  const references: { file: string; policies: string[]; allePerioder?: boolean }[] = [
    { file: "tidlig-indsats-2020.json", policies: ["tidlig-indsats-2020"] },
    { file: "tidlig-indsats-2024-alle-perioder.json", policies: ["tidlig-indsats-2024"], allePerioder: true },
    { file: "tidlig-indsats-historik.json", policies: ["tidlig-indsats-2020", "tidlig-indsats-2024"] },
    { file: "jobsoegning.json", policies: ["jobsoegning"] },
    { file: "skaerpet-tilsyn.json", policies: ["skaerpet-tilsyn"] },
  ];
  for (const r of references) {
    it(`test/reference/${r.file}`, () => {
      const plans = r.policies.map((p) => checkPolicy(readFileSync(join(root, "policies", `${p}.tilsyn`), "utf8"), `policies/${p}.tilsyn`).plan!);
      const tables: Record<string, Table> = {};
      for (const plan of plans) {
        for (const s of plan.data) tables[s.name] ??= loadCsv(readFileSync(join(root, "data/eksempel", `${s.name}.csv`), "utf8"), `${s.name}.csv`, s);
      }
      const interpreted = eventsJson(evaluate(plans, tables, { kommuneNames: KOMMUNE_NAMES, ignoreInForce: r.allePerioder ?? false }).events);
      const reference = (JSON.parse(readFileSync(join(root, "test/reference", r.file), "utf8")) as { events: unknown[] }).events;
      expect(reference.length).toBeGreaterThan(0);
      expect(interpreted === JSON.stringify(reference, null, 2), firstDifference(interpreted, JSON.stringify(reference, null, 2))).toBe(true);
    });
  }
});
