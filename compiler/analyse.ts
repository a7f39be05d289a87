// Static analysis (`tilsyn check`): warnings T0503–T0509 about a policy that is valid but probably
// not what was meant. Each may be silenced in the declaration it concerns with
// `tillad T05xx "begrundelse"` (the checker makes the reason compulsory).
//
//   T0503  threshold bands of different rules leave a gap (a value no rule covers)
//   T0504  threshold bands of different rules overlap
//   T0505  a measure, data field or data source that nothing uses
//   T0506  a transition (or criterion) that can never fire
//   T0507  a hole between the periods in force of two versions of a policy
//   T0508  a rule whose result can never differ from another's
//   T0509  a `tillad` that silences nothing
//
// Bands: every comparison of a quantity with a constant (`jobparate over 40`) is a band of values
// for which the comparison holds, turned around under `ikke`. Bands of the same quantity in
// different rules of the same kind (criteria and reviews; transitions out of the same state), one
// bounded below and one above, should meet exactly: `over 40` and `under 40` leave 40 to neither. The quantity is compared by name, with `middel(…)`, `sum(…)` and windows
// taken off (the job-search policy's monthly `jobparate` and yearly `middel(jobparate) over året`
// are the same population). Measures that are conditions are looked through.

import type {
  AllowClause,
  Compare,
  CompareOp,
  CriterionDecl,
  DataDecl,
  Expr,
  MeasureDecl,
  PolicyFile,
  ReviewDecl,
  Span,
  TransitionDecl,
} from "../grammar/ast.js";
import { add, cmp, div, mul, neg, parseDecimal, rat, sub, type Rational } from "../runtime/rational.js";
import { allowClauses, type AllowHolder } from "./allow.js";
import type { Checked } from "./check.js";
import { syntaxWindowKind } from "./windows.js";
import { walkExpr } from "../grammar/walk.js";
import { diagnostic, sortDiagnostics, type Code, type Diagnostic, type Extra, type MessageParams } from "../diagnostics/index.js";

/** A warning with the declarations whose `tillad` may silence it. */
interface Finding {
  diagnostic: Diagnostic;
  holders: AllowHolder[];
}

interface Rule {
  /** `kriteriet`, `gennemgangen`, `overgangen`: how messages speak of it. */
  what: string;
  name: string;
  decl: CriterionDecl | ReviewDecl | TransitionDecl;
  exprs: Expr[];
}

interface Band {
  key: string;
  /** `nedre`: the comparison holds above the bound; `øvre`: below it. */
  side: "nedre" | "øvre";
  bound: Rational;
  /** The bound itself is in the band. */
  inclusive: boolean;
  /** The constant as written (`40`, `30 %`). */
  boundText: string;
  node: Compare;
  rule: Rule;
  /** Condition measures the comparison was found through. */
  via: MeasureDecl[];
}

const FLIP: Record<CompareOp, CompareOp> = { over: "under", under: "over", mindst: "højst", højst: "mindst", lig: "lig" };
const NEGATE: Record<CompareOp, CompareOp> = { over: "højst", højst: "over", mindst: "under", under: "mindst", lig: "lig" };

/** The static analysis of a file already checked (checkPolicy: one parse, one check). */
export function analyseChecked(checked: Checked): Diagnostic[] {
  return new Analyser(checked, checked.file, checked.source).run();
}

/**
 * Versions of one policy (the same `politik` name) across files: a hole between the period in
 * force of one and the next (T0507). Overlaps are an error of `tilsyn check` (T0406).
 */
export function analyseVersions(files: { ast: PolicyFile; file: string }[]): Diagnostic[] {
  const byName = new Map<string, { ast: PolicyFile; file: string }[]>();
  for (const f of files) {
    const name = f.ast.policy?.name.text;
    if (!name) continue;
    byName.set(name, [...(byName.get(name) ?? []), f]);
  }
  const out: Diagnostic[] = [];
  const dateText = (d: { year: number; month: number; day: number }) =>
    `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
  const dayAfter = (d: { year: number; month: number; day: number }) => {
    const t = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
    return `${String(t.getUTCFullYear()).padStart(4, "0")}-${String(t.getUTCMonth() + 1).padStart(2, "0")}-${String(t.getUTCDate()).padStart(2, "0")}`;
  };
  for (const [name, versions] of byName) {
    if (versions.length < 2) continue;
    const sorted = [...versions].sort((a, b) => {
      const x = a.ast.policy!.inForce?.from;
      const y = b.ast.policy!.inForce?.from;
      return (x ? dateText(x) : "") < (y ? dateText(y) : "") ? -1 : 1;
    });
    for (let i = 0; i + 1 < sorted.length; i++) {
      const a = sorted[i]!;
      const b = sorted[i + 1]!;
      const to = a.ast.policy!.inForce?.to;
      const from = b.ast.policy!.inForce?.from;
      if (!to || !from) continue;
      const next = dayAfter(to);
      if (next >= dateText(from)) continue;
      if ([a, b].some((v) => v.ast.policy!.allow?.some((c) => c.code.text === "T0507" && c.reason?.value.trim()))) continue;
      const last = new Date(Date.UTC(from.year, from.month - 1, from.day - 1));
      const lastText = `${last.getUTCFullYear()}-${String(last.getUTCMonth() + 1).padStart(2, "0")}-${String(last.getUTCDate()).padStart(2, "0")}`;
      out.push(
        diagnostic("T0507", b.file, b.ast.policy!.inForce!.span, { name, from: next, to: lastText, a: a.file, b: b.file }, {
          related: [{ message: `${a.file} gælder til ${dateText(to)}`, span: a.ast.policy!.inForce!.span }],
        }),
      );
    }
  }
  return out;
}

class Analyser {
  private readonly findings: Finding[] = [];
  private readonly rules: Rule[] = [];

  constructor(
    private readonly checked: Checked,
    private readonly file: string,
    private readonly source: string,
  ) {
    for (const d of checked.ast.declarations) {
      if (d.kind === "CriterionDecl") {
        this.rules.push({ what: "kriteriet", name: d.name.text, decl: d, exprs: [d.guard, d.when].filter((e): e is Expr => e !== undefined) });
      } else if (d.kind === "ReviewDecl") {
        this.rules.push({ what: "gennemgangen", name: d.name.text, decl: d, exprs: d.when ? [d.when] : [] });
      } else if (d.kind === "MachineDecl") {
        for (const t of d.transitions) this.rules.push({ what: "overgangen", name: t.name.text, decl: t, exprs: t.when ? [t.when] : [] });
      }
    }
  }

  run(): Diagnostic[] {
    this.bands();
    this.unused();
    this.neverFires();
    this.sameResult();
    return this.silence();
  }

  /** A warning that a `tillad` in one of `holders` may silence. */
  private warn<C extends Code>(code: C, span: Span, holders: AllowHolder[], params: MessageParams<C>, extra?: Extra): void {
    this.findings.push({ diagnostic: diagnostic(code, this.file, span, params, extra), holders });
  }

  private text(span: Span): string {
    return this.source.slice(span.start.offset, span.end.offset).replace(/\s+/g, " ");
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  private measureOf(e: Expr): MeasureDecl | undefined {
    if (e.kind !== "Ref") return undefined;
    const b = this.checked.refs.get(e);
    return b?.kind === "measure" ? b.decl : undefined;
  }

  /** The value of a constant expression (`40`, `30 %`, `(30 % - 10 %) / 2`), if it is one. */
  private constant(e: Expr): Rational | undefined {
    switch (e.kind) {
      case "NumberLit":
        return parseDecimal(e.text);
      case "PercentLit": {
        const r = parseDecimal(e.text);
        return r && rat(r.n, r.d * 100n);
      }
      case "Paren":
        return this.constant(e.expr);
      case "Unary": {
        const v = this.constant(e.operand);
        return v && neg(v);
      }
      case "Binary": {
        const a = this.constant(e.left);
        const b = this.constant(e.right);
        if (!a || !b) return undefined;
        return e.op === "+" ? add(a, b) : e.op === "-" ? sub(a, b) : e.op === "*" ? mul(a, b) : div(a, b);
      }
      default:
        return undefined;
    }
  }

  /** The quantity a comparison is about, with aggregates and windows taken off. */
  private key(e: Expr): string {
    switch (e.kind) {
      case "Paren":
        return this.key(e.expr);
      case "Windowed":
        return this.key(e.expr);
      case "Aggregate":
        return e.measuredFilter ? `${e.fn === "sum" ? "sum" : "middel"}(${this.key(e.arg)} hvor ${e.measuredFilter.text} er målt)` : this.key(e.arg);
      case "Ref":
        return e.name.text;
      case "Binary":
        return `(${this.key(e.left)} ${e.op} ${this.key(e.right)})`;
      case "Unary":
        return `-${this.key(e.operand)}`;
      default:
        return this.text(e.span);
    }
  }

  /** The bands of a condition: its comparisons with constants, turned around under `ikke`. */
  private collectBands(e: Expr, positive: boolean, rule: Rule, via: MeasureDecl[], out: Band[]): void {
    switch (e.kind) {
      case "Paren":
        return this.collectBands(e.expr, positive, rule, via, out);
      case "StreakCond":
        return this.collectBands(e.cond, positive, rule, via, out);
      case "Not":
        return this.collectBands(e.operand, !positive, rule, via, out);
      case "Logical":
        this.collectBands(e.left, positive, rule, via, out);
        this.collectBands(e.right, positive, rule, via, out);
        return;
      case "Ref": {
        const m = this.measureOf(e);
        if (m && this.checked.measureTypes.get(m.name.text) === "sandhed" && !via.includes(m)) {
          this.collectBands(m.expr, positive, rule, [...via, m], out);
        }
        return;
      }
      case "Compare": {
        const left = this.constant(e.left);
        const right = this.constant(e.right);
        let op: CompareOp;
        let subject: Expr;
        let bound: Rational;
        let boundExpr: Expr;
        if (right && !left) [op, subject, bound, boundExpr] = [e.op, e.left, right, e.right];
        else if (left && !right) [op, subject, bound, boundExpr] = [FLIP[e.op], e.right, left, e.left];
        else return;
        if (!positive) op = NEGATE[op];
        if (op === "lig") return;
        out.push({
          key: this.key(subject),
          side: op === "over" || op === "mindst" ? "nedre" : "øvre",
          bound,
          inclusive: op === "mindst" || op === "højst",
          boundText: this.text(boundExpr.span),
          node: e,
          rule,
          via,
        });
        return;
      }
      default:
        return;
    }
  }

  // -------------------------------------------------------------------------------------------
  // T0503, T0504: gaps and overlaps between the bands of different rules

  private bands(): void {
    const all: Band[] = [];
    for (const rule of this.rules) for (const e of rule.exprs) this.collectBands(e, true, rule, [], all);
    // One warning per pair of comparisons (a guard in a measure is shared by several criteria).
    const pairs = new Map<string, { lower: Band[]; upper: Band[] }>();
    // Bands are compared within one kind of decision: the criteria and reviews (what STAR does
    // about a kommune's period), or the transitions out of one state.
    const group = (r: Rule) => (r.decl.kind === "TransitionDecl" ? `fra ${r.decl.from.text}` : "kriterier");
    for (const lower of all.filter((b) => b.side === "nedre")) {
      for (const upper of all.filter((b) => b.side === "øvre" && b.key === lower.key && b.rule !== lower.rule && group(b.rule) === group(lower.rule))) {
        const order = cmp(upper.bound, lower.bound);
        const gap = order < 0 || (order === 0 && !lower.inclusive && !upper.inclusive);
        const overlap = order > 0 || (order === 0 && lower.inclusive && upper.inclusive);
        if (!gap && !overlap) continue;
        const id = `${gap ? "g" : "o"}:${lower.node.span.start.offset}:${upper.node.span.start.offset}`;
        const entry = pairs.get(id) ?? { lower: [], upper: [] };
        entry.lower.push(lower);
        entry.upper.push(upper);
        pairs.set(id, entry);
      }
    }
    for (const [id, { lower, upper }] of pairs) {
      const l = lower[0]!;
      const u = upper[0]!;
      const [later, earlier] = u.node.span.start.offset >= l.node.span.start.offset ? [u, l] : [l, u];
      const describe = (bands: Band[]) => {
        const b = bands[0]!;
        const rules = [...new Set(bands.map((x) => x.rule))];
        const where = b.via.length ? ` i målet \`${b.via.at(-1)!.name.text}\`` : "";
        const by = rules.length === 1 ? `${rules[0]!.what} \`${rules[0]!.name}\`` : `${rules[0]!.what === "kriteriet" ? "kriterierne" : rules[0]!.what} ${rules.map((r) => `\`${r.name}\``).join(", ")}`;
        return `\`${this.text(b.node.span)}\`${where} (${by}, linje ${b.node.span.start.line})`;
      };
      const holders: AllowHolder[] = [...new Set([...lower, ...upper].flatMap((b) => [b.rule.decl as AllowHolder, ...b.via]))];
      const equal = cmp(l.bound, u.bound) === 0;
      const args = {
        key: l.key,
        lower: describe(lower),
        upper: describe(upper),
        values: equal ? `præcis ${l.boundText}` : id.startsWith("g") ? `værdierne fra ${u.boundText} til ${l.boundText}` : `værdierne fra ${l.boundText} til ${u.boundText}`,
      };
      this.warn(id.startsWith("g") ? "T0503" : "T0504", later.node.span, holders, args, {
        related: [{ message: `den anden grænse: \`${this.text(earlier.node.span)}\``, span: earlier.node.span }],
      });
    }
  }

  // -------------------------------------------------------------------------------------------
  // T0505: unused measures, fields and data

  private unused(): void {
    const usedNames = new Set<string>();
    const seenMeasures = new Set<MeasureDecl>();
    const visit = (e: Expr | undefined): void => {
      if (!e) return;
      walkExpr(e, (x) => {
        if (x.kind === "Aggregate" && x.measuredFilter) usedNames.add(x.measuredFilter.text);
        if (x.kind !== "Ref") return;
        usedNames.add(x.name.text);
        const m = this.measureOf(x);
        if (m && !seenMeasures.has(m)) {
          seenMeasures.add(m);
          visit(m.expr);
        }
      });
    };
    for (const rule of this.rules) rule.exprs.forEach(visit);
    for (const d of this.checked.ast.declarations) {
      if (d.kind === "MachineDecl") for (const t of d.transitions) for (const r of t.remember) visit(r.expr);
    }
    for (const d of this.checked.ast.declarations) {
      if (d.kind === "MeasureDecl" && !seenMeasures.has(d)) {
        this.warn("T0505", d.name.span, [d], { what: `Målet \`${d.name.text}\``, hint: "Brug det i et kriterie, en gennemgang eller en overgang, eller slet det." });
      }
      if (d.kind === "DataDecl") this.unusedFields(d, usedNames);
    }
  }

  private unusedFields(d: DataDecl, used: Set<string>): void {
    const unused = d.fields.filter((f) => !used.has(f.name.text));
    if (unused.length === 0) return;
    if (unused.length === d.fields.length) {
      this.warn("T0505", d.name.span, [d], { what: `Data \`${d.name.text}\``, hint: "Ingen regel læser dens felter; brug dem, eller slet data." });
      return;
    }
    for (const f of unused) {
      this.warn("T0505", f.name.span, [d], { what: `Feltet \`${f.name.text}\` i data \`${d.name.text}\``, hint: "Ingen regel læser feltet. Slet det, eller skriv `tillad T0505 \"begrundelse\"` under data, hvis det skal stå der (fx fordi det er en kolonne i datafilen)." });
    }
  }

  // -------------------------------------------------------------------------------------------
  // T0506: never fires

  /** The bands of a condition that must all hold (its top-level `og`s), or undefined if the
   * condition is not a pure conjunction of such bands and condition measures. */
  private conjunction(e: Expr, rule: Rule, out: Band[]): void {
    if (e.kind === "Paren") return this.conjunction(e.expr, rule, out);
    if (e.kind === "StreakCond") return this.conjunction(e.cond, rule, out);
    if (e.kind === "Logical" && e.op === "og") {
      this.conjunction(e.left, rule, out);
      this.conjunction(e.right, rule, out);
      return;
    }
    if (e.kind === "Compare") this.collectBands(e, true, rule, [], out);
    const m = this.measureOf(e);
    if (m && this.checked.measureTypes.get(m.name.text) === "sandhed") this.conjunction(m.expr, rule, out);
  }

  private contradiction(rule: Rule): string | undefined {
    const bands: Band[] = [];
    for (const e of rule.exprs) this.conjunction(e, rule, bands);
    for (const lower of bands.filter((b) => b.side === "nedre")) {
      for (const upper of bands.filter((b) => b.side === "øvre" && b.key === lower.key)) {
        const order = cmp(upper.bound, lower.bound);
        if (order < 0 || (order === 0 && !(lower.inclusive && upper.inclusive))) {
          return `\`${this.text(lower.node.span)}\` og \`${this.text(upper.node.span)}\` kan ikke gælde på én gang`;
        }
      }
    }
    return undefined;
  }

  private neverFires(): void {
    const machine = this.checked.ast.declarations.find((d) => d.kind === "MachineDecl");
    const reached = new Set<string>();
    if (machine?.kind === "MachineDecl") {
      // States reachable from the start through transitions that can fire.
      reached.add(machine.start.text);
      let grew = true;
      while (grew) {
        grew = false;
        for (const t of machine.transitions) {
          if (reached.has(t.from.text) && !reached.has(t.to.text)) {
            reached.add(t.to.text);
            grew = true;
          }
        }
      }
      const seen = new Map<string, TransitionDecl>();
      for (const t of machine.transitions) {
        const rule = this.rules.find((r) => r.decl === t)!;
        let why: string | undefined;
        if (!reached.has(t.from.text)) why = `tilstanden \`${t.from.text}\` kan ikke nås fra \`${machine.start.text}\``;
        else if (t.when) {
          const key = `${t.from.text}|${this.canon(t.when)}`;
          const earlier = seen.get(key);
          if (earlier) why = `overgangen \`${earlier.name.text}\` fra samme tilstand står før den med samme betingelse og sker altid først`;
          else seen.set(key, t);
          why ??= this.contradiction(rule);
        }
        if (why) this.warn("T0506", t.name.span, [t], { what: `Overgangen \`${t.name.text}\``, why });
      }
    }
    for (const rule of this.rules) {
      if (rule.decl.kind !== "CriterionDecl") continue;
      const why = this.contradiction(rule);
      if (why) this.warn("T0506", rule.decl.name.span, [rule.decl], { what: `Kriteriet \`${rule.name}\``, why });
    }
  }

  // -------------------------------------------------------------------------------------------
  // T0508: the same result as another rule

  /** A canonical text of an expression with measures written out, for comparing rules. */
  private canon(e: Expr): string {
    switch (e.kind) {
      case "Paren":
        return this.canon(e.expr);
      case "NumberLit":
        return this.constant(e) ? `${this.constant(e)!.n}/${this.constant(e)!.d}` : e.text;
      case "PercentLit": {
        const v = this.constant(e);
        return v ? `${v.n}/${v.d}` : `${e.text} %`;
      }
      case "Ref": {
        const m = this.measureOf(e);
        return m ? this.canon(m.expr) : e.name.text;
      }
      case "Binary":
        return `(${this.canon(e.left)} ${e.op} ${this.canon(e.right)})`;
      case "Unary":
        return `-(${this.canon(e.operand)})`;
      case "Compare":
        return `(${this.canon(e.left)} ${e.op} ${this.canon(e.right)})`;
      case "Logical":
        return `(${this.canon(e.left)} ${e.op} ${this.canon(e.right)})`;
      case "Not":
        return `ikke(${this.canon(e.operand)})`;
      case "Aggregate":
        return `${e.fn}(${this.canon(e.arg)}${e.measuredFilter ? ` hvor ${e.measuredFilter.text}` : ""})`;
      case "Windowed":
        return `(${this.canon(e.expr)} over ${syntaxWindowKind(e.window).canon(e.window)})`;
      case "StreakCond":
        return `(${this.canon(e.cond)} i ${e.months})`;
      case "TextLit":
      case "CountOf":
      case "FirstOf":
        // Only in a `måling`, which the static analysis does not look into.
        return this.text(e.span);
    }
  }

  private sameResult(): void {
    const seen = new Map<string, Rule>();
    for (const rule of this.rules) {
      const d = rule.decl;
      let key: string;
      if (d.kind === "CriterionDecl") {
        const period = d.dataPeriod ? `${d.dataPeriod.from ? `${d.dataPeriod.from.year}-${d.dataPeriod.from.month}` : ""}..${d.dataPeriod.to ? `${d.dataPeriod.to.year}-${d.dataPeriod.to.month}` : ""}` : "";
        key = `k|${d.guard ? this.canon(d.guard) : ""}|${d.when ? this.canon(d.when) : ""}|${d.delay?.months ?? 0}|${period}`;
      } else if (d.kind === "ReviewDecl") {
        key = `g|${d.when ? this.canon(d.when) : ""}`;
      } else continue;
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, rule);
        continue;
      }
      this.warn("T0508", d.name.span, [d, earlier.decl], { what: `${rule.what[0]!.toUpperCase()}${rule.what.slice(1)} \`${rule.name}\``, other: `${earlier.what} \`${earlier.name}\`` }, {
        related: [{ message: `${earlier.what} \`${earlier.name}\``, span: earlier.decl.name.span }],
      });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Silencing

  private silence(): Diagnostic[] {
    const clauses = allowClauses(this.checked.ast);
    const used = new Set<AllowClause>();
    const out: Diagnostic[] = [];
    for (const f of this.findings) {
      const silencer = clauses.find(
        (c) => c.clause.code.text === f.diagnostic.code && c.clause.reason?.value.trim() && (f.holders.includes(c.holder) || c.holder === this.checked.ast.policy),
      );
      if (silencer) used.add(silencer.clause);
      else out.push(f.diagnostic);
    }
    for (const { clause } of clauses) {
      const code = clause.code.text;
      if (used.has(clause) || code === "T0507" || !/^T050[3-8]$/.test(code)) continue;
      out.push(diagnostic("T0509", this.file, clause.span, { code }));
    }
    return sortDiagnostics(out);
  }
}
