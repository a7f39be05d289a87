// The playground page: two editors (policy and variant), a worker that compiles and evaluates on
// every edit, and the result views. See playground/README.md.

import "./monaco-da.js"; // before any Monaco module
import "./style.css";
import sprogUrl from "../../docs/sprog.md?url";
import type { Diagnostic } from "../../diagnostics/index.js";
import { diagnosticMessage } from "../../compiler/service/index.js";
import type { PolicyEvent } from "../../runtime/events.js";
import { h } from "./dom.js";
import { EventsTable } from "./events-table.js";
import { danishMonth, monthValue, parseMonthValue } from "./labels.js";
import { LANGUAGE_ID, registerLanguage, service, toRange, uriOf } from "./language.js";
import { monaco } from "./monaco.js";
import type { CheckMessage, ExampleStatus, FromWorker, KommuneInfo, ReadyMessage, ResultMessage, SavedExampleMessage, Slot, ToWorker } from "./protocol.js";
import { chainedPolicy, EARLY_2020, EARLY_2024, findPolicy, isMeasurement, samplePolicies } from "./samples.js";
import { renderMeasured } from "./measured.js";
import { shareUrl, stateFromHash, type SharedState } from "./share.js";
import { renderComparison, renderYears } from "./summaries.js";
import { renderTimeline } from "./timeline.js";
import { renderSensitivity } from "./sensitivity.js";
import { renderMap } from "./map.js";
import { periodsOf } from "./why.js";

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} mangler i siden`);
  return element as T;
};

// ---------------------------------------------------------------------------------------------
// State

interface SlotState {
  slot: Slot;
  model: monaco.editor.ITextModel;
  label: string;
  file: string;
  viewState: monaco.editor.ICodeEditorViewState | null;
  sentId: number;
  checkId: number;
  resultId: number;
  diagnostics: Diagnostic[];
  result?: ResultMessage;
  /** The last result that was not blocked, shown greyed while the text has errors. */
  lastGood?: ResultMessage;
  /** The outcome of each `eksempel` block with the latest text, and their glyphs in the margin. */
  examples: ExampleStatus[];
  /** The run request the examples are of. */
  examplesId: number;
  exampleDecorations: string[];
  /** When each request's edit happened (performance.now()), for the latency figures. */
  sentAt: Map<number, number>;
}

type View = "events" | "map" | "timeline" | "years" | "compare" | "sweep" | "measured";
const VIEWS: readonly View[] = ["events", "map", "timeline", "years", "compare", "sweep", "measured"];

const DEFAULT_POLICY = "tidlig-indsats-2024.tilsyn";

let nextId = 1;
let active: Slot = "a";
let view: View = "events";
let ready: ReadyMessage | undefined;
let kommuner: KommuneInfo[] = [];
let kommuneNames = new Map<string, string>();
let selectedKommune: string | undefined;
let kommuneChosen = false;
let currentFile: string | undefined;
const uploads = new Map<string, Uint8Array>();
/** The name each upload had (`tidlig_indsats.xlsx`), for the data panel. */
const uploadFiles = new Map<string, string>();
const slots: Partial<Record<Slot, SlotState>> = {};

/** Measured in the page, read by tests and the benchmark. */
const latencies: { id: number; markers?: number; results?: number; map?: number; evaluation?: number; drawMap?: number }[] = [];

// ---------------------------------------------------------------------------------------------
// Worker

const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "tilsyn" });
const send = (message: ToWorker): void => worker.postMessage(message);

worker.onmessage = (event: MessageEvent<FromWorker>) => {
  const message = event.data;
  switch (message.type) {
    case "ready":
      onReady(message);
      break;
    case "check":
      onCheck(message);
      break;
    case "result":
      onResult(message);
      break;
    case "series": {
      const state = slots[message.slot];
      if (state?.result && message.kommune === selectedKommune) {
        state.result = { ...state.result, series: message.series, kommune: message.kommune };
        if (message.slot === active) renderKommuneViews();
      }
      break;
    }
    case "examples":
      onExamples(message.slot, message.id, message.examples);
      break;
    case "save-example":
      onSavedExample(message);
      break;
    case "sweep":
      if (message.slot === active) {
        sweep = { ...sweep, busy: false, result: message };
        renderView("sweep");
      }
      break;
    case "explain-measured":
      if (message.slot === active && measuredWhy && message.kommune === measuredWhy.kommune && message.month === measuredWhy.month) {
        measuredWhy = { ...measuredWhy, text: message.text };
        renderView("measured");
      }
      break;
    case "explain":
      if (message.slot === active && message.kommune === selectedKommune) {
        why = { kommune: message.kommune, period: message.period, text: message.text };
        renderKommuneViews();
      }
      break;
    case "error":
      setStatus(message.message, true);
      break;
  }
};

/** The sensitivity view's choice and its last result. */
let sweep: { chosen?: string; values?: string; result?: import("./protocol.js").SweepMessage; busy: boolean } = { busy: false };

/** The last "why (not)?" answer shown in the timeline. */
let why: { kommune: string; period: string; text: string } | undefined;
/** «Hvorfor?» on a measured month in «Måling»: the month asked about and, once answered, how it was counted. */
let measuredWhy: { kommune: string; month: number; text?: string } | undefined;
worker.onerror = (event) => setStatus(`Legepladsens baggrundsproces fejlede: ${event.message}`, true);

// ---------------------------------------------------------------------------------------------
// Editor

registerLanguage((message) => setStatus(message, true));

const editor = monaco.editor.create($("editor"), {
  language: LANGUAGE_ID,
  theme: "tilsyn",
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  lineNumbersMinChars: 3,
  scrollBeyondLastLine: false,
  wordWrap: "on",
  wrappingIndent: "indent",
  tabSize: 2,
  insertSpaces: true,
  renderWhitespace: "none",
  fixedOverflowWidgets: true,
  unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: true, nonBasicASCII: false },
  quickSuggestions: { other: true, comments: false, strings: false },
  ariaLabel: "Regler",
  // The examples' ✓ and ✗ are drawn in the glyph margin.
  glyphMargin: true,
});
const highlight = editor.createDecorationsCollection();

function createSlot(slot: Slot, text: string, label: string, file: string): SlotState {
  const old = slots[slot];
  if (old) {
    old.lastGood = undefined; // another text: the old one's result is no "last good" of it
    // Named first: setValue runs the new text at once, under the slot's file name.
    old.label = label;
    old.file = file;
    old.model.setValue(text);
    return old;
  }
  const model = monaco.editor.createModel(text, LANGUAGE_ID, monaco.Uri.parse(`inmemory://tilsyn/${slot}/${file}`));
  const state: SlotState = {
    slot,
    model,
    label,
    file,
    viewState: null,
    sentId: 0,
    checkId: 0,
    resultId: 0,
    diagnostics: [],
    examples: [],
    examplesId: 0,
    exampleDecorations: [],
    sentAt: new Map(),
  };
  slots[slot] = state;
  model.onDidChangeContent(() => {
    if (slot === "a") updateMenu();
    highlight.clear();
    run(slot);
    saveSoon();
  });
  return state;
}

// ---------------------------------------------------------------------------------------------
// Edits survive a reload and a switch of policy (in this browser's localStorage)

const SAVED_STATE = "tilsyn.legeplads.tilstand";
const savedText = (file: string): string => `tilsyn.legeplads.tekst.${file}`;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage switched off: edits live as long as the page
  }
}

/** Save the whole state (policy, variant, period, view) shortly after the last change. */
function saveSoon(): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    void currentState().then((state) => {
      try {
        storage()?.setItem(SAVED_STATE, JSON.stringify(state));
        savePolicyText();
      } catch {
        // full or forbidden storage: nothing to do but go on
      }
    });
  }, 300);
}

/** A bundled policy's own edits, so that switching to another policy and back keeps them. */
function savePolicyText(): void {
  const sample = bundledEdit();
  if (!sample || !slots.a) return;
  const text = slots.a.model.getValue();
  try {
    if (text === sample.source) storage()?.removeItem(savedText(sample.file));
    else storage()?.setItem(savedText(sample.file), text);
  } catch {
    // full or forbidden storage: edits live as long as the page
  }
}

function dropVariant(): void {
  const b = slots.b;
  if (!b) return;
  if (active === "b") activate("a");
  delete slots.b;
  monaco.editor.setModelMarkers(b.model, "tilsyn", []);
  b.model.dispose();
  updateTabs();
  renderAll();
}

function activate(slot: Slot): void {
  const next = slots[slot];
  if (!next) return;
  const current = slots[active];
  if (current && current !== next && editor.getModel() === current.model) current.viewState = editor.saveViewState();
  active = slot;
  editor.setModel(next.model);
  if (next.viewState) editor.restoreViewState(next.viewState);
  highlight.clear();
  updateTabs();
  renderProblems();
  renderAll();
}

function updateTabs(): void {
  for (const slot of ["a", "b"] as const) {
    const tab = $(`tab-${slot}`);
    const state = slots[slot];
    tab.hidden = !state;
    tab.setAttribute("aria-selected", String(active === slot));
    const errors = state?.diagnostics.filter((d) => d.severity === "fejl").length ?? 0;
    tab.textContent = (state?.label ?? (slot === "a" ? "Politik" : "Variant")) + (errors ? ` (${errors} fejl)` : "");
  }
  $("make-variant").hidden = Boolean(slots.b);
  $("drop-variant").hidden = !slots.b;
}

// ---------------------------------------------------------------------------------------------
// Running

function period(): { fromMonth?: number; toMonth?: number } {
  const from = $<HTMLSelectElement>("from").value;
  const to = $<HTMLSelectElement>("to").value;
  return { fromMonth: parseMonthValue(from), toMonth: parseMonthValue(to) };
}

function run(slot: Slot): void {
  const state = slots[slot];
  if (!state) return;
  const id = nextId++;
  state.sentId = id;
  state.sentAt.set(id, performance.now());
  if (state.sentAt.size > 200) state.sentAt.delete(state.sentAt.keys().next().value!);
  send({
    type: "run",
    id,
    slot,
    source: state.model.getValue(),
    file: state.file,
    ...period(),
    ignoreInForce: $<HTMLInputElement>("ignore-inforce").checked,
    kommune: selectedKommune,
  });
}

function runAll(): void {
  run("a");
  run("b");
}

function onReady(message: ReadyMessage): void {
  ready = message;
  kommuner = message.kommuner;
  kommuneNames = new Map(kommuner.map((k) => [k.kode, k.navn]));
  const months = message.samples.filter((s) => Number.isFinite(s.from));
  if (months.length > 0) {
    // Events take effect after the data month (publication and follow-up), so the choice runs a
    // year past the last data month.
    const first = Math.min(...months.map((s) => s.from));
    const last = Math.max(...months.map((s) => s.to)) + 12;
    for (const id of ["from", "to"]) {
      const select = $<HTMLSelectElement>(id);
      const wanted = select.dataset.wanted;
      const options: HTMLOptionElement[] = [];
      for (let m = first; m <= last; m++) options.push(h("option", { value: monthValue(m) }, danishMonth(m)));
      select.replaceChildren(...options);
      select.value = wanted && options.some((o) => o.value === wanted) ? wanted : monthValue(id === "from" ? first : last);
    }
  }
  runAll();
}

function toMarker(d: Diagnostic, model: monaco.editor.ITextModel): monaco.editor.IMarkerData {
  const range = { ...toRange(d.span) };
  if (range.startLineNumber === range.endLineNumber && range.endColumn <= range.startColumn) {
    range.endColumn = Math.min(range.startColumn + 1, model.getLineMaxColumn(range.startLineNumber));
  }
  return {
    ...range,
    severity: d.severity === "fejl" ? monaco.MarkerSeverity.Error : d.severity === "note" ? monaco.MarkerSeverity.Info : monaco.MarkerSeverity.Warning,
    message: diagnosticMessage(d),
    code: d.code,
    source: "tilsyn",
    relatedInformation: d.related?.map((r) => ({ resource: model.uri, message: r.message, ...toRange(r.span) })),
  };
}

function onCheck({ slot, id, diagnostics, ast, text, plan, ms }: CheckMessage): void {
  const state = slots[slot];
  // Drop answers older than what is shown (a newer edit's answer may already have arrived).
  if (!state || id < state.checkId) return;
  state.checkId = id;
  state.diagnostics = diagnostics;
  monaco.editor.setModelMarkers(state.model, "tilsyn", diagnostics.map((d) => toMarker(d, state.model)));
  service.setAnalysis(uriOf(state.model), { text, ast, diagnostics, ...(plan ? { plan } : {}) });
  const sent = state.sentAt.get(id);
  if (sent !== undefined) record(id, "markers", performance.now() - sent);
  updateTabs();
  if (slot === active) {
    renderProblems();
    const errors = diagnostics.filter((d) => d.severity === "fejl").length;
    if (errors > 0) setStatus(`${errors} fejl i ${state.label.toLowerCase() === "politik" ? "politikken" : state.label} · oversat på ${Math.round(ms)} ms`, true);
  }
}

function onResult(message: ResultMessage): void {
  const state = slots[message.slot];
  if (!state || message.id < state.resultId) return;
  state.resultId = message.id;
  state.result = message;
  if (!message.blocked) state.lastGood = message;
  // The policy or data changed: an earlier sensitivity table is of the old policy.
  if (message.slot === active && sweep.result) {
    const { result: _old, ...rest } = sweep;
    sweep = rest;
  }
  // The policy or data changed: ask the same "why (not)?" again of the new evaluation.
  if (message.slot === active && why && !message.blocked) send({ type: "explain", slot: active, kommune: why.kommune, period: why.period });
  if (message.slot === active && measuredWhy && message.measured) send({ type: "explain-measured", slot: active, kommune: measuredWhy.kommune, month: measuredWhy.month });
  if (message.slot === active) {
    if (!kommuneChosen || !selectedKommune) {
      const best = mostEvents(message.events) ?? selectedKommune ?? kommuner[0]?.kode;
      if (best && best !== selectedKommune) {
        selectedKommune = best;
        send({ type: "series", id: message.id, slot: message.slot, kommune: best });
      }
    } else if (message.kommune !== selectedKommune && selectedKommune) {
      send({ type: "series", id: message.id, slot: message.slot, kommune: selectedKommune });
    }
  }
  renderAll();
  const sent = state.sentAt.get(message.id);
  if (sent !== undefined) {
    record(message.id, "results", performance.now() - sent);
    record(message.id, "evaluation", message.ms);
  }
  if (message.slot === active) {
    if (message.blocked) setStatus(message.blocked, true);
    else setStatus(`${message.events.length.toLocaleString("da-DK")} ${message.events.length === 1 ? "hændelse" : "hændelser"} · evalueret på ${Math.round(message.ms)} ms`);
  }
  document.body.dataset.results = String(message.id);
}

function record(id: number, what: "markers" | "results" | "map" | "evaluation" | "drawMap", ms: number): void {
  let entry = latencies.find((l) => l.id === id);
  if (!entry) latencies.push((entry = { id }));
  entry[what] = ms;
  if (latencies.length > 500) latencies.shift();
}

function mostEvents(events: PolicyEvent[]): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  for (const e of events) {
    const n = (counts.get(e.kommune) ?? 0) + 1;
    counts.set(e.kommune, n);
    if (!best || n > counts.get(best)!) best = e.kommune;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Views

const eventsTable = new EventsTable(
  $("view-events"),
  (code) => kommuneNames.get(code) ?? code,
  (event) => showRule(event),
);

function showRule(event: PolicyEvent): void {
  const state = slots[active];
  if (!state) return;
  const symbol = service.findRule(uriOf(state.model), event.rule);
  if (!symbol) {
    setStatus(`Reglen \`${event.rule}\` findes ikke længere i teksten.`, true);
    return;
  }
  const range = toRange(symbol.span);
  highlight.set([
    { range, options: { isWholeLine: true, className: "rule-highlight", linesDecorationsClassName: "rule-highlight-gutter", overviewRuler: { color: "#f9a825", position: monaco.editor.OverviewRulerLane.Full } } },
  ]);
  editor.setSelection(toRange(symbol.nameSpan));
  editor.revealRangeInCenterIfOutsideViewport(range, monaco.editor.ScrollType.Smooth);
  editor.focus();
  setStatus(`${event.rule}: ${symbol.title ?? ""} (linje ${symbol.nameSpan.start.line})`);
}

const dirty = new Set<View>();

function renderAll(): void {
  for (const v of VIEWS) dirty.add(v);
  renderView(view);
  renderData();
  // A result that cannot run counts no events: the badge keeps the last good count, greyed.
  const blockedNow = Boolean(slots[active]?.result?.blocked);
  const count = blockedNow ? slots[active]?.lastGood?.events.length : slots[active]?.result?.events.length;
  const badge = $("count-events");
  badge.classList.toggle("stale", blockedNow);
  badge.title = blockedNow && count !== undefined ? "Det seneste resultat, der kunne beregnes" : "";
  // «Måling» is offered only for a text with a `måling` (its table, or the last good one greyed).
  const measuring = isMeasurement(slots[active]?.model.getValue() ?? "");
  $("tab-measured").hidden = !measuring;
  if (!measuring && view === "measured") setView("events");
  badge.textContent = count === undefined ? "" : count.toLocaleString("da-DK");
}

function renderView(which: View): void {
  if (which !== view) {
    dirty.add(which);
    return;
  }
  dirty.delete(which);
  const state = slots[active];
  const result = state?.result;
  // A text or data that cannot run is never shown as having no events: the views show the last
  // good result greyed, under a notice that says why (the comparison and the sweep say only why).
  const stale = staleResult(which);
  const shown = stale ?? result;
  const blocked = stale ? undefined : result?.blocked;
  if (STALE_VIEWS.includes(which)) $(`view-${which}`).classList.toggle("stale", Boolean(stale));
  updateStaleNotice();
  switch (which) {
    case "events":
      eventsTable.set(shown?.events ?? [], blocked ?? (result ? undefined : "Beregner …"));
      break;
    case "timeline":
      renderTimeline(
        $("view-timeline"),
        {
          kommuner,
          selected: selectedKommune,
          series: shown?.kommune === selectedKommune ? (shown?.series ?? []) : [],
          events: shown?.events ?? [],
          fromMonth: shown?.fromMonth,
          toMonth: shown?.toMonth,
          blocked,
          titles: Object.fromEntries((shown?.limits ?? []).map((l) => [l.rule, l.title])),
          ...(why ? { why } : {}),
          ...(shown?.policy ? { policy: shown.policy } : {}),
        },
        selectKommune,
        explain,
        saveAsExample,
      );
      break;
    case "map": {
      const a = slots.a;
      const b = slots.b;
      const side = (st: SlotState | undefined, fallback: string) =>
        stale && st === state
          ? { label: st?.label ?? fallback, events: stale.events }
          : {
              label: st?.label ?? fallback,
              events: st?.result?.events ?? [],
              ...(st?.result?.blocked ? { blocked: st.result.blocked } : st?.result ? {} : { blocked: "Beregner …" }),
            };
      const drawStarted = performance.now();
      renderMap(
        $("view-map"),
        {
          kommuner,
          a: side(a, "Politik"),
          ...(b ? { b: side(b, "Variant") } : {}),
          fromMonth: shown?.fromMonth,
          toMonth: shown?.toMonth,
          ...(selectedKommune ? { selected: selectedKommune } : {}),
          periods: selectedKommune && shown?.kommune === selectedKommune ? periodsOf(shown.series, shown.events.filter((e) => e.kommune === selectedKommune)) : [],
          ...(why ? { why } : {}),
        },
        { onSelect: selectKommune, onExplain: explain, onSave: saveAsExample },
      );
      if (result) {
        const sent = state?.sentAt.get(result.id);
        if (sent !== undefined && !latencies.find((l) => l.id === result.id)?.map) {
          record(result.id, "map", performance.now() - sent);
          record(result.id, "drawMap", performance.now() - drawStarted);
        }
      }
      break;
    }
    case "years":
      renderYears($("view-years"), shown?.events ?? [], blocked);
      break;
    case "measured": {
      const table = shown?.measured;
      const reader = table ? chainedPolicy(table.name)?.file : undefined;
      renderMeasured(
        $("view-measured"),
        {
          kommuner,
          selected: selectedKommune,
          ...(table ? { measured: table } : {}),
          ...(blocked ? { blocked } : {}),
          ...(reader ? { reader } : {}),
          ...(measuredWhy && measuredWhy.kommune === selectedKommune ? { why: measuredWhy } : {}),
        },
        selectKommune,
        (month) => {
          if (month === undefined || !selectedKommune) measuredWhy = undefined;
          else {
            measuredWhy = { kommune: selectedKommune, month };
            send({ type: "explain-measured", slot: active, kommune: selectedKommune, month });
          }
          renderView("measured");
        },
      );
      break;
    }
    case "sweep":
      renderSensitivity(
        $("view-sweep"),
        { limits: result?.limits ?? [], counted: result?.counted ?? "henvendelser", ...(sweep.chosen ? { chosen: sweep.chosen } : {}), ...(sweep.values ? { values: sweep.values } : {}), ...(sweep.result ? { result: sweep.result } : {}), ...(result?.blocked ? { blocked: result.blocked } : {}), busy: sweep.busy },
        (key, values) => {
          const [rule, index] = [key.slice(0, key.lastIndexOf("#")), Number(key.slice(key.lastIndexOf("#") + 1))];
          sweep = { chosen: key, values: values.join("; "), busy: true, ...(sweep.result ? { result: sweep.result } : {}) };
          send({ type: "sweep", slot: active, rule, index, values });
          renderView("sweep");
        },
      );
      break;
    case "compare": {
      const a = slots.a;
      const b = slots.b;
      renderComparison(
        $("view-compare"),
        { label: a?.label ?? "Politik", events: a?.result?.events ?? [], blocked: a?.result?.blocked },
        b ? { label: b.label, events: b.result?.events ?? [], blocked: b.result?.blocked } : undefined,
        kommuner,
        h(
          "p",
          {},
          "Klik ",
          h("button", { type: "button", onclick: makeVariant }, "Lav variant"),
          " for at ændre en kopi af politikken, eller ",
          h("button", { type: "button", class: "primary", onclick: () => void presetCompare() }, "Sammenlign tidlig indsats 2020 og 2024"),
          ".",
        ),
      );
      break;
    }
  }
}

/** The views that show the last good result greyed when the text or data cannot run. */
const STALE_VIEWS: readonly View[] = ["events", "map", "timeline", "years", "measured"];

/** The last good result to show greyed in a view, when the latest cannot run. */
function staleResult(which: View): ResultMessage | undefined {
  const state = slots[active];
  if (!STALE_VIEWS.includes(which) || !state?.result?.blocked || !state.lastGood) return undefined;
  // A comparison on the map says why it is not drawn, as the comparison view does.
  if (which === "map" && slots.b) return undefined;
  return state.lastGood;
}

function updateStaleNotice(): void {
  const notice = $("stale-notice");
  const stale = staleResult(view);
  notice.hidden = !stale;
  if (stale) notice.textContent = `${slots[active]?.result?.blocked ?? ""} Herunder det seneste resultat, der kunne beregnes, nedtonet.`;
}

/** The views that show the selected kommune. */
function renderKommuneViews(): void {
  renderView("timeline");
  renderView("map");
  renderView("measured");
}

/** Select a kommune in the map or the timeline: its series is fetched for «Hvorfor (ikke)?». */
function selectKommune(kode: string): void {
  selectedKommune = kode;
  kommuneChosen = true;
  why = undefined;
  measuredWhy = undefined;
  for (const slot of ["a", "b"] as const) {
    const s = slots[slot];
    if (s?.result) send({ type: "series", id: s.result.id, slot, kommune: kode });
  }
  renderKommuneViews();
}

function explain(period: string): void {
  if (period && selectedKommune) send({ type: "explain", slot: active, kommune: selectedKommune, period });
}

function saveAsExample(period: string): void {
  if (!selectedKommune) return;
  setStatus(`Laver et eksempel af ${kommuneNames.get(selectedKommune) ?? selectedKommune} for ${period} …`);
  send({ type: "save-example", slot: active, kommune: selectedKommune, period });
}

// ---------------------------------------------------------------------------------------------
// Examples: ✓ or ✗ beside each `eksempel` block, run live by the worker

function onExamples(slot: Slot, id: number, examples: ExampleStatus[]): void {
  const state = slots[slot];
  // Only the answer for the text in the editor now (an older one would mark the wrong lines).
  if (!state || id !== state.sentId) return;
  state.examples = examples;
  state.examplesId = id;
  state.exampleDecorations = state.model.deltaDecorations(
    state.exampleDecorations,
    examples.flatMap((e) => [
      {
        // Not the whole line: a wrapped line would get the glyph on each of its rows.
        range: new monaco.Range(e.line, 1, e.line, 1),
        options: {
          glyphMarginClassName: e.ok ? "example-glyph example-ok" : "example-glyph example-fail",
          glyphMarginHoverMessage: { value: e.ok ? `✓ Eksemplet «${e.title}» består.` : `✗ Eksemplet «${e.title}» består ikke:\n\n${e.problems.map((p) => `- ${p}`).join("\n")}` },
        },
      },
      ...(e.ok ? [] : [{ range: new monaco.Range(e.line, 1, e.line, 1), options: { isWholeLine: true, className: "example-fail-line" } }]),
    ]),
  );
  if (slot === active) renderProblems();
}

function onSavedExample(message: SavedExampleMessage): void {
  const state = slots[message.slot];
  if (!state) return;
  if (message.error || !message.text) {
    setStatus(message.error ?? "Eksemplet kunne ikke laves.", true);
    return;
  }
  if (message.slot !== active) activate(message.slot);
  const model = state.model;
  const lastLine = model.getLineCount();
  const end = model.getLineMaxColumn(lastLine);
  const before = model.getValue().endsWith("\n\n") ? "" : model.getValue().endsWith("\n") ? "\n" : "\n\n";
  const line = lastLine + before.split("\n").length - 1;
  editor.pushUndoStop();
  editor.executeEdits("gem-som-eksempel", [{ range: new monaco.Range(lastLine, end, lastLine, end), text: `${before}${message.text}\n` }]);
  editor.pushUndoStop();
  editor.revealLineInCenter(line);
  editor.setPosition({ lineNumber: line, column: 1 });
  // On a phone the editor is above the map: bring it into view to show what was inserted.
  $("editor").scrollIntoView({ block: "nearest" });
  const name = kommuneNames.get(message.kommune) ?? message.kommune;
  setStatus(`Eksemplet for ${name}, ${message.period}, er indsat i linje ${line}${message.dropped ? ` (${message.dropped} forventning${message.dropped === 1 ? "" : "er"} udeladt)` : ""}; det køres nu.`);
}

function setView(next: View): void {
  view = next;
  for (const tab of document.querySelectorAll<HTMLElement>(".view-tab")) {
    tab.setAttribute("aria-selected", String(tab.dataset.view === next));
  }
  for (const v of VIEWS) $(`view-${v}`).hidden = v !== next;
  if (dirty.has(next)) renderView(next);
  updateStaleNotice();
}

function renderProblems(): void {
  const state = slots[active];
  const list = state?.diagnostics ?? [];
  const panel = $("problems");
  const examples = state?.examples ?? [];
  const failed = examples.filter((e) => !e.ok);
  const exampleLine =
    examples.length === 0
      ? null
      : h(
          "div",
          { class: `examples-summary ${failed.length ? "fail" : "ok"}`, id: "examples-summary" },
          failed.length === 0
            ? `✓ ${examples.length === 1 ? "Eksemplet består" : `Alle ${examples.length} eksempler består`}.`
            : `✗ ${failed.length} af ${examples.length} ${examples.length === 1 ? "eksempel" : "eksempler"} består ikke: `,
          ...failed.slice(0, 10).map((e) =>
            h(
              "button",
              {
                type: "button",
                class: "example-link",
                title: e.problems.join("\n"),
                onclick: () => {
                  editor.revealLineInCenter(e.line);
                  editor.setPosition({ lineNumber: e.line, column: 1 });
                  editor.focus();
                },
              },
              `linje ${e.line}`,
            ),
          ),
        );
  panel.replaceChildren(
    ...(exampleLine ? [exampleLine] : []),
    ...(list.length === 0
      ? [h("span", { class: "ok" }, "Ingen fejl eller advarsler.")]
      : list.slice(0, 50).map((d) =>
          h(
            "button",
            {
              type: "button",
              class: `problem ${d.severity}`,
              onclick: () => {
                editor.setSelection(toRange(d.span));
                editor.revealRangeInCenterIfOutsideViewport(toRange(d.span));
                editor.focus();
              },
            },
            h("span", { class: "sev" }, `${d.severity}[${d.code}]`),
            ` linje ${d.span.start.line}: ${d.message}`,
            d.hint ? h("span", { class: "hint" }, ` Hjælp: ${d.hint}`) : null,
          ),
        )),
  );
}

function renderData(): void {
  const state = slots[active];
  // A text with errors is not compiled, so it names no data: list what the last good one used.
  const result = state?.result?.blocked && state.result.data.length === 0 ? (state.lastGood ?? state.result) : state?.result;
  const tables = $("data-tables");
  const errors = $("data-errors");
  const rows: HTMLElement[] = [];
  const used = new Set<string>();
  for (const d of result?.data ?? []) {
    used.add(d.name);
    const origin = d.origin === "eksempel" ? "eksempeldata" : d.origin === "upload" ? "din fil" : d.origin === "maalt" ? "målt fra persondata" : "mangler";
    rows.push(
      h(
        "div",
        { class: `data-row ${d.errors ? "bad" : d.origin}` },
        h("code", {}, d.file),
        h("span", { class: "muted" }, ` · ${origin}${d.rows !== undefined ? ` · ${d.rows.toLocaleString("da-DK")} rækker` : ""}${d.errors ? " · fejl" : ""}`),
      ),
    );
  }
  for (const name of uploads.keys()) {
    if (!used.has(name)) {
      rows.push(h("div", { class: "data-row unused" }, h("code", {}, uploadFiles.get(name) ?? `${name}.csv`), h("span", { class: "muted" }, " · uploadet, men politikken bruger ingen data med det navn")));
    }
  }
  if (rows.length === 0) {
    rows.push(
      h("div", { class: "muted" }, !result ? "Indlæser eksempeldata …" : result.blocked && result.data.length === 0 ? "Data vises, når politikken kan oversættes." : "Politikken bruger ingen data."),
    );
  }
  tables.replaceChildren(...rows);
  const problems = (result?.data ?? []).filter((d) => d.errors);
  errors.replaceChildren(
    ...problems.map((d) =>
      h("div", { class: "data-error" }, h("strong", {}, `Fejl i ${d.file}:`), h("pre", {}, d.errors!.join("\n\n"))),
    ),
  );
  $("reset-data").hidden = uploads.size === 0;
}

function setStatus(text: string, warning = false): void {
  const status = $("status");
  status.textContent = text;
  status.classList.toggle("warning", warning);
}

// ---------------------------------------------------------------------------------------------
// Policies, variants, presets

/** The name and title after `politik` in a policy's text. */
function policyHead(text: string): { name?: string; title?: string } {
  const m = /^politik\s+([^\s"]+)(?:\s+"([^"\n]*)")?/m.exec(text);
  return m ? { name: m[1], title: m[2] } : {};
}

/**
 * The bundled policy the text in the editor is an edit of: the one it was loaded from, as long as
 * it still declares the same `politik`. A text that names another policy is one of its own (a
 * new policy, or one from a link), and is never labelled, saved or restored as the bundled one.
 */
function bundledEdit(): ReturnType<typeof findPolicy> {
  const sample = currentFile ? findPolicy(currentFile) : undefined;
  const text = slots.a?.model.getValue();
  if (!sample || text === undefined) return undefined;
  return text === sample.source || policyHead(text).name === policyHead(sample.source).name ? sample : undefined;
}

function updateMenu(): void {
  const menu = $<HTMLSelectElement>("policy-menu");
  const sample = bundledEdit();
  const text = slots.a?.model.getValue() ?? "";
  const edited = !sample || text !== sample.source;
  const custom = menu.querySelector<HTMLOptionElement>("option[value='']")!;
  custom.hidden = !edited;
  const own = policyHead(text);
  custom.textContent = sample ? `${sample.file} (ændret)` : own.title ? `Egen politik: ${own.title}` : own.name ? `Egen politik: ${own.name}` : "Egen tekst";
  menu.value = edited ? "" : sample.file;
  $("restore-policy").hidden = !(sample && edited);
}

/** Back to the bundled text of the current policy; its saved edits are forgotten. */
function restorePolicy(): void {
  const sample = bundledEdit();
  if (!sample || !slots.a) return;
  storage()?.removeItem(savedText(sample.file));
  slots.a.model.setValue(sample.source);
  activate("a");
  setStatus(`${sample.file} er gendannet.`);
}

/** Load a bundled policy in place of the text in the editor, whose edits are saved first. */
function switchTo(file: string): void {
  const leaving = bundledEdit();
  const text = slots.a?.model.getValue() ?? "";
  savePolicyText(); // now, not 300 ms later: the text is about to change
  if (leaving && text !== leaving.source) setStatus(`Dine ændringer i ${leaving.file} er gemt i browseren; vælg den igen for at fortsætte.`);
  loadPolicy(file);
}

function loadPolicy(file: string): void {
  const sample = findPolicy(file);
  if (!sample) return;
  currentFile = file;
  const saved = storage()?.getItem(savedText(file)) ?? undefined;
  const state = createSlot("a", saved ?? sample.source, "Politik", file);
  if (saved !== undefined && saved !== sample.source) setStatus(`Dine ændringer i ${file} er hentet igen; «Gendan» giver den oprindelige tekst.`);
  if (slots.b) slots.b.label = "Variant";
  state.label = "Politik";
  activate("a");
  updateMenu();
}

function makeVariant(): void {
  const a = slots.a;
  if (!a) return;
  createSlot("b", a.model.getValue(), "Variant", `variant-${a.file}`);
  run("b");
  activate("b");
}

async function presetCompare(): Promise<void> {
  const early = findPolicy(EARLY_2020);
  const late = findPolicy(EARLY_2024);
  if (!early || !late) return;
  currentFile = EARLY_2020;
  createSlot("a", early.source, "Regler fra 2020", EARLY_2020);
  createSlot("b", late.source, "Regler fra 2024", EARLY_2024);
  const inForce = $<HTMLInputElement>("ignore-inforce");
  if (!inForce.checked) {
    inForce.checked = true;
    runAll();
  }
  activate("a");
  updateMenu();
  setView("compare");
}

async function currentState(): Promise<SharedState> {
  return {
    policy: slots.a?.model.getValue() ?? "",
    variant: slots.b?.model.getValue(),
    labels: [slots.a?.label ?? "Politik", slots.b?.label ?? "Variant"],
    // The bundled file only when the text is an edit of it; a policy of its own is named by itself.
    file: bundledEdit()?.file ?? (policyHead(slots.a?.model.getValue() ?? "").name ? `${policyHead(slots.a!.model.getValue()).name}.tilsyn` : undefined),
    sample: "eksempel",
    from: $<HTMLSelectElement>("from").value || undefined,
    to: $<HTMLSelectElement>("to").value || undefined,
    ignoreInForce: $<HTMLInputElement>("ignore-inforce").checked,
    view,
  };
}

function applyState(state: SharedState): void {
  currentFile = state.file;
  // The month lists are filled when the worker reports the data; remember the wish until then.
  for (const [id, value] of [["from", state.from], ["to", state.to]] as const) {
    const select = $<HTMLSelectElement>(id);
    if (!value) continue;
    select.dataset.wanted = value;
    if ([...select.options].some((o) => o.value === value)) select.value = value;
  }
  $<HTMLInputElement>("ignore-inforce").checked = Boolean(state.ignoreInForce);
  createSlot("a", state.policy, state.labels?.[0] ?? "Politik", state.file ?? "politik.tilsyn");
  if (state.variant !== undefined) createSlot("b", state.variant, state.labels?.[1] ?? "Variant", `variant-${state.file ?? "politik.tilsyn"}`);
  activate("a");
  updateMenu();
  if (state.view && (VIEWS as readonly string[]).includes(state.view)) setView(state.view as View);
}

// ---------------------------------------------------------------------------------------------
// Wiring

function setupControls(): void {
  const menu = $<HTMLSelectElement>("policy-menu");
  menu.replaceChildren(
    h("option", { value: "", hidden: true }, "Egen tekst"),
    ...samplePolicies.map((p) => {
      // A measurement runs into the policy that reads its table: the menu says which.
      const reader = isMeasurement(p.source) ? chainedPolicy(/^måling\s+(\S+)/m.exec(p.source)?.[1] ?? "") : undefined;
      return h("option", { value: p.file }, `${p.file.replace(/\.tilsyn$/, "")} · ${p.title}${reader ? ` → ${reader.file.replace(/\.tilsyn$/, "")}` : ""}`);
    }),
  );
  menu.addEventListener("change", () => {
    if (!menu.value) return;
    const file = menu.value;
    // A bundled policy's edits are kept in this browser (and come back when it is chosen again);
    // a policy of its own is not, so switching away from it asks first.
    const text = slots.a?.model.getValue() ?? "";
    const leaving = bundledEdit();
    if (!leaving && text.trim() !== "") {
      const own = policyHead(text);
      $("switch-text").textContent = `Din egen politik${own.title ? ` «${own.title}»` : ""} gemmes ikke, når du skifter til en anden. Brug «Del» for at gemme den som et link først.`;
      const dialog = $<HTMLDialogElement>("switch-dialog");
      dialog.dataset.file = file;
      updateMenu(); // the menu shows the text in the editor until the answer
      dialog.showModal();
      return;
    }
    switchTo(file);
  });
  $("switch-go").addEventListener("click", () => {
    const dialog = $<HTMLDialogElement>("switch-dialog");
    dialog.close();
    if (dialog.dataset.file) switchTo(dialog.dataset.file);
  });
  $("switch-stay").addEventListener("click", () => $<HTMLDialogElement>("switch-dialog").close());
  $("preset-compare").addEventListener("click", () => void presetCompare());
  $("make-variant").addEventListener("click", makeVariant);
  $("restore-policy").addEventListener("click", restorePolicy);
  $("drop-variant").addEventListener("click", dropVariant);
  $("format").addEventListener("click", () => void editor.getAction("editor.action.formatDocument")?.run());
  for (const slot of ["a", "b"] as const) $(`tab-${slot}`).addEventListener("click", () => activate(slot));
  for (const tab of document.querySelectorAll<HTMLElement>(".view-tab")) {
    tab.addEventListener("click", () => setView(tab.dataset.view as View));
  }
  for (const id of ["from", "to", "ignore-inforce"]) {
    $(id).addEventListener("change", runAll);
    $(id).addEventListener("change", saveSoon);
  }

  $<HTMLInputElement>("upload").addEventListener("change", async (event) => {
    const input = event.target as HTMLInputElement;
    for (const file of input.files ?? []) {
      const name = file.name.replace(/\.(csv|xlsx)$/i, "").trim();
      uploads.set(name, new Uint8Array(await file.arrayBuffer())); // bytes: the worker decodes them (or reads a workbook)
      uploadFiles.set(name, file.name);
    }
    input.value = "";
    send({ type: "data", uploads: Object.fromEntries(uploads) });
    setStatus(`Indlæser ${[...uploads.keys()].map((n) => uploadFiles.get(n) ?? `${n}.csv`).join(", ")} …`);
    runAll();
  });
  $("reset-data").addEventListener("click", () => {
    uploads.clear();
    uploadFiles.clear();
    send({ type: "data", uploads: {} });
    runAll();
  });

  $("share").addEventListener("click", async () => {
    try {
      const url = await shareUrl(await currentState());
      history.replaceState(null, "", url);
      const box = $("share-box");
      box.hidden = false;
      const field = $<HTMLInputElement>("share-url");
      field.value = url;
      field.select();
    } catch (error) {
      setStatus(`Kunne ikke lave et link: ${String(error)}`, true);
    }
  });
  $("share-copy").addEventListener("click", async () => {
    const field = $<HTMLInputElement>("share-url");
    try {
      await navigator.clipboard.writeText(field.value);
      setStatus("Linket er kopieret.");
    } catch {
      field.select();
      setStatus("Markér linket og kopiér det med Ctrl+C.", true);
    }
  });
  const closeShare = (): void => {
    $("share-box").hidden = true;
    $("share").focus();
  };
  $("share-close").addEventListener("click", closeShare);
  // Escape closes the share box and the help panel, as it closes a dialog, and gives the focus back to their button.
  $("share-box").addEventListener("keydown", (event) => {
    if (event.key === "Escape") closeShare();
  });
  $<HTMLAnchorElement>("help-docs").href = sprogUrl;
  const toggleHelp = (open: boolean): void => {
    $("help-panel").hidden = !open;
    $("help").setAttribute("aria-expanded", String(open));
  };
  $("help").addEventListener("click", () => toggleHelp($("help-panel").hidden));
  $("help-close").addEventListener("click", () => toggleHelp(false));
  $("help-panel").addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    toggleHelp(false);
    $("help").focus();
  });
}

async function start(): Promise<void> {
  setupControls();
  let restored = false;
  try {
    const shared = await stateFromHash();
    if (shared) {
      applyState(shared);
      restored = true;
      setStatus("Tilstanden fra linket er indlæst.");
    }
  } catch (error) {
    setStatus(`Linket kunne ikke læses: ${error instanceof Error ? error.message : String(error)}`, true);
  }
  if (!restored) {
    try {
      const saved = storage()?.getItem(SAVED_STATE);
      if (saved) {
        applyState(JSON.parse(saved) as SharedState);
        restored = true;
        setStatus("Dine seneste ændringer er hentet igen.");
      }
    } catch {
      // a saved state this version cannot read: start afresh
    }
  }
  if (!restored) loadPolicy(DEFAULT_POLICY);
  if (ready) runAll();
}

void start();

// For the browser tests and the benchmark.
(window as unknown as { tilsyn: unknown }).tilsyn = {
  editor,
  monaco,
  latencies,
  markers: (slot: Slot = active) => {
    const model = slots[slot]?.model;
    return model ? monaco.editor.getModelMarkers({ resource: model.uri }) : [];
  },
  events: (slot: Slot = active) => slots[slot]?.result?.events ?? [],
  /** The measured table of a `måling` in the editor, from the latest result. */
  measured: (slot: Slot = active) => slots[slot]?.result?.measured,
  blocked: (slot: Slot = active) => slots[slot]?.result?.blocked,
  resultId: (slot: Slot = active) => slots[slot]?.resultId ?? 0,
  /** Whether the latest run sent for the slot has been answered (an earlier run's answer may come first). */
  settled: (slot: Slot = active) => {
    const state = slots[slot];
    return Boolean(state && state.resultId > 0 && state.resultId >= state.sentId);
  },
  /** The live examples' outcomes for the text now in the editor (empty until they have run). */
  examples: (slot: Slot = active) => {
    const state = slots[slot];
    return state && state.examplesId === state.sentId ? state.examples : [];
  },
};

if ("serviceWorker" in navigator && import.meta.env.PROD && location.protocol !== "file:") {
  void navigator.serviceWorker.register("./sw.js").catch(() => undefined);
}
