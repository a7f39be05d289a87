// Exact rational numbers over bigint.
//
// Every decision against a limit is made exactly: shares are kept as fractions of their integer
// counts, and a mean of twelve monthly shares is the exact fraction. 300 of 1,000 in each of
// twelve months is a mean of exactly 3/10, which is not under 30 % (floating point would say
// 29.999…%). Shares are rounded only when shown to people (one decimal, as Jobindsats does).

export interface Rational {
  /** Numerator; carries the sign. */
  readonly n: bigint;
  /** Denominator; always positive, and gcd(n, d) = 1. */
  readonly d: bigint;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** n/d in lowest terms. Throws on a zero denominator (callers check for "not measured" first). */
export function rat(n: bigint | number, d: bigint | number = 1n): Rational {
  let nn = typeof n === "bigint" ? n : BigInt(n);
  let dd = typeof d === "bigint" ? d : BigInt(d);
  if (dd === 1n) return { n: nn, d: dd };
  if (dd === 0n) throw new RangeError("Division by zero in rational");
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  const g = gcd(nn, dd);
  return g > 1n ? { n: nn / g, d: dd / g } : { n: nn, d: dd };
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

export const add = (a: Rational, b: Rational): Rational => rat(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rat(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rat(a.n * b.n, a.d * b.d);
/** a / b, or undefined when b is zero ("not measured": a share of an empty population). */
export const div = (a: Rational, b: Rational): Rational | undefined =>
  b.n === 0n ? undefined : rat(a.n * b.d, a.d * b.n);
/**
 * a / b without reducing to lowest terms: the hot path of shares (count / count), whose
 * comparisons do not need lowest terms. Everything that shows or compares for equality of
 * representation goes through `reduce` (formatDecimal does).
 */
export function divUnreduced(a: Rational, b: Rational): Rational | undefined {
  if (b.n === 0n) return undefined;
  const n = a.n * b.d;
  const d = a.d * b.n;
  return d < 0n ? { n: -n, d: -d } : { n, d };
}

export const reduce = (a: Rational): Rational => rat(a.n, a.d);

export const neg = (a: Rational): Rational => ({ n: -a.n, d: a.d });

/** -1, 0 or 1. */
export function cmp(a: Rational, b: Rational): number {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Parse a decimal as written by people or in CSV: `20`, `20,5`, `20.5`, `-3`. Exact.
 * Returns undefined for anything else (no exponents, no thousands separators).
 */
export function parseDecimal(text: string): Rational | undefined {
  const m = /^\s*(-?)(\d+)(?:[.,](\d+))?\s*$/.exec(text);
  if (!m) return undefined;
  const [, sign, whole, fraction = ""] = m;
  const n = BigInt(whole! + fraction) * (sign ? -1n : 1n);
  return rat(n, 10n ** BigInt(fraction.length));
}

/** Round half away from zero to `decimals` places, as a Danish decimal string ("52,3"). */
export function formatDecimal(value: Rational, decimals = 1): string {
  const scale = 10n ** BigInt(decimals);
  const scaled = value.n * scale;
  const negative = scaled < 0n;
  const q = abs(scaled) / value.d;
  const r = abs(scaled) % value.d;
  const rounded = 2n * r >= value.d ? q + 1n : q;
  const digits = rounded.toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  const sign = negative && rounded !== 0n ? "-" : "";
  return decimals > 0 ? `${sign}${whole},${fraction}` : `${sign}${whole}`;
}

/** A share shown to people: percent with one decimal and a Danish comma, e.g. "20,0 %". */
export const formatPercent = (share: Rational, decimals = 1): string =>
  `${formatDecimal(mul(share, rat(100)), decimals)} %`;

/** A JavaScript number for machine output (JSON values); decisions never use it. */
export const toNumber = (value: Rational): number => Number(value.n) / Number(value.d);

/** The value as percent rounded to `decimals`, as a number (for JSON output). */
export function toPercentNumber(share: Rational, decimals = 1): number {
  return Number(formatDecimal(mul(share, rat(100)), decimals).replace(",", "."));
}

export const isInteger = (value: Rational): boolean => value.d === 1n;
