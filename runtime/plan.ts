// The plan: a checked policy lowered to plain data that the runtime evaluates.
//
// The compiler produces it (compiler/plan.ts) and every generated TypeScript module embeds it
// as a typed constant; the playground sends it from its worker. It is JSON-serialisable: no
// functions, no bigints (rationals are written as "n/d" strings), no AST spans except the
// few locations tools need to point back into the policy.

import type { Cadence } from "./calendar.js";
import type { DataSchema } from "./table.js";
import type { PlanWindow } from "./windows.js";

/** The static type of a value. `tal` is a plain number (a literal such as 10 or 2). */
export type ValueType = "antal" | "andel" | "tal" | "sandhed";

/** A location in the policy file, for tools that point back into it. */
export interface PlanLocation {
  line: number;
  column: number;
}

export interface Plan {
  /** The name after `politik`. */
  name: string;
  title: string;
  /** The policy's own `kilde`, used where a rule cites none. */
  source: string;
  file: string;
  /** Action dates this file governs (inclusive, YYYY-MM-DD). */
  inForce: { from?: string; to?: string };
  data: PlanData[];
  assessment?: PlanAssessment;
  measures: PlanMeasure[];
  criteria: PlanCriterion[];
  reviews: PlanReview[];
  suspensions: PlanSuspension[];
  reaction?: PlanReaction;
  machine?: PlanMachine;
}

export interface PlanData extends DataSchema {
  /** Months after the data month on whose 1st it is published. */
  lagMonths?: number;
  /** Or a fixed date in the following year (annual data). */
  fixedPublication?: { month: number; day: number };
}

export interface PlanAssessment {
  cadence: Cadence;
  /** `pr`: each group on its own; `samlet`: all groups under one; `ingen`: no group dimension. */
  grouping: "pr" | "samlet" | "ingen";
  /** The data column that holds the group (when grouping is not `ingen`). */
  groupColumn?: string;
  /** Overrides the data sources' publication. */
  lagMonths?: number;
  fixedPublication?: { month: number; day: number };
  followUpMonths: number;
  source?: string;
}

export interface PlanMeasure {
  name: string;
  /** The title, or the name with spaces: how explanations speak of it. */
  label: string;
  type: ValueType;
  expr: PExpr;
  source?: string;
}

export interface PlanCriterion {
  name: string;
  title: string;
  source: string;
  dataFrom?: number; // month index
  dataTo?: number;
  guard?: PExpr;
  when: PExpr;
  /** `i N sammenhængende måneder` */
  streak?: number;
  delayMonths: number;
  location: PlanLocation;
}

export interface PlanReview {
  name: string;
  title: string;
  source: string;
  when: PExpr;
  location: PlanLocation;
}

export interface PlanSuspension {
  name: string;
  title: string;
  source: string;
  from: string;
  to: string;
}

export interface PlanReaction {
  contactText: string;
  contactSource?: string;
  maxPerYear?: number;
  recontactAfterData: boolean;
  ladder?: string[];
  account?: { text: string; months: number; source?: string };
}

export interface PlanMachine {
  start: string;
  states: { name: string; title: string; deadlines: PlanDeadline[] }[];
  transitions: PlanTransition[];
}

export interface PlanDeadline {
  name: string;
  when: PlanCalendar;
  source?: string;
}

export type PlanCalendar =
  | { kind: "EndOfMonth"; month: number }
  | { kind: "After"; amount: number; unit: "måneder" | "uger" | "dage"; anchor: string }
  | { kind: "PeriodFrom"; amount: number; unit: "måneder" | "uger" | "dage"; anchor: string };

export interface PlanTransition {
  name: string;
  title: string;
  from: string;
  to: string;
  source: string;
  when?: PExpr;
  otherwise: boolean;
  remember: { name: string; type: ValueType; expr: PExpr }[];
  location: PlanLocation;
}

/** The anchor name for the assessment's publication date in calendar terms. */
export const PUBLICATION_ANCHOR = "offentliggørelse";

// ---------------------------------------------------------------------------------------------
// Expressions, resolved and typed

export type CompareOp = "over" | "mindst" | "under" | "højst" | "lig";

export type PExpr =
  /** A literal: "20/100" for 20 %, "10/1" for 10. */
  | { k: "lit"; value: string; type: ValueType; text: string }
  /** A field of the current cell (a single row: the checker made sure). */
  | { k: "field"; data: string; field: string; type: ValueType }
  | { k: "measure"; name: string; type: ValueType }
  | { k: "remembered"; name: string; type: ValueType }
  | { k: "arith"; op: "+" | "-" | "*" | "/"; left: PExpr; right: PExpr; type: ValueType }
  | { k: "neg"; operand: PExpr; type: ValueType }
  | { k: "cmp"; op: CompareOp; left: PExpr; right: PExpr; type: "sandhed"; loc?: PlanLocation; text?: string }
  | { k: "and" | "or"; left: PExpr; right: PExpr; type: "sandhed" }
  | { k: "not"; operand: PExpr; type: "sandhed" }
  /**
   * Σ of a row-level count expression over the rows of the window (only rows where `filter` is
   * measured). `bare`: written as a plain field name (the checker made sure the cell is one row).
   * `id` numbers the distinct sums of the plan (equal sums share one), naming their window kernel.
   */
  | { k: "sum"; id: number; data: string; row: RowExpr; filter?: string; type: "antal"; bare?: boolean }
  /** Mean of the monthly values of `operand` over the months of the window. */
  | { k: "mean"; operand: PExpr; type: ValueType }
  /** Evaluate `operand` over another window. */
  | { k: "window"; window: PlanWindow; operand: PExpr; type: ValueType };

export type { PlanWindow } from "./windows.js";

/** The direct sub-expressions of a plan expression, left to right. */
export function childrenOf(e: PExpr): readonly PExpr[] {
  switch (e.k) {
    case "arith":
    case "cmp":
    case "and":
    case "or":
      return [e.left, e.right];
    case "neg":
    case "not":
    case "mean":
    case "window":
      return [e.operand];
    case "lit":
    case "field":
    case "measure":
    case "remembered":
    case "sum":
      return [];
  }
}

/**
 * Visit `e` and its sub-expressions depth first, parents before children; `visit` returning
 * false skips a node's children. The one walk over plan expressions: a pass that only needs to
 * find nodes uses this instead of its own switch over the kinds.
 */
export function walkPlan(e: PExpr, visit: (e: PExpr) => boolean | void): void {
  if (visit(e) === false) return;
  for (const child of childrenOf(e)) walkPlan(child, visit);
}

/** Row-level count arithmetic inside sum(). */
export type RowExpr =
  | { k: "field"; field: string }
  | { k: "lit"; value: number }
  | { k: "arith"; op: "+" | "-" | "*"; left: RowExpr; right: RowExpr };

/** A row expression as the policy writes it (`roed`, `a + b`). */
export function rowExprText(e: RowExpr): string {
  switch (e.k) {
    case "field":
      return e.field;
    case "lit":
      return String(e.value);
    case "arith":
      return `${rowExprText(e.left)} ${e.op} ${rowExprText(e.right)}`;
  }
}
