// The compiler and runtime the worker runs: the very same modules as the command line.
export { compile } from "../../compiler/index.js";
export { hasErrors, renderDiagnostic, sortDiagnostics } from "../../compiler/diagnostics.js";
export { analyse } from "../../compiler/analyse.js";
export { evaluateCompiled as evaluate } from "../../compiler/emit-criteria.js";
export { EvaluationError, loadTable, parseKommuner } from "../../runtime/index.js";
