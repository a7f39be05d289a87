// Completion: what may be written here. The context is read from the words before the cursor on
// its line and from the blocks it stands in (the unindented declaration above, and an indented
// `tilstand`, `overgang` or example table): after `når` the names an expression may use, after
// `:` in a data block the field types, in an example table's header the fields of that data
// block, after a number its units, at the start of a line the keywords of the block. Inside a
// `måling` an expression is offered the names compiler/measure.ts resolves there: in a `tæl DATA`
// case the fields of DATA first, elsewhere the fields of person data pr. måned and the table's
// earlier fields.

import { tokenize, type EditorToken } from "../../grammar/index.js";
import { keywordInfo, keywordTable, type KeywordEntry } from "../../grammar/keywords.js";
import { symbolMarkdown, categoryLabel } from "./hover.js";
import { labelOf, type PolicySymbol, type SymbolKind } from "./symbols.js";
import { NAME_CHAR, type LineIndex } from "./text.js";

export interface CompletionItem {
  label: string;
  /** A declared name's kind, or "nøgleord" / "enhed" / "kolonne" / "kode". */
  kind: SymbolKind | "nøgleord" | "enhed" | "kolonne" | "kode";
  /** One short Danish line beside the label. */
  detail: string;
  /** Markdown, in Danish. */
  documentation?: string;
  insertText: string;
  /** Orders the list: the likeliest first. */
  sortText: string;
}

const VALUE_KINDS: readonly SymbolKind[] = ["mål", "felt", "kriterie", "husket værdi", "frist"];

/** Keywords that begin a clause, by the block they stand in. */
const BLOCK_CLAUSES: Record<string, readonly string[]> = {
  politik: ["kilde", "gælder", "tillad"],
  data: ["kolonne", "kolonner", "offentliggøres", "tillad"],
  opgørelse: ["offentliggøres", "følges", "kilde", "pr", "for"],
  mål: ["kilde", "tillad"],
  kriterie: ["kilde", "gælder", "forudsat", "vurderes", "når", "tillad"],
  gennemgang: ["kilde", "årligt", "tillad"],
  undtagelse: ["kilde", "ingen", "tillad"],
  reaktion: ["henvendelse", "højst", "ny", "trappe", "redegørelse"],
  forløb: ["start", "tilstand", "overgang"],
  måling: ["kilde", "forløb", "død", "vindue", "tæl"],
  tæl: ["når"],
  tilstand: ["frist", "tillad"],
  overgang: ["kilde", "når", "ellers", "husk", "tillad"],
  eksempel: ["kilde", "data", "forventer"],
  eksempler: ["eksempel"],
};

const TOP_LEVEL = ["politik", "data", "opgørelse", "mål", "kriterie", "gennemgang", "undtagelse", "reaktion", "forløb", "måling", "eksempel", "eksempler"];


/** Words that are followed by an expression. */
const EXPRESSION_BEFORE = new Set(["når", "forudsat", "=", "og", "eller", "ikke", "mindst", "under", "højst", "med", "(", "+", "-", "*", "/", ">", ">=", "<", "<="]);

/**
 * Words followed by an expression inside a `måling`: also `hvor` (`antal(personer hvor …)`) and
 * `over`, a comparison there (a måling has no `over`-windows of its own).
 */
const MEASURE_EXPRESSION_BEFORE = new Set([...EXPRESSION_BEFORE, "hvor", "over"]);

/** The static checks that `tillad` can silence. */
const ALLOW_CODES = ["T0501", "T0502", "T0503", "T0504", "T0505", "T0506", "T0507", "T0508"];

const keyword = (word: string, rank = "2"): CompletionItem => {
  const entry: KeywordEntry | undefined = keywordInfo(word);
  return {
    label: word,
    kind: "nøgleord",
    detail: entry ? `nøgleord · ${categoryLabel[entry.category]}` : "nøgleord",
    ...(entry ? { documentation: entry.hover } : {}),
    insertText: word,
    sortText: `${rank}${word}`,
  };
};

const named = (symbol: PolicySymbol, rank: string): CompletionItem => ({
  label: symbol.name,
  kind: symbol.kind,
  detail: symbol.title ?? labelOf(symbol),
  documentation: symbolMarkdown(symbol),
  insertText: symbol.name,
  sortText: `${rank}${symbol.name}`,
});

/** The lines a line stands in, innermost first: each less indented line above, with its number. */
function enclosingLines(lines: LineIndex, line: number, indent: number): { word: string; text: string; line: number }[] {
  const out: { word: string; text: string; line: number }[] = [];
  let limit = indent;
  for (let l = line - 1; l >= 1 && limit > 0; l--) {
    const text = lines.lineText(l);
    const m = /^(\s*)([^\s#]\S*)/u.exec(text);
    if (!m) continue;
    const lineIndent = m[1]!.length;
    if (lineIndent < limit) {
      out.push({ word: m[2]!, text, line: l });
      limit = lineIndent;
    }
  }
  return out;
}

/** The blocks a line stands in, innermost first: the first word of each less indented line above. */
function enclosingBlocks(lines: LineIndex, line: number, indent: number): string[] {
  return enclosingLines(lines, line, indent).map((e) => e.word);
}

/**
 * What an expression inside a `måling` may name at a place: in a `tæl DATA` case (the lines under
 * `tæl`), the fields of DATA first and `første`; elsewhere (`død når`, the table's fields) the
 * fields of person data pr. måned, the table's fields declared above the line, `varighed`,
 * `antal` and `sum`. Then the fields of person data pr. måned, in both.
 */
function measurementValues(
  symbols: readonly PolicySymbol[],
  outer: { word: string; text: string; line: number }[],
  lineText: string,
  line: number,
  named: (s: PolicySymbol, rank: string) => CompletionItem,
  keywords: (words: readonly string[], rank?: string) => CompletionItem[],
): CompletionItem[] {
  const measurement = /^måling\s+(\S+)/u.exec(outer[outer.length - 1]?.text ?? "")?.[1];
  const counting = [{ text: lineText }, ...outer].map((e) => /^\s*tæl\s+(\S+)/u.exec(e.text)?.[1]).find((x) => x !== undefined);
  const seen = new Set<string>();
  const once = (list: PolicySymbol[], rank: string): CompletionItem[] =>
    list.filter((s) => (seen.has(s.name) ? false : (seen.add(s.name), true))).map((s) => named(s, rank));
  const monthFields = symbols.filter((s) => s.kind === "felt" && s.person === "måned");
  if (counting !== undefined) {
    const own = symbols.filter((s) => s.kind === "felt" && s.person === "dato" && s.data === counting);
    return [...once(own, "0"), ...once(monthFields, "1"), ...keywords(["første", "ikke"], "2")];
  }
  const earlier = symbols.filter((s) => s.kind === "felt" && s.measurement && s.data === measurement && s.nameSpan.start.line < line);
  return [...once(monthFields, "0"), ...once(earlier, "1"), ...keywords(["varighed", "antal", "sum", "ikke"], "2")];
}

/**
 * What may be written at `offset`. `typing` is true when the editor asks by itself after a space
 * (a trigger character): then only a specific context answers, never the list of everything.
 */
export function complete(lines: LineIndex, offset: number, symbols: readonly PolicySymbol[], typing = false): CompletionItem[] {
  const text = lines.text;
  // The partial word being typed.
  let start = offset;
  while (start > 0 && NAME_CHAR.test(text[start - 1]!)) start--;
  const here = lines.position(start);
  const lineText = lines.lineText(here.line);
  const tokens = tokenize(text);
  const inside = tokens.find((t) => t.span.start.offset < start && start < t.span.end.offset);
  if (inside && (inside.kind === "comment" || inside.kind === "string")) return [];
  // Tokens on this line before the word; a comment ends the line.
  const before: EditorToken[] = tokens.filter((t) => t.span.start.line === here.line && t.span.end.offset <= start && t.kind !== "comment");
  const indent = /^\s*/.exec(lineText)![0].length;
  const outer = enclosingLines(lines, here.line, indent);
  const blocks = outer.map((e) => e.word);
  const block = blocks[blocks.length - 1];
  const inner = blocks[0];
  const last = before[before.length - 1];
  const first = before[0];

  const unique = (list: PolicySymbol[]): PolicySymbol[] => {
    const seen = new Set<string>();
    return list.filter((s) => (seen.has(`${s.kind}:${s.name}`) ? false : (seen.add(`${s.kind}:${s.name}`), true)));
  };
  const ofKind = (kinds: readonly SymbolKind[], rank = "0", only: (s: PolicySymbol) => boolean = () => true): CompletionItem[] =>
    unique(kinds.flatMap((k) => symbols.filter((s) => s.kind === k && only(s)))).map((s) => named(s, `${rank}${kinds.indexOf(s.kind)}`));
  // Outside a måling an expression cannot name person data's fields or a måling's (the checker says T0201).
  const supervision = (s: PolicySymbol) => !s.person && !s.measurement;
  const keywords = (words: readonly string[], rank = "2"): CompletionItem[] => words.map((w) => keyword(w, rank));
  const values = (): CompletionItem[] => [...ofKind(VALUE_KINDS, "0", supervision), ...keywords(["sum", "middel", "ikke"])];

  // At the start of a line: the keywords of the block (or the declarations, unindented).
  if (!last) {
    if (indent === 0) return keywords(TOP_LEVEL, "1");
    // An example table's header: the fields of its data block and the key columns.
    if ((inner === "data" || inner === "forventer") && blocks.includes("eksempel")) {
      const header = lines.lineText(findLine(lines, here.line, indent));
      const expected = inner === "forventer";
      const dataName = /^\s*(?:forventer\s+)?data\s+(\S+)/u.exec(header)?.[1];
      // `forventer data MÅLING`: the measurement's table; `data PERSONDATA`: keyed by person.
      const data = symbols.find((s) => s.kind === "data" && s.name === dataName && (s.measurement === true) === expected);
      const fields = symbols.filter((s) => s.kind === "felt" && s.data === dataName && (s.measurement === true) === expected);
      const keyNames = data?.person ? ["person", data.person === "måned" ? "maaned" : "dato"] : ["kommune", "maaned", "aar"];
      const keys = keyNames.map(
        (k): CompletionItem => ({ label: k, kind: "kolonne", detail: "nøglekolonne", insertText: k, sortText: `1${k}` }),
      );
      return [...unique(fields).map((s) => named(s, "0")), ...keys];
    }
    const clauses = BLOCK_CLAUSES[inner ?? ""] ?? BLOCK_CLAUSES[block ?? ""] ?? [];
    const out = keywords(clauses, "1");
    if (block === "eksempel" && inner === "eksempel") return out;
    if (block === "forløb" && inner !== "forløb") out.push(...keywords(BLOCK_CLAUSES["forløb"]!, "3"));
    return out;
  }

  const lineStarts = (word: string) => first?.text === word;
  const prev = last.text;

  // Inside a `måling`: its clauses name person data, its expressions the names it resolves.
  if (block === "måling" && indent > 0) {
    const personData = (grain: "måned" | "dato") => unique(symbols.filter((s) => s.kind === "data" && s.person === grain)).map((s) => named(s, "0"));
    if (lineStarts("tæl") && prev === "tæl") return personData("dato");
    if (lineStarts("forløb") && prev === "i") return personData("måned");
    if (lineStarts("forløb") && prev === "samme") {
      const spell = before[2]?.text;
      return unique(symbols.filter((s) => s.kind === "felt" && s.person === "måned" && s.data === spell)).map((s) => named(s, "0"));
    }
    const beforePrev = before[before.length - 2]?.text;
    if (prev === "(" && beforePrev === "antal") {
      return [...keywords(["personer", "måneder"], "0"), ...personData("dato")];
    }
    if (prev === "(" && beforePrev === "første") {
      const counting = [{ text: lineText }, ...outer].map((e) => /^\s*tæl\s+(\S+)/u.exec(e.text)?.[1]).find((x) => x !== undefined);
      return unique(symbols.filter((s) => s.kind === "data" && s.person === "dato" && s.name === counting)).map((s) => named(s, "0"));
    }
    if (MEASURE_EXPRESSION_BEFORE.has(prev) || last.kind === "operator") {
      return measurementValues(symbols, outer, lineText, here.line, named, keywords);
    }
  }

  if (lineStarts("forventer")) {
    if (prev === "efter") return ofKind(["kriterie", "gennemgang", "overgang", "undtagelse"]);
    if (prev === "tilstand") return ofKind(["tilstand"]);
    if (prev === "frist" || prev === "frister") return ofKind(["frist"]);
    if (prev === "med") return ofKind(["trin"]);
    return keywords(["henvendelse", "henvendelser", "redegørelse", "redegørelser", "gennemgang", "gennemgange", "frist", "frister", "tilstand", "ingen", "til", "for", "i", "den", "efter", "med", "gruppen"]);
  }
  if (prev === "data" && (block === "eksempel" || inner === "eksempel")) return ofKind(["data"]);
  if (prev === "tillad") {
    return ALLOW_CODES.map((code) => ({ label: code, kind: "kode", detail: "advarsel, der kan tillades", insertText: `${code} "begrundelse"`, sortText: `0${code}` }));
  }
  if (prev === "start" || (lineStarts("overgang") && (prev === "fra" || prev === "til"))) return ofKind(["tilstand"]);
  if (prev === "opgørelse") return keywords(["månedlig", "halvårlig", "årlig"], "0");
  if (prev === ":" && block === "data") return keywords(["antal", "andel", "procent", "tekst"], "0");
  if (prev === "af" && block === "data" && before.some((t) => t.text === ":")) {
    const dataName = /^data\s+(\S+)/u.exec(lines.lineText(findLine(lines, here.line, 0)))?.[1];
    return unique(symbols.filter((s) => s.kind === "felt" && s.data === dataName)).map((s) => named(s, "0"));
  }
  if (prev === "af" && before.some((t) => t.text === "udgangen")) return keywords(keywordTable.filter((k) => k.category === "month").map((k) => k.word), "0");
  if (prev === "pr") return keywords(["kommune", "år"], "1");
  if (last.kind === "number") {
    const units = before.length >= 2 && before[before.length - 2]!.text === "i" ? ["sammenhængende"] : ["måneder", "måned", "uger", "dage", "år"];
    return [{ label: "%", kind: "enhed", detail: "procent: en andel", insertText: "%", sortText: "0%" }, ...keywords(units, "1")];
  }
  if (prev === "sammenhængende") return keywords(["måneder"], "0");
  if (prev === "efter" && lineStarts("frist")) return [...ofKind(["frist"]), ...keywords(["offentliggørelse"])];
  if (prev === "efter") return keywords(["måneden", "offentliggørelse", "henvendelsen", "forrige"], "0");
  if (prev === "over") return [...keywords(["måneden", "halvåret", "året", "de"], "0"), ...ofKind(VALUE_KINDS, "1", supervision)];
  if (prev === "de") return keywords(["seneste"], "0");
  if (prev === "lig") return keywords(["med"], "0");
  if (EXPRESSION_BEFORE.has(prev) || last.kind === "operator") return values();
  // After a value in an expression: what may follow it.
  if (last.kind === "name" || prev === ")" || last.kind === "keyword") {
    if (before.some((t) => EXPRESSION_BEFORE.has(t.text))) {
      return keywords(["over", "mindst", "under", "højst", "lig", "og", "eller", "i", "hvor"], "1");
    }
  }
  // Anything else: every name and every keyword, when asked for.
  if (typing) return [];
  return [...ofKind(VALUE_KINDS, "0", supervision), ...keywords(keywordTable.map((k) => k.word), "3")];
}

/** The nearest line above `line` indented at most `indent`: the header of the block `line` is in. */
function findLine(lines: LineIndex, line: number, indent: number): number {
  for (let l = line - 1; l >= 1; l--) {
    const m = /^(\s*)\S/u.exec(lines.lineText(l));
    if (m && m[1]!.length < Math.max(indent, 1)) return l;
  }
  return 1;
}
