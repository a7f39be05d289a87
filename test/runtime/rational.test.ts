import { describe, expect, it } from "vitest";
import { add, cmp, div, formatPercent, parseDecimal, rat, formatDecimal } from "../../runtime/rational.js";

describe("exact shares", () => {
  it("a mean of twelve monthly shares of 300/1000 is exactly 30 %, not under it", () => {
    let sum = rat(0);
    for (let i = 0; i < 12; i++) sum = add(sum, rat(300, 1000));
    const mean = div(sum, rat(12))!;
    expect(cmp(mean, parseDecimal("0,30")!)).toBe(0);
    // The floating-point way gets it wrong; that is why the runtime never uses it for decisions.
    let float = 0;
    for (let i = 0; i < 12; i++) float += 0.3;
    expect(float / 12 < 0.3).toBe(true);
  });
  it("20.0 % is not over 20 %; 20.1 % is", () => {
    expect(cmp(rat(20, 100), rat(1, 5))).toBe(0);
    expect(cmp(rat(201, 1000), rat(1, 5))).toBe(1);
  });
  it("a share of an empty population is not measured", () => {
    expect(div(rat(0), rat(0))).toBeUndefined();
  });
  it("parses Danish and English decimals exactly", () => {
    expect(parseDecimal("7,7")).toEqual({ n: 77n, d: 10n });
    expect(parseDecimal("7.70")).toEqual({ n: 77n, d: 10n });
    expect(parseDecimal("-3")).toEqual({ n: -3n, d: 1n });
    expect(parseDecimal("1e3")).toBeUndefined();
    expect(parseDecimal("")).toBeUndefined();
  });
  it("shows shares rounded half away from zero to one decimal with a Danish comma", () => {
    expect(formatPercent(rat(2, 3))).toBe("66,7 %");
    expect(formatPercent(rat(1, 8))).toBe("12,5 %");
    expect(formatPercent(rat(1, 2000))).toBe("0,1 %");
    expect(formatDecimal(rat(-1, 20), 1)).toBe("-0,1");
    expect(formatDecimal(rat(-1, 100), 1)).toBe("0,0");
  });
});
