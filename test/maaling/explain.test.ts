// `tilsyn explain` with a `måling`: the counts behind the measured rows of one kommune (issue #13).
// Expected numbers come from the rows: persons built so that each falls out at one known part (or
// counts), and, on the committed sample, the hand-written § 3b count (bench/handwritten) run on
// the sample and on the sample with the exemptions or hours removed.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../cli/run-cli.js";
import type { Explanation } from "../../compiler/explain.js";
import type { MeasureExplanation } from "../../compiler/explain-measure.js";
import { measure as handwritten, monthIndex, type PersonData } from "../../bench/handwritten/fokusmaal.js";
import { loadPersonDir } from "../../bench/maaling/load.js";
import { fokusmaalFile, months, personFolder } from "./measure.js";

const root = join(import.meta.dirname, "..", "..");
const sample = join(root, "data", "eksempel-personer");
const skaerpet = join(root, "policies", "skaerpet-tilsyn.tilsyn");

const folder = (files: Record<string, string[]>): string => personFolder(files);

async function explainJson(dir: string, periode: string, ...policies: string[]): Promise<Explanation & { measurements: MeasureExplanation[] }> {
  const r = await run("explain", fokusmaalFile, ...policies, "--data", dir, "--kommune", "101", "--periode", periode, "--format", "json");
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

/** The parts of each field, by their written text. */
const parts = (m: MeasureExplanation["months"][number], field: string) => Object.fromEntries(m.fields.find((f) => f.name === field)!.parts.map((p) => [p.text, p.notHolding]));
const VARIGHED = "varighed mindst 12";
const FRITAGET = "antal(måneder hvor fritaget = 1) / varighed under 50 %";
const TILBUD = "antal(tilbud) = 0";
const TIMER = "sum(timer) under 100";
const SAMTALER = "antal(samtaler) under 4";

/** Every explained month adds up: persons − dead = counted, each field = its base − its parts, and the table's row. */
function expectConsistent(m: MeasureExplanation["months"][number]) {
  expect(m.counted).toBe(m.persons - m.dead);
  const value = (name: string) => m.fields.find((f) => f.name === name)!.value;
  for (const f of m.fields) {
    expect(f.value).toBe(f.from.count - f.parts.reduce((a, p) => a + p.notHolding, 0));
    expect(f.value).toBe(m.row?.[f.name] ?? 0);
  }
  // The focus measures count from the target group.
  for (const f of ["uden_tilbud", "under_4_samtaler"]) expect(m.fields.find((x) => x.name === f)!.from).toEqual({ count: value("maalgruppe"), label: "i maalgruppe" });
}

describe("tilsyn explain on hand-built persons, December 2022 in kommune 101", () => {
  // Each person falls out at one part (or counts everywhere); the window of December 2022 is 2022-01..12.
  const full = (p: string, opts: Parameters<typeof months>[5] = {}) => months(p, "101", "2022-01", 12, "kontanthjaelp", opts);
  const persons: { rows: string[]; out?: "død" | typeof VARIGHED | typeof FRITAGET; tilbud?: string[]; timer?: string[]; samtaler?: string[] }[] = [
    { rows: full("tolv") },
    { rows: months("elleve", "101", "2022-02", 11, "kontanthjaelp"), out: VARIGHED },
    // A change of benefit starts a new spell: 6 months of kontanthjælp after 6 of uddannelseshjælp.
    { rows: [...months("skift", "101", "2022-01", 6, "uddannelseshjaelp"), ...months("skift", "101", "2022-07", 6, "kontanthjaelp")], out: VARIGHED },
    { rows: full("doed", { doed: [11] }), out: "død" },
    // 6 of 12 counted months exempt: 50 %, out; 49 of 100: in.
    { rows: full("halv", { fritaget: [0, 1, 2, 3, 4, 5] }), out: FRITAGET },
    { rows: months("niogfyrre", "101", "2014-09", 100, "kontanthjaelp", { fritaget: Array.from({ length: 49 }, (_, i) => 2 * i) }) },
    { rows: full("tilbud"), tilbud: ["tilbud,2022-06-01,virksomhedspraktik"] },
    { rows: full("timer100"), timer: ["timer100,2022-05,100"] },
    { rows: full("timer99"), timer: ["timer99,2022-05,99"] },
    { rows: full("fire"), samtaler: ["2022-02-01", "2022-04-01", "2022-06-01", "2022-08-01"].map((d) => `fire,${d},sygeopfoelgning,telefon`) },
    { rows: full("tre"), samtaler: ["2022-02-01", "2022-04-01", "2022-06-01"].map((d) => `tre,${d},sygeopfoelgning,telefon`) },
    // Another kommune's person is no person of 101.
    { rows: months("andenkommune", "147", "2022-01", 12, "kontanthjaelp") },
  ];
  const dir = folder({
    ydelsesmaaneder: persons.flatMap((p) => p.rows),
    tilbud: persons.flatMap((p) => p.tilbud ?? []),
    timer: persons.flatMap((p) => p.timer ?? []),
    samtaler: persons.flatMap((p) => p.samtaler ?? []),
  });
  const of101 = persons.filter((p) => p.rows.some((r) => r.split(",")[1] === "101" && r.split(",")[2] === "2022-12"));
  const inGroup = of101.filter((p) => !p.out);

  it("counts each person at the part that left them out, adding up to the table's row", async () => {
    const x = await explainJson(dir, "2022-12");
    expect(x.units).toEqual([]);
    const m = x.measurements[0]!.months[0]!;
    expect(m.month).toBe("2022-12");
    expect(m.persons).toBe(of101.length);
    expect(m.dead).toBe(of101.filter((p) => p.out === "død").length);
    expect(parts(m, "maalgruppe")).toEqual({ [VARIGHED]: of101.filter((p) => p.out === VARIGHED).length, [FRITAGET]: of101.filter((p) => p.out === FRITAGET).length });
    expect(m.fields[0]!.value).toBe(inGroup.length);
    // Of the target group: a counting offer (uden_tilbud's first part) is checked before the hours.
    expect(parts(m, "uden_tilbud")).toEqual({ [TILBUD]: inGroup.filter((p) => p.tilbud).length, [TIMER]: inGroup.filter((p) => p.timer?.some((t) => t.endsWith(",100"))).length });
    expect(parts(m, "under_4_samtaler")).toEqual({ [SAMTALER]: inGroup.filter((p) => (p.samtaler?.length ?? 0) >= 4).length });
    expectConsistent(m);
  });

  it("words it in Danish with each rule's source from the policy", async () => {
    const r = await run("explain", fokusmaalFile, "--data", dir, "--kommune", "101", "--periode", "2022-12");
    expect(r.code).toBe(0);
    const x = await explainJson(dir, "2022-12");
    const m = x.measurements[0]!.months[0]!;
    const f = m.fields[0]!;
    expect(r.stdout).toContain(`2022-12: ${m.persons} personer, ${m.dead} i en død måned, ${m.counted} talte`);
    expect(r.stdout).toContain(`maalgruppe ${f.value} = ${m.counted} talte − ${f.parts[0]!.notHolding} hvor «${VARIGHED}» ikke holder − ${f.parts[1]!.notHolding} hvor «${FRITAGET}» ikke holder`);
    // Every `kilde` of the måling block is shown.
    const policy = readFileSync(fokusmaalFile, "utf8");
    const block = policy.slice(policy.indexOf("måling fokusmaal"), policy.indexOf("eksempel "));
    const sources = [...block.matchAll(/kilde "([^"]+)"/g)].map((k) => k[1]!).slice(1);
    expect(sources.length).toBeGreaterThan(8);
    for (const s of sources) expect(r.stdout).toContain(`(kilde: ${s})`);
  });

  it("11 vs 12 counted months: the same person is out in November and in the target group in December", async () => {
    const x = await explainJson(folder({ ydelsesmaaneder: full("tolv") }), "2022-H2");
    expect(x.measurements[0]!.months.map((m) => m.month)).toEqual(["2022-07", "2022-08", "2022-09", "2022-10", "2022-11", "2022-12"]);
    for (const m of x.measurements[0]!.months) {
      const twelve = m.month === "2022-12";
      expect(parts(m, "maalgruppe")[VARIGHED]).toBe(twelve ? 0 : 1);
      expect(m.row).toEqual({ maalgruppe: twelve ? 1 : 0, uden_tilbud: twelve ? 1 : 0, under_4_samtaler: twelve ? 1 : 0 });
      expectConsistent(m);
    }
  });
});

describe("tilsyn explain on the committed sample, chained into skærpet tilsyn", () => {
  /** The hand-written count's rows of kommune 101 by month index. */
  const oracle = (data: PersonData) => new Map(handwritten(data).filter((r) => r.kommune === 101).map((r) => [r.month, r]));

  it("explains the measured months of 2023 for 101 as the hand-written count gives them", async () => {
    const x = await explainJson(sample, "2023", skaerpet);
    expect(x.units.length).toBeGreaterThan(0);
    const explained = x.measurements[0]!.months;
    expect(explained.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, "0")}`));
    const data = loadPersonDir(sample);
    const asIs = oracle(data);
    // Without exemptions only the duration leaves persons out; without hours only offers leave them out of uden_tilbud.
    const noExempt = oracle({ ...data, months: { ...data.months, fritaget: new Uint8Array(data.months.length) } });
    const noHours = oracle({ ...data, hours: { ...data.hours, amount: new Int32Array(data.hours.length) } });
    const rows = readFileSync(join(sample, "ydelsesmaaneder.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    for (const m of explained) {
      const mi = monthIndex(m.month);
      const mine = rows.filter((r) => r[1] === "101" && r[2] === m.month);
      expect(m.persons).toBe(mine.length);
      expect(m.dead).toBe(mine.filter((r) => r[5] === "1").length);
      const r = asIs.get(mi)!;
      expect(m.row).toEqual({ maalgruppe: r.maalgruppe, uden_tilbud: r.uden_tilbud, under_4_samtaler: r.under_4_samtaler });
      expect(parts(m, "maalgruppe")).toEqual({ [VARIGHED]: m.counted - noExempt.get(mi)!.maalgruppe, [FRITAGET]: noExempt.get(mi)!.maalgruppe - r.maalgruppe });
      expect(parts(m, "uden_tilbud")).toEqual({ [TILBUD]: r.maalgruppe - noHours.get(mi)!.uden_tilbud, [TIMER]: noHours.get(mi)!.uden_tilbud - r.uden_tilbud });
      expect(parts(m, "under_4_samtaler")).toEqual({ [SAMTALER]: r.maalgruppe - r.under_4_samtaler });
      expectConsistent(m);
    }
  });
});

describe("tilsyn explain --person: one person's spell, window and events, as the evaluator saw them", () => {
  const dir = folder({
    ydelsesmaaneder: [
      ...months("foerste", "101", "2023-04", 12, "kontanthjaelp"),
      ...months("doed", "101", "2023-04", 12, "kontanthjaelp", { doed: [11] }),
    ],
    // From 2023-03-22 the spell's first job interview counts only in person: the first (by phone) does not, the second does.
    samtaler: ["foerste,2023-04-03,jobsamtale,telefon", "foerste,2023-07-03,jobsamtale,telefon", "foerste,2023-02-01,sygeopfoelgning,telefon"],
    tilbud: ["foerste,2023-06-01,oevrig_vejledning_91"],
    timer: ["foerste,2023-05,99,5", "foerste,2023-06,0,5"].map((l) => l.replace(/,(\d+),(\d+)$/, ",$1.$2")),
  });
  async function person(id: string) {
    const r = await run("explain", fokusmaalFile, "--data", dir, "--kommune", "101", "--periode", "2024-03", "--person", id, "--format", "json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    return (JSON.parse(r.stdout) as { measurements: MeasureExplanation[] }).measurements[0]!.person!;
  }

  it("shows the window of the last 12 counted months and which events in it counted, by which rule", async () => {
    const p = await person("foerste");
    expect(p.id).toBe("foerste");
    const m = p.months[0]!;
    expect([m.month, m.kommune, m.value, m.dead, m.spellFrom, m.duration, m.window]).toEqual(["2024-03", "101", "kontanthjaelp", false, "2023-04", 12, { from: "2023-04", to: "2024-03" }]);
    // The sickness follow-up before the spell is outside the window.
    expect(m.events.map((e) => [e.data, e.date, e.counts, e.from ?? null])).toEqual([
      ["samtaler", "2023-04-03", false, null],
      ["samtaler", "2023-07-03", true, "2023-03-22"],
      ["tilbud", "2023-06-01", false, null],
    ]);
    expect(m.sums).toEqual([{ text: "sum(timer)", value: "100" }]);
    expect(m.monthCounts).toEqual([{ text: "antal(måneder hvor fritaget = 1)", value: 0 }]);
    // § 91 for kontanthjælp after the date: no offer; 99.5 + 0.5 hours: 100, not under 100.
    expect(m.fields).toEqual([
      { name: "maalgruppe", counts: true },
      { name: "uden_tilbud", counts: false, notHolding: TIMER },
      { name: "under_4_samtaler", counts: true },
    ]);
    const text = await run("explain", fokusmaalFile, "--data", dir, "--kommune", "101", "--periode", "2024-03", "--person", "foerste");
    expect(text.stdout).toContain("  Person foerste:\n    2024-03 (kommune 101): kontanthjaelp, forløb fra 2023-04, 12 talte måneder (varighed), vindue 2023-04 til 2024-03");
    expect(text.stdout).toContain("      samtaler i vinduet: 2, heraf 1 der tæller");
    expect(text.stdout).toContain("      samtaler 2023-04-03 (jobsamtale, telefon): tæller ikke");
    expect(text.stdout).toContain(`      uden_tilbud: ikke med, «${TIMER}» holder ikke`);
  });

  it("says a dead month counts neither way, and refuses an unknown person in Danish", async () => {
    const p = await person("doed");
    expect(p.months.map((m) => [m.month, m.dead, m.fields])).toEqual([["2024-03", true, []]]);
    const r = await run("explain", fokusmaalFile, "--data", dir, "--kommune", "101", "--periode", "2024-03", "--person", "ingen");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Personen ingen findes ikke i persondata");
  });
});
