// The runtime: everything a generated evaluator module and the playground import.
export * from "./calendar.js";
export * from "./rational.js";
export * from "./events.js";
export * from "./plan.js";
export { loadTable, type DataSchema, type FieldSchema, type FieldType, type LoadResult, type Table } from "./csv.js";
export { parseKommuner, type Kommune } from "./kommuner.js";
export {
  evaluate,
  EvaluationError,
  findComparison,
  formatDanishDate,
  planExpressions,
  type CompiledFn,
  type CompiledPolicy,
  type Decision,
  type EvalContext,
  type EvaluateOptions,
  type Kernels,
} from "./engine.js";
export { tableFromRows, type InputRow } from "./table.js";
