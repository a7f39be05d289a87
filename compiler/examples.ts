// Examples (`eksempel` blocks): checking them against the policy they are about, and turning their
// tables into the same columnar tables `tilsyn run` loads from CSV.
//
// A table is written with the policy's own names (`kommune`, `maaned`, field names), never with
// the headers of `kolonne "…"`: those belong to the exported file, the table to the policy.
// A table is checked the way a data file is: it is written out as CSV text (one CSV line per row,
// a row with a period range `2023-01..2023-12` repeated once per period) and read by
// load/csv.ts `loadTable`, so the same T03xx messages apply. Their positions are then mapped
// back from the CSV text to the cells of the table in the policy file.
//
// Browser-safe: no Node APIs (the playground checks examples while the user types).

import type { DataDecl, ExampleDecl, ExampleTable, Expectation, MachineDecl, Name, PolicyFile, Span } from "../grammar/ast.js";
import { loadTable, nameList } from "../load/csv.js";
import { nameRecord, type DataSchema, type Table } from "../runtime/table.js";
import { diagnostic, replaceWith, suggest, type Code, type Diagnostic, type Extra, type MessageParams } from "../diagnostics/index.js";
import { KOMMUNE_CODES } from "./kommunekoder.js";
import { dataSchema } from "./schema.js";

/** Most periods one range may expand to (a range of 100 years is a typing error, not an example). */
const MAX_RANGE = 240;

/** What the examples of a file may refer to: the names declared by the policy (or policies) they are about. */
export interface ExampleScope {
  data: Map<string, DataDecl>;
  criteria: Set<string>;
  reviews: Set<string>;
  transitions: Set<string>;
  states: Set<string>;
  deadlines: Set<string>;
  steps: Set<string>;
  cadence?: "månedlig" | "halvårlig" | "årlig";
  /** Every cadence of the files run together (a history of versions may change cadence). */
  cadences: Set<"månedlig" | "halvårlig" | "årlig">;
  grouped: boolean;
  hasMachine: boolean;
}

/** The names a policy declares, for checking examples (several files of one policy merge). */
export function exampleScope(files: PolicyFile[]): ExampleScope {
  const scope: ExampleScope = {
    data: new Map(),
    criteria: new Set(),
    reviews: new Set(),
    transitions: new Set(),
    states: new Set(),
    deadlines: new Set(),
    steps: new Set(),
    grouped: false,
    cadences: new Set(),
    hasMachine: false,
  };
  for (const ast of files) {
    for (const d of ast.declarations) {
      switch (d.kind) {
        case "DataDecl":
          if (!scope.data.has(d.name.text)) scope.data.set(d.name.text, d);
          break;
        case "AssessmentDecl":
          scope.cadence ??= d.cadence.value;
          scope.cadences.add(d.cadence.value);
          if (d.grouping?.mode === "pr") scope.grouped = true;
          break;
        case "CriterionDecl":
          scope.criteria.add(d.name.text);
          break;
        case "ReviewDecl":
          scope.reviews.add(d.name.text);
          break;
        case "ReactionDecl":
          for (const c of d.clauses) if (c.kind === "LadderClause") for (const s of c.steps) scope.steps.add(s.text);
          break;
        case "MachineDecl":
          machineNames(d, scope);
          break;
        default:
          break;
      }
    }
  }
  return scope;
}

function machineNames(m: MachineDecl, scope: ExampleScope): void {
  scope.hasMachine = true;
  scope.states.add(m.start.text);
  for (const s of m.states) {
    scope.states.add(s.name.text);
    for (const d of s.deadlines) scope.deadlines.add(d.name.text);
  }
  for (const t of m.transitions) {
    scope.transitions.add(t.name.text);
    scope.states.add(t.from.text);
    scope.states.add(t.to.text);
  }
}

export interface PreparedExample {
  example: ExampleDecl;
  /** One table per data source of the policy (empty where the example gives no rows). */
  tables: Record<string, Table>;
}

export interface CheckedExamples {
  diagnostics: Diagnostic[];
  /** The examples without errors, ready to run. */
  prepared: PreparedExample[];
}

/** Check examples against the names of `scope`, and build their tables. */
export function checkExamples(examples: readonly ExampleDecl[], scope: ExampleScope, file: string): CheckedExamples {
  const c = new ExampleChecker(scope, file);
  const prepared: PreparedExample[] = [];
  for (const example of examples) {
    const before = c.diagnostics.filter((d) => d.severity === "fejl").length;
    const tables = c.example(example);
    if (tables && c.diagnostics.filter((d) => d.severity === "fejl").length === before) prepared.push({ example, tables });
  }
  return { diagnostics: c.diagnostics, prepared };
}

const SUBJECT_WORD: Record<Expectation["subject"], string> = {
  henvendelse: "en henvendelse",
  redegørelse: "en redegørelse",
  gennemgang: "en gennemgang",
  frist: "en frist",
  tilstand: "en tilstand",
};

class ExampleChecker {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly scope: ExampleScope,
    private readonly file: string,
  ) {}

  private report<C extends Code>(code: C, span: Span, params: MessageParams<C>, extra?: Extra): void {
    this.diagnostics.push(diagnostic(code, this.file, span, params, extra));
  }

  /** `Mente du …?` (with the fix that writes the suggestion at `span`) or the list of what there is. */
  private hint(name: string, span: Span, candidates: Iterable<string>, what: string): { hint: string; extra: Extra } {
    const list = [...candidates];
    const s = suggest(name, list);
    if (s) return { hint: `Mente du \`${s}\`?`, extra: replaceWith(span, s) };
    if (list.length === 0) return { hint: `Politikken har ingen ${what}.`, extra: {} };
    return { hint: `Politikken har ${what}: ${list.slice(0, 8).map((x) => `\`${x}\``).join(", ")}${list.length > 8 ? " …" : ""}.`, extra: {} };
  }

  private name(n: Name | undefined, known: Set<string>, what: string, plural: string): void {
    if (!n || known.has(n.text)) return;
    const { hint, extra } = this.hint(n.text, n.span, known, plural);
    this.report("T0237", n.span, { what, name: n.text, hint }, extra);
  }

  example(example: ExampleDecl): Record<string, Table> | undefined {
    if (example.expectations.length === 0) this.report("T0245", example.title.span, { title: example.title.value });
    for (const e of example.expectations) this.expectation(e);
    const tables = nameRecord<Table>();
    const seen = new Map<string, ExampleTable>();
    let ok = true;
    for (const t of example.tables) {
      const decl = this.scope.data.get(t.data.text);
      if (!decl) {
        const { hint, extra } = this.hint(t.data.text, t.data.span, this.scope.data.keys(), "data");
        this.report("T0234", t.data.span, { name: t.data.text, hint }, extra);
        ok = false;
        continue;
      }
      const earlier = seen.get(t.data.text);
      if (earlier) {
        this.report("T0235", t.data.span, { name: t.data.text }, { related: [{ message: "første tabel", span: earlier.data.span }] });
        ok = false;
        continue;
      }
      seen.set(t.data.text, t);
      const table = this.table(t, decl);
      if (table) tables[t.data.text] = table;
      else ok = false;
    }
    if (!ok) return undefined;
    // Data sources the example gives no rows for are empty: nothing measured.
    for (const [name, decl] of this.scope.data) {
      if (tables[name]) continue;
      const schema = dataSchema(decl, { headers: false });
      const header = ["kommune", schema.grain === "år" ? "aar" : "maaned", ...(schema.group ? [schema.group] : []), ...schema.fields.map((f) => f.name)];
      const loaded = loadTable(`${header.join(",")}\n`, this.file, schema, KOMMUNE_CODES);
      if (!loaded.table) return undefined;
      tables[name] = loaded.table;
    }
    return tables;
  }

  // -------------------------------------------------------------------------------------------
  // Expectations

  private expectation(e: Expectation): void {
    const s = this.scope;
    const none = e.count?.value === 0;
    if (e.subject === "tilstand") {
      if (!s.hasMachine) this.report("T0244", e.span, { what: "tilstand" });
      else this.name(e.name, s.states, "Tilstanden", "tilstandene");
    }
    if (e.subject === "frist") {
      if (!s.hasMachine && !none) this.report("T0244", e.span, { what: "frister" });
      else this.name(e.name, s.deadlines, "Fristen", "fristerne");
    }
    if (e.subject === "gennemgang" && s.reviews.size === 0 && !none) {
      this.report("T0253", e.span, {});
    }
    if ((e.subject === "henvendelse" || e.subject === "redegørelse") && s.criteria.size === 0 && !none) {
      this.report("T0254", e.span, { subject: SUBJECT_WORD[e.subject], word: e.subject });
    }
    if (e.rule) {
      const [known, plural] =
        e.subject === "gennemgang"
          ? [s.reviews, "gennemgangene"]
          : e.subject === "tilstand" || e.subject === "frist"
            ? [s.transitions, "overgangene"]
            : [s.criteria, "kriterierne"];
      this.name(e.rule, known, e.subject === "gennemgang" ? "Gennemgangen" : e.subject === "tilstand" || e.subject === "frist" ? "Overgangen" : "Kriteriet", plural);
    }
    if (e.step) {
      if (e.subject !== "henvendelse") this.report("T0255", e.step.span, {});
      else this.name(e.step, s.steps, "Trinnet", "trinnene på trappen");
    }
    if (e.group && !s.grouped) {
      this.report("T0256", e.group.span, {});
    }
    if (e.kommune && !KOMMUNE_CODES.has(e.kommune.code)) {
      this.report("T0241", e.kommune.span, { code: e.kommune.code });
    }
    if (e.period) {
      const cadence = e.subject === "gennemgang" ? "årlig" : s.cadence;
      const label = e.period.label;
      const fitsCadence = (c: string | undefined) =>
        c === "månedlig" ? /^\d{4}-\d{2}$/.test(label) : c === "halvårlig" ? /^\d{4}-H[12]$/.test(label) : c === "årlig" ? /^\d{4}$/.test(label) : true;
      const fits = e.subject === "gennemgang" ? fitsCadence("årlig") : s.cadences.size ? [...s.cadences].some(fitsCadence) : fitsCadence(cadence);
      if (!fits) {
        const example = cadence === "månedlig" ? "2021-03" : cadence === "halvårlig" ? "2023-H2" : "2023";
        this.report("T0242", e.period.span, { label, cadence: cadence ?? "", example });
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Tables

  private table(t: ExampleTable, decl: DataDecl): Table | undefined {
    const schema = dataSchema(decl, { headers: false });
    const periodColumn = schema.grain === "år" ? "aar" : "maaned";
    const keys = ["kommune", periodColumn, ...(schema.group ? [schema.group] : [])];
    const expected = [...keys, ...schema.fields.map((f) => f.name)];
    const written = t.columns.map((c) => c.text);
    // A table is written by the policy's author, so a column that is not the policy's is an error
    // (in a data file it is only a note, T0332), with the closest name that is not written.
    const absent = expected.filter((n) => !written.includes(n));
    let ok = true;
    for (const c of t.columns) {
      if (expected.includes(c.text)) continue;
      ok = false;
      const close = suggest(c.text, absent);
      this.report(
        "T0303",
        c.span,
        { column: c.text, data: schema.name, expected: nameList(expected) },
        close ? { hint: `mente du \`${close}\`?`, ...replaceWith(c.span, close) } : {},
      );
    }
    // Value columns that are left out are blank (not measured); key columns must be there.
    const filled = absent.filter((n) => !keys.includes(n));
    const kept = t.columns.flatMap((c, i) => (expected.includes(c.text) ? [i] : []));

    let csv = "";
    const cells: { start: number; end: number; line: number; target: Span }[] = [];
    const sourceLine: number[] = [0];
    let csvLine = 0;
    const addLine = (values: { text: string; target: Span }[], line: number) => {
      csvLine++;
      sourceLine[csvLine] = line;
      values.forEach((v, i) => {
        if (i > 0) csv += ",";
        const start = csv.length;
        csv += /[",\n\r]/.test(v.text) ? `"${v.text.replace(/"/g, '""')}"` : v.text;
        cells.push({ start, end: csv.length, line: csvLine, target: v.target });
      });
      csv += "\n";
    };
    const headerSpan: Span = t.columns.length ? { start: t.columns[0]!.span.start, end: t.columns.at(-1)!.span.end } : t.data.span;
    addLine(
      [...kept.map((i) => ({ text: t.columns[i]!.text, target: t.columns[i]!.span })), ...filled.map((f) => ({ text: f, target: headerSpan }))],
      headerSpan.start.line,
    );

    const periodIndex = written.indexOf(periodColumn);
    for (const row of t.rows) {
      if (row.cells.length !== t.columns.length) {
        const many = row.cells.length > t.columns.length;
        const at = many ? row.cells[t.columns.length]! : row.cells.at(-1)!;
        const plural = (n: number) => (n === 1 ? "1 kolonne" : `${n} kolonner`);
        this.report(many ? "T0307" : "T0306", at.span, {
          actual: String(row.cells.length),
          count: plural(t.columns.length),
          column: many ? (written.at(-1) ?? "") : (written[row.cells.length] ?? ""),
        }, { hint: "Hver række skal have én celle pr. kolonne, adskilt af `|`; en tom celle (ikke målt) er blot tom mellem to `|`." });
        ok = false;
        continue;
      }
      let periods: string[] = [""];
      let rowOk = true;
      for (let i = 0; i < row.cells.length; i++) {
        const cell = row.cells[i]!;
        if (!cell.range) continue;
        if (i !== periodIndex) {
          this.report("T0236", cell.span, { text: cell.value, why: `en periode kan kun stå i kolonnen \`${periodColumn}\`` });
          rowOk = false;
          continue;
        }
        const expanded = expand(cell.range.from, cell.range.to, schema.grain);
        if (typeof expanded === "string") {
          this.report("T0236", cell.span, { text: cell.value, why: expanded });
          rowOk = false;
          continue;
        }
        periods = expanded;
      }
      if (!rowOk) {
        ok = false;
        continue;
      }
      for (const period of periods) {
        addLine(
          [
            ...kept.map((i) => {
              const cell = row.cells[i]!;
              return { text: i === periodIndex && cell.range ? period : (cell.text ?? cell.value), target: cell.span };
            }),
            ...filled.map(() => ({ text: "", target: row.span })),
          ],
          row.span.start.line,
        );
      }
    }
    const loaded = loadTable(csv, this.file, schema, KOMMUNE_CODES);
    // A row spanning 12 months is 12 CSV lines: a problem in one of its cells is reported once.
    const reported = new Set<string>();
    for (const d of loaded.diagnostics) {
      // A table without rows is the example's business, not a data file's (T0329 is for files).
      if (d.code === "T0329") continue;
      const mapped = this.mapBack(d, cells, sourceLine, t.span);
      const key = `${mapped.code} ${mapped.span.start.offset} ${mapped.message}`;
      if (reported.has(key)) continue;
      reported.add(key);
      this.diagnostics.push(mapped);
    }
    if (!ok || !loaded.table) return undefined;
    return loaded.table;
  }

  /** A CSV diagnostic, pointed at the cell of the table it is about. */
  private mapBack(d: Diagnostic, cells: { start: number; end: number; line: number; target: Span }[], sourceLine: number[], fallback: Span): Diagnostic {
    const offset = d.span.start.offset;
    let target: Span | undefined;
    for (const c of cells) {
      if (c.line !== d.span.start.line) continue;
      if (c.start <= offset) target = c.target;
      if (offset <= c.end && c.start <= offset) break;
    }
    const message = d.message.replace(/linje (\d+)/g, (_, n: string) => `linje ${sourceLine[Number(n)] ?? n}`);
    // A fix (a column name suggested for an unknown one) moves with the cell it replaces.
    const { fix, ...rest } = d;
    return { ...rest, file: this.file, message, span: target ?? fallback, ...(fix && target ? { fix: { span: target, replacement: fix.replacement } } : {}) };
  }
}

/** The periods of a range `2023-01..2023-12` (or `2020..2023` for annual data), or why not. */
function expand(from: string, to: string, grain: "måned" | "år"): string[] | string {
  if (grain === "år") {
    if (!/^\d{4}$/.test(from) || !/^\d{4}$/.test(to)) return "data er årlige, så perioden skrives som år: `2020..2023`";
    const a = Number(from);
    const b = Number(to);
    if (a > b) return `${from} ligger efter ${to}`;
    if (b - a + 1 > MAX_RANGE) return `perioden er for lang (højst ${MAX_RANGE} år)`;
    return Array.from({ length: b - a + 1 }, (_, i) => String(a + i));
  }
  const m = (s: string) => {
    const x = /^(\d{4})-(\d{2})$/.exec(s);
    return x ? Number(x[1]) * 12 + Number(x[2]) - 1 : undefined;
  };
  const a = m(from);
  const b = m(to);
  if (a === undefined || b === undefined) return "data er månedlige, så perioden skrives som måneder: `2023-01..2023-12`";
  if (a > b) return `${from} ligger efter ${to}`;
  if (b - a + 1 > MAX_RANGE) return `perioden er for lang (højst ${MAX_RANGE} måneder)`;
  return Array.from({ length: b - a + 1 }, (_, i) => {
    const k = a + i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
  });
}
