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
//   a missing month starts a new one. A dead month (doed = 1) belongs to the spell it falls in and
//   is not counted: «dead months … neither count nor break the spell», whatever the benefit on
//   the dead month's row (maternity leave on another benefit does not restart the count). So the
//   spell's benefit is that of its counted months, and a counted month on another benefit starts
//   a new spell. A spell running in the first month of the data starts there.
// - Target group in month m: m is not dead, the spell has ≥ 12 counted months up to and
//   including m, and the exempt months are < 50 % of those counted months (exempt × 2 < counted).
// - Window: the last 12 counted months of the spell up to m, as the dates from the first day of
//   the earliest of them to the last day of m (dead months in between stretch it). Every month in
//   that range belongs to the spell, so whether an event is in the window depends only on its
//   month; a dead month in it may be on another benefit than the spell's.
// - Focus 1 (uden_tilbud): no counting offer dated in the window and fewer than 100 hours of work
//   summed over the window's months (exactly 100 is met). Offers of the four LAB kinds count; a
//   § 91 offer (oevrig_vejledning_91) dated before 2023-03-22 counts, one dated on or after counts
//   only when the person's benefit at its date (the benefit of its month's row, a dead month's
//   own) is uddannelseshjaelp or overgangsydelse.
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

/**
 * Row numbers grouped by person and, within a person, ordered by `key` (0 … keys − 1): a counting
 * sort by key, then a stable counting sort by person. Person p owns order[start[p] .. start[p + 1]).
 */
function byPersonAndKey(person: Int32Array, key: Int32Array, length: number, persons: number, keys: number): { order: Int32Array; start: Int32Array } {
  const kstart = new Int32Array(keys + 1);
  for (let i = 0; i < length; i++) kstart[key[i]! + 1]++;
  for (let k = 0; k < keys; k++) kstart[k + 1] += kstart[k]!;
  const byKey = new Int32Array(length);
  for (let i = 0; i < length; i++) byKey[kstart[key[i]!]!++] = i;
  const start = new Int32Array(persons + 1);
  for (let i = 0; i < length; i++) start[person[i]! + 1]++;
  for (let p = 0; p < persons; p++) start[p + 1] += start[p]!;
  const fill = start.slice(0, persons);
  const out = new Int32Array(length);
  for (let j = 0; j < length; j++) {
    const i = byKey[j]!;
    out[fill[person[i]!]!++] = i;
  }
  return { order: out, start };
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
  // Months relative to the data's first; events outside the data's months get −1 (no spell has them).
  const rel = (m: number): number => (m >= first && m <= last ? m - first : -1);
  const monthRel = Int32Array.from(M.month.subarray(0, M.length), (m) => m - first);
  const dayFirst = dayNumber(Math.floor(first / 12), (first % 12) + 1, 1);
  const dayEnd = dayNumber(Math.floor((last + 1) / 12), ((last + 1) % 12) + 1, 1); // exclusive
  const eventMonth = (day: Int32Array, length: number): Int32Array =>
    Int32Array.from(day.subarray(0, length), (d) => (d >= dayFirst && d < dayEnd ? monthOfDay(d) - first : -1));
  const iMonth = eventMonth(I.day, I.length);
  const oMonth = eventMonth(O.day, O.length);
  // Interviews ordered by date and, on one day, in person first; days outside the data go first.
  const days = dayEnd - dayFirst;
  const iKey = new Int32Array(I.length);
  for (let i = 0; i < I.length; i++) iKey[i] = iMonth[i]! < 0 ? 0 : (I.day[i]! - dayFirst) * 3 + I.form[i]! + 1;

  // Per kommune code (< 1000) and month: counters, and whether any row exists.
  const KOMMUNER = 1000;
  const present = new Uint8Array(KOMMUNER * span);
  const target = new Int32Array(KOMMUNER * span);
  const noOffer = new Int32Array(KOMMUNER * span);
  const few = new Int32Array(KOMMUNER * span);

  const pm = byPersonAndKey(M.person, monthRel, M.length, data.persons, span);
  const pi = byPersonAndKey(I.person, iKey, I.length, data.persons, days * 3 + 1);
  const po = byPersonAndKey(O.person, Int32Array.from(oMonth, (m) => m + 1), O.length, data.persons, span + 1);
  const ph = byPersonAndKey(H.person, new Int32Array(H.length), H.length, data.persons, 1);

  // Per-person scratch, indexed by month − first, cleared after each person.
  const hours = new Float64Array(span);
  const interviews = new Int32Array(span);
  const offers = new Int32Array(span);
  // Running sums within the current spell: cum[m + 1] − cum[f] is the sum over months f … m.
  const cumHours = new Float64Array(span + 1);
  const cumInterviews = new Int32Array(span + 1);
  const cumOffers = new Int32Array(span + 1);
  // The counted months of the current spell, in order.
  const countedMonth = new Int32Array(span + 1);

  for (let p = 0; p < data.persons; p++) {
    const m0 = pm.start[p]!;
    const m1 = pm.start[p + 1]!;
    if (m0 === m1) continue;
    const i1 = pi.start[p + 1]!;
    const o1 = po.start[p + 1]!;
    let ip = pi.start[p]!;
    let op = po.start[p]!;
    let touchedFrom = span;
    let touchedTo = -1;
    for (let h = ph.start[p]!; h < ph.start[p + 1]!; h++) {
      const r = ph.order[h]!;
      const m = rel(H.month[r]!);
      if (m < 0) continue;
      hours[m] += H.amount[r]!;
      if (m < touchedFrom) touchedFrom = m;
      if (m > touchedTo) touchedTo = m;
    }

    // Spells: runs of rows with consecutive months whose counted (non-dead) months have one
    // benefit; dead rows join the spell whatever their benefit.
    let s = m0;
    while (s < m1) {
      let ydelse = -1;
      let e = s;
      for (; e < m1; e++) {
        const r = pm.order[e]!;
        if (e > s && monthRel[r]! !== monthRel[pm.order[e - 1]!]! + 1) break;
        if (M.doed[r]) continue;
        if (ydelse < 0) ydelse = M.ydelse[r]!;
        else if (M.ydelse[r]! !== ydelse) break;
      }
      const spellFirst = monthRel[pm.order[s]!]!;
      const spellLast = monthRel[pm.order[e - 1]!]!;
      if (spellFirst < touchedFrom) touchedFrom = spellFirst;
      if (spellLast > touchedTo) touchedTo = spellLast;

      // Counting events per month of the spell (events are in date order, spells in month order).
      while (ip < i1 && iMonth[pi.order[ip]!]! < spellFirst) ip++;
      let firstJobSeen = false;
      for (; ip < i1; ip++) {
        const r = pi.order[ip]!;
        const m = iMonth[r]!;
        if (m > spellLast) break;
        let counts = true;
        if (I.art[r] === JOBSAMTALE) {
          if (!firstJobSeen && I.day[r]! >= CHANGE_DAY && I.form[r] !== PERSONLIGT) counts = false;
          firstJobSeen = true;
        }
        if (counts) interviews[m]++;
      }
      while (op < o1 && oMonth[po.order[op]!]! < spellFirst) op++;
      for (; op < o1; op++) {
        const r = po.order[op]!;
        const m = oMonth[r]!;
        if (m > spellLast) break;
        // The benefit at the offer's date: its month's row (the spell's months are consecutive).
        const at = M.ydelse[pm.order[s + m - spellFirst]!]!;
        if (O.art[r] !== TILBUD_91 || O.day[r]! < CHANGE_DAY || at === UDDANNELSESHJAELP || at === OVERGANGSYDELSE) offers[m]++;
      }

      // Walk the spell's months.
      let counted = 0;
      let exempt = 0;
      cumHours[spellFirst] = 0;
      cumInterviews[spellFirst] = 0;
      cumOffers[spellFirst] = 0;
      for (let k = s; k < e; k++) {
        const r = pm.order[k]!;
        const m = monthRel[r]!;
        cumHours[m + 1] = cumHours[m]! + hours[m]!;
        cumInterviews[m + 1] = cumInterviews[m]! + interviews[m]!;
        cumOffers[m + 1] = cumOffers[m]! + offers[m]!;
        const cell = M.kommune[r]! * span + m;
        present[cell] = 1;
        if (M.doed[r]) continue;
        countedMonth[counted++] = m;
        if (M.fritaget[r]) exempt++;
        if (counted < 12 || exempt * 2 >= counted) continue;
        target[cell]++;
        const from = countedMonth[counted - 12]!;
        if (cumOffers[m + 1] === cumOffers[from] && cumHours[m + 1]! - cumHours[from]! < HUNDRED_HOURS) noOffer[cell]++;
        if (cumInterviews[m + 1]! - cumInterviews[from]! < 4) few[cell]++;
      }
      s = e;
    }
    if (touchedTo >= 0) {
      hours.fill(0, touchedFrom, touchedTo + 1);
      interviews.fill(0, touchedFrom, touchedTo + 1);
      offers.fill(0, touchedFrom, touchedTo + 1);
    }
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
