// The TextMate grammar of tilsyn for VS Code (editors/vscode/syntaxes/tilsyn.tmLanguage.json),
// generated from the one keyword table (grammar/keywords.ts), so a new keyword is highlighted
// without anyone touching the extension. Run by `npm run vsix` (scripts/vsix.mjs); the file is
// build output and not committed. test/editors/textmate.test.ts tokenizes with VS Code's own
// engine and checks every keyword of the table.
//
//   tsx scripts/textmate.ts [out-file]

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { keywordTable, type KeywordCategory } from "../grammar/keywords.js";

/** The scope of each keyword category (standard TextMate names, so every colour theme colours them). */
export const CATEGORY_SCOPE: Record<KeywordCategory, string> = {
  declaration: "keyword.declaration.tilsyn",
  clause: "keyword.other.clause.tilsyn",
  operator: "keyword.operator.word.tilsyn",
  unit: "support.constant.unit.tilsyn",
  type: "support.type.tilsyn",
  month: "constant.language.month.tilsyn",
  value: "constant.language.value.tilsyn",
};

/** Letters of a name, as the lexer has them (grammar/lexer.ts), plus any other Unicode letter. */
const LETTER = "[\\p{L}_]";
const WORD_CHAR = "[\\p{L}\\p{N}_]";
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A whole word out of a list, never part of a longer name. */
const words = (list: readonly string[]): string =>
  `(?<!${WORD_CHAR})(?:${[...list].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escape).join("|")})(?!${WORD_CHAR})`;

export function textMateGrammar(): Record<string, unknown> {
  const byCategory = new Map<KeywordCategory, string[]>();
  // The table may list a word twice; its first category wins, as in the lexer.
  const seen = new Set<string>();
  for (const k of keywordTable) {
    if (seen.has(k.word)) continue;
    seen.add(k.word);
    byCategory.set(k.category, [...(byCategory.get(k.category) ?? []), k.word]);
  }
  const declarations = byCategory.get("declaration") ?? [];
  return {
    $schema: "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
    name: "tilsyn",
    scopeName: "source.tilsyn",
    fileTypes: ["tilsyn"],
    comment: "Generated from grammar/keywords.ts by scripts/textmate.ts; do not edit.",
    patterns: [
      { include: "#comment" },
      { include: "#string" },
      { include: "#declaration" },
      { include: "#keywords" },
      { include: "#literals" },
      { include: "#operators" },
      { include: "#name" },
    ],
    repository: {
      comment: { name: "comment.line.number-sign.tilsyn", match: "#.*$" },
      string: {
        name: "string.quoted.double.tilsyn",
        begin: '"',
        end: '"|$',
        patterns: [{ name: "constant.character.escape.tilsyn", match: '\\\\["\\\\]' }],
      },
      // `mål andel_uden_samtaler`, `kriterie straks`: the declared name after its keyword.
      declaration: {
        match: `^\\s*(${words(declarations)})\\s+(${LETTER}${WORD_CHAR}*)`,
        captures: { "1": { name: CATEGORY_SCOPE.declaration }, "2": { name: "entity.name.tilsyn" } },
      },
      keywords: {
        patterns: [...byCategory.entries()].map(([category, list]) => ({ name: CATEGORY_SCOPE[category], match: words(list) })),
      },
      literals: {
        patterns: [
          { name: "constant.numeric.date.tilsyn", match: "\\b\\d{4}-\\d{2}-\\d{2}\\b" },
          { name: "constant.numeric.month.tilsyn", match: "\\b\\d{4}-(?:\\d{2}|H[12])\\b(?:\\.\\.\\d{4}(?:-\\d{2})?)?" },
          { name: "constant.numeric.code.tilsyn", match: "\\bT\\d{4}\\b" },
          { name: "constant.numeric.percent.tilsyn", match: "\\d+(?:[.,]\\d+)?\\s*%" },
          { name: "constant.numeric.tilsyn", match: "\\d+(?:[.,]\\d+)?" },
        ],
      },
      operators: {
        patterns: [
          { name: "keyword.operator.comparison.tilsyn", match: "[<>]=?|=" },
          { name: "keyword.operator.arithmetic.tilsyn", match: "[+\\-*/]" },
          { name: "punctuation.separator.tilsyn", match: "[|:,.]" },
        ],
      },
      name: { name: "variable.other.tilsyn", match: `${LETTER}${WORD_CHAR}*` },
    },
  };
}

/** Where the extension (editors/vscode/package.json, contributes.grammars) expects the grammar. */
export const GRAMMAR_PATH = join("editors", "vscode", "syntaxes", "tilsyn.tmLanguage.json");

/** The grammar as the extension ships it. */
export const grammarFile = (): string => `${JSON.stringify(textMateGrammar(), null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? join(import.meta.dirname, "..", GRAMMAR_PATH);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, grammarFile());
  console.log(`${out}: ${keywordTable.length} nøgleord`);
}
