// The runtime: everything a generated evaluator module imports (`tilsyn/runtime` in the npm
// package; the data file loaders are in load/, but for the person data reader behind a measurement's
// rows-based entry). No Node API: it runs in a browser as well.
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
// A measurement (`måling`): its plan, the evaluator its emitted code runs on, and the rows-based entry.
export type { MeasurePlan, MExpr, PersonDataPlan } from "./measure-plan.js";
export {
  compareBig,
  measure,
  measuredCsv,
  monthText,
  type MeasureCode,
  type MeasureCondition,
  type MeasuredTable,
  type MeasureFunctions,
  type MeasureState,
  type PersonColumn,
  type PersonTable,
} from "./spells.js";
export { loadPersonTable, measureRows, PersonIds, type PersonRowObject } from "../load/persons.js";
export type { Diagnostic, Span } from "../diagnostics/index.js";
