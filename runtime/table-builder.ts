// The one definition of what a data row may hold: every value check (T0309–T0321, T0327) and the
// columnar storage a row is written into. The CSV loader (load/csv.ts), other file readers and a
// generated module's evaluate() all feed rows of cell texts through a TableBuilder, so a row is
// judged the same way whether it came from a file or from a pipeline's objects.
//
// The builder knows nothing about files: where a cell is, is the caller's business. It reports
// through a RowSink, which turns (row, cell index) into a span when a diagnostic is kept.

import type { Code, Extra, MessageParams, Span } from "../diagnostics/index.js";
import { parseDecimal, rat, type Rational } from "./rational.js";
import type { DataSchema, FieldSchema, Table } from "./table.js";

/** Where the builder reports problems; `R` is the caller's handle on a row (a CSV row, an index). */
export interface RowSink<R> {
  /** Report a problem in cell `index` of `row`; `args` and `extra` are only called when the diagnostic is kept. */
  cell<C extends Code>(row: R, index: number, code: C, args: () => MessageParams<C>, extra?: (span: Span) => Extra): void;
  /** The span of cell `index` of the earlier data row number `dataRow` (0-based), for "first row with the same key". */
  earlier(dataRow: number, index: number): Span | undefined;
  /** Number of problems reported so far (kept or not). */
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

/** Every column a data file must have, keys first: the order of a builder's `positions`. */
export function expectedColumns(schema: DataSchema): string[] {
  return [...keyColumns(schema), ...schema.fields.map((f) => f.name)];
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

const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^\d{4}$/;
const DIGITS = /^\d+$/;
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

/**
 * Checks rows of cell texts and writes them into a columnar table.
 *
 * `positions[e]` is the cell index of expected column `e` (see expectedColumns), or -1 when the
 * column is missing (the caller has reported that); `names[i]` is how cell `i`'s column is called
 * in messages. Cells at other indices are ignored.
 */
export class TableBuilder<R> {
  private readonly roles: Role[];
  private readonly fieldOf: (FieldSchema | undefined)[];
  private readonly keyNames: string[];
  private readonly kommuneIndex: number;
  private readonly periodIndex: number;
  private readonly groupIndex: number;
  private readonly subsets: { index: number; wholeIndex: number; part: string; whole: string }[] = [];
  private readonly seen = new Map<number, number>();
  private readonly kommuneIds = new Map<string, number>();
  private readonly groupIds = new Map<string, number>();
  private readonly kommuneSpan: number;
  private readonly keyPhrase: string;

  private length = 0;
  private kommune: string[] = [];
  private period: number[] = [];
  private group: string[] = [];
  private line: number[] = [];
  private readonly counts = new Map<string, number[]>();
  private readonly decimals = new Map<string, (Rational | null)[]>();
  private readonly texts = new Map<string, string[]>();

  constructor(
    private readonly schema: DataSchema,
    private readonly file: string,
    private readonly kommuner: ReadonlySet<string>,
    positions: readonly number[],
    private readonly names: readonly string[],
    private readonly sink: RowSink<R>,
  ) {
    this.keyNames = keyColumns(schema);
    const keys = this.keyNames.length;
    this.kommuneIndex = positions[0] ?? -1;
    this.periodIndex = positions[1] ?? -1;
    this.groupIndex = schema.group ? (positions[2] ?? -1) : -1;
    this.roles = new Array<Role>(names.length).fill(Role.Ignore);
    this.fieldOf = new Array<FieldSchema | undefined>(names.length);
    if (this.kommuneIndex >= 0) this.roles[this.kommuneIndex] = Role.Kommune;
    if (this.periodIndex >= 0) this.roles[this.periodIndex] = Role.Period;
    if (this.groupIndex >= 0) this.roles[this.groupIndex] = Role.Group;
    const positionOfField = new Map<string, number>();
    schema.fields.forEach((field, f) => {
      const pos = positions[keys + f] ?? -1;
      positionOfField.set(field.name, pos);
      if (field.type === "antal") this.counts.set(field.name, []);
      else if (field.type === "tekst") this.texts.set(field.name, []);
      else this.decimals.set(field.name, []);
      if (pos < 0) return;
      this.fieldOf[pos] = field;
      this.roles[pos] =
        field.type === "antal" ? Role.Count : field.type === "andel" ? Role.Andel : field.type === "procent" ? Role.Procent : Role.Text;
    });
    // Subset checks whose both columns are present.
    for (const field of schema.fields) {
      if (field.type !== "antal" || !field.subsetOf) continue;
      const index = positionOfField.get(field.name) ?? -1;
      const wholeIndex = positionOfField.get(field.subsetOf) ?? -1;
      const whole = schema.fields.find((f) => f.name === field.subsetOf);
      if (index >= 0 && wholeIndex >= 0 && whole?.type === "antal") {
        this.subsets.push({ index, wholeIndex, part: field.name, whole: field.subsetOf });
      }
    }
    this.kommuneSpan = kommuner.size + 1;
    this.keyPhrase = schema.group ? `kommune, ${schema.grain} og ${schema.group}` : `kommune og ${schema.grain}`;
  }

  /** Keep the place of a row whose cells could not be read (the caller reported why). */
  skip(line: number): void {
    this.length++;
    this.line.push(line);
    this.kommune.push("");
    this.period.push(0);
    if (this.schema.group) this.group.push("");
    for (const values of this.counts.values()) values.push(NaN);
    for (const values of this.decimals.values()) values.push(null);
    for (const values of this.texts.values()) values.push("");
  }

  /** Check one row of cell texts (trimmed; "" is a blank cell) and store it. `line` is its 1-based source line. */
  add(row: R, cells: readonly string[], line: number): void {
    const r = this.length++;
    const { schema, sink, roles, names } = this;
    this.line.push(line);
    let kommune = "";
    let period = 0;
    let group = "";
    for (const values of this.counts.values()) values.push(NaN);
    for (const values of this.decimals.values()) values.push(null);
    for (const values of this.texts.values()) values.push("");
    let keyOk = this.kommuneIndex >= 0 && this.periodIndex >= 0 && (!schema.group || this.groupIndex >= 0);
    const isMonth = schema.grain === "måned";
    const periodName = periodColumn(schema);
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i]!;
      switch (roles[i]) {
        case undefined:
        case Role.Ignore:
          break;
        case Role.Kommune:
          if (value === "") {
            keyOk = false;
            sink.cell(row, i, "T0309", () => ({ column: "kommune" }));
          } else if (!this.kommuner.has(value)) {
            keyOk = false;
            sink.cell(row, i, "T0310", () => ({ value: shown(value) }));
          }
          kommune = value;
          break;
        case Role.Period: {
          if (value === "") {
            keyOk = false;
            sink.cell(row, i, "T0309", () => ({ column: periodName }));
            break;
          }
          if (isMonth) {
            const m = MONTH.exec(value);
            const month = m ? Number(m[2]) : 0;
            if (!m || month < 1 || month > 12) {
              keyOk = false;
              sink.cell(row, i, "T0311", () => ({ value: shown(value), column: periodName }));
            } else period = Number(m[1]) * 12 + month - 1;
          } else if (!YEAR.test(value)) {
            keyOk = false;
            sink.cell(row, i, "T0312", () => ({ value: shown(value), column: periodName }));
          } else period = Number(value);
          break;
        }
        case Role.Group:
          if (value === "") {
            keyOk = false;
            sink.cell(row, i, "T0313", () => ({ column: names[i]! }));
          }
          group = value;
          break;
        case Role.Count: {
          if (value === "") break;
          const name = names[i]!;
          const column = this.counts.get(this.fieldOf[i]!.name)!;
          if (DIGITS.test(value) && value.length < 16) {
            column[r] = Number(value);
            break;
          }
          const q = parseDecimal(value);
          if (!q) sink.cell(row, i, "T0314", () => ({ value: shown(value), column: name }));
          else if (q.n < 0n) sink.cell(row, i, "T0315", () => ({ value: shown(value), column: name }));
          else if (q.d !== 1n) sink.cell(row, i, "T0316", () => ({ value: shown(value), column: name }));
          else if (q.n > BigInt(Number.MAX_SAFE_INTEGER)) sink.cell(row, i, "T0327", () => ({ value: shown(value), column: name }));
          else column[r] = Number(q.n);
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
          } else this.decimals.get(this.fieldOf[i]!.name)![r] = share;
          break;
        }
        case Role.Text:
          this.texts.get(this.fieldOf[i]!.name)![r] = value;
          break;
      }
    }
    this.kommune.push(kommune);
    this.period.push(period);
    if (schema.group) this.group.push(group);
    for (const s of this.subsets) {
      const part = this.counts.get(s.part)![r]!;
      const whole = this.counts.get(s.whole)![r]!;
      if (part > whole) {
        sink.cell(row, s.index, "T0317", () => ({
          column: names[s.index]!,
          value: cells[s.index]!,
          parent: names[s.wholeIndex]!,
          parentValue: cells[s.wholeIndex]!,
        }));
      }
    }
    if (keyOk) this.checkKey(row, r, kommune, period, group, cells);
  }

  private checkKey(row: R, r: number, kommune: string, period: number, group: string, cells: readonly string[]): void {
    // A numeric key (kommune id, period, group id) keeps the map cheap for 100,000 rows.
    let kommuneId = this.kommuneIds.get(kommune);
    if (kommuneId === undefined) this.kommuneIds.set(kommune, (kommuneId = this.kommuneIds.size));
    let groupId = 0;
    if (this.schema.group) {
      const known = this.groupIds.get(group);
      if (known === undefined) this.groupIds.set(group, (groupId = this.groupIds.size));
      else groupId = known;
    }
    // Periods are below PERIODS and kommune ids below kommuneSpan: the key is exact below 2^53.
    const key = (groupId * PERIODS + period) * this.kommuneSpan + kommuneId;
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, r);
      return;
    }
    const keyTarget = this.schema.group ? this.groupIndex : this.periodIndex;
    const keyNames = this.keyNames;
    this.sink.cell(
      row,
      keyTarget,
      "T0321",
      () => ({
        key: keyDescription(keyNames, [cells[this.kommuneIndex]!, cells[this.periodIndex]!, ...(this.schema.group ? [cells[this.groupIndex]!] : [])]),
        first: String(this.line[first]),
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
    const counts: Record<string, Float64Array> = Object.create(null);
    const decimals: Record<string, (Rational | null)[]> = Object.create(null);
    const texts: Record<string, string[]> = Object.create(null);
    for (const [name, values] of this.counts) counts[name] = Float64Array.from(values);
    for (const [name, values] of this.decimals) decimals[name] = values;
    for (const [name, values] of this.texts) texts[name] = values;
    const table: Table = {
      schema: this.schema,
      file: this.file,
      length: this.length,
      kommune: this.kommune,
      period: Int32Array.from(this.period),
      counts,
      decimals,
      texts,
      line: Int32Array.from(this.line),
    };
    if (this.schema.group) table.group = this.group;
    return table;
  }
}
