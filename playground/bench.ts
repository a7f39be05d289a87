// Browser benchmark of the playground: keystroke → updated error markers and results, on the
// bundled sample data (98 kommuner, 7 years), in the system's Chromium against the built page.
//
//   tsx playground/bench.ts [--no-build] [--edits 30] [--policy tidlig-indsats-2024.tilsyn] [--json]
//
// Each edit is one keystroke that changes the threshold of the first criterion (20 % → 21 % …
// 29 %), so every edit really changes the plan and the whole country is evaluated again. The
// page measures from the editor's change event to the moment the markers, the result views and
// the map (the view that is open) are updated for that edit.
//
// Then, per policy, a sweep of its first limit over 16 values in the sensitivity view (16 real
// evaluations in the worker), timed from the click to the table (--sweeps runs, median).

import { performance } from "node:perf_hooks";
import { cpus, loadavg } from "node:os";
import { hasChromium, launchChromium, CHROMIUM } from "./browser.js";
import { buildPlayground, serveStatic } from "./server.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const edits = Number(option("--edits", "30"));
const sweeps = Number(option("--sweeps", "5"));
const policies = option("--policy", "tidlig-indsats-2024.tilsyn,jobsoegning.tilsyn,tidlig-indsats-2020.tilsyn").split(",");

if (!hasChromium()) {
  console.error(`${CHROMIUM} findes ikke; installér den med apt-get install -y chromium.`);
  process.exit(1);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const p90 = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)]!;

interface Latency {
  id: number;
  markers?: number;
  results?: number;
  map?: number;
  /** The evaluation in the worker alone. */
  evaluation?: number;
  /** Drawing the map alone. */
  drawMap?: number;
}
type Win = {
  tilsyn: {
    latencies: Latency[];
    resultId(): number;
    editor: {
      getModel(): { findMatches(...a: unknown[]): { range: { startLineNumber: number; startColumn: number; endColumn: number } }[] };
      setSelection(r: unknown): void;
      focus(): void;
    };
  };
};

if (!args.includes("--no-build")) {
  const started = performance.now();
  await buildPlayground();
  console.log(`Bygget på ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const server = await serveStatic();
const browser = await launchChromium();
const report: Record<string, { markers: number; results: number; resultsP90: number; map: number; mapP90: number; evaluations: number; evaluation: number; drawMap: number; sweep16: number; sweepWorker: number }> = {};
try {
  for (const policy of policies) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as Win).tilsyn?.resultId() > 0, null, { timeout: 60_000 });
    await page.selectOption("#policy-menu", policy);
    await page.waitForTimeout(300);
    let previous = await page.evaluate(() => (window as unknown as Win).tilsyn.resultId());
    // Warm up: the data is loaded and cached on the first evaluation.
    await page.waitForFunction((p) => (window as unknown as Win).tilsyn.resultId() >= p, previous, { timeout: 60_000 });
    // The map is the open view, so every edit redraws it.
    await page.click(".view-tab[data-view=map]");
    await page.waitForFunction(() => document.querySelectorAll("#map-main [data-kommune]").length === 98, null, { timeout: 60_000 });
    const samples: Latency[] = [];
    for (let i = 0; i < edits + 2; i++) {
      const digit = String(1 + (i % 9));
      // Select the second digit of the first "NN %" after `når` and replace it with one keystroke.
      await page.evaluate(() => {
        const w = window as unknown as Win;
        const model = w.tilsyn.editor.getModel();
        const match = model.findMatches("når [^\\n]*?(\\d)(\\d) %", false, true, true, null, true)[0]!;
        const line = match.range.startLineNumber;
        const text = (model as unknown as { getLineContent(n: number): string }).getLineContent(line);
        const at = text.search(/\d %/);
        w.tilsyn.editor.setSelection({ startLineNumber: line, startColumn: at + 1, endLineNumber: line, endColumn: at + 2 });
        w.tilsyn.editor.focus();
      });
      const before = await page.evaluate(() => Math.max(0, ...(window as unknown as Win).tilsyn.latencies.map((l) => l.id)));
      await page.keyboard.type(digit === "0" ? "1" : digit);
      const handle = await page.waitForFunction(
        (b) => (window as unknown as Win).tilsyn.latencies.find((l) => l.id > b && l.results !== undefined && l.markers !== undefined && l.map !== undefined),
        before,
        { timeout: 60_000 },
      );
      const latency = (await handle.jsonValue()) as Latency;
      if (i >= 2) samples.push(latency);
      previous = latency.id;
      await page.waitForTimeout(30);
    }
    const markers = samples.map((s) => s.markers!);
    const results = samples.map((s) => s.results!);
    const maps = samples.map((s) => s.map!);
    const evaluations = samples.flatMap((s) => (s.evaluation === undefined ? [] : [s.evaluation]));
    const draws = samples.flatMap((s) => (s.drawMap === undefined ? [] : [s.drawMap]));

    // A 16-value sweep of the first limit: from the click to the table of 16 rows.
    await page.click(".view-tab[data-view=sweep]");
    await page.locator("#sweep-limit").waitFor({ timeout: 60_000 });
    // The default values are nine around the policy's own limit: the middle one is the limit.
    const defaults = (await page.inputValue("#sweep-values")).split(/\s*;\s*/);
    const base = Number(defaults[Math.floor(defaults.length / 2)]!.replace(",", "."));
    const values = Array.from({ length: 16 }, (_, i) => String(Math.max(0, base - 8 + i)).replace(".", ","));
    await page.fill("#sweep-values", values.join("; "));
    const sweepTimes: number[] = [];
    const workerTimes: number[] = [];
    for (let i = 0; i < sweeps; i++) {
      // A fresh table each time: the old one is removed before the click.
      await page.evaluate(() => document.querySelector("#sweep-table")?.remove());
      const started = performance.now();
      await page.click("#sweep-run");
      // The old table stays on screen while the worker runs ("Beregner …"): wait for the new one.
      await page.waitForFunction(
        () => document.querySelector("#sweep-run")?.textContent === "Beregn" && document.querySelectorAll("#sweep-table tbody tr").length === 16,
        null,
        { timeout: 120_000 },
      );
      sweepTimes.push(performance.now() - started);
      const ms = await page.evaluate(() => Number(document.querySelector("#sweep-table")?.getAttribute("data-ms") ?? NaN));
      if (Number.isFinite(ms)) workerTimes.push(ms);
    }
    report[policy] = {
      markers: median(markers),
      results: median(results),
      resultsP90: p90(results),
      map: median(maps),
      mapP90: p90(maps),
      evaluations: samples.length,
      evaluation: evaluations.length ? median(evaluations) : NaN,
      drawMap: draws.length ? median(draws) : NaN,
      sweep16: median(sweepTimes),
      sweepWorker: workerTimes.length ? median(workerTimes) : NaN,
    };
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`Belastning (load average 1 min) ved slut: ${loadavg()[0]!.toFixed(1)} på ${cpus().length} kerner`);
if (args.includes("--json")) console.log(JSON.stringify(report, null, 2));
else {
  console.log(`Tastetryk → opdatering, median over ${edits} ændringer af en grænseværdi (eksempeldata, 98 kommuner, 7 år):`);
  for (const [policy, r] of Object.entries(report)) {
    console.log(
      `  ${policy.padEnd(30)} markeringer ${r.markers.toFixed(0).padStart(4)} ms   resultater ${r.results.toFixed(0).padStart(4)} ms (p90 ${r.resultsP90.toFixed(0)} ms)   kort ${r.map.toFixed(0).padStart(4)} ms (p90 ${r.mapP90.toFixed(0)} ms)   heraf beregning ${r.evaluation.toFixed(0)} ms, tegning af kortet ${r.drawMap.toFixed(0)} ms`,
    );
  }
  console.log(`Følsomhed med 16 værdier af den første grænse, median over ${sweeps} kørsler (klik → tabel; i baggrundsprocessen):`);
  for (const [policy, r] of Object.entries(report)) {
    console.log(`  ${policy.padEnd(30)} ${r.sweep16.toFixed(0).padStart(5)} ms (${Number.isFinite(r.sweepWorker) ? `${r.sweepWorker.toFixed(0)} ms` : "–"})`);
  }
}
