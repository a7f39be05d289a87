// `eksempel` blocks as part of the language: parsed into the AST, checked against the policy with
// Danish diagnostics and suggestions, their tables checked like CSV files (same T03xx codes,
// pointed at the cells), and run.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../grammar/index.js";
import { checkPolicy } from "../../compiler/index.js";
import { KOMMUNER } from "../../compiler/kommunekoder.js";
import { policySuite, runSuite } from "../../compiler/runner.js";
import { parseKommuner } from "../../load/kommuner.js";

const root = join(import.meta.dirname, "..", "..");

const POLICY = `politik p "t"

data jobsoegning pr kommune, måned
  jobparate: antal
  roed: antal af jobparate
  offentliggøres 3 måneder efter måneden

opgørelse månedlig
  følges op ved offentliggørelse

kriterie straks "x"
  når roed / jobparate mindst 50 %

reaktion
  henvendelse "h"
  trappe telefon, brev
`;

const diagnostics = (examples: string) =>
  checkPolicy(`${POLICY}\n${examples}`, "p.tilsyn").diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message}${d.hint ? ` | ${d.hint}` : ""}`);

const line = (n: number) => POLICY.split("\n").length + n; // line n (1-based) of the examples text

describe("parsing", () => {
  it("a table is a header line and one row per line; ranges, blanks and texts are cells", () => {
    const { ast, diagnostics } = parse(
      `eksempel "e" kilde "k"\n  data d\n    kommune | maaned | g | a\n    101 | 2021-01..2021-03 | "x y" |\n    | 2021-04 | z | 7,5\n  forventer 2 henvendelser til 101 for 2021-03 i gruppen z efter k med brev den 2021-06-01\n`,
      "e.tilsyn",
    );
    expect(diagnostics).toEqual([]);
    const [example] = ast.examples!;
    expect(ast.declarations).toEqual([]);
    expect(example!.source!.value).toBe("k");
    const [table] = example!.tables;
    expect(table!.columns.map((c) => c.text)).toEqual(["kommune", "maaned", "g", "a"]);
    expect(table!.rows.map((r) => r.cells.map((c) => c.value))).toEqual([
      ["101", "2021-01..2021-03", '"x y"', ""],
      ["", "2021-04", "z", "7,5"],
    ]);
    expect(table!.rows[0]!.cells[1]!.range).toEqual({ from: "2021-01", to: "2021-03" });
    expect(table!.rows[0]!.cells[2]!.text).toBe("x y");
    const [e] = example!.expectations;
    expect(e).toMatchObject({
      subject: "henvendelse",
      noun: "henvendelser",
      count: { value: 2 },
      kommune: { code: "101", word: "til" },
      period: { label: "2021-03", word: "for" },
      group: { text: "z" },
      rule: { text: "k" },
      step: { text: "brev" },
      date: { year: 2021, month: 6, day: 1 },
    });
  });

  it("`forventer tilstand S for 230 i 2024` and `frist F for 230 den …`: a 3-digit number after `for` is a kommune", () => {
    const { ast } = parse(`eksempel "e"\n  forventer tilstand s for 230 i 2024\n  forventer frist f for 230 den 2025-12-31\n  forventer ingen henvendelse\n  forventer gennemgang af 101 i 2023-H2\n`, "e.tilsyn");
    const [a, b, c, d] = ast.examples![0]!.expectations;
    expect(a).toMatchObject({ subject: "tilstand", name: { text: "s" }, kommune: { code: "230" }, period: { label: "2024" } });
    expect(b).toMatchObject({ subject: "frist", name: { text: "f" }, kommune: { code: "230" }, date: { year: 2025 } });
    expect(c).toMatchObject({ subject: "henvendelse", count: { value: 0, written: "ingen" } });
    expect(c!.name).toBeUndefined();
    expect(d).toMatchObject({ subject: "gennemgang", kommune: { code: "101", word: "af" }, period: { label: "2023-H2" } });
  });

  it("an example ends at the next declaration, also at a `data … pr kommune` declaration", () => {
    const { ast, diagnostics } = parse(`eksempel "e"\n  forventer ingen henvendelse\ndata d pr kommune, måned\n  a: antal\n`, "e.tilsyn");
    expect(diagnostics).toEqual([]);
    expect(ast.declarations.map((d) => d.kind)).toEqual(["DataDecl"]);
  });

  it("a cell is the text between the pipes, so group labels need no quotes", () => {
    const { ast, diagnostics } = parse(
      `eksempel "e"\n  data d\n    kommune | maaned  | ydelsesgruppe\n    101     | 2021-01 | A-dagpenge\n    101     | 2021-01 | Kontanthjælp (jobparat)\n    101 2   | 2021-01 | "med | lodret streg"\n  forventer ingen henvendelse\n`,
      "e.tilsyn",
    );
    expect(diagnostics).toEqual([]);
    const table = ast.examples![0]!.tables[0]!;
    expect(table.rows.map((r) => r.cells.map((c) => c.text ?? c.value))).toEqual([
      ["101", "2021-01", "A-dagpenge"],
      ["101", "2021-01", "Kontanthjælp (jobparat)"],
      ["101 2", "2021-01", "med | lodret streg"],
    ]);
  });

  it("syntax errors: a bad period (T0115), a bad kommune (T0116), a repeated part (T0109)", () => {
    const codes = (text: string) => parse(text, "e.tilsyn").diagnostics.map((d) => d.code);
    expect(codes(`eksempel "e"\n  forventer henvendelse i 2023-H3\n`)).toEqual(["T0115"]);
    expect(codes(`eksempel "e"\n  forventer henvendelse til 1010\n`)).toEqual(["T0116"]);
    expect(codes(`eksempel "e"\n  forventer henvendelse efter a efter b\n`)).toEqual(["T0109"]);
  });
});

describe("checking examples against the policy", () => {
  it("unknown data, columns, rules, steps and kommuner are errors with suggestions", () => {
    const list = diagnostics(`eksempel "fejl"
  kilde "k"
  data jobsøgning
    kommune | maaned  | jobparate
    101     | 2021-01 | 100
  data jobsoegning
    kommune | maaned  | jobprate | roed
    101     | 2021-01 | 100      | 50
  forventer henvendelse til 102 for 2021 efter strax med telfon
  forventer tilstand normal
`);
    expect(list).toEqual([
      `${line(3)}:8 T0234 Eksemplet giver data \`jobsøgning\`, men politikken læser ingen data med det navn. | Mente du \`jobsoegning\`?`,
      `${line(7)}:25 T0303 Kolonnen \`jobprate\` hører ikke til data \`jobsoegning\`. | mente du \`jobparate\`?`,
      `${line(9)}:29 T0241 \`102\` er ikke en af de 98 kommunekoder. | Brug kommunens officielle kode med tre cifre, fx 101 for København; listen står i data/kommuner.csv.`,
      `${line(9)}:37 T0242 Perioden \`2021\` passer ikke til opgørelsen, som er månedlig. | Skriv perioden som hændelserne angiver den, fx \`2021-03\`.`,
      `${line(9)}:48 T0237 Kriteriet \`strax\` findes ikke i politikken. | Mente du \`straks\`?`,
      `${line(9)}:58 T0237 Trinnet \`telfon\` findes ikke i politikken. | Mente du \`telefon\`?`,
      `${line(10)}:3 T0244 Politikken har intet \`forløb\`, så der er ingen tilstand at forvente. | Ret forventningen, så den passer til politikken.`,
    ]);
  });

  it("table data is checked like a CSV file, pointing at the cell: kommune, subset, duplicate row (with the table's line), cell count", () => {
    const list = diagnostics(`eksempel "data"
  kilde "k"
  data jobsoegning
    kommune | maaned           | jobparate | roed
    999     | 2021-01          | 100       | 50
    101     | 2021-02          | 10        | 50
    101     | 2021-01..2021-03 | 100       | 5
    101     | 2021-04          | 100
    101     | 2021-05          | 1,5       | 1
  forventer ingen henvendelse
`);
    expect(list.map((d) => d.split(" | ")[0])).toEqual([
      `${line(5)}:5 T0310 \`999\` i kolonnen \`kommune\` er ikke en af de 98 kommunekoder.`,
      `${line(6)}:46 T0317 \`roed\` (50) er større end \`jobparate\` (10) i samme linje.`,
      `${line(7)}:15 T0321 Rækken med \`kommune\` 101 og \`maaned\` 2021-02 står også i linje ${line(6)}.`,
      `${line(8)}:34 T0306 Linjen har 3 celler, men overskriften har 4 kolonner; cellen til kolonnen \`roed\` mangler.`,
      `${line(9)}:34 T0316 Antallet i kolonnen \`jobparate\` er ikke et helt tal (1,5).`,
    ]);
  });

  it("columns may be left out (not measured); key columns may not; ranges only in the period column", () => {
    expect(diagnostics(`eksempel "e"\n  kilde "k"\n  data jobsoegning\n    kommune | maaned\n    101 | 2021-01\n  forventer ingen henvendelse\n`)).toEqual([]);
    expect(diagnostics(`eksempel "e"\n  kilde "k"\n  data jobsoegning\n    kommune | jobparate\n    101 | 100\n  forventer ingen henvendelse\n`)[0]).toContain("T0302 Kolonnen `maaned` mangler i overskriften.");
    expect(diagnostics(`eksempel "e"\n  kilde "k"\n  data jobsoegning\n    kommune | maaned | jobparate\n    101 | 2021-01 | 2020..2021\n  forventer ingen henvendelse\n`)[0]).toContain(
      "T0236 Perioden `2020..2021` kan ikke bruges: en periode kan kun stå i kolonnen `maaned`.",
    );
  });

  it("an example must expect something (T0245)", () => {
    expect(diagnostics(`eksempel "tomt"\n  kilde "k"\n`)[0]).toContain("T0245 Eksemplet «tomt» forventer ingenting.");
  });

  it("`tillad` needs a reason (T0232) and can only silence a T05xx warning (T0233)", () => {
    const codes = (clause: string) =>
      checkPolicy(POLICY.replace("  trappe telefon, brev\n", `  trappe telefon, brev\nmål m = roed\n  ${clause}\n`), "p.tilsyn").diagnostics.map((d) => d.code);
    expect(codes("tillad T0505")).toEqual(["T0232"]);
    expect(codes('tillad T0505 ""')).toEqual(["T0232"]);
    expect(codes('tillad T0201 "fordi"')).toEqual(["T0233"]);
    expect(codes('tillad T0505 "vises i rapporten"')).toEqual([]);
  });
});

describe("running examples", () => {
  const run = (examples: string) => runSuite(policySuite(`${POLICY}\n${examples}`, "p.tilsyn"));

  it("a failing expectation says what happened instead, and shows the events", () => {
    const [result] = run(`eksempel "49 pct."
  kilde "k"
  data jobsoegning
    kommune | maaned  | jobparate | roed
    101     | 2021-01 | 100       | 49
    147     | 2021-01 | 100       | 60
  forventer henvendelse til 101 for 2021-01
  forventer 1 henvendelse
  forventer henvendelse til 147 med brev
`);
    expect(result!.ok).toBe(false);
    expect(result!.expectations.map((e) => [e.ok, e.actual])).toEqual([
      [false, "der kom ingen henvendelser til 101 (København)."],
      [true, undefined],
      [false, "ingen henvendelse passer; der kom 1 henvendelse til 147 (Frederiksberg), men med andre detaljer."],
    ]);
    expect(result!.events.map((e) => [e.kommune, e.rule, e.handling])).toEqual([["147", "straks", "telefon"]]);
  });
});

describe("the kommune list used by examples", () => {
  it("is data/kommuner.csv", () => {
    const csv = parseKommuner(readFileSync(join(root, "data", "kommuner.csv"), "utf8"), "kommuner.csv").kommuner;
    expect(KOMMUNER.map(([kode, navn]) => `${kode} ${navn}`)).toEqual(csv.map((k) => `${k.kode} ${k.navn}`));
  });
});
