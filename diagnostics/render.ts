// Diagnostics as text, the way rustc and Elm show them, in Danish:
//
//   fejl[T0201]: Feltet `uden_samtale` findes ikke i data `tidlig_indsats`.
//     --> policies/x.tilsyn:17:9
//      |
//   17 |   når uden_samtale / borgere over 20 %
//      |       ^^^^^^^^^^^
//      = hjælp: mente du `uden_samtaler`?

import type { Diagnostic, Problem } from "./diagnostic.js";

/** A problem without a place: the headline and the hint. */
export function renderProblem(p: Problem): string {
  return [`${p.severity}[${p.code}]: ${p.message}`, ...(p.hint ? [`  = hjælp: ${p.hint}`] : [])].join("\n");
}

/** A diagnostic with its place and, given the source, a frame with a caret under the span. */
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
