// The command line's contract (contracts.md): exit codes, Danish messages with file:line:column,
// JSON output that is byte-identical between runs, and never a stack trace for a user mistake.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run-cli.js";

const root = join(import.meta.dirname, "..", "..");
const tmp = join(root, ".tmp", "cli-test");

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);

/** A data folder holding the sample jobsøgning data with one line replaced. */
function brokenJobsoegning(name: string, edit: (lines: string[]) => void): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const lines = readFileSync(join(root, "data/eksempel/jobsoegning.csv"), "utf8").split("\n");
  edit(lines);
  writeFileSync(join(dir, "jobsoegning.csv"), lines.join("\n"));
  return dir;
}

describe("tilsyn check", () => {
  it("passes the bundled policies with exit 0 (jobsøgning keeps its warning about the population-40 gap)", async () => {
    const r = await run("check", "policies/jobsoegning.tilsyn", "policies/skaerpet-tilsyn.tilsyn");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("2 politikker uden fejl (1 advarsel).\n");
    expect(r.stderr).toContain("advarsel[T0503]");
  });
  it("reports a misspelled field with file:line:column and exit 1", async () => {
    const r = await run("check", "test/samples/misspelled-field/input.tilsyn");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("fejl[T0201]: Navnet `uden_samtale` findes ikke.");
    expect(r.stderr).toContain("--> test/samples/misspelled-field/input.tilsyn:15:7");
    expect(r.stderr).toContain("hjælp: Mente du `uden_samtaler`?");
    noStackTrace(r.stderr);
  });
  it("reports a missing file in Danish with exit 2", async () => {
    const r = await run("check", "policies/findes-ikke.tilsyn");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Filen policies/findes-ikke.tilsyn findes ikke.");
  });
  it("rejects two files of one policy that are in force at the same time", async () => {
    mkdirSync(tmp, { recursive: true });
    const copy = join(tmp, "tidlig-kopi.tilsyn");
    writeFileSync(copy, readFileSync(join(root, "policies/tidlig-indsats-2024.tilsyn"), "utf8").replace("gælder fra 2024-03-01", "gælder fra 2023-06-01"));
    const r = await run("check", "policies/tidlig-indsats-2020.tilsyn", copy);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("gælder samtidig (2023-06-01 til 2024-02-29)");
  });
});

describe("usage errors", () => {
  it("an unknown option is exit 2 with a Danish message", async () => {
    const r = await run("run", "policies/jobsoegning.tilsyn", "--data", "data/eksempel", "--formt", "json");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Ukendt tilvalg --formt");
  });
  it("a bad format choice and a bad month are exit 2", async () => {
    expect((await run("run", "policies/jobsoegning.tilsyn", "--data", "data/eksempel", "--format", "xml")).stderr).toContain("xml er ikke et gyldigt valg for --format");
    const r = await run("run", "policies/jobsoegning.tilsyn", "--data", "data/eksempel", "--fra", "2022-13");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--fra 2022-13 er ikke en måned");
  });
  it("a missing data file names the file and the policy", async () => {
    const r = await run("run", "policies/jobsoegning.tilsyn", "--data", "test");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("læser data `jobsoegning`, men test/jobsoegning.csv findes ikke");
  });
});

describe("tilsyn run", () => {
  it("prints JSON events as in contracts.md, byte-identical between runs", async () => {
    const a = await run("run", "policies/jobsoegning.tilsyn", "--data", "data/eksempel", "--format", "json");
    const b = await run("run", "policies/jobsoegning.tilsyn", "--data", "data/eksempel", "--format", "json");
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const json = JSON.parse(a.stdout) as { policies: { name: string }[]; events: Record<string, unknown>[] };
    expect(json.policies.map((p) => p.name)).toEqual(["jobsøgning"]);
    expect(json.events.length).toBeGreaterThan(50);
    for (const e of json.events) {
      for (const key of ["policy", "kommune", "period", "date", "type", "rule", "values", "explanation", "source"]) expect(e, key).toHaveProperty(key);
      expect(e["kommune"]).toMatch(/^\d{3}$/);
      expect(e["date"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(String(e["source"]).length).toBeGreaterThan(10);
    }
    const keys = json.events.map((e) => `${e["date"]} ${e["kommune"]} ${e["rule"]}`);
    expect([...keys].sort()).toEqual(keys);
    const straks = json.events.find((e) => e["rule"] === "straks")!;
    const share = (straks["values"] as Record<string, number>)["andel_røde"]!;
    expect(straks["explanation"]).toContain(`${share.toFixed(1).replace(".", ",")} %`);
  });
  it("runs the 2020 and 2024 early-effort files as one history", async () => {
    const r = await run("run", "policies/tidlig-indsats-2020.tilsyn", "policies/tidlig-indsats-2024.tilsyn", "--data", "data/eksempel", "--fra", "2024-01", "--til", "2024-12", "--format", "json");
    const events = (JSON.parse(r.stdout) as { events: { date: string; period: string; group?: string }[] }).events;
    const before = events.filter((e) => e.date < "2024-03-01");
    const after = events.filter((e) => e.date >= "2024-03-01");
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((e) => /^\d{4}-\d{2}$/.test(e.period) && e.group !== undefined)).toBe(true);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((e) => /^\d{4}-H[12]$/.test(e.period) && e.group === undefined)).toBe(true);
  });
  it("writes csv, md and table output", async () => {
    const csv = await run("run", "policies/skaerpet-tilsyn.tilsyn", "--data", "data/eksempel", "--format", "csv");
    expect(csv.stdout.split("\n")[0]).toBe("policy,kommune,navn,period,date,type,rule,group,from,to,name,due,handling,values,explanation,source");
    const md = await run("run", "policies/skaerpet-tilsyn.tilsyn", "--data", "data/eksempel", "--format", "md");
    expect(md.stdout).toMatch(/^\| Dato \| Kommune \|/);
    const table = await run("run", "policies/skaerpet-tilsyn.tilsyn", "--data", "data/eksempel", "--til", "2023-12");
    expect(table.stdout).toContain("indtræden: normal → skærpet_tilsyn");
    expect(table.stdout).toMatch(/\d+ hændelser\.\n$/);
  });
});

describe("bad data files stop with file, line and column, exit 2", () => {
  const cases: [string, (lines: string[]) => void, RegExp][] = [
    ["unknown kommune", (l) => (l[1] = l[1]!.replace(/^\d{3}/, "999")), /jobsoegning\.csv:2:1[\s\S]*999/],
    ["bad month", (l) => (l[2] = l[2]!.replace(/,\d{4}-\d{2},/, ",2021-13,")), /jobsoegning\.csv:3:5/],
    ["negative count", (l) => (l[3] = l[3]!.split(",").map((c, i) => (i === 2 ? "-5" : c)).join(",")), /`jobparate` er negativt \(-5\)[\s\S]*jobsoegning\.csv:4:13/],
    ["red above the population", (l) => (l[4] = l[4]!.split(",").map((c, i) => (i === 5 ? "99999" : c)).join(",")), /jobsoegning\.csv:5:\d+[\s\S]*roed/],
    ["duplicate row", (l) => (l[6] = l[5]!), /står også i linje 6[\s\S]*jobsoegning\.csv:7:5/],
    ["missing column", (l) => (l[0] = l[0]!.replace(",roed", ",rod")), /jobsoegning\.csv:1:\d+[\s\S]*roed/],
    ["not a number", (l) => (l[8] = l[8]!.split(",").map((c, i) => (i === 3 ? "mange" : c)).join(",")), /`mange` i kolonnen `groen` er ikke et tal[\s\S]*jobsoegning\.csv:9:18/],
  ];
  for (const [name, edit, where] of cases) {
    it(name, async () => {
      const dir = brokenJobsoegning(name.replace(/ /g, "-"), edit);
      const r = await run("run", "policies/jobsoegning.tilsyn", "--data", dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(where);
      expect(r.stderr).toMatch(/^fejl\[T03\d\d\]: /m);
      expect(r.stdout).toBe("");
      noStackTrace(r.stderr);
    });
  }
});

describe("tilsyn compile", () => {
  it("writes one module per policy importing tilsyn/runtime, and nothing when the policy has errors", async () => {
    const out = join(tmp, "compiled");
    rmSync(out, { recursive: true, force: true });
    const bad = await run("compile", "policies/jobsoegning.tilsyn", "test/samples/missing-naar/input.tilsyn", "--out", out);
    expect(bad.code).toBe(1);
    expect(() => readFileSync(join(out, "jobsoegning.ts"))).toThrow();
    const ok = await run("compile", "policies/jobsoegning.tilsyn", "--out", out);
    expect(ok.code).toBe(0);
    expect(readFileSync(join(out, "jobsoegning.ts"), "utf8")).toContain("export function evaluate(");
    expect(readFileSync(join(out, "jobsoegning.ts"), "utf8")).toContain('} from "tilsyn/runtime";');
    expect(() => readFileSync(join(out, "runtime", "engine.ts"))).toThrow(); // no copy of the runtime
  });
});

describe("the real process", () => {
  it("bin/tilsyn.mjs exits 1 on a policy error and prints no stack trace", () => {
    mkdirSync(tmp, { recursive: true });
    copyFileSync(join(root, "test/samples/share-vs-count/input.tilsyn"), join(tmp, "x.tilsyn"));
    const p = spawnSync(process.execPath, [join(root, "bin/tilsyn.mjs"), "check", join(tmp, "x.tilsyn")], { encoding: "utf8" });
    expect(p.status).toBe(1);
    expect(p.stderr).toContain("fejl[T0203]");
    noStackTrace(p.stderr);
    const usage = spawnSync(process.execPath, [join(root, "bin/tilsyn.mjs"), "kør"], { encoding: "utf8" });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("Ukendt kommando kør");
  });
});

describe("tilsyn diff", () => {
  it("compares the 2020 and 2024 early-effort rules on the same data, with reasons", async () => {
    const r = await run("diff", "policies/tidlig-indsats-2020.tilsyn", "policies/tidlig-indsats-2024.tilsyn", "--data", "data/eksempel", "--fra", "2022-01", "--til", "2023-12", "--format", "json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      a: { totals: Record<string, Record<string, number>> };
      b: { totals: Record<string, Record<string, number>> };
      onlyA: { kommune: string; reason: string; other: string }[];
      onlyB: { kommune: string; reason: string }[];
      both: number;
      firstDifference?: { date: string };
    };
    // The same numbers `tilsyn run` gives for each file alone on the same window.
    const count = async (file: string) => {
      const out = await run("run", file, "--data", "data/eksempel", "--fra", "2022-01", "--til", "2022-12", "--alle-perioder", "--format", "json");
      return (JSON.parse(out.stdout) as { events: { type: string }[] }).events.filter((e) => e.type === "henvendelse").length;
    };
    expect(report.a.totals["henvendelse"]!["2022"]).toBe(await count("policies/tidlig-indsats-2020.tilsyn"));
    expect(report.b.totals["henvendelse"]!["2022"]).toBe(await count("policies/tidlig-indsats-2024.tilsyn"));
    expect(report.b.totals["henvendelse"]!["2022"]!).toBeLessThan(report.a.totals["henvendelse"]!["2022"]!);
    expect(report.b.totals["redegoerelse"]).toBeUndefined();
    expect(report.onlyA.length).toBeGreaterThan(0);
    for (const d of report.onlyA) {
      expect(d.reason).toMatch(/opfylder «/);
      expect(d.other).toMatch(/grænse 20,0 %|kunne vurderes/);
    }
    expect(report.firstDifference?.date).toMatch(/^2022-/);
  });
  it("reports identical variants as identical", async () => {
    const r = await run("diff", "policies/jobsoegning.tilsyn", "policies/jobsoegning.tilsyn", "--data", "data/eksempel");
    expect(r.stdout).toContain("kun under A: 0; kun under B: 0");
    expect(r.stdout).toContain("Varianterne giver de samme hændelser.");
  });
});
