// `tilsyn sweep`: one limit of one rule set to a range of values, each a real evaluation (issue #11).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run-cli.js";
import { sweepValues, withLimit, limitsOf } from "../../compiler/sweep.js";
import { checkPolicy } from "../../compiler/index.js";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";

const root = join(import.meta.dirname, "..", "..");
const data = join(root, "data/eksempel");
const early2020 = join(root, "policies/tidlig-indsats-2020.tilsyn");

interface Sweep {
  years: string[];
  rows: { value: string; contacts: Record<string, number>; kommuner: Record<string, number>; total: number; current: boolean }[];
}

describe("tilsyn sweep on the 2020 early-effort rules", () => {
  it("the policy's own 20 % gives the contacts tilsyn run gives, per year; 15 % gives more and 25 % fewer", async () => {
    const r = await run("sweep", early2020, "--data", data, "--regel", "manglende_samtaler", "--graense", "1", "--vaerdier", "15;20;25", "--format", "json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const sweep = JSON.parse(r.stdout) as Sweep;
    const events = JSON.parse((await run("run", early2020, "--data", data, "--format", "json")).stdout) as { events: { type: string; date: string; kommune: string }[] };
    const contacts = events.events.filter((e) => e.type === "henvendelse");
    const own = sweep.rows.find((row) => row.current)!;
    expect(own.value).toBe("20");
    for (const year of sweep.years) {
      const ofYear = contacts.filter((e) => e.date.startsWith(year));
      expect(own.contacts[year] ?? 0, year).toBe(ofYear.length);
      expect(own.kommuner[year] ?? 0, year).toBe(new Set(ofYear.map((e) => e.kommune)).size);
    }
    const [low, , high] = sweep.rows;
    expect(low!.total).toBeGreaterThan(own.total);
    expect(high!.total).toBeLessThan(own.total);
  });

  it("a rule with two limits asks which one (T0437, listing them); an unknown rule lists the rules (T0435)", async () => {
    const two = await run("sweep", early2020, "--data", data, "--regel", "manglende_samtaler", "--vaerdier", "20");
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("1: andel uden lovpligtige samtaler over 20 %; 2: borgere mindst 10");
    const unknown = await run("sweep", early2020, "--data", data, "--regel", "samtaler", "--vaerdier", "20");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("T0435");
    expect(unknown.stderr).toContain("`manglende_samtaler`, `manglende_tilbud`");
    const values = await run("sweep", early2020, "--data", data, "--regel", "manglende_tilbud", "--graense", "1", "--vaerdier", "tyve");
    expect([values.code, values.stderr.includes("T0438")]).toEqual([2, true]);
  });
});

describe("tilsyn sweep on a measure's own limit", () => {
  const skaerpet = join(root, "policies/skaerpet-tilsyn.tilsyn");
  const jobsoegning = join(root, "policies/jobsoegning.tilsyn");
  type Run = { events: { type: string; date: string; kommune: string; from?: string }[] };

  it("skærpet tilsyn: the fokusmål «under 30 %» counts the changes out of normal tilsyn run gives, and a stricter goal puts at least as many kommuner under tilsyn", async () => {
    const r = await run("sweep", skaerpet, "--data", data, "--regel", "fokusmål_tilbud", "--vaerdier", "20;25;30;35", "--format", "json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const sweep = JSON.parse(r.stdout) as Sweep & { counted: string };
    expect(sweep.counted).toBe("overgange fra normal");
    const events = (JSON.parse((await run("run", skaerpet, "--data", data, "--format", "json")).stdout) as Run).events;
    const entries = events.filter((e) => e.type === "tilstand" && e.from === "normal");
    expect(entries.length).toBeGreaterThan(0);
    const own = sweep.rows.find((row) => row.current)!;
    expect(own.value).toBe("30");
    for (const year of new Set([...sweep.years, ...entries.map((e) => e.date.slice(0, 4))])) {
      const ofYear = entries.filter((e) => e.date.startsWith(year));
      expect(own.contacts[year] ?? 0, year).toBe(ofYear.length);
      expect(own.kommuner[year] ?? 0, year).toBe(new Set(ofYear.map((e) => e.kommune)).size);
    }
    // A kommune meets the goal when under the limit: a lower limit is stricter.
    const totals = sweep.rows.map((row) => row.total);
    for (let i = 1; i < totals.length; i++) expect(totals[i - 1]!).toBeGreaterThanOrEqual(totals[i]!);
    expect(totals[0]!).toBeGreaterThan(own.total);
  });

  it("jobsøgning: the minimum population (a measure with two limits) can be swept; «roed mindst 20» gives tilsyn run's contacts, 15 at least as many", async () => {
    const r = await run("sweep", jobsoegning, "--data", data, "--regel", "minimumspopulation", "--graense", "1", "--vaerdier", "15;20;25", "--format", "csv");
    expect(r.code).toBe(0);
    const [header, ...lines] = r.stdout.trimEnd().split("\n");
    expect(header).toMatch(/^graense,henvendelser_\d{4},kommuner_\d{4},/);
    expect(header!.endsWith(",henvendelser_i_alt")).toBe(true);
    const total = (line: string) => Number(line.split(",").at(-1));
    const contacts = (JSON.parse((await run("run", jobsoegning, "--data", data, "--format", "json")).stdout) as Run).events.filter((e) => e.type === "henvendelse");
    expect(lines.map((l) => l.split(",")[0])).toEqual(['"15"', '"20"', '"25"']);
    expect(total(lines[1]!)).toBe(contacts.length);
    expect(total(lines[0]!)).toBeGreaterThanOrEqual(total(lines[1]!));
    expect(total(lines[1]!)).toBeGreaterThanOrEqual(total(lines[2]!));
    // Without --graense the two limits are listed.
    const both = await run("sweep", jobsoegning, "--data", data, "--regel", "minimumspopulation", "--vaerdier", "20");
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("1: roed mindst 20; 2: jobparate over 40");
  });
});

describe("tilsyn sweep on a måling's own limit, through the policy that reads its table", () => {
  const measurement = join(root, "policies/maaling/fokusmaal.tilsyn");
  const skaerpet = join(root, "policies/skaerpet-tilsyn.tilsyn");
  const persons = join(root, "data/eksempel-personer");
  type Run = { events: { type: string; date: string; kommune: string; from?: string }[] };
  const entries = async (...files: string[]) =>
    (JSON.parse((await run("run", ...files, "--data", persons, "--format", "json")).stdout) as Run).events.filter((e) => e.type === "tilstand" && e.from === "normal");

  it("12 months gives what tilsyn run gives the chain, per year; 24 what it gives the policy edited to 24", async () => {
    const r = await run("sweep", measurement, skaerpet, "--data", persons, "--regel", "maalgruppe", "--graense", "1", "--vaerdier", "12;24", "--format", "json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const sweep = JSON.parse(r.stdout) as Sweep & { limit: string; counted: string };
    expect([sweep.limit, sweep.counted]).toEqual(["varighed mindst 12", "overgange fra normal"]);
    const own = sweep.rows.find((row) => row.current)!;
    expect(own.value).toBe("12");
    const chain = await entries(measurement, skaerpet);
    for (const year of new Set([...sweep.years, ...chain.map((e) => e.date.slice(0, 4))])) {
      const ofYear = chain.filter((e) => e.date.startsWith(year));
      expect(own.contacts[year] ?? 0, year).toBe(ofYear.length);
      expect(own.kommuner[year] ?? 0, year).toBe(new Set(ofYear.map((e) => e.kommune)).size);
    }
    const dir = mkdtempSync(join(tmpdir(), "tilsyn-sweep-"));
    const edited = join(dir, "fokusmaal.tilsyn");
    writeFileSync(edited, readFileSync(measurement, "utf8").replace("varighed mindst 12", "varighed mindst 24"));
    const at24 = sweep.rows.find((row) => row.value === "24")!;
    expect(at24.total).toBe((await entries(edited, skaerpet)).length);
    expect(at24.total).not.toBe(own.total);
    rmSync(dir, { recursive: true, force: true });
  });

  it("a måling alone, or two policies, is refused with what to give (T0447); the rules listed include the måling's fields", async () => {
    const alone = await run("sweep", measurement, "--data", persons, "--regel", "maalgruppe", "--vaerdier", "6");
    expect([alone.code, alone.stderr.includes("T0447")]).toEqual([2, true]);
    const unknown = await run("sweep", measurement, skaerpet, "--data", persons, "--regel", "ingen", "--vaerdier", "6");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("`maalgruppe`, `uden_tilbud`, `under_4_samtaler`, ");
  });
});

describe("the sweep's pieces", () => {
  it("values: a list separated by semicolons, a range with a step, a decimal with a comma", () => {
    expect(sweepValues("15;20;25")).toEqual(["15", "20", "25"]);
    expect(sweepValues("15..30", "5")).toEqual(["15", "20", "25", "30"]);
    expect(sweepValues("20..21", "0,5")).toEqual(["20,0", "20,5", "21,0"]);
    expect(sweepValues("22,5")).toEqual(["22,5"]);
    expect(sweepValues("tyve")).toBeUndefined();
    expect(sweepValues("1..1000", "1")).toBeUndefined();
  });

  it("a changed limit is exact: 22,5 % is 9/40, and only the chosen rule's limit changes", () => {
    const plan = checkPolicy(readFileSync(early2020, "utf8"), "p.tilsyn").plan!;
    expect(limitsOf(plan, "manglende_tilbud")!.map((l) => l.text)).toEqual(["andel uden lovpligtigt tilbud over 20 %", "borgere mindst 10"]);
    const changed = withLimit(plan, "manglende_samtaler", 1, "22,5");
    expect(limitsOf(changed, "manglende_samtaler")![0]!.text).toBe("andel uden lovpligtige samtaler over 22,5 %");
    expect(limitsOf(changed, "manglende_tilbud")![0]!.text).toBe("andel uden lovpligtigt tilbud over 20 %");
    const when = changed.criteria[0]!.when as { k: string; right: { value: string } };
    expect(when.right.value).toBe("9/40");
    expect(limitsOf(plan, "manglende_samtaler")![0]!.text).toBe("andel uden lovpligtige samtaler over 20 %");
  });
});
