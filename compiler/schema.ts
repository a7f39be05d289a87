// A `data` declaration as the DataSchema the loaders check a file against: its keys, its fields
// and, for a data file, the headers the policy gives its columns (`kolonne "Antal jobparate"`,
// `kolonner kommune "Kommune", måned "Måned"`).
//
// An example's table is written with the policy's own names (`kommune`, `maaned`, the field
// names), not with the export's headers, so examples check it against the schema without headers.

import type { DataDecl } from "../grammar/ast.js";
import type { DataSchema, KeyHeaders } from "../runtime/table.js";

/** The key a name in `kolonner` stands for, if any: `kommune`, the period (`måned` or `år`) or the group. */
export function keyOf(d: DataDecl, name: string): keyof KeyHeaders | undefined {
  if (name === "kommune") return "kommune";
  if (name === d.grain.value) return "period";
  if (d.group && name === d.group.text) return "group";
  return undefined;
}

/** The schema of a data declaration; `headers: false` leaves out the headers from `kolonne`. */
export function dataSchema(d: DataDecl, { headers }: { headers: boolean }): DataSchema {
  const keyHeaders: KeyHeaders = {};
  if (headers) {
    for (const clause of d.keyColumns ?? []) {
      for (const c of clause.columns) {
        const key = keyOf(d, c.key.text);
        if (key && keyHeaders[key] === undefined) keyHeaders[key] = c.header.value.trim();
      }
    }
  }
  return {
    name: d.name.text,
    grain: d.grain.value,
    ...(d.group ? { group: d.group.text } : {}),
    fields: d.fields.map((f) => ({
      name: f.name.text,
      // `tal` is for person data only (the checker rejects it in a data block per kommune).
      type: f.type.value === "tal" ? "procent" : f.type.value,
      ...(f.subsetOf ? { subsetOf: f.subsetOf.text } : {}),
      ...(headers && f.column ? { column: f.column.value.trim() } : {}),
    })),
    ...(Object.keys(keyHeaders).length ? { keyHeaders } : {}),
  };
}
