import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseKommuner } from "../../load/kommuner.js";

const text = readFileSync(new URL("../../data/kommuner.csv", import.meta.url), "utf8");
const HEADER = "kode,navn,region,amk";

describe("parseKommuner", () => {
  it("reads the 98 municipalities from data/kommuner.csv", () => {
    const { kommuner, diagnostics } = parseKommuner(text, "data/kommuner.csv");
    expect(diagnostics).toEqual([]);
    expect(kommuner).toHaveLength(98);
    expect(new Set(kommuner.map((k) => k.kode)).size).toBe(98);
    expect(kommuner[0]).toEqual({ kode: "101", navn: "København", region: "Hovedstaden", amk: "Øst" });
    expect(kommuner.find((k) => k.kode === "860")).toEqual({ kode: "860", navn: "Hjørring", region: "Nordjylland", amk: "Midt-Nord" });
    expect(kommuner.every((k) => /^\d{3}$/.test(k.kode))).toBe(true);
    expect(new Set(kommuner.map((k) => k.region)).size).toBe(5);
  });

  it("accepts a BOM, CRLF and a trailing empty line", () => {
    const { kommuner, diagnostics } = parseKommuner(`\uFEFF${HEADER}\r\n101,København,Hovedstaden,Øst\r\n\r\n`, "k.csv");
    expect(diagnostics).toEqual([]);
    expect(kommuner).toEqual([{ kode: "101", navn: "København", region: "Hovedstaden", amk: "Øst" }]);
  });

  it("T0323: a code that is not three digits", () => {
    const { kommuner, diagnostics } = parseKommuner(`${HEADER}\n101,København,Hovedstaden,Øst\n1O1,Fejl,Hovedstaden,Øst\n`, "k.csv");
    expect(kommuner.map((k) => k.kode)).toEqual(["101"]);
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d.code).toBe("T0323");
    expect(d.file).toBe("k.csv");
    expect([d.span.start.line, d.span.start.column]).toEqual([3, 1]);
    expect(d.message).toBe("`1O1` i kolonnen `kode` er ikke en kommunekode med tre cifre.");
    expect(d.hint).toContain("tre cifre");
  });

  it("T0324: a code listed twice names the earlier line", () => {
    const { diagnostics } = parseKommuner(`${HEADER}\n101,København,Hovedstaden,Øst\n101,Kbh,Hovedstaden,Øst\n`, "k.csv");
    expect(diagnostics.map((d) => [d.code, d.span.start.line, d.message])).toEqual([
      ["T0324", 3, "Kommunekoden 101 i kolonnen `kode` står også i linje 2."],
    ]);
  });

  it("T0325: a blank name", () => {
    const { diagnostics } = parseKommuner(`${HEADER}\n101,,Hovedstaden,Øst\n`, "k.csv");
    expect(diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column, d.message])).toEqual([
      ["T0325", 2, 5, "Kolonnen `navn` er tom."],
    ]);
  });

  it("T0302/T0303: a wrong header names the column and suggests the right one", () => {
    const { kommuner, diagnostics } = parseKommuner("kode,nafn,region,amk\n101,København,Hovedstaden,Øst\n", "k.csv");
    expect(kommuner).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(["T0303", "T0302"]);
    expect(diagnostics[0]!.message).toBe("Kolonnen `nafn` hører ikke til data `kommuner`.");
    expect(diagnostics[0]!.hint).toBe("mente du `navn`?");
    expect(diagnostics[1]!.message).toBe("Kolonnen `navn` mangler i overskriften.");
  });

  it("T0301 and T0306: an empty file and a short row", () => {
    expect(parseKommuner("", "k.csv").diagnostics.map((d) => d.code)).toEqual(["T0301"]);
    const short = parseKommuner(`${HEADER}\n101,København\n`, "k.csv").diagnostics;
    expect(short.map((d) => [d.code, d.message])).toEqual([
      ["T0306", "Linjen har 2 celler, men overskriften har 4 kolonner; cellen til kolonnen `region` mangler."],
    ]);
  });
});
