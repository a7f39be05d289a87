// tidlig-indsats-2020 written by hand from domain.md § 1a and policies/tidlig-indsats-2020.tilsyn,
// the way one would write it for speed: plain loops over the columnar table, integer
// cross-multiplication for the shares, no rule engine; explanations only when asked for (Texts).
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
import { formatDanishDate } from "../../runtime/engine.js";
import { formatComparedSmall, jsonSmall } from "../../runtime/values.js";
import { firstDay, groupRows, kommuneLabel, monthLabel, monthRange, sortEvents, type HandEvent, type Texts } from "./common.js";

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

// The texts (policies/tidlig-indsats-2020.tilsyn), for the variant that writes explanations;
// numbers and dates are formatted with the runtime's functions.
const CONTACT = "AMK retter skriftlig henvendelse til kommunen og tilbyder rådgivning og støtte";
const ACCOUNT = "Kommunen bedes om en skriftlig redegørelse og en konkret genopretningsplan";
const ACCOUNT_SOURCE = "STAR: Opfølgning på kommunernes tidlige indsats (manglende genopretning efter seks måneder)";
const CRITERIA = ["manglende_samtaler", "manglende_tilbud"] as const;
const TITLE = ["Over 20 pct. uden samtaler i tre sammenhængende måneder", "Over 20 pct. uden tilbud i tre sammenhængende måneder"];
const SOURCE = ["STAR: Opfølgning på kommunernes tidlige indsats (AMK retter henvendelse)", "STAR: Opfølgning på kommunernes tidlige indsats (opfølgning på tilbud fra juni 2022)"];
const MEASURE = ["andel_uden_samtaler", "andel_uden_tilbud"];
const WORDS = ["andel uden lovpligtige samtaler", "andel uden lovpligtigt tilbud"];

type Values = Record<string, number | string | boolean | null>;

/** A share over 20 %, as the explanation shows it («46,9 %», or «20,04 %»). */
const shareText = (n: number, d: number): string => formatComparedSmall(0, "over", n, d, false, "andel", false, 20, 100, false, "andel", true, 1)!;

/** Why criterion c held on month index i (B: borgere, X: the criterion's numerator): its facts and values. */
function explainCriterion(c: number, i: number, first: number, B: Float64Array, X: Float64Array): { facts: string; values: Values } {
  const values: Values = { borgere: B[i]! };
  let months = "";
  for (let k = i - 2; k <= i; k++) {
    const label = monthLabel(first + k);
    values[`${MEASURE[c]} ${label}`] = jsonSmall(X[k]!, B[k]!, "andel")!;
    months += `${k > i - 2 ? ", " : ""}${label}: ${shareText(X[k]!, B[k]!)}`;
  }
  return { facts: `borgere (${B[i]}) er mindst 10, og ${WORDS[c]} (${shareText(X[i]!, B[i]!)}) er over 20 % i hver af de 3 sammenhængende måneder (${months})`, values };
}

export function tidligIndsats2020(table: Table, texts?: Texts): HandEvent[] {
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
      const contact: HandEvent = { type: "henvendelse", kommune: k, group: g, period: p, date: d, rule };
      if (episodeStart < 0) episodeStart = date;
      const writes = !escalated && date >= episodeStart + ACCOUNT_AFTER;
      let criteriaText = "";
      if (texts) {
        // Each criterion that held, in the policy's order; the second's borgere is the first's.
        const c0 = holdsS === 1 ? 0 : 1;
        const own0 = explainCriterion(c0, i, first, B, c0 === 0 ? S : T);
        const values = own0.values;
        criteriaText = `«${TITLE[c0]}» for ${p}: ${own0.facts}`;
        contact.rules = [CRITERIA[c0]];
        if (c0 === 0 && holdsT === 1) {
          const own = explainCriterion(1, i, first, B, T);
          for (const key in own.values) if (!(key in values)) values[key] = own.values[key]!;
          criteriaText += `; og «${TITLE[1]}» for ${p}: ${own.facts}`;
          contact.rules.push(CRITERIA[1]);
        }
        contact.values = values;
        contact.explanation = `${CONTACT}, fordi ${kommuneLabel(texts, k)}, ydelsesgruppe ${g}, opfylder ${criteriaText}.`;
        contact.source = SOURCE[c0];
      }
      events.push(contact);
      if (writes) {
        escalated = true;
        const account: HandEvent = { type: "redegoerelse", kommune: k, group: g, period: p, date: d, rule };
        if (texts) {
          account.values = { ...contact.values, foerste_henvendelse: firstDay(episodeStart) };
          const since = formatDanishDate({ year: Math.floor(episodeStart / 12), month: (episodeStart % 12) + 1, day: 1 });
          account.explanation = `${ACCOUNT}: ${kommuneLabel(texts, k)}, ydelsesgruppe ${g}, har ikke genoprettet indsatsen ${ACCOUNT_AFTER} måneder efter henvendelsen den ${since}, idet ${criteriaText}.`;
          account.source = ACCOUNT_SOURCE;
        }
        events.push(account);
      }
    }
  }
  return sortEvents(events);
}
