// Numbers in row objects become the decimal text a CSV cell would hold, so the builder's checks see them as written.
import { describe, expect, it } from "vitest";
import { decimalText } from "../../runtime/rows.js";

describe("decimalText", () => {
  it("writes plain decimals as JavaScript does", () => {
    expect([0, 7, -3, 100.5, 0.25, 123456789].map(decimalText)).toEqual(["0", "7", "-3", "100.5", "0.25", "123456789"]);
  });
  it("never uses an exponent", () => {
    expect(decimalText(1e21)).toBe("1000000000000000000000");
    expect(decimalText(1.5e22)).toBe("15000000000000000000000");
    expect(decimalText(1e-7)).toBe("0.0000001");
    expect(decimalText(-2.5e-8)).toBe("-0.000000025");
  });
  it("leaves what is not a number to be reported as such", () => {
    expect([NaN, Infinity].map(decimalText)).toEqual(["NaN", "Infinity"]);
  });
});
