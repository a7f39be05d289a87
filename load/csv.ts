// Loading the data files a policy declares into columnar tables, with Danish diagnostics.
//
// Runs in Node and in a browser worker alike: no Node API, functions take text, never paths.
// Papaparse splits the text into rows (it handles quoting); everything else is one linear loop
// over the rows writing straight into typed arrays. Cell positions are only worked out when a
// diagnostic needs one, so the happy path never rescans a line.
//
// Every problem is collected (the first MAX_DIAGNOSTICS are kept, then one summary), nothing
// throws, and a table is returned only when the file has no errors.

import Papa from "papaparse";
import { diagnostic, replaceWith, suggest, type Code, type Diagnostic, type Extra, type MessageParams, type Span } from "../diagnostics/index.js";
import type { DataSchema, Table } from "../runtime/table.js";
import { expectedColumns, nameList, periodColumn, shown, TableBuilder, type RowSink } from "../runtime/table-builder.js";

export { nameList, shown };

export interface LoadResult {
  table?: Table;
  diagnostics: Diagnostic[];
}

/** Diagnostics kept per file before the rest are summarised in one (T0322). */
export const MAX_DIAGNOSTICS = 25;

// ---------------------------------------------------------------------------------------------
// Shared reading machinery (also used by kommuner.ts)

/** One non-blank CSV row with where it starts. */
export interface CsvRow {
  /** Cells, trimmed of surrounding white space (and the CR of a CRLF line end). */
  cells: string[];
  /** 0-based offset of the row's first character in the BOM-less text. */
  start: number;
  /** 1-based line on which the row starts. */
  line: number;
  /** Offset of a badly quoted cell in this row (papaparse reported its quotes), if any. */
  quoteAt?: number;
}

export interface CsvDocument {
  /** The text without its byte-order mark. */
  src: string;
  /** 1 when the text started with a UTF-8 BOM (offsets in spans are into the original text). */
  bom: number;
  /** Non-blank rows; the first is the header. */
  rows: CsvRow[];
}

/** Split text into rows. Accepts a BOM and LF, CRLF or mixed line ends; skips blank lines. */
export function readCsv(text: string): CsvDocument {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const src = bom ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let start = 0;
  let line = 1;
  try {
    Papa.parse<string[]>(src, {
      delimiter: ",",
      newline: "\n",
      quoteChar: '"',
      skipEmptyLines: false,
      step(result) {
        const cells = result.data; // a fresh array per row: trimmed in place
        const end = result.meta.cursor;
        for (let i = 0; i < cells.length; i++) cells[i] = cells[i]!.trim(); // also drops a CRLF's \r
        if (!(cells.length === 1 && cells[0] === "")) {
          const row: CsvRow = { cells, start, line };
          const error = result.errors[0];
          if (error) row.quoteAt = Math.max(start, (error.index ?? start + 1) - 1); // index is just past the quote
          rows.push(row);
        }
        // Advance the line counter over the row (quoted cells may hold line breaks).
        for (let p = src.indexOf("\n", start); p !== -1 && p < end; p = src.indexOf("\n", p + 1)) line++;
        start = end;
      },
    });
  } catch {
    // Papaparse does not throw for string input; if it ever does, report what was read.
  }
  return { src, bom, rows };
}

/** Start and end offsets (in doc.src) of cell `index` of a row, found by rescanning the row. */
function cellRange(doc: CsvDocument, row: CsvRow, index: number): [number, number] {
  const src = doc.src;
  let p = row.start;
  for (let i = 0; ; i++) {
    const start = p;
    while (p < src.length && (src[p] === " " || src[p] === "\t")) p++;
    if (src[p] === '"') {
      p++;
      while (p < src.length) {
        if (src[p] === '"') {
          if (src[p + 1] === '"') p += 2;
          else {
            p++;
            break;
          }
        } else p++;
      }
    }
    while (p < src.length && src[p] !== "," && src[p] !== "\n") p++;
    let end = p;
    if (end > start && src[end - 1] === "\r") end--;
    if (i === index) {
      // Point at the value, not at the spaces before it.
      let s = start;
      while (s < end && (src[s] === " " || src[s] === "\t")) s++;
      return [s, end];
    }
    if (p >= src.length || src[p] === "\n") return [end, end]; // the row has no such cell
    p++;
  }
}

/** The span of a cell: line and character column of the cell in its line. */
export function cellSpan(doc: CsvDocument, row: CsvRow, index: number): Span {
  const [start, end] = cellRange(doc, row, index);
  // Find the line the cell starts on (a quoted cell before it may span lines).
  let line = row.line;
  let lineStart = row.start;
  for (let p = doc.src.indexOf("\n", row.start); p !== -1 && p < start; p = doc.src.indexOf("\n", p + 1)) {
    line++;
    lineStart = p + 1;
  }
  const column = start - lineStart + 1;
  const length = Math.max(1, end - start);
  return {
    start: { offset: start + doc.bom, line, column },
    end: { offset: start + doc.bom + length, line, column: column + length },
  };
}

/**
 * Collects diagnostics, keeping the first MAX_DIAGNOSTICS and counting the rest. Diagnostics are
 * built lazily so that a badly broken 100,000-line file costs no message formatting.
 */
export class Reporter implements RowSink<CsvRow> {
  readonly list: Diagnostic[] = [];
  private suppressed = 0;
  private suppressedLines = 0;
  private lastSuppressedLine = -1;
  private firstSuppressed?: { line: number; offset: number };

  constructor(
    readonly file: string,
    readonly doc: CsvDocument,
  ) {}

  get count(): number {
    return this.list.length + this.suppressed;
  }

  /**
   * Report a problem in cell `index` of `row` (an index past the last cell points just after
   * the line's end). `extra` may override the hint or add related places.
   */
  cell<C extends Code>(
    row: CsvRow,
    index: number,
    code: C,
    args: () => MessageParams<C>,
    extra?: (span: Span) => Extra,
  ): void {
    if (this.list.length < MAX_DIAGNOSTICS) {
      const span = cellSpan(this.doc, row, index);
      this.list.push(diagnostic(code, this.file, span, args(), extra?.(span)));
      return;
    }
    this.suppressed++;
    if (row.line !== this.lastSuppressedLine) {
      this.suppressedLines++;
      this.lastSuppressedLine = row.line;
    }
    this.firstSuppressed ??= { line: row.line, offset: row.start };
  }

  /** The span of a cell of an earlier data row (0-based; the header is not a data row). */
  earlier(dataRow: number, index: number): Span | undefined {
    const row = this.doc.rows[dataRow + 1];
    return row ? cellSpan(this.doc, row, index) : undefined;
  }

  /** Report a problem with a span already at hand (e.g. an empty file). */
  at<C extends Code>(span: Span, code: C, args: MessageParams<C>): void {
    this.list.push(diagnostic(code, this.file, span, args));
  }

  /** The diagnostics, with the summary of those left out. */
  finish(): Diagnostic[] {
    if (this.suppressed > 0 && this.firstSuppressed) {
      const { line, offset } = this.firstSuppressed;
      const span: Span = {
        start: { offset: offset + this.doc.bom, line, column: 1 },
        end: { offset: offset + this.doc.bom + 1, line, column: 2 },
      };
      this.list.push(
        diagnostic("T0322", this.file, span, {
          errors: String(this.suppressed),
          lines: this.suppressedLines === 1 ? "1 linje" : `${this.suppressedLines} linjer`,
        }),
      );
    }
    return this.list;
  }
}

/** A diagnostic for an unexpected failure, so that a bug never reaches the user as a stack trace. */
export function internalError(file: string, error: unknown): Diagnostic {
  const span: Span = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } };
  return diagnostic("T0326", file, span, { reason: error instanceof Error ? error.message : String(error) });
}

export interface HeaderColumn {
  /** Index of the expected column, or -1 for an unknown, unnamed or repeated one. */
  expected: number;
}

/**
 * Check a header row against the expected column names (any order). Returns for each expected
 * name the cell index it is in, or -1 when missing, after reporting missing, unknown, unnamed
 * and repeated columns.
 */
export function checkHeader(
  report: Reporter,
  header: CsvRow,
  expected: readonly string[],
  data: string,
  unknownHint?: (name: string) => string | undefined,
): number[] {
  const positions = expected.map(() => -1);
  const seen = new Map<string, number>();
  const expectedText = nameList(expected);
  for (let i = 0; i < header.cells.length; i++) {
    const name = header.cells[i]!;
    if (name === "") {
      report.cell(header, i, "T0305", () => ({ index: String(i + 1), expected: expectedText }));
      continue;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      report.cell(header, i, "T0304", () => ({ column: name, first: String(first + 1) }));
      continue;
    }
    seen.set(name, i);
    const e = expected.indexOf(name);
    if (e >= 0) {
      positions[e] = i;
      continue;
    }
    report.cell(
      header,
      i,
      "T0303",
      () => ({ column: name, data, expected: expectedText }),
      (span) => {
        const special = unknownHint?.(name);
        if (special) return { hint: special };
        // Suggest among the expected names not already in the header.
        const taken = new Set(header.cells);
        const close = suggest(name, expected.filter((n) => !taken.has(n)));
        return close ? { hint: `mente du \`${close}\`?`, ...replaceWith(span, close) } : {};
      },
    );
  }
  for (let e = 0; e < expected.length; e++) {
    if (positions[e] !== -1) continue;
    // Point just past the header's end: that is where the column would go.
    report.cell(header, header.cells.length, "T0302", () => ({ column: expected[e]!, data, expected: expectedText }));
  }
  return positions;
}

/** Check the number of cells in a row; reports and returns false when it is wrong. */
export function checkCellCount(report: Reporter, row: CsvRow, header: readonly string[]): boolean {
  const actual = row.cells.length;
  const count = header.length;
  if (row.quoteAt !== undefined) {
    const at = row.quoteAt;
    let index = 0;
    while (index + 1 < actual && cellRange(report.doc, row, index + 1)[0] <= at) index++;
    report.cell(row, index, "T0308", () => ({ column: header[index] ?? header[header.length - 1] ?? "" }));
    return false;
  }
  if (actual === count) return true;
  const plural = (n: number) => (n === 1 ? "1 kolonne" : `${n} kolonner`);
  if (actual < count) {
    report.cell(row, actual - 1, "T0306", () => ({
      actual: String(actual),
      count: plural(count),
      column: header[actual] ?? "",
    }));
  } else {
    report.cell(row, count, "T0307", () => ({
      actual: String(actual),
      count: plural(count),
      column: header[count - 1] ?? "",
    }));
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Data tables

/**
 * Load one data file into a columnar table. `kommuner` is the set of valid 3-digit codes (from
 * data/kommuner.csv). Never throws; returns `table` only when there are no errors.
 */
export function loadTable(text: string, file: string, schema: DataSchema, kommuner: ReadonlySet<string>): LoadResult {
  try {
    return load(text, file, schema, kommuner);
  } catch (error) {
    // A bug here must not become a stack trace for a user; report it against the file.
    return { diagnostics: [internalError(file, error)] };
  }
}

function load(text: string, file: string, schema: DataSchema, kommuner: ReadonlySet<string>): LoadResult {
  const doc = readCsv(String(text ?? ""));
  const report = new Reporter(file, doc);
  const expected = expectedColumns(schema);

  const header = doc.rows[0];
  if (!header) {
    report.at(
      { start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } },
      "T0301",
      { expected: nameList(expected) },
    );
    return { diagnostics: report.finish() };
  }

  const period = periodColumn(schema);
  const otherPeriod = period === "aar" ? "maaned" : "aar";
  const positions = checkHeader(report, header, expected, schema.name, (name) =>
    name === otherPeriod ? `data \`${schema.name}\` er opgjort pr. ${schema.grain}, så nøglekolonnen hedder \`${period}\`.` : undefined,
  );

  const names = header.cells;
  const builder = new TableBuilder(schema, file, kommuner, positions, names, report);
  for (let r = 1; r < doc.rows.length; r++) {
    const row = doc.rows[r]!;
    if (!checkCellCount(report, row, names)) {
      builder.skip(row.line); // keeps the row numbering; its cells were reported
      continue;
    }
    builder.add(row, row.cells, row.line);
  }
  const diagnostics = report.finish();
  if (diagnostics.length > 0) return { diagnostics };
  return { table: builder.finish()!, diagnostics };
}
