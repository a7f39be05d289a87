// Calibration report for the sample data (`npx tsx scripts/generate-data.ts --calibrate`).
//
// Small counters written independently of the generator's model: they read the CSV text only,
// as the policies would, and count what the bundled rules would give. They are a check on the
// data, not a second implementation of the language.

import { addMonths, parseCsv } from "./csv-lite.js";
import { halfwayImproved, meanAtLeast, sumOfShares, type Fraction } from "./fokus-regning.js";

interface KommuneStr {
  kode: string;
  navn: string;
  fuldtid: number;
}

const num = (s: string | undefined): number | null => (s === undefined || s === "" ? null : Number(s));

// ---------------------------------------------------------------------------------------------
// Early effort, 2020 rules (domain.md § 1a)
// ---------------------------------------------------------------------------------------------

export interface Tidlig2020Resultat {
  /** contacts per calendar year of the contact date */
  perAar: Map<number, number>;
  /** distinct municipalities contacted per calendar year */
  kommunerPerAar: Map<number, Set<string>>;
  /** contacts per year from the interviews / offers criterion (one contact may have both) */
  samtalerPerAar: Map<number, number>;
  tilbudPerAar: Map<number, number>;
}

/**
 * One contact per (kommune, group, data month M) when, in each of the 3 data months ending at M,
 * borgere ≥ 10 and 5·uden > borgere, for interviews; likewise for offers, but only for M ≥
 * tilbudFra (and, with helVindue, only when the whole window is ≥ tilbudFra). Dated the 1st of
 * month M + 3 (published 2 months after, followed up the month after).
 */
export function taelTidlig2020(csv: string, tilbudFra = "2022-03", helVindue = false): Tidlig2020Resultat {
  const { rows } = parseCsv(csv);
  const serier = new Map<string, Map<string, { b: number; s: number; t: number | null }>>();
  for (const r of rows) {
    const key = `${r.kommune}|${r.ydelsesgruppe}`;
    let m = serier.get(key);
    if (!m) serier.set(key, (m = new Map()));
    m.set(r.maaned!, { b: Number(r.borgere), s: Number(r.uden_samtaler), t: num(r.uden_tilbud) });
  }
  const res: Tidlig2020Resultat = { perAar: new Map(), kommunerPerAar: new Map(), samtalerPerAar: new Map(), tilbudPerAar: new Map() };
  const inc = (m: Map<number, number>, y: number): void => void m.set(y, (m.get(y) ?? 0) + 1);
  for (const [key, serie] of serier) {
    const kommune = key.split("|")[0]!;
    for (const M of serie.keys()) {
      const vindue = [addMonths(M, -2), addMonths(M, -1), M].map((m) => serie.get(m));
      if (vindue.some((v) => v === undefined)) continue;
      const ok = (f: (v: { b: number; s: number; t: number | null }) => boolean): boolean => vindue.every((v) => v !== undefined && v.b >= 10 && f(v));
      const samtaler = ok((v) => 5 * v.s > v.b);
      const tilbudGaelder = helVindue ? vindue.every((_, i) => addMonths(M, i - 2) >= tilbudFra) : M >= tilbudFra;
      const tilbud = tilbudGaelder && ok((v) => v.t !== null && 5 * v.t > v.b);
      if (!samtaler && !tilbud) continue;
      const y = Number(addMonths(M, 3).slice(0, 4));
      inc(res.perAar, y);
      if (samtaler) inc(res.samtalerPerAar, y);
      if (tilbud) inc(res.tilbudPerAar, y);
      let s = res.kommunerPerAar.get(y);
      if (!s) res.kommunerPerAar.set(y, (s = new Set()));
      s.add(kommune);
    }
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
// Early effort, 2024 rules (domain.md § 1b): half-yearly, all groups pooled
// ---------------------------------------------------------------------------------------------

export interface Halvaar {
  periode: string;
  kontakter: number;
  samtaler: number;
  tilbud: number;
}

export function taelTidlig2024(csv: string): Halvaar[] {
  const { rows } = parseCsv(csv);
  const sum = new Map<string, { b: number; s: number; bt: number; t: number }>();
  for (const r of rows) {
    const m = r.maaned!;
    const periode = `${m.slice(0, 4)}-H${Number(m.slice(5, 7)) <= 6 ? 1 : 2}`;
    const key = `${periode}|${r.kommune}`;
    const a = sum.get(key) ?? { b: 0, s: 0, bt: 0, t: 0 };
    a.b += Number(r.borgere);
    a.s += Number(r.uden_samtaler);
    const t = num(r.uden_tilbud);
    if (t !== null) {
      a.bt += Number(r.borgere);
      a.t += t;
    }
    sum.set(key, a);
  }
  const perPeriode = new Map<string, Halvaar>();
  for (const [key, a] of sum) {
    const periode = key.split("|")[0]!;
    const h = perPeriode.get(periode) ?? { periode, kontakter: 0, samtaler: 0, tilbud: 0 };
    const s = a.b >= 10 && 5 * a.s > a.b;
    const t = a.bt >= 10 && 5 * a.t > a.bt;
    if (s) h.samtaler++;
    if (t) h.tilbud++;
    if (s || t) h.kontakter++;
    perPeriode.set(periode, h);
  }
  return [...perPeriode.values()].sort((x, y) => (x.periode < y.periode ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------
// Job search (domain.md § 2)
// ---------------------------------------------------------------------------------------------

export interface JobsoegningResultat {
  nationaltPerAar: Map<number, number>;
  straksPerAar: Map<number, number>;
  straksKommuner: Set<string>;
  observationPerAar: Map<number, number>;
  fortsatPerAar: Map<number, number>;
  praecis40: number;
  kommunerPraecis40: Set<string>;
  under40PerAar: Map<number, number>;
}

export function taelJobsoegning(csv: string): JobsoegningResultat {
  const { rows } = parseCsv(csv);
  const res: JobsoegningResultat = {
    nationaltPerAar: new Map(), straksPerAar: new Map(), straksKommuner: new Set(), observationPerAar: new Map(),
    fortsatPerAar: new Map(), praecis40: 0, kommunerPraecis40: new Set(), under40PerAar: new Map(),
  };
  const inc = (m: Map<number, number>, y: number, n = 1): void => void m.set(y, (m.get(y) ?? 0) + n);
  const serie = new Map<string, { m: string; j: number; r: number; f: number | null }[]>();
  for (const r of rows) {
    const j = Number(r.jobparate);
    const roed = Number(r.roed);
    const y = Number(r.maaned!.slice(0, 4));
    inc(res.nationaltPerAar, y, j / 12);
    if (j === 40) {
      res.praecis40++;
      res.kommunerPraecis40.add(r.kommune!);
    }
    const min = roed >= 20 && j > 40;
    if (min && 2 * roed >= j) {
      inc(res.straksPerAar, y);
      res.straksKommuner.add(r.kommune!);
    }
    const f = num(r.fortsat_uden_jobsoegning);
    if (min && f !== null && 4 * f > j) inc(res.fortsatPerAar, y);
    const s = serie.get(r.kommune!) ?? [];
    s.push({ m: r.maaned!, j, r: roed, f });
    serie.set(r.kommune!, s);
  }
  for (const s of serie.values()) {
    for (let i = 2; i < s.length; i++) {
      const w = [s[i - 2]!, s[i - 1]!, s[i]!];
      if (w.every((v) => v.r >= 20 && v.j > 40 && 5 * v.r > 2 * v.j)) inc(res.observationPerAar, Number(s[i]!.m.slice(0, 4)));
    }
    const perAar = new Map<number, number[]>();
    for (const v of s) {
      const y = Number(v.m.slice(0, 4));
      perAar.set(y, [...(perAar.get(y) ?? []), v.j]);
    }
    for (const [y, js] of perAar) if (js.reduce((a, b) => a + b, 0) < 40 * js.length) inc(res.under40PerAar, y);
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
// Skærpet tilsyn (domain.md § 3)
// ---------------------------------------------------------------------------------------------

export interface SkaerpetAar {
  aar: number;
  daarligereEndForventet: number;
  fejlerFokusmaal: number;
  kandidater: number;
  /** simulated with the state machine of policies/skaerpet-tilsyn.tilsyn, from the 2023 data */
  indtraeden: number;
  ophoer: number;
  forlaengelse: number;
  administration: number;
  iTilsyn: number;
}

export function taelSkaerpet(fokusCsv: string, ydelsesCsv: string): SkaerpetAar[] {
  const fokus = parseCsv(fokusCsv).rows;
  const yd = parseCsv(ydelsesCsv).rows;
  const perKA = new Map<string, { u: number[]; s: number[]; m: number[] }>();
  for (const r of fokus) {
    const key = `${r.kommune}|${r.maaned!.slice(0, 4)}`;
    const a = perKA.get(key) ?? { u: [], s: [], m: [] };
    a.u.push(Number(r.uden_tilbud));
    a.s.push(Number(r.under_4_samtaler));
    a.m.push(Number(r.maalgruppe));
    perKA.set(key, a);
  }
  // compare tenths as integers: "7.7" → 77
  const tenths = (s: string): number => Math.round(Number(s) * 10);
  const resultat = new Map<string, boolean>();
  for (const r of yd) resultat.set(`${r.kommune}|${r.aar}`, tenths(r.faktisk!) <= tenths(r.forventet!));
  const kommuner = [...new Set(yd.map((r) => r.kommune!))].sort();
  const aar = [...new Set(yd.map((r) => Number(r.aar)))].sort();
  const tilstand = new Map<string, { t: string; entry: { t: Fraction; s: Fraction } | null }>();
  const out: SkaerpetAar[] = [];
  for (const y of aar) {
    const a: SkaerpetAar = { aar: y, daarligereEndForventet: 0, fejlerFokusmaal: 0, kandidater: 0, indtraeden: 0, ophoer: 0, forlaengelse: 0, administration: 0, iTilsyn: 0 };
    for (const k of kommuner) {
      const d = perKA.get(`${k}|${y}`);
      if (!d || d.m.length !== 12) continue;
      const sumT = sumOfShares(d.u, d.m);
      const sumS = sumOfShares(d.s, d.m);
      const failT = meanAtLeast(sumT, 12, 30);
      const failS = meanAtLeast(sumS, 12, 20);
      const fokusOk = !failT && !failS;
      const resOk = resultat.get(`${k}|${y}`) ?? true;
      if (!resOk) a.daarligereEndForventet++;
      if (!fokusOk) a.fejlerFokusmaal++;
      if (!resOk && !fokusOk) a.kandidater++;
      if (y < 2023) continue;
      const st = tilstand.get(k) ?? { t: "normal", entry: null };
      if (st.t === "normal") {
        if (!resOk && !fokusOk) {
          st.t = "skaerpet";
          st.entry = { t: sumT, s: sumS };
          a.indtraeden++;
        }
      } else if (st.t === "skaerpet") {
        if (fokusOk) {
          st.t = "normal";
          a.ophoer++;
        } else if (st.entry && (!failT || halfwayImproved(st.entry.t, sumT, 12, 30)) && (!failS || halfwayImproved(st.entry.s, sumS, 12, 20))) {
          st.t = "forlaenget";
          a.forlaengelse++;
        } else {
          st.t = "administration";
          a.administration++;
        }
      } else if (fokusOk) {
        st.t = "normal";
        a.ophoer++;
      } else if (st.t === "forlaenget") {
        st.t = "administration";
        a.administration++;
      }
      if (st.t !== "normal") a.iTilsyn++;
      tilstand.set(k, st);
    }
    out.push(a);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

export function kalibrering(files: Record<string, string>, kommuner: readonly KommuneStr[]): string {
  const l: string[] = [];
  const fmt = (x: number): string => Math.round(x).toLocaleString("en-US");
  const total = kommuner.reduce((a, k) => a + k.fuldtid, 0);
  const sorted = [...kommuner].sort((a, b) => b.fuldtid - a.fuldtid);
  l.push(`Størrelser (fuldtidspersoner 2022): i alt ${fmt(total)}; største ${sorted[0]!.navn} ${fmt(sorted[0]!.fuldtid)}; mindste ${sorted[sorted.length - 1]!.navn} ${fmt(sorted[sorted.length - 1]!.fuldtid)}`);

  const t = files["tidlig_indsats.csv"]!;
  const r20 = taelTidlig2020(t);
  const r20b = taelTidlig2020(t, "2022-03", true);
  l.push("", "Tidlig indsats, 2020-reglerne (henvendelser efter henvendelsesdato):");
  for (const y of [2020, 2021, 2022, 2023, 2024]) {
    l.push(
      `  ${y}: ${r20.perAar.get(y) ?? 0} henvendelser til ${r20.kommunerPerAar.get(y)?.size ?? 0} kommuner` +
        ` (samtaler ${r20.samtalerPerAar.get(y) ?? 0}, tilbud ${r20.tilbudPerAar.get(y) ?? 0};` +
        ` med hele tilbudsvinduet fra 2022-03: ${r20b.perAar.get(y) ?? 0})`,
    );
  }
  l.push("  (2024: kun januar og februar er under 2020-reglerne; tallet er hele året for sammenligningens skyld)");

  const h = taelTidlig2024(t);
  l.push("", "Tidlig indsats, 2024-reglerne (halvår, alle grupper under ét; én henvendelse pr. kommune pr. halvår):");
  const perAar = new Map<string, number>();
  for (const x of h) {
    if (x.periode < "2021") continue;
    l.push(`  ${x.periode}: ${x.kontakter} kommuner (samtaler ${x.samtaler}, tilbud ${x.tilbud})`);
    perAar.set(x.periode.slice(0, 4), (perAar.get(x.periode.slice(0, 4)) ?? 0) + x.kontakter);
  }
  l.push(`  pr. år: ${[...perAar].map(([y, n]) => `${y}: ${n}`).join(", ")}`);

  const j = taelJobsoegning(files["jobsoegning.csv"]!);
  l.push("", "Jobsøgning:");
  l.push(`  jobparate, nationalt månedsgennemsnit: ${[...j.nationaltPerAar].map(([y, n]) => `${y}: ${fmt(n)}`).join(", ")}`);
  l.push(`  måneder med mindst 50 % røde (røde ≥ 20, jobparate > 40): ${[...j.straksPerAar.values()].reduce((a, b) => a + b, 0)} i alt, i ${j.straksKommuner.size} kommuner; pr. år ${[...j.straksPerAar].map(([y, n]) => `${y}: ${n}`).join(", ")}`);
  l.push(`  slutmåneder for 3 sammenhængende måneder over 40 % røde: ${[...j.observationPerAar].map(([y, n]) => `${y}: ${n}`).join(", ")}`);
  l.push(`  måneder med over 25 % fortsat uden jobsøgning: ${[...j.fortsatPerAar].map(([y, n]) => `${y}: ${n}`).join(", ")}`);
  l.push(`  måneder med præcis 40 jobparate: ${j.praecis40} (i ${j.kommunerPraecis40.size} kommuner)`);
  l.push(`  kommuner med gennemsnitligt under 40 jobparate: ${[...j.under40PerAar].map(([y, n]) => `${y}: ${n}`).join(", ")}`);

  const s = taelSkaerpet(files["fokusmaal.csv"]!, files["ydelsesgrad.csv"]!);
  l.push("", "Skærpet tilsyn (faktisk > forventet og et fokusmål ikke opfyldt; tilstande simuleret fra 2023-data):");
  for (const a of s) {
    l.push(
      `  ${a.aar}: ${a.daarligereEndForventet} dårligere end forventet, ${a.fejlerFokusmaal} opfylder ikke fokusmålene, ${a.kandidater} begge` +
        (a.aar >= 2023 ? `; indtræden ${a.indtraeden}, ophør ${a.ophoer}, forlængelse ${a.forlaengelse}, administration ${a.administration}, i alt under tilsyn ${a.iTilsyn}` : ""),
    );
  }
  const yd = parseCsv(files["ydelsesgrad.csv"]!).rows.filter((r) => r.aar === "2022").map((r) => Number(r.faktisk)).sort((a, b) => a - b);
  const median = (yd[48]! + yd[49]!) / 2;
  l.push(`  ydelsesgrad 2022: min ${yd[0]}, median ${median}, maks ${yd[yd.length - 1]}`);
  const sizes = Object.entries(files).map(([n, c]) => `${n} ${(Buffer.byteLength(c) / 1024).toFixed(0)} KiB`);
  l.push("", `Filer: ${sizes.join(", ")}`);
  return l.join("\n") + "\n";
}
