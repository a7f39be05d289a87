// The kinds of window `… over W`, and what each means, in one table.
//
// A window is taken relative to the assessment period (months first..last). The interpreter
// (engine.ts) asks a kind for its months; the compiler's kernel emitter asks it for the same
// months as code over the names of the period's locals; the compiler's half of the table
// (compiler/windows.ts) says how a kind is checked, lowered from the syntax tree and named in
// the static analysis. Adding a kind is a row here and one there, plus its words in the
// grammar (keyword table, parser, AST, builder, printer) and its line in docs/sprog.md.

/** A window in the plan. */
export type PlanWindow = { kind: "period" } | { kind: "last"; months: number };

export interface WindowKind<W extends PlanWindow> {
  /** The window's first and last month, for an assessment period first..last. */
  first(w: W, first: number, last: number): number;
  last(w: W, first: number, last: number): number;
  /** The same as code expressions over the names of the period's first and last month. */
  firstCode(w: W, first: string, last: string): string;
  lastCode(w: W, first: string, last: string): string;
  /** The window in words, for documents: "over de seneste 12 måneder". */
  text(w: W): string;
}

type Table = { [K in PlanWindow["kind"]]: WindowKind<Extract<PlanWindow, { kind: K }>> };

export const WINDOW_KINDS: Table = {
  /** `over måneden|halvåret|året`: the assessment period itself. */
  period: {
    first: (_w, first) => first,
    last: (_w, _first, last) => last,
    firstCode: (_w, first) => first,
    lastCode: (_w, _first, last) => last,
    text: () => "over hele perioden",
  },
  /** `over de seneste N måneder`: the period's last N months. */
  last: {
    first: (w, _first, last) => last - w.months + 1,
    last: (_w, _first, last) => last,
    firstCode: (w, _first, last) => `${last} - ${w.months - 1}`,
    lastCode: (_w, _first, last) => last,
    text: (w) => `over de seneste ${w.months} måneder`,
  },
};

export function windowKind<W extends PlanWindow>(w: W): WindowKind<W> {
  return WINDOW_KINDS[w.kind] as unknown as WindowKind<W>;
}
