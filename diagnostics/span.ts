// Positions and spans: where in a text something is. The syntax tree, every diagnostic, the
// formatter and the playground's editor speak of places in these terms.

export interface Position {
  /** 0-based offset into the (NFC-normalised) source text. */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units like the editor. */
  column: number;
}

export interface Span {
  start: Position;
  /** Exclusive end. */
  end: Position;
}
