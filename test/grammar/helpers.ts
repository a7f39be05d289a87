import { expect } from "vitest";
import { parse } from "../../grammar/index.js";
import type { Declaration, Expr, PolicyFile } from "../../grammar/ast.js";

/** A deep copy without `span` keys, for comparing shapes. */
export function strip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === "span" ? undefined : v))) as T;
}

/** Parse and require zero diagnostics. */
export function parseOk(source: string): PolicyFile {
  const { ast, diagnostics } = parse(source, "test.tilsyn");
  expect(diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column} ${d.message}`)).toEqual([]);
  return ast;
}

/** The single declaration of a snippet that must parse cleanly. */
export function decl<K extends Declaration["kind"]>(
  source: string,
  kind: K,
): Extract<Declaration, { kind: K }> {
  const ast = parseOk(source);
  expect(ast.declarations).toHaveLength(1);
  const d = ast.declarations[0]!;
  expect(d.kind).toBe(kind);
  return d as Extract<Declaration, { kind: K }>;
}

/** The expression of `mål x = SOURCE`, without spans. */
export function expr(source: string): Expr {
  return strip(decl(`mål x = ${source}`, "MeasureDecl").expr);
}

/** The condition of `kriterie k når SOURCE`, without spans. */
export function cond(source: string): Expr {
  return strip(decl(`kriterie k når ${source}`, "CriterionDecl").when!);
}

// Small AST constructors for expected shapes (spans stripped).
export const ref = (text: string): Expr => ({ kind: "Ref", name: { text } }) as unknown as Expr;
export const num = (text: string): Expr => ({ kind: "NumberLit", text }) as unknown as Expr;
export const pct = (text: string): Expr => ({ kind: "PercentLit", text }) as unknown as Expr;
export const bin = (op: "+" | "-" | "*" | "/", left: Expr, right: Expr): Expr =>
  ({ kind: "Binary", op, left, right }) as unknown as Expr;
export const cmp = (op: string, written: string, left: Expr, right: Expr): Expr =>
  ({ kind: "Compare", op, written, left, right }) as unknown as Expr;
export const and = (left: Expr, right: Expr): Expr => ({ kind: "Logical", op: "og", left, right }) as unknown as Expr;
export const or = (left: Expr, right: Expr): Expr => ({ kind: "Logical", op: "eller", left, right }) as unknown as Expr;
export const not = (operand: Expr): Expr => ({ kind: "Not", operand }) as unknown as Expr;
export const paren = (e: Expr): Expr => ({ kind: "Paren", expr: e }) as unknown as Expr;
