// The runtime: everything a generated evaluator module imports (`tilsyn/runtime` in the npm
// package; the data file loaders are in load/). No Node API: it runs in a browser as well.
export * from "./calendar.js";
export * from "./rational.js";
export * from "./events.js";
export * from "./plan.js";
export {
  evaluate,
  EvaluationError,
  findComparison,
  formatDanishDate,
  planExpressions,
  planSums,
  type CompiledFn,
  type CompiledPolicy,
  type Decision,
  type EvalContext,
  type EvaluateOptions,
  type ExplainHelpers,
  type Kernels,
  type UnitKernels,
} from "./engine.js";
export { parseRationalLiteral, vAnd, vArith, vCompare, vNeg, vNot, vOr, type Value } from "./values.js";
export { nameRecord, ownValue, tableFromRows, type DataSchema, type FieldSchema, type FieldType, type InputRow, type Table } from "./table.js";
export { checkRows, DataError, decimalText, evaluateRows, monthOption, type RowObject, type RowsOptions } from "./rows.js";
export { KOMMUNE_CODES, KOMMUNE_NAMES, KOMMUNER } from "./kommuner.js";
export type { Diagnostic, Span } from "../diagnostics/index.js";
