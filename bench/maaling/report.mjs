// Preloaded (node --import) into the `tilsyn` CLI when bench/maaling.ts runs the policy as a
// contender: when the process exits, it writes the process's time since start, CPU time (user +
// system, all threads) and peak RSS (VmHWM from /proc) as JSON to $TILSYN_BENCH_REPORT. It reads
// nothing the CLI does and changes none of its output. Only the main thread reports: the CLI's
// commands run in a worker, whose memory and CPU time are the process's.
import { readFileSync, writeFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

const file = process.env.TILSYN_BENCH_REPORT;
if (file && isMainThread) {
  process.on("exit", () => {
    let peakMB = process.resourceUsage().maxRSS / 1024;
    try {
      const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf8"));
      if (m) peakMB = Number(m[1]) / 1024;
    } catch {
      // no /proc: maxRSS
    }
    const cpu = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ ms: performance.now(), cpuMs: (cpu.user + cpu.system) / 1000, peakMB }));
  });
}
