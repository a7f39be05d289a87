// The person-level sample generator (scripts/generate-persons.ts): deterministic from its seed,
// the committed sample is its output, and the data has what § 3b's rules need to be exercised.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { FILES, FRA, generatePersons, SAMPLE_PERSONS, SEED, TIL, YDELSER, type FileKey } from "../../scripts/generate-persons.js";

const dir = fileURLToPath(new URL("../../data/eksempel-personer/", import.meta.url));
const KEYS = Object.keys(FILES) as FileKey[];

/** Generates into memory: per file, the hash of its bytes and the text. */
function generateInMemory(seed: number, persons: number): Record<FileKey, { hash: string; text: string }> {
  const parts: Record<FileKey, string[]> = { ydelsesmaaneder: [], samtaler: [], tilbud: [], timer: [] };
  generatePersons({ seed, persons, fra: FRA, til: TIL }, { write: (file, chunk) => void parts[file].push(chunk) });
  const out = {} as Record<FileKey, { hash: string; text: string }>;
  for (const key of KEYS) {
    const text = parts[key].join("");
    out[key] = { hash: createHash("sha256").update(text).digest("hex"), text };
  }
  return out;
}

const rows = (text: string): string[][] => text.trimEnd().split("\n").slice(1).map((l) => l.split(","));

let sample: Record<FileKey, { hash: string; text: string }>;
beforeAll(() => {
  sample = generateInMemory(SEED, SAMPLE_PERSONS);
});

describe("person-level generator", () => {
  it("gives the same bytes for the same seed, and other bytes for another seed", () => {
    const again = generateInMemory(SEED, SAMPLE_PERSONS);
    const other = generateInMemory(SEED + 1, SAMPLE_PERSONS);
    for (const key of KEYS) {
      expect(again[key].hash).toBe(sample[key].hash);
      expect(other[key].hash).not.toBe(sample[key].hash);
    }
  });

  it("reproduces the committed sample data/eksempel-personer byte for byte", () => {
    for (const key of KEYS) {
      const committed = createHash("sha256").update(readFileSync(`${dir}${FILES[key].name}`)).digest("hex");
      expect(committed, `${FILES[key].name} differs; run npm run data:personer`).toBe(sample[key].hash);
    }
  });

  it("writes the contract's headers and values", () => {
    const koder = new Set(readFileSync(fileURLToPath(new URL("../../data/kommuner.csv", import.meta.url)), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0]));
    for (const key of KEYS) expect(sample[key].text.split("\n")[0]).toBe(FILES[key].header);
    const months = rows(sample.ydelsesmaaneder.text);
    const bad = months.filter(
      ([, kommune, maaned, ydelse, fritaget, doed]) =>
        !koder.has(kommune) || maaned! < FRA || maaned! > TIL || !(YDELSER as readonly string[]).includes(ydelse!) || !/^[01]$/.test(fritaget!) || !/^[01]$/.test(doed!),
    );
    expect(bad).toEqual([]);
    expect(new Set(months.map((r) => r[3])).size).toBe(9);
    expect(new Set(months.map((r) => r[2])).size).toBe(84);
    const pairs = new Set(months.map((r) => `${r[0]}|${r[2]}`));
    expect(pairs.size).toBe(months.length); // one row per person and month
  });

  it("has dead months inside spells, exempt months, moves and rows not sorted by person", () => {
    const months = rows(sample.ydelsesmaaneder.text);
    const key = (p: string, m: string) => `${p}|${m}`;
    const byKey = new Map(months.map((r) => [key(r[0]!, r[2]!), r]));
    const shift = (m: string, d: number) => {
      const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 + d;
      return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
    };
    const deadInside = months.filter((r) => {
      if (r[5] !== "1") return false;
      const before = byKey.get(key(r[0]!, shift(r[2]!, -1)));
      const after = byKey.get(key(r[0]!, shift(r[2]!, 1)));
      return before?.[5] === "0" && after?.[5] === "0" && before[3] === r[3] && after[3] === r[3];
    });
    expect(deadInside.length).toBeGreaterThan(50);
    expect(months.filter((r) => r[4] === "1").length).toBeGreaterThan(1000);
    const kommuner = new Map<string, Set<string>>();
    for (const r of months) (kommuner.get(r[0]!) ?? kommuner.set(r[0]!, new Set()).get(r[0]!)!).add(r[1]!);
    expect([...kommuner.values()].filter((s) => s.size > 1).length).toBeGreaterThan(10);
    const persons = months.map((r) => r[0]!);
    expect(persons.some((p, i) => i > 0 && p < persons[i - 1]!)).toBe(true);
    expect(persons.some((p, i) => i > 0 && p > persons[i - 1]!)).toBe(true);
    // spells of at least 12 months, and benefit changes from one month to the next
    const change = months.filter((r) => {
      const next = byKey.get(key(r[0]!, shift(r[2]!, 1)));
      return next !== undefined && next[3] !== r[3];
    });
    expect(change.length).toBeGreaterThan(50);
  });

  it("has interviews of each art and form on both sides of 2023-03-22", () => {
    const interviews = rows(sample.samtaler.text);
    for (const art of ["jobsamtale", "sygeopfoelgning"]) {
      for (const form of ["personligt", "telefon", "digitalt"]) {
        const these = interviews.filter((r) => r[2] === art && r[3] === form);
        expect(these.some((r) => r[1]! < "2023-03-22"), `${art} ${form} før`).toBe(true);
        expect(these.some((r) => r[1]! >= "2023-03-22"), `${art} ${form} efter`).toBe(true);
      }
    }
    expect(interviews.filter(([, dato]) => !/^\d{4}-\d{2}-\d{2}$/.test(dato!) || Number.isNaN(Date.parse(dato!)))).toEqual([]);
  });

  it("has offers of each kind, § 91 offers to every benefit group after 2023-03-22, and hours with decimals", () => {
    const offers = rows(sample.tilbud.text);
    expect(new Set(offers.map((r) => r[2])).size).toBe(5);
    const benefit = new Map(rows(sample.ydelsesmaaneder.text).map((r) => [`${r[0]}|${r[2]}`, r[3]]));
    const groups = new Set(offers.filter((r) => r[2] === "oevrig_vejledning_91" && r[1]! >= "2023-03-22").map((r) => benefit.get(`${r[0]}|${r[1]!.slice(0, 7)}`)));
    for (const y of YDELSER) expect(groups.has(y), y).toBe(true);
    const hours = rows(sample.timer.text).map((r) => r[2]!);
    expect(hours.every((h) => /^\d+(\.\d{1,2})?$/.test(h))).toBe(true);
    expect(hours.some((h) => h.includes("."))).toBe(true);
  });
});
