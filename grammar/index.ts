// The public face of grammar/: `parse` for the compiler, the CLI and the playground; `tokenize`
// and the keyword table for editors (hover, Monarch highlighting).

import { EOF, tokenMatcher, type IToken } from "chevrotain";
import type { PolicyFile, Span } from "./ast.js";
import { closest, diagnostic, formatHint, sortDiagnostics, type Diagnostic } from "../diagnostics/index.js";
import { astBuilder, endPosition, tokenSpan } from "./ast-builder.js";
import { isKeyword, keywordInfo, keywordWords, type KeywordCategory } from "./keywords.js";
import {
  Comment,
  DateLiteral,
  Identifier,
  K,
  LParen,
  Minus,
  MonthLiteral,
  NumberLiteral,
  RParen,
  StringLiteral,
  WordKeyword,
  tilsynLexer,
} from "./lexer.js";
import { errorMessages, parser, type SyntaxErrorInfo } from "./parser.js";

export type * from "./ast.js";
export {
  KEYWORDS,
  keywordTable,
  keywordWords,
  keywordInfo,
  isKeyword,
  MONTH_NAMES,
  monthNumber,
  type KeywordCategory,
  type KeywordEntry,
  type KeywordWord,
} from "./keywords.js";

/** Deepest nesting of `(`, `-` and `ikke` the parser accepts (its recursion uses the JS stack). */
const MAX_NESTING = 100;

function emptyFile(text: string): PolicyFile {
  return {
    kind: "PolicyFile",
    declarations: [],
    comments: [],
    span: { start: { offset: 0, line: 1, column: 1 }, end: endPosition(text) },
  };
}

/** A zero-width-at-least span just after `token` (for errors at the end of the file). */
function afterToken(token: IToken | undefined, text: string): Span {
  if (!token || !Number.isFinite(token.startOffset) || token.tokenType === EOF) {
    const end = endPosition(text);
    return { start: end, end };
  }
  const end = tokenSpan(token).end;
  return { start: end, end };
}

/**
 * A keyword the user probably meant when writing `found`: first among the keywords that were
 * expected here, then (stricter) among all keywords.
 */
function suggestKeyword(found: string, expectedWords: string[]): string | undefined {
  if (found.length < 2) return undefined;
  // `naar`, `maal`, `foelges`: æ, ø and å written as on a keyboard without them.
  const danish = found.replace(/aa/g, "å").replace(/ae/g, "æ").replace(/oe/g, "ø");
  if (danish !== found && isKeyword(danish)) return danish;
  return (
    closest(found, expectedWords, found.length >= 5 ? 2 : 1) ??
    (found.length >= 3 ? closest(found, keywordWords(), 1) : undefined)
  );
}

/**
 * Parse a policy file. Never throws: syntax errors become diagnostics (T01xx) and the AST is as
 * complete as recovery allows. Offsets in the AST refer to the NFC-normalised source.
 */
export function parse(source: string, file: string): { ast: PolicyFile; diagnostics: Diagnostic[] } {
  let text = "";
  try {
    text = String(source ?? "").normalize("NFC");
    const diagnostics: Diagnostic[] = [];

    const lexed = tilsynLexer.tokenize(text);
    for (const error of lexed.errors) {
      const length = error.length || 1;
      const line = error.line ?? 1;
      const column = error.column ?? 1;
      diagnostics.push(
        diagnostic(
          "T0101",
          file,
          {
            start: { offset: error.offset, line, column },
            end: { offset: error.offset + length, line, column: column + length },
          },
          { char: text.slice(error.offset, error.offset + length) },
        ),
      );
    }

    // Guard the recursive-descent parser's stack: no real policy nests this deep.
    let parens = 0;
    let unaryRun = 0;
    for (const t of lexed.tokens) {
      if (t.tokenType === LParen) parens++;
      else if (t.tokenType === RParen) parens = Math.max(0, parens - 1);
      unaryRun = t.tokenType === Minus || t.tokenType === K["ikke"] ? unaryRun + 1 : 0;
      if (parens > MAX_NESTING || unaryRun > MAX_NESTING) {
        diagnostics.push(diagnostic("T0113", file, tokenSpan(t), { limit: String(MAX_NESTING) }));
        return { ast: emptyFile(text), diagnostics: sortDiagnostics(diagnostics) };
      }
    }

    parser.input = lexed.tokens;
    errorMessages.info.clear();
    const cst = parser.file();
    const seen = new Set<string>();
    /** Lines with a mistake in the middle already reported: what follows on them is its echo. */
    const slipLines = new Set<number>();
    for (const error of parser.errors) {
      const token = error.token;
      if (token && slipLines.has(token.startLine ?? -1)) continue;
      const slip = token ? commonSlip(token, lexed.tokens, file) : undefined;
      if (slip) {
        diagnostics.push(slip);
        slipLines.add(token!.startLine!);
        continue;
      }
      const info: SyntaxErrorInfo = errorMessages.info.get(error.message) ?? {
        code: "T0103",
        args: { expected: "noget andet", found: token ? `\`${token.image}\`` : "slutningen af filen" },
        expectedWords: [],
      };
      const previous = (error as { previousToken?: IToken }).previousToken;
      const atToken = token && token.tokenType !== EOF && Number.isFinite(token.startOffset);
      // Something missing at the end of a line is shown where it is missing, like rustc does:
      // just after the previous token, not at the start of the next line.
      const missingAtLineEnd =
        atToken &&
        info.code === "T0103" &&
        previous !== undefined &&
        previous.tokenType !== EOF &&
        Number.isFinite(previous.startOffset) &&
        (previous.endLine ?? 0) < (token.startLine ?? 0);
      const span =
        atToken && !missingAtLineEnd
          ? tokenSpan(token)
          : afterToken(previous ?? lexed.tokens.at(-1), text);
      const key = `${span.start.offset}:${info.code}:${error.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A line that goes on after a complete statement (`når a over 2 og b`… `25 procent`): say
      // so, instead of "expected a new declaration" about a word in the middle of the line.
      const before = atToken ? lexed.tokens[lexed.tokens.indexOf(token) - 1] : undefined;
      const midLine = atToken && info.code === "T0104" && before !== undefined && before.endLine === token.startLine;
      const meant =
        token && token.tokenType === Identifier ? suggestKeyword(token.image, info.expectedWords) : undefined;
      if (midLine && !meant) {
        diagnostics.push(diagnostic("T0120", file, tokenSpan(token), { found: `\`${token.image}\`` }));
        slipLines.add(token.startLine!);
        continue;
      }
      const hint = meant ? `Mente du \`${meant}\`? ${(info.code === "T0103" ? formatHint(info.code, info.args) : formatHint(info.code, info.args)) ?? ""}`.trim() : undefined;
      // The misspelt keyword is the token itself: replacing it with the suggestion is the fix.
      const fix = meant && atToken && !missingAtLineEnd ? { span, replacement: meant } : undefined;
      const extra = { ...(hint ? { hint } : {}), ...(fix ? { fix } : {}) };
      // Two branches so that each code's parameters are checked against its own message.
      diagnostics.push(
        info.code === "T0103"
          ? diagnostic(info.code, file, span, info.args, extra)
          : diagnostic(info.code, file, span, info.args, extra),
      );
    }

    const comments = (lexed.groups["comments"] ?? []) as IToken[];
    const built = astBuilder.build(cst, comments, text, file);
    diagnostics.push(...built.diagnostics);
    return { ast: built.ast, diagnostics: sortDiagnostics(diagnostics) };
  } catch (error) {
    const end = endPosition(text);
    if (error instanceof RangeError) {
      return {
        ast: emptyFile(text),
        diagnostics: [
          diagnostic("T0113", file, { start: { offset: 0, line: 1, column: 1 }, end }, {
            limit: String(MAX_NESTING),
          }),
        ],
      };
    }
    return {
      ast: emptyFile(text),
      diagnostics: [
        diagnostic("T0112", file, { start: { offset: 0, line: 1, column: 1 }, end }, {
          detail: error instanceof Error ? error.message : String(error),
        }),
      ],
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Tokens for editors

export type EditorTokenKind =
  | "keyword"
  | "name"
  | "number"
  | "date"
  | "month"
  | "string"
  | "comment"
  | "operator"
  | "punctuation"
  | "invalid";

export interface EditorToken {
  kind: EditorTokenKind;
  /** For keywords: the keyword's category in the keyword table. */
  category?: KeywordCategory;
  text: string;
  span: Span;
}

const OPERATORS = new Set([">", ">=", "<", "<=", "=", "+", "-", "*", "/", "%"]);

/**
 * Split a source text into classified tokens, comments and unexpected characters included, in
 * source order. Never throws. Offsets refer to the NFC-normalised text.
 */
export function tokenize(source: string): EditorToken[] {
  try {
    const text = String(source ?? "").normalize("NFC");
    const lexed = tilsynLexer.tokenize(text);
    const out: EditorToken[] = [];
    for (const t of [...lexed.tokens, ...((lexed.groups["comments"] ?? []) as IToken[])]) {
      const span = tokenSpan(t);
      let kind: EditorTokenKind;
      let category: KeywordCategory | undefined;
      if (tokenMatcher(t, WordKeyword)) {
        kind = "keyword";
        category = keywordInfo(t.image)?.category;
      } else if (t.tokenType === Identifier) kind = "name";
      else if (t.tokenType === NumberLiteral) kind = "number";
      else if (t.tokenType === DateLiteral) kind = "date";
      else if (t.tokenType === MonthLiteral) kind = "month";
      else if (tokenMatcher(t, StringLiteral)) kind = "string";
      else if (t.tokenType === Comment) kind = "comment";
      else kind = OPERATORS.has(t.image) ? "operator" : "punctuation";
      out.push({ kind, ...(category ? { category } : {}), text: t.image, span });
    }
    for (const e of lexed.errors) {
      const length = e.length || 1;
      const line = e.line ?? 1;
      const column = e.column ?? 1;
      out.push({
        kind: "invalid",
        text: text.slice(e.offset, e.offset + length),
        span: {
          start: { offset: e.offset, line, column },
          end: { offset: e.offset + length, line, column: column + length },
        },
      });
    }
    return out.sort((a, b) => a.span.start.offset - b.span.start.offset);
  } catch {
    return [];
  }
}

/** English words for the logical operators, as people write them from other rule languages. */
const ENGLISH: Record<string, string> = { and: "og", or: "eller", not: "ikke", AND: "og", OR: "eller", NOT: "ikke" };
const PERCENT_WORDS = new Set(["procent", "pct", "percent"]);

/**
 * Mistakes people make in the middle of a line, with the repair that keeps the rule's meaning:
 * `25 procent` → `25 %`, `and` → `og`, `i 3 måneder i træk` → `i 3 sammenhængende måneder`.
 */
function commonSlip(token: IToken, tokens: IToken[], file: string): Diagnostic | undefined {
  if (!Number.isFinite(token.startOffset) || token.tokenType === EOF) return undefined;
  const index = tokens.indexOf(token);
  const before = index > 0 ? tokens[index - 1] : undefined;
  const sameLine = before !== undefined && before.endLine === token.startLine;
  const span = tokenSpan(token);
  if (sameLine && PERCENT_WORDS.has(token.image.toLowerCase()) && tokenMatcher(before, NumberLiteral)) {
    return diagnostic("T0121", file, span, { number: before.image, found: token.image }, { fix: { span, replacement: "%" } });
  }
  const english = ENGLISH[token.image];
  if (english && tokenMatcher(token, Identifier)) {
    return diagnostic("T0122", file, span, { found: token.image, meant: english }, { fix: { span, replacement: english } });
  }
  // `i 3 måneder i træk`: the parser stops at `måneder`, where it wanted `sammenhængende`.
  if (sameLine && (token.image === "måneder" || token.image === "måned") && tokenMatcher(before, NumberLiteral)) {
    const [i, traek] = [tokens[index + 1], tokens[index + 2]];
    if (i?.image === "i" && traek?.image === "træk" && traek.startLine === token.startLine) {
      const whole = { start: span.start, end: tokenSpan(traek).end };
      return diagnostic("T0123", file, whole, { months: before.image }, { fix: { span: whole, replacement: "sammenhængende måneder" } });
    }
  }
  return undefined;
}
