// The four bundled policies parse without diagnostics, into the expected shape.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "../../grammar/index.js";
import type { Declaration, PolicyFile } from "../../grammar/ast.js";
import { strip } from "./helpers.js";

const load = (name: string): PolicyFile => {
  const source = readFileSync(new URL(`../../policies/${name}.tilsyn`, import.meta.url), "utf8");
  const { ast, diagnostics } = parse(source, `policies/${name}.tilsyn`);
  expect(diagnostics).toEqual([]);
  return ast;
};

const all = <K extends Declaration["kind"]>(ast: PolicyFile, kind: K) =>
  ast.declarations.filter((d): d is Extract<Declaration, { kind: K }> => d.kind === kind);

describe("bundled policies", () => {
  it.each(["jobsoegning", "skaerpet-tilsyn", "tidlig-indsats-2020", "tidlig-indsats-2024"])(
    "%s parses with zero diagnostics",
    (name) => {
      const ast = load(name);
      expect(ast.policy).toBeDefined();
      expect(ast.declarations.length).toBeGreaterThan(4);
    },
  );

  it("jobsøgning: header, data, criteria, review, suspension, reaction", () => {
    const ast = load("jobsoegning");
    expect(ast.policy!.name.text).toBe("jobsøgning");
    expect(ast.policy!.title!.value).toBe("Benchmarking af jobparate kontanthjælpsmodtageres jobsøgning");
    expect(ast.policy!.inForce).toBeUndefined();
    expect(ast.comments).toHaveLength(1);
    expect(ast.comments[0]!.text).toMatch(/^ Benchmarking/);

    const [data] = all(ast, "DataDecl");
    expect(data!.name.text).toBe("jobsoegning");
    expect(data!.grain.value).toBe("måned");
    expect(data!.group).toBeUndefined();
    expect(data!.fields.map((f) => f.name.text)).toEqual([
      "jobparate",
      "groen",
      "lysegroen",
      "roed",
      "fortsat_uden_jobsoegning",
    ]);
    expect(data!.fields[1]!.subsetOf!.text).toBe("jobparate");
    expect(data!.publication).toMatchObject({ kind: "LagPublication", months: 3 });

    const [assessment] = all(ast, "AssessmentDecl");
    expect(assessment!.cadence.value).toBe("månedlig");
    expect(assessment!.followUp!.months).toBe(0);

    const measures = all(ast, "MeasureDecl");
    expect(measures.map((m) => m.name.text)).toEqual(["andel_røde", "andel_fortsat_uden", "minimumspopulation"]);
    expect(measures[2]!.source!.value).toMatch(/minimumspopulation/);
    expect(strip(measures[2]!.expr)).toMatchObject({
      kind: "Logical",
      op: "og",
      left: { kind: "Compare", op: "mindst", left: { name: { text: "roed" } }, right: { kind: "NumberLit", text: "20" } },
      right: { kind: "Compare", op: "over", right: { text: "40" } },
    });

    const criteria = all(ast, "CriterionDecl");
    expect(criteria.map((c) => c.name.text)).toEqual(["straks", "observation", "fortsat_uden_jobsøgning"]);
    expect(strip(criteria[0]!.when)).toMatchObject({ kind: "Compare", op: "mindst", right: { kind: "PercentLit", text: "50" } });
    expect(strip(criteria[1]!.when)).toMatchObject({
      kind: "StreakCond",
      months: 3,
      cond: { kind: "Compare", op: "over", right: { kind: "PercentLit", text: "40" } },
    });
    expect(criteria[2]!.delay!.months).toBe(3);
    expect(strip(criteria[0]!.guard)).toEqual({ kind: "Ref", name: { text: "minimumspopulation" } });

    const [review] = all(ast, "ReviewDecl");
    expect(review!.name.text).toBe("små_kommuner");
    expect(review!.cadence.value).toBe("årligt");
    expect(strip(review!.when)).toMatchObject({
      kind: "Compare",
      op: "under",
      left: { kind: "Windowed", window: { kind: "PeriodWindow", period: "året" }, expr: { kind: "Aggregate", fn: "middel" } },
      right: { kind: "NumberLit", text: "40" },
    });

    const [suspension] = all(ast, "SuspensionDecl");
    expect(strip(suspension!.from)).toEqual({ kind: "date", year: 2020, month: 3, day: 1 });
    expect(strip(suspension!.to)).toEqual({ kind: "date", year: 2020, month: 12, day: 31 });

    const [reaction] = all(ast, "ReactionDecl");
    expect(reaction!.clauses.map((c) => c.kind)).toEqual(["ContactClause", "LadderClause", "RecontactClause"]);
    const ladder = reaction!.clauses[1]!;
    expect(ladder.kind === "LadderClause" && ladder.steps.map((s) => s.text)).toEqual([
      "telefon",
      "brev",
      "redegørelse",
      "møde",
      "ministerbrev",
      "stikprøve",
    ]);
  });

  it("skærpet tilsyn: annual data, fixed publication, machine with deadlines and transitions", () => {
    const ast = load("skaerpet-tilsyn");
    expect(ast.policy!.name.text).toBe("skærpet_tilsyn");
    expect(strip(ast.policy!.inForce)).toEqual({ kind: "InForce", from: { kind: "date", year: 2023, month: 3, day: 22 } });

    const data = all(ast, "DataDecl");
    expect(data.map((d) => [d.name.text, d.grain.value])).toEqual([
      ["fokusmaal", "måned"],
      ["ydelsesgrad", "år"],
    ]);
    expect(data[1]!.fields.map((f) => f.type.value)).toEqual(["procent", "procent"]);

    const [assessment] = all(ast, "AssessmentDecl");
    expect(assessment!.cadence.value).toBe("årlig");
    expect(strip(assessment!.publication)).toEqual({ kind: "FixedPublication", day: 1, month: 4 });
    expect(assessment!.followUp!.months).toBe(0);
    expect(assessment!.source!.value).toMatch(/§ 2$/);

    const measures = all(ast, "MeasureDecl");
    const tilbud = measures.find((m) => m.name.text === "andel_uden_tilbud")!;
    expect(strip(tilbud.expr)).toMatchObject({
      kind: "Windowed",
      window: { kind: "LastMonthsWindow", months: 12 },
      expr: { kind: "Aggregate", fn: "middel", arg: { kind: "Binary", op: "/" } },
    });
    expect(strip(measures[0]!.expr)).toMatchObject({ kind: "Compare", op: "højst", written: "højst" });

    const [machine] = all(ast, "MachineDecl");
    expect(machine!.name).toBeUndefined();
    expect(machine!.start.text).toBe("normal");
    expect(machine!.states.map((s) => s.name.text)).toEqual([
      "normal",
      "skærpet_tilsyn",
      "forlænget_genopretning",
      "administration",
    ]);
    const deadlines = machine!.states[1]!.deadlines;
    expect(deadlines.map((d) => d.name.text)).toEqual(["meddelelse", "redegørelse", "genopretning_slut"]);
    expect(strip(deadlines.map((d) => d.when))).toEqual([
      { kind: "EndOfMonth", month: 4, monthName: "april" },
      { kind: "After", amount: 3, unit: "måneder", anchor: { text: "meddelelse" } },
      { kind: "PeriodFrom", amount: 9, unit: "måneder", anchor: { text: "offentliggørelse" } },
    ]);
    expect(deadlines.every((d) => d.source !== undefined)).toBe(true);

    const transitions = machine!.transitions;
    expect(transitions.map((t) => [t.name.text, t.from.text, t.to.text, t.otherwise])).toEqual([
      ["indtræden", "normal", "skærpet_tilsyn", false],
      ["ophør", "skærpet_tilsyn", "normal", false],
      ["forlængelse", "skærpet_tilsyn", "forlænget_genopretning", false],
      ["til_administration", "skærpet_tilsyn", "administration", true],
      ["ophør_efter_forlængelse", "forlænget_genopretning", "normal", false],
      ["administration_efter_forlængelse", "forlænget_genopretning", "administration", true],
      ["ophør_af_administration", "administration", "normal", false],
      ["fortsat_administration", "administration", "administration", true],
    ]);
    expect(transitions[0]!.remember.map((r) => [r.name.text, strip(r.expr)])).toEqual([
      ["udgangspunkt_tilbud", { kind: "Ref", name: { text: "andel_uden_tilbud" } }],
      ["udgangspunkt_samtaler", { kind: "Ref", name: { text: "andel_under_4_samtaler" } }],
    ]);
    expect(strip(transitions[0]!.when)).toEqual({
      kind: "Logical",
      op: "og",
      left: { kind: "Not", operand: { kind: "Ref", name: { text: "resultatmål" } } },
      right: { kind: "Not", operand: { kind: "Ref", name: { text: "fokusmål" } } },
    });
    expect(strip(transitions[2]!.when)).toMatchObject({
      kind: "Logical",
      op: "og",
      left: { kind: "Paren", expr: { kind: "Logical", op: "eller", right: { kind: "Compare", op: "mindst" } } },
      right: { kind: "Paren" },
    });
    expect(transitions[3]!.when).toBeUndefined();
    expect(ast.comments).toHaveLength(7);
  });

  it("tidlig indsats 2020: groups, per-group assessment, data period, account clause", () => {
    const ast = load("tidlig-indsats-2020");
    expect(strip(ast.policy!.inForce)).toEqual({
      kind: "InForce",
      from: { kind: "date", year: 2020, month: 1, day: 1 },
      to: { kind: "date", year: 2024, month: 2, day: 29 },
    });
    const [data] = all(ast, "DataDecl");
    expect(data!.group!.text).toBe("ydelsesgruppe");
    expect(data!.publication).toMatchObject({ kind: "LagPublication", months: 2 });
    const [assessment] = all(ast, "AssessmentDecl");
    expect(strip(assessment!.grouping)).toEqual({ kind: "Grouping", mode: "pr", group: { text: "ydelsesgruppe" } });
    expect(assessment!.followUp!.months).toBe(1);
    const criteria = all(ast, "CriterionDecl");
    expect(criteria[0]!.dataPeriod).toBeUndefined();
    expect(strip(criteria[1]!.dataPeriod)).toEqual({ kind: "DataPeriod", from: { kind: "month", year: 2022, month: 3 } });
    expect(strip(criteria[1]!.guard)).toMatchObject({ kind: "Compare", op: "mindst", right: { text: "10" } });
    const [reaction] = all(ast, "ReactionDecl");
    const account = reaction!.clauses[1]!;
    expect(account.kind).toBe("AccountClause");
    expect(account.kind === "AccountClause" && [account.months, account.source?.value.slice(0, 4)]).toEqual([6, "STAR"]);
  });

  it("tidlig indsats 2024: pooled half-yearly assessment, sums with measured filter, max per year", () => {
    const ast = load("tidlig-indsats-2024");
    expect(strip(ast.policy!.inForce)).toEqual({ kind: "InForce", from: { kind: "date", year: 2024, month: 3, day: 1 } });
    const [assessment] = all(ast, "AssessmentDecl");
    expect(assessment!.cadence.value).toBe("halvårlig");
    expect(strip(assessment!.grouping)).toEqual({ kind: "Grouping", mode: "samlet", group: { text: "ydelsesgrupper" } });
    const measures = all(ast, "MeasureDecl");
    // The minimum population: the offers' denominator over the half year, only where offers are measured.
    expect(strip(measures[1]!.expr)).toEqual({
      kind: "Windowed",
      expr: {
        kind: "Aggregate",
        fn: "sum",
        arg: { kind: "Ref", name: { text: "borgere" } },
        measuredFilter: { text: "uden_tilbud" },
      },
      window: { kind: "PeriodWindow", period: "halvåret" },
    });
    expect(strip(measures[3]!.expr)).toEqual({
      kind: "Binary",
      op: "/",
      left: { kind: "Aggregate", fn: "sum", arg: { kind: "Ref", name: { text: "uden_tilbud" } } },
      right: { kind: "Ref", name: { text: "borgere_tilbud" } },
    });
    const criteria = all(ast, "CriterionDecl");
    expect(strip(criteria[1]!.guard)).toMatchObject({ kind: "Compare", left: { kind: "Ref", name: { text: "borgere_tilbud" } } });
    const [reaction] = all(ast, "ReactionDecl");
    expect(strip(reaction!.clauses)).toEqual([
      { kind: "ContactClause", text: { value: "AMK tilbyder kommunen dialog og hjælp" } },
      { kind: "MaxPerYearClause", count: 2 },
    ]);
  });
});
