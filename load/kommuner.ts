// The list of Denmark's 98 municipalities (data/kommuner.csv: kode,navn,region,amk).
//
// Takes text, never a path (the runtime also runs in a browser worker). The caller turns the
// result into the set of valid codes for loadTable: new Set(kommuner.map((k) => k.kode)).
// The parser does not insist on exactly 98 rows, so tests and partial lists can use it; it does
// insist on well-formed, unique three-digit codes and filled-in names.

import type { Diagnostic } from "../diagnostics/index.js";
import { checkHeader } from "./header.js";
import { checkCellCount, csvCellText, internalError, nameList, readCsv, Reporter, shown } from "./csv.js";

export interface Kommune {
  /** Official 3-digit code, e.g. "101". */
  kode: string;
  navn: string;
  region: string;
  /** The employment region (AMK) the municipality belongs to, e.g. "Øst". */
  amk: string;
}

const COLUMNS = ["kode", "navn", "region", "amk"] as const;
const CODE = /^\d{3}$/;

export function parseKommuner(text: string, file: string): { kommuner: Kommune[]; diagnostics: Diagnostic[] } {
  try {
    return parse(text, file);
  } catch (error) {
    return { kommuner: [], diagnostics: [internalError(file, error)] };
  }
}

function parse(text: string, file: string): { kommuner: Kommune[]; diagnostics: Diagnostic[] } {
  const doc = readCsv(String(text ?? ""));
  const report = new Reporter(file, doc);
  const expected = nameList(COLUMNS);
  const header = doc.rows[0];
  if (!header) {
    report.at(
      { start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } },
      "T0301",
      { expected },
    );
    return { kommuner: [], diagnostics: report.finish() };
  }
  const positions = checkHeader(report, header, header.cells, COLUMNS, "kommuner", { unknown: "error", fixText: csvCellText });
  if (positions.some((p) => p < 0)) return { kommuner: [], diagnostics: report.finish() };

  const kommuner: Kommune[] = [];
  const seen = new Map<string, number>();
  for (let r = 1; r < doc.rows.length; r++) {
    const row = doc.rows[r]!;
    if (!checkCellCount(report, row, header.cells)) continue;
    const values = positions.map((p) => row.cells[p]!);
    let ok = true;
    for (let c = 0; c < COLUMNS.length; c++) {
      if (values[c] === "") {
        ok = false;
        report.cell(row, positions[c]!, "T0325", () => ({ column: COLUMNS[c]!, expected }));
      }
    }
    const [kode, navn, region, amk] = values as [string, string, string, string];
    if (kode !== "" && !CODE.test(kode)) {
      ok = false;
      report.cell(row, positions[0]!, "T0323", () => ({ value: shown(kode), column: "kode" }));
    } else if (kode !== "") {
      const first = seen.get(kode);
      if (first !== undefined) {
        ok = false;
        report.cell(row, positions[0]!, "T0324", () => ({ value: kode, column: "kode", first: String(first) }));
      } else seen.set(kode, row.line);
    }
    if (ok) kommuner.push({ kode, navn, region, amk });
  }
  // The well-formed rows are returned even when others have errors; callers check diagnostics.
  return { kommuner, diagnostics: report.finish() };
}
