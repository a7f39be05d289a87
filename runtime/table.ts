// The columnar table a data file is loaded into, and its schema. Dependency-free, so a
// generated evaluator module can import these types with nothing but the runtime beside it.

import type { Rational } from "./rational.js";

export type FieldType = "antal" | "andel" | "procent" | "tekst";

export interface FieldSchema {
  name: string;
  type: FieldType;
  /** Name of an `antal` field this count is part of: the value may not exceed it in a row. */
  subsetOf?: string;
  /** The header of the field's column in a data file, when it is not the field's name (`kolonne "Antal jobparate"`). */
  column?: string;
}

/** The headers of the key columns in a data file, where they are not `kommune`, `maaned`/`aar` and the group's name. */
export interface KeyHeaders {
  kommune?: string;
  period?: string;
  group?: string;
}

export interface DataSchema {
  /** E.g. "tidlig_indsats"; the file is <name>.csv. */
  name: string;
  /** Key column "maaned" (YYYY-MM) or "aar" (YYYY). */
  grain: "måned" | "år";
  /** Name of a text group column, e.g. "ydelsesgruppe". */
  group?: string;
  fields: FieldSchema[];
  /** `kolonner kommune "Kommune", måned "Måned"`: the key columns' headers in a data file. */
  keyHeaders?: KeyHeaders;
}

export interface Table {
  schema: DataSchema;
  file: string;
  length: number;
  /** 3-digit code as written, e.g. "101". */
  kommune: string[];
  /** Grain måned: month index = year*12 + (month-1); grain år: the year. */
  period: Int32Array;
  /** When schema.group. */
  group?: string[];
  /** antal fields; NaN = blank cell ("not measured"). */
  counts: Record<string, Float64Array>;
  /** andel and procent fields, exact; procent is divided by 100 (7,7 → 77/1000); null = blank. */
  decimals: Record<string, (Rational | null)[]>;
  /** tekst fields. */
  texts: Record<string, string[]>;
  /** 1-based source line of each row. */
  line: Int32Array;
}

/**
 * The records' prototype: an object that itself has none, so nothing is inherited. A record made
 * with `new NameRecord()` is an ordinary object to V8 (a few words, read and written by shape),
 * where `Object.create(null)` makes a hash table of a few hundred bytes: an event's values are
 * one of these, and a run keeps thousands of them.
 */
function NameRecord(this: object): void {}
NameRecord.prototype = Object.create(null) as object;

/**
 * An empty record keyed by a policy's names (data blocks, fields, measures, values): with nothing
 * on its prototype chain, so a name such as `__proto__`, `constructor` or `toString` is only a
 * name (`in`, reading and writing it see the record's own properties alone).
 */
export const nameRecord = <T>(): Record<string, T> => new (NameRecord as unknown as new () => Record<string, T>)();

/** What a record holds under a name as its own property; never something inherited from Object.prototype. */
export const ownValue = <T>(record: Readonly<Record<string, T>>, name: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;

/** One input row as a pipeline holds it: key columns as text, counts as numbers, blanks as null. */
export type InputRow = Record<string, string | number | null | undefined>;

const monthOrYear = (schema: DataSchema, value: unknown): number => {
  const text = String(value ?? "");
  if (schema.grain === "år") return Number(text);
  const [y, m] = text.split("-");
  return Number(y) * 12 + Number(m) - 1;
};

/**
 * Build a columnar table from row objects (for developers who already hold rows in memory).
 * Rows are trusted to be well-formed; text files go through loadTable's checks instead.
 */
export function tableFromRows(schema: DataSchema, rows: readonly InputRow[], file = "<rækker>"): Table {
  const length = rows.length;
  const table: Table = {
    schema,
    file,
    length,
    kommune: rows.map((r) => String(r["kommune"])),
    period: Int32Array.from(rows, (r) => monthOrYear(schema, r[schema.grain === "år" ? "aar" : "maaned"])),
    ...(schema.group ? { group: rows.map((r) => String(ownValue(r, schema.group!))) } : {}),
    counts: nameRecord(),
    decimals: nameRecord(),
    texts: nameRecord(),
    line: Int32Array.from(rows, (_, i) => i + 2),
  };
  for (const f of schema.fields) {
    if (f.type === "antal") {
      table.counts[f.name] = Float64Array.from(rows, (r) => {
        const v = ownValue(r, f.name);
        return v === null || v === undefined || v === "" ? NaN : Number(v);
      });
    } else if (f.type === "tekst") {
      table.texts[f.name] = rows.map((r) => String(ownValue(r, f.name) ?? ""));
    } else {
      table.decimals[f.name] = rows.map((r) => {
        const v = ownValue(r, f.name);
        if (v === null || v === undefined || v === "") return null;
        const text = String(v);
        const m = /^(-?)(\d+)(?:[.,](\d+))?$/.exec(text.trim());
        if (!m) return null;
        const digits = BigInt(m[2]! + (m[3] ?? "")) * (m[1] ? -1n : 1n);
        let d = 10n ** BigInt((m[3] ?? "").length) * (f.type === "procent" ? 100n : 1n);
        let n = digits;
        const g = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : g(b, a % b));
        const k = g(n, d);
        n /= k;
        d /= k;
        return { n, d };
      });
    }
  }
  return table;
}
