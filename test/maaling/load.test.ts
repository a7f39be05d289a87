// Person data files: every bad cell is a T03xx error with the file, line and column of the cell.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { measureData, PersonIds, PersonTableReader } from "../../load/persons.js";
import { measureCodeFor } from "../../compiler/emit-measure.js";
import { fokusmaal, HEADERS } from "./measure.js";

const plan = fokusmaal();
const kommuner = new Set(["101", "147"]);

/**
 * The diagnostics of reading the files as text; read as bytes (the fast path, which gives such
 * files to the text path), they must be the same.
 */
function problems(files: Partial<Record<string, string[]>>): { code: string; file: string; line: number; column: number; message: string }[] {
  const read = (bytes: boolean) => {
    const r = measureData(plan, measureCodeFor(plan), (d) => {
      const text = (files[d.name] ?? [HEADERS[d.name]!]).join("\n") + "\n";
      return { input: bytes ? new TextEncoder().encode(text) : text, file: `${d.name}.csv` };
    }, kommuner);
    return r.diagnostics.map((d) => ({ code: d.code, file: d.file, line: d.span.start.line, column: d.span.start.column, message: d.message }));
  };
  const text = read(false);
  expect(read(true)).toEqual(text);
  return text;
}

const good = [HEADERS.ydelsesmaaneder!, "p1,101,2022-01,kontanthjaelp,0,0"];

describe("person data files", () => {
  it("read without problems when they follow contracts.md", () => {
    expect(problems({ ydelsesmaaneder: good })).toEqual([]);
  });

  it("a month that does not exist (T0311), a date that does not exist (T0334)", () => {
    expect(problems({ ydelsesmaaneder: [HEADERS.ydelsesmaaneder!, "p1,101,2022-13,kontanthjaelp,0,0"] })).toEqual([
      expect.objectContaining({ code: "T0311", file: "ydelsesmaaneder.csv", line: 2, column: 8 }),
    ]);
    expect(problems({ ydelsesmaaneder: good, samtaler: [HEADERS.samtaler!, "p1,2023-02-29,jobsamtale,telefon"] })).toEqual([
      expect.objectContaining({ code: "T0334", file: "samtaler.csv", line: 2, column: 4 }),
    ]);
  });

  it("a kommune that is not one of the codes (T0310)", () => {
    expect(problems({ ydelsesmaaneder: [HEADERS.ydelsesmaaneder!, "p1,999,2022-01,kontanthjaelp,0,0"] })).toEqual([
      expect.objectContaining({ code: "T0310", line: 2, column: 4 }),
    ]);
  });

  it("hours: decimals with a point or a comma, at most 4 (T0336), never negative (T0315)", () => {
    const timer = (cell: string) => problems({ ydelsesmaaneder: good, timer: [HEADERS.timer!, `p1,2022-01,${cell}`] }).map((p) => p.code);
    expect(timer("12.5")).toEqual([]);
    expect(timer('"12,25"')).toEqual([]);
    expect(timer("1.23456")).toEqual(["T0336"]);
    expect(timer("-3")).toEqual(["T0315"]);
    expect(timer("tolv")).toEqual(["T0314"]);
  });

  it("a count that is not a whole number (T0316), an empty cell (T0337), a missing column (T0302)", () => {
    expect(problems({ ydelsesmaaneder: [HEADERS.ydelsesmaaneder!, "p1,101,2022-01,kontanthjaelp,0.5,0"] }).map((p) => p.code)).toEqual(["T0316"]);
    expect(problems({ ydelsesmaaneder: [HEADERS.ydelsesmaaneder!, "p1,101,2022-01,,0,0"] }).map((p) => p.code)).toEqual(["T0337"]);
    expect(problems({ ydelsesmaaneder: ["person,kommune,maaned,ydelse,fritaget", "p1,101,2022-01,kontanthjaelp,0"] })).toEqual([
      expect.objectContaining({ code: "T0302", message: "Kolonnen `doed` mangler i overskriften." }),
    ]);
  });

  it("the same person and month twice (T0335), pointing at the second line", () => {
    const rows = [HEADERS.ydelsesmaaneder!, "p1,101,2022-01,kontanthjaelp,0,0", "p2,101,2022-01,kontanthjaelp,0,0", "p1,147,2022-01,kontanthjaelp,0,0"];
    expect(problems({ ydelsesmaaneder: rows })).toEqual([
      expect.objectContaining({ code: "T0335", line: 4, message: "Personen `p1` har måneden 2022-01 to gange i data `ydelsesmaaneder` (første gang i linje 2)." }),
    ]);
  });

  it("rows need not be sorted (contracts.md)", () => {
    const sorted = measureData(plan, measureCodeFor(plan), (d) => ({ input: [HEADERS[d.name], ...(d.name === "ydelsesmaaneder" ? monthsOf(["p1", "p2"]) : [])].join("\n"), file: d.name }), kommuner);
    const shuffled = measureData(plan, measureCodeFor(plan), (d) => ({ input: [HEADERS[d.name], ...(d.name === "ydelsesmaaneder" ? monthsOf(["p1", "p2"]).reverse() : [])].join("\n"), file: d.name }), kommuner);
    expect(shuffled.table).toEqual(sorted.table);
    expect(sorted.table!.rows.at(-1)!.values).toEqual([2, 2, 2]);
  });
});

function monthsOf(persons: string[]): string[] {
  const out: string[] = [];
  for (const p of persons) for (let m = 1; m <= 12; m++) out.push(`${p},101,2022-${String(m).padStart(2, "0")},kontanthjaelp,0,0`);
  return out;
}

describe("dates and months read by character codes", () => {
  it("agree with the calendar: every day 0–32 of months 0–13 in a leap year, a century and ordinary years", async () => {
    const { parseDay, parseMonth, dayNumber } = await import("../../load/persons.js");
    for (const y of [1900, 2000, 2023, 2024]) {
      for (let m = 0; m <= 13; m++) {
        const mm = String(m).padStart(2, "0");
        expect(parseMonth(`${y}-${mm}`), `${y}-${mm}`).toBe(m >= 1 && m <= 12 ? y * 12 + m - 1 : undefined);
        for (let d = 0; d <= 32; d++) {
          const s = `${y}-${mm}-${String(d).padStart(2, "0")}`;
          expect(parseDay(s), s).toBe(dayNumber(y, m, d));
        }
      }
    }
    for (const s of ["2023-3-22", "2023-03-2x", "2023/03/22", "20230322", " 2023-03-22"]) expect(parseDay(s), s).toBeUndefined();
  });
});

describe("the fast path (bytes) and the text path read the same table", () => {
  const sample = join(import.meta.dirname, "..", "..", "data", "eksempel-personer");
  /** Each data file of the plan read by both paths, in chunks of `chunk` bytes for the fast one. */
  function both(d: (typeof plan.data)[number], bytes: Uint8Array, chunk: number) {
    const fast = new PersonTableReader(`${d.name}.csv`, d, new PersonIds());
    for (let i = 0; i < bytes.length; i += chunk) fast.push(bytes.subarray(i, i + chunk));
    const f = fast.finish();
    const text = new PersonTableReader(`${d.name}.csv`, d, new PersonIds(), undefined, { text: true });
    text.push(bytes);
    return { fast, f, t: text.finish() };
  }

  it("on the committed sample, read in chunks that cut lines anywhere, the fast path reads every file", () => {
    for (const d of plan.data) {
      const bytes = readFileSync(join(sample, `${d.name}.csv`));
      const { fast, f, t } = both(d, bytes, 4099);
      expect(fast.needsText, d.name).toBe(false);
      expect(t.diagnostics).toEqual([]);
      expect(f.table!.rows).toBeGreaterThan(1000);
      expect(f.table).toEqual(t.table);
    }
  });

  it("CRLF, a BOM, columns in another order, an extra column, blank lines and no final line break", () => {
    const d = plan.data.find((x) => x.name === "timer")!;
    const text = "\uFEFFextra,timer,maaned,person\r\nx,12.5,2022-01,p1\r\n\r\n,3,2022-02,p2\r\ny,0,1999-12,p1";
    const { fast, f, t } = both(d, new TextEncoder().encode(text), 7);
    expect(fast.needsText).toBe(false);
    expect(f.table).toEqual(t.table);
    expect(Array.from(f.table!.columns[0]!.values)).toEqual([125000, 30000, 0]);
    expect(Array.from(f.table!.line)).toEqual([2, 4, 5]);
  });

  it("leaves to the text path what it does not read itself: quotes, spaces, other separators, letters outside ASCII", () => {
    const d = plan.data.find((x) => x.name === "samtaler")!;
    for (const text of [
      'person,dato,art,form\n"p1",2023-01-02,jobsamtale,telefon\n',
      "person,dato,art,form\np1, 2023-01-02,jobsamtale,telefon\n",
      "person;dato;art;form\np1;2023-01-02;jobsamtale;telefon\n",
      "person,dato,art,form\npø,2023-01-02,jobsamtale,telefon\n",
    ]) {
      const { fast, f, t } = both(d, new TextEncoder().encode(text), 5);
      expect(fast.needsText, text).toBe(true);
      expect(f.table).toBeUndefined();
      expect(t.table?.rows, text).toBe(1);
    }
  });
});
