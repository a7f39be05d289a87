// The contenders that evaluate a whole policy on a table: the module `tilsyn compile` emits
// (generated here with emitTypeScript from this checkout, so the bench measures whatever the
// compiler emits today, importing the built runtime in dist/ as a published module does), the runtime's interpreter, and the hand-written loops.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { emitTypeScript } from "../compiler/index.js";
import { evaluate, type Decision, type EvaluateOptions, type Plan, type PolicyEvent, type Table } from "../runtime/index.js";
import { DATA_NAME, KOMMUNE_NAMES, loadPlan, POLICIES, root, type PolicyId } from "./data.js";
import type { HandEvent, Texts } from "./handwritten/common.js";
import { jobsoegning } from "./handwritten/jobsoegning.js";
import { tidligIndsats2020 } from "./handwritten/tidlig-indsats-2020.js";

export interface CompiledModule {
  evaluateTables(tables: Record<string, Table>, options?: EvaluateOptions): PolicyEvent[];
}

export interface Policy {
  id: PolicyId;
  plan: Plan;
  dataName: string;
  module: CompiledModule;
  /** The emitted module's evaluateTables, with the options `tilsyn run` gives it. */
  compiled(table: Table): PolicyEvent[];
  /** The same, with every event's values and explanation read, so they are written (see runtime RunEvent). */
  compiledTexts(table: Table): PolicyEvent[];
  /** The runtime's interpreter (runtime evaluate without compiled code). */
  interpreted(table: Table): PolicyEvent[];
  handwritten(table: Table): HandEvent[];
  /** The hand-written loop also writing each event's values, explanation and source (as the compiled module does). */
  handwrittenTexts(table: Table): HandEvent[];
}

export const moduleDir = join(root, ".tmp", "bench-modules");

const HAND: Record<PolicyId, (t: Table, texts?: Texts) => HandEvent[]> = { "tidlig-indsats-2020": tidligIndsats2020, jobsoegning };
const TEXTS: Texts = { names: KOMMUNE_NAMES };

export async function loadPolicy(id: PolicyId, write = true): Promise<Policy> {
  const plan = loadPlan(id);
  const file = join(moduleDir, `${id}.ts`);
  if (write) {
    mkdirSync(moduleDir, { recursive: true });
    writeFileSync(file, emitTypeScript(plan, { runtime: "../../dist/runtime/index.js" }));
  }
  const module = (await import(pathToFileURL(file).href)) as CompiledModule;
  const dataName = DATA_NAME[id];
  const options: EvaluateOptions = { kommuneNames: KOMMUNE_NAMES };
  return {
    id,
    plan,
    dataName,
    module,
    compiled: (table) => module.evaluateTables({ [dataName]: table }, options),
    compiledTexts: (table) => readTexts(module.evaluateTables({ [dataName]: table }, options)),
    interpreted: (table) => evaluate([plan], { [dataName]: table }, options).events,
    handwritten: (table) => HAND[id](table),
    handwrittenTexts: (table) => HAND[id](table, TEXTS),
  };
}

/** Every event's texts read (an explanation is written with its values, the unit's together). */
function readTexts(events: PolicyEvent[]): PolicyEvent[] {
  let length = 0;
  for (const e of events) length += e.explanation.length;
  if (length === 0 && events.length > 0) throw new Error("ingen forklaringer");
  return events;
}

export const loadPolicies = (write = true): Promise<Policy[]> => Promise.all(POLICIES.map((p) => loadPolicy(p, write)));

/** The compiled module's criterion decisions on a table (through the runtime's onDecision hook). */
export function compiledDecisions(policy: Policy, table: Table): Decision[] {
  const out: Decision[] = [];
  policy.module.evaluateTables({ [policy.dataName]: table }, { onDecision: (d) => d.kind === "kriterie" && out.push(d) });
  return out;
}
