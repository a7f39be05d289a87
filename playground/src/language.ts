// The .tilsyn language in Monaco: highlighting built from the grammar's keyword table, and thin
// providers over the language service (compiler/service/), the same one `tilsyn lsp` serves:
// completion, hover, go to definition, references, rename, outline, quick fixes and formatting.

import type { Span } from "../../diagnostics/span.js";
import { keywordTable as keywords } from "../../grammar/keywords.js";
import { formatSource, labelOf, LanguageService, type CompletionItem, type PolicySymbol, type WorkspaceEdit } from "../../compiler/service/index.js";
import { monaco } from "./monaco.js";

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

/** The language service the providers ask: one document per editor model, fed by the worker's checks. */
export const service = new LanguageService();

/** The service's name for a model. */
export const uriOf = (model: monaco.editor.ITextModel): string => model.uri.toString();

const toRange = (span: Span): monaco.IRange => ({
  startLineNumber: span.start.line,
  startColumn: span.start.column,
  endLineNumber: span.end.line,
  endColumn: span.end.column,
});

const fromRange = (range: monaco.IRange) => ({
  start: { line: range.startLineNumber, column: range.startColumn },
  end: { line: range.endLineNumber, column: range.endColumn },
});

const at = (position: monaco.Position) => ({ line: position.lineNumber, column: position.column });

const COMPLETION_KIND: Record<CompletionItem["kind"], keyof typeof monaco.languages.CompletionItemKind> = {
  politik: "Module",
  data: "Struct",
  felt: "Field",
  mål: "Variable",
  kriterie: "Function",
  gennemgang: "Function",
  undtagelse: "Event",
  tilstand: "EnumMember",
  overgang: "Event",
  frist: "Value",
  "husket værdi": "Value",
  trin: "EnumMember",
  nøgleord: "Keyword",
  enhed: "Unit",
  kolonne: "Field",
  kode: "Constant",
};

const toWorkspaceEdit = (edits: WorkspaceEdit, model: monaco.editor.ITextModel): monaco.languages.WorkspaceEdit => ({
  edits: Object.entries(edits).flatMap(([uri, list]) =>
    list.map((e) => ({ resource: monaco.Uri.parse(uri), versionId: uri === uriOf(model) ? model.getVersionId() : undefined, textEdit: { range: toRange(e.span), text: e.newText } })),
  ),
});

/** The Monaco providers: each asks the language service and translates its answer. */
export function registerLanguage(onFormatError: (message: string) => void): void {
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

  const known = (model: monaco.editor.ITextModel) => service.has(uriOf(model));

  monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, {
    triggerCharacters: [" "],
    provideCompletionItems(model, position, context) {
      if (!known(model)) return { suggestions: [] };
      const typing = context.triggerKind === monaco.languages.CompletionTriggerKind.TriggerCharacter;
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const suggestions = service.completion(uriOf(model), at(position), typing, model.getValue()).map(
        (item): monaco.languages.CompletionItem => ({
          label: { label: item.label, description: item.detail },
          kind: monaco.languages.CompletionItemKind[COMPLETION_KIND[item.kind]],
          detail: item.detail,
          ...(item.documentation ? { documentation: { value: item.documentation } } : {}),
          insertText: item.insertText,
          range,
          sortText: item.sortText,
        }),
      );
      return { suggestions };
    },
  });

  monaco.languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover(model, position) {
      if (!known(model)) return null;
      const hover = service.hover(uriOf(model), at(position));
      return hover ? { range: toRange(hover.span), contents: [{ value: hover.markdown }] } : null;
    },
  });

  monaco.languages.registerDefinitionProvider(LANGUAGE_ID, {
    provideDefinition(model, position) {
      if (!known(model)) return null;
      return service.definition(uriOf(model), at(position)).map((l) => ({ uri: monaco.Uri.parse(l.uri), range: toRange(l.span) }));
    },
  });

  monaco.languages.registerReferenceProvider(LANGUAGE_ID, {
    provideReferences(model, position, context) {
      if (!known(model)) return null;
      return service.references(uriOf(model), at(position), context.includeDeclaration).map((l) => ({ uri: monaco.Uri.parse(l.uri), range: toRange(l.span) }));
    },
  });

  monaco.languages.registerRenameProvider(LANGUAGE_ID, {
    provideRenameEdits(model, position, newName) {
      if (!known(model)) return null;
      const result = service.rename(uriOf(model), at(position), newName);
      if ("error" in result) return { edits: [], rejectReason: result.error };
      return toWorkspaceEdit(result.edits, model);
    },
    resolveRenameLocation(model, position) {
      const target = known(model) ? service.prepareRename(uriOf(model), at(position)) : undefined;
      if (!target) return { range: new monaco.Range(position.lineNumber, position.column, position.lineNumber, position.column), text: "", rejectReason: "Her står intet navn, der kan omdøbes." };
      return { range: toRange(target.span), text: target.name };
    },
  });

  monaco.languages.registerDocumentSymbolProvider(LANGUAGE_ID, {
    displayName: "tilsyn",
    provideDocumentSymbols(model) {
      if (!known(model)) return [];
      const convert = (s: PolicySymbol): monaco.languages.DocumentSymbol => ({
        name: s.name,
        detail: s.title ?? labelOf(s),
        kind: monaco.languages.SymbolKind[s.kind === "data" ? "Struct" : s.kind === "felt" ? "Field" : s.kind === "mål" ? "Variable" : s.kind === "tilstand" ? "EnumMember" : "Function"],
        tags: [],
        range: toRange(s.span),
        selectionRange: toRange(s.nameSpan),
        children: (s.children ?? []).map(convert),
      });
      return service.documentSymbols(uriOf(model)).map(convert);
    },
  });

  // Quick fixes: the fix a hint names («mente du `uden_samtaler`?»), and `tillad` for a warning.
  monaco.languages.registerCodeActionProvider(LANGUAGE_ID, {
    provideCodeActions(model, range, context) {
      if (!known(model)) return { actions: [], dispose() {} };
      const actions: monaco.languages.CodeAction[] = [];
      for (const action of service.codeActions(uriOf(model), fromRange(range))) {
        const d = action.diagnostic;
        const marker = context.markers.find((m) => m.code === d.code && m.startLineNumber === d.span.start.line && m.startColumn === d.span.start.column);
        if (!marker) continue;
        actions.push({ title: action.title, kind: "quickfix", diagnostics: [marker], isPreferred: action.preferred, edit: toWorkspaceEdit(action.edits, model) });
      }
      return { actions, dispose() {} };
    },
  });

  monaco.languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, {
    displayName: "tilsyn (prettier)",
    async provideDocumentFormattingEdits(model) {
      // The model's text as it is now: the last check may be older than the last keystroke.
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

export { toRange };
