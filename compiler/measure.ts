// The measurement layer: checks a file's person data (`data … pr person, måned|dato`) and its
// `måling` blocks (T026x), and lowers each `måling` to a MeasurePlan (runtime/measure-plan.ts)
// that runtime/spells.ts evaluates. compiler/check.ts calls checkMeasurements() once per file.
//
// Expressions in a måling are read in one of two places:
// - a month of a person (`død når`, the table's fields, `antal(måneder hvor …)`): names are the
//   fields of person-month data, `varighed`, earlier fields of the table; `antal(DATA)` and
//   `sum(FELT)` are taken over the window;
// - an event (a `tæl DATA` case, `første(DATA hvor …)`): names are the event's own fields first,
//   then the fields of person-month data in the event's month (the benefit at that date).

import type { Expr, FieldDecl, MeasurementDecl, Name, PersonDataDecl, PolicyFile, Span } from "../grammar/ast.js";
import { diagnostic, replaceWith, suggest, type Code, type Diagnostic, type Extra, type MessageParams } from "../diagnostics/index.js";
import type { CountCasePlan, MExpr, MeasurePlan, PersonDataPlan } from "../runtime/measure-plan.js";

type MType = "tal" | "tekst" | "sandhed";

interface Where {
  /** Month of a person, or an event of `event`. */
  event?: PersonDataDecl;
  /** Inside a `tæl` case of `event` (where `første(…)` may stand). */
  inCount?: boolean;
  /** The table's fields declared before this one. */
  outputs: readonly string[];
}

export interface CheckedMeasurements {
  diagnostics: Diagnostic[];
  /** One plan per `måling`, when the file has no error in them. */
  plans: MeasurePlan[];
}

const PERSON_TYPES = new Set(["antal", "tal", "tekst"]);

/** Does the file measure (have a `måling` or person data)? */
export function hasMeasurements(ast: PolicyFile): boolean {
  return ast.declarations.some((d) => d.kind === "MeasurementDecl" || d.kind === "PersonDataDecl");
}

export function checkMeasurements(ast: PolicyFile, file: string, text: string): CheckedMeasurements {
  return new MeasureChecker(ast, file, text).run();
}

class MeasureChecker {
  private readonly diags: Diagnostic[] = [];
  private readonly data = new Map<string, PersonDataDecl>();
  /** Field name → the person-month data that has it (the first, when several do). */
  private readonly monthFields = new Map<string, { data: PersonDataDecl; field: FieldDecl }>();

  constructor(
    private readonly ast: PolicyFile,
    private readonly file: string,
    private readonly source: string,
  ) {}

  private report<C extends Code>(code: C, span: Span, params: MessageParams<C>, extra?: Extra): void {
    this.diags.push(diagnostic(code, this.file, span, params, extra));
  }

  private text(span: Span): string {
    return this.source.slice(span.start.offset, span.end.offset);
  }

  run(): CheckedMeasurements {
    for (const d of this.ast.declarations) {
      if (d.kind === "DataDecl") for (const f of d.fields) if (f.type.value === "tal") this.report("T0266", f.type.span, {});
      if (d.kind !== "PersonDataDecl") continue;
      for (const f of d.fields) {
        if (!PERSON_TYPES.has(f.type.value)) {
          this.report("T0262", f.type.span, { name: f.type.value, expected: "en type for persondata", hint: "Felter i persondata er `antal`, `tal` (med decimaler) eller `tekst`." });
        }
        if (d.grain.value === "måned" && !this.monthFields.has(f.name.text)) this.monthFields.set(f.name.text, { data: d, field: f });
      }
      this.data.set(d.name.text, d);
    }
    const plans: MeasurePlan[] = [];
    for (const d of this.ast.declarations) {
      if (d.kind !== "MeasurementDecl") continue;
      const before = this.diags.length;
      const plan = this.measurement(d);
      if (plan && this.diags.length === before) plans.push(plan);
    }
    return { diagnostics: this.diags, plans };
  }

  private personData(name: Name, grain: "måned" | "dato", what: string): PersonDataDecl | undefined {
    const d = this.data.get(name.text);
    if (d && d.grain.value === grain) return d;
    const candidates = [...this.data.values()].filter((x) => x.grain.value === grain).map((x) => x.name.text);
    const s = suggest(name.text, candidates);
    const expected = grain === "måned" ? "data pr. person og måned" : "daterede data (`pr person, dato`)";
    const hint = s ? `Mente du \`${s}\`?` : `${what} skal have ${expected}: \`data ${name.text} pr person, ${grain}\`.`;
    this.report("T0262", name.span, { name: name.text, expected, hint }, replaceWith(name.span, s));
    return undefined;
  }

  private measurement(m: MeasurementDecl): MeasurePlan | undefined {
    const where = m.name.text;
    if (!m.spell) this.report("T0263", m.name.span, { name: where, clause: "forløb i …", hint: "Skriv fx `forløb i ydelsesmaaneder med samme ydelse`: hvilke data og hvilket felt et forløb følger." });
    if (!m.window) this.report("T0263", m.name.span, { name: where, clause: "vindue …", hint: "Skriv fx `vindue de seneste 12 måneder af forløbet`." });
    if (!m.outputs.length) this.report("T0263", m.name.span, { name: where, clause: "felter", hint: "Skriv tabellens felter, fx `maalgruppe = antal(personer hvor varighed mindst 12)`." });
    let spell: MeasurePlan["spell"] | undefined;
    if (m.spell) {
      const d = this.personData(m.spell.data, "måned", "`forløb i`");
      if (d) {
        const f = d.fields.find((x) => x.name.text === m.spell!.field.text);
        if (!f) {
          const s = suggest(m.spell.field.text, d.fields.map((x) => x.name.text));
          this.report("T0201", m.spell.field.span, { name: m.spell.field.text, where: ` i data \`${d.name.text}\``, hint: s ? `Mente du \`${s}\`?` : "Et forløb følger et felt i forløbets data, fx `ydelse`." }, replaceWith(m.spell.field.span, s));
        }
        const kommune = d.fields.find((x) => x.name.text === "kommune");
        if (!kommune || kommune.type.value !== "tekst") this.report("T0267", kommune?.type.span ?? d.name.span, { data: d.name.text });
        spell = { data: d.name.text, field: m.spell.field.text, ...(m.spell.source ? { source: m.spell.source.value } : {}) };
      }
    }
    const month: Where = { outputs: [] };
    const dead = m.dead ? this.condition(m.dead.when, month) : undefined;
    const counts: MeasurePlan["counts"] = [];
    const counted = new Map<string, Span>();
    for (const c of m.counts) {
      const d = this.personData(c.data, "dato", "`tæl`");
      if (!d) continue;
      const first = counted.get(d.name.text);
      if (first) {
        this.report("T0202", c.data.span, { name: d.name.text, what: "tælling (`tæl`) i samme måling" });
        continue;
      }
      counted.set(d.name.text, c.data.span);
      if (!c.cases.length) this.report("T0263", c.data.span, { name: where, // The message quotes the clause: "mangler `når` i `tæl samtaler`".
        clause: `når\` i \`tæl ${d.name.text}`, hint: "Skriv, hvornår en hændelse tæller: `når BETINGELSE`, evt. med `gælder fra DATO`." });
      const cases: CountCasePlan[] = [];
      for (const k of c.cases) {
        const when = this.condition(k.when, { event: d, inCount: true, outputs: [] });
        if (k.inForce?.from && k.inForce.to && dayText(k.inForce.from) > dayText(k.inForce.to)) {
          this.report("T0221", k.inForce.to.span, { from: this.text(k.inForce.from.span), to: this.text(k.inForce.to.span) });
        }
        if (when)
          cases.push({
            when,
            ...(k.inForce?.from ? { from: dayText(k.inForce.from) } : {}),
            ...(k.inForce?.to ? { to: dayText(k.inForce.to) } : {}),
            ...(k.source ? { source: k.source.value } : {}),
            text: this.text(k.when.span),
          });
      }
      counts.push({ data: d.name.text, cases });
    }
    const outputs: MeasurePlan["outputs"] = [];
    const names: string[] = [];
    for (const o of m.outputs) {
      if (names.includes(o.name.text)) this.report("T0202", o.name.span, { name: o.name.text, what: `felt i målingen \`${where}\`` });
      const e = unparen(o.expr);
      let cond: MExpr | undefined;
      if (e.kind === "CountOf" && e.of.text === "personer" && e.where) {
        cond = this.condition(e.where, { outputs: names });
      } else {
        this.report("T0264", o.expr.span, { text: this.text(o.expr.span), why: "et felt i målingens tabel er et antal personer", hint: "Skriv `antal(personer hvor BETINGELSE)`." });
      }
      if (cond) {
        // The texts of the condition's top-level `og`s, as `conjuncts` (runtime/spells.ts) splits the plan's.
        const parts: string[] = [];
        const split = (x: Expr): void => {
          if (x.kind === "Paren") return split(x.expr);
          if (x.kind === "Logical" && x.op === "og") {
            split(x.left);
            split(x.right);
            return;
          }
          parts.push(this.text(x.span));
        };
        if (e.kind === "CountOf" && e.where) split(e.where);
        outputs.push({ name: o.name.text, where: cond, parts, ...(o.source ? { source: o.source.value } : {}) });
      }
      names.push(o.name.text);
    }
    if (!spell || !m.window) return undefined;
    const plan: MeasurePlan = {
      name: m.name.text,
      title: m.title?.value ?? m.name.text,
      ...(m.source ? { source: m.source.value } : {}),
      // Every person data block of the file is read (a file is named after its block).
      data: [...this.data.values()].map(dataPlan),
      spell,
      ...(dead ? { dead: { when: dead, ...(m.dead?.source ? { source: m.dead.source.value } : {}) } } : {}),
      window: { months: m.window.months, ...(m.window.source ? { source: m.window.source.value } : {}) },
      counts,
      outputs,
    };
    return plan;
  }

  /** A condition (sandhed). */
  private condition(e: Expr, w: Where): MExpr | undefined {
    const r = this.expr(e, w);
    if (!r) return undefined;
    if (r.type !== "sandhed") {
      this.report("T0205", e.span, { text: this.text(e.span), type: r.type === "tekst" ? "en tekst" : "et tal" });
      return undefined;
    }
    return r.e;
  }

  private number(e: Expr, w: Where): MExpr | undefined {
    const r = this.expr(e, w);
    if (!r) return undefined;
    if (r.type !== "tal") {
      if (r.type === "sandhed") this.report("T0206", e.span, { text: this.text(e.span) });
      else this.report("T0265", e.span, { left: "en tekst", right: "et tal", text: this.text(e.span) });
      return undefined;
    }
    return r.e;
  }

  private expr(e: Expr, w: Where): { e: MExpr; type: MType } | undefined {
    switch (e.kind) {
      case "Paren":
        return this.expr(e.expr, w);
      case "NumberLit": {
        const [n, d] = decimal(e.text);
        return { e: { k: "num", n, d }, type: "tal" };
      }
      case "PercentLit": {
        const [n, d] = decimal(e.text);
        return { e: { k: "num", n, d: d * 100, percent: true }, type: "tal" };
      }
      case "TextLit":
        return { e: { k: "text", value: e.value }, type: "tekst" };
      case "Ref":
        return this.ref(e.name, w);
      case "Unary": {
        const x = this.number(e.operand, w);
        return x && { e: { k: "neg", operand: x }, type: "tal" };
      }
      case "Binary": {
        const l = this.number(e.left, w);
        const r = this.number(e.right, w);
        return l && r ? { e: { k: "arith", op: e.op, left: l, right: r }, type: "tal" } : undefined;
      }
      case "Compare": {
        const l = this.expr(e.left, w);
        const r = this.expr(e.right, w);
        if (!l || !r) return undefined;
        const word = (t: MType) => (t === "tekst" ? "en tekst" : t === "tal" ? "et tal" : "en betingelse");
        if (l.type === "sandhed" || r.type === "sandhed") {
          this.report("T0206", (l.type === "sandhed" ? e.left : e.right).span, { text: this.text((l.type === "sandhed" ? e.left : e.right).span) });
          return undefined;
        }
        if (l.type !== r.type || (l.type === "tekst" && e.op !== "lig")) {
          this.report("T0265", e.span, { left: word(l.type), right: l.type === r.type ? `\`${e.written}\`` : word(r.type), text: this.text(e.span) });
          return undefined;
        }
        return { e: { k: "cmp", op: e.op, left: l.e, right: r.e, text: l.type === "tekst" }, type: "sandhed" };
      }
      case "Logical": {
        const l = this.condition(e.left, w);
        const r = this.condition(e.right, w);
        return l && r ? { e: { k: e.op === "og" ? "and" : "or", left: l, right: r }, type: "sandhed" } : undefined;
      }
      case "Not": {
        const x = this.condition(e.operand, w);
        return x && { e: { k: "not", operand: x }, type: "sandhed" };
      }
      case "CountOf":
        return this.countOf(e, w);
      case "FirstOf": {
        if (!w.event || !w.inCount) {
          this.report("T0264", e.span, { text: this.text(e.span), why: "`første(…)` handler om en hændelse og kan kun stå i en `tæl`-linje", hint: "Flyt betingelsen til `tæl DATA når …`." });
          return undefined;
        }
        if (e.of.text !== w.event.name.text) {
          this.report("T0262", e.of.span, { name: e.of.text, expected: `de data, der tælles her (\`${w.event.name.text}\`)`, hint: `Skriv \`første(${w.event.name.text} hvor …)\`.` }, replaceWith(e.of.span, w.event.name.text));
          return undefined;
        }
        const cond = this.condition(e.where, { ...w, inCount: false });
        return cond && { e: { k: "first", cond }, type: "sandhed" };
      }
      case "Aggregate": {
        const arg = unparen(e.arg);
        if (e.fn !== "sum" || e.measuredFilter || arg.kind !== "Ref" || w.event) {
          this.report("T0264", e.span, { text: this.text(e.span), why: "i en måling er `sum(FELT)` et felt fra persondata pr. måned lagt sammen over vinduet", hint: "Skriv fx `sum(timer)`." });
          return undefined;
        }
        const f = this.monthFields.get(arg.name.text);
        if (!f || f.field.type.value === "tekst") {
          const s = suggest(arg.name.text, [...this.monthFields.entries()].filter(([, x]) => x.field.type.value !== "tekst").map(([n]) => n));
          this.report("T0201", arg.name.span, { name: arg.name.text, where: " blandt tallene i persondata pr. måned", hint: s ? `Mente du \`${s}\`?` : "Læg et felt af typen `antal` eller `tal` sammen." }, replaceWith(arg.name.span, s));
          return undefined;
        }
        return { e: { k: "sum", data: f.data.name.text, field: arg.name.text }, type: "tal" };
      }
      case "Windowed":
      case "StreakCond":
        this.report("T0264", e.span, { text: this.text(e.span), why: "en måling har sit eget vindue (`vindue de seneste N måneder af forløbet`)", hint: "Fjern vinduet; tællinger og summer går over målingens vindue." });
        return undefined;
    }
  }

  private countOf(e: Extract<Expr, { kind: "CountOf" }>, w: Where): { e: MExpr; type: MType } | undefined {
    const of = e.of.text;
    if (of === "personer") {
      this.report("T0264", e.span, { text: this.text(e.span), why: "`antal(personer hvor …)` er et helt felt i målingens tabel", hint: "Skriv det som sit eget felt: `NAVN = antal(personer hvor …)`, og brug feltets navn her." });
      return undefined;
    }
    if (w.event) {
      this.report("T0264", e.span, { text: this.text(e.span), why: "en hændelses betingelse handler om hændelsen og personens måned, ikke om optællinger", hint: "Brug hændelsens felter, felter fra persondata pr. måned eller `første(…)`." });
      return undefined;
    }
    if (of === "måneder") {
      if (!e.where) {
        return { e: { k: "duration" }, type: "tal" };
      }
      const cond = this.condition(e.where, w);
      return cond && { e: { k: "months", cond, text: this.text(e.span) }, type: "tal" };
    }
    const d = this.personData(e.of, "dato", "`antal(…)`");
    if (!d) return undefined;
    if (e.where) {
      this.report("T0264", e.where.span, { text: this.text(e.where.span), why: "hvilke hændelser der tæller, står i `tæl`", hint: `Skriv betingelsen i \`tæl ${d.name.text} når …\`.` });
      return undefined;
    }
    return { e: { k: "events", data: d.name.text }, type: "tal" };
  }

  private ref(name: Name, w: Where): { e: MExpr; type: MType } | undefined {
    const n = name.text;
    if (w.event) {
      const f = w.event.fields.find((x) => x.name.text === n);
      if (f) return { e: { k: "efield", field: n }, type: f.type.value === "tekst" ? "tekst" : "tal" };
    }
    const mf = this.monthFields.get(n);
    if (mf) return { e: { k: "field", data: mf.data.name.text, field: n }, type: mf.field.type.value === "tekst" ? "tekst" : "tal" };
    if (n === "varighed") {
      if (w.event) {
        this.report("T0264", name.span, { text: n, why: "`varighed` er forløbets varighed i en måned, ikke ved en hændelse", hint: "Brug `varighed` i målingens felter." });
        return undefined;
      }
      return { e: { k: "duration" }, type: "tal" };
    }
    const i = w.outputs.indexOf(n);
    if (i >= 0) return { e: { k: "output", index: i }, type: "sandhed" };
    const candidates = [...(w.event ? w.event.fields.map((f) => f.name.text) : []), ...this.monthFields.keys(), ...(w.event ? [] : ["varighed", ...w.outputs])];
    const s = suggest(n, candidates);
    this.report(
      "T0201",
      name.span,
      { name: n, where: w.event ? ` i data \`${w.event.name.text}\` eller i persondata pr. måned` : " i persondata pr. måned eller blandt målingens felter", hint: s ? `Mente du \`${s}\`?` : `Kendte navne: ${candidates.slice(0, 8).map((x) => `\`${x}\``).join(", ")}.` },
      replaceWith(name.span, s),
    );
    return undefined;
  }
}

function unparen(e: Expr): Expr {
  return e.kind === "Paren" ? unparen(e.expr) : e;
}

function dataPlan(d: PersonDataDecl): PersonDataPlan {
  return {
    name: d.name.text,
    grain: d.grain.value,
    fields: d.fields.map((f) => ({ name: f.name.text, type: f.type.value === "tal" ? "tal" : f.type.value === "tekst" ? "tekst" : "antal" })),
  };
}

const pad = (n: number, w: number): string => String(n).padStart(w, "0");
const dayText = (d: { year: number; month: number; day: number }): string => `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;

/** `99,5` → [995, 10]: a decimal literal as an exact fraction. */
function decimal(text: string): [number, number] {
  const [whole, frac = ""] = text.split(/[.,]/);
  return [Number(whole + frac), 10 ** frac.length];
}
