// Syntax errors: recovery reports several errors per file, each with a position, a Danish
// message and a hint; literal values are validated; the rendered output is snapshotted.
import { describe, expect, it } from "vitest";
import { renderDiagnostic } from "../../diagnostics/index.js";
import { parse } from "../../grammar/index.js";

const codes = (source: string) =>
  parse(source, "fejl.tilsyn").diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`);

const only = (source: string) => {
  const { diagnostics } = parse(source, "fejl.tilsyn");
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0]!;
};

const BROKEN = `politik p "Flere fejl"

data d pr kommune, måned
  a: antal "borgere
  b: antal af a

mål m = (a + b

mål n "uden lighedstegn" a / b

kriterie k "stavefejl"
  nar m over 20 %

kriterie k2
  når m over
  kilde "k"

forløb start s
  tilstand s
    frist f 3 måneder efter offentliggørelse
  overgang o fra s til s
    husk x = 1

undtagelse u ingen henvendelser fra 2024-02-30 til 2024-13-01
reaktion højst 2,5 henvendelser pr. år € 
`;

describe("error recovery", () => {
  it("reports every error of a file with several, in source order", () => {
    expect(codes(BROKEN)).toEqual([
      "T0102 4:12",
      "T0103 7:15",
      "T0103 9:26",
      "T0104 12:3",
      "T0103 15:13",
      "T0103 20:13",
      "T0110 21:12",
      "T0105 24:37",
      "T0105 24:52",
      "T0107 25:16",
      "T0101 25:40",
    ]);
  });

  it("every syntax diagnostic is an error with a Danish message, a hint and a real position", () => {
    const { diagnostics } = parse(BROKEN, "fejl.tilsyn");
    for (const d of diagnostics) {
      expect(d.severity).toBe("fejl");
      expect(d.file).toBe("fejl.tilsyn");
      expect(d.message).toMatch(/[.]$/);
      expect(d.message).not.toMatch(/Expecting|but found|Redundant/);
      expect(d.hint).toBeTruthy();
      expect(d.span.start.line).toBeGreaterThan(0);
      expect(d.span.start.column).toBeGreaterThan(0);
      expect(d.span.end.offset).toBeGreaterThanOrEqual(d.span.start.offset);
    }
  });

  it("the rest of the file is still parsed into a partial AST", () => {
    const { ast } = parse(BROKEN, "fejl.tilsyn");
    expect(ast.policy!.name.text).toBe("p");
    const kinds = ast.declarations.map((d) => d.kind);
    expect(kinds).toEqual([
      "DataDecl",
      "MeasureDecl",
      "MeasureDecl",
      "CriterionDecl",
      "CriterionDecl",
      "MachineDecl",
      "SuspensionDecl",
      "ReactionDecl",
    ]);
  });

  it("speaks of what was expected, in Danish", () => {
    expect(only("mål m = (a + b").message).toBe("Forventede `)`, men fandt slutningen af filen.");
    expect(only("opgørelse ugentlig").message).toBe(
      "Forventede `månedlig`, `halvårlig` eller `årlig`, men fandt `ugentlig`.",
    );
    expect(only('mål m "t" a').message).toBe("Forventede `=`, men fandt `a`.");
    expect(only("kriterie k når a over").message).toBe(
      "Forventede `-`, et tal, et navn, `(`, `sum` eller `middel`, men fandt slutningen af filen.",
    );
    expect(only("forløb start s overgang o fra s til s husk x").message).toBe(
      "Forventede `=`, men fandt slutningen af filen.",
    );
    expect(only("data d pr kommune måned").message).toBe("Forventede `,`, men fandt `måned`.");
    expect(only('henvendelse "x"').message).toMatch(/^Forventede en ny erklæring \(`data`, .*\), men fandt `henvendelse`\.$/);
  });

  it("suggests the keyword that was probably meant", () => {
    const d = parse("kriterie k nar a over 1", "x").diagnostics[0]!;
    expect(d.code).toBe("T0104");
    expect(d.hint).toMatch(/^Mente du `når`\?/);
    expect(parse("opgørelse manedlig", "x").diagnostics[0]!.hint).toMatch(/^Mente du `månedlig`\?/);
  });

  it("an error at the end of the file points just after the last token", () => {
    const d = only("mål m = a +\n");
    expect(d.span.start).toEqual({ offset: 11, line: 1, column: 12 });
  });

  it("a transition needs exactly one of når and ellers", () => {
    expect(only("forløb start s overgang o fra s til s").message).toBe("Overgangen `o` mangler `når` eller `ellers`.");
    expect(only("forløb start s overgang o fra s til s når a ellers").code).toBe("T0111");
  });

  it("a clause that may appear once is diagnosed when repeated", () => {
    const d = only('kriterie k når a når b kilde "x"');
    expect(d.code).toBe("T0109");
    expect(d.message).toBe("`når` er angivet mere end én gang i kriteriet `k`.");
    expect(codes('politik p kilde "a" kilde "b" gælder fra 2020-01-01 gælder til 2021-01-01')).toEqual([
      "T0109 1:21",
      "T0109 1:53",
    ]);
  });
});

describe("literal validation", () => {
  it("impossible dates", () => {
    expect(only("undtagelse u ingen henvendelser fra 2024-02-30 til 2024-03-01").message).toBe(
      "Datoen `2024-02-30` findes ikke: februar 2024 har kun 29 dage.",
    );
    expect(only("politik p gælder fra 2023-02-29").message).toBe(
      "Datoen `2023-02-29` findes ikke: februar 2023 har kun 28 dage.",
    );
    expect(codes("politik p gælder fra 2024-02-29 til 2024-00-10")).toEqual(["T0105 1:37"]);
    expect(codes("politik p gælder fra 2024-01-00")).toEqual(["T0105 1:22"]);
    expect(codes("opgørelse årlig offentliggøres 31. april året efter")).toEqual(["T0105 1:17"]);
  });

  it("impossible months", () => {
    expect(only("kriterie k gælder for data fra 2022-13").message).toBe(
      "Måneden `2022-13` findes ikke: måneden skal være fra 01 til 12.",
    );
    expect(codes("kriterie k gælder for data fra 2022-00 til 2022-12")).toEqual(["T0106 1:32"]);
  });

  it("decimals where a whole number is required", () => {
    expect(only("kriterie k når a i 2,5 sammenhængende måneder").message).toBe(
      "Her skal stå et helt tal, men fandt `2,5`.",
    );
    expect(codes("reaktion højst 1.5 henvendelser pr år")).toEqual(["T0107 1:16"]);
  });

  it("strings: escapes and unterminated strings", () => {
    expect(parse('mål m "a \\"b\\" \\\\ c" = 1', "x").ast.declarations[0]).toMatchObject({
      title: { value: 'a "b" \\ c' },
    });
    const bad = only('mål m "a \\n" = 1');
    expect([bad.code, bad.message, bad.span.start.column, bad.span.end.column]).toEqual([
      "T0108",
      "Ukendt escape-sekvens `\\n` i en tekst.",
      10,
      12,
    ]);
    const open = only('politik p "uden slut\nmål m = 1');
    expect([open.code, open.message]).toEqual(["T0102", "Teksten er ikke afsluttet med `\"`."]);
    // The unterminated string still counts as the title: the next line parses normally.
    expect(parse('politik p "uden slut\nmål m = 1', "x").ast.declarations).toHaveLength(1);
  });

  it("unexpected characters", () => {
    const d = only("mål m = a ?");
    expect([d.code, d.message]).toEqual(["T0101", "Uventet tegn `?`."]);
    expect(codes("mål m = a ü")).toEqual(["T0101 1:11"]);
  });
});

describe("what an expression may begin with depends on where it stands", () => {
  // `antal(…)`, `første(…)`, a text and `varighed` are expressions only a `måling` accepts.
  const MEASUREMENT_ONLY = ["`antal`", "`første`", "en tekst i anførselstegn", "`varighed`"];
  const expectedIn = (source: string) => {
    const d = only(source);
    expect(d.code).toBe("T0103");
    const listed = /^Forventede (.*), men fandt/.exec(d.message)?.[1];
    expect(listed).toBeDefined();
    return listed!;
  };

  it("a supervision policy's condition is not offered the measurement-only forms", () => {
    const listed = expectedIn('kriterie k\n  når andel_uden_samtaler over\n  kilde "x"\n');
    expect(listed).toBe("`-`, et tal, et navn, `(`, `sum` eller `middel`");
    for (const form of MEASUREMENT_ONLY) expect(listed).not.toContain(form);
  });

  it("a condition inside a måling is offered them", () => {
    const listed = expectedIn('måling m "t" pr kommune, måned\n  f = antal(personer hvor a over\n    kilde "x"\n');
    for (const form of [...MEASUREMENT_ONLY, "et tal", "et navn", "`sum`"]) expect(listed).toContain(form);
  });

  it("a text is still expected where only a text fits, outside a måling too", () => {
    const d = only("kriterie k når a over 2 kilde");
    expect(d.message).toContain("en tekst i anførselstegn");
  });
});

describe("rendered syntax diagnostics", () => {
  it("match the snapshot", () => {
    const { diagnostics } = parse(BROKEN, "policies/fejl.tilsyn");
    expect(diagnostics.map((d) => renderDiagnostic(d, BROKEN)).join("\n\n")).toMatchSnapshot();
  });
});
