// Diagnostics as text, the way rustc and Elm show them, in Danish:
//
//   fejl[T0201]: Feltet `uden_samtale` findes ikke i data `tidlig_indsats`.
//     --> policies/x.tilsyn:17:9
//      |
//   17 |   når uden_samtale / borgere over 20 %
//      |       ^^^^^^^^^^^
//      = hjælp: mente du `uden_samtaler`?

import { problem, type Diagnostic, type Problem } from "./diagnostic.js";

/**
 * Characters that would act on a terminal instead of being shown (escape sequences, the bell,
 * carriage returns, line breaks inside a message, C1 controls, the Unicode line separators and
 * bidirectional overrides): shown as `\u001b` and so on. A tab is left as it is.
 */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The text with every control character written as `\uXXXX`, safe to print on a terminal. */
export const escapeControl = (text: string): string =>
  text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** A source line longer than this is shown as the part around the span, cut with `…`. */
const FRAME_WIDTH = 200;

/** How many diagnostics of one file are shown; the rest are counted in one line (T0418). */
export const MAX_SHOWN = 50;

/** A spreadsheet's column as Excel names it: `C` for 3, `AA` for 27. */
export function columnLetters(column: number): string {
  let out = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** A problem without a place: the headline and the hint. */
export function renderProblem(p: Problem): string {
  return [`${p.severity}[${p.code}]: ${escapeControl(p.message)}`, ...(p.hint ? [`  = hjælp: ${escapeControl(p.hint)}`] : [])].join("\n");
}

/**
 * A diagnostic with its place and, given the source, a frame with a caret under the span. The
 * source is the whole text, or the lines by number (what a data file read in chunks keeps).
 */
export function renderDiagnostic(d: Diagnostic, source?: string | ReadonlyMap<number, string>): string {
  const { line, column } = d.span.start;
  const place = d.sheet !== undefined ? `${escapeControl(d.file)}, ark ${escapeControl(d.sheet)}, række ${line}, kolonne ${columnLetters(column)}` : `${escapeControl(d.file)}:${line}:${column}`;
  const out = [`${d.severity}[${d.code}]: ${escapeControl(d.message)}`, `  --> ${place}`];
  if (source !== undefined && d.sheet === undefined) {
    const text = typeof source === "string" ? lineOf(source, line) : source.get(line);
    if (text !== undefined) {
      const gutter = String(line).length;
      const pad = " ".repeat(gutter);
      const endColumn =
        d.span.end.line === line ? Math.max(d.span.end.column, column + 1) : text.length + 1;
      const end = Math.max(column, Math.min(endColumn, text.length + 1)) - 1;
      // The line as it is shown (control characters escaped), and where the caret goes in it.
      const before = escapeControl(text.slice(0, column - 1));
      const marked = escapeControl(text.slice(column - 1, end));
      let shown = before + marked + escapeControl(text.slice(end));
      let at = before.length;
      let width = Math.max(1, marked.length);
      if (shown.length > FRAME_WIDTH) {
        const from = Math.max(0, Math.min(at - 40, shown.length - FRAME_WIDTH));
        const to = Math.min(shown.length, from + FRAME_WIDTH);
        width = Math.max(1, Math.min(width, to - at));
        shown = `${from > 0 ? "…" : ""}${shown.slice(from, to)}${to < shown.length ? "…" : ""}`;
        at = at - from + (from > 0 ? 1 : 0);
      }
      out.push(`${pad} |`);
      out.push(`${line} | ${shown}`);
      out.push(`${pad} | ${" ".repeat(at)}${"^".repeat(width)}`);
    }
  }
  if (d.hint) out.push(`  = hjælp: ${escapeControl(d.hint)}`);
  for (const r of d.related ?? []) {
    const at = d.sheet !== undefined ? `række ${r.span.start.line}, kolonne ${columnLetters(r.span.start.column)}` : `linje ${r.span.start.line}, kolonne ${r.span.start.column}`;
    out.push(`  = note: ${escapeControl(r.message)} (${at})`);
  }
  return out.join("\n");
}

/**
 * The diagnostics of one file as the CLI prints them, each followed by a blank line: at most
 * `max`, then one line saying how many more there are (a file of garbage gives thousands).
 */
export function renderDiagnostics(list: readonly Diagnostic[], source?: string | ReadonlyMap<number, string>, max = MAX_SHOWN): string {
  let out = "";
  for (const d of list.slice(0, max)) out += `${renderDiagnostic(d, source)}\n\n`;
  if (list.length > max) {
    out += `${renderProblem(problem("T0418", { count: String(list.length - max), file: list[0]!.file }))}\n\n`;
  }
  return out;
}

/** Line `n` (1-based) of the source, without splitting all of it. */
function lineOf(source: string, n: number): string | undefined {
  let start = 0;
  for (let i = 1; i < n; i++) {
    const next = source.indexOf("\n", start);
    if (next < 0) return undefined;
    start = next + 1;
  }
  const end = source.indexOf("\n", start);
  const text = source.slice(start, end < 0 ? source.length : end);
  return text.endsWith("\r") ? text.slice(0, -1) : text;
}
