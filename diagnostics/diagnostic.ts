// Diagnostics are data: a stable code, a severity, a Danish message, a labelled span, a hint,
// further labels and, where the hint names one, a fix the editor can apply. The same objects feed
// the CLI (rendered with a source frame), the playground's editor markers and tests.

import {
  formatHint,
  formatMessage,
  severityOf,
  type Code,
  type MessageParams,
  type Severity,
} from "./messages/index.js";
import type { Span } from "./span.js";

/** A further place that explains the diagnostic (e.g. where a name was first declared). */
export interface Label {
  message: string;
  span: Span;
}

/** A mechanical correction: replace the text of `span` with `replacement`. */
export interface Fix {
  span: Span;
  replacement: string;
}

/** A problem without a place in a source text (the command line's T04xx). */
export interface Problem<C extends Code = Code> {
  code: C;
  severity: Severity;
  /** One Danish sentence: what is wrong. */
  message: string;
  /** What to do about it, in Danish ("mente du `uden_samtaler`?"). */
  hint?: string;
}

export interface Diagnostic<C extends Code = Code> extends Problem<C> {
  /** File name as the user gave it (or a label such as "<editor>"). */
  file: string;
  span: Span;
  related?: Label[];
  /** The correction the hint names, when there is exactly one. */
  fix?: Fix;
  /**
   * In a spreadsheet (an .xlsx file), the sheet: the span's line is then the sheet's row and its
   * column the sheet's column number, shown as `ark Ark1, række 5, kolonne C`.
   */
  sheet?: string;
}

/** What a producer may add to the catalogue's text: its own hint, related places, a fix. */
export interface Extra {
  /** Replaces the catalogue's hint. */
  hint?: string;
  related?: Label[];
  fix?: Fix;
}

/** A problem from the catalogue, without a place (for the command line). */
export function problem<C extends Code>(code: C, params: MessageParams<C>): Problem<C> {
  const hint = formatHint(code, params);
  return { code, severity: severityOf(code), message: formatMessage(code, params), ...(hint ? { hint } : {}) };
}

/** A diagnostic from the catalogue. `extra.hint` replaces the catalogue's hint when given. */
export function diagnostic<C extends Code>(code: C, file: string, span: Span, params: MessageParams<C>, extra: Extra = {}): Diagnostic<C> {
  const hint = extra.hint ?? formatHint(code, params);
  return {
    code,
    severity: severityOf(code),
    message: formatMessage(code, params),
    file,
    span,
    ...(hint ? { hint } : {}),
    ...(extra.related ? { related: extra.related } : {}),
    ...(extra.fix ? { fix: extra.fix } : {}),
  };
}

/** The extra of a diagnostic whose fix replaces `span` with a suggestion, if there is one. */
export const replaceWith = (span: Span, replacement: string | undefined): Extra =>
  replacement === undefined ? {} : { fix: { span, replacement } };

/** Sort by file, then position, then code: root causes first, stable output. */
export function sortDiagnostics<D extends Diagnostic>(list: readonly D[]): D[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.span.start.offset - b.span.start.offset ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

export const hasErrors = (list: readonly Problem[]): boolean => list.some((d) => d.severity === "fejl");

/**
 * The source with the fixes applied (offsets into the text the diagnostics were made from, i.e.
 * the NFC-normalised source). Overlapping fixes: the first by position wins.
 */
export function applyFixes(source: string, fixes: readonly Fix[]): string {
  let out = "";
  let at = 0;
  for (const f of [...fixes].sort((a, b) => a.span.start.offset - b.span.start.offset)) {
    if (f.span.start.offset < at) continue;
    out += source.slice(at, f.span.start.offset) + f.replacement;
    at = f.span.end.offset;
  }
  return out + source.slice(at);
}
