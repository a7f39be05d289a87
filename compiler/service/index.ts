// The language service: everything an editor asks about a .tilsyn file, answered once for every
// editor. The playground's Monaco providers and `tilsyn lsp` (cli/lsp.ts) are thin adapters over
// it: they translate positions and results into their editor's types, nothing more.
//
// It is built on checkPolicy() (the same diagnostics as `tilsyn check`, with their structured
// fixes) and on one symbol table per document (./symbols.ts). Places are 1-based lines and
// columns (UTF-16 code units) or Spans, both into the NFC-normalised text, as the syntax tree has them.
//
// Browser-safe: no Node APIs. A host that checks in the same thread (the language server) passes
// the compiler (./compiler.ts), and one that can read files `readFile`, so a file of examples can
// be checked and run against policies that are not open. The playground checks in its worker and
// hands the results over (setAnalysis), so its page loads neither the checker nor the runner.

import type { PolicyFile, Span } from "../../grammar/ast.js";
import type { Plan } from "../../runtime/plan.js";
import type { MeasurePlan } from "../../runtime/measure-plan.js";
import type { Diagnostic } from "../../diagnostics/index.js";
import type { PreparedExample } from "../examples.js";
import type { ExampleResult } from "../runner.js";
import type { Compiler } from "./compiler.js";
import { isKeyword } from "../../grammar/keywords.js";
import { buildSymbols, RULE_KINDS, symbolKey, type Occurrence, type PolicySymbol, type SymbolTable } from "./symbols.js";
import { LineIndex, NAME, type LineColumn } from "./text.js";
import { complete, type CompletionItem } from "./complete.js";
import { hoverAt, type Hover } from "./hover.js";
import { codeActions, type CodeAction } from "./actions.js";

export type { CompletionItem } from "./complete.js";
export type { Hover } from "./hover.js";
export type { CodeAction } from "./actions.js";
export type { LineColumn } from "./text.js";
export { LineIndex } from "./text.js";
export { kindLabel, labelOf, type PolicySymbol, type SymbolKind, type SymbolTable } from "./symbols.js";

/** What the service needs to know of a checked document: what checkPolicy() returns. */
export interface Analysis {
  /** The NFC-normalised text every span points into. */
  text: string;
  ast: PolicyFile;
  diagnostics: readonly Diagnostic[];
  plan?: Plan;
  examples?: PreparedExample[];
  /** The plans of the file's `måling` blocks, when they have no errors. */
  measurements?: MeasurePlan[];
}

export interface Location {
  uri: string;
  span: Span;
}

export interface TextEdit {
  span: Span;
  newText: string;
}

/** Edits to several documents (a rename reaches the files of examples about a policy). */
export type WorkspaceEdit = Record<string, TextEdit[]>;

/** One `eksempel` block run: ✓ or ✗ and why, shown above the block. */
export interface ExampleLens {
  span: Span;
  title: string;
  ok: boolean;
  /** The lines a user reads when they click the lens. */
  details: string[];
}

export interface ServiceHost {
  /** The compiler, for update(), examples and files that are not open (./compiler.ts). */
  compiler?: Compiler;
  /** The text of a document that is not open, or undefined when there is none. */
  readFile?(uri: string): string | undefined;
}

interface Doc {
  uri: string;
  analysis: Analysis;
  lines: LineIndex;
  /** The last symbol table of a tree without syntax errors: names survive a half-typed line. */
  lastGood?: { ast: PolicyFile; lines: LineIndex };
  lenses?: ExampleLens[];
  symbols?: SymbolTable;
}

/** The editor's message for a diagnostic: the Danish message, then its hint («Hjælp: Mente du …?»). */
export function diagnosticMessage(d: Diagnostic): string {
  return d.hint ? `${d.message}\nHjælp: ${d.hint.charAt(0).toUpperCase()}${d.hint.slice(1)}` : d.message;
}

/** Compare document addresses as written by different editors (percent-encoding may differ). */
const sameUri = (a: string, b: string): boolean => {
  const norm = (u: string) => {
    try {
      return decodeURIComponent(u).normalize("NFC");
    } catch {
      return u;
    }
  };
  return norm(a) === norm(b);
};

export class LanguageService {
  private readonly docs = new Map<string, Doc>();
  /** Policies a file of examples names that are not open, read once per text. */
  private readonly closed = new Map<string, { text: string; analysis: Analysis; symbols: SymbolTable }>();

  constructor(private readonly host: ServiceHost = {}) {}

  // -------------------------------------------------------------------------------------------
  // Documents

  /** Check a document's new text (opening it if need be) and keep the result. */
  update(uri: string, text: string): Analysis {
    const compiler = this.host.compiler;
    if (!compiler) throw new Error("update() needs the compiler (ServiceHost.compiler); without it, give results with setAnalysis().");
    const checked = compiler.checkPolicy(text, uri);
    this.setAnalysis(uri, checked);
    return checked;
  }

  /** Keep a result checked elsewhere (the playground checks in its web worker). */
  setAnalysis(uri: string, analysis: Analysis): void {
    const lines = new LineIndex(analysis.text);
    const before = this.docs.get(uri);
    const syntaxOk = !analysis.diagnostics.some((d) => d.code.startsWith("T01") && d.severity === "fejl");
    const lastGood = syntaxOk ? { ast: analysis.ast, lines } : before?.lastGood;
    this.docs.set(uri, { uri, analysis, lines, ...(lastGood ? { lastGood } : {}) });
    // Tables and examples of other documents may resolve against this one.
    this.forgetDerived();
  }

  /**
   * Forget what was derived from other files (their names, their examples' results): a file that
   * is not open changed on disk. The next question reads it again.
   */
  forgetDerived(): void {
    for (const d of this.docs.values()) {
      d.symbols = undefined;
      d.lenses = undefined;
    }
  }

  close(uri: string): void {
    this.docs.delete(uri);
    this.forgetDerived();
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  analysis(uri: string): Analysis | undefined {
    return this.docs.get(uri)?.analysis;
  }

  private doc(uri: string): Doc {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`Dokumentet ${uri} er ikke åbent.`);
    return doc;
  }

  /** The policies a file of examples names: open documents first, then files the host reads. */
  private targets(doc: Doc): { uri: string; analysis: Analysis; symbols: SymbolTable }[] {
    const files = doc.analysis.ast.examplesFor?.files ?? [];
    const out: { uri: string; analysis: Analysis; symbols: SymbolTable }[] = [];
    for (const f of files) {
      let target: string;
      try {
        target = new URL(f.value, doc.uri).href;
      } catch {
        continue;
      }
      const open = [...this.docs.values()].find((d) => sameUri(d.uri, target));
      if (open) {
        out.push({ uri: open.uri, analysis: open.analysis, symbols: this.ownSymbols(open) });
        continue;
      }
      const text = this.host.readFile?.(target);
      const compiler = this.host.compiler;
      if (text === undefined || !compiler) continue;
      let cached = this.closed.get(target);
      if (!cached || cached.text !== text) {
        const analysis = compiler.checkPolicy(text, target);
        cached = { text, analysis, symbols: buildSymbols(analysis.ast, target) };
        this.closed.set(target, cached);
      }
      out.push({ uri: target, analysis: cached.analysis, symbols: cached.symbols });
    }
    return out;
  }

  private ownSymbols(doc: Doc): SymbolTable {
    return buildSymbols(doc.analysis.ast, doc.uri);
  }

  /** The symbol table of a document, its examples resolved against the policies they are about. */
  symbols(uri: string): SymbolTable {
    const doc = this.doc(uri);
    if (!doc.symbols) {
      const targets = doc.analysis.ast.examplesFor ? this.targets(doc).map((t) => t.symbols) : [];
      doc.symbols = buildSymbols(doc.analysis.ast, doc.uri, targets);
    }
    return doc.symbols;
  }

  /** The names to offer while a line is half typed: the last tree without syntax errors. */
  private knownSymbols(doc: Doc): PolicySymbol[] {
    const now = this.symbols(doc.uri).symbols;
    if (doc.lastGood && doc.lastGood.ast !== doc.analysis.ast) {
      const before = buildSymbols(doc.lastGood.ast, doc.uri).symbols;
      if (before.length > now.length) return before;
    }
    return now;
  }

  // -------------------------------------------------------------------------------------------
  // Questions about one place

  /**
   * Every diagnostic of a document. A file of examples is also checked against the policies it
   * names (as `tilsyn test` does), when they can be read and have no errors.
   */
  diagnostics(uri: string): Diagnostic[] {
    const doc = this.doc(uri);
    const own = [...doc.analysis.diagnostics];
    const ast = doc.analysis.ast;
    const compiler = this.host.compiler;
    if (compiler && ast.examplesFor && !ast.policy && own.every((d) => d.severity !== "fejl")) {
      const targets = this.targets(doc);
      if (targets.length > 0 && targets.every((t) => t.analysis.plan)) {
        own.push(...compiler.checkExamples(ast.examples ?? [], compiler.exampleScope(targets.map((t) => t.analysis.ast)), uri).diagnostics);
      }
    }
    return own;
  }

  hover(uri: string, at: LineColumn): Hover | undefined {
    const doc = this.doc(uri);
    return hoverAt(doc.analysis, this.symbols(uri), doc.lines.offset(at), (u) => this.docs.get(u)?.analysis);
  }

  /** Completions at a place; `typing`: asked by the editor after a space, not by the user (see complete()). */
  completion(uri: string, at: LineColumn, typing = false, text?: string): CompletionItem[] {
    const doc = this.doc(uri);
    const symbols = [...this.knownSymbols(doc)];
    if (doc.analysis.ast.examplesFor) for (const t of this.targets(doc)) symbols.push(...t.symbols.symbols);
    // The editor's text may be ahead of the last check (the playground checks in a worker): the
    // context is read from the text as it is now, the names from the last check.
    const lines = text !== undefined && text !== doc.analysis.text ? new LineIndex(text) : doc.lines;
    return complete(lines, lines.offset(at), symbols, typing);
  }

  /** The occurrence of a name at a place, if any. */
  private occurrenceAt(uri: string, at: LineColumn): Occurrence | undefined {
    const doc = this.doc(uri);
    return this.symbols(uri).at(doc.lines.offset(at));
  }

  definition(uri: string, at: LineColumn): Location[] {
    const o = this.occurrenceAt(uri, at);
    if (!o) return [];
    // Every declaration of the name (a deadline set in two states is declared twice).
    return this.occurrencesOf(o.symbol)
      .filter((x) => x.declaration)
      .map((x) => ({ uri: x.uri, span: x.span }));
  }

  /** Every place the symbol is written, in every open document (and its declaring file). */
  private occurrencesOf(symbol: PolicySymbol): Occurrence[] {
    const key = symbolKey(symbol);
    const out: Occurrence[] = [];
    const seen = new Set<string>();
    const add = (list: Occurrence[]) => {
      for (const o of list) {
        if (symbolKey(o.symbol) !== key) continue;
        const id = `${o.uri}@${o.span.start.offset}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(o);
      }
    };
    for (const d of this.docs.values()) add(this.symbols(d.uri).occurrences);
    if (!this.docs.has(symbol.uri)) {
      const closed = this.closed.get(symbol.uri);
      if (closed) add(closed.symbols.occurrences);
    }
    return out.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.span.start.offset - b.span.start.offset));
  }

  references(uri: string, at: LineColumn, includeDeclaration = true): Location[] {
    const o = this.occurrenceAt(uri, at);
    if (!o) return [];
    return this.occurrencesOf(o.symbol)
      .filter((x) => includeDeclaration || !x.declaration)
      .map((x) => ({ uri: x.uri, span: x.span }));
  }

  /** The name a rename at this place would change, or undefined where nothing can be renamed. */
  prepareRename(uri: string, at: LineColumn): { span: Span; name: string } | undefined {
    const o = this.occurrenceAt(uri, at);
    return o && o.symbol.kind !== "politik" ? { span: o.span, name: o.symbol.name } : undefined;
  }

  /**
   * Rename a declared name everywhere it is written: its declaration, its uses, and the examples
   * in the file and in every open file of examples about it. An error is a Danish sentence.
   */
  rename(uri: string, at: LineColumn, newName: string): { edits: WorkspaceEdit } | { error: string } {
    const o = this.occurrenceAt(uri, at);
    if (!o || o.symbol.kind === "politik") return { error: "Her står intet navn, der kan omdøbes." };
    const name = newName.normalize("NFC");
    if (!NAME.test(name)) return { error: `\`${name}\` kan ikke være et navn: det skal begynde med et bogstav eller _ og kun have bogstaver, tal og _.` };
    if (isKeyword(name)) return { error: `\`${name}\` er et nøgleord; vælg et andet navn.` };
    const clash = this.symbols(o.symbol.uri).symbols.find((s) => s.name === name && (s.kind === "data") === (o.symbol.kind === "data"));
    if (clash) return { error: `\`${name}\` er allerede erklæret (linje ${clash.nameSpan.start.line}).` };
    const edits: WorkspaceEdit = {};
    for (const x of this.occurrencesOf(o.symbol)) (edits[x.uri] ??= []).push({ span: x.span, newText: name });
    return { edits };
  }

  /** The declaration of the rule an event names (criterion, review, transition, suspension), from the last complete tree. */
  findRule(uri: string, name: string): PolicySymbol | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    const known = this.knownSymbols(doc);
    return known.find((s) => s.name === name && RULE_KINDS.includes(s.kind)) ?? known.find((s) => s.name === name);
  }

  /** The outline: data blocks with their fields, measures, criteria, reviews, states … */
  documentSymbols(uri: string): PolicySymbol[] {
    return this.symbols(uri).outline;
  }

  /** Quick fixes for the diagnostics touching a range. */
  codeActions(uri: string, range: { start: LineColumn; end: LineColumn }): CodeAction[] {
    const doc = this.doc(uri);
    const span = doc.lines.span(doc.lines.offset(range.start), doc.lines.offset(range.end));
    return codeActions(uri, doc.analysis, doc.lines, this.diagnostics(uri), span);
  }

  /**
   * The document in the house style (the prettier plugin, as `tilsyn fmt`), as one edit of the
   * whole text; no edit when it is formatted already. Throws on syntax errors.
   */
  async format(uri: string): Promise<TextEdit[]> {
    const doc = this.doc(uri);
    const formatted = await formatSource(doc.analysis.text);
    return formatted === doc.analysis.text ? [] : [{ span: doc.lines.all(), newText: formatted }];
  }

  /**
   * Run every `eksempel` block of a document and say above each whether it holds (✓) or not (✗),
   * and why not. A file of examples runs with the policies it names. Needs the compiler.
   */
  exampleLenses(uri: string): ExampleLens[] {
    const doc = this.doc(uri);
    if (doc.lenses) return doc.lenses;
    const compiler = this.host.compiler;
    if (!compiler) return [];
    const ast = doc.analysis.ast;
    const examples = ast.examples ?? [];
    if (examples.length === 0) return (doc.lenses = []);
    let plans: Plan[] = [];
    let prepared: PreparedExample[] = [];
    let blocked: string | undefined;
    // A `måling`'s examples (person rows in, the table's rows expected) run as `tilsyn test` runs them.
    const measured = ast.policy && doc.analysis.measurements ? compiler.runMeasurementExamples(ast, doc.analysis.measurements, uri) : [];
    if (ast.policy) {
      if (doc.analysis.plan) {
        plans = [doc.analysis.plan];
        prepared = doc.analysis.examples ?? [];
      } else blocked = "politikken har fejl";
    } else {
      const targets = this.targets(doc);
      if (targets.length === 0) blocked = "politikken, eksemplerne er til, kan ikke læses";
      else if (!targets.every((t) => t.analysis.plan)) blocked = "politikken, eksemplerne er til, har fejl";
      else {
        plans = targets.map((t) => t.analysis.plan!);
        prepared = compiler.checkExamples(examples, compiler.exampleScope(targets.map((t) => t.analysis.ast)), uri).prepared;
      }
    }
    const lenses = examples.map((example): ExampleLens => {
      const span = example.span;
      if (blocked) return { span, ok: false, title: `✗ kan ikke køres: ${blocked}`, details: [] };
      const measuredResult = example.expectedTables?.length ? measured.find((r) => r.line === example.span.start.line) : undefined;
      if (measuredResult) return lensOf(span, measuredResult);
      const ready = prepared.find((p) => p.example === example);
      if (!ready) return { span, ok: false, title: "✗ eksemplet har fejl", details: [] };
      return lensOf(span, compiler.runExample(example, ready.tables, plans, uri));
    });
    return (doc.lenses = lenses);
  }
}

function lensOf(span: Span, result: ExampleResult): ExampleLens {
  if (result.error) return { span, ok: false, title: `✗ eksemplet fejler: ${result.error}`, details: [result.error] };
  const failed = result.expectations.filter((e) => !e.ok);
  if (failed.length === 0) {
    const n = result.expectations.length;
    return { span, ok: true, title: `✓ eksemplet holder (${n} ${n === 1 ? "forventning" : "forventninger"})`, details: [] };
  }
  const first = failed[0]!;
  const details = failed.map((e) => `linje ${e.line}: ${e.text}${e.actual ? ` — ${e.actual}` : ""}`);
  return {
    span,
    ok: false,
    title: `✗ eksemplet fejler: ${failed.length} af ${result.expectations.length} forventninger holder ikke (linje ${first.line}${first.actual ? `: ${first.actual}` : ""})`,
    details,
  };
}

/** Format a policy with the prettier plugin in the house style; loaded on first use. Throws on syntax errors. */
export async function formatSource(source: string): Promise<string> {
  const [{ format }, plugin] = await Promise.all([import("prettier/standalone"), import("../../grammar/prettier/index.js")]);
  return format(source, { parser: "tilsyn", plugins: [plugin.default], ...plugin.defaultOptions });
}
