// The sensitivity view: one limit of one rule set to a range of values, and the contacts and
// kommuner reached per year for each — the seed's own question ("how many letters at 20 % against
// 25 %?") in one table. Each row is a real evaluation in the worker (compiler/sweep.ts), the same
// as `tilsyn sweep`.

import { h } from "./dom.js";
import type { SweepLimit, SweepMessage } from "./protocol.js";

export interface SensitivityInput {
  limits: SweepLimit[];
  /** What each row counts: «henvendelser», «overgange fra normal». */
  counted: string;
  /** "rule#index" of the chosen limit. */
  chosen?: string;
  values?: string;
  result?: SweepMessage;
  blocked?: string;
  busy: boolean;
}

export const limitKey = (l: { rule: string; index: number }): string => `${l.rule}#${l.index}`;

/** Nine values around a limit: ±10 percentage points in steps of 2,5 for a share, ±50 % for a count. */
export function defaultValues(limit: SweepLimit): string {
  const w = Number(limit.written.replace(",", "."));
  const out: string[] = [];
  if (limit.percent) {
    for (let i = -4; i <= 4; i++) {
      const v = w + i * 2.5;
      if (v >= 0 && v <= 100) out.push(String(v).replace(".", ","));
    }
  } else {
    const step = Math.max(1, Math.round(w / 8));
    for (let i = -4; i <= 4; i++) if (w + i * step >= 0) out.push(String(w + i * step));
  }
  return out.join("; ");
}

export function renderSensitivity(container: HTMLElement, input: SensitivityInput, onRun: (key: string, values: string[]) => void): void {
  if (input.blocked) {
    container.replaceChildren(h("div", { class: "notice" }, input.blocked));
    return;
  }
  if (input.limits.length === 0) {
    container.replaceChildren(h("p", { class: "muted" }, "Politikkens regler har ingen grænse med et tal, der kan ændres."));
    return;
  }
  const chosen = input.limits.find((l) => limitKey(l) === input.chosen) ?? input.limits[0]!;
  const select = h(
    "select",
    { id: "sweep-limit", "aria-label": "Grænse" },
    ...input.limits.map((l) => h("option", { value: limitKey(l), selected: l === chosen }, `«${l.title}»: ${l.text}`)),
  ) as HTMLSelectElement;
  const values = h("input", { id: "sweep-values", "aria-label": "Værdier", value: input.values ?? defaultValues(chosen), size: 40 }) as HTMLInputElement;
  select.onchange = () => {
    const next = input.limits.find((l) => limitKey(l) === select.value)!;
    values.value = defaultValues(next);
  };
  const run = () => {
    const list = values.value.split(/\s*;\s*|\s+/).filter((v) => /^\d+(?:[.,]\d+)?$/.test(v));
    if (list.length > 0) onRun(select.value, list.slice(0, 40));
  };
  const button = h("button", { id: "sweep-run", type: "button", class: "primary", onclick: run }, input.busy ? "Beregner …" : "Beregn");
  const form = h(
    "div",
    { class: "filters sweep-form" },
    h("label", {}, "Grænse ", select),
    h("label", {}, "Værdier ", values),
    button,
  );
  const body: Node[] = [
    h("p", { class: "muted" }, `Sæt én grænse til hver af værdierne (adskilt af semikolon) og se ${input.counted} pr. år med antallet af kommuner i parentes. Hver række er en rigtig kørsel af politikken; `, h("strong", {}, "*"), " er politikkens egen grænse."),
  ];
  const result = input.result;
  if (result?.blocked) body.push(h("div", { class: "notice" }, result.blocked));
  else if (result && limitKey(result) === limitKey(chosen)) {
    const max = Math.max(1, ...result.rows.map((r) => r.total));
    const unit = chosen.percent ? " %" : "";
    body.push(
      h(
        "div",
        { class: "table-wrap" },
        h(
          "table",
          { class: "events sweep-table", id: "sweep-table", "data-ms": String(Math.round(result.ms)) },
          h("thead", {}, h("tr", {}, h("th", {}, "Grænse"), ...result.years.map((y) => h("th", { class: "num" }, y)), h("th", { class: "num" }, "I alt"), h("th", {}, ""))),
          h(
            "tbody",
            {},
            ...result.rows.map((r) =>
              h(
                "tr",
                { class: r.current ? "current" : "", "data-value": r.value },
                h("td", {}, `${r.value}${unit}${r.current ? " *" : ""}`),
                ...result.years.map((y) => h("td", { class: "num" }, `${r.contacts[y] ?? 0} (${r.kommuner[y] ?? 0})`)),
                h("td", { class: "num total" }, String(r.total)),
                h("td", { class: "bar-cell" }, h("span", { class: "bar", style: `width:${Math.round((100 * r.total) / max)}%` })),
              ),
            ),
          ),
        ),
      ),
      h("p", { class: "muted" }, `${result.rows.length} ${result.rows.length === 1 ? "kørsel" : "kørsler"} på ${Math.round(result.ms).toLocaleString("da-DK")} ms.`),
    );
  }
  container.replaceChildren(form, ...body);
}
