// The plan of a `måling`: person-level data counted into a table per kommune and month
// (docs/sprog.md, «Målinger»). Plain JSON-serialisable data, lowered by compiler/measure.ts and
// evaluated by runtime/spells.ts.

/** Comparison operators, as in the supervision plan. */
export type MCompareOp = "over" | "mindst" | "under" | "højst" | "lig";

/**
 * An expression of a measurement. Numbers are exact fractions; texts are compared by value; a
 * value that is not there (a month without a row) makes every comparison with it false.
 */
export type MExpr =
  /** A number n/d (`12`, `50 %` = 50/100 with `percent`, `99,5` = 995/10). */
  | { k: "num"; n: number; d: number; percent?: true }
  | { k: "text"; value: string }
  /** A field of person-month data, in the month in question (the month, or the event's month). */
  | { k: "field"; data: string; field: string }
  /** A field of the event itself (in a `tæl` case). */
  | { k: "efield"; field: string }
  /** `varighed`: counted months of the spell up to and including the month. */
  | { k: "duration" }
  /** `antal(måneder hvor C)`: counted months of the spell up to the month where C holds. */
  | { k: "months"; cond: MExpr; /** As written, for explanations. */ text?: string }
  /** `antal(DATA)`: events of DATA that count (by its `tæl`), dated in the window. */
  | { k: "events"; data: string }
  /** `sum(FELT)`: the field of person-month data summed over the window's months. */
  | { k: "sum"; data: string; field: string }
  /** `første(DATA hvor C)`: the event is the spell's first of its data where C holds. */
  | { k: "first"; cond: MExpr }
  /** An earlier field of the table: the person counts in it this month. */
  | { k: "output"; index: number }
  | { k: "arith"; op: "+" | "-" | "*" | "/"; left: MExpr; right: MExpr }
  | { k: "neg"; operand: MExpr }
  | { k: "cmp"; op: MCompareOp; left: MExpr; right: MExpr; text: boolean }
  | { k: "and"; left: MExpr; right: MExpr }
  | { k: "or"; left: MExpr; right: MExpr }
  | { k: "not"; operand: MExpr };

/** A field of person data. `tal` is kept exactly as ten-thousandths. */
export interface PersonFieldPlan {
  name: string;
  type: "antal" | "tal" | "tekst";
}

/** `data NAME pr person, måned|dato`. The file has the columns `person`, `maaned` or `dato`, and the fields. */
export interface PersonDataPlan {
  name: string;
  grain: "måned" | "dato";
  fields: PersonFieldPlan[];
}

export interface CountCasePlan {
  when: MExpr;
  /** In force for events dated from (inclusive), `YYYY-MM-DD`. */
  from?: string;
  /** … to (inclusive). */
  to?: string;
  source?: string;
  /** The case as written, for explanations. */
  text: string;
}

export interface MeasurePlan {
  name: string;
  title: string;
  source?: string;
  /** Every person data block the measurement reads. */
  data: PersonDataPlan[];
  /** `forløb i DATA med samme FELT`: DATA also gives the person's `kommune` in each month. */
  spell: { data: string; field: string; source?: string };
  dead?: { when: MExpr; source?: string };
  window: { months: number; source?: string };
  /** `tæl DATA`: which events of DATA count. Dated data without a `tæl` counts every event. */
  counts: { data: string; cases: CountCasePlan[] }[];
  /** The table's fields, in order: each the number of persons where its condition holds. */
  outputs: {
    name: string;
    where: MExpr;
    /** The condition's top-level `og`s as written, for explanations (`conjuncts` of `where`). */
    parts?: string[];
    source?: string;
  }[];
}
