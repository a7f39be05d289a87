// `tilsyn diff A B`: two variants of a policy on the same data. Pure: events and series in,
// a report out (totals per type and year, kommuner flagged under one and not the other with
// the reason, and the first date where the variants differ).

import type { EvaluationResult, PolicyEvent, SeriesPoint } from "../runtime/events.js";
import type { Plan } from "../runtime/plan.js";

export interface Variant {
  label: string;
  file: string;
  plan: Plan;
  result: EvaluationResult;
}

export interface FlaggedDifference {
  kommune: string;
  navn: string;
  /** Events (not deadlines) under the variant that flags it. */
  events: number;
  /** Why it is flagged: the first event's explanation. */
  reason: string;
  /** Why the other variant does not flag it: its highest measured value against the limit. */
  other: string;
}

export interface DiffReport {
  a: { file: string; title: string; totals: Record<string, Record<string, number>> };
  b: { file: string; title: string; totals: Record<string, Record<string, number>> };
  years: string[];
  types: string[];
  onlyA: FlaggedDifference[];
  onlyB: FlaggedDifference[];
  both: number;
  firstDifference?: { date: string; a: string[]; b: string[] };
}

const TYPES = ["henvendelse", "redegoerelse", "gennemgang", "tilstand", "frist"];
const typeLabel: Record<string, string> = { henvendelse: "henvendelser", redegoerelse: "redegørelser", gennemgang: "gennemgange", tilstand: "tilstandsskift", frist: "frister" };

/** An event that flags a kommune: anything but a deadline. Entering a state counts; leaving normal too. */
const flags = (e: PolicyEvent): boolean => e.type !== "frist" && !(e.type === "tilstand" && e.to === "normal");

function totals(events: PolicyEvent[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const e of events) {
    const year = e.date.slice(0, 4);
    (out[e.type] ??= {})[year] = (out[e.type]![year] ?? 0) + 1;
  }
  return out;
}

/** The other variant's closest call: the highest measured value of its rules for the kommune. */
function closestCall(series: SeriesPoint[] | undefined, kommune: string): string {
  const points = (series ?? []).filter((p) => p.kommune === kommune && p.value !== null);
  if (points.length === 0) return "ingen af dens regler kunne vurderes for kommunen";
  let best = points[0]!;
  for (const p of points) if (p.limit !== null && best.limit !== null && p.value! - p.limit > best.value! - best.limit) best = p;
  const unit = best.unit ? ` ${best.unit}` : "";
  const value = `${best.value!.toFixed(1).replace(".", ",")}${unit}`;
  const limit = best.limit !== null ? ` (grænse ${best.limit.toFixed(1).replace(".", ",")}${unit})` : "";
  return `højeste værdi for «${best.rule}» var ${value}${limit} i ${best.period}${best.group ? ` (${best.group})` : ""}, og reglen var ikke opfyldt`;
}

export function diffVariants(a: Variant, b: Variant, names: ReadonlyMap<string, string>): DiffReport {
  const flaggedA = new Map<string, PolicyEvent[]>();
  const flaggedB = new Map<string, PolicyEvent[]>();
  for (const e of a.result.events.filter(flags)) (flaggedA.get(e.kommune) ?? flaggedA.set(e.kommune, []).get(e.kommune)!).push(e);
  for (const e of b.result.events.filter(flags)) (flaggedB.get(e.kommune) ?? flaggedB.set(e.kommune, []).get(e.kommune)!).push(e);
  const only = (mine: Map<string, PolicyEvent[]>, theirs: Map<string, PolicyEvent[]>, other: Variant): FlaggedDifference[] =>
    [...mine.keys()]
      .filter((k) => !theirs.has(k))
      .sort()
      .map((k) => ({
        kommune: k,
        navn: names.get(k) ?? "",
        events: mine.get(k)!.length,
        reason: mine.get(k)![0]!.explanation,
        other: closestCall(other.result.series, k),
      }));
  const all = [...a.result.events, ...b.result.events];
  const years = [...new Set(all.map((e) => e.date.slice(0, 4)))].sort();
  const types = TYPES.filter((t) => all.some((e) => e.type === t));
  // The first date on which the two variants' events differ (by kommune, type and rule).
  const byDate = (events: PolicyEvent[]) => {
    const m = new Map<string, string[]>();
    for (const e of events) (m.get(e.date) ?? m.set(e.date, []).get(e.date)!).push(`${e.kommune} ${e.type} ${e.rule}${e.group ? ` (${e.group})` : ""}`);
    return m;
  };
  const da = byDate(a.result.events);
  const db = byDate(b.result.events);
  let firstDifference: DiffReport["firstDifference"];
  for (const date of [...new Set([...da.keys(), ...db.keys()])].sort()) {
    const x = (da.get(date) ?? []).sort();
    const y = (db.get(date) ?? []).sort();
    if (x.join("\n") !== y.join("\n")) {
      firstDifference = { date, a: x.filter((s) => !y.includes(s)), b: y.filter((s) => !x.includes(s)) };
      break;
    }
  }
  return {
    a: { file: a.file, title: a.plan.title, totals: totals(a.result.events) },
    b: { file: b.file, title: b.plan.title, totals: totals(b.result.events) },
    years,
    types,
    onlyA: only(flaggedA, flaggedB, b),
    onlyB: only(flaggedB, flaggedA, a),
    both: [...flaggedA.keys()].filter((k) => flaggedB.has(k)).length,
    ...(firstDifference ? { firstDifference } : {}),
  };
}

function totalsRows(r: DiffReport): string[][] {
  const rows = [["", ...r.years.flatMap((y) => [`${y} A`, `${y} B`])]];
  for (const t of r.types) {
    rows.push([typeLabel[t] ?? t, ...r.years.flatMap((y) => [String(r.a.totals[t]?.[y] ?? 0), String(r.b.totals[t]?.[y] ?? 0)])]);
  }
  return rows;
}

function pad(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows.map((row) => row.map((c, i) => c + " ".repeat(widths[i]! - [...c].length)).join("  ").trimEnd());
}

const kommuneLine = (d: FlaggedDifference) => `${d.kommune} ${d.navn}`.trim();

export function formatDiffTable(r: DiffReport): string {
  const out = [`A: ${r.a.file} (${r.a.title})`, `B: ${r.b.file} (${r.b.title})`, "", "Hændelser pr. år (efter handlingsdato):", ...pad(totalsRows(r)).map((l) => `  ${l}`), ""];
  out.push(`Kommuner med hændelser under begge: ${r.both}; kun under A: ${r.onlyA.length}; kun under B: ${r.onlyB.length}.`, "");
  for (const [label, list] of [["Kun under A", r.onlyA], ["Kun under B", r.onlyB]] as const) {
    if (list.length === 0) continue;
    out.push(`${label}:`);
    for (const d of list) {
      out.push(`  ${kommuneLine(d)} (${d.events} ${d.events === 1 ? "hændelse" : "hændelser"})`);
      out.push(`    Hvorfor: ${d.reason}`);
      out.push(`    Den anden variant: ${d.other}.`);
    }
    out.push("");
  }
  if (r.firstDifference) {
    out.push(`Første forskel: ${r.firstDifference.date}`);
    if (r.firstDifference.a.length) out.push(`  kun A: ${r.firstDifference.a.slice(0, 5).join("; ")}${r.firstDifference.a.length > 5 ? " …" : ""}`);
    if (r.firstDifference.b.length) out.push(`  kun B: ${r.firstDifference.b.slice(0, 5).join("; ")}${r.firstDifference.b.length > 5 ? " …" : ""}`);
  } else out.push("Varianterne giver de samme hændelser.");
  return `${out.join("\n")}\n`;
}

export function formatDiffMarkdown(r: DiffReport): string {
  const rows = totalsRows(r);
  const out = [`**A:** \`${r.a.file}\` — ${r.a.title}  `, `**B:** \`${r.b.file}\` — ${r.b.title}`, ""];
  out.push(`| ${rows[0]!.map((c) => c || "Hændelser").join(" | ")} |`, `| ${rows[0]!.map(() => "---").join(" | ")} |`);
  for (const row of rows.slice(1)) out.push(`| ${row.join(" | ")} |`);
  out.push("", `Kommuner med hændelser under begge: ${r.both}; kun under A: ${r.onlyA.length}; kun under B: ${r.onlyB.length}.`, "");
  for (const [label, list] of [["Kun under A", r.onlyA], ["Kun under B", r.onlyB]] as const) {
    if (list.length === 0) continue;
    out.push(`**${label}:**`, "");
    for (const d of list) out.push(`- **${kommuneLine(d)}** (${d.events}): ${d.reason.replace(/\|/g, "\\|")} — *den anden variant:* ${d.other}.`);
    out.push("");
  }
  if (r.firstDifference) out.push(`Første forskel: ${r.firstDifference.date}.`);
  return `${out.join("\n")}\n`;
}
