// jobsøgning written by hand from domain.md § 2 and policies/jobsoegning.tilsyn: plain loops over
// the columnar table, integer cross-multiplication for the shares, no explanations.
//
//   - per kommune, monthly; minimum population: roed ≥ 20 and jobparate > 40 in the month;
//   - straks: roed / jobparate ≥ 50 %; observation: > 40 % (with the minimum population) in each
//     of 3 consecutive months; fortsat_uden_jobsøgning: fortsat_uden_jobsoegning / jobparate
//     > 25 %, assessed 3 months later;
//   - published 3 months after the month: action date = first day of month + 3 (+ 3 more for
//     fortsat_uden_jobsøgning); no contacts dated 2020-03-01 .. 2020-12-31 (COVID-19);
//   - re-contact only on data for a month at or after the month of the previous contact;
//     the escalation ladder telefon, brev, redegørelse, møde, ministerbrev, stikprøve (then stays);
//   - the annual review: mean jobparate over a whole calendar year under 40 (every month
//     measured), dated 1 March of the next year.

import type { Table } from "../../runtime/index.js";
import { firstDay, groupRows, monthRange, monthLabel, sortEvents, type HandEvent } from "./common.js";

const LAG = 3;
const LATER = 3;
const SUSPENDED_FROM = 2020 * 12 + 2; // 2020-03-01
const SUSPENDED_TO = 2020 * 12 + 11; // 2020-12-01 (≤ 2020-12-31)
const LADDER = ["telefon", "brev", "redegørelse", "møde", "ministerbrev", "stikprøve"];

export function jobsoegning(table: Table): HandEvent[] {
  const n = table.length;
  const jobparate = table.counts["jobparate"]!;
  const roed = table.counts["roed"]!;
  const fortsat = table.counts["fortsat_uden_jobsoegning"]!;
  const kommune = table.kommune;
  const period = table.period;

  const units = new Map<string, number>();
  const unitKommune: string[] = [];
  const unitOfRow = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = kommune[i]!;
    let u = units.get(k);
    if (u === undefined) {
      units.set(k, (u = unitKommune.length));
      unitKommune.push(k);
    }
    unitOfRow[i] = u;
  }
  const { order, start } = groupRows(unitOfRow, unitKommune.length);
  const { first, last } = monthRange(period, n);
  const months = last - first + 1;
  const J = new Float64Array(months);
  const R = new Float64Array(months);
  const F = new Float64Array(months);
  const straks = new Uint8Array(months);
  const observation = new Uint8Array(months);
  const later = new Uint8Array(months);
  const firstYear = Math.ceil(first / 12);

  const events: HandEvent[] = [];
  for (let u = 0; u < unitKommune.length; u++) {
    const k = unitKommune[u]!;
    J.fill(NaN);
    R.fill(NaN);
    F.fill(NaN);
    for (let r = start[u]!; r < start[u + 1]!; r++) {
      const row = order[r]!;
      const m = period[row]! - first;
      const j = jobparate[row]!;
      const x = roed[row]!;
      const f = fortsat[row]!;
      if (j === j) J[m] = J[m] !== J[m] ? j : J[m]! + j;
      if (x === x) R[m] = R[m] !== R[m] ? x : R[m]! + x;
      if (f === f) F[m] = F[m] !== F[m] ? f : F[m]! + f;
    }
    // Criteria per data month: did it hold (1) or not (0)?
    let run = 0;
    for (let i = 0; i < months; i++) {
      const j = J[i]!;
      const x = R[i]!;
      const f = F[i]!;
      // minimum population: 0 no, 1 yes, 2 not measured (Kleene "og")
      const a = x !== x ? 2 : x >= 20 ? 1 : 0;
      const b = j !== j ? 2 : j > 40 ? 1 : 0;
      const guard = a === 0 || b === 0 ? 0 : a === 2 || b === 2 ? 2 : 1;
      const share = x !== x || j !== j || j === 0 ? 2 : 1;
      straks[i] = guard === 1 && share === 1 && x * 100 >= 50 * j ? 1 : 0;
      run = guard === 1 && share === 1 && x * 100 > 40 * j ? run + 1 : 0;
      observation[i] = run >= 3 ? 1 : 0;
      later[i] = guard === 1 && f === f && j === j && j !== 0 && f * 100 > 25 * j ? 1 : 0;
    }
    // Contacts by action date: straks and observation on month + 3, fortsat on month + 6.
    let lastContact = -1;
    let contacts = 0;
    for (let date = first + LAG; date <= last + LAG + LATER; date++) {
      const i = date - LAG - first;
      const i3 = i - LATER;
      const s = i < months && straks[i] === 1;
      const o = i < months && observation[i] === 1;
      const f = i3 >= 0 && later[i3] === 1;
      if (!s && !o && !f) continue;
      if (date >= SUSPENDED_FROM && date <= SUSPENDED_TO) continue;
      let rule: string;
      let m: number;
      if ((s || o) && (lastContact < 0 || first + i >= lastContact)) {
        rule = s ? "straks" : "observation";
        m = first + i;
      } else if (f && (lastContact < 0 || first + i3 >= lastContact)) {
        rule = "fortsat_uden_jobsøgning";
        m = first + i3;
      } else continue;
      contacts++;
      lastContact = date;
      const step = contacts < LADDER.length ? contacts : LADDER.length;
      events.push({ type: "henvendelse", kommune: k, period: monthLabel(m), date: firstDay(date), rule, handling: LADDER[step - 1]! });
    }
    // The annual review of small kommuner: whole calendar years inside the data.
    for (let y = firstYear; y * 12 + 11 <= last; y++) {
      let sum = 0;
      let i = y * 12 - first;
      const end = i + 12;
      for (; i < end; i++) {
        const j = J[i]!;
        if (j !== j) break;
        sum += j;
      }
      if (i === end && sum < 40 * 12) {
        events.push({ type: "gennemgang", kommune: k, period: String(y), date: firstDay(y * 12 + 11 + LAG), rule: "små_kommuner" });
      }
    }
  }
  return sortEvents(events);
}
