// "Why (not)?" for one kommune and one data period (`tilsyn explain`): every criterion with its
// guard, condition and streak, true / false / ikke målt with the numbers in the words event
// explanations use, and for a rule that held without a contact, what stopped it (the rule's data
// months, the period in force, a suspension, at most N a year, the re-contact rule, or one
// contact per date). Pure: the CLI and (later) the playground call it with evaluated events.

import { inspect, type InspectedRule, type InspectedUnit } from "../runtime/engine.js";
import type { PolicyEvent } from "../runtime/events.js";
import type { Plan } from "../runtime/plan.js";
import type { Table } from "../runtime/table.js";

export type Truth = "sand" | "falsk" | "ikke målt";

export const truthWord = (v: boolean | undefined): Truth => (v === true ? "sand" : v === false ? "falsk" : "ikke målt");

export interface ExplainedRule extends InspectedRule {
  /** The events this rule gave for the period (contacts, accounts, reviews). */
  events: PolicyEvent[];
  /** Why a rule that held gave no event; undefined when it gave one or did not hold. */
  stoppedBy?: string;
}

export interface ExplainedUnit extends Omit<InspectedUnit, "criteria" | "reviews"> {
  policy: string;
  title: string;
  criteria: ExplainedRule[];
  reviews: ExplainedRule[];
}

export interface Explanation {
  kommune: string;
  period: string;
  units: ExplainedUnit[];
  /** Every event of the kommune that rests on this period (also states and deadlines). */
  events: PolicyEvent[];
}

const sameUnit = (e: PolicyEvent, u: { kommune: string; group?: string }) => e.kommune === u.kommune && (u.group === undefined || e.group === undefined || e.group === u.group);

/** Period labels compare in time order as text within one cadence ("2021-03" < "2021-04", "2023-H1" < "2023-H2"). */
function whyNoContact(plan: Plan, rule: InspectedRule, unit: InspectedUnit, events: PolicyEvent[], allPeriods: boolean): string {
  if (!rule.applies) return "reglen gælder ikke for data for denne periode (`gælder for data fra … til …`)";
  const { from, to } = plan.inForce;
  if (!allPeriods && ((from !== undefined && rule.date < from) || (to !== undefined && rule.date > to))) {
    return `reglerne gælder ikke på handlingsdatoen ${rule.date} (de gælder ${from ? `fra ${from}` : ""}${from && to ? " " : ""}${to ? `til og med ${to}` : ""})`;
  }
  const suspension = plan.suspensions.find((s) => rule.date >= s.from && rule.date <= s.to);
  if (suspension) return `undtagelsen «${suspension.title}» (ingen henvendelser fra ${suspension.from} til ${suspension.to})`;
  const contacts = events.filter((e) => e.policy === plan.name && e.type === "henvendelse" && sameUnit(e, unit));
  const reaction = plan.reaction;
  if (reaction?.maxPerYear !== undefined) {
    const year = rule.date.slice(0, 4);
    const before = contacts.filter((e) => e.date.slice(0, 4) === year && e.date < rule.date);
    if (before.length >= reaction.maxPerYear) return `højst ${reaction.maxPerYear} henvendelser pr. år: der var allerede sendt ${before.length} i ${year} (den ${before.map((e) => e.date).join(" og den ")})`;
  }
  if (reaction?.recontactAfterData) {
    const earlier = contacts.filter((e) => e.date < rule.date && e.period >= unit.period);
    const last = earlier[earlier.length - 1];
    if (last) return `ny henvendelse først på data efter forrige henvendelse: henvendelsen den ${last.date} byggede på data for ${last.period}`;
  }
  const sameDay = contacts.find((e) => e.date === rule.date);
  if (sameDay) return `kommunen fik én henvendelse den ${sameDay.date}, efter «${sameDay.rule}» for ${sameDay.period}`;
  if (!reaction) return "politikken har ingen reaktion";
  return "ingen henvendelse på denne dato (se reaktionen)";
}

/** Explain every rule of `plans` for one kommune and data period, given the run's events. */
export function explainPeriod(
  plans: Plan[],
  tables: Record<string, Table>,
  events: readonly PolicyEvent[],
  kommune: string,
  period: string,
  options: { allPeriods?: boolean } = {},
): Explanation {
  const ofKommune = events.filter((e) => e.kommune === kommune);
  const units: ExplainedUnit[] = [];
  for (const { plan, units: inspected } of inspect(plans, tables, kommune, period, options.allPeriods ? { ignoreInForce: true } : {})) {
    const mine = ofKommune.filter((e) => e.policy === plan.name);
    for (const unit of inspected) {
      const given = (rule: InspectedRule, types: PolicyEvent["type"][]) =>
        mine.filter((e) => types.includes(e.type) && e.period === period && sameUnit(e, unit) && (e.rule === rule.name || e.rules?.includes(rule.name)));
      const criteria = unit.criteria.map((rule): ExplainedRule => {
        const found = given(rule, ["henvendelse", "redegoerelse"]);
        const stopped = rule.holds === true && !found.some((e) => e.type === "henvendelse") ? whyNoContact(plan, rule, unit, mine, options.allPeriods ?? false) : undefined;
        return { ...rule, events: found, ...(stopped ? { stoppedBy: stopped } : {}) };
      });
      const reviews = unit.reviews.map((rule): ExplainedRule => ({
        ...rule,
        events: mine.filter((e) => e.type === "gennemgang" && e.rule === rule.name && e.period === rule.period && sameUnit(e, unit)),
      }));
      units.push({ ...unit, policy: plan.name, title: plan.title, criteria, reviews });
    }
  }
  return { kommune, period, units, events: ofKommune.filter((e) => e.period === period) };
}

/** "+12,4 procentpoint over grænsen": how far the main comparison's value is from its limit. */
export function distanceText(r: InspectedRule): string | undefined {
  const { value, limit, unit } = r.when;
  if (value === null || value === undefined || limit === null || limit === undefined) return undefined;
  const d = Math.round((value - limit) * 10) / 10;
  const size = Math.abs(d).toFixed(1).replace(".", ",");
  const what = unit === "%" ? "procentpoint" : "";
  if (d === 0) return "lige på grænsen";
  return `${size}${what ? ` ${what}` : ""} ${d > 0 ? "over" : "under"} grænsen`;
}

/** The explanation as text for a terminal. */
export function formatExplanation(x: Explanation, kommuneName: string): string {
  const out: string[] = [`${kommuneName} (${x.kommune}), data for ${x.period}`];
  if (x.units.length === 0) out.push("", "Ingen data for kommunen i politikkernes data, eller perioden findes ikke i opgørelsen.");
  for (const u of x.units) {
    out.push("", `${u.title}${u.group !== undefined ? `, ${u.group}` : ""}`);
    for (const r of [...u.criteria, ...u.reviews]) {
      out.push(`  «${r.title}» (${r.name})${r.period ? ` for ${r.period}` : ""}: ${truthWord(r.holds)}${r.applies ? "" : " – gælder ikke for data for perioden"}`);
      if (r.guard) out.push(`    forudsat: ${truthWord(r.guard.holds)}: ${r.guard.text}`);
      if (r.streak) for (const m of r.streak) out.push(`    ${m.period}: ${truthWord(m.holds)}: ${m.text}`);
      else out.push(`    når: ${truthWord(r.when.holds)}: ${r.when.text}`);
      const distance = distanceText(r);
      if (distance) out.push(`    afstand til grænsen: ${distance}`);
      for (const e of r.events) out.push(`    → ${e.type === "redegoerelse" ? "redegørelse" : e.type} den ${e.date}${e.handling ? ` (${e.handling})` : ""}`);
      if (r.stoppedBy) out.push(`    → ingen henvendelse: ${r.stoppedBy}`);
    }
  }
  const other = x.events.filter((e) => e.type === "tilstand" || e.type === "frist");
  if (other.length) {
    out.push("", "Forløb:");
    for (const e of other) out.push(`  ${e.date} ${e.type === "tilstand" ? `${e.from} → ${e.to}` : `frist ${e.name} ${e.due}`} (${e.rule})`);
  }
  return `${out.join("\n")}\n`;
}
