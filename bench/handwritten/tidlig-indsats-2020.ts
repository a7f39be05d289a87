// tidlig-indsats-2020 written by hand from domain.md § 1a and policies/tidlig-indsats-2020.tilsyn,
// the way one would write it for speed: plain loops over the columnar table, integer
// cross-multiplication for the shares, no rule engine, no explanations.
//
//   - per kommune and benefit group, monthly;
//   - manglende_samtaler: borgere ≥ 10 and uden_samtaler / borgere > 20 % in each of 3
//     consecutive months; manglende_tilbud: the same with uden_tilbud, for data months from
//     2022-03 (the streak may begin earlier);
//   - a blank cell, a missing month or 0 borgere is "not measured": it breaks the streak and
//     decides nothing;
//   - data published 2 months after the month, followed up 1 month later: action date = first
//     day of month + 3; the rules are in force for action dates 2020-01-01 .. 2024-02-29;
//   - a contact every month the criterion holds; redegørelse once per episode when the date is
//     ≥ 6 months after the episode's first contact; the episode ends in a month where a
//     criterion is decided false and none holds.

import type { Table } from "../../runtime/index.js";
import { firstDay, groupRows, monthLabel, monthRange, sortEvents, type HandEvent } from "./common.js";

const OFFERS_FROM = 2022 * 12 + 2; // data month 2022-03
const IN_FORCE_FROM = 2020 * 12 + 0; // action date 2020-01-01
const IN_FORCE_TO = 2024 * 12 + 1; // last action date 2024-02-01 (≤ 2024-02-29)
const LAG = 3; // publication 2 months + follow-up 1 month
const ACCOUNT_AFTER = 6;

/** 1 holds, 0 does not, 2 not measured — for one month: guard and share over 20 %. */
function decide(b: number, x: number): number {
  const guard = b !== b ? 2 : b >= 10 ? 1 : 0;
  if (guard === 0) return 0;
  const cond = x !== x || b !== b || b === 0 ? 2 : x * 100 > 20 * b ? 1 : 0;
  if (cond === 0) return 0;
  return guard === 2 || cond === 2 ? 2 : 1;
}

export function tidligIndsats2020(table: Table): HandEvent[] {
  const n = table.length;
  const borgere = table.counts["borgere"]!;
  const samtaler = table.counts["uden_samtaler"]!;
  const tilbud = table.counts["uden_tilbud"]!;
  const kommune = table.kommune;
  const group = table.group!;
  const period = table.period;

  // Units: kommune × group, numbered in order of appearance.
  const byKommune = new Map<string, Map<string, number>>();
  const unitKommune: string[] = [];
  const unitGroup: string[] = [];
  const unitOfRow = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = kommune[i]!;
    let groups = byKommune.get(k);
    if (!groups) byKommune.set(k, (groups = new Map()));
    const g = group[i]!;
    let u = groups.get(g);
    if (u === undefined) {
      u = unitKommune.length;
      groups.set(g, u);
      unitKommune.push(k);
      unitGroup.push(g);
    }
    unitOfRow[i] = u;
  }
  const { order, start } = groupRows(unitOfRow, unitKommune.length);
  const { first, last } = monthRange(period, n);
  const months = last - first + 1;
  const B = new Float64Array(months);
  const S = new Float64Array(months);
  const T = new Float64Array(months);

  const events: HandEvent[] = [];
  for (let u = 0; u < unitKommune.length; u++) {
    B.fill(NaN);
    S.fill(NaN);
    T.fill(NaN);
    for (let r = start[u]!; r < start[u + 1]!; r++) {
      const row = order[r]!;
      const m = period[row]! - first;
      // One row per unit and month (the loader rejects duplicates, T0321).
      const b = borgere[row]!;
      const s = samtaler[row]!;
      const t = tilbud[row]!;
      if (b === b) B[m] = B[m] !== B[m] ? b : B[m]! + b;
      if (s === s) S[m] = S[m] !== S[m] ? s : S[m]! + s;
      if (t === t) T[m] = T[m] !== T[m] ? t : T[m]! + t;
    }
    let runS = 0;
    let runT = 0;
    let episodeStart = -1;
    let escalated = false;
    for (let i = 0; i < months; i++) {
      const b = B[i]!;
      const baseS = decide(b, S[i]!);
      const baseT = decide(b, T[i]!);
      runS = baseS === 1 ? runS + 1 : 0;
      runT = baseT === 1 ? runT + 1 : 0;
      const m = first + i;
      const date = m + LAG;
      if (date < IN_FORCE_FROM || date > IN_FORCE_TO) continue;
      const holdsS = runS >= 3 ? 1 : baseS === 2 ? 2 : 0;
      const offers = m >= OFFERS_FROM;
      const holdsT = !offers ? 2 : runT >= 3 ? 1 : baseT === 2 ? 2 : 0;
      if (holdsS !== 1 && holdsT !== 1) {
        if (holdsS === 0 || holdsT === 0) {
          episodeStart = -1;
          escalated = false;
        }
        continue;
      }
      const rule = holdsS === 1 ? "manglende_samtaler" : "manglende_tilbud";
      const k = unitKommune[u]!;
      const g = unitGroup[u]!;
      const p = monthLabel(m);
      const d = firstDay(date);
      events.push({ type: "henvendelse", kommune: k, group: g, period: p, date: d, rule });
      if (episodeStart < 0) episodeStart = date;
      if (!escalated && date >= episodeStart + ACCOUNT_AFTER) {
        escalated = true;
        events.push({ type: "redegoerelse", kommune: k, group: g, period: p, date: d, rule });
      }
    }
  }
  return sortEvents(events);
}
