// `tilsyn test FILE…`: run the examples written in policy files (and in files of examples next to
// them), report what was expected and what happened, and the rule coverage.
//
// A policy file's own `eksempel` blocks run with that file alone. A file of examples
// (`eksempler til "a.tilsyn", "b.tilsyn"`, or `x.test.tilsyn` for `x.tilsyn`) runs with the policy
// files it names, as one history. Coverage is counted per policy file over every example run.

import { basename, dirname, join, resolve } from "node:path";
import type { PolicyFile } from "../grammar/ast.js";
import { checkPolicy, isExamplesOnly, type CheckedPolicy } from "../compiler/index.js";
import { diagnostic, hasErrors, problem, renderDiagnostics, sortDiagnostics, type Diagnostic } from "../diagnostics/index.js";
import { checkExamples, exampleScope } from "../compiler/examples.js";
import { Coverage, eventLine, missingText, runSuite, type CoverageReport, type ExampleResult, type ExampleSuite } from "../compiler/runner.js";
import { runMeasurementExamples } from "../compiler/measure-examples.js";
import { expandPolicyFiles, readText, UserError } from "./io.js";
import type { Io } from "./main.js";

export interface TestOptions {
  filter?: string;
  format: "table" | "json";
  coverageMin?: string;
}

interface Loaded {
  file: string;
  source: string;
  result: CheckedPolicy;
}

/** The policy files a file of examples is about, as paths. */
export function examplesTargets(ast: PolicyFile, file: string): string[] | undefined {
  if (ast.examplesFor) return ast.examplesFor.files.map((f) => join(dirname(file), f.value));
  const name = basename(file);
  if (name.endsWith(".test.tilsyn")) return [join(dirname(file), `${name.slice(0, -".test.tilsyn".length)}.tilsyn`)];
  return undefined;
}

/** Build the suites for the files given (policy files and files of examples). */
export async function loadSuites(files: string[], io: Io): Promise<{ suites: ExampleSuite[]; errors: number }> {
  const cache = new Map<string, Loaded>();
  const load = async (file: string): Promise<Loaded> => {
    const key = resolve(file);
    const hit = cache.get(key);
    if (hit) return hit;
    const source = await readText(file);
    const loaded = { file, source, result: checkPolicy(source, file) };
    cache.set(key, loaded);
    return loaded;
  };
  const suites: ExampleSuite[] = [];
  let errors = 0;
  const show = (list: Diagnostic[], source: string) => {
    io.stderr(renderDiagnostics(list, source.normalize("NFC")));
    errors += list.filter((d) => d.severity === "fejl").length;
  };
  for (const file of await expandPolicyFiles(files)) {
    const loaded = await load(file);
    const { source, result: parsed } = loaded;
    if (parsed.examplesOnly && !hasErrors(parsed.diagnostics)) {
      const targets = examplesTargets(parsed.ast, file);
      const at = parsed.ast.examplesFor?.span ?? parsed.ast.span;
      if (!targets) {
        show([diagnostic("T0238", file, { start: at.start, end: at.start }, {})], source);
        continue;
      }
      const compiled: { ast: PolicyFile; plan: NonNullable<CheckedPolicy["plan"]> }[] = [];
      let failed = false;
      for (const target of targets) {
        let loaded: Loaded;
        try {
          loaded = await load(target);
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          show([diagnostic("T0239", file, at, { name: basename(target), path: target })], source);
          failed = true;
          continue;
        }
        if (!loaded.result.plan) {
          show([diagnostic("T0240", file, at, { name: basename(target), path: target })], source);
          failed = true;
          continue;
        }
        compiled.push({ ast: loaded.result.ast, plan: loaded.result.plan });
      }
      if (failed) continue;
      const checked = checkExamples(parsed.ast.examples ?? [], exampleScope(compiled.map((c) => c.ast)), file);
      show(sortDiagnostics([...parsed.diagnostics, ...checked.diagnostics]), source);
      suites.push({ file, plans: compiled.map((c) => c.plan), prepared: checked.prepared, diagnostics: checked.diagnostics });
      continue;
    }
    show(parsed.diagnostics.filter((d) => d.severity === "fejl"), source);
    if (!parsed.plan) continue;
    const measurements = parsed.measurements;
    suites.push({
      file,
      plans: [parsed.plan],
      prepared: parsed.examples,
      diagnostics: parsed.diagnostics.filter((d) => !parsed.analysis.includes(d)),
      ...(measurements ? { measured: (filter?: string) => runMeasurementExamples(parsed.ast, measurements, file, filter) } : {}),
    });
  }
  return { suites, errors };
}

/** 97,5 (one decimal, Danish comma). */
export const percentText = (p: number): string => (Math.floor(p * 10) / 10).toFixed(1).replace(".", ",");

export async function runTest(files: string[], options: TestOptions, io: Io): Promise<number> {
  if (files.length === 0) throw new UserError(problem("T0405", {}), 2);
  let min: number | undefined;
  if (options.coverageMin !== undefined) {
    min = Number(options.coverageMin.replace(",", "."));
    if (!Number.isFinite(min) || min < 0 || min > 100) {
      throw new UserError(problem("T0411", { value: options.coverageMin }), 2);
    }
  }
  const { suites, errors } = await loadSuites(files, io);
  const coverage = new Coverage();
  const results = suites.map((suite) => ({ suite, results: runSuite(suite, coverage, options.filter) }));
  const report = coverage.report();
  const all = results.flatMap((r) => r.results);
  const failed = all.filter((r) => !r.ok).length;
  const belowMin = min !== undefined && report.percent < min;

  if (options.format === "json") io.stdout(`${JSON.stringify(jsonReport(results, report, errors, min), null, 2)}\n`);
  else io.stdout(textReport(results, report, options.filter, min));

  if (errors > 0) {
    io.stderr(`${errors} fejl. Ret fejlene og prøv igen.\n`);
    return 1;
  }
  if (all.length === 0 && options.filter) {
    io.stderr(`Ingen eksempler har «${options.filter}» i titlen.\n`);
    return 1;
  }
  return failed > 0 || belowMin ? 1 : 0;
}

function textReport(groups: { suite: ExampleSuite; results: ExampleResult[] }[], coverage: CoverageReport, filter: string | undefined, min: number | undefined): string {
  const out: string[] = [];
  for (const { suite, results } of groups) {
    if (results.length === 0) continue;
    out.push(suite.file);
    for (const r of results) {
      out.push(`  ${r.ok ? "✓" : "✗"} ${r.title} (linje ${r.line})`);
      if (r.ok) continue;
      if (r.source) out.push(`      kilde: ${r.source}`);
      if (r.error) out.push(`      fejl under kørslen: ${r.error}`);
      for (const e of r.expectations) {
        if (e.ok) continue;
        out.push(`      forventede (linje ${e.line}): ${e.text}`);
        out.push(`      men: ${e.actual}`);
      }
      out.push(r.events.length ? "      hændelserne i eksemplet:" : "      eksemplet gav ingen hændelser.");
      for (const ev of r.events.slice(0, 20)) out.push(`        ${eventLine(ev)}`);
      if (r.events.length > 20) out.push(`        … og ${r.events.length - 20} flere.`);
    }
    out.push("");
  }
  const all = groups.flatMap((g) => g.results);
  const passed = all.filter((r) => r.ok).length;
  const failed = all.length - passed;
  out.push(
    `${all.length} ${all.length === 1 ? "eksempel" : "eksempler"}${filter ? ` med «${filter}» i titlen` : ""}: ${passed} bestået${failed ? `, ${failed} fejlet` : ""}.`,
  );
  const missing = coverage.items.filter((i) => !i.covered);
  if (coverage.total === 0) return `${out.join("\n")}\n`;
  out.push(`Regeldækning: ${percentText(coverage.percent)} % (${coverage.covered} af ${coverage.total} punkter)${missing.length ? ". Det mangler:" : ": alle kriterier, forudsætninger, gennemgange og overgange er både sande og falske i et eksempel, og hver grænse er ramt præcist."}`);
  for (const item of missing) out.push(`  ${item.file}:${item.line}:${item.column}  ${missingText(item)}`);
  if (min !== undefined && coverage.percent < min) {
    out.push(`Regeldækningen er ${percentText(coverage.percent)} %, men --coverage-min kræver mindst ${String(min).replace(".", ",")} %.`);
  }
  return `${out.join("\n")}\n`;
}

function jsonReport(groups: { suite: ExampleSuite; results: ExampleResult[] }[], coverage: CoverageReport, errors: number, min: number | undefined) {
  const all = groups.flatMap((g) => g.results);
  return {
    passed: all.filter((r) => r.ok).length,
    failed: all.filter((r) => !r.ok).length,
    errors,
    examples: all.map((r) => ({
      file: r.file,
      line: r.line,
      title: r.title,
      ...(r.source ? { source: r.source } : {}),
      ok: r.ok,
      ...(r.error ? { error: r.error } : {}),
      expectations: r.expectations.map((e) => ({ line: e.line, text: e.text, ok: e.ok, ...(e.actual ? { actual: e.actual } : {}) })),
      ...(r.ok ? {} : { events: r.events }),
    })),
    coverage: {
      percent: Math.floor(coverage.percent * 10) / 10,
      covered: coverage.covered,
      total: coverage.total,
      ...(min !== undefined ? { min } : {}),
      missing: coverage.items
        .filter((i) => !i.covered)
        .map((i) => ({ file: i.file, line: i.line, column: i.column, kind: i.kind, name: i.name, need: i.need, text: missingText(i) })),
    },
  };
}
