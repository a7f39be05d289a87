// The examples pin the exact edges of the rules: flipping any single comparison of a bundled
// policy (`over` ↔ `mindst`, `under` ↔ `højst`, and the symbols alike) must make at least one of
// its examples fail. A flip only changes the result where the two sides are equal, so this holds
// only if an example sits exactly on every boundary and expects what happens there.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../grammar/index.js";
import type { Compare, Expr, PolicyFile } from "../../grammar/ast.js";
import { policySuite, runSuite } from "../../compiler/runner.js";

const root = join(import.meta.dirname, "..", "..");
const files = readdirSync(join(root, "policies"))
  .filter((f) => f.endsWith(".tilsyn"))
  .sort();

const FLIP: Record<string, string> = { over: "mindst", mindst: "over", under: "højst", højst: "under", ">": ">=", ">=": ">", "<": "<=", "<=": "<" };

function comparisons(ast: PolicyFile): Compare[] {
  const out: Compare[] = [];
  const walk = (e: Expr | undefined): void => {
    if (!e) return;
    switch (e.kind) {
      case "Compare":
        out.push(e);
        walk(e.left);
        walk(e.right);
        return;
      case "Binary":
      case "Logical":
        walk(e.left);
        walk(e.right);
        return;
      case "Not":
      case "Unary":
        return walk(e.operand);
      case "Paren":
      case "Windowed":
        return walk(e.expr);
      case "Aggregate":
        return walk(e.arg);
      case "StreakCond":
        return walk(e.cond);
      default:
        return;
    }
  };
  for (const d of ast.declarations) {
    if (d.kind === "MeasureDecl") walk(d.expr);
    else if (d.kind === "CriterionDecl") {
      walk(d.guard);
      walk(d.when);
    } else if (d.kind === "ReviewDecl") walk(d.when);
    else if (d.kind === "MachineDecl") for (const t of d.transitions) walk(t.when);
  }
  return out;
}

describe.each(files)("policies/%s: every flipped comparison fails an example", (name) => {
  const source = readFileSync(join(root, "policies", name), "utf8").normalize("NFC");
  const file = `policies/${name}`;
  const { ast } = parse(source, file);
  const flips = comparisons(ast)
    .map((c) => {
      const between = source.slice(c.left.span.end.offset, c.right.span.start.offset);
      const m = /^(\s*)(\S+)/.exec(between)!;
      const start = c.left.span.end.offset + m[1]!.length;
      return { c, start, op: m[2]!, line: c.span.start.line };
    })
    .filter((f) => FLIP[f.op] !== undefined);

  it("has comparisons to flip", () => {
    expect(flips.length).toBeGreaterThanOrEqual(4);
  });

  it("runs all its examples green unmutated", () => {
    const results = runSuite(policySuite(source, file));
    expect(results.filter((r) => !r.ok).map((r) => r.title)).toEqual([]);
  });

  for (const f of flips) {
    it(`linje ${f.line}: \`${source.slice(f.c.span.start.offset, f.c.span.end.offset)}\` with ${f.op} → ${FLIP[f.op]}`, () => {
      const mutated = source.slice(0, f.start) + FLIP[f.op] + source.slice(f.start + f.op.length);
      const suite = policySuite(mutated, file);
      expect(suite.plans, "the mutated policy compiles").toHaveLength(1);
      const failed = runSuite(suite).filter((r) => !r.ok);
      expect(failed.length, "at least one example fails").toBeGreaterThan(0);
    });
  }
});
