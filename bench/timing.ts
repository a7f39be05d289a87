// Part 3 of npm run bench: the compiled module against the hand-written loop, timed in one process
// per policy. Both contenders of a policy share that process (the ratios are measured in the same
// process, round by round), but the process holds nothing else: no other policy's code, no rule
// engine, no 100× tables of another policy. In one process for everything, the compiled module
// (which allocates: events with explanations) paid for collections that marked everything the
// bench held, and jobsøgning at 1× took twice its time alone.
//
// Child:  node --expose-gc --import tsx bench/timing.ts <policy>   (prints its timings as JSON)
// Parent: timePolicies() spawns one child per policy.

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { firstDifference } from "./check.js";
import { loadPolicy } from "./contenders.js";
import { fresh, loadSample, POLICIES, replicate, type PolicyId } from "./data.js";

export const FACTORS = [1, 10, 100] as const;
/** Timed rounds per data size (after the warm-up rounds): fewer on the big data. */
export const RUNS: Record<number, number> = { 1: 24, 10: 8, 100: 6 };
/** Warm-up runs per contender; at 100× the check is the first round. */
const WARMUP: Record<number, number> = { 1: 20, 10: 2, 100: 0 };

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * Several contenders timed in interleaved rounds (each runs once per round, in turn), so a busy
 * phase of a shared machine hits all of them alike. The turns alternate direction from round to
 * round (A B, B A, A B, …): a contender that allocates much leaves the heap with work that the
 * next turn may pay for (at 100× a collection marks the table's millions of kommune and group
 * strings), and in a fixed order that next turn was always the same contender's. With the
 * hand-written loop always first, tidlig-indsats-2020 at 100× measured 1.8–2.1× the loop; with
 * the compiled module always first, 1.13–1.16×. A contender that takes under 5 ms is repeated
 * within its turn until it has run ≥ 5 ms (the same count every round), and its sample is the mean.
 * With no warm-up asked for (the caller has just run them), every contender runs once per round.
 * Returns every contender's samples (ms per run).
 */
export function rounds(fns: (() => unknown)[], runs: number, warmup: number): number[][] {
  const reps = fns.map((fn) => {
    if (warmup === 0) return 1;
    let once = Infinity;
    for (let i = 0; i < warmup; i++) {
      const t0 = performance.now();
      fn();
      once = Math.min(once, performance.now() - t0);
    }
    return Math.max(1, Math.min(1000, Math.ceil(5 / Math.max(once, 0.001))));
  });
  const samples = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (let turn = 0; turn < fns.length; turn++) {
      const j = i % 2 === 0 ? turn : fns.length - 1 - turn;
      const fn = fns[j]!;
      const t0 = performance.now();
      for (let r = 0; r < reps[j]!; r++) fn();
      samples[j]!.push((performance.now() - t0) / reps[j]!);
    }
  }
  return samples;
}

/** The median of the per-round ratios a[i] / b[i]. */
export const ratioOf = (a: number[], b: number[]): number => median(a.map((x, i) => x / b[i]!));

export interface Timing {
  rows: number;
  /** The events both gave, checked equal before timing. */
  events: number;
  hand: number;
  compiled: number;
  /** The hand-written loop that also writes the values and explanations (checked word for word). */
  handTexts: number;
  interpreted?: number;
  /** Median of the per-round ratios. */
  compiledRatio: number;
  /** Compiled module ÷ the hand-written loop with texts. */
  compiledTextsRatio: number;
  interpretedRatio?: number;
}

type ChildAnswer = { timings: [number, Timing][] } | { error: string };

async function child(id: PolicyId): Promise<ChildAnswer> {
  const p = await loadPolicy(id, false);
  const sample = loadSample(id, p.plan);
  const gc = (globalThis as { gc?: () => void }).gc;
  const timings: [number, Timing][] = [];
  for (const factor of FACTORS) {
    // Each size is made when it is timed, after the previous one is collected.
    gc?.();
    const table = replicate(id, sample, factor);
    const t0 = performance.now();
    const hand = p.handwritten(table);
    const t1 = performance.now();
    const compiled = p.compiled(fresh(table));
    const t2 = performance.now();
    const diff = firstDifference(compiled, hand) ?? firstDifference(compiled, p.handwrittenTexts(table), true);
    if (diff) return { error: `${id}, ${factor}×: ${diff}` };
    // At 100× the check is the first timed round (the code is warm from 1× and 10×); the timed
    // rounds that follow it begin in the other order.
    const first = factor === 100 ? [t1 - t0, t2 - t1] : [];
    const samples = first.length
      ? rounds([() => p.compiled(fresh(table)), () => p.handwritten(table)], RUNS[factor]! - 1, WARMUP[factor]!).reverse()
      : rounds([() => p.handwritten(table), () => p.compiled(fresh(table))], RUNS[factor]!, WARMUP[factor]!);
    first.forEach((ms, i) => samples[i]!.unshift(ms));
    const [handMs, compiledMs] = samples;
    // The loop with texts in rounds of its own with the compiled module whose texts are read (so
    // written): in the same rounds as the plain loop, the garbage of its texts was collected
    // during the plain loop's turns.
    const [textsMs, compiledBesideTexts] = rounds([() => p.handwrittenTexts(table), () => p.compiledTexts(fresh(table))], RUNS[factor]!, Math.min(WARMUP[factor]!, 3));
    // The interpreter (1× only) in rounds of its own with the hand-written loop: its garbage
    // would otherwise be collected during the compiled module's turns.
    const interpreted = factor === 1 ? rounds([() => p.handwritten(table), () => p.interpreted(fresh(table))], RUNS[factor]!, 3) : undefined;
    timings.push([
      factor,
      {
        rows: table.length,
        events: compiled.length,
        hand: median(handMs!),
        compiled: median(compiledMs!),
        handTexts: median(textsMs!),
        compiledRatio: ratioOf(compiledMs!, handMs!),
        compiledTextsRatio: ratioOf(compiledBesideTexts!, textsMs!),
        ...(interpreted ? { interpreted: median(interpreted[1]!), interpretedRatio: ratioOf(interpreted[1]!, interpreted[0]!) } : {}),
      },
    ]);
  }
  return { timings };
}

/** Each policy's timings per data size, each policy in a process of its own (see above). */
export function timePolicies(ids: readonly PolicyId[]): Map<PolicyId, Map<number, Timing>> | { error: string } {
  const self = fileURLToPath(import.meta.url);
  const out = new Map<PolicyId, Map<number, Timing>>();
  for (const id of ids) {
    const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", self, id], { encoding: "utf8", maxBuffer: 1 << 24 });
    const last = r.stdout.trim().split("\n").pop() ?? "";
    let answer: ChildAnswer;
    try {
      answer = JSON.parse(last) as ChildAnswer;
    } catch {
      return { error: `${id}: tidsmålingen i egen proces mislykkedes: ${(r.stderr || r.stdout).trim().split("\n").slice(0, 3).join(" ")}` };
    }
    if ("error" in answer) return answer;
    out.set(id, new Map(answer.timings));
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const id = process.argv[2] as PolicyId;
  if (!POLICIES.includes(id)) {
    console.error(`ukendt politik: ${id}`);
    process.exit(2);
  }
  const answer = await child(id);
  console.log(JSON.stringify(answer));
  if ("error" in answer) process.exit(1);
}
