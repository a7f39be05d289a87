// CLI start-up: wall time of whole `tilsyn` commands, spawned as a user would, against the
// start-up of a bare `node -e ''` on the same machine (median of several interleaved runs each).

import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { root } from "./data.js";

export interface CliResult {
  name: string;
  medianMs: number;
  ratio: number;
  error?: string;
}

function once(args: string[]): { ms: number; error?: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  return r.status === 0 ? { ms } : { ms, error: `exit ${r.status}: ${(r.stderr || "").trim().split("\n")[0]}` };
}

/**
 * Median wall time of each command over `runs` interleaved rounds (node -e '', then each tilsyn
 * command, in turn), after one warm-up round that fills the file cache: a busy phase of a shared
 * machine then slows the baseline as much as the commands.
 */
export function measureCli(runs = 10): CliResult[] {
  const policies = readdirSync(`${root}/policies`).filter((f) => f.endsWith(".tilsyn")).sort().map((f) => `policies/${f}`);
  const commands: [string, string[]][] = [
    ["node -e ''", ["-e", ""]],
    ["tilsyn check policies/*.tilsyn", ["bin/tilsyn.mjs", "check", ...policies]],
    ["tilsyn run tidlig-indsats-2020 --format json", ["bin/tilsyn.mjs", "run", "policies/tidlig-indsats-2020.tilsyn", "--data", "data/eksempel", "--format", "json"]],
  ];
  const samples = commands.map((): number[] => []);
  const errors: (string | undefined)[] = commands.map(() => undefined);
  for (let round = 0; round <= runs; round++) {
    commands.forEach(([, args], i) => {
      const r = once(args);
      if (r.error) errors[i] = r.error;
      if (round > 0) samples[i]!.push(r.ms);
    });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const base = median(samples[0]!);
  return commands.map(([name], i) => {
    const ms = median(samples[i]!);
    return { name, medianMs: ms, ratio: ms / base, ...(errors[i] ? { error: errors[i] } : {}) };
  });
}
