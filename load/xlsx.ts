// Data files from Excel (.xlsx): the sheet named like the data block, else the first sheet, read
// with read-excel-file and fed row by row into the same header check (load/header.ts) and the same
// TableBuilder as a CSV file, so every T03xx check applies alike.
//
// Each cell becomes the text a CSV export of it would hold: a number as Excel shows it (15
// significant digits, no exponent, no trailing zeros: the binary float 0.30000000000000004 that
// Excel stores for 0,3 reads "0.3"), a date in the month column as YYYY-MM (in the year column as
// YYYY, elsewhere YYYY-MM-DD), an empty cell as "". A diagnostic's span holds the sheet's row and
// column number as line and column, and `sheet` names the sheet: rendered "ark Ark1, række 5,
// kolonne C".
//
// Browser-safe: takes bytes, never a path (read-excel-file's universal build runs in Node and in
// a browser worker alike).

import readXlsxFile, { InvalidInputError } from "read-excel-file/universal";
import { diagnostic, hasErrors, type Code, type Diagnostic, type Extra, type MessageParams, type Span } from "../diagnostics/index.js";
import type { DataSchema, Table } from "../runtime/table.js";
import { expectedColumns, nameList, TableBuilder } from "../runtime/table-builder.js";
import { internalError, MAX_DIAGNOSTICS } from "./csv.js";
import { checkHeader, dataHeaderOptions, type HeaderSink } from "./header.js";

/** Columns of a sheet, for offsets that sort diagnostics by row, then column (Excel has 16,384). */
const SHEET_COLUMNS = 16_384;

/** How many rows from the first non-blank one may be a title above the header. */
const HEADER_SEARCH = 10;

/**
 * The decimal text of a number as Excel stores it in the file ("0.10000000000000001", "1.5E-3"),
 * rounded to the 15 significant digits Excel works with, without exponent or trailing zeros.
 * Done on the digits, never through a binary float.
 */
export function numberText(raw: string): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(raw.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return raw.trim();
  let digits = `${m[2]}${m[3] ?? ""}`;
  // The decimal point stands after `point` digits (negative: zeros before the digits).
  let point = m[2]!.length + Number(m[4] ?? 0);
  const lead = /^0*/.exec(digits)![0].length;
  digits = digits.slice(lead);
  point -= lead;
  if (digits.length > 15) {
    const up = digits.charCodeAt(15) >= 53; // the 16th digit is 5 or more: round half up
    const kept = digits.slice(0, 15).split("");
    let i = kept.length - 1;
    if (up) {
      while (i >= 0 && kept[i] === "9") kept[i--] = "0";
      if (i >= 0) kept[i] = String(Number(kept[i]) + 1);
      else {
        kept.unshift("1");
        point++;
      }
    }
    digits = kept.join("");
  }
  digits = digits.replace(/0+$/, "");
  if (digits === "") return "0";
  const sign = m[1] === "-" ? "-" : "";
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A sheet loaded: the table when there are no errors, and the diagnostics (a sheet has no lines of text to show). */
export interface SheetResult {
  table?: Table;
  diagnostics: Diagnostic[];
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** A numeric cell's text as stored in the file (kept apart from text cells, which may look like numbers). */
export class StoredNumber {
  constructor(readonly text: string) {}
}

/** A cell as read-excel-file gives it, with numbers as StoredNumber. */
export type CellValue = string | boolean | Date | StoredNumber | number | null | undefined;

/** A cell as the text a CSV file would hold. `period` says how a date in this column is written. */
export function cellText(value: CellValue, period?: "måned" | "år"): string {
  if (value === null || value === undefined) return "";
  if (value instanceof StoredNumber) return numberText(value.text);
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean") return value ? "SAND" : "FALSK";
  if (value instanceof Date) {
    const y = pad(value.getUTCFullYear(), 4);
    if (period === "år") return y;
    const m = `${y}-${pad(value.getUTCMonth() + 1)}`;
    return period === "måned" ? m : `${m}-${pad(value.getUTCDate())}`;
  }
  return typeof value === "number" ? numberText(String(value)) : String(value);
}

type Row = CellValue[];

interface Sheet {
  name: string;
  rows: Row[];
}

/** Where a diagnostic in a sheet points: its row (1-based) and the sheet column of a cell index. */
class SheetReporter implements HeaderSink<number> {
  readonly list: Diagnostic[] = [];
  private readonly notes: Diagnostic[] = [];
  private suppressed = 0;
  private suppressedRows = 0;
  private lastSuppressedRow = -1;
  private firstSuppressedRow = -1;
  /** The sheet row (1-based) of each data row the builder was given. */
  readonly dataRows: number[] = [];

  constructor(
    private readonly file: string,
    private readonly sheet: string,
    /** The sheet column (1-based) of each cell index; indices past the end continue after the last. */
    private readonly columns: readonly number[],
  ) {}

  get count(): number {
    return this.list.length + this.suppressed;
  }

  span(row: number, index: number): Span {
    const last = this.columns[this.columns.length - 1] ?? 0;
    const column = this.columns[index] ?? last + 1 + (index - this.columns.length);
    const offset = row * SHEET_COLUMNS + column;
    return { start: { offset, line: row, column }, end: { offset: offset + 1, line: row, column: column + 1 } };
  }

  private make<C extends Code>(row: number, index: number, code: C, args: () => MessageParams<C>, extra?: (span: Span) => Extra): Diagnostic {
    const span = this.span(row, index);
    // No fix: a binary file is not edited by replacing text. Rows of a sheet are "rækker".
    const { fix: _fix, ...rest } = extra?.(span) ?? {};
    const d = diagnostic(code, this.file, span, args(), rest);
    return { ...d, message: d.message.replace(/\blinje (\d+)/g, "række $1"), sheet: this.sheet };
  }

  cell<C extends Code>(row: number, index: number, code: C, args: () => MessageParams<C>, extra?: (span: Span) => Extra): void {
    if (this.list.length < MAX_DIAGNOSTICS) {
      this.list.push(this.make(row, index, code, args, extra));
      return;
    }
    this.suppressed++;
    if (row !== this.lastSuppressedRow) {
      this.suppressedRows++;
      this.lastSuppressedRow = row;
    }
    if (this.firstSuppressedRow < 0) this.firstSuppressedRow = row;
  }

  note<C extends Code>(row: number, index: number, code: C, args: () => MessageParams<C>, extra?: (span: Span) => Extra): void {
    this.notes.push(this.make(row, index, code, args, extra));
  }

  earlier(dataRow: number, index: number): Span | undefined {
    const row = this.dataRows[dataRow];
    return row === undefined ? undefined : this.span(row, index);
  }

  finish(): Diagnostic[] {
    if (this.suppressed > 0) {
      const rows = this.suppressedRows;
      this.list.push({
        ...diagnostic("T0322", this.file, this.span(this.firstSuppressedRow, 0), { errors: String(this.suppressed), lines: rows === 1 ? "1 række" : `${rows} rækker` }),
        sheet: this.sheet,
      });
    }
    return [...this.notes, ...this.list];
  }
}

/** The diagnostic for bytes that are not an .xlsx workbook read-excel-file can read. */
function unreadable(file: string, error: unknown): Diagnostic {
  const span: Span = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } };
  const code = error instanceof InvalidInputError ? error.code : undefined;
  const reason =
    code === "XLS_FILE_NOT_SUPPORTED"
      ? "det er en gammel .xls-fil"
      : code === "NO_DATA"
        ? "filen er tom"
        : code === "INVALID_ZIP" || code === "FILE_NOT_SUPPORTED"
          ? "filen er ikke en .xlsx-projektmappe"
          : error instanceof Error
            ? error.message
            : String(error);
  return diagnostic("T0333", file, span, { reason });
}

function bytesOf(data: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (data instanceof ArrayBuffer) return data;
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

/** The sheets of a workbook, read once; a data block's sheet is picked from them (loadSheet). */
export interface Workbook {
  sheets: Sheet[];
}

/** Read the sheets of an .xlsx file. Never throws: bytes that are no workbook give T0333. */
export async function readWorkbook(data: ArrayBuffer | Uint8Array, file: string): Promise<{ workbook?: Workbook; diagnostics: Diagnostic[] }> {
  try {
    // Numbers as the text in the file: rounding is done on the digits (numberText), not in floats.
    const sheets = await readXlsxFile<StoredNumber>(bytesOf(data), { parseNumber: (text) => new StoredNumber(text) });
    return { workbook: { sheets: sheets.map((s) => ({ name: s.sheet, rows: s.data as Row[] })) }, diagnostics: [] };
  } catch (error) {
    return { diagnostics: [unreadable(file, error)] };
  }
}

/**
 * Load the data of `schema` from a workbook: the sheet named like the data block, else the first
 * sheet, with the checks of a CSV file. Never throws; returns `table` only when there are no errors.
 */
export function loadSheet(workbook: Workbook, file: string, schema: DataSchema, kommuner: ReadonlySet<string>): SheetResult {
  try {
    const sheet = workbook.sheets.find((s) => s.name === schema.name) ?? workbook.sheets[0] ?? { name: "", rows: [] };
    return load(sheet, file, schema, kommuner);
  } catch (error) {
    return { diagnostics: [internalError(file, error)] };
  }
}

/** Load one data sheet of an .xlsx file (readWorkbook, then loadSheet). */
export async function loadXlsx(data: ArrayBuffer | Uint8Array, file: string, schema: DataSchema, kommuner: ReadonlySet<string>): Promise<SheetResult> {
  const { workbook, diagnostics } = await readWorkbook(data, file);
  return workbook ? loadSheet(workbook, file, schema, kommuner) : { diagnostics };
}

const blank = (row: Row | undefined): boolean => !row || row.every((v) => v === null || v === undefined || (typeof v === "string" && v.trim() === ""));

function load(sheet: Sheet, file: string, schema: DataSchema, kommuner: ReadonlySet<string>): SheetResult {
  const expected = expectedColumns(schema);
  const { rows } = sheet;
  // Blank rows are skipped, as blank lines in a CSV file. The header is the first row with one of
  // the expected headers in it (an export may have a title above the table), else the first row.
  const first = rows.findIndex((r) => !blank(r));
  const wanted = new Set(expected);
  const titled = rows.slice(0, first + HEADER_SEARCH).findIndex((r, i) => i >= first && r.some((v) => wanted.has(cellText(v).normalize("NFC"))));
  const headerAt = titled >= 0 ? titled : first;
  if (headerAt < 0) {
    const empty = new SheetReporter(file, sheet.name, [1]);
    empty.cell(1, 0, "T0301", () => ({ expected: nameList(expected) }));
    return { diagnostics: empty.finish() };
  }
  // The columns that hold anything: a column without a header and without data is no column.
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const columns: number[] = [];
  for (let c = 0; c < width; c++) if (rows.some((r, i) => i >= headerAt && !blank([r[c] ?? null]))) columns.push(c + 1);
  const report = new SheetReporter(file, sheet.name, columns);
  const headerRow = headerAt + 1;
  const names = columns.map((c) => cellText(rows[headerAt]![c - 1]));
  const positions = checkHeader(report, headerRow, names, expected, schema.name, dataHeaderOptions(schema));

  const periodIndex = positions[1] ?? -1;
  const grain = schema.grain;
  const builder = new TableBuilder(schema, file, kommuner, positions, names, report);
  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (blank(row)) continue;
    const cells = columns.map((c, i) => cellText(row[c - 1], i === periodIndex ? grain : undefined));
    report.dataRows.push(r + 1);
    builder.add(r + 1, cells, r + 1);
  }
  const diagnostics = report.finish();
  if (hasErrors(diagnostics)) return { diagnostics };
  return { table: builder.finish()!, diagnostics };
}
