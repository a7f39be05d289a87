// Values during evaluation, and three-valued (Kleene) logic for "not measured".
//
// A value is an exact rational, a truth value, or `undefined` when the data does not allow a
// decision (a blank cell, an empty population, a missing month). Conditions combine with
// Kleene's rules: `false og ?` is false, `true eller ?` is true, anything else with ? is ?.
// An undecided criterion gives no event; an undecided transition condition leaves the state
// unchanged (docs/sprog.md, "Ikke målt").

import { formatDecimal, formatPercent, rat, reduce, toPercentNumber, type Rational } from "./rational.js";
import { formatSmall, formatSmallParts, fromRational, qadd, qcmp, qdiv, qmul, qneg, qsub, roundedTenths, roundShown, smallInteger, tenthsText, toRational, type Exact } from "./exact.js";
import type { CompareOp, ValueType } from "./plan.js";
import type { EventValue } from "./events.js";

export type Value = Exact | boolean | undefined;

/** A number (as opposed to a truth value or "not measured"). */
export const isRational = (v: Value): v is Exact => typeof v === "object";

export function and3(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  if (a === false || b === false) return false;
  if (a === undefined || b === undefined) return undefined;
  return true;
}

export function or3(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  if (a === true || b === true) return true;
  if (a === undefined || b === undefined) return undefined;
  return false;
}

export const not3 = (a: boolean | undefined): boolean | undefined => (a === undefined ? undefined : !a);

/** Whether a comparison holds, given the sign of left − right. */
const holdsAs = (op: CompareOp, c: number): boolean =>
  op === "over" ? c > 0 : op === "mindst" ? c >= 0 : op === "under" ? c < 0 : op === "højst" ? c <= 0 : c === 0;

export function compare(op: CompareOp, a: Exact, b: Exact): boolean {
  return holdsAs(op, qcmp(a, b));
}

export const compareWords: Record<CompareOp, string> = {
  over: "over",
  mindst: "mindst",
  under: "under",
  højst: "højst",
  lig: "lig med",
};

/** How a value is shown to people: shares as "23,4 %", counts as "45" (or "45,5" for a mean). */
export function formatValue(v: Value, type: ValueType, decimals = 1): string {
  if (v === undefined) return "ikke målt";
  if (typeof v === "boolean") return v ? "opfyldt" : "ikke opfyldt";
  if (type === "andel") {
    const fast = formatSmall(v, 100, decimals);
    return fast !== undefined ? `${fast} %` : formatPercent(toRational(v), decimals);
  }
  const whole = smallInteger(v);
  if (whole !== undefined) return String(whole);
  const fast = formatSmall(v, 1, decimals);
  if (fast !== undefined) return fast;
  const r = reduce(toRational(v));
  return r.d === 1n ? r.n.toString() : formatDecimal(r, decimals);
}

/** The most decimals an explanation shows to make a rounded figure agree with its decision. */
const MAX_DECIMALS = 12;

/** The value a person reads when `v` is shown with `decimals` decimals (whole numbers as they are). */
function shown(v: Exact, type: ValueType, decimals: number): Exact {
  if (type !== "andel" && smallInteger(v) !== undefined) return v;
  return roundShown(v, type === "andel" ? 100 : 1, decimals);
}

/**
 * The two sides of a decided comparison as shown in an explanation. Shares and means are shown
 * with one decimal, as Jobindsats shows them, unless the rounded figures would contradict the
 * decision they explain ("2,0 % er under 2 %" for 1,99 %): then with as many decimals as it
 * takes to agree ("1,99 % er under 2 %"). A side written as a constant in the policy is shown as
 * written (`literal`: its value is exact). The decision itself never uses a rounded value.
 */
export function formatCompared(
  op: CompareOp,
  left: Value,
  leftType: ValueType,
  leftLiteral: boolean,
  right: Value,
  rightType: ValueType,
  rightLiteral: boolean,
  holds: boolean | undefined,
): [string, string] {
  let decimals = 1;
  if (holds !== undefined && isRational(left) && isRational(right)) {
    const agrees = (d: number) => compare(op, leftLiteral ? left : shown(left, leftType, d), rightLiteral ? right : shown(right, rightType, d)) === holds;
    while (decimals <= MAX_DECIMALS && !agrees(decimals)) decimals++;
    // Figures that differ only beyond the twelfth decimal (counts near 2^53) are shown with one.
    if (decimals > MAX_DECIMALS) decimals = 1;
  }
  return [formatValue(left, leftType, decimals), formatValue(right, rightType, decimals)];
}

/** How a value goes into an event's `values`: shares in percent with one decimal. */
export function jsonValue(v: Value, type: ValueType): EventValue {
  if (v === undefined) return null;
  if (typeof v === "boolean") return v;
  if (type === "andel") {
    const fast = formatSmall(v, 100, 1);
    return fast !== undefined ? Number(fast.replace(",", ".")) : toPercentNumber(toRational(v), 1);
  }
  const whole = smallInteger(v);
  if (whole !== undefined) return whole;
  const fast = formatSmall(v, 1, 1);
  if (fast !== undefined) return Number(fast.replace(",", "."));
  const r = reduce(toRational(v));
  return r.d === 1n ? Number(r.n) : Number(formatDecimal(r, 1).replace(",", "."));
}


/** The texts of the shares 0,0 % … 100,0 % in tenths of a percent, made once each (see tenthsText). */
const PERCENT: string[] = [];

/** A share in tenths of a percent as text: 345 → "34,5 %". */
const percentText = (t: number): string => (t >= 0 && t <= 1000 ? (PERCENT[t] ??= `${tenthsText(t)} %`) : `${tenthsText(t)} %`);

/** The numerator of the value shown with `decimals` decimals (shown() above), over shownScale(); NaN when unsafe. */
function shownSmall(n: number, d: number, type: ValueType, decimals: number): number {
  if (type !== "andel" && n % d === 0) return n;
  const scale = shownScale(d, type, n, decimals);
  const scaled = n * scale;
  if (!Number.isSafeInteger(scaled)) return NaN;
  const a = scaled < 0 ? -scaled : scaled;
  const whole = Math.floor(a / d);
  const rounded = 2 * (a - whole * d) >= d ? whole + 1 : whole;
  return scaled < 0 ? -rounded : rounded;
}

/** The denominator of shownSmall's value. */
const shownScale = (d: number, type: ValueType, n: number, decimals: number): number =>
  type !== "andel" && n % d === 0 ? d : (type === "andel" ? 100 : 1) * 10 ** decimals;

/** formatValue of a safe n/d (d > 0), or undefined when unsafe. */
function formatValueSmall(n: number, d: number, type: ValueType, decimals: number): string | undefined {
  if (type === "andel") {
    if (decimals === 1) {
      const t = roundedTenths(n, d, 100);
      return t !== t ? undefined : percentText(t);
    }
    const digits = formatSmallParts(n, d, 100, decimals);
    return digits === undefined ? undefined : `${digits} %`;
  }
  if (n % d === 0) return String(n / d);
  return formatSmallParts(n, d, 1, decimals);
}

/**
 * One side (0 left, 1 right) of formatCompared for two sides that are safe fractions n/d (d > 0;
 * u: not measured) and the decision (1, 0, or 2 for not measured), without building exact
 * numbers: the compiled explanations' path, which shows a literal side as written and so formats
 * only the other. Undefined when a product would leave the safe range (then formatCompared).
 */
export function formatComparedSmall(
  which: 0 | 1,
  op: CompareOp,
  ln: number, ld: number, lu: boolean, lType: ValueType, lLiteral: boolean,
  rn: number, rd: number, ru: boolean, rType: ValueType, rLiteral: boolean,
  holds: number,
): string | undefined {
  if (!(lu || (Number.isSafeInteger(ln) && Number.isSafeInteger(ld) && ld > 0))) return undefined;
  if (!(ru || (Number.isSafeInteger(rn) && Number.isSafeInteger(rd) && rd > 0))) return undefined;
  let decimals = 1;
  // Most often a share is compared with a limit written in the policy, and one decimal shows the
  // decision: the loop's first round below, with the share in tenths of a percent.
  if (which === 0 && lType === "andel" && !lLiteral && rLiteral && !lu && !ru && holds !== 2) {
    const tenths = roundedTenths(ln, ld, 100);
    const x = tenths * rd;
    const y = rn * 1000;
    if (tenths >= 0 && tenths <= 1000 && Number.isSafeInteger(x) && Number.isSafeInteger(y) && holdsAs(op, x < y ? -1 : x > y ? 1 : 0) === (holds === 1)) {
      return percentText(tenths);
    }
  }
  if (holds !== 2 && !lu && !ru) {
    for (; decimals <= MAX_DECIMALS; decimals++) {
      const an = lLiteral ? ln : shownSmall(ln, ld, lType, decimals);
      const ad = lLiteral ? ld : shownScale(ld, lType, ln, decimals);
      const bn = rLiteral ? rn : shownSmall(rn, rd, rType, decimals);
      const bd = rLiteral ? rd : shownScale(rd, rType, rn, decimals);
      const x = an * bd;
      const y = bn * ad;
      if (!Number.isSafeInteger(x) || !Number.isSafeInteger(y)) return undefined;
      if (holdsAs(op, x < y ? -1 : x > y ? 1 : 0) === (holds === 1)) break;
    }
    if (decimals > MAX_DECIMALS) decimals = 1;
  }
  if (which === 0) return lu ? "ikke målt" : formatValueSmall(ln, ld, lType, decimals);
  return ru ? "ikke målt" : formatValueSmall(rn, rd, rType, decimals);
}

/**
 * jsonValue of n/d (d > 0) without building an exact number, when the arithmetic stays safe:
 * a whole count as it is, a share in percent and any other fraction rounded half up to one
 * decimal (formatSmall's rounding; rounded / 10 is the double Number() reads from its digits).
 */
export function jsonSmall(n: number, d: number, type: ValueType): number | undefined {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d <= 0) return undefined;
  if (type !== "andel" && n % d === 0) return n / d;
  const scaled = n * (type === "andel" ? 1000 : 10);
  if (!Number.isSafeInteger(scaled)) return undefined;
  const a = scaled < 0 ? -scaled : scaled;
  const whole = Math.floor(a / d);
  const rounded = 2 * (a - whole * d) >= d ? whole + 1 : whole;
  return rounded === 0 ? 0 : scaled < 0 ? -(rounded / 10) : rounded / 10;
}

/** An exact number from a plan literal "n/d". */
export function parseRationalLiteral(text: string): Exact {
  const [n, d] = text.split("/");
  return fromRational(rat(BigInt(n!), BigInt(d ?? "1")));
}

export type { Rational };

// ---------------------------------------------------------------------------------------------
// Operations on values, shared by the interpreter (engine.ts) and the code the compiler emits,
// so both have one definition of the semantics: "not measured" propagates through arithmetic
// and comparisons, and conditions combine with Kleene's rules.

const truth = (v: Value): boolean | undefined => (typeof v === "boolean" ? v : undefined);

export function vArith(op: "+" | "-" | "*" | "/", a: Value, b: Value): Value {
  if (!isRational(a) || !isRational(b)) return undefined;
  switch (op) {
    case "+":
      return qadd(a, b);
    case "-":
      return qsub(a, b);
    case "*":
      return qmul(a, b);
    case "/":
      return qdiv(a, b);
  }
}

export const vNeg = (a: Value): Value => (isRational(a) ? qneg(a) : undefined);

export const vCompare = (op: CompareOp, a: Value, b: Value): Value =>
  isRational(a) && isRational(b) ? compare(op, a, b) : undefined;

export const vAnd = (a: Value, b: Value): Value => and3(truth(a), truth(b));
export const vOr = (a: Value, b: Value): Value => or3(truth(a), truth(b));
export const vNot = (a: Value): Value => not3(truth(a));
