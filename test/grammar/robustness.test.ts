// The parser never throws, whatever it is given, and always returns a well-formed result.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, tokenize, keywordWords } from "../../grammar/index.js";

const POLICY_WORDS = [
  ...keywordWords(),
  "x",
  "andel_røde",
  "1",
  "20",
  "2,5",
  "2024-02-29",
  "2022-13",
  '"tekst"',
  '"uafsluttet',
  "%",
  "(",
  ")",
  ",",
  ":",
  ".",
  "=",
  ">=",
  "<",
  "+",
  "-",
  "*",
  "/",
  "#",
  "\n",
  "?",
  "€",
];

function checkWellFormed(source: string): void {
  const { ast, diagnostics } = parse(source, "fuzz.tilsyn");
  expect(ast.kind).toBe("PolicyFile");
  expect(Array.isArray(ast.declarations)).toBe(true);
  for (const d of diagnostics) {
    expect(d.code).toMatch(/^T01\d\d$/);
    expect(d.code).not.toBe("T0112"); // no internal errors
    expect(Number.isFinite(d.span.start.offset)).toBe(true);
    expect(Number.isFinite(d.span.start.line)).toBe(true);
    expect(Number.isFinite(d.span.start.column)).toBe(true);
  }
  // The AST is plain data: it survives JSON (it crosses a web-worker boundary).
  expect(() => JSON.stringify(ast)).not.toThrow();
}

describe("robustness", () => {
  it("never throws on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => checkWellFormed(s)), { numRuns: 300 });
  });

  it("never throws on random sequences of tilsyn words and symbols", () => {
    const source = fc
      .array(fc.constantFrom(...POLICY_WORDS), { maxLength: 80 })
      .map((words) => words.join(" "));
    fc.assert(fc.property(source, (s) => checkWellFormed(s)), { numRuns: 500 });
  });

  it("never throws on a bundled policy with random deletions", async () => {
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(new URL("../../policies/skaerpet-tilsyn.tilsyn", import.meta.url), "utf8");
    const tokens = text.split(/(\s+)/);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: tokens.length - 1 }), { maxLength: 12 }), (drops) => {
        const kept = tokens.filter((_, i) => !drops.includes(i)).join("");
        checkWellFormed(kept);
      }),
      { numRuns: 150 },
    );
  });

  it("tokenize never throws and covers every non-blank character", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (s) => {
        const text = s.normalize("NFC");
        const tokens = tokenize(s);
        const covered = new Set<number>();
        for (const t of tokens) for (let i = t.span.start.offset; i < t.span.end.offset; i++) covered.add(i);
        for (let i = 0; i < text.length; i++) {
          if (!/\s/.test(text[i]!)) expect(covered.has(i)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("absurdly deep nesting is a diagnostic (T0113), not a stack overflow", () => {
    const ok = parse(`mål x = ${"(".repeat(100)}1${")".repeat(100)}`, "x");
    expect(ok.diagnostics).toEqual([]);
    for (const source of [
      `mål x = ${"(".repeat(5000)}1${")".repeat(5000)}`,
      `mål x = ${"- ".repeat(5000)}1`,
      `kriterie k når ${"ikke ".repeat(5000)}a`,
    ]) {
      const { diagnostics } = parse(source, "x");
      expect(diagnostics.map((d) => d.code)).toEqual(["T0113"]);
    }
    // The shared parser instance is still fine afterwards.
    expect(parse("mål y = (1 + 2)", "x").diagnostics).toEqual([]);
  });

  it("non-string input does not throw either", () => {
    expect(parse(undefined as unknown as string, "x").ast.kind).toBe("PolicyFile");
    expect(parse(null as unknown as string, "x").ast.kind).toBe("PolicyFile");
  });

  it("a large file (2,000 criteria) parses without errors (its speed is measured by npm run bench)", () => {
    const block = `kriterie k "t"
  kilde "k"
  forudsat borgere mindst 10
  når (a + b) / c over 20 % og ikke d eller e i 3 sammenhængende måneder
`;
    const source = `politik p\n${block.repeat(2000)}`;
    const { ast, diagnostics } = parse(source, "stor.tilsyn");
    expect(diagnostics).toEqual([]);
    expect(ast.declarations).toHaveLength(2000);
  });
});
