// Danish words for the runtime's event types and other codes shown in the page.

import type { EventType } from "../../runtime/events.js";

export const eventTypeLabel: Record<EventType, string> = {
  henvendelse: "Henvendelse",
  redegoerelse: "Redegørelse",
  tilstand: "Tilstandsskift",
  frist: "Frist",
  gennemgang: "Gennemgang",
};

export const eventTypePlural: Record<EventType, string> = {
  henvendelse: "Henvendelser",
  redegoerelse: "Redegørelser",
  tilstand: "Tilstandsskift",
  frist: "Frister",
  gennemgang: "Gennemgange",
};

export const eventTypes = Object.keys(eventTypeLabel) as EventType[];

/** Colours of event types in charts and badges. */
export const eventTypeColour: Record<EventType, string> = {
  henvendelse: "#c62828",
  redegoerelse: "#6a1b9a",
  tilstand: "#1565c0",
  frist: "#ef6c00",
  gennemgang: "#2e7d32",
};

const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

/** "2024-03-01" → "1. marts 2024" */
export function danishDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])}. ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}

/** Month index → "YYYY-MM" (for <input type=month>). */
export const monthValue = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;

/** "YYYY-MM" → month index. */
export function parseMonthValue(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : undefined;
}

/** The last month of a period label "2021-03", "2023-H2" or "2023", as a month index. */
export function periodEndMonth(period: string): number | undefined {
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return Number(m[1]) * 12 + Number(m[2]) - 1;
  m = /^(\d{4})-H([12])$/.exec(period);
  if (m) return Number(m[1]) * 12 + (m[2] === "1" ? 5 : 11);
  m = /^(\d{4})$/.exec(period);
  if (m) return Number(m[1]) * 12 + 11;
  return undefined;
}

/** Month index → "marts 2024". */
export const danishMonth = (m: number): string => `${MONTHS[m % 12]} ${Math.floor(m / 12)}`;
