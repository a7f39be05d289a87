// States over time for a state machine (skærpet tilsyn): one band per kommune whose state
// changed, coloured by the state it is in from each change to the next, with its deadlines
// marked. The states are named with the policy's own texts; the axis is in years.

import type { PolicyEvent } from "../../runtime/events.js";
import { formatNumber, h, s } from "./dom.js";
import { danishDate } from "./labels.js";
import type { KommuneInfo, PolicyInfo } from "./protocol.js";

const WIDE = 720;
const RIGHT = 12;
const ROW = 20;
const TOP = 6;
const AXIS = 34;

/** Colours by the state's place in the machine (the start state is calm grey-green). */
const PALETTE = ["#cfe3d4", "#f2a33a", "#d84315", "#7b1fa2", "#1565c0", "#00838f", "#6d4c41"];

export interface StatesInput {
  kommuner: readonly KommuneInfo[];
  events: readonly PolicyEvent[];
  policy: PolicyInfo & { machine: NonNullable<PolicyInfo["machine"]> };
  /** Month indices of the evaluated period. */
  fromMonth?: number;
  toMonth?: number;
  selected?: string;
  /** The width it is shown at, in CSS pixels: on a phone the chart is drawn narrower, so its text stays readable. */
  width?: number;
}

interface Segment {
  state: string;
  from: number;
  to: number;
  start: string;
  end?: string;
}

/** "2024-04-01" → a fractional month index. */
const monthOf = (date: string): number => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return y * 12 + m - 1 + (d - 1) / 31;
};

export function renderStates(input: StatesInput, onSelect: (kode: string) => void): HTMLElement {
  const W = input.width && input.width > 0 ? Math.max(340, Math.min(WIDE, Math.round(input.width))) : WIDE;
  const LABEL = W < 500 ? 96 : 130;
  const machine = input.policy.machine;
  const stateTitle = new Map(machine.states.map((st) => [st.name, st.title]));
  const colour = new Map(machine.states.map((st, i) => [st.name, PALETTE[i % PALETTE.length]!]));
  const names = new Map(input.kommuner.map((k) => [k.kode, k.navn]));
  const changes = input.events.filter((e) => e.type === "tilstand" && e.to);
  const deadlines = input.events.filter((e) => e.type === "frist" && (e.due ?? e.date));
  const dates = [...changes.map((e) => monthOf(e.date)), ...deadlines.map((e) => monthOf(e.due ?? e.date))];
  const first = Math.floor(Math.min(input.fromMonth ?? Infinity, ...dates));
  const last = Math.ceil(Math.max(input.toMonth !== undefined ? input.toMonth + 1 : -Infinity, ...dates));
  const codes = [...new Set(changes.map((e) => e.kommune))];
  if (input.selected && !codes.includes(input.selected)) codes.push(input.selected);
  const firstChange = (k: string): string => changes.find((e) => e.kommune === k)?.date ?? "9999";
  codes.sort((x, y) => firstChange(x).localeCompare(firstChange(y)) || (names.get(x) ?? x).localeCompare(names.get(y) ?? y, "da"));
  const startTitle = stateTitle.get(machine.start) ?? machine.start;
  const unchanged = input.kommuner.length - codes.length;

  const caption = h(
    "figcaption",
    {},
    h("strong", {}, input.policy.title),
    ` · tilstand pr. kommune over tid · ${formatNumber(codes.length)} ${codes.length === 1 ? "kommune" : "kommuner"} med skift`,
  );
  if (!Number.isFinite(first) || !Number.isFinite(last) || codes.length === 0) {
    return h("figure", { class: "chart-box states", id: "states" }, caption, h("p", { class: "muted" }, `Ingen kommune skiftede tilstand i perioden; alle var «${startTitle}».`));
  }

  const x = (m: number): number => LABEL + ((Math.min(Math.max(m, first), last) - first) / Math.max(1, last - first)) * (W - LABEL - RIGHT);
  const height = TOP + codes.length * ROW + AXIS;
  const parts: SVGElement[] = [];
  for (let year = Math.ceil(first / 12); year * 12 <= last; year++) {
    parts.push(s("line", { x1: x(year * 12), x2: x(year * 12), y1: TOP, y2: height - AXIS + 4, class: "grid" }));
    if (year * 12 + 6 <= last) parts.push(s("text", { x: x(year * 12 + 6), y: height - AXIS + 16, class: "tick", "text-anchor": "middle" }, W < 500 ? `'${String(year).slice(2)}` : String(year)));
  }
  parts.push(s("text", { x: (LABEL + W - RIGHT) / 2, y: height - 4, class: "tick axis-title", "text-anchor": "middle" }, "år (hændelsens dato)"));
  const drawnStates = new Set<string>();
  let drawnDeadlines = 0;
  codes.forEach((kode, row) => {
    const y = TOP + row * ROW;
    const name = names.get(kode) ?? kode;
    const own = changes.filter((e) => e.kommune === kode).sort((p, q) => p.date.localeCompare(q.date));
    const segments: Segment[] = [];
    let state = own[0]?.from ?? machine.start;
    let from = first;
    let start = "";
    for (const e of own) {
      const at = monthOf(e.date);
      if (at > from) segments.push({ state, from, to: at, start, end: e.date });
      state = e.to!;
      from = Math.max(at, first);
      start = e.date;
    }
    segments.push({ state, from, to: last, start });
    const band = s("g", { class: `state-row${kode === input.selected ? " selected" : ""}`, "data-kommune": kode, tabindex: 0, role: "button", "aria-label": `${name} (${kode}): ${segments.map((sg) => `${stateTitle.get(sg.state) ?? sg.state}${sg.start ? ` fra ${danishDate(sg.start)}` : ""}`).join(", ")}` });
    band.append(s("text", { x: LABEL - 6, y: y + ROW / 2 + 4, class: "tick state-label", "text-anchor": "end" }, name));
    for (const sg of segments) {
      drawnStates.add(sg.state);
      const when = `${sg.start ? `fra ${danishDate(sg.start)}` : "fra periodens start"}${sg.end ? ` til ${danishDate(sg.end)}` : ""}`;
      band.append(
        s(
          "rect",
          { x: x(sg.from), y: y + 2, width: Math.max(1, x(sg.to) - x(sg.from)), height: ROW - 4, fill: colour.get(sg.state) ?? "#ccc", class: "state-band", "data-state": sg.state },
          s("title", {}, `${name}: ${stateTitle.get(sg.state) ?? sg.state} (${sg.state}) ${when}`),
        ),
      );
    }
    for (const d of deadlines.filter((e) => e.kommune === kode)) {
      const due = d.due ?? d.date;
      const cx = x(monthOf(due));
      drawnDeadlines++;
      band.append(
        s("path", { d: `M${cx - 4},${y + 1}L${cx + 4},${y + 1}L${cx},${y + 8}Z`, class: "deadline-mark", "data-deadline": d.name ?? "" }, s("title", {}, `${name}: fristen «${d.name}» ${danishDate(due)} (sat ved ${d.rule})`)),
      );
    }
    band.addEventListener("click", () => onSelect(kode));
    band.addEventListener("keydown", (ev) => {
      if ((ev as KeyboardEvent).key === "Enter") onSelect(kode);
    });
    parts.push(band);
  });
  // The legend names what is drawn: the states that occur in the bands, and deadlines if any.
  const legend = h(
    "div",
    { class: "legend states-legend", id: "states-legend" },
    ...machine.states
      .filter((st) => drawnStates.has(st.name))
      .map((st) => h("span", { class: "swatch-key", "data-state": st.name }, h("span", { class: "swatch", style: `background:${colour.get(st.name)}` }), `${st.title} (${st.name})`)),
    drawnDeadlines > 0 ? h("span", { class: "swatch-key" }, h("span", { class: "deadline-key", "aria-hidden": "true" }, "▼"), "frist") : null,
  );
  return h(
    "figure",
    { class: "chart-box states", id: "states" },
    caption,
    legend,
    s("svg", { viewBox: `0 0 ${W} ${height}`, class: "chart states-chart", role: "group", "aria-label": `${input.policy.title}: tilstand pr. kommune` }, ...parts),
    h("p", { class: "muted" }, `${formatNumber(unchanged)} ${unchanged === 1 ? "kommune" : "kommuner"} var «${startTitle}» hele perioden og vises ikke.`),
  );
}
