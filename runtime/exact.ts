// Exact arithmetic for the evaluator's hot path: fractions of ordinary numbers while every
// intermediate stays a safe integer (|x| < 2^53), and bigint rationals (rational.ts) when one
// would not. Both forms are exact; the fast one just avoids allocating bigints for the common
// case of counts and shares of counts. Nothing here ever rounds.

import { rat, type Rational } from "./rational.js";

/** A fraction n/d of safe integers with d > 0 (not necessarily in lowest terms). */
export interface Small {
  readonly sn: number;
  readonly sd: number;
}

export type Exact = Small | Rational;

const isSmall = (q: Exact): q is Small => (q as Small).sn !== undefined;
const safe = Number.isSafeInteger;

export const small = (n: number, d = 1): Exact => (safe(n) && safe(d) && d > 0 ? { sn: n, sd: d } : rat(BigInt(n), BigInt(d)));

export function fromRational(r: Rational): Exact {
  const n = Number(r.n);
  const d = Number(r.d);
  return safe(n) && safe(d) ? { sn: n, sd: d } : r;
}

export function toRational(q: Exact): Rational {
  return isSmall(q) ? rat(BigInt(q.sn), BigInt(q.sd)) : q;
}

const big = (q: Exact): Rational => (isSmall(q) ? { n: BigInt(q.sn), d: BigInt(q.sd) } : q);

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

function normal(n: number, d: number): Exact {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  if (d !== 1) {
    const g = gcd(n, d);
    if (g > 1) {
      n /= g;
      d /= g;
    }
  }
  return { sn: n, sd: d };
}

export function qadd(a: Exact, b: Exact): Exact {
  if (isSmall(a) && isSmall(b)) {
    if (a.sd === 1 && b.sd === 1) {
      const n = a.sn + b.sn;
      if (safe(n)) return { sn: n, sd: 1 };
    } else {
      const x = a.sn * b.sd;
      const y = b.sn * a.sd;
      const d = a.sd * b.sd;
      if (safe(x) && safe(y) && safe(d) && safe(x + y)) return normal(x + y, d);
    }
  }
  const p = big(a);
  const q = big(b);
  return rat(p.n * q.d + q.n * p.d, p.d * q.d);
}

export const qneg = (a: Exact): Exact => (isSmall(a) ? { sn: -a.sn, sd: a.sd } : { n: -a.n, d: a.d });

export const qsub = (a: Exact, b: Exact): Exact => qadd(a, qneg(b));

export function qmul(a: Exact, b: Exact): Exact {
  if (isSmall(a) && isSmall(b)) {
    const n = a.sn * b.sn;
    const d = a.sd * b.sd;
    if (safe(n) && safe(d)) return normal(n, d);
  }
  const p = big(a);
  const q = big(b);
  return rat(p.n * q.n, p.d * q.d);
}

/** a / b, or undefined when b is zero (a share of an empty population is not measured). */
export function qdiv(a: Exact, b: Exact): Exact | undefined {
  if (isSmall(a) && isSmall(b)) {
    if (b.sn === 0) return undefined;
    const n = a.sn * b.sd;
    const d = a.sd * b.sn;
    // Not reduced: comparisons do not need lowest terms, and this is the hot path of shares.
    if (safe(n) && safe(d)) return d < 0 ? { sn: -n, sd: -d } : { sn: n, sd: d };
  }
  const p = big(a);
  const q = big(b);
  if (q.n === 0n) return undefined;
  return rat(p.n * q.d, p.d * q.n);
}

/** -1, 0 or 1, exactly. */
export function qcmp(a: Exact, b: Exact): number {
  if (isSmall(a) && isSmall(b)) {
    const x = a.sn * b.sd;
    const y = b.sn * a.sd;
    if (safe(x) && safe(y)) return x < y ? -1 : x > y ? 1 : 0;
  }
  const p = big(a);
  const q = big(b);
  const x = p.n * q.d;
  const y = q.n * p.d;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * `q` × `factor` rounded half up to `decimals` places, as the digits formatDecimal (rational.ts)
 * prints, or undefined when the scaled numerator would leave the safe range (then the caller
 * formats through bigints). Same rounding as formatDecimal: the remainder's relation to the
 * denominator does not depend on whether the fraction is reduced.
 */
export function formatSmall(q: Exact, factor: number, decimals: number): string | undefined {
  return isSmall(q) ? formatSmallParts(q.sn, q.sd, factor, decimals) : undefined;
}

/** formatSmall of the fraction sn/sd (sd > 0), given as its two numbers. */
export function formatSmallParts(sn: number, sd: number, factor: number, decimals: number): string | undefined {
  if (decimals === 1) {
    // The common case (shares and means): from a table of the texts of 0,0 … 999,9.
    const t = roundedTenths(sn, sd, factor);
    return t === t ? tenthsText(t) : undefined;
  }
  const scale = decimals === 0 ? 1 : 10 ** decimals;
  const scaled = sn * factor * scale;
  if (!safe(scaled) || !safe(sd)) return undefined;
  const negative = scaled < 0;
  const a = negative ? -scaled : scaled;
  const whole = Math.floor(a / sd);
  const r = a - whole * sd;
  const rounded = 2 * r >= sd ? whole + 1 : whole;
  const sign = negative && rounded !== 0 ? "-" : "";
  const digits = String(rounded).padStart(decimals + 1, "0");
  return decimals > 0 ? `${sign}${digits.slice(0, digits.length - decimals)},${digits.slice(digits.length - decimals)}` : `${sign}${digits}`;
}

/** sn/sd × factor in tenths, rounded half away from zero as the texts show it; NaN when a product is unsafe. */
export function roundedTenths(sn: number, sd: number, factor: number): number {
  const scaled = sn * factor * 10;
  if (!safe(scaled) || !safe(sd)) return NaN;
  const a = scaled < 0 ? -scaled : scaled;
  const whole = Math.floor(a / sd);
  const rounded = 2 * (a - whole * sd) >= sd ? whole + 1 : whole;
  return scaled < 0 ? -rounded : rounded;
}

/**
 * The texts of whole tenths 0 … 9999 ("0,0" … "999,9"), made once each: an explanation shows a
 * share or a mean for every month of a streak, and these strings were a good part of what a run
 * allocated.
 */
const TENTHS: string[] = [];

/** A number of tenths as text with a decimal comma: 123 → "12,3", -5 → "-0,5", -0 → "0,0". */
export function tenthsText(t: number): string {
  if (t >= 0 && t < 10000) return (TENTHS[t] ??= `${Math.floor(t / 10)},${t % 10}`);
  const a = t < 0 ? -t : t;
  const units = Math.floor(a / 10);
  return `${t < 0 ? "-" : ""}${units},${a - units * 10}`;
}

/** The integer q is, when it is a safe integer, else undefined. */
export function smallInteger(q: Exact): number | undefined {
  if (!isSmall(q)) return undefined;
  return q.sn % q.sd === 0 ? q.sn / q.sd : undefined;
}

/**
 * `q` × `factor` rounded half up to `decimals` places, divided by `factor` again: the value a
 * person reads when q is shown with that many decimals (as formatDecimal rounds).
 */
export function roundShown(q: Exact, factor: number, decimals: number): Exact {
  const scale = factor * 10 ** decimals;
  if (isSmall(q)) {
    const scaled = q.sn * scale;
    if (safe(scaled)) {
      const a = scaled < 0 ? -scaled : scaled;
      const whole = Math.floor(a / q.sd);
      const rounded = 2 * (a - whole * q.sd) >= q.sd ? whole + 1 : whole;
      return small(scaled < 0 ? -rounded : rounded, scale);
    }
  }
  const r = big(q);
  const scaled = r.n * BigInt(scale);
  const a = scaled < 0n ? -scaled : scaled;
  const whole = a / r.d;
  const rounded = 2n * (a - whole * r.d) >= r.d ? whole + 1n : whole;
  return fromRational(rat(scaled < 0n ? -rounded : rounded, BigInt(scale)));
}
