// Person-level data files (`data NAME pr person, måned|dato`, docs/sprog.md «Målinger») into
// columns, on two paths that give the same table:
// - bytes are read first on the fast path: lines and cells cut and decoded from the bytes
//   (load/bytes.ts, shared with the benchmark's hand-written loader), ids interned by their bytes,
//   no string per row or cell. It reads only a file it is sure of and gives up at anything else;
// - the text path reads such a file again with the same byte decoder, CSV row splitter and
//   reporter as the tables per kommune (load/csv.ts), with the checks of person data (T03xx with
//   file, line and column).
//
// A file is read in chunks and kept as typed columns, one entry per row in file order:
// - `person`: an integer id, shared by every file of one measurement (PersonIds);
// - `time`: a month as year*12 + month-1, or a date as days since 1970-01-01;
// - each field: `antal` as its integer, `tal` as an integer number of ten-thousandths (exact),
//   `tekst` as an id in the field's own dictionary.
// Ids and texts are interned here, so that the evaluation (runtime/spells.ts) compares integers.

import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import type { Span } from "../diagnostics/span.js";
import type { MeasurePlan, PersonDataPlan } from "../runtime/measure-plan.js";
import { groupByPerson, measure, TAL_SCALE, type MeasureCode, type InspectedMeasureMonth, type InspectedPersonMonth, type MeasuredTable, type MeasureInspect, type PersonTable } from "../runtime/spells.js";
import { DataError } from "../runtime/rows.js";
import { ByteLines, dayFromParts, dayOf, digitsOf, IdTable, monthOf, NOT_A_DAY, tenThousandthsOf } from "./bytes.js";
import { ByteDecoder } from "./decode.js";
import { checkCellCount, chunkText, csvCellText, CsvParser, Reporter, type CsvRow } from "./csv.js";


/** Person ids shared by the files of one measurement, interned by their UTF-8 bytes (load/bytes.ts). */
export class PersonIds {
  readonly table = new IdTable();
  private readonly encoder = new TextEncoder();
  private scratch = new Uint8Array(256);
  private last = "";
  private lastId = -1;
  /** The id of a person read as text. */
  id(name: string): number {
    // A register extract sorted by person repeats the id row after row: no lookup then.
    if (name === this.last) return this.lastId;
    if (this.scratch.length < name.length * 3) this.scratch = new Uint8Array(name.length * 3);
    const { written } = this.encoder.encodeInto(name, this.scratch);
    const id = this.table.intern(this.scratch, 0, written);
    this.last = name;
    this.lastId = id;
    return id;
  }
  /** The id of a person already read, or undefined. */
  find(name: string): number | undefined {
    const bytes = this.encoder.encode(name);
    const id = this.table.find(bytes, 0, bytes.length);
    return id < 0 ? undefined : id;
  }
  get size(): number {
    return this.table.size;
  }
  name(id: number): string {
    return utf8.decode(this.table.bytes(id));
  }
}

const utf8 = new TextDecoder();

/** A growable Int32Array / Float64Array. */
class Grow<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(public data: T) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as new (n: number) => T)(Math.max(16, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

export interface PersonLoadResult {
  table?: PersonTable;
  diagnostics: Diagnostic[];
  lines: ReadonlyMap<number, string>;
}

const START: Span = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } };

/** Days since 1970-01-01 of a date, or undefined if there is no such date. */
export function dayNumber(y: number, m: number, d: number): number | undefined {
  if (m < 1 || m > 12 || d < 1) return undefined;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== m - 1) return undefined;
  return t / 86400000;
}

/** The digits of s from `from` to `to` (exclusive) as a number, or -1 if one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** `YYYY-MM` → year*12 + month-1, or undefined. Read by character codes: one per person-month. */
export function parseMonth(s: string): number | undefined {
  if (s.length !== 7 || s.charCodeAt(4) !== 45) return undefined;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 7);
  if (y < 0 || m < 1 || m > 12) return undefined;
  return y * 12 + m - 1;
}

/** `YYYY-MM-DD` → day number, or undefined if there is no such date. */
export function parseDay(s: string): number | undefined {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const day = dayFromParts(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
  return day === NOT_A_DAY ? undefined : day;
}

/** A non-negative decimal (comma or point) as ten-thousandths; "dec" when it has more than 4 decimals. */
function parseTal(s: string): number | "nan" | "neg" | "dec" {
  const m = /^(-?)(\d+)(?:[.,](\d+))?$/.exec(s);
  if (!m) return "nan";
  if (m[1]) return "neg";
  const frac = m[3] ?? "";
  if (frac.length > 4) return "dec";
  return Number(m[2]) * TAL_SCALE + Number(frac.padEnd(4, "0"));
}

/**
 * Reads one person data file, pushed in chunks. `kommuner`: the valid codes for a `kommune`
 * field (the spell data's), checked per cell (T0310).
 */
export class PersonTableReader {
  private readonly decoder = new ByteDecoder();
  private readonly parser: CsvParser;
  private readonly report: Reporter;
  private header: string[] | undefined;
  private index: number[] = [];
  private personIdx = -1;
  private timeIdx = -1;
  private readonly person = new Grow(new Int32Array(1024));
  private readonly time = new Grow(new Int32Array(1024));
  private readonly line = new Grow(new Int32Array(1024));
  private readonly values: Grow<Int32Array | Float64Array>[];
  private readonly dictionaries: (Map<string, number> | undefined)[];
  private readonly texts: (string[] | undefined)[];
  private first = true;

  constructor(
    readonly file: string,
    private readonly plan: PersonDataPlan,
    private readonly persons: PersonIds,
    private readonly kommuner?: ReadonlySet<string>,
    private readonly options: { text?: boolean } = {},
  ) {
    this.report = new Reporter(file);
    this.parser = new CsvParser((row) => this.row(row));
    this.values = plan.fields.map((f) => (f.type === "tal" ? new Grow<Int32Array | Float64Array>(new Float64Array(1024)) : new Grow<Int32Array | Float64Array>(new Int32Array(1024))));
    this.dictionaries = plan.fields.map((f) => (f.type === "tekst" ? new Map<string, number>() : undefined));
    this.texts = plan.fields.map((f) => (f.type === "tekst" ? [] : undefined));
  }

  /**
   * Bytes are first read on the fast path (load/bytes.ts: no string per row or cell). It reads only
   * what it is sure of (a comma-separated ASCII file with its columns, no quotes, no blank or
   * untrimmed cells, every cell valid); at anything else it gives up and `needsText` is true: the
   * caller reads the file again with a reader made with `{ text: true }`, whose diagnostics name
   * file, line and column. Both give the same table for a file the fast path reads.
   */
  private fast: ByteLines | undefined;
  private fastCells = 0;
  private fastAt: Int32Array | undefined; // person, time, then each field: its column
  private fastStart = new Int32Array(16);
  private fastEnd = new Int32Array(16);
  private fastTexts: (IdTable | undefined)[] = [];
  private fastValues = new Float64Array(0);
  needsText = false;
  /** No more bytes are needed: the fast path gave up (cli/data-file.ts streamFile stops reading). */
  get halted(): boolean {
    return this.needsText;
  }

  push(chunk: Uint8Array | string): void {
    if (this.needsText) return;
    if (typeof chunk !== "string" && !this.options.text && (this.fast || this.first)) {
      this.first = false;
      this.fast ??= new ByteLines((buf, start, end, line) => this.fastLine(buf, start, end, line));
      this.fast.push(chunk);
      if (this.fast.stopped) this.needsText = true;
      return;
    }
    const text = chunkText(chunk, this.first, this.decoder, this.report);
    if (text.length) this.first = false;
    this.parser.push(text);
  }

  finish(): PersonLoadResult {
    if (this.fast) {
      this.fast.end();
      if (this.fast.stopped || !this.fastAt) this.needsText = true;
      if (this.needsText) return { diagnostics: [], lines: new Map() };
      this.fastTexts.forEach((ids, f) => {
        if (!ids) return;
        for (let id = 0; id < ids.size; id++) {
          const text = utf8.decode(ids.bytes(id));
          this.texts[f]!.push(text);
          this.dictionaries[f]!.set(text, id);
        }
      });
    }
    this.parser.push(this.decoder.decode(new Uint8Array(0), true));
    this.parser.end();
    const timeColumn = this.plan.grain === "måned" ? "maaned" : "dato";
    const expected = ["person", timeColumn, ...this.plan.fields.map((f) => f.name)];
    if (!this.header) this.report.at(START, "T0301", { expected: expected.map((c) => `\`${c}\``).join(", ") });
    if (this.decoder.problem) {
      const p = this.decoder.problem;
      this.report.at(START, "T0330", { byte: p.byte });
    }
    const diagnostics = this.report.finish();
    if (diagnostics.some((d) => d.severity === "fejl")) return { diagnostics, lines: this.report.lines };
    const rows = this.person.length;
    return {
      table: {
        name: this.plan.name,
        grain: this.plan.grain,
        rows,
        person: this.person.done(),
        time: this.time.done(),
        line: this.line.done(),
        columns: this.plan.fields.map((f, i) => ({
          name: f.name,
          type: f.type,
          values: this.values[i]!.done(),
          ...(this.texts[i] ? { texts: this.texts[i]!, dictionary: this.dictionaries[i]! } : {}),
        })),
        file: this.file,
      },
      diagnostics,
      lines: this.report.lines,
    };
  }

  /** The header on the fast path: only commas, ASCII, no quotes, every expected column. */
  private fastHeader(buf: Uint8Array, start: number, end: number, line: number): boolean {
    if (line !== 1 || start === end) return false;
    let text = "";
    for (let i = start; i < end; i++) {
      const b = buf[i]!;
      if (b >= 128 || b === 34 || b === 59 || b === 9) return false;
      text += String.fromCharCode(b);
    }
    const names = text.split(",");
    if (names.some((n) => n !== n.trim())) return false;
    const timeColumn = this.plan.grain === "måned" ? "maaned" : "dato";
    const at = ["person", timeColumn, ...this.plan.fields.map((f) => f.name)].map((c) => names.indexOf(c));
    if (at.some((i) => i < 0)) return false;
    this.header = names;
    this.fastCells = names.length;
    this.fastAt = Int32Array.from(at);
    this.fastStart = new Int32Array(names.length);
    this.fastEnd = new Int32Array(names.length);
    this.fastTexts = this.plan.fields.map((f) => (f.type === "tekst" ? new IdTable() : undefined));
    this.fastValues = new Float64Array(this.plan.fields.length);
    return true;
  }

  /** One line on the fast path; false gives up (the file is then read as text). */
  private fastLine(buf: Uint8Array, start: number, end: number, line: number): boolean {
    const at = this.fastAt;
    if (!at) return this.fastHeader(buf, start, end, line);
    if (start === end) return true; // a blank line, skipped as on the text path
    const fs = this.fastStart;
    const fe = this.fastEnd;
    const last = this.fastCells - 1;
    let k = 0;
    let from = start;
    for (let i = start; i < end; i++) {
      const b = buf[i]!;
      if (b === 44) {
        if (k === last) return false;
        fs[k] = from;
        fe[k++] = i;
        from = i + 1;
      } else if (b === 34 || b >= 128) return false;
    }
    if (k !== last) return false;
    fs[k] = from;
    fe[k] = end;
    // Every cell read: not empty, nothing to trim.
    for (let j = 0; j < at.length; j++) {
      const c = at[j]!;
      const s = fs[c]!;
      const e = fe[c]!;
      if (s === e || buf[s]! <= 32 || buf[e - 1]! <= 32) return false;
    }
    const timeAt = at[1]!;
    const month = this.plan.grain === "måned";
    const time = month ? monthOf(buf, fs[timeAt]!, fe[timeAt]!) : dayOf(buf, fs[timeAt]!, fe[timeAt]!);
    if (month ? time < 0 : time === NOT_A_DAY) return false;
    const fields = this.plan.fields;
    const values = this.fastValues;
    for (let f = 0; f < fields.length; f++) {
      const c = at[f + 2]!;
      const s = fs[c]!;
      const e = fe[c]!;
      const type = fields[f]!.type;
      let v: number;
      if (type === "tekst") {
        const ids = this.fastTexts[f]!;
        const size = ids.size;
        v = ids.intern(buf, s, e);
        if (v === size && fields[f]!.name === "kommune" && this.kommuner && !this.kommuner.has(utf8.decode(ids.bytes(v)))) return false;
      } else {
        v = type === "antal" ? digitsOf(buf, s, e) : tenThousandthsOf(buf, s, e);
        if (v < 0) return false;
      }
      values[f] = v;
    }
    this.person.push(this.persons.table.intern(buf, fs[at[0]!]!, fe[at[0]!]!));
    this.time.push(time);
    this.line.push(line);
    for (let f = 0; f < fields.length; f++) this.values[f]!.push(values[f]!);
    return true;
  }

  private row(row: CsvRow): void {
    if (!this.header) return this.headerRow(row);
    if (!checkCellCount(this.report, row, this.header)) return;
    const cells = row.cells;
    const person = cells[this.personIdx]!;
    if (person === "") this.report.cell(row, this.personIdx, "T0309", () => ({ column: "person" }));
    const timeText = cells[this.timeIdx]!;
    let time: number | undefined;
    if (this.plan.grain === "måned") {
      time = parseMonth(timeText);
      if (time === undefined) this.report.cell(row, this.timeIdx, "T0311", () => ({ value: timeText, column: "maaned" }));
    } else {
      time = parseDay(timeText);
      if (time === undefined) this.report.cell(row, this.timeIdx, "T0334", () => ({ value: timeText, column: "dato" }));
    }
    this.person.push(person === "" ? -1 : this.persons.id(person));
    this.time.push(time ?? 0);
    this.line.push(row.line);
    const fields = this.plan.fields;
    for (let f = 0; f < fields.length; f++) {
      const at = this.index[f]!;
      const cell = cells[at]!;
      const column = fields[f]!.name;
      const type = fields[f]!.type;
      if (cell === "") {
        this.report.cell(row, at, "T0337", () => ({ column }));
        this.values[f]!.push(0);
        continue;
      }
      if (type === "tekst") {
        if (column === "kommune" && this.kommuner && !this.kommuner.has(cell)) {
          this.report.cell(row, at, "T0310", () => ({ value: cell, column }));
        }
        const dict = this.dictionaries[f]!;
        let id = dict.get(cell);
        if (id === undefined) {
          id = dict.size;
          dict.set(cell, id);
          this.texts[f]!.push(cell);
        }
        this.values[f]!.push(id);
      } else if (type === "antal") {
        const v = /^\d+$/.test(cell) ? Number(cell) : NaN;
        if (Number.isNaN(v)) {
          if (/^-\d+$/.test(cell)) this.report.cell(row, at, "T0315", () => ({ column, value: cell }));
          else if (/^\d+[.,]\d+$/.test(cell)) this.report.cell(row, at, "T0316", () => ({ column, value: cell }));
          else this.report.cell(row, at, "T0314", () => ({ value: cell, column }));
        }
        this.values[f]!.push(Number.isNaN(v) ? 0 : v);
      } else {
        const v = parseTal(cell);
        if (v === "nan") this.report.cell(row, at, "T0314", () => ({ value: cell, column }));
        else if (v === "neg") this.report.cell(row, at, "T0315", () => ({ column, value: cell }));
        else if (v === "dec") this.report.cell(row, at, "T0336", () => ({ value: cell, column }));
        this.values[f]!.push(typeof v === "number" ? v : 0);
      }
    }
  }

  private headerRow(row: CsvRow): void {
    this.report.separator = this.parser.separator ?? ",";
    const names = row.cells;
    this.header = names;
    const timeColumn = this.plan.grain === "måned" ? "maaned" : "dato";
    const expected = ["person", timeColumn, ...this.plan.fields.map((f) => f.name)];
    const at = (c: string) => names.indexOf(c);
    for (const c of expected) {
      if (at(c) < 0) this.report.cell(row, 0, "T0302", () => ({ column: c, data: this.plan.name, expected: expected.map((x) => `\`${x}\``).join(", ") }));
    }
    this.personIdx = at("person");
    this.timeIdx = at(timeColumn);
    this.index = this.plan.fields.map((f) => at(f.name));
    if (this.report.count > 0) this.header = [];
    // A header with errors: no rows are read (they would only repeat the header's problem).
    if (this.report.count > 0) this.row = () => undefined;
  }
}

/** A whole file (text or bytes) at once. */
export function loadPersonTable(input: string | Uint8Array, file: string, plan: PersonDataPlan, persons: PersonIds, kommuner?: ReadonlySet<string>): PersonLoadResult {
  const reader = new PersonTableReader(file, plan, persons, kommuner);
  reader.push(input);
  const result = reader.finish();
  if (!reader.needsText) return result;
  const text = new PersonTableReader(file, plan, persons, kommuner, { text: true });
  text.push(input);
  return text.finish();
}

/** A diagnostic about a row found after reading (T0335: the same person and month twice). */
export function duplicateMonth(table: PersonTable, persons: PersonIds, row: number, firstRow: number): Diagnostic {
  const line = table.line[row]!;
  const span: Span = { start: { offset: 0, line, column: 1 }, end: { offset: 1, line, column: 2 } };
  const t = table.time[row]!;
  const month = `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`;
  return diagnostic("T0335", table.file, span, { person: persons.name(table.person[row]!), month, data: table.name, first: String(table.line[firstRow]) });
}

/**
 * Load every person data block of a measurement (one text or byte array per data name, read by
 * `read`) with shared person ids, check that person-month data has one row per person and month
 * (T0335), and measure.
 */
export function measureData(
  plan: MeasurePlan,
  /** The plan's emitted code (compiler/emit-measure.ts measureCodeFor, or a compiled module's own). */
  code: MeasureCode,
  read: (data: PersonDataPlan) => { input: string | Uint8Array; file: string },
  kommuner?: ReadonlySet<string>,
): { table?: MeasuredTable; diagnostics: Diagnostic[]; lines: Map<string, ReadonlyMap<number, string>> } {
  const persons = new PersonIds();
  const tables = new Map<string, PersonTable>();
  const diagnostics: Diagnostic[] = [];
  const lines = new Map<string, ReadonlyMap<number, string>>();
  for (const d of plan.data) {
    const { input, file } = read(d);
    const r = loadPersonTable(input, file, d, persons, d.name === plan.spell.data ? kommuner : undefined);
    diagnostics.push(...r.diagnostics);
    lines.set(file, r.lines);
    if (r.table) tables.set(d.name, r.table);
  }
  if (diagnostics.some((x) => x.severity === "fejl")) return { diagnostics, lines };
  const measured = measureLoaded(plan, code, tables, persons);
  return { ...measured, diagnostics: [...diagnostics, ...measured.diagnostics], lines };
}

/** Check that person-month data has one row per person and month (T0335), then measure. */
export function measureLoaded(
  plan: MeasurePlan,
  /** The plan's emitted code (compiler/emit-measure.ts measureCodeFor, or a compiled module's own). */
  code: MeasureCode,
  tables: ReadonlyMap<string, PersonTable>,
  persons: PersonIds,
  inspect?: MeasureInspect,
): { table?: MeasuredTable & { inspected?: InspectedMeasureMonth[]; person?: InspectedPersonMonth[] }; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  for (const t of tables.values()) {
    if (t.grain !== "måned") continue;
    // One row per person and month: rows grouped by person in month order, so a repeat is a neighbour.
    const { start, order } = groupByPerson(t, persons.size);
    for (let p = 0; p < persons.size && diagnostics.length < 25; p++) {
      for (let i = start[p]! + 1; i < start[p + 1]!; i++) {
        if (t.time[order[i]!] === t.time[order[i - 1]!]) diagnostics.push(duplicateMonth(t, persons, order[i]!, order[i - 1]!));
      }
    }
  }
  if (diagnostics.length) return { diagnostics };
  // The plan's emitted code (compiler/emit-measure.ts); with `inspect`, the same evaluator collects
  // the counts behind the rows (tilsyn explain).
  return { table: inspect ? measure(plan, tables, persons.size, code, inspect) : measure(plan, tables, persons.size, code), diagnostics };
}

/** A person data row held in memory: `person`, `maaned` (YYYY-MM) or `dato` (YYYY-MM-DD), and the fields. */
export type PersonRowObject = Readonly<Record<string, string | number>>;

/**
 * Measure person data held in memory (the rows-based entry of a module written by `tilsyn
 * compile`): each data block's rows are checked exactly as its file would be, by the same reader
 * (T03xx), and any problem throws a DataError carrying every diagnostic.
 */
export function measureRows(plan: MeasurePlan, code: MeasureCode, rows: Readonly<Record<string, readonly PersonRowObject[]>>): MeasuredTable {
  const cell = (v: string | number | undefined): string => csvCellText(v === undefined || v === null ? "" : String(v));
  const measured = measureData(
    plan,
    code,
    (d) => {
      const columns = ["person", d.grain === "måned" ? "maaned" : "dato", ...d.fields.map((f) => f.name)];
      const lines = [columns.join(",")];
      for (const row of ownRows(rows, d.name)) lines.push(columns.map((c) => cell(Object.prototype.hasOwnProperty.call(row, c) ? row[c] : undefined)).join(","));
      return { input: `${lines.join("\n")}\n`, file: d.name };
    },
  );
  const errors = measured.diagnostics.filter((x) => x.severity === "fejl");
  if (errors.length || !measured.table) throw new DataError(errors);
  return measured.table;
}

const ownRows = (rows: Readonly<Record<string, readonly PersonRowObject[]>>, name: string): readonly PersonRowObject[] =>
  Object.prototype.hasOwnProperty.call(rows, name) ? (rows[name] ?? []) : [];
