// What the hand-written implementations share: their event shape (the fields the bench compares,
// and on request the values and explanations), the event order of the contract, and month/date
// formatting.

export interface HandEvent {
  type: "henvendelse" | "redegoerelse" | "gennemgang";
  kommune: string;
  group?: string;
  period: string;
  date: string;
  rule: string;
  handling?: string;
  // Written only by the variant with texts (see Texts): what the compiled module's events also carry.
  rules?: string[];
  values?: Record<string, number | string | boolean | null>;
  explanation?: string;
  source?: string;
}

/**
 * Asked of a hand-written implementation, it also writes each event's values, Danish explanation
 * and source, word for word as the compiled module does, so the two can be timed doing the same
 * work (the numbers are formatted with the runtime's formatting functions, as a hand-written
 * pipeline would use a library for Danish decimals).
 */
export interface Texts {
  /** Kommune code → name, as `tilsyn run` gives the compiled module. */
  names: ReadonlyMap<string, string>;
}

/** «Hvidovre Kommune (167)», as explanations name a kommune. */
export const kommuneLabel = (texts: Texts, kommune: string): string => {
  const name = texts.names.get(kommune);
  return name ? `${name} Kommune (${kommune})` : `kommune ${kommune}`;
};

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Month index (year × 12 + month − 1) → "YYYY-MM". */
export const monthLabel = (m: number): string => `${Math.floor(m / 12)}-${pad2((m % 12) + 1)}`;

/** Month index → the first day of that month, "YYYY-MM-01". */
export const firstDay = (m: number): string => `${monthLabel(m)}-01`;

/** Contract order: date, kommune, rule, type, group. */
export function sortEvents(events: HandEvent[]): HandEvent[] {
  return events.sort((a, b) => {
    if (a.date !== b.date) return a.date < b.date ? -1 : 1;
    if (a.kommune !== b.kommune) return a.kommune < b.kommune ? -1 : 1;
    if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
    if (a.type !== b.type) return a.type < b.type ? -1 : 1;
    const ga = a.group ?? "";
    const gb = b.group ?? "";
    return ga === gb ? 0 : ga < gb ? -1 : 1;
  });
}

/** The first and last month of a period column. */
export function monthRange(period: Int32Array, length: number): { first: number; last: number } {
  let first = 2147483647;
  let last = -2147483648;
  for (let i = 0; i < length; i++) {
    const p = period[i]!;
    if (p < first) first = p;
    if (p > last) last = p;
  }
  return { first, last };
}

/**
 * Rows grouped by unit with a counting sort: `order` lists the row numbers unit by unit,
 * unit u owning order[start[u] .. start[u + 1]). `unitOfRow` gives each row's unit number.
 */
export function groupRows(unitOfRow: Int32Array, units: number): { order: Int32Array; start: Int32Array } {
  const n = unitOfRow.length;
  const start = new Int32Array(units + 1);
  for (let i = 0; i < n; i++) start[unitOfRow[i]! + 1]++;
  for (let u = 0; u < units; u++) start[u + 1] += start[u]!;
  const fill = start.slice(0, units);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[unitOfRow[i]!]!++] = i;
  return { order, start };
}
