// npm run bench — how fast the compiled evaluator is, as ratios measured on this machine:
//
//   1. check: the hand-written implementations (bench/handwritten/) give the compiled module's
//      events on the sample data and on seeded random data (the replicated data are checked in
//      the timing processes, step 3); the rule engines give its criterion decisions. Any
//      difference stops the bench (exit 1).
//   2. start-up of the CLI against `node -e ''` (bench/cli-start.ts), and peak memory per
//      contender, each in its own process (bench/memory.ts);
//   3. time, in one process per policy (bench/timing.ts: warm-up, then interleaved rounds whose
//      order alternates, medians): compiled module and interpreter against the hand-written
//      loops, on the sample data and 10× and 100× of it;
//   4. decisions per second against json-rules-engine and the ZEN engine;
//   5. the measurement layer (bench/maaling.ts): policy, hand-written count and DuckDB on the
//      person sample, byte for byte equal; then the policy against the hand-written count on
//      national data (generated once into the temp folder; TILSYN_BENCH_NATIONAL=0 skips it).
//
// Targets are printed next to the numbers; missing one does not fail the bench, it reports.
// Output is Danish (the users' language).

import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { checkPolicy } from "../compiler/index.js";
import type { Table } from "../runtime/index.js";
import { firstDifference } from "./check.js";
import { measureCli } from "./cli-start.js";
import { compiledDecisions, loadPolicies, type Policy } from "./contenders.js";
import { fresh, loadSample, randomCsv, root, tableFromCsv } from "./data.js";
import { buildFacts, decideAll, decideSome, jsonRulesEngine, zenEngine, type Decide, type Facts } from "./engines.js";
import { ENGINE_FACTS, MEMORY_FACTOR, measureMemory } from "./memory.js";
import { measureLoadMemory, reportLoadMemory } from "./load-memory.js";
import { benchMaaling } from "./maaling.js";
import { FACTORS, median, rounds, RUNS, timePolicies, type Timing } from "./timing.js";

const started = performance.now();
const RANDOM_SEEDS = 15;
/** The rule engines are timed on this many facts per policy (evenly spread over the sample). */
const ENGINE_TIMED_FACTS = 4000;
const ENGINE_ROUNDS = 5;

// ---------------------------------------------------------------------------------------------
// Helpers

const dk = (x: number, decimals: number): string => (Number.isFinite(x) ? x.toFixed(decimals).replace(".", ",") : "–");
const thousands = (x: number): string => Math.round(x).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");

/** Median wall time (ms) of `runs` runs after `warmup` runs. */
function time(fn: () => unknown, runs: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

async function timeAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

function print(rows: string[][]): void {
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  for (const r of rows) console.log("  " + r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join("  "));
}

const heading = (text: string): void => console.log(`\n${text}\n${"─".repeat(text.length)}`);
const meets = (ok: boolean): string => (ok ? "nået" : "IKKE nået");

function fail(message: string): never {
  console.error(`\nFEJL: ${message}\nDer måles ikke mod en grundlinje, der ikke giver de samme resultater.`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// 1. Checks

const load = (): string => loadavg().map((x) => dk(x, 1)).join(" / ");
console.log(`Maskine: ${cpus().length} kerner, belastning (1/5/15 min) ${load()} ved start. Delte maskiner giver støj; forholdene måles i samme runde.`);

const policies = await loadPolicies();
const sample = new Map<Policy, Table>(policies.map((p) => [p, loadSample(p.id, p.plan)]));

heading("Kontrol: håndskrevet = oversat");
console.log("  Felter: type, kommune, group, period, date, rule, handling, from, to, name, due (alle hændelser, i rækkefølge);");
console.log("  den håndskrevne løkke med tekster også rules, values, explanation og source, ord for ord.");
function checkHandwritten(p: Policy, cases: [string, Table][]): { events: number; types: Set<string> } {
  let events = 0;
  const types = new Set<string>();
  for (const [name, table] of cases) {
    const compiled = p.compiled(fresh(table));
    const hand = p.handwritten(table);
    const diff = firstDifference(compiled, hand) ?? firstDifference(compiled, p.handwrittenTexts(table), true);
    if (diff) fail(`${p.id}, ${name}: ${diff}`);
    events += compiled.length;
    for (const e of compiled) types.add(`${e.type}/${e.rule}`);
  }
  return { events, types };
}
for (const p of policies) {
  const random: [string, Table][] = [];
  for (let seed = 1; seed <= RANDOM_SEEDS; seed++) random.push([`tilfældige data, frø ${seed}`, tableFromCsv(p.plan, randomCsv(p.id, seed), `frø-${seed}.csv`)]);
  const own = checkHandwritten(p, [["eksempeldata", sample.get(p)!]]);
  const rnd = checkHandwritten(p, random);
  if (rnd.events === 0) fail(`${p.id}: de tilfældige data gav ingen hændelser, så kontrollen siger intet.`);
  const rows = random.reduce((n, [, t]) => n + t.length, 0);
  console.log(`  ${p.id}: ens på eksempeldata (${thousands(own.events)} hændelser) og ${RANDOM_SEEDS} tilfældige datasæt (${thousands(rows)} rækker, ${thousands(rnd.events)} hændelser)`);
  console.log(`    hændelser set: ${[...new Set([...own.types, ...rnd.types])].sort().join(", ")}`);
}

heading("Kontrol: regelmotorerne = oversat (kriteriebeslutninger)");
interface EngineSetup {
  name: string;
  make: (p: Policy["id"]) => Promise<Decide>;
  error?: string;
  decide: Map<Policy, Decide>;
}
const version = (pkg: string): string => {
  try {
    return JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8")).version as string;
  } catch {
    return "(ikke installeret)";
  }
};
const engines: EngineSetup[] = [
  { name: `json-rules-engine ${version("json-rules-engine")}`, make: jsonRulesEngine, decide: new Map() },
  { name: `zen-engine ${version("@gorules/zen-engine")}`, make: zenEngine, decide: new Map() },
];
const facts = new Map<Policy, Facts>(policies.map((p) => [p, buildFacts(p.id, sample.get(p)!)]));
for (const p of policies) {
  const decisions = compiledDecisions(p, sample.get(p)!);
  const want = new Set(decisions.filter((d) => d.value === true).map((d) => `${d.rule}|${d.kommune}|${d.group ?? ""}|${d.period}`));
  const f = facts.get(p)!;
  for (const engine of engines) {
    if (engine.error) continue;
    let decide: Decide;
    try {
      decide = await engine.make(p.id);
      await decide(f.facts[0]!);
    } catch (error) {
      // A native binary that did not install (or cannot load here) is reported, not faked.
      engine.error = String((error as Error).message ?? error).split("\n")[0]!;
      console.log(`  ${engine.name}: kan ikke køre her (${engine.error}); ingen tal for den.`);
      continue;
    }
    const got = await decideAll(decide, f);
    const missing = [...want].filter((k) => !got.has(k));
    const extra = [...got].filter((k) => !want.has(k));
    if (missing.length || extra.length) {
      fail(`${p.id}, ${engine.name}: ${got.size} sande beslutninger mod den oversattes ${want.size}; første manglende: ${missing[0] ?? "–"}; første ekstra: ${extra[0] ?? "–"}`);
    }
    engine.decide.set(p, decide);
    console.log(
      `  ${p.id}, ${engine.name}: samme ${thousands(want.size)} sande beslutninger af ${thousands(f.facts.length * f.criteria.length)} (${thousands(f.facts.length)} fakta × ${f.criteria.length} kriterier)`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// 2. CLI start-up and memory, while this process is still small

heading("Kommandolinjens starttid (median af 10 runder, skiftevis, node bin/tilsyn.mjs)");
const cli = measureCli(10);
const cliRows: string[][] = [["kommando", "ms", "× node -e ''", "mål ≤ 8×"]];
for (const c of cli) cliRows.push([c.name, dk(c.medianMs, 0), dk(c.ratio, 1), c.name.startsWith("node") ? "" : meets(c.ratio <= 8)]);
print(cliRows);
for (const c of cli) if (c.error) console.log(`  ${c.name}: ${c.error}`);
console.log("\n  × node -e '': hele kommandoens tid fra start til slut i forhold til at starte en tom Node-proces på samme maskine.");

heading(`Højeste hukommelsesforbrug, én proces pr. deltager, data ${MEMORY_FACTOR}×`);
console.log("  Hver proces indlæser og oversætter politikkerne, indlæser eksempeldata og gentager dem 10×, og gør så sit arbejde");
console.log(`  for begge politikker. Regelmotorerne bygger alle fakta for 10× data og beslutter ${thousands(ENGINE_FACTS)} af dem pr. politik.`);
console.log("  Top-RSS er procesens egen (VmHWM); maxRSS er process.resourceUsage().maxRSS, som på Linux også tæller");
console.log("  forælderprocessens RSS ved start med (fork) og derfor ikke kan bruges alene (her er forælderen lille endnu).\n");
const memory = measureMemory();
const memRows: string[][] = [
  ["deltager", "top-RSS MB", "maxRSS MB", "data MB (CSV)", "top-RSS ÷ data", "RSS ved start", "top under arbejdet", "tilføjet ÷ data", "resultat"],
];
for (const m of memory) {
  if (m.error) {
    memRows.push([m.contender, "fejl", "–", "–", "–", "–", "–", "–", m.error.slice(0, 80)]);
    continue;
  }
  const added = m.workPeakMB !== undefined && m.startMB !== undefined ? m.workPeakMB - m.startMB : NaN;
  memRows.push([
    m.contender,
    dk(m.peakMB, 0),
    dk(m.maxRssMB, 0),
    dk(m.dataMB, 1),
    dk(m.peakMB / m.dataMB, 1),
    m.startMB !== undefined ? dk(m.startMB, 0) : "–",
    m.workPeakMB !== undefined ? dk(m.workPeakMB, 0) : "–",
    dk(added / m.dataMB, 2),
    m.contender === "kun data" ? "" : m.contender.endsWith("engine") ? `${thousands(m.output)} sande beslutninger` : `${thousands(m.output)} hændelser`,
  ]);
}
print(memRows);
console.log("\n  top-RSS: procesens højeste RSS i hele levetiden (indlæsning, oversættelse og arbejde); ÷ data: i forhold til datas");
console.log("  størrelse som CSV. RSS ved start: efter indlæsning og en GC; top under arbejdet: højeste RSS derefter (VmHWM nulstillet);");
console.log("  tilføjet ÷ data = (top under arbejdet − RSS ved start) ÷ data: det, deltagerens eget arbejde lægger til.");
heading("Indlæsning af en stor datafil (bench/load-memory.ts: 200 MB tidlig_indsats.csv i egen proces)");
console.log(reportLoadMemory(await measureLoadMemory(200)).join("\n"));

// ---------------------------------------------------------------------------------------------
// 3. Timing in one process

// The child that times a policy checks hand-written = compiled on each data size first.
const timedPolicies = timePolicies(policies.map((p) => p.id));
if ("error" in timedPolicies) fail(timedPolicies.error);
const timings = new Map<Policy, Map<number, Timing>>(policies.map((p) => [p, timedPolicies.get(p.id)!]));
heading("Kontrol: håndskrevet = oversat på de gentagne data (i tidsmålingens proces)");
for (const p of policies) {
  console.log(`  ${p.id}: ${FACTORS.map((f) => `${f}× ens (${thousands(timings.get(p)!.get(f)!.events)} hændelser)`).join(", ")}`);
}

heading("Tid i samme proces (median efter opvarmning)");
console.log("  oversat = modulet, tilsyn compile skriver (evaluateTables med forklaringer, som tilsyn run);");
console.log("  fortolket = runtime'ns evaluate uden oversat kode (kun målt på 1×); håndskrevet = bench/handwritten (løkker, ingen forklaringer).");
console.log("  Hver kørsel får et nyt tabelobjekt, så runtime'ns rækkeindeks-cache ikke genbruges mellem kørsler.");
console.log("  Hver politik måles i sin egen proces (bench/timing.ts), som kun rummer den politik, dens data og de fire deltagere.");
console.log("  Data ×10 og ×100: tidlig-indsats-2020 med flere ydelsesgrupper, jobsøgning med flere år (samme 98 kommunekoder).");
console.log(`  Runder (deltagerne skiftes til at køre, hver anden runde i omvendt rækkefølge): ${FACTORS.map((f) => `${f}×: ${RUNS[f]}`).join(", ")}; forholdene er medianen af rundernes forhold.`);
console.log(`  Belastning nu: ${load()}.\n`);
const timeRows: string[][] = [["politik", "data", "rækker", "håndskrevet ms", "oversat ms", "fortolket ms", "oversat ÷ håndskr.", "mål ≤ 1,4", "fortolket ÷ håndskr.", "håndskr. m. tekster ms", "oversat ÷ håndskr. m. tekster"]];
for (const p of policies) {
  for (const factor of FACTORS) {
    const t = timings.get(p)!.get(factor)!;
    timeRows.push([
      p.id,
      `${factor}×`,
      thousands(t.rows),
      dk(t.hand, 2),
      dk(t.compiled, 1),
      t.interpreted !== undefined ? dk(t.interpreted, 1) : "–",
      dk(t.compiledRatio, 2),
      meets(t.compiledRatio <= 1.4),
      t.interpretedRatio !== undefined ? dk(t.interpretedRatio, 1) : "–",
      dk(t.handTexts, 2),
      dk(t.compiledTextsRatio, 2),
    ]);
  }
}
print(timeRows);
console.log("\n  oversat ÷ håndskrevet: hvor mange gange længere det oversatte modul er om det samme som en håndskrevet løkke.");
console.log("  Det oversatte modul skriver en hændelses værdier og forklaring, når de læses første gang (runtime'ns RunEvent).");
console.log("  håndskr. m. tekster: den samme løkke, som også skriver hver hændelses værdier, forklaring og kilde ord for ord som det");
console.log("  oversatte modul (tallene formateret med runtime'ns formateringsfunktioner), mod det oversatte modul med alle tekster");
console.log("  læst; målet ≤ 1,4 gælder løkken uden tekster.");

heading("Skalering med data (oversat modul)");
const scaleRows: string[][] = [["politik", "T(10n)/T(n)", "mål ≤ 11", "T(100n)/T(n)", "håndskrevet T(10n)/T(n)", "håndskrevet T(100n)/T(n)"]];
for (const p of policies) {
  const t = timings.get(p)!;
  const c10 = t.get(10)!.compiled / t.get(1)!.compiled;
  const c100 = t.get(100)!.compiled / t.get(1)!.compiled;
  scaleRows.push([p.id, dk(c10, 1), meets(c10 <= 11), dk(c100, 1), dk(t.get(10)!.hand / t.get(1)!.hand, 1), dk(t.get(100)!.hand / t.get(1)!.hand, 1)]);
}
print(scaleRows);
console.log("\n  Lineær tid giver T(10n)/T(n) ≈ 10 og T(100n)/T(n) ≈ 100; mere betyder, at noget vokser hurtigere end data.");

// ---------------------------------------------------------------------------------------------
// 4. Decisions per second

heading("Beslutninger pr. sekund mod regelmotorer");
console.log("  Én beslutning = ét kriterie for én enhed (kommune eller kommune og ydelsesgruppe) og én datamåned, på eksempeldata.");
console.log("  Oversat: hele evaluateTables (med reaktion og forklaringer) delt ud på enheder × måneder × kriterier.");
console.log("  Motorerne får 3-måneders-vinduerne som færdige fakta og sammenligner kun; én beslutning pr. faktum i en løkke (await),");
console.log(`  timet på ${thousands(ENGINE_TIMED_FACTS)} jævnt fordelte fakta pr. politik. ${ENGINE_ROUNDS} runder, hvor det oversatte modul og motoren skiftes;`);
console.log("  forholdet er medianen af rundernes forhold.\n");
const rateRows: string[][] = [["politik", "deltager", "beslutninger/s", "oversat ÷ motor", "mål"]];
for (const p of policies) {
  const f = facts.get(p)!;
  const decisions = f.facts.length * f.criteria.length;
  const table = sample.get(p)!;
  const n = Math.min(ENGINE_TIMED_FACTS, f.facts.length);
  const stride = f.facts.length / n;
  const indices = Int32Array.from({ length: n }, (_, i) => Math.floor(i * stride));
  const compiledRates: number[] = [];
  const engineRows: string[][] = [];
  for (const [i, engine] of engines.entries()) {
    const target = i === 0 ? 100 : 10;
    const decide = engine.decide.get(p);
    if (!decide) {
      engineRows.push([p.id, engine.name, "kan ikke køre her", "–", `≥ ${target}×`]);
      continue;
    }
    // Interleaved rounds: the compiled module's whole evaluation, then the engine's loop.
    const rates: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < ENGINE_ROUNDS; round++) {
      const compiledMs = median(rounds([() => p.compiled(fresh(table))], 1, 0)[0]!);
      const t0 = performance.now();
      await decideSome(decide, f, indices);
      const engineMs = performance.now() - t0;
      const compiledRate = decisions / (compiledMs / 1000);
      const rate = (n * f.criteria.length) / (engineMs / 1000);
      compiledRates.push(compiledRate);
      rates.push(rate);
      ratios.push(compiledRate / rate);
    }
    const ratio = median(ratios);
    engineRows.push([p.id, engine.name, thousands(median(rates)), dk(ratio, ratio < 1000 ? 1 : 0) + "×", `≥ ${target}×: ${meets(ratio >= target)}`]);
  }
  rateRows.push([p.id, "oversat", compiledRates.length ? thousands(median(compiledRates)) : "–", "", ""], ...engineRows);
}
print(rateRows);
console.log("\n  oversat ÷ motor: hvor mange flere beslutninger i sekundet det oversatte modul træffer end motoren.");
for (const e of engines) if (e.error) console.log(`  ${e.name} kunne ikke indlæses eller køre: ${e.error}`);

// ---------------------------------------------------------------------------------------------
// Compilation, for orientation

heading("Oversættelse (parse, kontrol og plan, median)");
const compileRows: string[][] = [["politik", "ms"]];
for (const p of policies) {
  const source = readFileSync(join(root, "policies", `${p.id}.tilsyn`), "utf8");
  compileRows.push([`${p.id}.tilsyn`, dk(time(() => checkPolicy(source, p.id), 15, 3), 2)]);
}
print(compileRows);

// ---------------------------------------------------------------------------------------------
// The measurement layer (§ 3b): the policy through the CLI, the hand-written count and DuckDB, each
// in its own process (bench/maaling.ts), on the committed sample; then the policy and the
// hand-written count on national data (≈ 80 M rows, ≈ 3 GB generated once into the temp folder;
// a few minutes). DuckDB's national run, which decided the engine (docs/arkitektur.md), is in
// npm run bench:maaling. TILSYN_BENCH_NATIONAL=0 skips national scale.

heading("Målelaget (§ 3b): fokusmål talt op fra persondata");
const national = process.env.TILSYN_BENCH_NATIONAL !== "0";
await benchMaaling({ national, nationalContenders: ["politik", "typescript"] });

console.log(`\nSamlet tid: ${dk((performance.now() - started) / 1000, 0)} s. Målene rapporteres; bench'en fejler ikke på dem.`);
