// The measurement layer (domain.md § 3b) written by hand: the focus measures counted from
// person-level data, per kommune and month. The baseline the policy
// policies/maaling/fokusmaal.tilsyn is measured and checked against, and the oracle of its tests.
//
// Input is columnar (typed arrays, one row per index) in any row order; `measure` groups by
// person with a counting sort, so the same code runs on the sample and, fed by
// bench/maaling/load.ts, on national data. Everything is an integer: months are month indices
// (year × 12 + month − 1), dates are days since 1970-01-01, hours are ten-thousandths of an hour.
//
// How § 3b is read here, sentence by sentence:
// - A spell is a maximal run of consecutive months with the same benefit; a change of benefit or
//   a missing month starts a new one. A dead month (doed = 1) belongs to the spell (it does not
//   break it) but is not counted. A spell running in the first month of the data starts there.
// - Target group in month m: m is not dead, the spell has ≥ 12 counted months up to and
//   including m, and the exempt months are < 50 % of those counted months (exempt × 2 < counted).
// - Window: the last 12 counted months of the spell up to m, as the dates from the first day of
//   the earliest of them to the last day of m (dead months in between stretch it). Every month in
//   that range belongs to the spell, so the benefit at an event's date is the spell's benefit,
//   and whether an event is in the window depends only on its month.
// - Focus 1 (uden_tilbud): no counting offer dated in the window and fewer than 100 hours of work
//   summed over the window's months (exactly 100 is met). Offers of the four LAB kinds count; a
//   § 91 offer (oevrig_vejledning_91) dated before 2023-03-22 counts, one dated on or after counts
//   only when the benefit at its date is uddannelseshjaelp or overgangsydelse.
// - Focus 2 (under_4_samtaler): fewer than 4 counting interviews dated in the window. A sickness
//   follow-up counts in any form; a job interview before 2023-03-22 counts in any form; from
//   2023-03-22 the first job interview of the spell counts only if held in person, later ones in
//   any form. "The first job interview of the spell" is the earliest dated in the spell's months;
//   of several on that day, one held in person is taken as the first.
// - Output: one row per kommune and month with at least one person-month row (dead or not) in
//   that kommune, sorted by kommune code and month; a person counts for the kommune of their row.

export const YDELSER = [
  "a-dagpenge",
  "sygedagpenge",
  "selvforsoergelses-og-hjemrejseydelse",
  "overgangsydelse",
  "uddannelseshjaelp",
  "kontanthjaelp",
  "revalideringsydelse",
  "ressourceforloebsydelse",
  "ledighedsydelse",
] as const;
export type Ydelse = (typeof YDELSER)[number];
export const SAMTALE_ART = ["jobsamtale", "sygeopfoelgning"] as const;
export const SAMTALE_FORM = ["personligt", "telefon", "digitalt"] as const;
export const TILBUD_ART = ["virksomhedspraktik", "loentilskud", "nytteindsats", "vejledning_opkvalificering", "oevrig_vejledning_91"] as const;

const OVERGANGSYDELSE = YDELSER.indexOf("overgangsydelse");
const UDDANNELSESHJAELP = YDELSER.indexOf("uddannelseshjaelp");
const JOBSAMTALE = 0;
const PERSONLIGT = 0;
const TILBUD_91 = 4;
/** Hours are stored in ten-thousandths: 100 hours. */
export const HOURS_SCALE = 10_000;
const HUNDRED_HOURS = 100 * HOURS_SCALE;

/** Days since 1970-01-01 of a calendar date. */
export const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;
export const CHANGE_DAY = dayNumber(2023, 3, 22);
export const monthIndex = (ym: string): number => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
export const monthLabel = (m: number): string => `${Math.floor(m / 12)}-${pad2((m % 12) + 1)}`;
/** Month index of a day number (integer civil-from-days, H. Hinnant's algorithm). */
export function monthOfDay(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

export interface PersonData {
  /** Number of distinct persons; person columns hold 0 … persons − 1. */
  persons: number;
  months: {
    length: number;
    person: Int32Array;
    month: Int32Array;
    /** The kommune code as a number (101, 851, …). */
    kommune: Int32Array;
    /** Index into YDELSER. */
    ydelse: Uint8Array;
    fritaget: Uint8Array;
    doed: Uint8Array;
  };
  interviews: { length: number; person: Int32Array; day: Int32Array; art: Uint8Array; form: Uint8Array };
  offers: { length: number; person: Int32Array; day: Int32Array; art: Uint8Array };
  hours: { length: number; person: Int32Array; month: Int32Array; amount: Int32Array };
}

export interface MeasuredRow {
  kommune: number;
  month: number;
  maalgruppe: number;
  uden_tilbud: number;
  under_4_samtaler: number;
}

/** Row numbers grouped by person (counting sort): person p owns order[start[p] .. start[p + 1]). */
function byPerson(person: Int32Array, length: number, persons: number): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(persons + 1);
  for (let i = 0; i < length; i++) start[person[i]! + 1]++;
  for (let p = 0; p < persons; p++) start[p + 1] += start[p]!;
  const fill = start.slice(0, persons);
  const order = new Int32Array(length);
  for (let i = 0; i < length; i++) order[fill[person[i]!]!++] = i;
  return { order, start };
}

/** Sorts order[from .. to) by key[order[i]] (insertion sort: a person has few rows). */
function sortSlice(order: Int32Array, from: number, to: number, key: (row: number) => number): void {
  for (let i = from + 1; i < to; i++) {
    const row = order[i]!;
    const k = key(row);
    let j = i - 1;
    while (j >= from && key(order[j]!) > k) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = row;
  }
}

export function measure(data: PersonData): MeasuredRow[] {
  const M = data.months;
  const I = data.interviews;
  const O = data.offers;
  const H = data.hours;
  if (M.length === 0) return [];
  let first = 2147483647;
  let last = -2147483648;
  for (let i = 0; i < M.length; i++) {
    const m = M.month[i]!;
    if (m < first) first = m;
    if (m > last) last = m;
  }
  const span = last - first + 1;
  // Per kommune code (< 1000) and month: counters, and whether any row exists.
  const KOMMUNER = 1000;
  const present = new Uint8Array(KOMMUNER * span);
  const target = new Int32Array(KOMMUNER * span);
  const noOffer = new Int32Array(KOMMUNER * span);
  const few = new Int32Array(KOMMUNER * span);

  const pm = byPerson(M.person, M.length, data.persons);
  const pi = byPerson(I.person, I.length, data.persons);
  const po = byPerson(O.person, O.length, data.persons);
  const ph = byPerson(H.person, H.length, data.persons);

  // Per-person scratch, indexed by month − first, cleared after each person.
  const hours = new Float64Array(span);
  const interviews = new Int32Array(span);
  const offers = new Int32Array(span);
  // Prefix sums over the counted months of the current spell, indexed by counted month number.
  const countedMonth = new Int32Array(span + 1);

  for (let p = 0; p < data.persons; p++) {
    const m0 = pm.start[p]!;
    const m1 = pm.start[p + 1]!;
    if (m0 === m1) continue;
    sortSlice(pm.order, m0, m1, (r) => M.month[r]!);
    const i0 = pi.start[p]!;
    const i1 = pi.start[p + 1]!;
    sortSlice(pi.order, i0, i1, (r) => I.day[r]! * 4 + I.form[r]!);
    const o0 = po.start[p]!;
    const o1 = po.start[p + 1]!;
    for (let h = ph.start[p]!; h < ph.start[p + 1]!; h++) {
      const r = ph.order[h]!;
      const m = H.month[r]! - first;
      if (m >= 0 && m < span) hours[m] += H.amount[r]!;
    }

    // Spells: runs of rows with consecutive months and the same benefit.
    let s = m0;
    while (s < m1) {
      const ydelse = M.ydelse[pm.order[s]!]!;
      let e = s + 1;
      while (e < m1 && M.ydelse[pm.order[e]!]! === ydelse && M.month[pm.order[e]!]! === M.month[pm.order[e - 1]!]! + 1) e++;
      const spellFirst = M.month[pm.order[s]!]!;
      const spellLast = M.month[pm.order[e - 1]!]!;

      // Counting events per month of the spell.
      let firstJobSeen = false;
      for (let k = i0; k < i1; k++) {
        const r = pi.order[k]!;
        const m = monthOfDay(I.day[r]!);
        if (m < spellFirst || m > spellLast) continue;
        let counts = true;
        if (I.art[r] === JOBSAMTALE) {
          const isFirst = !firstJobSeen;
          firstJobSeen = true;
          if (isFirst && I.day[r]! >= CHANGE_DAY && I.form[r] !== PERSONLIGT) counts = false;
        }
        if (counts) interviews[m - first]++;
      }
      for (let k = o0; k < o1; k++) {
        const r = po.order[k]!;
        const m = monthOfDay(O.day[r]!);
        if (m < spellFirst || m > spellLast) continue;
        const counts = O.art[r] !== TILBUD_91 || O.day[r]! < CHANGE_DAY || ydelse === UDDANNELSESHJAELP || ydelse === OVERGANGSYDELSE;
        if (counts) offers[m - first]++;
      }

      // Walk the spell's months.
      let counted = 0;
      let exempt = 0;
      for (let k = s; k < e; k++) {
        const r = pm.order[k]!;
        const m = M.month[r]!;
        const cell = M.kommune[r]! * span + (m - first);
        present[cell] = 1;
        if (M.doed[r]) continue;
        countedMonth[counted++] = m;
        if (M.fritaget[r]) exempt++;
        if (counted < 12 || exempt * 2 >= counted) continue;
        target[cell]++;
        const from = countedMonth[counted - 12]! - first;
        const to = m - first;
        let windowOffers = 0;
        let windowInterviews = 0;
        let windowHours = 0;
        for (let w = from; w <= to; w++) {
          windowOffers += offers[w]!;
          windowInterviews += interviews[w]!;
          windowHours += hours[w]!;
        }
        if (windowOffers === 0 && windowHours < HUNDRED_HOURS) noOffer[cell]++;
        if (windowInterviews < 4) few[cell]++;
      }
      s = e;
    }
    hours.fill(0);
    interviews.fill(0);
    offers.fill(0);
  }

  const out: MeasuredRow[] = [];
  for (let k = 0; k < KOMMUNER; k++) {
    for (let m = 0; m < span; m++) {
      const cell = k * span + m;
      if (!present[cell]) continue;
      out.push({ kommune: k, month: m + first, maalgruppe: target[cell]!, uden_tilbud: noOffer[cell]!, under_4_samtaler: few[cell]! });
    }
  }
  return out;
}

export const CSV_HEADER = "kommune,maaned,maalgruppe,uden_tilbud,under_4_samtaler";

export function toCsv(rows: readonly MeasuredRow[]): string {
  const lines = [CSV_HEADER];
  for (const r of rows) lines.push(`${r.kommune},${monthLabel(r.month)},${r.maalgruppe},${r.uden_tilbud},${r.under_4_samtaler}`);
  return lines.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------
// Rows as objects (tests and small data): the contract's fields as text.

export interface MonthRow {
  person: string;
  kommune: string;
  maaned: string;
  ydelse: Ydelse;
  fritaget?: 0 | 1;
  doed?: 0 | 1;
}
export interface InterviewRow {
  person: string;
  dato: string;
  art: (typeof SAMTALE_ART)[number];
  form: (typeof SAMTALE_FORM)[number];
}
export interface OfferRow {
  person: string;
  dato: string;
  art: (typeof TILBUD_ART)[number];
}
export interface HoursRow {
  person: string;
  maaned: string;
  /** A non-negative decimal number as text ("37.5"), read exactly. */
  timer: string;
}

/** "37.5" → 375000 ten-thousandths, exactly; at most four decimals, "." or "," as the point. */
export function parseHours(text: string): number {
  const m = /^(\d+)(?:[.,](\d{1,4}))?$/.exec(text.trim());
  if (!m) throw new Error(`timer: «${text}» er ikke et ikke-negativt tal med højst fire decimaler`);
  return Number(m[1]) * HOURS_SCALE + Number((m[2] ?? "").padEnd(4, "0"));
}

const dayOf = (dato: string): number => dayNumber(Number(dato.slice(0, 4)), Number(dato.slice(5, 7)), Number(dato.slice(8, 10)));

function index<T extends string>(values: readonly T[], value: string, field: string): number {
  const i = values.indexOf(value as T);
  if (i < 0) throw new Error(`${field}: ukendt værdi «${value}»`);
  return i;
}

export function fromRows(rows: { months: MonthRow[]; interviews?: InterviewRow[]; offers?: OfferRow[]; hours?: HoursRow[] }): PersonData {
  const ids = new Map<string, number>();
  const id = (p: string): number => {
    let n = ids.get(p);
    if (n === undefined) ids.set(p, (n = ids.size));
    return n;
  };
  const ms = rows.months;
  const is = rows.interviews ?? [];
  const os = rows.offers ?? [];
  const hs = rows.hours ?? [];
  const data: PersonData = {
    persons: 0,
    months: {
      length: ms.length,
      person: Int32Array.from(ms, (r) => id(r.person)),
      month: Int32Array.from(ms, (r) => monthIndex(r.maaned)),
      kommune: Int32Array.from(ms, (r) => Number(r.kommune)),
      ydelse: Uint8Array.from(ms, (r) => index(YDELSER, r.ydelse, "ydelse")),
      fritaget: Uint8Array.from(ms, (r) => r.fritaget ?? 0),
      doed: Uint8Array.from(ms, (r) => r.doed ?? 0),
    },
    interviews: {
      length: is.length,
      person: Int32Array.from(is, (r) => id(r.person)),
      day: Int32Array.from(is, (r) => dayOf(r.dato)),
      art: Uint8Array.from(is, (r) => index(SAMTALE_ART, r.art, "art")),
      form: Uint8Array.from(is, (r) => index(SAMTALE_FORM, r.form, "form")),
    },
    offers: {
      length: os.length,
      person: Int32Array.from(os, (r) => id(r.person)),
      day: Int32Array.from(os, (r) => dayOf(r.dato)),
      art: Uint8Array.from(os, (r) => index(TILBUD_ART, r.art, "art")),
    },
    hours: {
      length: hs.length,
      person: Int32Array.from(hs, (r) => id(r.person)),
      month: Int32Array.from(hs, (r) => monthIndex(r.maaned)),
      amount: Int32Array.from(hs, (r) => parseHours(r.timer)),
    },
  };
  data.persons = ids.size;
  return data;
}
