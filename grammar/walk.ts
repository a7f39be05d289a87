// The one walk over expressions of the syntax tree. A pass that only needs to find nodes (the
// names a rule uses, say) walks with this instead of its own switch over the kinds; passes that
// give each kind a meaning (checking, lowering, printing) switch on the kinds themselves.

import type { Expr } from "./ast.js";

/** The direct sub-expressions of an expression, left to right. */
export function childrenOfExpr(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case "Binary":
    case "Compare":
    case "Logical":
      return [e.left, e.right];
    case "Unary":
    case "Not":
      return [e.operand];
    case "Aggregate":
      return [e.arg];
    case "Windowed":
    case "Paren":
      return [e.expr];
    case "StreakCond":
      return [e.cond];
    case "CountOf":
      return e.where ? [e.where] : [];
    case "FirstOf":
      return [e.where];
    case "TextLit":
    case "NumberLit":
    case "PercentLit":
    case "Ref":
      return [];
  }
}

/** Visit `e` and its sub-expressions depth first, parents first; `visit` returning false skips a node's children. */
export function walkExpr(e: Expr, visit: (e: Expr) => boolean | void): void {
  if (visit(e) === false) return;
  for (const child of childrenOfExpr(e)) walkExpr(child, visit);
}
