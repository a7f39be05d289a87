// Peak memory and speed of loading a large data file, in its own process (issue #9: a 200 MB
// tidlig_indsats.csv loads with peak RSS ≤ 3 × its size).
//
// The parent writes .tmp/load-memory/tidlig_indsats.csv: the sample data replicated with more
// years (every copy shifted 7 years on, the 98 real kommune codes), up to the size asked for. A
// child process then loads it through the command line's loader (cli/data-file.ts
// readTableFile: chunked reads, decoding, the CSV state machine, the TableBuilder) and prints
// its peak RSS (VmHWM; maxRSS where /proc is missing) and the load time.
//
// Alone:  npm run build && npx tsx bench/load-memory.ts [MB]      (200 by default)

import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(import.meta.dirname, "..");
export const LOAD_MEMORY_TARGET = 3;

export interface LoadMemoryResult {
  fileMB: number;
  rows: number;
  peakMB: number;
  /** RSS before the load began (the process with the compiler and the policy loaded). */
  baseMB: number;
  seconds: number;
  error?: string;
}

/** Write the replicated file (kept between runs when it already has the size). */
export function writeBigFile(megabytes: number): string {
  const dir = join(root, ".tmp", "load-memory");
  const file = join(dir, "tidlig_indsats.csv");
  const bytes = megabytes * 1e6;
  if (existsSync(file) && Math.abs(statSync(file).size - bytes) < 3e6) return file;
  mkdirSync(dir, { recursive: true });
  const sample = readFileSync(join(root, "data/eksempel/tidlig_indsats.csv"), "utf8").replace(/\r/g, "").trimEnd().split("\n");
  const [header, ...rows] = sample;
  const parsed = rows.map((line) => {
    const [kommune, month, ...rest] = line.split(",");
    return { kommune: kommune!, year: Number(month!.slice(0, 4)), month: month!.slice(4), rest: rest.join(",") };
  });
  const fd = openSync(file, "w");
  try {
    writeSync(fd, `${header}\n`);
    let written = header!.length + 1;
    for (let copy = 0; written < bytes; copy++) {
      const parts: string[] = [];
      for (const r of parsed) parts.push(`${r.kommune},${r.year + copy * 7}${r.month},${r.rest}\n`);
      const text = parts.join("");
      writeSync(fd, text);
      written += Buffer.byteLength(text);
    }
  } finally {
    closeSync(fd);
  }
  return file;
}

/**
 * The child: plain node on the built command line (dist/, what bin/tilsyn.mjs runs), so the
 * process holds the loader and its data, not tsx and the compiler. The schema comes from the
 * parent, which compiled the policy.
 */
const CHILD = `
import { readFileSync, statSync } from "node:fs";
const [root, file, schemaJson] = process.argv.slice(1);
const status = () => { try { const t = readFileSync("/proc/self/status", "utf8"); const kb = (n) => Number(new RegExp("^" + n + ":\\\\s+(\\\\d+)", "m").exec(t)[1]) / 1024; return { rss: kb("VmRSS"), hwm: kb("VmHWM") }; } catch { return { rss: process.memoryUsage().rss / 1048576, hwm: process.resourceUsage().maxRSS / 1024 }; } };
const { pathToFileURL } = await import("node:url");
const { readTableFile } = await import(pathToFileURL(root + "/dist/cli/data-file.js").href);
const { parseKommuner } = await import(pathToFileURL(root + "/dist/load/kommuner.js").href);
const codes = new Set(parseKommuner(readFileSync(root + "/data/kommuner.csv", "utf8"), "kommuner.csv").kommuner.map((k) => k.kode));
const base = status().rss;
const t0 = performance.now();
const result = await readTableFile(file, JSON.parse(schemaJson), codes);
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(JSON.stringify({ fileMB: statSync(file).size / 1048576, rows: result.table ? result.table.length : 0, peakMB: status().hwm, baseMB: base, seconds,
  ...(result.table ? {} : { error: result.diagnostics.map((d) => d.message).join("; ").slice(0, 200) }) }) + "\\n");
`;

/** Write the file and load it in a child process (needs `npm run build`: the child runs dist/). */
export async function measureLoadMemory(megabytes = 200): Promise<LoadMemoryResult> {
  const file = writeBigFile(megabytes);
  const fileMB = statSync(file).size / 1048576;
  if (!existsSync(join(root, "dist/cli/data-file.js"))) {
    return { fileMB, rows: 0, peakMB: NaN, baseMB: NaN, seconds: NaN, error: "dist/ mangler: kør npm run build først" };
  }
  const { checkPolicy } = await import("../compiler/index.js");
  const plan = checkPolicy(readFileSync(join(root, "policies/tidlig-indsats-2020.tilsyn"), "utf8"), "tidlig-indsats-2020.tilsyn").plan!;
  const { lagMonths: _lag, fixedPublication: _fixed, ...schema } = plan.data.find((d) => d.name === "tidlig_indsats")!;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", CHILD, root, file, JSON.stringify(schema)], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const line = run.stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(line) as LoadMemoryResult;
  } catch {
    return { fileMB, rows: 0, peakMB: NaN, baseMB: NaN, seconds: NaN, error: (run.stderr || `exit ${run.status}`).slice(0, 300) };
  }
}

/** The lines the bench prints (Danish). */
export function reportLoadMemory(r: LoadMemoryResult): string[] {
  const dk = (x: number, d: number) => x.toFixed(d).replace(".", ",");
  if (r.error) return [`  fejl: ${r.error}`];
  const ratio = r.peakMB / r.fileMB;
  return [
    `  ${dk(r.fileMB, 0)} MB tidlig_indsats.csv (${r.rows.toLocaleString("da-DK")} rækker) indlæst med readTableFile i egen proces:`,
    `  top-RSS ${dk(r.peakMB, 0)} MB = ${dk(ratio, 2)} × filens størrelse (mål ≤ ${LOAD_MEMORY_TARGET}×: ${ratio <= LOAD_MEMORY_TARGET ? "nået" : "IKKE nået"}); før indlæsningen ${dk(r.baseMB, 0)} MB`,
    `  tid ${dk(r.seconds, 1)} s = ${dk((r.seconds * 1000) / r.fileMB, 1)} ms pr. MB (${dk(r.fileMB / r.seconds, 0)} MB/s)`,
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await measureLoadMemory(Number(process.argv[2] ?? 200));
  console.log(reportLoadMemory(r).join("\n"));
}
