// Shared helpers for the formatter tests.
import * as prettier from "prettier";
import plugin from "../../grammar/prettier/index.js";
import { parse } from "../../grammar/index.js";
import type { PolicyFile } from "../../grammar/ast.js";

/** Format a text the way `tilsyn fmt` and `prettier --plugin=…` do. */
export function fmt(text: string, filepath = "test.tilsyn"): Promise<string> {
  return prettier.format(text, { parser: "tilsyn", plugins: [plugin], filepath });
}

/** Parse and insist on no syntax errors. */
export function parseOk(text: string): PolicyFile {
  const { ast, diagnostics } = parse(text, "test.tilsyn");
  const errors = diagnostics.filter((d) => d.severity === "fejl");
  if (errors.length > 0) {
    throw new Error(
      `syntax errors:\n${errors.map((d) => `${d.code} ${d.message}`).join("\n")}\n---\n${text}`,
    );
  }
  return ast;
}

/**
 * What a file means: the AST without positions and comments. With `loose`, also without how
 * comparisons were written and without the author's parentheses (the issue's definition of
 * «meaning»); without it, those must survive formatting too.
 */
export function meaning(ast: PolicyFile, loose = false): unknown {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== "object") return value;
    const node = value as Record<string, unknown>;
    if (loose && node["kind"] === "Paren") return walk(node["expr"]);
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      if (key === "span" || key === "comments") continue;
      if (loose && key === "written") continue;
      out[key] = walk(child);
    }
    return out;
  };
  return walk(ast);
}

/** Every comment's text (trailing blanks aside: the formatter trims line ends), sorted. */
export function commentTexts(ast: PolicyFile): string[] {
  return ast.comments.map((c) => c.text.trimEnd()).sort();
}


const TOKEN = /"(?:[^"\\\n]|\\.)*"|[\p{L}_][\p{L}\p{N}_]*|\d{4}-\d{2}(?:-\d{2})?|\d+(?:[.,]\d+)?|>=|<=|\S/gu;

export function tokens(line: string): string[] {
  return line.match(TOKEN) ?? [];
}

const WORDY = /[\p{L}\p{N}_"]/u;

/** May two tokens be written with nothing between them and still lex the same? */
export function canTouch(left: string, right: string): boolean {
  const a = left.at(-1)!;
  const b = right[0]!;
  if (WORDY.test(a) && WORDY.test(b)) return false;
  if ((a === ">" || a === "<") && b === "=") return false;
  if (/\d/.test(a) && /[.,]/.test(b)) return false;
  if (/[.,]/.test(a) && /\d/.test(b)) return false;
  return true;
}
