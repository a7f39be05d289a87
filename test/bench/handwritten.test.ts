// The bench's hand-written baselines (bench/handwritten/) against the compiled module, so they do
// not drift between bench runs: the same events on the sample data and on seeded random data,
// and, for the variant that writes texts, the same rules, values, explanations and sources word
// for word (npm run bench checks this again, on every size it times).

import { describe, expect, it } from "vitest";
import { firstDifference } from "../../bench/check.js";
import { loadPolicy } from "../../bench/contenders.js";
import { fresh, loadSample, POLICIES, randomCsv, tableFromCsv } from "../../bench/data.js";

describe.each(POLICIES)("bench/handwritten: %s", (id) => {
  it("gives the compiled module's events, and with texts its values and explanations, on the sample and on random data", async () => {
    const p = await loadPolicy(id);
    const tables = [loadSample(id, p.plan), ...[1, 2, 3].map((seed) => tableFromCsv(p.plan, randomCsv(id, seed), `frø-${seed}.csv`))];
    let explained = 0;
    for (const table of tables) {
      const compiled = p.compiled(fresh(table));
      expect(compiled.length).toBeGreaterThan(0);
      expect(firstDifference(compiled, p.handwritten(table))).toBeUndefined();
      const texts = p.handwrittenTexts(table);
      expect(firstDifference(compiled, texts, true)).toBeUndefined();
      explained += texts.filter((e) => e.explanation && e.values && e.source).length;
    }
    expect(explained).toBeGreaterThan(100);
  }, 60_000);

  it("the check of texts finds a changed word and a changed number", async () => {
    const p = await loadPolicy(id, false);
    const table = loadSample(id, p.plan);
    const compiled = p.compiled(fresh(table));
    const word = p.handwrittenTexts(table);
    word[7]!.explanation = word[7]!.explanation!.replace(" er ", " var ");
    expect(firstDifference(compiled, word, true)).toMatch(/hændelse nr\. 8 i explanation/);
    const number = p.handwrittenTexts(table);
    const key = Object.keys(number[3]!.values!)[0]!;
    number[3]!.values![key] = 0.5;
    expect(firstDifference(compiled, number, true)).toMatch(/hændelse nr\. 4 i values/);
    // Without texts asked for, only the event fields count.
    expect(firstDifference(compiled, word)).toBeUndefined();
  }, 60_000);
});
