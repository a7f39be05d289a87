// Before anything is timed: the hand-written implementation must give the compiled module's
// events, field by field, on the sample data and on seeded random data. The first difference is
// printed and the bench stops (exit 1): a baseline that disagrees is never timed.

import type { PolicyEvent } from "../runtime/index.js";
import type { HandEvent } from "./handwritten/common.js";

const FIELDS = ["type", "kommune", "group", "period", "date", "rule", "handling", "from", "to", "name", "due"] as const;

type Comparable = Partial<Record<(typeof FIELDS)[number], string>>;

const line = (e: Comparable | undefined): string =>
  e === undefined ? "(ingen hændelse)" : FIELDS.filter((f) => e[f] !== undefined).map((f) => `${f}=${e[f]}`).join(" ");

/** undefined when equal; else a Danish description of the first difference. */
export function firstDifference(compiled: readonly PolicyEvent[], hand: readonly HandEvent[]): string | undefined {
  const n = Math.max(compiled.length, hand.length);
  for (let i = 0; i < n; i++) {
    const a = compiled[i] as Comparable | undefined;
    const b = hand[i] as Comparable | undefined;
    const differs = a === undefined || b === undefined || FIELDS.some((f) => a[f] !== b[f]);
    if (differs) {
      return [
        `første forskel ved hændelse nr. ${i + 1} (oversat: ${compiled.length} hændelser, håndskrevet: ${hand.length}):`,
        `  oversat:     ${line(a)}`,
        `  håndskrevet: ${line(b)}`,
      ].join("\n");
    }
  }
  return undefined;
}
