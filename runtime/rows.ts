// Rows held in memory → checked columnar tables, for a generated module's evaluate().
//
// A row object is turned into the cell texts a CSV file would hold (numbers as their decimal
// text, null and undefined as a blank cell) and fed to the same TableBuilder as the CSV loader,
// so a row from a pipeline is judged by exactly the T03xx checks a row of a file is. Problems are
// collected and thrown together as one DataError carrying the Danish diagnostics.
//
// A diagnostic of a row points at it as a file position would: `file` is the data's name (the key
// of the rows object, e.g. "jobsoegning"), `line` the row's number in its list (1 for the first)
// and `column` the column's number in the data's column order (kommune 1, maaned/aar 2, …).
// There is no source text behind them, so every offset is 0.

import { diagnostic, renderDiagnostic, type Code, type Diagnostic, type Extra, type MessageParams, type Span } from "../diagnostics/index.js";
import { evaluate, type CompiledPolicy } from "./engine.js";
import type { PolicyEvent } from "./events.js";
import { parseMonth } from "./calendar.js";
import { KOMMUNE_CODES, KOMMUNE_NAMES } from "./kommuner.js";
import type { Plan } from "./plan.js";
import { nameRecord, ownValue, type DataSchema, type Table } from "./table.js";
import { expectedColumns, TableBuilder, type RowSink } from "./table-builder.js";

/** Diagnostics kept per data name before the rest are summarised in one (T0322), as for a file. */
const MAX_DIAGNOSTICS = 25;

/** Options of a generated module's evaluate(). */
export interface RowsOptions {
  /** Keep only events dated in or after this month, "YYYY-MM" (like `tilsyn run --fra`). */
  from?: string;
  /** Keep only events dated in or before this month, "YYYY-MM" (like `tilsyn run --til`). */
  to?: string;
  /** The valid kommune codes (T0310); the 98 municipalities by default. */
  kommuner?: Iterable<string>;
  /** Kommune code → name, for explanations; the 98 municipalities' names by default. */
  kommuneNames?: ReadonlyMap<string, string>;
  /** Evaluate every assessment in the data as if the policy were in force (like `--alle-perioder`). */
  ignoreInForce?: boolean;
}

/** Rows of one data name as a pipeline holds them: the columns by name, blanks as null. */
export type RowObject = Readonly<Record<string, string | number | null | undefined>>;

/**
 * The rows given to evaluate() break the data rules (T03xx): every problem found, in Danish, with
 * the data's name as `file` and the row's number (1-based) as `line`. Nothing was evaluated.
 */
export class DataError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    const first = diagnostics[0];
    const count = diagnostics.length === 1 ? "1 fejl" : `${diagnostics.length} fejl`;
    super(
      first
        ? `Rækkerne har ${count}; den første: ${first.file}, række ${first.span.start.line}: ${first.message}`
        : "Rækkerne har fejl.",
    );
    this.name = "DataError";
    this.diagnostics = diagnostics;
  }

  /** Every diagnostic as text (without a source frame), one after another. */
  render(): string {
    return this.diagnostics.map((d) => renderDiagnostic(d)).join("\n\n");
  }
}

/** A number as the decimal text a CSV cell would hold: 1e21 → "1000000000000000000000", 1e-7 → "0.0000001". */
export function decimalText(value: number): string {
  const text = String(value);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text; // plain decimals, and NaN/Infinity (reported as not a number)
  const [, sign, lead, rest = "", exp] = m;
  const digits = lead! + rest;
  const point = 1 + Number(exp); // where the decimal point goes in `digits`
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const cellText = (value: unknown): string =>
  value === null || value === undefined ? "" : typeof value === "number" ? decimalText(value) : String(value).trim();

const spanAt = (line: number, column: number): Span => ({
  start: { offset: 0, line, column },
  end: { offset: 0, line, column: column + 1 },
});

/** Reports a row object's problems; R is the row's 0-based index in its list. */
class RowReporter implements RowSink<number> {
  readonly list: Diagnostic[] = [];
  private suppressed = 0;
  private suppressedRows = new Set<number>();
  private firstSuppressed = -1;

  constructor(private readonly file: string) {}

  get count(): number {
    return this.list.length + this.suppressed;
  }

  cell<C extends Code>(row: number, index: number, code: C, args: () => MessageParams<C>, extra?: (span: Span) => Extra): void {
    if (this.list.length < MAX_DIAGNOSTICS) {
      const span = spanAt(row + 1, index + 1);
      this.list.push(diagnostic(code, this.file, span, args(), extra?.(span)));
      return;
    }
    this.suppressed++;
    this.suppressedRows.add(row);
    if (this.firstSuppressed < 0) this.firstSuppressed = row;
  }

  earlier(dataRow: number, index: number): Span | undefined {
    return spanAt(dataRow + 1, index + 1);
  }

  finish(): Diagnostic[] {
    if (this.suppressed > 0) {
      const rows = this.suppressedRows.size;
      this.list.push(
        diagnostic("T0322", this.file, spanAt(this.firstSuppressed + 1, 1), {
          errors: String(this.suppressed),
          lines: rows === 1 ? "1 linje" : `${rows} linjer`,
        }),
      );
    }
    return this.list;
  }
}

/**
 * Check rows of one data name with the T03xx rules and store them as a table. Returns the table,
 * or the diagnostics when any row breaks a rule.
 */
export function checkRows(
  schema: DataSchema,
  rows: readonly RowObject[],
  kommuner: ReadonlySet<string> = KOMMUNE_CODES,
): { table?: Table; diagnostics: Diagnostic[] } {
  const columns = expectedColumns(schema);
  const report = new RowReporter(schema.name);
  const builder = new TableBuilder(schema, schema.name, kommuner, columns.map((_, i) => i), columns, report);
  const cells = new Array<string>(columns.length);
  for (let r = 0; r < rows.length; r++) {
    const row = (rows[r] ?? {}) as Record<string, unknown>;
    for (let c = 0; c < columns.length; c++) cells[c] = cellText(ownValue(row, columns[c]!));
    builder.add(r, cells, r + 1);
  }
  const diagnostics = report.finish();
  return diagnostics.length ? { diagnostics } : { table: builder.finish()!, diagnostics };
}

/** A month option as "YYYY-MM" → its month index; a RangeError in Danish names the option otherwise. */
export function monthOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const m = parseMonth(String(value));
  if (m === undefined) throw new RangeError(`Tilvalget \`${name}\` skal være en måned som ÅÅÅÅ-MM med måned 01–12, fx 2023-04, ikke \`${String(value)}\`.`);
  return m;
}

/**
 * What a generated module's evaluate() does: check the rows of every data name the plans read
 * (throwing a DataError with every problem), then evaluate the plans with their compiled code as
 * one history. Pure and synchronous; the events are sorted.
 */
export function evaluateRows(
  plans: readonly Plan[],
  compiled: ReadonlyMap<Plan, CompiledPolicy>,
  rows: Readonly<Record<string, readonly RowObject[] | undefined>>,
  options: RowsOptions = {},
): PolicyEvent[] {
  const fromMonth = monthOption(options.from, "from");
  const toMonth = monthOption(options.to, "to");
  const kommuner = options.kommuner === undefined ? KOMMUNE_CODES : new Set(options.kommuner);
  const tables = nameRecord<Table>();
  const problems: Diagnostic[] = [];
  for (const plan of plans) {
    for (const schema of plan.data) {
      if (ownValue(tables, schema.name) || problems.some((d) => d.file === schema.name)) continue;
      const result = checkRows(schema, ownValue(rows, schema.name) ?? [], kommuner);
      if (result.table) tables[schema.name] = result.table;
      else problems.push(...result.diagnostics);
    }
  }
  if (problems.length) throw new DataError(problems);
  return evaluate([...plans], tables, {
    ...(fromMonth !== undefined ? { fromMonth } : {}),
    ...(toMonth !== undefined ? { toMonth } : {}),
    kommuneNames: options.kommuneNames ?? KOMMUNE_NAMES,
    ignoreInForce: options.ignoreInForce ?? false,
    compiled,
  }).events;
}
