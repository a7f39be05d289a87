// The evaluator: walks a plan over columnar tables and produces events.
//
// Per policy, once per evaluation unit (a kommune, or a kommune and benefit group), in time
// order:
//   1. criteria  — each assessment period's guard and condition; a streak counter for
//                  "i N sammenhængende måneder" (one pass over the months);
//   2. reaction  — the contacts that follow, with suspensions, re-contact rule, the yearly
//                  maximum, the escalation ladder and the written account after N months;
//   3. reviews   — the yearly review of small kommuner;
//   4. machine   — the state machine stepped once per assessment, with remembered values and
//                  deadlines.
// Sums over windows come from prefix sums built once per (sum expression, unit): every window
// kernel is linear in the rows. Decisions use exact rationals (rational.ts).

import {
  addDuration,
  durationText,
  addMonths,
  compareDates,
  firstDayOfMonth,
  formatDate,
  lastDayOfMonth,
  monthOfDate,
  periodEnd,
  periodOf,
  periodsWithin,
  yearOf,
  type LocalDate,
  type MonthIndex,
  type Period,
} from "./calendar.js";
import { nameRecord, ownValue, type Table } from "./table.js";
import { RunEvent, sortEvents, type EvaluationResult, type EventType, type EventValue, type PendingTexts, type PolicyEvent, type SeriesPoint } from "./events.js";
import type { CompareOp, PExpr, Plan, PlanCalendar, PlanCriterion, PlanData, PlanMeasure, PlanTransition, PlanWindow, RowExpr, ValueType } from "./plan.js";
import { windowKind } from "./windows.js";
import { PUBLICATION_ANCHOR, rowExprText, walkPlan } from "./plan.js";
import type { Rational } from "./rational.js";
import { fromRational, qadd, qdiv, small, toRational, type Exact } from "./exact.js";
import {
  compareWords,
  formatCompared,
  formatComparedSmall,
  formatValue,
  isRational,
  jsonSmall,
  jsonValue,
  parseRationalLiteral,
  vAnd,
  vArith,
  vCompare,
  vNeg,
  vNot,
  vOr,
  and3,
  type Value,
} from "./values.js";

export interface EvaluateOptions {
  /** Keep only events dated in or after this month. */
  fromMonth?: MonthIndex;
  /** Keep only events dated in or before this month. */
  toMonth?: MonthIndex;
  /** Also return the measured series behind each criterion and review. */
  series?: boolean;
  /** Kommune code → name, for explanations. */
  kommuneNames?: ReadonlyMap<string, string>;
  /** Evaluate every assessment in the data as if the policy were in force (for comparing variants). */
  ignoreInForce?: boolean;
  /** Called for every decided comparison (rule coverage: was a threshold met exactly at its limit?). */
  onCompare?: (node: Extract<PExpr, { k: "cmp" }>, left: Rational, right: Rational, holds: boolean) => void;
  /** Called for every decision of a guard, criterion, review or transition condition. */
  onDecision?: (decision: Decision) => void;
  /**
   * Compiled code for a plan (what `tilsyn compile` emits): its functions decide the guards,
   * criteria, reviews and transitions, and explain contacts and reviews, instead of the
   * interpreter, which still explains what they do not (a state transition, a number beyond the
   * safe integer range). With `onCompare` the interpreter decides, since that hook reports each
   * comparison as it is made. The conformance corpus checks the events are the same either way.
   */
  compiled?: ReadonlyMap<Plan, CompiledPolicy>;
}

/** Where an expression is evaluated: a unit, a window of months and the assessment period. */
export interface EvalContext {
  readonly unit: { readonly kommune: string; readonly group?: string; readonly key: string; readonly n: number };
  /** The window (inclusive month indices). */
  first: MonthIndex;
  last: MonthIndex;
  readonly period: Period;
  readonly memory?: ReadonlyMap<string, Value>;
}

/** What compiled code asks of the runtime: the data, through window kernels. */
export interface Kernels {
  /** The plan's sum number `id` over the context's window (prefix sums: constant time). */
  sum(id: number, c: EvalContext): Value;
  /** A field that is not summed: a decimal of the cell's one row, or an annual value. */
  field(data: string, field: string, c: EvalContext): Value;
  /** The mean of `f` over the months of the window (not measured if a month is not). */
  mean(c: EvalContext, f: (c: EvalContext) => Value): Value;
  /** `f` over a window of the assessment period (runtime/windows.ts). */
  window(c: EvalContext, w: PlanWindow, f: (c: EvalContext) => Value): Value;
}

/** A function the compiler emitted for one expression. */
export type CompiledFn = (k: Kernels, c: EvalContext) => Value;

/**
 * The window kernels of one unit, as the compiled criteria read them: per sum id, prefix sums of
 * the values and of the measured rows over the months `firstMonth`..`lastMonth` (position
 * m - firstMonth + 1 holds the total up to month m).
 */
export interface UnitKernels {
  firstMonth: number;
  lastMonth: number;
  values: Float64Array[];
  measured: Int32Array[];
  /** Per sum id read over single months: the month's total at m - firstMonth + 1, NaN when no row was measured. */
  dense: Float64Array[];
  /**
   * The largest sum of magnitudes of one sum's values over the unit's rows: it bounds every window
   * total, so compiled code can tell once per unit that no product of the policy leaves ±2^53.
   */
  magnitude: number;
  /**
   * Some running total of this unit left the safe integer range (±2^53), so the prefix sums may
   * have rounded: every decision of the unit then takes the exact path.
   */
  unsafe: boolean;
}

/**
 * Every criterion of a policy decided for one unit (compiler/emit-criteria.ts): for period i
 * (months first[i]..last[i]) it writes 1 (true), 0 (false) or 2 (not measured) into
 * holds[criterion][i] (after any streak) and guards[criterion][i]. `exact` decides one part
 * (0 guard, 1 condition) by the exact bigint path when a product would leave the safe range.
 */
/**
 * Every sum over one data source (by its position in plan.data) for one unit, in the forms the
 * compiled kernels read: `rows[from .. to)` are the unit's rows, `origin` the month before the first,
 * `length` the months. values[id] and measured[id] (prefix sums) and dense[id] (each month's
 * total, NaN when not measured), all `length + 1` long, are filled in place for the sums read so.
 * The answer is the largest sum of magnitudes of a sum's values (UnitKernels.magnitude); past
 * 2^53 the unit's windows are added exactly.
 */
export type KernelBuilder = (
  source: number,
  rows: Int32Array,
  from: number,
  to: number,
  table: Table,
  origin: number,
  length: number,
  values: Float64Array[],
  measured: Int32Array[],
  dense: Float64Array[],
) => number;

export type CriteriaKernel = (
  k: UnitKernels,
  first: Int32Array,
  last: Int32Array,
  guards: Int8Array[],
  holds: Int8Array[],
  exact: (criterion: number, part: 0 | 1, period: number) => number,
) => void;

/**
 * The criteria as the reaction reads them: writes 1 (held) or 0 into holds[criterion][period]
 * (with a written account: 0 decided false, 2 not measured) and returns true, or returns false
 * without writing when the unit's numbers could leave the safe integer range (then
 * decideCriteria decides it).
 */
export type HeldKernel = (k: UnitKernels, first: Int32Array, last: Int32Array, holds: Int8Array[]) => boolean;

/** What compiled explanations need from the runtime: the one way values are shown. */
export interface ExplainHelpers {
  /** formatValue of n/d ("ikke målt" when `u`). */
  fmt(n: number, d: number, u: boolean, type: ValueType): string;
  /** jsonValue of n/d (null when `u`). */
  json(n: number, d: number, u: boolean, type: ValueType): EventValue;
  /** An empty values record (nameRecord). */
  record(): Record<string, EventValue>;
  /** The label of month m ("2021-03"). */
  label(m: number): string;
  /** `${name} ${label(m)}`: the key a streak month's number has in an event's values. */
  key(name: string, m: number): string;
  /**
   * One side (0 left, 1 right) of formatCompared of two sides n/d (u: not measured) and the
   * decision (0, 1, or 2 for not measured): the side's figure with as many decimals as the
   * decision needs.
   */
  side(
    which: 0 | 1,
    op: CompareOp,
    ln: number, ld: number, lu: boolean, lType: ValueType, lLiteral: boolean,
    rn: number, rd: number, ru: boolean, rType: ValueType, rLiteral: boolean,
    holds: number,
  ): string;
}

/**
 * A criterion's explanation for one unit and period (months pf..pl), compiled from the same
 * plan as the kernel and reading the same prefix sums: the Danish facts and the values a contact
 * shows. Undefined when a number would leave the safe integer range: then the interpreter
 * explains it exactly.
 */
export type CriteriaExplainer = (
  k: UnitKernels,
  criterion: number,
  pf: number,
  pl: number,
  h: ExplainHelpers,
) => { facts: string; values: Record<string, EventValue> } | undefined;

// Month labels and value keys are the same strings every time: made once, they are not built
// (nor hashed again as property keys) for every contact.
const monthLabels = new Map<number, string>();
const monthKeys = new Map<string, Map<number, string>>();

function monthLabel(m: number): string {
  let label = monthLabels.get(m);
  if (label === undefined) monthLabels.set(m, (label = periodOf("månedlig", m).label));
  return label;
}

export const explainHelpers: ExplainHelpers = {
  fmt: (n, d, u, type) => (u ? "ikke målt" : formatValue(small(n, d), type)),
  json: (n, d, u, type) => (u ? null : jsonSmall(n, d, type) ?? jsonValue(small(n, d), type)),
  record: nameRecord,
  label: monthLabel,
  key: (name, m) => {
    let byMonth = monthKeys.get(name);
    if (!byMonth) monthKeys.set(name, (byMonth = new Map()));
    let key = byMonth.get(m);
    if (key === undefined) byMonth.set(m, (key = `${name} ${monthLabel(m)}`));
    return key;
  },
  side: (which, op, ln, ld, lu, lType, lLiteral, rn, rd, ru, rType, rLiteral, holds) =>
    formatComparedSmall(which, op, ln, ld, lu, lType, lLiteral, rn, rd, ru, rType, rLiteral, holds) ??
    formatCompared(op, lu ? undefined : small(ln, ld), lType, lLiteral, ru ? undefined : small(rn, rd), rType, rLiteral, holds === 2 ? undefined : holds === 1)[which],
};

/**
 * Every review of a policy decided for one unit (compiler/emit-criteria.ts): for year i (months
 * first[i]..last[i]) it writes 1, 0 or 2 (not measured) into holds[review][i]; `exact` decides
 * one by the exact bigint path when a product would leave the safe range.
 */
export type ReviewKernel = (k: UnitKernels, first: Int32Array, last: Int32Array, holds: Int8Array[], exact: (review: number, year: number) => number) => void;

/**
 * A review's explanation for one unit and year (months pf..pl), compiled like CriteriaExplainer:
 * the facts and values of its `gennemgang`. Undefined when a number would leave the safe range.
 */
export type ReviewExplainer = (
  k: UnitKernels,
  review: number,
  pf: number,
  pl: number,
  h: ExplainHelpers,
) => { facts: string; values: Record<string, EventValue> } | undefined;

export interface CompiledPolicy {
  measures: Record<string, CompiledFn>;
  /** The criteria's kernel; without one the criteria are decided by walking the plan. */
  decideCriteria?: CriteriaKernel;
  /** The same criteria as the reaction reads them: used when no decision is reported. */
  criteriaHeld?: HeldKernel;
  /** The prefix sums the kernels read, built per unit by emitted loops (one pass per data source). */
  buildKernels?: KernelBuilder;
  /** The criteria's explanations, compiled beside the kernel. */
  explainCriterion?: CriteriaExplainer;
  /** The reviews' kernel; without one each review is decided by its function below or the plan. */
  decideReviews?: ReviewKernel;
  /** The reviews' explanations, compiled beside their kernel. */
  explainReview?: ReviewExplainer;
  reviews: Record<string, CompiledFn>;
  transitions: Record<string, { when?: CompiledFn; remember: Record<string, CompiledFn> }>;
}

/** One decision, for coverage: which rule, which part, and what it came to. */
export interface Decision {
  policy: string;
  kind: "forudsætning" | "kriterie" | "gennemgang" | "overgang";
  rule: string;
  kommune: string;
  group?: string;
  period: string;
  value: boolean | undefined;
}

/** A problem with the inputs that the caller should have caught (missing table). Danish message. */
export class EvaluationError extends Error {}

export function evaluate(plans: Plan[], tables: Record<string, Table>, options: EvaluateOptions = {}): EvaluationResult {
  const events: PolicyEvent[] = [];
  const series: SeriesPoint[] | undefined = options.series ? [] : undefined;
  for (const plan of plans) new PolicyRun(plan, tables, options).run(events, series);
  // Events are RunEvents: JSON output puts their keys in the contract's order (toJSON).
  const sorted = sortEvents(events);
  return series ? { events: sorted, series } : { events: sorted };
}

/** A condition at one period: whether it held and the words and numbers that say so. */
export interface InspectedCondition {
  period?: string;
  holds: boolean | undefined;
  text: string;
}

/** One criterion or review of one unit at one period (`tilsyn explain`). */
export interface InspectedRule {
  name: string;
  title: string;
  source: string;
  /** Whether the rule covers this period's data (`gælder for data fra … til …`). */
  applies: boolean;
  /** The period the rule was judged on when it is not the asked one (a yearly review: the year). */
  period?: string;
  /** The action date a decision for this period would have. */
  date: string;
  guard?: { holds: boolean | undefined; text: string };
  /** The condition, with the value and limit of its main comparison (shares in percent). */
  when: { holds: boolean | undefined; text: string; value?: number | null; limit?: number | null; unit?: "%" | "" };
  /** For `i N sammenhængende måneder`: each of the N periods ending at this one. */
  streak?: InspectedCondition[];
  /** The rule as a whole: guard, condition and streak. */
  holds: boolean | undefined;
}

export interface InspectedUnit {
  kommune: string;
  group?: string;
  period: string;
  criteria: InspectedRule[];
  reviews: InspectedRule[];
}

/** Every rule of the plans for one kommune and period label, with its numbers (interpreted). */
export function inspect(plans: Plan[], tables: Record<string, Table>, kommune: string, period: string, options: EvaluateOptions = {}): { plan: Plan; units: InspectedUnit[] }[] {
  return plans.map((plan) => ({ plan, units: new PolicyRun(plan, tables, options).inspect(kommune, period) }));
}

interface Unit {
  kommune: string;
  group?: string;
  /** kommune, or kommune and group: the key its rows are indexed by. */
  key: string;
  /** Its number in the index of the table it came from (see unitIn). */
  n: number;
}

type Ctx = EvalContext;

/** Prefix sums of one sum-expression over the months, for the unit they were last built for. */
interface Kernel {
  values: Float64Array;
  measured: Int32Array;
  /** A running total left the safe integer range: window sums are added up exactly instead. */
  unsafe: boolean;
  unit?: Unit;
}

const truth = (v: number): boolean | undefined => (v === 1 ? true : v === 0 ? false : undefined);
const fromTruth = (v: boolean | undefined): number => (v === true ? 1 : v === false ? 0 : 2);

/**
 * The distinct action dates of a run's criteria in time order ("slots"), computed once per run:
 * on slot s criterion ci acts on its period periodAt[s × criteria + ci] (-1: none of its periods,
 * within the months its data count, acts on that date). Per unit the reaction then walks the
 * slots in order over the unit's decisions, with no map, date object or sort per unit.
 */
interface SlotDates {
  dates: LocalDate[];
  /** formatDate of each slot's date. */
  text: string[];
  /** The month of each slot's date (year × 12 + month − 1): re-contact compares data months with it. */
  month: Int32Array;
  inForce: Uint8Array;
  suspended: Uint8Array;
  periodAt: Int32Array;
  /** The other way round: per criterion, the slot its period i acts on (-1 outside its data's months). */
  slotOf: Int32Array[];
}

interface Decisions {
  /** The periods' first and last months. */
  first: Int32Array;
  last: Int32Array;
  guards: Int8Array[];
  holds: Int8Array[];
  lo: Int32Array;
  hi: Int32Array;
  exact: (criterion: number, part: 0 | 1, period: number) => number;
  /** Scratch for one slot's firings after the re-contact rule: criterion and period, in criterion order. */
  firingCriterion: Int32Array;
  firingPeriod: Int32Array;
}

/**
 * The dates of a run: the assessment periods, their action dates per criterion delay, the slots
 * and the review years. They depend only on the plan, the months the data cover and whether the
 * policy's period of force is ignored, so they are computed once and kept beside the plan (a
 * plan is never changed after it is made): a pipeline or the playground evaluating one policy on
 * table after table does not compute its calendar again.
 */
interface RunCalendar {
  periods: Period[];
  actionDates: Map<number, LocalDate[]>;
  slots?: SlotDates;
  /** The periods' first and last months, and per criterion the periods its data count (lo ≤ i < hi). */
  bounds?: { first: Int32Array; last: Int32Array; lo: Int32Array; hi: Int32Array };
  reviewYears?: { period: Period; date: LocalDate; text: string; month: number; inForce: boolean }[];
  /** The review years' first and last months, as the compiled reviews read them. */
  reviewBounds?: { first: Int32Array; last: Int32Array };
}

const calendars = new WeakMap<Plan, Map<string, RunCalendar>>();

function calendarOf(plan: Plan, first: number, last: number, ignoreInForce: boolean): RunCalendar {
  let byRange = calendars.get(plan);
  if (!byRange) calendars.set(plan, (byRange = new Map()));
  const key = `${first}:${last}:${ignoreInForce ? 1 : 0}`;
  let calendar = byRange.get(key);
  if (!calendar) {
    if (byRange.size >= 16) byRange.clear();
    const periods = plan.assessment && Number.isFinite(first) ? periodsWithin(plan.assessment.cadence, first, last) : [];
    byRange.set(key, (calendar = { periods, actionDates: new Map() }));
  }
  return calendar;
}

/** A publication rule's date for a period's data: a fixed day in the following year, or N months after the period (a year's data: after its December); none without a rule. */
function publishedBy(period: Period, lag: number | undefined, fixed: { month: number; day: number } | undefined, grain: "måned" | "år"): LocalDate | undefined {
  if (fixed) return { year: yearOf(period.last) + 1, month: fixed.month, day: fixed.day };
  if (lag !== undefined) return firstDayOfMonth((grain === "år" ? yearOf(period.last) * 12 + 11 : period.last) + lag);
  return undefined;
}

/**
 * The text made flat. V8 keeps a string built with + or a template as a tree of its pieces until
 * it is read; an explanation is kept to the end of the run, so each scavenge during the run would
 * copy its tree (about 30 pieces). Reading one character flattens it in place: the pieces are
 * garbage at once and the event holds one string (tidlig-indsats-2020 at 10×: about a third of
 * the memory the run's events keep).
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

const MONTH_NAMES = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

export const formatDanishDate = (d: LocalDate): string => `${d.day}. ${MONTH_NAMES[d.month - 1]} ${d.year}`;

// The row index of a table depends only on the table and whether groups are split, so it is
// built once per table and reused: the playground evaluates the same tables on every keystroke.
interface TableIndex {
  /** The units in output order (kommune, then group); unit u's rows are rows[start[u] .. start[u+1]). */
  units: Unit[];
  rows: Int32Array;
  start: Int32Array;
  /** The months the table covers (a year's row covers its twelve months). */
  first: number;
  last: number;
  /** Unit key → unit number, built when a unit is looked up by key (a plan reading several tables). */
  byKey?: Map<string, number>;
}

const indexCache = new WeakMap<Table, { grouped?: TableIndex; pooled?: TableIndex }>();

/** rank[i]: the place of names[i] among the names sorted as strings. */
function ranks(names: string[]): Int32Array {
  const order = names.map((_, i) => i).sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
  const rank = new Int32Array(names.length);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}

/**
 * The rows of a table per unit, in linear time: kommune and group are numbered as they first
 * appear (no string built per row, and mostly no map lookup: see the group's guess), the units
 * are put in output order (kommune, then group) by sorting their numbers, and the rows are
 * placed per unit by a stable counting sort, so each unit's rows keep the file's order (a file
 * that lists each unit's rows together, as one sorted by kommune does, is copied run by run). Nothing
 * needs them in period order: the kernels place each row at its month, exact sums add up a
 * window's rows in any order, and a field's one row per period (fieldValue) is the first in file
 * order either way.
 */
function indexTable(table: Table, grouped: boolean): TableIndex {
  let cached = indexCache.get(table);
  if (!cached) indexCache.set(table, (cached = {}));
  const hit = grouped ? cached.grouped : cached.pooled;
  if (hit) return hit;
  const n = table.length;
  const kommuneIds = new Map<string, number>();
  const kommuneNames: string[] = [];
  const groupIds = new Map<string, number>();
  const groupNames: string[] = [];
  // Unit number per kommune and group, in order of first appearance of the pair: one small
  // array per kommune, indexed by the group's number (grown as groups appear).
  const unitOfPair: Int32Array[] = [];
  // Each row's unit, made only when some unit's rows turn out not to lie together (a file sorted
  // by kommune has each unit's rows as one run from firstRow: they need no number per row).
  let unitOf: Int32Array | undefined;
  let firstRow = new Int32Array(64);
  let previousUnit = -1;
  const unitKommune: number[] = [];
  const unitGroup: number[] = [];
  let counts = new Int32Array(64);
  const kommune = table.kommune;
  const groups = table.group;
  let guess = 0;
  let previousGroup = 0;
  // Files usually list a kommune's rows together: the previous row's kommune spares a lookup.
  let previous: string | undefined;
  let kid = 0;
  let own: Int32Array = new Int32Array(0);
  // The months the table covers are found on the way.
  const period = table.period;
  let firstPeriod = 2147483647;
  let lastPeriod = -2147483648;
  for (let i = 0; i < n; i++) {
    const p = period[i]!;
    if (p < firstPeriod) firstPeriod = p;
    if (p > lastPeriod) lastPeriod = p;
    const k = kommune[i]!;
    if (k !== previous) {
      let id = kommuneIds.get(k);
      if (id === undefined) {
        kommuneIds.set(k, (id = kommuneNames.length));
        kommuneNames.push(k);
        unitOfPair.push(new Int32Array(Math.max(4, groupNames.length)).fill(-1));
      }
      own = unitOfPair[id]!;
      kid = id;
      previous = k;
    }
    let gid = 0;
    if (grouped) {
      const g = groups![i]!;
      // Files list a kommune's groups in the same order month after month, so the group after
      // the previous row's is tried first (the loader interns names: one pointer test), then
      // the previous row's own, and only then the map.
      if (groupNames[guess] === g) gid = guess;
      else if (groupNames[previousGroup] === g) gid = previousGroup;
      else {
        let known = groupIds.get(g);
        if (known === undefined) {
          groupIds.set(g, (known = groupNames.length));
          groupNames.push(g);
        }
        gid = known;
      }
      previousGroup = gid;
      guess = gid + 1 < groupNames.length ? gid + 1 : 0;
      if (gid >= own.length) {
        const wider = new Int32Array(Math.max(gid + 1, own.length * 2)).fill(-1);
        wider.set(own);
        unitOfPair[kid] = own = wider;
      }
    }
    let u = own[gid]!;
    if (u < 0) {
      own[gid] = u = unitKommune.length;
      unitKommune.push(kid);
      unitGroup.push(gid);
      if (u >= counts.length) {
        const more = new Int32Array(counts.length * 2);
        more.set(counts);
        counts = more;
        const firsts = new Int32Array(firstRow.length * 2);
        firsts.set(firstRow);
        firstRow = firsts;
      }
      firstRow[u] = i;
    } else if (u !== previousUnit && !unitOf) {
      // A unit met again after another's rows: number every row so far by its run.
      unitOf = new Int32Array(n);
      for (let v = 0; v < unitKommune.length; v++) unitOf.fill(v, firstRow[v]!, firstRow[v]! + counts[v]!);
    }
    previousUnit = u;
    if (unitOf) unitOf[i] = u;
    counts[u]!++;
  }
  // Output order: by the kommune's rank, then the group's, as their names compare.
  const U = unitKommune.length;
  const kommuneRank = ranks(kommuneNames);
  const groupRank = ranks(groupNames);
  const G = Math.max(1, groupNames.length);
  const order = new Float64Array(U);
  for (let u = 0; u < U; u++) order[u] = (kommuneRank[unitKommune[u]!]! * G + (grouped ? groupRank[unitGroup[u]!]! : 0)) * U + u;
  order.sort();
  const place = new Int32Array(U);
  const units: Unit[] = new Array<Unit>(U);
  const start = new Int32Array(U + 1);
  for (let r = 0; r < U; r++) {
    const u = order[r]! % U;
    place[u] = r;
    const k = kommuneNames[unitKommune[u]!]!;
    const g = groupNames[unitGroup[u]!]!;
    units[r] = grouped ? { kommune: k, group: g, key: `${k}\u0000${g}`, n: r } : { kommune: k, key: k, n: r };
    start[r + 1] = start[r]! + counts[u]!;
  }
  const rows = new Int32Array(n);
  if (unitOf) {
    const next = start.slice(0, U);
    for (let i = 0; i < n; i++) rows[next[place[unitOf[i]!]!]!++] = i;
  } else {
    for (let u = 0; u < U; u++) {
      let at = start[place[u]!]!;
      for (let row = firstRow[u]!, end = row + counts[u]!; row < end; row++) rows[at++] = row;
    }
  }
  const yearly = table.schema.grain === "år";
  const index: TableIndex = { units, rows, start, first: n === 0 ? Infinity : yearly ? firstPeriod * 12 : firstPeriod, last: n === 0 ? -Infinity : yearly ? lastPeriod * 12 + 11 : lastPeriod };
  if (grouped) cached.grouped = index;
  else cached.pooled = index;
  return index;
}

/** A unit's key in a table whose rows are split per group (grouped) or pooled per kommune. */
const keyIn = (grouped: boolean, unit: Unit): string => (grouped && unit.group !== undefined ? unit.key : unit.kommune);

/** The number of a unit in a table's index, or -1 when the table has no rows for it. */
function unitIn(index: TableIndex, unit: Unit, key: string): number {
  if (index.units[unit.n] === unit) return unit.n;
  if (!index.byKey) {
    index.byKey = new Map();
    for (let u = 0; u < index.units.length; u++) index.byKey.set(index.units[u]!.key, u);
  }
  return index.byKey.get(key) ?? -1;
}

/** A contact whose texts are written later: the criteria that held (criterion, period index, …) and the reaction's step. */
interface ContactTexts {
  contact: RunEvent;
  /** The written account made with it, if one is. */
  written: RunEvent | undefined;
  firing: number[];
  step: number | undefined;
  handling: string | undefined;
  episodeStart: LocalDate;
}

/** A review's event whose texts are written later: the review and the year's index among the run's years. */
interface ReviewTexts {
  event: RunEvent;
  review: number;
  year: number;
}

/** One unit's contacts and reviews: their texts are written together when the first is read. */
class UnitTexts implements PendingTexts {
  readonly jobs: (ContactTexts | ReviewTexts)[] = [];
  private written = false;

  constructor(
    private readonly run: PolicyRun,
    readonly unit: Unit,
  ) {}

  add(job: ContactTexts | ReviewTexts): void {
    this.jobs.push(job);
    if ("contact" in job) {
      job.contact.writeLater(this);
      job.written?.writeLater(this);
    } else job.event.writeLater(this);
  }

  write(): void {
    if (this.written) return;
    this.written = true;
    this.run.writeTexts(this);
  }
}

class PolicyRun implements Kernels {
  private readonly measures = new Map<string, PlanMeasure>();
  private readonly tables = new Map<string, Table>();
  private readonly schemas = new Map<string, PlanData>();
  /** Per data source: its row index (each unit's rows, in file order). */
  private readonly index = new Map<string, TableIndex>();
  /** The rows of the unit last asked for with rowsOf(): rows[spanFrom .. spanTo). */
  private spanFrom = 0;
  private spanTo = 0;
  /** Per data source, for the unit being evaluated: period → first row (for non-summed fields). */
  private rowByPeriod = new Map<string, Map<number, number>>();
  private rowByPeriodUnit?: Unit;
  /**
   * Per sum id: its window kernel, built for one unit at a time in buffers every unit reuses
   * (units are evaluated one at a time, so nothing is allocated per unit).
   */
  private readonly kernelOf: Kernel[] = [];
  /** The plan's sums by id. */
  private readonly sumNodes = new Map<number, Extract<PExpr, { k: "sum" }>>();
  /** The plan's sums per data source (their kernels are built together by compiled code). */
  private readonly sumsByData = new Map<string, Extract<PExpr, { k: "sum" }>[]>();
  /** Compiled code for this plan, if given. */
  private readonly code?: CompiledPolicy;
  /** Per data source: whether its rows are split per group for the units. */
  private readonly groupedPerUnit = new Map<string, boolean>();
  /** The cadence's periods over the data, and their action dates by criterion delay (see RunCalendar). */
  private readonly runCalendar: RunCalendar;
  private readonly periods: Period[];
  private readonly literals = new Map<PExpr, Exact>();
  private readonly grouping: "pr" | "samlet" | "ingen";
  private readonly firstMonth: MonthIndex;
  private readonly lastMonth: MonthIndex;
  private readonly units: Unit[];
  /** The window kernels the compiled code reads (the same buffers for every unit), and the unit they hold. */
  private unitKernels?: UnitKernels;
  private unitKernelsFor?: Unit;
  /** The periods as month numbers and the criteria's decisions of the unit being evaluated (see decisionsOfRun). */
  private decisions?: Decisions;

  constructor(
    private readonly plan: Plan,
    tables: Record<string, Table>,
    private readonly options: EvaluateOptions,
  ) {
    for (const m of plan.measures) this.measures.set(m.name, m);
    this.code = options.compiled?.get(plan);
    for (const e of planExpressions(plan)) collectSums(e, this.sumNodes);
    for (const node of this.sumNodes.values()) {
      const same = this.sumsByData.get(node.data);
      if (same) same.push(node);
      else this.sumsByData.set(node.data, [node]);
    }
    this.grouping = plan.assessment?.grouping ?? "ingen";
    let first = Infinity;
    let last = -Infinity;
    const unitKeys = new Map<string, Unit>();
    let ownUnits: Unit[] | undefined;
    for (const schema of plan.data) {
      const table = ownValue(tables, schema.name);
      if (!table) throw new EvaluationError(`Data «${schema.name}» mangler: angiv filen ${schema.name}.csv.`);
      this.tables.set(schema.name, table);
      this.schemas.set(schema.name, schema);
      const grouped = this.isGroupedPerUnit(schema);
      const index = indexTable(table, grouped);
      const units = index.units;
      if (index.first < first) first = index.first;
      if (index.last > last) last = index.last;
      if (this.grouping !== "pr" || grouped) {
        if (plan.data.length === 1) ownUnits = units;
        else for (const u of units) if (!unitKeys.has(u.key)) unitKeys.set(u.key, u);
      }
      this.index.set(schema.name, index);
    }
    this.firstMonth = first;
    this.lastMonth = last;
    this.runCalendar = calendarOf(plan, first, last, options.ignoreInForce === true);
    this.periods = this.runCalendar.periods;
    // With one data source its units are already distinct and in order.
    this.units = ownUnits ?? [...unitKeys.values()].sort(
      (a, b) => (a.kommune < b.kommune ? -1 : a.kommune > b.kommune ? 1 : (a.group ?? "") < (b.group ?? "") ? -1 : (a.group ?? "") > (b.group ?? "") ? 1 : 0),
    );
  }

  private isGroupedPerUnit(schema: PlanData): boolean {
    let grouped = this.groupedPerUnit.get(schema.name);
    if (grouped === undefined) {
      grouped = this.grouping === "pr" && schema.group !== undefined && schema.group === this.plan.assessment?.groupColumn;
      this.groupedPerUnit.set(schema.name, grouped);
    }
    return grouped;
  }

  private unitKey(schema: PlanData, unit: Unit): string {
    return keyIn(this.isGroupedPerUnit(schema), unit);
  }

  /** A data source's rows of a unit: the array returned, from this.spanFrom up to this.spanTo. */
  private rowsOf(data: string, unit: Unit): Int32Array {
    const index = this.index.get(data)!;
    const u = unitIn(index, unit, this.unitKey(this.schemas.get(data)!, unit));
    this.spanFrom = u < 0 ? 0 : index.start[u]!;
    this.spanTo = u < 0 ? 0 : index.start[u + 1]!;
    return index.rows;
  }

  /** Action dates of the cadence's periods for a criterion delay, computed once. */
  private datesFor(delay: number): LocalDate[] {
    let dates = this.runCalendar.actionDates.get(delay);
    if (!dates) this.runCalendar.actionDates.set(delay, (dates = this.periods.map((p) => this.actionDate(p, delay))));
    return dates;
  }

  run(events: PolicyEvent[], series: SeriesPoint[] | undefined): void {
    if (!Number.isFinite(this.firstMonth) || !this.plan.assessment) return;
    for (const unit of this.units) {
      // A unit none of whose criteria held makes no contact: the reaction is skipped.
      if (this.runCriteria(unit, series)) this.runReaction(unit, events);
      this.runReviews(unit, events, series);
      this.runMachine(unit, events);
      // Coverage (onCompare) counts the comparisons explanations make as well: written at once.
      if (this.options.onCompare && this.texts?.unit === unit) this.texts.write();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Dates

  private publicationDate(period: Period): LocalDate {
    const a = this.plan.assessment!;
    const own = publishedBy(period, a.lagMonths, a.fixedPublication, "måned");
    if (own) return own;
    let latest: LocalDate | undefined;
    for (const schema of this.plan.data) {
      const d = publishedBy(period, schema.lagMonths, schema.fixedPublication, schema.grain);
      if (d && (!latest || compareDates(d, latest) > 0)) latest = d;
    }
    return latest ?? firstDayOfMonth(period.last + 1);
  }

  private actionDate(period: Period, delayMonths = 0): LocalDate {
    return addMonths(this.publicationDate(period), this.plan.assessment!.followUpMonths + delayMonths);
  }

  private inForce(date: LocalDate): boolean {
    return this.inForceOn(formatDate(date));
  }

  /** Whether the policy is in force on a date written YYYY-MM-DD. */
  private inForceOn(d: string): boolean {
    if (this.options.ignoreInForce) return true;
    const { from, to } = this.plan.inForce;
    return (from === undefined || d >= from) && (to === undefined || d <= to);
  }

  /** Whether contacts are suspended on a date written YYYY-MM-DD. */
  private suspendedOn(d: string): boolean {
    return this.plan.suspensions.some((s) => d >= s.from && d <= s.to);
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  private ctx(unit: Unit, period: Period, memory?: ReadonlyMap<string, Value>): Ctx {
    return { unit, first: period.first, last: period.last, period, memory };
  }

  ev(e: PExpr, c: Ctx): Value {
    switch (e.k) {
      case "lit": {
        let v = this.literals.get(e);
        if (!v) this.literals.set(e, (v = parseRationalLiteral(e.value)));
        return v;
      }
      case "field":
        return this.fieldValue(e.data, e.field, c);
      case "measure":
        return this.ev(this.measures.get(e.name)!.expr, c);
      case "remembered":
        return c.memory?.get(e.name);
      case "arith":
        return vArith(e.op, this.ev(e.left, c), this.ev(e.right, c));
      case "neg":
        return vNeg(this.ev(e.operand, c));
      case "cmp": {
        const a = this.ev(e.left, c);
        const b = this.ev(e.right, c);
        const holds = vCompare(e.op, a, b);
        if (this.options.onCompare && typeof holds === "boolean") this.options.onCompare(e, toRational(a as Exact), toRational(b as Exact), holds);
        return holds;
      }
      case "and":
        return vAnd(this.ev(e.left, c), this.ev(e.right, c));
      case "or":
        return vOr(this.ev(e.left, c), this.ev(e.right, c));
      case "not":
        return vNot(this.ev(e.operand, c));
      case "sum":
        return this.windowSum(e, c);
      case "mean":
        return this.mean(c, (m) => this.ev(e.operand, m));
      case "window":
        return this.window(c, e.window, (w) => this.ev(e.operand, w));
    }
    return undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Kernels: the data access both the interpreter and compiled code use

  sum(id: number, c: Ctx): Value {
    return this.windowSum(this.sumNodes.get(id)!, c);
  }

  field(data: string, field: string, c: Ctx): Value {
    return this.fieldValue(data, field, c);
  }

  mean(c: Ctx, f: (c: Ctx) => Value): Value {
    let total: Exact = small(0);
    const month: Ctx = { ...c };
    for (let m = c.first; m <= c.last; m++) {
      month.first = month.last = m;
      const v = f(month);
      if (!isRational(v)) return undefined;
      total = qadd(total, v);
    }
    return qdiv(total, small(c.last - c.first + 1));
  }

  window(c: Ctx, w: PlanWindow, f: (c: Ctx) => Value): Value {
    const kind = windowKind(w);
    return f({ ...c, first: kind.first(w, c.period.first, c.period.last), last: kind.last(w, c.period.first, c.period.last) });
  }

  /** A top-level condition or value: compiled code when there is some, else the interpreter. */
  private decide(compiled: CompiledFn | undefined, e: PExpr, c: Ctx): Value {
    return compiled && !this.options.onCompare ? compiled(this, c) : this.ev(e, c);
  }

  private decideBool(compiled: CompiledFn | undefined, e: PExpr, c: Ctx): boolean | undefined {
    const v = this.decide(compiled, e, c);
    return typeof v === "boolean" ? v : undefined;
  }

  private evBool(e: PExpr, c: Ctx): boolean | undefined {
    const v = this.ev(e, c);
    return typeof v === "boolean" ? v : undefined;
  }

  /** A non-summed field: a decimal field of the cell's single row, or an annual value. */
  private fieldValue(data: string, field: string, c: Ctx): Value {
    const table = this.tables.get(data)!;
    const schema = this.schemas.get(data)!;
    if (this.rowByPeriodUnit !== c.unit) {
      this.rowByPeriod.clear();
      this.rowByPeriodUnit = c.unit;
    }
    let byPeriod = this.rowByPeriod.get(data);
    if (!byPeriod) {
      byPeriod = new Map();
      const rows = this.rowsOf(data, c.unit);
      for (let r = this.spanFrom; r < this.spanTo; r++) {
        const row = rows[r]!;
        if (!byPeriod.has(table.period[row]!)) byPeriod.set(table.period[row]!, row);
      }
      this.rowByPeriod.set(data, byPeriod);
    }
    const row = byPeriod.get(schema.grain === "år" ? yearOf(c.last) : c.last);
    if (row === undefined) return undefined;
    const counts = table.counts[field];
    if (counts) {
      const v = counts[row]!;
      return Number.isNaN(v) ? undefined : small(v);
    }
    const r = table.decimals[field]?.[row];
    return r ? fromRational(r) : undefined;
  }

  private windowSum(e: Extract<PExpr, { k: "sum" }>, c: Ctx): Value {
    const kernel = this.kernel(e, c.unit);
    const lo = Math.max(c.first, this.firstMonth) - this.firstMonth;
    const hi = Math.min(c.last, this.lastMonth) - this.firstMonth;
    if (hi < lo) return undefined;
    const measured = kernel.measured[hi + 1]! - kernel.measured[lo]!;
    if (measured === 0) return undefined;
    if (kernel.unsafe) return this.exactWindowSum(e, c.unit, lo + this.firstMonth, hi + this.firstMonth);
    return small(kernel.values[hi + 1]! - kernel.values[lo]!);
  }

  /** A window sum added up row by row in bigints: for units whose totals leave the safe range. */
  private exactWindowSum(e: Extract<PExpr, { k: "sum" }>, unit: Unit, first: number, last: number): Value {
    const table = this.tables.get(e.data)!;
    const filter = e.filter === undefined ? undefined : table.counts[e.filter];
    let total = 0n;
    const rows = this.rowsOf(e.data, unit);
    for (let r = this.spanFrom; r < this.spanTo; r++) {
      const row = rows[r]!;
      const m = table.period[row]!;
      if (m < first || m > last || (filter && Number.isNaN(filter[row]!))) continue;
      const v = rowValueExact(e.row, table, row);
      if (v !== undefined) total += v;
    }
    return fromRational({ n: total, d: 1n });
  }

  /** The window kernel of a sum for a unit: built when the unit is not the one it was last built for. */
  private kernel(e: Extract<PExpr, { k: "sum" }>, unit: Unit): Kernel {
    let kernel = this.kernelOf[e.id];
    if (!kernel) {
      const length = this.lastMonth - this.firstMonth + 1;
      this.kernelOf[e.id] = kernel = { values: new Float64Array(length + 1), measured: new Int32Array(length + 1), unsafe: false };
    }
    if (kernel.unit !== unit) {
      this.buildKernel(e, unit, kernel);
      kernel.unit = unit;
    }
    return kernel;
  }

  private buildKernel(e: Extract<PExpr, { k: "sum" }>, unit: Unit, kernel: Kernel): void {
    const length = this.lastMonth - this.firstMonth + 1;
    const { values, measured } = kernel;
    values.fill(0);
    measured.fill(0);
    // Integers add up exactly in doubles while every partial total stays within ±2^53. Every
    // partial total (per month and running) is at most the sum of the values' magnitudes, so the
    // kernel is safe when that sum is (a sum of non-negative doubles only rounds past 2^53).
    let magnitude = 0;
    const table = this.tables.get(e.data)!;
    const filter = e.filter === undefined ? undefined : table.counts[e.filter];
    const single = e.row.k === "field" ? table.counts[e.row.field]! : undefined;
    const period = table.period;
    const origin = this.firstMonth - 1;
    const rows = this.rowsOf(e.data, unit);
    for (let r = this.spanFrom; r < this.spanTo; r++) {
      const row = rows[r]!;
      if (filter && Number.isNaN(filter[row]!)) continue;
      const v = single ? single[row]! : rowValue(e.row, table, row);
      if (v !== v) continue;
      const m = period[row]! - origin;
      values[m] = values[m]! + v;
      measured[m] = measured[m]! + 1;
      magnitude += v < 0 ? -v : v;
    }
    for (let m = 1; m <= length; m++) {
      values[m] = values[m]! + values[m - 1]!;
      measured[m] = measured[m]! + measured[m - 1]!;
    }
    kernel.unsafe = magnitude > Number.MAX_SAFE_INTEGER;
  }

  // -------------------------------------------------------------------------------------------
  // Criteria

  /**
   * The criteria's decisions of the unit being evaluated, per criterion and period (1 holds, 0
   * does not, 2 not measured; the guard apart), as the compiled kernel or the interpreter writes
   * them: the same arrays for every unit. lo/hi bound the periods whose data each criterion counts.
   */
  private decisionsOfRun(): Decisions {
    if (this.decisions) return this.decisions;
    const n = this.periods.length;
    const criteria = this.plan.criteria;
    const bounds = (this.runCalendar.bounds ??= (() => {
      const ranges = criteria.map((criterion) => this.periodRange(criterion));
      return {
        first: Int32Array.from(this.periods, (p) => p.first),
        last: Int32Array.from(this.periods, (p) => p.last),
        lo: Int32Array.from(ranges, (r) => r[0]),
        hi: Int32Array.from(ranges, (r) => r[1]),
      };
    })());
    return (this.decisions = {
      ...bounds,
      guards: criteria.map(() => new Int8Array(n)),
      holds: criteria.map(() => new Int8Array(n)),
      // The exact path for one part of one criterion and period, of the unit being decided.
      exact: (ci: number, part: 0 | 1, i: number): number => {
        const criterion = criteria[ci]!;
        return fromTruth(this.evBool(part === 0 ? criterion.guard! : criterion.when, this.ctx(this.unitKernelsFor!, this.periods[i]!)));
      },
      firingCriterion: new Int32Array(criteria.length),
      firingPeriod: new Int32Array(criteria.length),
    });
  }

  private slotDates(): SlotDates {
    const byKey = new Map<number, LocalDate>();
    const keyOf = (d: LocalDate) => (d.year * 16 + d.month) * 32 + d.day;
    for (const c of this.plan.criteria) for (const d of this.datesFor(c.delayMonths)) byKey.set(keyOf(d), d);
    const keys = [...byKey.keys()].sort((a, b) => a - b);
    const position = new Map(keys.map((k, i) => [k, i]));
    const dates = keys.map((k) => byKey.get(k)!);
    const text = dates.map(formatDate);
    const C = this.plan.criteria.length;
    const periodAt = new Int32Array(dates.length * C).fill(-1);
    const slotOf = this.plan.criteria.map((criterion, ci) => {
      const actionDates = this.datesFor(criterion.delayMonths);
      const [lo, hi] = this.periodRange(criterion);
      const slotOfPeriod = new Int32Array(actionDates.length).fill(-1);
      for (let i = lo; i < hi; i++) {
        const slot = position.get(keyOf(actionDates[i]!))!;
        periodAt[slot * C + ci] = i;
        slotOfPeriod[i] = slot;
      }
      return slotOfPeriod;
    });
    return {
      dates,
      text,
      month: Int32Array.from(dates, monthOfDate),
      inForce: Uint8Array.from(text, (d) => (this.inForceOn(d) ? 1 : 0)),
      suspended: Uint8Array.from(text, (d) => (this.suspendedOn(d) ? 1 : 0)),
      periodAt,
      slotOf,
    };
  }

  /** The indices lo..hi-1 of the periods whose data months the criterion covers (`gælder for data fra … til`). */
  private periodRange(criterion: PlanCriterion): [number, number] {
    let lo = 0;
    let hi = this.periods.length;
    while (lo < hi && criterion.dataFrom !== undefined && this.periods[lo]!.last < criterion.dataFrom) lo++;
    while (hi > lo && criterion.dataTo !== undefined && this.periods[hi - 1]!.last > criterion.dataTo) hi--;
    return [lo, hi];
  }

  /**
   * Decide every criterion of one unit in every period into the run's decisions (by the compiled
   * kernel, or by the interpreter), report each decision when asked to, and say whether some
   * criterion held within the months its data count.
   */
  private runCriteria(unit: Unit, series: SeriesPoint[] | undefined): boolean {
    const d = this.decisionsOfRun();
    const criteria = this.plan.criteria;
    const kernel = this.options.onCompare ? undefined : this.code?.decideCriteria;
    if (kernel) {
      const k = this.kernelsOfUnit(unit);
      // The guards are read only to report decisions: without that, the kernel that writes only
      // what the reaction reads.
      const held = this.code!.criteriaHeld;
      const heldOnly = held !== undefined && !this.options.onDecision && !series;
      if (!heldOnly || !held(k, d.first, d.last, d.holds)) kernel(k, d.first, d.last, d.guards, d.holds, d.exact);
    } else {
      for (let ci = 0; ci < criteria.length; ci++) {
        const criterion = criteria[ci]!;
        let run = 0;
        for (let i = 0; i < this.periods.length; i++) {
          const c = this.ctx(unit, this.periods[i]!);
          const guard = criterion.guard ? this.evBool(criterion.guard, c) : true;
          const base = and3(guard, this.evBool(criterion.when, c));
          let holds = base;
          if (criterion.streak !== undefined) {
            run = base === true ? run + 1 : 0;
            holds = run >= criterion.streak ? true : base === undefined ? undefined : false;
          }
          d.guards[ci]![i] = fromTruth(guard);
          d.holds[ci]![i] = fromTruth(holds);
        }
      }
    }
    if (this.options.onDecision || series) this.reportDecisions(unit, series);
    for (let ci = 0; ci < criteria.length; ci++) {
      // The built-in search; a 1 found past hi lies outside the months the data count.
      const at = d.holds[ci]!.indexOf(1, d.lo[ci]!);
      if (at >= 0 && at < d.hi[ci]!) return true;
    }
    return false;
  }

  /** Each criterion's decisions of one unit, to the onDecision hook and as a series (playground, explain). */
  private reportDecisions(unit: Unit, series: SeriesPoint[] | undefined): void {
    const d = this.decisions!;
    this.plan.criteria.forEach((criterion, ci) => {
      const dates = this.datesFor(criterion.delayMonths);
      for (let i = d.lo[ci]!; i < d.hi[ci]!; i++) {
        const period = this.periods[i]!;
        const holds = truth(d.holds[ci]![i]!);
        if (this.options.onDecision) {
          const at = { policy: this.plan.name, rule: criterion.name, kommune: unit.kommune, ...(unit.group !== undefined ? { group: unit.group } : {}), period: period.label };
          if (criterion.guard) this.options.onDecision({ ...at, kind: "forudsætning", value: truth(d.guards[ci]![i]!) });
          this.options.onDecision({ ...at, kind: "kriterie", value: holds });
        }
        if (series) series.push(this.seriesPoint(criterion.name, criterion.when, unit, period, dates[i]!, holds));
      }
    });
  }

  /** The data sources compiled code builds kernels from, with their buffers put in place (once per run). */
  private kernelSources?: { number: number; index: TableIndex; table: Table; grouped: boolean; kernels: Kernel[] }[];

  private sourcesOfKernels(k: UnitKernels, length: number): NonNullable<PolicyRun["kernelSources"]> {
    const sources: NonNullable<PolicyRun["kernelSources"]> = [];
    this.plan.data.forEach((schema, number) => {
      const nodes = this.sumsByData.get(schema.name);
      if (!nodes) return;
      const kernels = nodes.map((node) => {
        const kernel = (this.kernelOf[node.id] ??= { values: new Float64Array(length + 1), measured: new Int32Array(length + 1), unsafe: false });
        k.values[node.id] = kernel.values;
        k.measured[node.id] = kernel.measured;
        k.dense[node.id] ??= new Float64Array(length + 1);
        return kernel;
      });
      sources.push({ number, index: this.index.get(schema.name)!, table: this.tables.get(schema.name)!, grouped: this.isGroupedPerUnit(schema), kernels });
    });
    return sources;
  }

  /** The window kernels of the unit being evaluated, as compiled code reads them (built once per unit). */
  private kernelsOfUnit(unit: Unit): UnitKernels {
    // Kernels exist only for a run with data, so the months are finite: held as small integers
    // (not the doubles the search from ±Infinity leaves), the compiled loops index arrays by
    // integer arithmetic alone (about a tenth faster on jobsøgning's criteria).
    const k = (this.unitKernels ??= { firstMonth: this.firstMonth | 0, lastMonth: this.lastMonth | 0, values: [], measured: [], dense: [], magnitude: 0, unsafe: false });
    if (this.unitKernelsFor === unit) return k;
    k.unsafe = false;
    k.magnitude = 0;
    const build = this.code?.buildKernels;
    if (build) {
      const length = k.lastMonth - k.firstMonth + 1;
      const origin = k.firstMonth - 1;
      for (const source of (this.kernelSources ??= this.sourcesOfKernels(k, length))) {
        const index = source.index;
        const u = unitIn(index, unit, keyIn(source.grouped, unit));
        const magnitude = build(source.number, index.rows, u < 0 ? 0 : index.start[u]!, u < 0 ? 0 : index.start[u + 1]!, source.table, origin, length, k.values, k.measured, k.dense);
        if (magnitude > k.magnitude) k.magnitude = magnitude;
        // Compiled code builds only the forms it reads (a sum read over single months has no
        // prefix sums), so the interpreter's exact path builds its own when it needs them.
        for (const kernel of source.kernels) kernel.unit = undefined;
        if (magnitude > Number.MAX_SAFE_INTEGER) k.unsafe = true;
      }
    } else {
      for (const node of this.sumNodes.values()) {
        const built = this.kernel(node, unit);
        k.values[node.id] = built.values;
        k.measured[node.id] = built.measured;
        if (built.unsafe) k.unsafe = true;
      }
      // No magnitude is known: every range check is made.
      k.magnitude = Number.POSITIVE_INFINITY;
    }
    this.unitKernelsFor = unit;
    return k;
  }

  /** Why criterion ci held for the unit in period i: built only for contacts that are made. */
  private explained(unit: Unit, ci: number, i: number): { facts: string; values: Record<string, EventValue> } {
    const period = this.periods[i]!;
    const compiled = this.unitKernelsFor === unit ? this.code?.explainCriterion?.(this.unitKernels!, ci, period.first, period.last, explainHelpers) : undefined;
    return compiled ?? this.explainCriterion(this.plan.criteria[ci]!, unit, period);
  }

  /** The value and limit of a condition's main comparison, as the JSON output shows them (shares in percent). */
  private mainNumbers(when: PExpr, c: Ctx): { value: number | null; limit: number | null; unit: "%" | "" } {
    const main = findComparison(when);
    const show = (e: PExpr | undefined): number | null => {
      if (!e) return null;
      const v = this.ev(e, c);
      const j = isRational(v) ? jsonValue(v, e.type) : null;
      return typeof j === "number" ? j : null;
    };
    return { value: show(main?.left), limit: show(main?.right), unit: main?.left.type === "andel" ? "%" : "" };
  }

  private seriesPoint(rule: string, when: PExpr, unit: Unit, period: Period, date: LocalDate, holds: boolean | undefined): SeriesPoint {
    const { value, limit, unit: shownUnit } = this.mainNumbers(when, this.ctx(unit, period));
    return {
      policy: this.plan.name,
      rule,
      kommune: unit.kommune,
      ...(unit.group !== undefined ? { group: unit.group } : {}),
      period: period.label,
      date: formatDate(date),
      value,
      limit,
      unit: shownUnit,
      holds: holds ?? null,
    };
  }

  /**
   * Every criterion (with its guard) and review of one kommune for one period, with the numbers
   * in the words explanations use: the answer to "why (not)?" (`tilsyn explain`).
   */
  inspect(kommune: string, label: string): InspectedUnit[] {
    if (!Number.isFinite(this.firstMonth) || !this.plan.assessment) return [];
    const index = this.periods.findIndex((p) => p.label === label);
    if (index < 0) return [];
    const out: InspectedUnit[] = [];
    for (const unit of this.units) {
      if (unit.kommune !== kommune) continue;
      // Kernels are stamped with the unit they were built for (see kernel()), the field rows too.
      const period = this.periods[index]!;
      const c = this.ctx(unit, period);
      const criteria = this.plan.criteria.map((criterion): InspectedRule => {
        const [lo, hi] = this.periodRange(criterion);
        const guard = criterion.guard ? { holds: this.evBool(criterion.guard, c), text: this.describe(criterion.guard, c) } : undefined;
        const n = criterion.streak ?? 1;
        const months: InspectedCondition[] = [];
        for (let i = Math.max(0, index - n + 1); i <= index; i++) {
          const ci = this.ctx(unit, this.periods[i]!);
          const g = criterion.guard ? this.evBool(criterion.guard, ci) : true;
          months.push({ period: this.periods[i]!.label, holds: and3(g, this.evBool(criterion.when, ci)), text: this.describe(criterion.when, ci) });
        }
        const when = months[months.length - 1]!;
        const all = months.length < n ? false : months.every((m) => m.holds === true) ? true : months.some((m) => m.holds === false) ? false : undefined;
        return {
          name: criterion.name,
          title: criterion.title,
          source: criterion.source,
          applies: index >= lo && index < hi,
          date: formatDate(this.datesFor(criterion.delayMonths)[index]!),
          ...(guard ? { guard } : {}),
          when: { holds: when.holds, text: when.text, ...this.mainNumbers(criterion.when, c) },
          ...(criterion.streak ? { streak: months } : {}),
          holds: all,
        };
      });
      // Reviews are yearly: the year the period lies in.
      const year = periodOf("årlig", period.last);
      const cy = this.ctx(unit, year);
      const reviews = this.plan.reviews.map((review): InspectedRule => {
        const holds = this.evBool(review.when, cy);
        return { name: review.name, title: review.title, source: review.source, applies: true, period: year.label, date: formatDate(this.actionDate(year)), when: { holds, text: this.describe(review.when, cy), ...this.mainNumbers(review.when, cy) }, holds };
      });
      out.push({ kommune: unit.kommune, ...(unit.group !== undefined ? { group: unit.group } : {}), period: label, criteria, reviews });
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Reaction: contacts, re-contact, ladder, written account

  /** Scratch for slotsToVisit (per run). */
  private visit?: { all?: Int32Array; held: Int32Array };

  /**
   * The slots the reaction walks for the unit being evaluated, in time order. A written account
   * needs them all (a slot where a criterion was decided false ends an episode); without one, a
   * slot where no criterion held changes nothing, so only those where one held are listed, found
   * by the typed arrays' search rather than by a walk over every slot.
   */
  private slotsToVisit(slots: SlotDates, all: boolean): [Int32Array, number] {
    const S = slots.dates.length;
    const d = this.decisions!;
    const visit = (this.visit ??= { held: new Int32Array(d.holds.length * this.periods.length) });
    if (all) return [(visit.all ??= Int32Array.from({ length: S }, (_, i) => i)), S];
    const held = visit.held;
    let n = 0;
    let ordered = true;
    for (let ci = 0; ci < d.holds.length; ci++) {
      const holds = d.holds[ci]!;
      const slotOf = slots.slotOf[ci]!;
      const hi = d.hi[ci]!;
      // The built-in search skips to the first period that held; from there a plain walk, as a
      // criterion that holds tends to hold for several periods running.
      const from = holds.indexOf(1, d.lo[ci]!);
      for (let i = from < 0 ? hi : from; i < hi; i++) {
        if (holds[i] !== 1) continue;
        const slot = slotOf[i]!;
        if (n > 0 && slot <= held[n - 1]!) ordered = false;
        held[n++] = slot;
      }
    }
    // One criterion's slots come in time order; several criteria's are sorted, and a slot two
    // of them held on is listed once.
    if (ordered) return [held, n];
    held.subarray(0, n).sort();
    let distinct = 0;
    for (let k = 0; k < n; k++) if (k === 0 || held[k] !== held[k - 1]) held[distinct++] = held[k]!;
    return [held, distinct];
  }

  private runReaction(unit: Unit, events: PolicyEvent[]): void {
    const reaction = this.plan.reaction;
    if (!reaction) return;
    const slots = (this.runCalendar.slots ??= this.slotDates());
    const { holds, firingCriterion, firingPeriod } = this.decisions!;
    let lastContact = -1;
    let contacts = 0;
    const perYear = reaction.maxPerYear !== undefined ? new Map<number, number>() : undefined;
    let episodeStart: LocalDate | undefined;
    let escalated = false;
    const criteria = this.plan.criteria;
    const C = criteria.length;
    const periodAt = slots.periodAt;
    const [sequence, length] = this.slotsToVisit(slots, reaction.account !== undefined);
    for (let k = 0; k < length; k++) {
      const slot = sequence[k]!;
      let any = false;
      let decidedFalse = false;
      for (let ci = 0, at = slot * C; ci < C; ci++, at++) {
        const i = periodAt[at]!;
        if (i < 0) continue;
        const h = holds[ci]![i]!;
        if (h === 1) any = true;
        else if (h === 0) decidedFalse = true;
      }
      if (!any && !decidedFalse) continue;
      if (!slots.inForce[slot]) continue;
      if (!any) {
        episodeStart = undefined;
        escalated = false;
        continue;
      }
      if (slots.suspended[slot]) continue;
      const date = slots.dates[slot]!;
      // The criteria that held here, in the plan's order; with the re-contact rule only those on
      // data from the month of the last contact on.
      const since = reaction.recontactAfterData && lastContact >= 0 ? slots.month[lastContact]! : undefined;
      let count = 0;
      for (let ci = 0, at = slot * C; ci < C; ci++, at++) {
        const i = periodAt[at]!;
        if (i < 0 || holds[ci]![i] !== 1 || (since !== undefined && this.periods[i]!.first < since)) continue;
        firingCriterion[count] = ci;
        firingPeriod[count++] = i;
      }
      if (count === 0) continue;
      if (perYear) {
        const contactsInYear = perYear.get(date.year) ?? 0;
        if (contactsInYear >= reaction.maxPerYear!) continue;
        perYear.set(date.year, contactsInYear + 1);
      }
      contacts++;
      lastContact = slot;
      // The written account: still not restored N months after the episode's first contact.
      if (!episodeStart) episodeStart = date;
      const account = reaction.account;
      const writes = account !== undefined && !escalated && compareDates(date, addMonths(episodeStart, account.months)) >= 0;
      if (writes) escalated = true;
      // Only events dated within the months asked for are made and explained; the count of
      // contacts, the ladder and the episode above go on all the same.
      if (!this.inWindow(slots.month[slot]!)) continue;
      const first = criteria[firingCriterion[0]!]!;
      const firstPeriod = this.periods[firingPeriod[0]!]!;
      const step = reaction.ladder ? Math.min(contacts, reaction.ladder.length) : undefined;
      const handling = step !== undefined ? reaction.ladder![step - 1]! : undefined;
      const rules = [first.name];
      const firing = [firingCriterion[0]!, firingPeriod[0]!];
      for (let fi = 1; fi < count; fi++) {
        rules.push(criteria[firingCriterion[fi]!]!.name);
        firing.push(firingCriterion[fi]!, firingPeriod[fi]!);
      }
      const contact = this.event(unit, firstPeriod.label, slots.text[slot]!, "henvendelse", first.name);
      contact.rules = rules;
      if (handling !== undefined) contact.handling = handling;
      contact.source = first.source;
      events.push(contact);
      let written: RunEvent | undefined;
      if (writes) {
        written = this.event(unit, firstPeriod.label, slots.text[slot]!, "redegoerelse", first.name);
        written.source = account!.source ?? first.source;
        events.push(written);
      }
      this.textsOf(unit).add({ contact, written, firing, step, handling, episodeStart });
    }
  }

  /** The values and explanation of a contact (and of its written account): why it was made, with the numbers. */
  private writeContact(unit: Unit, job: ContactTexts): void {
    const reaction = this.plan.reaction!;
    const criteria = this.plan.criteria;
    const { firing, step, handling } = job;
    const first = criteria[firing[0]!]!;
    const firstPeriod = this.periods[firing[1]!]!;
    // The first criterion's numbers as they are; another criterion's number under the same
    // name but from another period or with another value is kept beside it, labelled.
    // (A firing is explained for this one contact only, so its values object is taken as it is.)
    const own0 = this.explained(unit, firing[0]!, firing[1]!);
    const values = own0.values;
    let criteriaText = `«${first.title}» for ${firstPeriod.label}: ${own0.facts}`;
    for (let fi = 2; fi < firing.length; fi += 2) {
      const criterion = criteria[firing[fi]!]!;
      const period = this.periods[firing[fi + 1]!]!;
      const own = this.explained(unit, firing[fi]!, firing[fi + 1]!);
      for (const k in own.values) {
        const v = own.values[k]!;
        if (!(k in values)) values[k] = v;
        else if (values[k] !== v || period.label !== firstPeriod.label) values[`${k} (${criterion.name}, ${period.label})`] = v;
      }
      criteriaText += `; og «${criterion.title}» for ${period.label}: ${own.facts}`;
    }
    if (step !== undefined) values["trin"] = step;
    job.contact.setTexts(values, flat(`${reaction.contactText}, fordi ${this.unitLabel(unit)} opfylder ${criteriaText}${handling !== undefined ? `; foreslået handling: ${handling} (trin ${step})` : ""}.`));
    if (job.written) {
      const account = reaction.account!;
      job.written.setTexts(
        { ...values, foerste_henvendelse: formatDate(job.episodeStart) },
        flat(`${account.text}: ${this.unitLabel(unit)} har ikke genoprettet indsatsen ${account.months} måneder efter henvendelsen den ${formatDanishDate(job.episodeStart)}, idet ${criteriaText}.`),
      );
    }
  }

  // -------------------------------------------------------------------------------------------
  // Reviews

  /** The years as month numbers and the compiled reviews' decisions (reused per unit). */
  private reviewDecisions?: { first: Int32Array; last: Int32Array; holds: Int8Array[]; exact: (review: number, year: number) => number };

  private runReviews(unit: Unit, events: PolicyEvent[], series: SeriesPoint[] | undefined): void {
    if (this.plan.reviews.length === 0) return;
    const years = (this.runCalendar.reviewYears ??= periodsWithin("årlig", this.firstMonth, this.lastMonth).map((period) => {
      const date = this.actionDate(period);
      const text = formatDate(date);
      return { period, date, text, month: monthOfDate(date), inForce: this.inForceOn(text) };
    }));
    const kernel = this.options.onCompare ? undefined : this.code?.decideReviews;
    if (kernel) {
      this.reviewDecisions ??= {
        ...(this.runCalendar.reviewBounds ??= { first: Int32Array.from(years, (y) => y.period.first), last: Int32Array.from(years, (y) => y.period.last) }),
        holds: this.plan.reviews.map(() => new Int8Array(years.length)),
        // The exact path for one review and year, of the unit being decided (made once per run).
        exact: (ri: number, i: number): number => fromTruth(this.evBool(this.plan.reviews[ri]!.when, this.ctx(this.unitKernelsFor!, years[i]!.period))),
      };
      const k = this.kernelsOfUnit(unit);
      kernel(k, this.reviewDecisions.first, this.reviewDecisions.last, this.reviewDecisions.holds, this.reviewDecisions.exact);
    }
    for (let ri = 0; ri < this.plan.reviews.length; ri++) {
      const review = this.plan.reviews[ri]!;
      const decided = kernel ? this.reviewDecisions!.holds[ri]! : undefined;
      // With nothing to report per decision, only the years the compiled review held are visited.
      const onlyHeld = decided !== undefined && !this.options.onDecision && !series;
      for (let i = onlyHeld ? decided.indexOf(1) : 0; i >= 0 && i < years.length; i = onlyHeld ? decided.indexOf(1, i + 1) : i + 1) {
        const { period, date, text, month, inForce } = years[i]!;
        const holds = decided ? truth(decided[i]!) : this.decideBool(this.code && ownValue(this.code.reviews, review.name), review.when, this.ctx(unit, period));
        this.options.onDecision?.({ policy: this.plan.name, kind: "gennemgang", rule: review.name, kommune: unit.kommune, ...(unit.group !== undefined ? { group: unit.group } : {}), period: period.label, value: holds });
        if (series) series.push(this.seriesPoint(review.name, review.when, unit, period, date, holds));
        if (holds !== true || !inForce || !this.inWindow(month)) continue;
        const e = this.event(unit, period.label, text, "gennemgang", review.name);
        e.source = review.source;
        events.push(e);
        this.textsOf(unit).add({ review: ri, year: i, event: e });
      }
    }
  }

  /** The values and explanation of a review's event: the yearly numbers that selected the unit. */
  private writeReview(unit: Unit, job: ReviewTexts): void {
    const review = this.plan.reviews[job.review]!;
    const { period } = this.runCalendar.reviewYears![job.year]!;
    // As explained(): compiled code reads the unit's kernels, which writeTexts built unless the interpreter decides (onCompare).
    const compiled = this.unitKernelsFor === unit ? this.code?.explainReview?.(this.unitKernels!, job.review, period.first, period.last, explainHelpers) : undefined;
    let values: Record<string, EventValue>;
    let facts: string;
    if (compiled) ({ values, facts } = compiled);
    else {
      const c = this.ctx(unit, period);
      values = nameRecord<EventValue>();
      this.collectValues(review.when, c, values);
      facts = this.describe(review.when, c);
    }
    job.event.setTexts(values, flat(`${this.unitLabel(unit)} indgår i «${review.title}» for ${period.label}: ${facts}.`));
  }

  // -------------------------------------------------------------------------------------------
  // Texts written when read

  /** The unit whose events' texts are being collected, and they. */
  private texts?: UnitTexts;

  private textsOf(unit: Unit): UnitTexts {
    let texts = this.texts;
    if (texts?.unit !== unit) this.texts = texts = new UnitTexts(this, unit);
    return texts;
  }

  /**
   * Write the values and explanations of one unit's contacts and reviews, from the unit's window
   * kernels as the run built them (built again when another unit's now fill the buffers).
   */
  writeTexts(texts: UnitTexts): void {
    // With onCompare (coverage) the interpreter explains, as it decided; compiled explainers read
    // the unit's kernels.
    if (!this.options.onCompare) this.kernelsOfUnit(texts.unit);
    for (const job of texts.jobs) {
      if ("contact" in job) this.writeContact(texts.unit, job);
      else this.writeReview(texts.unit, job);
    }
  }

  // -------------------------------------------------------------------------------------------
  // State machine

  private runMachine(unit: Unit, events: PolicyEvent[]): void {
    const machine = this.plan.machine;
    if (!machine) return;
    let state = machine.start;
    const memory = new Map<string, Value>();
    const deadlines = new Map<string, LocalDate>();
    const dates = this.datesFor(0);
    for (let i = 0; i < this.periods.length; i++) {
      const period = this.periods[i]!;
      const date = dates[i]!;
      if (!this.inForce(date)) continue;
      const c = this.ctx(unit, period, memory);
      const candidates = machine.transitions.filter((t) => t.from === state);
      let fired: PlanTransition | undefined;
      const rejected: PlanTransition[] = [];
      for (const t of candidates) {
        const holds = t.otherwise ? true : this.decideBool(this.code && ownValue(this.code.transitions, t.name)?.when, t.when!, c);
        this.options.onDecision?.({ policy: this.plan.name, kind: "overgang", rule: t.name, kommune: unit.kommune, ...(unit.group !== undefined ? { group: unit.group } : {}), period: period.label, value: holds });
        if (holds === undefined) break; // undecided: stay
        if (holds) {
          fired = t;
          break;
        }
        rejected.push(t);
      }
      if (!fired) continue;
      // The state, what it remembers and its deadlines go on whatever the months asked for; only
      // events dated within them are made and explained.
      const shown = this.inWindow(monthOfDate(date));
      const values = nameRecord<EventValue>();
      let facts = "";
      if (shown && fired.when) {
        this.collectValues(fired.when, c, values);
        facts = this.describe(fired.when, c);
      } else if (shown) {
        for (const r of rejected) this.collectValues(r.when!, c, values);
        facts = rejected.length
          ? `ingen af de andre overgange gælder (${rejected.map((r) => `«${r.title}»: ${this.describe(r.when!, c)}`).join("; ")})`
          : "ingen betingelse";
      }
      const remember = this.code && ownValue(this.code.transitions, fired.name)?.remember;
      for (const r of fired.remember) {
        const v = this.decide(remember && ownValue(remember, r.name), r.expr, c);
        memory.set(r.name, v);
        values[r.name] = jsonValue(v, r.type);
      }
      const publication = this.publicationDate(period);
      const dateText = formatDate(date);
      if (shown && fired.to !== fired.from) {
        const e = this.event(unit, period.label, dateText, "tilstand", fired.name);
        e.from = fired.from;
        e.to = fired.to;
        e.values = values;
        e.explanation = flat(`${this.unitLabel(unit)} går fra ${fired.from} til ${fired.to} («${fired.title}») på grundlag af opgørelsen for ${period.label}: ${facts}.`);
        e.source = fired.source;
        events.push(e);
      }
      const target = machine.states.find((s) => s.name === fired!.to);
      for (const deadline of target?.deadlines ?? []) {
        const due = this.calendar(deadline.when, date, publication, deadlines);
        if (!due) continue;
        deadlines.set(deadline.name, due);
        if (!shown) continue;
        const e = this.event(unit, period.label, dateText, "frist", fired.name);
        e.name = deadline.name;
        e.due = formatDate(due);
        e.values = { frist: formatDate(due) };
        e.explanation = flat(`${this.unitLabel(unit)}: fristen «${deadline.name}» er ${formatDanishDate(due)} (${describeCalendar(deadline.when)}), sat ved overgangen «${fired.title}» til ${fired.to}.`);
        e.source = deadline.source ?? fired.source;
        events.push(e);
      }
      state = fired.to;
    }
  }

  private calendar(when: PlanCalendar, date: LocalDate, publication: LocalDate, deadlines: Map<string, LocalDate>): LocalDate | undefined {
    if (when.kind === "EndOfMonth") return lastDayOfMonth(date.year, when.month);
    const anchor = when.anchor === PUBLICATION_ANCHOR ? publication : deadlines.get(when.anchor);
    if (!anchor) return undefined;
    return when.kind === "After" ? addDuration(anchor, when.amount, when.unit) : periodEnd(anchor, when.amount, when.unit);
  }

  // -------------------------------------------------------------------------------------------
  // Explanations and values

  /** Whether an event dated in this month is asked for (EvaluateOptions fromMonth and toMonth). */
  private inWindow(month: number): boolean {
    const { fromMonth, toMonth } = this.options;
    return (fromMonth === undefined || month >= fromMonth) && (toMonth === undefined || month <= toMonth);
  }

  /**
   * An event with its first fields: the caller adds the rest (from, to, name, due, rules,
   * handling, source) and gives it its texts, now or to be written when read (RunEvent, whose
   * toJSON puts the keys in the contract's order).
   */
  private event(unit: Unit, period: string, date: string, type: EventType, rule: string): RunEvent {
    const e = new RunEvent(this.plan.name, unit.kommune, period, date, type, rule);
    if (unit.group !== undefined) e.group = unit.group;
    return e;
  }

  /** The last unit labelled and its label (a unit's events are made together). */
  private labelled?: { unit: Unit; text: string };

  private unitLabel(unit: Unit): string {
    if (this.labelled?.unit === unit) return this.labelled.text;
    const name = this.options.kommuneNames?.get(unit.kommune);
    const kommune = name ? `${name} Kommune (${unit.kommune})` : `kommune ${unit.kommune}`;
    const text = unit.group !== undefined ? `${kommune}, ydelsesgruppe ${unit.group},` : kommune;
    this.labelled = { unit, text };
    return text;
  }

  private explainCriterion(criterion: PlanCriterion, unit: Unit, period: Period): { facts: string; values: Record<string, EventValue> } {
    const c = this.ctx(unit, period);
    const values = nameRecord<EventValue>();
    const parts: string[] = [];
    if (criterion.guard) {
      this.collectValues(criterion.guard, c, values);
      parts.push(this.describe(criterion.guard, c));
    }
    if (criterion.streak !== undefined) {
      const n = criterion.streak;
      const months: string[] = [];
      const main = findComparison(criterion.when);
      for (let m = period.last - n + 1; m <= period.last; m++) {
        const mp = periodOf("månedlig", m);
        const mc = this.ctx(unit, mp);
        const perMonth = nameRecord<EventValue>();
        this.collectValues(criterion.when, mc, perMonth);
        for (const [k, v] of Object.entries(perMonth)) values[`${k} ${mp.label}`] = v;
        if (main) {
          const [left] = formatCompared(main.op, this.ev(main.left, mc), main.left.type, main.left.k === "lit", this.ev(main.right, mc), main.right.type, main.right.k === "lit", this.evBool(main, mc));
          months.push(`${mp.label}: ${left}`);
        }
      }
      parts.push(`${this.describe(criterion.when, c)} i hver af de ${n} sammenhængende måneder (${months.join(", ")})`);
    } else {
      this.collectValues(criterion.when, c, values);
      parts.push(this.describe(criterion.when, c));
    }
    return { facts: parts.join(", og "), values };
  }

  /** A Danish phrase for a condition, with its numbers and whether it held. */
  describe(e: PExpr, c: Ctx): string {
    switch (e.k) {
      case "cmp": {
        const holds = this.evBool(e, c);
        const shown = formatCompared(e.op, this.ev(e.left, c), e.left.type, e.left.k === "lit", this.ev(e.right, c), e.right.type, e.right.k === "lit", holds);
        const side = (x: PExpr, text: string) => (x.k === "lit" ? x.text : `${this.term(x)} (${text})`);
        const left = side(e.left, shown[0]);
        if (holds === undefined) return `${left} kan ikke sammenlignes med ${side(e.right, shown[1])}`;
        return `${left} er ${holds ? "" : "ikke "}${compareWords[e.op]} ${side(e.right, shown[1])}`;
      }
      case "and":
        return `${this.describe(e.left, c)}, og ${this.describe(e.right, c)}`;
      case "or":
        return `${this.describe(e.left, c)}, eller ${this.describe(e.right, c)}`;
      case "not":
        return this.describe(e.operand, c);
      case "measure": {
        const m = this.measures.get(e.name)!;
        const v = this.evBool(e, c);
        return `${m.name} er ${v === undefined ? "ikke målt" : v ? "opfyldt" : "ikke opfyldt"} (${this.describe(m.expr, c)})`;
      }
      default: {
        const v = this.ev(e, c);
        return `${this.term(e)} er ${formatValue(v, e.type)}`;
      }
    }
  }

  /** How an expression is named in an explanation. */
  term(e: PExpr): string {
    return termOf(e, this.measures);
  }

  /** The numbers a decision used, by name: measures, fields, sums and remembered values. */
  collectValues(e: PExpr, c: Ctx, out: Record<string, EventValue>): void {
    const record = (x: PExpr): void => {
      switch (x.k) {
        case "lit":
          return;
        case "measure": {
          const m = this.measures.get(x.name)!;
          out[x.name] = jsonValue(this.ev(x, c), x.type);
          if (m.type === "sandhed") this.collectValues(m.expr, c, out);
          return;
        }
        case "field":
          out[x.field] = jsonValue(this.ev(x, c), x.type);
          return;
        case "remembered":
          out[x.name] = jsonValue(this.ev(x, c), x.type);
          return;
        case "sum":
        case "mean":
        case "window":
          out[this.term(x)] = jsonValue(this.ev(x, c), x.type);
          return;
        case "arith":
          record(x.left);
          record(x.right);
          return;
        case "neg":
          record(x.operand);
          return;
        default:
          this.collectValues(x, c, out);
      }
    };
    switch (e.k) {
      case "cmp":
        record(e.left);
        record(e.right);
        return;
      case "and":
      case "or":
        this.collectValues(e.left, c, out);
        this.collectValues(e.right, c, out);
        return;
      case "not":
        this.collectValues(e.operand, c, out);
        return;
      default:
        record(e);
    }
  }
}

function rowValue(e: RowExpr, table: Table, row: number): number {
  switch (e.k) {
    case "field":
      return table.counts[e.field]![row]!;
    case "lit":
      return e.value;
    case "arith": {
      const a = rowValue(e.left, table, row);
      const b = rowValue(e.right, table, row);
      return e.op === "+" ? a + b : e.op === "-" ? a - b : a * b;
    }
  }
}

/**
 * How an expression is named in an explanation: a field by its name, a measure by its label, a
 * sum as "summen af …" and a mean as "gennemsnittet af …", in words a policy officer reads. The
 * interpreter, the compiled explanations (compiler/emit-criteria.ts) and documents
 * (compiler/document.ts) all name things through this one function.
 */
export function termOf(e: PExpr, measures: ReadonlyMap<string, PlanMeasure>): string {
  const term = (x: PExpr): string => termOf(x, measures);
  switch (e.k) {
    case "lit":
      return e.text;
    case "field":
      return e.field;
    case "measure":
      return measures.get(e.name)!.label;
    case "remembered":
      return e.name.replace(/_/g, " ");
    case "sum":
      if (e.bare) return rowExprText(e.row);
      return `summen af ${rowExprText(e.row)}${e.filter ? ` hvor ${e.filter} er målt` : ""}`;
    case "mean":
      return `gennemsnittet af ${term(e.operand)}`;
    case "window":
      return term(e.operand);
    case "arith": {
      const wrap = (x: PExpr) => (x.k === "arith" ? `(${term(x)})` : term(x));
      return `${wrap(e.left)} ${e.op === "-" ? "−" : e.op} ${wrap(e.right)}`;
    }
    case "neg":
      return `−${term(e.operand)}`;
    default:
      return "betingelsen";
  }
}

/** A row's value as a bigint (undefined when a cell is blank): no rounding, however large. */
function rowValueExact(e: RowExpr, table: Table, row: number): bigint | undefined {
  switch (e.k) {
    case "field": {
      const v = table.counts[e.field]![row]!;
      return Number.isNaN(v) ? undefined : BigInt(v);
    }
    case "lit":
      return BigInt(e.value);
    case "arith": {
      const a = rowValueExact(e.left, table, row);
      const b = rowValueExact(e.right, table, row);
      if (a === undefined || b === undefined) return undefined;
      return e.op === "+" ? a + b : e.op === "-" ? a - b : a * b;
    }
  }
}

/** The first comparison in a condition: the measure a chart shows against its limit. */
export function findComparison(e: PExpr): Extract<PExpr, { k: "cmp" }> | undefined {
  switch (e.k) {
    case "cmp":
      return e;
    case "and":
    case "or":
      return findComparison(e.left) ?? findComparison(e.right);
    case "not":
      return findComparison(e.operand);
    default:
      return undefined;
  }
}

export function describeCalendar(when: PlanCalendar): string {
  switch (when.kind) {
    case "EndOfMonth":
      return `udgangen af ${MONTH_NAMES[when.month - 1]}`;
    case "After":
      return `${durationText(when.amount, when.unit)} efter ${when.anchor}`;
    case "PeriodFrom":
      return `${durationText(when.amount, when.unit)} fra ${when.anchor}`;
  }
}

/** Every expression of a plan (measures, criteria, reviews, transitions, remembered values). */
export function planExpressions(plan: Plan): PExpr[] {
  const out: PExpr[] = plan.measures.map((m) => m.expr);
  for (const c of plan.criteria) out.push(...(c.guard ? [c.guard] : []), c.when);
  for (const r of plan.reviews) out.push(r.when);
  for (const t of plan.machine?.transitions ?? []) out.push(...(t.when ? [t.when] : []), ...t.remember.map((r) => r.expr));
  return out;
}

/** Every sum of a plan, by id (the compiled kernels read their prefix sums by this id). */
export function planSums(plan: Plan): Map<number, Extract<PExpr, { k: "sum" }>> {
  const out = new Map<number, Extract<PExpr, { k: "sum" }>>();
  for (const e of planExpressions(plan)) collectSums(e, out);
  return out;
}

function collectSums(e: PExpr, into: Map<number, Extract<PExpr, { k: "sum" }>>): void {
  walkPlan(e, (x) => void (x.k === "sum" && into.set(x.id, x)));
}
