// The compiler's half of the table of window kinds (runtime/windows.ts holds what a window
// means at run time): per kind of `over …` in the syntax tree, how it is checked in its
// context, lowered to the plan, and named when the static analysis compares rules.

import type { Window } from "../grammar/ast.js";
import type { PlanWindow } from "../runtime/windows.js";

/** What the checker knows where a window is written. */
export interface WindowContext {
  /** The assessment's cadence ("månedlig" …) and its period's own word ("måneden" …). */
  cadence: string;
  periodWord: string;
}

/** What a window kind says in its context. */
export interface WindowCheck {
  /** `over halvåret` in a monthly assessment: T0209 with these parameters. */
  mismatch?: { window: string; cadence: string; expected: string };
  /** The extent inside the window, when it is not the period's own: one month's cell, or several. */
  extent?: { window: "måned" | "flere"; why: string };
}

export interface SyntaxWindowKind<W extends Window> {
  check(w: W, at: WindowContext): WindowCheck;
  lower(w: W): PlanWindow;
  /** How the static analysis writes it (rules compare equal when these are equal). */
  canon(w: W): string;
}

type Table = { [K in Window["kind"]]: SyntaxWindowKind<Extract<Window, { kind: K }>> };

export const SYNTAX_WINDOW_KINDS: Table = {
  PeriodWindow: {
    check: (w, at) => (w.period !== at.periodWord ? { mismatch: { window: w.period, cadence: at.cadence, expected: at.periodWord } } : {}),
    lower: () => ({ kind: "period" }),
    canon: (w) => w.period,
  },
  LastMonthsWindow: {
    check: (w) => ({ extent: { window: w.months === 1 ? "måned" : "flere", why: `vinduet har ${w.months} måneder` } }),
    lower: (w) => ({ kind: "last", months: w.months }),
    canon: (w) => `${w.months}m`,
  },
};

export function syntaxWindowKind<W extends Window>(w: W): SyntaxWindowKind<W> {
  return SYNTAX_WINDOW_KINDS[w.kind] as unknown as SyntaxWindowKind<W>;
}
