// jobsøgning written by hand from domain.md § 2 and policies/jobsoegning.tilsyn: plain loops over
// the columnar table, integer cross-multiplication for the shares; explanations only when asked
// for (Texts).
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
import { formatComparedSmall, jsonSmall } from "../../runtime/values.js";
import { firstDay, groupRows, kommuneLabel, monthRange, monthLabel, sortEvents, type HandEvent, type Texts } from "./common.js";

const LAG = 3;
const LATER = 3;
const SUSPENDED_FROM = 2020 * 12 + 2; // 2020-03-01
const SUSPENDED_TO = 2020 * 12 + 11; // 2020-12-01 (≤ 2020-12-31)
const LADDER = ["telefon", "brev", "redegørelse", "møde", "ministerbrev", "stikprøve"];

// The texts (policies/jobsoegning.tilsyn), for the variant that writes explanations.
const CONTACT = "STAR kontakter jobcenteret om de mange borgere uden registreret jobsøgning";
const CRITERIA = ["straks", "observation", "fortsat_uden_jobsøgning"] as const;
const TITLE = ["Strakshandling: 50 pct. røde eller flere i en måned", "Over 40 pct. røde i tre sammenhængende måneder", "Over 25 pct. fortsat uden jobsøgning i tredje måned efter"];
const SOURCE = [
  "STAR: Administrationsmodel, handlingskriterie 1 (strakshandling)",
  "STAR: Administrationsmodel, handlingskriterie 2 (handling efter observation)",
  "STAR: Administrationsmodel, handlingskriterie 3 (fortsat ingen jobsøgning)",
];
const REVIEW_TITLE = "Årlig gennemgang af kommuner med under 40 jobparate";
const REVIEW_SOURCE = "STAR: Administrationsmodel, handlingskriterier (kommuner med under 40 jobparate)";

type Values = Record<string, number | string | boolean | null>;

/** A share that held against a limit in percent, as the explanation shows it («52,5 %», or «40,04 %» beside 40 %). */
const shareText = (n: number, d: number, op: "mindst" | "over", limit: number): string =>
  formatComparedSmall(0, op, n, d, false, "andel", false, limit, 100, false, "andel", true, 1)!;

/**
 * Why criterion c held on data month index i (J, R, F: the unit's month totals): its facts and
 * values, as the compiled module writes them.
 */
function explainCriterion(c: number, i: number, first: number, J: Float64Array, R: Float64Array, F: Float64Array): { facts: string; values: Values } {
  const j = J[i]!;
  const x = R[i]!;
  const values: Values = { minimumspopulation: true, roed: x, jobparate: j };
  const guard = `minimumspopulation er opfyldt (roed (${x}) er mindst 20, og jobparate (${j}) er over 40)`;
  if (c === 0) {
    values["andel_røde"] = jsonSmall(x, j, "andel")!;
    return { facts: `${guard}, og andel røde (${shareText(x, j, "mindst", 50)}) er mindst 50 %`, values };
  }
  if (c === 1) {
    let months = "";
    for (let k = i - 2; k <= i; k++) {
      const label = monthLabel(first + k);
      values[`andel_røde ${label}`] = jsonSmall(R[k]!, J[k]!, "andel")!;
      months += `${k > i - 2 ? ", " : ""}${label}: ${shareText(R[k]!, J[k]!, "over", 40)}`;
    }
    return { facts: `${guard}, og andel røde (${shareText(x, j, "over", 40)}) er over 40 % i hver af de 3 sammenhængende måneder (${months})`, values };
  }
  const f = F[i]!;
  values["andel_fortsat_uden"] = jsonSmall(f, j, "andel")!;
  return { facts: `${guard}, og andel fortsat uden jobsøgning (${shareText(f, j, "over", 25)}) er over 25 %`, values };
}

/** A contact's values, rules, explanation and source, from the criteria that held (criterion, month index). */
function explainContact(e: HandEvent, texts: Texts, firing: [number, number][], step: number, first: number, J: Float64Array, R: Float64Array, F: Float64Array): void {
  const [c0, i0] = firing[0]!;
  const own0 = explainCriterion(c0, i0, first, J, R, F);
  const values = own0.values;
  let criteriaText = `«${TITLE[c0]}» for ${monthLabel(first + i0)}: ${own0.facts}`;
  const rules: string[] = [CRITERIA[c0]];
  for (let n = 1; n < firing.length; n++) {
    const [c, i] = firing[n]!;
    const own = explainCriterion(c, i, first, J, R, F);
    // Another criterion's number under the same name is kept beside the first's, labelled, when
    // it is another number or from another month.
    for (const key in own.values) {
      const v = own.values[key]!;
      if (!(key in values)) values[key] = v;
      else if (values[key] !== v || i !== i0) values[`${key} (${CRITERIA[c]}, ${monthLabel(first + i)})`] = v;
    }
    criteriaText += `; og «${TITLE[c]}» for ${monthLabel(first + i)}: ${own.facts}`;
    rules.push(CRITERIA[c]);
  }
  values["trin"] = step;
  e.rules = rules;
  e.values = values;
  e.explanation = `${CONTACT}, fordi ${kommuneLabel(texts, e.kommune)} opfylder ${criteriaText}; foreslået handling: ${e.handling} (trin ${step}).`;
  e.source = SOURCE[c0];
}

export function jobsoegning(table: Table, texts?: Texts): HandEvent[] {
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
      const since = lastContact;
      contacts++;
      lastContact = date;
      const step = contacts < LADDER.length ? contacts : LADDER.length;
      const event: HandEvent = { type: "henvendelse", kommune: k, period: monthLabel(m), date: firstDay(date), rule, handling: LADDER[step - 1]! };
      if (texts) {
        // Every criterion that held for this date, in the policy's order, each on data for a
        // month at or after the previous contact.
        const firing: [number, number][] = [];
        if (s && (since < 0 || first + i >= since)) firing.push([0, i]);
        if (o && (since < 0 || first + i >= since)) firing.push([1, i]);
        if (f && (since < 0 || first + i3 >= since)) firing.push([2, i3]);
        explainContact(event, texts, firing, step, first, J, R, F);
      }
      events.push(event);
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
        const event: HandEvent = { type: "gennemgang", kommune: k, period: String(y), date: firstDay(y * 12 + 11 + LAG), rule: "små_kommuner" };
        if (texts) {
          const mean = formatComparedSmall(0, "under", sum, 12, false, "antal", false, 40, 1, false, "tal", true, 1)!;
          event.values = { "gennemsnittet af jobparate": jsonSmall(sum, 12, "antal")! };
          event.explanation = `${kommuneLabel(texts, k)} indgår i «${REVIEW_TITLE}» for ${y}: gennemsnittet af jobparate (${mean}) er under 40.`;
          event.source = REVIEW_SOURCE;
        }
        events.push(event);
      }
    }
  }
  return sortEvents(events);
}
