// The map: Denmark's 98 kommuner as a tile grid (tiles.ts), coloured by the events in the chosen
// period; with a variant, by which of the two reaches each kommune (only A, only B, both). Below
// it one small map per year. Hovering a tile names the kommune and its count; a click (or Enter)
// selects it and shows its events and «Hvorfor (ikke)?».

import type { PolicyEvent } from "../../runtime/events.js";
import { formatNumber, h } from "./dom.js";
import { danishDate, danishMonth, eventTypeLabel } from "./labels.js";
import type { KommuneInfo } from "./protocol.js";
import { GRID, TILES } from "./tiles.js";
import { whySection, type WhyAnswer } from "./why.js";

export interface MapSide {
  label: string;
  events: readonly PolicyEvent[];
  blocked?: string;
}

export interface MapInput {
  kommuner: readonly KommuneInfo[];
  a: MapSide;
  /** The variant: the map then shows where each side reaches. */
  b?: MapSide;
  fromMonth?: number;
  toMonth?: number;
  selected?: string;
  /** The selected kommune's data periods, for «Hvorfor (ikke)?». */
  periods: string[];
  why?: WhyAnswer;
}

export interface MapActions {
  onSelect(kode: string): void;
  onExplain(period: string): void;
  onSave(period: string): void;
}

const events = (n: number): string => `${formatNumber(n)} ${n === 1 ? "hændelse" : "hændelser"}`;
const kommunerText = (n: number): string => `${formatNumber(n)} ${n === 1 ? "kommune" : "kommuner"}`;

/** Count classes: 0, 1, 2, 3–4, 5–9, 10 and more. */
const STEPS = [0, 1, 2, 3, 5, 10] as const;
const SCALE = ["#eef1f4", "#fde3c8", "#f9b27d", "#ef7d45", "#d0481f", "#8f1d0c"] as const;
const scaleClass = (n: number): number => STEPS.reduce<number>((c, step, i) => (n >= step ? i : c), 0);
const scaleLabel = (i: number): string =>
  i === STEPS.length - 1 ? `${STEPS[i]} eller flere` : STEPS[i + 1]! - STEPS[i]! === 1 ? String(STEPS[i]) : `${STEPS[i]}–${STEPS[i + 1]! - 1}`;

type Group = "a" | "b" | "begge" | "ingen";
const GROUP_COLOUR: Record<Group, string> = { a: "#1565c0", b: "#e65100", begge: "#4a148c", ingen: "#eef1f4" };

interface Paint {
  fill: string;
  dark: boolean;
  /** What a screen reader and the tooltip say after the kommune's name. */
  text: string;
  data: Record<string, string>;
}

function countBy(list: readonly PolicyEvent[], year?: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of list) if (!year || e.date.startsWith(year)) out.set(e.kommune, (out.get(e.kommune) ?? 0) + 1);
  return out;
}

/** How each kommune is painted, for all events or one year's. */
function painter(input: MapInput, year?: string): (kode: string) => Paint {
  const a = countBy(input.a.events, year);
  if (!input.b) {
    return (kode) => {
      const n = a.get(kode) ?? 0;
      const c = scaleClass(n);
      return { fill: SCALE[c]!, dark: c >= 4, text: events(n), data: { "data-count": String(n) } };
    };
  }
  const b = countBy(input.b.events, year);
  const [la, lb] = [input.a.label, input.b.label];
  return (kode) => {
    const x = a.get(kode) ?? 0;
    const y = b.get(kode) ?? 0;
    const group: Group = x && y ? "begge" : x ? "a" : y ? "b" : "ingen";
    const text =
      group === "ingen" ? `ingen hændelser under ${la} eller ${lb}` : group === "begge" ? `ramt under begge (${la}: ${events(x)}, ${lb}: ${events(y)})` : `kun ramt under ${group === "a" ? la : lb} (${events(group === "a" ? x : y)})`;
    return { fill: GROUP_COLOUR[group], dark: group !== "ingen", text, data: { "data-group": group, "data-count": String(x), "data-count-b": String(y) } };
  };
}

/** The first few events of each kommune, one line each, for the tooltip. */
function eventLines(input: MapInput): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [side, prefix] of [[input.a, input.b ? `${input.a.label}: ` : ""], ...(input.b ? [[input.b, `${input.b.label}: `] as const] : [])] as const) {
    for (const e of side.events) {
      const lines = out.get(e.kommune) ?? [];
      if (lines.length < 6) lines.push(`${prefix}${danishDate(e.date)} · ${eventTypeLabel[e.type]} (${e.rule}, data for ${e.period})`);
      else if (lines.length === 6) lines.push("…");
      out.set(e.kommune, lines);
    }
  }
  return out;
}

const escape = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * One tile map as SVG markup: a map is redrawn on every edit (98 tiles, and 98 more per year),
 * and markup parsed once is several times faster than creating each element and attribute.
 */
function tileMarkup(
  names: ReadonlyMap<string, string>,
  paint: (kode: string) => Paint,
  options: { cell: number; labels: boolean; selected?: string; id?: string; label: string; lines?: Map<string, string[]>; interactive?: boolean },
): string {
  const { cell } = options;
  const gap = Math.max(1, Math.round(cell / 12));
  const size = cell - gap;
  const rx = Math.max(1, cell / 10);
  let out = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${GRID.columns * cell} ${GRID.rows * cell}" class="tilemap" role="group" aria-label="${escape(options.label)}"${options.id ? ` id="${options.id}"` : ""}>`;
  for (const [kode, col, row, short] of TILES) {
    const p = paint(kode);
    const said = `${names.get(kode) ?? kode} (${kode}): ${p.text}`;
    const lines = options.lines?.get(kode);
    const selected = kode === options.selected;
    let data = "";
    for (const [key, value] of Object.entries(p.data)) data += ` ${key}="${value}"`;
    out +=
      `<rect x="${col * cell + gap / 2}" y="${row * cell + gap / 2}" width="${size}" height="${size}" rx="${rx}" fill="${p.fill}" class="tile${selected ? " selected" : ""}"` +
      ` data-kommune="${kode}" aria-label="${escape(said)}"${data}` +
      (options.interactive ? ` tabindex="0" role="button" aria-pressed="${selected}"` : "") +
      `><title>${escape(lines ? `${said}\n${lines.join("\n")}` : said)}</title></rect>`;
    if (options.labels) {
      out += `<text x="${col * cell + cell / 2}" y="${row * cell + cell / 2 + 4}" class="tile-label${p.dark ? " on-dark" : ""}" text-anchor="middle" aria-hidden="true">${short}</text>`;
    }
  }
  return `${out}</svg>`;
}

/** A wrapper holding parsed tile markup; with actions, one set of listeners serves every tile. */
function tileFigure(markup: string, tag: "div" | "figure", attrs: Record<string, string>, actions?: MapActions & { onHover(kode: string): void }): HTMLElement {
  const box = h(tag, attrs);
  box.innerHTML = markup;
  if (actions) {
    const kodeOf = (ev: Event): string | undefined => (ev.target as Element | null)?.closest?.("[data-kommune]")?.getAttribute("data-kommune") ?? undefined;
    const hover = (ev: Event): void => {
      const kode = kodeOf(ev);
      if (kode) actions.onHover(kode);
    };
    box.addEventListener("mouseover", hover);
    box.addEventListener("focusin", hover);
    box.addEventListener("click", (ev) => {
      const kode = kodeOf(ev);
      if (kode) actions.onSelect(kode);
    });
    box.addEventListener("keydown", (ev) => {
      const kode = kodeOf(ev);
      const key = (ev as KeyboardEvent).key;
      if (kode && (key === "Enter" || key === " ")) {
        ev.preventDefault();
        actions.onSelect(kode);
      }
    });
  }
  return box;
}

function legend(input: MapInput): HTMLElement {
  const swatch = (colour: string, text: string): HTMLElement => h("span", { class: "swatch-key" }, h("span", { class: "swatch", style: `background:${colour}` }), text);
  if (!input.b) {
    return h("div", { class: "legend map-legend", id: "map-legend", "aria-label": "Signaturforklaring" }, h("span", {}, "Hændelser pr. kommune:"), ...SCALE.map((c, i) => swatch(c, scaleLabel(i))));
  }
  return h(
    "div",
    { class: "legend map-legend", id: "map-legend", "aria-label": "Signaturforklaring" },
    swatch(GROUP_COLOUR.a, `Kun ${input.a.label}`),
    swatch(GROUP_COLOUR.b, `Kun ${input.b.label}`),
    swatch(GROUP_COLOUR.begge, "Begge"),
    swatch(GROUP_COLOUR.ingen, "Ingen"),
  );
}

function yearsOf(input: MapInput): string[] {
  if (input.fromMonth !== undefined && input.toMonth !== undefined) {
    const out: string[] = [];
    for (let y = Math.floor(input.fromMonth / 12); y <= Math.floor(input.toMonth / 12); y++) out.push(String(y));
    return out;
  }
  return [...new Set([...input.a.events, ...(input.b?.events ?? [])].map((e) => e.date.slice(0, 4)))].sort();
}

/** Events listed at once under the selected kommune, and at most this many more folded. */
const SHOWN = 5;
const FOLDED = 100;

function detail(input: MapInput, names: ReadonlyMap<string, string>, actions: MapActions): HTMLElement {
  const kode = input.selected;
  if (!kode) return h("p", { class: "muted" }, "Klik på en kommune for at se dens hændelser og hvorfor.");
  const sides = input.b ? [input.a, input.b] : [input.a];
  const body: Node[] = [h("h3", {}, `${names.get(kode) ?? kode} (${kode})`)];
  for (const side of sides) {
    const own = side.events.filter((e) => e.kommune === kode);
    body.push(h("p", { class: "map-count" }, input.b ? `${side.label}: ${events(own.length)}` : events(own.length)));
    if (own.length > 0) {
      // The first few at once; the rest folded, so a phone does not scroll past dozens to the «Hvorfor».
      const item = (e: PolicyEvent): HTMLElement =>
        h("li", {}, h("strong", {}, `${danishDate(e.date)} · ${eventTypeLabel[e.type]}`), ` (${e.rule}, data for ${e.period}): `, e.explanation);
      body.push(h("ul", { class: "map-events" }, own.slice(0, SHOWN).map(item)));
      if (own.length > SHOWN) {
        const rest = own.slice(SHOWN, SHOWN + FOLDED);
        body.push(
          h(
            "details",
            { class: "map-more" },
            h("summary", {}, `Vis ${formatNumber(own.length - SHOWN)} ${own.length - SHOWN === 1 ? "hændelse" : "hændelser"} mere`),
            h("ul", { class: "map-events" }, rest.map(item), own.length > SHOWN + FOLDED ? h("li", { class: "muted" }, `… og ${formatNumber(own.length - SHOWN - FOLDED)} flere under «Hændelser»`) : null),
          ),
        );
      }
    }
  }
  const why = whySection({ id: "map-why", kommune: kode, periods: input.periods, ...(input.why ? { why: input.why } : {}), onExplain: actions.onExplain, onSave: actions.onSave });
  if (why) body.push(why);
  else body.push(h("p", { class: "muted" }, "Henter kommunens dataperioder …"));
  return h("div", {}, ...body);
}

export function renderMap(container: HTMLElement, input: MapInput, actions: MapActions): void {
  const blocked = [input.a, ...(input.b ? [input.b] : [])].filter((side) => side.blocked);
  if (blocked.length > 0) {
    container.replaceChildren(
      ...blocked.map((side) => h("div", { class: "notice" }, input.b ? `${side.label}: ${side.blocked}` : side.blocked!)),
      h("p", { id: "map-blocked", class: "muted" }, input.b ? "Kortet vises, når begge kan køre." : "Kortet vises, når politikken kan køre."),
    );
    return;
  }
  const names = new Map(input.kommuner.map((k) => [k.kode, k.navn]));
  const reached = (side: MapSide): number => new Set(side.events.map((e) => e.kommune)).size;
  const period =
    input.fromMonth !== undefined && input.toMonth !== undefined ? `med virkning fra ${danishMonth(input.fromMonth)} til ${danishMonth(input.toMonth)}` : "i hele perioden";
  const caption = input.b
    ? `Hvem rammes ${period}? ${input.a.label}: ${events(input.a.events.length)} i ${kommunerText(reached(input.a))}; ${input.b.label}: ${events(input.b.events.length)} i ${kommunerText(reached(input.b))}.`
    : `Hændelser ${period}: ${events(input.a.events.length)} i ${kommunerText(reached(input.a))}.`;
  const hoverLine = h("p", { id: "map-hover", class: "map-hover", "aria-live": "polite" }, "Peg på en kommune for at se dens tal.");
  const paintAll = painter(input);
  const main = tileFigure(
    tileMarkup(names, paintAll, {
      cell: 40,
      labels: true,
      id: "map-main",
      lines: eventLines(input),
      interactive: true,
      label: `Kort over de 98 kommuner. ${caption}`,
      ...(input.selected ? { selected: input.selected } : {}),
    }),
    "div",
    { class: "map-main" },
    {
      ...actions,
      onHover: (kode) => {
        hoverLine.textContent = `${names.get(kode) ?? kode} (${kode}): ${paintAll(kode).text}${kode === input.selected ? "" : " · klik for detaljer"}`;
      },
    },
  );
  const multiples = yearsOf(input).map((year) => {
    const a = input.a.events.filter((e) => e.date.startsWith(year));
    const b = input.b?.events.filter((e) => e.date.startsWith(year));
    const text = b ? `${input.a.label} ${formatNumber(a.length)}, ${input.b!.label} ${formatNumber(b.length)}` : `${events(a.length)} i ${kommunerText(new Set(a.map((e) => e.kommune)).size)}`;
    const figure = tileFigure(tileMarkup(names, painter(input, year), { cell: 12, labels: false, label: `${year}: ${text}`, ...(input.selected ? { selected: input.selected } : {}) }), "figure", {
      class: "map-year",
      "data-year": year,
    });
    figure.append(h("figcaption", {}, h("strong", {}, year), ` · ${text}`));
    return figure;
  });
  container.replaceChildren(
    h("p", { class: "map-caption" }, caption),
    legend(input),
    h("div", { class: "map-layout" }, h("div", { class: "map-figure" }, main, hoverLine), h("aside", { id: "map-detail", class: "map-detail", "aria-label": "Valgt kommune" }, detail(input, names, actions))),
    h("h3", {}, "Pr. år (efter hændelsens dato)"),
    h("div", { class: "map-years", id: "map-years" }, ...multiples),
  );
}
