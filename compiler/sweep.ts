// Threshold sensitivity (`tilsyn sweep`): evaluate a policy again with one limit of one rule set
// to each of a range of values, and count the policy's actions and the kommuner they reach per
// year. The seed's own question — how many letters at 20 % against 25 % — in one table. Every value
// is a real evaluation of the changed plan; nothing is interpolated. Pure: the CLI (and the
// playground) call it.
//
// A rule is a criterion, a review or a measure (`mål`) with a limit of its own, such as jobsøgning's
// minimum population or skærpet tilsyn's fokusmål; the actions are the contacts (henvendelser) of a
// reaction and the state machine's changes out of its start state (a kommune put under tilsyn).

import type { PExpr, Plan } from "../runtime/plan.js";
import type { PolicyEvent } from "../runtime/events.js";
import { walkPlan } from "../runtime/plan.js";
import { termOf } from "../runtime/engine.js";
import { compareWords } from "../runtime/values.js";
import { parseDecimal, rat } from "../runtime/rational.js";
import type { MCompareOp, MExpr, MeasurePlan } from "../runtime/measure-plan.js";
import { measureExprText } from "./emit-measure.js";

/** A limit a user can sweep: a comparison in a rule whose right side is a number or a percentage. */
export interface Limit {
  /** 1-based, in the order the rule states them (condition first, then the guard). */
  index: number;
  /** "andel uden lovpligtige samtaler over 20 %" */
  text: string;
  /** The limit as written, without `%`: "20". */
  written: string;
  /** Whether the limit is a percentage (a share). */
  percent: boolean;
}

type Cmp = Extract<PExpr, { k: "cmp" }>;

/** The rules a sweep can name: criteria, reviews and measures. */
function ruleOf(plan: Plan, name: string): { when: PExpr; guard?: PExpr } | undefined {
  const criterion = plan.criteria.find((c) => c.name === name);
  if (criterion) return criterion.guard ? { when: criterion.when, guard: criterion.guard } : { when: criterion.when };
  const review = plan.reviews.find((r) => r.name === name);
  if (review) return { when: review.when };
  const measure = plan.measures.find((m) => m.name === name);
  return measure ? { when: measure.expr } : undefined;
}

/** Every rule of the plan with a limit a sweep can change, with its title, in the policy's order. */
export function sweepableRules(plan: Plan): { name: string; title: string; limits: Limit[] }[] {
  const rules = [
    ...plan.criteria.map((c) => ({ name: c.name, title: c.title })),
    ...plan.reviews.map((r) => ({ name: r.name, title: r.title })),
    ...plan.measures.map((m) => ({ name: m.name, title: m.label })),
  ];
  return rules.map((r) => ({ ...r, limits: limitsOf(plan, r.name) ?? [] })).filter((r) => r.limits.length > 0);
}

/** What a sweep counts for a policy: which events, and their Danish name. */
export interface Counted {
  counts(e: PolicyEvent): boolean;
  /** «henvendelser», «overgange fra normal»: the plural the views and the CLI print. */
  label: string;
  /** The CSV columns' prefix: `henvendelser`, `overgange`, or `handlinger` for both. */
  column: string;
}

export function countedOf(plan: Plan): Counted {
  const start = plan.machine?.start;
  const contacts = plan.reaction !== undefined || start === undefined;
  if (start === undefined) return { counts: (e) => e.type === "henvendelse", label: "henvendelser", column: "henvendelser" };
  const changes = (e: PolicyEvent) => e.type === "tilstand" && e.from === start;
  if (!contacts) return { counts: changes, label: `overgange fra ${start}`, column: "overgange" };
  return { counts: (e) => e.type === "henvendelse" || changes(e), label: `henvendelser og overgange fra ${start}`, column: "handlinger" };
}

/** The comparisons with a literal limit of a rule, in the order `limitsOf` numbers them. */
function comparisons(plan: Plan, name: string): Cmp[] {
  const rule = ruleOf(plan, name);
  if (!rule) return [];
  const out: Cmp[] = [];
  const collect = (e: PExpr) =>
    walkPlan(e, (x) => {
      if (x.k === "cmp" && x.right.k === "lit") out.push(x);
      // A measure's own comparisons are the measure's, not the rule's: a sweep changes this rule only.
      return x.k !== "measure";
    });
  collect(rule.when);
  if (rule.guard) collect(rule.guard);
  return out;
}

/** The limits of a rule a sweep can change, or undefined when the policy has no such rule. */
export function limitsOf(plan: Plan, name: string): Limit[] | undefined {
  if (!ruleOf(plan, name)) return undefined;
  const measures = new Map(plan.measures.map((m) => [m.name, m]));
  return comparisons(plan, name).map((c, i) => {
    const lit = c.right as Extract<PExpr, { k: "lit" }>;
    return {
      index: i + 1,
      text: `${termOf(c.left, measures)} ${compareWords[c.op]} ${lit.text}`,
      written: lit.text.replace(/\s*%$/, ""),
      percent: lit.type === "andel",
    };
  });
}

/** "20,5" or "20.5" → the exact fraction as a plan literal ("41/2", or "41/200" for a percentage). */
function fraction(value: string, percent: boolean): string | undefined {
  const q = parseDecimal(value);
  if (!q || q.n < 0n) return undefined;
  const exact = percent ? rat(q.n, q.d * 100n) : q;
  return `${exact.n}/${exact.d}`;
}

/** A copy of the plan with limit `index` of rule `name` set to `value` (as written, e.g. "25" or "22,5"). */
export function withLimit(plan: Plan, name: string, index: number, value: string): Plan {
  const copy = structuredClone(plan);
  const target = comparisons(copy, name)[index - 1];
  if (!target || target.right.k !== "lit") throw new Error(`no limit ${index} in ${name}`);
  const lit = target.right;
  const percent = lit.type === "andel";
  const exact = fraction(value, percent);
  if (!exact) throw new Error(`not a number: ${value}`);
  target.right = { ...lit, value: exact, text: `${value.replace(".", ",")}${percent ? " %" : ""}` };
  return copy;
}

/**
 * The values of a sweep: "15;20;25" (or separated by spaces; a decimal is written "22,5") or a
 * range "15..30" in steps of `step`. Undefined when unreadable or more than 200 values.
 */
export function sweepValues(text: string, step = "1"): string[] | undefined {
  const number = /^\d+(?:[.,]\d+)?$/;
  const num = (s: string) => Number(s.replace(",", "."));
  const range = /^(\d+(?:[.,]\d+)?)\.\.(\d+(?:[.,]\d+)?)$/.exec(text.trim());
  if (range) {
    if (!number.test(step)) return undefined;
    const [from, to, by] = [num(range[1]!), num(range[2]!), num(step)];
    if (!(by > 0) || to < from || (to - from) / by > 200) return undefined;
    const decimals = Math.max(...[range[1]!, range[2]!, step].map((s) => (s.split(/[.,]/)[1] ?? "").length));
    const out: string[] = [];
    for (let i = 0; from + i * by <= to + 1e-9; i++) out.push((from + i * by).toFixed(decimals).replace(".", ","));
    return out;
  }
  const list = text.trim().split(/\s*;\s*|\s+/).filter(Boolean);
  if (list.length === 0 || list.length > 200 || !list.every((v) => number.test(v))) return undefined;
  return list.map((v) => v.replace(".", ","));
}

export interface SweepRow {
  /** The limit's value as written, e.g. "25". */
  value: string;
  /** The counted actions (henvendelser, or the state machine's changes out of its start) per year of their date. */
  contacts: Record<string, number>;
  /** Kommuner contacted at least once, per year. */
  kommuner: Record<string, number>;
  total: number;
  /** Whether this row is the policy's own limit. */
  current: boolean;
}

/** Count the actions (countedOf) and kommuner per year of each evaluation. */
export function sweepRows(
  values: readonly string[],
  current: string,
  counted: Counted,
  evaluate: (value: string) => readonly PolicyEvent[],
): { years: string[]; rows: SweepRow[] } {
  const years = new Set<string>();
  const rows = values.map((value): SweepRow => {
    const contacts: Record<string, number> = {};
    const reached = new Map<string, Set<string>>();
    let total = 0;
    for (const e of evaluate(value)) {
      if (!counted.counts(e)) continue;
      const year = e.date.slice(0, 4);
      years.add(year);
      contacts[year] = (contacts[year] ?? 0) + 1;
      if (!reached.has(year)) reached.set(year, new Set());
      reached.get(year)!.add(e.kommune);
      total++;
    }
    const kommuner = Object.fromEntries([...reached].map(([y, s]) => [y, s.size]));
    return { value, contacts, kommuner, total, current: value.replace(".", ",") === current.replace(".", ",") };
  });
  return { years: [...years].sort(), rows };
}

// ---------------------------------------------------------------------------------------------
// A måling's own limits (`varighed mindst 12`, `antal(samtaler) under 4`): swept by measuring
// again with the changed limit and evaluating the policy that reads the table (the playground's
// measurement chain).

type MCmp = Extract<MExpr, { k: "cmp" }>;

const M_WORDS: Record<MCompareOp, string> = { over: "over", mindst: "mindst", under: "under", højst: "højst", lig: "=" };

/** The comparisons with a number limit in a table field's condition, in the order written (not inside `antal(måneder hvor …)`). */
function measureComparisons(plan: MeasurePlan, field: string): MCmp[] {
  const output = plan.outputs.find((o) => o.name === field);
  if (!output) return [];
  const out: MCmp[] = [];
  const walk = (e: MExpr): void => {
    if (e.k === "cmp" && !e.text && e.right.k === "num") out.push(e);
    else if (e.k === "and" || e.k === "or") {
      walk(e.left);
      walk(e.right);
    } else if (e.k === "not") walk(e.operand);
  };
  walk(output.where);
  return out;
}

/** n/d as written: a whole number, or a decimal with a comma when d is a power of ten. */
function written(n: number, d: number): string {
  if (n % d === 0) return String(n / d);
  const places = Math.round(Math.log10(d));
  return 10 ** places === d ? (n / d).toFixed(places).replace(".", ",") : `${n}/${d}`;
}

/** Every table field of a måling with a number limit a sweep can change. */
export function measurementRules(plan: MeasurePlan): { name: string; title: string; limits: Limit[] }[] {
  return plan.outputs
    .map((o) => ({
      name: o.name,
      title: `${o.name} (måling ${plan.name})`,
      limits: measureComparisons(plan, o.name).map((c, i): Limit => {
        const lit = c.right as Extract<MExpr, { k: "num" }>;
        const shown = lit.percent ? written(lit.n * 100, lit.d) : written(lit.n, lit.d);
        return { index: i + 1, text: `${measureExprText(c.left, plan)} ${M_WORDS[c.op]} ${shown}${lit.percent ? " %" : ""}`, written: shown, percent: lit.percent === true };
      }),
    }))
    .filter((r) => r.limits.length > 0);
}

/** A copy of the måling with limit `index` of table field `field` set to `value` (as written, e.g. "6" or "22,5"). */
export function withMeasurementLimit(plan: MeasurePlan, field: string, index: number, value: string): MeasurePlan {
  const copy = structuredClone(plan);
  const target = measureComparisons(copy, field)[index - 1];
  if (!target || target.right.k !== "num") throw new Error(`no limit ${index} in ${field}`);
  const percent = target.right.percent === true;
  const exact = fraction(value, percent);
  if (!exact) throw new Error(`not a number: ${value}`);
  const [n, d] = exact.split("/").map(Number) as [number, number];
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) throw new Error(`not a safe number: ${value}`);
  target.right = { k: "num", n, d, ...(percent ? { percent: true as const } : {}) };
  return copy;
}
