// Code generation for the hot loop: every criterion of a policy, decided for one unit over all
// assessment periods, as straight-line numeric code.
//
// The function it writes takes the unit's window kernels (prefix sums per sum expression, built
// once per unit by the runtime) and the periods as month numbers, and fills one Int8Array per
// criterion with its decision per period. Inside there is no closure, no Map, no string and no
// allocation: a number is a pair of locals (numerator, denominator) and a "not measured" flag,
// a truth value is 1 (true), 0 (false) or 2 (not measured), and comparisons are exact integer
// cross-multiplications. When a product could leave the safe integer range the period is
// decided again by the runtime's exact bigint path (`exact(criterion, part, period)`), so no
// decision ever rounds. A streak "i 3 sammenhængende måneder" is a counter compared with 3.
//
// Measures used directly by a condition are computed once per period and shared by every
// criterion (jobsøgning's minimum population guards three criteria).
//
// Beside it, `criteriaHeld` writes only what the reaction reads: did the criterion hold (1) or
// not (0, "not measured" included)? With a written account, which ends its episode when a
// criterion is decided false, "not measured" stays 2. No guard tables are written (they are read
// only to report decisions), a number not measured is NaN, and each truth value is a pair of
// booleans (true, false) in place of a three-way choice. It runs only for units whose numbers
// cannot leave the safe integer range (it returns false, having written nothing, for any other
// unit, which decideCriteria then decides).
//
// The same source is emitted typed into the module `tilsyn compile` writes and untyped for the
// CLI, the examples and the playground, which run it in-process (see instantiate()).

import { rowExprText, walkPlan, type PExpr, type Plan, type RowExpr, type ValueType } from "../runtime/plan.js";
import { evaluate, findComparison, planSums, termOf, type CompiledPolicy, type CriteriaExplainer, type CriteriaKernel, type EvaluateOptions } from "../runtime/engine.js";
import { compareWords } from "../runtime/values.js";
import { windowKind } from "../runtime/windows.js";
import type { EvaluationResult } from "../runtime/events.js";
import type { Table } from "../runtime/table.js";
import { instantiateFunctions } from "./instantiate.js";
import { literal } from "./literal.js";

/** Truth values in the decision arrays. */
export const TRUE = 1;
export const FALSE = 0;
export const UNKNOWN = 2;

const MAX = "9007199254740991";

interface Num {
  kind: "num";
  n: string;
  d: string;
  /** An expression that is true when the value is not measured ("false" when it always is). */
  u: string;
  /** Static bounds of |n| and |d| (see Bound); undefined where none is known (inside a mean's loop). */
  bn?: Bound;
  bd?: Bound;
}

/**
 * |x| ≤ k · A^p, where A ≥ 1 bounds every window total of the unit: the sum of the magnitudes of
 * its values (the runtime's UnitKernels.magnitude). From the policy's constants and the unit's A,
 * the code knows once per unit whether any product can leave the safe integer range; when none
 * can, the per-product checks are skipped.
 */
interface Bound {
  k: number;
  p: number;
}

const constantBound = (x: string): Bound => ({ k: Math.abs(Number(x)), p: 0 });
const mulBound = (a: Bound | undefined, b: Bound | undefined): Bound | undefined => (a && b ? { k: a.k * b.k, p: a.p + b.p } : undefined);
const addBound = (a: Bound | undefined, b: Bound | undefined): Bound | undefined => (a && b ? { k: a.k + b.k, p: Math.max(a.p, b.p) } : undefined);

interface Bool {
  kind: "bool";
  /** An expression of 0, 1 or 2; in the held kernel (see emitHeld) a boolean: whether it is true. */
  b: string;
  /** In the held kernel: a boolean, whether it is false (neither, when not measured). */
  f?: string;
}

type Val = Num | Bool;

/** A window of months as the names of two locals (or expressions). */
interface Win {
  f: string;
  l: string;
  /** Set when the window is known to be one month (f and l are the same): that month's local. */
  one?: string;
  /** The month is known to lie within the data's months (a period of a monthly assessment). */
  inData?: boolean;
}

/**
 * How the kernels read each sum, collected while the parts are emitted so that buildKernels
 * builds only what is read: a month's total (dense: one slot per month, NaN when no row was
 * measured) for one-month windows, prefix sums for longer ones.
 */
interface SumUsage {
  dense: Set<number>;
  prefix: Set<number>;
}

class Unsupported extends Error {}

/** The source of one part, or undefined when the plan uses a construct the kernel does not compile. */
function attempt(emit: () => string): string | undefined {
  try {
    return emit();
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/**
 * The compiled parts of a policy as function declarations, each emitted once:
 * - `decideCriteria`, the criteria's kernel (absent without criteria or when a criterion uses a
 *   construct the kernel does not compile: then the runtime decides them by walking the plan);
 * - `explainCriterion`, their explanations, only beside the kernel (both read the same prefix sums);
 * - `decideReviews`, the reviews' kernel (absent without reviews or when one is not compiled);
 * - `explainReview`, the reviews' explanations, only beside their kernel.
 */
export interface CompiledParts {
  buildKernels?: string;
  decideCriteria?: string;
  criteriaHeld?: string;
  explainCriterion?: string;
  decideReviews?: string;
  explainReview?: string;
}

export function emitCompiledParts(plan: Plan, typed: boolean): CompiledParts {
  const usage: SumUsage = { dense: new Set(), prefix: new Set() };
  const decideCriteria = plan.criteria.length ? attempt(() => new CriteriaEmitter(plan, typed, usage).emit()) : undefined;
  const criteriaHeld = decideCriteria ? attempt(() => new CriteriaEmitter(plan, typed, usage).emitHeld()) : undefined;
  const explainCriterion = decideCriteria ? attempt(() => new CriteriaEmitter(plan, typed, usage).emitExplainer()) : undefined;
  const decideReviews = plan.reviews.length ? attempt(() => new CriteriaEmitter(plan, typed, usage).emitReviews()) : undefined;
  const explainReview = decideReviews ? attempt(() => new CriteriaEmitter(plan, typed, usage).emitReviewExplainer()) : undefined;
  // The sums are built by emitted loops only for the kernels that read them, in the forms they read.
  const buildKernels = decideCriteria || decideReviews ? emitKernelBuilder(plan, typed, usage) : undefined;
  return {
    ...(buildKernels ? { buildKernels } : {}),
    ...(decideCriteria ? { decideCriteria } : {}),
    ...(criteriaHeld ? { criteriaHeld } : {}),
    ...(explainCriterion ? { explainCriterion } : {}),
    ...(decideReviews ? { decideReviews } : {}),
    ...(explainReview ? { explainReview } : {}),
  };
}

/** Whether the policy's criteria can be compiled to a kernel (fields of single rows and remembered values cannot yet). */
export const kernelSupported = (plan: Plan): boolean => emitCompiledParts(plan, true).decideCriteria !== undefined;

/** The kernels and explanations as callable functions, for running a plan in this process. */
export function instantiate(plan: Plan): Pick<CompiledPolicy, "buildKernels" | "decideCriteria" | "criteriaHeld" | "explainCriterion" | "decideReviews" | "explainReview"> {
  const present = Object.entries(emitCompiledParts(plan, false));
  if (present.length === 0) return {};
  return instantiateFunctions<Pick<CompiledPolicy, "buildKernels" | "decideCriteria" | "criteriaHeld" | "explainCriterion" | "decideReviews" | "explainReview">>(
    present.map((p) => p[1]).join("\n"),
    present.map((p) => p[0]),
  );
}

/**
 * The compiled code of each plan, for `evaluate(plans, tables, { compiled })` in this process:
 * the CLI's run and diff, the examples and the playground's worker all decide criteria with the
 * emitted kernel, as a module written by `tilsyn compile` does.
 */
export function compiledFor(plans: readonly Plan[]): Map<Plan, CompiledPolicy> {
  const out = new Map<Plan, CompiledPolicy>();
  for (const plan of plans) {
    let code = instantiated.get(plan);
    if (!code) {
      instantiated.set(plan, (code = { measures: Object.create(null), reviews: Object.create(null), transitions: Object.create(null), ...instantiate(plan) }));
    }
    out.set(plan, code);
  }
  return out;
}

/** Plans are immutable once lowered, so each is instantiated once (the playground re-evaluates often). */
const instantiated = new WeakMap<Plan, CompiledPolicy>();

/** evaluate() with every plan's emitted code: how tilsyn itself runs policies. */
export function evaluateCompiled(plans: Plan[], tables: Record<string, Table>, options: EvaluateOptions = {}): EvaluationResult {
  return evaluate(plans, tables, { ...options, compiled: compiledFor(plans) });
}

/**
 * `buildKernels(source, rows, from, to, t, origin, length, values, measured, dense)`: for one unit,
 * every sum over one data source, in one pass over the unit's rows (rows[from .. to)) with each column read once per row:
 * the month's total in `dense` for sums read over one month, prefix sums in `values` (and the
 * measured cells in `measured`) for sums read over longer windows. A blank cell (NaN) is not
 * counted; a month without a measured cell stays NaN in `dense`. Returns the largest sum of
 * magnitudes of a sum's values (see the runtime's KernelBuilder): past 2^53 the runtime decides
 * the unit exactly, and below it the kernels know which products cannot leave the safe range.
 */
function emitKernelBuilder(plan: Plan, typed: boolean, usage: SumUsage): string {
  const T = typed;
  const nn = T ? "!" : "";
  const sums = [...planSums(plan).values()];
  const out: string[] = [];
  out.push(
    T
      ? `function buildKernels(source: number, rows: Int32Array, from: number, to: number, t: Table, origin: number, length: number, values: Float64Array[], measured: Int32Array[], dense: Float64Array[]): number {`
      : `function buildKernels(source, rows, from, to, t, origin, length, values, measured, dense) {`,
  );
  out.push(`  let magnitude = 0;`);
  plan.data.forEach((schema, source) => {
    const own = sums.filter((s) => s.data === schema.name).sort((a, b) => a.id - b.id);
    if (!own.length) return;
    out.push(`  if (source === ${source}) {`);
    out.push(`    // data ${oneLine(schema.name)}: ${own.map((s) => `sum ${s.id} = ${oneLine(rowExprText(s.row))}${s.filter ? ` (rows where ${oneLine(s.filter)} is given)` : ""}`).join("; ")}`);
    out.push(`    const period = t.period;`);
    const columns = new Map<string, string>();
    const column = (field: string): string => {
      let name = columns.get(field);
      if (!name) {
        columns.set(field, (name = `F${columns.size}`));
        out.push(`    const ${name} = t.counts[${JSON.stringify(field)}]${nn};`);
      }
      return name;
    };
    const rowCode = (e: RowExpr): string => {
      switch (e.k) {
        case "field":
          return `${column(e.field)}[row]${nn}`;
        case "lit":
          return String(e.value);
        case "arith":
          return `(${rowCode(e.left)} ${e.op} ${rowCode(e.right)})`;
      }
    };
    const exprs = own.map((s) => ({ s, value: rowCode(s.row), filter: s.filter === undefined ? undefined : column(s.filter) }));
    const isDense = (id: number): boolean => usage.dense.has(id);
    const isPrefix = (id: number): boolean => usage.prefix.has(id);
    for (const s of own) {
      if (isDense(s.id)) {
        out.push(`    const D${s.id} = dense[${s.id}]${nn};`);
        out.push(`    D${s.id}.fill(NaN);`);
      }
      if (isPrefix(s.id)) {
        out.push(`    const V${s.id} = values[${s.id}]${nn};`);
        out.push(`    const M${s.id} = measured[${s.id}]${nn};`);
        out.push(`    V${s.id}.fill(0);`);
        out.push(`    M${s.id}.fill(0);`);
      }
      out.push(`    let a${s.id} = 0;`);
    }
    out.push(`    for (let r = from; r < to; r++) {`);
    out.push(`      const row = rows[r]${nn};`);
    out.push(`      const m = period[row]${nn} - origin;`);
    for (const { s, value, filter } of exprs) {
      const test = filter ? `x${s.id} === x${s.id} && ${filter}[row]${nn} === ${filter}[row]${nn}` : `x${s.id} === x${s.id}`;
      out.push(`      const x${s.id} = ${value};`);
      out.push(`      if (${test}) {`);
      if (isDense(s.id)) out.push(`        D${s.id}[m] = D${s.id}[m]${nn} === D${s.id}[m]${nn} ? D${s.id}[m]${nn} + x${s.id} : x${s.id};`);
      if (isPrefix(s.id)) {
        out.push(`        V${s.id}[m] = V${s.id}[m]${nn} + x${s.id};`);
        out.push(`        M${s.id}[m] = M${s.id}[m]${nn} + 1;`);
      }
      out.push(`        a${s.id} += x${s.id} < 0 ? -x${s.id} : x${s.id};`);
      out.push(`      }`);
    }
    out.push(`    }`);
    const prefixed = own.filter((s) => isPrefix(s.id));
    if (prefixed.length) {
      out.push(`    for (let m = 1; m <= length; m++) {`);
      for (const s of prefixed) {
        out.push(`      V${s.id}[m] = V${s.id}[m]${nn} + V${s.id}[m - 1]${nn};`);
        out.push(`      M${s.id}[m] = M${s.id}[m]${nn} + M${s.id}[m - 1]${nn};`);
      }
      out.push(`    }`);
    }
    out.push(`    // Integers add up exactly in doubles while no partial total passes 2^53: the runtime checks the largest magnitude.`);
    for (const s of own) out.push(`    if (a${s.id} > magnitude) magnitude = a${s.id};`);
    out.push(`  }`);
  });
  out.push(`  return magnitude;`);
  out.push(`}`);
  return out.join("\n");
}


class CriteriaEmitter {
  /** Emitting the held kernel: truth values as (true, false) boolean pairs, no range checks. */
  private held = false;
  /** The held kernel's locals by the expression they hold (a share's sign and denominator are often the same). */
  private readonly sameValue = new Map<string, string>();
  private lines: string[] = [];
  private temp = 0;
  /** The assessment period's months as locals: windows are taken relative to it. */
  private period: Win;
  private indent = "    ";
  private readonly measures = new Map<string, Plan["measures"][number]>();
  /** Measures computed once per period at the period's own window: name → their locals. */
  private shared = new Map<string, Val>();
  /** The sums the function being emitted reads: as months' totals (dense) and as prefix sums. */
  private sumIds = { dense: new Set<number>(), prefix: new Set<number>() };
  /** The distinct bounds the function's range checks rely on (see guardRange). */
  private bounds = new Map<number, Bound>();
  /** Sums already computed in this period, by id and window: each is read once. */
  private sumsAt = new Map<string, Num>();
  /**
   * Comparisons already decided, by what they compare and window: an explanation's text and its
   * numbers share one, and so do criteria that write the same condition (both of the 2020 early
   * effort's criteria require `borgere mindst 10`: it is decided once per unit and period).
   */
  private comparisonsAt = new Map<string, Val>();
  /** A comparison's structure without its place in the file (the key comparisonsAt shares by). */
  private readonly structure = new WeakMap<PExpr, string>();
  /** Measures already computed, by name and window (the window's locals name it uniquely). */
  private measuresAt = new Map<string, Val>();

  constructor(
    private readonly plan: Plan,
    private readonly typed: boolean,
    private readonly usage: SumUsage,
  ) {
    for (const m of plan.measures) this.measures.set(m.name, m);
    this.period = this.periodWindow();
  }

  /** The assessment period's own window: one month when the cadence is monthly. */
  private periodWindow(): Win {
    // The runtime's periods of a monthly assessment are the data's months, so no bounds check is needed.
    return this.plan.assessment?.cadence === "månedlig" ? { f: "pf", l: "pl", one: "pf", inData: true } : { f: "pf", l: "pl" };
  }

  /**
   * The criteria's explanations as a function `explainCriterion(k, criterion, pf, pl, h)`: the
   * runtime's explainCriterion (runtime/engine.ts) partially evaluated for this plan. Every text
   * (terms, labels, literals) is fixed here; only the numbers are read from the prefix sums at
   * run time, so a contact's explanation costs a few additions and the formatting of its
   * numbers. The values object receives its keys in the interpreter's order, so the JSON is the
   * same byte for byte (the conformance tests compare the two).
   */
  emitExplainer(): string {
    this.sumIds = { dense: new Set(), prefix: new Set() };
    const blocks: string[] = [];
    this.plan.criteria.forEach((c, ci) => {
      const P = this.beginExplanation(c.name);
      // The facts are the guard's and the condition's phrases joined by ", og ".
      const guard: Piece[] = [];
      if (c.guard) {
        this.collect(c.guard, P, "values");
        this.line(`const guard = ${cat(this.describe(c.guard, P))};`);
        guard.push(code("guard"), lit(", og "));
      }
      if (c.streak !== undefined) {
        const n = c.streak;
        const main = findComparison(c.when);
        this.line(`let months = "";`);
        this.line(`for (let m = pl - ${n - 1}; m <= pl; m++) {`);
        const outer = this.indent;
        this.indent += "  ";
        const M: Win = { f: "m", l: "m", one: "m" };
        this.period = M;
        this.line(`const label = h.label(m);`);
        // The month's numbers go straight into values as "name YYYY-MM".
        this.collect(c.when, M, "values", "m");
        if (main) this.line(`months += ${cat([code(`(m > pl - ${n - 1} ? ", " : "")`), code("label"), lit(": "), code(this.sideCode(main, M, 0))])};`);
        this.indent = outer;
        this.line(`}`);
        this.period = P;
        this.line(`const facts = ${cat([...guard, ...this.describe(c.when, P), lit(` i hver af de ${n} sammenhængende måneder (`), code("months"), lit(")")])};`);
      } else {
        this.collect(c.when, P, "values");
        this.line(`const facts = ${cat([...guard, ...this.describe(c.when, P)])};`);
      }
      this.line(`return big ? undefined : { facts, values };`);
      blocks.push(`  if (criterion === ${ci}) {`, ...this.lines, `  }`);
    });
    return this.explainerFunction("explainCriterion", "criterion", blocks);
  }

  /**
   * The reviews' explanations as a function `explainReview(k, review, pf, pl, h)` (months pf..pl
   * of the year): the facts and values the interpreter's runReviews gives a `gennemgang` event
   * (describe and collectValues of the review's condition), read from the same prefix sums.
   */
  emitReviewExplainer(): string {
    this.sumIds = { dense: new Set(), prefix: new Set() };
    const blocks: string[] = [];
    this.plan.reviews.forEach((r, ri) => {
      const P = this.beginExplanation(r.name);
      this.collect(r.when, P, "values");
      this.line(`const facts = ${cat(this.describe(r.when, P))};`);
      this.line(`return big ? undefined : { facts, values };`);
      blocks.push(`  if (review === ${ri}) {`, ...this.lines, `  }`);
    });
    return this.explainerFunction("explainReview", "review", blocks);
  }

  /** Fresh per-block state: no lines, nothing computed yet, windows relative to the period. */
  private beginBlock(): void {
    this.lines = [];
    this.sumsAt = new Map();
    this.comparisonsAt = new Map();
    this.measuresAt = new Map();
    this.shared = new Map();
    this.period = this.periodWindow();
    this.indent = "    ";
  }

  /** Start one rule's explanation block: fresh per-block state, and its \`big\` flag and values object. */
  private beginExplanation(name: string): Win {
    this.beginBlock();
    this.line(`// ${oneLine(name)}`);
    this.line(`let big = false;`);
    this.line(`const values${this.typed ? ": Record<string, EventValue>" : ""} = h.record();`);
    return this.periodWindow();
  }

  /** An explainer \`fn(k, which, pf, pl, h)\` over the blocks, reading the prefix sums the blocks used. */
  private explainerFunction(fn: string, which: string, blocks: string[]): string {
    const T = this.typed;
    const sig = T
      ? `function ${fn}(k: UnitKernels, ${which}: number, pf: number, pl: number, h: ExplainHelpers): { facts: string; values: Record<string, EventValue> } | undefined {`
      : `function ${fn}(k, ${which}, pf, pl, h) {`;
    const body = [sig, `  if (k.unsafe) return undefined;`, `  const origin = k.firstMonth;`, `  const end = k.lastMonth;`, ...this.rangeLocals("  ")];
    body.push(...this.sumLocals());
    body.push(...blocks, `  return undefined;`, `}`);
    return body.join("\n");
  }

  /** Code for formatValue of a value (runtime/values.ts, through the helpers). */
  private fmtCode(v: Val, type: ValueType): string {
    if (v.kind === "bool") return `(${v.b} === 2 ? "ikke målt" : ${v.b} === 1 ? "opfyldt" : "ikke opfyldt")`;
    return `h.fmt(${v.n}, ${v.d}, ${v.u}, ${literal(type)})`;
  }

  /**
   * Code for one side (0 left, 1 right) of formatCompared (runtime/values.ts) of a comparison.
   * A whole number that is not a share is shown as its digits whatever the other side (more
   * decimals only ever show a fraction), so it needs no helper.
   */
  private sideCode(e: Extract<PExpr, { k: "cmp" }>, w: Win, which: 0 | 1): string {
    const holds = this.truth(this.value(e, w));
    const a = this.num(this.value(e.left, w));
    const b = this.num(this.value(e.right, w));
    const own = which === 0 ? a : b;
    const type = (which === 0 ? e.left : e.right).type;
    if (own.d === "1" && type !== "andel") return own.u === "false" ? `String(${own.n})` : `(${own.u} ? "ikke målt" : String(${own.n}))`;
    const side = (v: Num, x: PExpr) => `${v.n}, ${v.d}, ${v.u}, ${literal(x.type)}, ${x.k === "lit"}`;
    return `h.side(${which}, ${literal(e.op)}, ${side(a, e.left)}, ${side(b, e.right)}, ${holds})`;
  }

  /** Code for jsonValue of a value. */
  private jsonCode(v: Val, type: ValueType): string {
    if (v.kind === "bool") return `(${v.b} === 2 ? null : ${v.b} === 1)`;
    return `h.json(${v.n}, ${v.d}, ${v.u}, ${literal(type)})`;
  }

  /**
   * Statements that put the numbers a decision used into `target` (the interpreter's
   * collectValues); with `month`, a local holding a month number, each name gets the month's
   * label after a space (h.key).
   */
  private collect(e: PExpr, w: Win, target: string, month?: string): void {
    const key = (name: string): string => (month ? `h.key(${literal(name)}, ${month})` : literal(name));
    const record = (x: PExpr): void => {
      switch (x.k) {
        case "lit":
          return;
        case "measure": {
          const m = this.measures.get(x.name)!;
          this.line(`${target}[${key(x.name)}] = ${this.jsonCode(this.value(x, w), x.type)};`);
          if (m.type === "sandhed") this.collect(m.expr, w, target, month);
          return;
        }
        case "sum":
        case "mean":
        case "window":
          this.line(`${target}[${key(termOf(x, this.measures))}] = ${this.jsonCode(this.value(x, w), x.type)};`);
          return;
        case "arith":
          record(x.left);
          record(x.right);
          return;
        case "neg":
          record(x.operand);
          return;
        case "field":
        case "remembered":
          throw new Unsupported();
        default:
          this.collect(x, w, target, month);
      }
    };
    switch (e.k) {
      case "cmp":
        record(e.left);
        record(e.right);
        return;
      case "and":
      case "or":
        this.collect(e.left, w, target, month);
        this.collect(e.right, w, target, month);
        return;
      case "not":
        this.collect(e.operand, w, target, month);
        return;
      default:
        record(e);
    }
  }

  /**
   * The interpreter's describe(e) as pieces of one string: the Danish phrase with its numbers.
   * Each comparison is a three-way choice of whole phrases, so its fixed words are one literal.
   */
  private describe(e: PExpr, w: Win): Piece[] {
    switch (e.k) {
      case "cmp": {
        const holds = this.truth(this.value(e, w));
        const side = (x: PExpr, i: 0 | 1): Piece[] => {
          if (x.k === "lit") return [lit(x.text)];
          const shown = this.decl(this.fresh("t"), this.sideCode(e, w, i));
          return [lit(`${termOf(x, this.measures)} (`), code(shown), lit(")")];
        };
        const left = side(e.left, 0);
        const right = side(e.right, 1);
        const word = compareWords[e.op];
        const phrase = (middle: string) => cat([...left, lit(middle), ...right]);
        return [code(`(${holds} === 2 ? ${phrase(" kan ikke sammenlignes med ")} : ${holds} === 1 ? ${phrase(` er ${word} `)} : ${phrase(` er ikke ${word} `)})`)];
      }
      case "and":
        return [...this.describe(e.left, w), lit(", og "), ...this.describe(e.right, w)];
      case "or":
        return [...this.describe(e.left, w), lit(", eller "), ...this.describe(e.right, w)];
      case "not":
        return this.describe(e.operand, w);
      case "measure": {
        const m = this.measures.get(e.name)!;
        const v = this.value(e, w);
        const state = v.kind === "bool" ? code(`(${v.b} === 2 ? "ikke målt" : ${v.b} === 1 ? "opfyldt" : "ikke opfyldt")`) : lit("ikke målt");
        return [lit(`${m.name} er `), state, lit(" ("), ...this.describe(m.expr, w), lit(")")];
      }
      default:
        return [lit(`${termOf(e, this.measures)} er `), code(this.fmtCode(this.value(e, w), e.type))];
    }
  }

  private line(text: string): void {
    this.lines.push(this.indent + text);
  }

  private fresh(prefix: string): string {
    return `${prefix}${this.temp++}`;
  }

  private decl(name: string, value: string): string {
    this.line(`const ${name} = ${value};`);
    return name;
  }

  /** In the held kernel (one scope per period): a local for `value`, shared with an earlier one that computes the same. */
  private sharedDecl(name: string, value: string): string {
    const seen = this.sameValue.get(value);
    if (seen) return seen;
    this.sameValue.set(value, name);
    return this.decl(name, value);
  }

  /** The measures the criteria name at the period's own window, computed once per period and shared by every criterion. */
  private sharedMeasures(base: Win): void {
    const direct = new Set<string>();
    for (const c of this.plan.criteria) {
      if (c.guard) directMeasures(c.guard, direct);
      directMeasures(c.when, direct);
    }
    this.indent = "    ";
    for (const m of this.plan.measures) {
      if (!direct.has(m.name)) continue;
      this.line(`// mål ${oneLine(m.name)}: ${oneLine(m.label)}`);
      this.shared.set(m.name, this.settle(this.value(m.expr, base), `m_${this.shared.size}`));
    }
  }

  emit(): string {
    const T = this.typed;
    const body: string[] = [];
    const base: Win = this.periodWindow();
    this.sharedMeasures(base);
    this.plan.criteria.forEach((c, ci) => {
      this.line(``);
      this.line(`// kriterie ${oneLine(c.name)} (linje ${c.location.line}): ${oneLine(c.title)}`);
      let g = "1";
      if (c.guard) {
        this.line(`// forudsat ${oneLine(describeSource(c.guard))}`);
        g = this.truth(this.value(c.guard, base));
      }
      this.line(`// når ${oneLine(describeSource(c.when))}${c.streak !== undefined ? ` i ${c.streak} sammenhængende måneder` : ""}`);
      const w = this.truth(this.value(c.when, base));
      this.line(`let g${ci} = ${g};`);
      this.line(`let w${ci} = ${w};`);
      this.line(`if (big) {`);
      if (c.guard) this.line(`  g${ci} = exact(${ci}, 0, i);`);
      this.line(`  w${ci} = exact(${ci}, 1, i);`);
      this.line(`}`);
      this.line(`const b${ci} = g${ci} === 0 || w${ci} === 0 ? 0 : g${ci} === 2 || w${ci} === 2 ? 2 : 1;`);
      if (c.guard) this.line(`G${ci}[i] = g${ci};`);
      if (c.streak !== undefined) {
        this.line(`run${ci} = b${ci} === 1 ? run${ci} + 1 : 0;`);
        this.line(`H${ci}[i] = run${ci} >= ${c.streak} ? 1 : b${ci} === 2 ? 2 : 0;`);
      } else {
        this.line(`H${ci}[i] = b${ci};`);
      }
    });
    const sig = T
      ? `function decideCriteria(k: UnitKernels, first: Int32Array, last: Int32Array, guards: Int8Array[], holds: Int8Array[], exact: (criterion: number, part: 0 | 1, period: number) => number): void {`
      : `function decideCriteria(k, first, last, guards, holds, exact) {`;
    body.push(sig);
    body.push(`  const origin = k.firstMonth;`);
    body.push(`  const end = k.lastMonth;`);
    body.push(`  // Totals beyond ±2^53 may have rounded: then every period is decided exactly.`);
    body.push(`  const unsafe = k.unsafe;`);
    body.push(...this.rangeLocals("  "));
    body.push(...this.sumLocals());
    this.plan.criteria.forEach((c, ci) => {
      if (c.guard) body.push(`  const G${ci} = guards[${ci}]${T ? "!" : ""};`);
      body.push(`  const H${ci} = holds[${ci}]${T ? "!" : ""};`);
      if (c.streak !== undefined) body.push(`  let run${ci} = 0;`);
    });
    body.push(`  for (let i = 0; i < first.length; i++) {`);
    body.push(`    const pf = first[i]${T ? "!" : ""};`);
    body.push(`    const pl = last[i]${T ? "!" : ""};`);
    body.push(`    let big = unsafe;`);
    body.push(...this.lines);
    body.push(`  }`);
    body.push(`}`);
    return body.join("\n");
  }

  /**
   * `criteriaHeld(k, first, last, holds)`: whether each criterion held (1) or not (0) in each
   * period (with a written account: decided false 0, not measured 2), for a unit whose numbers
   * cannot leave the safe range (else it returns false at once).
   * A comparison is true when measured and the cross-multiplication holds, and false when
   * measured and it does not; og, eller and ikke combine the pairs as Kleene's logic does.
   */
  emitHeld(): string {
    const T = this.typed;
    this.held = true;
    const base: Win = this.periodWindow();
    this.sharedMeasures(base);
    // A written account ends its episode when a criterion is decided false, so with one the
    // kernel tells "decided false" (0) from "not measured" (2).
    const decided = this.plan.reaction?.account !== undefined;
    this.plan.criteria.forEach((c, ci) => {
      this.line(``);
      this.line(`// kriterie ${oneLine(c.name)} (linje ${c.location.line}): ${oneLine(c.title)}`);
      if (c.guard) this.line(`// forudsat ${oneLine(describeSource(c.guard))}`);
      const g = c.guard ? this.value(c.guard, base) : undefined;
      this.line(`// når ${oneLine(describeSource(c.when))}${c.streak !== undefined ? ` i ${c.streak} sammenhængende måneder` : ""}`);
      const w = this.value(c.when, base);
      const holds = g ? `${this.truth(g)} && ${this.truth(w)}` : this.truth(w);
      if (!decided) {
        if (c.streak !== undefined) {
          this.line(`run${ci} = ${holds} ? run${ci} + 1 : 0;`);
          this.line(`H${ci}[i] = run${ci} >= ${c.streak} ? 1 : 0;`);
        } else this.line(`H${ci}[i] = ${holds} ? 1 : 0;`);
        return;
      }
      const fails = g ? `${this.falsity(g)} || ${this.falsity(w)}` : this.falsity(w);
      this.line(`// 1 held; 0 decided false; 2 not measured (NaN)`);
      this.line(`const t${ci} = ${holds};`);
      if (c.streak !== undefined) {
        this.line(`run${ci} = t${ci} ? run${ci} + 1 : 0;`);
        this.line(`H${ci}[i] = run${ci} >= ${c.streak} ? 1 : t${ci} || ${fails} ? 0 : 2;`);
      } else this.line(`H${ci}[i] = t${ci} ? 1 : ${fails} ? 0 : 2;`);
    });
    const body = [
      T
        ? `function criteriaHeld(k: UnitKernels, first: Int32Array, last: Int32Array, holds: Int8Array[]): boolean {`
        : `function criteriaHeld(k, first, last, holds) {`,
      `  if (k.unsafe) return false;`,
      `  const origin = k.firstMonth;`,
      `  const end = k.lastMonth;`,
    ];
    const range = this.rangeLocals("  ");
    if (range.length) body.push(...range, `  // A product could leave the safe integer range: decideCriteria decides the unit.`, `  if (!safe) return false;`);
    body.push(...this.sumLocals());
    this.plan.criteria.forEach((c, ci) => {
      body.push(`  const H${ci} = holds[${ci}]${T ? "!" : ""};`);
      if (c.streak !== undefined) body.push(`  let run${ci} = 0;`);
    });
    body.push(`  for (let i = 0; i < first.length; i++) {`);
    body.push(`    const pf = first[i]${T ? "!" : ""};`);
    if (this.lines.some((l) => /\bpl\b/.test(l))) body.push(`    const pl = last[i]${T ? "!" : ""};`);
    body.push(...withoutUnusedFalsity(this.lines));
    body.push(`  }`, `  return true;`, `}`);
    return body.join("\n");
  }

  /**
   * Every review (`årligt når …`) decided for one unit over the years, as the criteria are:
   * `decideReviews(k, first, last, holds, exact)` writes 1, 0 or 2 into holds[review][year].
   */
  emitReviews(): string {
    const T = this.typed;
    this.sumIds = { dense: new Set(), prefix: new Set() };
    this.beginBlock();
    const base: Win = { f: "pf", l: "pl" };
    this.plan.reviews.forEach((r, ri) => {
      this.line(`// gennemgang ${oneLine(r.name)} (linje ${r.location.line}): ${oneLine(r.title)}`);
      this.line(`// årligt når ${oneLine(describeSource(r.when))}`);
      const w = this.truth(this.value(r.when, base));
      this.line(`H${ri}[i] = big ? exact(${ri}, i) : ${w};`);
    });
    const body = [
      T
        ? `function decideReviews(k: UnitKernels, first: Int32Array, last: Int32Array, holds: Int8Array[], exact: (review: number, year: number) => number): void {`
        : `function decideReviews(k, first, last, holds, exact) {`,
      `  const origin = k.firstMonth;`,
      `  const end = k.lastMonth;`,
      `  const unsafe = k.unsafe;`,
      ...this.rangeLocals("  "),
    ];
    body.push(...this.sumLocals());
    this.plan.reviews.forEach((_, ri) => body.push(`  const H${ri} = holds[${ri}]${T ? "!" : ""};`));
    body.push(`  for (let i = 0; i < first.length; i++) {`, `    const pf = first[i]${T ? "!" : ""};`, `    const pl = last[i]${T ? "!" : ""};`, `    let big = unsafe;`);
    body.push(...this.lines, `  }`, `}`);
    return body.join("\n");
  }

  /** A value as locals, so it is computed once. */
  private settle(v: Val, name: string): Val {
    if (v.kind === "bool") return v.f !== undefined ? { kind: "bool", b: this.decl(name, v.b), f: this.decl(`${name}f`, v.f) } : { kind: "bool", b: this.decl(name, v.b) };
    const n = this.decl(`${name}n`, v.n);
    const d = this.decl(`${name}d`, v.d);
    const u = v.u === "false" ? "false" : this.decl(`${name}u`, v.u);
    return { kind: "num", n, d, u, ...(v.bn ? { bn: v.bn } : {}), ...(v.bd ? { bd: v.bd } : {}) };
  }

  private truth(v: Val): string {
    if (v.kind !== "bool") throw new Unsupported();
    return v.b;
  }

  /** In the held kernel: whether a truth value is false. */
  private falsity(v: Val): string {
    if (v.kind !== "bool" || v.f === undefined) throw new Unsupported();
    return v.f;
  }

  private num(v: Val): Num {
    if (v.kind !== "num") throw new Unsupported();
    return v;
  }

  /**
   * Mark the period for the exact path when a product may have left the safe range. With a
   * static bound of every number checked, the check is made only for units whose magnitude
   * could reach the range (\`safe\`, computed once per unit by rangeLocals()).
   */
  private guardRange(bounds: (Bound | undefined)[], ...names: string[]): void {
    if (this.held) {
      // The held kernel runs only when nothing can leave the range, which needs every bound.
      if (!bounds.every((b) => b !== undefined)) throw new Unsupported();
      for (const b of bounds as Bound[]) if (b.k > (this.bounds.get(b.p)?.k ?? -1)) this.bounds.set(b.p, b);
      return;
    }
    const check = names.map((x) => `${x} > ${MAX} || ${x} < -${MAX}`).join(" || ");
    if (bounds.every((b) => b !== undefined)) {
      // Per power of A only the largest factor matters.
      for (const b of bounds as Bound[]) if (b.k > (this.bounds.get(b.p)?.k ?? -1)) this.bounds.set(b.p, b);
      this.line(`if (!safe && (${check})) big = true;`);
    } else this.line(`if (${check}) big = true;`);
  }

  /**
   * \`safe\`: no number bounded by this function's checks can pass 2^53 for this unit. The
   * bounds are compared with 2^52, so the rounding of k · A^p in doubles cannot matter.
   */
  private rangeLocals(indent: string): string[] {
    const bounds = [...this.bounds.values()].sort((a, b) => a.p - b.p);
    if (!bounds.length) return [];
    const tests = bounds.map((b) => (b.p === 0 ? `${b.k} <= 4503599627370496` : `${b.k} * ${b.p === 1 ? "A" : `A ** ${b.p}`} <= 4503599627370496`));
    return [`${indent}const A = k.magnitude > 1 ? k.magnitude : 1;`, `${indent}const safe = !k.unsafe && ${tests.join(" && ")};`];
  }

  /** A comparison decided exactly: a.n / a.d op b.n / b.d  ⇔  a.n · b.d op b.n · a.d (denominators are positive). */
  private comparison(e: Extract<PExpr, { k: "cmp" }>, w: Win): Val {
    const a = this.num(this.value(e.left, w));
    const b = this.num(this.value(e.right, w));
    if (this.held) {
      // An expression, not a local: after a guard's && it is computed only when the guard holds.
      // A number not measured is NaN here, and every comparison with NaN is false.
      const x = b.d === "1" ? a.n : `${a.n} * ${b.d}`;
      const y = a.d === "1" ? b.n : `${b.n} * ${a.d}`;
      if (x !== a.n || y !== b.n) this.guardRange([mulBound(a.bn, b.bd), mulBound(b.bn, a.bd)]);
      const op = { over: ">", mindst: ">=", under: "<", højst: "<=", lig: "===" }[e.op];
      // False when it does not hold and every local it reads is measured (not NaN).
      const measured = [...new Set(`${x} ${y}`.match(/\b[A-Za-z_]\w*\b/g) ?? [])].map((local) => ` && ${local} === ${local}`).join("");
      return { kind: "bool", b: `${x} ${op} ${y}`, f: `!(${x} ${op} ${y})${measured}` };
    }
    const t = this.fresh("c");
    // a.n / a.d op b.n / b.d  ⇔  a.n · b.d op b.n · a.d (denominators are positive).
    const x = b.d === "1" ? a.n : `${a.n} * ${b.d}`;
    const y = a.d === "1" ? b.n : `${b.n} * ${a.d}`;
    this.line(`const ${t}x = ${x};`);
    this.line(`const ${t}y = ${y};`);
    if (x !== a.n || y !== b.n) this.guardRange([mulBound(a.bn, b.bd), mulBound(b.bn, a.bd)], `${t}x`, `${t}y`);
    const op = { over: ">", mindst: ">=", under: "<", højst: "<=", lig: "===" }[e.op];
    const u = or(a.u, b.u);
    this.line(`const ${t} = ${u === "false" ? "" : `${u} ? 2 : `}${t}x ${op} ${t}y ? 1 : 0;`);
    return { kind: "bool", b: t };
  }

  private value(e: PExpr, w: Win): Val {
    switch (e.k) {
      case "lit": {
        const [n, d = "1"] = e.value.split("/");
        if (!Number.isSafeInteger(Number(n)) || !Number.isSafeInteger(Number(d))) throw new Unsupported();
        return { kind: "num", n: String(Number(n)), d: String(Number(d)), u: "false", bn: constantBound(n!), bd: constantBound(d) };
      }
      case "sum": {
        const key = `${e.id}@${w.f}..${w.l}`;
        const seen = this.sumsAt.get(key);
        if (seen) return seen;
        const t = this.fresh("s");
        if (w.one !== undefined) {
          // One month: its total, NaN when the unit has no measured row that month (or the month
          // lies outside the data).
          this.sumIds.dense.add(e.id);
          this.usage.dense.add(e.id);
          const at = `D${e.id}[${w.one} - origin + 1]${this.bang}`;
          if (this.held) {
            // NaN when not measured: it carries through + - * and makes every comparison false.
            this.line(`const ${t}n = ${w.inData ? at : `${w.one} < origin || ${w.one} > end ? NaN : ${at}`};`);
            const v: Num = { kind: "num", n: `${t}n`, d: "1", u: "false", bn: { k: 1, p: 1 }, bd: { k: 1, p: 0 } };
            this.sumsAt.set(key, v);
            return v;
          }
          this.line(`const ${t}x = ${w.inData ? at : `${w.one} < origin || ${w.one} > end ? NaN : ${at}`};`);
          this.line(`const ${t}u = ${t}x !== ${t}x;`);
          this.line(`const ${t}n = ${t}u ? 0 : ${t}x;`);
          const v: Num = { kind: "num", n: `${t}n`, d: "1", u: `${t}u`, bn: { k: 1, p: 1 }, bd: { k: 1, p: 0 } };
          this.sumsAt.set(key, v);
          return v;
        }
        this.sumIds.prefix.add(e.id);
        this.usage.prefix.add(e.id);
        // The window clipped to the data: lo..hi are positions in the prefix sums.
        this.line(`const ${t}lo = (${w.f} > origin ? ${w.f} : origin) - origin;`);
        this.line(`const ${t}hi = (${w.l} < end ? ${w.l} : end) - origin;`);
        this.line(`const ${t}u = ${t}hi < ${t}lo || M${e.id}[${t}hi + 1]${this.bang} - M${e.id}[${t}lo]${this.bang} === 0;`);
        this.line(`const ${t}n = ${t}u ? ${this.held ? "NaN" : "0"} : V${e.id}[${t}hi + 1]${this.bang} - V${e.id}[${t}lo]${this.bang};`);
        const v: Num = { kind: "num", n: `${t}n`, d: "1", u: this.held ? "false" : `${t}u`, bn: { k: 1, p: 1 }, bd: { k: 1, p: 0 } };
        this.sumsAt.set(key, v);
        return v;
      }
      case "measure": {
        const own = w.f === "pf" && w.l === "pl" ? this.shared.get(e.name) : undefined;
        if (own) return own;
        const key = `${e.name}@${w.f}..${w.l}`;
        const seen = this.measuresAt.get(key);
        if (seen) return seen;
        const v = this.settle(this.value(this.measures.get(e.name)!.expr, w), this.fresh("m"));
        this.measuresAt.set(key, v);
        return v;
      }
      case "arith": {
        const a = this.num(this.value(e.left, w));
        const b = this.num(this.value(e.right, w));
        const t = this.fresh("a");
        const u = or(a.u, b.u);
        switch (e.op) {
          case "+":
          case "-": {
            if (a.d === "1" && b.d === "1") {
              this.line(`const ${t}n = ${a.n} ${e.op} ${b.n};`);
              const bn = addBound(a.bn, b.bn);
              this.guardRange([bn], `${t}n`);
              return { kind: "num", n: `${t}n`, d: "1", u, bn, bd: { k: 1, p: 0 } };
            }
            this.line(`const ${t}x = ${times(a.n, b.d)};`);
            this.line(`const ${t}y = ${times(b.n, a.d)};`);
            this.line(`const ${t}d = ${times(a.d, b.d)};`);
            this.line(`const ${t}n = ${t}x ${e.op} ${t}y;`);
            const bx = mulBound(a.bn, b.bd);
            const by = mulBound(b.bn, a.bd);
            const bd = mulBound(a.bd, b.bd);
            const bn = addBound(bx, by);
            this.guardRange([bx, by, bd, bn], `${t}x`, `${t}y`, `${t}d`, `${t}n`);
            return { kind: "num", n: `${t}n`, d: `${t}d`, u, bn, bd };
          }
          case "*": {
            this.line(`const ${t}n = ${times(a.n, b.n)};`);
            this.line(`const ${t}d = ${times(a.d, b.d)};`);
            const bn = mulBound(a.bn, b.bn);
            const bd = mulBound(a.bd, b.bd);
            this.guardRange([bn, bd], `${t}n`, `${t}d`);
            return { kind: "num", n: `${t}n`, d: `${t}d`, u, bn, bd };
          }
          case "/": {
            if (this.held) {
              // A share of an empty population is not measured: NaN. The sign lives in the numerator.
              const sign = this.sharedDecl(`${t}s`, `${b.n} < 0 ? -1 : 1`);
              const n = this.sharedDecl(`${t}n`, `${sign} * ${times(a.n, b.d)}`);
              const d = this.sharedDecl(`${t}d`, `${b.n} === 0 ? NaN : ${sign} * ${times(a.d, b.n)}`);
              const bn = mulBound(a.bn, b.bd);
              const bd = mulBound(a.bd, b.bn);
              this.guardRange([bn, bd]);
              return { kind: "num", n, d, u: "false", bn, bd };
            }
            // A share of an empty population is not measured. The sign lives in the numerator.
            this.line(`const ${t}u = ${u} || ${b.n} === 0;`);
            this.line(`const ${t}s = ${b.n} < 0 ? -1 : 1;`);
            this.line(`const ${t}n = ${t}s * ${times(a.n, b.d)};`);
            this.line(`const ${t}d = ${t}s * ${times(a.d, b.n)};`);
            const bn = mulBound(a.bn, b.bd);
            const bd = mulBound(a.bd, b.bn);
            this.guardRange([bn, bd], `${t}n`, `${t}d`);
            return { kind: "num", n: `${t}n`, d: `${t}d`, u: `${t}u`, bn, bd };
          }
        }
        break;
      }
      case "neg": {
        const a = this.num(this.value(e.operand, w));
        return { kind: "num", n: `(-${a.n})`, d: a.d, u: a.u, ...(a.bn ? { bn: a.bn } : {}), ...(a.bd ? { bd: a.bd } : {}) };
      }
      case "cmp": {
        let shape = this.structure.get(e);
        if (shape === undefined) this.structure.set(e, (shape = JSON.stringify(e, (name, v: unknown) => (name === "loc" ? undefined : v))));
        const key = `${shape}@${w.f}..${w.l}`;
        const seen = this.comparisonsAt.get(key);
        if (seen) return seen;
        const decided = this.comparison(e, w);
        this.comparisonsAt.set(key, decided);
        return decided;
      }
      case "and":
      case "or": {
        if (this.held) {
          const a = this.value(e.left, w);
          const b = this.value(e.right, w);
          // Kleene: og is true when both are, false when either is; eller the other way round.
          const [both, either] = e.k === "and" ? ["&&", "||"] : ["||", "&&"];
          return { kind: "bool", b: `(${this.truth(a)}) ${both} (${this.truth(b)})`, f: `(${this.falsity(a)}) ${either} (${this.falsity(b)})` };
        }
        const a = this.truth(this.value(e.left, w));
        const b = this.truth(this.value(e.right, w));
        const t = this.fresh("l");
        // Kleene: false og ? = false, true eller ? = true.
        const dominant = e.k === "and" ? 0 : 1;
        this.line(`const ${t} = ${a} === ${dominant} || ${b} === ${dominant} ? ${dominant} : ${a} === 2 || ${b} === 2 ? 2 : ${1 - dominant};`);
        return { kind: "bool", b: t };
      }
      case "not": {
        if (this.held) {
          const v = this.value(e.operand, w);
          return { kind: "bool", b: this.falsity(v), f: this.truth(v) };
        }
        const a = this.truth(this.value(e.operand, w));
        const t = this.fresh("l");
        this.line(`const ${t} = ${a} === 2 ? 2 : 1 - ${a};`);
        return { kind: "bool", b: t };
      }
      case "window": {
        // Windows are relative to the assessment period (for an explanation's month, that month).
        const t = this.fresh("w");
        const kind = windowKind(e.window);
        this.line(`const ${t}f = ${kind.firstCode(e.window, this.period.f, this.period.l)};`);
        this.line(`const ${t}l = ${kind.lastCode(e.window, this.period.f, this.period.l)};`);
        return this.value(e.operand, { f: `${t}f`, l: `${t}l` });
      }
      case "mean": {
        // The mean of the operand's monthly values over the window; not measured if any month
        // is not (the runtime's mean). Added up as one fraction; the exact path takes over when
        // the denominators' product would leave the safe range.
        const t = this.fresh("mean");
        const m = `${t}m`;
        this.line(`let ${t}n = 0;`);
        this.line(`let ${t}d = 1;`);
        this.line(`let ${t}u = ${w.l} < ${w.f};`);
        this.line(`for (let ${m} = ${w.f}; ${m} <= ${w.l} && !${t}u; ${m}++) {`);
        const outer = this.indent;
        this.indent += "  ";
        const v = this.num(this.value(e.operand, { f: m, l: m, one: m }));
        if (v.u !== "false") this.line(`if (${v.u}) { ${t}u = true; continue; }`);
        if (v.d === "1") {
          this.line(`${t}n = ${t}d === 1 ? ${t}n + ${v.n} : ${t}n + ${v.n} * ${t}d;`);
        } else {
          this.line(`${t}n = ${t}n * ${v.d} + ${v.n} * ${t}d;`);
          this.line(`${t}d = ${t}d * ${v.d};`);
        }
        this.guardRange([undefined], `${t}n`, `${t}d`);
        this.indent = outer;
        this.line(`}`);
        // n/d divided by the number of months.
        this.line(`const ${t}c = ${w.l} - ${w.f} + 1;`);
        this.line(`const ${t}q = ${t}d * ${t}c;`);
        this.guardRange([undefined], `${t}q`);
        return { kind: "num", n: `${t}n`, d: `${t}q`, u: `${t}u` };
      }
      case "field":
      case "remembered":
        throw new Unsupported();
    }
    throw new Unsupported();
  }

  /** The function's locals for the sums it reads (declared once, before its loop). */
  private sumLocals(): string[] {
    const nn = this.bang;
    const out: string[] = [];
    for (const id of [...this.sumIds.dense].sort((a, b) => a - b)) out.push(`  const D${id} = k.dense[${id}]${nn};`);
    for (const id of [...this.sumIds.prefix].sort((a, b) => a - b)) {
      out.push(`  const V${id} = k.values[${id}]${nn};`);
      out.push(`  const M${id} = k.measured[${id}]${nn};`);
    }
    return out;
  }

  private get bang(): string {
    return this.typed ? "!" : "";
  }
}

/**
 * The held kernel's lines without the "is false" locals nothing reads (only ikke and eller read
 * them), so the module shows the conditions it decides and nothing more.
 */
function withoutUnusedFalsity(lines: string[]): string[] {
  let kept = lines;
  for (;;) {
    const unused = kept.filter((line) => {
      const name = /^\s*const (\w+f) = /.exec(line)?.[1];
      return name !== undefined && !kept.some((other) => other !== line && new RegExp(`\\b${name}\\b`).test(other));
    });
    if (!unused.length) return kept;
    kept = kept.filter((line) => !unused.includes(line));
  }
}

/** A piece of a string being built: fixed text, or code for a string. */
type Piece = { lit: string } | { code: string };
const lit = (text: string): Piece => ({ lit: text });
const code = (c: string): Piece => ({ code: c });

/** Code concatenating the pieces, with adjacent fixed texts joined into one literal (through literal()). */
function cat(pieces: Piece[]): string {
  const out: string[] = [];
  let text: string | undefined;
  for (const p of pieces) {
    if ("lit" in p) text = (text ?? "") + p.lit;
    else {
      if (text !== undefined) out.push(literal(text));
      text = undefined;
      out.push(p.code);
    }
  }
  if (text !== undefined) out.push(literal(text));
  return out.length ? out.join(" + ") : '""';
}

const times = (a: string, b: string): string => (a === "1" ? b : b === "1" ? a : `${a} * ${b}`);

const or = (a: string, b: string): string => (a === "false" ? b : b === "false" ? a : `(${a} || ${b})`);

/** Measures a condition names outside any window (computed at the period's own window). */
function directMeasures(e: PExpr, into: Set<string>): void {
  walkPlan(e, (x) => {
    if (x.k === "measure") into.add(x.name);
    return x.k !== "mean" && x.k !== "window";
  });
}

/** The condition as the policy wrote it (the comparisons keep their source text). */
function describeSource(e: PExpr): string {
  switch (e.k) {
    case "cmp":
      return e.text ?? "";
    case "measure":
      return e.name;
    case "and":
      return `${describeSource(e.left)} og ${describeSource(e.right)}`;
    case "or":
      return `${describeSource(e.left)} eller ${describeSource(e.right)}`;
    case "not":
      return `ikke ${describeSource(e.operand)}`;
    default:
      return "";
  }
}

/** Policy text inside a line comment: always through literal(), which escapes every line break. */
const oneLine = (text: string): string => literal(text);
