// The compiler: parse → check → analyse → plan, in a straight line. Runs in Node and in the browser.
//
//   checkPolicy(source, file) → every diagnostic of a file (T01–T05), its tree, its checked
//                               examples and its plan: the one entry `tilsyn check`, `test`,
//                               `run`, the playground's worker and editors use
//   emitTypeScript(plan)      → the TypeScript evaluator module

import { parse } from "../grammar/index.js";
import type { PolicyFile } from "../grammar/ast.js";
import type { Plan } from "../runtime/plan.js";
import type { MeasurePlan } from "../runtime/measure-plan.js";
import { check } from "./check.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/index.js";
import { lower } from "./plan.js";
import { analyseChecked } from "./analyse.js";
import type { PreparedExample } from "./examples.js";

export interface CheckedPolicy {
  file: string;
  /** The NFC-normalised source every span points into. */
  text: string;
  ast: PolicyFile;
  /**
   * Every diagnostic of the file, sorted by position: syntax (T01xx), checks (T02xx), example
   * tables (T03xx) and, when there is no error, the static analysis (T05xx).
   */
  diagnostics: Diagnostic[];
  /** Those of the diagnostics the static analysis found (T0503–T0509: what `tilsyn check` adds to compiling). */
  analysis: Diagnostic[];
  /** The lowered policy, when there is no error. */
  plan?: Plan;
  /** The file's `måling` blocks, lowered, when there is no error (compiler/measure.ts). */
  measurements?: MeasurePlan[];
  /** The file's own examples, checked and ready to run. */
  examples: PreparedExample[];
  /**
   * A file of examples only (`eksempler til "…"`, no `politik`): its examples are checked
   * against the policies it names by whoever loads those (cli/test.ts), not here.
   */
  examplesOnly: boolean;
}

/** Parse and check one file once, and return everything known about it. */
export function checkPolicy(source: string, file: string): CheckedPolicy {
  const text = source.normalize("NFC");
  const parsed = parse(text, file);
  const base = { file, text, ast: parsed.ast, examples: [] as PreparedExample[], analysis: [] as Diagnostic[] };
  if (isExamplesOnly(parsed.ast)) return { ...base, diagnostics: sortDiagnostics(parsed.diagnostics), examplesOnly: true };
  if (hasErrors(parsed.diagnostics)) return { ...base, diagnostics: sortDiagnostics(parsed.diagnostics), examplesOnly: false };
  const checked = check(parsed.ast, file, text);
  const found = [...parsed.diagnostics, ...checked.diagnostics];
  if (hasErrors(found)) return { ...base, diagnostics: sortDiagnostics(found), examples: checked.examples ?? [], examplesOnly: false };
  const analysis = analyseChecked(checked);
  return {
    ...base,
    diagnostics: sortDiagnostics([...found, ...analysis]),
    analysis,
    plan: lower(checked),
    ...(checked.measurements?.length ? { measurements: checked.measurements } : {}),
    examples: checked.examples ?? [],
    examplesOnly: false,
  };
}

/** A file of examples only: no `politik` and no declarations, just `eksempel` blocks (and `eksempler til`). */
export const isExamplesOnly = (ast: PolicyFile): boolean =>
  !ast.policy && ast.declarations.length === 0 && (ast.examplesFor !== undefined || (ast.examples?.length ?? 0) > 0);

export { emitHistoryTypeScript, emitTypeScript } from "./emit.js";
export { compiledFor, evaluateCompiled } from "./emit-criteria.js";
export { check } from "./check.js";
export * from "../diagnostics/index.js";
