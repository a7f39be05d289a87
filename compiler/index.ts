// The compiler: parse → check → plan, in a straight line. Runs in Node and in the browser.
//
//   compile(source, file)  → { ast, diagnostics, plan? }   (plan only when there are no errors)
//   emitTypeScript(plan)   → the TypeScript evaluator module

import { parse } from "../grammar/index.js";
import type { PolicyFile } from "../grammar/ast.js";
import type { Plan } from "../runtime/plan.js";
import { check } from "./check.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics.js";
import { lower } from "./plan.js";

export interface CompileResult {
  ast: PolicyFile;
  diagnostics: Diagnostic[];
  plan?: Plan;
}

export function compile(source: string, file: string): CompileResult {
  const text = source.normalize("NFC");
  const parsed = parse(text, file);
  if (hasErrors(parsed.diagnostics)) return { ast: parsed.ast, diagnostics: sortDiagnostics(parsed.diagnostics) };
  const checked = check(parsed.ast, file, text);
  const diagnostics = sortDiagnostics([...parsed.diagnostics, ...checked.diagnostics]);
  if (hasErrors(diagnostics)) return { ast: parsed.ast, diagnostics };
  return { ast: parsed.ast, diagnostics, plan: lower(checked) };
}

export { emitTypeScript, RUNTIME_FILES } from "./emit.js";
export { compiledFor, evaluateCompiled } from "./emit-criteria.js";
export { check } from "./check.js";
export * from "./diagnostics.js";
