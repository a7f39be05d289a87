// Spans (0-based offsets, 1-based line/column, exclusive end), Danish letters and NFC.
import { describe, expect, it } from "vitest";
import { parse } from "../../grammar/index.js";
import type { MeasureDecl, Span } from "../../grammar/ast.js";
import { parseOk } from "./helpers.js";

const SOURCE = `politik p "t"
# kommentar
mål andel_røde = roed / jobparate
kriterie k
  når andel_røde over 20 % i 3 sammenhængende måneder
`;

/** The text a span covers. */
const cut = (source: string, span: Span) => source.slice(span.start.offset, span.end.offset);

describe("spans", () => {
  const ast = parseOk(SOURCE);

  it("the file spans the whole text", () => {
    expect(ast.span.start).toEqual({ offset: 0, line: 1, column: 1 });
    expect(ast.span.end).toEqual({ offset: SOURCE.length, line: 6, column: 1 });
  });

  it("names, declarations and expressions point at their text", () => {
    const measure = ast.declarations[0] as MeasureDecl;
    expect(measure.name.span).toEqual({
      start: { offset: 30, line: 3, column: 5 },
      end: { offset: 40, line: 3, column: 15 },
    });
    expect(cut(SOURCE, measure.name.span)).toBe("andel_røde");
    expect(cut(SOURCE, measure.span)).toBe("mål andel_røde = roed / jobparate");
    expect(cut(SOURCE, measure.expr.span)).toBe("roed / jobparate");
    expect(measure.expr.span.start).toMatchObject({ line: 3, column: 18 });

    const criterion = ast.declarations[1]!;
    expect(criterion.kind).toBe("CriterionDecl");
    const when = criterion.kind === "CriterionDecl" ? criterion.when! : undefined;
    expect(when!.kind).toBe("StreakCond");
    expect(cut(SOURCE, when!.span)).toBe("andel_røde over 20 % i 3 sammenhængende måneder");
    expect(when!.span.start).toEqual({ offset: 77, line: 5, column: 7 });
    expect(when!.kind === "StreakCond" && cut(SOURCE, when!.cond.span)).toBe("andel_røde over 20 %");
    expect(cut(SOURCE, criterion.span)).toBe("kriterie k\n  når andel_røde over 20 % i 3 sammenhængende måneder");
    expect(criterion.span.end).toEqual({ offset: 124, line: 5, column: 54 });
  });

  it("a percent literal covers the number and the % sign", () => {
    const when = (ast.declarations[1] as { when: { cond: { right: { span: Span } } } }).when;
    expect(cut(SOURCE, when.cond.right.span)).toBe("20 %");
  });

  it("comments are collected with their spans, without the #", () => {
    expect(ast.comments).toEqual([
      { text: " kommentar", span: { start: { offset: 14, line: 2, column: 1 }, end: { offset: 25, line: 2, column: 12 } } },
    ]);
  });

  it("the policy header and string literals", () => {
    expect(cut(SOURCE, ast.policy!.span)).toBe('politik p "t"');
    expect(cut(SOURCE, ast.policy!.title!.span)).toBe('"t"');
  });

  it("CRLF line endings count as one line break", () => {
    const crlf = 'politik p\r\nmål x = 1\r\nmål y = 2\r\n';
    const { ast: a, diagnostics } = parse(crlf, "x");
    expect(diagnostics).toEqual([]);
    expect(a.declarations[1]!.span.start).toEqual({ offset: 22, line: 3, column: 1 });
  });
});

describe("Danish letters", () => {
  it("æ, ø, å and é work in keywords and names", () => {
    const ast = parseOk(`politik skærpet_tilsyn "Skærpet tilsyn"
      opgørelse halvårlig for alle ydelsesgrupper under ét følges op ved offentliggørelse
      mål fokusmål_året = Åbne_sager / Øvrige + ældre_é
      forløb start første tilstand første frist redegørelse: 1 uge efter offentliggørelse`);
    expect(ast.policy!.name.text).toBe("skærpet_tilsyn");
    expect(ast.declarations.map((d) => d.kind)).toEqual(["AssessmentDecl", "MeasureDecl", "MachineDecl"]);
    expect((ast.declarations[1] as MeasureDecl).name.text).toBe("fokusmål_året");
  });

  it("input is normalised to NFC: a decomposed å or é is the same letter", () => {
    const decomposed = "ma\u030Al x = 1\nopgørelse halvårlig for alle g under e\u0301t".normalize("NFD");
    const { ast, diagnostics } = parse(decomposed, "x");
    expect(diagnostics).toEqual([]);
    expect(ast.declarations.map((d) => d.kind)).toEqual(["MeasureDecl", "AssessmentDecl"]);
    // Spans refer to the normalised text.
    expect(ast.declarations[1]!.span.start).toEqual({ offset: 10, line: 2, column: 1 });
  });

  it("keywords are case-sensitive: `Mål` is a name, not a keyword", () => {
    const { diagnostics } = parse("Mål x = 1", "x");
    expect(diagnostics[0]!.code).toBe("T0104");
  });
});

describe("line endings", () => {
  it("the file's end position agrees with the lexer for \\n, \\r\\n and \\r", () => {
    for (const nl of ["\n", "\r\n", "\r"]) {
      const source = `mål x = 1${nl}mål y = 2${nl}`;
      const { ast, diagnostics } = parse(source, "x");
      expect(diagnostics).toEqual([]);
      expect(ast.declarations[1]!.span.start.line).toBe(2);
      expect(ast.span.end).toEqual({ offset: source.length, line: 3, column: 1 });
    }
  });
});
