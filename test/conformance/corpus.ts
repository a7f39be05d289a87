// The conformance corpus: one case per file (cases/*.case), each a policy (or several files of
// one policy), data tables as CSV text, options, and the events `tilsyn run --format json` prints.
// Every case is run by each implementation of the language's meaning, and their events must be
// byte-identical to each other and to the file:
//
//   interpreter  runtime/engine.ts evaluate() walking the plan, with no compiled code;
//   compiled     evaluateCompiled(): the emitted criteria kernel (compiler/emit-criteria.ts),
//                as the CLI, the examples and the playground run it;
//   module       the TypeScript module emitTypeScript() writes (kernel plus compiled reviews,
//                transitions and remembered values), imported from a temporary folder.
//
// The file format is plain text, split into sections by header lines `-- name --`:
//
//   Free text before the first header: what the case shows and why (its source).
//   -- options.json --             optional: {"fra": "2021-01", "til": "2021-12", "allePerioder": true}
//   -- policy NAME.tilsyn --       one or more; several files of one policy run as one history
//   -- data NAME.csv --            one per data source; a source without a section is empty
//   -- events.json --              the expected events, JSON.stringify(events, null, 2)

import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { checkPolicy, emitHistoryTypeScript, emitTypeScript } from "../../compiler/index.js";
import { compiledFor, evaluateCompiled } from "../../compiler/emit-criteria.js";
import { KOMMUNE_CODES, KOMMUNE_NAMES } from "../../compiler/kommunekoder.js";
import { formatMonth, parseMonth } from "../../runtime/calendar.js";
import { loadTable } from "../../load/csv.js";
import { evaluate, type EvaluateOptions } from "../../runtime/engine.js";
import { compareEvents, type PolicyEvent } from "../../runtime/events.js";
import type { Plan } from "../../runtime/plan.js";
import type { Rational } from "../../runtime/rational.js";
import type { DataSchema, Table } from "../../runtime/table.js";

export const root = join(import.meta.dirname, "..", "..");
export const casesDir = join(import.meta.dirname, "cases");

export interface CaseOptions {
  /** Keep only events dated in or after this month (as `tilsyn run --fra`). */
  fra?: string;
  /** … in or before this month (`--til`). */
  til?: string;
  /** Ignore the policies' periods in force (`--alle-perioder`). */
  allePerioder?: boolean;
}

export interface ConformanceCase {
  name: string;
  description: string;
  options: CaseOptions;
  policies: { file: string; text: string }[];
  data: { name: string; csv: string }[];
  /** The events section as stored (undefined when the case has none yet). */
  events?: string;
}

const HEADER = /^-- (.+) --$/;

export function parseCase(name: string, text: string): ConformanceCase {
  const lines = text.split("\n");
  const description: string[] = [];
  const sections: { header: string; lines: string[] }[] = [];
  for (const line of lines) {
    const m = HEADER.exec(line);
    if (m) sections.push({ header: m[1]!, lines: [] });
    else if (sections.length) sections.at(-1)!.lines.push(line);
    else description.push(line);
  }
  const c: ConformanceCase = { name, description: description.join("\n").trim(), options: {}, policies: [], data: [] };
  for (const s of sections) {
    const body = s.lines.join("\n").replace(/\n+$/, "\n");
    const [kind, file] = s.header.split(/\s+/, 2);
    if (kind === "options.json") c.options = JSON.parse(body) as CaseOptions;
    else if (kind === "events.json") c.events = body.replace(/\n$/, "");
    else if (kind === "policy" && file) c.policies.push({ file, text: body });
    else if (kind === "data" && file?.endsWith(".csv")) c.data.push({ name: file.slice(0, -4), csv: body });
    else throw new Error(`${name}: unknown section "-- ${s.header} --"`);
  }
  if (c.policies.length === 0) throw new Error(`${name}: no policy section`);
  return c;
}

export function writeCase(c: ConformanceCase): string {
  const out: string[] = [];
  if (c.description) out.push(c.description, "");
  if (Object.keys(c.options).length) out.push("-- options.json --", JSON.stringify(c.options), "");
  for (const p of c.policies) out.push(`-- policy ${p.file} --`, p.text.replace(/\n+$/, ""), "");
  for (const d of c.data) out.push(`-- data ${d.name}.csv --`, d.csv.replace(/\n+$/, ""), "");
  if (c.events !== undefined) out.push("-- events.json --", c.events);
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}

export function readCases(): ConformanceCase[] {
  return readdirSync(casesDir)
    .filter((f) => f.endsWith(".case"))
    .sort()
    .map((f) => parseCase(f.slice(0, -5), readFileSync(join(casesDir, f), "utf8")));
}

export function saveCase(c: ConformanceCase): void {
  writeFileSync(join(casesDir, `${c.name}.case`), writeCase(c));
}

// ---------------------------------------------------------------------------------------------
// Running a case

export interface Prepared {
  plans: Plan[];
  tables: Record<string, Table>;
  options: EvaluateOptions;
}

export function prepare(c: ConformanceCase): Prepared {
  const plans: Plan[] = [];
  for (const p of c.policies) {
    const result = checkPolicy(p.text, p.file);
    if (!result.plan) {
      const errors = result.diagnostics.filter((d) => d.severity === "fejl").map((d) => `${d.file}:${d.span.start.line}: ${d.message}`);
      throw new Error(`${c.name}: ${p.file} does not compile:\n${errors.join("\n")}`);
    }
    plans.push(result.plan);
  }
  const tables: Record<string, Table> = {};
  for (const plan of plans) {
    for (const schema of plan.data) {
      if (tables[schema.name]) continue;
      const given = c.data.find((d) => d.name === schema.name);
      tables[schema.name] = loadCsv(given?.csv ?? `${header(schema).join(",")}\n`, `${schema.name}.csv`, schema);
    }
  }
  for (const d of c.data) if (!tables[d.name]) throw new Error(`${c.name}: data ${d.name}.csv is read by no policy of the case`);
  const month = (text: string | undefined, flag: string) => {
    if (text === undefined) return undefined;
    const m = parseMonth(text);
    if (m === undefined) throw new Error(`${c.name}: ${flag} ${text} is not a month`);
    return m;
  };
  const fromMonth = month(c.options.fra, "fra");
  const toMonth = month(c.options.til, "til");
  const options: EvaluateOptions = {
    kommuneNames: KOMMUNE_NAMES,
    ignoreInForce: c.options.allePerioder ?? false,
    ...(fromMonth !== undefined ? { fromMonth } : {}),
    ...(toMonth !== undefined ? { toMonth } : {}),
  };
  return { plans, tables, options };
}

export function loadCsv(csv: string, file: string, schema: DataSchema): Table {
  const loaded = loadTable(csv, file, schema, KOMMUNE_CODES);
  if (!loaded.table) throw new Error(`${file}: ${loaded.diagnostics.map((d) => `linje ${d.span.start.line}: ${d.message}`).join("; ")}`);
  return loaded.table;
}

/** Events as `tilsyn run --format json` writes its `events` array. */
export const eventsJson = (events: PolicyEvent[]): string => JSON.stringify(events, null, 2);

/** (a) The interpreter: evaluate() walking the plan, no compiled code at all. */
export function runInterpreter(p: Prepared): string {
  return eventsJson(evaluate(p.plans, p.tables, p.options).events);
}

/** (b) The in-process compiled path: the emitted criteria kernel, as `tilsyn run` uses it. */
export function runCompiled(p: Prepared): string {
  return eventsJson(evaluateCompiled(p.plans, p.tables, p.options).events);
}

/** Whether the compiled path decides the criteria of a plan with the emitted kernel (not by walking the plan). */
export function usesKernel(plan: Plan): boolean {
  return compiledFor([plan]).get(plan)?.decideCriteria !== undefined;
}

interface GeneratedModule {
  evaluateTables(tables: Record<string, Table>, options?: EvaluateOptions): PolicyEvent[];
}

/**
 * (c) The module `tilsyn compile` writes, importing this checkout's runtime: written under
 * .tmp/conformance/, then imported. Several files of one policy are one history module
 * (`compile --historik`); files of different policies are evaluated one module each and merged
 * in the engine's order (it evaluates plans independently and sorts stably).
 */
export async function runModule(p: Prepared, name: string): Promise<string> {
  const dir = join(root, ".tmp", "conformance", name);
  mkdirSync(dir, { recursive: true });
  const runtime = `${relative(dir, join(root, "runtime")).split("\\").join("/")}/index.js`;
  const history = p.plans.length > 1 && p.plans.every((plan) => plan.name === p.plans[0]!.name);
  const sources = history ? [emitHistoryTypeScript(p.plans, { runtime })] : p.plans.map((plan) => emitTypeScript(plan, { runtime }));
  const events: PolicyEvent[] = [];
  for (const [i, source] of sources.entries()) {
    const file = join(dir, `policy${i}.ts`);
    writeFileSync(file, source);
    const mod = (await import(/* @vite-ignore */ `${file}?t=${Date.now()}`)) as GeneratedModule;
    events.push(...mod.evaluateTables(p.tables, p.options));
  }
  return eventsJson(events.sort(compareEvents));
}

// ---------------------------------------------------------------------------------------------
// Tables back to CSV (for cases made from the examples in the policies)

const header = (schema: DataSchema): string[] => [
  "kommune",
  schema.grain === "år" ? "aar" : "maaned",
  ...(schema.group ? [schema.group] : []),
  ...schema.fields.map((f) => f.name),
];

/** An exact decimal for a rational whose denominator divides a power of ten (as data decimals do). */
function decimalText(r: Rational): string {
  let k = 0;
  let scale = 1n;
  while ((r.n * scale) % r.d !== 0n) {
    if (++k > 40) throw new Error(`${r.n}/${r.d} has no finite decimal`);
    scale *= 10n;
  }
  const digits = ((r.n < 0n ? -r.n : r.n) * scale) / r.d;
  const s = digits.toString().padStart(k + 1, "0");
  const text = k === 0 ? s : `${s.slice(0, s.length - k)},${s.slice(s.length - k)}`;
  return r.n < 0n ? `-${text}` : text;
}

const quote = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** A loaded table as the CSV text it would be read from (blank cells stay blank). */
export function tableToCsv(table: Table): string {
  const schema = table.schema;
  const lines = [header(schema).join(",")];
  for (let r = 0; r < table.length; r++) {
    const cells = [table.kommune[r]!, schema.grain === "år" ? String(table.period[r]) : formatMonth(table.period[r]!)];
    if (schema.group) cells.push(table.group![r]!);
    for (const f of schema.fields) {
      if (f.type === "antal") {
        const v = table.counts[f.name]![r]!;
        cells.push(Number.isNaN(v) ? "" : String(v));
      } else if (f.type === "tekst") cells.push(table.texts[f.name]![r]!);
      else {
        const q = table.decimals[f.name]![r];
        cells.push(q ? decimalText(f.type === "procent" ? { n: q.n * 100n, d: q.d } : q) : "");
      }
    }
    lines.push(cells.map(quote).join(","));
  }
  return `${lines.join("\n")}\n`;
}
