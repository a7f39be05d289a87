// Hover: what a word means, in Danish. A keyword gets its sentence from the keyword table; a
// declared name its kind, title, unit and source and where it is declared; a number a comparison
// stands on (a threshold) the rule it belongs to.

import type { Declaration, Expr, PolicyFile, Span } from "../../grammar/ast.js";
import { tokenize } from "../../grammar/index.js";
import { keywordInfo, type KeywordCategory } from "../../grammar/keywords.js";
import { walkExpr } from "../../grammar/walk.js";
import type { ValueType } from "../../runtime/plan.js";
import type { Analysis } from "./index.js";
import { labelOf, type PolicySymbol, type SymbolTable } from "./symbols.js";

export interface Hover {
  /** Markdown, in Danish. */
  markdown: string;
  span: Span;
}

/** Danish names of the keyword categories, for hovers and the completion list. */
export const categoryLabel: Record<KeywordCategory, string> = {
  declaration: "erklæring",
  clause: "led",
  operator: "operator",
  unit: "enhed",
  type: "felttype",
  month: "måned",
  value: "værdi",
};

const UNIT: Record<ValueType | "tekst" | "procent", string> = {
  antal: "et antal",
  andel: "en andel (skrives og vises i procent)",
  tal: "et tal",
  sandhed: "en betingelse (opfyldt eller ej)",
  tekst: "en tekst",
  procent: "et tal i procent",
};

/** The unit of a declared name: what kind of value it is. */
function unitOf(symbol: PolicySymbol, analysis: Analysis | undefined): string | undefined {
  switch (symbol.kind) {
    case "felt":
      return symbol.fieldType && symbol.fieldType in UNIT ? UNIT[symbol.fieldType as keyof typeof UNIT] : undefined;
    case "mål": {
      const type = analysis?.plan?.measures.find((m) => m.name === symbol.name)?.type;
      return type ? UNIT[type] : undefined;
    }
    case "kriterie":
    case "gennemgang":
      return UNIT.sandhed;
    case "frist":
      return "en dato";
    default:
      return undefined;
  }
}

/** The Markdown that explains a declared name (hover and completion). */
export function symbolMarkdown(symbol: PolicySymbol, analysis?: Analysis, from?: string): string {
  const lines = [`**${labelOf(symbol)}** \`${symbol.name}\``];
  if (symbol.title) lines.push(symbol.title);
  if (symbol.detail) lines.push(`${symbol.detail.charAt(0).toUpperCase()}${symbol.detail.slice(1)}.`);
  const unit = unitOf(symbol, analysis);
  if (unit) lines.push(`Enhed: ${unit}.`);
  if (symbol.source) lines.push(`Kilde: ${symbol.source}.`);
  const where = from !== undefined && from !== symbol.uri ? ` i ${decodeURIComponent(symbol.uri.split("/").pop() ?? symbol.uri)}` : "";
  lines.push(`Erklæret i linje ${symbol.nameSpan.start.line}${where}.`);
  return lines.join("\n\n");
}

const within = (span: Span, offset: number): boolean => span.start.offset <= offset && offset < span.end.offset;

/**
 * Every expression of a declaration, with the rule it belongs to. A måling's expressions say
 * where they stand themselves (`where`) and their `kilde`; `tilsyn sweep` does not vary them.
 */
function* rootExprs(ast: PolicyFile): Generator<{ expr: Expr; owner: Declaration; ownerName: string; ownerKind: string; where?: string; source?: string }> {
  for (const d of ast.declarations) {
    switch (d.kind) {
      case "MeasureDecl":
        yield { expr: d.expr, owner: d, ownerName: d.name.text, ownerKind: "målet" };
        break;
      case "CriterionDecl":
        if (d.guard) yield { expr: d.guard, owner: d, ownerName: d.name.text, ownerKind: "kriteriet" };
        if (d.when) yield { expr: d.when, owner: d, ownerName: d.name.text, ownerKind: "kriteriet" };
        break;
      case "ReviewDecl":
        if (d.when) yield { expr: d.when, owner: d, ownerName: d.name.text, ownerKind: "gennemgangen" };
        break;
      case "MachineDecl":
        for (const t of d.transitions) if (t.when) yield { expr: t.when, owner: d, ownerName: t.name.text, ownerKind: "overgangen" };
        break;
      case "MeasurementDecl":
        // A måling's limits (`varighed mindst 12`, `under 100`): the field or clause they belong to.
        for (const o of d.outputs) {
          yield { expr: o.expr, owner: d, ownerName: o.name.text, ownerKind: "feltet", where: `feltet \`${o.name.text}\` i målingen \`${d.name.text}\``, ...(o.source ? { source: o.source.value } : {}) };
        }
        if (d.dead) {
          yield { expr: d.dead.when, owner: d, ownerName: d.name.text, ownerKind: "målingen", where: `\`død når\` i målingen \`${d.name.text}\``, ...(d.dead.source ? { source: d.dead.source.value } : {}) };
        }
        break;
      default:
        break;
    }
  }
}

/** The comparison a number at `offset` is the limit of, with its rule. */
function thresholdAt(analysis: Analysis, offset: number): Hover | undefined {
  for (const root of rootExprs(analysis.ast)) {
    let found: Hover | undefined;
    walkExpr(root.expr, (e) => {
      if (found || !within(e.span, offset)) return false;
      if (e.kind !== "Compare") return;
      const limit = [e.right, e.left].find((side) => (side.kind === "NumberLit" || side.kind === "PercentLit") && within(side.span, offset));
      if (!limit) return;
      const text = (s: Span) => analysis.text.slice(s.start.offset, s.end.offset).replace(/\s+/g, " ");
      const title = "title" in root.owner && root.owner.title ? ` «${root.owner.title.value}»` : "";
      found = {
        span: limit.span,
        markdown: [
          `**Grænse** \`${text(limit.span)}\` i ${root.where ?? `${root.ownerKind} \`${root.ownerName}\`${title}`}`,
          `Sammenligningen: \`${text(e.span)}\``,
          ...(root.source ? [`Kilde: ${root.source}.`] : []),
          root.where
            ? `Linje ${e.span.start.line}.`
            : `Linje ${e.span.start.line}. \`tilsyn sweep --regel ${root.ownerName}\` viser, hvad en anden grænse giver.`,
        ].join("\n\n"),
      };
      return false;
    });
    if (found) return found;
  }
  return undefined;
}

export function hoverAt(
  analysis: Analysis,
  symbols: SymbolTable,
  offset: number,
  analysisOf: (uri: string) => Analysis | undefined,
): Hover | undefined {
  const tokens = tokenize(analysis.text);
  const token =
    tokens.find((t) => t.span.start.offset <= offset && offset < t.span.end.offset) ??
    tokens.find((t) => t.span.end.offset === offset && (t.kind === "name" || t.kind === "keyword"));
  if (!token || token.kind === "comment" || token.kind === "string") return undefined;
  const occurrence = symbols.at(token.span.start.offset);
  const parts: string[] = [];
  if (occurrence) {
    const own = occurrence.symbol.uri === symbols.uri ? analysis : analysisOf(occurrence.symbol.uri);
    parts.push(symbolMarkdown(occurrence.symbol, own, symbols.uri));
  }
  if (token.kind === "keyword") {
    const entry = keywordInfo(token.text);
    if (entry && !(occurrence?.declaration)) parts.push(`**${entry.word}** · nøgleord (${categoryLabel[entry.category]})\n\n${entry.hover}`);
  }
  if (parts.length > 0) return { markdown: parts.join("\n\n---\n\n"), span: occurrence?.span ?? token.span };
  if (token.kind === "number" || token.kind === "operator") return thresholdAt(analysis, token.span.start.offset);
  return undefined;
}
