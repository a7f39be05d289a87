// diagnostics/: the ground floor. Spans, the Diagnostic type, the one message catalogue, the
// text rendering and "mente du …?" suggestions. It imports nothing from the rest of tilsyn and
// uses no Node API (the playground runs it in the browser).

export type { Position, Span } from "./span.js";
export {
  applyFixes,
  diagnostic,
  hasErrors,
  problem,
  replaceWith,
  sortDiagnostics,
  type Diagnostic,
  type Extra,
  type Fix,
  type Label,
  type Problem,
} from "./diagnostic.js";
export { columnLetters, escapeControl, MAX_SHOWN, renderDiagnostic, renderDiagnostics, renderProblem } from "./render.js";
export { closest, editDistance, suggest } from "./suggest.js";
export {
  catalogue,
  codes,
  docOf,
  formatHint,
  formatMessage,
  isCode,
  severityOf,
  type Code,
  type CodeWithoutParams,
  type Entry,
  type MessageParams,
  type Severity,
} from "./messages/index.js";
