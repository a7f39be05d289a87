// CST → AST in one visitor. Every rule of grammar/parser.ts has a method here (checked by
// `validateVisitor`), each returning the typed node of grammar/ast.ts with its span.
//
// The builder also validates what the grammar cannot: dates and months that do not exist, a
// decimal number where a whole number is required, unknown escapes in strings, unterminated
// strings, clauses given twice, and transitions without `når`/`ellers`.
//
// After syntax errors the CST may have holes (chevrotain's recovery); the builder then fills
// required fields with placeholders: a Name with empty `text`, a Ref with an empty name for a
// missing expression, 0 for a missing number. A placeholder only ever appears in a file that
// also has a syntax diagnostic.

import { tokenMatcher, type CstElement, type CstNode, type IToken } from "chevrotain";
import type {
  AllowClause,
  AssessmentDecl,
  CalendarExpr,
  Comment,
  CompareOp,
  CriterionDecl,
  DataDecl,
  DataPeriod,
  DateLit,
  DeadlineDecl,
  Declaration,
  DurationUnit,
  ExampleDecl,
  ExamplesFor,
  ExampleTable,
  Expectation,
  ExpectationSubject,
  Expr,
  FieldDecl,
  KeyColumnsClause,
  FieldType,
  Grouping,
  InForce,
  MachineDecl,
  MeasureDecl,
  MeasurementDecl,
  CountCase,
  CountDecl,
  DeadClause,
  OutputField,
  PersonDataDecl,
  SpellClause,
  SpellWindowClause,
  MonthLit,
  Name,
  PolicyDecl,
  PolicyFile,
  Position,
  Publication,
  ReactionClause,
  ReactionDecl,
  RememberDecl,
  ReviewDecl,
  Span,
  StateDecl,
  StringLit,
  SuspensionDecl,
  TableCell,
  TableRow,
  TransitionDecl,
  Window,
} from "./ast.js";
import { diagnostic, type Code, type Diagnostic, type MessageParams } from "../diagnostics/index.js";
import { MONTH_NAMES, monthNumber } from "./keywords.js";
import { DateLiteral, Dot, Identifier, MonthLiteral, NumberLiteral, Pipe, StringLiteral, UnterminatedString } from "./lexer.js";
import { parser } from "./parser.js";

type Ctx = Record<string, CstElement[] | undefined>;

const isNode = (e: CstElement | undefined): e is CstNode => e !== undefined && "children" in e;
const isRealToken = (e: CstElement | undefined): e is IToken =>
  e !== undefined && !("children" in e) && !e.isInsertedInRecovery && Number.isFinite(e.startOffset);

/** The i-th real (not inserted-in-recovery) token under `key`. */
function tok(ctx: Ctx, key: string, i = 0): IToken | undefined {
  const real = (ctx[key] ?? []).filter(isRealToken);
  return real[i];
}

function node(ctx: Ctx, key: string, i = 0): CstNode | undefined {
  const e = (ctx[key] ?? [])[i];
  return isNode(e) ? e : undefined;
}

function nodes(ctx: Ctx, key: string): CstNode[] {
  return (ctx[key] ?? []).filter(isNode);
}

/** The CST nodes under several keys, in source order. */
function nodesInOrder(ctx: Ctx, keys: string[]): CstNode[] {
  return keys
    .flatMap((k) => nodes(ctx, k))
    .sort((a, b) => (a.location?.startOffset || 0) - (b.location?.startOffset || 0));
}

export function tokenSpan(t: IToken): Span {
  return {
    start: { offset: t.startOffset, line: t.startLine ?? 1, column: t.startColumn ?? 1 },
    end: {
      offset: (t.endOffset ?? t.startOffset + t.image.length - 1) + 1,
      line: t.endLine ?? t.startLine ?? 1,
      column: (t.endColumn ?? t.startColumn ?? 1) + 1,
    },
  };
}

export const joinSpans = (a: Span, b: Span): Span => ({ start: a.start, end: b.end });

const DURATION: Record<string, DurationUnit> = {
  måned: "måneder",
  måneder: "måneder",
  uge: "uger",
  uger: "uger",
  dag: "dage",
  dage: "dage",
};

const COMPARE: Record<string, CompareOp> = {
  over: "over",
  mindst: "mindst",
  under: "under",
  højst: "højst",
  lig: "lig",
  ">": "over",
  ">=": "mindst",
  "<": "under",
  "<=": "højst",
  "=": "lig",
};

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const BaseVisitor = parser.getBaseCstVisitorConstructor();

export class AstBuilder extends BaseVisitor {
  private fileName = "<ukendt>";
  private diagnostics: Diagnostic[] = [];
  /** End of the last real token seen: where placeholders for missing parts are put. */
  private cursor: Position = { offset: 0, line: 1, column: 1 };

  constructor() {
    super();
    this.validateVisitor();
  }

  /** Build the AST of a whole file from its CST and the comment tokens. */
  build(
    cst: CstNode,
    comments: IToken[],
    text: string,
    file: string,
  ): { ast: PolicyFile; diagnostics: Diagnostic[] } {
    this.fileName = file;
    this.diagnostics = [];
    this.cursor = { offset: 0, line: 1, column: 1 };
    const ast = this.visit(cst) as PolicyFile;
    ast.comments = comments.map(
      (c): Comment => ({ text: c.image.slice(1), span: tokenSpan(c) }),
    );
    ast.span = { start: { offset: 0, line: 1, column: 1 }, end: endPosition(text) };
    return { ast, diagnostics: this.diagnostics };
  }

  // -------------------------------------------------------------------------------------------
  // helpers

  private report<C extends Code>(code: C, span: Span, params: MessageParams<C>): void {
    this.diagnostics.push(diagnostic(code, this.fileName, span, params));
  }

  private here(): Span {
    return { start: this.cursor, end: this.cursor };
  }

  private tspan(t: IToken): Span {
    const span = tokenSpan(t);
    if (span.end.offset > this.cursor.offset) this.cursor = span.end;
    return span;
  }

  /** A node's span from chevrotain's location, or an empty span where the node has no tokens. */
  private nspan(n: CstNode | undefined): Span {
    const loc = n?.location;
    if (
      !loc ||
      !Number.isFinite(loc.startOffset) ||
      !Number.isFinite(loc.endOffset) ||
      loc.startLine === undefined ||
      loc.startColumn === undefined ||
      loc.endLine === undefined ||
      loc.endColumn === undefined
    ) {
      return this.here();
    }
    const span: Span = {
      start: { offset: loc.startOffset, line: loc.startLine, column: loc.startColumn },
      end: { offset: loc.endOffset! + 1, line: loc.endLine, column: loc.endColumn + 1 },
    };
    if (span.end.offset > this.cursor.offset) this.cursor = span.end;
    return span;
  }

  private sub<T>(n: CstNode | undefined): T | undefined {
    return n === undefined ? undefined : (this.visit(n, n) as T);
  }

  private missingName(): Name {
    return { text: "", span: this.here() };
  }

  private missingExpr(): Expr {
    const span = this.here();
    return { kind: "Ref", name: { text: "", span }, span };
  }

  private nameOf(n: CstNode | undefined): Name {
    return this.sub<Name>(n) ?? this.missingName();
  }

  private exprOf(n: CstNode | undefined): Expr {
    return this.sub<Expr>(n) ?? this.missingExpr();
  }

  private stringLit(t: IToken | undefined): StringLit | undefined {
    if (!t) return undefined;
    const span = this.tspan(t);
    const unterminated = t.tokenType === UnterminatedString;
    if (unterminated) this.report("T0102", span, {});
    const body = unterminated ? t.image.slice(1) : t.image.slice(1, -1);
    let value = "";
    for (let i = 0; i < body.length; i++) {
      const ch = body[i]!;
      if (ch !== "\\") {
        value += ch;
        continue;
      }
      const next = body[i + 1];
      if (next === '"' || next === "\\") {
        value += next;
        i++;
      } else if (next !== undefined) {
        const offset = t.startOffset + 1 + i;
        const column = (t.startColumn ?? 1) + 1 + i;
        this.report(
          "T0108",
          {
            start: { offset, line: span.start.line, column },
            end: { offset: offset + 2, line: span.start.line, column: column + 2 },
          },
          { text: `\\${next}` },
        );
        value += ch + next;
        i++;
      }
    }
    return { value, span };
  }

  /** A whole number; decimals are diagnosed (T0107) and dropped. Missing → 0. */
  private int(t: IToken | undefined): number {
    if (!t) return 0;
    const span = this.tspan(t);
    if (!/^\d+$/.test(t.image)) {
      this.report("T0107", span, { text: t.image });
      return Math.trunc(Number(t.image.replace(",", ".")));
    }
    return Number(t.image);
  }

  private date(t: IToken | undefined): DateLit | undefined {
    if (!t) return undefined;
    const span = this.tspan(t);
    const [year, month, day] = t.image.split("-").map(Number) as [number, number, number];
    let reason: string | undefined;
    if (month < 1 || month > 12) reason = "måneden skal være fra 01 til 12";
    else if (day < 1) reason = "dagen skal være mindst 01";
    else if (day > daysInMonth(year, month)) {
      reason = `${MONTH_NAMES[month - 1]} ${year} har kun ${daysInMonth(year, month)} dage`;
    }
    if (reason) this.report("T0105", span, { text: t.image, reason });
    return { kind: "date", year, month, day, span };
  }

  private placeholderDate(): DateLit {
    return { kind: "date", year: 0, month: 0, day: 0, span: this.here() };
  }

  private month(t: IToken | undefined): MonthLit | undefined {
    if (!t) return undefined;
    const span = this.tspan(t);
    const [year, month] = t.image.split("-").map(Number) as [number, number];
    if (month < 1 || month > 12) this.report("T0106", span, { text: t.image });
    return { kind: "month", year, month, span };
  }

  /**
   * The first of a clause that may be given once; later ones are diagnosed (T0109).
   * `clause` is the keyword as shown to the user, `where` the declaration ("kriteriet `x`").
   */
  private once<T>(items: CstNode[], clause: string, where: string): T | undefined {
    for (const extra of items.slice(1)) {
      this.report("T0109", this.nspan(extra), { clause, where });
    }
    return this.sub<T>(items[0]);
  }

  private source(ctx: Ctx, where: string): StringLit | undefined {
    return this.once<StringLit>(nodes(ctx, "sourceClause"), "kilde", where);
  }

  // -------------------------------------------------------------------------------------------
  // the file and its header

  file(ctx: Ctx): PolicyFile {
    const policy = this.sub<PolicyDecl>(node(ctx, "policyHeader"));
    const examplesFor = this.sub<ExamplesFor>(node(ctx, "examplesFor"));
    const all = nodes(ctx, "declaration")
      .map((d) => this.sub<Declaration | ExampleDecl>(d))
      .filter((d): d is Declaration | ExampleDecl => d !== undefined);
    const declarations = all.filter((d): d is Declaration => d.kind !== "ExampleDecl");
    const examples = all.filter((d): d is ExampleDecl => d.kind === "ExampleDecl");
    return {
      kind: "PolicyFile",
      ...(policy ? { policy } : {}),
      declarations,
      ...(examples.length ? { examples } : {}),
      ...(examplesFor ? { examplesFor } : {}),
      comments: [],
      span: this.here(),
    };
  }

  examplesFor(ctx: Ctx, n: CstNode): ExamplesFor {
    const span = this.nspan(n);
    const files = (ctx["files"] ?? [])
      .filter(isRealToken)
      .map((t) => this.stringLit(t)!)
      .filter((f) => f !== undefined);
    return { kind: "ExamplesFor", files, span };
  }

  allowClause(ctx: Ctx, n: CstNode): AllowClause {
    const span = this.nspan(n);
    const code = this.nameOf(node(ctx, "code"));
    const reason = this.stringLit(tok(ctx, "reason"));
    return { kind: "AllowClause", code, ...(reason ? { reason } : {}), span };
  }

  /** The `tillad` clauses of a declaration, in source order. */
  private allow(ctx: Ctx): { allow?: AllowClause[] } {
    const list = nodes(ctx, "allowClause").map((a) => this.sub<AllowClause>(a)!);
    return list.length ? { allow: list } : {};
  }

  name(ctx: Ctx, n: CstNode): Name {
    const t = tok(ctx, "Identifier") ?? tok(ctx, "WordKeyword");
    if (!t) return this.missingName();
    return { text: t.image, span: this.tspan(t) };
  }

  sourceClause(ctx: Ctx): StringLit | undefined {
    return this.stringLit(tok(ctx, "StringLiteral"));
  }

  policyHeader(ctx: Ctx, n: CstNode): PolicyDecl {
    const span = this.nspan(n);
    const name = this.nameOf(node(ctx, "name"));
    const title = this.stringLit(tok(ctx, "title"));
    const where = `politikken \`${name.text}\``;
    const source = this.source(ctx, where);
    const inForce = this.once<InForce>(nodes(ctx, "inForce"), "gælder", where);
    return {
      kind: "PolicyDecl",
      name,
      ...(title ? { title } : {}),
      ...(source ? { source } : {}),
      ...(inForce ? { inForce } : {}),
      ...this.allow(ctx),
      span,
    };
  }

  inForce(ctx: Ctx, n: CstNode): InForce {
    const span = this.nspan(n);
    const from = this.date(tok(ctx, "from"));
    const to = this.date(tok(ctx, "to"));
    return { kind: "InForce", ...(from ? { from } : {}), ...(to ? { to } : {}), span };
  }

  dataPeriod(ctx: Ctx, n: CstNode): DataPeriod {
    const span = this.nspan(n);
    const from = this.month(tok(ctx, "from"));
    const to = this.month(tok(ctx, "to"));
    return { kind: "DataPeriod", ...(from ? { from } : {}), ...(to ? { to } : {}), span };
  }

  declaration(ctx: Ctx): Declaration | undefined {
    const [first] = nodesInOrder(ctx, Object.keys(ctx));
    return this.sub<Declaration>(first);
  }

  // -------------------------------------------------------------------------------------------
  // data

  dataDecl(ctx: Ctx, n: CstNode): DataDecl | PersonDataDecl {
    if (tok(ctx, "person")) return this.personDataDecl(ctx, n);
    const span = this.nspan(n);
    const name = this.nameOf(node(ctx, "name"));
    const grainTok = tok(ctx, "grain");
    const grain = grainTok
      ? { value: grainTok.image as "måned" | "år", span: this.tspan(grainTok) }
      : { value: "måned" as const, span: this.here() };
    const group = this.sub<Name>(node(ctx, "group"));
    const fields = nodes(ctx, "fieldDecl").map((f) => this.sub<FieldDecl>(f)!);
    const keyColumns = nodes(ctx, "keyColumns").map((k) => this.sub<KeyColumnsClause>(k)!);
    const publication = this.once<Publication>(
      nodes(ctx, "publication"),
      "offentliggøres",
      `data \`${name.text}\``,
    );
    return {
      kind: "DataDecl",
      name,
      grain,
      ...(group ? { group } : {}),
      ...(keyColumns.length ? { keyColumns } : {}),
      fields,
      ...(publication ? { publication } : {}),
      ...this.allow(ctx),
      span,
    };
  }

  /** `data NAME pr person, måned|dato`: fields only; other clauses do not belong (T0120). */
  private personDataDecl(ctx: Ctx, n: CstNode): PersonDataDecl {
    for (const other of [...nodes(ctx, "keyColumns"), ...nodes(ctx, "publication"), ...nodes(ctx, "allowClause")]) {
      const first = other.children[Object.keys(other.children)[0]!]?.[0];
      const word = first && !("children" in first) ? first.image : "";
      this.report("T0120", this.nspan(other), { found: `\`${word}\`` });
    }
    const span = this.nspan(n);
    const name = this.nameOf(node(ctx, "name"));
    const grainTok = tok(ctx, "grain");
    const grain = grainTok
      ? { value: grainTok.image as "måned" | "dato", span: this.tspan(grainTok) }
      : { value: "måned" as const, span: this.here() };
    const fields = nodes(ctx, "fieldDecl").map((f) => this.sub<FieldDecl>(f)!);
    return { kind: "PersonDataDecl", name, grain, fields, span };
  }

  measurementDecl(ctx: Ctx, n: CstNode): MeasurementDecl {
    const span = this.nspan(n);
    const name = this.nameOf(node(ctx, "name"));
    const where = `målingen \`${name.text}\``;
    const title = this.stringLit(tok(ctx, "title"));
    const source = this.source(ctx, where);
    const spell = this.once<SpellClause>(nodes(ctx, "spellClause"), "forløb", where);
    const dead = this.once<DeadClause>(nodes(ctx, "deadClause"), "død", where);
    const window = this.once<SpellWindowClause>(nodes(ctx, "spellWindowClause"), "vindue", where);
    const counts = nodes(ctx, "countDecl").map((c) => this.sub<CountDecl>(c)!);
    const outputs = nodes(ctx, "outputField").map((c) => this.sub<OutputField>(c)!);
    return {
      kind: "MeasurementDecl",
      name,
      ...(title ? { title } : {}),
      ...(source ? { source } : {}),
      ...(spell ? { spell } : {}),
      ...(dead ? { dead } : {}),
      ...(window ? { window } : {}),
      counts,
      outputs,
      span,
    };
  }

  spellClause(ctx: Ctx, n: CstNode): SpellClause {
    const source = this.source(ctx, "forløbet");
    return {
      kind: "SpellClause",
      data: this.nameOf(node(ctx, "data")),
      field: this.nameOf(node(ctx, "field")),
      ...(source ? { source } : {}),
      span: this.nspan(n),
    };
  }

  deadClause(ctx: Ctx, n: CstNode): DeadClause {
    const source = this.source(ctx, "`død`");
    return { kind: "DeadClause", when: this.exprOf(node(ctx, "expr")), ...(source ? { source } : {}), span: this.nspan(n) };
  }

  spellWindowClause(ctx: Ctx, n: CstNode): SpellWindowClause {
    const source = this.source(ctx, "vinduet");
    return { kind: "SpellWindowClause", months: this.int(tok(ctx, "months")), ...(source ? { source } : {}), span: this.nspan(n) };
  }

  countDecl(ctx: Ctx, n: CstNode): CountDecl {
    return {
      kind: "CountDecl",
      data: this.nameOf(node(ctx, "data")),
      cases: nodes(ctx, "countCase").map((c) => this.sub<CountCase>(c)!),
      span: this.nspan(n),
    };
  }

  countCase(ctx: Ctx, n: CstNode): CountCase {
    const inForce = this.once<InForce>(nodes(ctx, "inForce"), "gælder", "tællingen");
    const source = this.source(ctx, "tællingen");
    return {
      kind: "CountCase",
      when: this.exprOf(node(ctx, "expr")),
      ...(inForce ? { inForce } : {}),
      ...(source ? { source } : {}),
      span: this.nspan(n),
    };
  }

  outputField(ctx: Ctx, n: CstNode): OutputField {
    const name = this.nameOf(node(ctx, "name"));
    const source = this.source(ctx, `feltet \`${name.text}\``);
    return { kind: "OutputField", name, expr: this.exprOf(node(ctx, "expr")), ...(source ? { source } : {}), span: this.nspan(n) };
  }

  fieldDecl(ctx: Ctx, n: CstNode): FieldDecl {
    const span = this.nspan(n);
    const name = this.nameOf(node(ctx, "name"));
    const typeTok = tok(ctx, "type");
    const type = typeTok
      ? { value: typeTok.image as FieldType, span: this.tspan(typeTok) }
      : { value: "antal" as const, span: this.here() };
    const subsetOf = this.sub<Name>(node(ctx, "subsetOf"));
    const description = this.stringLit(tok(ctx, "description"));
    const column = this.stringLit(tok(ctx, "column"));
    return {
      kind: "FieldDecl",
      name,
      type,
      ...(subsetOf ? { subsetOf } : {}),
      ...(description ? { description } : {}),
      ...(column ? { column } : {}),
      span,
    };
  }

  keyColumns(ctx: Ctx, n: CstNode): KeyColumnsClause {
    const span = this.nspan(n);
    const keyword = tok(ctx, "keyword")?.image === "kolonne" ? "kolonne" : "kolonner";
    const keys = nodes(ctx, "key");
    const headers = (ctx["header"] ?? []).filter(isRealToken);
    const columns = keys.flatMap((k, i) => {
      const header = this.stringLit(headers[i]);
      return header ? [{ key: this.nameOf(k), header }] : [];
    });
    return { kind: "KeyColumns", keyword, columns, span };
  }

  publication(ctx: Ctx, n: CstNode): Publication {
    const span = this.nspan(n);
    if (ctx["months"]) {
      this.sub(node(ctx, "monthUnit"));
      return { kind: "LagPublication", months: this.int(tok(ctx, "months")), span };
    }
    const dayTok = tok(ctx, "day");
    const day = this.int(dayTok);
    const month = this.sub<{ month: number; name: string }>(node(ctx, "monthName"));
    if (dayTok && month && (day < 1 || day > daysInMonth(2000, month.month))) {
      this.report("T0105", span, {
        text: `${day}. ${month.name}`,
        reason: `${month.name} har højst ${daysInMonth(2000, month.month)} dage`,
      });
    }
    return { kind: "FixedPublication", day, month: month?.month ?? 0, span };
  }

  monthUnit(ctx: Ctx): string | undefined {
    return tok(ctx, "unit")?.image;
  }

  durationUnit(ctx: Ctx): DurationUnit {
    const t = tok(ctx, "unit");
    return (t && DURATION[t.image]) || "måneder";
  }

  monthName(ctx: Ctx): { month: number; name: string } | undefined {
    const t = tok(ctx, "month");
    if (!t) return undefined;
    this.tspan(t);
    return { month: monthNumber(t.image) ?? 0, name: t.image };
  }

  // -------------------------------------------------------------------------------------------
  // assessment

  assessmentDecl(ctx: Ctx, n: CstNode): AssessmentDecl {
    const span = this.nspan(n);
    const cadenceTok = tok(ctx, "cadence");
    const cadence = cadenceTok
      ? { value: cadenceTok.image as AssessmentDecl["cadence"]["value"], span: this.tspan(cadenceTok) }
      : { value: "månedlig" as const, span: this.here() };
    const grouping = this.sub<Grouping>(node(ctx, "grouping"));
    const where = "opgørelsen";
    const publication = this.once<Publication>(nodes(ctx, "publication"), "offentliggøres", where);
    const followUp = this.once<{ months: number; span: Span }>(
      nodes(ctx, "followUp"),
      "følges op",
      where,
    );
    const source = this.source(ctx, where);
    return {
      kind: "AssessmentDecl",
      cadence,
      ...(grouping ? { grouping } : {}),
      ...(publication ? { publication } : {}),
      ...(followUp ? { followUp } : {}),
      ...(source ? { source } : {}),
      span,
    };
  }

  grouping(ctx: Ctx, n: CstNode): Grouping {
    const span = this.nspan(n);
    return {
      kind: "Grouping",
      mode: ctx["kw_pr"] ? "pr" : "samlet",
      group: this.nameOf(node(ctx, "name")),
      span,
    };
  }

  followUp(ctx: Ctx, n: CstNode): { months: number; span: Span } {
    const span = this.nspan(n);
    return { months: ctx["months"] ? this.int(tok(ctx, "months")) : 0, span };
  }

  // -------------------------------------------------------------------------------------------
  // measures, criteria, reviews, suspensions

  measureDecl(ctx: Ctx, n: CstNode): MeasureDecl {
    const span = this.nspan(n);
    const name = this.nameOf(node(ctx, "name"));
    const title = this.stringLit(tok(ctx, "title"));
    const expr = this.exprOf(node(ctx, "expr"));
    const source = this.source(ctx, `målet \`${name.text}\``);
    return {
      kind: "MeasureDecl",
      name,
      ...(title ? { title } : {}),
      expr,
      ...(source ? { source } : {}),
      ...this.allow(ctx),
      span,
    };
  }

  criterionDecl(ctx: Ctx, n: CstNode): CriterionDecl {
    const span = this.nspan(n);
    const name = this.nameOf(node(ctx, "name"));
    const title = this.stringLit(tok(ctx, "title"));
    const where = `kriteriet \`${name.text}\``;
    // Visit the clauses in source order so placeholders land in the right place.
    let source: StringLit | undefined;
    let dataPeriod: DataPeriod | undefined;
    let guard: Expr | undefined;
    let delay: { months: number; span: Span } | undefined;
    let when: Expr | undefined;
    const clauseWord: Record<string, string> = {
      sourceClause: "kilde",
      dataPeriod: "gælder for data",
      guardClause: "forudsat",
      delayClause: "vurderes",
      whenClause: "når",
    };
    for (const clause of nodesInOrder(ctx, Object.keys(clauseWord))) {
      const value = this.sub<unknown>(clause);
      const seen =
        (clause.name === "sourceClause" && source) ||
        (clause.name === "dataPeriod" && dataPeriod) ||
        (clause.name === "guardClause" && guard) ||
        (clause.name === "delayClause" && delay) ||
        (clause.name === "whenClause" && when);
      if (seen) {
        this.report("T0109", this.nspan(clause), {
          clause: clauseWord[clause.name]!,
          where,
        });
        continue;
      }
      if (clause.name === "sourceClause") source = value as StringLit | undefined;
      else if (clause.name === "dataPeriod") dataPeriod = value as DataPeriod;
      else if (clause.name === "guardClause") guard = value as Expr;
      else if (clause.name === "delayClause") delay = value as { months: number; span: Span };
      else if (clause.name === "whenClause") when = value as Expr;
    }
    return {
      kind: "CriterionDecl",
      name,
      ...(title ? { title } : {}),
      ...(source ? { source } : {}),
      ...(dataPeriod ? { dataPeriod } : {}),
      ...(guard ? { guard } : {}),
      ...(delay ? { delay } : {}),
      ...(when ? { when } : {}),
      ...this.allow(ctx),
      span,
    };
  }

  guardClause(ctx: Ctx): Expr {
    return this.exprOf(node(ctx, "expr"));
  }

  delayClause(ctx: Ctx, n: CstNode): { months: number; span: Span } {
    const span = this.nspan(n);
    const months = this.int(tok(ctx, "months"));
    this.sub(node(ctx, "monthUnit"));
    return { months, span };
  }

  whenClause(ctx: Ctx): Expr {
    return this.exprOf(node(ctx, "cond"));
  }

  reviewDecl(ctx: Ctx, n: CstNode): ReviewDecl {
    const span = this.nspan(n);
    const name = this.nameOf(node(ctx, "name"));
    const title = this.stringLit(tok(ctx, "title"));
    const source = this.source(ctx, `gennemgangen \`${name.text}\``);
    const cadenceTok = tok(ctx, "cadence");
    const cadence = { value: "årligt" as const, span: cadenceTok ? this.tspan(cadenceTok) : this.here() };
    const when = this.sub<Expr>(node(ctx, "cond"));
    return {
      kind: "ReviewDecl",
      name,
      ...(title ? { title } : {}),
      ...(source ? { source } : {}),
      cadence,
      ...(when ? { when } : {}),
      ...this.allow(ctx),
      span,
    };
  }

  suspensionDecl(ctx: Ctx, n: CstNode): SuspensionDecl {
    const span = this.nspan(n);
    const name = this.nameOf(node(ctx, "name"));
    const title = this.stringLit(tok(ctx, "title"));
    const source = this.source(ctx, `undtagelsen \`${name.text}\``);
    const from = this.date(tok(ctx, "from")) ?? this.placeholderDate();
    const to = this.date(tok(ctx, "to")) ?? this.placeholderDate();
    return {
      kind: "SuspensionDecl",
      name,
      ...(title ? { title } : {}),
      ...(source ? { source } : {}),
      from,
      to,
      ...this.allow(ctx),
      span,
    };
  }

  // -------------------------------------------------------------------------------------------
  // reaction

  reactionDecl(ctx: Ctx, n: CstNode): ReactionDecl {
    const span = this.nspan(n);
    const clauses = nodesInOrder(ctx, [
      "contactClause",
      "maxPerYearClause",
      "recontactClause",
      "ladderClause",
      "accountClause",
    ])
      .map((c) => this.sub<ReactionClause>(c))
      .filter((c): c is ReactionClause => c !== undefined);
    return { kind: "ReactionDecl", clauses, span };
  }

  contactClause(ctx: Ctx, n: CstNode): ReactionClause {
    const span = this.nspan(n);
    const text = this.stringLit(tok(ctx, "text")) ?? { value: "", span: this.here() };
    const source = this.source(ctx, "henvendelsen");
    return { kind: "ContactClause", text, ...(source ? { source } : {}), span };
  }

  maxPerYearClause(ctx: Ctx, n: CstNode): ReactionClause {
    const span = this.nspan(n);
    return { kind: "MaxPerYearClause", count: this.int(tok(ctx, "count")), span };
  }

  recontactClause(_ctx: Ctx, n: CstNode): ReactionClause {
    return { kind: "RecontactClause", span: this.nspan(n) };
  }

  ladderClause(ctx: Ctx, n: CstNode): ReactionClause {
    const span = this.nspan(n);
    const steps = nodes(ctx, "steps").map((s) => this.nameOf(s));
    return { kind: "LadderClause", steps, span };
  }

  accountClause(ctx: Ctx, n: CstNode): ReactionClause {
    const span = this.nspan(n);
    const text = this.stringLit(tok(ctx, "text")) ?? { value: "", span: this.here() };
    const months = this.int(tok(ctx, "months"));
    this.sub(node(ctx, "monthUnit"));
    const source = this.source(ctx, "redegørelsen");
    return { kind: "AccountClause", text, months, ...(source ? { source } : {}), span };
  }

  // -------------------------------------------------------------------------------------------
  // state machine

  machineDecl(ctx: Ctx, n: CstNode): MachineDecl {
    const span = this.nspan(n);
    const name = this.sub<Name>(node(ctx, "machineName"));
    const start = this.nameOf(node(ctx, "start"));
    const states: StateDecl[] = [];
    const transitions: TransitionDecl[] = [];
    for (const child of nodesInOrder(ctx, ["stateDecl", "transitionDecl"])) {
      if (child.name === "stateDecl") states.push(this.sub<StateDecl>(child)!);
      else transitions.push(this.sub<TransitionDecl>(child)!);
    }
    return { kind: "MachineDecl", ...(name ? { name } : {}), start, states, transitions, span };
  }

  stateDecl(ctx: Ctx, n: CstNode): StateDecl {
    const span = this.nspan(n);
    const name = this.nameOf(node(ctx, "name"));
    const title = this.stringLit(tok(ctx, "title"));
    const deadlines = nodes(ctx, "deadlineDecl").map((d) => this.sub<DeadlineDecl>(d)!);
    return { kind: "StateDecl", name, ...(title ? { title } : {}), deadlines, ...this.allow(ctx), span };
  }

  deadlineDecl(ctx: Ctx, n: CstNode): DeadlineDecl {
    const span = this.nspan(n);
    const name = this.nameOf(node(ctx, "name"));
    const when = this.sub<CalendarExpr>(node(ctx, "calendarExpr")) ?? {
      kind: "EndOfMonth",
      month: 0,
      monthName: "",
      span: this.here(),
    };
    const source = this.source(ctx, `fristen \`${name.text}\``);
    return { kind: "DeadlineDecl", name, when, ...(source ? { source } : {}), span };
  }

  calendarExpr(ctx: Ctx, n: CstNode): CalendarExpr {
    const span = this.nspan(n);
    if (ctx["kw_udgangen"]) {
      const month = this.sub<{ month: number; name: string }>(node(ctx, "monthName"));
      return { kind: "EndOfMonth", month: month?.month ?? 0, monthName: month?.name ?? "", span };
    }
    const amount = this.int(tok(ctx, "amount"));
    const unit = this.sub<DurationUnit>(node(ctx, "durationUnit")) ?? "måneder";
    const relation = tok(ctx, "relation");
    const anchor = this.nameOf(node(ctx, "anchor"));
    return {
      kind: relation?.image === "fra" ? "PeriodFrom" : "After",
      amount,
      unit,
      anchor,
      span,
    };
  }

  transitionDecl(ctx: Ctx, n: CstNode): TransitionDecl {
    const span = this.nspan(n);
    const name = this.nameOf(node(ctx, "name"));
    const title = this.stringLit(tok(ctx, "title"));
    const from = this.nameOf(node(ctx, "from"));
    const to = this.nameOf(node(ctx, "to"));
    const where = `overgangen \`${name.text}\``;
    const source = this.source(ctx, where);
    const when = this.once<Expr>(nodes(ctx, "whenClause"), "når", where);
    const elses = (ctx["kw_ellers"] ?? []).filter(isRealToken);
    for (const extra of elses.slice(1)) {
      this.report("T0109", this.tspan(extra), { clause: "ellers", where });
    }
    const remember = nodes(ctx, "rememberDecl").map((r) => this.sub<RememberDecl>(r)!);
    if (!n.recoveredNode) {
      if (!when && elses.length === 0) {
        this.report("T0110", name.text ? name.span : span, {
          name: name.text,
        });
      } else if (when && elses.length > 0) {
        this.report("T0111", this.tspan(elses[0]!), { name: name.text });
      }
    }
    return {
      kind: "TransitionDecl",
      name,
      ...(title ? { title } : {}),
      from,
      to,
      ...(source ? { source } : {}),
      ...(when ? { when } : {}),
      otherwise: elses.length > 0,
      remember,
      ...this.allow(ctx),
      span,
    };
  }

  rememberDecl(ctx: Ctx, n: CstNode): RememberDecl {
    const span = this.nspan(n);
    const name = this.nameOf(node(ctx, "name"));
    const expr = this.exprOf(node(ctx, "expr"));
    return { kind: "RememberDecl", name, expr, span };
  }

  // -------------------------------------------------------------------------------------------
  // examples

  exampleDecl(ctx: Ctx, n: CstNode): ExampleDecl {
    const span = this.nspan(n);
    const title = this.stringLit(tok(ctx, "title")) ?? { value: "", span: this.here() };
    const source = this.source(ctx, "eksemplet");
    const tables: ExampleTable[] = [];
    const expectations: Expectation[] = [];
    const expectedTables: ExampleTable[] = [];
    for (const child of nodesInOrder(ctx, ["exampleTable", "expectation", "expectedTable"])) {
      if (child.name === "exampleTable") tables.push(this.sub<ExampleTable>(child)!);
      else if (child.name === "expectedTable") expectedTables.push(this.sub<ExampleTable>(child)!);
      else expectations.push(this.sub<Expectation>(child)!);
    }
    return {
      kind: "ExampleDecl",
      title,
      ...(source ? { source } : {}),
      tables,
      ...(expectedTables.length ? { expectedTables } : {}),
      expectations,
      span,
    };
  }

  expectedTable(ctx: Ctx): ExampleTable {
    return this.sub<ExampleTable>(node(ctx, "exampleTable"))!;
  }

  exampleTable(ctx: Ctx, n: CstNode): ExampleTable {
    const span = this.nspan(n);
    const data = this.nameOf(node(ctx, "data"));
    const columns = nodes(ctx, "columns").map((c) => this.nameOf(c));
    (ctx["headerPipes"] ?? []).filter(isRealToken).forEach((t) => this.tspan(t));
    const tokens = (ctx["cells"] ?? []).filter(isRealToken).sort((a, b) => a.startOffset - b.startOffset);
    // One row per line: the table is the one place where a line break means something.
    const lines: IToken[][] = [];
    for (const t of tokens) {
      this.tspan(t);
      const current = lines.at(-1);
      if (current && current[0]!.startLine === t.startLine) current.push(t);
      else lines.push([t]);
    }
    const rows = lines.map((line) => this.tableRow(line));
    return { kind: "ExampleTable", data, columns, rows, span };
  }

  private tableRow(line: IToken[]): TableRow {
    const span = joinSpans(tokenSpan(line[0]!), tokenSpan(line.at(-1)!));
    const cells: TableCell[] = [];
    let current: IToken[] = [];
    let cellStart = span.start;
    const flush = (end: Span["end"]) => {
      cells.push(this.tableCell(current, current.length ? joinSpans(tokenSpan(current[0]!), tokenSpan(current.at(-1)!)) : { start: cellStart, end }));
      current = [];
    };
    for (const t of line) {
      if (t.tokenType === Pipe) {
        flush(tokenSpan(t).start);
        cellStart = tokenSpan(t).end;
      } else current.push(t);
    }
    flush(span.end);
    return { cells, span };
  }

  private tableCell(tokens: IToken[], span: Span): TableCell {
    if (tokens.length === 0) return { value: "", span };
    const [a, b, c, d] = tokens;
    if (tokens.length === 1) {
      if (tokenMatcher(a!, StringLiteral)) {
        const lit = this.stringLit(a)!;
        return { value: a!.image, text: lit.value, span };
      }
      if (a!.tokenType === MonthLiteral) this.month(a);
      if (a!.tokenType === DateLiteral) this.date(a);
      if (a!.tokenType === NumberLiteral || a!.tokenType === MonthLiteral || a!.tokenType === DateLiteral || a!.tokenType === Identifier) {
        return { value: a!.image, span };
      }
    }
    if (
      tokens.length === 4 &&
      b!.tokenType === Dot &&
      c!.tokenType === Dot &&
      a!.tokenType === d!.tokenType &&
      (a!.tokenType === MonthLiteral || (a!.tokenType === NumberLiteral && /^\d{4}$/.test(a!.image) && /^\d{4}$/.test(d!.image))) &&
      c!.startOffset === b!.endOffset! + 1
    ) {
      if (a!.tokenType === MonthLiteral) {
        this.month(a);
        this.month(d);
      }
      const value = `${a!.image}..${d!.image}`;
      return { value, range: { from: a!.image, to: d!.image }, span };
    }
    // Any other run of tokens is text as written (a label like `A-dagpenge`), with the spacing
    // between the tokens kept; whether it fits its column is checked like a CSV cell.
    let text = a!.image;
    for (let i = 1; i < tokens.length; i++) {
      const gap = tokens[i]!.startOffset - tokens[i - 1]!.endOffset! - 1;
      text += " ".repeat(gap > 0 ? 1 : 0) + tokens[i]!.image;
    }
    return { value: text, span };
  }

  expectation(ctx: Ctx, n: CstNode): Expectation {
    const span = this.nspan(n);
    const subjectTok = tok(ctx, "subject");
    const noun = subjectTok?.image ?? "henvendelse";
    const SUBJECTS: Record<string, ExpectationSubject> = {
      henvendelse: "henvendelse",
      henvendelser: "henvendelse",
      redegørelse: "redegørelse",
      redegørelser: "redegørelse",
      gennemgang: "gennemgang",
      gennemgange: "gennemgang",
      frist: "frist",
      frister: "frist",
      tilstand: "tilstand",
    };
    if (subjectTok) this.tspan(subjectTok);
    const countTok = tok(ctx, "count");
    const count = countTok
      ? countTok.image === "ingen"
        ? { value: 0, written: "ingen" as const, span: this.tspan(countTok) }
        : { value: this.int(countTok), written: "tal" as const, span: tokenSpan(countTok) }
      : undefined;
    const name = this.sub<Name>(node(ctx, "subjectName"));
    const out: Expectation = {
      kind: "Expectation",
      subject: SUBJECTS[noun] ?? "henvendelse",
      noun,
      ...(count ? { count } : {}),
      ...(name ? { name } : {}),
      span,
    };
    const where = "forventningen";
    for (const q of nodes(ctx, "qualifier")) {
      const value = this.sub<Partial<Expectation>>(q) ?? {};
      for (const key of Object.keys(value) as (keyof Expectation)[]) {
        if (out[key] !== undefined) {
          const word = key === "kommune" ? "kommunen" : key === "period" ? "perioden" : key === "date" ? "den" : key === "rule" ? "efter" : key === "step" ? "med" : "i gruppen";
          this.report("T0109", this.nspan(q), { clause: word, where });
          continue;
        }
        (out as unknown as Record<string, unknown>)[key] = value[key];
      }
    }
    return out;
  }

  qualifier(ctx: Ctx, n: CstNode): Partial<Expectation> {
    const span = this.nspan(n);
    const word = tok(ctx, "word")?.image ?? "";
    const kommune = (t: IToken | undefined, w: "til" | "af" | "for"): Partial<Expectation> => {
      if (!t) return {};
      const s = this.tspan(t);
      if (!/^\d{3}$/.test(t.image)) this.report("T0116", s, { text: t.image });
      return { kommune: { code: t.image, word: w, span: s } };
    };
    switch (word) {
      case "til":
      case "af":
        return kommune(tok(ctx, "value"), word);
      case "for":
      case "i": {
        if (ctx["kw_gruppen"]) {
          const g = this.sub<Name>(node(ctx, "group"));
          if (g) return { group: { text: g.text, written: g.text, span: g.span } };
          const t = tok(ctx, "groupText");
          const lit = this.stringLit(t);
          return lit ? { group: { text: lit.value, written: this.textOf(t!), span: lit.span } } : {};
        }
        const p = this.sub<{ label: string; span: Span; token?: IToken }>(node(ctx, "periodValue"));
        if (!p) return {};
        if (word === "for" && p.token && /^\d{3}$/.test(p.label)) return kommune(p.token, "for");
        return { period: { label: p.label, word, span: p.span } };
      }
      case "den": {
        const date = this.date(tok(ctx, "date"));
        return date ? { date } : {};
      }
      case "efter": {
        const rule = this.sub<Name>(node(ctx, "rule"));
        return rule ? { rule } : {};
      }
      case "med": {
        const step = this.sub<Name>(node(ctx, "step"));
        return step ? { step } : {};
      }
    }
    void span;
    return {};
  }

  private textOf(t: IToken): string {
    return t.image;
  }

  periodValue(ctx: Ctx, n: CstNode): { label: string; span: Span; token?: IToken } | undefined {
    const span = this.nspan(n);
    const month = tok(ctx, "month");
    if (month) {
      this.month(month);
      return { label: month.image, span };
    }
    const number = tok(ctx, "number");
    if (!number) return undefined;
    this.tspan(number);
    const half = tok(ctx, "half");
    if (half) {
      this.tspan(half);
      const label = `${number.image}-${half.image}`;
      if (!/^\d{4}$/.test(number.image) || !/^H[12]$/.test(half.image)) this.report("T0115", span, { text: label });
      return { label, span };
    }
    if (!/^\d{3,4}$/.test(number.image)) this.report("T0115", span, { text: number.image });
    return { label: number.image, span, token: number };
  }

  // -------------------------------------------------------------------------------------------
  // expressions

  cond(ctx: Ctx, n: CstNode): Expr {
    const inner = this.exprOf(node(ctx, "expr"));
    if (!ctx["kw_i"]) return inner;
    const months = this.int(tok(ctx, "months"));
    this.sub(node(ctx, "monthUnit"));
    return { kind: "StreakCond", cond: inner, months, span: this.nspan(n) };
  }

  private logical(ctx: Ctx, op: "og" | "eller"): Expr {
    const operands = nodes(ctx, "operands").map((o) => this.exprOf(o));
    let result = operands[0] ?? this.missingExpr();
    for (const right of operands.slice(1)) {
      result = { kind: "Logical", op, left: result, right, span: joinSpans(result.span, right.span) };
    }
    return result;
  }

  expr(ctx: Ctx): Expr {
    return this.logical(ctx, "eller");
  }

  andExpr(ctx: Ctx): Expr {
    return this.logical(ctx, "og");
  }

  notExpr(ctx: Ctx, n: CstNode): Expr {
    if (ctx["kw_ikke"]) {
      const span = this.nspan(n);
      return { kind: "Not", operand: this.exprOf(node(ctx, "notExpr")), span };
    }
    return this.exprOf(node(ctx, "comparison"));
  }

  comparison(ctx: Ctx): Expr {
    const [leftNode, rightNode] = nodes(ctx, "operands");
    const left = this.exprOf(leftNode);
    const opNode = node(ctx, "compareOp");
    if (!opNode) return left;
    const op = this.sub<{ op: CompareOp; written: string }>(opNode)!;
    const right = this.exprOf(rightNode);
    return { kind: "Compare", ...op, left, right, span: joinSpans(left.span, right.span) };
  }

  compareOp(ctx: Ctx): { op: CompareOp; written: string } {
    const ops = (ctx["op"] ?? []).filter(isRealToken);
    ops.forEach((t) => this.tspan(t));
    const written = ops.map((t) => t.image).join(" ");
    return { op: COMPARE[ops[0]?.image ?? ""] ?? "lig", written };
  }

  windowed(ctx: Ctx, n: CstNode): Expr {
    const inner = this.exprOf(node(ctx, "additive"));
    const window = this.sub<Window>(node(ctx, "window"));
    if (!ctx["kw_over"]) return inner;
    return {
      kind: "Windowed",
      expr: inner,
      window: window ?? { kind: "PeriodWindow", period: "måneden", span: this.here() },
      span: this.nspan(n),
    };
  }

  window(ctx: Ctx, n: CstNode): Window {
    const span = this.nspan(n);
    const period = tok(ctx, "period");
    if (period) {
      return { kind: "PeriodWindow", period: period.image as "måneden" | "halvåret" | "året", span };
    }
    const months = this.int(tok(ctx, "months"));
    this.sub(node(ctx, "monthUnit"));
    return { kind: "LastMonthsWindow", months, span };
  }

  private binary(ctx: Ctx): Expr {
    const operands = nodes(ctx, "operands").map((o) => this.exprOf(o));
    const ops = (ctx["ops"] ?? []).filter(isRealToken);
    let result = operands[0] ?? this.missingExpr();
    operands.slice(1).forEach((right, i) => {
      const op = (ops[i]?.image ?? "+") as "+" | "-" | "*" | "/";
      result = { kind: "Binary", op, left: result, right, span: joinSpans(result.span, right.span) };
    });
    return result;
  }

  additive(ctx: Ctx): Expr {
    return this.binary(ctx);
  }

  multiplicative(ctx: Ctx): Expr {
    return this.binary(ctx);
  }

  unary(ctx: Ctx, n: CstNode): Expr {
    if (ctx["Minus"]) {
      const span = this.nspan(n);
      return { kind: "Unary", op: "-", operand: this.exprOf(node(ctx, "unary")), span };
    }
    return this.exprOf(node(ctx, "primary"));
  }

  primary(ctx: Ctx, n: CstNode): Expr {
    const span = this.nspan(n);
    const number = tok(ctx, "NumberLiteral");
    if (number) {
      this.tspan(number);
      const kind = tok(ctx, "Percent") ? "PercentLit" : "NumberLit";
      return { kind, text: number.image, span };
    }
    const ref = tok(ctx, "ref");
    if (ref) return { kind: "Ref", name: { text: ref.image, span: this.tspan(ref) }, span };
    const aggregate = node(ctx, "aggregate");
    if (aggregate) return this.exprOf(aggregate);
    const countOf = node(ctx, "countOf") ?? node(ctx, "firstOf");
    if (countOf) return this.exprOf(countOf);
    const text = tok(ctx, "text");
    if (text) return { kind: "TextLit", value: this.stringLit(text)?.value ?? "", span };
    if (ctx["LParen"]) return { kind: "Paren", expr: this.exprOf(node(ctx, "expr")), span };
    return this.missingExpr();
  }

  countOf(ctx: Ctx, n: CstNode): Expr {
    const where = node(ctx, "expr");
    const persons = tok(ctx, "persons");
    const of = persons ? { text: persons.image, span: this.tspan(persons) } : this.nameOf(node(ctx, "of"));
    return { kind: "CountOf", of, ...(where ? { where: this.exprOf(where) } : {}), span: this.nspan(n) };
  }

  firstOf(ctx: Ctx, n: CstNode): Expr {
    return { kind: "FirstOf", of: this.nameOf(node(ctx, "of")), where: this.exprOf(node(ctx, "expr")), span: this.nspan(n) };
  }

  aggregate(ctx: Ctx, n: CstNode): Expr {
    const span = this.nspan(n);
    const fn = (tok(ctx, "fn")?.image ?? "sum") as "sum" | "middel";
    const arg = this.exprOf(node(ctx, "expr"));
    const measuredFilter = this.sub<Name>(node(ctx, "measured"));
    return { kind: "Aggregate", fn, arg, ...(measuredFilter ? { measuredFilter } : {}), span };
  }
}

/** The position just after the last character of `text` (`\n`, `\r\n` and `\r` end a line, as in the lexer). */
export function endPosition(text: string): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset: text.length, line, column: text.length - lineStart + 1 };
}

export const astBuilder = new AstBuilder();
