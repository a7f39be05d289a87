// The VS Code extension's TextMate grammar, generated from the keyword table
// (scripts/textmate.ts), tokenized with VS Code's own engine (vscode-textmate on the Oniguruma
// regular expressions VS Code uses): every keyword of the table is highlighted with its category's
// scope, never inside a longer name, a comment or a string. Nothing is downloaded.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";
import { keywordTable } from "../../grammar/keywords.js";
import { CATEGORY_SCOPE, grammarFile } from "../../scripts/textmate.js";

const require = createRequire(import.meta.url);

/** The scopes of each token of one line. */
type Tokens = { text: string; scopes: string[] }[];
let tokenizeLine: (line: string) => Tokens;

beforeAll(async () => {
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s: string[]) => new oniguruma.OnigScanner(s), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (scope === "source.tilsyn" ? textmate.parseRawGrammar(grammarFile(), "tilsyn.tmLanguage.json") : null),
  });
  const grammar = (await registry.loadGrammar("source.tilsyn"))!;
  tokenizeLine = (line) => {
    const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
    return tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  };
});

const scopesOf = (tokens: Tokens, text: string): string[] => tokens.find((t) => t.text === text)?.scopes ?? [];

describe("the TextMate grammar (editors/vscode)", () => {
  it("highlights every keyword of the table with its category's scope", () => {
    const first = new Map<string, string>();
    for (const k of keywordTable) if (!first.has(k.word)) first.set(k.word, k.category);
    const missing: string[] = [];
    for (const [word, category] of first) {
      // Between two names, so nothing but the keyword's own pattern can claim it.
      const tokens = tokenizeLine(`  navn ${word} andet`);
      if (!scopesOf(tokens, word).includes(CATEGORY_SCOPE[category as keyof typeof CATEGORY_SCOPE])) missing.push(`${word}: ${JSON.stringify(tokens)}`);
    }
    expect(missing).toEqual([]);
    expect(first.size).toBe(new Set(keywordTable.map((k) => k.word)).size);
  });

  it("does not highlight a keyword inside a longer name, a comment or a string", () => {
    for (const { word } of keywordTable) {
      const inName = tokenizeLine(`  ${word}_x ${word}æ x${word}`);
      expect(inName.filter((t) => t.scopes.some((s) => s.startsWith("keyword") || s.startsWith("support") || s.startsWith("constant.language"))), word).toEqual([]);
      expect(scopesOf(tokenizeLine(`# ${word}`), `# ${word}`), word).toContain("comment.line.number-sign.tilsyn");
      expect(tokenizeLine(`x "${word}"`).find((t) => t.text === word)?.scopes, word).toContain("string.quoted.double.tilsyn");
    }
  });

  it("names the declared name after a declaration keyword", () => {
    const tokens = tokenizeLine('mål andel_røde "andel røde" = roed / jobparate');
    expect(scopesOf(tokens, "mål")).toContain(CATEGORY_SCOPE.declaration);
    expect(scopesOf(tokens, "andel_røde")).toContain("entity.name.tilsyn");
  });
});
