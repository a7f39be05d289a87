// Browser benchmark of the playground: keystroke → updated error markers and results, on the
// bundled sample data (98 kommuner, 7 years), in the system's Chromium against the built page.
//
//   tsx playground/bench.ts [--no-build] [--edits 30] [--policy tidlig-indsats-2024.tilsyn] [--json]
//
// Each edit is one keystroke that changes the threshold of the first criterion (20 % → 21 % …
// 29 %), so every edit really changes the plan and the whole country is evaluated again. The
// page measures from the editor's change event to the moment the markers, and then the result
// views, are updated for that edit.

import { performance } from "node:perf_hooks";
import { hasChromium, launchChromium, CHROMIUM } from "./browser.js";
import { buildPlayground, serveStatic } from "./server.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const edits = Number(option("--edits", "30"));
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
const report: Record<string, { markers: number; results: number; resultsP90: number; evaluations: number }> = {};
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
        (b) => (window as unknown as Win).tilsyn.latencies.find((l) => l.id > b && l.results !== undefined && l.markers !== undefined),
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
    report[policy] = { markers: median(markers), results: median(results), resultsP90: p90(results), evaluations: samples.length };
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

if (args.includes("--json")) console.log(JSON.stringify(report, null, 2));
else {
  console.log(`Tastetryk → opdatering, median over ${edits} ændringer af en grænseværdi (eksempeldata, 98 kommuner, 7 år):`);
  for (const [policy, r] of Object.entries(report)) {
    console.log(
      `  ${policy.padEnd(30)} markeringer ${r.markers.toFixed(0).padStart(4)} ms   resultater ${r.results.toFixed(0).padStart(4)} ms (p90 ${r.resultsP90.toFixed(0)} ms)`,
    );
  }
}
