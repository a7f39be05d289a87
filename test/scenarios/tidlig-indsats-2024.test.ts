// Scenarios for policies/tidlig-indsats-2024.tilsyn, written from domain.md § 1b (seed 002_*:
// STAR's simplification announced 28-11-2023, in force from March 2024). Half-yearly, all
// benefit groups under one, counts pooled over the half year: share = Σ without / Σ measured.
// H2 data → contact 1 March, H1 data → 1 September; at most two contacts a year. The last
// describe block runs the 2020 and 2024 files together as one history (contracts.md: several
// policy files with periods in force evaluate as one history).

import { describe, expect, it } from "vitest";
import type { PolicyEvent } from "../../runtime/events.js";
import { compilePolicy, csv, months, ofType, policySource, run, TIDLIG_HEADER, same, ti, type Row } from "./helpers.js";

/** Rows for the six months of a half year, one [borgere, uden_samtaler, uden_tilbud] per month. */
const half = (kommune: string, from: string, gruppe: string, perMonth: [number, number, number | null][]): Row[] =>
  months(from, perMonth.length).map((m, i) => ti(kommune, m, gruppe, ...perMonth[i]!));

const H2_2023 = months("2023-07", 6);

const tidlig2024 = (rows: Row[], options: Parameters<typeof run>[2] = {}): PolicyEvent[] =>
  run("tidlig-indsats-2024", { tidlig_indsats: csv(TIDLIG_HEADER, rows) }, options);

describe("tidlig indsats 2024: halvårlig opgørelse, første henvendelser i marts 2024 på data for 2. halvår 2023 (domain.md § 1b, seed 002)", () => {
  it("H2 2023 → a contact dated 1 March 2024, H1 2024 → 1 September 2024; one per municipality, with no benefit group", () => {
    const events = tidlig2024(same("101", months("2023-07", 12), "A-dagpenge", 100, 25));
    expect(events.map((e) => [e.type, e.period, e.date, e.rule])).toEqual([
      ["henvendelse", "2023-H2", "2024-03-01", "manglende_samtaler"],
      ["henvendelse", "2024-H1", "2024-09-01", "manglende_samtaler"],
    ]);
    expect(events[0]).toMatchObject({
      policy: "tidlig_indsats",
      kommune: "101",
      rules: ["manglende_samtaler"],
      source: "STAR, nyhed 28-11-2023: STAR forenkler tilsyn med kommunernes beskæftigelsesindsats",
    });
    expect(events[0]!.group).toBeUndefined();
    expect(events[0]!.values).toMatchObject({ andel_uden_samtaler: 25, borgere_samtaler: 600 });
  });

  it("no written accounts under the 2024 rules (STAR offers help instead), however long the criterion holds", () => {
    const events = tidlig2024(same("101", months("2023-07", 24), "A-dagpenge", 100, 40));
    expect(ofType(events, "redegoerelse")).toEqual([]);
    expect(events.every((e) => e.type === "henvendelse")).toBe(true);
  });

  it("an incomplete half year is not assessed: data for July–November 2023 gives nothing", () => {
    expect(tidlig2024(same("101", months("2023-07", 5), "A-dagpenge", 100, 50))).toEqual([]);
  });
});

describe("tidlig indsats 2024: én 6-måneders periode, alle ledige under ét, Σ uden / Σ borgere (domain.md § 1b, seed 002)", () => {
  it("monthly shares averaging 25 % but a pooled share of 11.8 % (60 of 510): no contact", () => {
    // 10 of 10 (100 %) in July, then 10 of 100 (10 %) in five months: mean 25 %, pooled 60/510.
    const rows = half("101", "2023-07", "A-dagpenge", [[10, 10, 0], [100, 10, 0], [100, 10, 0], [100, 10, 0], [100, 10, 0], [100, 10, 0]]);
    expect(tidlig2024(rows)).toEqual([]);
  });

  it("monthly shares averaging 13.3 % but a pooled share of 29 % (305 of 1,050): a contact", () => {
    // 300 of 1,000 (30 %) in July, then 1 of 10 (10 %) in five months: mean 13.3 %, pooled 305/1050.
    const rows = half("101", "2023-07", "A-dagpenge", [[1000, 300, 0], [10, 1, 0], [10, 1, 0], [10, 1, 0], [10, 1, 0], [10, 1, 0]]);
    const events = tidlig2024(rows);
    expect(events.map((e) => [e.rule, e.date])).toEqual([["manglende_samtaler", "2024-03-01"]]);
    expect(events[0]!.values).toMatchObject({ andel_uden_samtaler: 29, borgere_samtaler: 1050 });
  });

  it("pooled over the groups: a bad small group and a good large group are one population", () => {
    // Kontanthjælp 3 of 10 (30 %), A-dagpenge 10 of 100 (10 %): pooled 78 of 660 = 11.8 %.
    const rows = [...same("147", H2_2023, "Kontanthjælp", 10, 3), ...same("147", H2_2023, "A-dagpenge", 100, 10)];
    expect(tidlig2024(rows)).toEqual([]);
  });

  it("pooled over groups and months, exactly 20 % (120 of 600) is not above 20 %: no contact", () => {
    // Two groups of 50 a month, 15 and 5 without interviews: 30 % and 10 %, pooled 20 %.
    const rows = [...same("101", H2_2023, "Kontanthjælp", 50, 15), ...same("101", H2_2023, "A-dagpenge", 50, 5)];
    expect(tidlig2024(rows)).toEqual([]);
  });

  it("121 of 600 (20.2 %) is above 20 %: a contact", () => {
    const rows = [...same("101", H2_2023, "Kontanthjælp", 50, 15), ...same("101", H2_2023, "A-dagpenge", 50, 5), ti("101", "2023-12", "Uddannelseshjælp", 0, 0)];
    rows[0] = ti("101", "2023-07", "Kontanthjælp", 50, 16);
    const events = tidlig2024(rows);
    expect(events.map((e) => [e.rule, e.period, e.date])).toEqual([["manglende_samtaler", "2023-H2", "2024-03-01"]]);
    expect(events[0]!.values).toMatchObject({ borgere_samtaler: 600, andel_uden_samtaler: 20.2 });
  });

  it("the minimum of 10 people counts the whole half year: 10 people in six months with 3 without interviews gives a contact", () => {
    const rows = half("825", "2023-07", "A-dagpenge", [[2, 1, null], [2, 1, null], [2, 1, null], [2, 0, null], [1, 0, null], [1, 0, null]]);
    const events = tidlig2024(rows);
    expect(events.map((e) => [e.kommune, e.rule, e.date])).toEqual([["825", "manglende_samtaler", "2024-03-01"]]);
    expect(events[0]!.values).toMatchObject({ borgere_samtaler: 10, andel_uden_samtaler: 30 });
  });

  it("people in rows where uden_samtaler is blank (not measured) are left out of the interview share", () => {
    const measured = half("825", "2023-07", "A-dagpenge", [[10, 3, null], [10, 3, null], [10, 3, null], [10, 3, null], [10, 3, null], [10, 3, null]]);
    const rows = [...measured, ...months("2023-07", 6).map((m) => ti("825", m, "Sygedagpenge", 10, null, null))];
    const events = tidlig2024(rows);
    expect(events.map((e) => [e.kommune, e.rule, e.date])).toEqual([["825", "manglende_samtaler", "2024-03-01"]]);
    expect(events[0]!.values).toMatchObject({ borgere_samtaler: 60, andel_uden_samtaler: 30 });
  });

  it("9 people in the half year (3 without interviews, 33.3 %) is under the minimum: no contact", () => {
    const rows = half("825", "2023-07", "A-dagpenge", [[2, 1, null], [2, 1, null], [2, 1, null], [1, 0, null], [1, 0, null], [1, 0, null]]);
    expect(tidlig2024(rows)).toEqual([]);
  });
});

describe("tidlig indsats 2024: tilbud kun for grupperne med tilbudskrav (domain.md § 1b, STAR's side om opfølgningen)", () => {
  it("the offers denominator counts only groups with a measured uden_tilbud: 25 of 100 a month is 25 %, not 150 of 2,400", () => {
    // Kontanthjælp must have offers (25 of 100 without); Sygedagpenge has none (blank) and 300 a month.
    const rows = [...same("101", H2_2023, "Kontanthjælp", 100, 5, 25), ...same("101", H2_2023, "Sygedagpenge", 300, 10, null)];
    const events = tidlig2024(rows);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "henvendelse", rule: "manglende_tilbud", rules: ["manglende_tilbud"], date: "2024-03-01" });
    expect(events[0]!.values).toMatchObject({ andel_uden_tilbud: 25, borgere_tilbud: 600 });
  });

  it("exactly 20 % without an offer over the half year is not above 20 %", () => {
    const rows = [...same("101", H2_2023, "Kontanthjælp", 100, 5, 20), ...same("101", H2_2023, "Sygedagpenge", 300, 10, null)];
    expect(tidlig2024(rows)).toEqual([]);
  });

  it("the offers criterion needs 10 people in the groups with an offer requirement: 9 (5 without an offer) is not enough", () => {
    const rows = [
      ...half("101", "2023-07", "Kontanthjælp", [[2, 0, 1], [2, 0, 1], [2, 0, 1], [1, 0, 1], [1, 0, 1], [1, 0, 0]]),
      ...same("101", H2_2023, "Sygedagpenge", 300, 10, null),
    ];
    expect(tidlig2024(rows)).toEqual([]);
  });

  it("a half year where both criteria hold gives a single contact listing both", () => {
    const events = tidlig2024(same("101", H2_2023, "Kontanthjælp", 100, 30, 30));
    expect(events.map((e) => [e.date, e.rule, e.rules])).toEqual([["2024-03-01", "manglende_samtaler", ["manglende_samtaler", "manglende_tilbud"]]]);
  });
});

describe("tidlig indsats 2024: en kommune svarer højst to gange om året (domain.md § 1b, seed 002)", () => {
  it("both half years bad: exactly two contacts dated in 2024 (March and September)", () => {
    const events = tidlig2024(same("101", months("2023-07", 18), "Kontanthjælp", 100, 30, 30));
    expect(events.map((e) => e.date)).toEqual(["2024-03-01", "2024-09-01", "2025-03-01"]);
  });

  it("the cap itself: a monthly variant of the 2024 file gives at most two contacts per calendar year", () => {
    // The file's `eksempel` blocks describe the half-yearly rules, so the monthly variant drops them.
    const source = policySource("tidlig-indsats-2024")
      .replace(/\neksempel [\s\S]*$/, "\n")
      .replace("opgørelse halvårlig for alle", "opgørelse månedlig for alle")
      .replaceAll("over halvåret", "over måneden");
    expect(source).toContain("opgørelse månedlig for alle ydelsesgrupper under ét");
    expect(source).toContain("højst 2 henvendelser pr. år");
    const plan = compilePolicy(source, "tidlig-indsats-2024-maanedlig.tilsyn");
    const rows = same("101", months("2024-01", 18), "Kontanthjælp", 100, 30, 30); // 2024-01 … 2025-06
    const dates = ofType(run(plan, { tidlig_indsats: csv(TIDLIG_HEADER, rows) }), "henvendelse").map((e) => e.date);
    // Data months from January 2024 are followed up from April 2024; the cap lets the first two of each year through.
    expect(dates).toEqual(["2024-04-01", "2024-05-01", "2025-01-01", "2025-02-01"]);
  });
});

describe("tidlig indsats: 2020-filen og 2024-filen som én historik (domain.md § 1a → § 1b; contracts.md, tilsyn run)", () => {
  // One group doing badly in every month from January 2023 to June 2024.
  const rows = same("101", months("2023-01", 18), "Kontanthjælp", 100, 30, 30);
  const events = run(["tidlig-indsats-2020", "tidlig-indsats-2024"], { tidlig_indsats: csv(TIDLIG_HEADER, rows) });
  const contacts = ofType(events, "henvendelse");

  it("the 2020 rules give monthly, per-group contacts up to February 2024 (their last month in force)", () => {
    const old = contacts.filter((e) => e.date < "2024-03-01");
    expect(old.map((e) => e.date)).toEqual(months("2023-06", 9).map((m) => `${m}-01`)); // 2023-06 … 2024-02
    expect(old.every((e) => e.group === "Kontanthjælp" && /^\d{4}-\d{2}$/.test(e.period))).toBe(true);
    expect(old.at(-1)).toMatchObject({ period: "2023-11", date: "2024-02-01" });
  });

  it("the 2024 rules take over from March 2024: half-yearly, pooled contacts, none dated before March 2024", () => {
    const fresh = contacts.filter((e) => e.date >= "2024-03-01");
    expect(fresh.map((e) => [e.period, e.date, e.group])).toEqual([
      ["2023-H2", "2024-03-01", undefined],
      ["2024-H1", "2024-09-01", undefined],
    ]);
    // The 2024 file is not in force on 1 September 2023, so H1 2023 gives nothing.
    expect(contacts.some((e) => e.period === "2023-H1")).toBe(false);
  });

  it("the 2020 written account still comes within its own period (first contact 1 June 2023 → 1 December 2023)", () => {
    expect(ofType(events, "redegoerelse").map((e) => [e.date, e.group])).toEqual([["2023-12-01", "Kontanthjælp"]]);
  });

  it("the events of the two files come out as one sorted history", () => {
    expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort());
  });
});
