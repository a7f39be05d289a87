// Running examples (`tilsyn test`): evaluate each example's tables with the policy, compare the
// events with what the example expects, and record rule coverage.
//
// Coverage asks of every criterion, guard (`forudsat`), review and transition whether the
// examples made it both true and false (an `ellers` transition only needs to fire), and of every
// comparison whether some example sat exactly on its boundary (left side equal to right side):
// the place where `over` and `mindst` differ. It uses the engine's onDecision and onCompare hooks.
//
// Browser-safe: no Node APIs.

import type { Expectation, ExampleDecl, PolicyFile } from "../grammar/ast.js";
import { compareEvents, type PolicyEvent } from "../runtime/events.js";
import { walkPlan, type PExpr, type Plan } from "../runtime/plan.js";
import { cmp, type Rational } from "../runtime/rational.js";
import type { Table } from "../runtime/table.js";
import { expectationText } from "../grammar/prettier/layout.js";
import { KOMMUNE_NAMES } from "./kommunekoder.js";
import { checkPolicy } from "./index.js";
import { evaluateCompiled } from "./emit-criteria.js";
import type { EvaluateOptions } from "../runtime/engine.js";
import type { Diagnostic } from "../diagnostics/index.js";
import { checkExamples, exampleScope, type PreparedExample } from "./examples.js";

// ---------------------------------------------------------------------------------------------
// Results

export interface ExpectationResult {
  /** The expectation as written (normalised): `forventer henvendelse til 101 for 2021-03`. */
  text: string;
  line: number;
  ok: boolean;
  /** What happened instead, in Danish (only when not ok). */
  actual?: string;
  /** The events that bear on it: those of the same kind for the same kommune. */
  related: PolicyEvent[];
}

export interface ExampleResult {
  title: string;
  source?: string;
  file: string;
  line: number;
  ok: boolean;
  expectations: ExpectationResult[];
  events: PolicyEvent[];
  /** An evaluation error (a bug or a missing table), if any. */
  error?: string;
}

const EVENT_TYPE: Record<Exclude<Expectation["subject"], "tilstand">, PolicyEvent["type"]> = {
  henvendelse: "henvendelse",
  redegørelse: "redegoerelse",
  gennemgang: "gennemgang",
  frist: "frist",
};

const dateText = (d: { year: number; month: number; day: number }) =>
  `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

/** Does an event satisfy every part of an expectation? */
function matches(e: Expectation, ev: PolicyEvent): boolean {
  if (e.subject === "tilstand" || ev.type !== EVENT_TYPE[e.subject]) return false;
  if (e.name && ev.name !== e.name.text) return false;
  if (e.kommune && ev.kommune !== e.kommune.code) return false;
  if (e.period && ev.period !== e.period.label) return false;
  if (e.group && ev.group !== e.group.text) return false;
  if (e.rule && !(ev.rules ?? [ev.rule]).includes(e.rule.text)) return false;
  if (e.step && ev.handling !== e.step.text) return false;
  if (e.date && (e.subject === "frist" ? ev.due : ev.date) !== dateText(e.date)) return false;
  return true;
}

const kommuneText = (code: string) => {
  const name = KOMMUNE_NAMES.get(code);
  return name ? `${code} (${name})` : code;
};

/** One event on one line, for reports. */
export function eventLine(ev: PolicyEvent): string {
  const what =
    ev.type === "tilstand"
      ? `tilstand ${ev.from} → ${ev.to}`
      : ev.type === "frist"
        ? `frist ${ev.name} ${ev.due}`
        : ev.type === "redegoerelse"
          ? "redegørelse"
          : ev.type;
  const extra = [ev.rule, ev.group !== undefined ? `gruppe ${ev.group}` : undefined, ev.handling ? `trin ${ev.handling}` : undefined]
    .filter(Boolean)
    .join(", ");
  return `${ev.date} ${what} ${kommuneText(ev.kommune)} for ${ev.period} (${extra}): ${ev.explanation}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const NOUNS: Record<Exclude<Expectation["subject"], "tilstand">, [string, string]> = {
  henvendelse: ["henvendelse", "henvendelser"],
  redegørelse: ["redegørelse", "redegørelser"],
  gennemgang: ["gennemgang", "gennemgange"],
  frist: ["frist", "frister"],
};

/** The state of a kommune after a period (or on a date), from the `tilstand` events. */
function stateOf(e: Expectation, events: PolicyEvent[], start: string, kommune: string): { state: string; because?: PolicyEvent } {
  let state = start;
  let because: PolicyEvent | undefined;
  for (const ev of events) {
    if (ev.type !== "tilstand" || ev.kommune !== kommune) continue;
    if (e.group && ev.group !== e.group.text) continue;
    if (e.period && ev.period > e.period.label) continue;
    if (e.date && ev.date > dateText(e.date)) continue;
    state = ev.to!;
    because = ev;
  }
  return { state, because };
}

function checkExpectation(e: Expectation, events: PolicyEvent[], plans: Plan[]): ExpectationResult {
  const text = expectationText(e);
  const line = e.span.start.line;
  if (e.subject === "tilstand") {
    const start = plans.find((p) => p.machine)?.machine?.start ?? "";
    const kommuner = e.kommune ? [e.kommune.code] : [...new Set(events.map((ev) => ev.kommune))];
    if (kommuner.length === 0) kommuner.push("");
    const related = events.filter((ev) => ev.type === "tilstand" && (!e.kommune || ev.kommune === e.kommune.code));
    const wrong: string[] = [];
    for (const k of kommuner) {
      const { state, because } = stateOf(e, events, start, k);
      if (state === e.name?.text) continue;
      const when = e.period ? ` efter ${e.period.label}` : e.date ? ` den ${dateText(e.date)}` : "";
      const why = because ? ` (overgangen ${because.rule} den ${because.date} på data for ${because.period})` : " (ingen overgang skete)";
      wrong.push(`${k ? kommuneText(k) : "kommunen"} er i tilstanden \`${state}\`${when}${why}`);
    }
    return wrong.length ? { text, line, ok: false, actual: `${wrong.join("; ")}.`, related } : { text, line, ok: true, related };
  }
  const found = events.filter((ev) => matches(e, ev));
  const type = EVENT_TYPE[e.subject];
  const related = events.filter((ev) => ev.type === type && (!e.kommune || ev.kommune === e.kommune.code));
  const [one, many] = NOUNS[e.subject];
  const ok = e.count ? found.length === e.count.value : found.length > 0;
  if (ok) return { text, line, ok, related: found };
  const actual =
    found.length === 0
      ? related.length === 0
        ? `der kom ingen ${many}${e.kommune ? ` til ${kommuneText(e.kommune.code)}` : ""}.`
        : `ingen ${one} passer; der kom ${plural(related.length, one, many)}${e.kommune ? ` til ${kommuneText(e.kommune.code)}` : ""}, men med andre detaljer.`
      : `der kom ${plural(found.length, one, many)}, der passer.`;
  return { text, line, ok: false, actual, related: found.length ? found : related };
}

// ---------------------------------------------------------------------------------------------
// Coverage

export interface CoverageItem {
  file: string;
  line: number;
  column: number;
  /** `kriterie`, `forudsætning`, `gennemgang`, `overgang` or `grænse`. */
  kind: "kriterie" | "forudsætning" | "gennemgang" | "overgang" | "grænse";
  /** The rule's name, or the comparison's text for a boundary. */
  name: string;
  /** What the examples must show: true, false, or the boundary. */
  need: "sand" | "falsk" | "grænse";
  covered: boolean;
}

export interface CoverageReport {
  items: CoverageItem[];
  covered: number;
  total: number;
  /** 0–100. 100 when there is nothing to cover. */
  percent: number;
}

interface PlanCoverage {
  plan: Plan;
  decisions: Map<string, { t: boolean; f: boolean; otherwise: boolean; line: number; column: number; kind: CoverageItem["kind"]; name: string }>;
  comparisons: Map<Extract<PExpr, { k: "cmp" }>, { boundary: boolean }>;
}

function comparisonsOf(e: PExpr | undefined, out: Set<Extract<PExpr, { k: "cmp" }>>): void {
  if (e) walkPlan(e, (x) => void (x.k === "cmp" && out.add(x)));
}

/** Collects coverage over any number of example runs, per policy file. */
export class Coverage {
  private readonly plans = new Map<Plan, PlanCoverage>();

  /** Register a plan (once per policy file); its rules count towards the total. */
  add(plan: Plan): void {
    if (this.plans.has(plan)) return;
    const decisions: PlanCoverage["decisions"] = new Map();
    for (const c of plan.criteria) {
      if (c.guard) decisions.set(`forudsætning:${c.name}`, { t: false, f: false, otherwise: false, ...c.location, kind: "forudsætning", name: c.name });
      decisions.set(`kriterie:${c.name}`, { t: false, f: false, otherwise: false, ...c.location, kind: "kriterie", name: c.name });
    }
    for (const r of plan.reviews) decisions.set(`gennemgang:${r.name}`, { t: false, f: false, otherwise: false, ...r.location, kind: "gennemgang", name: r.name });
    for (const t of plan.machine?.transitions ?? []) {
      decisions.set(`overgang:${t.name}`, { t: false, f: false, otherwise: t.otherwise, ...t.location, kind: "overgang", name: t.name });
    }
    const cmps = new Set<Extract<PExpr, { k: "cmp" }>>();
    for (const m of plan.measures) comparisonsOf(m.expr, cmps);
    for (const c of plan.criteria) {
      comparisonsOf(c.guard, cmps);
      comparisonsOf(c.when, cmps);
    }
    for (const r of plan.reviews) comparisonsOf(r.when, cmps);
    for (const t of plan.machine?.transitions ?? []) {
      comparisonsOf(t.when, cmps);
      for (const r of t.remember) comparisonsOf(r.expr, cmps);
    }
    this.plans.set(plan, { plan, decisions, comparisons: new Map([...cmps].map((c) => [c, { boundary: false }])) });
  }

  /** The engine hooks that record coverage for one plan. */
  hooks(plan: Plan): { onDecision: NonNullable<EvaluateOptions>["onDecision"]; onCompare: NonNullable<EvaluateOptions>["onCompare"] } {
    this.add(plan);
    const pc = this.plans.get(plan)!;
    return {
      onDecision: (d) => {
        const entry = pc.decisions.get(`${d.kind}:${d.rule}`);
        if (!entry || d.value === undefined) return;
        if (d.value) entry.t = true;
        else entry.f = true;
      },
      onCompare: (node, left: Rational, right: Rational) => {
        if (cmp(left, right) !== 0) return;
        const entry = pc.comparisons.get(node);
        if (entry) entry.boundary = true;
      },
    };
  }

  report(): CoverageReport {
    const items: CoverageItem[] = [];
    for (const { plan, decisions, comparisons } of this.plans.values()) {
      for (const d of decisions.values()) {
        const base = { file: plan.file, line: d.line, column: d.column, kind: d.kind, name: d.name };
        items.push({ ...base, need: "sand", covered: d.t });
        if (!d.otherwise) items.push({ ...base, need: "falsk", covered: d.f });
      }
      for (const [node, c] of comparisons) {
        items.push({ file: plan.file, line: node.loc?.line ?? 0, column: node.loc?.column ?? 0, kind: "grænse", name: node.text ?? "", need: "grænse", covered: c.boundary });
      }
    }
    items.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
    const covered = items.filter((i) => i.covered).length;
    const total = items.length;
    return { items, covered, total, percent: total === 0 ? 100 : (covered / total) * 100 };
  }
}

/** What a missing coverage item asks for, in Danish. */
export function missingText(item: CoverageItem): string {
  if (item.kind === "grænse") return `grænsen \`${item.name}\`: intet eksempel ligger præcis på grænsen (venstre side lig med højre)`;
  const what =
    item.kind === "kriterie" ? "kriteriet" : item.kind === "forudsætning" ? "forudsætningen (`forudsat`) i kriteriet" : item.kind === "gennemgang" ? "gennemgangen" : "overgangen";
  return `${what} \`${item.name}\`: intet eksempel gør ${item.kind === "kriterie" ? `det ${item.need === "sand" ? "sandt" : item.need}` : `den ${item.need}`}`;
}

// ---------------------------------------------------------------------------------------------
// Running

/** Run one example with the plans of the policy (several files of one policy: one history). */
export function runExample(
  example: ExampleDecl,
  tables: Record<string, Table>,
  plans: Plan[],
  file: string,
  coverage?: Coverage,
): ExampleResult {
  const base = {
    title: example.title.value,
    ...(example.source ? { source: example.source.value } : {}),
    file,
    line: example.span.start.line,
  };
  let events: PolicyEvent[] = [];
  try {
    // One plan at a time, so coverage knows which file each decision belongs to; the engine
    // evaluates plans independently anyway.
    for (const plan of plans) {
      const hooks = coverage?.hooks(plan);
      events.push(...evaluateCompiled([plan], tables, { kommuneNames: KOMMUNE_NAMES, ...(hooks ?? {}) }).events);
    }
    events = events.sort(compareEvents);
  } catch (error) {
    return { ...base, ok: false, expectations: [], events: [], error: error instanceof Error ? error.message : String(error) };
  }
  const expectations = example.expectations.map((e) => checkExpectation(e, events, plans));
  return { ...base, ok: expectations.every((e) => e.ok), expectations, events };
}

// ---------------------------------------------------------------------------------------------
// Suites: the examples of one file, ready to run

export interface ExampleSuite {
  /** The file the examples are written in. */
  file: string;
  /** The policy files they run with (one, or several versions of one policy). */
  plans: Plan[];
  prepared: PreparedExample[];
  /** Errors and warnings of the file (and of the policies, for a file of examples). */
  diagnostics: Diagnostic[];
  /** The examples of a file with a `måling` (compiler/measure-examples.ts). */
  measured?: (filter?: string) => ExampleResult[];
}

/** The inline examples of a policy file. */
export function policySuite(source: string, file: string): ExampleSuite {
  const result = checkPolicy(source, file);
  if (!result.plan) return { file, plans: [], prepared: [], diagnostics: result.diagnostics };
  return { file, plans: [result.plan], prepared: result.examples, diagnostics: result.diagnostics };
}

/**
 * The examples of a file of examples (`eksempler til "…"`), run with the policy files it names,
 * already compiled by the caller (`targets`, in the order named).
 */
export function examplesFileSuite(ast: PolicyFile, file: string, targets: { ast: PolicyFile; plan: Plan }[]): ExampleSuite {
  const { diagnostics, prepared } = checkExamples(ast.examples ?? [], exampleScope(targets.map((t) => t.ast)), file);
  return { file, plans: targets.map((t) => t.plan), prepared, diagnostics };
}

/** Run every example of a suite (those whose title contains `filter`, if given). */
export function runSuite(suite: ExampleSuite, coverage?: Coverage, filter?: string): ExampleResult[] {
  for (const plan of suite.plans) coverage?.add(plan);
  return [
    ...suite.prepared
      .filter((p) => !filter || p.example.title.value.toLowerCase().includes(filter.toLowerCase()))
      .map((p) => runExample(p.example, p.tables, suite.plans, suite.file, coverage)),
    ...(suite.measured?.(filter) ?? []),
  ];
}
