// Months, half years, years and calendar dates, without time zones.
//
// A month is an integer index: year * 12 + (month - 1). A date is a plain {year, month, day}.
// Dates are never JavaScript Date objects, so no result depends on the machine's time zone.
//
// The month-end rule (stated in docs/sprog.md): adding N months to a date keeps the day of the
// month, clamped to the target month's length; but a date that is the LAST day of its month
// stays the last day of the target month. So the end of April + 3 months is the end of July
// (31 July), as the executive order's guidance reads "3 months after the notice (end of April)"
// as "the end of July". "N months from D" names a period that starts on D and lasts N months: it
// ends on D + N months − 1 day (1 April 2024 + 9 months → 31 December 2024).

export type MonthIndex = number;

export interface LocalDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

export const monthIndex = (year: number, month: number): MonthIndex => year * 12 + (month - 1);
export const yearOf = (m: MonthIndex): number => Math.floor(m / 12);
export const monthOf = (m: MonthIndex): number => (m % 12) + 1;

const pad = (value: number, width = 2): string => String(value).padStart(width, "0");

/** "2021-03" */
export const formatMonth = (m: MonthIndex): string => `${yearOf(m)}-${pad(monthOf(m))}`;

/** Parses "YYYY-MM"; undefined unless the month is 01-12. */
export function parseMonth(text: string): MonthIndex | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? monthIndex(Number(match[1]), month) : undefined;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** "2024-04-01" */
export const formatDate = (d: LocalDate): string => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

export function parseDate(text: string): LocalDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? { year, month, day } : undefined;
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export const firstDayOfMonth = (m: MonthIndex): LocalDate => ({ year: yearOf(m), month: monthOf(m), day: 1 });

export const lastDayOfMonth = (year: number, month: number): LocalDate => ({
  year,
  month,
  day: daysInMonth(year, month),
});

export const monthOfDate = (d: LocalDate): MonthIndex => monthIndex(d.year, d.month);

const isLastDayOfMonth = (d: LocalDate): boolean => d.day === daysInMonth(d.year, d.month);

/** D + N months under the month-end rule (see the top of this file). N may be negative. */
export function addMonths(d: LocalDate, months: number): LocalDate {
  const target = monthOfDate(d) + months;
  const year = yearOf(target);
  const month = monthOf(target);
  const length = daysInMonth(year, month);
  const day = isLastDayOfMonth(d) ? length : Math.min(d.day, length);
  return { year, month, day };
}

/** Days since 1970-01-01 (proleptic Gregorian), for day arithmetic. */
export function toDayNumber(d: LocalDate): number {
  // Howard Hinnant's days_from_civil.
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (d.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(z: number): LocalDate {
  const shifted = z + 719468;
  const era = Math.floor(shifted / 146097);
  const doe = shifted - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export const addDays = (d: LocalDate, days: number): LocalDate => fromDayNumber(toDayNumber(d) + days);

export type DurationUnit = "måneder" | "uger" | "dage";

const SINGULAR: Record<DurationUnit, string> = { måneder: "måned", uger: "uge", dage: "dag" };

/** "1 uge", "2 uger": an amount with its unit as a reader says it. */
export function durationText(amount: number, unit: DurationUnit): string {
  return `${amount} ${amount === 1 ? SINGULAR[unit] : unit}`;
}

/** "N units after D": months by the month-end rule, weeks as 7 days. */
export function addDuration(d: LocalDate, amount: number, unit: DurationUnit): LocalDate {
  switch (unit) {
    case "måneder":
      return addMonths(d, amount);
    case "uger":
      return addDays(d, 7 * amount);
    case "dage":
      return addDays(d, amount);
  }
}

/** "N units from D": the last day of a period of that length starting on D. */
export const periodEnd = (d: LocalDate, amount: number, unit: DurationUnit): LocalDate =>
  addDays(addDuration(d, amount, unit), -1);

// ---------------------------------------------------------------------------------------------
// Assessment periods

export type Cadence = "månedlig" | "halvårlig" | "årlig";

/** A period an assessment rests on: one month, a half year or a calendar year. */
export interface Period {
  readonly cadence: Cadence;
  readonly first: MonthIndex;
  readonly last: MonthIndex;
  /** "2021-03", "2023-H2" or "2023" (contracts.md). */
  readonly label: string;
}

export function periodOf(cadence: Cadence, m: MonthIndex): Period {
  const year = yearOf(m);
  switch (cadence) {
    case "månedlig":
      return { cadence, first: m, last: m, label: formatMonth(m) };
    case "halvårlig": {
      const half = monthOf(m) <= 6 ? 1 : 2;
      const first = monthIndex(year, half === 1 ? 1 : 7);
      return { cadence, first, last: first + 5, label: `${year}-H${half}` };
    }
    case "årlig":
      return { cadence, first: monthIndex(year, 1), last: monthIndex(year, 12), label: String(year) };
  }
}

/** The complete periods of a cadence whose months all lie within [first, last], in order. */
export function periodsWithin(cadence: Cadence, first: MonthIndex, last: MonthIndex): Period[] {
  const out: Period[] = [];
  let m = first;
  while (m <= last) {
    const p = periodOf(cadence, m);
    if (p.first >= first && p.last <= last) out.push(p);
    m = p.last + 1;
  }
  return out;
}
