// The bench's data: the sample tables, the same tables replicated 10× and 100× (with real
// kommune codes only), and seeded random tables with values around every threshold.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkPolicy } from "../compiler/index.js";
import { loadTable } from "../load/csv.js";
import { parseKommuner } from "../load/kommuner.js";
import type { Plan, Table } from "../runtime/index.js";
import { mulberry32 } from "../scripts/prng.js";

export const root = join(import.meta.dirname, "..");

/** The two policies the bench measures against a hand-written implementation. */
export const POLICIES = ["tidlig-indsats-2020", "jobsoegning"] as const;
export type PolicyId = (typeof POLICIES)[number];

export const DATA_NAME: Record<PolicyId, string> = { "tidlig-indsats-2020": "tidlig_indsats", jobsoegning: "jobsoegning" };

const kommuner = parseKommuner(readFileSync(join(root, "data/kommuner.csv"), "utf8"), "kommuner.csv").kommuner;
/** The 98 official kommune codes. */
export const KOMMUNE_CODES: string[] = kommuner.map((k) => k.kode);
export const CODES = new Set(KOMMUNE_CODES);
export const KOMMUNE_NAMES = new Map(kommuner.map((k) => [k.kode, k.navn]));

export function loadPlan(policy: PolicyId): Plan {
  const file = join(root, "policies", `${policy}.tilsyn`);
  const result = checkPolicy(readFileSync(file, "utf8"), `policies/${policy}.tilsyn`);
  if (!result.plan) throw new Error(`${policy}: kunne ikke oversættes`);
  return result.plan;
}

/** A CSV text through the runtime's own loader (the same checks as `tilsyn run`). */
export function tableFromCsv(plan: Plan, text: string, file: string): Table {
  const schema = plan.data[0]!;
  const result = loadTable(text, file, schema, CODES);
  if (!result.table) throw new Error(`${file}: ${JSON.stringify(result.diagnostics.slice(0, 2))}`);
  return result.table;
}

export function sampleCsvPath(policy: PolicyId): string {
  return join(root, "data/eksempel", `${DATA_NAME[policy]}.csv`);
}

export function loadSample(policy: PolicyId, plan: Plan): Table {
  return tableFromCsv(plan, readFileSync(sampleCsvPath(policy), "utf8"), `${DATA_NAME[policy]}.csv`);
}

function copyColumns(table: Table, factor: number, kommune: (i: number, copy: number) => string, period: (p: number, copy: number) => number, group?: (g: string, copy: number) => string): Table {
  const n = table.length;
  const length = n * factor;
  const out: Table = {
    schema: table.schema,
    file: table.file,
    length,
    kommune: new Array<string>(length),
    period: new Int32Array(length),
    counts: {},
    decimals: {},
    texts: {},
    line: new Int32Array(length),
  };
  if (table.group) out.group = new Array<string>(length);
  for (const k of Object.keys(table.counts)) out.counts[k] = new Float64Array(length);
  for (let c = 0; c < factor; c++) {
    const labels = new Map<string, string>();
    for (let i = 0; i < n; i++) {
      const j = c * n + i;
      out.kommune[j] = kommune(i, c);
      out.period[j] = period(table.period[i]!, c);
      if (out.group) {
        const g = table.group![i]!;
        let label = labels.get(g);
        if (label === undefined) labels.set(g, (label = group ? group(g, c) : g));
        out.group[j] = label;
      }
      out.line[j] = j + 2;
    }
    for (const [k, v] of Object.entries(table.counts)) out.counts[k]!.set(v, c * n);
  }
  return out;
}

/**
 * More years: copy c is the same rows shifted forward by c × (the data's span in whole years),
 * so every kommune gets a c-times longer history. Kommune codes stay the real ones.
 */
export function replicateYears(table: Table, factor: number): Table {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < table.length; i++) {
    first = Math.min(first, table.period[i]!);
    last = Math.max(last, table.period[i]!);
  }
  const span = Math.ceil((last - first + 1) / 12) * 12;
  return copyColumns(table, factor, (i) => table.kommune[i]!, (p, c) => p + c * span);
}

/** More benefit groups: copy c renames every group label «A-dagpenge» → «A-dagpenge (c+1)». */
export function replicateGroups(table: Table, factor: number): Table {
  return copyColumns(table, factor, (i) => table.kommune[i]!, (p) => p, (g, c) => (c === 0 ? g : `${g} (${c + 1})`));
}

/**
 * How each policy's data grows: the 2020 early-effort rules are in force only 2020-01..2024-02,
 * so shifting them into later years would turn the reaction off; they get more groups instead.
 * Job search has no groups and is in force always: it gets more years.
 */
export function replicate(policy: PolicyId, table: Table, factor: number): Table {
  if (factor === 1) return table;
  return policy === "tidlig-indsats-2020" ? replicateGroups(table, factor) : replicateYears(table, factor);
}

/** The same table under a new object, so no per-table cache of a previous run is reused. */
export const fresh = (table: Table): Table => ({ ...table });

/** The size of a table as CSV text (bytes), for memory ratios. */
export function csvBytes(table: Table): number {
  let bytes = 0;
  const fields = table.schema.fields.map((f) => table.counts[f.name]!);
  for (let i = 0; i < table.length; i++) {
    bytes += table.kommune[i]!.length + 8 + 1 + 1; // kommune, YYYY-MM, commas
    if (table.group) bytes += Buffer.byteLength(table.group[i]!) + 1;
    for (const f of fields) {
      const v = f[i]!;
      bytes += (Number.isNaN(v) ? 0 : String(v).length) + 1;
    }
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Seeded random data


const month = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

/** A count near `share` of `whole` (exactly at the limit, one either side, or anywhere), ≤ whole. */
function near(rnd: () => number, whole: number, share: number): number {
  const r = rnd();
  if (r < 0.15) return Math.floor(rnd() * (whole + 1));
  if (r < 0.2) return 0;
  const at = Math.round(whole * share) + pick(rnd, [-1, 0, 0, 1, 1, 2]);
  return Math.max(0, Math.min(whole, at));
}

/** Random tidlig_indsats.csv: 2019-06..2024-12, groups with and without offer requirement. */
export function randomTidligCsv(seed: number): string {
  const rnd = mulberry32(seed);
  const lines = ["kommune,maaned,ydelsesgruppe,borgere,uden_samtaler,uden_tilbud"];
  const codes = KOMMUNE_CODES.filter(() => rnd() < 0.3);
  const groups = ["A-dagpenge", "Kontanthjælp", "Sygedagpenge", "Jobafklaring"];
  const from = 2019 * 12 + 5 + Math.floor(rnd() * 6);
  const to = 2024 * 12 + 11 - Math.floor(rnd() * 6);
  for (const k of codes) {
    for (const g of groups.slice(0, 1 + Math.floor(rnd() * groups.length))) {
      const offers = g !== "Jobafklaring" && g !== "Sygedagpenge";
      // Long runs over 20 %, so streaks, episodes and the written account are exercised.
      let hot = rnd() < 0.5;
      for (let m = from; m <= to; m++) {
        if (rnd() < 0.03) continue; // a missing month
        if (rnd() < 0.15) hot = !hot;
        const borgere = rnd() < 0.03 ? "" : pick(rnd, [0, 9, 10, 11, 5 + Math.floor(rnd() * 40), 10 + Math.floor(rnd() * 300)]);
        const b = borgere === "" ? 0 : borgere;
        const samtaler = rnd() < 0.03 ? "" : near(rnd, b, hot ? 0.2 + rnd() * 0.1 : 0.2 - rnd() * 0.05);
        const tilbud = !offers || rnd() < 0.03 ? "" : near(rnd, b, hot ? 0.21 : 0.19);
        lines.push(`${k},${month(m)},${g},${borgere},${samtaler},${tilbud}`);
      }
    }
  }
  return lines.join("\n") + "\n";
}

/** Random jobsoegning.csv: 2019-01..2022-12 (COVID suspension inside), small and large kommuner. */
export function randomJobsoegningCsv(seed: number): string {
  const rnd = mulberry32(seed);
  const lines = ["kommune,maaned,jobparate,groen,lysegroen,roed,fortsat_uden_jobsoegning"];
  const codes = KOMMUNE_CODES.filter(() => rnd() < 0.4);
  const from = 2019 * 12 + Math.floor(rnd() * 4);
  const to = 2022 * 12 + 11 - Math.floor(rnd() * 4);
  for (const k of codes) {
    const size = pick(rnd, ["lille", "grænse", "stor"]);
    let hot = rnd() < 0.4;
    for (let m = from; m <= to; m++) {
      if (rnd() < 0.03) continue;
      if (rnd() < 0.2) hot = !hot;
      const j =
        size === "lille" ? 30 + Math.floor(rnd() * 12) : size === "grænse" ? pick(rnd, [39, 40, 41, 42, 0]) : pick(rnd, [41, 50, 100, 40 + Math.floor(rnd() * 400)]);
      const jobparate = rnd() < 0.03 ? "" : j;
      const roed = rnd() < 0.03 ? "" : rnd() < 0.3 ? pick(rnd, [19, 20, 21].map((x) => Math.min(x, j))) : near(rnd, j, hot ? pick(rnd, [0.4, 0.41, 0.5]) : pick(rnd, [0.3, 0.4, 0.49]));
      const r = roed === "" ? 0 : roed;
      const groen = Math.floor((j - r) * rnd());
      const lysegroen = j - r - groen;
      const fortsat = rnd() < 0.05 ? "" : near(rnd, j, pick(rnd, [0.25, 0.26, 0.2]));
      lines.push(`${k},${month(m)},${jobparate},${groen},${lysegroen},${roed},${fortsat}`);
    }
  }
  return lines.join("\n") + "\n";
}

export function randomCsv(policy: PolicyId, seed: number): string {
  return policy === "tidlig-indsats-2020" ? randomTidligCsv(seed) : randomJobsoegningCsv(seed);
}
