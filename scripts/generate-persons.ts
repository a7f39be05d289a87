// Person-level sample data for the measurement layer (domain.md § 3b, contracts.md "Person-level
// data"): synthetic, seeded, deterministic.
//
//   npx tsx scripts/generate-persons.ts                  writes data/eksempel-personer/*.csv (small)
//   npx tsx scripts/generate-persons.ts --out DIR        the same sample into DIR
//   npx tsx scripts/generate-persons.ts --national DIR   ≈ 50 million person-months into DIR
//   --persons N   overrides the number of persons; --seed S the seed
//
// Each person is simulated month by month: spells of one benefit with varying lengths, direct
// benefit changes and gaps between spells, exempt months (some persons mostly exempt), dead
// months (standby streaks and maternity leave), moves between municipalities within a spell,
// interviews of each art and form (the mix shifts towards personal attendance after
// 2023-03-22), offers including LAB § 91 to every benefit group, and hours of ordinary work with
// decimals. Rows are written in shuffled order within blocks of persons, like a register
// extract that is not sorted by person. Output is streamed to the files in chunks: the national
// mode never holds a file as one string.
//
// Every random draw comes from a mulberry32 stream keyed by the seed and the person's number, so
// the bytes depend only on the seed, the number of persons and the months.

import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { SAMTALE_FORM, TILBUD_ART, YDELSER } from "../bench/handwritten/fokusmaal.js";
import { BEFOLKNING } from "./kommune-profiler.js";
import { Rng } from "./prng.js";

export const SEED = 20_230_322;
export const FRA = "2019-01";
export const TIL = "2025-12";
/** Persons in the committed sample: a few MB in all. */
export const SAMPLE_PERSONS = 2_500;
/** Persons in national mode: ≈ 50 million person-months over 2019–2025. */
export const NATIONAL_PERSONS = 2_270_000;
/** Persons simulated, shuffled and written together. */
const BLOCK = 25_000;

export const FILES = {
  ydelsesmaaneder: { name: "ydelsesmaaneder.csv", header: "person,kommune,maaned,ydelse,fritaget,doed" },
  samtaler: { name: "samtaler.csv", header: "person,dato,art,form" },
  tilbud: { name: "tilbud.csv", header: "person,dato,art" },
  timer: { name: "timer.csv", header: "person,maaned,timer" },
} as const;
export type FileKey = keyof typeof FILES;
const KEYS = Object.keys(FILES) as FileKey[];

// The values contracts.md allows, as the hand-written § 3b count names them.
export { YDELSER };
/** Share of new spells per benefit (sums to 1). */
const YDELSE_WEIGHT = [0.2, 0.33, 0.02, 0.03, 0.09, 0.19, 0.02, 0.06, 0.06];
/** Mean spell length in months per benefit (the draw is a mix of short and long spells). */
const YDELSE_MEAN = [7, 6, 20, 24, 16, 22, 18, 30, 24];

const TILBUD_WEIGHT = [0.24, 0.18, 0.08, 0.22, 0.28];

export interface Options {
  seed: number;
  persons: number;
  /** "YYYY-MM" */
  fra: string;
  til: string;
}

/** Where the generator writes: one call per chunk of complete lines (header first). */
export interface Sink {
  write(file: FileKey, chunk: string): void;
}

const monthIndex = (ym: string): number => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const monthLabel = (m: number): string => `${Math.floor(m / 12)}-${pad2((m % 12) + 1)}`;
const daysIn = (m: number): number => new Date(Date.UTC(Math.floor(m / 12), (m % 12) + 1, 0)).getUTCDate();
/** 2023-03 as a month index: interviews in it are dated before or after the 22nd. */
const CHANGE_MONTH = monthIndex("2023-03");

/** An opaque id: the person's number through a bijection of 32-bit integers, in base 36. */
export function personId(seed: number, i: number): string {
  const x = Math.imul((i ^ (seed & 0xffff0000)) >>> 0, 2654435761) >>> 0;
  return "p" + x.toString(36).padStart(7, "0");
}

function pick(rng: Rng, weights: readonly number[]): number {
  let u = rng.uniform();
  for (let i = 0; i < weights.length - 1; i++) {
    u -= weights[i]!;
    if (u < 0) return i;
  }
  return weights.length - 1;
}

interface Kommuner {
  codes: string[];
  cumulative: Float64Array;
  /** Per kommune: how often it holds interviews and offers (spreads the focus measures). */
  interviewRate: Float64Array;
  offerRate: Float64Array;
}

function kommuner(seed: number): Kommuner {
  const codes = Object.keys(BEFOLKNING).sort();
  const weights = codes.map((k) => BEFOLKNING[k]!);
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = new Float64Array(codes.length);
  let acc = 0;
  codes.forEach((_, i) => (cumulative[i] = acc += weights[i]! / total));
  const interviewRate = new Float64Array(codes.length);
  const offerRate = new Float64Array(codes.length);
  codes.forEach((k, i) => {
    const rng = new Rng(seed, `kommune:${k}`);
    interviewRate[i] = rng.between(0.22, 0.5);
    offerRate[i] = rng.between(0.03, 0.12);
  });
  return { codes, cumulative, interviewRate, offerRate };
}

function pickKommune(rng: Rng, k: Kommuner): number {
  const u = rng.uniform();
  let lo = 0;
  let hi = k.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (k.cumulative[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Spell length in calendar months: mostly around the benefit's mean, with a tail of long spells. */
function spellLength(rng: Rng, ydelse: number): number {
  const mean = YDELSE_MEAN[ydelse]!;
  const u = rng.uniform();
  if (u < 0.35) return 1 + Math.floor(rng.uniform() * Math.min(mean, 11)); // short
  if (u < 0.5) return 10 + Math.floor(rng.uniform() * 5); // around the 12-month boundary
  return 1 + Math.floor(-Math.log(1 - rng.uniform()) * mean * 1.6);
}

/** Hours of work in a month: whole hours or with up to two decimals. */
function hours(rng: Rng): string {
  const whole = rng.uniform() < 0.1 ? 60 + Math.floor(rng.uniform() * 80) : 1 + Math.floor(rng.uniform() * 40);
  const u = rng.uniform();
  if (u < 0.5) return String(whole);
  if (u < 0.8) return `${whole}.5`;
  const hundredths = 1 + Math.floor(rng.uniform() * 99);
  return `${whole}.${pad2(hundredths)}`;
}

/** Per-file buffers of lines for one block of persons. */
type Lines = Record<FileKey, string[]>;

/** Simulates one person, appending their rows to `out`. */
function simulate(seed: number, i: number, first: number, last: number, k: Kommuner, out: Lines): void {
  const rng = new Rng(seed, `person:${i}`);
  const id = personId(seed, i);
  // Start anywhere from three years before the data to its last month, so spells run across the
  // first month of the data.
  let m = first - 36 + Math.floor(rng.uniform() * (last - first + 37));
  let kommune = pickKommune(rng, k);
  const mostlyExempt = rng.uniform() < 0.12;
  let ydelse = pick(rng, YDELSE_WEIGHT);
  while (m <= last) {
    const length = spellLength(rng, ydelse);
    const exemptP = mostlyExempt ? rng.between(0.3, 0.8) : rng.uniform() < 0.2 ? rng.between(0.05, 0.3) : 0;
    let deadLeft = 0;
    const end = m + length;
    for (; m < end && m <= last; m++) {
      if (rng.uniform() < 0.004) kommune = pickKommune(rng, k); // a move; the spell goes on
      let doed = false;
      if (deadLeft > 0) {
        doed = true;
        deadLeft--;
      } else {
        const u = rng.uniform();
        if (u < 0.025) {
          doed = true; // standby ("opfølgning uden kontakt")
          deadLeft = Math.floor(rng.uniform() * 3);
        } else if (u < 0.028) {
          doed = true; // maternity leave
          deadLeft = 4 + Math.floor(rng.uniform() * 7);
        }
      }
      const fritaget = !doed && rng.uniform() < exemptP;
      if (m < first) continue;
      const month = monthLabel(m);
      out.ydelsesmaaneder.push(`${id},${k.codes[kommune]},${month},${YDELSER[ydelse]},${fritaget ? 1 : 0},${doed ? 1 : 0}`);
      const days = daysIn(m);
      // Interviews: fewer in dead months, but some (a dated event in a dead month still counts).
      const rate = doed ? 0.08 : k.interviewRate[kommune]!;
      let n = rng.uniform() < rate ? 1 : 0;
      if (n && rng.uniform() < 0.25) n++;
      for (let j = 0; j < n; j++) {
        const day = 1 + Math.floor(rng.uniform() * days);
        const art = (ydelse === 1 ? rng.uniform() < 0.85 : rng.uniform() < 0.03) ? "sygeopfoelgning" : "jobsamtale";
        const after = m > CHANGE_MONTH || (m === CHANGE_MONTH && day >= 22);
        const form = SAMTALE_FORM[pick(rng, after ? [0.6, 0.25, 0.15] : [0.45, 0.35, 0.2])]!;
        out.samtaler.push(`${id},${month}-${pad2(day)},${art},${form}`);
      }
      if (rng.uniform() < (doed ? 0.01 : k.offerRate[kommune]!)) {
        const day = 1 + Math.floor(rng.uniform() * days);
        out.tilbud.push(`${id},${month}-${pad2(day)},${TILBUD_ART[pick(rng, TILBUD_WEIGHT)]}`);
      }
      if (!doed && rng.uniform() < (ydelse === 1 || ydelse === 7 ? 0.04 : 0.12)) {
        out.timer.push(`${id},${month},${hours(rng)}`);
      }
    }
    if (m > last) break;
    const u = rng.uniform();
    if (u < 0.3) {
      // a change of benefit: the next spell starts the month after, with another benefit
      const next = pick(rng, YDELSE_WEIGHT);
      ydelse = next === ydelse ? (ydelse + 1 + Math.floor(rng.uniform() * (YDELSER.length - 1))) % YDELSER.length : next;
    } else if (u < 0.7) {
      // a gap without benefit; some work in it, which no window reaches
      const gap = 1 + Math.floor(rng.uniform() * 24);
      for (let g = 0; g < gap && m <= last; g++, m++) {
        if (m >= first && rng.uniform() < 0.1) out.timer.push(`${id},${monthLabel(m)},${hours(rng)}`);
      }
      ydelse = pick(rng, YDELSE_WEIGHT);
    } else {
      break;
    }
  }
}

function shuffle(rng: Rng, xs: string[]): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    const t = xs[i]!;
    xs[i] = xs[j]!;
    xs[j] = t;
  }
}

/** Writes `lines` in chunks of complete lines. */
function flush(sink: Sink, file: FileKey, lines: string[]): void {
  const CHUNK = 20_000;
  for (let i = 0; i < lines.length; i += CHUNK) sink.write(file, lines.slice(i, i + CHUNK).join("\n") + "\n");
}

export interface Counts {
  persons: number;
  rows: Record<FileKey, number>;
}

/** Generates all four files into `sink`; `progress` is called after each block. */
export function generatePersons(opts: Options, sink: Sink, progress?: (done: number, counts: Counts) => void): Counts {
  const first = monthIndex(opts.fra);
  const last = monthIndex(opts.til);
  const k = kommuner(opts.seed);
  const counts: Counts = { persons: opts.persons, rows: { ydelsesmaaneder: 0, samtaler: 0, tilbud: 0, timer: 0 } };
  for (const key of KEYS) sink.write(key, FILES[key].header + "\n");
  for (let start = 0; start < opts.persons; start += BLOCK) {
    const out: Lines = { ydelsesmaaneder: [], samtaler: [], tilbud: [], timer: [] };
    const end = Math.min(opts.persons, start + BLOCK);
    for (let i = start; i < end; i++) simulate(opts.seed, i, first, last, k, out);
    const rng = new Rng(opts.seed, `block:${start}`);
    for (const key of KEYS) {
      shuffle(rng, out[key]);
      flush(sink, key, out[key]);
      counts.rows[key] += out[key].length;
    }
    progress?.(end, counts);
  }
  return counts;
}

/** A sink that writes each file to `dir` through a file descriptor, chunk by chunk. */
export function fileSink(dir: string): Sink & { close(): void } {
  mkdirSync(dir, { recursive: true });
  const fds = Object.fromEntries(KEYS.map((key) => [key, openSync(join(dir, FILES[key].name), "w")])) as Record<FileKey, number>;
  return {
    write: (file, chunk) => void writeSync(fds[file], chunk),
    close: () => KEYS.forEach((key) => closeSync(fds[key])),
  };
}

function main(argv: string[]): void {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const national = arg("--national");
  const dir = national ?? arg("--out") ?? fileURLToPath(new URL("../data/eksempel-personer/", import.meta.url));
  const persons = Number(arg("--persons") ?? (national ? NATIONAL_PERSONS : SAMPLE_PERSONS));
  const seed = Number(arg("--seed") ?? SEED);
  if (!Number.isInteger(persons) || persons <= 0 || !Number.isInteger(seed)) {
    console.error("Brug: generate-persons.ts [--out MAPPE | --national MAPPE] [--persons N] [--seed S]");
    process.exit(2);
  }
  const t0 = performance.now();
  const sink = fileSink(dir);
  const counts = generatePersons({ seed, persons, fra: FRA, til: TIL }, sink, (done, c) => {
    if (national) {
      const s = ((performance.now() - t0) / 1000).toFixed(0);
      process.stderr.write(`\r  ${done.toLocaleString("da-DK")} af ${persons.toLocaleString("da-DK")} personer, ${c.rows.ydelsesmaaneder.toLocaleString("da-DK")} personmåneder (${s} s)`);
    }
  });
  sink.close();
  if (national) process.stderr.write("\n");
  const r = counts.rows;
  console.log(
    `Skrev ${dir}: ${persons.toLocaleString("da-DK")} personer, ${r.ydelsesmaaneder.toLocaleString("da-DK")} personmåneder, ` +
      `${r.samtaler.toLocaleString("da-DK")} samtaler, ${r.tilbud.toLocaleString("da-DK")} tilbud, ${r.timer.toLocaleString("da-DK")} måneder med timer ` +
      `(${((performance.now() - t0) / 1000).toFixed(1)} s).`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main(process.argv.slice(2));
