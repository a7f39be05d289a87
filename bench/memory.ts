// Peak memory per contender, each in its own process: the child loads the sample data,
// replicates it 10× (as the timing does), does its contender's work on both policies and prints
// its peak RSS as JSON. «kun data» is the same child without any evaluation, the floor every
// contender starts from.
//
// Two readings of the peak: process.resourceUsage().maxRSS, and VmHWM from /proc/self/status.
// On Linux maxRSS is the process's (signal struct's) maximum, which a spawned child inherits
// from the parent's RSS at fork time (fork copies the parent's mappings, exec keeps the
// maximum), so a child of a big parent reports at least the parent's size. VmHWM belongs to the
// address space exec creates, so it is the child's own peak; it is the number reported where
// /proc exists, maxRSS is printed beside it. Once the data is loaded the child collects garbage
// and resets VmHWM (clear_refs), so the peak of the work itself is reported too.
//
// Child:  node --expose-gc --import tsx bench/memory.ts <contender>
// Parent: measureMemory() spawns one child per contender.

import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const CONTENDERS = ["kun data", "oversat", "håndskrevet", "fortolket", "json-rules-engine", "zen-engine"] as const;
export type Contender = (typeof CONTENDERS)[number];

export const MEMORY_FACTOR = 10;
/** The rule engines decide this many facts per policy (evenly spread) after building all of them. */
export const ENGINE_FACTS = 10000;

export interface MemoryResult {
  contender: Contender;
  /** The child's own peak RSS (VmHWM; maxRSS where /proc is missing). */
  peakMB: number;
  /** process.resourceUsage().maxRSS, which on Linux includes the parent's RSS at spawn. */
  maxRssMB: number;
  /** RSS when the data is loaded and the work begins (after a GC). */
  startMB?: number;
  /** Peak RSS while the contender works (VmHWM reset at the start of the work). */
  workPeakMB?: number;
  dataMB: number;
  /** What the work produced (events or decisions that held): proof it ran. */
  output: number;
  error?: string;
}

/** VmRSS and VmHWM of this process in MB (undefined without /proc). */
function status(): { rss: number; hwm: number } | undefined {
  try {
    const text = readFileSync("/proc/self/status", "utf8");
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, "m").exec(text)?.[1] ?? NaN) / 1024;
    return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
  } catch {
    return undefined;
  }
}

async function child(contender: Contender): Promise<MemoryResult> {
  const { loadPolicies } = await import("./contenders.js");
  const { csvBytes, fresh, loadSample, replicate } = await import("./data.js");
  const { buildFacts, decideSome, jsonRulesEngine, zenEngine } = await import("./engines.js");
  const policies = await loadPolicies(false);
  const tables = policies.map((p) => replicate(p.id, loadSample(p.id, p.plan), MEMORY_FACTOR));
  const dataBytes = tables.reduce((n, t) => n + csvBytes(t), 0);
  // The data is loaded: collect the loading's garbage and restart the peak (Linux: writing 5 to
  // clear_refs resets VmHWM), so the work's own peak can be told from the loading's.
  (globalThis as { gc?: () => void }).gc?.();
  const before = status();
  let reset = false;
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    reset = true;
  } catch {
    // not Linux, or not allowed: only the whole process's peak is known
  }
  const atStart = status();
  let output = 0;
  for (const [i, p] of policies.entries()) {
    const table = tables[i]!;
    // With every text read: what `tilsyn run` holds when it writes its output.
    if (contender === "oversat") output += p.compiledTexts(fresh(table)).length;
    else if (contender === "håndskrevet") output += p.handwritten(table).length;
    else if (contender === "fortolket") output += p.interpreted(fresh(table)).length;
    else if (contender === "json-rules-engine" || contender === "zen-engine") {
      const facts = buildFacts(p.id, table);
      const decide = contender === "zen-engine" ? await zenEngine(p.id) : await jsonRulesEngine(p.id);
      const n = Math.min(ENGINE_FACTS, facts.facts.length);
      const stride = facts.facts.length / n;
      output += await decideSome(decide, facts, Int32Array.from({ length: n }, (_, i) => Math.floor(i * stride)));
    }
  }
  const after = status();
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  const peakMB = after ? Math.max(after.hwm, before?.hwm ?? 0) : maxRssMB;
  return {
    contender,
    peakMB,
    maxRssMB,
    ...(reset && atStart && after ? { startMB: atStart.rss, workPeakMB: after.hwm } : {}),
    dataMB: dataBytes / 1e6,
    output,
  };
}

export function measureMemory(): MemoryResult[] {
  const self = fileURLToPath(import.meta.url);
  return CONTENDERS.map((contender) => {
    const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", self, contender], { encoding: "utf8", maxBuffer: 1 << 24 });
    const last = r.stdout.trim().split("\n").pop() ?? "";
    try {
      return JSON.parse(last) as MemoryResult;
    } catch {
      return { contender, peakMB: NaN, maxRssMB: NaN, dataMB: NaN, output: 0, error: (r.stderr || r.stdout).trim().split("\n").slice(0, 3).join(" ") };
    }
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const contender = process.argv[2] as Contender;
  if (!CONTENDERS.includes(contender)) {
    console.error(`ukendt deltager: ${contender}`);
    process.exit(2);
  }
  console.log(JSON.stringify(await child(contender)));
}
