// The compiler, runtime and data loaders the worker runs: the very same modules as the command line.
export { checkPolicy } from "../../compiler/index.js";
export { hasErrors, renderDiagnostic } from "../../diagnostics/index.js";
export { evaluateCompiled as evaluate } from "../../compiler/emit-criteria.js";
export { EvaluationError } from "../../runtime/engine.js";
export { canonicalEvent } from "../../runtime/events.js";
export { loadTable } from "../../load/csv.js";
export { parseKommuner } from "../../load/kommuner.js";
