// TEMPORARY stand-in for compiler/index.ts, runtime/index.ts and grammar/index.ts until they land.
import type { Diagnostic } from "../../compiler/diagnostics.js";
import type { PolicyFile, Span } from "../../grammar/ast.js";
import type { EvaluationResult, PolicyEvent, SeriesPoint } from "../../runtime/events.js";
import type { Plan } from "../../runtime/plan.js";
import type { Table } from "../../runtime/csv.js";
export { hasErrors, renderDiagnostic } from "../../compiler/diagnostics.js";
export { loadTable } from "../../runtime/csv.js";
export { parseKommuner } from "../../runtime/kommuner.js";

function spanAt(source: string, offset: number, length: number): Span {
  const before = source.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return { start: { offset, line, column }, end: { offset: offset + length, line, column: column + length } };
}

export function compile(source: string, file: string): { ast: PolicyFile; diagnostics: Diagnostic[]; plan?: Plan } {
  const diagnostics: Diagnostic[] = [];
  for (const m of source.matchAll(/\bFEJL\w*/g)) {
    diagnostics.push({ code: "T0201", severity: "fejl", message: `Navnet \`${m[0]}\` findes ikke.`, file, span: spanAt(source, m.index!, m[0].length) });
  }
  const declarations: PolicyFile["declarations"] = [];
  for (const m of source.matchAll(/^kriterie (\S+)/gm)) {
    const span = spanAt(source, m.index! + 9, m[1]!.length);
    declarations.push({ kind: "CriterionDecl", name: { text: m[1]!, span }, span });
  }
  const ast: PolicyFile = { kind: "PolicyFile", declarations, comments: [], span: spanAt(source, 0, source.length) };
  const limit = Number(/over (\d+) %/.exec(source)?.[1] ?? 20);
  const data = [...source.matchAll(/^data (\S+) pr kommune, måned(?:, (\S+))?\n((?:  .*\n)*)/gm)].map((m) => ({
    name: m[1]!,
    grain: "måned" as const,
    group: m[2],
    fields: [...m[3]!.matchAll(/^  (\w+): (antal|andel|procent|tekst)(?: af (\w+))?/gm)].map((f) => ({
      name: f[1]!,
      type: f[2] as "antal",
      subsetOf: f[3],
    })),
  }));
  const plan = {
    name: /politik (\S+)/.exec(source)?.[1] ?? "x",
    title: "",
    source: "",
    file,
    inForce: {},
    data,
    measures: [],
    criteria: declarations.map((d) => ({ name: (d as { name: { text: string } }).name.text, title: "", source: "kilde", when: { k: "lit", value: String(limit), type: "tal", text: "" }, delayMonths: 0, location: { line: 1, column: 1 } })),
    reviews: [],
    suspensions: [],
  } as unknown as Plan;
  return { ast, diagnostics, plan: diagnostics.length ? undefined : plan };
}

export function evaluate(plans: Plan[], tables: Record<string, Table>, options: { fromMonth?: number; toMonth?: number; series?: boolean } = {}): EvaluationResult {
  const events: PolicyEvent[] = [];
  const series: SeriesPoint[] = [];
  for (const plan of plans) {
    const table = Object.values(tables)[0];
    if (!table) continue;
    const limit = Number((plan.criteria[0]?.when as { value?: string } | undefined)?.value ?? 20);
    for (const c of plan.criteria) {
      for (let i = 0; i < table.length; i++) {
        const m = table.period[i]!;
        if ((options.fromMonth !== undefined && m < options.fromMonth) || (options.toMonth !== undefined && m > options.toMonth)) continue;
        const fields = Object.values(table.counts);
        const v = (100 * fields[1]![i]!) / Math.max(1, fields[0]![i]!);
        const period = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
        const holds = v > limit;
        if (options.series) series.push({ policy: plan.name, rule: c.name, kommune: table.kommune[i]!, group: table.group?.[i], period, date: `${period}-01`, value: v, limit, holds });
        if (holds) events.push({ policy: plan.name, kommune: table.kommune[i]!, period, date: `${period}-01`, type: "henvendelse", rule: c.name, group: table.group?.[i], values: {}, explanation: `Andelen var ${v.toFixed(1)} % (over ${limit} %).`, source: c.source });
      }
    }
  }
  return { events, series };
}
