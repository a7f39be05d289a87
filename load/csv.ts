// Loading the data files a policy declares into columnar tables, with Danish diagnostics.
//
// Runs in Node and in a browser worker alike: no Node API, functions take bytes or text, never
// paths. A file is read in chunks, however large: its bytes are decoded (load/decode.ts: UTF-8
// with or without BOM, or Windows-1252), a small linear state machine splits the text into rows
// (the separator — comma, semicolon or tab — is read off the header line; quoting as RFC 4180),
// and every row goes straight into a TableBuilder (runtime/table-builder.ts), which checks it and
// stores it in typed columns. No row's text is kept once it is stored: cell positions are worked
// out from the row at hand only when a diagnostic needs one, and the text of the lines that
// diagnostics point at is kept for showing them (LoadResult.lines).
//
// Every problem is collected (the first MAX_DIAGNOSTICS are kept, then one summary), nothing
// throws, and a table is returned only when the file has no errors (warnings do not stop it).

import { diagnostic, severityOf, type Code, type Diagnostic, type Extra, type MessageParams, type Span } from "../diagnostics/index.js";
import type { DataSchema, Table } from "../runtime/table.js";
import { expectedColumns, nameList, shown, TableBuilder } from "../runtime/table-builder.js";
import { checkHeader, dataHeaderOptions, type HeaderSink } from "./header.js";
import { ByteDecoder, type Encoding } from "./decode.js";

export { nameList, shown };
export type { Encoding };

/** The cell separators a data file may use; the header line decides which. */
export type Separator = "," | ";" | "\t";

export interface LoadResult {
  table?: Table;
  diagnostics: Diagnostic[];
  /**
   * The text of each line a diagnostic points at, by line number: what renderDiagnostic shows
   * under the message (the file itself is not kept).
   */
  lines: ReadonlyMap<number, string>;
  /** How the file was read, once its header line was. */
  format?: { separator: Separator; encoding?: Encoding; bom: boolean };
}

/** Diagnostics kept per file before the rest are summarised in one (T0322). */
export const MAX_DIAGNOSTICS = 25;

// ---------------------------------------------------------------------------------------------
// Rows

/** One non-blank CSV row with where it starts. */
export interface CsvRow {
  /** Cells, trimmed of surrounding white space (and the CR of a CRLF line end). */
  cells: string[];
  /** 0-based offset of the row's first character in the BOM-less text. */
  start: number;
  /** 1-based line on which the row starts. */
  line: number;
  /** The row as written, without its final line end (a quoted cell may hold line breaks). */
  text: string;
  /** Index of the cell whose quotes are not closed correctly, if any. */
  quoteCell?: number;
}

/** A row whose quoted cell has not ended after this many characters is cut at its line's end. */
const MAX_ROW = 1 << 20;

/** The separator of a header line: the most frequent of `,` `;` and tab outside quotes (`,` if none). */
export function detectSeparator(line: string): Separator {
  let comma = 0;
  let semicolon = 0;
  let tab = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 44) comma++;
    else if (c === 59) semicolon++;
    else if (c === 9) tab++;
  }
  if (semicolon > comma && semicolon >= tab) return ";";
  if (tab > comma && tab > semicolon) return "\t";
  return ",";
}

const isSpace = (c: string | undefined, separator: Separator): boolean => c === " " || (c === "\t" && separator !== "\t");

/**
 * Splits text pushed in pieces into rows, calling `onRow` for each non-blank one. Linear: a row
 * without quotes is found with indexOf and split with split(); a row with quotes goes through a
 * character loop. Accepts LF, CRLF or mixed line ends; the text must not start with a BOM.
 */
export class CsvParser {
  private buf = "";
  /** Offset (in the BOM-less text) and line of buf[0]. */
  private offset = 0;
  private line = 1;

  constructor(
    private readonly onRow: (row: CsvRow) => void,
    /** Decided by the first non-blank line when not given. */
    public separator?: Separator,
  ) {}

  push(text: string): void {
    this.buf = this.buf.length > 0 ? this.buf + text : text;
    this.scan(false);
  }

  /** No more text: the last row need not end with a line break. */
  end(): void {
    this.scan(true);
    this.buf = "";
  }

  /** Where the text pushed so far ends (line, column, BOM-less offset) and that line's text so far. */
  position(): { offset: number; line: number; column: number; lineText: string } {
    const buf = this.buf;
    let line = this.line;
    let lineStart = 0;
    for (let p = buf.indexOf("\n"); p !== -1; p = buf.indexOf("\n", p + 1)) {
      line++;
      lineStart = p + 1;
    }
    return { offset: this.offset + buf.length, line, column: buf.length - lineStart + 1, lineText: buf.slice(lineStart).replace(/\r$/, "") };
  }

  private scan(final: boolean): void {
    const buf = this.buf;
    const n = buf.length;
    let pos = 0;
    let line = this.line;
    let quote = -2; // the next '"' at or after pos; -1 when there is none
    let separatorAt = -2; // the same for the separator
    while (pos < n) {
      const nl = buf.indexOf("\n", pos);
      if (nl === -1 && !final) break;
      const end = nl === -1 ? n : nl;
      if (this.separator === undefined) {
        const first = buf.slice(pos, end);
        if (first.trim() === "") {
          pos = end + 1;
          line++;
          continue;
        }
        this.separator = detectSeparator(first);
      }
      const separator = this.separator;
      if (quote !== -1 && quote < pos) quote = buf.indexOf('"', pos);
      if (quote === -1 || quote > end) {
        const text = buf.slice(pos, end);
        // Cells between separators, found with indexOf (faster than split); the next separator's
        // place is kept across rows, so a file with one column is not rescanned per row.
        const cells: string[] = [];
        let from = pos;
        for (;;) {
          if (separatorAt !== -1 && separatorAt < from) separatorAt = buf.indexOf(separator, from);
          if (separatorAt === -1 || separatorAt > end) {
            cells.push(buf.slice(from, end));
            break;
          }
          cells.push(buf.slice(from, separatorAt));
          from = separatorAt + 1;
        }
        for (let i = 0; i < cells.length; i++) {
          // trim() (which also drops a CRLF's \r) only when an end is white space or not ASCII.
          const cell = cells[i]!;
          const last = cell.length - 1;
          if (last >= 0 && (cell.charCodeAt(0) <= 32 || cell.charCodeAt(0) >= 127 || cell.charCodeAt(last) <= 32 || cell.charCodeAt(last) >= 127)) cells[i] = cell.trim();
        }
        if (!(cells.length === 1 && cells[0] === "")) this.onRow({ cells, start: this.offset + pos, line, text });
        pos = end + 1;
        line++;
        continue;
      }
      const next = this.quoted(buf, pos, line, final);
      if (!next) break;
      pos = next.end;
      line = next.line;
    }
    this.buf = pos >= n ? "" : buf.slice(pos);
    this.offset += Math.min(pos, n);
    this.line = line;
  }

  /**
   * The row at `pos`, which has a quote before its first line end. Returns where the next row
   * starts, or undefined when the row may continue in text not yet pushed.
   */
  private quoted(buf: string, pos: number, line: number, final: boolean): { end: number; line: number } | undefined {
    const separator = this.separator!;
    const n = buf.length;
    // A quote left open for too long is taken as a mistake: the row ends with its first line.
    const cut = !final && n - pos >= MAX_ROW;
    const more = final || cut ? n : -1; // where the text ends for this row, or -1: wait for more
    const cells: string[] = [];
    let quoteCell: number | undefined;
    let i = pos;
    let rowEnd = -1;
    while (rowEnd < 0) {
      let j = i;
      while (j < n && isSpace(buf[j], separator)) j++;
      if (buf[j] === '"') {
        let k = j + 1;
        let value = "";
        let closed = false;
        for (;;) {
          const q = buf.indexOf('"', k);
          if (q === -1 || (q + 1 >= n && more < 0)) break;
          if (buf[q + 1] === '"') {
            value += buf.slice(k, q + 1);
            k = q + 2;
            continue;
          }
          value += buf.slice(k, q);
          k = q + 1;
          closed = true;
          break;
        }
        if (!closed) {
          if (more < 0) return undefined;
          // Unterminated: the rest of the text (or, when cut, of the line) is this cell.
          const stop = cut ? (buf.indexOf("\n", j) === -1 ? n : buf.indexOf("\n", j)) : n;
          quoteCell ??= cells.length;
          cells.push(buf.slice(j + 1, stop).trim());
          rowEnd = stop;
          break;
        }
        let m = k;
        while (m < n && (isSpace(buf[m], separator) || buf[m] === "\r")) m++;
        if (m >= n && more < 0) return undefined;
        if (m >= n || buf[m] === "\n") {
          cells.push(value.trim());
          rowEnd = m;
        } else if (buf[m] === separator) {
          cells.push(value.trim());
          i = m + 1;
        } else {
          // Text after the closing quote ("1"2): a quoting mistake; the cell runs to the next separator.
          quoteCell ??= cells.length;
          let e = m;
          while (e < n && buf[e] !== separator && buf[e] !== "\n") e++;
          if (e >= n && more < 0) return undefined;
          cells.push((value + buf.slice(k, e)).trim());
          if (e < n && buf[e] === separator) i = e + 1;
          else rowEnd = e;
        }
      } else {
        // Unquoted: up to the next separator or line end; a quote inside is a plain character.
        let e = i;
        while (e < n && buf[e] !== separator && buf[e] !== "\n") e++;
        if (e >= n && more < 0) return undefined;
        cells.push(buf.slice(i, e).trim());
        if (e < n && buf[e] === separator) i = e + 1;
        else rowEnd = e;
      }
    }
    const text = buf.slice(pos, rowEnd);
    let lines = 1;
    for (let p = text.indexOf("\n"); p !== -1; p = text.indexOf("\n", p + 1)) lines++;
    if (!(cells.length === 1 && cells[0] === "")) {
      const row: CsvRow = { cells, start: this.offset + pos, line, text };
      if (quoteCell !== undefined) row.quoteCell = quoteCell;
      this.onRow(row);
    }
    return { end: rowEnd + 1, line: line + lines };
  }
}

/** Start and end offsets (in row.text) of cell `index` of a row, found by rescanning the row. */
function cellRange(text: string, index: number, separator: Separator): [number, number] {
  const n = text.length;
  let p = 0;
  for (let i = 0; ; i++) {
    const start = p;
    while (p < n && isSpace(text[p], separator)) p++;
    if (text[p] === '"') {
      p++;
      while (p < n) {
        if (text[p] === '"') {
          if (text[p + 1] === '"') p += 2;
          else {
            p++;
            break;
          }
        } else p++;
      }
    }
    while (p < n && text[p] !== separator && text[p] !== "\n") p++;
    let end = p;
    if (end > start && text[end - 1] === "\r") end--;
    if (i === index) {
      // Point at the value, not at the spaces before it.
      let s = start;
      while (s < end && isSpace(text[s], separator)) s++;
      return [s, end];
    }
    if (p >= n || text[p] === "\n") return [end, end]; // the row has no such cell
    p++;
  }
}

/** The span of a cell (line and character column in its line), and the text of that line. */
export function cellSpan(row: CsvRow, index: number, separator: Separator, bom: number): { span: Span; lineText: string } {
  const text = row.text;
  const [start, end] = cellRange(text, index, separator);
  // Find the line the cell starts on (a quoted cell before it may span lines).
  let line = row.line;
  let lineStart = 0;
  for (let p = text.indexOf("\n"); p !== -1 && p < start; p = text.indexOf("\n", p + 1)) {
    line++;
    lineStart = p + 1;
  }
  const lineEnd = text.indexOf("\n", lineStart);
  const lineText = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, "");
  const column = start - lineStart + 1;
  const length = Math.max(1, end - start);
  const offset = row.start + start + bom;
  return {
    span: { start: { offset, line, column }, end: { offset: offset + length, line, column: column + length } },
    lineText,
  };
}

// ---------------------------------------------------------------------------------------------
// Reporting

/**
 * Where each data row started (offset and line), in about 3 bytes a row: deltas from the row
 * before, with an exact place every 4096 rows. Only the duplicate check asks, and only for the
 * diagnostics it keeps.
 */
class RowPlaces {
  private readonly offsetSteps: number[] = [];
  private readonly lineSteps: number[] = [];
  private offsetDeltas = new Uint16Array(4096);
  private lineDeltas = new Uint8Array(4096);
  private readonly chunks: { offsets: Uint16Array; lines: Uint8Array }[] = [];
  private readonly far = new Map<number, { offset: number; line: number }>();
  private count = 0;
  private lastOffset = 0;
  private lastLine = 0;

  push(offset: number, line: number): void {
    const i = this.count++ & 4095;
    if (i === 0) {
      this.offsetSteps.push(offset);
      this.lineSteps.push(line);
      this.offsetDeltas = new Uint16Array(4096);
      this.lineDeltas = new Uint8Array(4096);
      this.chunks.push({ offsets: this.offsetDeltas, lines: this.lineDeltas });
    } else {
      const dOffset = offset - this.lastOffset;
      const dLine = line - this.lastLine;
      if (dOffset >= 0xffff || dLine >= 0xff) {
        this.far.set(this.count - 1, { offset, line });
        this.offsetDeltas[i] = 0xffff;
      } else {
        this.offsetDeltas[i] = dOffset;
        this.lineDeltas[i] = dLine;
      }
    }
    this.lastOffset = offset;
    this.lastLine = line;
  }

  get(row: number): { offset: number; line: number } | undefined {
    if (row < 0 || row >= this.count) return undefined;
    const c = row >>> 12;
    const { offsets, lines } = this.chunks[c]!;
    let offset = this.offsetSteps[c]!;
    let line = this.lineSteps[c]!;
    for (let i = 1; i <= (row & 4095); i++) {
      if (offsets[i] === 0xffff) ({ offset, line } = this.far.get((c << 12) + i)!);
      else {
        offset += offsets[i]!;
        line += lines[i]!;
      }
    }
    return { offset, line };
  }
}

/**
 * Collects diagnostics, keeping the first MAX_DIAGNOSTICS and counting the rest. Diagnostics are
 * built lazily so that a badly broken 100,000-line file costs no message formatting.
 */
export class Reporter implements HeaderSink<CsvRow> {
  readonly list: Diagnostic[] = [];
  /** The text of each line a kept diagnostic points at. */
  readonly lines = new Map<number, string>();
  separator: Separator;
  bom: number;
  private errors = 0;
  private suppressed = 0;
  private suppressedLines = 0;
  private lastSuppressedLine = -1;
  private firstSuppressed?: { line: number; offset: number };
  private readonly places = new RowPlaces();

  constructor(
    readonly file: string,
    format: { bom: number; separator?: Separator } = { bom: 0 },
  ) {
    this.bom = format.bom;
    this.separator = format.separator ?? ",";
  }

  /** Errors reported so far, kept or not (warnings do not stop a table). */
  get count(): number {
    return this.errors;
  }

  /** Note where data row number `count` (0-based, in order) starts, for earlier(). */
  dataRow(row: CsvRow): void {
    this.places.push(row.start, row.line);
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
    if (severityOf(code) === "fejl") this.errors++;
    if (this.list.length < MAX_DIAGNOSTICS) {
      const { span, lineText } = cellSpan(row, index, this.separator, this.bom);
      this.keepLine(span.start.line, lineText);
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

  /** A note about a cell (T0332): information, not a problem; it neither counts nor stops the table. */
  note<C extends Code>(row: CsvRow, index: number, code: C, args: () => MessageParams<C>, extra?: (span: Span) => Extra): void {
    this.cell(row, index, code, args, extra);
  }

  /**
   * The place of an earlier data row (0-based; the header is not a data row). Its text is gone
   * (rows are not kept, so that a file of millions of rows fits in memory), so this is the start
   * of its line rather than cell `index`: the line number is exact, the column is 1.
   */
  earlier(dataRow: number, _index: number): Span | undefined {
    const place = this.places.get(dataRow);
    if (!place) return undefined;
    const offset = place.offset + this.bom;
    return { start: { offset, line: place.line, column: 1 }, end: { offset: offset + 1, line: place.line, column: 2 } };
  }

  /** Report a problem with a span already at hand (e.g. an empty file), and the text of its line. */
  at<C extends Code>(span: Span, code: C, args: MessageParams<C>, lineText?: string): void {
    if (severityOf(code) === "fejl") this.errors++;
    if (lineText !== undefined) this.keepLine(span.start.line, lineText);
    this.list.push(diagnostic(code, this.file, span, args));
  }

  private keepLine(line: number, text: string): void {
    // A copy, so the line does not hold on to the chunk of the file it was cut from.
    if (!this.lines.has(line)) this.lines.set(line, text.length > 12 ? (" " + text).slice(1) : text);
  }

  /** The diagnostics, with the summary of those left out. */
  finish(): Diagnostic[] {
    if (this.suppressed > 0 && this.firstSuppressed) {
      const { line, offset } = this.firstSuppressed;
      const span: Span = {
        start: { offset: offset + this.bom, line, column: 1 },
        end: { offset: offset + this.bom + 1, line, column: 2 },
      };
      this.list.push(
        diagnostic("T0322", this.file, span, {
          errors: String(this.suppressed),
          lines: this.suppressedLines === 1 ? "1 linje" : `${this.suppressedLines} linjer`,
        }),
      );
      this.suppressed = 0;
    }
    return this.list;
  }
}

/** A diagnostic for an unexpected failure, so that a bug never reaches the user as a stack trace. */
export function internalError(file: string, error: unknown): Diagnostic {
  const span: Span = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } };
  return diagnostic("T0326", file, span, { reason: error instanceof Error ? error.message : String(error) });
}

/** A header text as a CSV cell (for a fix that writes it into the header). */
export function csvCellText(text: string): string {
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Check the number of cells in a row; reports and returns false when it is wrong. */
/**
 * A chunk of a file as text: bytes are decoded (UTF-8 or Windows-1252, see decode.ts); text is
 * taken as read, less a byte-order mark at the start of the first chunk. A mark either way is
 * noted on the reporter, so columns are counted from after it.
 */
export function chunkText(chunk: Uint8Array | string, first: boolean, decoder: ByteDecoder, report: Reporter): string {
  if (typeof chunk !== "string") {
    const text = decoder.decode(chunk);
    if (decoder.bom) report.bom = 1;
    return text;
  }
  if (first && chunk.charCodeAt(0) === 0xfeff) {
    report.bom = 1;
    return chunk.slice(1);
  }
  return chunk;
}

export function checkCellCount(report: Reporter, row: CsvRow, header: readonly string[]): boolean {
  const actual = row.cells.length;
  const count = header.length;
  if (row.quoteCell !== undefined) {
    const index = Math.min(row.quoteCell, actual - 1);
    report.cell(row, index, "T0308", () => ({ column: header[index] ?? header[header.length - 1] ?? "" }));
    return false;
  }
  if (actual === count) return true;
  const plural = (n: number) => (n === 1 ? "1 kolonne" : `${n} kolonner`);
  // The catalogue's hints speak of commas; a file separated otherwise gets its own word.
  const word = report.separator === ";" ? "semikolon" : report.separator === "\t" ? "tabulator" : undefined;
  if (actual < count) {
    report.cell(
      row,
      actual - 1,
      "T0306",
      () => ({ actual: String(actual), count: plural(count), column: header[actual] ?? "" }),
      word ? () => ({ hint: `Hver linje skal have en celle pr. kolonne adskilt af ${word}; en tom celle skrives som to ${word === "semikolon" ? "semikoloner" : "tabulatorer"} efter hinanden.` }) : undefined,
    );
  } else {
    report.cell(
      row,
      count,
      "T0307",
      () => ({ actual: String(actual), count: plural(count), column: header[count - 1] ?? "" }),
      word ? () => ({ hint: `Fjern de overskydende celler; står der et ${word} inde i en værdi, så sæt værdien i anførselstegn.` }) : undefined,
    );
  }
  return false;
}

/** A whole (small) CSV text as rows, for files read at once such as data/kommuner.csv. */
export interface CsvDocument {
  /** 1 when the text started with a BOM (offsets in spans are into the original text). */
  bom: number;
  separator: Separator;
  /** Non-blank rows; the first is the header. */
  rows: CsvRow[];
}

/** Split text into rows. Accepts a BOM and LF, CRLF or mixed line ends; skips blank lines. */
export function readCsv(text: string): CsvDocument {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const rows: CsvRow[] = [];
  const parser = new CsvParser((row) => rows.push(row));
  parser.push(bom ? text.slice(1) : text);
  parser.end();
  return { bom, separator: parser.separator ?? ",", rows };
}

// ---------------------------------------------------------------------------------------------
// Data tables

const START: Span = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } };

/**
 * Reads one data file, pushed in chunks of bytes (decoded here) or text, into a columnar table:
 * what `tilsyn run` streams a file through, and what loadTable() does with a whole one. Any
 * reader of another format can feed a TableBuilder the same way, row by row.
 */
export class CsvTableReader {
  private readonly decoder = new ByteDecoder();
  private readonly parser: CsvParser;
  private readonly report: Reporter;
  private builder: TableBuilder<CsvRow> | undefined;
  private names: string[] = [];
  private header: CsvRow | undefined;
  private dataRows = 0;
  private first = true;
  private stopped = false;
  private failure: Diagnostic | undefined;

  /** Rows expected, from the size of the file and the first chunk's lines (0: unknown). */
  private expectedRows = 0;

  constructor(
    readonly file: string,
    private readonly schema: DataSchema,
    private readonly kommuner: ReadonlySet<string>,
    /** The file's size in bytes (or characters), when known: the table's columns are sized from it. */
    private readonly size = 0,
  ) {
    this.report = new Reporter(file);
    this.parser = new CsvParser((row) => this.row(row));
  }

  /** The next piece of the file. Bytes are decoded here; text must be the file's text as read. */
  push(chunk: Uint8Array | string): void {
    if (this.stopped) return;
    try {
      const text = chunkText(chunk, this.first, this.decoder, this.report);
      if (this.first && this.size > 0 && text.length > 0) {
        // Lines per character of the first chunk, times the file's size, and a tenth more: pages
        // reserved and never written cost nothing, a short reservation costs a copy.
        let lines = 0;
        for (let p = text.indexOf("\n"); p !== -1; p = text.indexOf("\n", p + 1)) lines++;
        const sample = typeof chunk === "string" ? text.length : chunk.length;
        this.expectedRows = Math.ceil(((lines + 1) * this.size) / Math.max(1, sample) * 1.1) + 16;
      }
      if (text.length > 0) this.first = false;
      this.parser.push(text);
      this.checkDecoding();
    } catch (error) {
      this.fail(error);
    }
  }

  /** The end of the file: the table (when there are no errors) and the diagnostics. */
  finish(): LoadResult {
    try {
      if (!this.stopped) {
        const rest = this.decoder.decode(new Uint8Array(0), true);
        if (this.decoder.bom) this.report.bom = 1;
        this.parser.push(rest);
        this.checkDecoding();
        if (!this.stopped) this.parser.end();
      }
    } catch (error) {
      this.fail(error);
    }
    if (this.failure) return { diagnostics: [this.failure], lines: new Map() };
    const report = this.report;
    const format = this.parser.separator
      ? { format: { separator: this.parser.separator, ...(this.decoder.encoding ? { encoding: this.decoder.encoding } : {}), bom: report.bom === 1 } }
      : {};
    if (!this.header && !this.decoder.problem) {
      report.at(START, "T0301", { expected: nameList(expectedColumns(this.schema)) });
    } else if (this.header && this.dataRows === 0 && report.count === 0) {
      // Only when the header is right: a wrong header says more than its missing rows.
      const { span, lineText } = cellSpan(this.header, 0, report.separator, report.bom);
      report.at(span, "T0329", { data: this.schema.name }, lineText);
    }
    const table = this.stopped || !this.builder ? undefined : this.builder.finish();
    const diagnostics = report.finish();
    if (this.decoder.encoding === "windows-1252") this.noteEncoding(diagnostics);
    return { ...(table && report.count === 0 ? { table } : {}), diagnostics, lines: report.lines, ...format };
  }

  private row(row: CsvRow): void {
    const report = this.report;
    if (!this.header) {
      this.header = row;
      report.separator = this.parser.separator ?? ",";
      const schema = this.schema;
      const positions = checkHeader(report, row, row.cells, expectedColumns(schema), schema.name, { ...dataHeaderOptions(schema), fixText: csvCellText });
      this.names = row.cells;
      this.builder = new TableBuilder(schema, this.file, this.kommuner, positions, this.names, report);
      if (this.expectedRows > 0) this.builder.reserve(this.expectedRows);
      return;
    }
    this.dataRows++;
    report.dataRow(row);
    if (!checkCellCount(report, row, this.names)) {
      this.builder!.skip(row.line); // keeps the row numbering; its cells were reported
      return;
    }
    this.builder!.add(row, row.cells, row.line);
  }

  /**
   * The encoding matters when a message shows letters beyond ASCII that were read as
   * Windows-1252: if the file was saved in another 8-bit encoding, they look wrong. The first
   * such diagnostic says how the file was read.
   */
  private noteEncoding(diagnostics: Diagnostic[]): void {
    const lines = this.report.lines;
    const shown = diagnostics.find((d) => /[^\x00-\x7f]/.test(lines.get(d.span.start.line) ?? ""));
    if (!shown) return;
    const note = { message: "filen er læst som Windows-1252 (dansk Excels »CSV«); ser æ, ø eller å forkerte ud, så gem filen som UTF-8", span: shown.span };
    shown.related = [...(shown.related ?? []), note];
  }

  /** After a decoding problem: report it where the text stops, and read no further. */
  private checkDecoding(): void {
    const problem = this.decoder.problem;
    if (!problem || this.stopped) return;
    this.stopped = true;
    const { offset, line, column, lineText } = this.parser.position();
    const at = offset + this.report.bom;
    const span: Span = { start: { offset: at, line, column }, end: { offset: at + 1, line, column: column + 1 } };
    this.report.at(span, problem.kind === "mixed" ? "T0331" : "T0330", { byte: problem.byte }, lineText);
  }

  private fail(error: unknown): void {
    // A bug here must not become a stack trace for a user; report it against the file.
    this.stopped = true;
    this.failure ??= internalError(this.file, error);
  }
}

/**
 * Load one data file into a columnar table. `kommuner` is the set of valid 3-digit codes (from
 * data/kommuner.csv). Never throws; returns `table` only when there are no errors.
 */
export function loadTable(input: string | Uint8Array, file: string, schema: DataSchema, kommuner: ReadonlySet<string>): LoadResult {
  const reader = new CsvTableReader(file, schema, kommuner, typeof input === "string" || input instanceof Uint8Array ? input.length : 0);
  reader.push(typeof input === "string" || input instanceof Uint8Array ? input : String(input ?? ""));
  return reader.finish();
}
