// The .tilsyn language in Monaco: highlighting built from the grammar's keyword table,
// completion, hover, go to definition and formatting from the policy's own declarations, and
// quick fixes from the diagnostics.

import type { Diagnostic } from "../../diagnostics/index.js";
import { categoryLabel, formatSource, keywords } from "./lang-engine.js";
import { monaco } from "./monaco.js";
import { kindLabel, type PolicySymbol } from "./symbols.js";

export const LANGUAGE_ID = "tilsyn";

const LETTER = "[\\p{L}_]";
const WORD_CHAR = "[\\p{L}\\p{M}\\p{N}_]";
const IDENT = `${LETTER}${WORD_CHAR}*`;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Keyword table entries by word (the table may list a word in several categories; first wins). */
const keywordByWord = new Map<string, (typeof keywords)[number]>();
for (const entry of keywords) if (!keywordByWord.has(entry.word)) keywordByWord.set(entry.word, entry);

/** Token class for a keyword category: `keyword.<category>` with the category made ASCII-safe. */
const categoryToken = (category: string): string =>
  `keyword.${category
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/æ/gi, "ae")
    .replace(/ø/gi, "oe")
    .replace(/[^a-z0-9]+/gi, "_")
    .toLowerCase()}`;

const categories = [...new Set(keywords.map((k) => k.category))].sort();

/** Colours for keyword categories, assigned in category order (a readable light palette). */
const PALETTE = ["0b57d0", "8e24aa", "00796b", "b3261e", "6d4c41", "1565c0", "ad1457", "2e7d32", "5e35b1"];

function monarch(): monaco.languages.IMonarchLanguage {
  const single = new Map<string, string[]>();
  const phrases: { word: string; token: string }[] = [];
  for (const entry of keywordByWord.values()) {
    const token = categoryToken(entry.category);
    if (new RegExp(`^${IDENT}$`, "u").test(entry.word)) {
      const list = single.get(token) ?? [];
      list.push(entry.word);
      single.set(token, list);
    } else {
      phrases.push({ word: entry.word, token });
    }
  }
  // Longest phrases first, so `lig med` wins over `lig`.
  phrases.sort((a, b) => b.word.length - a.word.length);
  const cases: Record<string, string> = {};
  const language: monaco.languages.IMonarchLanguage = { unicode: true, defaultToken: "", tokenPostfix: ".tilsyn", tokenizer: {} };
  for (const [token, words] of single) {
    const key = `kw_${token.replace(/\W/g, "_")}`;
    language[key] = words;
    cases[`@${key}`] = token;
  }
  cases["@default"] = "identifier";
  language.tokenizer = {
    root: [
      [/#.*$/, "comment"],
      [/"/, "string", "@string"],
      [/\d{4}-\d{2}-\d{2}|\d{4}-\d{2}(?!\d)/, "number.date"],
      [/\d+(?:[.,]\d+)?\s*%/, "number.percent"],
      [/\d+(?:[.,]\d+)?/, "number"],
      ...phrases.map(
        (p): monaco.languages.IMonarchLanguageRule => [
          new RegExp(`${escapeRegExp(p.word).replace(/ /g, "\\s+")}(?!${WORD_CHAR})`, "u"),
          p.token,
        ],
      ),
      [new RegExp(IDENT, "u"), { cases }],
      [/[<>]=?|=/, "operator"],
      [/[+\-*/]/, "operator"],
      [/[(),:.]/, "delimiter"],
      [/\s+/, "white"],
    ],
    string: [
      [/[^"]+/, "string"],
      [/"/, "string", "@pop"],
    ],
  };
  return language;
}

export function defineTheme(): void {
  monaco.editor.defineTheme("tilsyn", {
    base: "vs",
    inherit: true,
    rules: [
      { token: "comment", foreground: "6a737d", fontStyle: "italic" },
      { token: "string", foreground: "a15c00" },
      { token: "number", foreground: "098658" },
      { token: "identifier", foreground: "1f2328" },
      { token: "keyword", foreground: "0b57d0", fontStyle: "bold" },
      ...categories.map((c, i) => ({
        token: categoryToken(c),
        foreground: PALETTE[i % PALETTE.length]!,
        fontStyle: "bold",
      })),
    ],
    colors: {},
  });
}

/** What the language features need to know about a model: its latest declarations. */
export type SymbolSource = (model: monaco.editor.ITextModel) => PolicySymbol[];

/** The diagnostics last shown as markers on a model. */
export type DiagnosticSource = (model: monaco.editor.ITextModel) => readonly Diagnostic[];

const toRange = (span: PolicySymbol["span"]): monaco.IRange => ({
  startLineNumber: span.start.line,
  startColumn: span.start.column,
  endLineNumber: span.end.line,
  endColumn: span.end.column,
});

function symbolMarkdown(symbol: PolicySymbol): string {
  const lines = [`**${kindLabel[symbol.kind]}** \`${symbol.name}\``];
  if (symbol.title) lines.push(symbol.title);
  if (symbol.detail) lines.push(symbol.detail.charAt(0).toUpperCase() + symbol.detail.slice(1) + ".");
  lines.push(`Erklæret i linje ${symbol.nameSpan.start.line}.`);
  return lines.join("\n\n");
}

export function registerLanguage(symbolsOf: SymbolSource, onFormatError: (message: string) => void, diagnosticsOf: DiagnosticSource): void {
  monaco.languages.register({ id: LANGUAGE_ID, extensions: [".tilsyn"], aliases: ["tilsyn"] });
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
    comments: { lineComment: "#" },
    brackets: [["(", ")"]],
    autoClosingPairs: [
      { open: "(", close: ")" },
      { open: '"', close: '"', notIn: ["string", "comment"] },
    ],
    surroundingPairs: [
      { open: "(", close: ")" },
      { open: '"', close: '"' },
    ],
    wordPattern: new RegExp(`${IDENT}|\\d+(?:[.,]\\d+)?`, "gu"),
    indentationRules: { increaseIndentPattern: /^\s*(politik|data|kriterie|forløb|tilstand|overgang|reaktion)\b/u, decreaseIndentPattern: /^$/ },
  });
  monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, monarch());
  defineTheme();

  monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, {
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const seen = new Set<string>();
      const suggestions: monaco.languages.CompletionItem[] = [];
      for (const symbol of symbolsOf(model)) {
        if (seen.has(symbol.name)) continue;
        seen.add(symbol.name);
        suggestions.push({
          label: { label: symbol.name, description: kindLabel[symbol.kind].toLowerCase() },
          kind: completionKind(symbol),
          detail: symbol.title ?? kindLabel[symbol.kind],
          documentation: { value: symbolMarkdown(symbol) },
          insertText: symbol.name,
          range,
          sortText: `0${symbol.name}`,
        });
      }
      for (const entry of keywordByWord.values()) {
        if (seen.has(entry.word)) continue;
        suggestions.push({
          label: { label: entry.word, description: `nøgleord · ${categoryLabel[entry.category]}` },
          kind: monaco.languages.CompletionItemKind.Keyword,
          documentation: { value: entry.hover },
          insertText: entry.word,
          range,
          sortText: `1${entry.word}`,
        });
      }
      return { suggestions };
    },
  });

  monaco.languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      if (!word) return null;
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const symbol = symbolsOf(model).find((s) => s.name === word.word);
      // Nothing to explain inside comments and strings.
      const token = monaco.editor
        .tokenize(model.getLineContent(position.lineNumber), LANGUAGE_ID)[0]
        ?.filter((t) => t.offset < word.endColumn - 1)
        .at(-1);
      if (token && /^(comment|string)/.test(token.type)) return null;
      const keyword = keywordAt(model.getLineContent(position.lineNumber), word);
      const contents: monaco.IMarkdownString[] = [];
      if (symbol) contents.push({ value: symbolMarkdown(symbol) });
      if (keyword) contents.push({ value: `**${keyword.word}** · nøgleord (${categoryLabel[keyword.category]})\n\n${keyword.hover}` });
      if (contents.length > 0) return { range, contents };
      return null;
    },
  });

  monaco.languages.registerDefinitionProvider(LANGUAGE_ID, {
    provideDefinition(model, position) {
      const word = model.getWordAtPosition(position);
      const symbol = word && symbolsOf(model).find((s) => s.name === word.word);
      return symbol ? { uri: model.uri, range: toRange(symbol.nameSpan) } : null;
    },
  });

  // Quick fixes: a diagnostic whose hint names one correction ("mente du `uden_samtaler`?",
  // "Skriv `20 %`") carries it as a fix; offer it on the marker, as the preferred action.
  monaco.languages.registerCodeActionProvider(LANGUAGE_ID, {
    provideCodeActions(model, _range, context) {
      const actions: monaco.languages.CodeAction[] = [];
      for (const d of diagnosticsOf(model)) {
        if (!d.fix) continue;
        const marker = context.markers.find(
          (m) => m.code === d.code && m.startLineNumber === d.span.start.line && m.startColumn === d.span.start.column,
        );
        if (!marker) continue;
        actions.push({
          title: `Skriv \`${d.fix.replacement}\``,
          kind: "quickfix",
          diagnostics: [marker],
          isPreferred: true,
          edit: { edits: [{ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: toRange(d.fix.span), text: d.fix.replacement } }] },
        });
      }
      return { actions, dispose() {} };
    },
  });

  monaco.languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, {
    displayName: "tilsyn (prettier)",
    async provideDocumentFormattingEdits(model) {
      const text = model.getValue();
      try {
        const formatted = await formatSource(text);
        if (formatted === text) return [];
        return [{ range: model.getFullModelRange(), text: formatted }];
      } catch (error) {
        onFormatError(`Kan ikke formatere: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
        return [];
      }
    },
  });
}

/** The keyword (possibly a phrase such as `lig med`) that covers a word on a line. */
function keywordAt(line: string, word: monaco.editor.IWordAtPosition): (typeof keywords)[number] | undefined {
  const start = word.startColumn - 1;
  let best: (typeof keywords)[number] | undefined;
  for (const entry of keywordByWord.values()) {
    if (!entry.word.split(/\s+/).includes(word.word)) continue;
    const pattern = new RegExp(`(?<!${WORD_CHAR})${escapeRegExp(entry.word).replace(/ /g, "\\s+")}(?!${WORD_CHAR})`, "gu");
    for (const m of line.matchAll(pattern)) {
      if (m.index! <= start && start < m.index! + m[0].length && (!best || entry.word.length > best.word.length)) best = entry;
    }
  }
  return best;
}

function completionKind(symbol: PolicySymbol): monaco.languages.CompletionItemKind {
  const k = monaco.languages.CompletionItemKind;
  switch (symbol.kind) {
    case "felt":
      return k.Field;
    case "mål":
      return k.Variable;
    case "kriterie":
    case "gennemgang":
      return k.Function;
    case "tilstand":
      return k.EnumMember;
    case "overgang":
      return k.Event;
    case "data":
      return k.Struct;
    default:
      return k.Value;
  }
}

export { toRange };
