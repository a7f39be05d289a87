// The header row of a data file: which cell holds which expected column. Shared by every reader
// (CSV in load/csv.ts, Excel in load/xlsx.ts, the list of municipalities), each of which knows how
// to point at one of its cells through its sink.
//
// A data file may have more columns than the policy declares (an export straight from Jobindsats
// has many): they are ignored and named in one note (T0332). A declared column that is missing is
// an error (T0302); when an unknown column is close to it ("Antal jobparat" for "Antal jobparate"),
// the error points at that column and says "mente du …?", with the fix.

import { replaceWith, suggest, type Code, type Extra, type MessageParams, type Span } from "../diagnostics/index.js";
import type { DataSchema } from "../runtime/table.js";
import { nameList, periodColumn, type RowSink } from "../runtime/table-builder.js";

/** A row sink that can also take a note: information that is neither an error nor counted as one. */
export interface HeaderSink<R> extends RowSink<R> {
  note<C extends Code>(row: R, index: number, code: C, args: () => MessageParams<C>, extra?: (span: Span) => Extra): void;
}

export interface HeaderOptions {
  /**
   * A column that is not expected: ignored and listed in one note (data files), or an error, T0303
   * (the list of municipalities, an example's table, which the policy's author writes).
   */
  unknown: "note" | "error";
  /** A hint when an unknown column stands for a missing one other than by spelling (`maaned` in yearly data). */
  instead?: (missing: string, unknown: string) => string | undefined;
  /** How a header text is written into the file by a fix (quoted in CSV when it must be); undefined: no fix. */
  fixText?: (text: string) => string | undefined;
}

/** "Kolonnen `a`" or "Kolonnerne `a`, `b` og `c`". */
export function columnsPhrase(names: readonly string[]): string {
  return `${names.length === 1 ? "Kolonnen" : "Kolonnerne"} ${nameList(names)}`;
}

/**
 * Check a header row (`cells`, trimmed) against the expected column texts (any order). Returns for
 * each expected text the index of the cell it is in, or -1 when it is missing, after reporting
 * missing (T0302), repeated (T0304) and unnamed (T0305) columns and the unknown ones.
 */
export function checkHeader<R>(
  sink: HeaderSink<R>,
  header: R,
  cells: readonly string[],
  expected: readonly string[],
  data: string,
  options: HeaderOptions,
): number[] {
  const positions = expected.map(() => -1);
  const seen = new Map<string, number>();
  const expectedText = nameList(expected);
  const fixText = options.fixText ?? ((text: string) => text);
  const fix = (span: Span, text: string): Extra => replaceWith(span, fixText(text));
  const unknown: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    // A file saved on a Mac may spell `å` as `a` and a ring; the policy is NFC.
    const name = cells[i]!.normalize("NFC");
    if (name === "") {
      sink.cell(header, i, "T0305", () => ({ index: String(i + 1), expected: expectedText }));
      continue;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      sink.cell(header, i, "T0304", () => ({ column: name, first: String(first + 1) }));
      continue;
    }
    seen.set(name, i);
    const e = expected.indexOf(name);
    if (e >= 0) positions[e] = i;
    else unknown.push(i);
  }

  const missing = expected.filter((_, e) => positions[e] === -1);
  if (options.unknown === "error") {
    // Each unknown column is an error, with the closest missing name as "mente du …?" and its fix.
    for (const i of unknown) {
      const name = cells[i]!;
      sink.cell(
        header,
        i,
        "T0303",
        () => ({ column: name, data, expected: expectedText }),
        (span) => {
          const instead = missing.map((m) => options.instead?.(m, name)).find((h) => h !== undefined);
          if (instead) return { hint: instead };
          const close = suggest(name, missing);
          return close ? { hint: `mente du \`${close}\`?`, ...fix(span, close) } : {};
        },
      );
    }
    for (const name of missing) {
      sink.cell(header, cells.length, "T0302", () => ({ column: name, data, expected: expectedText }));
    }
    return positions;
  }

  // Each unknown column may stand in for one missing column: the error then points at it.
  const free = new Set(unknown);
  for (const name of missing) {
    let stand: number | undefined;
    let hint: string | undefined;
    for (const i of free) {
      hint = options.instead?.(name, cells[i]!);
      if (hint !== undefined) {
        stand = i;
        break;
      }
    }
    if (stand === undefined) {
      const close = suggest(name, [...free].map((i) => cells[i]!));
      if (close !== undefined) {
        stand = [...free].find((i) => cells[i] === close)!;
        hint = `mente du \`${name}\`?`;
      }
    }
    if (stand === undefined) {
      // Point just past the header's end: that is where the column would go.
      sink.cell(header, cells.length, "T0302", () => ({ column: name, data, expected: expectedText }));
      continue;
    }
    free.delete(stand);
    const text = hint!;
    sink.cell(header, stand, "T0302", () => ({ column: name, data, expected: expectedText }), (span) => ({ hint: text, ...fix(span, name) }));
  }
  if (unknown.length > 0) {
    const names = unknown.map((i) => cells[i]!);
    sink.note(header, unknown[0]!, "T0332", () => ({ columns: columnsPhrase(names), data }));
  }
  return positions;
}

/** The header options of a data file of `schema`, whatever its format. */
export function dataHeaderOptions(schema: DataSchema): HeaderOptions {
  const period = periodColumn(schema);
  const other = period === "aar" ? "maaned" : "aar";
  return {
    unknown: "note",
    instead: (missing, name) =>
      schema.keyHeaders?.period === undefined && missing === period && name === other
        ? `data \`${schema.name}\` er opgjort pr. ${schema.grain}, så nøglekolonnen hedder \`${period}\`.`
        : undefined,
  };
}
