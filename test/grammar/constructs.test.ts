// Every construct of the grammar, and the precedence of the expression operators.
import { describe, expect, it } from "vitest";
import { and, bin, cmp, cond, decl, expr, not, num, or, paren, parseOk, pct, ref, strip } from "./helpers.js";

describe("declarations", () => {
  it("politik with title, kilde and every form of gælder", () => {
    const ast = parseOk('politik p "Titel" kilde "K" gælder fra 2024-03-01 til 2024-12-31');
    expect(strip(ast.policy)).toEqual({
      kind: "PolicyDecl",
      name: { text: "p" },
      title: { value: "Titel" },
      source: { value: "K" },
      inForce: {
        kind: "InForce",
        from: { kind: "date", year: 2024, month: 3, day: 1 },
        to: { kind: "date", year: 2024, month: 12, day: 31 },
      },
    });
    expect(strip(parseOk("politik p gælder til 2020-01-31").policy!.inForce)).toEqual({
      kind: "InForce",
      to: { kind: "date", year: 2020, month: 1, day: 31 },
    });
    expect(parseOk("politik p").policy!.title).toBeUndefined();
  });

  it("a file without politik header parses (the header is optional in the grammar)", () => {
    expect(parseOk("mål x = 1").policy).toBeUndefined();
    expect(parseOk("").declarations).toEqual([]);
    expect(parseOk("# kun en kommentar\n").comments).toHaveLength(1);
  });

  it("data with grain, group, field types, subset, descriptions and publication", () => {
    const d = decl(
      `data d pr kommune, år, gruppe
         a: antal "A"
         b: andel
         c: procent af a
         t: tekst "T"
         offentliggøres 1. april året efter`,
      "DataDecl",
    );
    expect(strip(d)).toEqual({
      kind: "DataDecl",
      name: { text: "d" },
      grain: { value: "år" },
      group: { text: "gruppe" },
      fields: [
        { kind: "FieldDecl", name: { text: "a" }, type: { value: "antal" }, description: { value: "A" } },
        { kind: "FieldDecl", name: { text: "b" }, type: { value: "andel" } },
        { kind: "FieldDecl", name: { text: "c" }, type: { value: "procent" }, subsetOf: { text: "a" } },
        { kind: "FieldDecl", name: { text: "t" }, type: { value: "tekst" }, description: { value: "T" } },
      ],
      publication: { kind: "FixedPublication", day: 1, month: 4 },
    });
  });

  it("a field may be named by a keyword, even `offentliggøres`", () => {
    const d = decl(
      "data d pr kommune, måned offentliggøres: antal antal: antal af offentliggøres offentliggøres 1 måned efter måneden",
      "DataDecl",
    );
    expect(d.fields.map((f) => f.name.text)).toEqual(["offentliggøres", "antal"]);
    expect(d.fields[1]!.subsetOf!.text).toBe("offentliggøres");
    expect(d.publication).toMatchObject({ kind: "LagPublication", months: 1 });
  });

  it("opgørelse with cadences, groupings, publication, follow-up and kilde", () => {
    expect(strip(decl("opgørelse månedlig", "AssessmentDecl"))).toEqual({
      kind: "AssessmentDecl",
      cadence: { value: "månedlig" },
    });
    expect(strip(decl('opgørelse halvårlig for alle grupper under et følges op 2 måneder efter offentliggørelse kilde "k"', "AssessmentDecl"))).toEqual({
      kind: "AssessmentDecl",
      cadence: { value: "halvårlig" },
      grouping: { kind: "Grouping", mode: "samlet", group: { text: "grupper" } },
      followUp: { months: 2 },
      source: { value: "k" },
    });
    expect(strip(decl("opgørelse årlig pr gruppe offentliggøres 3 måneder efter måneden følges op ved offentliggørelse", "AssessmentDecl"))).toEqual({
      kind: "AssessmentDecl",
      cadence: { value: "årlig" },
      grouping: { kind: "Grouping", mode: "pr", group: { text: "gruppe" } },
      publication: { kind: "LagPublication", months: 3 },
      followUp: { months: 0 },
    });
  });

  it("mål with title and kilde", () => {
    expect(strip(decl('mål m "titel" = a / b kilde "k"', "MeasureDecl"))).toEqual({
      kind: "MeasureDecl",
      name: { text: "m" },
      title: { value: "titel" },
      expr: bin("/", ref("a"), ref("b")),
      source: { value: "k" },
    });
  });

  it("kriterie with all clauses in any order", () => {
    const c = decl(
      `kriterie k "t"
         når a over 20 %
         vurderes 3 måneder senere
         gælder for data fra 2022-03 til 2023-12
         forudsat b mindst 10
         kilde "k"`,
      "CriterionDecl",
    );
    expect(strip(c)).toEqual({
      kind: "CriterionDecl",
      name: { text: "k" },
      title: { value: "t" },
      source: { value: "k" },
      dataPeriod: {
        kind: "DataPeriod",
        from: { kind: "month", year: 2022, month: 3 },
        to: { kind: "month", year: 2023, month: 12 },
      },
      guard: cmp("mindst", "mindst", ref("b"), num("10")),
      delay: { months: 3 },
      when: cmp("over", "over", ref("a"), pct("20")),
    });
    expect(strip(decl("kriterie k gælder for data til 2021-06 vurderes 1 måned senere", "CriterionDecl").dataPeriod)).toEqual({
      kind: "DataPeriod",
      to: { kind: "month", year: 2021, month: 6 },
    });
  });

  it("gennemgang with kilde before and after the condition", () => {
    const r = decl('gennemgang g "t" kilde "a" årligt når x under 40', "ReviewDecl");
    expect(strip(r)).toEqual({
      kind: "ReviewDecl",
      name: { text: "g" },
      title: { value: "t" },
      source: { value: "a" },
      cadence: { value: "årligt" },
      when: cmp("under", "under", ref("x"), num("40")),
    });
    expect(decl('gennemgang g årligt når x under 40 kilde "b"', "ReviewDecl").source!.value).toBe("b");
  });

  it("undtagelse", () => {
    expect(strip(decl('undtagelse u "t" kilde "k" ingen henvendelser fra 2020-03-01 til 2020-12-31', "SuspensionDecl"))).toEqual({
      kind: "SuspensionDecl",
      name: { text: "u" },
      title: { value: "t" },
      source: { value: "k" },
      from: { kind: "date", year: 2020, month: 3, day: 1 },
      to: { kind: "date", year: 2020, month: 12, day: 31 },
    });
  });

  it("reaktion with every clause", () => {
    const r = decl(
      `reaktion
         henvendelse "h" kilde "k1"
         højst 2 henvendelser pr. år
         højst 3 henvendelser pr år
         ny henvendelse først på data efter forrige henvendelse
         trappe telefon, brev, redegørelse
         redegørelse "r" når ikke genoprettet 1 måned efter henvendelsen kilde "k2"`,
      "ReactionDecl",
    );
    expect(strip(r.clauses)).toEqual([
      { kind: "ContactClause", text: { value: "h" }, source: { value: "k1" } },
      { kind: "MaxPerYearClause", count: 2 },
      { kind: "MaxPerYearClause", count: 3 },
      { kind: "RecontactClause" },
      { kind: "LadderClause", steps: [{ text: "telefon" }, { text: "brev" }, { text: "redegørelse" }] },
      { kind: "AccountClause", text: { value: "r" }, months: 1, source: { value: "k2" } },
    ]);
  });

  it("forløb with name, states, deadlines in every calendar form, transitions and husk", () => {
    const m = decl(
      `forløb tilsyn start normal
         tilstand normal
         tilstand skærpet "t"
           frist meddelelse: udgangen af december kilde "k"
           frist redegørelse: 3 måneder efter meddelelse
           frist a: 1 måned efter meddelelse
           frist b: 2 uger efter a
           frist c: 1 uge efter a
           frist d: 10 dage efter a
           frist e: 1 dag fra offentliggørelse
           frist slut: 9 måneder fra offentliggørelse
         overgang ind "t" fra normal til skærpet kilde "k" når ikke x husk y = x husk z = 2
         overgang ud fra skærpet til normal ellers`,
      "MachineDecl",
    );
    expect(m.name!.text).toBe("tilsyn");
    expect(m.start.text).toBe("normal");
    expect(m.states.map((s) => [s.name.text, s.title?.value, s.deadlines.length])).toEqual([
      ["normal", undefined, 0],
      ["skærpet", "t", 8],
    ]);
    expect(strip(m.states[1]!.deadlines.map((d) => d.when))).toEqual([
      { kind: "EndOfMonth", month: 12, monthName: "december" },
      { kind: "After", amount: 3, unit: "måneder", anchor: { text: "meddelelse" } },
      { kind: "After", amount: 1, unit: "måneder", anchor: { text: "meddelelse" } },
      { kind: "After", amount: 2, unit: "uger", anchor: { text: "a" } },
      { kind: "After", amount: 1, unit: "uger", anchor: { text: "a" } },
      { kind: "After", amount: 10, unit: "dage", anchor: { text: "a" } },
      { kind: "PeriodFrom", amount: 1, unit: "dage", anchor: { text: "offentliggørelse" } },
      { kind: "PeriodFrom", amount: 9, unit: "måneder", anchor: { text: "offentliggørelse" } },
    ]);
    expect(m.states[1]!.deadlines[0]!.source!.value).toBe("k");
    expect(strip(m.transitions)).toEqual([
      {
        kind: "TransitionDecl",
        name: { text: "ind" },
        title: { value: "t" },
        from: { text: "normal" },
        to: { text: "skærpet" },
        source: { value: "k" },
        when: not(ref("x")),
        otherwise: false,
        remember: [
          { kind: "RememberDecl", name: { text: "y" }, expr: ref("x") },
          { kind: "RememberDecl", name: { text: "z" }, expr: num("2") },
        ],
      },
      {
        kind: "TransitionDecl",
        name: { text: "ud" },
        from: { text: "skærpet" },
        to: { text: "normal" },
        otherwise: true,
        remember: [],
      },
    ]);
  });

  it("every month name maps to its number", () => {
    const months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
    months.forEach((name, i) => {
      const m = decl(`forløb start s tilstand s frist f: udgangen af ${name}`, "MachineDecl");
      expect(m.states[0]!.deadlines[0]!.when).toMatchObject({ kind: "EndOfMonth", month: i + 1, monthName: name });
    });
  });

  it("a machine may be called `start`, and layout is free", () => {
    const m = decl("forløb start start start tilstand start", "MachineDecl");
    expect([m.name?.text, m.start.text, m.states[0]!.name.text]).toEqual(["start", "start", "start"]);
    const oneLine = parseOk('politik p "t" data d pr kommune, måned a: antal mål x = a kriterie k når x over 1 reaktion henvendelse "h"');
    expect(oneLine.declarations.map((d) => d.kind)).toEqual(["DataDecl", "MeasureDecl", "CriterionDecl", "ReactionDecl"]);
  });

  it("names may be keywords where a Name is expected", () => {
    const m = decl("forløb start normal tilstand normal frist redegørelse: 3 måneder efter offentliggørelse", "MachineDecl");
    expect(m.states[0]!.deadlines[0]!.name.text).toBe("redegørelse");
    expect(decl("mål data = 1", "MeasureDecl").name.text).toBe("data");
    const c = decl("kriterie når når andel", "CriterionDecl");
    expect([c.name.text, c.when]).toMatchObject(["når", { kind: "Ref", name: { text: "andel" } }]);
  });
});

describe("expressions", () => {
  it("the examples from the brief", () => {
    expect(expr("sum(a) / sum(b hvor c er målt) over halvåret")).toEqual({
      kind: "Windowed",
      expr: bin(
        "/",
        { kind: "Aggregate", fn: "sum", arg: ref("a") } as never,
        { kind: "Aggregate", fn: "sum", arg: ref("b"), measuredFilter: { text: "c" } } as never,
      ),
      window: { kind: "PeriodWindow", period: "halvåret" },
    });
    expect(cond("andel over 20 % i 3 sammenhængende måneder")).toEqual({
      kind: "StreakCond",
      cond: cmp("over", "over", ref("andel"), pct("20")),
      months: 3,
    });
    expect(expr("middel(jobparate) over året under 40")).toEqual(
      cmp(
        "under",
        "under",
        { kind: "Windowed", expr: { kind: "Aggregate", fn: "middel", arg: ref("jobparate") }, window: { kind: "PeriodWindow", period: "året" } } as never,
        num("40"),
      ),
    );
    expect(cond("(a eller b - c mindst (b - 30 %) / 2) og ikke d")).toEqual(
      and(
        paren(or(ref("a"), cmp("mindst", "mindst", bin("-", ref("b"), ref("c")), bin("/", paren(bin("-", ref("b"), pct("30"))), num("2"))))),
        not(ref("d")),
      ),
    );
    expect(expr("a >= 50 %")).toEqual(cmp("mindst", ">=", ref("a"), pct("50")));
    expect(expr("a lig med 3")).toEqual(cmp("lig", "lig med", ref("a"), num("3")));
  });

  it("every comparison operator, in words and symbols", () => {
    const cases: [string, string][] = [
      ["over", "over"],
      ["mindst", "mindst"],
      ["under", "under"],
      ["højst", "højst"],
      ["lig med", "lig"],
      [">", "over"],
      [">=", "mindst"],
      ["<", "under"],
      ["<=", "højst"],
      ["=", "lig"],
    ];
    for (const [written, op] of cases) {
      expect(expr(`a ${written} 1`)).toEqual(cmp(op, written, ref("a"), num("1")));
    }
  });

  it("og binds tighter than eller, ikke tighter than og; both left-associative", () => {
    expect(expr("a eller b og c")).toEqual(or(ref("a"), and(ref("b"), ref("c"))));
    expect(expr("a og b eller c")).toEqual(or(and(ref("a"), ref("b")), ref("c")));
    expect(expr("a og b og c")).toEqual(and(and(ref("a"), ref("b")), ref("c")));
    expect(expr("a eller b eller c")).toEqual(or(or(ref("a"), ref("b")), ref("c")));
    expect(expr("ikke a og b")).toEqual(and(not(ref("a")), ref("b")));
    expect(expr("ikke ikke a")).toEqual(not(not(ref("a"))));
    expect(expr("ikke a over 1 eller b")).toEqual(or(not(cmp("over", "over", ref("a"), num("1"))), ref("b")));
  });

  it("comparison binds looser than arithmetic; * / tighter than + -; unary minus tightest", () => {
    expect(expr("a + b * c over d - e")).toEqual(
      cmp("over", "over", bin("+", ref("a"), bin("*", ref("b"), ref("c"))), bin("-", ref("d"), ref("e"))),
    );
    expect(expr("a - b - c")).toEqual(bin("-", bin("-", ref("a"), ref("b")), ref("c")));
    expect(expr("a / b / c")).toEqual(bin("/", bin("/", ref("a"), ref("b")), ref("c")));
    expect(expr("-a * b")).toEqual(bin("*", { kind: "Unary", op: "-", operand: ref("a") } as never, ref("b")));
    expect(expr("- - 1")).toEqual({ kind: "Unary", op: "-", operand: { kind: "Unary", op: "-", operand: num("1") } } as never);
    expect(expr("(a + b) * c")).toEqual(bin("*", paren(bin("+", ref("a"), ref("b"))), ref("c")));
  });

  it("`over` is a window before måneden/halvåret/året/de, otherwise a comparison", () => {
    expect(expr("a over måneden")).toEqual({ kind: "Windowed", expr: ref("a"), window: { kind: "PeriodWindow", period: "måneden" } } as never);
    expect(expr("a over b")).toEqual(cmp("over", "over", ref("a"), ref("b")));
    expect(expr("a + b over de seneste 12 måneder over 3")).toEqual(
      cmp(
        "over",
        "over",
        { kind: "Windowed", expr: bin("+", ref("a"), ref("b")), window: { kind: "LastMonthsWindow", months: 12 } } as never,
        num("3"),
      ),
    );
    expect(expr("a over b over året")).toEqual(
      cmp("over", "over", ref("a"), { kind: "Windowed", expr: ref("b"), window: { kind: "PeriodWindow", period: "året" } } as never),
    );
    expect(expr("a over de seneste 1 måned")).toMatchObject({ kind: "Windowed", window: { months: 1 } });
  });

  it("numbers: integers, decimal comma and dot, percentages", () => {
    expect(expr("7,5")).toEqual(num("7,5"));
    expect(expr("7.5")).toEqual(num("7.5"));
    expect(expr("20,5 %")).toEqual(pct("20,5"));
    expect(expr("20%")).toEqual(pct("20"));
  });

  it("streak binds loosest: it wraps a whole og/eller condition", () => {
    expect(cond("a og b i 2 sammenhængende måneder")).toEqual({ kind: "StreakCond", cond: and(ref("a"), ref("b")), months: 2 });
    expect(cond("a i 1 sammenhængende måned")).toEqual({ kind: "StreakCond", cond: ref("a"), months: 1 });
  });

  it("type keywords and a few nouns may be referred to in expressions", () => {
    expect(expr("antal / andel + procent - tekst * redegørelse")).toEqual(
      bin("-", bin("+", bin("/", ref("antal"), ref("andel")), ref("procent")), bin("*", ref("tekst"), ref("redegørelse"))),
    );
  });

  it("middel and sum nest", () => {
    expect(expr("middel(sum(a) / 2)")).toEqual({ kind: "Aggregate", fn: "middel", arg: bin("/", { kind: "Aggregate", fn: "sum", arg: ref("a") } as never, num("2")) } as never);
  });
});
