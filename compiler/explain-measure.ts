// `tilsyn explain` for a `måling` (docs/sprog.md «Målinger»): for one kommune and the months of
// a period, each row of the measured table and how it was counted: the persons with a benefit in
// the kommune, those in a dead month, and for each field of the table how many fell out at each
// part (top-level `og`) of its condition, with the rules' sources. The counts come from the
// evaluator's collector (runtime/spells.ts, `measure(…, inspect)`); this module only words them.

import type { MExpr, MeasurePlan } from "../runtime/measure-plan.js";
import { conjuncts, monthText, type InspectedMeasureMonth, type InspectedPersonMonth, type MeasuredTable } from "../runtime/spells.js";

/** A rule of the measurement as written, with its source. */
export interface MeasureRule {
  text: string;
  source?: string;
}

export interface ExplainedMeasureField {
  name: string;
  source?: string;
  /** The table's value: persons where every part holds. */
  value: number;
  /** Persons the first part is counted from: counted months, or those in an earlier field. */
  from: { count: number; label: string };
  /** Each part that can leave persons out, and how many it left out (the first part that did not hold). */
  parts: { text: string; notHolding: number }[];
}

export interface ExplainedMeasureMonth {
  /** `YYYY-MM`. */
  month: string;
  /** The table's row for the kommune and month (field → value); undefined when there is none. */
  row?: Record<string, number>;
  /** Persons with a row of the spell data in the kommune in the month. */
  persons: number;
  /** Of those, in a dead month. */
  dead: number;
  /** persons − dead: the months the fields are evaluated for. */
  counted: number;
  fields: ExplainedMeasureField[];
}

export interface MeasureExplanation {
  policy: string;
  name: string;
  title: string;
  source?: string;
  kommune: string;
  period: string;
  /** The spell data: whose rows are "persons with a benefit". */
  spellData: string;
  /** How persons and events are counted: spell, dead months, window, `tæl` cases. */
  rules: { spell: MeasureRule; dead?: MeasureRule; window: MeasureRule; counts: { data: string; cases: (MeasureRule & { from?: string; to?: string })[] }[] };
  /** Each field's condition parts as written, with the field's source. */
  fields: { name: string; parts: string[]; source?: string }[];
  months: ExplainedMeasureMonth[];
  /** With `--person`: that person's months of the period (those with a row), as the evaluator saw them. */
  person?: { id: string; months: ExplainedPersonMonth[] };
}

export interface ExplainedPersonMonth {
  month: string;
  kommune: string;
  /** The spell field's value (the benefit). */
  value: string;
  dead: boolean;
  /** The spell's first month, counted months up to this one (`varighed`), the window's months. */
  spellFrom: string;
  duration: number;
  window: { from: string; to: string };
  monthCounts: { text: string; value: number }[];
  sums: { text: string; value: string }[];
  /** Every dated event in the window, and the `tæl` case that counted it. */
  events: { data: string; date: string; fields: Record<string, string>; counts: boolean; rule?: string; from?: string; to?: string; source?: string }[];
  /** Per field of the table: whether the person counts in it, else the part that did not hold. */
  fields: { name: string; counts: boolean; notHolding?: string }[];
}

/** A condition written over several lines, on one. */
const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, " ");

/** Month indices (year*12 + month-1) of a period label: `2023`, `2023-H1`, `2023-04`. */
export function periodMonths(period: string): number[] {
  const y = Number(period.slice(0, 4));
  const rest = period.slice(5);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => y * 12 + from + i);
  if (rest === "") return range(0, 11);
  if (rest === "H1") return range(0, 5);
  if (rest === "H2") return range(6, 11);
  return [y * 12 + Number(rest) - 1];
}

/** The written parts of a field: the plan's texts, or (for a plan without them) the field's name and part number. */
function partTexts(o: MeasurePlan["outputs"][number], parts: MExpr[]): string[] {
  if (o.parts && o.parts.length === parts.length) return o.parts.map(oneLine);
  return parts.map((_, j) => `${o.name}, del ${j + 1}`);
}

const dateText = (day: number): string => new Date(day * 86400000).toISOString().slice(0, 10);

/** A sum's numerator over its scale, as a Danish decimal. */
const decimalText = (n: number, d: number): string => String(n / d).replace(".", ",");

function explainPerson(plan: MeasurePlan, texts: string[][], m: InspectedPersonMonth): ExplainedPersonMonth {
  const window = { from: monthText(m.windowStart), to: monthText(m.month) };
  return {
    month: monthText(m.month),
    kommune: m.kommune,
    value: m.value,
    dead: m.dead,
    spellFrom: monthText(m.spellStart),
    duration: m.duration,
    window,
    monthCounts: m.monthCounts,
    sums: m.sums.map((x) => ({ text: `sum(${x.field})`, value: decimalText(x.n, x.d) })),
    events: m.events.map((e) => {
      const c = e.case >= 0 ? plan.counts.find((x) => x.data === e.data)?.cases[e.case] : undefined;
      return {
        data: e.data,
        date: dateText(e.day),
        fields: e.fields,
        counts: e.case !== -1,
        ...(c ? { rule: oneLine(c.text), ...(c.from ? { from: c.from } : {}), ...(c.to ? { to: c.to } : {}), ...(c.source ? { source: c.source } : {}) } : {}),
      };
    }),
    fields: m.outputs.map((o, k) => ({ name: o.name, counts: o.failed < 0, ...(o.failed >= 0 ? { notHolding: texts[k]![o.failed]! } : {}) })),
  };
}

export function explainMeasurement(
  policy: string,
  plan: MeasurePlan,
  table: MeasuredTable,
  inspected: readonly InspectedMeasureMonth[],
  kommune: string,
  period: string,
  months: readonly number[],
  person?: { id: string; months: readonly InspectedPersonMonth[] },
): MeasureExplanation {
  const split = plan.outputs.map((o) => conjuncts(o.where));
  const texts = plan.outputs.map((o, k) => partTexts(o, split[k]!));
  const src = (source: string | undefined) => (source === undefined ? {} : { source });
  const explained: ExplainedMeasureMonth[] = months.map((m) => {
    const row = table.rows.find((r) => r.kommune === kommune && r.month === m);
    const got = inspected.find((x) => x.month === m);
    const persons = got?.persons ?? 0;
    const dead = got?.dead ?? 0;
    const counted = persons - dead;
    const fields = plan.outputs.map((o, k): ExplainedMeasureField => {
      const rec = got?.outputs[k];
      const failed = rec?.failed ?? split[k]!.map(() => 0);
      const first = split[k]![0]!;
      // A field that starts with an earlier field (`maalgruppe og …`) is counted from that field's persons.
      if (first.k === "output" && split[k]!.length > 1) {
        const earlier = plan.outputs[first.index]!.name;
        return {
          name: o.name,
          ...src(o.source),
          value: rec?.counted ?? 0,
          from: { count: counted - failed[0]!, label: `i ${earlier}` },
          parts: texts[k]!.slice(1).map((text, j) => ({ text, notHolding: failed[j + 1]! })),
        };
      }
      return {
        name: o.name,
        ...src(o.source),
        value: rec?.counted ?? 0,
        from: { count: counted, label: "talte" },
        parts: texts[k]!.map((text, j) => ({ text, notHolding: failed[j]! })),
      };
    });
    return {
      month: monthText(m),
      ...(row ? { row: Object.fromEntries(table.fields.map((f, i) => [f, row.values[i]!])) } : {}),
      persons,
      dead,
      counted,
      fields,
    };
  });
  const cases = plan.counts.map((c) => ({
    data: c.data,
    cases: c.cases.map((k) => ({ text: oneLine(k.text), ...src(k.source), ...(k.from ? { from: k.from } : {}), ...(k.to ? { to: k.to } : {}) })),
  }));
  return {
    policy,
    name: plan.name,
    title: plan.title,
    ...src(plan.source),
    kommune,
    period,
    spellData: plan.spell.data,
    rules: {
      spell: { text: `forløb i ${plan.spell.data} med samme ${plan.spell.field}`, ...src(plan.spell.source) },
      ...(plan.dead ? { dead: { text: "død måned (`død når`)", ...src(plan.dead.source) } } : {}),
      window: { text: `vindue de seneste ${plan.window.months} måneder af forløbet`, ...src(plan.window.source) },
      counts: cases,
    },
    fields: plan.outputs.map((o, k) => ({ name: o.name, parts: texts[k]!, ...src(o.source) })),
    months: explained,
    ...(person ? { person: { id: person.id, months: person.months.map((m) => explainPerson(plan, texts, m)) } } : {}),
  };
}

const kilde = (r: { source?: string }) => (r.source ? ` (kilde: ${r.source})` : "");

/** The explanation as text for a terminal. */
export function formatMeasureExplanation(x: MeasureExplanation, kommuneName: string): string {
  const out: string[] = [`${x.title} (måling ${x.name} i ${x.policy}), ${kommuneName} (${x.kommune}), data for ${x.period}`];
  out.push("  Sådan tælles:");
  out.push(`    personer: dem med en række i ${x.spellData} i kommunen i måneden`);
  out.push(`    ${x.rules.spell.text}${kilde(x.rules.spell)}`);
  if (x.rules.dead) out.push(`    ${x.rules.dead.text}: tæller hverken med eller bryder forløbet${kilde(x.rules.dead)}`);
  out.push(`    ${x.rules.window.text}${kilde(x.rules.window)}`);
  for (const c of x.rules.counts) {
    for (const k of c.cases) {
      const when = k.from && k.to ? ` (gælder ${k.from} til ${k.to})` : k.from ? ` (gælder fra ${k.from})` : k.to ? ` (gælder til ${k.to})` : "";
      out.push(`    ${c.data} tæller, når ${k.text}${when}${kilde(k)}`);
    }
  }
  for (const f of x.fields) out.push(`    ${f.name}: ${f.parts.map((p) => `«${p}»`).join(" og ")}${kilde(f)}`);
  for (const m of x.months) {
    if (m.persons === 0) {
      out.push(`  ${m.month}: ingen personer med en række i ${x.spellData} i kommunen`);
      continue;
    }
    const dead = x.rules.dead ? `, ${m.dead} i en død måned, ${m.counted} talte` : "";
    out.push(`  ${m.month}: ${m.persons} ${m.persons === 1 ? "person" : "personer"}${dead}`);
    for (const f of m.fields) {
      const minus = f.parts.map((p) => ` − ${p.notHolding} hvor «${p.text}» ikke holder`).join("");
      out.push(`    ${f.name} ${f.value} = ${f.from.count} ${f.from.label}${minus}`);
    }
  }
  if (x.person) {
    out.push(`  Person ${x.person.id}:`);
    if (x.person.months.length === 0) out.push(`    ingen række i ${x.spellData} i periodens måneder`);
    for (const m of x.person.months) {
      const head = `    ${m.month} (kommune ${m.kommune}): ${m.value}, forløb fra ${m.spellFrom}`;
      if (m.dead) {
        out.push(`${head}, død måned: tæller hverken med eller bryder forløbet`);
        continue;
      }
      out.push(`${head}, ${m.duration} talte måneder (varighed), vindue ${m.window.from} til ${m.window.to}`);
      for (const c of m.monthCounts) out.push(`      ${c.text} = ${c.value}`);
      for (const c of m.sums) out.push(`      ${c.text} = ${c.value}`);
      for (const c of x.rules.counts) {
        const mine = m.events.filter((e) => e.data === c.data);
        out.push(`      ${c.data} i vinduet: ${mine.length}, heraf ${mine.filter((e) => e.counts).length} der tæller`);
      }
      for (const e of m.events) {
        const what = Object.values(e.fields).join(", ");
        const when = e.from && e.to ? `, gælder ${e.from} til ${e.to}` : e.from ? `, gælder fra ${e.from}` : e.to ? `, gælder til ${e.to}` : "";
        out.push(`      ${e.data} ${e.date}${what ? ` (${what})` : ""}: ${e.counts ? `tæller${e.rule ? ` efter «${e.rule}»${when}` : ""}` : "tæller ikke"}`);
      }
      for (const f of m.fields) out.push(`      ${f.name}: ${f.counts ? "med" : `ikke med, «${f.notHolding}» holder ikke`}`);
    }
  }
  return `${out.join("\n")}\n`;
}
