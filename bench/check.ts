// Before anything is timed: the hand-written implementation must give the compiled module's
// events, field by field (and its variant with texts also their values and explanations), on the
// sample data and on seeded random data. The first difference is printed and the bench stops
// (exit 1): a baseline that disagrees is never timed.

import type { PolicyEvent } from "../runtime/index.js";
import type { HandEvent } from "./handwritten/common.js";

const FIELDS = ["type", "kommune", "group", "period", "date", "rule", "handling", "from", "to", "name", "due"] as const;

type Comparable = Partial<Record<(typeof FIELDS)[number], string>>;

const line = (e: Comparable | undefined): string =>
  e === undefined ? "(ingen hændelse)" : FIELDS.filter((f) => e[f] !== undefined).map((f) => `${f}=${e[f]}`).join(" ");

/** The texts the variant with texts must also write, word for word (values as their JSON). */
const TEXTS = ["rules", "values", "explanation", "source"] as const;
const text = (e: object, f: (typeof TEXTS)[number]): string => JSON.stringify((e as Record<string, unknown>)[f]) ?? "";

/**
 * undefined when equal; else a Danish description of the first difference. With `texts`, each
 * event's rules, values, explanation and source must be equal too.
 */
export function firstDifference(compiled: readonly PolicyEvent[], hand: readonly HandEvent[], texts = false): string | undefined {
  const n = Math.max(compiled.length, hand.length);
  for (let i = 0; i < n; i++) {
    const a = compiled[i] as Comparable | undefined;
    const b = hand[i] as Comparable | undefined;
    const differs = a === undefined || b === undefined || FIELDS.some((f) => a[f] !== b[f]);
    const textDiffers = !differs && texts ? TEXTS.find((f) => text(compiled[i]!, f) !== text(hand[i]!, f)) : undefined;
    if (textDiffers) {
      return [
        `første forskel ved hændelse nr. ${i + 1} i ${textDiffers}:`,
        `  oversat:     ${text(compiled[i]!, textDiffers)}`,
        `  håndskrevet: ${text(hand[i]!, textDiffers)}`,
      ].join("\n");
    }
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
