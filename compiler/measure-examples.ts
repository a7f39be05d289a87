// The examples of a file with a `måling`: person rows in, the measured table's rows expected.
//
//   eksempel "12 måneder på kontanthjælp uden tilbud"
//     data ydelsesmaaneder
//       person | kommune | maaned           | ydelse        | fritaget | doed
//       p1     | 101     | 2022-01..2022-12 | kontanthjaelp | 0        | 0
//     forventer data fokusmaal
//       kommune | maaned  | maalgruppe | uden_tilbud
//       101     | 2022-12 | 1          | 1
//
// A table of person data is read as its CSV file would be (a month range repeats the row for each
// month); data without a table is empty. Each expected row is one expectation: the measured row of
// that kommune and month has the values given (columns left out are not checked).

import type { ExampleDecl, ExampleTable, PolicyFile, TableCell } from "../grammar/ast.js";
import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import { csvCellText } from "../load/csv.js";
import { measureData } from "../load/persons.js";
import { measureCodeFor } from "./emit-measure.js";
import type { MeasurePlan } from "../runtime/measure-plan.js";
import { monthText } from "../runtime/spells.js";
import type { ExampleResult, ExpectationResult } from "./runner.js";

/** Check the tables of a measurement file's examples: known data, known columns (T0262, T0303). */
export function checkMeasurementExamples(ast: PolicyFile, plans: readonly MeasurePlan[], file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ex of ast.examples ?? []) {
    for (const t of ex.tables) {
      const d = plans.flatMap((p) => p.data).find((x) => x.name === t.data.text);
      if (!d) {
        const names = [...new Set(plans.flatMap((p) => p.data.map((x) => `\`${x.name}\``)))].join(", ");
        out.push(diagnostic("T0262", file, t.data.span, { name: t.data.text, expected: "persondata, som målingen læser", hint: `Persondata i filen: ${names}.` }));
        continue;
      }
      const allowed = ["person", d.grain === "måned" ? "maaned" : "dato", ...d.fields.map((f) => f.name)];
      out.push(...unknownColumns(t, allowed, file));
    }
    for (const t of ex.expectedTables ?? []) {
      const p = plans.find((x) => x.name === t.data.text);
      if (!p) {
        out.push(diagnostic("T0262", file, t.data.span, { name: t.data.text, expected: "en måling i filen", hint: `Målinger: ${plans.map((x) => `\`${x.name}\``).join(", ")}.` }));
        continue;
      }
      out.push(...unknownColumns(t, ["kommune", "maaned", ...p.outputs.map((o) => o.name)], file));
    }
  }
  return out;
}

function unknownColumns(t: ExampleTable, allowed: string[], file: string): Diagnostic[] {
  return t.columns
    .filter((c) => !allowed.includes(c.text))
    .map((c) => diagnostic("T0303", file, c.span, { column: c.text, data: t.data.text, expected: allowed.map((a) => `\`${a}\``).join(", ") }));
}

const cellText = (c: TableCell): string => c.text ?? c.value;

/** The rows of a table as lists of cell texts, a month range repeated for each month. */
function expandRows(t: ExampleTable): { cells: string[]; line: number }[] {
  const out: { cells: string[]; line: number }[] = [];
  for (const row of t.rows) {
    const ranged = row.cells.findIndex((c) => c.range);
    const line = row.span.start.line;
    if (ranged < 0) {
      out.push({ cells: row.cells.map(cellText), line });
      continue;
    }
    const { from, to } = row.cells[ranged]!.range!;
    const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
    for (let m = index(from); m <= index(to); m++) {
      out.push({ cells: row.cells.map((c, i) => (i === ranged ? monthText(m) : cellText(c))), line });
    }
  }
  return out;
}

/** Run the examples of a measurement file (those whose title contains `filter`). */
export function runMeasurementExamples(ast: PolicyFile, plans: readonly MeasurePlan[], file: string, filter?: string): ExampleResult[] {
  return (ast.examples ?? [])
    .filter((ex) => !filter || ex.title.value.toLowerCase().includes(filter.toLowerCase()))
    .map((ex) => runOne(ex, plans, file));
}

function runOne(ex: ExampleDecl, plans: readonly MeasurePlan[], file: string): ExampleResult {
  const base = { title: ex.title.value, ...(ex.source ? { source: ex.source.value } : {}), file, line: ex.span.start.line, events: [] };
  const expectations: ExpectationResult[] = [];
  for (const expected of ex.expectedTables ?? []) {
    const plan = plans.find((p) => p.name === expected.data.text);
    if (!plan) continue;
    const result = measureData(plan, measureCodeFor(plan), (d) => {
      const t = ex.tables.find((x) => x.data.text === d.name);
      const header = t ? t.columns.map((c) => c.text) : ["person", d.grain === "måned" ? "maaned" : "dato", ...d.fields.map((f) => f.name)];
      const rows = t ? expandRows(t).map((r) => r.cells.map(csvCellText).join(",")) : [];
      return { input: `${[header.join(","), ...rows].join("\n")}\n`, file: `eksemplets tabel ${d.name}` };
    });
    if (!result.table) {
      const first = result.diagnostics.find((d) => d.severity === "fejl");
      return { ...base, ok: false, expectations, error: first ? `${first.file}, række ${first.span.start.line - 1}: ${first.message}` : "målingen kunne ikke køres" };
    }
    const table = result.table;
    const columns = expected.columns.map((c) => c.text);
    for (const row of expandRows(expected)) {
      const get = (name: string) => row.cells[columns.indexOf(name)] ?? "";
      const kommune = get("kommune");
      const month = get("maaned");
      const measured = table.rows.find((r) => r.kommune === kommune && monthText(r.month) === month);
      const text = columns.map((c, i) => `${c} ${row.cells[i]}`).join(", ");
      if (!measured) {
        expectations.push({ text, line: row.line, ok: false, actual: `målingen har ingen række for ${kommune} i ${month}`, related: [] });
        continue;
      }
      const wrong = columns
        .filter((c) => c !== "kommune" && c !== "maaned")
        .filter((c) => String(measured.values[table.fields.indexOf(c)]) !== get(c));
      const actual = table.fields.map((f, i) => `${f} ${measured.values[i]}`).join(", ");
      expectations.push({ text, line: row.line, ok: wrong.length === 0, ...(wrong.length ? { actual: `målt: ${actual}` } : {}), related: [] });
    }
  }
  return { ...base, ok: expectations.every((e) => e.ok), expectations };
}
