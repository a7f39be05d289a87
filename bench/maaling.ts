// npm run bench:maaling — the measurement layer (§ 3b) at national scale: which engine counts the
// focus measures from ≈ 50 million person-months within 2 minutes and 8 GiB, parsing included.
//
//   npm run bench:maaling                          national data in $TMPDIR/tilsyn-maaling-national
//                                                  (generated there first if missing, ≈ 3 GB)
//   npm run bench:maaling -- --data DIR            person-level files already in DIR
//   npm run bench:maaling -- --kun typescript,politik   some contenders (typescript, duckdb, politik);
//                                                  the first is the one the others must equal
//
// Contenders, each in its own process (so peak RSS is its own, VmHWM from /proc):
//   typescript  bench/maaling/load.ts (bytes → typed columns) + bench/handwritten/fokusmaal.ts:
//               the hand-written baseline, whose table the others must equal
//   duckdb      bench/maaling/duckdb.ts: the same counting as SQL in an embedded DuckDB
//   politik     the real CLI, `tilsyn run policies/maaling/fokusmaal.tilsyn --data DIR --format
//               csv` (dist/, built by the npm script), its table from stdout; bench/maaling/report.mjs
//               is preloaded to report its time, CPU time and VmHWM at exit
// Before timing, all run on the committed sample and must agree; after timing, their national
// outputs must agree byte for byte, or the bench fails (exit 1). Output is Danish.
//
// `benchMaaling` is also the measurement section of `npm run bench` (bench/run.ts): there on the
// committed sample, then the policy and the hand-written count on national data (TILSYN_BENCH_NATIONAL=0 skips it).

import { spawn } from "node:child_process";
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const CONTENDERS = ["typescript", "duckdb", "politik"] as const;
export type Contender = (typeof CONTENDERS)[number];
const FILES = ["ydelsesmaaneder.csv", "samtaler.csv", "tilbud.csv", "timer.csv"];
const TARGET_SECONDS = 120;
const TARGET_MB = 8192;
const root = fileURLToPath(new URL("..", import.meta.url));

const dk = (x: number, decimals: number): string => x.toFixed(decimals).replace(".", ",");
const thousands = (x: number): string => Math.round(x).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
const load = (): string => loadavg().map((x) => dk(x, 1)).join(" / ");

function peakMB(): number {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // no /proc: fall back to maxRSS (which on Linux includes the parent's RSS at spawn)
  }
  return process.resourceUsage().maxRSS / 1024;
}

export interface ChildResult {
  contender: Contender;
  ms: number;
  /** CPU time (user + system) of the process, all threads: what an idle machine would need. */
  cpuMs: number;
  peakMB: number;
  outputRows: number;
  /** Rows read (the hand-written loader counts them). */
  inputRows?: number;
  phases: Record<string, number>;
}

/** The child: one contender on DIR, its table written to OUT, its result as JSON on stdout. */
async function child(contender: Contender, dir: string, out: string): Promise<void> {
  const { toCsv, measure } = await import("./handwritten/fokusmaal.js");
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  let last = 0;
  const say = (text: string): void => {
    const now = performance.now();
    if (now - last < (text.endsWith("%") ? 1000 : 10_000)) return;
    last = now;
    process.stderr.write(`    ${contender}: ${text} (${dk((now - t0) / 1000, 0)} s)\n`);
  };
  let rows;
  let inputRows: number | undefined;
  if (contender === "typescript") {
    const { loadPersonDir } = await import("./maaling/load.js");
    const data = loadPersonDir(dir, (file, bytes, total) => say(`læser ${file} ${dk((100 * bytes) / total, 0)} %`));
    phases["indlæsning"] = performance.now() - t0;
    inputRows = data.months.length + data.interviews.length + data.offers.length + data.hours.length;
    process.stderr.write(`    ${contender}: ${thousands(inputRows)} rækker læst, ${thousands(data.persons)} personer; tæller …\n`);
    const t1 = performance.now();
    rows = measure(data);
    phases["optælling"] = performance.now() - t1;
  } else {
    const { measureDuckDb } = await import("./maaling/duckdb.js");
    const temp = join(tmpdir(), `tilsyn-duckdb-${process.pid}`);
    try {
      rows = await measureDuckDb(dir, {
        threads: cpus().length,
        memoryLimit: "6GB",
        tempDirectory: temp,
        progress: (p) => say(p >= 0 ? `forespørgslen er ${dk(p, 0)} %` : "forespørgslen kører"),
      });
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }
  const ms = performance.now() - t0;
  writeFileSync(out, toCsv(rows));
  const cpu = process.cpuUsage();
  const result: ChildResult = { contender, ms, cpuMs: (cpu.user + cpu.system) / 1000, peakMB: peakMB(), outputRows: rows.length, inputRows, phases };
  process.stdout.write(JSON.stringify(result) + "\n");
}

/** The policy through the real CLI, its table on stdout into OUT; wall time includes the process's start. */
function runPolicy(dir: string, out: string): Promise<ChildResult & { wallMs: number }> {
  const report = `${out}.json`;
  const fd = openSync(out, "w");
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const argv = ["run", join(root, "policies", "maaling", "fokusmaal.tilsyn"), "--data", dir, "--format", "csv"];
    const p = spawn(process.execPath, ["--import", pathToFileURL(join(root, "bench", "maaling", "report.mjs")).href, join(root, "bin", "tilsyn.mjs"), ...argv], {
      cwd: root,
      stdio: ["ignore", fd, "inherit"],
      env: { ...process.env, TILSYN_BENCH_REPORT: report },
    });
    p.on("close", (code) => {
      const wallMs = performance.now() - t0;
      closeSync(fd);
      if (code !== 0) return reject(new Error(`politik (tilsyn run) sluttede med kode ${code}`));
      const r = JSON.parse(readFileSync(report, "utf8")) as { ms: number; cpuMs: number; peakMB: number };
      const outputRows = readFileSync(out, "utf8").trimEnd().split("\n").length - 1;
      resolve({ contender: "politik", ms: r.ms, cpuMs: r.cpuMs, peakMB: r.peakMB, outputRows, phases: {}, wallMs });
    });
  });
}

/** Runs one contender in its own process; wall time includes the process's start. */
function runChild(contender: Contender, dir: string, out: string): Promise<ChildResult & { wallMs: number }> {
  if (contender === "politik") return runPolicy(dir, out);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--barn", contender, dir, out], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    p.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
    p.on("close", (code) => {
      if (code !== 0) return reject(new Error(`${contender} sluttede med kode ${code}`));
      resolve({ ...(JSON.parse(stdout.trim().split("\n").pop()!) as ChildResult), wallMs: performance.now() - t0 });
    });
  });
}

/** Data lines in DIR's four files (newlines minus the header lines). */
async function countRows(dir: string): Promise<number> {
  let n = 0;
  for (const f of FILES) {
    for await (const chunk of createReadStream(join(dir, f), { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
      let i = -1;
      while ((i = chunk.indexOf(10, i + 1)) >= 0) n++;
    }
    n--;
  }
  return n;
}

function firstDifference(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  const la = a.split("\n");
  const lb = b.split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++) if (la[i] !== lb[i]) return `linje ${i + 1}: «${la[i] ?? "(ingen)"}» mod «${lb[i] ?? "(ingen)"}»`;
  return "forskellig længde";
}

function fail(message: string): never {
  console.error(`\nFEJL: ${message}`);
  process.exit(1);
}

/** Runs the contenders one after another on DIR and fails unless their tables are byte for byte equal. */
async function runAll(contenders: Contender[], dir: string, work: string, label: string, rows?: number): Promise<(ChildResult & { wallMs: number })[]> {
  const results: (ChildResult & { wallMs: number })[] = [];
  for (const c of contenders) {
    console.log(`  ${c} (belastning ${load()}):`);
    const r = await runChild(c, dir, join(work, `${label}-${c}.csv`));
    if (rows !== undefined && r.inputRows !== undefined && r.inputRows !== rows) fail(`${c} læste ${r.inputRows} rækker, filerne har ${rows}`);
    results.push(r);
  }
  const first = readFileSync(join(work, `${label}-${contenders[0]}.csv`), "utf8");
  for (const c of contenders.slice(1)) {
    const diff = firstDifference(first, readFileSync(join(work, `${label}-${c}.csv`), "utf8"));
    if (diff) fail(`${contenders[0]} og ${c} er uenige på ${label === "eksempel" ? "eksempeldata" : "de nationale data"}, ${diff}`);
  }
  return results;
}

function printResults(results: (ChildResult & { wallMs: number })[], rows: number, withTarget: boolean): void {
  const table = [["deltager", "tid i alt", "heraf i processen", "CPU-tid", "top-RSS", "rækker/s", ...(withTarget ? ["mål"] : [])]];
  for (const r of results) {
    const phases = Object.entries(r.phases).map(([k, v]) => `${k} ${dk(v / 1000, 1)} s`).join(", ");
    table.push([
      r.contender,
      `${dk(r.wallMs / 1000, 1)} s`,
      `${dk(r.ms / 1000, 1)} s${phases ? ` (${phases})` : ""}`,
      `${dk(r.cpuMs / 1000, 1)} s`,
      `${thousands(r.peakMB)} MB`,
      thousands(rows / (r.wallMs / 1000)),
      ...(withTarget ? [r.wallMs / 1000 <= TARGET_SECONDS && r.peakMB <= TARGET_MB ? "nået" : "IKKE nået"] : []),
    ]);
  }
  const w = table[0]!.map((_, i) => Math.max(...table.map((t) => t[i]!.length)));
  for (const t of table) console.log("  " + t.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join("  "));
  console.log("  CPU-tid er brugersiden og systemets tid for alle processens tråde; på en ledig maskine er en enkelttrådet deltagers tid omtrent dens CPU-tid.");
  console.log("  typescript er den håndskrevne grundlinje; politik er `tilsyn run policies/maaling/fokusmaal.tilsyn --format csv`, hele kommandoen.");
}

export interface MaalingOptions {
  contenders?: readonly Contender[];
  /** Also run on national data (generated into `data` first if missing); otherwise the sample only. */
  national: boolean;
  /** The contenders on national data, when not all of `contenders`. */
  nationalContenders?: readonly Contender[];
  /** The national data's folder. */
  data?: string;
}

/** The measurement bench: agreement and timing on the committed sample, then (if asked) on national data. */
export async function benchMaaling(o: MaalingOptions): Promise<void> {
  const contenders = [...(o.contenders ?? CONTENDERS)];
  const dir = o.data ?? join(tmpdir(), "tilsyn-maaling-national");
  console.log(`Maskine: ${cpus().length} kerner, belastning (1/5/15 min) ${load()} ved start. Tiderne er målt på en delt maskine.`);

  // 1. Agreement on the committed sample, one contender at a time.
  const sample = join(root, "data", "eksempel-personer");
  const work = join(tmpdir(), `tilsyn-maaling-ud-${process.pid}`);
  mkdirSync(work, { recursive: true });
  try {
    console.log("\nKontrol på data/eksempel-personer");
    const sampleRows = await countRows(sample);
    const small = await runAll(contenders, sample, work, "eksempel", sampleRows);
    console.log(`  ${contenders.join(" = ")}: ${thousands(small[0]!.outputRows)} rækker kommune × måned, byte for byte ens; ${thousands(sampleRows)} rækker ind`);
    if (!o.national) {
      printResults(small, sampleRows, false);
      console.log("  Landsdata (≈ 50 mio. personmåneder, mål ≤ 2 min og ≤ 8 GiB): npm run bench:maaling, eller npm run bench uden TILSYN_BENCH_NATIONAL=0.");
      return;
    }

    // 2. National data: generate if missing.
    if (!FILES.every((f) => existsSync(join(dir, f)))) {
      console.log(`\nDanner nationale data i ${dir} (frø fast; skrives ikke til repoet) …`);
      await new Promise<void>((resolve, reject) => {
        const p = spawn(process.execPath, ["--import", "tsx", join(root, "scripts", "generate-persons.ts"), "--national", dir], { cwd: root, stdio: "inherit" });
        p.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`dannelsen sluttede med kode ${code}`))));
      });
    }
    const bytes = FILES.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    const rows = await countRows(dir);
    console.log(`\nNationale data: ${dir}, ${dk(bytes / 2 ** 30, 2)} GiB, ${thousands(rows)} rækker i ${FILES.join(", ")}`);

    // 3. Each contender in turn, alone on the machine (as far as this bench goes).
    const nationally = o.nationalContenders ? contenders.filter((c) => o.nationalContenders!.includes(c)) : contenders;
    const results = await runAll(nationally, dir, work, "national", rows);
    console.log(`\nResultat (mål: ≤ ${TARGET_SECONDS} s og ≤ ${TARGET_MB} MB top-RSS, indlæsning medregnet); belastning ved slut ${load()}`);
    printResults(results, rows, true);
    const agree = nationally.length > 1 ? `, byte for byte ens` : ` (kun én deltager: ingen sammenligning)`;
    console.log(`  ${nationally.join(" = ")} på de nationale data: ${thousands(results[0]!.outputRows)} rækker kommune × måned${agree}.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = arg("--kun")?.split(",");
  if (only && (only.length === 0 || only.some((c) => !CONTENDERS.includes(c as Contender)))) fail(`--kun skal være en eller flere af ${CONTENDERS.join(", ")}, adskilt af komma`);
  await benchMaaling({ contenders: only as Contender[] | undefined, national: true, data: arg("--data") });
}

const argv = process.argv.slice(2);
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (argv[0] === "--barn") await child(argv[1] as Contender, argv[2]!, argv[3]!);
  else await main(argv);
}
