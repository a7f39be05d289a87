// The typed syntax tree of a .tilsyn file.
//
// Every node carries a `span` (offsets into the NFC-normalised source, 1-based line and column),
// so that diagnostics, the formatter and the playground can point back into the text.
// The tree is plain data (no classes): it is JSON-serialisable and crosses a web-worker boundary.

import type { Span } from "../diagnostics/span.js";

export type { Position, Span } from "../diagnostics/span.js";

export interface Name {
  text: string;
  span: Span;
}

export interface StringLit {
  value: string;
  span: Span;
}

/** A calendar date `2024-03-01`. */
export interface DateLit {
  kind: "date";
  year: number;
  month: number; // 1-12
  day: number; // 1-31
  span: Span;
}

/** A data month `2022-03`. */
export interface MonthLit {
  kind: "month";
  year: number;
  month: number;
  span: Span;
}

export interface Comment {
  /** The text after `#`, without the line break. */
  text: string;
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// The file

export interface PolicyFile {
  kind: "PolicyFile";
  /** The `politik` header; absent only in a file with syntax errors. */
  policy?: PolicyDecl;
  declarations: Declaration[];
  /** `eksempel` blocks (kept apart from `declarations`: they are not rules). Absent when none. */
  examples?: ExampleDecl[];
  /** `eksempler til "politik.tilsyn"`: the header of a file that holds only examples. */
  examplesFor?: ExamplesFor;
  comments: Comment[];
  span: Span;
}

export type Declaration =
  | DataDecl
  | AssessmentDecl
  | MeasureDecl
  | CriterionDecl
  | ReviewDecl
  | SuspensionDecl
  | ReactionDecl
  | MachineDecl
  | PersonDataDecl
  | MeasurementDecl;

/** `politik NAME "titel"` with `kilde`, `gælder fra … til …`. */
export interface PolicyDecl {
  kind: "PolicyDecl";
  name: Name;
  title?: StringLit;
  source?: StringLit;
  inForce?: InForce;
  /** `tillad T05xx "begrundelse"`: warnings silenced for the whole file. */
  allow?: AllowClause[];
  span: Span;
}

/**
 * `tillad T0505 "begrundelse"`: silences one static-analysis warning (T05xx) for the declaration
 * it stands in. The reason is required (the checker reports a missing one as an error).
 */
export interface AllowClause {
  kind: "AllowClause";
  code: Name;
  reason?: StringLit;
  span: Span;
}

/** `gælder fra DATE [til DATE]` or `gælder til DATE`: by the action date of an assessment. */
export interface InForce {
  kind: "InForce";
  from?: DateLit;
  to?: DateLit;
  span: Span;
}

/** `gælder for data fra MONTH [til MONTH]`: by the data period an assessment rests on. */
export interface DataPeriod {
  kind: "DataPeriod";
  from?: MonthLit;
  to?: MonthLit;
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// Data

/** `data NAME pr kommune, måned[, GROUP]` or `pr kommune, år`, with fields and publication. */
export interface DataDecl {
  kind: "DataDecl";
  name: Name;
  /** `måned` or `år`. */
  grain: { value: "måned" | "år"; span: Span };
  /** The group dimension's column name, e.g. `ydelsesgruppe`. */
  group?: Name;
  /** `kolonner kommune "Kommune", måned "Måned"`: the key columns' headers in the data file. Absent when none. */
  keyColumns?: KeyColumnsClause[];
  fields: FieldDecl[];
  publication?: Publication;
  allow?: AllowClause[];
  span: Span;
}

export type FieldType = "antal" | "andel" | "procent" | "tekst" | "tal";

/**
 * `kolonner kommune "Kommune", måned "Måned"` (or `kolonne` before one): the headers of key
 * columns in the data file, for a file whose headers are not `kommune`, `maaned` (`aar`) and the
 * group's name. A key is written as in the data block's head: `kommune`, `måned` or `år`, the group.
 */
export interface KeyColumnsClause {
  kind: "KeyColumns";
  /** As written; the formatter writes `kolonne` before one key and `kolonner` before more. */
  keyword: "kolonne" | "kolonner";
  columns: { key: Name; header: StringLit }[];
  span: Span;
}

/** `borgere: antal "beskrivelse"` or `uden_samtaler: antal af borgere "beskrivelse"`. */
export interface FieldDecl {
  kind: "FieldDecl";
  name: Name;
  type: { value: FieldType; span: Span };
  /** `af borgere`: the field counts a subset of `borgere` (checked row by row on load). */
  subsetOf?: Name;
  description?: StringLit;
  /** `kolonne "Antal jobparate"`: the header of the field's column in the data file, when not its name. */
  column?: StringLit;
  span: Span;
}

/**
 * Publication:
 * - `offentliggøres N måneder efter måneden` (lag: data month M is published on the 1st of M+N);
 * - `offentliggøres 1. april året efter` (annual data: published on that date of the next year).
 */
export type Publication =
  | { kind: "LagPublication"; months: number; span: Span }
  | { kind: "FixedPublication"; day: number; month: number; span: Span };

/**
 * `data NAME pr person, måned` (one row per person and month) or `data NAME pr person, dato` (dated
 * events: interviews, offers): person-level data that only a `måling` reads. Key columns `person` and
 * `maaned` or `dato`; fields as in a data block (`antal`, `tal`, `tekst`).
 */
export interface PersonDataDecl {
  kind: "PersonDataDecl";
  name: Name;
  grain: { value: "måned" | "dato"; span: Span };
  fields: FieldDecl[];
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// Measurement (persons → a table per kommune and month)

/**
 * `måling NAME "titel" pr kommune, måned` with its clauses: the spell (`forløb i DATA med samme
 * FELT`), dead months (`død når …`), the window (`vindue de seneste N måneder af forløbet`), which
 * dated events count (`tæl DATA når …`) and the table's fields (`felt = antal(personer hvor …)`).
 */
export interface MeasurementDecl {
  kind: "MeasurementDecl";
  name: Name;
  title?: StringLit;
  source?: StringLit;
  spell?: SpellClause;
  dead?: DeadClause;
  window?: SpellWindowClause;
  counts: CountDecl[];
  outputs: OutputField[];
  span: Span;
}

/** `forløb i DATA med samme FELT [kilde "…"]`. */
export interface SpellClause {
  kind: "SpellClause";
  data: Name;
  field: Name;
  source?: StringLit;
  span: Span;
}

/** `død når CONDITION [kilde "…"]`: months that neither count nor break the spell. */
export interface DeadClause {
  kind: "DeadClause";
  when: Expr;
  source?: StringLit;
  span: Span;
}

/** `vindue de seneste N måneder af forløbet [kilde "…"]`. */
export interface SpellWindowClause {
  kind: "SpellWindowClause";
  months: number;
  source?: StringLit;
  span: Span;
}

/** `tæl DATA` and its cases: an event of DATA counts when one case in force at its date holds. */
export interface CountDecl {
  kind: "CountDecl";
  data: Name;
  cases: CountCase[];
  span: Span;
}

/** `når CONDITION [gælder fra DATE [til DATE] | gælder til DATE] [kilde "…"]`, by the event's date. */
export interface CountCase {
  kind: "CountCase";
  when: Expr;
  inForce?: InForce;
  source?: StringLit;
  span: Span;
}

/** `NAME = antal(personer hvor CONDITION) [kilde "…"]`: a field of the measured table. */
export interface OutputField {
  kind: "OutputField";
  name: Name;
  expr: Expr;
  source?: StringLit;
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// Assessment (cadence)

/**
 * `opgørelse månedlig|halvårlig|årlig [pr GROUP | for alle GROUPs under ét]`
 *   `[offentliggøres …]` `[følges op N måneder efter offentliggørelse | følges op ved offentliggørelse]`
 *   `[kilde "…"]`
 */
export interface AssessmentDecl {
  kind: "AssessmentDecl";
  cadence: { value: "månedlig" | "halvårlig" | "årlig"; span: Span };
  grouping?: Grouping;
  publication?: Publication;
  /** Months from publication to action; 0 for `ved offentliggørelse`. */
  followUp?: { months: number; span: Span };
  source?: StringLit;
  span: Span;
}

/** `pr ydelsesgruppe` (each group on its own) or `for alle ydelsesgrupper under ét` (pooled). */
export interface Grouping {
  kind: "Grouping";
  mode: "pr" | "samlet";
  /** As written: `ydelsesgruppe` or `ydelsesgrupper`. The checker matches it to the data's group. */
  group: Name;
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// Measures, criteria, reviews

/** `mål NAME ["titel"] = EXPR [kilde "…"]` — a number (count or share) or a condition. */
export interface MeasureDecl {
  kind: "MeasureDecl";
  name: Name;
  title?: StringLit;
  expr: Expr;
  source?: StringLit;
  allow?: AllowClause[];
  span: Span;
}

/**
 * `kriterie NAME "titel"` then, in any order:
 *   `kilde "…"`, `gælder for data fra …`, `forudsat COND`, `vurderes N måneder senere`, `når COND`.
 * `når` may end with `i N sammenhængende måneder` (a streak; see StreakCond).
 */
export interface CriterionDecl {
  kind: "CriterionDecl";
  name: Name;
  title?: StringLit;
  source?: StringLit;
  dataPeriod?: DataPeriod;
  guard?: Expr;
  /** `vurderes N måneder senere`: the data needed is only complete N months later. */
  delay?: { months: number; span: Span };
  when?: Expr;
  allow?: AllowClause[];
  span: Span;
}

/** `gennemgang NAME "titel" [kilde "…"] årligt når COND` — the annual review of small kommuner. */
export interface ReviewDecl {
  kind: "ReviewDecl";
  name: Name;
  title?: StringLit;
  source?: StringLit;
  cadence: { value: "årligt"; span: Span };
  when?: Expr;
  allow?: AllowClause[];
  span: Span;
}

/** `undtagelse NAME "titel" [kilde "…"] ingen henvendelser fra DATE til DATE`. */
export interface SuspensionDecl {
  kind: "SuspensionDecl";
  name: Name;
  title?: StringLit;
  source?: StringLit;
  from: DateLit;
  to: DateLit;
  allow?: AllowClause[];
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// Reaction: what STAR does when criteria hold

/** `reaktion` followed by its clauses. */
export interface ReactionDecl {
  kind: "ReactionDecl";
  clauses: ReactionClause[];
  span: Span;
}

export type ReactionClause =
  /** `henvendelse "tekst" [kilde "…"]` — every assessment where a criterion holds gives a contact. */
  | { kind: "ContactClause"; text: StringLit; source?: StringLit; span: Span }
  /** `højst N henvendelser pr. år` */
  | { kind: "MaxPerYearClause"; count: number; span: Span }
  /** `ny henvendelse først på data efter forrige henvendelse` */
  | { kind: "RecontactClause"; span: Span }
  /** `trappe telefon, brev, …` — the escalation ladder; the n-th contact suggests the n-th step. */
  | { kind: "LadderClause"; steps: Name[]; span: Span }
  /** `redegørelse "tekst" når ikke genoprettet N måneder efter henvendelsen [kilde "…"]` */
  | { kind: "AccountClause"; text: StringLit; months: number; source?: StringLit; span: Span };

// ---------------------------------------------------------------------------------------------
// State machine

/** `forløb NAME? start STATE` then `tilstand` and `overgang` blocks. */
export interface MachineDecl {
  kind: "MachineDecl";
  name?: Name;
  start: Name;
  states: StateDecl[];
  transitions: TransitionDecl[];
  span: Span;
}

/** `tilstand NAME ["titel"]` with `frist` lines: deadlines set every time the state is entered. */
export interface StateDecl {
  kind: "StateDecl";
  name: Name;
  title?: StringLit;
  deadlines: DeadlineDecl[];
  allow?: AllowClause[];
  span: Span;
}

/** `frist NAME: CALENDAR [kilde "…"]` */
export interface DeadlineDecl {
  kind: "DeadlineDecl";
  name: Name;
  when: CalendarExpr;
  source?: StringLit;
  span: Span;
}

/**
 * Calendar terms:
 * - `udgangen af april` — last day of that month in the year of the transition;
 * - `N måneder|uger|dage efter ANCHOR` — ANCHOR + N units (month-end rule, see runtime/calendar);
 * - `N måneder fra ANCHOR` — a period of N months that starts on ANCHOR: ends ANCHOR + N months − 1 day.
 * ANCHOR is `offentliggørelse` (the assessment's publication date) or the name of a deadline.
 */
export type CalendarExpr =
  | { kind: "EndOfMonth"; month: number; monthName: string; span: Span }
  | { kind: "After"; amount: number; unit: DurationUnit; anchor: Name; span: Span }
  | { kind: "PeriodFrom"; amount: number; unit: DurationUnit; anchor: Name; span: Span };

export type DurationUnit = "måneder" | "uger" | "dage";

/**
 * `overgang NAME ["titel"] fra STATE til STATE` then
 *   `[kilde "…"]` and either `når COND` or `ellers`, then any number of `husk NAME = EXPR`.
 */
export interface TransitionDecl {
  kind: "TransitionDecl";
  name: Name;
  title?: StringLit;
  from: Name;
  to: Name;
  source?: StringLit;
  /** Absent together with `otherwise: false` only in a file with errors. */
  when?: Expr;
  /** `ellers`: fires when no earlier transition from the same state fired. */
  otherwise: boolean;
  remember: RememberDecl[];
  allow?: AllowClause[];
  span: Span;
}

/** `husk NAME = EXPR`: a value stored when the transition fires, usable in later conditions. */
export interface RememberDecl {
  kind: "RememberDecl";
  name: Name;
  expr: Expr;
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// Expressions
//
// Precedence, loosest first:
//   eller  <  og  <  ikke  <  comparison  <  + -  <  * /  <  unary -  <  primary
// A comparison is `A OP B` with OP one of `over` (>), `mindst` (>=), `under` (<), `højst` (<=),
// `lig med` (=), or the symbols > >= < <= =.
// A condition may end with `i N sammenhængende måneder` (StreakCond), binding loosest of all.
// A numeric expression may end with a window `over …` (Windowed), binding looser than + -.

export type Expr =
  | NumberLit
  | PercentLit
  | Ref
  | Binary
  | Unary
  | Compare
  | Logical
  | Not
  | Aggregate
  | Windowed
  | StreakCond
  | Paren
  | TextLit
  | CountOf
  | FirstOf;

/** `"jobsamtale"`: a text, compared with a text field (only in a \`måling\`). */
export interface TextLit {
  kind: "TextLit";
  value: string;
  span: Span;
}

/**
 * `antal(NAME [hvor CONDITION])` (only in a `måling`): `personer` (persons in the month, the
 * table's fields), `måneder` (counted months of the spell so far) or dated data (its counting
 * events in the window).
 */
export interface CountOf {
  kind: "CountOf";
  of: Name;
  where?: Expr;
  span: Span;
}

/** `første(DATA hvor CONDITION)` (only in `tæl`): the event is the spell's first of DATA that meets CONDITION. */
export interface FirstOf {
  kind: "FirstOf";
  of: Name;
  where: Expr;
  span: Span;
}

/** `10`, `2`, `7,5` (decimal comma; a dot is also accepted). Kept as text for exactness. */
export interface NumberLit {
  kind: "NumberLit";
  text: string;
  span: Span;
}

/** `20 %`, `20,5 %` — a share. `text` is the number as written, without `%`. */
export interface PercentLit {
  kind: "PercentLit";
  text: string;
  span: Span;
}

/** A field, measure, criterion, remembered value or deadline name. */
export interface Ref {
  kind: "Ref";
  name: Name;
  span: Span;
}

export interface Binary {
  kind: "Binary";
  op: "+" | "-" | "*" | "/";
  left: Expr;
  right: Expr;
  span: Span;
}

export interface Unary {
  kind: "Unary";
  op: "-";
  operand: Expr;
  span: Span;
}

export type CompareOp = "over" | "mindst" | "under" | "højst" | "lig";

export interface Compare {
  kind: "Compare";
  op: CompareOp;
  /** How it was written, for the formatter: `over` or `>`, `lig med` or `=`. */
  written: string;
  left: Expr;
  right: Expr;
  span: Span;
}

export interface Logical {
  kind: "Logical";
  op: "og" | "eller";
  left: Expr;
  right: Expr;
  span: Span;
}

export interface Not {
  kind: "Not";
  operand: Expr;
  span: Span;
}

/**
 * `sum(EXPR)`, `sum(EXPR hvor FIELD er målt)`, `middel(EXPR)`.
 * sum: adds a row-level count expression over every row in the window (and in the group, or all
 * groups when pooled). middel: the mean of the expression's monthly values over the window.
 */
export interface Aggregate {
  kind: "Aggregate";
  fn: "sum" | "middel";
  arg: Expr;
  /** `hvor FIELD er målt`: only rows where FIELD is not blank. */
  measuredFilter?: Name;
  span: Span;
}

/**
 * `EXPR over WINDOW`:
 * - `over måneden` / `over halvåret` / `over året`: the assessment period itself (checked against
 *   the cadence);
 * - `over de seneste N måneder`: the N months ending with the period's last month.
 */
export interface Windowed {
  kind: "Windowed";
  expr: Expr;
  window: Window;
  span: Span;
}

export type Window =
  | { kind: "PeriodWindow"; period: "måneden" | "halvåret" | "året"; span: Span }
  | { kind: "LastMonthsWindow"; months: number; span: Span };

/** `COND i N sammenhængende måneder`: COND (and the criterion's guard) held in each of N months. */
export interface StreakCond {
  kind: "StreakCond";
  cond: Expr;
  months: number;
  span: Span;
}

/** `( EXPR )`, kept so the formatter can keep the reader's parentheses. */
export interface Paren {
  kind: "Paren";
  expr: Expr;
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// Examples (`tilsyn test`)

/**
 * `eksempel "titel"` with `kilde "…"`, data tables and expectations:
 *
 *   eksempel "§ 11: fra 50 % til 40 % giver forlængelse"
 *     kilde "Bekendtgørelse nr. 301, § 11"
 *     data fokusmaal
 *       kommune | maaned           | maalgruppe | uden_tilbud | under_4_samtaler
 *       230     | 2023-01..2023-12 | 1000       | 500         | 300
 *     forventer tilstand forlænget_genopretning for 230 i 2024
 */
export interface ExampleDecl {
  kind: "ExampleDecl";
  title: StringLit;
  source?: StringLit;
  tables: ExampleTable[];
  /** `forventer data NAME` and a table: the rows a `måling` must give (absent when none). */
  expectedTables?: ExampleTable[];
  expectations: Expectation[];
  span: Span;
}

/** `eksempler til "a.tilsyn", "b.tilsyn"`: the policy files a file of examples is about. */
export interface ExamplesFor {
  kind: "ExamplesFor";
  files: StringLit[];
  span: Span;
}

/** `data NAME` and a table: a header line of column names, then one row per line. */
export interface ExampleTable {
  kind: "ExampleTable";
  data: Name;
  columns: Name[];
  rows: TableRow[];
  span: Span;
}

export interface TableRow {
  cells: TableCell[];
  span: Span;
}

/**
 * One cell as written. `value` is the cell's canonical text (`2023-01..2023-12`, `8,1`, `"tekst"`
 * as written with its quotes, `dagpenge`); an empty cell has `value` "" (not measured). A range
 * `A..B` has `from` and `to` (months or years) and repeats the row for each period in it.
 */
export interface TableCell {
  value: string;
  /** The text value of a string cell (without quotes, escapes resolved). */
  text?: string;
  range?: { from: string; to: string };
  span: Span;
}

/** What an expectation is about. */
export type ExpectationSubject = "henvendelse" | "redegørelse" | "gennemgang" | "frist" | "tilstand";

/**
 * `forventer [ingen | N] henvendelse|redegørelse|gennemgang|frist [NAME] …` or
 * `forventer tilstand NAME …`, narrowed by any of:
 *   `til KOMMUNE`, `af KOMMUNE`, `for KOMMUNE`, `for PERIODE`, `i PERIODE`, `den DATO`,
 *   `efter REGEL`, `med TRIN`, `i gruppen GRUPPE`.
 */
export interface Expectation {
  kind: "Expectation";
  subject: ExpectationSubject;
  /** The noun as written (`henvendelse`, `henvendelser`, …), for the formatter. */
  noun: string;
  /** `ingen` (0 matching events) or a number (exactly that many); absent: at least one. */
  count?: { value: number; written: "ingen" | "tal"; span: Span };
  /** The deadline's or state's name. */
  name?: Name;
  kommune?: { code: string; word: "til" | "af" | "for"; span: Span };
  period?: { label: string; word: "for" | "i"; span: Span };
  date?: DateLit;
  rule?: Name;
  step?: Name;
  group?: { text: string; written: string; span: Span };
  span: Span;
}
