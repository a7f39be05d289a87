// The checker: names, units, types and structure of a parsed policy.
//
// It resolves every name (fields, measures, remembered values, states, deadlines), gives each
// expression a type (antal, andel, tal, sandhed), knows how many rows a field reference covers
// in its context (one cell, or a window/pool that needs sum/middel), and reports diagnostics
// with stable codes. The result feeds compiler/plan.ts, which lowers it to a Plan.

import type {
  CriterionDecl,
  DataDecl,
  Expr,
  FieldDecl,
  MachineDecl,
  MeasureDecl,
  Name,
  PolicyFile,
  ReactionDecl,
  RememberDecl,
  Span,
  StringLit,
  TransitionDecl,
} from "../grammar/ast.js";
import { diagnostic, isCode, replaceWith, severityOf, suggest, type Code, type Diagnostic, type Extra, type MessageParams } from "../diagnostics/index.js";
import { keyOf } from "./schema.js";
import { checkExamples, exampleScope, type PreparedExample } from "./examples.js";
import { syntaxWindowKind } from "./windows.js";
import { allowClauses } from "./allow.js";
import { checkMeasurements, hasMeasurements } from "./measure.js";
import { checkMeasurementExamples } from "./measure-examples.js";
import type { MeasurePlan } from "../runtime/measure-plan.js";
import type { ValueType } from "../runtime/plan.js";

export type Cadence = "månedlig" | "halvårlig" | "årlig";

/** What a name resolves to. */
export type Binding =
  | { kind: "field"; data: DataDecl; field: FieldDecl; type: ValueType | "tekst" }
  | { kind: "measure"; decl: MeasureDecl }
  | { kind: "remembered"; decls: RememberDecl[] }
  | { kind: "criterion"; decl: CriterionDecl };

export interface Checked {
  ast: PolicyFile;
  file: string;
  /** The (NFC-normalised) source text. */
  source: string;
  diagnostics: Diagnostic[];
  /** The type of every checked expression. */
  types: Map<Expr, ValueType>;
  /** The binding of every Ref. */
  refs: Map<Expr, Binding>;
  fields: Map<string, { data: DataDecl; field: FieldDecl }>;
  measures: Map<string, MeasureDecl>;
  measureTypes: Map<string, ValueType>;
  /** The file's own examples, checked and ready to run (when it has any). */
  examples?: PreparedExample[];
  /** The file's `måling` blocks, lowered (compiler/measure.ts), when they have no errors. */
  measurements?: MeasurePlan[];
  /** Measures in dependency order (each after the measures it uses). */
  measureOrder: MeasureDecl[];
  cadence?: Cadence;
  /** `pr` / `samlet` / `ingen`, and the data column of the group. */
  grouping: "pr" | "samlet" | "ingen";
  groupColumn?: string;
}

/** Where an expression is evaluated: decides how many rows a bare field covers. */
interface Env {
  /** The window's extent: one month, several months, or one year (annual data). */
  window: "måned" | "flere" | "år";
  /** What the window is called in messages. */
  windowWhy: string;
  cadence: Cadence;
  /** The assessment period's own window name, for `over halvåret` checks. */
  periodWord: "måneden" | "halvåret" | "året";
  allowRemembered: boolean;
  /** Inside a streak or at top level of a criterion: where `i N sammenhængende` is allowed. */
  allowStreak: boolean;
}

const cadenceWord: Record<Cadence, "måneden" | "halvåret" | "året"> = {
  månedlig: "måneden",
  halvårlig: "halvåret",
  årlig: "året",
};

const sameEnv = (a: Env, b: Env): boolean =>
  a.window === b.window && a.cadence === b.cadence && a.periodWord === b.periodWord && a.allowRemembered === b.allowRemembered;

/** The type as Danish words with the right article: "en andel", "et antal". */
const typeWord = (t: ValueType | "tekst"): string =>
  ({ antal: "et antal", andel: "en andel", tal: "et tal", sandhed: "en betingelse", tekst: "en tekst" })[t];

/** Does a declaration silence a warning with `tillad CODE "reason"`? */
const allows = (list: { code: Name; reason?: { value: string } }[] | undefined, code: string): boolean =>
  (list ?? []).some((a) => a.code.text === code && (a.reason?.value.trim() ?? "") !== "");

export function check(ast: PolicyFile, file: string, source = ""): Checked {
  const c = new Checker(ast, file, source);
  c.run();
  return c.result;
}

class Checker {
  readonly result: Checked;
  private readonly diags: Diagnostic[] = [];
  private readonly declared = new Map<string, { what: string; span: Span }>();
  /**
   * Data blocks have their own names: a data block is named after its file and is never a value
   * in an expression, so `data sanktioner` may have a field `sanktioner`.
   */
  private readonly declaredData = new Map<string, { what: string; span: Span }>();
  private readonly criteria = new Map<string, CriterionDecl>();
  private readonly remembered = new Map<string, RememberDecl[]>();
  private readonly checkingMeasures: string[] = [];
  private readonly measureDone = new Set<string>();
  private readonly measureFailed = new Set<string>();

  constructor(
    private readonly ast: PolicyFile,
    private readonly file: string,
    private readonly source: string,
  ) {
    this.result = {
      ast,
      file,
      source,
      diagnostics: this.diags,
      types: new Map(),
      refs: new Map(),
      fields: new Map(),
      measures: new Map(),
      measureTypes: new Map(),
      measureOrder: [],
      grouping: "ingen",
    };
  }

  private report<C extends Code>(code: C, span: Span, params: MessageParams<C>, extra?: Extra): void {
    this.diags.push(diagnostic(code, this.file, span, params, extra));
  }

  private text(span: Span): string {
    return this.source ? this.source.slice(span.start.offset, span.end.offset).replace(/\s+/g, " ") : "…";
  }

  private declare(name: Name, what: string, names = this.declared): boolean {
    const earlier = names.get(name.text);
    if (earlier) {
      this.report("T0202", name.span, { name: name.text, what: earlier.what }, { related: [{ message: `\`${name.text}\` er erklæret her`, span: earlier.span }] });
      return false;
    }
    names.set(name.text, { what, span: name.span });
    return true;
  }

  run(): void {
    const { ast } = this;
    if (!ast.policy) this.report("T0215", ast.span.start.offset === ast.span.end.offset ? ast.span : { start: ast.span.start, end: ast.span.start }, {});
    else this.checkInForce(ast.policy.inForce);
    this.collectDeclarations();
    this.checkAssessment();
    this.checkData();
    for (const m of this.result.measures.values()) this.checkMeasureDecl(m);
    for (const d of ast.declarations) {
      if (d.kind === "CriterionDecl") this.checkCriterion(d);
      else if (d.kind === "ReviewDecl") {
        if (d.when) this.expectCondition(d.when, this.yearEnv());
      } else if (d.kind === "SuspensionDecl") {
        this.checkRange(d.from, d.to);
      }
    }
    this.checkReaction();
    this.checkMachine();
    this.checkAllow();
    if (hasMeasurements(ast)) {
      // Person data and `måling` (compiler/measure.ts); its examples are run by measure-examples.ts.
      const measured = checkMeasurements(ast, this.file, this.source);
      this.diags.push(...measured.diagnostics);
      this.result.measurements = measured.plans;
      if (measured.plans.length && ast.examples?.length) this.diags.push(...checkMeasurementExamples(ast, measured.plans, this.file));
      if (ast.declarations.some((d) => d.kind === "MeasurementDecl")) return;
    }
    if (ast.examples?.length && ast.policy) {
      if (ast.examplesFor) this.report("T0243", ast.examplesFor.span, {});
      const examples = checkExamples(ast.examples, exampleScope([ast]), this.file);
      this.diags.push(...examples.diagnostics);
      this.result.examples = examples.prepared;
    }
  }

  /** `tillad CODE "reason"`: only warnings can be silenced, and never without a reason. */
  private checkAllow(): void {
    for (const { clause } of allowClauses(this.ast)) {
      const code = clause.code.text;
      if (!/^T05\d\d$/.test(code) || !isCode(code) || severityOf(code) !== "advarsel") {
        this.report("T0233", clause.code.span, { code });
      } else if (!clause.reason || clause.reason.value.trim() === "") {
        this.report("T0232", clause.reason?.span ?? clause.code.span, { code });
      }
    }
  }

  private checkInForce(inForce: { from?: { year: number; month: number; day: number; span: Span }; to?: { year: number; month: number; day: number; span: Span } } | undefined): void {
    if (inForce?.from && inForce.to) this.checkRange(inForce.from, inForce.to);
  }

  private checkRange(from: { year: number; month: number; day?: number; span: Span }, to: { year: number; month: number; day?: number; span: Span }): void {
    const a = from.year * 10000 + from.month * 100 + (from.day ?? 0);
    const b = to.year * 10000 + to.month * 100 + (to.day ?? 0);
    if (a > b) this.report("T0221", to.span, { from: this.text(from.span), to: this.text(to.span) });
  }

  private collectDeclarations(): void {
    for (const d of this.ast.declarations) {
      switch (d.kind) {
        case "DataDecl":
          this.declare(d.name, `data`, this.declaredData);
          for (const f of d.fields) {
            if (this.declare(f.name, `felt i data \`${d.name.text}\``)) this.result.fields.set(f.name.text, { data: d, field: f });
          }
          break;
        case "MeasureDecl":
          if (this.declare(d.name, "mål")) this.result.measures.set(d.name.text, d);
          break;
        case "CriterionDecl":
          if (this.declare(d.name, "kriterie")) this.criteria.set(d.name.text, d);
          break;
        case "ReviewDecl":
          this.declare(d.name, "gennemgang");
          break;
        case "SuspensionDecl":
          this.declare(d.name, "undtagelse");
          break;
        case "MachineDecl":
          for (const t of d.transitions) {
            this.declare(t.name, "overgang");
            for (const r of t.remember) {
              const list = this.remembered.get(r.name.text);
              if (list) list.push(r);
              else if (this.declare(r.name, "husket værdi")) this.remembered.set(r.name.text, [r]);
            }
          }
          break;
        default:
          break;
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Assessment and data

  /**
   * `kolonner kommune "Kommune", måned "Måned"` and `kolonne "Antal jobparate"`: each key named
   * once, no empty header, and no column of the file claimed by two keys or fields.
   */
  private checkColumns(d: DataDecl): void {
    const data = d.name.text;
    const keyNames = ["kommune", d.grain.value, ...(d.group ? [d.group.text] : [])];
    const where = `data \`${data}\``;
    const headerOk = (h: StringLit): boolean => {
      if (h.value.trim() !== "") return true;
      this.report("T0260", h.span, {});
      return false;
    };
    // Every column of the file: its header and what it is, in the order of the declaration.
    const columns: { header: string; what: string; span: Span }[] = [];
    const given = new Map<string, { header: StringLit; span: Span }>();
    for (const clause of d.keyColumns ?? []) {
      for (const c of clause.columns) {
        const key = keyOf(d, c.key.text);
        if (!key) {
          const close = suggest(c.key.text, keyNames);
          const hint = close
            ? `mente du \`${close}\`?`
            : `Efter \`kolonner\` står nøglerne fra linjen \`data ${data} pr …\`; et felts kolonne skrives i feltets linje: \`felt: antal kolonne "Antal …"\`.`;
          this.report("T0258", c.key.span, { name: c.key.text, data, keys: keyNames.map((k) => `\`${k}\``).join(", "), hint }, replaceWith(c.key.span, close));
          continue;
        }
        if (given.has(c.key.text)) {
          this.report("T0109", c.key.span, { clause: `kolonne for ${c.key.text}`, where }, { related: [{ message: "første gang", span: given.get(c.key.text)!.span }] });
          continue;
        }
        given.set(c.key.text, { header: c.header, span: c.key.span });
      }
    }
    const defaults = ["kommune", d.grain.value === "år" ? "aar" : "maaned", ...(d.group ? [d.group.text] : [])];
    keyNames.forEach((key, i) => {
      const g = given.get(key);
      if (g && !headerOk(g.header)) return;
      columns.push({ header: g ? g.header.value.trim() : defaults[i]!, what: `nøglen \`${key}\``, span: g ? g.header.span : d.name.span });
    });
    for (const f of d.fields) {
      if (f.column && !headerOk(f.column)) continue;
      columns.push({ header: f.column ? f.column.value.trim() : f.name.text, what: `feltet \`${f.name.text}\``, span: f.column?.span ?? f.name.span });
    }
    const first = new Map<string, { what: string; span: Span }>();
    for (const c of columns) {
      const earlier = first.get(c.header);
      if (!earlier) {
        first.set(c.header, c);
        continue;
      }
      this.report("T0259", c.span, { header: c.header, data, first: earlier.what, second: c.what }, { related: [{ message: `${earlier.what} har kolonnen her`, span: earlier.span }] });
    }
  }

  private checkAssessment(): void {
    const assessments = this.ast.declarations.filter((d) => d.kind === "AssessmentDecl");
    for (const extra of assessments.slice(1)) this.report("T0228", extra.span, { what: "opgørelse" });
    const a = assessments[0];
    const data = this.ast.declarations.filter((d): d is DataDecl => d.kind === "DataDecl");
    const needsAssessment = this.ast.declarations.some((d) => d.kind === "CriterionDecl" || d.kind === "MachineDecl" || d.kind === "ReviewDecl");
    if (!a) {
      if (needsAssessment) {
        this.report("T0216", this.ast.policy?.name.span ?? this.ast.span, {});
      }
      return;
    }
    this.result.cadence = a.cadence.value;
    const grouped = data.filter((d) => d.group);
    if (a.grouping) {
      const written = a.grouping.group.text;
      const match = grouped.find((d) => {
        const g = d.group!.text;
        return written === g || written === `${g}r` || written === `${g}er` || written === `${g}e`;
      });
      if (!match) {
        if (grouped.length) this.report("T0217", a.grouping.group.span, { written, group: grouped[0]!.group!.text });
        else this.report("T0250", a.grouping.group.span, { written });
      } else {
        this.result.grouping = a.grouping.mode;
        this.result.groupColumn = match.group!.text;
      }
    } else if (grouped.length) {
      const g = grouped[0]!.group!.text;
      this.report("T0251", a.cadence.span, { data: grouped[0]!.name.text, group: g, cadence: a.cadence.value });
    }
    if (!a.publication) {
      for (const d of data) {
        if (!d.publication) this.report("T0222", d.name.span, { name: d.name.text });
      }
    }
  }

  private checkData(): void {
    for (const d of this.ast.declarations) {
      if (d.kind !== "DataDecl") continue;
      this.checkColumns(d);
      for (const f of d.fields) {
        if (!f.subsetOf) continue;
        const target = d.fields.find((g) => g.name.text === f.subsetOf!.text);
        if (f.type.value !== "antal") {
          this.report("T0220", f.subsetOf.span, { name: f.name.text, of: f.subsetOf.text, why: "et felt, men kun antal kan være en delmængde" });
        } else if (!target) {
          const s = suggest(f.subsetOf.text, d.fields.map((g) => g.name.text));
          this.report("T0220", f.subsetOf.span, { name: f.name.text, of: f.subsetOf.text, why: `et felt, der ikke findes i \`${d.name.text}\`${s ? ` (mente du \`${s}\`?)` : ""}` }, replaceWith(f.subsetOf.span, s));
        } else if (target.type.value !== "antal" || target === f) {
          this.report("T0220", f.subsetOf.span, { name: f.name.text, of: f.subsetOf.text, why: "et felt, der ikke er et andet antal" });
        }
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Environments

  private baseEnv(allowStreak = false): Env {
    const cadence = this.result.cadence ?? "månedlig";
    return {
      window: cadence === "månedlig" ? "måned" : "flere",
      windowWhy: cadence === "månedlig" ? "måneden" : cadence === "halvårlig" ? "halvåret har seks måneder" : "året har tolv måneder",
      cadence,
      periodWord: cadenceWord[cadence],
      allowRemembered: false,
      allowStreak,
    };
  }

  private yearEnv(): Env {
    return { window: "flere", windowWhy: "året har tolv måneder", cadence: "årlig", periodWord: "året", allowRemembered: false, allowStreak: false };
  }

  // -------------------------------------------------------------------------------------------
  // Declarations with expressions

  private checkMeasureDecl(m: MeasureDecl): void {
    if (this.measureDone.has(m.name.text)) return;
    this.measureDone.add(m.name.text);
    this.checkingMeasures.push(m.name.text);
    const saved = this.diags.length;
    const t = this.typeOf(m.expr, this.baseEnv());
    if (this.diags.length > saved) this.measureFailed.add(m.name.text);
    this.checkingMeasures.pop();
    if (t) this.result.measureTypes.set(m.name.text, t);
    this.result.measureOrder.push(m);
  }

  private checkCriterion(d: CriterionDecl): void {
    if (d.dataPeriod?.from && d.dataPeriod.to) this.checkRange(d.dataPeriod.from, d.dataPeriod.to);
    if (d.guard) this.expectCondition(d.guard, this.baseEnv());
    if (!d.when) {
      this.report("T0210", d.name.span, { name: d.name.text });
      return;
    }
    if (d.when.kind === "StreakCond") {
      if (d.delay) this.report("T0231", d.delay.span, { name: d.name.text });
      if (this.result.cadence && this.result.cadence !== "månedlig") {
        this.report("T0211", d.when.span, {
          months: String(d.when.months),
          why: `kræver en månedlig opgørelse, men opgørelsen er ${this.result.cadence}`,
          hint: "Brug `over de seneste N måneder` for et samlet vindue, eller gør opgørelsen månedlig.",
        });
      }
      if (d.when.months < 1) {
        this.report("T0211", d.when.span, { months: String(d.when.months), why: "skal være mindst én måned", hint: "Skriv et helt tal fra 1 og op." });
      }
      this.expectCondition(d.when.cond, this.baseEnv());
    } else {
      this.expectCondition(d.when, this.baseEnv());
    }
  }

  private checkReaction(): void {
    const reactions = this.ast.declarations.filter((d): d is ReactionDecl => d.kind === "ReactionDecl");
    for (const extra of reactions.slice(1)) this.report("T0228", extra.span, { what: "reaktion" });
    const hasCriteria = this.criteria.size > 0;
    const r = reactions[0];
    if (hasCriteria && !r) {
      const first = [...this.criteria.values()][0]!;
      this.report("T0224", first.name.span, {});
    }
    if (r && !r.clauses.some((c) => c.kind === "ContactClause")) {
      this.report("T0252", r.span, {});
    }
  }

  private checkMachine(): void {
    const machines = this.ast.declarations.filter((d): d is MachineDecl => d.kind === "MachineDecl");
    for (const extra of machines.slice(1)) this.report("T0228", extra.span, { what: "forløb" });
    const m = machines[0];
    if (!m) return;
    const states = new Map<string, Span>();
    for (const s of m.states) {
      if (states.has(s.name.text)) this.report("T0202", s.name.span, { name: s.name.text, what: "tilstand" });
      else states.set(s.name.text, s.name.span);
    }
    const stateNames = [...states.keys()];
    const checkState = (n: Name) => {
      if (!states.has(n.text)) {
        const s = suggest(n.text, stateNames);
        this.report("T0218", n.span, { name: n.text, hint: s ? `Mente du \`${s}\`?` : `Erklær den med \`tilstand ${n.text}\`.` }, replaceWith(n.span, s));
      }
    };
    checkState(m.start);
    const deadlineNames = new Set(m.states.flatMap((s) => s.deadlines.map((d) => d.name.text)));
    for (const s of m.states) {
      for (const d of s.deadlines) {
        if (d.when.kind !== "EndOfMonth") {
          const anchor = d.when.anchor.text;
          if (anchor !== "offentliggørelse" && !deadlineNames.has(anchor)) {
            const sug = suggest(anchor, ["offentliggørelse", ...deadlineNames]);
            this.report("T0219", d.when.anchor.span, { name: d.name.text, anchor, hint: sug ? `Mente du \`${sug}\`?` : "Regn fra `offentliggørelse` eller fra en anden frist." }, replaceWith(d.when.anchor.span, sug));
          }
        }
      }
    }
    const env: Env = { ...this.baseEnv(), allowRemembered: true };
    const ellersSeen = new Map<string, TransitionDecl>();
    const reached = new Set<string>([m.start.text]);
    for (const t of m.transitions) {
      checkState(t.from);
      checkState(t.to);
      reached.add(t.to.text);
      if (t.when && t.otherwise) this.report("T0230", t.name.span, { name: t.name.text });
      if (!t.when && !t.otherwise) this.report("T0227", t.name.span, { name: t.name.text });
      const before = ellersSeen.get(t.from.text);
      if (before && !allows(t.allow, "T0502")) this.report("T0502", t.name.span, { name: t.name.text, other: before.name.text });
      if (t.otherwise) ellersSeen.set(t.from.text, t);
      if (t.when) this.expectCondition(t.when, env);
      for (const r of t.remember) this.typeOf(r.expr, env);
    }
    for (const s of m.states) {
      if (!reached.has(s.name.text) && !allows(s.allow, "T0501")) this.report("T0501", s.name.span, { name: s.name.text });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  private expectCondition(e: Expr, env: Env): void {
    if (e.kind === "StreakCond") {
      this.report("T0211", e.span, {
        months: String(e.months),
        why: "kan kun stå sidst i et kriteriums `når`-linje",
        hint: "Flyt den til kriteriets `når`-linje.",
      });
      this.expectCondition(e.cond, env);
      return;
    }
    const t = this.typeOf(e, env);
    if (t && t !== "sandhed") this.report("T0205", e.span, { text: this.text(e.span), type: typeWord(t) });
  }

  /** The type of an expression, or undefined after an error was reported inside it. */
  typeOf(e: Expr, env: Env): ValueType | undefined {
    const t = this.infer(e, env);
    if (t) this.result.types.set(e, t);
    return t;
  }

  private infer(e: Expr, env: Env): ValueType | undefined {
    switch (e.kind) {
      case "NumberLit":
        return "tal";
      case "PercentLit":
        return "andel";
      case "Paren":
        return this.typeOf(e.expr, env);
      case "Ref":
        return this.inferRef(e, env);
      case "Unary": {
        const t = this.typeOf(e.operand, env);
        if (t === "sandhed") this.report("T0206", e.operand.span, { text: this.text(e.operand.span) });
        return t === "sandhed" ? undefined : t;
      }
      case "Binary":
        return this.inferBinary(e, env);
      case "Compare":
        return this.inferCompare(e, env);
      case "Logical": {
        const a = this.typeOf(e.left, env);
        const b = this.typeOf(e.right, env);
        if (a && a !== "sandhed") this.report("T0205", e.left.span, { text: this.text(e.left.span), type: typeWord(a) });
        if (b && b !== "sandhed") this.report("T0205", e.right.span, { text: this.text(e.right.span), type: typeWord(b) });
        return "sandhed";
      }
      case "Not": {
        const a = this.typeOf(e.operand, env);
        if (a && a !== "sandhed") this.report("T0205", e.operand.span, { text: this.text(e.operand.span), type: typeWord(a) });
        return "sandhed";
      }
      case "Aggregate":
        return this.inferAggregate(e, env);
      case "Windowed": {
        const w = e.window;
        const { mismatch, extent } = syntaxWindowKind(w).check(w, { cadence: env.cadence, periodWord: env.periodWord });
        if (mismatch) this.report("T0209", w.span, mismatch);
        return this.typeOf(e.expr, extent ? { ...env, window: extent.window, windowWhy: extent.why } : env);
      }
      case "StreakCond":
        this.report("T0211", e.span, { months: String(e.months), why: "kan kun stå sidst i et kriteriums `når`-linje", hint: "Flyt den til kriteriets `når`-linje." });
        return this.typeOf(e.cond, env);
      case "TextLit":
      case "CountOf":
      case "FirstOf":
        this.report("T0261", e.span, {
          what: e.kind === "TextLit" ? "En tekst" : `\`${e.kind === "CountOf" ? "antal" : "første"}(…)\``,
          hint: "Mål og kriterier regner på data pr. kommune; personer tælles op i en `måling` (se «Målinger» i sprog.md).",
        });
        return undefined;
    }
  }

  private inferRef(e: Extract<Expr, { kind: "Ref" }>, env: Env): ValueType | undefined {
    const name = e.name.text;
    const field = this.result.fields.get(name);
    if (field) {
      this.result.refs.set(e, { kind: "field", data: field.data, field: field.field, type: field.field.type.value === "tekst" ? "tekst" : field.field.type.value === "antal" ? "antal" : "andel" });
      return this.checkBareField(e, field.data, field.field, env);
    }
    const measure = this.result.measures.get(name);
    if (measure) {
      this.result.refs.set(e, { kind: "measure", decl: measure });
      if (this.checkingMeasures.includes(name)) {
        this.report("T0226", e.name.span, { name, cycle: [...this.checkingMeasures.slice(this.checkingMeasures.indexOf(name)), name].join(" → ") });
        return undefined;
      }
      this.checkMeasureDecl(measure);
      if (this.measureFailed.has(name)) return undefined; // reported where the measure is declared
      if (sameEnv(env, this.baseEnv())) return this.result.measureTypes.get(name);
      // A measure is evaluated where it is used: check it again in this context, quietly, and
      // report one error here if, say, its fields cover several rows in this context.
      const saved = this.diags.length;
      this.checkingMeasures.push(name);
      const t = this.typeOf(measure.expr, env);
      this.checkingMeasures.pop();
      if (this.diags.length > saved) {
        const inner = this.diags.splice(saved);
        const why = inner[0]!.message.replace(/\.$/, "").replace(/^./, (ch) => ch.toLowerCase());
        this.report("T0208", e.name.span, { name, why });
        return undefined;
      }
      return t;
    }
    const remembered = this.remembered.get(name);
    if (remembered) {
      this.result.refs.set(e, { kind: "remembered", decls: remembered });
      if (!env.allowRemembered) {
        this.report("T0225", e.name.span, { name });
        return undefined;
      }
      // Its type is the type of what was remembered (checked in the same environment).
      return this.typeOf(remembered[0]!.expr, { ...env, allowRemembered: false });
    }
    const criterion = this.criteria.get(name);
    if (criterion) {
      this.report("T0229", e.name.span, { name });
      return undefined;
    }
    const candidates = [...this.result.fields.keys(), ...this.result.measures.keys(), ...(env.allowRemembered ? this.remembered.keys() : [])];
    const s = suggest(name, candidates);
    this.report("T0201", e.name.span, {
      name,
      where: "",
      hint: s ? `Mente du \`${s}\`?` : candidates.length ? `Kendte navne: ${candidates.slice(0, 8).map((x) => `\`${x}\``).join(", ")}.` : "Erklær feltet under `data` eller som et `mål`.",
    }, replaceWith(e.name.span, s));
    return undefined;
  }

  private checkBareField(e: Extract<Expr, { kind: "Ref" }>, data: DataDecl, field: FieldDecl, env: Env): ValueType | undefined {
    const name = field.name.text;
    if (field.type.value === "tekst") {
      this.report("T0213", e.span, { name });
      return undefined;
    }
    const type: ValueType = field.type.value === "antal" ? "antal" : "andel";
    if (data.grain.value === "år") {
      if (env.cadence !== "årlig") {
        this.report("T0223", e.span, { name, cadence: env.cadence });
        return undefined;
      }
      return type;
    }
    if (env.window === "flere") {
      this.report("T0207", e.span, { name, why: env.windowWhy });
      return undefined;
    }
    if (data.group && this.result.grouping === "samlet" && this.result.groupColumn === data.group.text) {
      this.report("T0207", e.span, { name, why: `alle ${data.group.text}r vurderes under ét` });
      return undefined;
    }
    return type;
  }

  private inferBinary(e: Extract<Expr, { kind: "Binary" }>, env: Env): ValueType | undefined {
    const a = this.typeOf(e.left, env);
    const b = this.typeOf(e.right, env);
    if (!a || !b) return undefined;
    if (a === "sandhed" || b === "sandhed") {
      const bad = a === "sandhed" ? e.left : e.right;
      this.report("T0206", bad.span, { text: this.text(bad.span) });
      return undefined;
    }
    const num = (t: ValueType) => t === "tal";
    const fail = (hint: string) => {
      this.report("T0204", e.span, { op: `${this.text(e.left.span)} ${e.op} ${this.text(e.right.span)}`, left: typeWord(a), right: typeWord(b), hint });
      return undefined;
    };
    switch (e.op) {
      case "+":
      case "-":
        if (a === b) return a;
        if ((a === "antal" && num(b)) || (num(a) && b === "antal")) return "antal";
        return fail("Læg kun ens størrelser sammen: antal med antal, andel med andel (fx `30 %`).");
      case "*":
        // A share times 100 (or 1000) is a rate per 100 (per 1000), a plain number: comparing it
        // with `2 %` would be 100 times off, so it is compared with `2`, not with a percentage.
        if (a === "andel" && perHundreds(e.right)) return "tal";
        if (b === "andel" && perHundreds(e.left)) return "tal";
        if (num(a)) return b;
        if (num(b)) return a;
        return fail("Gang kun med et tal, fx `andel * 2`.");
      case "/":
        // `100 * roed / jobparate` is a rate per 100 too, not a share.
        if (a === "antal" && b === "antal") return scaledByHundreds(e.left) ? "tal" : "andel";
        if (num(b)) return a;
        if (a === "andel" && b === "andel") return "tal";
        if (num(a) && num(b)) return "tal";
        return fail("En andel er et antal delt med et antal, fx `uden_samtaler / borgere`.");
    }
  }

  private inferCompare(e: Extract<Expr, { kind: "Compare" }>, env: Env): ValueType | undefined {
    const a = this.typeOf(e.left, env);
    const b = this.typeOf(e.right, env);
    if (!a || !b) return "sandhed";
    if (a === "sandhed" || b === "sandhed") {
      const bad = a === "sandhed" ? e.left : e.right;
      this.report("T0206", bad.span, { text: this.text(bad.span) });
      return "sandhed";
    }
    const compatible = a === b || (a === "antal" && b === "tal") || (a === "tal" && b === "antal") || (a === "tal" && b === "tal");
    if (!compatible) {
      const literal = a === "andel" && b === "tal" ? e.right : b === "andel" && a === "tal" ? e.left : undefined;
      if (literal && (literal.kind === "NumberLit" || (literal.kind === "Paren" && literal.expr.kind === "NumberLit"))) {
        const text = this.text(literal.span);
        // `20` → `20 %`; a parenthesised number is only hinted at (`(20) %` is not a percentage).
        this.report("T0214", literal.span, { text }, replaceWith(literal.span, literal.kind === "NumberLit" ? `${text} %` : undefined));
      } else if ((a === "tal" && b === "andel") || (a === "andel" && b === "tal")) {
        this.report("T0257", e.span, { text: this.text(e.span) });
      } else {
        this.report("T0203", e.span, { left: typeWord(a), right: typeWord(b), text: this.text(e.span) });
      }
    }
    return "sandhed";
  }

  private inferAggregate(e: Extract<Expr, { kind: "Aggregate" }>, env: Env): ValueType | undefined {
    if (e.fn === "middel") {
      if (e.measuredFilter) {
        this.report("T0212", e.measuredFilter.span, { fn: "middel", text: `hvor ${e.measuredFilter.text} er målt` });
      }
      const monthEnv: Env = { ...env, window: "måned", windowWhy: "måneden" };
      const t = this.typeOf(e.arg, monthEnv);
      if (t === "sandhed") {
        this.report("T0206", e.arg.span, { text: this.text(e.arg.span) });
        return undefined;
      }
      return t === "tal" ? "tal" : t;
    }
    // sum: a row-level count expression
    if (!this.isRowExpr(e.arg)) {
      this.report("T0212", e.arg.span, { fn: "sum", text: this.text(e.arg.span) });
      return undefined;
    }
    if (e.measuredFilter) {
      const f = this.result.fields.get(e.measuredFilter.text);
      if (!f) {
        const s = suggest(e.measuredFilter.text, this.result.fields.keys());
        this.report("T0201", e.measuredFilter.span, { name: e.measuredFilter.text, where: " blandt felterne", hint: s ? `Mente du \`${s}\`?` : "Brug et felt fra `data`." }, replaceWith(e.measuredFilter.span, s));
        return undefined;
      }
    }
    const sources = new Set<DataDecl>();
    const visit = (x: Expr): boolean => {
      if (x.kind === "Paren") return visit(x.expr);
      if (x.kind === "Binary") return visit(x.left) && visit(x.right);
      if (x.kind === "Ref") {
        const f = this.result.fields.get(x.name.text);
        if (!f) {
          const s = suggest(x.name.text, this.result.fields.keys());
          this.report("T0201", x.name.span, { name: x.name.text, where: " blandt felterne", hint: s ? `Mente du \`${s}\`?` : "Brug et felt fra `data`." }, replaceWith(x.name.span, s));
          return false;
        }
        this.result.refs.set(x, { kind: "field", data: f.data, field: f.field, type: "antal" });
        this.result.types.set(x, "antal");
        if (f.field.type.value !== "antal") {
          this.report("T0212", x.span, { fn: "sum", text: x.name.text });
          return false;
        }
        if (f.data.grain.value === "år") {
          this.report("T0223", x.span, { name: x.name.text, cadence: env.cadence });
          return false;
        }
        sources.add(f.data);
      }
      return true;
    };
    if (!visit(e.arg)) return undefined;
    if (e.measuredFilter) {
      const f = this.result.fields.get(e.measuredFilter.text)!;
      sources.add(f.data);
    }
    if (sources.size > 1) {
      this.report("T0212", e.arg.span, { fn: "sum", text: `${this.text(e.arg.span)} (felter fra flere datakilder)` });
      return undefined;
    }
    this.result.types.set(e.arg, "antal");
    return "antal";
  }

  private isRowExpr(e: Expr): boolean {
    switch (e.kind) {
      case "Ref":
        return true;
      case "NumberLit":
        return !/[.,]/.test(e.text);
      case "Paren":
        return this.isRowExpr(e.expr);
      case "Binary":
        return e.op !== "/" && this.isRowExpr(e.left) && this.isRowExpr(e.right);
      default:
        return false;
    }
  }
}

/** `100` or `1000` (possibly in parentheses): the factor of a rate "pr. 100" or "pr. 1000". */
function perHundreds(e: Expr): boolean {
  const inner = e.kind === "Paren" ? e.expr : e;
  return inner.kind === "NumberLit" && (inner.text === "100" || inner.text === "1000");
}

/** `100 * x` or `x * 100` (in parentheses or not): a count scaled to a rate per 100 or 1000. */
function scaledByHundreds(e: Expr): boolean {
  const inner = e.kind === "Paren" ? e.expr : e;
  return inner.kind === "Binary" && inner.op === "*" && (perHundreds(inner.left) || perHundreds(inner.right));
}
