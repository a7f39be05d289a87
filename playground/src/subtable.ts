// The rows of one kommune from a columnar table, as a table of its own. The page evaluates the
// whole country without series (fast) and asks for the measured series of the one kommune the
// timeline shows by evaluating that kommune alone; rules are evaluated per kommune, so its
// events and series are the same as in the full run.

import type { Table } from "../../runtime/table.js";

type Column = ArrayLike<unknown> & { length: number };

function pick(column: Column, rows: number[]): Column {
  if (ArrayBuffer.isView(column)) {
    const typed = column as unknown as Float64Array;
    const out = new (typed.constructor as Float64ArrayConstructor)(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = typed[rows[i]!]!;
    return out;
  }
  return rows.map((i) => (column as unknown[])[i]);
}

const isColumn = (value: unknown, length: number): value is Column =>
  (Array.isArray(value) || ArrayBuffer.isView(value)) && (value as Column).length === length;

/** A copy of `table` with only the rows of `kommune`. Every per-row column is filtered, whatever its name. */
export function kommuneTable(table: Table, kommune: string): Table {
  const rows: number[] = [];
  for (let i = 0; i < table.length; i++) if (table.kommune[i] === kommune) rows.push(i);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(table)) {
    if (key === "length") out[key] = rows.length;
    else if (isColumn(value, table.length)) out[key] = pick(value, rows);
    else if (value && typeof value === "object" && !Array.isArray(value) && key !== "schema") {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, column]) => [name, isColumn(column, table.length) ? pick(column, rows) : column]),
      );
    } else out[key] = value;
  }
  return out as unknown as Table;
}
