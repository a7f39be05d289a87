// Property tests over generated policies (test/format/generate.ts): formatting is idempotent,
// keeps the meaning (the AST without positions; also with how comparisons were written and the
// author's parentheses) and keeps every comment's text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commentTexts, fmt, meaning, parseOk } from "./helpers.js";
import { policyText } from "./generate.js";

const NUM_RUNS = 1000;
// A fixed seed by default, so CI is deterministic (as the conformance pairs are); FC_SEED explores
// others. FC_SEED=12 still finds a known idempotence bug (an own-line comment after the last
// clause of a `forløb`, before a blank line and `reaktion`, moves between columns 3 and 1 from one
// pass to the next), reported in the closing note of issue #8.
const seed = Number(process.env["FC_SEED"] ?? 20261206);

describe("formatting generated policies", () => {
  it(`is idempotent, keeps the meaning and every comment (${NUM_RUNS} policies)`, async () => {
    let lines = 0;
    await fc.assert(
      fc.asyncProperty(policyText, async (text) => {
        const before = parseOk(text);
        const once = await fmt(text);
        const after = parseOk(once);
        expect(await fmt(once)).toBe(once);
        expect(meaning(after, true)).toEqual(meaning(before, true));
        expect(meaning(after)).toEqual(meaning(before));
        expect(commentTexts(after)).toEqual(commentTexts(before));
        // House-style invariants of every output.
        if (once !== "") expect(once).toMatch(/[^\n]\n$/);
        for (const line of once.split("\n")) {
          expect(line).not.toMatch(/\s$/);
          expect((line.length - line.trimStart().length) % 2).toBe(0);
          lines++;
        }
        expect(once).not.toMatch(/\n\n\n/);
      }),
      { numRuns: NUM_RUNS, seed },
    );
    expect(lines).toBeGreaterThan(NUM_RUNS);
  }, 120_000);
});
