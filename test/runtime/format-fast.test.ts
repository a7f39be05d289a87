// The safe-integer formatting path (exact.ts formatSmall) must print exactly what the bigint path
// (rational.ts formatDecimal) prints, for every fraction, including halves, negatives and
// fractions not in lowest terms: explanations and event values use the fast path.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatSmall, small, smallInteger } from "../../runtime/exact.js";
import { formatDecimal, mul, rat } from "../../runtime/rational.js";
import { formatCompared, formatComparedSmall, jsonSmall, jsonValue } from "../../runtime/values.js";

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

describe("jsonSmall agrees with jsonValue (the compiled explanations' event values)", () => {
  it("on generated fractions, counts and shares", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 100_000 }), fc.constantFrom("antal" as const, "andel" as const, "tal" as const), (n, d, type) => {
        expect(jsonSmall(n, d, type)).toBe(jsonValue(small(n, d), type));
      }),
      { numRuns: 3000, seed: 20261206 },
    );
    expect(jsonSmall(-1, 3000, "andel")).toBe(jsonValue(small(-1, 3000), "andel"));
    expect(jsonSmall(1, 8, "andel")).toBe(12.5);
    expect(jsonSmall(2 ** 52, 3, "andel")).toBeUndefined();
  });
});

describe("formatComparedSmall agrees with formatCompared (the compiled explanations' comparisons)", () => {
  it("on generated sides near each other, measured or not, literal or not", () => {
    const side = fc.record({
      n: fc.integer({ min: -100_000, max: 100_000 }),
      d: fc.integer({ min: 1, max: 10_000 }),
      u: fc.boolean(),
      type: fc.constantFrom("antal" as const, "andel" as const, "tal" as const),
      literal: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.constantFrom("over" as const, "mindst" as const, "under" as const, "højst" as const, "lig" as const), side, side, fc.boolean(), (op, l, r, near) => {
        // Near: the right side a hair from the left, where extra decimals are needed.
        const rn = near ? l.n * r.d + (r.n % 3) : r.n;
        const rd = near ? l.d * r.d : r.d;
        const lv = l.u ? undefined : small(l.n, l.d);
        const rv = r.u ? undefined : small(rn, rd);
        const holds = lv === undefined || rv === undefined ? undefined : compareNumbers(op, l.n * rd, rn * l.d);
        const exact = formatCompared(op, lv, l.type, l.literal, rv, r.type, r.literal, holds);
        for (const which of [0, 1] as const) {
          const fast = formatComparedSmall(which, op, l.n, l.d, l.u, l.type, l.literal, rn, rd, r.u, r.type, r.literal, holds === undefined ? 2 : holds ? 1 : 0);
          if (fast !== undefined) expect(fast).toBe(exact[which]);
        }
      }),
      { numRuns: 3000, seed: 20261206 },
    );
  });
});

describe("a share against a limit written in the policy (the explanations' most common comparison)", () => {
  it("shows as many decimals as the decision needs, at and around the limit", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("over" as const, "mindst" as const, "under" as const, "højst" as const, "lig" as const),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: -30, max: 30 }),
        (op, d, percent, offset) => {
          // A share a few parts in d from the limit percent/100, within 0..100 %.
          const n = Math.min(d, Math.max(0, Math.round((percent * d) / 100) + offset));
          const holds = compareNumbers(op, n * 100, percent * d);
          const exact = formatCompared(op, small(n, d), "andel", false, small(percent, 100), "andel", true, holds);
          expect(formatComparedSmall(0, op, n, d, false, "andel", false, percent, 100, false, "andel", true, holds ? 1 : 0)).toBe(exact[0]);
        },
      ),
      { numRuns: 3000, seed: 20261207 },
    );
    // 20.04 % is over 20 %, and "20,0 %" would not show it.
    expect(formatComparedSmall(0, "over", 501, 2500, false, "andel", false, 20, 100, false, "andel", true, 1)).toBe("20,04 %");
    expect(formatComparedSmall(0, "over", 1, 5, false, "andel", false, 20, 100, false, "andel", true, 0)).toBe("20,0 %");
  });
});

const compareNumbers = (op: "over" | "mindst" | "under" | "højst" | "lig", x: number, y: number): boolean =>
  op === "over" ? x > y : op === "mindst" ? x >= y : op === "under" ? x < y : op === "højst" ? x <= y : x === y;

describe("formatCompared: a rounded figure never contradicts its decision (domain.md, «Arithmetic at the boundaries»)", () => {
  const share = (n: number, d: number) => small(n, d);
  const pct = (p: number) => small(p, 100);

  it("shows 1,99 % under 2 % with two decimals, not as 2,0 %", () => {
    expect(formatCompared("under", share(199, 10000), "andel", false, pct(2), "andel", true, true)[0]).toBe("1,99 %");
  });

  it("shows 20,04 % over 20 % with two decimals, and exactly 20 % as 20,0 % (not over)", () => {
    expect(formatCompared("over", share(2004, 10000), "andel", false, pct(20), "andel", true, true)[0]).toBe("20,04 %");
    expect(formatCompared("over", share(20, 100), "andel", false, pct(20), "andel", true, false)[0]).toBe("20,0 %");
  });

  it("keeps one decimal when the rounded figure already agrees (23,4 % over 20 %)", () => {
    expect(formatCompared("over", share(234, 1000), "andel", false, pct(20), "andel", true, true)[0]).toBe("23,4 %");
  });

  it("rounds both computed sides with the same number of decimals (a mean under a mean)", () => {
    expect(formatCompared("under", small(39996, 1000), "antal", false, small(40, 1), "antal", false, true)).toEqual(["39,996", "40"]);
  });

  it("leaves undecided comparisons and whole counts alone", () => {
    expect(formatCompared("over", share(2004, 10000), "andel", false, pct(20), "andel", true, undefined)[0]).toBe("20,0 %");
    expect(formatCompared("mindst", small(10, 1), "antal", false, small(10, 1), "tal", true, true)[0]).toBe("10");
  });
});
