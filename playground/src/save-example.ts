// «Gem som eksempel»: one kommune's data period turned into an `eksempel` block. The block holds
// the kommune's rows that the decision for that period used (the period's months, reaching back
// as far as the longest `over de seneste N måneder` window and any `i N perioder i træk`; for a
// state machine every earlier month too, since its state carries over), and the expectations the
// current policy gives for exactly those rows. The block is then run, as `tilsyn test` would run
// it, inside the policy text it is to be added to: an expectation that would not pass is left out
// and counted, so what is saved passes.
//
// Browser-safe (the worker runs it); no Node APIs.

import type { Plan } from "../../runtime/plan.js";
import type { PolicyEvent } from "../../runtime/events.js";
import type { Rational } from "../../runtime/rational.js";
import type { Table } from "../../runtime/table.js";
import { checkPolicy } from "../../compiler/index.js";
import { runExample } from "../../compiler/runner.js";
import { hasErrors } from "../../diagnostics/index.js";

/** The months (indices year*12 + month-1) of a data period label: "2021-03", "2023-H2" or "2023". */
export function periodMonths(period: string): { from: number; to: number } | undefined {
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const k = Number(m[1]) * 12 + Number(m[2]) - 1;
    return { from: k, to: k };
  }
  m = /^(\d{4})-H([12])$/.exec(period);
  if (m) {
    const first = Number(m[1]) * 12 + (m[2] === "1" ? 0 : 6);
    return { from: first, to: first + 5 };
  }
  m = /^(\d{4})$/.exec(period);
  if (m) return { from: Number(m[1]) * 12, to: Number(m[1]) * 12 + 11 };
  return undefined;
}

/** Every `over de seneste N måneder` window in the plan. */
function lastWindows(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) for (const v of value) lastWindows(v, out);
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (o["kind"] === "last" && typeof o["months"] === "number") out.push(o["months"]);
    for (const v of Object.values(o)) lastWindows(v, out);
  }
  return out;
}

/** The months whose rows the decision for `period` may use. */
export function decisionMonths(plan: Plan, period: string, firstDataMonth: number): { from: number; to: number } | undefined {
  const own = periodMonths(period);
  if (!own) return undefined;
  if (plan.machine) return { from: Math.min(firstDataMonth, own.from), to: own.to };
  const length = own.to - own.from + 1;
  const longest = Math.max(0, ...lastWindows(plan.measures), ...lastWindows(plan.criteria), ...lastWindows(plan.reviews));
  const streak = Math.max(1, ...plan.criteria.map((c) => c.streak ?? 1));
  const months = Math.max(length * streak, longest + length * (streak - 1));
  return { from: own.to - months + 1, to: own.to };
}

const monthText = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;

/** An exact decimal with a decimal comma (7/10 → "0,7"); six decimals when it does not end. */
export function decimalText(value: Rational, scale = 1n): string {
  let n = value.n * scale;
  let d = value.d;
  const negative = n < 0n;
  if (negative) n = -n;
  // As many decimals as make the denominator divide a power of ten (2^a·5^b); six when none does.
  let digits = 0;
  while (digits < 12 && 10n ** BigInt(digits) % d !== 0n) digits++;
  if (10n ** BigInt(digits) % d !== 0n) digits = 6;
  const scaled = (n * 10n ** BigInt(digits) + d / 2n) / d;
  const whole = scaled / 10n ** BigInt(digits);
  const fraction = (scaled % 10n ** BigInt(digits)).toString().padStart(digits, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `,${fraction}` : ""}`;
}

const isName = (text: string): boolean => /^[\p{L}_][\p{L}\p{N}_]*$/u.test(text);

/** One data block's rows of one kommune and months, as the lines of an example's table. */
export function tableLines(table: Table, kommune: string, months: { from: number; to: number }): string[] {
  const schema = table.schema;
  const annual = schema.grain === "år";
  const columns = ["kommune", annual ? "aar" : "maaned", ...(schema.group ? [schema.group] : []), ...schema.fields.map((f) => f.name)];
  const rows: { period: number; cells: string[] }[] = [];
  for (let i = 0; i < table.length; i++) {
    if (table.kommune[i] !== kommune) continue;
    const period = table.period[i]!;
    const inside = annual ? period >= Math.floor(months.from / 12) && period <= Math.floor(months.to / 12) : period >= months.from && period <= months.to;
    if (!inside) continue;
    const values = schema.fields.map((f) => {
      if (f.type === "antal") {
        const v = table.counts[f.name]![i]!;
        return Number.isNaN(v) ? "" : String(v).replace(".", ",");
      }
      if (f.type === "tekst") return table.texts[f.name]![i] ?? "";
      const v = table.decimals[f.name]![i];
      return v ? decimalText(v, f.type === "procent" ? 100n : 1n) : "";
    });
    rows.push({ period, cells: [...(schema.group ? [table.group![i]!] : []), ...values] });
  }
  if (rows.length === 0) return [];
  // Consecutive months with the same values in one group are one row with a range (2023-07..2023-12).
  rows.sort((a, b) => a.cells.join("|").localeCompare(b.cells.join("|")) || a.period - b.period);
  const merged: { from: number; to: number; cells: string[] }[] = [];
  for (const row of rows) {
    const last = merged.at(-1);
    if (last && last.to + 1 === row.period && last.cells.join("|") === row.cells.join("|")) last.to = row.period;
    else merged.push({ from: row.period, to: row.period, cells: row.cells });
  }
  merged.sort((a, b) => a.from - b.from || (a.cells[0] ?? "").localeCompare(b.cells[0] ?? "", "da"));
  const label = (p: number): string => (annual ? String(p) : monthText(p));
  const body = merged.map((r) => [kommune, r.from === r.to ? label(r.from) : `${label(r.from)}..${label(r.to)}`, ...r.cells]);
  const widths = columns.map((c, i) => Math.max(c.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join(" | ").trimEnd();
  return [line(columns), ...body.map(line)];
}

const NOUN: Record<PolicyEvent["type"], [string, string]> = {
  henvendelse: ["henvendelse", "henvendelser"],
  redegoerelse: ["redegørelse", "redegørelser"],
  gennemgang: ["gennemgang", "gennemgange"],
  frist: ["frist", "frister"],
  tilstand: ["tilstand", "tilstande"],
};

/** The expectations for the events of an example's run: a count per kind, and each event of `period`. */
export function expectationLines(plan: Plan, events: readonly PolicyEvent[], kommune: string, period: string): string[] {
  const lines: string[] = [];
  const kinds: PolicyEvent["type"][] = [
    ...(plan.criteria.length > 0 ? (["henvendelse"] as const) : []),
    ...(plan.reviews.length > 0 ? (["gennemgang"] as const) : []),
    ...(plan.machine ? (["frist"] as const) : []),
  ];
  for (const type of kinds) {
    const n = events.filter((e) => e.type === type).length;
    const [one, many] = NOUN[type];
    lines.push(n === 0 ? `forventer ingen ${one}` : `forventer ${n} ${n === 1 ? one : many} ${type === "frist" ? "for" : type === "gennemgang" ? "af" : "til"} ${kommune}`);
  }
  for (const e of events) {
    if (e.period !== period) continue;
    const rule = isName(e.rule) ? ` efter ${e.rule}` : "";
    const group = e.group && isName(e.group) ? ` i gruppen ${e.group}` : "";
    switch (e.type) {
      case "henvendelse":
      case "redegoerelse":
        lines.push(`forventer ${NOUN[e.type][0]} til ${kommune} for ${period}${group}${rule} den ${e.date}`);
        break;
      case "gennemgang":
        lines.push(`forventer gennemgang af ${kommune} for ${period}${group}${rule} den ${e.date}`);
        break;
      case "frist":
        if (e.name && isName(e.name)) lines.push(`forventer frist ${e.name} for ${kommune}${rule} den ${e.due ?? e.date}`);
        break;
      case "tilstand":
        break;
    }
  }
  if (plan.machine) {
    // The state after the period: the last change on data up to it, else where the machine starts.
    const changes = events.filter((e) => e.type === "tilstand" && e.period <= period && e.to);
    const state = changes.at(-1)?.to ?? plan.machine.start;
    if (isName(state)) lines.push(`forventer tilstand ${state} for ${kommune} i ${period}`);
  }
  return lines;
}

export interface SavedExample {
  text: string;
  /** Expectations left out because the block did not pass with them. */
  dropped: number;
}

/**
 * The `eksempel` block for one kommune and data period, checked by running it within `source`.
 * `tables` are the full data the page evaluated; `plan` the compiled `source`.
 */
export function saveExample(
  source: string,
  file: string,
  plan: Plan,
  tables: Readonly<Record<string, Table>>,
  kommune: string,
  kommuneName: string,
  period: string,
): SavedExample | { error: string } {
  const firstMonth = Math.min(
    ...Object.values(tables).flatMap((t) => {
      let first = Infinity;
      for (let i = 0; i < t.length; i++) if (t.kommune[i] === kommune) first = Math.min(first, t.schema.grain === "år" ? t.period[i]! * 12 : t.period[i]!);
      return [first];
    }),
  );
  const months = decisionMonths(plan, period, firstMonth);
  if (!months) return { error: `Perioden ${period} kan ikke læses.` };
  const blocks: string[] = [];
  for (const data of plan.data) {
    const table = tables[data.name];
    if (!table) continue;
    const lines = tableLines(table, kommune, months);
    if (lines.length > 0) blocks.push(`  data ${data.name}`, ...lines.map((l) => `    ${l}`));
  }
  if (blocks.length === 0) return { error: `${kommuneName} (${kommune}) har ingen rækker i ${monthText(months.from)} – ${monthText(months.to)}.` };
  const title = `${kommuneName} (${kommune}), data for ${period}: gemt fra legepladsen`;
  const head = [`eksempel "${title.replace(/"/g, "'")}"`, ...blocks];

  // Run the rows alone (no expectations yet) to learn what the policy gives for them.
  const events = runBlock(source, file, [...head, "  forventer ingen henvendelse"].join("\n"), plan);
  if ("error" in events) return events;
  let expectations = expectationLines(plan, events.events, kommune, period);
  const block = (): string => [...head, ...expectations.map((e) => `  ${e}`)].join("\n");
  const checked = runBlock(source, file, block(), plan);
  if ("error" in checked) return checked;
  const failing = new Set(checked.failing);
  const dropped = failing.size;
  expectations = expectations.filter((_, i) => !failing.has(i));
  if (expectations.length === 0) return { error: "Politikken giver ingen forventning, der kan skrives for de rækker." };
  return { text: block(), dropped };
}

/** Run a block appended to `source`: its events and which of its expectations (0-based) fail. */
function runBlock(source: string, file: string, block: string, plan: Plan): { events: PolicyEvent[]; failing: number[] } | { error: string } {
  const text = `${source.replace(/\s*$/, "")}\n\n${block}\n`;
  const checked = checkPolicy(text, file);
  const example = checked.ast.examples?.at(-1);
  const prepared = checked.examples.find((p) => p.example === example);
  if (!example || !prepared || !checked.plan) {
    const problem = checked.diagnostics.find((d) => d.severity === "fejl" && d.span.start.line > source.split("\n").length);
    return { error: `Eksemplet kunne ikke laves: ${problem?.message ?? (hasErrors(checked.diagnostics) ? "politikken har fejl" : "ukendt fejl")}` };
  }
  const result = runExample(example, prepared.tables, [checked.plan ?? plan], file);
  if (result.error) return { error: `Eksemplet kunne ikke køres: ${result.error}` };
  return {
    events: result.events,
    failing: result.expectations.flatMap((e, i) => (e.ok ? [] : [i])),
  };
}
