// Diagnostics are data: a stable code, a severity, a Danish message, a labelled span, a hint and
// further labels. The same objects feed the CLI (rendered with a source frame), the playground's
// editor markers and tests.

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
}

/** What a producer may add to the catalogue's text: its own hint, related places. */
export interface Extra {
  /** Replaces the catalogue's hint. */
  hint?: string;
  related?: Label[];
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
  };
}

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
