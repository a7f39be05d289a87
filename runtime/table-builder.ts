// The one definition of what a data row may hold: every value check (T0309–T0321, T0327) and the
// columnar storage a row is written into. The CSV loader (load/csv.ts), other file readers and a
// generated module's evaluate() all feed rows of cell texts through a TableBuilder, so a row is
// judged the same way whether it came from a file or from a pipeline's objects.
//
// The builder knows nothing about files: where a cell is, is the caller's business. It reports
// through a RowSink, which turns (row, cell index) into a span when a diagnostic is kept.

import type { Code, Extra, MessageParams, Span } from "../diagnostics/index.js";
import { parseDecimal, rat, type Rational } from "./rational.js";
import type { DataSchema, Table } from "./table.js";

/** Where the builder reports problems; `R` is the caller's handle on a row (a CSV row, an index). */
export interface RowSink<R> {
  /** Report a problem in cell `index` of `row`; `args` and `extra` are only called when the diagnostic is kept. */
  cell<C extends Code>(row: R, index: number, code: C, args: () => MessageParams<C>, extra?: (span: Span) => Extra): void;
  /**
   * The span of cell `index` of the earlier data row number `dataRow` (0-based), for "first row
   * with the same key". A streaming reader no longer has that row's text and may point at the
   * start of its line instead.
   */
  earlier(dataRow: number, index: number): Span | undefined;
  /** Number of errors reported so far (kept or not); warnings do not count, they do not stop a table. */
  readonly count: number;
}

/** The key columns of a schema, in order: kommune, the period, and the group when there is one. */
export function keyColumns(schema: DataSchema): string[] {
  return ["kommune", periodColumn(schema), ...(schema.group ? [schema.group] : [])];
}

/** The period key column's name: `maaned` (YYYY-MM) or `aar` (YYYY). */
export function periodColumn(schema: DataSchema): "maaned" | "aar" {
  return schema.grain === "år" ? "aar" : "maaned";
}

/**
 * The header of every column a data file must have, keys first: the order of a builder's
 * `positions`. A column is looked for by the text the policy gives it (`kolonne "Antal
 * jobparate"`, `kolonner kommune "Kommune"`), else by its name (`kommune`, `maaned`, the field's).
 */
export function expectedColumns(schema: DataSchema): string[] {
  const h = schema.keyHeaders;
  return [
    h?.kommune ?? "kommune",
    h?.period ?? periodColumn(schema),
    ...(schema.group ? [h?.group ?? schema.group] : []),
    ...schema.fields.map((f) => f.column ?? f.name),
  ];
}

/** A list of names for messages: `a`, `b` og `c`. */
export function nameList(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} og ${quoted[quoted.length - 1]}`;
}

/** A cell value for a message: shortened so a runaway quoted cell does not flood the output. */
export function shown(value: string): string {
  const flat = value.replace(/\s+/g, " ");
  return flat.length > 40 ? `${flat.slice(0, 37)}…` : flat;
}

/** "`kommune` 101, `maaned` 2022-03 og `ydelsesgruppe` A" */
function keyDescription(names: readonly string[], values: readonly string[]): string {
  const parts = names.map((name, i) => `\`${name}\` ${shown(values[i] ?? "")}`);
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} og ${parts[parts.length - 1]}`;
}

const YEAR = /^\d{4}$/;

/** YYYY-MM as year·12 + month − 1, or -1 (no regular expression: this runs for every row). */
function monthIndex(value: string): number {
  if (value.length !== 7 || value.charCodeAt(4) !== 45) return -1;
  let year = 0;
  for (let k = 0; k < 4; k++) {
    const d = value.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    year = year * 10 + d;
  }
  const tens = value.charCodeAt(5) - 48;
  const ones = value.charCodeAt(6) - 48;
  if (tens < 0 || tens > 9 || ones < 0 || ones > 9) return -1;
  const month = tens * 10 + ones;
  return month < 1 || month > 12 ? -1 : year * 12 + month - 1;
}

/** A count of plain digits (under 16 of them, so exact) as a number, or -1. */
function plainCount(value: string): number {
  const n = value.length;
  if (n === 0 || n > 15) return -1;
  let x = 0;
  for (let k = 0; k < n; k++) {
    const d = value.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    x = x * 10 + d;
  }
  return x;
}
/** A count written with thousands separators: 1.234 or 12.345.678 (or with commas). */
const THOUSANDS = /^\d{1,3}(?:\.\d{3})+$|^\d{1,3}(?:,\d{3})+$/;
/** More than any period index (9999·12 + 11). */
const PERIODS = 120_000;

/** What each cell of a row holds. */
const enum Role {
  Ignore,
  Kommune,
  Period,
  Group,
  Count,
  Andel,
  Procent,
  Text,
}

// ---------------------------------------------------------------------------------------------
// Storage that grows without copying: a file of millions of rows is read once, and each column
// is copied once, into an array of exactly its length, when the table is finished.

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;

type NumberArray = Float64Array | Int32Array | Uint16Array;

/**
 * A growable column of numbers: a first array of the reserved size (when the reader could tell
 * how many rows to expect), then fixed-size typed chunks. A column that fits its reservation is
 * handed over without a copy; pages of the reservation that are never written cost no memory.
 */
class Column<A extends NumberArray> {
  private first: A | undefined;
  private firstSize = 0;
  private chunks: (A | undefined)[] = [];
  private current: A | undefined;
  private pos = CHUNK;
  length = 0;

  constructor(private readonly make: (length: number) => A) {}

  /** Room for `rows` values before any is pushed (a later call is ignored). */
  reserve(rows: number): void {
    if (this.length > 0 || this.first || rows <= 0) return;
    try {
      this.first = this.make(rows);
      this.firstSize = rows;
    } catch {
      // No room for a guess that large: the chunks will do.
    }
  }

  push(value: number): void {
    if (this.length < this.firstSize) {
      this.first![this.length++] = value;
      return;
    }
    if (this.pos === CHUNK) {
      this.current = this.make(CHUNK);
      this.chunks.push(this.current);
      this.pos = 0;
    }
    this.current![this.pos++] = value;
    this.length++;
  }

  get(index: number): number {
    if (index < this.firstSize) return this.first![index]!;
    const i = index - this.firstSize;
    return this.chunks[i >>> CHUNK_BITS]![i & CHUNK_MASK]!;
  }

  /** The values in an array of their length; the column is empty afterwards. */
  take(): A {
    const length = this.length;
    let out: A;
    if (this.chunks.length === 0 && this.first) {
      out = (length === this.firstSize ? this.first : this.first.subarray(0, length)) as A;
    } else {
      out = this.make(length);
      let offset = 0;
      if (this.first) {
        out.set(this.first, 0);
        offset = this.firstSize;
      }
      this.first = undefined; // let the reservation go while the chunks are copied
      for (let c = 0; c < this.chunks.length; c++) {
        const chunk = this.chunks[c]!;
        const n = Math.min(CHUNK, length - offset);
        out.set(n === CHUNK ? chunk : chunk.subarray(0, n), offset);
        this.chunks[c] = undefined;
        offset += n;
      }
    }
    this.first = undefined;
    this.firstSize = 0;
    this.chunks = [];
    this.current = undefined;
    this.pos = CHUNK;
    this.length = 0;
    return out;
  }
}

/** Strings stored as small numbers: one string object per distinct value (kommune codes, group names). */
class Interned {
  private readonly ids = new Map<string, number>();
  /** Index 0 is "" (a blank or refused cell). */
  readonly values: string[] = [""];

  /** The id of a value seen before, or 0. */
  known(value: string): number {
    return this.ids.get(value) ?? 0;
  }

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      // A copy: the cell may be a slice of a whole chunk of the file, which it would keep alive.
      const copy = value.length > 12 ? (" " + value).slice(1) : value;
      this.ids.set(copy, id);
      this.values.push(copy);
    }
    return id;
  }

  /** The strings of `ids` as an array (what the Table holds). */
  expand(ids: NumberArray, length: number): string[] {
    const out = new Array<string>(length);
    const values = this.values;
    for (let i = 0; i < length; i++) out[i] = values[ids[i]!]!;
    return out;
  }
}

const LANES = 8;

/**
 * The first row of every key (kommune, period, group) seen so far, for the duplicate check.
 * Keys are kept in blocks of 8 neighbouring kommune ids under one hash entry, in typed arrays:
 * about 8 bytes a row when most kommuner report every period (the usual file), instead of a Map
 * entry (40–60 bytes) per row; a very sparse file costs about 56 bytes a row.
 */
class FirstRows {
  private keys = new Float64Array(1024);
  private blocks = new Int32Array(1024); // block index + 1; 0 is an empty slot
  private mask = 1023;
  private used = 0;
  private readonly pool: Int32Array[] = []; // blocks of LANES (first row + 1), CHUNK ints per array

  constructor(private readonly blocksPerPeriod: number) {}

  /** The first row with this key, or -1 (and `row` is now the first). */
  firstOrAdd(kommuneId: number, period: number, groupId: number, row: number): number {
    const key = (groupId * PERIODS + period) * this.blocksPerPeriod + Math.floor(kommuneId / LANES);
    const lane = kommuneId % LANES;
    const hash = (Math.imul(key >>> 0, 0x9e3779b1) ^ Math.imul(Math.floor(key / 4294967296) >>> 0, 0x85ebca6b)) >>> 0;
    let i = (hash ^ (hash >>> 15)) & this.mask;
    while (this.blocks[i] !== 0 && this.keys[i] !== key) i = (i + 1) & this.mask;
    let block = this.blocks[i]! - 1;
    if (block < 0) {
      block = this.used++;
      this.keys[i] = key;
      this.blocks[i] = block + 1;
      const at = block * LANES;
      if ((at & CHUNK_MASK) === 0) this.pool.push(new Int32Array(CHUNK));
      if (this.used * 2 > this.mask) this.grow();
    }
    const at = block * LANES + lane;
    const chunk = this.pool[at >>> CHUNK_BITS]!;
    const first = chunk[at & CHUNK_MASK]! - 1;
    if (first < 0) chunk[at & CHUNK_MASK] = row + 1;
    return first;
  }

  private grow(): void {
    const keys = this.keys;
    const blocks = this.blocks;
    const size = keys.length * 2;
    this.keys = new Float64Array(size);
    this.blocks = new Int32Array(size);
    this.mask = size - 1;
    for (let j = 0; j < keys.length; j++) {
      if (blocks[j] === 0) continue;
      const key = keys[j]!;
      const hash = (Math.imul(key >>> 0, 0x9e3779b1) ^ Math.imul(Math.floor(key / 4294967296) >>> 0, 0x85ebca6b)) >>> 0;
      let i = (hash ^ (hash >>> 15)) & this.mask;
      while (this.blocks[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = key;
      this.blocks[i] = blocks[j]!;
    }
  }
}

/**
 * Checks rows of cell texts and writes them into a columnar table.
 *
 * `positions[e]` is the cell index of expected column `e` (see expectedColumns), or -1 when the
 * column is missing (the caller has reported that); `names[i]` is how cell `i`'s column is called
 * in messages. Cells at other indices are ignored.
 *
 * Memory is what the finished table needs plus a few bytes a row: numbers go into typed chunks,
 * kommune codes and group names are interned, and the duplicate check keeps no Map entry per row.
 * Nothing is kept of a row's text once add() returns.
 */
export class TableBuilder<R> {
  private readonly roles: Role[];
  /** For each cell index, the slot of its field in the row's scratch arrays below. */
  private readonly slotOf: number[];
  private readonly keyNames: string[];
  private readonly kommuneIndex: number;
  private readonly periodIndex: number;
  private readonly groupIndex: number;
  private readonly subsets: { index: number; wholeIndex: number; part: number; whole: number }[] = [];
  private readonly firstRows: FirstRows;
  private readonly kommuneIds = new Interned();
  private readonly groupIds = new Interned();
  private readonly keyPhrase: string;
  private readonly countNames: string[] = [];
  private readonly decimalNames: string[] = [];
  private readonly textNames: string[] = [];

  private length = 0;
  private readonly kommune: Column<Uint16Array | Int32Array>;
  private readonly period = new Column((n) => new Int32Array(n));
  private readonly group = new Column((n) => new Int32Array(n));
  private readonly line = new Column((n) => new Int32Array(n));
  private readonly counts: Column<Float64Array>[] = [];
  private readonly decimals: (Rational | null)[][] = [];
  private readonly texts: string[][] = [];
  // One row's values, before they are stored.
  private readonly rowCounts: Float64Array;
  private readonly rowDecimals: (Rational | null)[];
  private readonly rowTexts: string[];

  constructor(
    private readonly schema: DataSchema,
    private readonly file: string,
    private readonly kommuner: ReadonlySet<string>,
    positions: readonly number[],
    private readonly names: readonly string[],
    private readonly sink: RowSink<R>,
  ) {
    const keys = keyColumns(schema).length;
    // Messages name a column by its header, as in the file.
    this.keyNames = expectedColumns(schema).slice(0, keys);
    this.kommuneIndex = positions[0] ?? -1;
    this.periodIndex = positions[1] ?? -1;
    this.groupIndex = schema.group ? (positions[2] ?? -1) : -1;
    this.roles = new Array<Role>(names.length).fill(Role.Ignore);
    this.slotOf = new Array<number>(names.length).fill(-1);
    if (this.kommuneIndex >= 0) this.roles[this.kommuneIndex] = Role.Kommune;
    if (this.periodIndex >= 0) this.roles[this.periodIndex] = Role.Period;
    if (this.groupIndex >= 0) this.roles[this.groupIndex] = Role.Group;
    const slotOfField = new Map<string, number>();
    const positionOfField = new Map<string, number>();
    schema.fields.forEach((field, f) => {
      const pos = positions[keys + f] ?? -1;
      positionOfField.set(field.name, pos);
      let slot: number;
      if (field.type === "antal") {
        slot = this.countNames.push(field.name) - 1;
        this.counts.push(new Column((n) => new Float64Array(n)));
      } else if (field.type === "tekst") {
        slot = this.textNames.push(field.name) - 1;
        this.texts.push([]);
      } else {
        slot = this.decimalNames.push(field.name) - 1;
        this.decimals.push([]);
      }
      slotOfField.set(field.name, slot);
      if (pos < 0) return;
      this.slotOf[pos] = slot;
      this.roles[pos] =
        field.type === "antal" ? Role.Count : field.type === "andel" ? Role.Andel : field.type === "procent" ? Role.Procent : Role.Text;
    });
    this.rowCounts = new Float64Array(this.counts.length);
    this.rowDecimals = new Array<Rational | null>(this.decimals.length).fill(null);
    this.rowTexts = new Array<string>(this.texts.length).fill("");
    // Subset checks whose both columns are present.
    for (const field of schema.fields) {
      if (field.type !== "antal" || !field.subsetOf) continue;
      const index = positionOfField.get(field.name) ?? -1;
      const wholeIndex = positionOfField.get(field.subsetOf) ?? -1;
      const whole = schema.fields.find((f) => f.name === field.subsetOf);
      if (index >= 0 && wholeIndex >= 0 && whole?.type === "antal") {
        this.subsets.push({ index, wholeIndex, part: slotOfField.get(field.name)!, whole: slotOfField.get(field.subsetOf)! });
      }
    }
    // Kommune ids run from 1 to the number of kommuner (only valid codes get one).
    const kommuneSpan = kommuner.size + 1;
    this.kommune = new Column<Uint16Array | Int32Array>(kommuneSpan <= 0x10000 ? (n) => new Uint16Array(n) : (n) => new Int32Array(n));
    this.firstRows = new FirstRows(Math.ceil(kommuneSpan / LANES));
    this.keyPhrase = schema.group ? `kommune, ${schema.grain} og ${schema.group}` : `kommune og ${schema.grain}`;
  }

  /**
   * Room for about `rows` rows, asked for before the first: a reader that knows the file's size
   * saves a copy of every column (and the memory for both) when the table is finished.
   */
  reserve(rows: number): void {
    if (this.length > 0) return;
    const n = Math.min(Math.ceil(rows), 1 << 28);
    for (const column of [this.kommune, this.period, this.line, ...this.counts]) column.reserve(n);
    if (this.schema.group) this.group.reserve(n);
  }

  /** Keep the place of a row whose cells could not be read (the caller reported why). */
  skip(line: number): void {
    this.length++;
    this.line.push(line);
    this.kommune.push(0);
    this.period.push(0);
    if (this.schema.group) this.group.push(0);
    for (const values of this.counts) values.push(NaN);
    for (const values of this.decimals) values.push(null);
    for (const values of this.texts) values.push("");
  }

  /** Check one row of cell texts (trimmed; "" is a blank cell) and store it. `line` is its 1-based source line. */
  add(row: R, cells: readonly string[], line: number): void {
    const r = this.length++;
    const { schema, sink, roles, names, slotOf, rowCounts, rowDecimals, rowTexts } = this;
    this.line.push(line);
    rowCounts.fill(NaN);
    rowDecimals.fill(null);
    rowTexts.fill("");
    let kommuneId = 0;
    let period = 0;
    let groupId = 0;
    let keyOk = this.kommuneIndex >= 0 && this.periodIndex >= 0 && (!schema.group || this.groupIndex >= 0);
    const isMonth = schema.grain === "måned";
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i]!;
      switch (roles[i]) {
        case undefined:
        case Role.Ignore:
          break;
        case Role.Kommune:
          kommuneId = this.kommuneIds.known(value); // only valid codes are interned: one lookup a row
          if (kommuneId > 0) break;
          if (value === "") {
            keyOk = false;
            sink.cell(row, i, "T0309", () => ({ column: names[i]! }));
          } else if (!this.kommuner.has(value)) {
            keyOk = false;
            sink.cell(row, i, "T0310", () => ({ value: shown(value), column: names[i]! }));
          } else kommuneId = this.kommuneIds.id(value);
          break;
        case Role.Period: {
          if (value === "") {
            keyOk = false;
            sink.cell(row, i, "T0309", () => ({ column: names[i]! }));
            break;
          }
          if (isMonth) {
            const month = monthIndex(value);
            if (month < 0) {
              keyOk = false;
              sink.cell(row, i, "T0311", () => ({ value: shown(value), column: names[i]! }));
            } else period = month;
          } else if (!YEAR.test(value)) {
            keyOk = false;
            sink.cell(row, i, "T0312", () => ({ value: shown(value), column: names[i]! }));
          } else period = Number(value);
          break;
        }
        case Role.Group:
          if (value === "") {
            keyOk = false;
            sink.cell(row, i, "T0313", () => ({ column: names[i]! }));
          } else groupId = this.groupIds.id(value);
          break;
        case Role.Count: {
          if (value === "") break;
          const plain = plainCount(value);
          if (plain >= 0) {
            rowCounts[slotOf[i]!] = plain;
            break;
          }
          const name = names[i]!;
          if (THOUSANDS.test(value)) {
            // 1.234 is a thousand and more to Danish eyes, but 1.234 (or 1,234) to a decimal reader:
            // refused, with how to write it, rather than read one way or the other.
            sink.cell(row, i, "T0328", () => ({ value: shown(value), column: name, plain: value.replace(/[.,]/g, "") }));
            break;
          }
          const q = parseDecimal(value);
          if (!q) sink.cell(row, i, "T0314", () => ({ value: shown(value), column: name }));
          else if (q.n < 0n) sink.cell(row, i, "T0315", () => ({ value: shown(value), column: name }));
          else if (q.d !== 1n) sink.cell(row, i, "T0316", () => ({ value: shown(value), column: name }));
          else if (q.n > BigInt(Number.MAX_SAFE_INTEGER)) sink.cell(row, i, "T0327", () => ({ value: shown(value), column: name }));
          else rowCounts[slotOf[i]!] = Number(q.n);
          break;
        }
        case Role.Andel:
        case Role.Procent: {
          if (value === "") break;
          const name = names[i]!;
          const q = parseDecimal(value);
          if (!q) {
            sink.cell(row, i, "T0318", () => ({ value: shown(value), column: name }));
            break;
          }
          const share = roles[i] === Role.Procent ? rat(q.n, q.d * 100n) : q;
          if (share.n < 0n || share.n > share.d) {
            sink.cell(row, i, roles[i] === Role.Procent ? "T0320" : "T0319", () => ({ value: shown(value), column: name }));
          } else rowDecimals[slotOf[i]!] = share;
          break;
        }
        case Role.Text:
          rowTexts[slotOf[i]!] = value.length > 12 ? (" " + value).slice(1) : value; // not a slice of the file's chunk
          break;
      }
    }
    this.kommune.push(kommuneId);
    this.period.push(period);
    if (schema.group) this.group.push(groupId);
    for (let f = 0; f < rowCounts.length; f++) this.counts[f]!.push(rowCounts[f]!);
    for (let f = 0; f < rowDecimals.length; f++) this.decimals[f]!.push(rowDecimals[f]!);
    for (let f = 0; f < rowTexts.length; f++) this.texts[f]!.push(rowTexts[f]!);
    for (const s of this.subsets) {
      if (rowCounts[s.part]! > rowCounts[s.whole]!) {
        sink.cell(row, s.index, "T0317", () => ({
          column: names[s.index]!,
          value: cells[s.index]!,
          parent: names[s.wholeIndex]!,
          parentValue: cells[s.wholeIndex]!,
        }));
      }
    }
    if (keyOk) this.checkKey(row, r, kommuneId, period, groupId, cells);
  }

  private checkKey(row: R, r: number, kommuneId: number, period: number, groupId: number, cells: readonly string[]): void {
    const first = this.firstRows.firstOrAdd(kommuneId, period, groupId, r);
    if (first < 0) return;
    const keyTarget = this.schema.group ? this.groupIndex : this.periodIndex;
    const keyNames = this.keyNames;
    this.sink.cell(
      row,
      keyTarget,
      "T0321",
      () => ({
        key: keyDescription(keyNames, [cells[this.kommuneIndex]!, cells[this.periodIndex]!, ...(this.schema.group ? [cells[this.groupIndex]!] : [])]),
        first: String(this.line.get(first)),
        per: this.keyPhrase,
        keys: nameList(keyNames),
      }),
      () => {
        const span = this.sink.earlier(first, keyTarget);
        return span ? { related: [{ message: "den første række med samme nøgle", span }] } : {};
      },
    );
  }

  /** The table, or undefined when any problem was reported. */
  finish(): Table | undefined {
    if (this.sink.count > 0) return undefined;
    const length = this.length;
    const counts: Record<string, Float64Array> = Object.create(null);
    const decimals: Record<string, (Rational | null)[]> = Object.create(null);
    const texts: Record<string, string[]> = Object.create(null);
    this.countNames.forEach((name, f) => (counts[name] = this.counts[f]!.take()));
    this.decimalNames.forEach((name, f) => (decimals[name] = this.decimals[f]!));
    this.textNames.forEach((name, f) => (texts[name] = this.texts[f]!));
    const table: Table = {
      schema: this.schema,
      file: this.file,
      length,
      kommune: this.kommuneIds.expand(this.kommune.take(), length),
      period: this.period.take(),
      counts,
      decimals,
      texts,
      line: this.line.take(),
    };
    if (this.schema.group) table.group = this.groupIds.expand(this.group.take(), length);
    return table;
  }
}
