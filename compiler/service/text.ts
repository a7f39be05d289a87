// Positions in a document's text: the editors speak of lines and columns, the syntax tree of
// offsets, both into the NFC-normalised text checkPolicy() works on.

import type { Position, Span } from "../../diagnostics/span.js";

/** A place in a document as editors give it: 1-based line and column (UTF-16 code units). */
export interface LineColumn {
  line: number;
  column: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The offset of a line and column (clamped to the text). */
  offset(at: LineColumn): number {
    const line = Math.min(Math.max(at.line, 1), this.starts.length);
    const start = this.starts[line - 1]!;
    const end = line < this.starts.length ? this.starts[line]! - 1 : this.text.length;
    return Math.min(start + Math.max(at.column - 1, 0), end);
  }

  position(offset: number): Position {
    const o = Math.min(Math.max(offset, 0), this.text.length);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { offset: o, line: lo + 1, column: o - this.starts[lo]! + 1 };
  }

  span(start: number, end: number): Span {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The text of one line (1-based), without its line break. */
  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.text.length;
    const next = this.starts[line];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1).replace(/\r$/, "");
  }

  /** The whole text as one span. */
  all(): Span {
    return this.span(0, this.text.length);
  }
}

/** Letters of a name (grammar/lexer.ts: Identifier). */
export const NAME_START = /[A-Za-zÆØÅæøåÉé_]/;
export const NAME_CHAR = /[A-Za-zÆØÅæøåÉé_0-9]/;
export const NAME = /^[A-Za-zÆØÅæøåÉé_][A-Za-zÆØÅæøåÉé_0-9]*$/;

/** The span of the name around (or just before) an offset. */
export function wordAt(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && NAME_CHAR.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && NAME_CHAR.test(text[end]!)) end++;
  return { start, end };
}

/**
 * Columns of an editor's text that is not NFC-normalised (`å` typed as `a` + ring), mapped to and
 * from the normalised text the service's spans point into. Lines are the same in both.
 */
export class NfcColumns {
  private readonly lines: string[] | undefined;

  constructor(editorText: string) {
    this.lines = editorText === editorText.normalize("NFC") ? undefined : editorText.split("\n");
  }

  /** An editor's place in the normalised text. */
  toNfc(at: LineColumn): LineColumn {
    const line = this.lines?.[at.line - 1];
    if (line === undefined || line === line.normalize("NFC")) return at;
    return { line: at.line, column: line.slice(0, at.column - 1).normalize("NFC").length + 1 };
  }

  /** A place in the normalised text in the editor's text. */
  fromNfc(at: LineColumn): LineColumn {
    const line = this.lines?.[at.line - 1];
    if (line === undefined || line === line.normalize("NFC")) return at;
    let column = 0;
    while (column < line.length && line.slice(0, column).normalize("NFC").length < at.column - 1) column++;
    return { line: at.line, column: column + 1 };
  }
}
