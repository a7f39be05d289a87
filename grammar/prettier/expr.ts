// Expressions as text, and conditions as prettier docs that break before `og`/`eller`.
//
// Everything is printed as written: comparison words or symbols (`written`), the author's
// parentheses (`Paren` nodes), numbers (`text`). Parentheses are only *added* where a hand-built
// AST (never a parsed one) would otherwise read back differently.
//
// Browser-safe: no Node APIs.

import type { Doc } from "prettier";
import { builders } from "prettier/doc";
import type { CompareOp, Expr, Logical } from "../ast.js";
import { count } from "./layout.js";

const { group, indent, line, join } = builders;

/** Binding strength, loosest first (grammar/ast.ts, «Precedence»). */
function precedence(e: Expr): number {
  switch (e.kind) {
    case "StreakCond":
      return 0;
    case "Logical":
      return e.op === "eller" ? 1 : 2;
    case "Not":
      return 3;
    case "Compare":
      return 4;
    case "Windowed":
      return 5;
    case "Binary":
      return e.op === "+" || e.op === "-" ? 6 : 7;
    case "Unary":
      return 8;
    default:
      return 9;
  }
}

const WORDS: Record<CompareOp, string> = {
  over: "over",
  mindst: "mindst",
  under: "under",
  højst: "højst",
  lig: "lig med",
};

/** `e` as text, in parentheses unless it binds at least as tightly as `min`. */
function operand(e: Expr, min: number): string {
  const text = exprText(e);
  return precedence(e) >= min ? text : `(${text})`;
}

/** An expression on one line. */
export function exprText(e: Expr): string {
  switch (e.kind) {
    case "NumberLit":
      return e.text;
    case "PercentLit":
      return `${e.text} %`;
    case "Ref":
      return e.name.text;
    case "Paren":
      return `(${exprText(e.expr)})`;
    case "Aggregate":
      return `${e.fn}(${exprText(e.arg)}${e.measuredFilter ? ` hvor ${e.measuredFilter.text} er målt` : ""})`;
    case "Unary":
      return `-${operand(e.operand, 8)}`;
    case "Not":
      return `ikke ${operand(e.operand, 3)}`;
    case "Binary":
    case "Logical": {
      const p = precedence(e);
      return `${operand(e.left, p)} ${e.op} ${operand(e.right, p + 1)}`;
    }
    case "Compare":
      return `${operand(e.left, 5)} ${e.written || WORDS[e.op]} ${operand(e.right, 5)}`;
    case "Windowed": {
      const w = e.window;
      const window =
        w.kind === "PeriodWindow" ? w.period : `de seneste ${count(w.months, "måned", "måneder")}`;
      return `${operand(e.expr, 6)} over ${window}`;
    }
    case "StreakCond":
      return `${operand(e.cond, 1)} i ${count(e.months, "sammenhængende måned", "sammenhængende måneder")}`;
    case "TextLit":
      return `"${e.value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
    case "CountOf":
      return `antal(${e.of.text}${e.where ? ` hvor ${exprText(e.where)}` : ""})`;
    case "FirstOf":
      return `første(${e.of.text} hvor ${exprText(e.where)})`;
  }
}

/** The operands of a left-nested chain of one logical operator (without the author's parens). */
function chain(e: Expr, op: Logical["op"]): Expr[] {
  if (e.kind !== "Logical" || e.op !== op) return [e];
  return [...chain(e.left, op), e.right];
}

/**
 * A condition that breaks, when too long, before each `eller`; and if that is not enough, before
 * each `og` as well. Continuation lines are indented one step from the clause. Parenthesised
 * conditions stay on one line.
 */
export function conditionDoc(e: Expr): Doc {
  if (e.kind === "StreakCond") {
    const suffix = ` i ${count(e.months, "sammenhængende måned", "sammenhængende måneder")}`;
    return precedence(e.cond) >= 1 ? [conditionDoc(e.cond), suffix] : [`(${exprText(e.cond)})`, suffix];
  }
  if (e.kind !== "Logical") return exprText(e);
  const conjunction = (o: Expr): Doc => {
    const items = chain(o, "og");
    if (items.length === 1) return operand(o, 2);
    return group(
      join(
        [line, "og "],
        items.map((item, i) => operand(item, i === 0 ? 2 : 3)),
      ),
    );
  };
  const alternatives = chain(e, "eller");
  return group(indent(join([line, "eller "], alternatives.map(conjunction))));
}
