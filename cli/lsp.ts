// `tilsyn lsp --stdio`: the language server for VS Code and any other editor that speaks the
// Language Server Protocol. A thin adapter over the language service (compiler/service/), the
// same one the playground's Monaco providers use: it keeps the open documents (incremental sync),
// checks a document shortly after the last keystroke (debounced), publishes the diagnostics, and
// translates positions (LSP: 0-based lines and characters in the editor's text; the service:
// 1-based, into the NFC-normalised text, which differs where `å` is typed as `a` + ring) and answers.
//
// A request about a document with a check still waiting checks it first, so an answer never
// speaks of older text than the request. Each `eksempel` block gets a code lens that runs it and
// says ✓ or ✗; clicking it shows why in a message.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  createConnection,
  DiagnosticSeverity,
  ProposedFeatures,
  ResponseError,
  ErrorCodes,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  CompletionItemKind,
  CompletionTriggerKind,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type InitializeResult,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic } from "../diagnostics/index.js";
import type { Span } from "../diagnostics/span.js";
import { compiler } from "../compiler/service/compiler.js";
import { NfcColumns, type LineColumn } from "../compiler/service/text.js";
import { diagnosticMessage, LanguageService, type CompletionItem as ServiceCompletion, type PolicySymbol, type WorkspaceEdit as ServiceEdit } from "../compiler/service/index.js";

/** The command a code lens runs: show why an example holds or not. */
export const SHOW_EXAMPLE = "tilsyn.visEksempel";

/** How long after the last change a document is checked. */
const DEBOUNCE_MS = 200;

/** Positions of one document: LSP's are 0-based, the service's 1-based and into the NFC text. */
interface Columns {
  toRange(span: Span): Range;
  fromPosition(p: Position): LineColumn;
}

function columnsOf(text: string): Columns {
  const nfc = new NfcColumns(text);
  const toPosition = (p: LineColumn): Position => {
    const at = nfc.fromNfc(p);
    return { line: at.line - 1, character: at.column - 1 };
  };
  return {
    toRange: (span) => ({ start: toPosition(span.start), end: toPosition(span.end) }),
    fromPosition: (p) => nfc.toNfc({ line: p.line + 1, column: p.character + 1 }),
  };
}

const SEVERITY: Record<Diagnostic["severity"], DiagnosticSeverity> = {
  fejl: DiagnosticSeverity.Error,
  advarsel: DiagnosticSeverity.Warning,
  note: DiagnosticSeverity.Information,
};

const COMPLETION_KIND: Record<ServiceCompletion["kind"], CompletionItemKind> = {
  politik: CompletionItemKind.Module,
  data: CompletionItemKind.Struct,
  felt: CompletionItemKind.Field,
  mål: CompletionItemKind.Variable,
  kriterie: CompletionItemKind.Function,
  gennemgang: CompletionItemKind.Function,
  undtagelse: CompletionItemKind.Event,
  tilstand: CompletionItemKind.EnumMember,
  overgang: CompletionItemKind.Event,
  frist: CompletionItemKind.Value,
  "husket værdi": CompletionItemKind.Value,
  trin: CompletionItemKind.EnumMember,
  nøgleord: CompletionItemKind.Keyword,
  enhed: CompletionItemKind.Unit,
  kolonne: CompletionItemKind.Field,
  kode: CompletionItemKind.Constant,
};

const SYMBOL_KIND: Record<PolicySymbol["kind"], SymbolKind> = {
  politik: SymbolKind.Module,
  data: SymbolKind.Struct,
  felt: SymbolKind.Field,
  mål: SymbolKind.Variable,
  kriterie: SymbolKind.Function,
  gennemgang: SymbolKind.Function,
  undtagelse: SymbolKind.Event,
  tilstand: SymbolKind.EnumMember,
  overgang: SymbolKind.Event,
  frist: SymbolKind.Constant,
  "husket værdi": SymbolKind.Variable,
  trin: SymbolKind.EnumMember,
};

function toLspDiagnostic(d: Diagnostic, uri: string, { toRange }: Columns): LspDiagnostic {
  const range = toRange(d.span);
  return {
    range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: "tilsyn",
    message: diagnosticMessage(d),
    ...(d.related ? { relatedInformation: d.related.map((r) => ({ location: { uri, range: toRange(r.span) }, message: r.message })) } : {}),
  };
}

const toWorkspaceEdit = (edits: ServiceEdit, columns: (uri: string) => Columns): WorkspaceEdit => ({
  changes: Object.fromEntries(
    Object.entries(edits).map(([uri, list]) => [uri, list.map((e): TextEdit => ({ range: columns(uri).toRange(e.span), newText: e.newText }))]),
  ),
});

function readDocument(uri: string): string | undefined {
  try {
    return readFileSync(fileURLToPath(uri), "utf8");
  } catch {
    return undefined;
  }
}

/** Serve the Language Server Protocol on stdin/stdout until the client says exit. */
export function runLsp(): Promise<number> {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);
  const service = new LanguageService({ compiler, readFile: readDocument });
  /** Documents changed since they were last checked, with the timer that will check them. */
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** The version of each document the service has checked. */
  const checked = new Map<string, number>();
  let canRefreshLenses = false;
  const columnCache = new Map<string, { text: string; columns: Columns }>();
  /** The positions of a document as the editor has it (or as it is on disk, when it is not open). */
  const columns = (uri: string): Columns => {
    const text = documents.get(uri)?.getText() ?? readDocument(uri) ?? "";
    let cached = columnCache.get(uri);
    if (!cached || cached.text !== text) columnCache.set(uri, (cached = { text, columns: columnsOf(text) }));
    return cached.columns;
  };

  /** Check a document now (if it changed) and publish its diagnostics and those of files of examples about it. */
  const checkNow = (uri: string): void => {
    const timer = pending.get(uri);
    if (timer === undefined && service.has(uri)) return;
    if (timer !== undefined) clearTimeout(timer);
    pending.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    service.update(uri, document.getText());
    checked.set(uri, document.version);
    for (const open of documents.all()) {
      // This document, and the open files of examples (they may be about it).
      if (!service.has(open.uri) || pending.has(open.uri)) continue;
      if (open.uri !== uri && !service.analysis(open.uri)?.ast.examplesFor) continue;
      void connection.sendDiagnostics({ uri: open.uri, version: open.version, diagnostics: service.diagnostics(open.uri).map((d) => toLspDiagnostic(d, open.uri, columns(open.uri))) });
    }
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type);
  };

  const schedule = (uri: string): void => {
    const timer = pending.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    pending.set(
      uri,
      setTimeout(() => checkNow(uri), DEBOUNCE_MS),
    );
  };

  /** The service's answer for a document, checked first if a check is waiting. */
  const ready = (uri: string): boolean => {
    if (pending.has(uri) || (!service.has(uri) && documents.get(uri))) checkNow(uri);
    return service.has(uri);
  };

  connection.onInitialize((params): InitializeResult => {
    canRefreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [" ", "("] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [SHOW_EXAMPLE] },
      },
      serverInfo: { name: "tilsyn" },
    };
  });

  documents.onDidOpen((e) => {
    // A newly opened document is checked at once; its lenses and markers are wanted now.
    schedule(e.document.uri);
    checkNow(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    // Also fired on open, for the text onDidOpen has just checked.
    if (checked.get(e.document.uri) !== e.document.version) schedule(e.document.uri);
  });
  documents.onDidClose((e) => {
    const timer = pending.get(e.document.uri);
    if (timer !== undefined) clearTimeout(timer);
    pending.delete(e.document.uri);
    checked.delete(e.document.uri);
    columnCache.delete(e.document.uri);
    service.close(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // A policy that is not open changed on disk: the files of examples about it are checked and run again.
  connection.onDidChangeWatchedFiles(() => {
    service.forgetDerived();
    for (const open of documents.all()) {
      if (!service.has(open.uri) || !service.analysis(open.uri)?.ast.examplesFor) continue;
      void connection.sendDiagnostics({ uri: open.uri, version: open.version, diagnostics: service.diagnostics(open.uri).map((d) => toLspDiagnostic(d, open.uri, columns(open.uri))) });
    }
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type);
  });

  connection.onHover(({ textDocument, position }) => {
    if (!ready(textDocument.uri)) return null;
    const { fromPosition, toRange } = columns(textDocument.uri);
    const hover = service.hover(textDocument.uri, fromPosition(position));
    return hover ? { contents: { kind: "markdown", value: hover.markdown }, range: toRange(hover.span) } : null;
  });

  connection.onCompletion(({ textDocument, position, context }): CompletionItem[] => {
    if (!ready(textDocument.uri)) return [];
    const typing = context?.triggerKind === CompletionTriggerKind.TriggerCharacter;
    return service.completion(textDocument.uri, columns(textDocument.uri).fromPosition(position), typing).map((item) => ({
      label: item.label,
      kind: COMPLETION_KIND[item.kind],
      detail: item.detail,
      ...(item.documentation ? { documentation: { kind: "markdown", value: item.documentation } } : {}),
      insertText: item.insertText,
      sortText: item.sortText,
    }));
  });

  connection.onDefinition(({ textDocument, position }) => {
    if (!ready(textDocument.uri)) return [];
    return service.definition(textDocument.uri, columns(textDocument.uri).fromPosition(position)).map((l) => ({ uri: l.uri, range: columns(l.uri).toRange(l.span) }));
  });

  connection.onReferences(({ textDocument, position, context }) => {
    if (!ready(textDocument.uri)) return [];
    return service
      .references(textDocument.uri, columns(textDocument.uri).fromPosition(position), context.includeDeclaration)
      .map((l) => ({ uri: l.uri, range: columns(l.uri).toRange(l.span) }));
  });

  connection.onPrepareRename(({ textDocument, position }) => {
    if (!ready(textDocument.uri)) return null;
    const { fromPosition, toRange } = columns(textDocument.uri);
    const target = service.prepareRename(textDocument.uri, fromPosition(position));
    return target ? { range: toRange(target.span), placeholder: target.name } : null;
  });

  connection.onRenameRequest(({ textDocument, position, newName }) => {
    for (const d of documents.all()) ready(d.uri);
    if (!ready(textDocument.uri)) return null;
    const result = service.rename(textDocument.uri, columns(textDocument.uri).fromPosition(position), newName);
    if ("error" in result) return new ResponseError(ErrorCodes.InvalidRequest, result.error);
    return toWorkspaceEdit(result.edits, columns);
  });

  connection.onDocumentSymbol(({ textDocument }): DocumentSymbol[] => {
    if (!ready(textDocument.uri)) return [];
    const { toRange } = columns(textDocument.uri);
    const convert = (s: PolicySymbol): DocumentSymbol => ({
      name: s.name,
      detail: s.title ?? "",
      kind: SYMBOL_KIND[s.kind],
      range: toRange(s.span),
      selectionRange: toRange(s.nameSpan),
      ...(s.children ? { children: s.children.map(convert) } : {}),
    });
    return service.documentSymbols(textDocument.uri).map(convert);
  });

  connection.onDocumentFormatting(async ({ textDocument }) => {
    if (!ready(textDocument.uri)) return [];
    try {
      const { toRange } = columns(textDocument.uri);
      return (await service.format(textDocument.uri)).map((e): TextEdit => ({ range: toRange(e.span), newText: e.newText }));
    } catch (error) {
      const first = error instanceof Error ? error.message.split("\n")[0] : String(error);
      return new ResponseError(ErrorCodes.InvalidRequest, `Kan ikke formatere: ${first}`);
    }
  });

  connection.onCodeAction(({ textDocument, range, context }): CodeAction[] => {
    if (!ready(textDocument.uri)) return [];
    const uri = textDocument.uri;
    const { fromPosition } = columns(uri);
    return service.codeActions(uri, { start: fromPosition(range.start), end: fromPosition(range.end) }).map((action) => {
      const lsp = toLspDiagnostic(action.diagnostic, uri, columns(uri));
      const sent = context.diagnostics.find((d) => d.code === lsp.code && d.range.start.line === lsp.range.start.line && d.range.start.character === lsp.range.start.character);
      return { title: action.title, kind: CodeActionKind.QuickFix, diagnostics: [sent ?? lsp], isPreferred: action.preferred, edit: toWorkspaceEdit(action.edits, columns) };
    });
  });

  connection.onCodeLens(({ textDocument }): CodeLens[] => {
    if (!ready(textDocument.uri)) return [];
    const { toRange } = columns(textDocument.uri);
    return service.exampleLenses(textDocument.uri).map((lens) => ({
      range: toRange({ start: lens.span.start, end: lens.span.start }),
      command: { title: lens.title, command: SHOW_EXAMPLE, arguments: [textDocument.uri, lens.span.start.line] },
    }));
  });

  connection.onExecuteCommand(({ command, arguments: args }) => {
    if (command !== SHOW_EXAMPLE || !args) return;
    const [uri, line] = args as [string, number];
    if (!ready(uri)) return;
    const lens = service.exampleLenses(uri).find((l) => l.span.start.line === line);
    if (!lens) return;
    const text = [lens.title, ...lens.details].join("\n");
    if (lens.ok) void connection.window.showInformationMessage(text);
    else void connection.window.showWarningMessage(text);
  });

  documents.listen(connection);
  return new Promise((resolve) => {
    connection.onExit(() => resolve(0));
    connection.listen();
  });
}
