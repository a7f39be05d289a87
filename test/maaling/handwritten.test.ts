// The hand-written § 3b measurement (bench/handwritten/fokusmaal.ts), scenario by scenario from
// the sentences of domain.md § 3b, each at its boundary. The same scenarios are the oracle for
// policies/maaling/fokusmaal.tilsyn.

import { describe, expect, it } from "vitest";
import {
  fromRows,
  measure,
  monthIndex,
  monthLabel,
  parseHours,
  toCsv,
  type HoursRow,
  type InterviewRow,
  type MeasuredRow,
  type MonthRow,
  type OfferRow,
  type Ydelse,
} from "../../bench/handwritten/fokusmaal.js";

interface SpellOptions {
  person?: string;
  kommune?: string;
  ydelse?: Ydelse;
  /** Offsets (0-based) of dead months within the spell. */
  dead?: number[];
  /** Offsets of exempt months. */
  exempt?: number[];
}

/** `n` consecutive months from `from` for one person. */
function spell(from: string, n: number, o: SpellOptions = {}): MonthRow[] {
  const start = monthIndex(from);
  return Array.from({ length: n }, (_, k) => ({
    person: o.person ?? "a",
    kommune: o.kommune ?? "101",
    maaned: monthLabel(start + k),
    ydelse: o.ydelse ?? "kontanthjaelp",
    fritaget: o.exempt?.includes(k) ? 1 : 0,
    doed: o.dead?.includes(k) ? 1 : 0,
  }));
}

interface Case {
  months: MonthRow[];
  interviews?: InterviewRow[];
  offers?: OfferRow[];
  hours?: HoursRow[];
}

/** The measured row of kommune (default 101) and month. */
function at(c: Case, maaned: string, kommune = 101): MeasuredRow {
  const rows = measure(fromRows(c));
  const row = rows.find((r) => r.kommune === kommune && r.month === monthIndex(maaned));
  if (!row) throw new Error(`ingen række for ${kommune} ${maaned}`);
  return row;
}

const job = (dato: string, form: InterviewRow["form"] = "personligt", person = "a"): InterviewRow => ({ person, dato, art: "jobsamtale", form });
const syge = (dato: string, form: InterviewRow["form"] = "personligt"): InterviewRow => ({ person: "a", dato, art: "sygeopfoelgning", form });
/** Four in-person job interviews in 2022-09 … 2022-12, enough for focus 2 in a window ending 2022-12. */
const fourInterviews = ["2022-09-05", "2022-10-05", "2022-11-05", "2022-12-05"].map((d) => job(d));

describe("target group (målgruppe)", () => {
  it("«samlet varighed på mindst 12 måneder»: 11 counted months are not enough, 12 are", () => {
    const c = { months: spell("2022-01", 12) };
    expect(at(c, "2022-11").maalgruppe).toBe(0);
    expect(at(c, "2022-12").maalgruppe).toBe(1);
  });

  it("«ved ydelsesskift starter der … en ny periode»: a benefit change restarts the count", () => {
    const c = { months: [...spell("2022-01", 6, { ydelse: "a-dagpenge" }), ...spell("2022-07", 12)] };
    expect(at(c, "2022-12").maalgruppe).toBe(0);
    expect(at(c, "2023-05").maalgruppe).toBe(0);
    expect(at(c, "2023-06").maalgruppe).toBe(1);
  });

  it("a month without benefit ends the spell", () => {
    const c = { months: [...spell("2022-01", 6), ...spell("2022-08", 11)] }; // 2022-07 missing
    expect(at(c, "2023-06").maalgruppe).toBe(0);
  });

  it("«død periode»: a dead month neither counts nor breaks the spell", () => {
    const c = { months: spell("2022-01", 13, { dead: [4] }) };
    expect(at(c, "2022-12").maalgruppe).toBe(0); // 11 counted months
    expect(at(c, "2023-01").maalgruppe).toBe(1); // 12 counted, the spell unbroken
  });

  it("«dead months … neither count nor break the spell», whatever the dead month's benefit", () => {
    // kontanthjælp, then 2022-06 dead on sygedagpenge (barsel), then kontanthjælp again: one spell
    // of 12 counted months in 2023-01. A change of benefit in a counted month would restart it, and
    // so does the dead month when it is not dead.
    const onOther = (doed: 0 | 1): MonthRow[] => spell("2022-01", 13, { dead: doed ? [5] : [] }).map((r) => (r.maaned === "2022-06" ? { ...r, ydelse: "sygedagpenge" } : r));
    expect(at({ months: onOther(1) }, "2022-12").maalgruppe).toBe(0); // 11 counted months
    expect(at({ months: onOther(1) }, "2023-01").maalgruppe).toBe(1);
    expect(at({ months: onOther(0) }, "2023-01").maalgruppe).toBe(0);
    // A spell that begins with a dead month on another benefit is the counted months' spell.
    const deadFirst = spell("2022-01", 13, { dead: [0] }).map((r) => (r.maaned === "2022-01" ? { ...r, ydelse: "a-dagpenge" as const } : r));
    expect(at({ months: deadFirst }, "2023-01").maalgruppe).toBe(1);
  });

  it("a person whose month is itself dead is not in the target group that month", () => {
    const c = { months: spell("2022-01", 14, { dead: [13] }) };
    expect(at(c, "2023-01").maalgruppe).toBe(1);
    expect(at(c, "2023-02").maalgruppe).toBe(0);
  });

  it("«fritaget mindst 50 pct. af ydelsesforløbet udgår»: exactly 50 % is out, 49 % is in", () => {
    const exempt50 = Array.from({ length: 50 }, (_, k) => 2 * k);
    const exempt49 = exempt50.slice(0, 49);
    const fifty = { months: spell("2015-01", 100, { exempt: exempt50 }) };
    const fortyNine = { months: spell("2015-01", 100, { exempt: exempt49 }) };
    expect(at(fifty, "2023-04").maalgruppe).toBe(0);
    expect(at(fortyNine, "2023-04").maalgruppe).toBe(1);
  });

  it("the 50 % is of the counted months so far: dead months are not in the denominator", () => {
    // 12 counted months, 6 exempt → out; the 2 dead months would make it 6/14 < 50 % if counted.
    const c = { months: spell("2022-01", 14, { dead: [0, 1], exempt: [2, 3, 4, 5, 6, 7] }) };
    expect(at(c, "2023-02").maalgruppe).toBe(0);
  });

  it("«tilhører … kommune»: a person counts for the kommune of the month, and a move does not break the spell", () => {
    const c = { months: [...spell("2022-01", 11, { kommune: "101" }), ...spell("2022-12", 1, { kommune: "851" })] };
    expect(at(c, "2022-12", 851).maalgruppe).toBe(1);
    expect(at(c, "2022-11", 101).maalgruppe).toBe(0);
  });
});

describe("window and focus 2 (under_4_samtaler)", () => {
  it("3 counting interviews in the window are under 4, 4 are not", () => {
    const months = spell("2022-01", 12);
    expect(at({ months, interviews: fourInterviews.slice(0, 3) }, "2022-12").under_4_samtaler).toBe(1);
    expect(at({ months, interviews: fourInterviews }, "2022-12").under_4_samtaler).toBe(0);
  });

  it("«de seneste 12 måneder»: an interview before the window does not count", () => {
    const months = spell("2022-01", 13);
    const interviews = [job("2022-01-31"), ...fourInterviews.slice(1)];
    expect(at({ months, interviews }, "2022-12").under_4_samtaler).toBe(0);
    expect(at({ months, interviews }, "2023-01").under_4_samtaler).toBe(1);
  });

  it("a dead month stretches the window back, and an interview dated in a dead month counts", () => {
    const interviews = [job("2022-01-10"), ...fourInterviews.slice(1)];
    const dead = { months: spell("2022-01", 13, { dead: [4] }), interviews };
    const alive = { months: spell("2022-01", 13), interviews };
    expect(at(dead, "2023-01").under_4_samtaler).toBe(0); // window 2022-01 … 2023-01
    expect(at(alive, "2023-01").under_4_samtaler).toBe(1); // window 2022-02 … 2023-01
    const inDeadMonth = { months: spell("2022-01", 13, { dead: [8] }), interviews: [job("2022-09-20"), ...fourInterviews.slice(1)] };
    expect(at(inDeadMonth, "2023-01").under_4_samtaler).toBe(0);
  });

  it("«den første jobsamtale holdes ved personligt fremmøde»: by phone it counts before 2023-03-22, not from that day", () => {
    const months = spell("2022-06", 19); // … 2023-12; window 2023-01 … 2023-12
    const later = [job("2023-05-01", "telefon"), job("2023-07-01", "digitalt"), job("2023-09-01")];
    expect(at({ months, interviews: [job("2023-03-21", "telefon"), ...later] }, "2023-12").under_4_samtaler).toBe(0);
    expect(at({ months, interviews: [job("2023-03-22", "telefon"), ...later] }, "2023-12").under_4_samtaler).toBe(1);
    expect(at({ months, interviews: [job("2023-03-22", "personligt"), ...later] }, "2023-12").under_4_samtaler).toBe(0);
  });

  it("the first job interview is the spell's first, even when it lies before the window", () => {
    const months = spell("2023-04", 13); // … 2024-04; window 2023-05 … 2024-04
    const interviews = [job("2023-04-03", "telefon"), job("2023-06-01", "telefon"), job("2023-08-01", "telefon"), job("2023-10-01", "telefon"), job("2023-12-01", "telefon")];
    expect(at({ months, interviews }, "2024-04").under_4_samtaler).toBe(0); // the four later ones all count
  });

  it("a new spell has its own first job interview", () => {
    const months = [...spell("2023-04", 2, { ydelse: "a-dagpenge" }), ...spell("2023-06", 12)];
    const interviews = [job("2023-04-10"), job("2023-06-10", "telefon"), job("2023-08-10"), job("2023-10-10"), job("2023-12-10")];
    expect(at({ months, interviews }, "2024-05").under_4_samtaler).toBe(1); // the phone one is the spell's first
  });

  it("«sygeopfølgningssamtaler» count in any form and are not the first job interview", () => {
    const months = spell("2023-01", 12, { ydelse: "sygedagpenge" });
    const phone = ["2023-04-03", "2023-05-03", "2023-06-03", "2023-07-03"].map((d) => syge(d, "telefon"));
    expect(at({ months, interviews: phone }, "2023-12").under_4_samtaler).toBe(0);
    const mixed = [...phone.slice(0, 3), job("2023-09-01", "telefon")];
    expect(at({ months, interviews: mixed }, "2023-12").under_4_samtaler).toBe(1);
  });

  it("events of another person, or outside every spell, do not count", () => {
    const months = [...spell("2022-01", 12), ...spell("2022-01", 1, { person: "b" })];
    const interviews = [...fourInterviews.slice(0, 3), job("2022-12-01", "personligt", "b")];
    expect(at({ months, interviews }, "2022-12").under_4_samtaler).toBe(1);
  });
});

describe("focus 1 (uden_tilbud)", () => {
  const months = spell("2023-01", 12);
  const hoursOf = (...timer: string[]): HoursRow[] => timer.map((t, k) => ({ person: "a", maaned: monthLabel(monthIndex("2023-02") + k), timer: t }));

  it("no offer and no hours: without an offer", () => {
    expect(at({ months }, "2023-12").uden_tilbud).toBe(1);
  });

  it("«under 100 timer»: 99.99 hours is under, exactly 100 (from decimals) is met", () => {
    expect(at({ months, hours: hoursOf("50.5", "49.49") }, "2023-12").uden_tilbud).toBe(1);
    expect(at({ months, hours: hoursOf("50.5", "49.5") }, "2023-12").uden_tilbud).toBe(0);
    expect(at({ months, hours: hoursOf("33.33", "33.33", "33.34") }, "2023-12").uden_tilbud).toBe(0);
    expect(at({ months, hours: hoursOf("99") }, "2023-12").uden_tilbud).toBe(1);
    expect(at({ months, hours: hoursOf("100") }, "2023-12").uden_tilbud).toBe(0);
  });

  it("hours before the window do not count", () => {
    const c = { months: spell("2022-12", 13), hours: [{ person: "a", maaned: "2022-12", timer: "150" }] };
    expect(at(c, "2023-11").uden_tilbud).toBe(0);
    expect(at(c, "2023-12").uden_tilbud).toBe(1);
  });

  it("an offer of one of LAB kapitel 11–14 dated in the window counts", () => {
    for (const art of ["virksomhedspraktik", "loentilskud", "nytteindsats", "vejledning_opkvalificering"] as const) {
      expect(at({ months, offers: [{ person: "a", dato: "2023-06-15", art }] }, "2023-12").uden_tilbud).toBe(0);
    }
  });

  it("«§ 91 … kun for uddannelseshjælp og overgangsydelse»: kontanthjælp before vs after 2023-03-22", () => {
    const kontant = spell("2022-06", 12);
    expect(at({ months: kontant, offers: [{ person: "a", dato: "2023-03-21", art: "oevrig_vejledning_91" }] }, "2023-05").uden_tilbud).toBe(0);
    expect(at({ months: kontant, offers: [{ person: "a", dato: "2023-03-22", art: "oevrig_vejledning_91" }] }, "2023-05").uden_tilbud).toBe(1);
  });

  it("a § 91 offer after 2023-03-22 counts for uddannelseshjælp and overgangsydelse", () => {
    for (const ydelse of ["uddannelseshjaelp", "overgangsydelse"] as const) {
      const c = { months: spell("2022-06", 12, { ydelse }), offers: [{ person: "a", dato: "2023-03-22", art: "oevrig_vejledning_91" as const }] };
      expect(at(c, "2023-05").uden_tilbud).toBe(0);
    }
  });

  it("«… for a person on uddannelseshjælp or overgangsydelse at the offer's date»: the benefit of the offer's month, a dead month's own", () => {
    // A kontanthjælp spell 2023-01..2024-01 whose dead month 2023-05 is on overgangsydelse; the
    // window in 2024-01 holds 2023-01..2024-01 (12 counted months and the dead one).
    const months = spell("2023-01", 13, { dead: [4] }).map((r) => (r.maaned === "2023-05" ? { ...r, ydelse: "overgangsydelse" as const } : r));
    const offer = (dato: string): OfferRow[] => [{ person: "a", dato, art: "oevrig_vejledning_91" }];
    expect(at({ months, offers: offer("2023-05-10") }, "2024-01").uden_tilbud).toBe(0);
    expect(at({ months, offers: offer("2023-06-10") }, "2024-01").uden_tilbud).toBe(1);
  });

  it("focus numerators count only people in the target group", () => {
    const c = { months: spell("2023-01", 11) };
    expect(at(c, "2023-11")).toEqual({ kommune: 101, month: monthIndex("2023-11"), maalgruppe: 0, uden_tilbud: 0, under_4_samtaler: 0 });
  });
});

describe("output and exact hours", () => {
  it("one row per kommune and month with a person-month, sorted by kommune and month", () => {
    const c = { months: [...spell("2023-02", 2, { person: "b", kommune: "851", dead: [0, 1] }), ...spell("2023-01", 2)] };
    expect(toCsv(measure(fromRows(c)))).toBe(
      "kommune,maaned,maalgruppe,uden_tilbud,under_4_samtaler\n101,2023-01,0,0,0\n101,2023-02,0,0,0\n851,2023-02,0,0,0\n851,2023-03,0,0,0\n",
    );
  });

  it("reads hours exactly in ten-thousandths and rejects what is not a non-negative number", () => {
    expect(parseHours("37.5")).toBe(375000);
    expect(parseHours("0,01")).toBe(100);
    expect(parseHours("100")).toBe(1_000_000);
    expect(() => parseHours("-1")).toThrow();
    expect(() => parseHours("1.23456")).toThrow();
  });
});
