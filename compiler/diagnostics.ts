// Diagnostics are data: a stable code, a severity, a Danish message, a labelled span and a hint.
// The same objects feed the CLI (rendered with a source frame), the playground's editor markers
// and tests. Every message lives in the one catalogue below, keyed by its code:
//   T01xx syntax (grammar/)          T02xx names, types and structure (compiler/check)
//   T03xx data files (load/csv)      T04xx command line and files (cli/)
//   T05xx static analysis warnings   (gaps, unused declarations; may be silenced per rule)
// Codes are never reused: a retired code stays retired.

import type { Span } from "../grammar/ast.js";

export type Severity = "fejl" | "advarsel";

export interface Diagnostic {
  code: string;
  severity: Severity;
  /** One Danish sentence: what is wrong. */
  message: string;
  /** File name as the user gave it (or a label such as "<editor>"). */
  file: string;
  span: Span;
  /** What to do about it, in Danish ("mente du `uden_samtaler`?"). */
  hint?: string;
  /** Further places that explain the error (e.g. where a name was first declared). */
  related?: { message: string; span: Span }[];
}

type Template = (args: Record<string, string>) => string;

interface CatalogueEntry {
  severity: Severity;
  message: Template;
  hint?: Template;
}

const fill = (text: string): Template => (args) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => args[key] ?? `{${key}}`);

/** The catalogue: code → severity, message and hint. Add new codes at the end of their range. */
export const catalogue: Record<string, CatalogueEntry> = {};

/** Register a catalogue entry (used by each phase's message table; codes must be unique). */
export function defineMessages(
  entries: Record<string, { severity?: Severity; message: string; hint?: string }>,
): void {
  for (const [code, entry] of Object.entries(entries)) {
    if (catalogue[code]) throw new Error(`Diagnostic code ${code} defined twice`);
    catalogue[code] = {
      severity: entry.severity ?? "fejl",
      message: fill(entry.message),
      hint: entry.hint === undefined ? undefined : fill(entry.hint),
    };
  }
}

/** Build a diagnostic from the catalogue. `hint` overrides the catalogue's hint when given. */
export function diagnostic(
  code: string,
  file: string,
  span: Span,
  args: Record<string, string> = {},
  extra: { hint?: string; related?: Diagnostic["related"] } = {},
): Diagnostic {
  const entry = catalogue[code];
  if (!entry) throw new Error(`Unknown diagnostic code ${code}`);
  const hint = extra.hint ?? entry.hint?.(args);
  return {
    code,
    severity: entry.severity,
    message: entry.message(args),
    file,
    span,
    ...(hint ? { hint } : {}),
    ...(extra.related ? { related: extra.related } : {}),
  };
}

/** Sort by file, then position, then code: root causes first, stable output. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.span.start.offset - b.span.start.offset ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

export const hasErrors = (list: Diagnostic[]): boolean => list.some((d) => d.severity === "fejl");

/**
 * Render a diagnostic the way rustc and Elm do, in Danish:
 *
 *   fejl[T0201]: Feltet `uden_samtale` findes ikke i data `tidlig_indsats`.
 *     --> policies/x.tilsyn:17:9
 *      |
 *   17 |   når uden_samtale / borgere over 20 %
 *      |       ^^^^^^^^^^^
 *      = hjælp: mente du `uden_samtaler`?
 */
export function renderDiagnostic(d: Diagnostic, source?: string): string {
  const { line, column } = d.span.start;
  const out = [`${d.severity}[${d.code}]: ${d.message}`, `  --> ${d.file}:${line}:${column}`];
  if (source !== undefined) {
    const lines = source.split(/\r?\n/);
    const text = lines[line - 1];
    if (text !== undefined) {
      const gutter = String(line).length;
      const pad = " ".repeat(gutter);
      const endColumn =
        d.span.end.line === line ? Math.max(d.span.end.column, column + 1) : text.length + 1;
      const width = Math.max(1, Math.min(endColumn, text.length + 1) - column);
      out.push(`${pad} |`);
      out.push(`${line} | ${text}`);
      out.push(`${pad} | ${" ".repeat(column - 1)}${"^".repeat(width)}`);
    }
  }
  if (d.hint) out.push(`  = hjælp: ${d.hint}`);
  for (const r of d.related ?? []) {
    out.push(`  = note: ${r.message} (linje ${r.span.start.line}, kolonne ${r.span.start.column})`);
  }
  return out.join("\n");
}

/** Levenshtein distance, for "mente du …?" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate within a distance that scales with the name's length, if any. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** A span covering a whole 1-based line/column position (for data-file errors). */
export function pointSpan(line: number, column: number, offset = 0, length = 1): Span {
  return {
    start: { offset, line, column },
    end: { offset: offset + length, line, column: column + length },
  };
}
