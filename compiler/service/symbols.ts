// The names of a policy: every declaration and every use of it, read from the syntax tree. The
// one table behind hover, completion, go to definition, find references, rename and the outline,
// in the playground and in the language server alike.
//
// Names resolve as the checker resolves them: data blocks have their own names; fields, measures,
// criteria, remembered values and deadlines are the names an expression may use; states,
// transitions, reviews, suspensions and the ladder's steps are named where they are used (in the
// machine and in the examples' expectations). A file of examples (`eksempler til "…"`) resolves
// its tables and expectations against the policies it names.
//
// Inside a `måling`, names resolve as compiler/measure.ts resolves them: in a month of a person
// (`død når`, the table's fields) the fields of person data pr. måned, then the table's earlier
// fields; in a `tæl DATA` case and in `første(…)` the event's own fields first. The data a clause
// names (`forløb i`, `tæl`, `antal(DATA)`, `første(DATA …)`) are person data blocks.
//
// Browser-safe: no Node APIs.

import type { DataDecl, Declaration, Expr, MeasurementDecl, Name, PersonDataDecl, PolicyFile, Span } from "../../grammar/ast.js";
import { walkExpr } from "../../grammar/walk.js";

export type SymbolKind =
  | "politik"
  | "data"
  | "felt"
  | "mål"
  | "kriterie"
  | "gennemgang"
  | "undtagelse"
  | "tilstand"
  | "overgang"
  | "frist"
  | "husket værdi"
  | "trin";

/** Danish name of each kind of name, for hovers, completion and the outline. */
export const kindLabel: Record<SymbolKind, string> = {
  politik: "Politik",
  data: "Datakilde",
  felt: "Felt i data",
  mål: "Mål",
  kriterie: "Kriterie",
  gennemgang: "Gennemgang",
  undtagelse: "Undtagelse",
  tilstand: "Tilstand",
  overgang: "Overgang",
  frist: "Frist",
  "husket værdi": "Husket værdi",
  trin: "Trin på trappen",
};

/**
 * The Danish name of a symbol's kind. A `måling` is a table like a data block (kind `data`), its
 * fields are fields (kind `felt`), and person data is data: the kinds editors map stay the same,
 * the names a user reads say what they are.
 */
export function labelOf(s: PolicySymbol): string {
  if (s.kind === "data" && s.measurement) return "Måling";
  if (s.kind === "felt" && s.measurement) return "Felt i målingens tabel";
  if (s.kind === "data" && s.person) return "Persondata";
  if (s.kind === "felt" && s.person) return "Felt i persondata";
  return kindLabel[s.kind];
}

export interface PolicySymbol {
  name: string;
  kind: SymbolKind;
  /** The document the symbol is declared in. */
  uri: string;
  /** The declaration's title or description string. */
  title?: string;
  /** The declaration's `kilde`. */
  source?: string;
  /** Extra facts in Danish, e.g. "antal af borgere i data `tidlig_indsats`". */
  detail?: string;
  /** For a field: its data block and its type (`antal`, `andel`, `procent`, `tekst`). */
  data?: string;
  fieldType?: string;
  /** Person data (`data … pr person, måned|dato`) and its fields: the data's grain. */
  person?: "måned" | "dato";
  /** A `måling` (kind `data`: the table it gives) and the fields of its table (kind `felt`). */
  measurement?: true;
  /** The name where it is declared. */
  nameSpan: Span;
  /** The whole declaration. */
  span: Span;
  /** Symbols inside this one (fields of a data block, states and transitions of a machine). */
  children?: PolicySymbol[];
}

/** One place a name is written: where it is declared or where it is used. */
export interface Occurrence {
  symbol: PolicySymbol;
  /** The document the name is written in. */
  uri: string;
  span: Span;
  declaration: boolean;
}

/** The names expressions may use, in the order the checker looks them up. */
const VALUE_KINDS: readonly SymbolKind[] = ["felt", "mål", "kriterie", "husket værdi", "frist"];
/** What an expectation's `efter REGEL` may name. */
export const RULE_KINDS: readonly SymbolKind[] = ["kriterie", "gennemgang", "overgang", "undtagelse"];

/**
 * Identity of a symbol across documents: the same name of the same kind in the same file. Person
 * data and a måling's table are read by name of their block (`art` of `samtaler` is not `art` of
 * `tilbud`), so their fields are also told apart by their block.
 */
export const symbolKey = (s: PolicySymbol): string =>
  `${s.uri}\u0000${s.kind}\u0000${s.kind === "felt" && (s.person || s.measurement) ? `${s.data}.` : ""}${s.name}`;

export class SymbolTable {
  /** Top-level symbols in source order (a data block holds its fields, a machine its states …). */
  readonly outline: PolicySymbol[] = [];
  /** Every symbol, flat. */
  readonly symbols: PolicySymbol[] = [];
  readonly occurrences: Occurrence[] = [];

  constructor(readonly uri: string) {}

  /** The symbols of some kinds with this name (first declared first). */
  lookup(name: string, kinds: readonly SymbolKind[]): PolicySymbol | undefined {
    for (const kind of kinds) {
      const found = this.symbols.find((s) => s.kind === kind && s.name === name);
      if (found) return found;
    }
    return undefined;
  }

  /** The occurrence covering an offset (the innermost, if names nest). */
  at(offset: number): Occurrence | undefined {
    let best: Occurrence | undefined;
    for (const o of this.occurrences) {
      if (o.span.start.offset <= offset && offset <= o.span.end.offset) {
        if (!best || o.span.end.offset - o.span.start.offset < best.span.end.offset - best.span.start.offset) best = o;
      }
    }
    return best;
  }
}

/**
 * The symbol table of a document. `targets` are the policies a file of examples is about (their
 * own tables), against which its tables and expectations resolve; a policy file resolves against
 * itself.
 */
export function buildSymbols(ast: PolicyFile | undefined, uri: string, targets: SymbolTable[] = []): SymbolTable {
  const table = new SymbolTable(uri);
  if (!ast) return table;
  const declare = (symbol: Omit<PolicySymbol, "uri">, parent?: PolicySymbol): PolicySymbol => {
    const s: PolicySymbol = { ...symbol, uri };
    table.symbols.push(s);
    if (parent) (parent.children ??= []).push(s);
    else table.outline.push(s);
    table.occurrences.push({ symbol: s, uri, span: s.nameSpan, declaration: true });
    return s;
  };
  if (ast.policy) {
    declare({
      name: ast.policy.name.text,
      kind: "politik",
      ...(ast.policy.title ? { title: ast.policy.title.value } : {}),
      ...(ast.policy.source ? { source: ast.policy.source.value } : {}),
      nameSpan: ast.policy.name.span,
      span: ast.policy.span,
    });
  }
  for (const d of ast.declarations ?? []) declareAll(d, declare);

  // Uses. A file of examples only resolves against the policies it names; a policy against itself.
  const scopes = ast.policy || (ast.declarations?.length ?? 0) > 0 ? [table] : targets;
  const use = (name: Name | undefined, kinds: readonly SymbolKind[], filter?: (s: PolicySymbol) => boolean): void => {
    if (!name) return;
    for (const scope of scopes) {
      const symbol = filter
        ? kinds.map((k) => scope.symbols.find((s) => s.kind === k && s.name === name.text && filter(s))).find((s) => s)
        : scope.lookup(name.text, kinds);
      if (symbol) {
        table.occurrences.push({ symbol, uri, span: name.span, declaration: false });
        return;
      }
    }
  };
  /** A name used inside a `måling`: resolved to exactly this symbol, if any. */
  const useSymbol = (name: Name | undefined, symbol: PolicySymbol | undefined): void => {
    if (name && symbol) table.occurrences.push({ symbol, uri, span: name.span, declaration: false });
  };
  const inScopes = (find: (s: PolicySymbol) => boolean): PolicySymbol | undefined => {
    for (const scope of scopes) {
      const found = scope.symbols.find(find);
      if (found) return found;
    }
    return undefined;
  };
  const personData = (name: Name | undefined, grain?: "måned" | "dato"): PolicySymbol | undefined =>
    name && inScopes((s) => s.kind === "data" && s.name === name.text && s.person !== undefined && (!grain || s.person === grain));
  const monthField = (name: string): PolicySymbol | undefined =>
    inScopes((s) => s.kind === "felt" && s.name === name && s.person === "måned");
  /**
   * The names of an expression of a `måling`: `event` is the dated data of a `tæl` case (its own
   * fields come first), `outputs` the table's fields declared before the expression's field.
   */
  const useMeasureExpr = (e: Expr | undefined, event: string | undefined, outputs: readonly PolicySymbol[]): void => {
    if (!e) return;
    walkExpr(e, (x) => {
      if (x.kind === "Ref") {
        const n = x.name.text;
        const own = event === undefined ? undefined : inScopes((s) => s.kind === "felt" && s.data === event && s.name === n);
        useSymbol(x.name, own ?? monthField(n) ?? (event === undefined ? outputs.find((o) => o.name === n) : undefined));
      } else if (x.kind === "CountOf") {
        if (x.of.text !== "personer" && x.of.text !== "måneder") useSymbol(x.of, personData(x.of, "dato"));
      } else if (x.kind === "FirstOf") {
        useSymbol(x.of, personData(x.of, "dato"));
      }
    });
  };
  const useMeasurement = (m: MeasurementDecl): void => {
    if (m.spell) {
      const data = personData(m.spell.data, "måned");
      useSymbol(m.spell.data, data);
      if (data) useSymbol(m.spell.field, inScopes((s) => s.kind === "felt" && s.data === data.name && s.name === m.spell!.field.text));
    }
    useMeasureExpr(m.dead?.when, undefined, []);
    for (const c of m.counts) {
      const data = personData(c.data, "dato");
      useSymbol(c.data, data);
      for (const k of c.cases) useMeasureExpr(k.when, data?.name, []);
    }
    const fields = table.symbols.filter((s) => s.kind === "felt" && s.measurement && s.data === m.name.text);
    m.outputs.forEach((o, i) => useMeasureExpr(o.expr, undefined, fields.slice(0, i)));
  };
  const useExpr = (e: Expr | undefined): void => {
    if (!e) return;
    walkExpr(e, (x) => {
      // Outside a måling, its names and person data's are not values (the checker says T0201).
      if (x.kind === "Ref") use(x.name, VALUE_KINDS, (s) => !s.person && !s.measurement);
      else if (x.kind === "Aggregate" && x.measuredFilter) use(x.measuredFilter, ["felt"]);
    });
  };
  for (const d of ast.declarations ?? []) {
    switch (d.kind) {
      case "DataDecl":
        for (const f of d.fields) use(f.subsetOf, ["felt"], (s) => s.data === d.name.text);
        break;
      case "MeasureDecl":
        useExpr(d.expr);
        break;
      case "MeasurementDecl":
        useMeasurement(d);
        break;
      case "CriterionDecl":
        useExpr(d.guard);
        useExpr(d.when);
        break;
      case "ReviewDecl":
        useExpr(d.when);
        break;
      case "MachineDecl":
        use(d.start, ["tilstand"]);
        for (const s of d.states) for (const f of s.deadlines) if (f.when.kind !== "EndOfMonth") use(f.when.anchor, ["frist"]);
        for (const t of d.transitions) {
          use(t.from, ["tilstand"]);
          use(t.to, ["tilstand"]);
          useExpr(t.when);
          for (const r of t.remember) useExpr(r.expr);
        }
        break;
      default:
        break;
    }
  }
  for (const example of ast.examples ?? []) {
    for (const t of example.tables) {
      use(t.data, ["data"]);
      for (const c of t.columns) use(c, ["felt"], (s) => s.data === t.data.text);
    }
    // `forventer data MÅLING`: the rows a measurement must give, headed by its table's fields.
    for (const t of example.expectedTables ?? []) {
      const measured = (s: PolicySymbol) => s.measurement === true;
      use(t.data, ["data"], measured);
      for (const c of t.columns) use(c, ["felt"], (s) => measured(s) && s.data === t.data.text);
    }
    for (const e of example.expectations) {
      if (e.name) use(e.name, e.subject === "tilstand" ? ["tilstand"] : ["frist"]);
      use(e.rule, RULE_KINDS);
      use(e.step, ["trin"]);
    }
  }
  return table;
}

type Declare = (symbol: Omit<PolicySymbol, "uri">, parent?: PolicySymbol) => PolicySymbol;

const opt = <K extends string>(key: K, value: string | undefined): { [P in K]?: string } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };

function dataDetail(d: DataDecl): string {
  return `pr. kommune og ${d.grain.value}${d.group ? ` og ${d.group.text}` : ""}; filen hedder ${d.name.text}.csv eller ${d.name.text}.xlsx`;
}

function personDataDetail(d: PersonDataDecl): string {
  const rows = d.grain.value === "måned" ? "én række pr. person og måned" : "daterede hændelser pr. person (kolonnen `dato`)";
  return `persondata, ${rows}; filen hedder ${d.name.text}.csv`;
}

function measurementDetail(m: MeasurementDecl): string {
  const parts = ["en tabel pr. kommune og måned, talt op fra persondata"];
  if (m.spell) parts.push(`forløb i \`${m.spell.data.text}\` med samme \`${m.spell.field.text}\``);
  if (m.window) parts.push(`vindue: de seneste ${m.window.months} måneder af forløbet`);
  if (m.counts.length > 0) parts.push(`tæller ${m.counts.map((c) => `\`${c.data.text}\``).join(", ")}`);
  return parts.join("; ");
}

/** The kind of symbol each simply named declaration gives. */
const NAMED_KIND = { MeasureDecl: "mål", CriterionDecl: "kriterie", ReviewDecl: "gennemgang", SuspensionDecl: "undtagelse" } as const satisfies Record<string, SymbolKind>;

/** A field of a data block, a person data block or a measured table: what every kind of field declares alike. */
function field(
  f: { name: Name; span: Span },
  data: string,
  fieldType: string,
  detail: string,
  more: Partial<Omit<PolicySymbol, "uri">>,
): Omit<PolicySymbol, "uri"> {
  return { name: f.name.text, kind: "felt", data, fieldType, ...more, detail, nameSpan: f.name.span, span: f.span };
}

function declareAll(d: Declaration, declare: Declare): void {
  switch (d.kind) {
    case "PersonDataDecl": {
      const data = declare({ name: d.name.text, kind: "data", person: d.grain.value, detail: personDataDetail(d), nameSpan: d.name.span, span: d.span });
      const per = d.grain.value === "måned" ? "pr. person og måned" : "pr. hændelse";
      for (const f of d.fields ?? []) {
        declare(field(f, d.name.text, f.type.value, `${f.type.value} i persondata \`${d.name.text}\` (${per})`, { ...opt("title", f.description?.value), person: d.grain.value }), data);
      }
      break;
    }
    case "MeasurementDecl": {
      const m = declare({ name: d.name.text, kind: "data", measurement: true, ...opt("title", d.title?.value), ...opt("source", d.source?.value), detail: measurementDetail(d), nameSpan: d.name.span, span: d.span });
      for (const o of d.outputs ?? []) {
        declare(field(o, d.name.text, "antal", `antal personer pr. kommune og måned i målingen \`${d.name.text}\``, { measurement: true, ...opt("source", o.source?.value) }), m);
      }
      break;
    }
    case "DataDecl": {
      const data = declare({ name: d.name.text, kind: "data", detail: dataDetail(d), nameSpan: d.name.span, span: d.span });
      for (const f of d.fields ?? []) {
        const detail = `${f.type.value}${f.subsetOf ? ` af ${f.subsetOf.text}` : ""} i data \`${d.name.text}\`${f.column ? `; kolonnen "${f.column.value}" i filen` : ""}`;
        declare(field(f, d.name.text, f.type.value, detail, opt("title", f.description?.value)), data);
      }
      break;
    }
    case "MeasureDecl":
    case "CriterionDecl":
    case "ReviewDecl":
    case "SuspensionDecl":
      declare({ name: d.name.text, kind: NAMED_KIND[d.kind], ...opt("title", d.title?.value), ...opt("source", d.source?.value), nameSpan: d.name.span, span: d.span });
      break;
    case "ReactionDecl":
      for (const c of d.clauses) {
        if (c.kind !== "LadderClause") continue;
        c.steps.forEach((step, i) => declare({ name: step.text, kind: "trin", detail: `trin ${i + 1} på eskaleringstrappen: den ${i + 1}. henvendelse foreslår det`, nameSpan: step.span, span: step.span }));
      }
      break;
    case "MachineDecl":
      for (const s of d.states ?? []) {
        const state = declare({ name: s.name.text, kind: "tilstand", ...opt("title", s.title?.value), nameSpan: s.name.span, span: s.span });
        for (const f of s.deadlines ?? []) {
          declare(
            { name: f.name.text, kind: "frist", ...opt("source", f.source?.value), detail: `sættes, når forløbet går i tilstanden \`${s.name.text}\``, nameSpan: f.name.span, span: f.span },
            state,
          );
        }
      }
      for (const t of d.transitions ?? []) {
        const transition = declare({
          name: t.name.text,
          kind: "overgang",
          ...opt("title", t.title?.value),
          ...opt("source", t.source?.value),
          detail: `fra \`${t.from.text}\` til \`${t.to.text}\``,
          nameSpan: t.name.span,
          span: t.span,
        });
        for (const r of t.remember ?? []) {
          declare({ name: r.name.text, kind: "husket værdi", detail: `huskes, når overgangen \`${t.name.text}\` sker`, nameSpan: r.name.span, span: r.span }, transition);
        }
      }
      break;
    case "AssessmentDecl":
      break;
  }
}
