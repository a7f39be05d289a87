// The names a policy declares, read from its syntax tree: for completion, hover, go to
// definition, and for finding the rule behind an event.

import type { Declaration, PolicyFile, Span } from "../../grammar/ast.js";

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
  | "husket værdi";

export interface PolicySymbol {
  name: string;
  kind: SymbolKind;
  /** The declaration's title or description string. */
  title?: string;
  /** Extra facts in Danish, e.g. "antal af borgere i data tidlig_indsats". */
  detail?: string;
  /** The name where it is declared. */
  nameSpan: Span;
  /** The whole declaration. */
  span: Span;
}

/** Danish explanation of each kind of name, for hovers. */
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
};

export function collectSymbols(ast: PolicyFile | undefined): PolicySymbol[] {
  if (!ast) return [];
  const out: PolicySymbol[] = [];
  if (ast.policy) {
    out.push({
      name: ast.policy.name.text,
      kind: "politik",
      title: ast.policy.title?.value,
      nameSpan: ast.policy.name.span,
      span: ast.policy.span,
    });
  }
  for (const d of ast.declarations ?? []) collect(d, out);
  return out;
}

function collect(d: Declaration, out: PolicySymbol[]): void {
  switch (d.kind) {
    case "DataDecl":
      out.push({
        name: d.name.text,
        kind: "data",
        detail: `pr. kommune og ${d.grain.value}${d.group ? ` og ${d.group.text}` : ""}; filen hedder ${d.name.text}.csv eller ${d.name.text}.xlsx`,
        nameSpan: d.name.span,
        span: d.span,
      });
      for (const f of d.fields ?? []) {
        out.push({
          name: f.name.text,
          kind: "felt",
          title: f.description?.value,
          detail: `${f.type.value}${f.subsetOf ? ` af ${f.subsetOf.text}` : ""} i data \`${d.name.text}\`${f.column ? `; kolonnen "${f.column.value}" i filen` : ""}`,
          nameSpan: f.name.span,
          span: f.span,
        });
      }
      break;
    case "MeasureDecl":
      out.push({ name: d.name.text, kind: "mål", title: d.title?.value, nameSpan: d.name.span, span: d.span });
      break;
    case "CriterionDecl":
      out.push({ name: d.name.text, kind: "kriterie", title: d.title?.value, nameSpan: d.name.span, span: d.span });
      break;
    case "ReviewDecl":
      out.push({ name: d.name.text, kind: "gennemgang", title: d.title?.value, nameSpan: d.name.span, span: d.span });
      break;
    case "SuspensionDecl":
      out.push({ name: d.name.text, kind: "undtagelse", title: d.title?.value, nameSpan: d.name.span, span: d.span });
      break;
    case "MachineDecl":
      for (const s of d.states ?? []) {
        out.push({ name: s.name.text, kind: "tilstand", title: s.title?.value, nameSpan: s.name.span, span: s.span });
        for (const f of s.deadlines ?? []) {
          out.push({
            name: f.name.text,
            kind: "frist",
            detail: `sættes, når forløbet går i tilstanden \`${s.name.text}\``,
            nameSpan: f.name.span,
            span: f.span,
          });
        }
      }
      for (const t of d.transitions ?? []) {
        out.push({
          name: t.name.text,
          kind: "overgang",
          title: t.title?.value,
          detail: `fra \`${t.from.text}\` til \`${t.to.text}\``,
          nameSpan: t.name.span,
          span: t.span,
        });
        for (const r of t.remember ?? []) {
          out.push({
            name: r.name.text,
            kind: "husket værdi",
            detail: `huskes, når overgangen \`${t.name.text}\` sker`,
            nameSpan: r.name.span,
            span: r.span,
          });
        }
      }
      break;
    case "AssessmentDecl":
    case "ReactionDecl":
      break;
  }
}

/** The rule (criterion, review, transition, suspension) with this name: what an event's `rule` names. */
export function findRule(symbols: PolicySymbol[], name: string): PolicySymbol | undefined {
  const ruleKinds: SymbolKind[] = ["kriterie", "gennemgang", "overgang", "undtagelse"];
  return symbols.find((s) => s.name === name && ruleKinds.includes(s.kind)) ?? symbols.find((s) => s.name === name);
}
