// «Måling»: the table a `måling` in the editor measured from the sample person data (kommune ×
// month), for the selected kommune: the rows the policy that reads the table was evaluated on.
// «Hvorfor?» on a month shows how it was counted: the persons, the dead months and, for each
// field, how many each part of its condition left out (the text of `tilsyn explain`).

import { formatNumber, h } from "./dom.js";
import { danishMonth } from "./labels.js";
import type { KommuneInfo, MeasuredInfo } from "./protocol.js";

export function renderMeasured(
  container: HTMLElement,
  input: {
    kommuner: KommuneInfo[];
    selected: string | undefined;
    measured?: MeasuredInfo;
    blocked?: string;
    reader?: string;
    /** The month asked «Hvorfor?» about, and the answer once it has come. */
    why?: { month: number; text?: string };
  },
  onSelect: (kommune: string) => void,
  /** Ask how a month was counted (undefined: close the answer). */
  onWhy: (month: number | undefined) => void,
): void {
  const measured = input.measured;
  if (!measured) {
    container.replaceChildren(h("p", { class: "muted" }, input.blocked ?? "Politikken har ingen måling; vælg fx fokusmaal.tilsyn i menuen «Politik»."));
    return;
  }
  // Newest month first: the months a policy acts on now are the ones looked for, and the oldest
  // are zeros (nobody has a full window of counted months yet).
  const rows = measured.rows.filter((r) => r[0] === input.selected).reverse();
  const select = h(
    "select",
    { id: "measured-kommune", "aria-label": "Kommune", onchange: (ev: Event) => onSelect((ev.target as HTMLSelectElement).value) },
    [...input.kommuner].sort((a, b) => a.navn.localeCompare(b.navn, "da")).map((k) => h("option", { value: k.kode, selected: k.kode === input.selected }, `${k.navn} (${k.kode})`)),
  );
  const kommune = input.kommuner.find((k) => k.kode === input.selected);
  const why = input.why;
  const answer = why
    ? h(
        "div",
        { class: "why", id: "measured-why", "aria-live": "polite" },
        h("div", { class: "why-controls" }, h("h3", {}, `Hvorfor ${danishMonth(why.month)}?`), h("button", { type: "button", id: "measured-why-close", onclick: () => onWhy(undefined) }, "Luk")),
        why.text === undefined ? h("p", { class: "muted" }, "Tæller …") : h("pre", { class: "why-output" }, why.text),
      )
    : undefined;
  container.replaceChildren(
    h("div", { class: "filters" }, h("label", {}, "Kommune ", select)),
    h(
      "p",
      { class: "muted" },
      `Data \`${measured.name}\` målt af ${measured.file} på ${measured.uploaded.length ? `dine persondata (${measured.uploaded.join(", ")}${measured.fromSample > 0 ? " og eksempelpersondata for resten" : ""})` : "eksempelpersondata"}: ${measured.title}. `,
      `Én række pr. måned med mindst én person på ydelse, nyeste først; ${input.reader ? `${input.reader} er regnet på denne tabel` : "tabellen er det, politikken regnes på"}.`,
    ),
    rows.length === 0
      ? h("p", { class: "muted" }, `Ingen målte måneder for ${kommune?.navn ?? input.selected ?? "kommunen"}.`)
      : h(
          "div",
          { class: "table-wrap" },
          h(
            "table",
            { class: "measured", id: "measured-table", "data-kommune": input.selected ?? "" },
            h("thead", {}, h("tr", {}, h("th", {}, "Måned"), ...measured.fields.map((f) => h("th", { class: "num", title: f }, f.replaceAll("_", "_\u200b"))))),
            h(
              "tbody",
              {},
              rows.flatMap((r) => {
                const row = h(
                  "tr",
                  { "data-month": r[1], class: why?.month === r[1] ? "current" : "" },
                  // The month is a button: «Hvorfor?» on it shows how the month was counted, just below it.
                  h("td", {}, h("button", { type: "button", class: "month-why", title: `Hvorfor ${danishMonth(r[1])}?`, onclick: () => onWhy(r[1]) }, danishMonth(r[1]))),
                  ...r.slice(2).map((v) => h("td", { class: "num" }, formatNumber(v as number))),
                );
                return answer && why?.month === r[1] ? [row, h("tr", { class: "why-row" }, h("td", { colspan: String(measured.fields.length + 1) }, answer))] : [row];
              }),
            ),
          ),
        ),
  );
}
