// The prettier plugin for .tilsyn files: `languages`, `parsers.tilsyn` (the project's own parser)
// and `printers.tilsyn` (the house style, docs/sprog.md «Formatering (husstil)»).
//
// Usable from the prettier CLI (`--plugin=./grammar/prettier/plugin.mjs`), from prettier's Node API
// (cli/fmt.ts) and in the browser through `prettier/standalone` (the playground): this
// module and everything it imports use no Node APIs.

import type { AstPath, Doc, Parser, ParserOptions, Printer, SupportLanguage } from "prettier";
import { builders } from "prettier/doc";
import type { Diagnostic } from "../../diagnostics/index.js";
import { parse as parseTilsyn } from "../index.js";
import { conditionDoc, exprText } from "./expr.js";
import {
  buildLayout,
  type BlockNode,
  type LayoutNode,
  type LineNode,
  type PrettierComment,
  type RootNode,
} from "./layout.js";

export type { RootNode, LayoutNode, LineNode, BlockNode } from "./layout.js";

const { breakParent, hardline, indent, lineSuffix } = builders;

type Node = RootNode | LayoutNode;

export const languages: SupportLanguage[] = [
  {
    name: "tilsyn",
    parsers: ["tilsyn"],
    extensions: [".tilsyn"],
    vscodeLanguageIds: ["tilsyn"],
  },
];

/** House style defaults: 100 columns, two spaces. */
export const defaultOptions = { printWidth: 100, tabWidth: 2, useTabs: false };

// ---------------------------------------------------------------------------------------------
// Parser

/**
 * A file with syntax errors is never formatted: the parser throws this, carrying the parser's
 * Danish diagnostics (`diagnostics`) and, for prettier's own error output, the first error's
 * position (`loc`, 1-based line and column).
 */
export class TilsynSyntaxError extends SyntaxError {
  readonly diagnostics: Diagnostic[];
  readonly loc: {
    start: { line: number; column: number };
    end: { line: number; column: number };
  };
  constructor(diagnostics: Diagnostic[]) {
    const first = diagnostics[0]!;
    const { start, end } = first.span;
    super(
      diagnostics
        .map((d) => `${d.severity}[${d.code}]: ${d.message} (${d.span.start.line}:${d.span.start.column})`)
        .join("\n"),
    );
    this.name = "SyntaxError";
    this.diagnostics = diagnostics;
    this.loc = {
      start: { line: start.line, column: start.column },
      end: { line: end.line, column: end.column },
    };
  }
}

const locStart = (node: Node | PrettierComment): number =>
  "span" in node ? node.span.start.offset : node.start;
const locEnd = (node: Node | PrettierComment): number => ("span" in node ? node.span.end.offset : node.end);

const tilsynParser: Parser<Node> = {
  astFormat: "tilsyn",
  // The parser works on NFC-normalised text (its spans point into it); so does the printer.
  preprocess: (text: string) => text.normalize("NFC"),
  parse(text: string, options: ParserOptions<Node>): RootNode {
    const { ast, diagnostics } = parseTilsyn(text, options.filepath ?? "<tekst>");
    const errors = diagnostics.filter((d) => d.severity === "fejl");
    if (errors.length > 0) throw new TilsynSyntaxError(errors);
    return buildLayout(ast, text);
  },
  locStart,
  locEnd,
};

export const parsers = { tilsyn: tilsynParser };

// ---------------------------------------------------------------------------------------------
// Printer

function addComment(node: LayoutNode, comment: PrettierComment, leading: boolean): boolean {
  comment.leading = leading;
  comment.trailing = !leading;
  comment.printed = false;
  (node.comments ??= []).push(comment);
  return true;
}

type Attached = PrettierComment & {
  enclosingNode?: Node;
  precedingNode?: Node;
  followingNode?: Node;
};

const BLANK_LINE = /\n[^\S\n]*\n/;

/**
 * An own-line comment right under a block (no blank line between) and separated by a blank line
 * from what follows belongs to the block: it stays under the block's last clause, at that
 * clause's indentation. Otherwise an own-line comment describes what follows it.
 */
function ownLine(comment: Attached, text: string): boolean {
  const { enclosingNode: enclosing, precedingNode: before, followingNode: after } = comment;
  if (enclosing?.kind === "Line") return addComment(enclosing, comment, true);
  // Only where blank lines are kept (between declarations), or the next run would see no blank.
  const keepsBlankLines =
    enclosing === undefined ||
    enclosing.kind === "Root" ||
    (enclosing.kind === "Block" && enclosing.keepBlankLines && enclosing.head !== before);
  if (keepsBlankLines && before && after && before.kind !== "Root" && after.kind !== "Root") {
    const start = comment.span.start.offset;
    const hugsAbove = !BLANK_LINE.test(text.slice(before.end, start));
    const apartBelow = BLANK_LINE.test(text.slice(comment.span.end.offset, after.start));
    if (hugsAbove && apartBelow) {
      return addComment(before.kind === "Block" ? before.body.at(-1)! : before, comment, false);
    }
  }
  return false;
}

/** The line a node's text ends with. */
function lastLine(node: LayoutNode): LineNode {
  return node.kind === "Line" ? node : lastLine(node.body.at(-1) ?? node.head);
}

/**
 * An end-of-line comment goes at the end of the printed line it was on (even if it sat between
 * the line's tokens). A line has room for one: when a line collects several (from a condition that
 * was spread over several source lines), the earlier ones move above the line, in order.
 */
function endOfLine(comment: Attached): boolean {
  const { enclosingNode: enclosing, precedingNode: before } = comment;
  const target =
    enclosing?.kind === "Line" ? enclosing : before && before.kind !== "Root" ? lastLine(before) : undefined;
  if (!target) return false;
  for (const c of target.comments ?? []) {
    if (c.trailing && c.endOfLine) {
      c.trailing = false;
      c.leading = true;
    }
  }
  comment.endOfLine = true;
  return addComment(target, comment, false);
}

const handleComments = {
  ownLine: (comment: Attached, text: string): boolean => ownLine(comment, text),
  endOfLine,
  remaining: endOfLine,
};

/** Where a node's printed text begins, counting its leading comments. */
function firstOffset(node: LayoutNode): number {
  let first = node.start;
  for (const c of node.comments ?? []) if (c.leading) first = Math.min(first, c.span.start.offset);
  return first;
}

/** Did the author leave a blank line between two siblings? */
function blankBetween(text: string, before: LayoutNode, after: LayoutNode): boolean {
  return BLANK_LINE.test(text.slice(before.end, firstOffset(after)));
}

/** Siblings one per line, with one blank line where the author had at least one (if kept). */
function printSiblings(
  path: AstPath<Node>,
  print: (path: AstPath<Node>) => Doc,
  key: "units" | "body",
  nodes: LayoutNode[],
  keepBlankLines: boolean,
  text: string,
): Doc[] {
  const docs: Doc[] = [];
  path.each((child, i) => {
    if (i > 0) {
      docs.push(hardline);
      if (keepBlankLines && blankBetween(text, nodes[i - 1]!, nodes[i]!)) docs.push(hardline);
    }
    docs.push(print(child));
  }, key);
  return docs;
}

function printLine(node: LineNode): Doc {
  return node.parts.map((part) =>
    typeof part === "string" ? part : part.flat ? exprText(part.cond) : conditionDoc(part.cond),
  );
}

/**
 * A node's comments around its printed doc. Leading comments go on their own lines above it;
 * an end-of-line comment after the line; own-line trailing comments (under a block, or at the end
 * of the file) on their own lines below. A blank line next to a comment is kept where blank lines
 * are kept at all: between declarations (top level and in `forløb`), never inside a declaration.
 */
function withComments(path: AstPath<Node>, node: LayoutNode, doc: Doc, text: string): Doc {
  const comments = node.comments ?? [];
  if (comments.length === 0) return doc;
  const parent = path.parent as Node | null;
  const keepsBlankLines =
    parent?.kind === "Root" || (parent?.kind === "Block" && parent.keepBlankLines && path.key === "body");
  const leading = comments.filter((c) => c.leading);
  const trailing = comments.filter((c) => c.trailing);
  const before: Doc[] = [];
  leading.forEach((c, i) => {
    c.printed = true;
    before.push(`#${c.text}`, hardline);
    // The gap up to the next comment, or to the node where that comment was moved out of it
    // (a comment written inside a clause is printed above it): the node's own text is no gap.
    const next = Math.min(leading[i + 1]?.span.start.offset ?? node.start, node.start);
    const end = c.span.end.offset;
    if (keepsBlankLines && end <= node.start && BLANK_LINE.test(text.slice(end, Math.max(end, next)))) {
      before.push(hardline);
    }
  });
  const after: Doc[] = [];
  let previousEnd = node.end;
  for (const c of trailing) {
    c.printed = true;
    if (c.endOfLine) {
      after.push(lineSuffix(` #${c.text}`), breakParent);
    } else {
      const blank = keepsBlankLines && BLANK_LINE.test(text.slice(previousEnd, c.span.start.offset));
      after.push(lineSuffix([hardline, blank ? hardline : "", `#${c.text}`]));
    }
    previousEnd = c.span.end.offset;
  }
  return [...before, doc, ...after];
}

const tilsynPrinter: Printer<Node> = {
  print(path, options, print) {
    const node = path.node;
    if (node.kind === "Root") return printNode(path, options.originalText, print);
    return withComments(path, node, printNode(path, options.originalText, print), options.originalText);
  },
  willPrintOwnComments: () => true,
  getVisitorKeys(node) {
    switch ((node as Node).kind) {
      case "Root":
        return ["units"];
      case "Block":
        return ["head", "body"];
      default:
        return [];
    }
  },
  canAttachComment: (node: Node) => node.kind === "Block" || node.kind === "Line",
  isBlockComment: () => false,
  printComment: (path) => `#${(path.node as unknown as PrettierComment).text}`,
  handleComments: handleComments as unknown as Printer<Node>["handleComments"],
};

function printNode(path: AstPath<Node>, text: string, print: (path: AstPath<Node>) => Doc): Doc {
  const node = path.node;
  switch (node.kind) {
    case "Root": {
      // Comments are dangling on the root only in a file without declarations.
      const dangling = (node.comments ?? []).filter((c) => !c.leading && !c.trailing);
      const docs: Doc[] = printSiblings(path, print, "units", node.units, true, text);
      dangling.forEach((c, i) => {
        c.printed = true;
        const previous = dangling[i - 1];
        if (docs.length > 0) docs.push(hardline);
        if (previous && BLANK_LINE.test(text.slice(previous.span.end.offset, c.span.start.offset))) {
          docs.push(hardline);
        }
        docs.push(`#${c.text}`);
      });
      return docs.length > 0 ? [...docs, hardline] : "";
    }
    case "Block":
      return [
        path.call(print, "head"),
        indent([hardline, ...printSiblings(path, print, "body", node.body, node.keepBlankLines, text)]),
      ];
    case "Line":
      return printLine(node);
  }
}

export const printers = { tilsyn: tilsynPrinter };

const plugin = { languages, parsers, printers, defaultOptions };
export default plugin;
