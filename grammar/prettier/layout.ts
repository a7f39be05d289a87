// The formatter's view of a .tilsyn file: the typed AST (grammar/ast.ts) cut into the lines the
// house style prints. A `Line` is one printed line (a declaration head or a clause); a `Block` is a
// head line with clauses indented under it (a declaration, a `tilstand` with its `frist`s, a
// `frist` with its `kilde`, …).
//
// Why a layout tree and not the AST itself: prettier attaches comments to nodes by their source
// positions, and the AST has no node for most clauses (`kilde "…"` is a StringLit field, `ellers`
// is a boolean, `vurderes 3 måneder senere` is a number). The layout tree gives every printed line a
// node with a source range, so a comment attaches to the line it sits on, or before, and moves with
// it. Every Line keeps the AST nodes it prints; nothing is re-parsed from text.
//
// Browser-safe: no Node APIs.

import type {
  AllowClause,
  AssessmentDecl,
  CalendarExpr,
  Comment,
  CriterionDecl,
  DataDecl,
  DataPeriod,
  DateLit,
  Declaration,
  DeadlineDecl,
  ExampleDecl,
  ExamplesFor,
  ExampleTable,
  Expectation,
  Expr,
  FieldDecl,
  InForce,
  KeyColumnsClause,
  MachineDecl,
  MeasureDecl,
  MeasurementDecl,
  CountDecl,
  PersonDataDecl,
  MonthLit,
  Name,
  PolicyDecl,
  PolicyFile,
  Publication,
  ReactionClause,
  ReactionDecl,
  ReviewDecl,
  StateDecl,
  StringLit,
  SuspensionDecl,
  TransitionDecl,
} from "../ast.js";
import { MONTH_NAMES } from "../keywords.js";

/** A piece of a printed line: literal text, or a condition that may break before `og`/`eller`. */
export type Part = string | { cond: Expr; flat?: boolean };

export interface LineNode {
  kind: "Line";
  parts: Part[];
  /** Source range [start, end): from the line's first token to its last (comments excluded). */
  start: number;
  end: number;
  /** Set by prettier's comment attachment. */
  comments?: PrettierComment[];
}

export interface BlockNode {
  kind: "Block";
  head: LineNode;
  body: LayoutNode[];
  /** Keep one blank line between body items where the author had one (only `forløb`). */
  keepBlankLines: boolean;
  start: number;
  end: number;
  comments?: PrettierComment[];
}

export type LayoutNode = LineNode | BlockNode;

export interface RootNode {
  kind: "Root";
  units: LayoutNode[];
  /** Prettier takes these (and deletes the property) to attach them. */
  comments?: PrettierComment[];
  start: number;
  end: number;
  /** The typed AST the layout was cut from. */
  ast: PolicyFile;
}

/** A `#` comment as prettier handles it: the AST's comment plus prettier's bookkeeping. */
export interface PrettierComment extends Comment {
  leading?: boolean;
  trailing?: boolean;
  printed?: boolean;
  /** Attached as the comment at the end of a printed line (not an own-line comment). */
  endOfLine?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Tokens: just enough lexing to find where each printed line starts and ends in the source.

interface Token {
  start: number;
  end: number;
  text: string;
}

const TOKEN =
  /\s+|#[^\r\n]*|"(?:[^"\\\r\n]|\\[^\r\n])*"?|[\p{L}_][\p{L}\p{N}_]*|\d{4}-\d{2}(?:-\d{2})?|\d+(?:[.,]\d+)?|>=|<=|[^\s]/uy;

/** The non-comment tokens of the text, in order. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) break; // unreachable: the last alternative matches any non-space character
    const word = match[0];
    if (/^\s/.test(word) || word.startsWith("#")) continue;
    tokens.push({ start, end: start + word.length, text: word });
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Building

/**
 * How a line is found in the source: `anchor` is an offset inside the line (the start of an AST
 * node it prints); the line starts at the nearest `keyword` token at or before the anchor (or at
 * the anchor when there is no keyword). `after`: for lines without an AST node (`ellers`), the
 * line is the first `keyword` token after that offset.
 */
interface Locator {
  anchor?: number;
  after?: number;
  keyword?: string;
}

interface PendingLine {
  node: LineNode;
  locator: Locator;
}

class Builder {
  readonly pending: PendingLine[] = [];
  constructor(readonly text: string) {}

  line(locator: Locator, ...parts: (Part | undefined | false)[]): LineNode {
    const node: LineNode = {
      kind: "Line",
      parts: parts.filter((p): p is Part => p !== undefined && p !== false),
      start: 0,
      end: 0,
    };
    this.pending.push({ node, locator });
    return node;
  }

  block(head: LineNode, body: (LayoutNode | undefined)[], keepBlankLines = false): LayoutNode {
    const items = body.filter((b): b is LayoutNode => b !== undefined);
    if (items.length === 0 && !keepBlankLines) return head;
    return { kind: "Block", head, body: items, keepBlankLines, start: 0, end: 0 };
  }

  /** A string literal as written (escapes and all); hand-built ASTs without source get quoted. */
  str(s: StringLit): string {
    const raw = this.text.slice(s.span.start.offset, s.span.end.offset);
    if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) return raw;
    return `"${s.value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  }

  /** `kilde "…"` as its own line, if present. */
  source(s: StringLit | undefined): LineNode | undefined {
    return s && this.line({ anchor: s.span.start.offset, keyword: "kilde" }, `kilde ${this.str(s)}`);
  }

  /** The `tillad` lines of a declaration (last among its clauses, in the author's order). */
  allow(list: AllowClause[] | undefined): LineNode[] {
    return (list ?? []).map((a) =>
      this.line({ anchor: a.span.start.offset }, `tillad ${a.code.text}`, a.reason && ` ${this.str(a.reason)}`),
    );
  }
}

const at = (node: { span: { start: { offset: number } } }): number => node.span.start.offset;
const endOf = (node: { span: { end: { offset: number } } }): number => node.span.end.offset;

const pad = (n: number, width: number): string => String(n).padStart(width, "0");
export const dateText = (d: DateLit): string => `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
export const monthText = (m: MonthLit): string => `${pad(m.year, 4)}-${pad(m.month, 2)}`;


/** `1 måned`, `3 måneder`: the unit agrees with the number, as in the policies. */
export function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

const UNIT_SINGULAR: Record<string, string> = { måneder: "måned", uger: "uge", dage: "dag" };

function calendarText(c: CalendarExpr): string {
  switch (c.kind) {
    case "EndOfMonth":
      return `udgangen af ${c.monthName || MONTH_NAMES[c.month - 1]}`;
    case "After":
      return `${count(c.amount, UNIT_SINGULAR[c.unit] ?? c.unit, c.unit)} efter ${c.anchor.text}`;
    case "PeriodFrom":
      return `${count(c.amount, UNIT_SINGULAR[c.unit] ?? c.unit, c.unit)} fra ${c.anchor.text}`;
  }
}

function publicationText(p: Publication): string {
  return p.kind === "LagPublication"
    ? `offentliggøres ${count(p.months, "måned", "måneder")} efter måneden`
    : `offentliggøres ${p.day}. ${MONTH_NAMES[p.month - 1]} året efter`;
}

function inForceText(f: InForce): string {
  return `gælder${f.from ? ` fra ${dateText(f.from)}` : ""}${f.to ? ` til ${dateText(f.to)}` : ""}`;
}

function dataPeriodText(p: DataPeriod): string {
  return `gælder for data${p.from ? ` fra ${monthText(p.from)}` : ""}${p.to ? ` til ${monthText(p.to)}` : ""}`;
}

/** An expression printed on one line whatever its length. */
const flat = (expr: Expr): Part => ({ cond: expr, flat: true });

const title = (b: Builder, t: StringLit | undefined): string | undefined => t && ` ${b.str(t)}`;

function policy(b: Builder, d: PolicyDecl): LayoutNode {
  const head = b.line({ anchor: at(d) }, `politik ${d.name.text}`, title(b, d.title));
  return b.block(head, [
    b.source(d.source),
    d.inForce && b.line({ anchor: at(d.inForce) }, inForceText(d.inForce)),
    ...b.allow(d.allow),
  ]);
}

function field(b: Builder, f: FieldDecl): LineNode {
  return b.line(
    { anchor: at(f) },
    `${f.name.text}: ${f.type.value}`,
    f.subsetOf && ` af ${f.subsetOf.text}`,
    f.description && ` ${b.str(f.description)}`,
    f.column && ` kolonne ${b.str(f.column)}`,
  );
}

/** `kolonne kommune "Kommune"`, `kolonner kommune "Kommune", måned "Måned"`: the word agrees with the number. */
function keyColumns(b: Builder, k: KeyColumnsClause): LineNode {
  const list = k.columns.map((c) => `${c.key.text} ${b.str(c.header)}`).join(", ");
  return b.line({ anchor: at(k) }, `${k.columns.length === 1 ? "kolonne" : "kolonner"} ${list}`);
}

function data(b: Builder, d: DataDecl): LayoutNode {
  const head = b.line(
    { anchor: at(d) },
    `data ${d.name.text} pr kommune, ${d.grain.value}`,
    d.group && `, ${d.group.text}`,
  );
  return b.block(head, [
    ...(d.keyColumns ?? []).map((k) => keyColumns(b, k)),
    ...d.fields.map((f) => field(b, f)),
    d.publication && b.line({ anchor: at(d.publication) }, publicationText(d.publication)),
    ...b.allow(d.allow),
  ]);
}

function personData(b: Builder, d: PersonDataDecl): LayoutNode {
  const head = b.line({ anchor: at(d) }, `data ${d.name.text} pr person, ${d.grain.value}`);
  return b.block(head, d.fields.map((f) => field(b, f)));
}

function countDecl(b: Builder, c: CountDecl): LayoutNode {
  const head = b.line({ anchor: at(c) }, `tæl ${c.data.text}`);
  return b.block(
    head,
    c.cases.map((k) =>
      b.block(b.line({ anchor: at(k) }, "når ", { cond: k.when }), [
        k.inForce && b.line({ anchor: at(k.inForce) }, inForceText(k.inForce)),
        b.source(k.source),
      ]),
    ),
  );
}

/** `NAVN = antal(personer hvor …)`: a long condition breaks before `og`/`eller`, as in a `når` line. */
function outputLine(b: Builder, o: MeasurementDecl["outputs"][number]): LineNode {
  const e = o.expr;
  if (e.kind === "CountOf" && e.where) return b.line({ anchor: at(o) }, `${o.name.text} = antal(${e.of.text} hvor `, { cond: e.where }, ")");
  return b.line({ anchor: at(o) }, `${o.name.text} = `, { cond: e });
}

/** A `måling`: its source, the spell, dead months and window, then the counts and fields in the author's order. */
function measurement(b: Builder, d: MeasurementDecl): LayoutNode {
  const head = b.line({ anchor: at(d) }, `måling ${d.name.text}`, title(b, d.title), " pr kommune, måned");
  const clause = (node: LayoutNode, source: StringLit | undefined): LayoutNode => {
    const s = b.source(source);
    return s ? b.block(node as LineNode, [s]) : node;
  };
  const members: { at: number; node: LayoutNode }[] = [
    ...(d.spell
      ? [{ at: at(d.spell), node: clause(b.line({ anchor: at(d.spell) }, `forløb i ${d.spell.data.text} med samme ${d.spell.field.text}`), d.spell.source) }]
      : []),
    ...(d.dead ? [{ at: at(d.dead), node: clause(b.line({ anchor: at(d.dead) }, "død når ", { cond: d.dead.when }), d.dead.source) }] : []),
    ...(d.window
      ? [{ at: at(d.window), node: clause(b.line({ anchor: at(d.window) }, `vindue de seneste ${count(d.window.months, "måned", "måneder")} af forløbet`), d.window.source) }]
      : []),
    ...d.counts.map((c) => ({ at: at(c), node: countDecl(b, c) })),
    ...d.outputs.map((o) => ({ at: at(o), node: clause(outputLine(b, o), o.source) })),
  ].sort((x, y) => x.at - y.at);
  return b.block(head, [b.source(d.source), ...members.map((m) => m.node)], true);
}

function assessment(b: Builder, d: AssessmentDecl): LayoutNode {
  const g = d.grouping;
  const head = b.line(
    { anchor: at(d) },
    `opgørelse ${d.cadence.value}`,
    g && (g.mode === "pr" ? ` pr ${g.group.text}` : ` for alle ${g.group.text} under ét`),
  );
  return b.block(head, [
    d.publication && b.line({ anchor: at(d.publication) }, publicationText(d.publication)),
    d.followUp &&
      b.line(
        { anchor: at(d.followUp) },
        d.followUp.months === 0
          ? "følges op ved offentliggørelse"
          : `følges op ${count(d.followUp.months, "måned", "måneder")} efter offentliggørelse`,
      ),
    b.source(d.source),
  ]);
}

function measure(b: Builder, d: MeasureDecl): LayoutNode {
  const head = b.line(
    { anchor: at(d) },
    `mål ${d.name.text}`,
    title(b, d.title),
    " = ",
    flat(d.expr), // a measure stays on one line (docs/sprog.md, «Formatering»)
  );
  return b.block(head, [b.source(d.source), ...b.allow(d.allow)]);
}

function criterion(b: Builder, d: CriterionDecl): LayoutNode {
  const head = b.line({ anchor: at(d) }, `kriterie ${d.name.text}`, title(b, d.title));
  return b.block(head, [
    b.source(d.source),
    d.dataPeriod && b.line({ anchor: at(d.dataPeriod) }, dataPeriodText(d.dataPeriod)),
    d.guard && b.line({ anchor: at(d.guard), keyword: "forudsat" }, "forudsat ", { cond: d.guard }),
    d.delay &&
      b.line({ anchor: at(d.delay) }, `vurderes ${count(d.delay.months, "måned", "måneder")} senere`),
    d.when && b.line({ anchor: at(d.when), keyword: "når" }, "når ", { cond: d.when }),
    ...b.allow(d.allow),
  ]);
}

function review(b: Builder, d: ReviewDecl): LayoutNode {
  const head = b.line({ anchor: at(d) }, `gennemgang ${d.name.text}`, title(b, d.title));
  return b.block(head, [
    b.source(d.source),
    b.line({ anchor: at(d.cadence) }, "årligt", d.when && " når ", d.when && { cond: d.when }),
    ...b.allow(d.allow),
  ]);
}

function suspension(b: Builder, d: SuspensionDecl): LayoutNode {
  const head = b.line({ anchor: at(d) }, `undtagelse ${d.name.text}`, title(b, d.title));
  return b.block(head, [
    b.source(d.source),
    b.line(
      { anchor: at(d.from), keyword: "ingen" },
      `ingen henvendelser fra ${dateText(d.from)} til ${dateText(d.to)}`,
    ),
    ...b.allow(d.allow),
  ]);
}

function reactionClause(b: Builder, c: ReactionClause): LayoutNode {
  switch (c.kind) {
    case "ContactClause":
      return b.block(b.line({ anchor: at(c) }, `henvendelse ${b.str(c.text)}`), [b.source(c.source)]);
    case "MaxPerYearClause":
      return b.line({ anchor: at(c) }, `højst ${c.count} henvendelser pr. år`);
    case "RecontactClause":
      return b.line({ anchor: at(c) }, "ny henvendelse først på data efter forrige henvendelse");
    case "LadderClause":
      return b.line({ anchor: at(c) }, `trappe ${c.steps.map((s) => s.text).join(", ")}`);
    case "AccountClause":
      return b.block(b.line({ anchor: at(c) }, `redegørelse ${b.str(c.text)}`), [
        b.line(
          { after: endOf(c.text), keyword: "når" },
          `når ikke genoprettet ${count(c.months, "måned", "måneder")} efter henvendelsen`,
        ),
        b.source(c.source),
      ]);
  }
}

function reaction(b: Builder, d: ReactionDecl): LayoutNode {
  const head = b.line({ anchor: at(d) }, "reaktion");
  return b.block(
    head,
    d.clauses.map((c) => reactionClause(b, c)),
  );
}

function deadline(b: Builder, f: DeadlineDecl): LayoutNode {
  const head = b.line({ anchor: at(f) }, `frist ${f.name.text}: ${calendarText(f.when)}`);
  return b.block(head, [b.source(f.source)]);
}

function state(b: Builder, s: StateDecl): LayoutNode {
  const head = b.line({ anchor: at(s) }, `tilstand ${s.name.text}`, title(b, s.title));
  return b.block(head, [...s.deadlines.map((f) => deadline(b, f)), ...b.allow(s.allow)]);
}

function transition(b: Builder, t: TransitionDecl): LayoutNode {
  const head = b.line(
    { anchor: at(t) },
    `overgang ${t.name.text}`,
    title(b, t.title),
    ` fra ${t.from.text} til ${t.to.text}`,
  );
  return b.block(head, [
    b.source(t.source),
    t.when && b.line({ anchor: at(t.when), keyword: "når" }, "når ", { cond: t.when }),
    t.otherwise ? b.line({ after: endOf(t.to), keyword: "ellers" }, "ellers") : undefined,
    ...t.remember.map((r) => b.line({ anchor: at(r) }, `husk ${r.name.text} = `, flat(r.expr))),
    ...b.allow(t.allow),
  ]);
}

function machine(b: Builder, d: MachineDecl): LayoutNode {
  const head = b.line({ anchor: at(d) }, "forløb", d.name && ` ${d.name.text}`);
  const members: { at: number; node: LayoutNode }[] = [
    ...d.states.map((s) => ({ at: at(s), node: state(b, s) })),
    ...d.transitions.map((t) => ({ at: at(t), node: transition(b, t) })),
  ].sort((x, y) => x.at - y.at);
  const start = b.line({ anchor: at(d.start), keyword: "start" }, `start ${d.start.text}`);
  return b.block(head, [start, ...members.map((m) => m.node)], true);
}

// ---------------------------------------------------------------------------------------------
// Examples

/** A table with its columns aligned: every column as wide as its widest cell, `|` between. */
function table(b: Builder, t: ExampleTable, prefix = ""): LayoutNode {
  const head = b.line({ anchor: at(t), ...(prefix ? { keyword: "forventer" } : {}) }, `${prefix}data ${t.data.text}`);
  const grid = [t.columns.map((c) => c.text), ...t.rows.map((r) => r.cells.map((c) => c.value))];
  const widths: number[] = [];
  for (const row of grid) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const text = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ").trimEnd();
  const lines: LineNode[] = [];
  if (t.columns.length) lines.push(b.line({ anchor: at(t.columns[0]!) }, text(grid[0]!)));
  t.rows.forEach((r, i) => lines.push(b.line({ anchor: at(r) }, text(grid[i + 1]!))));
  return b.block(head, lines);
}

const PLURAL: Record<string, string> = {
  henvendelse: "henvendelser",
  redegørelse: "redegørelser",
  gennemgang: "gennemgange",
  frist: "frister",
};

/** `forventer …` with its parts in a fixed order: who, when, which group, which rule, which step, which date. */
export function expectationText(e: Expectation): string {
  const singular = e.subject === "tilstand" ? "tilstand" : e.subject;
  const noun = !e.count
    ? singular
    : e.count.written === "ingen"
      ? e.noun
      : e.count.value === 1
        ? singular
        : (PLURAL[singular] ?? e.noun);
  const parts = ["forventer"];
  if (e.count) parts.push(e.count.written === "ingen" ? "ingen" : String(e.count.value));
  parts.push(noun);
  if (e.name) parts.push(e.name.text);
  if (e.kommune) parts.push(`${e.kommune.word} ${e.kommune.code}`);
  if (e.period) parts.push(`${e.period.word} ${e.period.label}`);
  if (e.group) parts.push(`i gruppen ${e.group.written}`);
  if (e.rule) parts.push(`efter ${e.rule.text}`);
  if (e.step) parts.push(`med ${e.step.text}`);
  if (e.date) parts.push(`den ${dateText(e.date)}`);
  return parts.join(" ");
}

function example(b: Builder, d: ExampleDecl): LayoutNode {
  const head = b.line({ anchor: at(d) }, `eksempel ${b.str(d.title)}`);
  const members: { at: number; node: LayoutNode }[] = [
    ...d.tables.map((t) => ({ at: at(t), node: table(b, t) })),
    ...(d.expectedTables ?? []).map((t) => ({ at: at(t), node: table(b, t, "forventer ") })),
    ...d.expectations.map((e) => ({ at: at(e), node: b.line({ anchor: at(e) }, expectationText(e)) as LayoutNode })),
  ].sort((x, y) => x.at - y.at);
  return b.block(head, [b.source(d.source), ...members.map((m) => m.node)]);
}

function examplesFor(b: Builder, d: ExamplesFor): LayoutNode {
  return b.line({ anchor: at(d) }, `eksempler til ${d.files.map((f) => b.str(f)).join(", ")}`);
}

function declaration(b: Builder, d: Declaration | PolicyDecl | ExampleDecl | ExamplesFor): LayoutNode {
  switch (d.kind) {
    case "ExampleDecl":
      return example(b, d);
    case "ExamplesFor":
      return examplesFor(b, d);
    case "PolicyDecl":
      return policy(b, d);
    case "DataDecl":
      return data(b, d);
    case "AssessmentDecl":
      return assessment(b, d);
    case "MeasureDecl":
      return measure(b, d);
    case "CriterionDecl":
      return criterion(b, d);
    case "ReviewDecl":
      return review(b, d);
    case "SuspensionDecl":
      return suspension(b, d);
    case "ReactionDecl":
      return reaction(b, d);
    case "MachineDecl":
      return machine(b, d);
    case "PersonDataDecl":
      return personData(b, d);
    case "MeasurementDecl":
      return measurement(b, d);
  }
}

/** Find each pending line's source range, then each block's. */
function locate(b: Builder, tokens: Token[], units: LayoutNode[]): void {
  // Index of the first token that ends after `offset` (the token containing it, or the next one).
  const tokenAt = (offset: number): number => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const placed = b.pending.map((p) => {
    const { anchor, after, keyword } = p.locator;
    if (anchor !== undefined) return { node: p.node, anchorIndex: tokenAt(anchor), keyword };
    // A line without an AST node of its own: the first `keyword` token after `after` that is not
    // a name (`husk ellers = …` names a value `ellers`).
    let index = tokenAt(after ?? 0);
    while (
      index < tokens.length &&
      (tokens[index]!.text !== keyword || (index > 0 && tokens[index - 1]!.text === "husk"))
    ) {
      index++;
    }
    return { node: p.node, anchorIndex: index, keyword: undefined };
  });
  placed.sort((x, y) => x.anchorIndex - y.anchorIndex);
  // The line starts at its keyword: the nearest one before the anchor (an anchor may itself be a
  // name spelled like the keyword: `tilstand tilstand`), never reaching into the previous line.
  const firstIndex = placed.map((p, i) => {
    if (p.keyword === undefined) return p.anchorIndex;
    const floor = i > 0 ? placed[i - 1]!.anchorIndex + 1 : 0;
    for (let j = p.anchorIndex - 1; j >= floor; j--) if (tokens[j]!.text === p.keyword) return j;
    return p.anchorIndex;
  });
  placed.forEach((p, i) => {
    const last = i + 1 < placed.length ? firstIndex[i + 1]! - 1 : tokens.length - 1;
    p.node.start = tokens[firstIndex[i]!]?.start ?? 0;
    p.node.end = tokens[Math.max(last, firstIndex[i]!)]?.end ?? p.node.start;
  });
  const spanBlock = (n: LayoutNode): void => {
    if (n.kind === "Line") return;
    n.body.forEach(spanBlock);
    n.start = Math.min(n.head.start, ...n.body.map((c) => c.start));
    n.end = Math.max(n.head.end, ...n.body.map((c) => c.end));
  };
  units.forEach(spanBlock);
}

/** Cut a parsed (error-free) file into printed lines. `text` is the source the spans point into. */
export function buildLayout(ast: PolicyFile, text: string): RootNode {
  const b = new Builder(text);
  const decls: (Declaration | PolicyDecl | ExampleDecl | ExamplesFor)[] = [
    ...(ast.policy ? [ast.policy] : []),
    ...(ast.examplesFor ? [ast.examplesFor] : []),
    ...ast.declarations,
    ...(ast.examples ?? []),
  ];
  decls.sort((x, y) => at(x) - at(y));
  const units = decls.map((d) => declaration(b, d));
  locate(b, tokenize(text), units);
  units.sort((x, y) => x.start - y.start);
  return {
    kind: "Root",
    units,
    comments: ast.comments.map((c) => ({ ...c })),
    start: 0,
    end: text.length,
    ast,
  };
}
