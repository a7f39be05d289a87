// Generated pairs: random well-typed policies (generate.ts) on random data that sits on their
// thresholds must give byte-identical events from the interpreter (evaluate() walking the plan)
// and from the compiled path (evaluateCompiled(): the emitted criteria kernel). Every generated
// policy must compile to a kernel, and the kernel must actually be called, so a silent fallback
// to the interpreter cannot make the property pass.
//
// The seed is fixed for CI. CONFORMANCE_SEED and CONFORMANCE_RUNS try other seeds and more runs.
// A failure prints the seed and the shrunk counterexample as a corpus case (cases/*.case) to keep.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPolicy } from "../../compiler/index.js";
import { compiledFor, evaluateCompiled, kernelSupported } from "../../compiler/emit-criteria.js";
import { KOMMUNE_NAMES } from "../../compiler/kommunekoder.js";
import { evaluate, type CriteriaKernel } from "../../runtime/engine.js";
import type { Plan } from "../../runtime/plan.js";
import { eventsJson, loadCsv, runModule, writeCase } from "./corpus.js";
import { generatedArb, type Generated } from "./generate.js";

const seed = Number(process.env["CONFORMANCE_SEED"] ?? 20261206);
const numRuns = Number(process.env["CONFORMANCE_RUNS"] ?? 300);
/** Pairs also run through the generated TypeScript module (each is written and imported: slower). */
const moduleRuns = Number(process.env["CONFORMANCE_MODULE_RUNS"] ?? 40);

interface Outcome {
  interpreted: string;
  compiled: string;
  /** Units decided by a compiled kernel: the three-valued one or the one of «held or not». */
  kernelCalls: number;
  /** Of those, by the kernel of «held or not» (policies without a written account). */
  heldCalls: number;
  /** Periods the kernel handed to the exact path because a product left the safe integer range. */
  exactCalls: number;
}

function run(g: Generated): Outcome {
  const result = checkPolicy(g.policy, "genereret.tilsyn");
  if (!result.plan) {
    const errors = result.diagnostics.filter((d) => d.severity === "fejl").map((d) => `${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message}`);
    throw new Error(`the generated policy does not compile:\n${errors.join("\n")}`);
  }
  const plan: Plan = result.plan;
  if (!kernelSupported(plan)) throw new Error("the generated policy does not compile to a criteria kernel");
  const tables = { d: loadCsv(g.csv, "d.csv", plan.data[0]!), e: loadCsv(g.csvE, "e.csv", plan.data[1]!) };
  const options = { kommuneNames: KOMMUNE_NAMES };
  const interpreted = eventsJson(evaluate([plan], tables, options).events);
  // Count the kernel's calls through the very object evaluateCompiled() uses for this plan.
  const code = compiledFor([plan]).get(plan)!;
  const kernel = code.decideCriteria as CriteriaKernel;
  const held = code.criteriaHeld;
  let kernelCalls = 0;
  let heldCalls = 0;
  let exactCalls = 0;
  if (held) {
    code.criteriaHeld = (k, first, last, holds) => {
      const ran = held(k, first, last, holds);
      if (ran) heldCalls++;
      return ran;
    };
  }
  code.decideCriteria = (k, first, last, guards, holds, exact) => {
    kernelCalls++;
    return kernel(k, first, last, guards, holds, (criterion, part, period) => {
      exactCalls++;
      return exact(criterion, part, period);
    });
  };
  try {
    const compiled = eventsJson(evaluateCompiled([plan], tables, options).events);
    return { interpreted, compiled, kernelCalls: kernelCalls + heldCalls, heldCalls, exactCalls };
  } finally {
    code.decideCriteria = kernel;
    code.criteriaHeld = held;
  }
}

describe("generated policies and data: interpreter and compiled kernel agree", () => {
  it(`${numRuns} generated pairs (seed ${seed})`, () => {
    let withEvents = 0;
    let units = 0;
    let exactPaths = 0;
    let heldUnits = 0;
    const property = fc.property(generatedArb, (g) => {
      const { interpreted, compiled, kernelCalls, heldCalls, exactCalls } = run(g);
      heldUnits += heldCalls;
      if (interpreted !== "[]") withEvents++;
      units += kernelCalls;
      if (exactCalls > 0) exactPaths++;
      // Data with no whole period gives no unit to decide, and then no kernel call.
      if (kernelCalls === 0 && interpreted !== "[]") throw new Error("events without a kernel call: the kernel was bypassed");
      if (interpreted !== compiled) throw new Error(`interpreter and compiled kernel disagree:\n--- interpreter\n${interpreted}\n--- compiled\n${compiled}`);
    });
    const out = fc.check(property, { seed, numRuns });
    if (out.failed) {
      const g = out.counterexample?.[0] as Generated | undefined;
      const text = g
        ? writeCase({
            name: "gen",
            description: `Counterexample of generated.test.ts (seed ${seed}, path ${out.counterexamplePath}).`,
            options: {},
            policies: [{ file: "genereret.tilsyn", text: g.policy }],
            data: [
              { name: "d", csv: g.csv },
              { name: "e", csv: g.csvE },
            ],
          })
        : "";
      console.error(`Generated pairs failed with seed ${seed} (path ${out.counterexamplePath}).\nShrunk counterexample as a corpus case:\n\n${text}\n${out.errorInstance}`);
    }
    if (process.env["CONFORMANCE_STATS"]) console.log({ withEvents, units, heldUnits, exactPaths });
    expect(out.failed, `seed ${seed}: ${String(out.errorInstance)}`).toBe(false);
    // The property is not vacuous: many pairs give events, and the kernel decided many units.
    expect(withEvents).toBeGreaterThan(numRuns / 5);
    expect(units).toBeGreaterThan(numRuns);
    // Policies without a written account are decided by the kernel of «held or not» too.
    expect(heldUnits).toBeGreaterThan(numRuns / 10);
    // Counts near 2^53 send some periods to the exact (bigint) path of the kernel.
    expect(exactPaths).toBeGreaterThan(numRuns / 20);
  });

  it(`${moduleRuns} generated pairs through the generated TypeScript module (seed ${seed})`, async () => {
    let i = 0;
    let transitions = 0;
    const property = fc.asyncProperty(generatedArb, async (g) => {
      const plan = checkPolicy(g.policy, "genereret.tilsyn").plan!;
      const tables = { d: loadCsv(g.csv, "d.csv", plan.data[0]!), e: loadCsv(g.csvE, "e.csv", plan.data[1]!) };
      const p = { plans: [plan], tables, options: { kommuneNames: KOMMUNE_NAMES } };
      const interpreted = eventsJson(evaluate(p.plans, p.tables, p.options).events);
      const module = await runModule(p, `generated-${i++}`);
      if (interpreted.includes('"type": "tilstand"')) transitions++;
      if (interpreted !== module) throw new Error(`interpreter and generated module disagree:\n--- interpreter\n${interpreted}\n--- module\n${module}`);
    });
    const out = await fc.check(property, { seed, numRuns: moduleRuns, endOnFailure: true });
    const g = out.counterexample?.[0] as Generated | undefined;
    expect(out.failed, `seed ${seed}: ${String(out.errorInstance)}\n${g ? `${g.policy}\n${g.csv}\n${g.csvE}` : ""}`).toBe(false);
    // Some pairs move a kommune between states, which only the module decides with compiled code.
    if (process.env["CONFORMANCE_STATS"]) console.log({ moduleRuns, transitions });
    expect(transitions).toBeGreaterThan(0);
  });
});
