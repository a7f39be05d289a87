import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../diagnostics/index.js";
import { loadTable, MAX_DIAGNOSTICS, type LoadResult } from "../../load/csv.js";
import { parseKommuner } from "../../load/kommuner.js";
import type { DataSchema } from "../../runtime/table.js";

const KOMMUNER = new Set(
  parseKommuner(readFileSync(new URL("../../data/kommuner.csv", import.meta.url), "utf8"), "data/kommuner.csv").kommuner.map(
    (k) => k.kode,
  ),
);
const fixture = (name: string) => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url), "utf8");

const TIDLIG: DataSchema = {
  name: "tidlig_indsats",
  grain: "måned",
  group: "ydelsesgruppe",
  fields: [
    { name: "borgere", type: "antal" },
    { name: "uden_samtaler", type: "antal", subsetOf: "borgere" },
    { name: "uden_tilbud", type: "antal", subsetOf: "borgere" },
  ],
};
const TIDLIG_HEADER = "kommune,maaned,ydelsesgruppe,borgere,uden_samtaler,uden_tilbud";

const YDELSESGRAD: DataSchema = {
  name: "ydelsesgrad",
  grain: "år",
  fields: [
    { name: "faktisk", type: "procent" },
    { name: "forventet", type: "procent" },
  ],
};

const ANDELE: DataSchema = {
  name: "andele",
  grain: "måned",
  fields: [
    { name: "andel", type: "andel" },
    { name: "note", type: "tekst" },
  ],
};

/** Load `lines` (header first) as tidlig_indsats.csv unless another schema is given. */
function load(lines: string[], schema: DataSchema = TIDLIG): LoadResult {
  return loadTable(lines.join("\n") + "\n", `${schema.name}.csv`, schema, KOMMUNER);
}

/** The one diagnostic a file gives (and no table). */
function only(result: LoadResult): Diagnostic {
  expect(result.table).toBeUndefined();
  expect(result.diagnostics.map((d) => d.code)).toHaveLength(1);
  const d = result.diagnostics[0]!;
  expect(d.severity).toBe("fejl");
  expect(d.hint).toBeTruthy();
  return d;
}

const at = (d: Diagnostic) => [d.span.start.line, d.span.start.column];

describe("loadTable: a valid file", () => {
  it("round-trips into the columnar table", () => {
    const { table, diagnostics } = loadTable(fixture("tidlig_indsats.csv"), "tidlig_indsats.csv", TIDLIG, KOMMUNER);
    expect(diagnostics).toEqual([]);
    expect(table).toBeDefined();
    const t = table!;
    expect(t.file).toBe("tidlig_indsats.csv");
    expect(t.schema).toBe(TIDLIG);
    expect(t.length).toBe(4);
    expect(t.kommune).toEqual(["101", "101", "860", "147"]);
    expect(Array.from(t.period)).toEqual([2022 * 12, 2022 * 12, 2022 * 12 + 1, 2023 * 12 + 11]);
    expect(t.group).toEqual(["Kontanthjælp", "Dagpenge", "Kontanthjælp", "Uddannelseshjælp, aktivitetsparate"]);
    expect(Array.from(t.counts.borgere!)).toEqual([120, 300, NaN, 40]);
    expect(Array.from(t.counts.uden_samtaler!)).toEqual([14, 22, 3, 0]);
    expect(Array.from(t.counts.uden_tilbud!)).toEqual([NaN, 5, 0, 1]);
    expect(Array.from(t.line)).toEqual([2, 3, 4, 5]);
    expect(t.period).toBeInstanceOf(Int32Array);
    expect(t.counts.borgere).toBeInstanceOf(Float64Array);
  });

  it("reads procent exactly and divided by 100 (7.7 → 77/1000), yearly keys, a BOM and CRLF", () => {
    const { table, diagnostics } = loadTable(fixture("ydelsesgrad-bom-crlf.csv"), "ydelsesgrad.csv", YDELSESGRAD, KOMMUNER);
    expect(diagnostics).toEqual([]);
    const t = table!;
    expect(t.length).toBe(3);
    expect(t.kommune).toEqual(["101", "860", "151"]);
    expect(Array.from(t.period)).toEqual([2022, 2022, 2023]);
    expect(t.group).toBeUndefined();
    expect(t.decimals.faktisk).toEqual([{ n: 77n, d: 1000n }, { n: 1n, d: 8n }, null]);
    expect(t.decimals.forventet).toEqual([{ n: 2n, d: 25n }, { n: 1n, d: 1n }, { n: 0n, d: 1n }]);
  });

  it("reads andel unscaled and tekst as written, in any column order", () => {
    const { table, diagnostics } = load(["note,andel,maaned,kommune", '"a, b",0.25,2021-03,101', ",,2021-04,101", "x,1,2021-05,101"], ANDELE);
    expect(diagnostics).toEqual([]);
    expect(table!.decimals.andel).toEqual([{ n: 1n, d: 4n }, null, { n: 1n, d: 1n }]);
    expect(table!.texts.note).toEqual(["a, b", "", "x"]);
    expect(Array.from(table!.period)).toEqual([2021 * 12 + 2, 2021 * 12 + 3, 2021 * 12 + 4]);
  });

  it("T0329: accepts a file with only a header (length 0), with a warning", () => {
    const { table, diagnostics } = loadTable(`${TIDLIG_HEADER}\r\n\r\n`, "tidlig_indsats.csv", TIDLIG, KOMMUNER);
    expect(diagnostics.map((d) => [d.code, d.severity, ...at(d)])).toEqual([["T0329", "advarsel", 1, 1]]);
    expect(diagnostics[0]!.message).toBe("Filen har kun overskriftslinjen; der er ingen rækker med data `tidlig_indsats`.");
    expect(table!.length).toBe(0);
    expect(table!.kommune).toEqual([]);
  });

  it("ignores a trailing empty line and blank lines, keeping line numbers true", () => {
    const { table, diagnostics } = loadTable(`${TIDLIG_HEADER}\r\n\r\n101,2022-01,A,1,0,0\r\n\r\n`, "t.csv", TIDLIG, KOMMUNER);
    expect(diagnostics).toEqual([]);
    expect(Array.from(table!.line)).toEqual([3]);
  });

  it("accepts a whole count written with a decimal zero (12,0) and trims spaces around cells", () => {
    const { table, diagnostics } = load([TIDLIG_HEADER, ' 101 , 2022-01 , A ,"12,0", 2 ,']);
    expect(diagnostics).toEqual([]);
    expect(table!.kommune).toEqual(["101"]);
    expect(table!.group).toEqual(["A"]);
    expect(Array.from(table!.counts.borgere!)).toEqual([12]);
  });

  it("loads 100,000 rows (the load's speed and memory are measured by npm run bench)", () => {
    const codes = [...KOMMUNER];
    const lines = [TIDLIG_HEADER];
    for (let i = 0; i < 100_000; i++) {
      const month = Math.floor(i / 98);
      const year = 2000 + Math.floor(month / 12);
      lines.push(`${codes[i % 98]},${year}-${String((month % 12) + 1).padStart(2, "0")},Kontanthjælp,${i + 10},3,`);
    }
    const text = lines.join("\n");
    const { table, diagnostics } = loadTable(text, "big.csv", TIDLIG, KOMMUNER);
    expect(diagnostics).toEqual([]);
    expect(table!.length).toBe(100_000);
    expect(table!.line[99_999]).toBe(100_001);
  });
});

describe("loadTable: header checks", () => {
  it("T0301: an empty file", () => {
    const d = only(loadTable("", "tidlig_indsats.csv", TIDLIG, KOMMUNER));
    expect(d.code).toBe("T0301");
    expect(d.file).toBe("tidlig_indsats.csv");
    expect(at(d)).toEqual([1, 1]);
    expect(d.message).toBe("Filen er tom; den mangler overskriftslinjen.");
    expect(d.hint).toContain("`kommune`, `maaned`, `ydelsesgruppe`");
  });

  it("T0302: a missing column is named and the expected columns listed", () => {
    const d = only(load(["kommune,maaned,ydelsesgruppe,borgere,uden_samtaler", "101,2022-01,A,1,0"]));
    expect(d.code).toBe("T0302");
    expect(at(d)).toEqual([1, 51]); // just after the header's end, where the column would go
    expect(d.message).toBe("Kolonnen `uden_tilbud` mangler i overskriften.");
    expect(d.hint).toBe(
      "Data `tidlig_indsats` skal have kolonnerne `kommune`, `maaned`, `ydelsesgruppe`, `borgere`, `uden_samtaler` og `uden_tilbud`.",
    );
  });

  it("T0332: columns the data does not declare are ignored and named in one note", () => {
    const result = load([`${TIDLIG_HEADER},Ekstra kolonne,region`, "101,2022-01,A,10,1,2,x,Hovedstaden"]);
    expect(result.diagnostics).toHaveLength(1);
    const d = result.diagnostics[0]!;
    expect(d.code).toBe("T0332");
    expect(d.severity).toBe("note");
    expect(d.message).toBe("Kolonnerne `Ekstra kolonne` og `region` bruges ikke af data `tidlig_indsats` og springes over.");
    expect(at(d)).toEqual([1, TIDLIG_HEADER.length + 2]); // the first of them
    expect(result.table?.length).toBe(1);
    expect(Array.from(result.table!.counts.borgere!)).toEqual([10]);
    // One column: singular.
    const one = load(["kommune,aar,faktisk,forventet,bemaerkning", "101,2022,1,2,x"], YDELSESGRAD);
    expect(one.diagnostics.map((x) => x.message)).toEqual(["Kolonnen `bemaerkning` bruges ikke af data `ydelsesgrad` og springes over."]);
    expect(one.table?.length).toBe(1);
  });

  it("T0302: a declared column that is missing while an unknown one is close: 'mente du …?' with a fix; the unknown one is in the note", () => {
    const result = load(["kommune,maaned,ydelsesgruppe,borgere,uden_samtaler,uden_tilbd", "101,2022-01,A,1,0,0"]);
    expect(result.table).toBeUndefined();
    expect(result.diagnostics.map((x) => x.code)).toEqual(["T0302", "T0332"]);
    const d = result.diagnostics.find((x) => x.code === "T0302")!;
    expect(d.message).toBe("Kolonnen `uden_tilbud` mangler i overskriften.");
    expect(at(d)).toEqual([1, 52]); // at the misspelt column
    expect(d.hint).toBe("mente du `uden_tilbud`?");
    expect(d.fix?.replacement).toBe("uden_tilbud"); // … as a fix that replaces the header cell
    expect([d.fix?.span.start.offset, d.fix?.span.end.offset]).toEqual([51, 61]);
    expect(result.diagnostics[1]!.message).toBe("Kolonnen `uden_tilbd` bruges ikke af data `tidlig_indsats` og springes over.");
  });

  it("T0302: a monthly key in a yearly file says which key the data uses", () => {
    const result = load(["kommune,maaned,faktisk,forventet", "101,2022-01,1,2"], YDELSESGRAD);
    const d = result.diagnostics.find((x) => x.code === "T0302")!;
    expect(d.message).toBe("Kolonnen `aar` mangler i overskriften.");
    expect(at(d)).toEqual([1, 9]);
    expect(d.hint).toContain("nøglekolonnen hedder `aar`");
    expect(d.fix?.replacement).toBe("aar");
  });

  it("T0304: a duplicate header", () => {
    const d = only(load([`${TIDLIG_HEADER},borgere`, "101,2022-01,A,1,0,0,1"]));
    expect(d.code).toBe("T0304");
    expect(at(d)).toEqual([1, TIDLIG_HEADER.length + 2]);
    expect(d.message).toBe("Kolonnen `borgere` står to gange i overskriften (første gang i kolonne 4).");
  });

  it("T0305: a header cell without a name", () => {
    const d = only(load([`${TIDLIG_HEADER},`, "101,2022-01,A,1,0,0,"]));
    expect(d.code).toBe("T0305");
    expect(d.message).toBe("Overskriften har en kolonne uden navn (kolonne 7).");
  });
});

describe("loadTable: row checks", () => {
  it("T0306: too few cells names the first missing column", () => {
    const d = only(load([TIDLIG_HEADER, "101,2022-01,A,1,0"]));
    expect(d.code).toBe("T0306");
    expect(at(d)).toEqual([2, 17]);
    expect(d.message).toBe("Linjen har 5 celler, men overskriften har 6 kolonner; cellen til kolonnen `uden_tilbud` mangler.");
  });

  it("T0307: too many cells points at the first extra one", () => {
    const d = only(load([TIDLIG_HEADER, "101,2022-01,A,1,0,0,7"]));
    expect(d.code).toBe("T0307");
    expect(at(d)).toEqual([2, 21]);
    expect(d.message).toBe("Linjen har 7 celler, men overskriften har kun 6 kolonner (sidste kolonne er `uden_tilbud`).");
    expect(d.hint).toContain("anførselstegn");
  });

  it("T0308: an unterminated quote", () => {
    const d = only(load([TIDLIG_HEADER, '101,2022-01,"A,1,0,0', "101,2022-02,A,1,0,0"]));
    expect(d.code).toBe("T0308");
    expect(at(d)).toEqual([2, 13]);
    expect(d.message).toBe("Anførselstegnene i linjen er ikke afsluttet korrekt (kolonnen `ydelsesgruppe`).");
    const e = only(load([TIDLIG_HEADER, '101,2022-01,A,"1"2,0,0']));
    expect(e.code).toBe("T0308");
    expect(at(e)).toEqual([2, 15]);
    expect(e.message).toContain("`borgere`");
  });

  it("T0309: a blank key cell (kommune or maaned)", () => {
    const result = load([TIDLIG_HEADER, ",2022-01,A,1,0,0", "101,,A,1,0,0"]);
    expect(result.table).toBeUndefined();
    const [a, b] = result.diagnostics;
    expect(a!.code).toBe("T0309");
    expect(at(a!)).toEqual([2, 1]);
    expect(a!.message).toBe("Kolonnen `kommune` er tom, men den er en del af rækkens nøgle.");
    expect(b!.code).toBe("T0309");
    expect(at(b!)).toEqual([3, 5]);
    expect(b!.message).toBe("Kolonnen `maaned` er tom, men den er en del af rækkens nøgle.");
  });

  it("T0310: an unknown kommune code suggests nothing and says where the list is", () => {
    const d = only(load([TIDLIG_HEADER, "102,2022-01,A,1,0,0"]));
    expect(d.code).toBe("T0310");
    expect(at(d)).toEqual([2, 1]);
    expect(d.message).toBe("`102` i kolonnen `kommune` er ikke en af de 98 kommunekoder.");
    expect(d.hint).toContain("data/kommuner.csv");
    expect(d.hint).not.toContain("mente du");
  });

  it("T0311: a bad month", () => {
    for (const month of ["2022-13", "2022-00", "2022-3", "22-03", "2022/03", "marts"]) {
      const d = only(load([TIDLIG_HEADER, `101,${month},A,1,0,0`]));
      expect(d.code).toBe("T0311");
      expect(at(d)).toEqual([2, 5]);
      expect(d.message).toBe(`\`${month}\` i kolonnen \`maaned\` er ikke en gyldig måned.`);
      expect(d.hint).toContain("ÅÅÅÅ-MM");
    }
  });

  it("T0312: a bad year", () => {
    for (const year of ["22", "2022-01", "år 2022"]) {
      const d = only(load(["kommune,aar,faktisk,forventet", `101,${year},1,2`], YDELSESGRAD));
      expect(d.code).toBe("T0312");
      expect(at(d)).toEqual([2, 5]);
      expect(d.message).toBe(`\`${year}\` i kolonnen \`aar\` er ikke et gyldigt årstal.`);
    }
  });

  it("T0313: an empty group label", () => {
    const d = only(load([TIDLIG_HEADER, "101,2022-01,,1,0,0"]));
    expect(d.code).toBe("T0313");
    expect(at(d)).toEqual([2, 13]);
    expect(d.message).toBe("Gruppenavnet i kolonnen `ydelsesgruppe` er tomt.");
  });

  it("T0314: a non-numeric count", () => {
    const d = only(load([TIDLIG_HEADER, "101,2022-01,A,mange,0,0"]));
    expect(d.code).toBe("T0314");
    expect(at(d)).toEqual([2, 15]);
    expect(d.message).toBe("`mange` i kolonnen `borgere` er ikke et tal.");
  });

  it("T0315: a negative count", () => {
    const d = only(load([TIDLIG_HEADER, "101,2022-01,A,10,-2,0"]));
    expect(d.code).toBe("T0315");
    expect(at(d)).toEqual([2, 18]);
    expect(d.message).toBe("Antallet i kolonnen `uden_samtaler` er negativt (-2).");
  });

  it("T0316: a non-integer count", () => {
    const d = only(load([TIDLIG_HEADER, "101,2022-01,A,10,0,1.5"]));
    expect(d.code).toBe("T0316");
    expect(at(d)).toEqual([2, 20]);
    expect(d.message).toBe("Antallet i kolonnen `uden_tilbud` er ikke et helt tal (1.5).");
  });

  it("T0327: a count above 2^53 - 1 cannot be read without rounding, so it is refused; 2^53 - 1 itself is read exactly", () => {
    const d = only(load([TIDLIG_HEADER, "101,2022-01,A,9007199254740993,0,"]));
    expect(d.code).toBe("T0327");
    expect(at(d)).toEqual([2, 15]);
    expect(d.message).toBe("Antallet i kolonnen `borgere` er for stort til at regne eksakt med (9007199254740993).");
    const ok = load([TIDLIG_HEADER, "101,2022-01,A,9007199254740991,0,"]);
    expect(ok.diagnostics).toEqual([]);
    expect(ok.table!.counts["borgere"]![0]).toBe(9007199254740991);
  });

  it("T0317: a count above the count it is part of", () => {
    const d = only(load([TIDLIG_HEADER, "101,2022-01,A,10,11,"]));
    expect(d.code).toBe("T0317");
    expect(at(d)).toEqual([2, 18]);
    expect(d.message).toBe("`uden_samtaler` (11) er større end `borgere` (10) i samme linje.");
    // Blank is "not measured", so it cannot be compared.
    expect(load([TIDLIG_HEADER, "101,2022-01,A,,11,"]).diagnostics).toEqual([]);
    expect(load([TIDLIG_HEADER, "101,2022-01,A,10,10,10"]).diagnostics).toEqual([]);
  });

  it("T0318: a non-numeric decimal", () => {
    const d = only(load(["kommune,aar,faktisk,forventet", "101,2022,7.7%,8"], YDELSESGRAD));
    expect(d.code).toBe("T0318");
    expect(at(d)).toEqual([2, 10]);
    expect(d.message).toBe("`7.7%` i kolonnen `faktisk` er ikke et tal.");
    expect(d.hint).toContain("uden %-tegn");
  });

  it("T0319: an andel outside 0–1", () => {
    const d = only(load(["kommune,maaned,andel,note", "101,2022-01,1.2,"], ANDELE));
    expect(d.code).toBe("T0319");
    expect(at(d)).toEqual([2, 13]);
    expect(d.message).toBe("Andelen i kolonnen `andel` er 1.2, men en andel skal ligge mellem 0 og 1.");
    expect(only(load(["kommune,maaned,andel,note", "101,2022-01,-0.1,"], ANDELE)).code).toBe("T0319");
  });

  it("T0320: a procent outside 0–100", () => {
    const d = only(load(["kommune,aar,faktisk,forventet", "101,2022,8,100.5"], YDELSESGRAD));
    expect(d.code).toBe("T0320");
    expect(at(d)).toEqual([2, 12]);
    expect(d.message).toBe("Procenten i kolonnen `forventet` er 100.5, men den skal ligge mellem 0 og 100.");
  });

  it("T0321: a duplicate row names the earlier line", () => {
    const result = load([TIDLIG_HEADER, "101,2022-01,A,1,0,0", "101,2022-01,B,1,0,0", "101,2022-01,A,2,0,0"]);
    const d = only(result);
    expect(d.code).toBe("T0321");
    expect(at(d)).toEqual([4, 13]);
    expect(d.message).toBe("Rækken med `kommune` 101, `maaned` 2022-01 og `ydelsesgruppe` A står også i linje 2.");
    expect(d.related?.[0]?.span.start.line).toBe(2);
    // Without a group column the key is kommune + period.
    const y = only(load(["kommune,aar,faktisk,forventet", "101,2022,1,2", "101,2022,1,2"], YDELSESGRAD));
    expect(y.code).toBe("T0321");
    expect(y.message).toBe("Rækken med `kommune` 101 og `aar` 2022 står også i linje 2.");
  });

  it("T0322: stops after 25 diagnostics and says how many more lines had errors", () => {
    const lines = [TIDLIG_HEADER];
    for (let i = 0; i < 40; i++) lines.push(`999,2022-01,A${i},1,0,0`);
    const result = load(lines);
    expect(result.table).toBeUndefined();
    expect(result.diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(MAX_DIAGNOSTICS).toBe(25);
    const last = result.diagnostics.at(-1)!;
    expect(last.code).toBe("T0322");
    expect(last.message).toBe("15 fejl mere i 15 linjer er ikke vist.");
    expect(last.span.start.line).toBe(27);
  });

  it("collects several problems in one pass, in line and column order", () => {
    const result = load([TIDLIG_HEADER, "999,2022-13,A,x,0,0", "101,2022-01,B,1,0,0"]);
    expect(result.table).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, ...at(d)])).toEqual([
      ["T0310", 2, 1],
      ["T0311", 2, 5],
      ["T0314", 2, 15],
    ]);
  });

  it("points at the right column after a quoted cell and past a BOM", () => {
    const d = only(loadTable(`\uFEFF${TIDLIG_HEADER}\r\n101,2022-01,"A, b",x,0,0\r\n`, "t.csv", TIDLIG, KOMMUNER));
    expect(d.code).toBe("T0314");
    expect(at(d)).toEqual([2, 20]);
    const header = loadTable("\uFEFFkommne,aar,faktisk,forventet\r\n", "y.csv", YDELSESGRAD, KOMMUNER);
    expect(header.diagnostics.map((x) => x.code)).toEqual(["T0302", "T0332"]);
    const h = header.diagnostics[0]!;
    expect(h.code).toBe("T0302");
    expect(at(h)).toEqual([1, 1]);
    expect(h.span.start.offset).toBe(1); // offsets are into the text as given, BOM included
    expect(h.hint).toBe("mente du `kommune`?");
  });

  it("counts lines correctly after a quoted cell that spans lines", () => {
    const ok = load(["kommune,maaned,andel,note", '101,2021-01,0.5,"to\nlinjer"', "101,2021-02,0.5,x"], ANDELE);
    expect(ok.diagnostics).toEqual([]);
    expect(Array.from(ok.table!.line)).toEqual([2, 4]);
    expect(ok.table!.texts.note).toEqual(["to\nlinjer", "x"]);
    const bad = only(load(["kommune,maaned,andel,note", '101,2021-01,0.5,"to\nlinjer"', "101,2021-02,2,x"], ANDELE));
    expect(bad.code).toBe("T0319");
    expect(at(bad)).toEqual([4, 13]);
  });

  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("101", "2022-01", "A", "", ",", '"', "\n", "\r\n", "-1", "7,7", "x", " ", "\uFEFF"), { maxLength: 40 }),
        (parts) => {
          const text = `${TIDLIG_HEADER}\n${parts.join("")}`;
          const result = loadTable(text, "f.csv", TIDLIG, KOMMUNER);
          expect(result.table !== undefined || result.diagnostics.length > 0).toBe(true);
          if (result.table) expect(result.diagnostics.filter((d) => d.severity === "fejl")).toEqual([]);
          for (const d of result.diagnostics) expect(d.span.start.line).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(() => loadTable(text, "f.csv", YDELSESGRAD, KOMMUNER)).not.toThrow();
      }),
    );
  });
});
