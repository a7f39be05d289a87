// Exact arithmetic for the skærpet-tilsyn focus goals (domain.md § 3 and "Arithmetic at the
// boundaries"): the mean of monthly shares is compared with a limit as an exact rational, never
// as a sum of floats.

/** Σ u_i / m_i as an exact fraction (num / den), m_i > 0. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

export function sumOfShares(counts: readonly number[], totals: readonly number[]): Fraction {
  let num = 0n;
  let den = 1n;
  for (let i = 0; i < counts.length; i++) {
    const m = BigInt(totals[i]!);
    const u = BigInt(counts[i]!);
    if (m <= 0n) throw new Error("sumOfShares: a month with no target group");
    num = num * m + u * den;
    den = den * m;
  }
  return { num, den };
}

/** mean = sum / n; is mean ≥ limitPct %? (i.e. the focus goal "under limitPct %" is NOT met) */
export function meanAtLeast(sum: Fraction, n: number, limitPct: number): boolean {
  // sum / n ≥ L / 100  ⇔  100·num ≥ n·L·den
  return 100n * sum.num >= BigInt(n) * BigInt(limitPct) * sum.den;
}

/**
 * § 11: improvement (entry − current) ≥ (entry − limit) / 2, where entry and current are means
 * of n monthly shares.  ⇔  entry + limit ≥ 2·current  ⇔  Se + n·L/100 ≥ 2·Sc.
 */
export function halfwayImproved(entry: Fraction, current: Fraction, n: number, limitPct: number): boolean {
  const a = entry.num;
  const b = entry.den;
  const c = current.num;
  const d = current.den;
  return 100n * a * d + BigInt(n) * BigInt(limitPct) * b * d >= 200n * c * b;
}

export function fractionToNumber(f: Fraction): number {
  // Good enough for display (shares are small numbers); decisions never use this.
  const scale = 1_000_000n;
  return Number((f.num * scale) / f.den) / 1_000_000;
}
