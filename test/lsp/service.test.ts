// The language service itself (compiler/service/), without an editor: the quick fixes for
// `tillad`, references and the outline. The language server's test (lsp.test.ts) drives the rest
// through `tilsyn lsp`; the playground's browser test through Monaco.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { applyFixes, checkPolicy } from "../../compiler/index.js";
import { LanguageService, type TextEdit } from "../../compiler/service/index.js";
import { compiler } from "../../compiler/service/compiler.js";

const root = join(import.meta.dirname, "..", "..");
const policy = readFileSync(join(root, "policies", "jobsoegning.tilsyn"), "utf8").normalize("NFC");
const uri = "file:///politik/jobsoegning.tilsyn";

const applyEdits = (text: string, edits: TextEdit[]): string => applyFixes(text, edits.map((e) => ({ span: e.span, replacement: e.newText })));
const whole = (text: string) => ({ start: { line: 1, column: 1 }, end: { line: text.split("\n").length + 1, column: 1 } });

describe("the language service", () => {
  it("silences a warning with a `tillad` added to the declaration it is about, and removes a `tillad` that silences nothing", () => {
    const allowLine = policy.split("\n").find((l) => l.trim().startsWith("tillad T0505"))!;
    const without = policy.replace(`${allowLine}\n`, "");
    const service = new LanguageService({ compiler });
    const warned = service.update(uri, without).diagnostics.filter((d) => d.code === "T0505");
    expect(warned.length).toBeGreaterThan(0);
    const action = service.codeActions(uri, whole(without)).find((a) => a.diagnostic.code === "T0505" && a.title.startsWith("Tillad T0505"))!;
    expect(action).toBeDefined();
    const fixed = applyEdits(without, action.edits[uri]!);
    const after = checkPolicy(fixed, uri).diagnostics;
    expect(after.filter((d) => d.code === "T0505" || d.code === "T0509" || d.severity === "fejl")).toEqual([]);

    // A `tillad` for a warning that is not there (T0509): the fix removes the line.
    const header = policy.split("\n").find((l) => l.startsWith("kriterie straks"))!;
    const extra = policy.replace(`${header}\n`, `${header}\n  tillad T0508 "ingen grund"\n`);
    expect(checkPolicy(extra, uri).diagnostics.filter((d) => d.code === "T0509")).toHaveLength(1);
    service.update(uri, extra);
    const remove = service.codeActions(uri, whole(extra)).find((a) => a.diagnostic.code === "T0509")!;
    expect(checkPolicy(applyEdits(extra, remove.edits[uri]!), uri).diagnostics.filter((d) => d.code === "T0509")).toEqual([]);
  });

  it("finds every use of a measure and lists the outline in source order", () => {
    const service = new LanguageService({ compiler });
    service.update(uri, policy);
    const lines = policy.split("\n");
    const line = lines.findIndex((l) => l.startsWith("mål andel_røde")) + 1;
    const refs = service.references(uri, { line, column: "mål ".length + 2 });
    const expected = [...policy.matchAll(/\bandel_røde\b/gu)].length;
    expect(refs).toHaveLength(expected);
    const outline = service.documentSymbols(uri);
    const declared = checkPolicy(policy, uri).ast.declarations.flatMap((d) => ("name" in d && d.name ? [d.name.text] : []));
    expect(outline.filter((s) => s.kind !== "politik" && s.kind !== "trin").map((s) => s.name)).toEqual(declared);
    expect(outline.find((s) => s.kind === "data")!.children!.map((c) => c.name)).toContain("roed");
  });

  it("is browser-safe: nothing it imports, however indirectly, uses a Node API", () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, "utf8");
      const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
      expect(code, relative(root, file)).not.toMatch(/from\s+["']node:|require\(|\bprocess\.|\bBuffer\b/);
      for (const [, target] of source.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
        const ts = resolve(dirname(file), target!).replace(/\.js$/, ".ts");
        if (existsSync(ts)) visit(ts);
      }
    };
    visit(join(root, "compiler", "service", "index.ts"));
    visit(join(root, "compiler", "service", "compiler.ts"));
    expect([...seen].map((f) => relative(root, f))).toContain("compiler/index.ts");
  });

  it("completes an example table's header with the fields of its own data block, and a number with units", () => {
    const text = readFileSync(join(root, "policies", "skaerpet-tilsyn.tilsyn"), "utf8").normalize("NFC");
    const u = "file:///politik/skaerpet-tilsyn.tilsyn";
    const service = new LanguageService({ compiler });
    const checked = service.update(u, text);
    const blocks = checked.ast.declarations.flatMap((d) => (d.kind === "DataDecl" ? [d] : []));
    expect(blocks.length).toBeGreaterThan(1);
    for (const table of checked.ast.examples!.flatMap((e) => e.tables)) {
      const header = table.columns[0]!.span.start;
      const labels = service.completion(u, { line: header.line, column: header.column }).map((c) => c.label);
      const own = blocks.find((b) => b.name.text === table.data.text)!;
      const others = blocks.filter((b) => b !== own).flatMap((b) => b.fields.map((f) => f.name.text));
      for (const f of own.fields) expect(labels, table.data.text).toContain(f.name.text);
      for (const f of others) expect(labels, table.data.text).not.toContain(f);
    }
    const streak = text.split("\n").findIndex((l) => /over de seneste \d+ /.test(l)) + 1;
    const column = text.split("\n")[streak - 1]!.search(/seneste \d+ /) + "seneste 12 ".length + 1;
    expect(service.completion(u, { line: streak, column }).map((c) => c.label)).toContain("måneder");
  });

  it("tells on hover which rule a threshold belongs to", () => {
    const service = new LanguageService({ compiler });
    const checked = service.update(uri, policy);
    const straks = checked.ast.declarations.find((d) => d.kind === "CriterionDecl" && d.name.text === "straks")!;
    if (straks.kind !== "CriterionDecl" || straks.when?.kind !== "Compare") throw new Error("straks: når … mindst 50 % was expected");
    const limit = straks.when.right.span.start;
    const hover = service.hover(uri, { line: limit.line, column: limit.column })!;
    expect(hover.markdown).toContain("Grænse");
    expect(hover.markdown).toContain("`straks`");
    expect(hover.markdown).toContain(straks.title!.value);
  });
});
