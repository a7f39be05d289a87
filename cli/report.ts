// Output formats of `tilsyn run`: table (terminal), json (contracts.md), csv and md, plus the
// summary (`--opsummering`). Pure functions from events to text.

import Papa from "papaparse";
import type { PolicyEvent } from "../runtime/events.js";
import type { Plan } from "../runtime/plan.js";

export type Format = "table" | "json" | "csv" | "md";

export interface ReportInput {
  plans: Plan[];
  events: PolicyEvent[];
  kommuneNames: ReadonlyMap<string, string>;
}

const typeLabel: Record<string, string> = {
  henvendelse: "henvendelse",
  redegoerelse: "redegørelse",
  tilstand: "tilstand",
  frist: "frist",
  gennemgang: "gennemgang",
};

/** What the event says in a few words: the rule, the state change or the deadline. */
function what(e: PolicyEvent): string {
  if (e.type === "tilstand") return `${e.rule}: ${e.from} → ${e.to}`;
  if (e.type === "frist") return `${e.name} senest ${e.due}`;
  return e.rules && e.rules.length > 1 ? e.rules.join(" + ") : e.rule;
}

export function formatJson({ plans, events }: ReportInput): string {
  const policies = uniquePolicies(plans).map((p) => ({
    name: p.name,
    title: p.title,
    file: p.file,
    source: p.source,
    ...(p.inForce.from ? { from: p.inForce.from } : {}),
    ...(p.inForce.to ? { to: p.inForce.to } : {}),
  }));
  return `${JSON.stringify({ policies, events }, null, 2)}\n`;
}

const uniquePolicies = (plans: Plan[]): Plan[] => plans;

export function formatCsv({ events, kommuneNames }: ReportInput): string {
  const rows = events.map((e) => ({
    policy: e.policy,
    kommune: e.kommune,
    navn: kommuneNames.get(e.kommune) ?? "",
    period: e.period,
    date: e.date,
    type: e.type,
    rule: e.rule,
    group: e.group ?? "",
    from: e.from ?? "",
    to: e.to ?? "",
    name: e.name ?? "",
    due: e.due ?? "",
    handling: e.handling ?? "",
    values: JSON.stringify(e.values),
    explanation: e.explanation,
    source: e.source,
  }));
  const columns = ["policy", "kommune", "navn", "period", "date", "type", "rule", "group", "from", "to", "name", "due", "handling", "values", "explanation", "source"];
  return `${Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => (r as Record<string, string>)[c])) }, { newline: "\n", escapeFormulae: FORMULA })}\n`;
}

/**
 * A cell a spreadsheet would run as a formula (OWASP's CSV injection: it begins with =, +, -, @,
 * a tab or a carriage return); papaparse puts a ' in front. A plain number such as -5 or +2,5 is
 * no formula and is left as it is. Texts from the policy and the data reach the cells (the
 * reaction's text begins the explanation; group and kommune names come from data files).
 */
const FORMULA = /^(?![-+]?\d+(?:[.,]\d+)?$)[=+\-@\t\r]/;

const mdCell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

export function formatMarkdown({ events, kommuneNames }: ReportInput): string {
  const lines = ["| Dato | Kommune | Periode | Type | Regel | Forklaring | Kilde |", "| --- | --- | --- | --- | --- | --- | --- |"];
  for (const e of events) {
    const kommune = `${e.kommune} ${kommuneNames.get(e.kommune) ?? ""}`.trim();
    lines.push(
      `| ${e.date} | ${mdCell(kommune)} | ${e.period}${e.group ? ` (${mdCell(e.group)})` : ""} | ${typeLabel[e.type] ?? e.type} | ${mdCell(what(e))} | ${mdCell(e.explanation)} | ${mdCell(e.source)} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Columns padded by display width (æ/ø/å count as one). */
function columns(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + " ".repeat(widths[i]! - [...cell].length))).join("  ").trimEnd());
}

export function formatTable({ events, kommuneNames }: ReportInput): string {
  if (events.length === 0) return "Ingen hændelser i perioden.\n";
  const out: string[] = [];
  const rows = [["Dato", "Kommune", "Periode", "Type", "Hvad"]];
  for (const e of events) {
    rows.push([
      e.date,
      `${e.kommune} ${kommuneNames.get(e.kommune) ?? ""}`.trim(),
      e.group ? `${e.period} ${e.group}` : e.period,
      typeLabel[e.type] ?? e.type,
      what(e),
    ]);
  }
  const lines = columns(rows);
  out.push(lines[0]!, "-".repeat([...lines[0]!].length));
  lines.slice(1).forEach((line, i) => {
    out.push(line);
    out.push(`    ${events[i]!.explanation}`);
    out.push(`    Kilde: ${events[i]!.source}`);
  });
  out.push("", events.length === 1 ? "1 hændelse." : `${events.length} hændelser.`);
  return `${out.join("\n")}\n`;
}

/** Totals per policy, year and event type, and the kommuner involved: `npm start`'s summary. */
export function formatSummary({ plans, events }: ReportInput, period: string): string {
  const out: string[] = [`Tilsynsoversigt ${period} (eksempeldata)`, ""];
  const names = [...new Set(plans.map((p) => p.name))];
  const years = [...new Set(events.map((e) => e.date.slice(0, 4)))].sort();
  const types = ["henvendelse", "redegoerelse", "gennemgang", "tilstand", "frist"];
  for (const name of names) {
    const title = plans.find((p) => p.name === name)!.title;
    const files = plans.filter((p) => p.name === name).map((p) => p.file);
    out.push(`${title} (${files.join(", ")})`);
    const mine = events.filter((e) => e.policy === name);
    const used = types.filter((t) => mine.some((e) => e.type === t));
    if (used.length === 0) {
      out.push("  Ingen hændelser.", "");
      continue;
    }
    const rows = [["", ...years, "kommuner"]];
    for (const t of used) {
      const ofType = mine.filter((e) => e.type === t);
      rows.push([`  ${typeLabel[t]}`, ...years.map((y) => String(ofType.filter((e) => e.date.startsWith(y)).length)), String(new Set(ofType.map((e) => e.kommune)).size)]);
    }
    const entries = mine.filter((e) => e.type === "tilstand");
    if (entries.length) {
      const moves = new Map<string, number>();
      for (const e of entries) moves.set(`${e.from} → ${e.to}`, (moves.get(`${e.from} → ${e.to}`) ?? 0) + 1);
      out.push(...columns(rows));
      out.push(`  overgange: ${[...moves].map(([k, v]) => `${k} ${v}`).join(", ")}`);
    } else out.push(...columns(rows));
    out.push("");
  }
  out.push("Se hver hændelse med forklaring: npx tilsyn run policies/*.tilsyn --data data/eksempel --fra 2022-01 --til 2024-12");
  return `${out.join("\n")}\n`;
}
