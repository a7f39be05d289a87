// Scenarios for policies/jobsoegning.tilsyn, written from domain.md § 2 (seed 004_*: STAR's
// administration model for benchmarking job-ready cash-benefit recipients' job search, and
// seed 001_* for the COVID-19 suspension). Each test builds a few rows of jobsoegning.csv and
// checks the contacts (henvendelse) and reviews (gennemgang) the policy gives.
//
// A "quiet" month below is 100 job-ready with 10 red and 10 still without job search: no
// criterion holds and the population is far from the small-municipality review.

import { describe, expect, it } from "vitest";
import { evaluate } from "../../runtime/engine.js";
import type { PolicyEvent } from "../../runtime/events.js";
import { bundled, csv, datesOf, JOBSOEGNING_HEADER, jsRow, loadTables, months, ofType, run } from "./helpers.js";

type Row = ReturnType<typeof jsRow>;

const jobsoegning = (rows: Row[], options: Parameters<typeof run>[2] = {}): PolicyEvent[] =>
  run("jobsoegning", { jobsoegning: csv(JOBSOEGNING_HEADER, rows) }, options);

const contacts = (rows: Row[]): PolicyEvent[] => ofType(jobsoegning(rows), "henvendelse");

/** The same (jobparate, roed, fortsat) in each of the given months. */
const same = (kommune: string, ms: string[], jobparate: number | null, roed: number | null, fortsat: number | null = 10): Row[] =>
  ms.map((m) => jsRow(kommune, m, jobparate, roed, fortsat));

const quiet = (kommune: string, ms: string[]): Row[] => same(kommune, ms, 100, 10, 10);

describe("jobsøgning, handlingskriterie 1: strakshandling ved 50 pct. røde eller flere (domain.md § 2, seed 004)", () => {
  it("50 of 100 red (exactly 50 %) is '50 % or higher': a contact on the January data, dated 1 April", () => {
    const events = jobsoegning([jsRow("101", "2021-01", 100, 50)]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      policy: "jobsøgning",
      kommune: "101",
      period: "2021-01",
      date: "2021-04-01",
      type: "henvendelse",
      rule: "straks",
      rules: ["straks"],
      values: { roed: 50, jobparate: 100, andel_røde: 50 },
      source: "STAR: Administrationsmodel, handlingskriterie 1 (strakshandling)",
    });
  });

  it("49 of 100 red (49 %) and 99 of 200 (49.5 %) are under 50 %: no contact", () => {
    expect(jobsoegning([jsRow("101", "2021-01", 100, 49)])).toEqual([]);
    expect(jobsoegning([jsRow("147", "2021-01", 200, 99)])).toEqual([]);
  });

  it("100 of 200 red is exactly 50 % again (decided on counts, not on a rounded share)", () => {
    expect(contacts([jsRow("147", "2021-01", 200, 100)]).map((e) => e.rule)).toEqual(["straks"]);
  });

  it("publication lag of 3 months (January's data in April): data month + 3, also across a year end", () => {
    const events = contacts([jsRow("101", "2021-01", 100, 60), jsRow("147", "2021-10", 100, 60), jsRow("151", "2021-12", 100, 60)]);
    expect(events.map((e) => [e.kommune, e.period, e.date])).toEqual([
      ["101", "2021-01", "2021-04-01"],
      ["147", "2021-10", "2022-01-01"],
      ["151", "2021-12", "2022-03-01"],
    ]);
  });
});

describe("jobsøgning, minimumspopulation: mindst 20 røde og over 40 jobparate i måneden (domain.md § 2, seed 004)", () => {
  it("exactly 20 red counts: 20 of 45 red (44.4 %) in three months gives an observation contact", () => {
    const events = contacts(same("101", months("2021-01", 3), 45, 20));
    expect(events.map((e) => [e.rule, e.date])).toEqual([["observation", "2021-06-01"]]);
    expect(events[0]!.values).toMatchObject({ roed: 20, jobparate: 45 });
  });

  it("19 red is under the minimum even though 19 of 45 (42.2 %) is over 40 %: no contact", () => {
    expect(contacts(same("101", months("2021-01", 3), 45, 19))).toEqual([]);
  });

  it("a population of exactly 40 is not 'over 40': 21 of 40 red (52.5 %) gives no contact", () => {
    expect(jobsoegning([jsRow("101", "2021-01", 40, 21)])).toEqual([]);
  });

  it("a population of 41 is over 40: 21 of 41 red (51.2 %) gives the immediate contact", () => {
    const events = contacts([jsRow("101", "2021-01", 41, 21)]);
    expect(events.map((e) => [e.rule, e.date])).toEqual([["straks", "2021-04-01"]]);
    expect(events[0]!.values).toMatchObject({ roed: 21, jobparate: 41, andel_røde: 51.2 });
  });
});

describe("jobsøgning, handlingskriterie 2: over 40 pct. røde i tre sammenhængende måneder (domain.md § 2, seed 004)", () => {
  it("41 of 100 red in January, February and March: one contact on the March data, dated 1 June", () => {
    const events = contacts(same("101", months("2021-01", 3), 100, 41));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ rule: "observation", rules: ["observation"], period: "2021-03", date: "2021-06-01" });
    expect(events[0]!.source).toBe("STAR: Administrationsmodel, handlingskriterie 2 (handling efter observation)");
    // The three months the decision rests on are in the values.
    expect(events[0]!.values).toMatchObject({ "andel_røde 2021-01": 41, "andel_røde 2021-02": 41, "andel_røde 2021-03": 41 });
  });

  it("exactly 40 % (40 of 100) in the middle month is not over 40 % and breaks the run", () => {
    const rows = [jsRow("101", "2021-01", 100, 41), jsRow("101", "2021-02", 100, 40), jsRow("101", "2021-03", 100, 41), jsRow("101", "2021-04", 100, 41)];
    expect(contacts(rows)).toEqual([]);
  });

  it("only two months over 40 %: no contact", () => {
    expect(contacts([...same("101", months("2021-01", 2), 100, 45), ...quiet("101", ["2021-03"])])).toEqual([]);
  });

  it("the minimum population must hold in each of the three months: 20, 19, 20 red of 45 gives no contact", () => {
    const rows = [jsRow("101", "2021-01", 45, 20), jsRow("101", "2021-02", 45, 19), jsRow("101", "2021-03", 45, 20)];
    expect(contacts(rows)).toEqual([]);
  });

  it("a month that is not measured breaks the run: a blank red count, a population of 0, a missing month", () => {
    const blank = [jsRow("101", "2021-01", 100, 45), jsRow("101", "2021-02", 100, null), ...same("101", ["2021-03", "2021-04"], 100, 45)];
    const empty = [jsRow("147", "2021-01", 100, 45), jsRow("147", "2021-02", 0, 0, 0), ...same("147", ["2021-03", "2021-04"], 100, 45)];
    const missing = [jsRow("151", "2021-01", 100, 45), ...same("151", ["2021-03", "2021-04"], 100, 45)];
    expect(contacts([...blank, ...empty, ...missing])).toEqual([]);
    // With the gap filled in, the same rows do give a contact (on the March data).
    const filled = contacts(same("151", months("2021-01", 4), 100, 45));
    expect(filled.map((e) => [e.rule, e.period, e.date])).toEqual([["observation", "2021-03", "2021-06-01"]]);
  });
});

describe("jobsøgning, handlingskriterie 3: over 25 pct. fortsat uden jobsøgning i tredje måned efter (domain.md § 2, seed 004)", () => {
  it("25 of 100 (exactly 25 %) is not over 25 %: no contact", () => {
    expect(jobsoegning([jsRow("101", "2021-01", 100, 20, 25)])).toEqual([]);
  });

  it("26 of 100 is over 25 %: a contact dated 3 months after the other criteria (January data → 1 July)", () => {
    const events = contacts([jsRow("101", "2021-01", 100, 20, 26), jsRow("147", "2021-01", 100, 50, 10)]);
    expect(events.map((e) => [e.kommune, e.rule, e.period, e.date])).toEqual([
      ["147", "straks", "2021-01", "2021-04-01"],
      ["101", "fortsat_uden_jobsøgning", "2021-01", "2021-07-01"],
    ]);
    expect(events[1]!.values).toMatchObject({ jobparate: 100, andel_fortsat_uden: 26 });
  });

  it("the denominator is the measurement month's population: 26 still without job search of 100 holds, of 105 (24.8 %) not", () => {
    expect(contacts([jsRow("101", "2021-01", 105, 21, 26)])).toEqual([]);
  });

  it("the minimum population applies in the measurement month: 19 red with 30 of 100 still without job search gives no contact", () => {
    expect(contacts([jsRow("101", "2021-01", 100, 19, 30)])).toEqual([]);
  });
});

describe("jobsøgning, COVID-19: ingen henvendelser i resten af 2020 (domain.md § 2, seed 001)", () => {
  // 60 of 100 red in every month from November 2019 to January 2021.
  const rows = same("101", months("2019-11", 15), 100, 60);

  it("no contact is dated 2020-03-01…2020-12-31 though the criterion holds every month; contacts resume in 2021", () => {
    const dates = datesOf(jobsoegning(rows), "henvendelse");
    expect(dates.filter((d) => d >= "2020-03-01" && d <= "2020-12-31")).toEqual([]);
    // 2019-11 data → 1 Feb 2020 (before the suspension); 2020-10 data → 1 Jan 2021, the first
    // date after it; then, under the re-contact rule, the 2021-01 data → 1 April 2021.
    expect(dates).toEqual(["2020-02-01", "2021-01-01", "2021-04-01"]);
  });

  it("the measurements of the suspended months are still computed and shown (series)", () => {
    const { series } = evaluateWithSeries(rows);
    const suspended = series.filter((p) => p.rule === "straks" && p.date >= "2020-03-01" && p.date <= "2020-12-31");
    expect(suspended).toHaveLength(10);
    expect(suspended.every((p) => p.holds === true && p.value === 60)).toBe(true);
  });

  it("the exception also stops the third criterion's later-dated contacts (2020-06 data → December 2020)", () => {
    const only = [...quiet("101", months("2020-01", 5)), jsRow("101", "2020-06", 100, 20, 30), ...quiet("101", ["2020-07"])];
    expect(contacts(only)).toEqual([]);
    const after = [...quiet("101", months("2020-01", 6)), jsRow("101", "2020-07", 100, 20, 30)];
    expect(contacts(after).map((e) => [e.rule, e.date])).toEqual([["fortsat_uden_jobsøgning", "2021-01-01"]]);
  });
});

describe("jobsøgning, genhenvendelse: først på data efter forrige henvendelse (domain.md § 2, seed 004)", () => {
  it("after the April contact on January data, February and March data that hold give no contact; April data gives one, dated July", () => {
    const rows = [...same("101", months("2021-01", 4), 100, 55), ...quiet("101", months("2021-05", 2))];
    const events = contacts(rows);
    expect(events.map((e) => [e.period, e.date])).toEqual([
      ["2021-01", "2021-04-01"],
      ["2021-04", "2021-07-01"],
    ]);
  });

  it("if only February and March data hold after the April contact, there is no second contact at all", () => {
    const rows = [...same("101", months("2021-01", 3), 100, 55), ...quiet("101", months("2021-04", 3))];
    expect(datesOf(jobsoegning(rows), "henvendelse")).toEqual(["2021-04-01"]);
  });

  it("the contact on data after the first one lists every criterion that held then, the first in file order as rule", () => {
    // January: immediate; April: immediate, and over 40 % since February (observation).
    const rows = [jsRow("101", "2021-01", 100, 55), ...same("101", months("2021-02", 3), 100, 55)];
    const second = contacts(rows)[1]!;
    expect(second).toMatchObject({ date: "2021-07-01", rule: "straks", rules: ["straks", "observation"] });
  });
});

describe("jobsøgning, mulige handlinger: trappen telefon, brev, redegørelse, møde, ministerbrev, stikprøve (domain.md § 2, seed 004)", () => {
  it("the 1st contact suggests telefon, the 2nd brev, …, and the ladder stays on its last step", () => {
    // 60 % red every month for two years: under the re-contact rule one contact a quarter.
    const events = contacts(same("101", months("2021-01", 22), 100, 60));
    expect(events.map((e) => [e.date, e.handling, e.values["trin"]])).toEqual([
      ["2021-04-01", "telefon", 1],
      ["2021-07-01", "brev", 2],
      ["2021-10-01", "redegørelse", 3],
      ["2022-01-01", "møde", 4],
      ["2022-04-01", "ministerbrev", 5],
      ["2022-07-01", "stikprøve", 6],
      ["2022-10-01", "stikprøve", 6],
      ["2023-01-01", "stikprøve", 6],
    ]);
  });

  it("limiting the output to a window (fra/til) hides earlier contacts but keeps their place on the ladder", () => {
    const rows = same("101", months("2021-01", 22), 100, 60);
    const events = ofType(jobsoegning(rows, { fra: "2022-01", til: "2022-06" }), "henvendelse");
    expect(events.map((e) => [e.date, e.handling])).toEqual([
      ["2022-01-01", "møde"],
      ["2022-04-01", "ministerbrev"],
    ]);
  });

  it("each municipality climbs its own ladder", () => {
    const events = contacts([...same("101", months("2021-01", 4), 100, 60), jsRow("147", "2021-04", 100, 60)]);
    expect(events.map((e) => [e.kommune, e.date, e.handling])).toEqual([
      ["101", "2021-04-01", "telefon"],
      ["101", "2021-07-01", "brev"],
      ["147", "2021-07-01", "telefon"],
    ]);
  });
});

describe("jobsøgning, kommuner med under 40 jobparate gennemgås én gang om året (domain.md § 2, seed 004)", () => {
  it("Læsø with a mean of 39.5 job-ready over 2021 gets the annual review, dated when December's data is published (1 March)", () => {
    // 39 and 40 alternately: a mean of 39.5; 20 red (50 %+) but the population is not over 40.
    const rows = months("2021-01", 12).map((m, i) => jsRow("825", m, i % 2 ? 40 : 39, 20));
    const events = jobsoegning(rows);
    expect(ofType(events, "henvendelse")).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kommune: "825",
      type: "gennemgang",
      rule: "små_kommuner",
      period: "2021",
      date: "2022-03-01",
      source: "STAR: Administrationsmodel, handlingskriterier (kommuner med under 40 jobparate)",
    });
    expect(events[0]!.values["gennemsnittet af jobparate"]).toBe(39.5);
  });

  it("a mean of exactly 40 (35 and 45 alternately) is not under 40: no review", () => {
    const rows = months("2021-01", 12).map((m, i) => jsRow("825", m, i % 2 ? 45 : 35, 5));
    expect(jobsoegning(rows)).toEqual([]);
  });

  it("exactly 40 in every month is in neither group: no contact though 20 of 40 are red, and no review", () => {
    expect(jobsoegning(same("825", months("2021-01", 12), 40, 20))).toEqual([]);
  });

  it("one review per year: two years under 40 give reviews dated 1 March 2022 and 1 March 2023", () => {
    const events = jobsoegning(same("825", months("2021-01", 24), 30, 5));
    expect(events.map((e) => [e.type, e.period, e.date])).toEqual([
      ["gennemgang", "2021", "2022-03-01"],
      ["gennemgang", "2022", "2023-03-01"],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

function evaluateWithSeries(rows: Row[]) {
  const plan = bundled("jobsoegning");
  const result = evaluate([plan], loadTables([plan], { jobsoegning: csv(JOBSOEGNING_HEADER, rows) }), { series: true });
  return { events: result.events, series: result.series! };
}

describe("jobsøgning, én henvendelse med alle kriterier, der holdt (contracts.md: values = the numbers the decision used)", () => {
  // January: 30 of 100 still without job search (criterion 3, dated 1 July); April: 120 of 200
  // red (criterion 1, also dated 1 July). One contact on 1 July lists both, rule = straks
  // (first in file order), period = 2021-04 (straks's data month).
  const rows = [jsRow("101", "2021-01", 100, 20, 30), ...quiet("101", ["2021-02", "2021-03"]), jsRow("101", "2021-04", 200, 120, 10)];

  it("two criteria on different data months falling on the same date give one contact listing both", () => {
    const events = contacts(rows);
    expect(events.map((e) => [e.date, e.period, e.rule, e.rules])).toEqual([["2021-07-01", "2021-04", "straks", ["straks", "fortsat_uden_jobsøgning"]]]);
    expect(events[0]!.values).toMatchObject({ andel_røde: 60, andel_fortsat_uden: 30 });
  });

  // Regression: a later criterion's values used to overwrite the first one's under the same key
  // even when they rested on different data months (straks on 2021-04: roed 120 of 200, and
  // fortsat_uden_jobsøgning on 2021-01: roed 20 of 100, both dated 2021-07-01).
  it("the values of the event's own rule and period are not overwritten by another criterion's month", () => {
    const values = contacts(rows)[0]!.values;
    expect(values["roed"]).toBe(120);
    expect(values["jobparate"]).toBe(200);
    expect(values["roed (fortsat_uden_jobsøgning, 2021-01)"]).toBe(20);
    expect(values["jobparate (fortsat_uden_jobsøgning, 2021-01)"]).toBe(100);
  });
});
