// What the CLI prints from texts it does not control: CSV cells a spreadsheet would run as a
// formula, control characters in policies and data files, and a file of garbage.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { main } from "../../cli/main.js";
import { formatCsv } from "../../cli/report.js";
import type { PolicyEvent } from "../../runtime/events.js";

const root = join(import.meta.dirname, "..", "..");
const tmp = join(root, ".tmp", "cli-output");

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function folder(name: string): string {
  const dir = join(tmp, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

const policy = (reaction: string, source: string) => `politik p "Prøve"
  kilde "test"

data d pr kommune, måned
  a: antal "alle"
  b: antal af a "nogle"
  offentliggøres 3 måneder efter måneden

opgørelse månedlig
  følges op ved offentliggørelse

mål andel "andelen" = b / a

kriterie k "Mindst halvdelen"
  kilde "${source}"
  når andel mindst 50 %

reaktion
  henvendelse "${reaction}"
`;

describe("run --format csv", () => {
  it("puts ' before cells a spreadsheet would run as formulas (=, +, -, @, tab, CR), not before plain numbers", async () => {
    const dir = folder("csv");
    writeFileSync(join(dir, "p.tilsyn"), policy("=1+2 STAR kontakter kommunen", "@SUM(A1)"));
    mkdirSync(join(dir, "data"));
    writeFileSync(join(dir, "data", "d.csv"), "kommune,maaned,a,b\n101,2021-01,10,9\n147,2021-01,10,9\n151,2021-01,10,9\n153,2021-01,10,9\n");
    // Kommune names come from a file too: one a formula, one a plain negative number.
    const kommuner = readFileSync(join(root, "data/kommuner.csv"), "utf8")
      .replace("\n101,København,", "\n101,+45 København,")
      .replace(/\n147,[^,]*,/, "\n147,-7,")
      .replace(/\n153,[^,]*,/, "\n153,-2+3,");
    writeFileSync(join(dir, "kommuner.csv"), kommuner);
    const r = await run("run", join(dir, "p.tilsyn"), "--data", join(dir, "data"), "--kommuner", join(dir, "kommuner.csv"), "--format", "csv");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(r.stdout.trimEnd(), { header: true }).data;
    expect(rows.map((row) => row["navn"])).toEqual(["'+45 København", "-7", "Ballerup", "'-2+3"]);
    for (const row of rows) {
      expect(row["explanation"]).toMatch(/^'=1\+2 STAR kontakter kommunen, fordi /);
      expect(row["source"]).toBe("'@SUM(A1)");
      // Cells that begin otherwise are as they were.
      expect(row["date"]).toBe("2021-04-01");
      expect(row["values"]).toMatch(/^\{"andel":90/);
    }
  });

  it("also escapes a tab or a carriage return at the start, and leaves plain numbers and other cells alone", () => {
    const event = { policy: "p", kommune: "101", period: "2021-01", date: "2021-04-01", type: "henvendelse", rule: "k", values: {}, explanation: "\tforklaring", source: "\rkilde", group: "+3,5" } as PolicyEvent;
    const rows = Papa.parse<Record<string, string>>(formatCsv({ plans: [], events: [event], kommuneNames: new Map([["101", "-12.5"]]) }).trimEnd(), { header: true }).data;
    expect(rows[0]).toMatchObject({ explanation: "'\tforklaring", source: "'\rkilde", group: "+3,5", navn: "-12.5", kommune: "101", values: "{}" });
  });
});
