// Totals per year, and the comparison of the policy with its variant.

import type { EventType, PolicyEvent } from "../../runtime/events.js";
import { formatNumber, h } from "./dom.js";
import { eventTypePlural, eventTypes } from "./labels.js";
import type { KommuneInfo } from "./protocol.js";

const yearOf = (e: PolicyEvent): string => e.date.slice(0, 4);

interface YearTotals {
  year: string;
  byType: Record<EventType, number>;
  total: number;
  kommuner: Set<string>;
}

export function totalsByYear(events: PolicyEvent[]): YearTotals[] {
  const years = new Map<string, YearTotals>();
  for (const e of events) {
    const year = yearOf(e);
    let t = years.get(year);
    if (!t) {
      t = { year, byType: Object.fromEntries(eventTypes.map((k) => [k, 0])) as Record<EventType, number>, total: 0, kommuner: new Set() };
      years.set(year, t);
    }
    t.byType[e.type]++;
    t.total++;
    t.kommuner.add(e.kommune);
  }
  return [...years.values()].sort((a, b) => a.year.localeCompare(b.year));
}

export function renderYears(container: HTMLElement, events: PolicyEvent[], blocked?: string): void {
  const totals = totalsByYear(events);
  const types = eventTypes.filter((t) => totals.some((y) => y.byType[t] > 0));
  const all = new Set(events.map((e) => e.kommune));
  container.replaceChildren(
    ...(blocked ? [h("div", { class: "notice" }, blocked)] : []),
    h("p", { class: "muted" }, "Hændelser efter det år, de får virkning (datoen), og antal berørte kommuner."),
    h(
      "table",
      { class: "totals", id: "years-table" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "År"), types.map((t) => h("th", { scope: "col", class: "num" }, eventTypePlural[t])), h("th", { scope: "col", class: "num" }, "I alt"), h("th", { scope: "col", class: "num" }, "Kommuner"))),
      h(
        "tbody",
        {},
        totals.map((y) => h("tr", {}, h("th", { scope: "row" }, y.year), types.map((t) => h("td", { class: "num" }, formatNumber(y.byType[t]))), h("td", { class: "num" }, formatNumber(y.total)), h("td", { class: "num" }, formatNumber(y.kommuner.size)))),
      ),
      h(
        "tfoot",
        {},
        h("tr", {}, h("th", { scope: "row" }, "I alt"), types.map((t) => h("td", { class: "num" }, formatNumber(events.filter((e) => e.type === t).length))), h("td", { class: "num" }, formatNumber(events.length)), h("td", { class: "num" }, formatNumber(all.size))),
      ),
    ),
  );
}

export interface Side {
  label: string;
  events: PolicyEvent[];
  blocked?: string;
}

export function renderComparison(container: HTMLElement, a: Side, b: Side | undefined, kommuner: KommuneInfo[], hint: Node): void {
  if (!b) {
    container.replaceChildren(
      h("p", {}, "Der er endnu ingen variant at sammenligne med."),
      hint,
    );
    return;
  }
  // A side that could not run (errors in the policy, missing or bad data) has no events to count:
  // comparing it as if it had none would show a difference that is not there.
  const blocked = [a, b].filter((side) => side.blocked);
  if (blocked.length > 0) {
    container.replaceChildren(
      ...blocked.map((side) => h("div", { class: "notice", "data-blocked": side.label }, `${side.label}: ${side.blocked}`)),
      h("p", { id: "compare-blocked" }, "Der sammenlignes først, når begge kan køre: ret fejlene ovenfor, så vises forskellen."),
    );
    return;
  }
  const name = new Map(kommuner.map((k) => [k.kode, k.navn]));
  const countA = countBy(a.events);
  const countB = countBy(b.events);
  const onlyA = [...countA.keys()].filter((k) => !countB.has(k));
  const onlyB = [...countB.keys()].filter((k) => !countA.has(k));
  const both = [...countA.keys()].filter((k) => countB.has(k));
  const years = [...new Set([...a.events, ...b.events].map(yearOf))].sort();
  const totalsA = new Map(totalsByYear(a.events).map((y) => [y.year, y]));
  const totalsB = new Map(totalsByYear(b.events).map((y) => [y.year, y]));
  const diff = (x: number, y: number): string => (y - x > 0 ? `+${formatNumber(y - x)}` : formatNumber(y - x));
  const kommuneList = (codes: string[], counts: Map<string, number>): HTMLElement =>
    codes.length === 0
      ? h("p", { class: "muted" }, "Ingen.")
      : h(
          "ul",
          { class: "kommune-list" },
          codes
            .sort((x, y) => (name.get(x) ?? x).localeCompare(name.get(y) ?? y, "da"))
            .map((k) => h("li", {}, `${name.get(k) ?? k} (${k})`, h("span", { class: "muted" }, ` · ${counts.get(k)} ${counts.get(k) === 1 ? "hændelse" : "hændelser"}`))),
        );
  const changed = [...new Set([...countA.keys(), ...countB.keys()])]
    .map((k) => ({ k, x: countA.get(k) ?? 0, y: countB.get(k) ?? 0 }))
    .filter((r) => r.x !== r.y)
    .sort((p, q) => Math.abs(q.y - q.x) - Math.abs(p.y - p.x) || (name.get(p.k) ?? "").localeCompare(name.get(q.k) ?? "", "da"));

  container.replaceChildren(
    h(
      "div",
      { class: "cards", id: "compare-summary" },
      card(a.label, a.events.length, countA.size),
      card(b.label, b.events.length, countB.size),
      h("div", { class: "card" }, h("div", { class: "card-title" }, "Forskel"), h("div", { class: "card-number" }, diff(a.events.length, b.events.length)), h("div", { class: "muted" }, `${diff(countA.size, countB.size)} ${Math.abs(countB.size - countA.size) === 1 ? "kommune" : "kommuner"}`)),
    ),
    h("h3", {}, "Hændelser pr. år"),
    // In a scrolling box: at phone width the kommune columns are wider than the screen.
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "totals", id: "compare-years" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "År"), h("th", { scope: "col", class: "num" }, a.label), h("th", { scope: "col", class: "num" }, b.label), h("th", { scope: "col", class: "num" }, "Forskel"), h("th", { scope: "col", class: "num" }, `Kommuner (${a.label})`), h("th", { scope: "col", class: "num" }, `Kommuner (${b.label})`))),
        h(
          "tbody",
          {},
          years.map((y) => {
            const x = totalsA.get(y)?.total ?? 0;
            const z = totalsB.get(y)?.total ?? 0;
            return h("tr", {}, h("th", { scope: "row" }, y), h("td", { class: "num" }, formatNumber(x)), h("td", { class: "num" }, formatNumber(z)), h("td", { class: `num ${z > x ? "up" : z < x ? "down" : ""}` }, diff(x, z)), h("td", { class: "num" }, formatNumber(totalsA.get(y)?.kommuner.size ?? 0)), h("td", { class: "num" }, formatNumber(totalsB.get(y)?.kommuner.size ?? 0)));
          }),
        ),
      ),
    ),
    h(
      "div",
      { class: "columns" },
      h("section", {}, h("h3", {}, `Kun ramt under ${a.label} (${onlyA.length})`), kommuneList(onlyA, countA)),
      h("section", {}, h("h3", {}, `Kun ramt under ${b.label} (${onlyB.length})`), kommuneList(onlyB, countB)),
    ),
    h("p", { class: "muted" }, `${both.length} kommuner er ramt under begge.`),
    h("h3", {}, `Kommuner, hvor antallet af hændelser ændres (${changed.length})`),
    h(
      "table",
      { class: "totals" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Kommune"), h("th", { scope: "col", class: "num" }, a.label), h("th", { scope: "col", class: "num" }, b.label), h("th", { scope: "col", class: "num" }, "Forskel"))),
      h("tbody", {}, changed.slice(0, 200).map((r) => h("tr", {}, h("th", { scope: "row" }, `${name.get(r.k) ?? r.k} (${r.k})`), h("td", { class: "num" }, formatNumber(r.x)), h("td", { class: "num" }, formatNumber(r.y)), h("td", { class: `num ${r.y > r.x ? "up" : "down"}` }, diff(r.x, r.y))))),
    ),
  );
}

function countBy(events: PolicyEvent[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events) out.set(e.kommune, (out.get(e.kommune) ?? 0) + 1);
  return out;
}

function card(label: string, events: number, kommuner: number): HTMLElement {
  return h("div", { class: "card" }, h("div", { class: "card-title" }, label), h("div", { class: "card-number" }, formatNumber(events)), h("div", { class: "muted" }, `${events === 1 ? "hændelse" : "hændelser"} i ${formatNumber(kommuner)} ${kommuner === 1 ? "kommune" : "kommuner"}`));
}
