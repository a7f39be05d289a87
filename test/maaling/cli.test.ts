// `tilsyn run` with the measurement policy: the fokusmaal.csv layout (contracts.md), and the chain
// measurement → skærpet tilsyn in one run, which must give what the same run gives on the
// measured table written as fokusmaal.csv.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../cli/main.js";
import { run } from "../cli/run-cli.js";
import { months, personFolder } from "./measure.js";

const root = join(import.meta.dirname, "..", "..");
const policy = join(root, "policies", "maaling", "fokusmaal.tilsyn");
const skaerpet = join(root, "policies", "skaerpet-tilsyn.tilsyn");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A data folder: person files (rows in reverse order: contracts.md says they need not be sorted) and ydelsesgrad. */
const folder = (files: Record<string, string[]>): string => personFolder(files, { reversed: true, ydelsesgrad: true });

// Kommune 101 (København, whose ydelsesgrad in data/eksempel is above the expected from 2021):
// 10 persons three years on kontanthjælp with no offers and no interviews; kommune 147: 10
// persons with an offer and 4 interviews a year.
const persons: Record<string, string[]> = { ydelsesmaaneder: [], tilbud: [], samtaler: [] };
for (let i = 0; i < 10; i++) {
  persons.ydelsesmaaneder!.push(...months(`f${i}`, "101", "2021-01", 36, "kontanthjaelp"), ...months(`k${i}`, "147", "2021-01", 36, "kontanthjaelp"));
  for (const y of [2021, 2022, 2023]) {
    persons.tilbud!.push(`k${i},${y}-02-01,virksomhedspraktik`);
    for (const m of ["01", "04", "07", "10"]) persons.samtaler!.push(`k${i},${y}-${m}-05,jobsamtale,personligt`);
  }
}

describe("tilsyn run policies/maaling/fokusmaal.tilsyn", () => {
  it("on a terminal, after a load of a second or more, says that it measures and how many persons, then clears the line", async () => {
    const dir = folder(persons);
    let out = "";
    let time = 0;
    const terminal = { write: (t: string) => void (out += t), now: () => (time += 400) };
    let stdout = "";
    const code = await main(["run", policy, "--data", dir, "--format", "csv"], { stdout: (t) => (stdout += t), stderr: () => undefined, terminal });
    expect(code).toBe(0);
    expect(stdout.startsWith("kommune,maaned,")).toBe(true);
    expect(out).toContain("\r\x1b[KMåler fokusmaal: 20 personer …");
    expect(out.endsWith("\r\x1b[K")).toBe(true);
  });

  it("--format csv writes kommune,maaned,maalgruppe,uden_tilbud,under_4_samtaler sorted by kommune and month", async () => {
    const dir = folder(persons);
    const { code, stdout } = await run("run", policy, "--data", dir, "--format", "csv");
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("kommune,maaned,maalgruppe,uden_tilbud,under_4_samtaler");
    const keys = lines.slice(1).map((l) => l.split(",").slice(0, 2).join(","));
    expect(keys).toEqual([...keys].sort());
    expect(keys).toHaveLength(2 * 36);
    // From the 12th month on, everyone is in the target group; only 147's persons lack offers and interviews.
    expect(lines).toContain("147,2021-12,10,0,0");
    expect(lines).toContain("101,2021-12,10,10,10");
    expect(lines).toContain("101,2021-11,0,0,0");
  });

  it("a bad cell stops the run with its file, line and column", async () => {
    const dir = folder({ ydelsesmaaneder: ["p,101,2021-13,kontanthjaelp,0,0"] });
    const { code, stderr } = await run("run", policy, "--data", dir, "--format", "csv");
    expect(code).toBe(2);
    expect(stderr).toContain("T0311");
    expect(stderr).toContain("ydelsesmaaneder.csv:2:");
  });

  it("chains into skaerpet-tilsyn.tilsyn in one run, as if the measured table were fokusmaal.csv, and says the folder's file is not read", async () => {
    const dir = folder(persons);
    const measured = await run("run", policy, "--data", dir, "--format", "csv");
    const plain = folder(persons);
    writeFileSync(join(plain, "fokusmaal.csv"), measured.stdout);
    const expected = await run("run", skaerpet, "--data", plain, "--format", "json");
    expect(expected.code).toBe(0);
    // Not an empty comparison: 101 misses its result goal and both focus goals, and is put under skærpet tilsyn.
    const { events } = JSON.parse(expected.stdout) as { events: { kommune: string }[] };
    expect(events.some((e) => e.kommune === "101" && JSON.stringify(e).includes("skærpet_tilsyn"))).toBe(true);
    expect(events.some((e) => e.kommune === "147")).toBe(false);

    const chained = await run("run", policy, skaerpet, "--data", dir, "--format", "json");
    expect(chained.code).toBe(0);
    expect(chained.stdout).toBe(expected.stdout);
    expect(chained.stderr).not.toContain("T0445");

    // A fokusmaal.csv in the folder is not read: a note says so, and the result is the same.
    writeFileSync(join(dir, "fokusmaal.csv"), readFileSync(join(root, "data", "eksempel", "fokusmaal.csv")));
    const withFile = await run("run", policy, skaerpet, "--data", dir, "--format", "json");
    expect(withFile.stdout).toBe(expected.stdout);
    expect(withFile.stderr).toContain("note[T0445]");
    expect(withFile.stderr).toContain("fokusmaal.csv læses ikke");
  });
});

describe("tilsyn compile on a måling", () => {
  it("writes a module that measures, beside the supervision policies' modules", async () => {
    const out = mkdtempSync(join(tmpdir(), "tilsyn-maaling-compile-"));
    dirs.push(out);
    const { code, stdout, stderr } = await run("compile", policy, skaerpet, "--out", out);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("fokusmaal.ts");
    const text = readFileSync(join(out, "fokusmaal.ts"), "utf8");
    expect(text).toContain("export function measure(rows: FokusmaalData): FokusmaalMeasuredRow[]");
    expect(text).toContain("export function measureTables(");
    // Only the runtime is imported.
    const imports = text.match(/^import [^;]* from "[^"]+";$/gm);
    expect(imports).toHaveLength(1);
    expect(imports![0]).toMatch(/ from "tilsyn\/runtime";$/);
    expect(readFileSync(join(out, "skaerpet-tilsyn.ts"), "utf8")).toContain("export function evaluateTables");
  });
});
