// The compile worker: compiles the policy on every edit and evaluates it on the data, off the
// page's main thread so typing stays smooth. Only the newest request per editor is answered;
// requests overtaken by a newer edit are dropped before the (slower) evaluation starts.

/// <reference lib="webworker" />

import type { Diagnostic } from "../../diagnostics/index.js";
import type { LoadResult } from "../../load/csv.js";
import type { Table } from "../../runtime/table.js";
import type { SeriesPoint } from "../../runtime/events.js";
import type { Plan } from "../../runtime/plan.js";
import { canonicalEvent, checkPolicy, evaluate, EvaluationError, hasErrors, loadTable, parseKommuner, renderDiagnostic } from "./engine.js";
import type { DataStatus, FromWorker, ResultMessage, RunRequest, Slot, ToWorker } from "./protocol.js";
import { kommunerText, sampleData } from "./samples-data.js";
import { explainPeriod, formatExplanation } from "../../compiler/explain.js";
import { countedOf, limitsOf, measurementRules, sweepableRules, sweepRows, withLimit, withMeasurementLimit } from "../../compiler/sweep.js";
import { kommuneTable } from "./subtable.js";
import { loadSheet, readWorkbook, type SheetResult, type Workbook } from "../../load/xlsx.js";
import type { PolicyFile } from "../../grammar/ast.js";
import type { PreparedExample } from "../../compiler/examples.js";
import { runExample } from "../../compiler/runner.js";
import type { ExampleStatus, PolicyInfo } from "./protocol.js";
import { saveExample } from "./save-example.js";
import type { MeasurePlan } from "../../runtime/measure-plan.js";
import { measuredCsv, monthText, type MeasuredTable, type PersonTable } from "../../runtime/spells.js";
import { loadPersonTable, measureLoaded, PersonIds } from "../../load/persons.js";
import { runMeasurementExamples } from "../../compiler/measure-examples.js";
import { explainMeasurement, formatMeasureExplanation } from "../../compiler/explain-measure.js";
import { measureCodeFor } from "../../compiler/emit-measure.js";
import { chainedPolicy } from "./samples.js";
import type { MeasuredInfo } from "./protocol.js";

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
// Person data for a `måling` (data/eksempel-personer): static files fetched only when a policy
// with a measurement is evaluated, so the page and the worker do not carry them.

const personUrls: Record<string, string> = Object.fromEntries(
  Object.entries(import.meta.glob<string>("../../data/eksempel-personer/*.csv", { query: "?url", import: "default", eager: true })).map(([path, url]) => [
    path.replace(/^.*\//, "").replace(/\.csv$/, ""),
    url,
  ]),
);
const personBytes = new Map<string, Promise<Uint8Array>>();

function fetchPerson(name: string, url: string): Promise<Uint8Array> {
  let bytes = personBytes.get(name);
  if (!bytes) {
    bytes = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`${name}.csv: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    });
    bytes.catch(() => personBytes.delete(name)); // a failed download is tried again next time
    personBytes.set(name, bytes);
  }
  return bytes;
}

/** Loaded person tables, per the data blocks they were read with (an edit of a threshold reads none again). */
const personCache = new Map<string, { persons: PersonIds; tables: Map<string, PersonTable>; data: DataStatus[] }>();
/** The prefix of a sweep rule that is a table field of the måling (its own limits), not a rule of the reading policy. */
const MEASURED = "måling:";
/** Per slot, the last measurement and the person tables it measured, for «Hvorfor?» on a measured month and the sweep of its limits. */
const lastMeasured: Partial<Record<Slot, { plan: MeasurePlan; file: string; persons: PersonIds; tables: Map<string, PersonTable> }>> = {};
/** The compiled policy that reads a measured table, per its source. */
const chainCache = new Map<string, ReturnType<typeof checkPolicy>>();

/**
 * The chain `tilsyn run MÅLING.tilsyn POLITIK.tilsyn --data data/eksempel-personer` runs: the
 * person files loaded and measured (load/persons.ts, runtime/spells.ts), the measured table checked
 * as the data file it replaces (loadTable of its CSV, as cli/measure.ts does), and the bundled
 * policy that reads it evaluated on it plus the sample's other data. An uploaded CSV file named
 * after a person data block (`ydelsesmaaneder.csv`) is read instead of the sample's.
 */
async function measureChain(
  measurement: MeasurePlan,
  file: string,
  slot: Slot,
): Promise<{ blocked?: string; plan?: Plan; tables: Record<string, Table>; data: DataStatus[]; measured?: MeasuredInfo }> {
  const tables: Record<string, Table> = {};
  const data: DataStatus[] = [];
  await uploadsRead;
  const uploaded = measurement.data.some((d) => uploads.has(d.name));
  const key = JSON.stringify([measurement.data, measurement.spell.data, uploaded ? uploadVersion : 0]);
  let loaded = personCache.get(key);
  if (!loaded) {
    const persons = new PersonIds();
    const personTables = new Map<string, PersonTable>();
    const statuses: DataStatus[] = [];
    for (const d of measurement.data) {
      const upload = uploads.get(d.name);
      const url = personUrls[d.name];
      if (upload !== undefined && !(upload instanceof Uint8Array)) {
        // Person files are read as streamed CSV (national files are far beyond a workbook's rows).
        statuses.push({ name: d.name, file: `${d.name}.xlsx`, origin: "upload", errors: [`Persondata læses som CSV-filer: gem arket som CSV (kommasepareret eller semikolon, UTF-8 eller Windows-1252) med navnet ${d.name}.csv og indlæs det igen.`] });
        continue;
      }
      if (upload === undefined && url === undefined) {
        statuses.push({ name: d.name, file: `${d.name}.csv`, origin: "mangler" });
        continue;
      }
      let bytes: Uint8Array;
      if (upload !== undefined) bytes = upload;
      else {
        try {
          bytes = await fetchPerson(d.name, url!);
        } catch (error) {
          return { blocked: `Persondata ${d.name}.csv kunne ikke hentes (${String(error)}).`, tables, data };
        }
      }
      const r = loadPersonTable(bytes, `${d.name}.csv`, d, persons, d.name === measurement.spell.data ? kommuneCodes : undefined);
      const errors = r.diagnostics.filter((x) => x.severity === "fejl");
      if (r.table) personTables.set(d.name, r.table);
      const origin = upload !== undefined ? "upload" : "eksempel";
      statuses.push({ name: d.name, file: `${d.name}.csv`, origin, ...(r.table && errors.length === 0 ? { rows: r.table.rows } : { errors: errors.slice(0, 12).map((x) => renderDiagnostic(x, r.lines)) }) });
    }
    loaded = { persons, tables: personTables, data: statuses };
    if (statuses.every((x) => x.origin !== "mangler")) personCache.set(key, loaded);
  }
  data.push(...loaded.data);
  const missing = loaded.data.find((d) => d.origin === "mangler");
  if (missing) return { blocked: `Der er ingen persondata til \`${missing.name}\` (${missing.file}) i eksempeldata.`, tables, data };
  if (loaded.data.some((d) => d.errors)) return { blocked: "Persondata kunne ikke indlæses; se fejlene under Data.", tables, data };
  const { table, diagnostics } = measureLoaded(measurement, measureCodeFor(measurement), loaded.tables, loaded.persons);
  if (table) lastMeasured[slot] = { plan: measurement, file, persons: loaded.persons, tables: loaded.tables };
  if (!table) {
    return { blocked: `Målingen kunne ikke regnes: ${diagnostics.slice(0, 3).map((d) => renderDiagnostic(d)).join("\n")}`, tables, data };
  }
  const uploadedFiles = loaded.data.filter((d) => d.origin === "upload").map((d) => d.file);
  const measured: MeasuredInfo = { name: measurement.name, title: measurement.title, file, uploaded: uploadedFiles, fromSample: loaded.data.length - uploadedFiles.length, fields: table.fields, rows: table.rows.map((r) => [r.kommune, r.month, ...r.values]) };
  const reader = chainedPolicy(measurement.name);
  if (!reader) return { blocked: `Ingen indbygget politik læser data \`${measurement.name}\` pr. kommune; legepladsen viser kun den målte tabel.`, tables, data, measured };
  let checked = chainCache.get(reader.source);
  if (!checked) chainCache.set(reader.source, (checked = checkPolicy(reader.source, reader.file)));
  if (!checked.plan || hasErrors(checked.diagnostics)) return { blocked: `${reader.file} har fejl.`, tables, data, measured };
  for (const schema of checked.plan.data) {
    if (schema.name === measurement.name) {
      const { lagMonths: _lag, fixedPublication: _fixed, ...dataSchema } = schema;
      const result = loadMeasured(table, `${measurement.name} (målt af ${file})`, dataSchema);
      const errors = result.diagnostics.filter((d) => d.severity === "fejl");
      const status: DataStatus = { name: schema.name, file: `${schema.name} (målt)`, origin: "maalt", ...(result.table && errors.length === 0 ? { rows: result.table.length } : { errors: errors.slice(0, 12).map((d) => renderDiagnostic(d, result.lines)) }) };
      data.push(status);
      if (status.errors) return { blocked: `Målingen i ${file} passer ikke til data \`${schema.name}\` i ${reader.file}; se fejlene under Data.`, tables, data, measured };
      tables[schema.name] = result.table!;
    } else {
      const { status, table: t } = tableFor(schema.name, schema);
      data.push(status);
      if (!t) return { blocked: `Datafilen ${status.file} mangler eller kunne ikke indlæses; se Data.`, tables, data, measured };
      tables[schema.name] = t;
    }
  }
  return { plan: checked.plan, tables, data, measured };
}

/** The measured table through the same checks as the data file it replaces. */
function loadMeasured(table: MeasuredTable, file: string, schema: Parameters<typeof loadTable>[2]): LoadResult {
  return loadTable(measuredCsv(table), file, schema, kommuneCodes);
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
      await evaluateRequest(request, slot);
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

const compiled: Partial<
  Record<Slot, { id: number; source: string; file: string; plan?: Plan; measurements?: MeasurePlan[]; diagnostics: Diagnostic[]; ast: PolicyFile; examples: PreparedExample[] }>
> = {};

function run(request: RunRequest, slot: Slot): void {
  const started = performance.now();
  // Every diagnostic `tilsyn check` gives, the static checks (threshold gaps, unused declarations …) too.
  const result = checkPolicy(request.source, request.file);
  const diagnostics = result.diagnostics;
  compiled[slot] = {
    id: request.id,
    source: request.source,
    file: request.file,
    plan: result.plan,
    ...(result.measurements?.length ? { measurements: result.measurements } : {}),
    diagnostics,
    ast: result.ast,
    examples: result.examples,
  };
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

async function evaluateRequest(request: RunRequest, slot: Slot): Promise<void> {
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
  let source = state.plan;
  let tables: Record<string, Table> = {};
  let data: DataStatus[] = [];
  let measured: MeasuredInfo | undefined;
  delete lastMeasured[slot];
  if (state.measurements) {
    // A `måling`: measured on the sample person data, then the bundled policy that reads the table.
    const chain = await measureChain(state.measurements[0]!, request.file, slot);
    ({ tables, data, measured } = chain);
    if (chain.blocked || !chain.plan) {
      delete evaluated[slot];
      post({ ...base, data, ...(measured ? { measured } : {}), blocked: chain.blocked ?? "Målingen kunne ikke regnes.", ms: performance.now() - started });
      return;
    }
    source = chain.plan;
  } else {
    for (const schema of source.data) {
      const { status, table } = tableFor(schema.name, schema);
      data.push(status);
      if (table) tables[schema.name] = table;
    }
  }
  const plan: Plan = request.ignoreInForce ? { ...source, inForce: {} } : source;
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
    JSON.stringify(state.measurements ?? [], (k, v) => (k === "source" ? undefined : v)) +
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
  // With a måling in the editor its own limits come first (as `måling:FELT`), then those of the policy that reads its table.
  const measuring = lastMeasured[slot];
  const limits = [
    ...(measuring ? measurementRules(measuring.plan).map((r) => ({ ...r, name: `${MEASURED}${r.name}` })) : []),
    ...sweepableRules(plan),
  ].flatMap((rule) => rule.limits.map((l) => ({ rule: rule.name, title: rule.title, ...l })));
  const policy: PolicyInfo = {
    title: plan.title,
    ...(plan.machine ? { machine: { start: plan.machine.start, states: plan.machine.states.map((st) => ({ name: st.name, title: st.title })) } } : {}),
  };
  post({
    ...base,
    data,
    limits,
    counted: countedOf(plan).label,
    policy,
    // Plain objects: a structured clone carries no getters (runtime RunEvent).
    events: last.events.map(canonicalEvent),
    ...(measured ? { measured } : {}),
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
  if (state.measurements && !hasErrors(state.diagnostics)) {
    // A `måling`'s examples: person rows in, the measured table's rows expected (as `tilsyn test`).
    for (const result of runMeasurementExamples(state.ast, state.measurements, request.file)) {
      examples.push({
        line: result.line,
        title: result.title,
        ok: result.ok,
        problems: result.error
          ? [`Eksemplet kunne ikke køres: ${result.error}`]
          : result.expectations.filter((e) => !e.ok).map((e) => `linje ${e.line}: ${e.text} – ${e.actual ?? "passer ikke"}`),
      });
    }
  } else if (state.plan && !hasErrors(state.diagnostics)) {
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
        personCache.clear();
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
        const counted = countedOf(last.plan);
        const measuring = lastMeasured[message.slot];
        const field = message.rule.startsWith(MEASURED) ? message.rule.slice(MEASURED.length) : undefined;
        const { years, rows } =
          field !== undefined && measuring
            ? // A limit of the måling: measure again with it, and evaluate the reading policy on the new table.
              sweepRows(message.values, measurementRules(measuring.plan).find((r) => r.name === field)?.limits[message.index - 1]?.written ?? "", counted, (value) => {
                const plan = withMeasurementLimit(measuring.plan, field, message.index, value);
                const { table } = measureLoaded(plan, measureCodeFor(plan), measuring.tables, measuring.persons);
                const { lagMonths: _lag, fixedPublication: _fixed, ...schema } = last.plan.data.find((d) => d.name === plan.name)!;
                const loaded = table ? loadMeasured(table, `${plan.name} (målt af ${measuring.file})`, schema) : undefined;
                if (!loaded?.table) throw new Error("målingen med den ændrede grænse gav ingen tabel");
                return evaluate([last.plan], { ...last.tables, [plan.name]: loaded.table }, { ...last.options, kommuneNames }).events;
              })
            : sweepRows(message.values, limitsOf(last.plan, message.rule)?.[message.index - 1]?.written ?? "", counted, (value) =>
                evaluate([withLimit(last.plan, message.rule, message.index, value)], last.tables, { ...last.options, kommuneNames }).events,
              );
        post({ type: "sweep", slot: message.slot, rule: message.rule, index: message.index, counted: counted.label, years, rows, ms: performance.now() - started });
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
    case "explain-measured": {
      // The counts behind one measured month: the same measurement again with the collector on,
      // as `tilsyn explain` runs it.
      const last = lastMeasured[message.slot];
      const name = kommuneNames.get(message.kommune) ?? message.kommune;
      let text = "Ret målingen, så der er en tabel at forklare.";
      if (last) {
        const months = new Set([message.month]);
        const { table } = measureLoaded(last.plan, measureCodeFor(last.plan), last.tables, last.persons, { kommune: message.kommune, months });
        if (table) text = formatMeasureExplanation(explainMeasurement(last.file, last.plan, table, table.inspected ?? [], message.kommune, monthText(message.month), [message.month]), name);
      }
      post({ type: "explain-measured", slot: message.slot, kommune: message.kommune, month: message.month, text });
      break;
    }
    case "save-example": {
      const last = evaluated[message.slot];
      const state = compiled[message.slot];
      const answer = { type: "save-example" as const, slot: message.slot, kommune: message.kommune, period: message.period };
      if (state?.measurements) {
        post({ ...answer, error: "«Gem som eksempel» virker ikke for en måling endnu: eksemplet skulle have persondata." });
        break;
      }
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
