// `tilsyn run` with a `måling` (docs/sprog.md «Målinger»): the person files are streamed from the
// data folder in chunks (load/persons.ts), measured (runtime/spells.ts), and the table is either
// printed (`--format csv` gives `kommune,maaned,FELT…`) or, when another policy in the same run
// reads data of the same name, handed to it instead of the folder's file (a note, T0445, says so).

import { existsSync } from "node:fs";
import { join } from "node:path";
import { problem, renderDiagnostics, renderProblem } from "../diagnostics/index.js";
import { loadTable } from "../load/csv.js";
import { measureLoaded, PersonIds, PersonTableReader, type PersonLoadResult } from "../load/persons.js";
import type { MeasurePlan, PersonDataPlan } from "../runtime/measure-plan.js";
import type { Plan } from "../runtime/plan.js";
import { measuredCsv, monthText, type InspectedMeasureMonth, type InspectedPersonMonth, type MeasuredTable, type MeasureInspect, type PersonTable } from "../runtime/spells.js";
import { explainMeasurement, periodMonths, type MeasureExplanation } from "../compiler/explain-measure.js";
import { measureCodeFor } from "../compiler/emit-measure.js";
import type { Table } from "../runtime/table.js";
import { streamFile } from "./data-file.js";
import { checkDataFolder, UserError } from "./io.js";
import type { Io } from "./main.js";
import type { RunOptions } from "./commands.js";

/**
 * One person file, streamed in chunks with its progress shown. Read as bytes first; a file the
 * fast path does not read (a problem in it, or a layout it leaves to the text path) is read again
 * as text, which gives the diagnostics with file, line and column.
 */
async function readPersonFile(file: string, plan: PersonDataPlan, persons: PersonIds, kommuner: ReadonlySet<string> | undefined, io: Io): Promise<PersonLoadResult> {
  const fast = await streamFile(file, () => new PersonTableReader(file, plan, persons, kommuner), io.terminal);
  const result = fast.finish();
  if (!fast.needsText) return result;
  return (await streamFile(file, () => new PersonTableReader(file, plan, persons, kommuner, { text: true }), io.terminal)).finish();
}

/** The folder's person files of a `måling`, loaded with shared person ids (T03xx problems stop here). */
async function loadPersons(policy: string, plan: MeasurePlan, dir: string, codes: ReadonlySet<string>, io: Io): Promise<{ persons: PersonIds; tables: Map<string, PersonTable> }> {
  const persons = new PersonIds();
  const tables = new Map<string, PersonTable>();
  let failed = false;
  for (const d of plan.data) {
    const file = join(dir, `${d.name}.csv`);
    if (!existsSync(file)) throw new UserError(problem("T0407", { policy, data: d.name, file, dir }), 2);
    const loaded = await readPersonFile(file, d, persons, d.name === plan.spell.data ? codes : undefined, io);
    io.stderr(renderDiagnostics(loaded.diagnostics, loaded.lines));
    if (loaded.table) tables.set(d.name, loaded.table);
    else failed = true;
  }
  if (failed) throw new UserError("Datafilerne har fejl (se ovenfor). Ret dem og prøv igen.", 2);
  return { persons, tables };
}

/**
 * For `tilsyn sweep` on a limit of a `måling`: the person files loaded once, and a function that
 * measures a changed plan of the same måling on them and gives the table as the data the reading
 * policy reads (checked as the file it replaces, as `tilsyn run` does).
 */
export async function measuringAgain(
  policy: string,
  plan: MeasurePlan,
  reader: Plan,
  dir: string,
  codes: ReadonlySet<string>,
  io: Io,
): Promise<(changed: MeasurePlan) => Table> {
  const { persons, tables } = await loadPersons(policy, plan, dir, codes, io);
  const schema = reader.data.find((d) => d.name === plan.name);
  if (!schema) throw new UserError(`${policy}: ingen af de andre politikker læser data \`${plan.name}\`, som målingen giver.`, 2);
  return (changed) => {
    const { table, diagnostics } = measureLoaded(changed, measureCodeFor(changed), tables, persons);
    io.stderr(renderDiagnostics(diagnostics));
    if (!table) throw new UserError("Datafilerne har fejl (se ovenfor). Ret dem og prøv igen.", 2);
    return measuredAsData(policy, plan.name, table, schema, codes, io);
  };
}

/** A measured table as the data file it replaces, through the same checks. */
function measuredAsData(policy: string, name: string, table: MeasuredTable, schema: Plan["data"][number], codes: ReadonlySet<string>, io: Io): Table {
  const loaded = loadTable(measuredCsv(table), `${name} (målt af ${policy})`, schema, codes);
  io.stderr(renderDiagnostics(loaded.diagnostics, loaded.lines));
  if (!loaded.table) throw new UserError(`Målingen i ${policy} passer ikke til data \`${name}\` (se ovenfor).`, 2);
  return loaded.table;
}

/**
 * Measure one `måling` on the folder's person files; with `inspect` (for `tilsyn explain`), also
 * the counts behind the kommune's rows in those months.
 */
async function measureFromFolder(
  policy: string,
  plan: MeasurePlan,
  dir: string,
  codes: ReadonlySet<string>,
  io: Io,
  inspect?: Omit<MeasureInspect, "person"> & { person?: string },
): Promise<MeasuredTable & { inspected?: InspectedMeasureMonth[]; person?: InspectedPersonMonth[] }> {
  const started = io.terminal?.now() ?? 0;
  const { persons, tables } = await loadPersons(policy, plan, dir, codes, io);
  // Measuring takes about as long as loading: when loading took a second or more, say what runs.
  const terminal = io.terminal && io.terminal.now() - started >= 1000 ? io.terminal : undefined;
  terminal?.write(`\r\x1b[KMåler ${plan.name}: ${String(persons.size).replace(/\B(?=(\d{3})+(?!\d))/g, ".")} personer …`);
  // For tilsyn explain the one measurement collects the counts behind the kommune's rows: the
  // explained counts are those of the table the policies read.
  const person = inspect?.person === undefined ? undefined : persons.find(inspect.person);
  if (inspect?.person !== undefined && person === undefined) throw new UserError(`Personen ${inspect.person} findes ikke i persondata i ${dir}.`, 2);
  const at = inspect ? { kommune: inspect.kommune, months: inspect.months, ...(person !== undefined ? { person } : {}) } : undefined;
  const { table, diagnostics } = measureLoaded(plan, measureCodeFor(plan), tables, persons, at);
  terminal?.write("\r\x1b[K");
  io.stderr(renderDiagnostics(diagnostics));
  if (!table) throw new UserError("Datafilerne har fejl (se ovenfor). Ret dem og prøv igen.", 2);
  return table;
}

/**
 * Run every `måling` of the given files. When none of `plans` reads a measured table, print the
 * tables and return `printed`; otherwise return them as data tables for those plans.
 */
export async function runMeasurements(
  files: { file: string; measurements?: MeasurePlan[] }[],
  plans: Plan[],
  options: RunOptions,
  codes: ReadonlySet<string>,
  io: Io,
): Promise<{ printed: boolean; tables: Record<string, Table> }> {
  await checkDataFolder(options.data);
  const measured: { file: string; plan: MeasurePlan; table: MeasuredTable }[] = [];
  for (const f of files) for (const plan of f.measurements ?? []) measured.push({ file: f.file, plan, table: await measureFromFolder(f.file, plan, options.data, codes, io) });
  return asDataTables(measured, plans, options, codes, io);
}

/**
 * `tilsyn explain` with a `måling`: every measurement of the given files, with the counts behind
 * the kommune's rows in the months of the period, and the tables for the policies that read them.
 */
export async function explainMeasurements(
  files: { file: string; measurements?: MeasurePlan[] }[],
  plans: Plan[],
  options: { data: string; kommune: string; periode: string; person?: string },
  codes: ReadonlySet<string>,
  io: Io,
): Promise<{ tables: Record<string, Table>; explanations: MeasureExplanation[] }> {
  await checkDataFolder(options.data);
  const months = periodMonths(options.periode);
  const measured: { file: string; plan: MeasurePlan; table: MeasuredTable }[] = [];
  const explanations: MeasureExplanation[] = [];
  for (const f of files) {
    for (const plan of f.measurements ?? []) {
      const inspect = { kommune: options.kommune, months: new Set(months), ...(options.person !== undefined ? { person: options.person } : {}) };
      const table = await measureFromFolder(f.file, plan, options.data, codes, io, inspect);
      measured.push({ file: f.file, plan, table });
      const person = options.person !== undefined ? { id: options.person, months: table.person ?? [] } : undefined;
      explanations.push(explainMeasurement(f.file, plan, table, table.inspected ?? [], options.kommune, options.periode, months, person));
    }
  }
  const { tables } = asDataTables(measured, plans, { ...options, format: "table" }, codes, io, false);
  return { tables, explanations };
}

/** The measured tables as data tables for the plans that read them; when none does, print them (if `print`). */
function asDataTables(
  measured: { file: string; plan: MeasurePlan; table: MeasuredTable }[],
  plans: Plan[],
  options: Pick<RunOptions, "data" | "format">,
  codes: ReadonlySet<string>,
  io: Io,
  print = true,
): { printed: boolean; tables: Record<string, Table> } {
  const readers = new Map<string, Plan["data"][number]>();
  for (const p of plans) for (const d of p.data) if (measured.some((m) => m.plan.name === d.name)) readers.set(d.name, d);
  if (readers.size === 0) {
    if (!print) return { printed: false, tables: {} };
    io.stdout(measured.map((m) => render(m.table, options.format)).join("\n"));
    return { printed: true, tables: {} };
  }
  const tables: Record<string, Table> = {};
  for (const m of measured) {
    const schema = readers.get(m.plan.name);
    if (!schema) continue;
    const folderFile = join(options.data, `${m.plan.name}.csv`);
    if (existsSync(folderFile)) io.stderr(`${renderProblem(problem("T0445", { file: folderFile, data: m.plan.name, policy: m.file }))}\n\n`);
    // The measured table goes through the same checks as the file it replaces.
    tables[m.plan.name] = measuredAsData(m.file, m.plan.name, m.table, schema, codes, io);
  }
  return { printed: false, tables };
}

function render(t: MeasuredTable, format: RunOptions["format"]): string {
  if (format === "csv") return measuredCsv(t);
  const header = ["kommune", "maaned", ...t.fields];
  const rows = t.rows.map((r) => [r.kommune, monthText(r.month), ...r.values.map(String)]);
  if (format === "json") {
    return `${JSON.stringify(rows.map((r) => Object.fromEntries(header.map((h, i) => [h, i < 2 ? r[i] : Number(r[i])]))), null, 2)}\n`;
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(format === "md" ? " | " : "  ");
  const out = [line(header), ...(format === "md" ? [widths.map((w) => "-".repeat(w)).join(" | ")] : []), ...rows.map(line)];
  return `${out.join("\n")}\n`;
}
