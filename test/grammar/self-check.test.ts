// Self-checks in the style of JHipster's JDL: the keyword table, the tokens and the parser agree.
import { Alternation, Alternative, Lexer, NonTerminal, Option, Repetition, Terminal, type IProduction, type TokenType } from "chevrotain";
import { describe, expect, it } from "vitest";
import { keywordTable, keywordWords, KEYWORDS, tokenize } from "../../grammar/index.js";
import { allTokens, K, keywordTokens, lexerConfig, RefKeyword, symbolTokens, WordKeyword } from "../../grammar/lexer.js";
import { parser, TilsynParser } from "../../grammar/parser.js";
import { astBuilder } from "../../grammar/ast-builder.js";

/** Every token type the parser consumes explicitly, over all rules. */
function consumedTokens(): Set<TokenType> {
  const used = new Set<TokenType>();
  const walk = (prods: IProduction[]) => {
    for (const p of prods) {
      if (p instanceof Terminal) used.add(p.terminalType);
      else if (p instanceof NonTerminal) continue;
      else if (
        p instanceof Alternation ||
        p instanceof Alternative ||
        p instanceof Option ||
        p instanceof Repetition ||
        "definition" in p
      ) {
        walk((p as { definition: IProduction[] }).definition);
      }
    }
  };
  for (const rule of Object.values(parser.getGAstProductions())) walk(rule.definition);
  return used;
}

describe("self-checks", () => {
  const used = consumedTokens();

  it("every keyword token is used by the parser", () => {
    const unused = keywordTokens.filter((t) => !used.has(t)).map((t) => t.name);
    expect(unused).toEqual([]);
  });

  it("every symbol token is used by the parser", () => {
    expect(symbolTokens.filter((t) => !used.has(t)).map((t) => t.name)).toEqual([]);
  });

  it("the parser consumes only tokens the lexer knows", () => {
    for (const t of used) expect(allTokens).toContain(t);
  });

  it("one token per keyword, built from the table, all in the WordKeyword category", () => {
    expect(keywordTokens).toHaveLength(KEYWORDS.length);
    for (const entry of keywordTable) {
      const token = K[entry.word as keyof typeof K];
      expect(token, entry.word).toBeDefined();
      expect(token.CATEGORIES).toContain(WordKeyword);
      expect(token.CATEGORIES!.includes(RefKeyword)).toBe(entry.ref === true);
    }
  });

  it("keywords are lexed longest first: no keyword is shadowed by a prefix", () => {
    for (const word of keywordWords()) {
      const tokens = tokenize(word);
      expect(tokens.map((t) => [t.kind, t.text]), word).toEqual([["keyword", word]]);
    }
  });

  it("the keyword table is sane: unique lowercase words and one Danish sentence each", () => {
    const words = keywordWords();
    expect(new Set(words).size).toBe(words.length);
    for (const entry of keywordTable) {
      expect(entry.word).toBe(entry.word.toLowerCase());
      expect(entry.word).toBe(entry.word.normalize("NFC"));
      expect(entry.word).toMatch(/^[a-zæøåé]+$/);
      expect(entry.hover).toMatch(/^[A-ZÆØÅÉ`(].*[.]$/s);
      expect(entry.hover.length).toBeGreaterThan(5);
    }
    expect(keywordWords("month")).toHaveLength(12);
    expect(keywordWords("type")).toEqual(["antal", "andel", "procent", "tal", "tekst"]);
    for (const category of ["declaration", "clause", "operator", "unit", "type", "month", "value"] as const) {
      expect(keywordWords(category).length, category).toBeGreaterThan(0);
    }
  });

  it("the AST builder has a method for every parser rule", () => {
    expect(() => astBuilder.validateVisitor()).not.toThrow();
    for (const rule of Object.keys(parser.getGAstProductions())) {
      expect(typeof (astBuilder as unknown as Record<string, unknown>)[rule], rule).toBe("function");
    }
  });

  it("the grammar passes chevrotain's self-analysis (it throws on ambiguities and left recursion)", () => {
    // The shared parser and lexer skip these validations to start faster; here they run.
    expect(() => new TilsynParser({ validate: true })).not.toThrow();
  });

  it("the token definitions pass chevrotain's lexer validations", () => {
    const lexer = new Lexer(allTokens, { ...lexerConfig, skipValidations: false });
    expect(lexer.lexerDefinitionErrors).toEqual([]);
  });
});

describe("tokenize", () => {
  it("classifies every kind of token, comments and bad characters included", () => {
    const tokens = tokenize('mål x "t" = sum(a) / 2,5 % over 2024-01 # note\n2024-02-01 ? ét');
    expect(tokens.map((t) => [t.kind, t.text, t.category])).toEqual([
      ["keyword", "mål", "declaration"],
      ["name", "x", undefined],
      ["string", '"t"', undefined],
      ["operator", "=", undefined],
      ["keyword", "sum", "operator"],
      ["punctuation", "(", undefined],
      ["name", "a", undefined],
      ["punctuation", ")", undefined],
      ["operator", "/", undefined],
      ["number", "2,5", undefined],
      ["operator", "%", undefined],
      ["keyword", "over", "operator"],
      ["month", "2024-01", undefined],
      ["comment", "# note", undefined],
      ["date", "2024-02-01", undefined],
      ["invalid", "?", undefined],
      ["keyword", "ét", "clause"],
    ]);
    expect(tokens[1]!.span).toEqual({ start: { offset: 4, line: 1, column: 5 }, end: { offset: 5, line: 1, column: 6 } });
  });

  it("a keyword followed by letters is a name (longer_alt)", () => {
    expect(tokenize("målt måltal dataX år årlig årligt").map((t) => [t.kind, t.text])).toEqual([
      ["keyword", "målt"],
      ["name", "måltal"],
      ["name", "dataX"],
      ["keyword", "år"],
      ["keyword", "årlig"],
      ["keyword", "årligt"],
    ]);
  });

  it("unterminated strings are strings up to the end of the line", () => {
    expect(tokenize('"abc\nx').map((t) => [t.kind, t.text])).toEqual([
      ["string", '"abc'],
      ["name", "x"],
    ]);
  });
});
