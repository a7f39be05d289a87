// `tilsyn explain`: why a kommune was (not) contacted on one period's data (issue #10). The
// expected numbers are computed here from the sample CSV rows and the rules' words, not copied
// from the command's output.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run-cli.js";
import type { Explanation } from "../../compiler/explain.js";

const root = join(import.meta.dirname, "..", "..");
const policy = join(root, "policies/jobsoegning.tilsyn");
const data = join(root, "data/eksempel");

/** The sample jobsøgning row of a kommune and month: jobparate, roed, fortsat_uden_jobsoegning. */
function row(kommune: string, month: string) {
  const line = readFileSync(join(data, "jobsoegning.csv"), "utf8").split("\n").find((l) => l.startsWith(`${kommune},${month},`))!;
  const [, , jobparate, , , roed, fortsat] = line.split(",").map(Number);
  return { jobparate: jobparate!, roed: roed!, fortsat: fortsat! };
}
const pct = (a: number, b: number) => Math.round((1000 * a) / b) / 10;
const shown = (x: number) => x.toFixed(1).replace(".", ",");

async function explain(kommune: string, periode: string): Promise<Explanation> {
  const r = await run("explain", policy, "--data", data, "--kommune", kommune, "--periode", periode, "--format", "json");
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Explanation;
}

describe("tilsyn explain on the sample data", () => {
  it("a kommune that was contacted: Hvidovre on April 2019, 50 % red or more", async () => {
    const { roed, jobparate } = row("167", "2019-04");
    expect(pct(roed, jobparate)).toBeGreaterThanOrEqual(50);
    const x = await explain("167", "2019-04");
    const straks = x.units[0]!.criteria.find((c) => c.name === "straks")!;
    expect(straks.holds).toBe(true);
    expect(straks.guard!.text).toBe(`minimumspopulation er opfyldt (roed (${roed}) er mindst 20, og jobparate (${jobparate}) er over 40)`);
    expect(straks.when.text).toBe(`andel røde (${shown(pct(roed, jobparate))} %) er mindst 50 %`);
    expect(straks.when.limit).toBe(50);
    // Published 3 months after the month, followed up at publication: 1 July 2019.
    expect(straks.events.map((e) => [e.type, e.date])).toEqual([["henvendelse", "2019-07-01"]]);
    // Three months over 40 %: each month of the streak with its share.
    const observation = x.units[0]!.criteria.find((c) => c.name === "observation")!;
    expect(observation.streak!.map((m) => m.period)).toEqual(["2019-02", "2019-03", "2019-04"]);
    for (const m of observation.streak!) {
      const r = row("167", m.period!);
      expect(m.text).toBe(`andel røde (${shown(pct(r.roed, r.jobparate))} %) er over 40 %`);
    }
    // The third criterion held too, but is judged 3 months later, on 1 October, when the re-contact
    // rule wants data after the April data the July contact rested on.
    const fortsat = x.units[0]!.criteria.find((c) => c.name === "fortsat_uden_jobsøgning")!;
    expect(fortsat.holds).toBe(true);
    expect(fortsat.date).toBe("2019-10-01");
    expect(fortsat.stoppedBy).toBe("ny henvendelse først på data efter forrige henvendelse: henvendelsen den 2019-07-01 byggede på data for 2019-04");
  });

  it("a kommune that was not contacted: København in March 2021, every criterion false with its numbers and distance", async () => {
    const { roed, jobparate, fortsat } = row("101", "2021-03");
    const x = await explain("101", "2021-03");
    const [straks, observation, third] = x.units[0]!.criteria;
    expect([straks!.holds, observation!.holds, third!.holds]).toEqual([false, false, false]);
    expect(straks!.when.text).toBe(`andel røde (${shown(pct(roed, jobparate))} %) er ikke mindst 50 %`);
    expect(third!.when.text).toBe(`andel fortsat uden jobsøgning (${shown(pct(fortsat, jobparate))} %) er ikke over 25 %`);
    expect(x.units[0]!.criteria.every((c) => c.events.length === 0 && c.stoppedBy === undefined)).toBe(true);
    const table = await run("explain", policy, "--data", data, "--kommune", "101", "--periode", "2021-03");
    expect(table.stdout).toContain(`afstand til grænsen: ${shown(Math.round((50 - pct(roed, jobparate)) * 10) / 10)} procentpoint under grænsen`);
  });

  it("a suspension is named as what stopped a contact: COVID-19 in 2020", async () => {
    // Find a kommune and month whose action date lies in the suspension and where a criterion held.
    const lines = readFileSync(join(data, "jobsoegning.csv"), "utf8").trim().split("\n").slice(1);
    const hit = lines.map((l) => l.split(",")).find((c) => c[1]! >= "2019-12" && c[1]! <= "2020-09" && Number(c[5]) >= 20 && Number(c[2]) > 40 && Number(c[5]) * 2 >= Number(c[2]))!;
    expect(hit).toBeDefined();
    const x = await explain(hit[0]!, hit[1]!);
    const straks = x.units[0]!.criteria.find((c) => c.name === "straks")!;
    expect(straks.holds).toBe(true);
    expect(straks.stoppedBy).toMatch(/^undtagelsen «Genåbning efter COVID-19/);
  });

  it("a kommune code or a period that is not one is a Danish usage error (exit 2)", async () => {
    const bad = await run("explain", policy, "--data", data, "--kommune", "999", "--periode", "2021-03");
    expect([bad.code, bad.stderr.includes("T0433")]).toEqual([2, true]);
    const period = await run("explain", policy, "--data", data, "--kommune", "101", "--periode", "marts");
    expect([period.code, period.stderr.includes("T0434")]).toEqual([2, true]);
  });
});
