// The «Hvorfor (ikke)?» section for one kommune: pick a data period, read `tilsyn explain`'s
// answer, and save the kommune's rows for that period as an `eksempel` block. Shown under the
// timeline and under the map.

import type { PolicyEvent, SeriesPoint } from "../../runtime/events.js";
import { h } from "./dom.js";

export interface WhyAnswer {
  kommune: string;
  period: string;
  text: string;
}

/** The data periods to ask "why (not)?" about: those of the kommune's series and events, newest first. */
export function periodsOf(series: readonly SeriesPoint[], events: readonly PolicyEvent[]): string[] {
  return [...new Set([...series.map((p) => p.period), ...events.map((e) => e.period)])].sort().reverse();
}

export interface WhyInput {
  /** Prefix of the element ids ("why" gives #why-period, #why-output, #why-save). */
  id: string;
  kommune: string;
  periods: string[];
  why?: WhyAnswer;
  onExplain(period: string): void;
  onSave(period: string): void;
}

export function whySection(input: WhyInput): HTMLElement | undefined {
  if (input.periods.length === 0) return undefined;
  const why = input.why?.kommune === input.kommune ? input.why : undefined;
  const chooser = h(
    "select",
    { id: `${input.id}-period`, "aria-label": "Dataperiode", onchange: (ev: Event) => input.onExplain((ev.target as HTMLSelectElement).value) },
    h("option", { value: "", selected: !why }, "vælg en periode …"),
    ...input.periods.map((p) => h("option", { value: p, selected: why?.period === p }, p)),
  );
  const save = h(
    "button",
    {
      type: "button",
      id: `${input.id}-save`,
      disabled: !why,
      title: "Indsæt kommunens rækker for perioden og det, politikken giver for dem, som et eksempel i politikken",
      onclick: () => {
        if (why) input.onSave(why.period);
      },
    },
    "Gem som eksempel",
  );
  return h(
    "section",
    { class: "why", "aria-label": "Hvorfor (ikke)?" },
    h("h3", {}, "Hvorfor (ikke)?"),
    h("p", { class: "muted" }, "Hvert kriterie for kommunen og perioden med tallene, grænsen og afstanden til den, og hvad der stoppede en henvendelse – det samme som ", h("code", {}, "tilsyn explain"), "."),
    h("div", { class: "why-controls" }, h("label", {}, "Data for ", chooser), save),
    h("pre", { id: `${input.id}-output`, class: "why-output" }, why?.text ?? ""),
  );
}
