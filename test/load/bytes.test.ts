// Data files as bytes, pushed in chunks: encodings, separators, decimal commas, and the errors
// for bytes that are no text (issue #9).
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../diagnostics/index.js";
import { CsvTableReader, loadTable, type LoadResult } from "../../load/csv.js";
import { parseKommuner } from "../../load/kommuner.js";
import type { DataSchema } from "../../runtime/table.js";

const KOMMUNER = new Set(
  parseKommuner(readFileSync(new URL("../../data/kommuner.csv", import.meta.url), "utf8"), "data/kommuner.csv").kommuner.map((k) => k.kode),
);

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
const YDELSESGRAD: DataSchema = {
  name: "ydelsesgrad",
  grain: "år",
  fields: [
    { name: "faktisk", type: "procent" },
    { name: "forventet", type: "procent" },
  ],
};
const ANDELE: DataSchema = { name: "andele", grain: "måned", fields: [{ name: "andel", type: "andel" }, { name: "note", type: "tekst" }] };

const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const bytes = (...parts: (string | number[])[]) => {
  const chunks = parts.map((p) => (typeof p === "string" ? utf8(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

/** Load bytes pushed in the given chunk sizes (cycled), as the CLI streams a file. */
function loadChunked(data: Uint8Array, schema: DataSchema, sizes: number[]): LoadResult {
  const reader = new CsvTableReader("f.csv", schema, KOMMUNER, data.length);
  for (let at = 0, i = 0; at < data.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length]!);
    reader.push(data.subarray(at, at + n));
    at += n;
  }
  return reader.finish();
}

const only = (result: LoadResult): Diagnostic => {
  expect(result.table).toBeUndefined();
  expect(result.diagnostics).toHaveLength(1);
  return result.diagnostics[0]!;
};
const at = (d: Diagnostic) => [d.span.start.line, d.span.start.column];

const TIDLIG_TEXT = [
  "kommune,maaned,ydelsesgruppe,borgere,uden_samtaler,uden_tilbud",
  "101,2022-01,Kontanthjælp,120,14,",
  '101,2022-01,"Uddannelseshjælp, aktivitetsparate",300,22,5',
  "860,2022-02,Kontanthjælp,,3,0",
  "",
].join("\n");

describe("encodings", () => {
  const reference = loadTable(TIDLIG_TEXT, "f.csv", TIDLIG, KOMMUNER);

  it("reads UTF-8 with and without a BOM, and Windows-1252, into the same table", () => {
    expect(reference.diagnostics).toEqual([]);
    expect(reference.table!.group).toEqual(["Kontanthjælp", "Uddannelseshjælp, aktivitetsparate", "Kontanthjælp"]);
    const plain = loadTable(utf8(TIDLIG_TEXT), "f.csv", TIDLIG, KOMMUNER);
    const bom = loadTable(bytes([0xef, 0xbb, 0xbf], TIDLIG_TEXT), "f.csv", TIDLIG, KOMMUNER);
    const cp1252 = loadTable(latin1(TIDLIG_TEXT), "f.csv", TIDLIG, KOMMUNER);
    for (const r of [plain, bom, cp1252]) {
      expect(r.diagnostics).toEqual([]);
      expect(r.table).toEqual(reference.table);
    }
    expect(plain.format).toEqual({ separator: ",", encoding: "utf-8", bom: false });
    expect(bom.format).toEqual({ separator: ",", encoding: "utf-8", bom: true });
    expect(cp1252.format).toEqual({ separator: ",", encoding: "windows-1252", bom: false });
  });

  it("reads the Windows-1252 letters æøåÆØÅ and the euro sign (0x80) as themselves, never as U+FFFD", () => {
    const text = "kommune,maaned,andel,note\n101,2021-01,0.5,æøå ÆØÅ \x80\n";
    const r = loadTable(Uint8Array.from(text, (c) => (c === "\x80" ? 0x80 : c.charCodeAt(0))), "f.csv", ANDELE, KOMMUNER);
    expect(r.diagnostics).toEqual([]);
    expect(r.table!.texts.note).toEqual(["æøå ÆØÅ €"]);
  });

  it("says how the file was read when a message shows a line with letters read as Windows-1252, and only then", () => {
    const text = "kommune,maaned,andel,note\n101,2021-01,0.5,blå\n101,2021-02,2,grød\n101,2021-03,3,x\n";
    const cp1252 = loadTable(latin1(text), "a.csv", ANDELE, KOMMUNER);
    expect(cp1252.diagnostics.map((d) => d.code)).toEqual(["T0319", "T0319"]);
    const [first, second] = cp1252.diagnostics;
    expect(first!.related?.[0]?.message).toBe("filen er læst som Windows-1252 (dansk Excels »CSV«); ser æ, ø eller å forkerte ud, så gem filen som UTF-8");
    expect(second!.related).toBeUndefined(); // once, and line 4 has no such letters anyway
    expect(loadTable(utf8(text), "a.csv", ANDELE, KOMMUNER).diagnostics.every((d) => d.related === undefined)).toBe(true);
    const ascii = loadTable(latin1("kommune,maaned,andel,note\n101,2021-01,0.5,blå\n101,2021-03,3,x\n"), "a.csv", ANDELE, KOMMUNER);
    expect(ascii.diagnostics[0]!.related).toBeUndefined();
  });

  it("T0330: a byte Windows-1252 leaves undefined, with the line and column where it stands", () => {
    const d = only(loadTable(bytes("kommune,aar,faktisk,forventet\r\n101,2022,7", [0x81], ",8\r\n"), "y.csv", YDELSESGRAD, KOMMUNER));
    expect(d.code).toBe("T0330");
    expect(d.file).toBe("y.csv");
    expect(at(d)).toEqual([2, 11]);
    expect(d.message).toBe("Filen kan ikke læses som tekst her: byten 0x81 er hverken gyldig UTF-8 eller et læsbart tegn i Windows-1252.");
    expect(d.hint).toContain("Gem filen som UTF-8");
  });

  it("T0330: a UTF-16 file (NUL bytes) is refused at its first NUL", () => {
    const text = "kommune,aar,faktisk,forventet\n";
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    const d = only(loadTable(utf16, "y.csv", YDELSESGRAD, KOMMUNER));
    expect(d.code).toBe("T0330");
    expect(d.message).toContain("byten 0x00");
    expect(at(d)).toEqual([1, 4]); // after ÿþk: the BOM read as Windows-1252, then the letter, then NUL
    expect(d.hint).toContain("UTF-16");
  });

  it("T0331: a file that is UTF-8 first and then not is refused where it changes", () => {
    const d = only(loadTable(bytes("kommune,maaned,andel,note\n101,2021-01,0.5,blå\n101,2021-02,0.5,bl", [0xe5], "\n"), "a.csv", ANDELE, KOMMUNER));
    expect(d.code).toBe("T0331");
    expect(at(d)).toEqual([3, 19]);
    expect(d.message).toBe("Filen blander tegnsæt: byten 0xE5 er ikke gyldig UTF-8, men tidligere i filen står tegn i UTF-8.");
  });

  it("T0330 in a UTF-8 file: a control character", () => {
    const d = only(loadTable(utf8("kommune,maaned,andel,note\n101,2021-01,0.5,a\u0007b\n"), "a.csv", ANDELE, KOMMUNER));
    expect(d.code).toBe("T0330");
    expect(d.message).toContain("0x07");
    expect(at(d)).toEqual([2, 18]);
  });

  it("gives the same table and diagnostics however the bytes are cut into chunks (UTF-8 letters and quoted line breaks split too)", () => {
    const text = [
      "kommune;maaned;andel;note",
      '101;2021-01;0,5;"to\nlinjer; med ""citat"""',
      "101;2021-02;0,25;blåbærgrød",
      "147;2021-02;2;x",
      "999;2021-03;0,1;æ",
      "",
    ].join("\r\n");
    for (const data of [utf8(text), latin1(text), bytes([0xef, 0xbb, 0xbf], text)]) {
      const whole = loadTable(data, "f.csv", ANDELE, KOMMUNER);
      expect(whole.diagnostics.map((d) => [d.code, ...at(d)])).toEqual([
        ["T0319", 5, 13],
        ["T0310", 6, 1],
      ]);
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), (sizes) => {
          const chunked = loadChunked(data, ANDELE, sizes);
          expect(chunked.diagnostics).toEqual(whole.diagnostics);
          expect(chunked.table).toEqual(whole.table);
        }),
        { numRuns: 60 },
      );
    }
  });
});

describe("separators and decimal commas", () => {
  it("reads a semicolon file with decimal commas, as Danish Excel saves it", () => {
    const r = loadTable("kommune;aar;faktisk;forventet\r\n101;2022;7,7;8\r\n860;2022;12,5;100\r\n", "y.csv", YDELSESGRAD, KOMMUNER);
    expect(r.diagnostics).toEqual([]);
    expect(r.format?.separator).toBe(";");
    expect(r.table!.decimals.faktisk).toEqual([{ n: 77n, d: 1000n }, { n: 1n, d: 8n }]);
  });

  it("reads a tab-separated file", () => {
    const r = loadTable("kommune\taar\tfaktisk\tforventet\n101\t2022\t7,7\t8\n", "y.csv", YDELSESGRAD, KOMMUNER);
    expect(r.diagnostics).toEqual([]);
    expect(r.format?.separator).toBe("\t");
    expect(r.table!.decimals.forventet).toEqual([{ n: 2n, d: 25n }]);
  });

  it("points at the right cell of a semicolon file, after a quoted cell", () => {
    const d = only(loadTable('kommune;maaned;andel;note\n101;2021-01;"0,5";"a;b"\n101;2021-02;1,5;x\n', "a.csv", ANDELE, KOMMUNER));
    expect(d.code).toBe("T0319");
    expect(at(d)).toEqual([3, 13]);
    expect(d.message).toContain("1,5");
  });

  it("in a comma file an unquoted decimal comma splits the cell (T0307), as it must", () => {
    const d = only(loadTable("kommune,aar,faktisk,forventet\n101,2022,7,7,8\n", "y.csv", YDELSESGRAD, KOMMUNER));
    expect(d.code).toBe("T0307");
    expect(d.hint).toContain("komma");
  });

  it("T0328: a count with a thousands separator is refused with how to write it", () => {
    for (const [value, plain] of [["1.234", "1234"], ["12.345.678", "12345678"], ["1,000", "1000"]] as const) {
      const d = only(loadTable(`kommune;maaned;ydelsesgruppe;borgere;uden_samtaler;uden_tilbud\n101;2022-01;A;${value};0;0\n`, "t.csv", TIDLIG, KOMMUNER));
      expect(d.code).toBe("T0328");
      expect(at(d)).toEqual([2, 15]);
      expect(d.message).toBe(`\`${value}\` i kolonnen \`borgere\` ligner et antal med tusindtalsseparator.`);
      expect(d.hint).toContain(`fx ${plain}`);
    }
    // A decimal comma in a count is not a whole number (T0316); 12,0 is twelve.
    expect(only(loadTable("kommune;maaned;ydelsesgruppe;borgere;uden_samtaler;uden_tilbud\n101;2022-01;A;12,5;0;0\n", "t.csv", TIDLIG, KOMMUNER)).code).toBe("T0316");
    expect(loadTable("kommune;maaned;ydelsesgruppe;borgere;uden_samtaler;uden_tilbud\n101;2022-01;A;12,0;0;0\n", "t.csv", TIDLIG, KOMMUNER).table!.counts.borgere![0]).toBe(12);
  });

  it("a quote left open for over a megabyte ends its row at the line's end (T0308) instead of swallowing the file", () => {
    const lines = ["kommune,maaned,andel,note", '101,2021-01,0.5,"open'];
    for (let i = 0; i < 40_000; i++) lines.push(`101,${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")},0.5,x`);
    const data = utf8(lines.join("\n"));
    const r = loadChunked(data, ANDELE, [65536]);
    expect(r.diagnostics[0]!.code).toBe("T0308");
    expect(at(r.diagnostics[0]!)).toEqual([2, 17]);
  });

  it("duplicate keys far apart are found, and the note points at the first row's line", () => {
    const lines = ["kommune,maaned,ydelsesgruppe,borgere,uden_samtaler,uden_tilbud"];
    const codes = [...KOMMUNER];
    for (let i = 0; i < 20_000; i++) lines.push(`${codes[i % 98]},${2000 + Math.floor(i / 98 / 12)}-${String((Math.floor(i / 98) % 12) + 1).padStart(2, "0")},A,1,0,0`);
    lines.push(lines[5000]!);
    const d = only(loadTable(lines.join("\n"), "t.csv", TIDLIG, KOMMUNER));
    expect(d.code).toBe("T0321");
    expect(d.message).toContain("står også i linje 5001");
    expect(d.related?.[0]?.span.start).toMatchObject({ line: 5001, column: 1 });
  });
});
