// The runtime: everything a generated evaluator module imports (the data loaders are in load/).
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
  type CompiledFn,
  type CompiledPolicy,
  type Decision,
  type EvalContext,
  type EvaluateOptions,
  type Kernels,
} from "./engine.js";
export { tableFromRows, type DataSchema, type FieldSchema, type FieldType, type InputRow, type Table } from "./table.js";
