// Sample-data generator for tilsyn: synthetic, seeded, deterministic data for the 98
// municipalities, 2019-01 to 2025-12, in the four CSV layouts of contracts.md.
//
//   npx tsx scripts/generate-data.ts               writes data/eksempel/*.csv
//   npx tsx scripts/generate-data.ts --out DIR     writes DIR/*.csv
//   npx tsx scripts/generate-data.ts --calibrate   prints the calibration figures (writes nothing)
//
// The numbers are NOT real figures. They are drawn from a small statistical model whose
// parameters are tuned so that the bundled policies give plausible results (see
// docs/eksempeldata.md and scripts/kalibrering.ts). Byte-identical output on every run: every
// random draw comes from a mulberry32 stream seeded by SEED and a key naming what it is for.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ALDERSPROFIL, BEFOLKNING, FULDTIDSPERSONER_I_ALT, PROFIL } from "./kommune-profiler.js";
import { monthRange, toCsv } from "./csv-lite.js";
import { halfwayImproved, meanAtLeast, sumOfShares, type Fraction } from "./fokus-regning.js";
import { logistic, logit, Rng } from "./prng.js";

export const SEED = 20_220_144;
export const FRA = "2019-01";
export const TIL = "2025-12";
export const MAANEDER: readonly string[] = monthRange(FRA, TIL);
export const AAR: readonly number[] = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

export const FILNAVNE = ["tidlig_indsats.csv", "jobsoegning.csv", "fokusmaal.csv", "ydelsesgrad.csv"] as const;
export type Filnavn = (typeof FILNAVNE)[number];

const rng = (key: string): Rng => new Rng(SEED, key);

// ---------------------------------------------------------------------------------------------
// Municipalities, benefit rates and sizes
// ---------------------------------------------------------------------------------------------

export interface Kommune {
  kode: string;
  navn: string;
  /** actual benefit rate per year, in tenths of a percent (77 = 7.7 %) */
  faktisk: Map<number, number>;
  /** expected benefit rate per year, in tenths of a percent */
  forventet: Map<number, number>;
  /** full-time persons on public support (2022), the size weight of every other table */
  fuldtid: number;
}

export function readKommuner(): { kode: string; navn: string }[] {
  const path = fileURLToPath(new URL("../data/kommuner.csv", import.meta.url));
  const lines = readFileSync(path, "utf8").split(/\r?\n/).filter((l) => l.length > 0);
  return lines.slice(1).map((l) => {
    const [kode, navn] = l.split(",");
    return { kode: kode!, navn: navn! };
  });
}

/** National change of the benefit rate relative to 2022, in tenths of a percentage point. */
const YDELSESGRAD_NIVEAU: Readonly<Record<number, number>> = {
  2019: 3, 2020: 8, 2021: 4, 2022: 0, 2023: 1, 2024: 2, 2025: 3,
};
/** How many municipalities do worse than expected in 2022 (Jobindsats: 45). */
const ANTAL_DAARLIGERE_END_FORVENTET_2022 = 45;

export function byggKommuner(): Kommune[] {
  const basis = readKommuner();
  const n = basis.length;

  // 2022 actual rate: rank a latent social index (hand-set profile + noise) and map the ranks
  // onto a spread with min 4.5, median 7.7, max 11.4 (Jobindsats 2022).
  const latent = basis.map((k) => ({ kode: k.kode, z: (PROFIL[k.kode] ?? 0) + 0.5 * rng(`ydelsesgrad:latent:${k.kode}`).normal() }));
  const byZ = [...latent].sort((a, b) => a.z - b.z || (a.kode < b.kode ? -1 : 1));
  const lmax = Math.log((n - 0.5) / 0.5);
  const faktisk2022 = new Map<string, number>();
  byZ.forEach((k, r) => {
    const q = (r + 0.5) / n;
    const l = Math.log(q / (1 - q)) / lmax; // -1 … 1
    const spread = l < 0 ? 32 : 37; // tenths below / above the median
    faktisk2022.set(k.kode, Math.round(77 + spread * Math.sign(l) * Math.pow(Math.abs(l), 0.8)));
  });

  // Residual faktisk − forventet (tenths): the 45 worst on a latent "performance" are above 0.
  const perf = basis.map((k) => ({ kode: k.kode, y: rng(`ydelsesgrad:rammer:${k.kode}`).normal() }));
  const byPerf = [...perf].sort((a, b) => b.y - a.y || (a.kode < b.kode ? -1 : 1));
  const residual2022 = new Map<string, number>();
  byPerf.forEach((k, r) => {
    const g = rng(`ydelsesgrad:residual:${k.kode}`);
    const size = Math.abs(g.normal()) * 4;
    residual2022.set(k.kode, r < ANTAL_DAARLIGERE_END_FORVENTET_2022 ? Math.max(1, Math.round(size + 1.5)) : -Math.round(size + 0.3));
  });

  const vaegt = basis.map((k) => (BEFOLKNING[k.kode] ?? 0) * (ALDERSPROFIL[k.kode] ?? 1) * faktisk2022.get(k.kode)!);
  const sumVaegt = vaegt.reduce((a, b) => a + b, 0);

  return basis.map((k, i) => {
    const g = rng(`ydelsesgrad:aar:${k.kode}`);
    const drift = 0.9 * g.normal(); // tenths per year
    const f22 = faktisk2022.get(k.kode)!;
    const r22 = residual2022.get(k.kode)!;
    const faktisk = new Map<number, number>();
    const forventet = new Map<number, number>();
    // The residual wanders a little from year to year, outwards from 2022 in both directions.
    const resid = new Map<number, number>([[2022, r22]]);
    for (let y = 2023; y <= 2025; y++) resid.set(y, resid.get(y - 1)! + Math.round(1.6 * g.normal()));
    for (let y = 2021; y >= 2019; y--) resid.set(y, resid.get(y + 1)! + Math.round(1.6 * g.normal()));
    for (const y of AAR) {
      const f = y === 2022 ? f22 : f22 + YDELSESGRAD_NIVEAU[y]! + Math.round(drift * (y - 2022) + 0.8 * g.normal());
      faktisk.set(y, Math.max(30, f));
      forventet.set(y, Math.max(30, f - resid.get(y)!));
    }
    return {
      kode: k.kode,
      navn: k.navn,
      faktisk,
      forventet,
      fuldtid: (FULDTIDSPERSONER_I_ALT * vaegt[i]!) / sumVaegt,
    };
  });
}

const tiendedel = (t: number): string => `${Math.floor(t / 10)}.${t % 10}`;

function ydelsesgradCsv(kommuner: readonly Kommune[]): string {
  const rows: (string | number)[][] = [];
  for (const k of kommuner) for (const y of AAR) rows.push([k.kode, y, tiendedel(k.faktisk.get(y)!), tiendedel(k.forventet.get(y)!)]);
  return toCsv(["kommune", "aar", "faktisk", "forventet"], rows);
}

// ---------------------------------------------------------------------------------------------
// Shared time helpers
// ---------------------------------------------------------------------------------------------

const aarOf = (m: string): number => Number(m.slice(0, 4));
const mdOf = (m: string): number => Number(m.slice(5, 7));
/** Relative social tilt of a municipality: its 2022 benefit rate over the median. */
const social = (k: Kommune): number => k.faktisk.get(2022)! / 77;

/** Piecewise values by month, with a default; keys "YYYY-MM". */
function perMonth(table: Readonly<Record<string, number>>, m: string, dflt = 0): number {
  return table[m] ?? dflt;
}

// ---------------------------------------------------------------------------------------------
// tidlig_indsats.csv — early effort, per municipality, month and benefit group
// ---------------------------------------------------------------------------------------------

interface Ydelsesgruppe {
  navn: string;
  /** national number reaching 6 months' seniority in a normal month */
  flow: number;
  /** has an offer requirement (dagpenge, kontanthjælp, uddannelseshjælp, overgangsydelse) */
  tilbudskrav: boolean;
  /** exponent on the municipality's social tilt (cash benefits are concentrated) */
  tilt: number;
  /** group effect on the logit of "without the interviews" */
  samtaler: number;
  /** group effect on the logit of "without the offer" */
  tilbud: number;
}

export const YDELSESGRUPPER: readonly Ydelsesgruppe[] = [
  { navn: "A-dagpenge", flow: 2400, tilbudskrav: true, tilt: 0, samtaler: 0, tilbud: 0 },
  { navn: "Kontanthjælp", flow: 1100, tilbudskrav: true, tilt: 1.6, samtaler: 0.25, tilbud: 0.2 },
  { navn: "Uddannelseshjælp", flow: 650, tilbudskrav: true, tilt: 1.2, samtaler: 0.3, tilbud: 0.1 },
  { navn: "Overgangsydelse", flow: 140, tilbudskrav: true, tilt: 1.8, samtaler: 0.2, tilbud: 0.3 },
  { navn: "Sygedagpenge", flow: 3300, tilbudskrav: false, tilt: 0.3, samtaler: 0.15, tilbud: 0 },
  { navn: "Jobafklaring", flow: 380, tilbudskrav: false, tilt: 0.8, samtaler: -0.1, tilbud: 0 },
  { navn: "Ressourceforløb", flow: 230, tilbudskrav: false, tilt: 1.0, samtaler: -0.3, tilbud: 0 },
  { navn: "Ledighedsydelse", flow: 480, tilbudskrav: false, tilt: 0.6, samtaler: 0.35, tilbud: 0 },
  { navn: "Revalidering", flow: 55, tilbudskrav: false, tilt: 0.5, samtaler: -0.5, tilbud: 0 },
];

/** Calibration knobs of the early-effort model (tuned with --calibrate). */
export const TIDLIG = {
  /** national baseline share without the 4 interviews */
  samtalerNiveau: 0.102,
  /** national baseline share without the offer */
  tilbudNiveau: 0.105,
  /** spread of the municipality effect (logit) */
  kommuneSpredning: 0.42,
  /** extra spread for small municipalities: × (1 + smaaKommuner · ln(median size / size)) */
  smaaKommuner: 0.9,
  /** spread of the municipality × group effect (logit) */
  gruppeSpredning: 0.33,
  /** month-to-month persistence and innovation of the AR(1) drift (logit) */
  arPhi: 0.85,
  arInnovation: 0.2,
  /** scale of the COVID-19 effect on interviews (they could be held by phone or video) */
  covidSamtaler: 0.6,
};

/** Extra people reaching 6 months' seniority after the spring-2020 lay-offs (dagpenge). */
const DAGPENGE_VOLUMEN: Readonly<Record<string, number>> = {
  "2020-09": 1.9, "2020-10": 1.8, "2020-11": 1.6, "2020-12": 1.5, "2021-01": 1.45, "2021-02": 1.35,
  "2021-03": 1.25, "2021-04": 1.15, "2021-05": 1.05,
};
function volumen(g: Ydelsesgruppe, m: string): number {
  const y = aarOf(m);
  const season = 1 + 0.08 * Math.cos(((mdOf(m) - 2) / 12) * 2 * Math.PI);
  let v = 1;
  if (g.navn === "A-dagpenge") {
    v = DAGPENGE_VOLUMEN[m] ?? (y <= 2020 ? 1 : y === 2021 ? 0.95 : y === 2022 ? 0.8 : y === 2023 ? 0.88 : y === 2024 ? 0.95 : 1);
  } else if (g.navn === "Overgangsydelse") {
    v = 1 - 0.07 * (y - 2019);
  } else if (g.navn === "Kontanthjælp" || g.navn === "Uddannelseshjælp") {
    v = y === 2021 ? 1.08 : y === 2022 ? 0.95 : 1;
  } else if (g.navn === "Sygedagpenge") {
    v = m >= "2020-04" && m <= "2020-07" ? 0.85 : 1;
  }
  return v * season;
}

/** COVID-19: people whose first 6 months overlapped the lockdowns missed interviews and offers. */
const COVID_SAMTALER: Readonly<Record<string, number>> = {
  "2020-03": 0.8, "2020-04": 1.8, "2020-05": 1.8, "2020-06": 1.5, "2020-07": 1.2, "2020-08": 0.9,
  "2020-09": 0.6, "2020-10": 0.4, "2020-11": 0.3, "2020-12": 0.5, "2021-01": 0.9, "2021-02": 1.0,
  "2021-03": 0.8, "2021-04": 0.5, "2021-05": 0.3, "2021-06": 0.1,
};
const COVID_TILBUD: Readonly<Record<string, number>> = {
  "2020-03": 1.0, "2020-04": 1.8, "2020-05": 2.0, "2020-06": 2.0, "2020-07": 1.8, "2020-08": 1.6,
  "2020-09": 1.4, "2020-10": 1.2, "2020-11": 1.1, "2020-12": 1.2, "2021-01": 1.4, "2021-02": 1.4,
  "2021-03": 1.3, "2021-04": 1.1, "2021-05": 0.9, "2021-06": 0.7, "2021-07": 0.5, "2021-08": 0.4,
  "2021-09": 0.3, "2021-10": 0.2, "2021-11": 0.15, "2021-12": 0.1,
};
/** Slow national improvement after the 2020 follow-up started (logit, per year). */
const TIDLIG_TREND: Readonly<Record<number, number>> = {
  2019: 0.1, 2020: 0.05, 2021: 0, 2022: 0, 2023: -0.1, 2024: -0.15, 2025: -0.2,
};

function tidligIndsatsCsv(kommuner: readonly Kommune[]): string {
  const rows: (string | number | null)[][] = [];
  // Group weights: each group's national flow shared by size × social tilt.
  const vaegte = YDELSESGRUPPER.map((g) => {
    const w = kommuner.map((k) => k.fuldtid * Math.pow(social(k), g.tilt));
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / s);
  });
  const grupperSorteret = YDELSESGRUPPER.map((g, gi) => ({ g, gi })).sort((a, b) => (a.g.navn < b.g.navn ? -1 : 1));
  const a0s = logit(TIDLIG.samtalerNiveau);
  const a0t = logit(TIDLIG.tilbudNiveau);

  const medianStr = [...kommuner.map((k) => k.fuldtid)].sort((a, b) => a - b)[Math.floor(kommuner.length / 2)]!;
  for (const [ki, k] of kommuner.entries()) {
    const kr = rng(`tidlig:kommune:${k.kode}`);
    const spredning = TIDLIG.kommuneSpredning * (1 + TIDLIG.smaaKommuner * Math.max(0, Math.log(medianStr / k.fuldtid)));
    const uS = spredning * kr.normal();
    const uT = 0.6 * uS + 0.8 * spredning * kr.normal();
    // Per group: a persistent effect and an AR(1) drift, simulated over all months.
    const serier = grupperSorteret.map(({ g, gi }) => {
      const r = rng(`tidlig:${k.kode}:${g.navn}`);
      const vS = TIDLIG.gruppeSpredning * r.normal();
      const vT = TIDLIG.gruppeSpredning * r.normal();
      const sd0 = TIDLIG.arInnovation / Math.sqrt(1 - TIDLIG.arPhi * TIDLIG.arPhi);
      let xS = sd0 * r.normal();
      let xT = sd0 * r.normal();
      const out: [number, number, number | null][] = [];
      for (const m of MAANEDER) {
        xS = TIDLIG.arPhi * xS + TIDLIG.arInnovation * r.normal();
        xT = TIDLIG.arPhi * xT + TIDLIG.arInnovation * r.normal();
        const lambda = g.flow * volumen(g, m) * vaegte[gi]![ki]! * Math.exp(0.06 * r.normal());
        const borgere = r.poisson(lambda);
        const trend = TIDLIG_TREND[aarOf(m)]!;
        const pS = logistic(a0s + g.samtaler + uS + vS + xS + TIDLIG.covidSamtaler * perMonth(COVID_SAMTALER, m) + trend);
        const uden_samtaler = r.binomial(borgere, pS);
        let uden_tilbud: number | null = null;
        if (g.tilbudskrav) {
          const pT = logistic(a0t + g.tilbud + uT + vT + xT + perMonth(COVID_TILBUD, m) + trend);
          uden_tilbud = r.binomial(borgere, pT);
        }
        out.push([borgere, uden_samtaler, uden_tilbud]);
      }
      return out;
    });
    MAANEDER.forEach((m, t) => {
      grupperSorteret.forEach(({ g }, j) => {
        const [b, s, u] = serier[j]![t]!;
        rows.push([k.kode, m, g.navn, b, s, u]);
      });
    });
  }
  return toCsv(["kommune", "maaned", "ydelsesgruppe", "borgere", "uden_samtaler", "uden_tilbud"], rows);
}

// ---------------------------------------------------------------------------------------------
// jobsoegning.csv — job-ready cash-benefit recipients' job search
// ---------------------------------------------------------------------------------------------

export const JOBSOEGNING = {
  /** national number of job-ready recipients with a job-log duty in a normal month */
  nationalt: 14_000,
  /** national baseline red share */
  roedNiveau: 0.18,
  /** spread of the municipality effect on the red share (logit) */
  kommuneSpredning: 0.28,
  /** number of municipalities with a persistent job-log problem, and its size (logit) */
  problemKommuner: 3,
  problemEffekt: 1.1,
  arPhi: 0.75,
  arInnovation: 0.14,
};

/** Population with a job-log duty: COVID-19 dip in spring 2020 and a slow trend. */
const JOBPARATE_NIVEAU: Readonly<Record<string, number>> = {
  "2020-03": 0.9, "2020-04": 0.62, "2020-05": 0.66, "2020-06": 0.8, "2020-07": 0.9, "2020-08": 0.95,
};
function jobparateNiveau(m: string): number {
  const y = aarOf(m);
  const trend = y === 2019 ? 1.04 : y === 2020 ? 1.06 : y === 2021 ? 1.05 : y === 2022 ? 0.97 : y === 2023 ? 0.95 : y === 2024 ? 0.98 : 1.0;
  return (JOBPARATE_NIVEAU[m] ?? 1) * trend;
}
/** Red share rises while the job-log duty was suspended and just after. */
const COVID_ROED: Readonly<Record<string, number>> = {
  "2020-03": 0.5, "2020-04": 1.1, "2020-05": 0.9, "2020-06": 0.5, "2020-07": 0.25, "2020-08": 0.1,
  "2021-01": 0.15, "2021-02": 0.15,
};

function jobsoegningCsv(kommuner: readonly Kommune[]): string {
  const w = kommuner.map((k) => k.fuldtid * Math.pow(social(k), 1.8));
  const sw = w.reduce((a, b) => a + b, 0);
  // Problem municipalities: chosen by seeded draw among those with a population over 60.
  const kandidater = kommuner.filter((_, i) => (JOBSOEGNING.nationalt * w[i]!) / sw > 60).map((k) => k.kode);
  const pr = rng("jobsoegning:problemkommuner");
  const problem = new Set<string>();
  while (problem.size < JOBSOEGNING.problemKommuner) problem.add(kandidater[Math.floor(pr.uniform() * kandidater.length)]!);

  const a0 = logit(JOBSOEGNING.roedNiveau);
  const rows: (string | number | null)[][] = [];
  const sidsteMaaling = MAANEDER[MAANEDER.length - 4]!; // the 3rd month after must be in the data
  kommuner.forEach((k, i) => {
    const r = rng(`jobsoegning:${k.kode}`);
    const base = (JOBSOEGNING.nationalt * w[i]!) / sw;
    const u = JOBSOEGNING.kommuneSpredning * r.normal() + (problem.has(k.kode) ? JOBSOEGNING.problemEffekt : 0);
    const groenAndel = logistic(logit(0.68) + 0.3 * r.normal());
    const fortsatAndel = logistic(logit(0.5) + 0.3 * r.normal());
    let niveau = 0.08 * r.normal();
    let x = 0;
    for (const m of MAANEDER) {
      niveau = 0.9 * niveau + 0.035 * r.normal();
      x = JOBSOEGNING.arPhi * x + JOBSOEGNING.arInnovation * r.normal();
      const jobparate = Math.max(0, Math.round(base * jobparateNiveau(m) * Math.exp(niveau)));
      const pR = logistic(a0 + u + x + perMonth(COVID_ROED, m));
      const roed = r.binomial(jobparate, pR);
      const groen = r.binomial(jobparate - roed, logistic(logit(groenAndel) + 0.1 * r.normal()));
      const lysegroen = jobparate - roed - groen;
      const fortsat = r.binomial(roed, fortsatAndel) + r.binomial(jobparate - roed, 0.03);
      rows.push([k.kode, m, jobparate, groen, lysegroen, roed, m <= sidsteMaaling ? fortsat : null]);
    }
  });
  return toCsv(["kommune", "maaned", "jobparate", "groen", "lysegroen", "roed", "fortsat_uden_jobsoegning"], rows);
}

// ---------------------------------------------------------------------------------------------
// fokusmaal.csv — focus goals for skærpet tilsyn, with a simulated response to supervision
// ---------------------------------------------------------------------------------------------

export const FOKUS = {
  /** share of the full-time persons with ≥ 12 months' benefit duration */
  maalgruppeAndel: 0.5,
  /** municipality levels (percentage points): mean and spread, and their correlation */
  tilbudNiveau: 24.5,
  tilbudSpredning: 3.4,
  samtalerNiveau: 15.0,
  samtalerSpredning: 3.0,
  korrelation: 0.5,
  /** spread of the municipality's own trend, points per year */
  trendTilbud: 0.9,
  trendSamtaler: 0.7,
};
const GRAENSE_TILBUD = 30;
const GRAENSE_SAMTALER = 20;

/** National shifts of the 12-month focus measures (points), COVID-19 and the 2023 rule change. */
function fokusNationalt(m: string): { tilbud: number; samtaler: number } {
  const y = aarOf(m);
  const t = y * 12 + mdOf(m) - 1;
  const bump = (centre: number, width: number, height: number): number =>
    height * Math.exp(-0.5 * Math.pow((t - centre) / width, 2));
  const c = 2020 * 12 + 11; // ~ December 2020
  return {
    tilbud: bump(c, 5, 3.0) - (y >= 2023 ? 0.6 : 0),
    samtaler: bump(c, 4, 2.2) + (m >= "2023-06" && m <= "2024-06" ? 0.8 : 0),
  };
}
function maalgruppeNiveau(m: string): number {
  const y = aarOf(m);
  return y === 2019 ? 1 : y === 2020 ? 1.02 : y === 2021 ? 1.1 : y === 2022 ? 1 : y === 2023 ? 0.93 : y === 2024 ? 0.94 : 0.95;
}

type Tilstand = "normal" | "skaerpet" | "forlaenget" | "administration";

function fokusmaalCsv(kommuner: readonly Kommune[]): string {
  const rows: (string | number)[][] = [];
  for (const k of kommuner) {
    const r = rng(`fokus:${k.kode}`);
    const z1 = r.normal();
    const z2 = FOKUS.korrelation * z1 + Math.sqrt(1 - FOKUS.korrelation ** 2) * r.normal();
    const lvl1 = FOKUS.tilbudNiveau + FOKUS.tilbudSpredning * z1;
    const lvl2 = FOKUS.samtalerNiveau + FOKUS.samtalerSpredning * z2;
    const tr1 = FOKUS.trendTilbud * r.normal();
    const tr2 = FOKUS.trendSamtaler * r.normal();
    const maalBase = FOKUS.maalgruppeAndel * k.fuldtid;
    const respons = rng(`fokus:respons:${k.kode}`);

    let e1 = 0;
    let e2 = 0;
    let niveau = 0;
    // Response to supervision: offsets (points) already in full effect, plus a new offset that
    // ramps in over the year after a notice (35 % in January, full from August; × 1.25 so that
    // the year's mean moves by about the intended amount).
    const fast = [0, 0];
    const ny = [0, 0];
    let rampStart = -1;
    let tilstand: Tilstand = "normal";
    let entry: { t: Fraction; s: Fraction } | null = null;

    for (const y of AAR) {
      const us: number[] = [];
      const ss: number[] = [];
      const ms: number[] = [];
      for (let md = 1; md <= 12; md++) {
        const m = `${y}-${String(md).padStart(2, "0")}`;
        const ti = (y - 2022) * 12 + md - 6.5;
        e1 = 0.8 * e1 + 0.45 * r.normal();
        e2 = 0.8 * e2 + 0.4 * r.normal();
        niveau = 0.9 * niveau + 0.02 * r.normal();
        const ramp = rampStart < 0 ? 0 : 1.25 * Math.min(1, 0.35 + (y * 12 + md - rampStart) / 10);
        const nat = fokusNationalt(m);
        const p1 = Math.min(70, Math.max(3, lvl1 + (tr1 * ti) / 12 + nat.tilbud + e1 + fast[0]! + ramp * ny[0]!));
        const p2 = Math.min(70, Math.max(2, lvl2 + (tr2 * ti) / 12 + nat.samtaler + e2 + fast[1]! + ramp * ny[1]!));
        const maal = Math.max(5, Math.round(maalBase * maalgruppeNiveau(m) * Math.exp(niveau)));
        const uden = r.binomial(maal, p1 / 100);
        const under4 = r.binomial(maal, p2 / 100);
        rows.push([k.kode, m, maal, uden, under4]);
        us.push(uden);
        ss.push(under4);
        ms.push(maal);
      }
      if (y < 2023) continue; // skærpet tilsyn: first assessment on the 2023 data
      // The year as the policy reads it (exact rationals), and the municipality's reaction.
      const sumT = sumOfShares(us, ms);
      const sumS = sumOfShares(ss, ms);
      const failT = meanAtLeast(sumT, 12, GRAENSE_TILBUD);
      const failS = meanAtLeast(sumS, 12, GRAENSE_SAMTALER);
      const fokusOk = !failT && !failS;
      const resultatOk = k.faktisk.get(y)! <= k.forventet.get(y)!;
      const pct = (f: Fraction): number => Number((f.num * 1_000_000n) / f.den) / 120_000;
      const reager = (chanceFuld: number): void => {
        fast[0] = fast[0]! + 1.25 * ny[0]!;
        fast[1] = fast[1]! + 1.25 * ny[1]!;
        const u = respons.uniform();
        const mT = pct(sumT);
        const mS = pct(sumS);
        if (u < chanceFuld) {
          // full recovery: a little under each limit it missed
          ny[0] = failT ? GRAENSE_TILBUD - respons.between(1.5, 4) - mT : 0;
          ny[1] = failS ? GRAENSE_SAMTALER - respons.between(1.5, 4) - mS : 0;
        } else if (u < chanceFuld + (1 - chanceFuld) * 0.7) {
          // about half the way, sometimes a bit less, sometimes more
          ny[0] = failT ? -(mT - GRAENSE_TILBUD) * respons.between(0.5, 0.8) : 0;
          ny[1] = failS ? -(mS - GRAENSE_SAMTALER) * respons.between(0.5, 0.8) : 0;
        } else {
          ny[0] = 0.5 * respons.normal();
          ny[1] = 0.5 * respons.normal();
        }
        rampStart = (y + 1) * 12 + 1;
      };
      if (tilstand === "normal") {
        if (!resultatOk && !fokusOk) {
          tilstand = "skaerpet";
          entry = { t: sumT, s: sumS };
          reager(0.35);
        }
      } else if (tilstand === "skaerpet") {
        if (fokusOk) tilstand = "normal";
        else if (
          entry !== null &&
          (!failT || halfwayImproved(entry.t, sumT, 12, GRAENSE_TILBUD)) &&
          (!failS || halfwayImproved(entry.s, sumS, 12, GRAENSE_SAMTALER))
        ) {
          tilstand = "forlaenget";
          reager(0.65);
        } else {
          tilstand = "administration";
          reager(0.5);
        }
      } else if (fokusOk) {
        tilstand = "normal";
      } else {
        tilstand = "administration";
        reager(0.5);
      }
    }
  }
  return toCsv(["kommune", "maaned", "maalgruppe", "uden_tilbud", "under_4_samtaler"], rows);
}

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

/** All four files, in memory: file name → CSV text. */
export function generateAll(): Record<Filnavn, string> {
  const kommuner = byggKommuner();
  return {
    "tidlig_indsats.csv": tidligIndsatsCsv(kommuner),
    "jobsoegning.csv": jobsoegningCsv(kommuner),
    "fokusmaal.csv": fokusmaalCsv(kommuner),
    "ydelsesgrad.csv": ydelsesgradCsv(kommuner),
  };
}

/** Write the four files into outDir (created if missing). */
export function generate(outDir: string): Record<Filnavn, string> {
  const files = generateAll();
  mkdirSync(outDir, { recursive: true });
  for (const name of FILNAVNE) writeFileSync(join(outDir, name), files[name], "utf8");
  return files;
}

export const STANDARD_UDDATA = fileURLToPath(new URL("../data/eksempel/", import.meta.url));

async function main(argv: string[]): Promise<void> {
  if (argv.includes("--calibrate")) {
    const { kalibrering } = await import("./kalibrering.js");
    const kommuner = byggKommuner();
    process.stdout.write(kalibrering(generateAll(), kommuner));
    return;
  }
  const i = argv.indexOf("--out");
  const out = i >= 0 && argv[i + 1] ? argv[i + 1]! : STANDARD_UDDATA;
  const files = generate(out);
  for (const name of FILNAVNE) {
    const lines = files[name].split("\n").length - 2;
    process.stdout.write(`${join(out, name)}: ${lines} rækker, ${Buffer.byteLength(files[name])} bytes\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
