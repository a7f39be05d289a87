// The criteria as decisions for two general rule engines: json-rules-engine (rules as JSON
// conditions, run per fact) and GoRules' ZEN engine (a JDM decision with an expression node,
// evaluated per fact in a loop). One fact = one unit (kommune, or kommune and benefit group) and
// one data month; its 3-month window is precomputed into the fact (counts × 100 against the limit
// × the denominator, and whether each month is measured), so the engines only compare. A
// decision = one criterion for one fact.

import type { Table } from "../runtime/index.js";
import { groupRows, monthLabel, monthRange } from "./handwritten/common.js";
import type { PolicyId } from "./data.js";

export type Fact = Record<string, number | boolean>;

export interface Facts {
  policy: PolicyId;
  /** Criterion names, in the policy's order: each fact is one decision per criterion. */
  criteria: string[];
  facts: Fact[];
  /** Per fact: "kommune|group|YYYY-MM" (the unit and data month it decides). */
  keys: string[];
}

const OFFERS_FROM = 2022 * 12 + 2;

/** Unit numbers per row, and the units' labels, for either policy. */
function units(table: Table): { unitOfRow: Int32Array; label: string[] } {
  const ids = new Map<string, number>();
  const label: string[] = [];
  const unitOfRow = new Int32Array(table.length);
  for (let i = 0; i < table.length; i++) {
    const key = table.group ? `${table.kommune[i]}|${table.group[i]}` : `${table.kommune[i]}|`;
    let u = ids.get(key);
    if (u === undefined) {
      ids.set(key, (u = label.length));
      label.push(key);
    }
    unitOfRow[i] = u;
  }
  return { unitOfRow, label };
}

/** Every unit × every month of the data (the periods the compiled module decides). */
export function buildFacts(policy: PolicyId, table: Table): Facts {
  const { unitOfRow, label } = units(table);
  const { order, start } = groupRows(unitOfRow, label.length);
  const { first, last } = monthRange(table.period, table.length);
  const months = last - first + 1;
  const cols = policy === "tidlig-indsats-2020" ? ["borgere", "uden_samtaler", "uden_tilbud"] : ["jobparate", "roed", "fortsat_uden_jobsoegning"];
  const [A, B, C] = cols.map(() => new Float64Array(months));
  const [ca, cb, cc] = cols.map((c) => table.counts[c]!);
  const facts: Fact[] = [];
  const keys: string[] = [];
  const ok = (...xs: number[]) => xs.every((x) => x === x);
  const num = (x: number) => (x === x ? x : 0); // a placeholder; the measured flag decides
  for (let u = 0; u < label.length; u++) {
    A!.fill(NaN);
    B!.fill(NaN);
    C!.fill(NaN);
    for (let r = start[u]!; r < start[u + 1]!; r++) {
      const row = order[r]!;
      const m = table.period[row]! - first;
      A![m] = ca![row]!;
      B![m] = cb![row]!;
      C![m] = cc![row]!;
    }
    for (let i = 0; i < months; i++) {
      const fact: Fact = { maaned: first + i };
      for (let j = 0; j < 3; j++) {
        const w = i - 2 + j;
        const a = w >= 0 ? A![w]! : NaN;
        const b = w >= 0 ? B![w]! : NaN;
        const c = w >= 0 ? C![w]! : NaN;
        if (policy === "tidlig-indsats-2020") {
          // a = borgere, b = uden_samtaler, c = uden_tilbud
          fact[`ms${j}`] = ok(a, b) && a !== 0;
          fact[`mt${j}`] = ok(a, c) && a !== 0;
          fact[`b${j}`] = num(a);
          fact[`s${j}`] = num(b) * 100;
          fact[`t${j}`] = num(c) * 100;
          fact[`l${j}`] = 20 * num(a);
        } else {
          // a = jobparate, b = roed, c = fortsat_uden_jobsoegning
          fact[`m${j}`] = ok(a, b) && a !== 0;
          fact[`p${j}`] = num(a);
          fact[`r${j}`] = num(b);
          fact[`x${j}`] = num(b) * 100;
          fact[`y${j}`] = 40 * num(a);
          if (j === 2) {
            fact["y50"] = 50 * num(a);
            fact["mf"] = ok(a, c) && a !== 0;
            fact["f"] = num(c) * 100;
            fact["y25"] = 25 * num(a);
          }
        }
      }
      facts.push(fact);
      keys.push(`${label[u]}|${monthLabel(first + i)}`);
    }
  }
  const criteria = policy === "tidlig-indsats-2020" ? ["manglende_samtaler", "manglende_tilbud"] : ["straks", "observation", "fortsat_uden_jobsøgning"];
  return { policy, criteria, facts, keys };
}

// ---------------------------------------------------------------------------------------------
// The conditions, once per engine

type Cond = [fact: string, op: ">=" | ">" | "==", value: number | boolean | { fact: string }];

function conditions(policy: PolicyId): Record<string, Cond[]> {
  const window = (parts: (j: number) => Cond[]) => [0, 1, 2].flatMap(parts);
  if (policy === "tidlig-indsats-2020") {
    return {
      manglende_samtaler: window((j) => [[`ms${j}`, "==", true], [`b${j}`, ">=", 10], [`s${j}`, ">", { fact: `l${j}` }]]),
      manglende_tilbud: [["maaned", ">=", OFFERS_FROM], ...window((j): Cond[] => [[`mt${j}`, "==", true], [`b${j}`, ">=", 10], [`t${j}`, ">", { fact: `l${j}` }]])],
    };
  }
  const guard = (j: number): Cond[] => [[`m${j}`, "==", true], [`r${j}`, ">=", 20], [`p${j}`, ">", 40]];
  return {
    straks: [...guard(2), ["x2", ">=", { fact: "y50" }]],
    observation: window((j) => [...guard(j), [`x${j}`, ">", { fact: `y${j}` }]]),
    fortsat_uden_jobsøgning: [...guard(2), ["mf", "==", true], ["f", ">", { fact: "y25" }]],
  };
}

/** A rule engine ready to decide one fact: the names of the criteria that hold. */
export type Decide = (fact: Fact) => Promise<string[]>;

export async function jsonRulesEngine(policy: PolicyId): Promise<Decide> {
  const { Engine } = await import("json-rules-engine");
  const engine = new Engine([], { allowUndefinedFacts: false });
  const op = { ">=": "greaterThanInclusive", ">": "greaterThan", "==": "equal" } as const;
  for (const [name, conds] of Object.entries(conditions(policy))) {
    engine.addRule({
      name,
      conditions: { all: conds.map(([fact, o, value]) => ({ fact, operator: op[o], value })) },
      event: { type: name },
    });
  }
  return async (fact) => (await engine.run(fact)).events.map((e) => e.type);
}

export async function zenEngine(policy: PolicyId): Promise<Decide> {
  const { ZenEngine } = await import("@gorules/zen-engine");
  const rules = conditions(policy);
  const names = Object.keys(rules);
  const expr = (conds: Cond[]) =>
    conds.map(([fact, o, value]) => `${fact} ${o} ${typeof value === "object" ? value.fact : String(value)}`).join(" and ");
  const content = {
    nodes: [
      { id: "in", type: "inputNode", name: "fakta", position: { x: 0, y: 0 } },
      {
        id: "kriterier",
        type: "expressionNode",
        name: "kriterier",
        position: { x: 200, y: 0 },
        content: { expressions: names.map((n, i) => ({ id: `e${i}`, key: `k${i}`, value: expr(rules[n]!) })) },
      },
      { id: "out", type: "outputNode", name: "beslutning", position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: "a", sourceId: "in", targetId: "kriterier", type: "edge" },
      { id: "b", sourceId: "kriterier", targetId: "out", type: "edge" },
    ],
  };
  const engine = new ZenEngine();
  const decision = engine.createDecision(content);
  return async (fact) => {
    const { result } = await decision.evaluate(fact);
    const out: string[] = [];
    for (let i = 0; i < names.length; i++) if (result[`k${i}`] === true) out.push(names[i]!);
    return out;
  };
}

/** The set of true decisions, "criterion|kommune|group|YYYY-MM", deciding every fact in a loop. */
export async function decideAll(decide: Decide, facts: Facts): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < facts.facts.length; i++) {
    for (const c of await decide(facts.facts[i]!)) out.add(`${c}|${facts.keys[i]}`);
  }
  return out;
}

/** Decide `indices` of the facts in a loop (for timing); returns how many decisions held. */
export async function decideSome(decide: Decide, facts: Facts, indices: Int32Array): Promise<number> {
  let held = 0;
  for (let i = 0; i < indices.length; i++) held += (await decide(facts.facts[indices[i]!]!)).length;
  return held;
}
