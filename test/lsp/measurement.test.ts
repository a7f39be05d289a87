// The language service on a `måling` (policies/maaling/fokusmaal.tilsyn): its person data blocks
// and their fields, the måling and its table's fields are names like any other — hover, go to
// definition, find references, rename (also in the examples' table headers), the outline and
// completion inside its conditions. Every expectation is read from the policy's own text.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyFixes, checkPolicy } from "../../compiler/index.js";
import { runMeasurementExamples } from "../../compiler/measure-examples.js";
import { LanguageService, type TextEdit } from "../../compiler/service/index.js";
import { compiler } from "../../compiler/service/compiler.js";
import type { MeasurementDecl, PersonDataDecl } from "../../grammar/ast.js";
import { tokenize } from "../../grammar/index.js";

const root = join(import.meta.dirname, "..", "..");
const text = readFileSync(join(root, "policies", "maaling", "fokusmaal.tilsyn"), "utf8").normalize("NFC");
const uri = "file:///politik/maaling/fokusmaal.tilsyn";

const ast = checkPolicy(text, uri).ast;
const persons = ast.declarations.filter((d): d is PersonDataDecl => d.kind === "PersonDataDecl");
const measurement = ast.declarations.find((d): d is MeasurementDecl => d.kind === "MeasurementDecl")!;
const outputs = measurement.outputs.map((o) => o.name.text);

/** The line and column of `word` inside the first occurrence of `context` in `source`. */
function place(source: string, context: string, word: string, from = 0): { line: number; column: number } {
  const at = source.indexOf(context, from);
  expect(at, context).toBeGreaterThanOrEqual(0);
  const inner = context.indexOf(word);
  expect(inner, `${word} in ${context}`).toBeGreaterThanOrEqual(0);
  const lines = source.slice(0, at + inner).split("\n");
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** Where a name is written as a name (not in a string or comment): "line:column". */
const nameTokens = (source: string, name: string): string[] =>
  tokenize(source)
    .filter((t) => t.kind === "name" && t.text === name)
    .map((t) => `${t.span.start.line}:${t.span.start.column}`);

const at = (l: { span: { start: { line: number; column: number } } }): string => `${l.span.start.line}:${l.span.start.column}`;

const open = (source = text) => {
  const service = new LanguageService({ compiler });
  service.update(uri, source);
  return service;
};

/** The renamed policy checks without errors and its examples hold, as `tilsyn test` runs them. */
function expectExamplesHold(source: string): void {
  const checked = checkPolicy(source, uri);
  expect(checked.diagnostics.filter((d) => d.severity === "fejl")).toEqual([]);
  const results = runMeasurementExamples(checked.ast, checked.measurements ?? [], uri);
  expect(results).toHaveLength(checked.ast.examples!.length);
  expect(results.filter((r) => !r.ok).map((r) => r.title)).toEqual([]);
}

const applyEdits = (source: string, edits: TextEdit[]): string =>
  applyFixes(source, edits.map((e) => ({ span: e.span, replacement: e.newText })));

describe("the language service in a måling", () => {
  it("outlines the person data with their fields and the måling with its table's fields", () => {
    expect(persons.length).toBeGreaterThan(1);
    expect(outputs).toEqual(expect.arrayContaining(["maalgruppe", "uden_tilbud", "under_4_samtaler"]));
    const outline = open().documentSymbols(uri);
    for (const d of persons) {
      const s = outline.find((x) => x.kind === "data" && x.name === d.name.text && x.person === d.grain.value)!;
      expect(s, d.name.text).toBeDefined();
      expect(s.children!.map((c) => c.name)).toEqual(d.fields.map((f) => f.name.text));
    }
    const m = outline.find((x) => x.measurement && x.kind === "data")!;
    expect(m.name).toBe(measurement.name.text);
    expect(m.children!.map((c) => c.name)).toEqual(outputs);
  });

  it("hovers a table field, the måling, and the person data a count names, in Danish with their kilde", () => {
    const service = open();
    const use = measurement.outputs.find((o) => o.name.text === "uden_tilbud")!;
    const useText = text.slice(use.span.start.offset, use.span.end.offset);
    const field = service.hover(uri, place(text, useText, "maalgruppe"))!;
    const declared = measurement.outputs.find((o) => o.name.text === "maalgruppe")!;
    expect(field.markdown).toContain("**Felt i målingens tabel** `maalgruppe`");
    expect(field.markdown).toContain(`Kilde: ${declared.source!.value}`);
    expect(field.markdown).toContain(`Erklæret i linje ${declared.name.span.start.line}.`);

    const tilbud = persons.find((d) => d.name.text === "tilbud")!;
    const data = service.hover(uri, place(text, "antal(tilbud)", "tilbud"))!;
    expect(data.markdown).toContain("**Persondata** `tilbud`");
    expect(data.markdown).toContain(`Erklæret i linje ${tilbud.name.span.start.line}.`);

    const m = service.hover(uri, { line: measurement.name.span.start.line, column: measurement.name.span.start.column })!;
    expect(m.markdown).toContain(`**Måling** \`${measurement.name.text}\``);
    expect(m.markdown).toContain(measurement.title!.value);
    expect(m.markdown).toContain(`Kilde: ${measurement.source!.value}`);
  });

  it("hovers a limit in a table field's condition with the field, the måling and the field's kilde", () => {
    const service = open();
    const field = measurement.outputs.find((o) => o.name.text === "uden_tilbud")!;
    const fieldText = text.slice(field.span.start.offset, field.span.end.offset);
    const limit = /under (\d+)\)/u.exec(fieldText)!;
    const number = place(text, fieldText, limit[1]!);
    const hoverOnNumber = service.hover(uri, number)!;
    expect(hoverOnNumber.markdown).toContain(`**Grænse** \`${limit[1]}\` i feltet \`uden_tilbud\` i målingen \`${measurement.name.text}\``);
    expect(hoverOnNumber.markdown).toContain(`Kilde: ${field.source!.value}`);
    expect(hoverOnNumber.markdown).not.toContain("tilsyn sweep");
  });

  it("goes to the field of the data a `tæl` counts: `art` of samtaler and of tilbud are two names", () => {
    const service = open();
    const samtaler = persons.find((d) => d.name.text === "samtaler")!.fields.find((f) => f.name.text === "art")!;
    const tilbud = persons.find((d) => d.name.text === "tilbud")!.fields.find((f) => f.name.text === "art")!;
    const inSamtaler = place(text, 'når art = "sygeopfoelgning"', "art");
    const inTilbud = place(text, 'når art = "virksomhedspraktik"', "art");
    expect(service.definition(uri, inSamtaler).map(at)).toEqual([`${samtaler.name.span.start.line}:${samtaler.name.span.start.column}`]);
    expect(service.definition(uri, inTilbud).map(at)).toEqual([`${tilbud.name.span.start.line}:${tilbud.name.span.start.column}`]);
    // Together the two fields' references are every `art` written as a name, and they share none.
    const a = service.references(uri, inSamtaler).map(at);
    const b = service.references(uri, inTilbud).map(at);
    expect(a.filter((x) => b.includes(x))).toEqual([]);
    expect([...a, ...b].sort()).toEqual(nameTokens(text, "art").sort());
    // `ydelse` in a tæl case is the person's benefit in the event's month: the month data's field.
    const ydelse = service.definition(uri, place(text, 'og (ydelse = "uddannelseshjaelp"', "ydelse"));
    const month = persons.find((d) => d.grain.value === "måned" && d.fields.some((f) => f.name.text === "ydelse"))!;
    expect(ydelse.map((l) => l.span.start.line)).toEqual([month.fields.find((f) => f.name.text === "ydelse")!.name.span.start.line]);
  });

  it("finds every use of each table field: later conditions and the expected tables' headers", () => {
    const service = open();
    for (const o of measurement.outputs) {
      const refs = service.references(uri, { line: o.name.span.start.line, column: o.name.span.start.column }).map(at);
      expect(refs.sort(), o.name.text).toEqual(nameTokens(text, o.name.text).sort());
    }
  });

  it("renames a table field in its later conditions and in `forventer data` headers; the examples still hold", () => {
    const service = open();
    const declared = measurement.outputs.find((o) => o.name.text === "maalgruppe")!;
    const before = nameTokens(text, "maalgruppe").length;
    const result = service.rename(uri, { line: declared.name.span.start.line, column: declared.name.span.start.column }, "i_maalgruppe");
    expect("edits" in result).toBe(true);
    const renamed = applyEdits(text, (result as { edits: Record<string, TextEdit[]> }).edits[uri]!);
    expect(nameTokens(renamed, "maalgruppe")).toEqual([]);
    expect(nameTokens(renamed, "i_maalgruppe")).toHaveLength(before);
    const headers = renamed.split("\n").filter((l) => /^\s*kommune\s*\|/.test(l));
    expect(headers.some((l) => l.includes("| i_maalgruppe"))).toBe(true);
    expectExamplesHold(renamed);
  });

  it("renames a person data field in the spell, the conditions and the `data` tables' headers", () => {
    const service = open();
    const before = nameTokens(text, "ydelse").length;
    const result = service.rename(uri, place(text, "med samme ydelse", "ydelse"), "ydelsestype");
    const renamed = applyEdits(text, (result as { edits: Record<string, TextEdit[]> }).edits[uri]!);
    expect(nameTokens(renamed, "ydelse")).toEqual([]);
    expect(nameTokens(renamed, "ydelsestype")).toHaveLength(before);
    expectExamplesHold(renamed);
  });

  it("runs a måling's examples in their lenses: ✓ where the table holds, ✗ where an expected row does not", () => {
    const lenses = open().exampleLenses(uri);
    expect(lenses.map((l) => l.span.start.line)).toEqual(ast.examples!.map((e) => e.span.start.line));
    expect(lenses.filter((l) => !l.ok).map((l) => l.title)).toEqual([]);
    // Change one measured value in the first expected table: that example, and only it, fails.
    const example = ast.examples!.find((e) => e.expectedTables?.length)!;
    const table = example.expectedTables![0]!;
    const column = table.columns.findIndex((c) => c.text === "maalgruppe");
    const cell = table.rows[table.rows.length - 1]!.cells[column]!;
    const wrong = `${text.slice(0, cell.span.start.offset)}${Number(cell.value) + 1}${text.slice(cell.span.end.offset)}`;
    const after = open(wrong).exampleLenses(uri);
    expect(after.filter((l) => !l.ok).map((l) => l.span.start.line)).toEqual([example.span.start.line]);
    expect(after.find((l) => !l.ok)!.title).toContain(`linje ${cell.span.start.line}`);
  });

  it("completes a field's condition with month fields and earlier table fields, a tæl case with its own data's fields first", () => {
    const service = open();
    const monthFields = persons.filter((d) => d.grain.value === "måned").flatMap((d) => d.fields.map((f) => f.name.text));
    // `uden_tilbud = antal(personer hvor |`: the month fields, `maalgruppe` (declared above), not itself.
    const use = measurement.outputs.find((o) => o.name.text === "uden_tilbud")!;
    const useText = text.slice(use.span.start.offset, use.span.end.offset);
    const afterHvor = place(text, useText, "hvor ");
    const items = service.completion(uri, { line: afterHvor.line, column: afterHvor.column + "hvor ".length }).map((c) => c.label);
    expect(items).toEqual(expect.arrayContaining([...monthFields, "maalgruppe", "varighed", "antal"]));
    expect(items).not.toContain("uden_tilbud");
    expect(items).not.toContain("under_4_samtaler");
    expect(items).not.toContain("art");

    // A case of `tæl tilbud`: tilbud's fields first, then the month fields; never samtaler's `form`.
    const tilbud = persons.find((d) => d.name.text === "tilbud")!.fields.map((f) => f.name.text);
    const caseAt = place(text, 'når art = "virksomhedspraktik"', "art");
    const inCase = service.completion(uri, caseAt);
    expect(inCase.slice(0, tilbud.length).map((c) => c.label)).toEqual(tilbud);
    expect(inCase.map((c) => c.label)).toEqual(expect.arrayContaining(monthFields));
    expect(inCase.map((c) => c.label)).not.toContain("form");
  });

  it("outside the måling, its names and person data's are not values: a criterion neither resolves nor is offered them", () => {
    const mixed = `${text}\ndata d pr kommune, måned\n  borgere: antal "borgere"\n\nkriterie k "t"\n  når maalgruppe over 2 og borgere over 1\n  kilde "x"\n`;
    const service = open(mixed);
    const use = place(mixed, "når maalgruppe over 2", "maalgruppe");
    expect(service.definition(uri, use)).toEqual([]);
    const declared = measurement.outputs.find((o) => o.name.text === "maalgruppe")!;
    const refs = service.references(uri, { line: declared.name.span.start.line, column: declared.name.span.start.column }).map(at);
    expect(refs).not.toContain(`${use.line}:${use.column}`);
    const labels = service.completion(uri, place(mixed, "når maalgruppe over 2", "maalgruppe")).map((c) => c.label);
    expect(labels).toContain("borgere");
    for (const name of [...outputs, ...persons.flatMap((d) => d.fields.map((f) => f.name.text))]) expect(labels).not.toContain(name);
  });

  it("completes an example's table header: `forventer data` with the måling's fields, person data with its own", () => {
    const service = open();
    const labels = (header: RegExp) => {
      const lines = text.split("\n");
      const line = lines.findIndex((l, i) => i > 0 && header.test(lines[i - 1]!)) + 1;
      expect(line).toBeGreaterThan(0);
      const column = /^\s*/.exec(lines[line - 1]!)![0].length + 1;
      return service.completion(uri, { line, column }).map((c) => c.label);
    };
    const expected = labels(/^\s*forventer data fokusmaal\s*$/u);
    expect(expected).toEqual(expect.arrayContaining([...outputs, "kommune", "maaned"]));
    const samtaler = persons.find((d) => d.name.text === "samtaler")!;
    const events = labels(/^\s*data samtaler\s*$/u);
    expect(events).toEqual(expect.arrayContaining([...samtaler.fields.map((f) => f.name.text), "person", "dato"]));
    expect(events).not.toContain("ydelse");
    expect(events).not.toContain("maaned");
  });
});
