// Data files whose headers are not the policy's names (`kolonne "Antal jobparate"`): the file is
// matched by the headers the schema gives, extra columns are only noted, and every message names a
// column by its header as in the file.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyFixes } from "../../diagnostics/index.js";
import { loadTable, type LoadResult } from "../../load/csv.js";
import { parseKommuner } from "../../load/kommuner.js";
import type { DataSchema } from "../../runtime/table.js";

const KOMMUNER = new Set(
  parseKommuner(readFileSync(new URL("../../data/kommuner.csv", import.meta.url), "utf8"), "data/kommuner.csv").kommuner.map((k) => k.kode),
);

const JOBSOEGNING: DataSchema = {
  name: "jobsoegning",
  grain: "måned",
  keyHeaders: { kommune: "Kommune", period: "Måned" },
  fields: [
    { name: "jobparate", type: "antal", column: "Antal jobparate" },
    { name: "roed", type: "antal", subsetOf: "jobparate", column: "Antal røde" },
  ],
};
const HEADER = "Kommune,Måned,Antal jobparate,Antal røde";

const load = (lines: string[], schema = JOBSOEGNING): LoadResult => loadTable(`${lines.join("\n")}\n`, "jobsoegning.csv", schema, KOMMUNER);
const at = (r: LoadResult, code: string) => r.diagnostics.find((d) => d.code === code)!;

describe("headers from kolonne", () => {
  it("a file with the export's headers, in another order and with extra columns, loads by field name", () => {
    const r = load(["Måned,Antal røde,Kommunenavn,Kommune,Antal jobparate,Ekstra kolonne", "2021-01,5,København,101,100,x", "2021-02,,København,101,90,y"]);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ["T0332", "note", "Kolonnerne `Kommunenavn` og `Ekstra kolonne` bruges ikke af data `jobsoegning` og springes over."],
    ]);
    expect(r.table!.kommune).toEqual(["101", "101"]);
    expect(Array.from(r.table!.counts.jobparate!)).toEqual([100, 90]);
    expect(Array.from(r.table!.counts.roed!)).toEqual([5, NaN]);
  });

  it("the header is matched in NFC (a file saved with `ø` as `o` and a stroke still matches)", () => {
    const r = load([HEADER.normalize("NFD"), "101,2021-01,100,5"]);
    expect(r.diagnostics).toEqual([]);
    expect(r.table!.length).toBe(1);
  });

  it("messages name a column by its header as in the file: value checks, subsets, duplicate keys", () => {
    const r = load([HEADER, "999,2021-01,x,5", "101,2021-13,10,5", "101,2021-01,10,50", "101,2021-01,10,5", ",2021-02,1,1"]);
    expect(r.table).toBeUndefined();
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "`999` i kolonnen `Kommune` er ikke en af de 98 kommunekoder.",
      "`x` i kolonnen `Antal jobparate` er ikke et tal.",
      "`2021-13` i kolonnen `Måned` er ikke en gyldig måned.",
      "`Antal røde` (50) er større end `Antal jobparate` (10) i samme linje.",
      "Rækken med `Kommune` 101 og `Måned` 2021-01 står også i linje 4.",
      "Kolonnen `Kommune` er tom, men den er en del af rækkens nøgle.",
    ]);
  });

  it("T0302: a misspelt header of a declared column is suggested, with a fix that writes the header", () => {
    const text = "Kommune,Måned,Antal jobparat,Antal røde,Region\n101,2021-01,100,5,x\n";
    const r = loadTable(text, "jobsoegning.csv", JOBSOEGNING, KOMMUNER);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["T0302", "T0332"]);
    const d = at(r, "T0302");
    expect(d.message).toBe("Kolonnen `Antal jobparate` mangler i overskriften.");
    expect(d.hint).toBe("mente du `Antal jobparate`?");
    expect(applyFixes(text, [d.fix!])).toBe(text.replace("Antal jobparat,", "Antal jobparate,"));
    // The misspelt column is still only in the note.
    expect(at(r, "T0332").message).toBe("Kolonnerne `Antal jobparat` og `Region` bruges ikke af data `jobsoegning` og springes over.");
  });

  it("a fix writes a header with a comma in quotes", () => {
    const schema: DataSchema = { ...JOBSOEGNING, fields: [{ name: "jobparate", type: "antal", column: "Jobparate, i alt" }] };
    const text = "Kommune,Måned,Jobparate i alt\n101,2021-01,100\n";
    const d = at(loadTable(text, "j.csv", schema, KOMMUNER), "T0302");
    expect(d.fix?.replacement).toBe('"Jobparate, i alt"');
  });

  it("with its own headers a yearly file gets no hint about `aar`", () => {
    const schema: DataSchema = { name: "y", grain: "år", keyHeaders: { period: "År" }, fields: [{ name: "faktisk", type: "procent" }] };
    const r = loadTable("kommune,aar,faktisk\n101,2022,7\n", "y.csv", schema, KOMMUNER);
    const d = at(r, "T0302");
    expect(d.message).toBe("Kolonnen `År` mangler i overskriften.");
    expect(d.hint).toBe("mente du `År`?");
  });
});
