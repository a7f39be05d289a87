import { describe, expect, it } from "vitest";
import {
  addDays, addDuration, addMonths, formatDate, fromDayNumber, parseDate, parseMonth,
  periodEnd, periodOf, periodsWithin, toDayNumber, monthIndex, lastDayOfMonth,
} from "../../runtime/calendar.js";

const d = (text: string) => parseDate(text)!;

describe("calendar arithmetic (docs/sprog.md, the month-end rule)", () => {
  it("§ 7: the account is due 3 months after a notice at the end of April, i.e. end of July", () => {
    expect(formatDate(addMonths(lastDayOfMonth(2024, 4), 3))).toBe("2024-07-31");
  });
  it("§ 22 d: 9 months from publication on 1 April 2024 ends 31 December 2024", () => {
    expect(formatDate(periodEnd(d("2024-04-01"), 9, "måneder"))).toBe("2024-12-31");
  });
  it("§ 11: the recovery period ending 31 Dec 2024, extended by 12 months, ends 31 Dec 2025", () => {
    expect(formatDate(addMonths(d("2024-12-31"), 12))).toBe("2025-12-31");
  });
  it("§ 8: one week's notice is 7 days", () => {
    expect(formatDate(addDuration(d("2024-04-30"), 1, "uger"))).toBe("2024-05-07");
  });
  it("clamps a day that the target month does not have, and keeps month ends", () => {
    expect(formatDate(addMonths(d("2024-01-30"), 1))).toBe("2024-02-29");
    expect(formatDate(addMonths(d("2023-01-30"), 1))).toBe("2023-02-28");
    expect(formatDate(addMonths(d("2024-02-29"), 1))).toBe("2024-03-31");
    expect(formatDate(addMonths(d("2024-03-15"), -3))).toBe("2023-12-15");
  });
  it("day numbers round-trip over leap years and centuries", () => {
    for (let z = toDayNumber(d("1999-12-01")); z < toDayNumber(d("2001-03-31")); z++) {
      expect(toDayNumber(fromDayNumber(z))).toBe(z);
    }
    expect(toDayNumber(d("1970-01-01"))).toBe(0);
    expect(formatDate(addDays(d("2000-02-28"), 1))).toBe("2000-02-29");
    expect(formatDate(addDays(d("2100-02-28"), 1))).toBe("2100-03-01");
  });
  it("rejects impossible dates and months", () => {
    expect(parseDate("2024-02-30")).toBeUndefined();
    expect(parseDate("2023-02-29")).toBeUndefined();
    expect(parseMonth("2022-13")).toBeUndefined();
    expect(parseMonth("2022-00")).toBeUndefined();
    expect(parseMonth("2022-03")).toBe(monthIndex(2022, 3));
  });
});

describe("assessment periods", () => {
  it("labels months, half years and years as in contracts.md", () => {
    expect(periodOf("månedlig", monthIndex(2021, 3)).label).toBe("2021-03");
    expect(periodOf("halvårlig", monthIndex(2023, 7)).label).toBe("2023-H2");
    expect(periodOf("halvårlig", monthIndex(2023, 6)).label).toBe("2023-H1");
    expect(periodOf("årlig", monthIndex(2023, 6)).label).toBe("2023");
  });
  it("only lists complete periods inside the data range", () => {
    const halves = periodsWithin("halvårlig", monthIndex(2019, 3), monthIndex(2020, 12));
    expect(halves.map((p) => p.label)).toEqual(["2019-H2", "2020-H1", "2020-H2"]);
    expect(periodsWithin("månedlig", monthIndex(2019, 1), monthIndex(2019, 3))).toHaveLength(3);
  });
});
