// CLI start-up: wall time of whole `tilsyn` commands, spawned as a user would, against the
// start-up of a bare `node -e ''` on the same machine (median of several runs each).

import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { root } from "./data.js";

export interface CliResult {
  name: string;
  medianMs: number;
  ratio: number;
  error?: string;
}

function wall(args: string[], runs: number): { ms: number; error?: string } {
  const samples: number[] = [];
  let error: string | undefined;
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
    const ms = performance.now() - t0;
    if (r.status !== 0) error = `exit ${r.status}: ${(r.stderr || "").trim().split("\n")[0]}`;
    if (i > 0) samples.push(ms); // the first run warms the file cache
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)]!, error };
}

export function measureCli(runs = 10): CliResult[] {
  const policies = readdirSync(`${root}/policies`).filter((f) => f.endsWith(".tilsyn")).sort().map((f) => `policies/${f}`);
  const node = wall(["-e", ""], runs);
  const commands: [string, string[]][] = [
    ["tilsyn check policies/*.tilsyn", ["bin/tilsyn.mjs", "check", ...policies]],
    ["tilsyn run tidlig-indsats-2020 --format json", ["bin/tilsyn.mjs", "run", "policies/tidlig-indsats-2020.tilsyn", "--data", "data/eksempel", "--format", "json"]],
  ];
  const out: CliResult[] = [{ name: "node -e ''", medianMs: node.ms, ratio: 1, ...(node.error ? { error: node.error } : {}) }];
  for (const [name, args] of commands) {
    const r = wall(args, runs);
    out.push({ name, medianMs: r.ms, ratio: r.ms / node.ms, ...(r.error ? { error: r.error } : {}) });
  }
  return out;
}
