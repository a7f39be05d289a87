// Scenarios for policies/skaerpet-tilsyn.tilsyn, written from domain.md § 3 (seed 003_*: law
// chapter 3 a and executive order no. 301 of 20 March 2023 on enhanced supervision). Annual
// assessment of calendar-year data, published 1 April of the next year; result goal (§ 4) and
// two focus goals (§ 5) as the mean of 12 monthly shares; entry (§ 6) with its deadlines
// (§§ 6–8 and the 9-month recovery period), exit (§ 10), extension (§ 11), administration
// (§ 12) and its end (§ 13).

import { describe, expect, it } from "vitest";
import type { PolicyEvent } from "../../runtime/events.js";
import { csv, deadlinesOn, FOKUS_HEADER, fokusYear, months, ofType, run, transitions, YDELSESGRAD_HEADER } from "./helpers.js";

type Row = (string | number | null | undefined)[];

/** One year of a municipality: benefit rates (percent) and the focus counts of every month. */
interface Year {
  year: number;
  faktisk: number;
  forventet: number;
  /** Per month [maalgruppe, uden_tilbud, under_4_samtaler]: one triple for all 12, or 12 triples. */
  fokus: [number, number | null, number | null] | [number, number | null, number | null][];
  /** Months (1–12) left out of fokusmaal.csv. */
  missing?: number[];
}

function skaerpet(kommune: string, years: Year[], extra: { fokus?: Row[]; ydelsesgrad?: Row[] } = {}): PolicyEvent[] {
  const fokus: Row[] = [];
  const ydelsesgrad: Row[] = [];
  for (const y of years) {
    ydelsesgrad.push([kommune, y.year, y.faktisk.toFixed(1), y.forventet.toFixed(1)]);
    months(`${y.year}-01`, 12).forEach((m, i) => {
      if (y.missing?.includes(i + 1)) return;
      const triple = (Array.isArray(y.fokus[0]) ? (y.fokus as [number, number | null, number | null][])[i] : y.fokus) as [number, number | null, number | null];
      fokus.push([kommune, m, ...triple]);
    });
  }
  return run("skaerpet-tilsyn", {
    fokusmaal: csv(FOKUS_HEADER, [...fokus, ...(extra.fokus ?? [])]),
    ydelsesgrad: csv(YDELSESGRAD_HEADER, [...ydelsesgrad, ...(extra.ydelsesgrad ?? [])]),
  });
}

// Shorthands for a year's focus counts out of 1,000 in every month.
const BAD = { faktisk: 8.2, forventet: 7.7 }; // result goal not met (§ 4)
const GOOD = { faktisk: 7.2, forventet: 7.7 }; // result goal met
const fokus = (udenTilbud: number, under4: number): [number, number, number] => [1000, udenTilbud, under4];
const MET = fokus(250, 100); // 25 % and 10 %: both focus goals met
const ENTRY = fokus(350, 100); // 35 % without offer: focus goal 1 not met

describe("skærpet tilsyn, indtræden (§ 6): resultatmålet og fokusmålene ikke opfyldt (domain.md § 3, seed 003)", () => {
  it("2023 data, result goal not met (8.2 > 7.7) and focus goal 1 not met (35 %): enters enhanced supervision on 1 April 2024", () => {
    const events = skaerpet("101", [{ year: 2023, ...BAD, fokus: ENTRY }]);
    const [state] = ofType(events, "tilstand");
    expect(state).toMatchObject({
      policy: "skærpet_tilsyn",
      kommune: "101",
      period: "2023",
      date: "2024-04-01",
      type: "tilstand",
      rule: "indtræden",
      from: "normal",
      to: "skærpet_tilsyn",
      source: "Bekendtgørelse nr. 301 af 20. marts 2023, § 6",
    });
    // The entry shares are remembered for § 11, and shown.
    expect(state!.values).toMatchObject({ udgangspunkt_tilbud: 35, udgangspunkt_samtaler: 10, andel_uden_tilbud: 35, resultatmål: false });
  });

  it("deadlines on entry for 2023 data: notice by 30 April, account by 31 July, recovery period to 31 December 2024; § 8's week of notice for an optional meeting is no deadline", () => {
    const events = skaerpet("101", [{ year: 2023, ...BAD, fokus: ENTRY }]);
    expect(deadlinesOn(events, "2024-04-01")).toEqual({
      meddelelse: "2024-04-30", // § 6, stk. 2: before the end of April
      redegørelse: "2024-07-31", // § 7: within 3 months of the notice
      genopretning_slut: "2024-12-31", // 9 months from publication (1 April 2024)
    });
    const frister = ofType(events, "frist");
    expect(frister.every((e) => e.rule === "indtræden" && e.period === "2023" && e.date === "2024-04-01")).toBe(true);
    expect(frister.find((e) => e.name === "redegørelse")!.source).toBe("Bekendtgørelse nr. 301 af 20. marts 2023, § 7");
  });

  it("no entry when actual equals expected (7.7 = 7.7: 'at most' means the result goal is met), however bad the focus goals", () => {
    expect(skaerpet("101", [{ year: 2023, faktisk: 7.7, forventet: 7.7, fokus: fokus(600, 600) }])).toEqual([]);
  });

  it("no entry when the result goal is not met but both focus goals are", () => {
    expect(skaerpet("101", [{ year: 2023, ...BAD, fokus: MET }])).toEqual([]);
  });

  it("focus goal 2 alone not met (exactly 20 % with fewer than 4 interviews is not under 20 %): entry", () => {
    const events = skaerpet("101", [{ year: 2023, ...BAD, fokus: fokus(250, 200) }]);
    expect(transitions(events)).toEqual(["2024-04-01 normal→skærpet_tilsyn (indtræden)"]);
    expect(ofType(events, "tilstand")[0]!.values).toMatchObject({ fokusmål_tilbud: true, fokusmål_samtaler: false, andel_under_4_samtaler: 20 });
  });

  it("the policy is in force from 22 March 2023: 2021 data (1 April 2022) gives no entry, 2022 data (1 April 2023) does", () => {
    const events = skaerpet("101", [
      { year: 2021, ...BAD, fokus: ENTRY },
      { year: 2022, ...BAD, fokus: ENTRY },
    ]);
    expect(transitions(events)).toEqual(["2023-04-01 normal→skærpet_tilsyn (indtræden)"]);
    expect(deadlinesOn(events, "2023-04-01")).toEqual({
      meddelelse: "2023-04-30",
      redegørelse: "2023-07-31",
      genopretning_slut: "2023-12-31",
    });
  });
});

describe("skærpet tilsyn, fokusmål (§ 5): gennemsnittet af 12 månedlige andele, afgjort eksakt (domain.md § 3 og 'Arithmetic at the boundaries')", () => {
  it("300 of 1,000 without an offer in each of 12 months is exactly 30 %, NOT under 30 %: focus goal 1 not met, so entry", () => {
    const events = skaerpet("101", [{ year: 2023, ...BAD, fokus: fokus(300, 100) }]);
    expect(transitions(events)).toEqual(["2024-04-01 normal→skærpet_tilsyn (indtræden)"]);
    expect(ofType(events, "tilstand")[0]!.values).toMatchObject({ andel_uden_tilbud: 30, fokusmål_tilbud: false });
  });

  it("299 of 1,000 in one of the 12 months brings the mean just under 30 %: both goals met, no entry", () => {
    const perMonth = Array.from({ length: 12 }, (_, i) => fokus(i === 6 ? 299 : 300, 100));
    expect(skaerpet("101", [{ year: 2023, ...BAD, fokus: perMonth }])).toEqual([]);
  });

  it("mean of monthly shares under 30 % while the pooled share is not: goal met, no entry", () => {
    // January 900 of 1,000 (90 %), then 20 of 100 (20 %): mean 310/12 = 25.8 %; pooled 1120/2100 = 53.3 %.
    const perMonth: [number, number, number][] = Array.from({ length: 12 }, (_, i) => (i === 0 ? [1000, 900, 100] : [100, 20, 10]));
    expect(skaerpet("101", [{ year: 2023, ...BAD, fokus: perMonth }])).toEqual([]);
  });

  it("mean of monthly shares not under 30 % while the pooled share is: goal not met, entry", () => {
    // January 100 of 100 (100 %), then 250 of 1,000 (25 %): mean 375/12 = 31.25 %; pooled 2850/11100 = 25.7 %.
    const perMonth: [number, number, number][] = Array.from({ length: 12 }, (_, i) => (i === 0 ? [100, 100, 10] : [1000, 250, 100]));
    const events = skaerpet("101", [{ year: 2023, ...BAD, fokus: perMonth }]);
    expect(transitions(events)).toEqual(["2024-04-01 normal→skærpet_tilsyn (indtræden)"]);
    expect(ofType(events, "tilstand")[0]!.values["andel_uden_tilbud"]).toBe(31.3);
  });

  it("a year with a month missing from the focus data is undecided: no entry", () => {
    expect(skaerpet("101", [{ year: 2023, ...BAD, fokus: ENTRY, missing: [5] }])).toEqual([]);
  });
});

describe("skærpet tilsyn, ophør (§ 10): fokusmålene opfyldt ved næste årlige opgørelse (domain.md § 3, seed 003)", () => {
  it("entered on 2023 data, focus goals met in 2024: back to normal on 1 April 2025, whatever the result goal", () => {
    const events = skaerpet("101", [
      { year: 2023, ...BAD, fokus: ENTRY },
      { year: 2024, ...BAD, fokus: MET },
    ]);
    expect(transitions(events)).toEqual(["2024-04-01 normal→skærpet_tilsyn (indtræden)", "2025-04-01 skærpet_tilsyn→normal (ophør)"]);
    const exit = ofType(events, "tilstand")[1]!;
    expect(exit).toMatchObject({ period: "2024", source: "Bekendtgørelse nr. 301 af 20. marts 2023, § 10" });
    // No new deadlines on the way out.
    expect(deadlinesOn(events, "2025-04-01")).toEqual({});
  });

  it("back in normal, a municipality can enter again on a later assessment", () => {
    const events = skaerpet("101", [
      { year: 2023, ...BAD, fokus: ENTRY },
      { year: 2024, ...BAD, fokus: MET },
      { year: 2025, ...BAD, fokus: ENTRY },
    ]);
    expect(transitions(events)).toEqual([
      "2024-04-01 normal→skærpet_tilsyn (indtræden)",
      "2025-04-01 skærpet_tilsyn→normal (ophør)",
      "2026-04-01 normal→skærpet_tilsyn (indtræden)",
    ]);
    expect(deadlinesOn(events, "2026-04-01")["genopretning_slut"]).toBe("2026-12-31");
  });
});

describe("skærpet tilsyn, forlængelse (§ 11): mindst halvdelen af den påkrævede fremgang (domain.md § 3, seed 003)", () => {
  // The worked example: municipality A is at 50 % on focus goal 1 (limit 30 %) at entry, so it
  // must improve 20 points; it gets the extension with an improvement of at least 10 points.
  const entry: Year = { year: 2023, ...BAD, fokus: fokus(500, 100) };

  it("the worked example, 50 % → 40 % (10 points, exactly half of 20): the recovery period is extended by 12 months", () => {
    const events = skaerpet("825", [entry, { year: 2024, ...BAD, fokus: fokus(400, 100) }]);
    expect(transitions(events)).toEqual([
      "2024-04-01 normal→skærpet_tilsyn (indtræden)",
      "2025-04-01 skærpet_tilsyn→forlænget_genopretning (forlængelse)",
    ]);
    expect(ofType(events, "tilstand")[0]!.values["udgangspunkt_tilbud"]).toBe(50);
    expect(ofType(events, "tilstand")[1]).toMatchObject({ source: "Bekendtgørelse nr. 301 af 20. marts 2023, § 11" });
    expect(ofType(events, "tilstand")[1]!.values).toMatchObject({ udgangspunkt_tilbud: 50, andel_uden_tilbud: 40 });
    // 12 months after the end of the first recovery period (31 December 2024).
    expect(deadlinesOn(events, "2025-04-01")).toEqual({ genopretning_slut: "2025-12-31" });
  });

  it("the worked example, 50 % → 41 % (9 points, under half): administration from 1 April 2025", () => {
    const events = skaerpet("825", [entry, { year: 2024, ...BAD, fokus: fokus(410, 100) }]);
    expect(transitions(events)).toEqual([
      "2024-04-01 normal→skærpet_tilsyn (indtræden)",
      "2025-04-01 skærpet_tilsyn→administration (til_administration)",
    ]);
    expect(ofType(events, "tilstand")[1]!.source).toBe("Bekendtgørelse nr. 301 af 20. marts 2023, § 12");
  });

  it("both goals missed at entry: each must improve by half its gap (tilbud 50→40 and samtaler 30→25 extends; 30→26 does not)", () => {
    const both: Year = { year: 2023, ...BAD, fokus: fokus(500, 300) };
    const enough = skaerpet("101", [both, { year: 2024, ...BAD, fokus: fokus(400, 250) }]);
    expect(transitions(enough)[1]).toBe("2025-04-01 skærpet_tilsyn→forlænget_genopretning (forlængelse)");
    const short = skaerpet("101", [both, { year: 2024, ...BAD, fokus: fokus(400, 260) }]);
    expect(transitions(short)[1]).toBe("2025-04-01 skærpet_tilsyn→administration (til_administration)");
  });

  it("a goal met at the next assessment needs no improvement test: tilbud 50→29 (met) with samtaler 30→25 extends", () => {
    const events = skaerpet("101", [
      { year: 2023, ...BAD, fokus: fokus(500, 300) },
      { year: 2024, ...BAD, fokus: fokus(290, 250) },
    ]);
    expect(transitions(events)[1]).toBe("2025-04-01 skærpet_tilsyn→forlænget_genopretning (forlængelse)");
  });

  it("after the extension, focus goals met → normal (§ 11, 2. pkt.) on 1 April 2026", () => {
    const events = skaerpet("825", [entry, { year: 2024, ...BAD, fokus: fokus(400, 100) }, { year: 2025, ...BAD, fokus: MET }]);
    expect(transitions(events)).toEqual([
      "2024-04-01 normal→skærpet_tilsyn (indtræden)",
      "2025-04-01 skærpet_tilsyn→forlænget_genopretning (forlængelse)",
      "2026-04-01 forlænget_genopretning→normal (ophør_efter_forlængelse)",
    ]);
  });

  it("after the extension, focus goals still not met → administration (§ 12), even with further improvement", () => {
    const events = skaerpet("825", [entry, { year: 2024, ...BAD, fokus: fokus(400, 100) }, { year: 2025, ...BAD, fokus: fokus(310, 100) }]);
    expect(transitions(events)).toEqual([
      "2024-04-01 normal→skærpet_tilsyn (indtræden)",
      "2025-04-01 skærpet_tilsyn→forlænget_genopretning (forlængelse)",
      "2026-04-01 forlænget_genopretning→administration (administration_efter_forlængelse)",
    ]);
    expect(deadlinesOn(events, "2026-04-01")).toEqual({ meddelelse: "2026-04-30", sagsgennemgang: "2026-07-31" });
  });
});

describe("skærpet tilsyn, administration (§ 12) og dens ophør (§ 13) (domain.md § 3, seed 003)", () => {
  const entry: Year = { year: 2023, ...BAD, fokus: fokus(500, 100) };
  const tooLittle: Year = { year: 2024, ...BAD, fokus: fokus(410, 100) };

  it("administration: notice by the end of April and the independent case review due 3 months after the notice", () => {
    const events = skaerpet("101", [entry, tooLittle]);
    expect(deadlinesOn(events, "2025-04-01")).toEqual({ meddelelse: "2025-04-30", sagsgennemgang: "2025-07-31" });
    const review = ofType(events, "frist").find((e) => e.name === "sagsgennemgang")!;
    expect(review).toMatchObject({ rule: "til_administration", period: "2024", source: "Bekendtgørelse nr. 301 af 20. marts 2023, § 12, stk. 2" });
  });

  it("still not met a year later: administration goes on, with a new notice and case review (no state change event)", () => {
    const events = skaerpet("101", [entry, tooLittle, { year: 2025, ...BAD, fokus: fokus(400, 100) }]);
    expect(transitions(events)).toHaveLength(2);
    expect(deadlinesOn(events, "2026-04-01")).toEqual({ meddelelse: "2026-04-30", sagsgennemgang: "2026-07-31" });
    expect(ofType(events, "frist").filter((e) => e.date === "2026-04-01").every((e) => e.rule === "fortsat_administration")).toBe(true);
  });

  it("leaving administration (§ 13) when the annual assessment shows the focus goals met", () => {
    const events = skaerpet("101", [entry, tooLittle, { year: 2025, ...BAD, fokus: fokus(400, 100) }, { year: 2026, ...BAD, fokus: MET }]);
    expect(transitions(events)).toEqual([
      "2024-04-01 normal→skærpet_tilsyn (indtræden)",
      "2025-04-01 skærpet_tilsyn→administration (til_administration)",
      "2027-04-01 administration→normal (ophør_af_administration)",
    ]);
    expect(ofType(events, "tilstand")[2]!.source).toBe("Bekendtgørelse nr. 301 af 20. marts 2023, § 13");
  });
});

describe("skærpet tilsyn, ikke målt: et år med en manglende måned i fokusdata afgør intet (domain.md § 3; docs 'Ikke målt')", () => {
  it("entered on 2023 data; 2024 lacks May: no transition on 1 April 2025; met in 2025 → normal on 1 April 2026", () => {
    const events = skaerpet("101", [
      { year: 2023, ...BAD, fokus: ENTRY },
      { year: 2024, ...BAD, fokus: MET, missing: [5] },
      { year: 2025, ...BAD, fokus: MET },
    ]);
    expect(events.filter((e) => e.date === "2025-04-01")).toEqual([]);
    expect(transitions(events)).toEqual(["2024-04-01 normal→skærpet_tilsyn (indtræden)", "2026-04-01 skærpet_tilsyn→normal (ophør)"]);
  });

  it("a blank cell is 'not measured' too: a blank uden_tilbud in one month of 2024 leaves the state unchanged", () => {
    const perMonth: [number, number | null, number | null][] = Array.from({ length: 12 }, (_, i) => (i === 8 ? [1000, null, 100] : [1000, 410, 100]));
    const events = skaerpet("101", [{ year: 2023, ...BAD, fokus: fokus(500, 100) }, { year: 2024, ...BAD, fokus: perMonth }]);
    expect(transitions(events)).toEqual(["2024-04-01 normal→skærpet_tilsyn (indtræden)"]);
    expect(events.filter((e) => e.date === "2025-04-01")).toEqual([]);
  });

  it("a municipality with a good result goal never enters, whatever its focus data (also with a missing month)", () => {
    expect(skaerpet("101", [{ year: 2023, ...GOOD, fokus: ENTRY, missing: [1] }, { year: 2024, ...GOOD, fokus: ENTRY }])).toEqual([]);
  });
});

describe("skærpet tilsyn: hver kommune for sig (domain.md § 3)", () => {
  it("two municipalities in the same files are assessed on their own data", () => {
    const other = [...fokusYear("147", 2023, 1000, 250, 100)];
    const events = skaerpet("101", [{ year: 2023, ...BAD, fokus: ENTRY }], { fokus: other, ydelsesgrad: [["147", 2023, "9.0", "7.0"]] });
    expect(ofType(events, "tilstand").map((e) => e.kommune)).toEqual(["101"]);
  });
});
