// The tokens of tilsyn. Keyword tokens are generated from the one keyword table (keywords.ts);
// everything else is listed here. Input is normalised to NFC before lexing, so `é` written as
// `e` + combining accent is the same keyword as the precomposed `é`.

import { createToken, Lexer, type ILexingResult, type TokenType } from "chevrotain";
import { KEYWORDS, type KeywordWord } from "./keywords.js";

// Letters allowed in names. Written without the `u` flag so chevrotain can optimise the lexer
// (first-character dispatch); `start_chars_hint` lists the non-ASCII first characters explicitly.
const LETTERS = "A-Za-zÆØÅæøåÉé_";
const NON_ASCII_START = ["Æ", "Ø", "Å", "æ", "ø", "å", "É", "é"];

export const Identifier = createToken({
  name: "Identifier",
  label: "et navn",
  pattern: new RegExp(`[${LETTERS}][${LETTERS}0-9]*`),
  start_chars_hint: [
    ..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_",
    ...NON_ASCII_START,
  ],
});

/** Category shared by every word keyword: a `Name` may be an Identifier or any WordKeyword. */
export const WordKeyword = createToken({ name: "WordKeyword", label: "et navn", pattern: Lexer.NA });

/** Category of the keywords that may also be referred to in expressions (`ref: true`). */
export const RefKeyword = createToken({ name: "RefKeyword", label: "et navn", pattern: Lexer.NA });

const tokenName = (word: string): string => `kw_${word}`;

/** Keyword tokens by word. */
export const K = {} as Record<KeywordWord, TokenType>;
for (const entry of KEYWORDS) {
  const ref = "ref" in entry && entry.ref === true;
  K[entry.word] = createToken({
    name: tokenName(entry.word),
    label: `\`${entry.word}\``,
    pattern: new RegExp(entry.word),
    longer_alt: Identifier,
    categories: ref ? [WordKeyword, RefKeyword] : [WordKeyword],
    start_chars_hint: [entry.word[0]!],
    // A keyword is letters only (self-check test), so chevrotain need not analyse its pattern
    // for line terminators while the lexer is built.
    line_breaks: false,
  });
}

/** Keyword tokens, longest word first (so `måneder` is tried before `måned`). */
export const keywordTokens: TokenType[] = [...KEYWORDS]
  .map((k) => k.word as KeywordWord)
  .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
  .map((w) => K[w]);

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\f\v\u00A0\uFEFF]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

export const Comment = createToken({
  name: "Comment",
  pattern: /#[^\r\n]*/,
  group: "comments",
});

/** Category for string literals; an unterminated one is still a string to the parser. */
export const StringLiteral = createToken({
  name: "StringLiteral",
  label: "en tekst i anførselstegn",
  pattern: Lexer.NA,
});

export const TerminatedString = createToken({
  name: "TerminatedString",
  label: "en tekst i anførselstegn",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/,
  categories: [StringLiteral],
});

/** `"…` without its closing quote on the same line: reported as T0102 by the AST builder. */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  label: "en tekst i anførselstegn",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/,
  categories: [StringLiteral],
});

export const DateLiteral = createToken({
  name: "DateLiteral",
  label: "en dato (ÅÅÅÅ-MM-DD)",
  pattern: /\d{4}-\d{2}-\d{2}/,
});

export const MonthLiteral = createToken({
  name: "MonthLiteral",
  label: "en måned (ÅÅÅÅ-MM)",
  pattern: /\d{4}-\d{2}/,
});

export const NumberLiteral = createToken({
  name: "NumberLiteral",
  label: "et tal",
  pattern: /\d+(?:[.,]\d+)?/,
});

export const GreaterEq = createToken({ name: "GreaterEq", label: "`>=`", pattern: />=/ });
export const LessEq = createToken({ name: "LessEq", label: "`<=`", pattern: /<=/ });
export const Greater = createToken({ name: "Greater", label: "`>`", pattern: />/ });
export const Less = createToken({ name: "Less", label: "`<`", pattern: /</ });
export const Equals = createToken({ name: "Equals", label: "`=`", pattern: /=/ });
export const Plus = createToken({ name: "Plus", label: "`+`", pattern: /\+/ });
export const Minus = createToken({ name: "Minus", label: "`-`", pattern: /-/ });
export const Star = createToken({ name: "Star", label: "`*`", pattern: /\*/ });
export const Slash = createToken({ name: "Slash", label: "`/`", pattern: /\// });
export const Percent = createToken({ name: "Percent", label: "`%`", pattern: /%/ });
export const LParen = createToken({ name: "LParen", label: "`(`", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", label: "`)`", pattern: /\)/ });
export const Comma = createToken({ name: "Comma", label: "`,`", pattern: /,/ });
export const Colon = createToken({ name: "Colon", label: "`:`", pattern: /:/ });
export const Dot = createToken({ name: "Dot", label: "`.`", pattern: /\./ });
/** `|` between the columns of an example's table. */
export const Pipe = createToken({ name: "Pipe", label: "`|`", pattern: /\|/ });

export const symbolTokens: TokenType[] = [
  GreaterEq,
  LessEq,
  Greater,
  Less,
  Equals,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  LParen,
  RParen,
  Comma,
  Colon,
  Dot,
  Pipe,
];

/** Every token type, in lexing order (categories included, as chevrotain requires). */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  StringLiteral,
  TerminatedString,
  UnterminatedString,
  WordKeyword,
  RefKeyword,
  ...keywordTokens,
  Identifier,
  DateLiteral,
  MonthLiteral,
  NumberLiteral,
  ...symbolTokens,
];

/**
 * The lexer's options. The shared lexer skips chevrotain's definition validations (invalid or
 * empty patterns…), which cost start-up time in every process that lexes; the self-check test
 * builds a lexer with them on.
 */
export const lexerConfig = { ensureOptimizations: true, positionTracking: "full" } as const;

export const tilsynLexer = new Lexer(allTokens, { ...lexerConfig, skipValidations: true });

/** NFC-normalise and lex. The token offsets refer to the normalised text. */
export function lex(source: string): { text: string; result: ILexingResult } {
  const text = source.normalize("NFC");
  return { text, result: tilsynLexer.tokenize(text) };
}
