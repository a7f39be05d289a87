// Code generation for a `måling` (docs/sprog.md «Målinger»): the measurement's conditions as plain
// functions over the evaluator's per-person state (runtime/spells.ts, MeasureState).
//
// The streaming evaluator `measure()` walks each person's months and events; what it asks of the
// policy is whether a condition holds for the month or the event in question: `død når`, each
// field's `antal(personer hvor …)` (and, for `tilsyn explain`, each of its top-level `og`s),
// each `antal(måneder hvor …)`, each `tæl` case and each `første(…)`. This module writes them as
// one function `bindMeasure(cols, ids)`, called once per load with the columns the conditions
// read and the ids of their text constants in those columns' dictionaries (both in the order of
// the runtime's measureLayout()); inside, one small function per comparison and per condition,
// with the policy's text as a comment above it. Nothing is built per person or per month.
//
// A number is a pair of a numerator and a denominator (a `tal` field is ten-thousandths over
// 10000, `50 %` is 50/100); a value that is not there (a month without a row) is a NaN numerator
// and makes the comparison false. Comparisons are exact cross-multiplications; when a product
// leaves the safe integers, the runtime's compareBig() decides with bigint.
//
// The same source is emitted typed into the module `tilsyn compile` writes and untyped for the
// CLI, the examples, the playground and the bench, which run it in this process (measureCodeFor);
// the module around it is written by emit-measure-module.ts.

import type { MExpr, MeasurePlan } from "../runtime/measure-plan.js";
import {
  compareBig,
  conjuncts,
  measureLayout,
  TAL_SCALE,
  type MeasureCode,
  type MeasureLayout,
} from "../runtime/spells.js";
import { instantiateFunctions } from "./instantiate.js";
import { literal } from "./literal.js";

type Cmp = Extract<MExpr, { k: "cmp" }>;

/** A number in emitted code: numerator and denominator as literals or local names. */
interface Num {
  n: string;
  d: string;
  /** The numerator is a safe integer (or NaN): with denominators 1, no product to check. */
  small: boolean;
  /** The numerator can be NaN (a value that is not there). */
  nan: boolean;
}

const JS_OP: Record<Cmp["op"], string> = { over: ">", mindst: ">=", under: "<", højst: "<=", lig: "===" };

/** A line comment's text: one line, whatever the policy wrote. */
const oneLine = (text: string): string => text.replace(/[\r\n\u2028\u2029]+\s*/g, " ");

/** The policy's text of a plan expression, for comments (text constants through literal()). */
export function measureExprText(e: MExpr, plan: MeasurePlan, event?: string): string {
  const t = (x: MExpr): string => measureExprText(x, plan, event);
  const inner = (x: MExpr): string => (x.k === "and" || x.k === "or" || x.k === "arith" ? `(${t(x)})` : t(x));
  switch (e.k) {
    case "num":
      return e.d === 1 ? String(e.n) : `${e.n}/${e.d}`;
    case "text":
      return literal(e.value);
    case "field":
    case "efield":
      return e.field;
    case "duration":
      return "varighed";
    case "months":
      return `antal(måneder hvor ${t(e.cond)})`;
    case "events":
      return `antal(${e.data})`;
    case "sum":
      return `sum(${e.field})`;
    case "first":
      return `første(${event ?? "…"} hvor ${t(e.cond)})`;
    case "output":
      return plan.outputs[e.index]?.name ?? `felt ${e.index}`;
    case "arith":
      return `${inner(e.left)} ${e.op} ${inner(e.right)}`;
    case "neg":
      return `-${inner(e.operand)}`;
    case "cmp":
      return `${t(e.left)} ${e.op === "lig" ? "=" : e.op} ${t(e.right)}`;
    case "and":
      return `${e.left.k === "or" ? inner(e.left) : t(e.left)} og ${e.right.k === "or" ? inner(e.right) : t(e.right)}`;
    case "or":
      return `${e.left.k === "and" ? inner(e.left) : t(e.left)} eller ${e.right.k === "and" ? inner(e.right) : t(e.right)}`;
    case "not":
      return `ikke ${inner(e.operand)}`;
  }
}

class MeasureEmitter {
  private readonly layout: MeasureLayout;
  /** Comparison node → the name of its function; a function's body → its name (one function for the same test). */
  private readonly tests = new Map<MExpr, string>();
  private readonly bodies = new Map<string, string>();
  private readonly body: string[] = [];
  private readonly usedColumns = new Set<number>();
  private readonly usedTexts = new Set<number>();
  private readonly usedDictionaries = new Set<number>();
  private readonly S: string;
  private readonly B: string;
  private readonly nn: string;

  constructor(
    private readonly plan: MeasurePlan,
    typed: boolean,
    private readonly name: string,
  ) {
    this.layout = measureLayout(plan);
    this.S = typed ? "s: MeasureState" : "s";
    this.B = typed ? ": boolean" : "";
    this.nn = typed ? "!" : "";
  }

  emit(): string {
    const { plan, layout, S, B } = this;
    const fn = (name: string, comment: string, expr: string): void => {
      this.body.push(`  // ${oneLine(comment)}`, `  function ${name}(${S})${B} {`, `    return ${expr};`, `  }`, ``);
    };
    // død når …
    if (plan.dead) fn("dead", `død når ${measureExprText(plan.dead.when, plan)}`, this.bool(plan.dead.when, undefined));
    else fn("dead", "uden `død når` er ingen måned død", "false");
    // antal(måneder hvor …), in the month in question.
    layout.months.forEach((m, i) => fn(`month${i}`, `antal(måneder hvor ${measureExprText(m.cond, plan)})`, this.bool(m.cond, undefined)));
    // The table's fields, each as its top-level `og`s.
    const parts: string[][] = [];
    plan.outputs.forEach((o, k) => {
      const split = conjuncts(o.where);
      if (split.length === 1) {
        fn(`field${k}`, `${o.name} = antal(personer hvor ${measureExprText(o.where, plan)})`, this.bool(o.where, undefined));
        parts.push([`field${k}`]);
        return;
      }
      const names = split.map((c, j) => {
        fn(`field${k}Part${j}`, `${o.name}, del ${j + 1}: ${measureExprText(c, plan)}`, this.bool(c, undefined));
        return `field${k}Part${j}`;
      });
      fn(`field${k}`, `${o.name} = antal(personer hvor ${measureExprText(o.where, plan)})`, names.map((p) => `${p}(s)`).join(" && "));
      parts.push(names);
    });
    // tæl DATA når …, and første(DATA hvor …), for the event in question.
    const cases = layout.dated.map((name, d) =>
      (plan.counts.find((c) => c.data === name)?.cases ?? []).map((c, k) => {
        const when = [c.from ? `fra ${c.from}` : "", c.to ? `til ${c.to}` : ""].filter(Boolean).join(" ");
        fn(`count${d}Case${k}`, `tæl ${name} når ${measureExprText(c.when, plan, name)}${when ? ` (gælder ${when})` : ""}`, this.bool(c.when, name));
        return `count${d}Case${k}`;
      }),
    );
    const firsts = layout.dated.map((name, d) =>
      layout.firsts[d]!.map((cond, f) => {
        fn(`first${d}_${f}`, `første(${name} hvor ${measureExprText(cond, plan, name)})`, this.bool(cond, name));
        return `first${d}_${f}`;
      }),
    );
    const list = (names: string[]): string => `[${names.join(", ")}]`;
    const head: string[] = [];
    head.push(this.S === "s" ? `function ${this.name}(cols, ids) {` : `function ${this.name}(cols: readonly PersonColumn[], ids: Int32Array): MeasureFunctions {`);
    if (this.usedColumns.size) head.push(`  // The columns the conditions read, by global row.`);
    for (const i of [...this.usedColumns].sort((a, b) => a - b)) {
      const c = layout.columns[i]!;
      head.push(`  const c${i} = cols[${i}]${this.nn}.values; // ${oneLine(`${c.data}.${c.field}`)}`);
    }
    for (const i of [...this.usedDictionaries].sort((a, b) => a - b)) head.push(`  const texts${i} = cols[${i}]${this.nn}.texts ?? [];`);
    if (this.usedTexts.size) head.push(`  // Text constants: their ids in the column's dictionary (-2 when no row has the text).`);
    for (const i of [...this.usedTexts].sort((a, b) => a - b)) {
      const t = layout.texts[i]!;
      head.push(`  const k${i} = ids[${i}]${this.nn}; // ${literal(t.value)} in ${oneLine(`${t.data}.${t.field}`)}`);
    }
    head.push(``);
    const tail = [
      `  return {`,
      `    dead,`,
      `    outputs: ${list(plan.outputs.map((_, k) => `field${k}`))},`,
      `    parts: [${parts.map(list).join(", ")}],`,
      `    months: ${list(layout.months.map((_, i) => `month${i}`))},`,
      `    cases: [${cases.map(list).join(", ")}],`,
      `    firsts: [${firsts.map(list).join(", ")}],`,
      `  };`,
      `}`,
    ];
    return [...head, ...this.body, ...tail].join("\n");
  }

  /** A condition as an expression of `s` (parenthesised unless it is a call). */
  private bool(e: MExpr, event: string | undefined): string {
    const top = this.cond(e, event);
    return top.startsWith("(") && top.endsWith(")") && balanced(top.slice(1, -1)) ? top.slice(1, -1) : top;
  }

  private cond(e: MExpr, event: string | undefined): string {
    switch (e.k) {
      case "and":
        return `(${this.cond(e.left, event)} && ${this.cond(e.right, event)})`;
      case "or":
        return `(${this.cond(e.left, event)} || ${this.cond(e.right, event)})`;
      case "not":
        return `!${this.cond(e.operand, event)}`;
      case "output":
        return `(s.outputs[${e.index}] === 1)`;
      case "first":
        return `(s.first[${this.layout.index.get(e)!}] === 1)`;
      case "cmp":
        return `${this.test(e, event)}(s)`;
      default:
        throw new Error(`not a condition: ${e.k}`);
    }
  }

  /** The function deciding one comparison; its name. */
  private test(e: Cmp, event: string | undefined): string {
    const known = this.tests.get(e);
    if (known) return known;
    const lines: string[] = [];
    this.local = 0;
    if (e.text) this.textTest(e, event, lines);
    else this.numTest(e, event, lines);
    const same = this.bodies.get(lines.join("\n"));
    if (same) {
      this.tests.set(e, same);
      return same;
    }
    const name = `test${this.bodies.size}`;
    this.tests.set(e, name);
    this.bodies.set(lines.join("\n"), name);
    const { S, B } = this;
    this.body.push(`  // ${oneLine(measureExprText(e, this.plan, event))}`, `  function ${name}(${S})${B} {`, ...lines.map((l) => `    ${l}`), `  }`, ``);
    return name;
  }

  /** The row of person-month data in the month in question (or the event's month), and whether it can be missing (-1). */
  private row(data: string, event: string | undefined): { expr: string; missing: boolean } {
    const nn = this.nn;
    const at = event ? "s.eventMonth" : "s.cur";
    const base = data === this.plan.spell.data ? `s.rows[${at}]${nn}` : `s.aligned[${this.layout.aligned.indexOf(data)}]${nn}[${at}]${nn}`;
    if (event) return { expr: `s.eventMonth < 0 ? -1 : ${base}`, missing: true };
    return { expr: base, missing: data !== this.plan.spell.data };
  }

  private local = 0;
  private fresh(prefix: string): string {
    return `${prefix}${this.local++}`;
  }

  /** A text field's id (-1 when there is no row), as a local. */
  private textId(x: MExpr, event: string | undefined, lines: string[]): string {
    const col = this.layout.index.get(x)!;
    this.usedColumns.add(col);
    const v = this.fresh("x");
    if (x.k === "efield") {
      lines.push(`const ${v} = c${col}[s.event]${this.nn};`);
      return v;
    }
    if (x.k !== "field") throw new Error(`not a text: ${x.k}`);
    const r = this.row(x.data, event);
    if (!r.missing) {
      lines.push(`const ${v} = c${col}[${r.expr}]${this.nn};`);
      return v;
    }
    const row = this.fresh("r");
    lines.push(`const ${row} = ${r.expr};`, `const ${v} = ${row} < 0 ? -1 : c${col}[${row}]${this.nn};`);
    return v;
  }

  private textTest(e: Cmp, event: string | undefined, lines: string[]): void {
    if (e.left.k !== "text" && e.right.k !== "text") {
      // Two fields: their texts compared (each field has its own dictionary).
      const a = this.textId(e.left, event, lines);
      const b = this.textId(e.right, event, lines);
      const ca = this.layout.index.get(e.left)!;
      const cb = this.layout.index.get(e.right)!;
      this.usedDictionaries.add(ca);
      this.usedDictionaries.add(cb);
      lines.push(`return ${a} >= 0 && ${b} >= 0 && texts${ca}[${a}] === texts${cb}[${b}];`);
      return;
    }
    // A field and a constant: the field's id is the constant's (never -1 or -2 when it is there).
    const field = e.left.k === "text" ? e.right : e.left;
    const constant = e.left.k === "text" ? e.left : e.right;
    const slot = this.layout.index.get(constant);
    if (slot === undefined || field.k === "text") {
      lines.push(`return false;`);
      return;
    }
    this.usedTexts.add(slot);
    const id = this.textId(field, event, lines);
    lines.push(`return ${id} === k${slot};`);
  }

  private numTest(e: Cmp, event: string | undefined, lines: string[]): void {
    const l = this.num(e.left, event, lines);
    const r = this.num(e.right, event, lines);
    const op = JS_OP[e.op];
    const isLit = (x: string): boolean => /^\(?-?[0-9.e+]+\)?$/.test(x);
    const guards: string[] = [];
    if (!isLit(l.d)) guards.push(`${l.d} === 0`);
    if (!isLit(r.d)) guards.push(`${r.d} === 0`);
    if (l.nan) guards.push(`Number.isNaN(${l.n})`);
    if (r.nan) guards.push(`Number.isNaN(${r.n})`);
    if (guards.length) lines.push(`if (${guards.join(" || ")}) return false;`);
    if (l.small && r.small && l.d === "1" && r.d === "1") {
      lines.push(`return ${l.n} ${op} ${r.n};`);
      return;
    }
    // ln/ld against rn/rd: denominators are positive, so compare ln·rd with rn·ld.
    lines.push(`const a = ${mul(l.n, r.d)};`, `const b = ${mul(r.n, l.d)};`);
    lines.push(`if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return compareBig(${l.n}, ${l.d}, ${r.n}, ${r.d}) ${op} 0;`);
    lines.push(`return a ${op} b;`);
  }

  private scale(data: string, field: string): string {
    const type = this.plan.data.find((d) => d.name === data)?.fields.find((f) => f.name === field)?.type;
    return type === "tal" ? String(TAL_SCALE) : "1";
  }

  /** A number: its parts as literals or locals declared in `lines`. */
  private num(e: MExpr, event: string | undefined, lines: string[]): Num {
    const nn = this.nn;
    const value = (expr: string, small: boolean, nan: boolean, d = "1"): Num => {
      const v = this.fresh("x");
      lines.push(`const ${v} = ${expr}; // ${oneLine(measureExprText(e, this.plan, event))}`);
      return { n: v, d, small, nan };
    };
    switch (e.k) {
      case "num":
        return { n: lit(e.n), d: lit(e.d), small: Number.isSafeInteger(e.n), nan: false };
      case "duration":
        return value(`s.duration[s.cur]${nn}`, true, false);
      case "months":
        return value(`s.monthCounts[${this.layout.index.get(e)!}]${nn}[s.cur]${nn}`, true, false);
      case "events":
        return value(`s.windowEvents[${this.layout.index.get(e)!}]${nn}`, true, false);
      case "sum":
        return value(`s.windowSums[${this.layout.index.get(e)!}]${nn}`, false, true, this.scale(e.data, e.field));
      case "efield": {
        const col = this.layout.index.get(e)!;
        this.usedColumns.add(col);
        const d = this.scale(event!, e.field);
        // An antal field is an Int32Array (never NaN); a tal field ten-thousandths in a Float64Array.
        return value(`c${col}[s.event]${nn}`, d === "1", d !== "1", d);
      }
      case "field": {
        const col = this.layout.index.get(e)!;
        this.usedColumns.add(col);
        const d = this.scale(e.data, e.field);
        const r = this.row(e.data, event);
        if (!r.missing) return value(`c${col}[${r.expr}]${nn}`, d === "1", d !== "1", d);
        const row = this.fresh("r");
        lines.push(`const ${row} = ${r.expr};`);
        return value(`${row} < 0 ? NaN : c${col}[${row}]${nn}`, d === "1", true, d);
      }
      case "neg": {
        const x = this.num(e.operand, event, lines);
        const n = this.fresh("n");
        lines.push(`const ${n} = -${x.n};`);
        return { n, d: x.d, small: x.small, nan: x.nan };
      }
      case "arith": {
        const l = this.num(e.left, event, lines);
        const r = this.num(e.right, event, lines);
        const n = this.fresh("n");
        const d = this.fresh("d");
        switch (e.op) {
          case "+":
          case "-":
            lines.push(`const ${n} = ${mul(l.n, r.d)} ${e.op} ${mul(r.n, l.d)};`, `const ${d} = ${mul(l.d, r.d)};`);
            break;
          case "*":
            lines.push(`const ${n} = ${mul(l.n, r.n)};`, `const ${d} = ${mul(l.d, r.d)};`);
            break;
          case "/":
            // (a/b) / (c/d) = (a·d) / (b·c), with the sign moved to the numerator. Dividing by a
            // value that is not there is not there either: the numerator carries the NaN.
            if (r.nan) lines.push(`const ${n} = Number.isNaN(${r.n}) ? NaN : ${r.n} < 0 ? -(${mul(l.n, r.d)}) : ${mul(l.n, r.d)};`);
            else lines.push(`const ${n} = ${r.n} < 0 ? -(${mul(l.n, r.d)}) : ${mul(l.n, r.d)};`);
            lines.push(`const ${d} = Math.abs(${mul(l.d, r.n)});`);
            break;
        }
        return { n, d, small: false, nan: l.nan || r.nan };
      }
      default:
        throw new Error(`not a number: ${e.k}`);
    }
  }
}

/** A number literal in code (negative ones in parentheses). */
const lit = (x: number): string => (x < 0 || Object.is(x, -0) ? `(${x})` : String(x));

/** A product in code, leaving out a factor 1. */
const mul = (a: string, b: string): string => (a === "1" ? b : b === "1" ? a : `${a} * ${b}`);

/** Whether parentheses in an expression pair up without closing below zero (so outer ones can go). */
function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * The declaration `function bindMeasure(cols, ids)` for a measurement (see the runtime's
 * MeasureCode), typed for a module or untyped for running in this process.
 */
export function emitMeasureCode(plan: MeasurePlan, typed: boolean, name = "bindMeasure"): string {
  return new MeasureEmitter(plan, typed, name).emit();
}

/** Plans are immutable once lowered: each is emitted and instantiated once. */
const instantiated = new WeakMap<MeasurePlan, MeasureCode>();

/** The emitted code of a measurement as a callable function in this process. */
export function measureCodeFor(plan: MeasurePlan): MeasureCode {
  let code = instantiated.get(plan);
  if (!code) {
    code = instantiateFunctions<{ bindMeasure: MeasureCode }>(emitMeasureCode(plan, false), ["bindMeasure"], { compareBig }).bindMeasure;
    instantiated.set(plan, code);
  }
  return code;
}
