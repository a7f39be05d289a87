// Quick fixes. A diagnostic whose hint names one correction («Mente du `uden_samtaler`?», «Skriv
// `20 %`») carries it as a structured fix; it is offered as the preferred action. A static-analysis
// warning (T05xx) can be silenced where it stands with `tillad CODE "begrundelse"`, added as a
// clause of the declaration the warning is about; a `tillad` that silences nothing (T0509) can go.

import type { AllowClause, Declaration, PolicyFile, Span } from "../../grammar/ast.js";
import type { Diagnostic } from "../../diagnostics/index.js";
import { allowClauses, type AllowHolder } from "../allow.js";
import type { Analysis, WorkspaceEdit } from "./index.js";
import type { LineIndex } from "./text.js";

export interface CodeAction {
  /** Danish, as the editor shows it. */
  title: string;
  kind: "quickfix";
  /** The diagnostic it fixes. */
  diagnostic: Diagnostic;
  edits: WorkspaceEdit;
  /** The one obvious fix (applied by «fix all» and shown first). */
  preferred: boolean;
}

const touches = (a: Span, b: Span): boolean => a.start.offset <= b.end.offset && b.start.offset <= a.end.offset;

/** The declarations that may hold `tillad`, innermost first, that contain an offset. */
function holdersAt(ast: PolicyFile, offset: number): AllowHolder[] {
  const inside = (s: Span) => s.start.offset <= offset && offset <= s.end.offset;
  const out: AllowHolder[] = [];
  for (const d of ast.declarations as Declaration[]) {
    if (!inside(d.span)) continue;
    if (d.kind === "MachineDecl") {
      for (const s of d.states) if (inside(s.span)) out.push(s);
      for (const t of d.transitions) if (inside(t.span)) out.push(t);
    } else if (d.kind !== "AssessmentDecl" && d.kind !== "ReactionDecl") out.push(d);
  }
  return out;
}

export function codeActions(uri: string, analysis: Analysis, lines: LineIndex, diagnostics: readonly Diagnostic[], span: Span): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (!touches(d.span, span)) continue;
    if (d.fix) {
      out.push({
        title: `Skriv \`${d.fix.replacement}\``,
        kind: "quickfix",
        diagnostic: d,
        edits: { [uri]: [{ span: d.fix.span, newText: d.fix.replacement }] },
        preferred: true,
      });
    }
    if (d.code === "T0509") {
      const clause = allowClauses(analysis.ast).find((c) => touches(c.clause.span, d.span))?.clause;
      if (clause) out.push(removeAllow(uri, d, clause, lines));
    } else if (d.code.startsWith("T05") && d.severity === "advarsel") {
      const holder = holdersAt(analysis.ast, d.span.start.offset)[0] ?? analysis.ast.policy;
      if (holder) out.push(addAllow(uri, d, holder, lines));
    }
  }
  return out;
}

/** `tillad CODE "begrundelse"` on a new line at the end of the declaration, indented as its clauses. */
function addAllow(uri: string, d: Diagnostic, holder: AllowHolder, lines: LineIndex): CodeAction {
  const head = holder.span.start.line;
  const headIndent = /^\s*/.exec(lines.lineText(head))![0].length;
  const endLine = holder.span.end.line;
  let indent = headIndent + 2;
  for (let l = head + 1; l <= endLine; l++) {
    const m = /^(\s*)\S/.exec(lines.lineText(l));
    if (m && m[1]!.length > headIndent) {
      indent = m[1]!.length;
      break;
    }
  }
  const at = holder.span.end;
  const name = "name" in holder && holder.name ? ` \`${holder.name.text}\`` : "";
  return {
    title: `Tillad ${d.code} i${name ? name : " politikken"} med en begrundelse`,
    kind: "quickfix",
    diagnostic: d,
    edits: { [uri]: [{ span: { start: at, end: at }, newText: `\n${" ".repeat(indent)}tillad ${d.code} "begrundelse"` }] },
    preferred: !d.fix,
  };
}

function removeAllow(uri: string, d: Diagnostic, clause: AllowClause, lines: LineIndex): CodeAction {
  // The whole line, when the clause stands alone on it.
  const line = clause.span.start.line;
  const text = lines.lineText(line);
  const alone = text.trim() === lines.text.slice(clause.span.start.offset, clause.span.end.offset).trim();
  const span = alone
    ? lines.span(lines.offset({ line, column: 1 }) - (line > 1 ? 1 : 0), lines.offset({ line, column: text.length + 1 }))
    : clause.span;
  return { title: `Fjern \`tillad ${clause.code.text}\`, der ikke tillader noget`, kind: "quickfix", diagnostic: d, edits: { [uri]: [{ span, newText: "" }] }, preferred: true };
}
