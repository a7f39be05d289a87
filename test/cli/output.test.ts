// What the CLI prints from texts it does not control: CSV cells a spreadsheet would run as a
// formula, control characters in policies and data files, and a file of garbage.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { run } from "./run-cli.js";
import { formatCsv } from "../../cli/report.js";
import type { PolicyEvent } from "../../runtime/events.js";

const root = join(import.meta.dirname, "..", "..");
const tmp = join(root, ".tmp", "cli-output");

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

/** Control characters but tab and line feed: what must never reach the terminal raw. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Bytes from a fixed seed (xorshift), so the garbage is the same on every run. */
function garbage(size: number, seed = 0x2545f491): Buffer {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe("diagnostics never put control characters on the terminal", () => {
  it("escapes them in the message and the source frame, with the caret under the escaped text", async () => {
    const dir = folder("kontrol");
    const file = join(dir, "p.tilsyn");
    writeFileSync(file, policy("STAR kontakter", "k").replace("data d pr kommune", "data d\u001b[31m\u0007 pr kommune"));
    const r = await run("check", file);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain("fejl[T0101]: Uventet tegn `\\u001b[`.");
    const lines = r.stderr.split("\n");
    const frame = lines.findIndex((l) => l.startsWith("4 | "));
    expect(lines[frame]).toBe("4 | data d\\u001b[31m\\u0007 pr kommune, måned");
    // The caret starts under the escape as shown: after "data d".
    expect(lines[frame + 1]).toMatch(/^  \| {7}\^+$/);
  });

  it("escapes them in a data file's diagnostics", async () => {
    const dir = folder("kontrol-data");
    writeFileSync(join(dir, "p.tilsyn"), policy("STAR kontakter", "k"));
    mkdirSync(join(dir, "data"));
    writeFileSync(join(dir, "data", "d.csv"), "kommune,maaned,a,b\n101,2021-01,1\u001b]0;titel\u0007,9\n");
    const r = await run("run", join(dir, "p.tilsyn"), "--data", join(dir, "data"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fejl\[T03\d\d\]/m);
    // The reader refuses a control character in a data file where it stands (T0330), and the
    // frame shows the line up to it, never the character itself.
    expect(r.stderr).toContain("fejl[T0330]");
    expect(r.stderr).toContain("d.csv:2:14");
    expect(r.stderr).not.toMatch(RAW_CONTROL);
  });

  it("a file of 100 KB garbage gives at most 50 diagnostics and a line counting the rest", async () => {
    const dir = folder("affald");
    const file = join(dir, "affald.tilsyn");
    writeFileSync(file, garbage(100_000));
    for (const argv of [["check", file], ["fmt", "--check", file], ["run", file, "--data", dir]]) {
      const r = await run(...argv);
      expect(r.code, argv[0]).toBe(1);
      expect(r.stderr, argv[0]).not.toMatch(RAW_CONTROL);
      const shown = r.stderr.match(/^fejl\[T01\d\d\]/gm) ?? [];
      expect(shown.length, argv[0]).toBe(50);
      expect(r.stderr, argv[0]).toMatch(/^fejl\[T0418\]: \d+ fejl og advarsler mere i .*affald\.tilsyn er ikke vist\.$/m);
      // Each frame shows a part of the one long line, not all 100 KB of it.
      expect(r.stderr.length, argv[0]).toBeLessThan(50 * 1000);
    }
  });
});
