// The two engines of the measurement benchmark on the committed sample: the byte-level loader
// feeding the hand-written counting, and the same counting as SQL in DuckDB, must give the rows
// the hand-written counting gives from the contract's rows read plainly.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromRows, measure, toCsv, type HoursRow, type InterviewRow, type MonthRow, type OfferRow } from "../../bench/handwritten/fokusmaal.js";
import { fokusmaalSql, measureDuckDb } from "../../bench/maaling/duckdb.js";
import { loadPersonDir, PersonDataError } from "../../bench/maaling/load.js";
import { IdTable } from "../../load/bytes.js";

const sample = fileURLToPath(new URL("../../data/eksempel-personer/", import.meta.url));
const FILES = ["ydelsesmaaneder.csv", "samtaler.csv", "tilbud.csv", "timer.csv"];

/** A file's rows as objects keyed by its header, read with split (the generator writes no quotes). */
function objects<T>(name: string, dir = sample): T[] {
  const [header, ...lines] = readFileSync(join(dir, name), "utf8").trimEnd().split("\n");
  const keys = header!.split(",");
  return lines.map((l) => {
    const cells = l.split(",");
    const o: Record<string, string | number> = {};
    keys.forEach((k, i) => (o[k] = k === "fritaget" || k === "doed" ? Number(cells[i]) : cells[i]!));
    return o as T;
  });
}

let expected: string;
let tmp: string;
beforeAll(() => {
  expected = toCsv(
    measure(
      fromRows({
        months: objects<MonthRow>("ydelsesmaaneder.csv"),
        interviews: objects<InterviewRow>("samtaler.csv"),
        offers: objects<OfferRow>("tilbud.csv"),
        hours: objects<HoursRow>("timer.csv"),
      }),
    ),
  );
  tmp = mkdtempSync(join(tmpdir(), "tilsyn-maaling-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("measurement engines on the sample", () => {
  it("the sample measures a target group and both focus numerators in many kommuner", () => {
    const rows = expected.trimEnd().split("\n").slice(1).map((l) => l.split(",").map(Number));
    const sum = (i: number) => rows.reduce((n, r) => n + r[i]!, 0);
    expect(sum(2)).toBeGreaterThan(10_000);
    expect(sum(3)).toBeGreaterThan(1_000);
    expect(sum(4)).toBeGreaterThan(1_000);
    expect(new Set(rows.filter((r) => r[2]! > 0).map((r) => r[0])).size).toBeGreaterThan(60);
  });

  it("the byte-level loader gives the same rows as reading the text plainly", () => {
    expect(toCsv(measure(loadPersonDir(sample)))).toBe(expected);
  });

  it("DuckDB's SQL gives the same rows", async () => {
    expect(toCsv(await measureDuckDb(sample, { threads: 1 }))).toBe(expected);
  });

  it("DuckDB's SQL reads a dead month on another benefit as the hand-written count does: it neither counts nor breaks", async () => {
    // Persons a–d: kontanthjælp 2022-01..2023-06 with a dead month on another benefit inside the
    // spell (b), at its start (c), or a counted month on another benefit (d), and § 91 offers
    // after 2023-03-22 dated in the dead month and after it.
    const dir = mkdtempSync(join(tmp, "doed-"));
    const months: string[] = ["person,kommune,maaned,ydelse,fritaget,doed"];
    for (const p of ["a", "b", "c", "d"]) {
      for (let k = 0; k < 18; k++) {
        const maaned = `${2022 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
        const other = (p === "b" && k === 14) || (p === "c" && k === 0) || (p === "d" && k === 6);
        const doed = other && p !== "d" ? 1 : 0;
        months.push(`${p},101,${maaned},${other ? "overgangsydelse" : "kontanthjaelp"},0,${doed}`);
      }
    }
    writeFileSync(join(dir, "ydelsesmaaneder.csv"), months.join("\n") + "\n");
    writeFileSync(join(dir, "samtaler.csv"), "person,dato,art,form\nb,2023-03-10,jobsamtale,telefon\n");
    writeFileSync(join(dir, "tilbud.csv"), "person,dato,art\nb,2023-03-28,oevrig_vejledning_91\nc,2023-04-03,oevrig_vejledning_91\n");
    writeFileSync(join(dir, "timer.csv"), "person,maaned,timer\n");
    const hand = toCsv(measure(loadPersonDir(dir)));
    expect(toCsv(await measureDuckDb(dir, { threads: 1 }))).toBe(hand);
    // Not vacuous: in 2023-06, a, b (17 counted months through its dead one) and c (17 after its
    // dead first month) are in the target group, d (11 months since its counted overgangsydelse
    // month) is not; b's § 91 offer, dated in its overgangsydelse month, counts; c's does not.
    const row = (m: string) => hand.split("\n").find((l) => l.startsWith(`101,${m},`));
    expect(row("2023-06")).toBe("101,2023-06,3,2,3");
  });

  it("the SQL for a warehouse (over tables) is the one in docs/arkitektur.md and gives the same rows", async () => {
    const sql = fokusmaalSql("", { tables: true });
    const doc = readFileSync(fileURLToPath(new URL("../../docs/arkitektur.md", import.meta.url)), "utf8");
    expect(/```sql\n([\s\S]*?)\n```/.exec(doc)?.[1]).toBe(sql.trim());
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
    const db = await instance.connect();
    try {
      for (const name of FILES) {
        const table = name.replace(".csv", "");
        const types = table === "timer" ? ", types = {'timer': 'DECIMAL(18,4)'}" : ", types = {'person': 'VARCHAR'}";
        await db.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv('${join(sample, name)}', header = true${types})`);
      }
      const rows = (await db.runAndReadAll(sql)).getRows();
      const measured = rows.map((r) => ({ kommune: Number(r[0]), month: Number(r[1]), maalgruppe: Number(r[2]), uden_tilbud: Number(r[3]), under_4_samtaler: Number(r[4]) }));
      expect(toCsv(measured)).toBe(expected);
    } finally {
      db.closeSync();
      instance.closeSync();
    }
  });

  it("the loader follows the header's column order and reads CRLF and a BOM", () => {
    for (const name of FILES) {
      const [header, ...lines] = readFileSync(join(sample, name), "utf8").trimEnd().split("\n");
      const n = header!.split(",").length;
      const perm = [...Array(n).keys()].reverse();
      const swap = (l: string) => perm.map((i) => l.split(",")[i]).join(",");
      writeFileSync(join(tmp, name), "\ufeff" + [header!, ...lines].map(swap).join("\r\n") + "\r\n");
    }
    expect(toCsv(measure(loadPersonDir(tmp)))).toBe(expected);
  });

  it("the loader names the file and line of a value it cannot read", () => {
    const dir = mkdtempSync(join(tmp, "fejl-"));
    for (const name of FILES) writeFileSync(join(dir, name), readFileSync(join(sample, name), "utf8").split("\n")[0] + "\n");
    const months = "person,kommune,maaned,ydelse,fritaget,doed\na,101,2023-01,kontanthjaelp,0,0\n";
    writeFileSync(join(dir, "ydelsesmaaneder.csv"), months + "b,101,2023-01,folkepension,0,0\n");
    expect(() => loadPersonDir(dir)).toThrow(/ydelsesmaaneder\.csv, linje 3: ydelse «folkepension»/);
    writeFileSync(join(dir, "ydelsesmaaneder.csv"), months + 'b,101,2023-01,"kontanthjaelp",0,0\n');
    expect(() => loadPersonDir(dir)).toThrow(PersonDataError);
    writeFileSync(join(dir, "ydelsesmaaneder.csv"), months);
    writeFileSync(join(dir, "timer.csv"), "person,maaned,timer\na,2023-01,12.34567\n");
    expect(() => loadPersonDir(dir)).toThrow(/timer\.csv, linje 2: timer/);
    writeFileSync(join(dir, "timer.csv"), "person,maaned,timer\na,2023-01,12.3456\n");
    expect(loadPersonDir(dir).hours.amount[0]).toBe(123456);
  });

  it("the id table gives each distinct id one number, through its growth", () => {
    const ids = new IdTable();
    const enc = new TextEncoder();
    const n = 200_000;
    const wrong: number[] = [];
    for (let i = 0; i < n; i++) if (ids.intern(enc.encode(`x${i}`), 0, `x${i}`.length) !== i) wrong.push(i);
    expect(wrong).toEqual([]);
    const again = [0, 1, 65_535, 131_072, n - 1].map((i) => ids.intern(enc.encode(`x${i}`), 0, `x${i}`.length));
    expect(again).toEqual([0, 1, 65_535, 131_072, n - 1]);
    expect(ids.size).toBe(n);
    // ids of 8 bytes and longer, and with a NUL byte, are told apart from their prefixes
    const more = ["abcdefgh", "abcdefghi", "abc", "abc\0", "abcdefghij-lang-id", "abcdefgh"];
    const got = more.map((s) => ids.intern(enc.encode(s), 0, enc.encode(s).length) - n);
    expect(got).toEqual([0, 1, 2, 3, 4, 0]);
  });
});
