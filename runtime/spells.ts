// Evaluating a `måling` (runtime/measure-plan.ts) over person data: one person at a time, each
// person's months and events in time order, in O(months + events) per person.
//
// Per person:
// 1. months: which are dead (`død når`), where each spell starts (a gap or, in a counted month, a
//    new value of the spell's field), the spell's duration in counted months, and where the
//    window of the last N counted months begins; `antal(måneder hvor …)` as running counts;
// 2. events of each dated data: in date order, whether each is the spell's first of a kind
//    (`første(…)`; of several on one day, the one that can count as first) and whether it counts (`tæl`: a case in force at its
//    date holds), as prefix sums;
// 3. each counted month: events counted and sums taken over the window with two pointers (the
//    window's start never moves back), then the table's fields in order, added to one Int32Array
//    cell per kommune, month and field.
//
// Numbers are exact: every numeric expression is a fraction of two safe integers (n, d), compared
// by cross-multiplication; `tal` fields are integers of ten-thousandths. No floating point result
// decides anything. Texts are compared as ids in their field's dictionary.

import type { CountCasePlan, MExpr, MeasurePlan } from "./measure-plan.js";

export interface PersonColumn {
  name: string;
  type: "antal" | "tal" | "tekst";
  values: Int32Array | Float64Array;
  /** For `tekst`: id → text, and text → id. */
  texts?: string[];
  dictionary?: Map<string, number>;
}

/** One person data file as columns, rows in file order (load/persons.ts). */
export interface PersonTable {
  name: string;
  grain: "måned" | "dato";
  rows: number;
  /** Person id (shared by the tables of one measurement). */
  person: Int32Array;
  /** Month index (year*12 + month-1) or day number (days since 1970-01-01). */
  time: Int32Array;
  /** The line each row starts on. */
  line: Int32Array;
  columns: PersonColumn[];
  file: string;
}

/** `tal` fields are integers of this many parts. */
export const TAL_SCALE = 10000;

/** The measured table: one row per kommune and month with at least one person on a benefit. */
export interface MeasuredTable {
  fields: string[];
  /** Sorted by kommune, then month. `month` is year*12 + month-1. */
  rows: { kommune: string; month: number; values: number[] }[];
}

/** Rows of a table grouped by person and sorted by time within a person (stable: file order on ties). */
export interface Grouped {
  /** start[p] .. start[p+1]: the person's rows in `order`. */
  start: Int32Array;
  order: Int32Array;
}

const groupedCache = new WeakMap<PersonTable, { persons: number; grouped: Grouped }>();

export function groupByPerson(t: PersonTable, persons: number): Grouped {
  const hit = groupedCache.get(t);
  if (hit && hit.persons === persons) return hit.grouped;
  const grouped = group(t, persons);
  groupedCache.set(t, { persons, grouped });
  return grouped;
}

function group(t: PersonTable, persons: number): Grouped {
  const start = new Int32Array(persons + 1);
  for (let r = 0; r < t.rows; r++) start[t.person[r]! + 1]!++;
  for (let p = 0; p < persons; p++) start[p + 1]! += start[p]!;
  const fill = start.slice(0, persons);
  const order = new Int32Array(t.rows);
  for (let r = 0; r < t.rows; r++) order[fill[t.person[r]!]!++] = r;
  // Within a person: by time, stable (rows of one time keep their file order). A person has a few
  // dozen rows, in order already when the file is sorted: insertion sort, in place.
  const time = t.time;
  for (let p = 0; p < persons; p++) {
    const a = start[p]!;
    const b = start[p + 1]!;
    for (let i = a + 1; i < b; i++) {
      const r = order[i]!;
      const key = time[r]!;
      let j = i - 1;
      while (j >= a && time[order[j]!]! > key) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = r;
    }
  }
  return { start, order };
}

/** First day (day number) of month index m. */
const firstDay = (m: number): number => Date.UTC(Math.floor(m / 12), m % 12, 1) / 86400000;

const dayOfText = (s: string): number => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86400000;

/**
 * Mutable state of the person being measured: what the emitted code (compiler/emit-measure.ts)
 * reads. Arrays by month position i are the person's months in time order.
 */
export class MeasureState {
  /** Rows of the spell data (global indices), months, flags, by month position i. */
  rows = new Int32Array(64);
  month = new Int32Array(64);
  dead = new Uint8Array(64);
  spellStart = new Int32Array(64);
  duration = new Int32Array(64);
  windowStart = new Int32Array(64);
  /** The counted months of the current spell, as month positions (the window is the last N). */
  countedAt = new Int32Array(64);
  n = 0;
  /** The month position in question. */
  cur = 0;
  /** Other person-month data (MeasureLayout.aligned): aligned[k][i] = its row for month position i, or -1. */
  aligned: Int32Array[] = [];
  /** Running counts of `antal(måneder hvor …)` (MeasureLayout.months), by month position. */
  monthCounts: Int32Array[] = [];
  /** The event in question (global row) and its month position (or -1). */
  event = 0;
  eventMonth = -1;
  /** `første(…)` of the event in question (MeasureLayout.firsts of its data). */
  first: Uint8Array = new Uint8Array(0);
  /** Events counted in the window of the month in question (MeasureLayout.windowEvents). */
  windowEvents: Int32Array = new Int32Array(0);
  /** Sums over the window (MeasureLayout.sums; numerators over the field's scale). */
  windowSums: Float64Array = new Float64Array(0);
  /** The table's fields for the month in question. */
  outputs: Uint8Array = new Uint8Array(0);

  ensure(n: number): void {
    if (this.rows.length >= n) return;
    const size = Math.max(n, this.rows.length * 2);
    this.rows = new Int32Array(size);
    this.month = new Int32Array(size);
    this.dead = new Uint8Array(size);
    this.spellStart = new Int32Array(size);
    this.duration = new Int32Array(size);
    this.windowStart = new Int32Array(size);
    this.countedAt = new Int32Array(size);
    this.aligned = this.aligned.map(() => new Int32Array(size));
    this.monthCounts = this.monthCounts.map(() => new Int32Array(size));
  }
}

/** A condition of the plan as emitted code: does it hold for the month or event in question? */
export type MeasureCondition = (s: MeasureState) => boolean;

/** The emitted functions of a measurement, bound to the loaded columns (see MeasureCode). */
export interface MeasureFunctions {
  /** `død når …` (always false without it). */
  dead: MeasureCondition;
  /** Each field of the table's condition. */
  outputs: MeasureCondition[];
  /** Each field's top-level `og`s, left to right (`outputs[k]` is them joined by &&): for `tilsyn explain`. */
  parts: MeasureCondition[][];
  /** The condition of each `antal(måneder hvor …)` (MeasureLayout.months), in the month in question. */
  months: MeasureCondition[];
  /** Per dated data (MeasureLayout.dated): its `tæl` cases' conditions, for the event in question. */
  cases: MeasureCondition[][];
  /** Per dated data: its `første(…)` conditions (MeasureLayout.firsts), for the event in question. */
  firsts: MeasureCondition[][];
}

/**
 * The emitted code of a measurement (compiler/emit-measure.ts): given the columns it reads
 * (MeasureLayout.columns, in that order) and the ids of its text constants in their columns'
 * dictionaries (MeasureLayout.texts; -2 when no row has the text), its functions. Called once per
 * load; the functions read only the MeasureState.
 */
export type MeasureCode = (columns: readonly PersonColumn[], ids: Int32Array) => MeasureFunctions;

/**
 * Where the emitted code and the evaluator meet: the plan's columns, text constants and counted
 * things in one fixed order (the `død når` condition, the fields' conditions, then each dated
 * data's `tæl` cases), so that an index means the same to both.
 */
export interface MeasureLayout {
  /** Person-month data other than the spell's, by index in MeasureState.aligned. */
  aligned: string[];
  /** The columns the code reads (an event's own fields under the event's data). */
  columns: { data: string; field: string }[];
  /** Text constants compared with a column: the code gets their ids in its dictionary. */
  texts: { data: string; field: string; value: string }[];
  /** `antal(måneder hvor …)`, by index in MeasureState.monthCounts (inner ones first). */
  months: { cond: MExpr; text?: string }[];
  /** `sum(FELT)`, by index in MeasureState.windowSums. */
  sums: { data: string; field: string }[];
  /** `antal(DATA)`: the dated data counted in the window, by index in MeasureState.windowEvents. */
  windowEvents: string[];
  /** The dated data, in the plan's order. */
  dated: string[];
  /** Per dated data: its `første(…)` conditions, by index in MeasureState.first. */
  firsts: MExpr[][];
  /** Each node's index: a field's column, a text constant's slot, a count's, sum's or `første`'s index. */
  index: Map<MExpr, number>;
}

const layouts = new WeakMap<MeasurePlan, MeasureLayout>();

export function measureLayout(plan: MeasurePlan): MeasureLayout {
  const hit = layouts.get(plan);
  if (hit) return hit;
  const dated = plan.data.filter((d) => d.grain === "dato").map((d) => d.name);
  const L: MeasureLayout = { aligned: [], columns: [], texts: [], months: [], sums: [], windowEvents: [], dated, firsts: dated.map(() => []), index: new Map() };
  const slot = <T>(list: T[], same: (x: T) => boolean, make: () => T): number => {
    const i = list.findIndex(same);
    return i >= 0 ? i : list.push(make()) - 1;
  };
  const column = (data: string, field: string): number => slot(L.columns, (c) => c.data === data && c.field === field, () => ({ data, field }));
  const monthData = (data: string): void => {
    if (data !== plan.spell.data && !L.aligned.includes(data)) L.aligned.push(data);
  };
  /** Walks a condition; `event` is the dated data of a `tæl` (the event context). */
  const walk = (e: MExpr, event: string | undefined): void => {
    switch (e.k) {
      case "field":
        monthData(e.data);
        L.index.set(e, column(e.data, e.field));
        return;
      case "efield":
        L.index.set(e, column(event!, e.field));
        return;
      case "months":
        walk(e.cond, event);
        L.index.set(e, L.months.push({ cond: e.cond, ...(e.text ? { text: e.text } : {}) }) - 1);
        return;
      case "events":
        L.index.set(e, slot(L.windowEvents, (d) => d === e.data, () => e.data));
        return;
      case "sum":
        monthData(e.data);
        column(e.data, e.field);
        L.index.set(e, L.sums.push({ data: e.data, field: e.field }) - 1);
        return;
      case "first": {
        walk(e.cond, event);
        const firsts = L.firsts[dated.indexOf(event!)]!;
        L.index.set(e, firsts.push(e.cond) - 1);
        return;
      }
      case "arith":
      case "and":
      case "or":
        walk(e.left, event);
        walk(e.right, event);
        return;
      case "cmp": {
        walk(e.left, event);
        walk(e.right, event);
        // A text constant compared with a field: its id in that field's dictionary.
        const constant = (x: MExpr, other: MExpr): void => {
          if (x.k !== "text" || (other.k !== "field" && other.k !== "efield")) return;
          const c = L.columns[L.index.get(other)!]!;
          L.index.set(x, slot(L.texts, (t) => t.data === c.data && t.field === c.field && t.value === x.value, () => ({ data: c.data, field: c.field, value: x.value })));
        };
        if (e.text) {
          constant(e.left, e.right);
          constant(e.right, e.left);
        }
        return;
      }
      case "neg":
      case "not":
        walk(e.operand, event);
        return;
      default:
        return;
    }
  };
  if (plan.dead) walk(plan.dead.when, undefined);
  for (const o of plan.outputs) walk(o.where, undefined);
  for (const name of dated) for (const c of plan.counts.find((x) => x.data === name)?.cases ?? []) walk(c.when, name);
  layouts.set(plan, L);
  return L;
}

/** ln/ld compared with rn/rd exactly, with bigint (the emitted code's path when a product leaves the safe integers). */
export function compareBig(ln: number, ld: number, rn: number, rd: number): number {
  const a = BigInt(ln) * BigInt(rd);
  const b = BigInt(rn) * BigInt(ld);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * An optional collector for `tilsyn explain` (compiler/explain-measure.ts): for one kommune and
 * some months, how many persons were measured and where each field's condition stopped holding.
 * Off (undefined) in normal runs: the evaluator then takes no other path than without it.
 */
export interface MeasureInspect {
  kommune: string;
  /** Month indices (year*12 + month-1) to explain. */
  months: ReadonlySet<number>;
  /** A person (id in the tables' shared person ids) whose months in `months` are explained, in any kommune. */
  person?: number;
}

/** One month of the inspected person, as the evaluator saw it. */
export interface InspectedPersonMonth {
  month: number;
  kommune: string;
  /** The spell field's value in the month (the benefit). */
  value: string;
  dead: boolean;
  /** The spell's first month, its counted months up to this one, and the window's first month. */
  spellStart: number;
  duration: number;
  windowStart: number;
  /** `antal(måneder hvor …)` in the month, by its text. */
  monthCounts: { text: string; value: number }[];
  /** Every dated event in the window (day numbers), with the `tæl` case that counted it (-1: none; -2: the data has no `tæl`, every event counts). */
  events: { data: string; day: number; fields: Record<string, string>; case: number }[];
  /** `sum(FELT)` over the window, as numerator and scale. */
  sums: { field: string; n: number; d: number }[];
  /** Per field of the table: -1 when the person counts, else the first part that did not hold. */
  outputs: { name: string; failed: number }[];
}

/** One explained month of one kommune, counted by the evaluator that made the table. */
export interface InspectedMeasureMonth {
  month: number;
  /** Persons with a row of the spell data in the kommune in the month. */
  persons: number;
  /** Of those, persons whose month is dead (`død når`): no field is evaluated for them. */
  dead: number;
  /** Per field of the table, in order: the parts of its condition (its top-level `og`s). */
  outputs: {
    name: string;
    /** failed[j]: persons in a counted month where parts 0..j-1 hold and part j does not. */
    failed: number[];
    /** Persons where every part holds: the table's value. */
    counted: number;
  }[];
}

/** A row's fields as text (`tal` with a decimal comma), for explanations. */
function rowFields(t: PersonTable, row: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of t.columns) {
    const v = c.values[row]!;
    out[c.name] = c.type === "tekst" ? (c.texts![v] ?? "") : c.type === "tal" ? String(v / TAL_SCALE).replace(".", ",") : String(v);
  }
  return out;
}

/** The top-level `og`s of a condition, left to right (a condition without one is one part). */
export function conjuncts(e: MExpr): MExpr[] {
  return e.k === "and" ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

/**
 * Measure: the table per kommune and month. `tables` holds every person data block of the plan,
 * loaded with one shared set of person ids (`persons` of them); `kommuner` the valid codes.
 */
export function measure(plan: MeasurePlan, tables: ReadonlyMap<string, PersonTable>, persons: number, code: MeasureCode): MeasuredTable;
export function measure(
  plan: MeasurePlan,
  tables: ReadonlyMap<string, PersonTable>,
  persons: number,
  code: MeasureCode,
  inspect: MeasureInspect,
): MeasuredTable & { inspected: InspectedMeasureMonth[]; person: InspectedPersonMonth[] };
export function measure(
  plan: MeasurePlan,
  tables: ReadonlyMap<string, PersonTable>,
  persons: number,
  code: MeasureCode,
  inspect?: MeasureInspect,
): MeasuredTable & { inspected?: InspectedMeasureMonth[]; person?: InspectedPersonMonth[] } {
  const spellTable = tables.get(plan.spell.data)!;
  const valueCol = spellTable.columns.find((c) => c.name === plan.spell.field)!;
  const kommuneCol = spellTable.columns.find((c) => c.name === "kommune")!;
  const N = plan.window.months;

  // The emitted code, bound to this load's columns and the ids of its text constants.
  const layout = measureLayout(plan);
  const columnOf = (data: string, field: string): PersonColumn => tables.get(data)!.columns.find((c) => c.name === field)!;
  const fns = code(
    layout.columns.map((c) => columnOf(c.data, c.field)),
    Int32Array.from(layout.texts, (t) => columnOf(t.data, t.field).dictionary?.get(t.value) ?? -2),
  );
  const dead = fns.dead;
  const outputs = fns.outputs;
  // Inspecting: each field's parts, evaluated left to right, stopping at the first false one.
  const outputParts = inspect ? fns.parts : [];

  // Per dated data: its counting cases and `første(…)` conditions, in the event's context.
  const eventPlans = layout.dated.map((name, d) => {
    const table = tables.get(name)!;
    const count = plan.counts.find((c) => c.data === name);
    const cases = (count?.cases ?? []).map((c: CountCasePlan, k) => ({
      when: fns.cases[d]![k]!,
      from: c.from ? dayOfText(c.from) : -Infinity,
      to: c.to ? dayOfText(c.to) : Infinity,
    }));
    return { name, table, all: !count, cases, firsts: fns.firsts[d]!, grouped: groupByPerson(table, persons) };
  });
  const windowData = layout.windowEvents.map((name) => eventPlans.findIndex((e) => e.name === name));
  const monthNodes = layout.months.map((m, index) => ({ cond: fns.months[index]!, index, ...(m.text ? { text: m.text } : {}) }));
  const sumNodes = layout.sums.map((x) => ({ data: x.data === plan.spell.data ? -1 : layout.aligned.indexOf(x.data), column: columnOf(x.data, x.field) }));

  // Person-month data other than the spell's, aligned by month.
  const alignedData = layout.aligned.map((name) => ({ table: tables.get(name)!, grouped: groupByPerson(tables.get(name)!, persons) }));
  const spellGrouped = groupByPerson(spellTable, persons);

  // The table: kommune ids of the spell data's dictionary → a sorted kommune position.
  const kommuneTexts = kommuneCol.texts ?? [];
  const kommuneOrder = kommuneTexts.map((_, i) => i).sort((a, b) => (kommuneTexts[a]! < kommuneTexts[b]! ? -1 : kommuneTexts[a]! > kommuneTexts[b]! ? 1 : 0));
  const kommunePos = new Int32Array(kommuneTexts.length);
  kommuneOrder.forEach((id, pos) => (kommunePos[id] = pos));
  let minMonth = Infinity;
  let maxMonth = -Infinity;
  for (let r = 0; r < spellTable.rows; r++) {
    const m = spellTable.time[r]!;
    if (m < minMonth) minMonth = m;
    if (m > maxMonth) maxMonth = m;
  }
  const months = spellTable.rows ? maxMonth - minMonth + 1 : 0;
  const nOut = outputs.length;
  const counts = new Int32Array(kommuneTexts.length * months * nOut);
  const present = new Uint8Array(kommuneTexts.length * months);
  // Day numbers of the first day of each month in range (and the one after).
  const monthDay = new Int32Array(months + 1);
  for (let i = 0; i <= months; i++) monthDay[i] = firstDay(minMonth + i);

  // Inspecting: the explained cells (kommune position × month) and their counts.
  const inspected: InspectedMeasureMonth[] = [];
  const inspectedAt = new Int32Array(inspect ? kommuneTexts.length * months : 0).fill(-1);
  if (inspect) {
    const id = kommuneTexts.indexOf(inspect.kommune);
    for (const m of [...inspect.months].sort((a, b) => a - b)) {
      if (id < 0 || m < minMonth || m > maxMonth) continue;
      inspectedAt[kommunePos[id]! * months + (m - minMonth)] = inspected.length;
      inspected.push({ month: m, persons: 0, dead: 0, outputs: plan.outputs.map((o, k) => ({ name: o.name, failed: outputParts[k]!.map(() => 0), counted: 0 })) });
    }
  }
  const inspecting = inspected.length > 0;
  // The inspected person (or -1): the case that counted each of their events, by dated data.
  const inspectPerson = inspect?.person ?? -1;
  const personMonths: InspectedPersonMonth[] = [];
  const personCase = eventPlans.map(() => new Int32Array(0));

  const s = new MeasureState();
  s.aligned = alignedData.map(() => new Int32Array(64));
  s.monthCounts = monthNodes.map(() => new Int32Array(64));
  s.windowEvents = new Int32Array(layout.windowEvents.length);
  s.windowSums = new Float64Array(sumNodes.length);
  s.outputs = new Uint8Array(nOut);
  const maxFirst = Math.max(0, ...eventPlans.map((e) => e.firsts.length));
  s.first = new Uint8Array(maxFirst);
  const firstSeen = new Int32Array(maxFirst);
  let groupFirst = new Uint8Array(16);
  /** Does the event in question count (a case in force at its date holds)? */
  const countsNow = (ep: { cases: { when: MeasureCondition; from: number; to: number }[] }, day: number): boolean => {
    for (const c of ep.cases) if (day >= c.from && day <= c.to && c.when(s)) return true;
    return false;
  };
  /** The first case in force at the day that holds for the event in question, or -1. */
  const caseNow = (ep: { cases: { when: MeasureCondition; from: number; to: number }[] }, day: number): number => {
    for (let k = 0; k < ep.cases.length; k++) {
      const c = ep.cases[k]!;
      if (day >= c.from && day <= c.to && c.when(s)) return k;
    }
    return -1;
  };
  // Per dated data: prefix counts of counting events, and their day numbers, for the person.
  const eventCounts = eventPlans.map(() => ({ prefix: new Int32Array(64), days: new Int32Array(64), n: 0 }));
  // Per sum node: prefix sums over the aligned data's rows of the person.
  const valueValues = valueCol.values;
  const kommuneValues = kommuneCol.values;
  const spellTime = spellTable.time;

  // The three passes over one person, as functions of their own so that each is optimised alone.
  const monthsPass = (n: number): void => {
  // 1. Months: dead, spells, duration, window start, running counts.
  let spell = 0;
  let spellValue = -1;
  let counted = 0;
  const countedAt = s.countedAt;
  let countedBase = 0;
  for (let i = 0; i < n; i++) {
    s.cur = i;
    const isDead = dead(s);
    s.dead[i] = isDead ? 1 : 0;
    const value = valueValues[s.rows[i]!]!;
    const gap = i === 0 || s.month[i]! !== s.month[i - 1]! + 1;
    if (gap || (!isDead && spellValue >= 0 && value !== spellValue)) {
      spell = i;
      spellValue = -1;
      counted = 0;
      countedBase = i;
      for (const node of monthNodes) s.monthCounts[node.index]![i] = 0;
    }
    s.spellStart[i] = spell;
    if (!isDead) {
      if (spellValue < 0) spellValue = value;
      countedAt[countedBase + counted] = i;
      counted++;
    }
    s.duration[i] = counted;
    s.windowStart[i] = counted === 0 ? i : countedAt[countedBase + Math.max(0, counted - N)]!;
    for (const node of monthNodes) {
      const before = i === spell ? 0 : s.monthCounts[node.index]![i - 1]!;
      s.monthCounts[node.index]![i] = before + (!isDead && node.cond(s) ? 1 : 0);
    }
  }
  };
  const eventsPass = (p: number, n: number): void => {
  // 2. Events: month position, first of a kind in the spell, counting; prefix counts by date.
  for (let d = 0; d < eventPlans.length; d++) {
    const ep = eventPlans[d]!;
    const ec = eventCounts[d]!;
    const ea = ep.grouped.start[p]!;
    const en = ep.grouped.start[p + 1]! - ea;
    if (ec.prefix.length <= en) {
      ec.prefix = new Int32Array((en + 1) * 2);
      ec.days = new Int32Array((en + 1) * 2);
    }
    ec.n = en;
    ec.prefix[0] = 0;
    firstSeen.fill(-1);
    const nFirst = ep.firsts.length;
    let i = 0;
    // Events of one day are a group: their month and spell are the same.
    for (let g0 = 0; g0 < en; ) {
      const day = ep.table.time[ep.grouped.order[ea + g0]!]!;
      let g1 = g0 + 1;
      while (g1 < en && ep.table.time[ep.grouped.order[ea + g1]!]! === day) g1++;
      // The events' month position: months are in order and so are the events.
      while (i < n && monthDay[s.month[i]! - minMonth + 1]! <= day) i++;
      const m = i < n && monthDay[s.month[i]! - minMonth]! <= day ? i : -1;
      s.eventMonth = m;
      const spellOf = m < 0 ? -1 : s.spellStart[m]!;
      if (groupFirst.length < (g1 - g0) * nFirst) groupFirst = new Uint8Array((g1 - g0) * nFirst * 2);
      groupFirst.fill(0, 0, (g1 - g0) * nFirst);
      // `første(…)`: the spell's first event where the condition holds. When several on the
      // spell's first such day hold, the day's order is not known: the one taken as first is the
      // first (in file order) that counts as the first, so that as many count as can; the result
      // does not depend on the order of the rows.
      for (let f = 0; f < nFirst && spellOf >= 0; f++) {
        if (firstSeen[f] === spellOf) continue;
        let chosen = -1;
        let fallback = -1;
        for (let j = g0; j < g1; j++) {
          s.event = ep.grouped.order[ea + j]!;
          if (!ep.firsts[f]!(s)) continue;
          if (fallback < 0) fallback = j;
          for (let x = 0; x < nFirst; x++) s.first[x] = groupFirst[(j - g0) * nFirst + x]!;
          s.first[f] = 1;
          if (countsNow(ep, day)) {
            chosen = j;
            break;
          }
        }
        if (chosen < 0) chosen = fallback;
        if (chosen >= 0) {
          firstSeen[f] = spellOf;
          groupFirst[(chosen - g0) * nFirst + f] = 1;
        }
      }
      for (let j = g0; j < g1; j++) {
        s.event = ep.grouped.order[ea + j]!;
        ec.days[j] = day;
        for (let x = 0; x < nFirst; x++) s.first[x] = groupFirst[(j - g0) * nFirst + x]!;
        if (p === inspectPerson) {
          // The same cases in the same order, keeping which one held.
          if (personCase[d]!.length < en) personCase[d] = new Int32Array(en);
          const c = ep.all ? -2 : caseNow(ep, day);
          personCase[d]![j] = c;
          ec.prefix[j + 1] = ec.prefix[j]! + (c === -1 ? 0 : 1);
          continue;
        }
        ec.prefix[j + 1] = ec.prefix[j]! + (ep.all || countsNow(ep, day) ? 1 : 0);
      }
      g0 = g1;
    }
  }
  };
  /** The inspected person's month position i, after its fields (a dead month: before the window). */
  const recordPerson = (p: number, i: number, fromDay?: number, toDay?: number): void => {
    const r = s.rows[i]!;
    const dead = s.dead[i] === 1;
    const events: InspectedPersonMonth["events"] = [];
    if (!dead) {
      for (let d = 0; d < eventPlans.length; d++) {
        const ep = eventPlans[d]!;
        const ec = eventCounts[d]!;
        const ea = ep.grouped.start[p]!;
        for (let j = 0; j < ec.n; j++) {
          if (ec.days[j]! < fromDay! || ec.days[j]! > toDay!) continue;
          const row = ep.grouped.order[ea + j]!;
          events.push({ data: ep.name, day: ec.days[j]!, fields: rowFields(ep.table, row), case: personCase[d]![j]! });
        }
      }
    }
    personMonths.push({
      month: s.month[i]!,
      kommune: kommuneTexts[kommuneValues[r]!]!,
      value: valueCol.texts?.[valueValues[r]!] ?? String(valueValues[r]),
      dead,
      spellStart: s.month[s.spellStart[i]!]!,
      duration: s.duration[i]!,
      windowStart: s.month[s.windowStart[i]!]!,
      monthCounts: monthNodes.map((node) => ({ text: node.text ?? "antal(måneder hvor …)", value: s.monthCounts[node.index]![i]! })),
      events,
      sums: dead ? [] : sumNodes.map((node, k) => ({ field: node.column.name, n: s.windowSums[k]!, d: node.column.type === "tal" ? TAL_SCALE : 1 })),
      outputs: dead
        ? []
        : plan.outputs.map((o, k) => {
            const parts = outputParts[k]!;
            let failed = -1;
            for (let j = 0; j < parts.length && failed < 0; j++) if (!parts[j]!(s)) failed = j;
            return { name: o.name, failed };
          }),
    });
  };
  const outputPass = (p: number, n: number): void => {
  // 3. Counted months: the window's events and sums, then the table's fields.
  const lo = windowData.map(() => 0);
  const hi = windowData.map(() => 0);
  const sumLo = sumNodes.map(() => 0);
  const sumHi = sumNodes.map(() => 0);
  const sumAcc = sumNodes.map(() => 0);
  for (let i = 0; i < n; i++) {
    const m = s.month[i]!;
    const cell = kommunePos[kommuneValues[s.rows[i]!]!]! * months + (m - minMonth);
    present[cell] = 1;
    const at = inspecting ? inspectedAt[cell]! : -1;
    if (at >= 0) {
      inspected[at]!.persons++;
      if (s.dead[i]) inspected[at]!.dead++;
    }
    if (s.dead[i]) {
      if (p === inspectPerson && inspect!.months.has(m)) recordPerson(p, i);
      continue;
    }
    s.cur = i;
    const fromMonth = s.month[s.windowStart[i]!]!;
    const fromDay = monthDay[fromMonth - minMonth]!;
    const toDay = monthDay[m - minMonth + 1]! - 1;
    for (let w = 0; w < windowData.length; w++) {
      const ec = eventCounts[windowData[w]!]!;
      let l = lo[w]!;
      let h = hi[w]!;
      while (l < ec.n && ec.days[l]! < fromDay) l++;
      if (h < l) h = l;
      while (h < ec.n && ec.days[h]! <= toDay) h++;
      lo[w] = l;
      hi[w] = h;
      s.windowEvents[w] = ec.prefix[h]! - ec.prefix[l]!;
    }
    for (let k = 0; k < sumNodes.length; k++) {
      const node = sumNodes[k]!;
      const values = node.column.values;
      if (node.data < 0) {
        // The spell data's own field: its rows are the person's months.
        let acc = 0;
        for (let x = s.windowStart[i]!; x <= i; x++) acc += values[s.rows[x]!]!;
        s.windowSums[k] = acc;
        continue;
      }
      const { table, grouped } = alignedData[node.data]!;
      const start = grouped.start[p]!;
      const end = grouped.start[p + 1]!;
      let l = Math.max(sumLo[k]!, start);
      let h = Math.max(sumHi[k]!, start);
      let acc = sumAcc[k]!;
      while (h < end && table.time[grouped.order[h]!]! <= m) acc += values[grouped.order[h++]!]!;
      while (l < h && table.time[grouped.order[l]!]! < fromMonth) acc -= values[grouped.order[l++]!]!;
      sumLo[k] = l;
      sumHi[k] = h;
      sumAcc[k] = acc;
      s.windowSums[k] = acc;
    }
    const base = cell * nOut;
    if (at >= 0) {
      // An explained cell: the same parts, and where the first false one is.
      const rec = inspected[at]!;
      for (let o = 0; o < nOut; o++) {
        const parts = outputParts[o]!;
        let failed = -1;
        for (let j = 0; j < parts.length && failed < 0; j++) if (!parts[j]!(s)) failed = j;
        const v = failed < 0 ? 1 : 0;
        if (failed < 0) rec.outputs[o]!.counted++;
        else rec.outputs[o]!.failed[failed]!++;
        s.outputs[o] = v;
        counts[base + o]! += v;
      }
    } else {
      for (let o = 0; o < nOut; o++) {
        const v = outputs[o]!(s) ? 1 : 0;
        s.outputs[o] = v;
        counts[base + o]! += v;
      }
    }
    if (p === inspectPerson && inspect!.months.has(m)) recordPerson(p, i, fromDay, toDay);
  }
  };

  for (let p = 0; p < persons; p++) {
    const a = spellGrouped.start[p]!;
    const n = spellGrouped.start[p + 1]! - a;
    if (n === 0) continue;
    s.ensure(n);
    s.n = n;
    for (let i = 0; i < n; i++) {
      const r = spellGrouped.order[a + i]!;
      s.rows[i] = r;
      s.month[i] = spellTime[r]!;
    }
    // Other person-month data aligned with the spell data's months (both in month order).
    for (let k = 0; k < alignedData.length; k++) {
      const { table, grouped } = alignedData[k]!;
      const out = s.aligned[k]!;
      let j = grouped.start[p]!;
      const end = grouped.start[p + 1]!;
      for (let i = 0; i < n; i++) {
        while (j < end && table.time[grouped.order[j]!]! < s.month[i]!) j++;
        out[i] = j < end && table.time[grouped.order[j]!]! === s.month[i]! ? grouped.order[j]! : -1;
      }
    }
    monthsPass(n);
    eventsPass(p, n);
    outputPass(p, n);
  }

  const rows: MeasuredTable["rows"] = [];
  for (let k = 0; k < kommuneOrder.length; k++) {
    for (let m = 0; m < months; m++) {
      const cell = k * months + m;
      if (!present[cell]) continue;
      rows.push({ kommune: kommuneTexts[kommuneOrder[k]!]!, month: minMonth + m, values: Array.from(counts.subarray(cell * nOut, cell * nOut + nOut)) });
    }
  }
  return { fields: plan.outputs.map((o) => o.name), rows, ...(inspect ? { inspected, person: personMonths } : {}) };
}

/** `YYYY-MM` of a month index. */
export function monthText(m: number): string {
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
}

/** The measured table as CSV: `kommune,maaned,FIELD…`, one line per row. */
export function measuredCsv(t: MeasuredTable): string {
  const lines = [["kommune", "maaned", ...t.fields].join(",")];
  for (const r of t.rows) lines.push([r.kommune, monthText(r.month), ...r.values].join(","));
  return lines.join("\n") + "\n";
}
