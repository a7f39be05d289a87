// Data files from Excel: load/xlsx.ts reads a sheet with read-excel-file and feeds the same header
// check and TableBuilder as a CSV file. The workbooks are written here with write-excel-file.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { renderDiagnostic } from "../../diagnostics/index.js";
import { loadTable } from "../../load/csv.js";
import { parseKommuner } from "../../load/kommuner.js";
import { cellText, loadXlsx, numberText } from "../../load/xlsx.js";
import type { DataSchema } from "../../runtime/table.js";

const KOMMUNER = new Set(
  parseKommuner(readFileSync(new URL("../../data/kommuner.csv", import.meta.url), "utf8"), "data/kommuner.csv").kommuner.map((k) => k.kode),
);

const SCHEMA: DataSchema = {
  name: "jobsoegning",
  grain: "måned",
  keyHeaders: { kommune: "Kommune", period: "Måned" },
  fields: [
    { name: "jobparate", type: "antal", column: "Antal jobparate" },
    { name: "roed", type: "antal", subsetOf: "jobparate", column: "Antal røde" },
    { name: "grad", type: "procent", column: "Ydelsesgrad" },
  ],
};

type Cell = string | number | Date | null;
const month = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1));

/** An .xlsx workbook with one sheet per entry; Dates get a month format, as Excel shows them. */
async function workbook(sheets: { name: string; rows: Cell[][] }[]): Promise<Buffer> {
  const toCell = (v: Cell) => (v === null ? null : v instanceof Date ? { value: v, type: Date, format: "yyyy-mm" } : { value: v });
  const data = sheets.map((s) => ({ sheet: s.name, data: s.rows.map((r) => r.map(toCell)) }));
  // write-excel-file's types do not cover every cell shape it accepts; the values are plain.
  return (writeXlsxFile as unknown as (sheets: unknown) => { toBuffer(): Promise<Buffer> })(data).toBuffer();
}

const HEADER: Cell[] = ["Kommune", "Måned", "Antal jobparate", "Antal røde", "Ydelsesgrad", "Kommunenavn"];

describe("numberText: a number as Excel stores it → the text a CSV file holds", () => {
  it("integers without .0, decimals to 15 significant digits without trailing zeros, no exponent", () => {
    expect(numberText("1765")).toBe("1765");
    expect(numberText("1765.0")).toBe("1765");
    expect(numberText("0.30000000000000004")).toBe("0.3"); // 0,1 + 0,2 as a binary float
    expect(numberText("0.10000000000000001")).toBe("0.1"); // how Excel writes 0,1 in older files
    expect(numberText("7.7000000000000002")).toBe("7.7");
    expect(numberText("8.0999999999999996")).toBe("8.1");
    expect(numberText("1.5E-3")).toBe("0.0015");
    expect(numberText("2.5E+3")).toBe("2500");
    expect(numberText("-0.5")).toBe("-0.5");
    expect(numberText("99999999999999999")).toBe("100000000000000000");
    expect(numberText("0")).toBe("0");
    expect(numberText("123456789012345678")).toBe("123456789012346000");
  });

  it("cells: dates by column, empty as blank, text trimmed", () => {
    expect(cellText(month(2021, 3), "måned")).toBe("2021-03");
    expect(cellText(month(2021, 3), "år")).toBe("2021");
    expect(cellText(new Date(Date.UTC(2021, 2, 31)))).toBe("2021-03-31");
    expect(cellText(null)).toBe("");
    expect(cellText(" 101 ")).toBe("101");
    expect(cellText(true)).toBe("SAND");
  });
});

describe("loadXlsx", () => {
  it("reads the same table as the same data in CSV", async () => {
    const rows: Cell[][] = [HEADER, [101, month(2021, 1), 100, 5, 7.7, "København"], [101, "2021-02", 90, null, 0.1 + 0.2, "København"], [147, month(2021, 1), 1000, 999, 100, "Frederiksberg"]];
    const xlsx = await loadXlsx(await workbook([{ name: "Ark1", rows }]), "jobsoegning.xlsx", SCHEMA, KOMMUNER);
    const csv = loadTable(
      "Kommune,Måned,Antal jobparate,Antal røde,Ydelsesgrad,Kommunenavn\n101,2021-01,100,5,7.7,København\n101,2021-02,90,,0.3,København\n147,2021-01,1000,999,100,Frederiksberg\n",
      "jobsoegning.csv",
      SCHEMA,
      KOMMUNER,
    );
    expect(xlsx.diagnostics.map((d) => d.code)).toEqual(["T0332"]);
    expect(xlsx.diagnostics[0]!.severity).toBe("note");
    const { file: _a, ...fromXlsx } = xlsx.table!;
    const { file: _b, ...fromCsv } = csv.table!;
    expect(fromXlsx).toEqual(fromCsv);
  });

  it("takes the sheet named like the data, else the first; blank rows and empty columns are skipped", async () => {
    const other: Cell[][] = [["Om data"], ["Kilde: Jobindsats"]];
    const rows: Cell[][] = [[], HEADER, [101, month(2021, 1), 100, 5, 7, "København"], [], [101, month(2021, 2), 100, 5, 7, "København"]];
    const named = await loadXlsx(await workbook([{ name: "Om data", rows: other }, { name: "jobsoegning", rows }]), "j.xlsx", SCHEMA, KOMMUNER);
    expect(named.table?.length).toBe(2);
    expect(Array.from(named.table!.line)).toEqual([3, 5]); // the sheet's row numbers
    const first = await loadXlsx(await workbook([{ name: "Data", rows }, { name: "Om data", rows: other }]), "j.xlsx", SCHEMA, KOMMUNER);
    expect(first.table?.length).toBe(2);
  });

  it("skips a title above the table: the header is the first row with an expected header", async () => {
    const rows: Cell[][] = [["Jobparate kontanthjælpsmodtagere, jobsøgning"], ["Kilde: Jobindsats.dk"], [], HEADER, [101, month(2021, 1), 100, 5, 7, "København"]];
    const r = await loadXlsx(await workbook([{ name: "Ark1", rows }]), "j.xlsx", SCHEMA, KOMMUNER);
    expect(r.diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([["T0332", 4]]);
    expect(Array.from(r.table!.line)).toEqual([5]);
  });

  it("diagnostics point at sheet, row and column, and name the column by its header", async () => {
    const rows: Cell[][] = [HEADER, [999, month(2021, 1), "mange", 5, 7, "x"], [101, month(2021, 1), 10, 50, 7, "x"], [101, month(2021, 1), 10, 5, 7, "x"]];
    const r = await loadXlsx(await workbook([{ name: "Ark1", rows }]), "data/jobsoegning.xlsx", SCHEMA, KOMMUNER);
    expect(r.table).toBeUndefined();
    const rendered = r.diagnostics.map((d) => renderDiagnostic(d, "ignored: a sheet has no source lines"));
    expect(rendered[1]).toBe(
      [
        "fejl[T0310]: `999` i kolonnen `Kommune` er ikke en af de 98 kommunekoder.",
        "  --> data/jobsoegning.xlsx, ark Ark1, række 2, kolonne A",
        "  = hjælp: Brug kommunens officielle kode med tre cifre, fx 101 for København; listen står i data/kommuner.csv.",
      ].join("\n"),
    );
    expect(r.diagnostics.map((d) => [d.code, d.sheet, d.span.start.line, d.span.start.column])).toEqual([
      ["T0332", "Ark1", 1, 6],
      ["T0310", "Ark1", 2, 1],
      ["T0314", "Ark1", 2, 3],
      ["T0317", "Ark1", 3, 4],
      ["T0321", "Ark1", 4, 2],
    ]);
    const duplicate = r.diagnostics.find((d) => d.code === "T0321")!;
    expect(duplicate.message).toBe("Rækken med `Kommune` 101 og `Måned` 2021-01 står også i række 3.");
    expect(renderDiagnostic(duplicate)).toContain("= note: den første række med samme nøgle (række 3, kolonne B)");
  });

  it("keeps the first 25 problems and summarises the rest by rows of the sheet (T0322)", async () => {
    const rows: Cell[][] = [HEADER, ...Array.from({ length: 30 }, (_, i) => [101, month(2000 + i, 1), -1, 0, 7, "x"] as Cell[])];
    const r = await loadXlsx(await workbook([{ name: "Ark1", rows }]), "j.xlsx", SCHEMA, KOMMUNER);
    const errors = r.diagnostics.filter((d) => d.severity === "fejl");
    expect(errors).toHaveLength(26);
    expect(errors.at(-1)!.message).toBe("5 fejl mere i 5 rækker er ikke vist.");
    expect(renderDiagnostic(errors.at(-1)!)).toContain("--> j.xlsx, ark Ark1, række 27, kolonne A");
  });

  it("a missing column is suggested, without a fix (a workbook is not edited as text)", async () => {
    const rows: Cell[][] = [["Kommune", "Måned", "Antal jobparat", "Antal røde", "Ydelsesgrad"], [101, month(2021, 1), 1, 1, 1]];
    const r = await loadXlsx(await workbook([{ name: "Ark1", rows }]), "j.xlsx", SCHEMA, KOMMUNER);
    const d = r.diagnostics.find((x) => x.code === "T0302")!;
    expect(d.hint).toBe("mente du `Antal jobparate`?");
    expect(d.fix).toBeUndefined();
    expect([d.span.start.line, d.span.start.column]).toEqual([1, 3]);
  });

  it("T0301: an empty sheet; T0333: a file that is no workbook", async () => {
    const empty = await loadXlsx(await workbook([{ name: "Ark1", rows: [[null]] }]), "j.xlsx", SCHEMA, KOMMUNER);
    expect(empty.diagnostics.map((d) => d.code)).toEqual(["T0301"]);
    const csvText = await loadXlsx(new TextEncoder().encode("kommune,maaned\n101,2021-01\n"), "j.xlsx", SCHEMA, KOMMUNER);
    expect(csvText.diagnostics.map((d) => [d.code, d.message])).toEqual([["T0333", "Filen kan ikke læses som et Excel-regneark: filen er ikke en .xlsx-projektmappe."]]);
    // An old .xls file starts with the OLE2 signature.
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    expect((await loadXlsx(xls, "j.xlsx", SCHEMA, KOMMUNER)).diagnostics[0]!.message).toBe("Filen kan ikke læses som et Excel-regneark: det er en gammel .xls-fil.");
  });
});
