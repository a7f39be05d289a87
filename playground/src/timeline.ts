// Per kommune: the measure behind each rule over time against its limit, with the events marked.
// A small hand-drawn SVG; no chart library.

import type { PolicyEvent, SeriesPoint } from "../../runtime/events.js";
import { formatNumber, h, s } from "./dom.js";
import { danishDate, eventTypeColour, eventTypeLabel, monthValue, periodEndMonth } from "./labels.js";
import type { KommuneInfo, PolicyInfo } from "./protocol.js";
import { renderStates } from "./states.js";
import { periodsOf, whySection, type WhyAnswer } from "./why.js";

/** The charts' width when the pane's is not known (a view not shown); otherwise they are drawn at the pane's width, so their text keeps its size on a phone. */
const DEFAULT_WIDTH = 720;
const H = 190;
const M = { left: 46, right: 12, top: 14, bottom: 26 };

interface Line {
  rule: string;
  group?: string;
  points: (SeriesPoint & { m: number })[];
}

function groupLines(series: SeriesPoint[]): Line[] {
  const lines = new Map<string, Line>();
  for (const p of series) {
    const m = periodEndMonth(p.period);
    if (m === undefined) continue;
    const key = `${p.rule}\u0000${p.group ?? ""}`;
    let line = lines.get(key);
    if (!line) lines.set(key, (line = { rule: p.rule, group: p.group, points: [] }));
    line.points.push({ ...p, m });
  }
  for (const line of lines.values()) line.points.sort((a, b) => a.m - b.m);
  return [...lines.values()].sort((a, b) => a.rule.localeCompare(b.rule, "da") || (a.group ?? "").localeCompare(b.group ?? "", "da"));
}

/** Round a maximum up to a readable axis end. */
function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

function axisYears(first: number, last: number, x: (m: number) => number): SVGElement[] {
  const out: SVGElement[] = [];
  for (let year = Math.ceil(first / 12); year * 12 <= last; year++) {
    const px = x(year * 12);
    out.push(s("line", { x1: px, x2: px, y1: M.top, y2: H - M.bottom, class: "grid" }));
    out.push(s("text", { x: px + 3, y: H - 8, class: "tick" }, String(year)));
  }
  return out;
}

export function lineChart(line: Line, events: PolicyEvent[], range: { first: number; last: number }, W = DEFAULT_WIDTH): SVGElement {
  const { first, last } = range;
  const span = Math.max(1, last - first);
  const x = (m: number): number => M.left + ((m - first) / span) * (W - M.left - M.right);
  const values = line.points.flatMap((p) => [p.value ?? 0, p.limit ?? 0]);
  const top = niceMax(Math.max(...values, 0) * 1.05);
  const y = (v: number): number => H - M.bottom - (v / top) * (H - M.top - M.bottom);

  const parts: SVGElement[] = [];
  parts.push(...axisYears(first, last, x));
  const unit = line.points.some((p) => p.unit === "%") ? " %" : "";
  for (const v of [0, top / 2, top]) {
    parts.push(s("line", { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: "grid" }));
    parts.push(s("text", { x: M.left - 5, y: y(v) + 4, class: "tick", "text-anchor": "end" }, `${formatNumber(v, v % 1 ? 1 : 0)}${unit}`));
  }
  // The limit as a step line (it may change when the rules do).
  let limitPath = "";
  let valuePath = "";
  let previousLimit: number | null = null;
  let penDown = false;
  for (const p of line.points) {
    if (p.limit !== null) {
      limitPath += previousLimit === null ? `M${x(p.m - 0.5)},${y(p.limit)}` : `L${x(p.m - 0.5)},${y(previousLimit)}L${x(p.m - 0.5)},${y(p.limit)}`;
      limitPath += `L${x(p.m + 0.5)},${y(p.limit)}`;
    }
    previousLimit = p.limit;
    if (p.value === null) {
      penDown = false;
      continue;
    }
    valuePath += `${penDown ? "L" : "M"}${x(p.m)},${y(p.value)}`;
    penDown = true;
  }
  if (limitPath) parts.push(s("path", { d: limitPath, class: "limit" }));
  if (valuePath) parts.push(s("path", { d: valuePath, class: "value" }));
  const eventFor = new Map<string, PolicyEvent>();
  for (const e of events) if (e.rule === line.rule && (e.group ?? "") === (line.group ?? "")) eventFor.set(e.period, e);
  for (const p of line.points) {
    if (p.value === null) continue;
    const event = eventFor.get(p.period);
    const label = `${p.period}: ${formatNumber(p.value, 1)}${p.limit !== null ? ` (grænse ${formatNumber(p.limit, 1)})` : ""}`;
    if (event) {
      const cx = x(p.m);
      const cy = y(p.value);
      parts.push(s("line", { x1: cx, x2: cx, y1: M.top, y2: H - M.bottom, class: "event-rule", stroke: eventTypeColour[event.type] }));
      parts.push(
        s(
          "path",
          { d: `M${cx},${cy - 6}L${cx + 6},${cy}L${cx},${cy + 6}L${cx - 6},${cy}Z`, class: "event-mark", fill: eventTypeColour[event.type] },
          s("title", {}, `${label}\n${eventTypeLabel[event.type]} ${danishDate(event.date)}: ${event.explanation}`),
        ),
      );
    } else if (p.holds) {
      parts.push(s("circle", { cx: x(p.m), cy: y(p.value), r: 3.5, class: "holds" }, s("title", {}, `${label}\nKriteriet opfyldt (ingen ny hændelse)`)));
    } else {
      parts.push(s("circle", { cx: x(p.m), cy: y(p.value), r: 2, class: "point" }, s("title", {}, label)));
    }
  }
  return s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": `${line.rule} over tid` }, ...parts);
}

/** Events without a measured series (state changes, deadlines): dots on a time strip. */
function eventStrip(events: PolicyEvent[], range: { first: number; last: number }, W = DEFAULT_WIDTH): SVGElement {
  const height = 54;
  const span = Math.max(1, range.last - range.first);
  const x = (m: number): number => M.left + ((m - range.first) / span) * (W - M.left - M.right);
  const parts: SVGElement[] = [];
  for (let year = Math.ceil(range.first / 12); year * 12 <= range.last; year++) {
    parts.push(s("line", { x1: x(year * 12), x2: x(year * 12), y1: 4, y2: height - 18, class: "grid" }));
    parts.push(s("text", { x: x(year * 12) + 3, y: height - 4, class: "tick" }, String(year)));
  }
  parts.push(s("line", { x1: M.left, x2: W - M.right, y1: 20, y2: 20, class: "axis" }));
  for (const e of events) {
    const [year, month, day] = e.date.split("-").map(Number) as [number, number, number];
    const m = year * 12 + month - 1 + (day - 1) / 31;
    parts.push(
      s(
        "circle",
        { cx: x(m), cy: 20, r: 5, fill: eventTypeColour[e.type], class: "event-dot" },
        s("title", {}, `${danishDate(e.date)} · ${eventTypeLabel[e.type]} · ${e.rule}\n${e.explanation}`),
      ),
    );
  }
  return s("svg", { viewBox: `0 0 ${W} ${height}`, class: "chart strip", role: "img", "aria-label": "Hændelser over tid" }, ...parts);
}

export interface TimelineInput {
  kommuner: KommuneInfo[];
  selected: string | undefined;
  series: SeriesPoint[];
  events: PolicyEvent[];
  /** Month indices of the evaluated period, for a common x axis. */
  fromMonth?: number;
  toMonth?: number;
  blocked?: string;
  /** Rule name → its title, for the charts' captions. */
  titles?: Readonly<Record<string, string>>;
  /** The "why (not)?" answer for the selected kommune, when one was asked for. */
  why?: WhyAnswer;
  /** The policy's own texts; a state machine's states are drawn as bands. */
  policy?: PolicyInfo;
}

export function renderTimeline(
  container: HTMLElement,
  input: TimelineInput,
  onSelect: (kode: string) => void,
  onExplain: (period: string) => void,
  onSave: (period: string) => void,
): void {
  const counts = new Map<string, number>();
  for (const e of input.events) counts.set(e.kommune, (counts.get(e.kommune) ?? 0) + 1);
  const select = h(
    "select",
    { id: "timeline-kommune", "aria-label": "Kommune", onchange: (ev: Event) => onSelect((ev.target as HTMLSelectElement).value) },
    [...input.kommuner]
      .sort((a, b) => a.navn.localeCompare(b.navn, "da"))
      .map((k) =>
        h("option", { value: k.kode, selected: k.kode === input.selected }, `${k.navn} (${k.kode})${counts.get(k.kode) ? ` · ${counts.get(k.kode)} ${counts.get(k.kode) === 1 ? "hændelse" : "hændelser"}` : ""}`),
      ),
  );
  const kommuneEvents = input.events.filter((e) => e.kommune === input.selected);
  const lines = groupLines(input.series);
  const months = [
    ...lines.flatMap((l) => l.points.map((p) => p.m)),
    ...kommuneEvents.map((e) => Number(e.date.slice(0, 4)) * 12 + Number(e.date.slice(5, 7)) - 1),
  ];
  const range = {
    first: input.fromMonth ?? Math.min(...months),
    last: input.toMonth ?? Math.max(...months),
  };
  if (Number.isFinite(range.first) && Number.isFinite(range.last)) {
    range.first = Math.min(range.first, ...months);
    range.last = Math.max(range.last, ...months);
  }
  const legend = h(
    "div",
    { class: "legend" },
    h("span", { class: "key value" }, "Målt værdi"),
    h("span", { class: "key limit" }, "Grænse"),
    h("span", { class: "key holds" }, "Kriteriet opfyldt"),
    h("span", { class: "key event" }, "Hændelse"),
  );
  // Drawn at about the width they are shown at (a chart box's border and padding less).
  const paneWidth = container.clientWidth - 24;
  const width = paneWidth > 0 ? Math.max(280, paneWidth) : DEFAULT_WIDTH;
  const body: Node[] = [];
  const machine = input.policy?.machine;
  if (!input.blocked && machine && input.policy) {
    body.push(renderStates({ kommuner: input.kommuner, events: input.events, policy: { ...input.policy, machine }, fromMonth: input.fromMonth, toMonth: input.toMonth, selected: input.selected, width: paneWidth }, onSelect));
  }
  // State changes and deadlines are drawn in the bands; the strip keeps the other events.
  const stripEvents = machine ? kommuneEvents.filter((e) => e.type !== "tilstand" && e.type !== "frist") : kommuneEvents;
  if (input.blocked) body.push(h("div", { class: "notice" }, input.blocked));
  else if (lines.length === 0 && kommuneEvents.length === 0) {
    body.push(h("p", { class: "muted" }, "Ingen målinger eller hændelser for kommunen i perioden."));
  } else if (Number.isFinite(range.first)) {
    for (const line of lines) {
      body.push(
        h(
          "figure",
          { class: "chart-box" },
          h(
            "figcaption",
            {},
            h("strong", {}, input.titles?.[line.rule] ?? line.rule),
            line.group ? ` · ${line.group}` : "",
            h("span", { class: "muted" }, ` · ${line.rule} · ${line.points.some((p) => p.unit === "%") ? "andel i procent" : "antal"} (${monthValue(range.first)} – ${monthValue(range.last)})`),
          ),
          lineChart(line, kommuneEvents, range, width),
        ),
      );
    }
    if (stripEvents.length > 0) {
      body.push(h("figure", { class: "chart-box" }, h("figcaption", {}, h("strong", {}, "Alle hændelser"), ` · ${stripEvents.length}`), eventStrip(stripEvents, range, width)));
    }
  }
  if (!input.blocked && input.selected) {
    const section = whySection({ id: "why", kommune: input.selected, periods: periodsOf(input.series, kommuneEvents), ...(input.why ? { why: input.why } : {}), onExplain, onSave });
    if (section) body.push(section);
  }
  // The legend names what the line charts draw: only when there are any (a state machine has none).
  container.replaceChildren(h("div", { class: "filters" }, h("label", {}, "Kommune ", select), ...(lines.length > 0 ? [legend] : [])), ...body);
}
