// Lowering: a checked policy → a Plan (runtime/plan.ts), plain data the runtime evaluates.
// Runs only when the checker found no errors, so every name resolves and every type is known.

import type { CalendarExpr, Expr, PolicyFile, Publication } from "../grammar/ast.js";
import { monthIndex } from "../runtime/calendar.js";
import type { PExpr, Plan, PlanData, PlanLocation, RowExpr, ValueType } from "../runtime/plan.js";
import { parseDecimal } from "../runtime/rational.js";
import type { Checked } from "./check.js";
import { dataSchema } from "./schema.js";
import { syntaxWindowKind } from "./windows.js";

const loc = (span: { start: { line: number; column: number } }): PlanLocation => ({ line: span.start.line, column: span.start.column });

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function publication(p: Publication | undefined): Pick<PlanData, "lagMonths" | "fixedPublication"> {
  if (!p) return {};
  return p.kind === "LagPublication" ? { lagMonths: p.months } : { fixedPublication: { month: p.month, day: p.day } };
}

export function lower(checked: Checked): Plan {
  const ast: PolicyFile = checked.ast;
  const policy = ast.policy!;
  const policySource = policy.source?.value ?? "";
  const l = new Lowerer(checked, checked.source);
  const plan: Plan = {
    name: policy.name.text,
    title: policy.title?.value ?? policy.name.text,
    source: policySource,
    file: checked.file,
    inForce: {
      ...(policy.inForce?.from ? { from: dateText(policy.inForce.from) } : {}),
      ...(policy.inForce?.to ? { to: dateText(policy.inForce.to) } : {}),
    },
    data: [],
    measures: [],
    criteria: [],
    reviews: [],
    suspensions: [],
  };
  for (const d of ast.declarations) {
    switch (d.kind) {
      case "DataDecl":
        plan.data.push({ ...dataSchema(d, { headers: true }), ...publication(d.publication) });
        break;
      case "AssessmentDecl":
        plan.assessment = {
          cadence: d.cadence.value,
          grouping: checked.grouping,
          ...(checked.groupColumn ? { groupColumn: checked.groupColumn } : {}),
          ...publication(d.publication),
          followUpMonths: d.followUp?.months ?? 0,
          ...(d.source ? { source: d.source.value } : {}),
        };
        break;
      case "CriterionDecl": {
        const streak = d.when!.kind === "StreakCond" ? d.when!.months : undefined;
        const when = d.when!.kind === "StreakCond" ? d.when!.cond : d.when!;
        plan.criteria.push({
          name: d.name.text,
          title: d.title?.value ?? d.name.text,
          source: d.source?.value ?? policySource,
          ...(d.dataPeriod?.from ? { dataFrom: monthIndex(d.dataPeriod.from.year, d.dataPeriod.from.month) } : {}),
          ...(d.dataPeriod?.to ? { dataTo: monthIndex(d.dataPeriod.to.year, d.dataPeriod.to.month) } : {}),
          ...(d.guard ? { guard: l.expr(d.guard) } : {}),
          when: l.expr(when),
          ...(streak !== undefined ? { streak } : {}),
          delayMonths: d.delay?.months ?? 0,
          location: loc(d.name.span),
        });
        break;
      }
      case "ReviewDecl":
        plan.reviews.push({
          name: d.name.text,
          title: d.title?.value ?? d.name.text,
          source: d.source?.value ?? policySource,
          when: l.expr(d.when!),
          location: loc(d.name.span),
        });
        break;
      case "SuspensionDecl":
        plan.suspensions.push({
          name: d.name.text,
          title: d.title?.value ?? d.name.text,
          source: d.source?.value ?? policySource,
          from: dateText(d.from),
          to: dateText(d.to),
        });
        break;
      case "ReactionDecl": {
        const r: NonNullable<Plan["reaction"]> = { contactText: "", recontactAfterData: false };
        for (const c of d.clauses) {
          switch (c.kind) {
            case "ContactClause":
              r.contactText = c.text.value;
              if (c.source) r.contactSource = c.source.value;
              break;
            case "MaxPerYearClause":
              r.maxPerYear = c.count;
              break;
            case "RecontactClause":
              r.recontactAfterData = true;
              break;
            case "LadderClause":
              r.ladder = c.steps.map((s) => s.text);
              break;
            case "AccountClause":
              r.account = { text: c.text.value, months: c.months, ...(c.source ? { source: c.source.value } : {}) };
              break;
          }
        }
        plan.reaction = r;
        break;
      }
      case "MachineDecl":
        plan.machine = {
          start: d.start.text,
          states: d.states.map((s) => ({
            name: s.name.text,
            title: s.title?.value ?? s.name.text,
            deadlines: s.deadlines.map((x) => ({ name: x.name.text, when: calendar(x.when), ...(x.source ? { source: x.source.value } : {}) })),
          })),
          transitions: d.transitions.map((t) => ({
            name: t.name.text,
            title: t.title?.value ?? t.name.text,
            from: t.from.text,
            to: t.to.text,
            source: t.source?.value ?? policySource,
            ...(t.when ? { when: l.expr(t.when) } : {}),
            otherwise: t.otherwise,
            remember: t.remember.map((r) => ({ name: r.name.text, type: checked.types.get(r.expr) ?? "andel", expr: l.expr(r.expr) })),
            location: loc(t.name.span),
          })),
        };
        break;
    }
  }
  plan.measures = checked.measureOrder.map((m) => ({
    name: m.name.text,
    label: m.title?.value ?? m.name.text.replace(/_/g, " "),
    type: checked.measureTypes.get(m.name.text)!,
    expr: l.expr(m.expr),
    ...(m.source ? { source: m.source.value } : {}),
  }));
  return plan;
}

const dateText = (d: { year: number; month: number; day: number }) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

function calendar(c: CalendarExpr): Plan["machine"] extends infer M ? M extends { states: { deadlines: { when: infer W }[] }[] } ? W : never : never {
  switch (c.kind) {
    case "EndOfMonth":
      return { kind: "EndOfMonth", month: c.month };
    case "After":
      return { kind: "After", amount: c.amount, unit: c.unit, anchor: c.anchor.text };
    case "PeriodFrom":
      return { kind: "PeriodFrom", amount: c.amount, unit: c.unit, anchor: c.anchor.text };
  }
}

class Lowerer {
  /** Distinct sums (data, row expression, filter) → their id. */
  private readonly sums = new Map<string, number>();

  private sumId(data: string, row: RowExpr, filter: string | undefined): number {
    const key = JSON.stringify([data, row, filter ?? null]);
    let id = this.sums.get(key);
    if (id === undefined) this.sums.set(key, (id = this.sums.size));
    return id;
  }

  constructor(
    private readonly checked: Checked,
    private readonly source: string,
  ) {}

  /** The source text of a span, on one line (for coverage reports). */
  text(span: { start: { offset: number }; end: { offset: number } }): string {
    return this.source.slice(span.start.offset, span.end.offset).replace(/\s+/g, " ");
  }

  private type(e: Expr): ValueType {
    return this.checked.types.get(e) ?? "tal";
  }

  expr(e: Expr): PExpr {
    switch (e.kind) {
      case "Paren":
        return this.expr(e.expr);
      case "NumberLit": {
        const r = parseDecimal(e.text)!;
        return { k: "lit", value: `${r.n}/${r.d}`, type: "tal", text: e.text };
      }
      case "PercentLit": {
        const r = parseDecimal(e.text)!;
        const share = { n: r.n, d: r.d * 100n };
        return { k: "lit", value: `${share.n}/${share.d}`, type: "andel", text: `${e.text} %` };
      }
      case "Ref": {
        const b = this.checked.refs.get(e)!;
        switch (b.kind) {
          case "field":
            // A bare count is the sum over its single-row cell; decimals and annual values are read.
            if (b.field.type.value === "antal" && b.data.grain.value === "måned") {
              const row: RowExpr = { k: "field", field: b.field.name.text };
              return { k: "sum", id: this.sumId(b.data.name.text, row, undefined), data: b.data.name.text, row, type: "antal", bare: true };
            }
            return { k: "field", data: b.data.name.text, field: b.field.name.text, type: this.type(e) };
          case "measure":
            return { k: "measure", name: e.name.text, type: this.type(e) };
          case "remembered":
            return { k: "remembered", name: e.name.text, type: this.type(e) };
          case "criterion":
            throw new Error("criterion reference survived the checker");
        }
        break;
      }
      case "Unary":
        return { k: "neg", operand: this.expr(e.operand), type: this.type(e) };
      case "Binary":
        return { k: "arith", op: e.op, left: this.expr(e.left), right: this.expr(e.right), type: this.type(e) };
      case "Compare":
        return { k: "cmp", op: e.op, left: this.expr(e.left), right: this.expr(e.right), type: "sandhed", loc: loc(e.span), text: this.text(e.span) };
      case "Logical":
        return { k: e.op === "og" ? "and" : "or", left: this.expr(e.left), right: this.expr(e.right), type: "sandhed" };
      case "Not":
        return { k: "not", operand: this.expr(e.operand), type: "sandhed" };
      case "Aggregate": {
        if (e.fn === "middel") return { k: "mean", operand: this.expr(e.arg), type: this.type(e) };
        const ref = firstField(e.arg);
        const b = ref ? this.checked.refs.get(ref) : undefined;
        const data = b && b.kind === "field" ? b.data.name.text : e.measuredFilter ? this.checked.fields.get(e.measuredFilter.text)!.data.name.text : "";
        const row = rowExpr(e.arg);
        const filter = e.measuredFilter?.text;
        return { k: "sum", id: this.sumId(data, row, filter), data, row, ...(filter ? { filter } : {}), type: "antal" };
      }
      case "Windowed":
        return {
          k: "window",
          window: syntaxWindowKind(e.window).lower(e.window),
          operand: this.expr(e.expr),
          type: this.type(e),
        };
      case "StreakCond":
        return this.expr(e.cond);
      case "TextLit":
      case "CountOf":
      case "FirstOf":
        throw new Error(`${e.kind} outside a måling survived the checker`);
    }
  }
}

function firstField(e: Expr): Expr | undefined {
  if (e.kind === "Ref") return e;
  if (e.kind === "Paren") return firstField(e.expr);
  if (e.kind === "Binary") return firstField(e.left) ?? firstField(e.right);
  return undefined;
}

function rowExpr(e: Expr): RowExpr {
  switch (e.kind) {
    case "Ref":
      return { k: "field", field: e.name.text };
    case "NumberLit":
      return { k: "lit", value: Number(e.text) };
    case "Paren":
      return rowExpr(e.expr);
    case "Binary":
      return { k: "arith", op: e.op as "+" | "-" | "*", left: rowExpr(e.left), right: rowExpr(e.right) };
    default:
      throw new Error(`not a row expression: ${e.kind}`);
  }
}
