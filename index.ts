// The `tilsyn` package's API (import … from "tilsyn"): check a policy, emit its TypeScript module,
// load CSV data with the same checks as `tilsyn run`, and evaluate policies on the tables. Every
// function takes text, never a path, and uses no Node API. What generated modules import is the
// separate entry `tilsyn/runtime` (runtime/index.ts). Documented in docs/pakke.md.

import { evaluateCompiled } from "./compiler/emit-criteria.js";
import type { EvaluationResult } from "./runtime/events.js";
import { KOMMUNE_NAMES } from "./runtime/kommuner.js";
import type { Plan } from "./runtime/plan.js";
import { monthOption } from "./runtime/rows.js";
import type { Table } from "./runtime/table.js";

export { checkPolicy, type CheckedPolicy } from "./compiler/index.js";
export { emitHistoryTypeScript, emitTypeScript, type EmitOptions } from "./compiler/emit.js";
export { loadTable, type LoadResult } from "./load/csv.js";
export { parseKommuner, type Kommune } from "./load/kommuner.js";
export { hasErrors, renderDiagnostic, renderProblem, type Diagnostic, type Problem, type Severity, type Span } from "./diagnostics/index.js";
export { checkRows, DataError, KOMMUNE_CODES, KOMMUNE_NAMES, type RowObject } from "./runtime/index.js";
export { EvaluationError } from "./runtime/engine.js";
export type { DataSchema, Table } from "./runtime/table.js";
export type { Plan } from "./runtime/plan.js";
export type { EvaluationResult, PolicyEvent, SeriesPoint, TypedEvent } from "./runtime/events.js";

/** Options of evaluate(): the same choices as `tilsyn run`. */
export interface EvaluateOptions {
  /** Keep only events dated in or after this month, "YYYY-MM" (`--fra`). */
  from?: string;
  /** Keep only events dated in or before this month, "YYYY-MM" (`--til`). */
  to?: string;
  /** Kommune code → name, for explanations; the 98 municipalities' names by default. */
  kommuneNames?: ReadonlyMap<string, string>;
  /** Evaluate every assessment as if each policy were in force throughout (`--alle-perioder`). */
  ignoreInForce?: boolean;
  /** Also return the measured series behind each criterion and review (what `tilsyn diff` compares). */
  series?: boolean;
}

/**
 * Evaluate checked policies (the `plan` of checkPolicy) on tables (loadTable, by data name), the
 * way `tilsyn run` does: files of the same policy whose `gælder fra … til …` follow each other
 * run as one history. The policies' expressions are compiled in-process, as the CLI does.
 * Pure and synchronous; events are sorted. Throws a RangeError for a month that is not "YYYY-MM"
 * and an EvaluationError for data the policy cannot be evaluated on.
 */
export function evaluate(plans: readonly Plan[], tables: Readonly<Record<string, Table>>, options: EvaluateOptions = {}): EvaluationResult {
  const fromMonth = monthOption(options.from, "from");
  const toMonth = monthOption(options.to, "to");
  return evaluateCompiled([...plans], { ...tables }, {
    ...(fromMonth !== undefined ? { fromMonth } : {}),
    ...(toMonth !== undefined ? { toMonth } : {}),
    kommuneNames: options.kommuneNames ?? KOMMUNE_NAMES,
    ignoreInForce: options.ignoreInForce ?? false,
    ...(options.series ? { series: true } : {}),
  });
}
