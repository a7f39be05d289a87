// What `check`, `compile`, `run` and `diff` do. Loaded by cli/main.ts only when one of them runs,
// so `tilsyn --help`, usage errors and `tilsyn fmt` start without the compiler, the engine and the
// data loaders.

import { existsSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { checkPolicy, emitHistoryTypeScript, emitTypeScript, type CheckedPolicy } from "../compiler/index.js";
import { hasErrors, problem, renderDiagnostic, renderDiagnostics, type Diagnostic } from "../diagnostics/index.js";
import { EvaluationError } from "../runtime/engine.js";
import { evaluateCompiled } from "../compiler/emit-criteria.js";
import { emitMeasureTypeScript } from "../compiler/emit-measure-module.js";
import type { LoadResult } from "../load/csv.js";
import { readTableFile } from "./data-file.js";
import { loadXlsx } from "../load/xlsx.js";
import { parseKommuner } from "../load/kommuner.js";
import { parseMonth, formatMonth } from "../runtime/calendar.js";
import type { Plan } from "../runtime/plan.js";
import type { PolicyEvent } from "../runtime/events.js";
import type { PolicyFile } from "../grammar/ast.js";
import { nameRecord, type Table } from "../runtime/table.js";
import { checkDataFolder, expandPolicyFiles, GENERATED_MARK, mayReplace, packageRoot, prepareOutputFolder, readBytes, readText, UserError, writeTextAtomic } from "./io.js";
import { diffVariants, formatDiffMarkdown, formatDiffTable } from "./diff.js";
import { loadSuites } from "./test.js";
import { analyseVersions } from "../compiler/analyse.js";
import type { MeasurePlan } from "../runtime/measure-plan.js";
import { formatCsv, formatJson, formatMarkdown, formatSummary, formatTable, type Format } from "./report.js";
import type { Io } from "./main.js";

// ---------------------------------------------------------------------------------------------
// Shared steps

interface Compiled {
  file: string;
  source: string;
  /** The syntax tree checkPolicy() built (of the NFC-normalised source). */
  ast: PolicyFile;
  plan?: Plan;
  /** The file's `måling` blocks (cli/measure.ts runs them). */
  measurements?: MeasurePlan[];
  /** The file's diagnostics but the static analysis (T01–T03): what every command prints. */
  diagnostics: Diagnostic[];
  /** The static analysis (T05xx): what `tilsyn check` adds. */
  analysis: Diagnostic[];
}

/** A file checked by checkPolicy, its diagnostics but the static analysis printed. */
function admit(checked: CheckedPolicy, source: string, io: Io): Compiled {
  const analysis = new Set(checked.analysis);
  const diagnostics = checked.diagnostics.filter((d) => !analysis.has(d));
  io.stderr(renderDiagnostics(diagnostics, checked.text));
  return { file: checked.file, source, ast: checked.ast, diagnostics, analysis: checked.analysis, ...(checked.plan ? { plan: checked.plan } : {}), ...(checked.measurements ? { measurements: checked.measurements } : {}) };
}

/** Check each policy file once (checkPolicy) and print its diagnostics but the static analysis. */
async function compileFiles(files: string[], io: Io): Promise<Compiled[]> {
  if (files.length === 0) throw new UserError(problem("T0405", {}), 2);
  const out: Compiled[] = [];
  for (const file of await expandPolicyFiles(files)) {
    const source = await readText(file);
    out.push(admit(checkPolicy(source, file), source, io));
  }
  return out;
}

function summariseDiagnostics(compiled: Compiled[], io: Io): boolean {
  const all = compiled.flatMap((c) => c.diagnostics);
  const errors = all.filter((d) => d.severity === "fejl").length;
  const warnings = all.length - errors;
  if (errors) io.stderr(`${errors} ${errors === 1 ? "fejl" : "fejl"}${warnings ? ` og ${warnings} ${warnings === 1 ? "advarsel" : "advarsler"}` : ""}. Ret fejlene og prøv igen.\n`);
  return errors > 0;
}

/** Files of the same policy must not be in force at the same time (one history, one rule set). */
function checkOverlaps(plans: Plan[]): void {
  for (let i = 0; i < plans.length; i++) {
    for (let j = i + 1; j < plans.length; j++) {
      const a = plans[i]!;
      const b = plans[j]!;
      if (a.name !== b.name) continue;
      const aFrom = a.inForce.from ?? "0000-00-00";
      const aTo = a.inForce.to ?? "9999-99-99";
      const bFrom = b.inForce.from ?? "0000-00-00";
      const bTo = b.inForce.to ?? "9999-99-99";
      if (aFrom <= bTo && bFrom <= aTo) {
        const overlap = { from: aFrom > bFrom ? aFrom : bFrom, to: aTo < bTo ? aTo : bTo };
        throw new UserError(problem("T0406", { a: a.file, b: b.file, name: a.name, ...overlap }), 1);
      }
    }
  }
}

async function loadKommuner(path: string | undefined): Promise<{ codes: Set<string>; names: Map<string, string> }> {
  const file = path ?? join(packageRoot, "data", "kommuner.csv");
  const text = await readText(file);
  const { kommuner, diagnostics } = parseKommuner(text, file);
  if (diagnostics.length) throw new UserError(renderDiagnostics(diagnostics, text).trimEnd(), 2);
  return { codes: new Set(kommuner.map((k) => k.kode)), names: new Map(kommuner.map((k) => [k.kode, k.navn])) };
}

async function loadData(plans: Plan[], dir: string, codes: ReadonlySet<string>, io: Io, given: Record<string, Table> = {}): Promise<Record<string, Table>> {
  await checkDataFolder(dir);
  const tables = nameRecord<Table>();
  Object.assign(tables, given);
  let failed = false;
  for (const plan of plans) {
    for (const schema of plan.data) {
      if (tables[schema.name]) continue;
      const file = join(dir, `${schema.name}.csv`);
      // The same data from Excel: <data>.xlsx, never both.
      const workbook = join(dir, `${schema.name}.xlsx`);
      if (existsSync(workbook)) {
        if (existsSync(file)) throw new UserError(problem("T0419", { data: schema.name, csv: file, xlsx: workbook }), 2);
        const loaded = await loadXlsx(await readBytes(workbook), workbook, schema, codes);
        io.stderr(renderDiagnostics(loaded.diagnostics));
        if (!loaded.table) failed = true;
        else tables[schema.name] = loaded.table;
        continue;
      }
      let result: LoadResult;
      try {
        result = await readTableFile(file, schema, codes, io.terminal);
      } catch (error) {
        if (error instanceof UserError) {
          throw new UserError(problem("T0407", { policy: plan.file, data: schema.name, file, dir }), 2);
        }
        throw error;
      }
      io.stderr(renderDiagnostics(result.diagnostics, result.lines));
      if (!result.table) failed = true;
      else tables[schema.name] = result.table;
    }
  }
  if (failed) throw new UserError("Datafilerne har fejl (se ovenfor). Ret dem og prøv igen.", 2);
  return tables;
}

/** Evaluate the compiled plans; a problem with the inputs is the user's (T0409), never a stack trace. */
function evaluateForUser(plans: Plan[], tables: Record<string, Table>, options: Parameters<typeof evaluateCompiled>[2]): PolicyEvent[] {
  try {
    return evaluateCompiled(plans, tables, options).events;
  } catch (error) {
    if (error instanceof EvaluationError) throw new UserError(problem("T0409", { detail: error.message }), 2);
    throw error;
  }
}

function monthOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const m = parseMonth(value);
  if (m === undefined) throw new UserError(problem("T0408", { flag, value }), 2);
  return m;
}

// ---------------------------------------------------------------------------------------------
// Commands

export async function runCheck(files: string[], io: Io): Promise<number> {
  if (files.length === 0) throw new UserError(problem("T0405", {}), 2);
  // Files that hold only examples (`eksempler til "…"`) are checked against the policy they name.
  const exampleFiles: string[] = [];
  const compiled: Compiled[] = [];
  for (const file of await expandPolicyFiles(files)) {
    const source = await readText(file);
    const checked = checkPolicy(source, file);
    if (checked.examplesOnly) exampleFiles.push(file);
    else compiled.push(admit(checked, source, io));
  }
  // Static analysis (T05xx) of the files without errors, and holes between versions of a policy.
  const analysed: Diagnostic[] = [];
  for (const c of compiled) {
    io.stderr(renderDiagnostics(c.analysis, c.source.normalize("NFC")));
    analysed.push(...c.analysis);
  }
  const versions = analyseVersions(compiled.filter((c) => c.plan).map((c) => ({ ast: c.ast, file: c.file })));
  for (const d of versions) io.stderr(`${renderDiagnostic(d, compiled.find((c) => c.file === d.file)!.source.normalize("NFC"))}\n\n`);
  let exampleErrors = 0;
  let exampleWarnings = 0;
  if (exampleFiles.length) {
    const { suites, errors } = await loadSuites(exampleFiles, io);
    exampleErrors = errors;
    exampleWarnings = suites.flatMap((s) => s.diagnostics).filter((d) => d.severity !== "fejl").length;
  }
  const policyErrors = summariseDiagnostics(compiled, io);
  if (policyErrors || exampleErrors) {
    if (!policyErrors) io.stderr(`${exampleErrors} fejl. Ret fejlene og prøv igen.\n`);
    return 1;
  }
  const plans = compiled.map((c) => c.plan!);
  checkOverlaps(plans);
  const warnings = compiled.reduce((n, c) => n + c.diagnostics.length, 0) + analysed.length + versions.length + exampleWarnings;
  const count = compiled.length + exampleFiles.length;
  const noun = exampleFiles.length ? (count === 1 ? "fil" : "filer") : count === 1 ? "politik" : "politikker";
  io.stdout(`${count} ${noun} uden fejl${warnings ? ` (${warnings} ${warnings === 1 ? "advarsel" : "advarsler"})` : ""}.\n`);
  return 0;
}

export async function runCompile(files: string[], options: { out: string; historik?: boolean }, io: Io): Promise<number> {
  const compiled = await compileFiles(files, io);
  if (summariseDiagnostics(compiled, io)) return 1;
  // Modules and the files beside them; nothing is written until every one of them can be.
  const outputs: { path: string; text: string }[] = [];
  const names: string[] = [];
  let single = compiled;
  if (options.historik) {
    // Files of the same policy become one module, evaluated as one history (as `run` does). A
    // file with a måling is measured, as `run` does, and stays a module of its own.
    const policies = compiled.filter((c) => !c.measurements?.length);
    const byName = new Map<string, Plan[]>();
    for (const c of policies) byName.set(c.plan!.name, [...(byName.get(c.plan!.name) ?? []), c.plan!]);
    checkOverlaps(policies.map((c) => c.plan!));
    for (const [name, plans] of byName) {
      if (plans.length < 2) continue;
      const module = `${historyModuleName(name)}.ts`;
      outputs.push({ path: join(options.out, module), text: emitHistoryTypeScript(plans) });
      names.push(module);
    }
    single = compiled.filter((c) => c.measurements?.length || policies.filter((d) => d.plan!.name === c.plan!.name).length === 1);
  }
  // One module per file name: two files with the same name would write one module (compared
  // without case, as on case-insensitive file systems). The same file given twice is one.
  const byModule = new Map<string, Compiled>();
  for (const c of single) {
    const module = moduleName(c.file);
    const other = byModule.get(module.toLowerCase());
    if (other && resolve(other.file) !== resolve(c.file)) throw new UserError(problem("T0416", { a: other.file, b: c.file, module }), 2);
    if (names.some((n) => n.toLowerCase() === module.toLowerCase())) throw new UserError(problem("T0416", { a: c.file, b: `historikken ${module}`, module }), 2);
    byModule.set(module.toLowerCase(), c);
  }
  // The modules import the runtime from the npm package (`tilsyn/runtime`): no copy of it is written.
  for (const c of byModule.values()) {
    // A file with a måling measures (as `tilsyn run` reads it): its module runs the measurement.
    const text = c.measurements?.length ? emitMeasureTypeScript(c.file, c.measurements) : emitTypeScript(c.plan!);
    outputs.push({ path: join(options.out, moduleName(c.file)), text });
    names.push(moduleName(c.file));
  }
  // So that `npx tsc -p DIR` checks the modules strictly with the settings they need (ES2022 for bigint).
  outputs.push({ path: join(options.out, "tsconfig.json"), text: `${GENERATED_MARK}, for \`npx tsc -p\` on this folder.\n${JSON.stringify(GENERATED_TSCONFIG, null, 2)}\n` });
  // JSON without comments: ours when it is exactly this.
  outputs.push({ path: join(options.out, "package.json"), text: `${JSON.stringify({ type: "module", private: true }, null, 2)}\n` });
  // Nothing is written unless every file can be: the folder is writable and no file is the user's.
  await prepareOutputFolder(options.out);
  for (const o of outputs) {
    if (!(await mayReplace(o.path, o.text))) throw new UserError(problem("T0417", { path: o.path }), 2);
  }
  for (const o of outputs) await writeTextAtomic(o.path, o.text);
  io.stdout(`Skrev ${names.join(", ")} til ${options.out}. Modulerne importerer tilsyn/runtime, så pakken tilsyn skal være installeret i projektet.\n`);
  return 0;
}

/** The module a policy file compiles to: `policies/jobsoegning.tilsyn` → `jobsoegning.ts`. */
const moduleName = (file: string): string => `${basename(file, ".tilsyn")}.ts`;

/** The file name of a history's module: the policy's name in ASCII, `tidlig_indsats` → `tidlig-indsats`. */
function historyModuleName(name: string): string {
  return name
    .replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa").replace(/Æ/g, "Ae").replace(/Ø/g, "Oe").replace(/Å/g, "Aa")
    .normalize("NFD").replace(/[^A-Za-z0-9_-]/g, "").replace(/_+/g, "-").toLowerCase() || "politik";
}

const GENERATED_TSCONFIG = {
  compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: true, lib: ["ES2022"] },
  include: ["*.ts"],
};

export interface RunOptions {
  data: string;
  fra?: string;
  til?: string;
  format: Format;
  opsummering?: boolean;
  kommuner?: string;
  allePerioder?: boolean;
}

export async function runRun(files: string[], options: RunOptions, io: Io): Promise<number> {
  const all = await compileFiles(files, io);
  if (summariseDiagnostics(all, io)) return 1;
  // A `måling` measures person data into a table (cli/measure.ts): printed, or fed to the others.
  const measuring = all.filter((c) => c.measurements?.length);
  const compiled = all.filter((c) => !c.measurements?.length);
  const plans = compiled.map((c) => c.plan!);
  if (!options.allePerioder) checkOverlaps(plans);
  const fromMonth = monthOption(options.fra, "--fra");
  const toMonth = monthOption(options.til, "--til");
  const { codes, names } = await loadKommuner(options.kommuner);
  let measured: Record<string, Table> = {};
  if (measuring.length) {
    const { runMeasurements } = await import("./measure.js");
    const result = await runMeasurements(measuring, plans, options, codes, io);
    if (result.printed) return 0;
    measured = result.tables;
  }
  const tables = await loadData(plans, options.data, codes, io, measured);
  const events = evaluateForUser(plans, tables, { fromMonth, toMonth, kommuneNames: names, ignoreInForce: options.allePerioder ?? false });
  const input = { plans, events, kommuneNames: names };
  if (options.opsummering) {
    const period = `${fromMonth !== undefined ? formatMonth(fromMonth) : "start"} til ${toMonth !== undefined ? formatMonth(toMonth) : "slut"}`;
    io.stdout(formatSummary(input, period));
    return 0;
  }
  const render = { table: formatTable, json: formatJson, csv: formatCsv, md: formatMarkdown }[options.format];
  io.stdout(render(input));
  return 0;
}

export interface DiffOptions {
  data: string;
  fra?: string;
  til?: string;
  format: "table" | "json" | "md";
  kommuner?: string;
}

export async function runDiff(a: string, b: string, options: DiffOptions, io: Io): Promise<number> {
  const compiled = await compileFiles([a, b], io);
  if (summariseDiagnostics(compiled, io)) return 1;
  const plans = compiled.map((c) => c.plan!);
  const fromMonth = monthOption(options.fra, "--fra");
  const toMonth = monthOption(options.til, "--til");
  const { codes, names } = await loadKommuner(options.kommuner);
  const tables = await loadData(plans, options.data, codes, io);
  // Variants are compared on the same data: each is evaluated as if it were in force throughout.
  const results = plans.map((plan) => evaluateCompiled([plan], tables, { fromMonth, toMonth, kommuneNames: names, series: true, ignoreInForce: true }));
  if (fromMonth !== undefined || toMonth !== undefined) {
    for (const r of results) r.series = r.series?.filter((p) => {
      const m = Number(p.date.slice(0, 4)) * 12 + Number(p.date.slice(5, 7)) - 1;
      return (fromMonth === undefined || m >= fromMonth) && (toMonth === undefined || m <= toMonth);
    });
  }
  const report = diffVariants(
    { label: "A", file: compiled[0]!.file, plan: plans[0]!, result: results[0]! },
    { label: "B", file: compiled[1]!.file, plan: plans[1]!, result: results[1]! },
    names,
  );
  io.stdout(options.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : options.format === "md" ? formatDiffMarkdown(report) : formatDiffTable(report));
  return 0;
}

export interface ExplainOptions {
  data: string;
  kommune: string;
  periode: string;
  format: "table" | "json";
  kommuner?: string;
  allePerioder?: boolean;
  /** With a `måling`: explain this person's months too (`--person`). */
  person?: string;
}

/** `tilsyn explain`: why a kommune was (not) contacted on the data for one period. */
export async function runExplain(files: string[], options: ExplainOptions, io: Io): Promise<number> {
  if (!/^\d{4}(-(0[1-9]|1[0-2]|H[12]))?$/.test(options.periode)) throw new UserError(problem("T0434", { value: options.periode }), 2);
  const all = await compileFiles(files, io);
  if (summariseDiagnostics(all, io)) return 1;
  // A `måling` is measured first, with the counts behind the kommune's rows kept (cli/measure.ts).
  const measuring = all.filter((c) => c.measurements?.length);
  const plans = all.filter((c) => !c.measurements?.length).map((c) => c.plan!);
  if (!options.allePerioder) checkOverlaps(plans);
  const { codes, names } = await loadKommuner(options.kommuner);
  if (!codes.has(options.kommune)) throw new UserError(problem("T0433", { value: options.kommune }), 2);
  const kommuneName = names.get(options.kommune) ?? options.kommune;
  let measured: Record<string, Table> = {};
  let measurements: import("../compiler/explain-measure.js").MeasureExplanation[] = [];
  if (measuring.length) {
    const { explainMeasurements } = await import("./measure.js");
    ({ tables: measured, explanations: measurements } = await explainMeasurements(measuring, plans, options, codes, io));
  }
  const { formatMeasureExplanation } = await import("../compiler/explain-measure.js");
  const measuredText = measurements.map((m) => formatMeasureExplanation(m, kommuneName)).join("\n");
  if (plans.length === 0) {
    io.stdout(options.format === "json" ? `${JSON.stringify({ kommune: options.kommune, period: options.periode, units: [], events: [], measurements }, null, 2)}\n` : measuredText);
    return 0;
  }
  const tables = await loadData(plans, options.data, codes, io, measured);
  const events = evaluateForUser(plans, tables, { kommuneNames: names, ignoreInForce: options.allePerioder ?? false });
  const { explainPeriod, formatExplanation } = await import("../compiler/explain.js");
  const explanation = explainPeriod(plans, tables, events, options.kommune, options.periode, { allPeriods: options.allePerioder ?? false });
  if (options.format === "json") io.stdout(`${JSON.stringify(measurements.length ? { ...explanation, measurements } : explanation, null, 2)}\n`);
  else io.stdout(formatExplanation(explanation, kommuneName) + (measuredText ? `\n${measuredText}` : ""));
  return 0;
}

export interface SweepOptions {
  data: string;
  regel: string;
  graense?: string;
  vaerdier: string;
  trin?: string;
  format: "table" | "csv" | "json";
  kommuner?: string;
}

/**
 * `tilsyn sweep`: the policy's actions (contacts, or changes out of the start state) and kommuner
 * per year for a range of values of one limit of one rule. Given a `måling` before the policy that
 * reads its table, the rule may also be one of the måling's table fields: each value is then
 * measured again from the person files, loaded once.
 */
export async function runSweep(files: string[], options: SweepOptions, io: Io): Promise<number> {
  const { countedOf, limitsOf, measurementRules, sweepableRules, sweepRows, sweepValues, withLimit, withMeasurementLimit } = await import("../compiler/sweep.js");
  const all = await compileFiles(files, io);
  if (summariseDiagnostics(all, io)) return 1;
  const measuring = all.filter((c) => c.measurements?.length);
  const policies = all.filter((c) => !c.measurements?.length);
  const measurements = measuring.flatMap((c) => c.measurements ?? []);
  if (policies.length !== 1 || measurements.length > 1) throw new UserError(problem("T0447", { policies: String(policies.length), measurements: String(measurements.length) }), 2);
  const plan = policies[0]!.plan!;
  const measurement = measurements[0];
  const ownRules = measurement ? measurementRules(measurement) : [];
  const own = ownRules.find((r) => r.name === options.regel);
  const limits = own ? own.limits : limitsOf(plan, options.regel);
  const rules = [...ownRules.map((r) => r.name), ...sweepableRules(plan).map((r) => r.name)];
  if (!limits) throw new UserError(problem("T0435", { rule: options.regel, rules: rules.map((r) => `\`${r}\``).join(", ") }), 2);
  const list = limits.map((l) => `${l.index}: ${l.text}`).join("; ");
  if (limits.length === 0) throw new UserError(problem("T0436", { rule: options.regel }), 2);
  const index = options.graense === undefined ? 1 : Number(options.graense);
  if (options.graense === undefined && limits.length > 1) throw new UserError(problem("T0437", { rule: options.regel, limits: list }), 2);
  const limit = limits[index - 1];
  if (!limit || !Number.isInteger(index)) throw new UserError(problem("T0437", { rule: options.regel, limits: list }), 2);
  const values = sweepValues(options.vaerdier, options.trin);
  if (!values) throw new UserError(problem("T0438", { value: options.vaerdier }), 2);
  const { codes, names } = await loadKommuner(options.kommuner);
  let evaluateAt: (value: string) => readonly PolicyEvent[];
  if (measurement) {
    const { measuringAgain } = await import("./measure.js");
    const again = await measuringAgain(measuring[0]!.file, measurement, plan, options.data, codes, io);
    const tables = await loadData([plan], options.data, codes, io, { [measurement.name]: again(measurement) });
    evaluateAt = own
      ? (value) => evaluateForUser([plan], { ...tables, [measurement.name]: again(withMeasurementLimit(measurement, options.regel, index, value)) }, { kommuneNames: names })
      : (value) => evaluateForUser([withLimit(plan, options.regel, index, value)], tables, { kommuneNames: names });
  } else {
    const tables = await loadData([plan], options.data, codes, io);
    evaluateAt = (value) => evaluateForUser([withLimit(plan, options.regel, index, value)], tables, { kommuneNames: names });
  }
  const counted = countedOf(plan);
  const { years, rows } = sweepRows(values, limit.written, counted, evaluateAt);
  const unit = limit.percent ? " %" : "";
  if (options.format === "json") {
    io.stdout(`${JSON.stringify({ policy: plan.name, rule: options.regel, limit: limit.text, counted: counted.label, years, rows }, null, 2)}\n`);
    return 0;
  }
  if (options.format === "csv") {
    const header = ["graense", ...years.flatMap((y) => [`${counted.column}_${y}`, `kommuner_${y}`]), `${counted.column}_i_alt`];
    const lines = rows.map((r) => [`"${r.value}"`, ...years.flatMap((y) => [String(r.contacts[y] ?? 0), String(r.kommuner[y] ?? 0)]), String(r.total)].join(","));
    io.stdout(`${[header.join(","), ...lines].join("\n")}\n`);
    return 0;
  }
  const head = ["Grænse", ...years, "I alt"];
  const body = rows.map((r) => [
    `${r.value}${unit}${r.current ? " *" : ""}`,
    ...years.map((y) => `${r.contacts[y] ?? 0} (${r.kommuner[y] ?? 0})`),
    String(r.total),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  io.stdout(
    [
      `${plan.title}: «${options.regel}», grænsen ${limit.text}`,
      `${counted.label[0]!.toUpperCase()}${counted.label.slice(1)} pr. år (antal kommuner i parentes); * er politikkens egen grænse.`,
      "",
      line(head),
      line(widths.map((w) => "-".repeat(w))),
      ...body.map(line),
      "",
    ].join("\n"),
  );
  return 0;
}
