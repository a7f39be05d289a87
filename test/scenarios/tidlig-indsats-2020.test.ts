// Scenarios for policies/tidlig-indsats-2020.tilsyn, written from domain.md § 1a (seeds 000_*
// and 001_*: STAR's follow-up on the municipalities' early effort, the 2020 rules). Monthly,
// per benefit group; a contact when a group with at least 10 citizens has over 20 % without
// the minimum in three consecutive months; a written account when the effort is not restored
// six months after the contact. Publication: data month + 2, follow-up the month after, so a
// contact is dated the 1st of data month + 3.

import { describe, expect, it } from "vitest";
import type { PolicyEvent } from "../../runtime/events.js";
import { csv, datesOf, months, ofType, run, TIDLIG_HEADER, same, ti, type Row } from "./helpers.js";

const tidlig2020 = (rows: Row[], options: Parameters<typeof run>[2] = {}): PolicyEvent[] =>
  run("tidlig-indsats-2020", { tidlig_indsats: csv(TIDLIG_HEADER, rows) }, options);

const contacts = (rows: Row[]): PolicyEvent[] => ofType(tidlig2020(rows), "henvendelse");

describe("tidlig indsats 2020: over 20 pct. i tre sammenhængende måneder i en ydelsesgruppe med mindst 10 borgere (domain.md § 1a, seeds 000/001)", () => {
  it("3 of 10 (30 %) without interviews in January–March: a contact for that group on the March data, dated 1 June", () => {
    const events = tidlig2020(same("101", months("2021-01", 3), "A-dagpenge", 10, 3));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      policy: "tidlig_indsats",
      kommune: "101",
      group: "A-dagpenge",
      period: "2021-03",
      date: "2021-06-01",
      type: "henvendelse",
      rule: "manglende_samtaler",
      rules: ["manglende_samtaler"],
      source: "STAR: Opfølgning på kommunernes tidlige indsats (AMK retter henvendelse)",
    });
    expect(events[0]!.values).toMatchObject({
      "andel_uden_samtaler 2021-01": 30,
      "andel_uden_samtaler 2021-02": 30,
      "andel_uden_samtaler 2021-03": 30,
    });
    // The 2020 rules have no ladder.
    expect(events[0]!.handling).toBeUndefined();
  });

  it("exactly 20.0 % (2 of 10) in one of the three months is not above 20 %: no contact", () => {
    const rows = [ti("101", "2021-01", "A-dagpenge", 10, 3), ti("101", "2021-02", "A-dagpenge", 10, 2), ti("101", "2021-03", "A-dagpenge", 10, 3)];
    expect(tidlig2020(rows)).toEqual([]);
  });

  it("20 of 100 in every month is exactly 20 %: no contact; 21 of 100 is above: a contact", () => {
    expect(tidlig2020(same("101", months("2021-01", 3), "A-dagpenge", 100, 20))).toEqual([]);
    expect(datesOf(tidlig2020(same("101", months("2021-01", 3), "A-dagpenge", 100, 21)), "henvendelse")).toEqual(["2021-06-01"]);
  });

  it("a group of 9 citizens is under the minimum of 10, even with 5 of 9 (55.6 %) without interviews", () => {
    expect(tidlig2020(same("101", months("2021-01", 3), "Kontanthjælp", 9, 5))).toEqual([]);
  });

  it("the minimum must hold in each of the three months: 10, 9, 10 citizens gives no contact", () => {
    const rows = [ti("101", "2021-01", "Kontanthjælp", 10, 5), ti("101", "2021-02", "Kontanthjælp", 9, 5), ti("101", "2021-03", "Kontanthjælp", 10, 5)];
    expect(tidlig2020(rows)).toEqual([]);
  });

  it("only two months above 20 %: no contact", () => {
    const rows = [...same("101", months("2021-01", 2), "A-dagpenge", 10, 3), ti("101", "2021-03", "A-dagpenge", 10, 1)];
    expect(tidlig2020(rows)).toEqual([]);
  });

  it("a month without data for the group breaks the three months (a missing month, and a group with 0 citizens)", () => {
    const missing = [...same("101", ["2021-01", "2021-03", "2021-04"], "A-dagpenge", 10, 3)];
    const empty = [...same("147", ["2021-01", "2021-03", "2021-04"], "A-dagpenge", 10, 3), ti("147", "2021-02", "A-dagpenge", 0, 0)];
    expect(tidlig2020([...missing, ...empty])).toEqual([]);
  });

  it("AMK writes every month the criterion holds (STAR wrote monthly): a five-month run gives three contacts", () => {
    const events = contacts(same("101", months("2021-01", 5), "A-dagpenge", 10, 4));
    expect(events.map((e) => [e.period, e.date])).toEqual([
      ["2021-03", "2021-06-01"],
      ["2021-04", "2021-07-01"],
      ["2021-05", "2021-08-01"],
    ]);
  });

  it("each benefit group is its own unit: two bad groups in one municipality give two contacts, one per group", () => {
    const rows = [...same("101", months("2021-01", 3), "A-dagpenge", 10, 3), ...same("101", months("2021-01", 3), "Kontanthjælp", 20, 5), ...same("101", months("2021-01", 3), "Sygedagpenge", 50, 5, null)];
    const events = contacts(rows);
    expect(events.map((e) => [e.kommune, e.group, e.rule, e.date])).toEqual([
      ["101", "A-dagpenge", "manglende_samtaler", "2021-06-01"],
      ["101", "Kontanthjælp", "manglende_samtaler", "2021-06-01"],
    ]);
  });

  it("benefit-group labels are free text from the data (contracts.md): a quoted label with a comma is its own group", () => {
    const events = run("tidlig-indsats-2020", {
      tidlig_indsats: `
        kommune,maaned,ydelsesgruppe,borgere,uden_samtaler,uden_tilbud
        851,2021-01,"Ledighedsydelse, fleksjob",12,4,
        851,2021-02,"Ledighedsydelse, fleksjob",12,4,
        851,2021-03,"Ledighedsydelse, fleksjob",12,4,
        851,2021-01,Ledighedsydelse,12,0,
        851,2021-02,Ledighedsydelse,12,0,
        851,2021-03,Ledighedsydelse,12,0,
      `,
    });
    expect(events.map((e) => [e.kommune, e.group, e.rule, e.date])).toEqual([["851", "Ledighedsydelse, fleksjob", "manglende_samtaler", "2021-06-01"]]);
    expect(events[0]!.explanation).toContain("Ledighedsydelse, fleksjob");
  });

  it("each group is measured on its own: bad months spread over two groups are not a run", () => {
    const rows = [
      ti("101", "2021-01", "A-dagpenge", 10, 3),
      ti("101", "2021-02", "Kontanthjælp", 10, 3),
      ti("101", "2021-03", "A-dagpenge", 10, 3),
      ti("101", "2021-01", "Kontanthjælp", 10, 0),
      ti("101", "2021-02", "A-dagpenge", 10, 0),
      ti("101", "2021-03", "Kontanthjælp", 10, 0),
    ];
    expect(tidlig2020(rows)).toEqual([]);
  });
});

describe("tidlig indsats 2020: opfølgning på tilbud fra juni 2022 på data til og med marts 2022 (domain.md § 1a, seed 001)", () => {
  it("a group with a blank uden_tilbud (no offer requirement) never triggers the offers criterion", () => {
    // Sygedagpenge, two years, interviews fine; its uden_tilbud cell is blank throughout.
    expect(tidlig2020(same("101", months("2022-01", 24), "Sygedagpenge", 100, 5, null))).toEqual([]);
  });

  it("a run of offers ending with the 2022-02 data (before the offers follow-up starts) gives no contact", () => {
    const rows = [...same("101", ["2021-12", "2022-01", "2022-02"], "Kontanthjælp", 100, 5, 30), ti("101", "2022-03", "Kontanthjælp", 100, 5, 10)];
    expect(tidlig2020(rows)).toEqual([]);
  });

  it("a run of offers ending with the 2022-03 data gives the first offers contact, dated 1 June 2022", () => {
    const rows = [...same("101", ["2022-01", "2022-02", "2022-03"], "Kontanthjælp", 100, 5, 30), ti("101", "2022-04", "Kontanthjælp", 100, 5, 10)];
    const events = tidlig2020(rows);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "henvendelse",
      rule: "manglende_tilbud",
      rules: ["manglende_tilbud"],
      group: "Kontanthjælp",
      period: "2022-03",
      date: "2022-06-01",
      source: "STAR: Opfølgning på kommunernes tidlige indsats (opfølgning på tilbud fra juni 2022)",
    });
  });

  it("a long run of offers from 2021 is followed up only from the 2022-03 data on; interviews all along", () => {
    const rows = same("101", months("2021-10", 7), "Kontanthjælp", 100, 30, 30); // 2021-10 … 2022-04
    const events = contacts(rows);
    expect(events.map((e) => [e.period, e.date, e.rules])).toEqual([
      ["2021-12", "2022-03-01", ["manglende_samtaler"]],
      ["2022-01", "2022-04-01", ["manglende_samtaler"]],
      ["2022-02", "2022-05-01", ["manglende_samtaler"]],
      ["2022-03", "2022-06-01", ["manglende_samtaler", "manglende_tilbud"]],
      ["2022-04", "2022-07-01", ["manglende_samtaler", "manglende_tilbud"]],
    ]);
  });

  it("exactly 20 % without an offer (20 of 100) is not above 20 %", () => {
    expect(tidlig2020(same("101", months("2022-03", 3), "Kontanthjælp", 100, 5, 20))).toEqual([]);
  });
});

describe("tidlig indsats 2020: redegørelse, hvis indsatsen ikke er genoprettet 6 måneder efter henvendelsen (domain.md § 1a, seeds 000/001)", () => {
  it("the criterion still holds 6 months after the first contact (1 June → 1 December): a written account on 1 December", () => {
    const events = tidlig2020(same("101", months("2021-01", 9), "A-dagpenge", 10, 3));
    expect(datesOf(events, "henvendelse")).toEqual(["2021-06-01", "2021-07-01", "2021-08-01", "2021-09-01", "2021-10-01", "2021-11-01", "2021-12-01"]);
    const accounts = ofType(events, "redegoerelse");
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({
      kommune: "101",
      group: "A-dagpenge",
      period: "2021-09",
      date: "2021-12-01",
      rule: "manglende_samtaler",
      source: "STAR: Opfølgning på kommunernes tidlige indsats (manglende genopretning efter seks måneder)",
    });
    expect(accounts[0]!.values["foerste_henvendelse"]).toBe("2021-06-01");
  });

  it("5 months after the first contact is too early: a run to the 2021-08 data gives contacts but no written account", () => {
    expect(ofType(tidlig2020(same("101", months("2021-01", 8), "A-dagpenge", 10, 3)), "redegoerelse")).toEqual([]);
  });

  it("only one written account per episode, however long the criterion keeps holding", () => {
    const events = tidlig2020(same("101", months("2021-01", 15), "A-dagpenge", 10, 3));
    expect(datesOf(events, "redegoerelse")).toEqual(["2021-12-01"]);
  });

  it("no written account if the effort was restored in between (one month under the limit), even when it fails again", () => {
    const rows = [
      ...same("101", months("2021-01", 5), "A-dagpenge", 10, 3),
      ti("101", "2021-06", "A-dagpenge", 10, 1), // restored: 10 %
      ...same("101", months("2021-07", 3), "A-dagpenge", 10, 3),
    ];
    const events = tidlig2020(rows);
    expect(datesOf(events, "henvendelse")).toEqual(["2021-06-01", "2021-07-01", "2021-08-01", "2021-12-01"]);
    expect(ofType(events, "redegoerelse")).toEqual([]);
  });

  it("a restored effort starts a new episode: its account comes 6 months after the new first contact", () => {
    const rows = [
      ...same("101", months("2021-01", 5), "A-dagpenge", 10, 3),
      ti("101", "2021-06", "A-dagpenge", 10, 1),
      ...same("101", months("2021-07", 9), "A-dagpenge", 10, 3), // 2021-07 … 2022-03
    ];
    const events = tidlig2020(rows);
    expect(datesOf(events, "redegoerelse")).toEqual(["2022-06-01"]);
    expect(ofType(events, "redegoerelse")[0]!.values["foerste_henvendelse"]).toBe("2021-12-01");
  });

  it("restoration is per group: another group's good months do not reset the account of the bad group", () => {
    const rows = [...same("101", months("2021-01", 9), "A-dagpenge", 10, 3), ...same("101", months("2021-01", 9), "Kontanthjælp", 50, 1)];
    const accounts = ofType(tidlig2020(rows), "redegoerelse");
    expect(accounts.map((e) => [e.group, e.date])).toEqual([["A-dagpenge", "2021-12-01"]]);
  });
});

describe("tidlig indsats: 2020-reglerne pr. ydelsesgruppe mod 2024-reglerne for alle under ét (domain.md § 1a/§ 1b, seed 002)", () => {
  // Frederiksberg: a small group doing badly (3 of 10, 30 %) next to a large one doing well
  // (10 of 100, 10 %) in each month of the first half of 2023. Pooled: 78 of 660 = 11.8 %.
  const rows = [...same("147", months("2023-01", 6), "Kontanthjælp", 10, 3), ...same("147", months("2023-01", 6), "A-dagpenge", 100, 10)];
  const data = { tidlig_indsats: csv(TIDLIG_HEADER, rows) };

  it("the 2020 rules flag the bad small group on its own (a contact for Kontanthjælp from the March data on)", () => {
    const events = ofType(run("tidlig-indsats-2020", data), "henvendelse");
    expect(events.map((e) => [e.group, e.period, e.date])).toEqual([
      ["Kontanthjælp", "2023-03", "2023-06-01"],
      ["Kontanthjælp", "2023-04", "2023-07-01"],
      ["Kontanthjælp", "2023-05", "2023-08-01"],
      ["Kontanthjælp", "2023-06", "2023-09-01"],
    ]);
  });

  it("the 2024 rules, on the same half year, pool the groups: 11.8 % is not above 20 %, so no contact", () => {
    expect(run("tidlig-indsats-2024", data, { ignoreInForce: true })).toEqual([]);
  });

  it("(contrast) under the 2024 rules a municipality whose pooled share is above 20 % is contacted for that half year", () => {
    const bad = [...same("101", months("2023-01", 6), "Kontanthjælp", 10, 3), ...same("101", months("2023-01", 6), "A-dagpenge", 100, 25)];
    const events = run("tidlig-indsats-2024", { tidlig_indsats: csv(TIDLIG_HEADER, bad) }, { ignoreInForce: true });
    expect(events.map((e) => [e.kommune, e.period, e.date, e.group])).toEqual([["101", "2023-H1", "2023-09-01", undefined]]);
  });
});
