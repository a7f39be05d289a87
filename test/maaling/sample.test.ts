// The committed person sample (data/eksempel-personer) through the policy: the same table as the
// hand-written § 3b count (bench/handwritten/fokusmaal.ts, loaded by bench/maaling/load.ts), and
// the chain measurement → skærpet tilsyn in one run.

import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../cli/run-cli.js";
import { measure as handwritten, toCsv } from "../../bench/handwritten/fokusmaal.js";
import { loadPersonDir } from "../../bench/maaling/load.js";
import { measureData } from "../../load/persons.js";
import { measureCodeFor } from "../../compiler/emit-measure.js";
import { measuredCsv } from "../../runtime/spells.js";
import { fokusmaal } from "./measure.js";

const root = join(import.meta.dirname, "..", "..");
const sample = join(root, "data", "eksempel-personer");
const policy = join(root, "policies", "maaling", "fokusmaal.tilsyn");
const skaerpet = join(root, "policies", "skaerpet-tilsyn.tilsyn");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("data/eksempel-personer through policies/maaling/fokusmaal.tilsyn", () => {
  const plan = fokusmaal();
  const measured = measureData(plan, measureCodeFor(plan), (d) => ({ input: readFileSync(join(sample, `${d.name}.csv`)), file: `${d.name}.csv` }));

  it("reads without problems and gives the hand-written count's table, byte for byte", () => {
    expect(measured.diagnostics).toEqual([]);
    const csv = measuredCsv(measured.table!);
    expect(csv).toBe(toCsv(handwritten(loadPersonDir(sample))));
    // Not an empty table: most kommuner have a target group.
    expect(measured.table!.rows.filter((r) => r.values[0]! > 0).length).toBeGreaterThan(1000);
  });

  it("chains into skaerpet-tilsyn.tilsyn in one run, as the measured table written as fokusmaal.csv would", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tilsyn-sample-"));
    dirs.push(dir);
    for (const f of readdirSync(sample)) copyFileSync(join(sample, f), join(dir, f));
    copyFileSync(join(root, "data", "eksempel", "ydelsesgrad.csv"), join(dir, "ydelsesgrad.csv"));
    const plain = mkdtempSync(join(tmpdir(), "tilsyn-sample-"));
    dirs.push(plain);
    copyFileSync(join(root, "data", "eksempel", "ydelsesgrad.csv"), join(plain, "ydelsesgrad.csv"));
    writeFileSync(join(plain, "fokusmaal.csv"), measuredCsv(measured.table!));
    const expected = await run("run", skaerpet, "--data", plain, "--format", "json");
    const chained = await run("run", policy, skaerpet, "--data", dir, "--format", "json");
    expect(chained.code).toBe(0);
    expect(chained.stdout).toBe(expected.stdout);
    expect((JSON.parse(chained.stdout) as { events: unknown[] }).events.length).toBeGreaterThan(0);
  });
});
