// The compile worker: compiles the policy on every edit and evaluates it on the data, off the
// page's main thread so typing stays smooth. Only the newest request per editor is answered;
// requests overtaken by a newer edit are dropped before the (slower) evaluation starts.

/// <reference lib="webworker" />

import type { Diagnostic } from "../../diagnostics/index.js";
import type { LoadResult } from "../../load/csv.js";
import type { Table } from "../../runtime/table.js";
import type { SeriesPoint } from "../../runtime/events.js";
import type { Plan } from "../../runtime/plan.js";
import { checkPolicy, evaluate, EvaluationError, hasErrors, loadTable, parseKommuner, renderDiagnostic } from "./engine.js";
import type { DataStatus, FromWorker, ResultMessage, RunRequest, Slot, ToWorker } from "./protocol.js";
import { kommunerText, sampleData } from "./samples-data.js";
import { explainPeriod, formatExplanation } from "../../compiler/explain.js";
import { limitsOf, sweepRows, withLimit } from "../../compiler/sweep.js";
import { kommuneTable } from "./subtable.js";
import { loadSheet, readWorkbook, type SheetResult, type Workbook } from "../../load/xlsx.js";
import type { PolicyFile } from "../../grammar/ast.js";
import type { PreparedExample } from "../../compiler/examples.js";
import { runExample } from "../../compiler/runner.js";
import type { ExampleStatus, PolicyInfo } from "./protocol.js";
import { saveExample } from "./save-example.js";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker): void => scope.postMessage(message);

// ---------------------------------------------------------------------------------------------
// Data

const kommuneList = parseKommuner(kommunerText, "data/kommuner.csv").kommuner;
const kommuneCodes: ReadonlySet<string> = new Set(kommuneList.map((k) => k.kode));
const kommuneNames: ReadonlyMap<string, string> = new Map(kommuneList.map((k) => [k.kode, k.navn]));

/** Uploaded files: a CSV file's bytes, or an .xlsx workbook read once (or why it could not be read). */
type Upload = Uint8Array | { workbook?: Workbook; diagnostics: Diagnostic[] };
let uploads = new Map<string, Upload>();
let uploadVersion = 0;
/** Settles when the uploaded workbooks are read; evaluations wait for it. */
let uploadsRead: Promise<void> = Promise.resolve();
const tableCache = new Map<string, { result: LoadResult | SheetResult }>();

/** An .xlsx workbook is a ZIP archive: it starts with `PK\x03\x04`. */
const isWorkbook = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function monthRange(text: string): { from: number; to: number; rows: number } {
  let from = Infinity;
  let to = -Infinity;
  let rows = 0;
  for (const match of text.matchAll(/^[^,\n]*,(\d{4})(?:-(\d{2}))?[,\r\n]/gm)) {
    const year = Number(match[1]);
    const first = match[2] ? year * 12 + Number(match[2]) - 1 : year * 12;
    const last = match[2] ? first : year * 12 + 11;
    if (first < from) from = first;
    if (last > to) to = last;
    rows++;
  }
  return { from, to, rows };
}

function tableFor(name: string, schema: Plan["data"][number]): { status: DataStatus; table?: Table } {
  const uploaded = uploads.get(name);
  const file = `${name}.${uploaded !== undefined && !(uploaded instanceof Uint8Array) ? "xlsx" : "csv"}`;
  const text = uploaded ?? sampleData[name];
  if (text === undefined) return { status: { name, file, origin: "mangler" } };
  const origin = uploaded !== undefined ? "upload" : "eksempel";
  const key = `${origin}:${origin === "upload" ? uploadVersion : 0}:${JSON.stringify(schema)}`;
  let cached = tableCache.get(key + name);
  if (!cached) {
    const { lagMonths: _lag, fixedPublication: _fixed, ...dataSchema } = schema;
    cached =
      typeof text === "string" || text instanceof Uint8Array
        ? { result: loadTable(text, file, dataSchema, kommuneCodes) }
        : { result: text.workbook ? loadSheet(text.workbook, file, dataSchema, kommuneCodes) : { diagnostics: text.diagnostics } };
    tableCache.set(key + name, cached);
  }
  const { result } = cached;
  const errors = result.diagnostics.filter((d) => d.severity === "fejl");
  if (!result.table || errors.length > 0) {
    return {
      status: { name, file, origin, errors: errors.slice(0, 12).map((d) => renderDiagnostic(d, "lines" in result ? result.lines : undefined)) },
    };
  }
  return { status: { name, file, origin, rows: result.table.length }, table: result.table };
}

// ---------------------------------------------------------------------------------------------
// Requests

const pending: Partial<Record<Slot, RunRequest>> = {};

/** What the last evaluation of a slot used, to answer series requests and to skip repeats. */
interface Evaluated {
  key: string;
  plan: Plan;
  tables: Record<string, Table>;
  options: { fromMonth?: number; toMonth?: number };
  events: ResultMessage["events"];
  data: DataStatus[];
  series: Map<string, SeriesPoint[]>;
}
const evaluated: Partial<Record<Slot, Evaluated>> = {};
let running = false;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function schedule(): void {
  if (!running) {
    running = true;
    setTimeout(() => void drain(), 0);
  }
}

async function drain(): Promise<void> {
  try {
    for (const slot of ["a", "b"] as const) {
      const request = pending[slot];
      if (!request) continue;
      delete pending[slot];
      run(request, slot);
      // Let newer edits arrive; if one did, this request's evaluation is not worth doing.
      await nextTask();
      if (pending[slot] || request.checkOnly) continue;
      await uploadsRead;
      evaluateRequest(request, slot);
      await nextTask();
      // The examples run after the results are out, unless a newer edit is already waiting.
      if (!pending[slot]) runExamples(request, slot);
      await nextTask();
    }
  } catch (error) {
    post({ type: "error", message: `Intern fejl i legepladsen: ${String(error)}` });
  } finally {
    running = false;
    if (pending.a || pending.b) schedule();
  }
}

const compiled: Partial<Record<Slot, { id: number; source: string; file: string; plan?: Plan; diagnostics: Diagnostic[]; ast: PolicyFile; examples: PreparedExample[] }>> = {};

function run(request: RunRequest, slot: Slot): void {
  const started = performance.now();
  // Every diagnostic `tilsyn check` gives, the static checks (threshold gaps, unused declarations …) too.
  const result = checkPolicy(request.source, request.file);
  const diagnostics = result.diagnostics;
  compiled[slot] = { id: request.id, source: request.source, file: request.file, plan: result.plan, diagnostics, ast: result.ast, examples: result.examples };
  post({
    type: "check",
    id: request.id,
    slot,
    diagnostics,
    ast: result.ast,
    text: result.text,
    ...(result.plan ? { plan: result.plan } : {}),
    ms: performance.now() - started,
  });
}

function evaluateRequest(request: RunRequest, slot: Slot): void {
  const started = performance.now();
  const state = compiled[slot];
  const base = {
    type: "result" as const,
    id: request.id,
    slot,
    events: [],
    series: [],
    kommune: request.kommune,
    fromMonth: request.fromMonth,
    toMonth: request.toMonth,
  };
  if (!state?.plan || hasErrors(state.diagnostics)) {
    delete evaluated[slot];
    post({ ...base, data: [], blocked: "Politikken har fejl; ret dem for at se hændelserne.", ms: 0 });
    return;
  }
  const plan: Plan = request.ignoreInForce ? { ...state.plan, inForce: {} } : state.plan;
  const tables: Record<string, Table> = {};
  const data: DataStatus[] = [];
  for (const schema of plan.data) {
    const { status, table } = tableFor(schema.name, schema);
    data.push(status);
    if (table) tables[schema.name] = table;
  }
  const missing = data.find((d) => d.origin === "mangler");
  const broken = data.find((d) => d.errors);
  if (missing || broken) {
    delete evaluated[slot];
    const blocked = missing
      ? `Der er ingen data til \`${missing.name}\`: upload en fil med navnet ${missing.file}.`
      : `Datafilen ${broken!.file} kunne ikke indlæses; se fejlene under Data.`;
    post({ ...base, data, blocked, ms: performance.now() - started });
    return;
  }
  const options = { fromMonth: request.fromMonth, toMonth: request.toMonth };
  // An edit that does not change the plan (a comment, spacing) gives the same events: no need
  // to evaluate again. Source locations are left out of the comparison.
  const key =
    JSON.stringify(plan, (k, v) => (k === "location" || k === "file" ? undefined : v)) +
    JSON.stringify(options) +
    data.map((d) => `${d.name}:${d.origin}:${uploadVersion}`).join();
  let last = evaluated[slot];
  if (!last || last.key !== key) {
    try {
      const result = evaluate([plan], tables, { ...options, kommuneNames });
      last = { key, plan, tables, options, events: result.events, data, series: new Map() };
      evaluated[slot] = last;
    } catch (error) {
      delete evaluated[slot];
      const blocked =
        error instanceof EvaluationError ? error.message : `Beregningen fejlede (intern fejl): ${String(error)}`;
      post({ ...base, data, blocked, ms: performance.now() - started });
      return;
    }
  }
  const limits = [...plan.criteria, ...plan.reviews].flatMap((rule) => (limitsOf(plan, rule.name) ?? []).map((l) => ({ rule: rule.name, title: rule.title, ...l })));
  const policy: PolicyInfo = {
    title: plan.title,
    ...(plan.machine ? { machine: { start: plan.machine.start, states: plan.machine.states.map((st) => ({ name: st.name, title: st.title })) } } : {}),
  };
  post({
    ...base,
    data,
    limits,
    policy,
    events: last.events,
    series: request.kommune ? seriesOf(last, request.kommune) : [],
    ms: performance.now() - started,
  });
}

/**
 * Run the policy's `eksempel` blocks as `tilsyn test` does (with the policy's own «gælder fra/til»,
 * whatever the page's period), and report each block's outcome. A policy with errors has none to
 * run: the markers say why.
 */
function runExamples(request: RunRequest, slot: Slot): void {
  const state = compiled[slot];
  if (!state || state.id !== request.id) return;
  const blocks = state.ast.examples ?? [];
  const examples: ExampleStatus[] = [];
  if (state.plan && !hasErrors(state.diagnostics)) {
    for (const example of blocks) {
      const line = example.span.start.line;
      const prepared = state.examples.find((p) => p.example === example);
      if (!prepared) {
        examples.push({ line, title: example.title.value, ok: false, problems: ["Eksemplet har fejl; se markeringerne."] });
        continue;
      }
      const result = runExample(example, prepared.tables, [state.plan], request.file);
      examples.push({
        line,
        title: example.title.value,
        ok: result.ok,
        problems: result.error
          ? [`Eksemplet kunne ikke køres: ${result.error}`]
          : result.expectations.filter((e) => !e.ok).map((e) => `linje ${e.line}: ${e.text} – ${e.actual ?? "passer ikke"}`),
      });
    }
  }
  post({ type: "examples", id: request.id, slot, examples });
}

/** The measured series of one kommune: the plan evaluated on that kommune's rows alone. */
function seriesOf(last: Evaluated, kommune: string): SeriesPoint[] {
  let series = last.series.get(kommune);
  if (!series) {
    const tables = Object.fromEntries(Object.entries(last.tables).map(([name, t]) => [name, kommuneTable(t, kommune)]));
    try {
      series = evaluate([last.plan], tables, { ...last.options, series: true, kommuneNames }).series ?? [];
    } catch {
      series = [];
    }
    last.series.set(kommune, series);
  }
  return series;
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case "run":
      pending[message.slot] = message;
      schedule();
      break;
    case "data": {
      const next = new Map<string, Upload>();
      const reads: Promise<void>[] = [];
      for (const [name, bytes] of Object.entries(message.uploads)) {
        if (isWorkbook(bytes)) reads.push(readWorkbook(bytes, `${name}.xlsx`).then((read) => void next.set(name, read)));
        else next.set(name, bytes);
      }
      uploadsRead = Promise.all(reads).then(() => {
        uploads = next;
        uploadVersion++;
        for (const key of [...tableCache.keys()]) if (key.startsWith("upload:")) tableCache.delete(key);
      });
      break;
    }
    case "sweep": {
      const last = evaluated[message.slot];
      const started = performance.now();
      if (!last) {
        post({ type: "sweep", slot: message.slot, rule: message.rule, index: message.index, years: [], rows: [], ms: 0, blocked: "Ret politikken og data, så der er hændelser at regne på." });
        break;
      }
      try {
        const limit = limitsOf(last.plan, message.rule)?.[message.index - 1];
        const { years, rows } = sweepRows(message.values, limit?.written ?? "", (value) =>
          evaluate([withLimit(last.plan, message.rule, message.index, value)], last.tables, { ...last.options, kommuneNames }).events,
        );
        post({ type: "sweep", slot: message.slot, rule: message.rule, index: message.index, years, rows, ms: performance.now() - started });
      } catch (error) {
        post({ type: "sweep", slot: message.slot, rule: message.rule, index: message.index, years: [], rows: [], ms: 0, blocked: `Følsomheden kunne ikke beregnes (intern fejl): ${String(error)}` });
      }
      break;
    }
    case "explain": {
      const last = evaluated[message.slot];
      const name = kommuneNames.get(message.kommune) ?? message.kommune;
      let text = "Ret politikken og data, så der er hændelser at forklare.";
      if (last) {
        try {
          text = formatExplanation(explainPeriod([last.plan], last.tables, last.events, message.kommune, message.period, { allPeriods: !last.plan.inForce.from && !last.plan.inForce.to }), name);
        } catch (error) {
          text = `Forklaringen kunne ikke laves (intern fejl): ${String(error)}`;
        }
      }
      post({ type: "explain", slot: message.slot, kommune: message.kommune, period: message.period, text });
      break;
    }
    case "save-example": {
      const last = evaluated[message.slot];
      const state = compiled[message.slot];
      const answer = { type: "save-example" as const, slot: message.slot, kommune: message.kommune, period: message.period };
      if (!last || !state?.plan) {
        post({ ...answer, error: "Ret politikken og data, så der er en beslutning at gemme." });
        break;
      }
      try {
        const saved = saveExample(state.source, state.file, state.plan, last.tables, message.kommune, kommuneNames.get(message.kommune) ?? message.kommune, message.period);
        post("error" in saved ? { ...answer, error: saved.error } : { ...answer, text: saved.text, dropped: saved.dropped });
      } catch (error) {
        post({ ...answer, error: `Eksemplet kunne ikke laves (intern fejl): ${String(error)}` });
      }
      break;
    }
    case "series":
      post({
        type: "series",
        id: message.id,
        slot: message.slot,
        kommune: message.kommune,
        series: evaluated[message.slot] ? seriesOf(evaluated[message.slot]!, message.kommune) : [],
      });
      break;
  }
};

post({
  type: "ready",
  kommuner: kommuneList.map((k) => ({ kode: k.kode, navn: k.navn })),
  samples: Object.entries(sampleData).map(([name, text]) => ({ file: `${name}.csv`, ...monthRange(text) })),
});
