// The events as a sortable, filterable, paged table. Clicking a row asks the page to show the
// rule that produced the event.

import type { PolicyEvent } from "../../runtime/events.js";
import { formatNumber, h } from "./dom.js";
import { eventTypeLabel, eventTypes } from "./labels.js";

type Column = {
  key: string;
  label: string;
  /** What the column sorts and filters by (and shows, without `cell`). */
  value: (e: PolicyEvent) => string;
  /** What the cell shows, when it is more than the value. */
  cell?: (e: PolicyEvent) => (Node | string)[];
  className?: string;
};

/** A rule's name with a line break allowed after each `_` (manglende_samtaler is wider than its column). */
const breakable = (name: string): (Node | string)[] => name.split("_").flatMap((part, i) => (i === 0 ? [part] : [h("wbr"), "_" + part]));

const PAGE_SIZE = 100;

export class EventsTable {
  private events: PolicyEvent[] = [];
  private sortKey = "date";
  private descending = false;
  private page = 0;
  private text = "";
  private type = "";
  private rule = "";
  private readonly columns: Column[];
  private readonly body: HTMLElement;
  private readonly filterRow: HTMLElement;
  private readonly ruleSelect: HTMLSelectElement;
  private readonly typeSelect: HTMLSelectElement;
  private readonly summary: HTMLElement;
  private readonly pager: HTMLElement;
  private readonly message: HTMLElement;

  constructor(
    private readonly container: HTMLElement,
    private readonly kommuneName: (code: string) => string,
    private readonly onSelect: (event: PolicyEvent) => void,
  ) {
    this.columns = [
      { key: "kommune", label: "Kommune", value: (e) => kommuneName(e.kommune) },
      { key: "kode", label: "Kode", value: (e) => e.kommune, className: "num" },
      { key: "period", label: "Periode", value: (e) => e.period },
      { key: "date", label: "Dato", value: (e) => e.date },
      {
        key: "type",
        label: "Type",
        value: (e) => eventTypeLabel[e.type] + (e.handling ? ` (${e.handling})` : e.type === "tilstand" && e.to ? ` → ${e.to}` : ""),
      },
      { key: "rule", label: "Regel", value: (e) => e.rule + (e.group ? ` · ${e.group}` : ""), cell: (e) => [...breakable(e.rule), ...(e.group ? [` · ${e.group}`] : [])] },
      // The legal source under the explanation, not in a column of its own: beside it, the two
      // pushed the explanation out of view in the right-hand panel at 1440 px.
      {
        key: "explanation",
        label: "Forklaring",
        value: (e) => e.explanation,
        cell: (e) => [e.explanation, ...(e.source ? [h("div", { class: "event-source" }, `Kilde: ${e.source}`)] : [])],
        className: "wide",
      },
    ];
    const search = h("input", {
      type: "search",
      placeholder: "Filtrér: kommune, regel, tekst …",
      "aria-label": "Filtrér hændelser",
      id: "events-filter",
      oninput: (ev: Event) => {
        this.text = (ev.target as HTMLInputElement).value.trim().toLocaleLowerCase("da");
        this.page = 0;
        this.render();
      },
    });
    this.typeSelect = h("select", {
      "aria-label": "Type",
      onchange: (ev: Event) => {
        this.type = (ev.target as HTMLSelectElement).value;
        this.page = 0;
        this.render();
      },
    });
    this.ruleSelect = h("select", {
      "aria-label": "Regel",
      onchange: (ev: Event) => {
        this.rule = (ev.target as HTMLSelectElement).value;
        this.page = 0;
        this.render();
      },
    });
    this.summary = h("span", { class: "muted", id: "events-summary" });
    this.filterRow = h("div", { class: "filters" }, search, this.typeSelect, this.ruleSelect, this.summary);
    this.message = h("div", { class: "notice", hidden: true });
    this.body = h("tbody", { role: "rowgroup" });
    // Explicit roles: at phone width the table is laid out as cards (style.css), which would
    // otherwise take its rows and cells out of the accessibility tree.
    const head = h(
      "tr",
      { role: "row" },
      this.columns.map((c) =>
        h(
          "th",
          { scope: "col", role: "columnheader", class: c.className, "data-key": c.key },
          h("button", { type: "button", class: "sort", onclick: () => this.sortBy(c.key) }, c.label),
        ),
      ),
    );
    this.pager = h("div", { class: "pager" });
    container.replaceChildren(
      this.filterRow,
      this.message,
      h("div", { class: "table-wrap" }, h("table", { class: "events", id: "events-table", role: "table" }, h("thead", { role: "rowgroup" }, head), this.body)),
      this.pager,
    );
  }

  set(events: PolicyEvent[], blocked?: string): void {
    this.events = events;
    if (this.page * PAGE_SIZE >= events.length) this.page = 0;
    this.message.hidden = !blocked;
    this.message.textContent = blocked ?? "";
    this.fillSelect(this.typeSelect, "Alle typer", eventTypes.filter((t) => events.some((e) => e.type === t)).map((t) => [t, eventTypeLabel[t]]), "type");
    const rules = [...new Set(events.map((e) => e.rule))].sort((a, b) => a.localeCompare(b, "da"));
    this.fillSelect(this.ruleSelect, "Alle regler", rules.map((r) => [r, r]), "rule");
    this.render();
  }

  private fillSelect(select: HTMLSelectElement, all: string, options: [string, string][], field: "type" | "rule"): void {
    const current = this[field];
    select.replaceChildren(h("option", { value: "" }, all), ...options.map(([value, label]) => h("option", { value }, label)));
    if (options.some(([value]) => value === current)) select.value = current;
    else this[field] = "";
  }

  private sortBy(key: string): void {
    if (this.sortKey === key) this.descending = !this.descending;
    else {
      this.sortKey = key;
      this.descending = false;
    }
    this.render();
  }

  /** The rows that pass the filters, in the chosen order. */
  visible(): PolicyEvent[] {
    const column = this.columns.find((c) => c.key === this.sortKey) ?? this.columns[3]!;
    const rows = this.events.filter(
      (e) =>
        (!this.type || e.type === this.type) &&
        (!this.rule || e.rule === this.rule) &&
        (!this.text || [...this.columns.map((c) => c.value(e)), e.source].some((v) => v.toLocaleLowerCase("da").includes(this.text))),
    );
    const collator = new Intl.Collator("da", { numeric: true });
    const keyed = rows.map((e) => ({ e, k: column.value(e) }));
    keyed.sort((a, b) => collator.compare(a.k, b.k) || a.e.date.localeCompare(b.e.date) || a.e.kommune.localeCompare(b.e.kommune));
    if (this.descending) keyed.reverse();
    return keyed.map((x) => x.e);
  }

  private render(): void {
    const rows = this.visible();
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    this.page = Math.min(this.page, pages - 1);
    const first = this.page * PAGE_SIZE;
    const shown = rows.slice(first, first + PAGE_SIZE);
    this.summary.textContent =
      rows.length === 0
        ? "Ingen hændelser"
        : `Viser ${formatNumber(first + 1)}–${formatNumber(first + shown.length)} af ${formatNumber(rows.length)}` +
          (rows.length !== this.events.length ? ` (filtreret fra ${formatNumber(this.events.length)})` : "");
    for (const th of this.container.querySelectorAll<HTMLElement>("th")) {
      const key = th.dataset.key;
      th.setAttribute("aria-sort", key === this.sortKey ? (this.descending ? "descending" : "ascending") : "none");
    }
    this.body.replaceChildren(
      ...shown.map((e) =>
        h(
          "tr",
          {
            tabindex: 0,
            role: "row",
            class: `type-${e.type}`,
            title: "Klik for at se reglen i editoren",
            onclick: () => this.onSelect(e),
            onkeydown: (ev: Event) => {
              if ((ev as KeyboardEvent).key === "Enter") this.onSelect(e);
            },
          },
          this.columns.map((c) => h("td", { role: "cell", class: c.className }, ...(c.cell ? c.cell(e) : [c.value(e)]))),
        ),
      ),
    );
    this.pager.replaceChildren(
      ...(pages > 1
        ? [
            h("button", { type: "button", disabled: this.page === 0, onclick: () => this.go(-1) }, "‹ Forrige"),
            h("span", {}, `Side ${this.page + 1} af ${pages}`),
            h("button", { type: "button", disabled: this.page >= pages - 1, onclick: () => this.go(1) }, "Næste ›"),
          ]
        : []),
    );
  }

  private go(delta: number): void {
    this.page += delta;
    this.render();
  }
}
