// Scenarios from domain.md § 3b ("The measurement layer"), run through
// policies/maaling/fokusmaal.tilsyn. Each test quotes the sentence it checks and sits on its
// boundary: one side in, the other out.

import { describe, expect, it } from "vitest";
import { fokusmaal, months, row, run } from "./measure.js";

const plan = fokusmaal();

/** The three fields for kommune 101 in `month`, measuring the given rows. */
function measured(rows: Parameters<typeof run>[1], month: string): Record<string, number> {
  const r = row(run(plan, rows), "101", month);
  if (!r) throw new Error(`no row for 101 in ${month}`);
  return r;
}

/** n dated rows `person,DATE,…rest` spread over the given dates. */
const events = (person: string, dates: string[], rest: string): string[] => dates.map((d) => `${person},${d},${rest}`);

describe("§ 3b target group: «a duration of at least 12 months»", () => {
  it("11 counted months is not in the target group, 12 is", () => {
    const rows = { ydelsesmaaneder: months("p", "101", "2022-01", 12, "kontanthjaelp") };
    expect(measured(rows, "2022-11").maalgruppe).toBe(0);
    expect(measured(rows, "2022-12").maalgruppe).toBe(1);
  });

  it("«a change of benefit starts a new spell»: 8 months of kontanthjælp, then uddannelseshjælp, restarts the count", () => {
    const changed = {
      ydelsesmaaneder: [...months("p", "101", "2022-01", 8, "kontanthjaelp"), ...months("p", "101", "2022-09", 12, "uddannelseshjaelp")],
    };
    // 2023-07 is the 19th month on a benefit, but the 11th of the uddannelseshjælp spell.
    expect(measured(changed, "2023-07").maalgruppe).toBe(0);
    expect(measured(changed, "2023-08").maalgruppe).toBe(1);
    const same = { ydelsesmaaneder: months("p", "101", "2022-01", 19, "kontanthjaelp") };
    expect(measured(same, "2023-07").maalgruppe).toBe(1);
  });

  it("«a month without benefit ends it»: a gap month restarts the count", () => {
    const gap = { ydelsesmaaneder: [...months("p", "101", "2022-01", 6, "kontanthjaelp"), ...months("p", "101", "2022-08", 12, "kontanthjaelp")] };
    expect(measured(gap, "2023-06").maalgruppe).toBe(0); // 11 months since the gap
    expect(measured(gap, "2023-07").maalgruppe).toBe(1);
  });

  it("«dead months … neither count nor break the spell»", () => {
    // 13 months with 2022-06 dead: 11 counted months in 2022-12, 12 in 2023-01, and the 5
    // months before the dead one still count (had it broken the spell, 2023-01 would be month 7).
    const rows = { ydelsesmaaneder: months("p", "101", "2022-01", 13, "kontanthjaelp", { doed: [5] }) };
    expect(measured(rows, "2022-12").maalgruppe).toBe(0);
    expect(measured(rows, "2023-01").maalgruppe).toBe(1);
  });

  it("a dead month on another benefit neither breaks the spell: «dead months … neither count nor break the spell»", () => {
    // kontanthjælp with 2022-06 on barsel under sygedagpenge: the spell goes on (a change of
    // benefit in a counted month would start a new one).
    const rows = months("p", "101", "2022-01", 13, "kontanthjaelp", { doed: [5] }).map((l) => (l.includes(",2022-06,") ? l.replace("kontanthjaelp", "sygedagpenge") : l));
    expect(measured({ ydelsesmaaneder: rows }, "2023-01").maalgruppe).toBe(1);
    const counted = rows.map((l) => (l.includes(",2022-06,") ? l.replace(/,1$/, ",0") : l));
    expect(measured({ ydelsesmaaneder: counted }, "2023-01").maalgruppe).toBe(0);
  });

  it("«A person whose month m is itself dead is not in the target group for m»", () => {
    const rows = { ydelsesmaaneder: months("p", "101", "2022-01", 14, "kontanthjaelp", { doed: [12] }) };
    expect(measured(rows, "2022-12").maalgruppe).toBe(1);
    expect(measured(rows, "2023-01")).toEqual({ maalgruppe: 0, uden_tilbud: 0, under_4_samtaler: 0 }); // the row is there
    expect(measured(rows, "2023-02").maalgruppe).toBe(1);
  });

  it("«leaving out people exempt in at least 50 % of the spell's months so far»: 49 of 100 is in, 50 of 100 is out", () => {
    const exempt = (n: number) => ({ ydelsesmaaneder: months("p", "101", "2015-01", 100, "kontanthjaelp", { fritaget: Array.from({ length: n }, (_, i) => i) }) });
    expect(measured(exempt(49), "2023-04").maalgruppe).toBe(1);
    expect(measured(exempt(50), "2023-04").maalgruppe).toBe(0);
    // 6 of 12 is exactly half: out.
    const half = { ydelsesmaaneder: months("p", "101", "2022-01", 12, "kontanthjaelp", { fritaget: [0, 1, 2, 3, 4, 5] }) };
    expect(measured(half, "2022-12").maalgruppe).toBe(0);
  });

  it("«The 50 % is of the spell's counted (non-dead) months up to m»: an exempt dead month is not counted", () => {
    // 13 months, 2022-01 dead and exempt, 6 more exempt: 6 of 12 counted → out; were the dead
    // month counted, 7 of 13 would also be out, so check 5 exempt + the dead one: 5 of 12 → in.
    const rows = {
      ydelsesmaaneder: months("p", "101", "2022-01", 13, "kontanthjaelp", { doed: [0], fritaget: [0, 1, 2, 3, 4, 5] }),
    };
    expect(measured(rows, "2023-01").maalgruppe).toBe(1);
  });

  it("«A person counts for the kommune they belong to in month m»", () => {
    const t = run(plan, { ydelsesmaaneder: [...months("p", "101", "2022-01", 11, "kontanthjaelp"), ...months("p", "147", "2022-12", 2, "kontanthjaelp")] });
    expect(row(t, "147", "2022-12")!.maalgruppe).toBe(1);
    expect(row(t, "101", "2022-12")).toBeUndefined();
  });
});

describe("§ 3b window: «the last 12 counted (non-dead) months of the spell up to m»", () => {
  it("a dead month stretches the window back by a month", () => {
    // Four personal job interviews; the first on 2022-01-15. In 2023-01 the window is the last 12
    // counted months: 2022-02..2023-01 without a dead month, 2022-01..2023-01 with 2022-06 dead.
    const interviews = events("p", ["2022-01-15", "2022-08-01", "2022-09-01", "2022-10-01"], "jobsamtale,personligt");
    const live = { ydelsesmaaneder: months("p", "101", "2022-01", 13, "kontanthjaelp"), samtaler: interviews };
    const dead = { ydelsesmaaneder: months("p", "101", "2022-01", 13, "kontanthjaelp", { doed: [5] }), samtaler: interviews };
    expect(measured(live, "2023-01").under_4_samtaler).toBe(1);
    expect(measured(dead, "2023-01").under_4_samtaler).toBe(0);
  });

  it("«an event dated inside that range counts even if its month was dead»", () => {
    const interviews = events("p", ["2022-06-10", "2022-08-01", "2022-09-01", "2022-10-01"], "jobsamtale,personligt");
    const rows = { ydelsesmaaneder: months("p", "101", "2022-01", 13, "kontanthjaelp", { doed: [5] }), samtaler: interviews };
    expect(measured(rows, "2023-01").under_4_samtaler).toBe(0);
  });

  it("«from the first day of the earliest of those 12 months to the last day of m»", () => {
    const rows = (dates: string[]) => ({ ydelsesmaaneder: months("p", "101", "2022-01", 13, "kontanthjaelp"), samtaler: events("p", dates, "jobsamtale,personligt") });
    // Window in 2023-01: 2022-02-01 .. 2023-01-31.
    expect(measured(rows(["2022-02-01", "2022-05-01", "2022-09-01", "2023-01-31"]), "2023-01").under_4_samtaler).toBe(0);
    expect(measured(rows(["2022-01-31", "2022-05-01", "2022-09-01", "2023-01-31"]), "2023-01").under_4_samtaler).toBe(1);
    expect(measured(rows(["2022-02-01", "2022-05-01", "2022-09-01", "2023-02-01"]), "2023-01").under_4_samtaler).toBe(1);
  });
});

describe("§ 3b focus 1: «no counting offer … and fewer than 100 hours of ordinary work summed over the window (100 counts as met)»", () => {
  const spell = months("p", "101", "2022-01", 12, "kontanthjaelp");

  it("99,99 hours is fewer than 100; 100 hours is met", () => {
    expect(measured({ ydelsesmaaneder: spell, timer: ["p,2022-03,50.5", "p,2022-07,49.49"] }, "2022-12").uden_tilbud).toBe(1);
    expect(measured({ ydelsesmaaneder: spell, timer: ["p,2022-03,50.5", "p,2022-07,49.5"] }, "2022-12").uden_tilbud).toBe(0);
    expect(measured({ ydelsesmaaneder: spell, timer: ["p,2022-03,99"] }, "2022-12").uden_tilbud).toBe(1);
    expect(measured({ ydelsesmaaneder: spell, timer: ["p,2022-03,100"] }, "2022-12").uden_tilbud).toBe(0);
  });

  it("hours outside the window do not count", () => {
    const long = months("p", "101", "2022-01", 13, "kontanthjaelp");
    expect(measured({ ydelsesmaaneder: long, timer: ["p,2022-01,100"] }, "2022-12").uden_tilbud).toBe(0);
    expect(measured({ ydelsesmaaneder: long, timer: ["p,2022-01,100"] }, "2023-01").uden_tilbud).toBe(1);
  });

  it("one counting offer in the window is enough (LAB chapters 11–14)", () => {
    for (const art of ["virksomhedspraktik", "loentilskud", "nytteindsats", "vejledning_opkvalificering"]) {
      expect(measured({ ydelsesmaaneder: spell, tilbud: [`p,2022-04-01,${art}`] }, "2022-12").uden_tilbud, art).toBe(0);
    }
    expect(measured({ ydelsesmaaneder: spell }, "2022-12").uden_tilbud).toBe(1);
  });

  it("«øvrig vejledning og opkvalificering (LAB § 91) dated on or after 2023-03-22 counts only for uddannelseshjælp or overgangsydelse»", () => {
    const offer = (ydelse: string, from: string, date: string, month: string) =>
      measured({ ydelsesmaaneder: months("p", "101", from, 12, ydelse), tilbud: [`p,${date},oevrig_vejledning_91`] }, month).uden_tilbud;
    // Before the date: counts for kontanthjælp as for uddannelseshjælp.
    expect(offer("kontanthjaelp", "2022-01", "2022-06-01", "2022-12")).toBe(0);
    expect(offer("uddannelseshjaelp", "2022-01", "2022-06-01", "2022-12")).toBe(0);
    // The last day before, and the day itself.
    expect(offer("kontanthjaelp", "2022-07", "2023-03-21", "2023-06")).toBe(0);
    expect(offer("kontanthjaelp", "2022-07", "2023-03-22", "2023-06")).toBe(1);
    expect(offer("uddannelseshjaelp", "2022-07", "2023-03-22", "2023-06")).toBe(0);
    expect(offer("overgangsydelse", "2022-07", "2023-03-22", "2023-06")).toBe(0);
  });

  it("«… for a person on uddannelseshjælp or overgangsydelse at the offer's date»", () => {
    // A kontanthjælp spell 2023-01..2024-01 whose dead month 2023-05 is on overgangsydelse: an
    // offer dated in that month was given to an overgangsydelse recipient and counts; one dated
    // in the next month was given on kontanthjælp and does not. The window in 2024-01 holds both.
    const spellRows = months("p", "101", "2023-01", 13, "kontanthjaelp", { doed: [4] }).map((l) => (l.includes("2023-05") ? l.replace("kontanthjaelp", "overgangsydelse") : l));
    const rows = (date: string) => ({ ydelsesmaaneder: spellRows, tilbud: [`p,${date},oevrig_vejledning_91`] });
    expect(measured(rows("2023-05-10"), "2024-01").uden_tilbud).toBe(0);
    expect(measured(rows("2023-06-10"), "2024-01").uden_tilbud).toBe(1);
  });
});

describe("§ 3b focus 2: «fewer than 4 counting interviews dated in the window»", () => {
  const spell = months("p", "101", "2022-01", 12, "kontanthjaelp");
  const interviews = (n: number, form = "personligt") => events("p", ["2022-02-01", "2022-04-01", "2022-06-01", "2022-08-01"].slice(0, n), `jobsamtale,${form}`);

  it("3 interviews is fewer than 4; 4 is met", () => {
    expect(measured({ ydelsesmaaneder: spell, samtaler: interviews(3) }, "2022-12").under_4_samtaler).toBe(1);
    expect(measured({ ydelsesmaaneder: spell, samtaler: interviews(4) }, "2022-12").under_4_samtaler).toBe(0);
  });

  it("«job interviews before 2023-03-22 count in any form», even the spell's first by phone", () => {
    expect(measured({ ydelsesmaaneder: spell, samtaler: interviews(4, "telefon") }, "2022-12").under_4_samtaler).toBe(0);
  });

  it("«the first job interview of the spell counts only if held in person» from 2023-03-22", () => {
    const after = months("p", "101", "2023-04", 12, "kontanthjaelp");
    const dates = ["2023-04-03", "2023-06-01", "2023-08-01", "2023-10-01"];
    const byPhone = events("p", dates, "jobsamtale,telefon");
    expect(measured({ ydelsesmaaneder: after, samtaler: byPhone }, "2024-03").under_4_samtaler).toBe(1);
    // The first in person, the rest by phone or digitally: all four count.
    const firstInPerson = [`p,${dates[0]},jobsamtale,personligt`, `p,${dates[1]},jobsamtale,telefon`, `p,${dates[2]},jobsamtale,digitalt`, `p,${dates[3]},jobsamtale,telefon`];
    expect(measured({ ydelsesmaaneder: after, samtaler: firstInPerson }, "2024-03").under_4_samtaler).toBe(0);
  });

  it("of two job interviews on the spell's first day, one in person and one by phone, the one in person is the first: both count", () => {
    const after = months("p", "101", "2023-04", 12, "kontanthjaelp");
    const rest = events("p", ["2023-08-01", "2023-10-01"], "jobsamtale,telefon");
    // In either order in the file.
    for (const sameDay of [["p,2023-04-03,jobsamtale,telefon", "p,2023-04-03,jobsamtale,personligt"], ["p,2023-04-03,jobsamtale,personligt", "p,2023-04-03,jobsamtale,telefon"]]) {
      expect(measured({ ydelsesmaaneder: after, samtaler: [...sameDay, ...rest] }, "2024-03").under_4_samtaler).toBe(0);
    }
    // Both by phone: one of them is the first and does not count.
    const byPhone = ["p,2023-04-03,jobsamtale,telefon", "p,2023-04-03,jobsamtale,digitalt"];
    expect(measured({ ydelsesmaaneder: after, samtaler: [...byPhone, ...rest] }, "2024-03").under_4_samtaler).toBe(1);
  });

  it("the first job interview is the first of the spell: a new spell has a new first", () => {
    // kontanthjælp 2023-01..03 with one job interview in person, then uddannelseshjælp from 2023-04:
    // the phone interview of 2023-04-03 is the first of the new spell and does not count.
    const rows = {
      ydelsesmaaneder: [...months("p", "101", "2023-01", 3, "kontanthjaelp"), ...months("p", "101", "2023-04", 12, "uddannelseshjaelp")],
      samtaler: [
        "p,2023-02-01,jobsamtale,personligt",
        ...events("p", ["2023-04-03", "2023-06-01", "2023-08-01", "2023-10-01"], "jobsamtale,telefon"),
      ],
    };
    expect(measured(rows, "2024-03").under_4_samtaler).toBe(1);
  });

  it("«A sickness follow-up interview counts whatever its form», also as the spell's first after 2023-03-22", () => {
    const rows = {
      ydelsesmaaneder: months("p", "101", "2023-04", 12, "sygedagpenge"),
      samtaler: events("p", ["2023-04-03", "2023-06-01", "2023-08-01", "2023-10-01"], "sygeopfoelgning,telefon"),
    };
    expect(measured(rows, "2024-03").under_4_samtaler).toBe(0);
  });

  it("counts only people in the target group", () => {
    expect(measured({ ydelsesmaaneder: spell }, "2022-11")).toEqual({ maalgruppe: 0, uden_tilbud: 0, under_4_samtaler: 0 });
    expect(measured({ ydelsesmaaneder: spell }, "2022-12")).toEqual({ maalgruppe: 1, uden_tilbud: 1, under_4_samtaler: 1 });
  });
});
