// Data files as Danish offices produce them (issue #9): an Excel "CSV (semikolonsepareret)"
// export gives the same events as the UTF-8 comma file; bad bytes, header-only files and long
// loads are reported the way the command line reports everything else.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "./run-cli.js";
import { Progress, type Terminal } from "../../cli/data-file.js";

const root = join(import.meta.dirname, "..", "..");
const tmp = join(root, ".tmp", "cli-data-files");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Text as Windows-1252 bytes (the sample data only needs ASCII and Latin-1 letters such as æøå). */
function windows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff || (c >= 0x80 && c < 0xa0)) throw new Error(`not in the Latin-1 part of Windows-1252: ${text[i]}`);
    bytes[i] = c;
  }
  return bytes;
}

/** What Danish Excel's "CSV (semikolonsepareret)" writes: `;`, decimal comma, CRLF, Windows-1252. */
function excelExport(csv: string): Uint8Array {
  const lines = csv.replace(/\r/g, "").split("\n").filter((l) => l !== "");
  const converted = lines.map((line) => line.split(",").map((cell) => (/^\d+\.\d+$/.test(cell) ? cell.replace(".", ",") : cell)).join(";"));
  return windows1252(`${converted.join("\r\n")}\r\n`);
}

const POLICY_SETS = [
  ["policies/tidlig-indsats-2020.tilsyn", "policies/tidlig-indsats-2024.tilsyn"],
  ["policies/jobsoegning.tilsyn"],
  ["policies/skaerpet-tilsyn.tilsyn"],
];

describe("a Danish Excel export of the sample data", () => {
  const excel = join(tmp, "excel");
  mkdirSync(excel, { recursive: true });
  for (const name of readdirSync(join(root, "data/eksempel"))) {
    writeFileSync(join(excel, name), excelExport(readFileSync(join(root, "data/eksempel", name), "utf8")));
  }

  it("is really semicolon-separated Windows-1252 with CRLF and decimal commas", () => {
    const tidlig = readFileSync(join(excel, "tidlig_indsats.csv"));
    expect(tidlig.includes(Buffer.from("101;2019-01;Kontanthj\xe6lp", "latin1"))).toBe(true); // æ is one byte, 0xE6
    expect(tidlig.includes(Buffer.from("\xc3\xa6", "latin1"))).toBe(false); // not UTF-8's æ
    expect(tidlig.subarray(0, 70).toString("latin1")).toContain("uden_tilbud\r\n");
    const ydelsesgrad = readFileSync(join(excel, "ydelsesgrad.csv"), "latin1");
    expect(ydelsesgrad).toContain("101;2019;9,3;8,9\r\n");
  });

  for (const policies of POLICY_SETS) {
    it(`gives byte-identical run --format json events: ${policies.join(" ")}`, async () => {
      const utf8 = await run("run", ...policies, "--data", "data/eksempel", "--format", "json");
      const fromExcel = await run("run", ...policies, "--data", excel, "--format", "json");
      expect(utf8.code).toBe(0);
      expect(fromExcel.stderr).toBe("");
      expect(fromExcel.code).toBe(0);
      expect(JSON.parse(utf8.stdout).events.length).toBeGreaterThan(0);
      expect(fromExcel.stdout).toBe(utf8.stdout);
    });
  }
});

describe("bad data files on the command line", () => {
  const dir = (name: string, files: Record<string, string | Uint8Array>) => {
    const d = join(tmp, name);
    mkdirSync(d, { recursive: true });
    for (const [file, content] of Object.entries(files)) writeFileSync(join(d, file), content);
    return d;
  };
  const ydelsesgrad = readFileSync(join(root, "data/eksempel/ydelsesgrad.csv"), "utf8");
  const fokusmaal = readFileSync(join(root, "data/eksempel/fokusmaal.csv"), "utf8");

  it("T0330: a byte that is neither UTF-8 nor Windows-1252 is named with file, line and column, and the line is shown", async () => {
    const bytes = Buffer.concat([Buffer.from("kommune,aar,faktisk,forventet\n101,2019,9.3,8.9\n101,2020,9"), Buffer.from([0x81]), Buffer.from(".8,9.5\n")]);
    const d = dir("t0330", { "ydelsesgrad.csv": bytes, "fokusmaal.csv": fokusmaal });
    const r = await run("run", "policies/skaerpet-tilsyn.tilsyn", "--data", d, "--format", "json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("fejl[T0330]: Filen kan ikke læses som tekst her: byten 0x81 er hverken gyldig UTF-8 eller et læsbart tegn i Windows-1252.");
    expect(r.stderr).toContain(`--> ${join(d, "ydelsesgrad.csv")}:3:11`);
    expect(r.stderr).toContain("3 | 101,2020,9\n");
    expect(r.stderr).toContain("gem filen som UTF-8".replace("gem", "Gem"));
  });

  it("T0329: a file with only its header is a warning, and the run goes on", async () => {
    const d = dir("t0329", { "ydelsesgrad.csv": "kommune;aar;faktisk;forventet\r\n", "fokusmaal.csv": fokusmaal });
    const r = await run("run", "policies/skaerpet-tilsyn.tilsyn", "--data", d, "--format", "json");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("advarsel[T0329]: Filen har kun overskriftslinjen; der er ingen rækker med data `ydelsesgrad`.");
    expect(r.stderr).toContain(`--> ${join(d, "ydelsesgrad.csv")}:1:1`);
  });

  it("a semicolon file's errors point at the right cell and speak of semicolons", async () => {
    const text = ydelsesgrad.replace(/\r/g, "").replace(/,/g, ";").replace("101;2019;9.3;8.9", "101;2019;9,3");
    const d = dir("semikolon", { "ydelsesgrad.csv": text, "fokusmaal.csv": fokusmaal });
    const r = await run("run", "policies/skaerpet-tilsyn.tilsyn", "--data", d, "--format", "json");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("fejl[T0306]");
    expect(r.stderr).toContain(":2:10");
    expect(r.stderr).toContain("adskilt af semikolon");
  });
});

describe("progress while loading", () => {
  /** A terminal whose clock the test moves. */
  function terminal(): Terminal & { out: string; time: number } {
    const t = { out: "", time: 0, write: (s: string) => void (t.out += s), now: () => t.time };
    return t;
  }

  it("says nothing during the first second, then rewrites one line in place and clears it at the end", () => {
    const t = terminal();
    const p = new Progress(t, "tidlig_indsats.csv", 200e6);
    t.time = 500;
    p.update(50e6);
    expect(t.out).toBe("");
    t.time = 1200;
    p.update(90e6);
    expect(t.out).toBe("\r\x1b[KIndlæser tidlig_indsats.csv: 45 % (90 af 200 MB)");
    t.time = 1250; // under a tenth of a second later: not redrawn
    p.update(95e6);
    expect(t.out.split("Indlæser")).toHaveLength(2);
    t.time = 1400;
    p.update(200e6);
    expect(t.out.endsWith("\r\x1b[KIndlæser tidlig_indsats.csv: 100 % (200 af 200 MB)")).toBe(true);
    p.end();
    expect(t.out.endsWith("\r\x1b[K")).toBe(true);
  });

  it("a quick load writes nothing, and without a terminal (pipes, tests) nothing is ever written", () => {
    const t = terminal();
    const quick = new Progress(t, "x.csv", 1000);
    t.time = 300;
    quick.update(1000);
    quick.end();
    expect(t.out).toBe("");
    const none = new Progress(undefined, "x.csv", 1000);
    none.update(1000);
    none.end();
  });
});
