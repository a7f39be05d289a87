// The safe-integer formatting path (exact.ts formatSmall) must print exactly what the bigint path
// (rational.ts formatDecimal) prints, for every fraction, including halves, negatives and
// fractions not in lowest terms: explanations and event values use the fast path.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatSmall, small, smallInteger } from "../../runtime/exact.js";
import { formatDecimal, mul, rat } from "../../runtime/rational.js";

const reference = (n: number, d: number, factor: number, decimals: number) => formatDecimal(mul(rat(BigInt(n), BigInt(d)), rat(BigInt(factor))), decimals);

describe("formatSmall agrees with formatDecimal", () => {
  it("on generated fractions (shares and means, 0-3 decimals)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(1, 100), fc.integer({ min: 0, max: 3 }), (n, d, factor, decimals) => {
        expect(formatSmall(small(n, d), factor, decimals)).toBe(reference(n, d, factor, decimals));
      }),
      { numRuns: 2000, seed: 20261206 },
    );
  });

  it("rounds halves up, as the regulation's tables do (12.25 % → 12,3 %; 1/8 → 12,5 %)", () => {
    expect(formatSmall(small(49, 400), 100, 1)).toBe("12,3");
    expect(formatSmall(small(1, 8), 100, 1)).toBe("12,5");
    expect(formatSmall(small(-1, 3000), 100, 1)).toBe("0,0");
    expect(formatSmall(small(-1, 2000), 100, 1)).toBe("-0,1");
    expect(formatSmall(small(2, 10), 100, 1)).toBe("20,0");
  });

  it("gives way to the bigint path when the scaled numerator leaves the safe range", () => {
    expect(formatSmall(small(2 ** 52, 3), 100, 1)).toBeUndefined();
    expect(smallInteger(small(6, 3))).toBe(2);
    expect(smallInteger(small(7, 3))).toBeUndefined();
  });
});
