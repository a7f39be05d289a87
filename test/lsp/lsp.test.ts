// `tilsyn lsp --stdio` as an editor drives it: the built command (bin/tilsyn.mjs → dist/, built by
// `npm run build`) in its own process, spoken to over JSON-RPC with vscode-jsonrpc. Every expected
// answer is derived from the policy, the keyword table or `tilsyn fmt`, not written out here.

import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPolicy } from "../../compiler/index.js";
import { keywordInfo } from "../../grammar/keywords.js";
import type { CriterionDecl, MeasureDecl, MeasurementDecl } from "../../grammar/ast.js";

const root = join(import.meta.dirname, "..", "..");
const tmp = join(root, ".tmp", "lsp");
const policyText = readFileSync(join(root, "policies", "jobsoegning.tilsyn"), "utf8");

interface LspPosition {
  line: number;
  character: number;
}
interface LspRange {
  start: LspPosition;
  end: LspPosition;
}
interface LspTextEdit {
  range: LspRange;
  newText: string;
}
interface LspDiagnostic {
  range: LspRange;
  severity?: number;
  code?: string;
  message: string;
}
interface Published {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}

/** The 0-based position of the `nth` occurrence of `needle` in `text` (plus `shift` characters). */
function positionOf(text: string, needle: string, shift = 0, nth = 0): LspPosition {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} findes ikke`);
  }
  const before = text.slice(0, at + shift);
  const line = before.split("\n").length - 1;
  return { line, character: before.length - before.lastIndexOf("\n") - 1 };
}

const apply = (text: string, edits: LspTextEdit[]): string => TextDocument.applyEdits(TextDocument.create("x", "tilsyn", 0, text), edits);

describe("tilsyn lsp --stdio", () => {
  let child: ChildProcessWithoutNullStreams;
  let rpc: MessageConnection;
  const published: Published[] = [];
  const waiters: { test: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  const versions = new Map<string, number>();

  /** The next diagnostics published for a document that satisfy `test` (or the latest, if they already have). */
  function diagnosticsWhere(uri: string, test: (d: LspDiagnostic[]) => boolean, since = 0): Promise<Published> {
    const match = (p: Published) => p.uri === uri && (p.version ?? 0) >= since && test(p.diagnostics);
    const latest = published.filter((p) => p.uri === uri).at(-1);
    if (latest && match(latest)) return Promise.resolve(latest);
    return new Promise((resolve) => waiters.push({ test: match, resolve }));
  }

  const uriOf = (name: string) => pathToFileURL(join(tmp, name)).href;

  function open(name: string, text: string): string {
    const uri = uriOf(name);
    writeFileSync(join(tmp, name), text);
    versions.set(uri, 1);
    void rpc.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "tilsyn", version: 1, text } });
    return uri;
  }

  /** Send edits as incremental changes; returns the new version. */
  function change(uri: string, edits: LspTextEdit[]): number {
    const version = (versions.get(uri) ?? 1) + 1;
    versions.set(uri, version);
    // Later edits first, so each range still points into the text the client had.
    const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    void rpc.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: ordered.map((e) => ({ range: e.range, text: e.newText })) });
    return version;
  }

  beforeAll(async () => {
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    child = spawn(process.execPath, [join(root, "bin/tilsyn.mjs"), "lsp", "--stdio"], { cwd: root });
    rpc = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    rpc.onNotification("textDocument/publishDiagnostics", (p: Published) => {
      published.push(p);
      for (const w of [...waiters]) {
        if (!w.test(p)) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    });
    rpc.onNotification("window/logMessage", () => {});
    rpc.listen();
    const init = await rpc.sendRequest<{ capabilities: Record<string, unknown> }>("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(tmp).href,
      capabilities: {},
    });
    expect(init.capabilities["hoverProvider"]).toBe(true);
    await rpc.sendNotification("initialized", {});
  });

  afterAll(() => {
    rpc?.dispose();
    if (child?.exitCode === null) child.kill();
  });

  it("marks a misspelt field with T0201 «Mente du …?», and its quick fix repairs it", async () => {
    const misspelt = policyText.replace("= roed / jobparate", "= roedd / jobparate");
    const uri = open("stavefejl.tilsyn", misspelt);
    const { diagnostics } = await diagnosticsWhere(uri, (d) => d.some((x) => x.code === "T0201"));
    const d = diagnostics.find((x) => x.code === "T0201")!;
    const start = positionOf(misspelt, "roedd / jobparate");
    expect(d.range).toEqual({ start, end: { line: start.line, character: start.character + "roedd".length } });
    expect(d.severity).toBe(1);
    expect(d.message).toContain("Mente du `roed`?");

    const actions = await rpc.sendRequest<{ title: string; edit: { changes: Record<string, LspTextEdit[]> } }[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const fix = actions.find((a) => a.title.includes("`roed`"))!;
    expect(fix).toBeDefined();
    const edits = fix.edit.changes[uri]!;
    const repaired = apply(misspelt, edits);
    expect(repaired).toBe(policyText);
    const version = change(uri, edits);
    const after = await diagnosticsWhere(uri, () => true, version);
    expect(after.diagnostics.filter((x) => x.severity === 1)).toEqual([]);
  });

  it("speaks of places in the editor's own text when it is not NFC (`å` typed as `a` + ring)", async () => {
    const decomposed = policyText.replace('"andel røde" = roed / jobparate', '"andel røde på måneden" = roedd / jobparate'.normalize("NFD"));
    expect(decomposed).not.toBe(decomposed.normalize("NFC"));
    const uri = open("nfd.tilsyn", decomposed);
    const { diagnostics } = await diagnosticsWhere(uri, (d) => d.some((x) => x.code === "T0201"));
    const d = diagnostics.find((x) => x.code === "T0201")!;
    const start = positionOf(decomposed, "roedd / jobparate");
    expect(d.range).toEqual({ start, end: { line: start.line, character: start.character + "roedd".length } });
    const actions = await rpc.sendRequest<{ title: string; edit: { changes: Record<string, LspTextEdit[]> } }[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const repaired = apply(decomposed, actions.find((a) => a.title.includes("`roed`"))!.edit.changes[uri]!);
    expect(repaired).toBe(decomposed.replace("roedd /", "roed /"));
  });

  it("explains `sammenhængende` and a measure in Danish on hover", async () => {
    const uri = open("hover.tilsyn", policyText);
    await diagnosticsWhere(uri, () => true);
    type HoverResult = { contents: { kind: string; value: string } } | null;
    const keyword = await rpc.sendRequest<HoverResult>("textDocument/hover", { textDocument: { uri }, position: positionOf(policyText, "i 3 sammenhængende måneder", 7) });
    expect(keyword!.contents.value).toContain(keywordInfo("sammenhængende")!.hover);

    const measure = checkPolicy(policyText, "x").ast.declarations.find((d): d is MeasureDecl => d.kind === "MeasureDecl" && d.name.text === "andel_røde")!;
    const hover = await rpc.sendRequest<HoverResult>("textDocument/hover", { textDocument: { uri }, position: positionOf(policyText, "når andel_røde", 6) });
    expect(hover!.contents.value).toContain("Mål");
    expect(hover!.contents.value).toContain(measure.title!.value);
    expect(hover!.contents.value).toContain(`Erklæret i linje ${measure.name.span.start.line}`);
  });

  it("offers the measures after `når `, before anything else", async () => {
    const uri = uriOf("hover.tilsyn");
    const items = await rpc.sendRequest<{ label: string; sortText?: string }[]>("textDocument/completion", {
      textDocument: { uri },
      position: positionOf(policyText, "når andel_røde mindst", "når ".length),
      // As an editor asks on its own when the space after `når` is typed.
      context: { triggerKind: 2, triggerCharacter: " " },
    });
    const measures = checkPolicy(policyText, "x").ast.declarations.filter((d) => d.kind === "MeasureDecl").map((d) => (d as MeasureDecl).name.text);
    expect(measures.length).toBeGreaterThan(0);
    const sorted = [...items].sort((a, b) => ((a.sortText ?? a.label) < (b.sortText ?? b.label) ? -1 : 1)).map((i) => i.label);
    expect(sorted.slice(0, measures.length).sort()).toEqual([...measures].sort());
    // After a space where nothing in particular is expected, no list pops up by itself.
    const quiet = await rpc.sendRequest<unknown[]>("textDocument/completion", {
      textDocument: { uri },
      position: positionOf(policyText, "  kilde ", "  kilde ".length),
      context: { triggerKind: 2, triggerCharacter: " " },
    });
    expect(quiet).toEqual([]);
  });

  it("goes from a measure's use to its declaration", async () => {
    const uri = uriOf("hover.tilsyn");
    const locations = await rpc.sendRequest<{ uri: string; range: LspRange }[]>("textDocument/definition", {
      textDocument: { uri },
      position: positionOf(policyText, "når andel_røde", 6),
    });
    const declared = positionOf(policyText, "mål andel_røde", 4);
    expect(locations).toEqual([{ uri, range: { start: declared, end: { line: declared.line, character: declared.character + "andel_røde".length } } }]);
  });

  it("knows a måling's names: hover, definition and outline of its table's fields", async () => {
    const text = readFileSync(join(root, "policies", "maaling", "fokusmaal.tilsyn"), "utf8");
    const uri = open("fokusmaal.tilsyn", text);
    await diagnosticsWhere(uri, () => true);
    const m = checkPolicy(text, "x").ast.declarations.find((d): d is MeasurementDecl => d.kind === "MeasurementDecl")!;
    const declared = m.outputs.find((o) => o.name.text === "maalgruppe")!;
    const use = positionOf(text, "hvor maalgruppe og", "hvor ".length + 1);
    type HoverResult = { contents: { kind: string; value: string } } | null;
    const hover = await rpc.sendRequest<HoverResult>("textDocument/hover", { textDocument: { uri }, position: use });
    expect(hover!.contents.value).toContain("Felt i målingens tabel");
    expect(hover!.contents.value).toContain(declared.source!.value);
    const locations = await rpc.sendRequest<{ uri: string; range: LspRange }[]>("textDocument/definition", { textDocument: { uri }, position: use });
    const at = positionOf(text, "  maalgruppe = ", 2);
    expect(locations).toEqual([{ uri, range: { start: at, end: { line: at.line, character: at.character + "maalgruppe".length } } }]);
    type Symbol = { name: string; children?: Symbol[] };
    const outline = await rpc.sendRequest<Symbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    const table = outline.find((x) => x.name === m.name.text && (x.children?.length ?? 0) > 0)!;
    expect(table.children!.map((c) => c.name)).toEqual(m.outputs.map((o) => o.name.text));
  });

  it("renames a criterion everywhere: its declaration, the examples in the file and in an open file of examples", async () => {
    const policyUri = open("omdoeb.tilsyn", policyText);
    const examplesText = [
      'eksempler til "omdoeb.tilsyn"',
      "",
      'eksempel "Strakshandling i en fil for sig"',
      "  data jobsoegning",
      "    kommune | maaned  | jobparate | roed | fortsat_uden_jobsoegning",
      "    101     | 2021-01 | 100       | 60   | 10",
      "  forventer henvendelse til 101 for 2021-01 efter straks",
      "",
    ].join("\n");
    const examplesUri = open("omdoeb.test.tilsyn", examplesText);
    await diagnosticsWhere(policyUri, () => true);
    await diagnosticsWhere(examplesUri, () => true);

    const criterion = (text: string) => checkPolicy(text, "x").ast.declarations.filter((d): d is CriterionDecl => d.kind === "CriterionDecl").map((d) => d.name.text);
    const uses = (text: string, name: string) => (checkPolicy(text, "x").ast.examples ?? []).flatMap((e) => e.expectations).filter((e) => e.rule?.text === name).length;
    expect(criterion(policyText)).toContain("straks");
    const usesBefore = uses(policyText, "straks");
    expect(usesBefore).toBeGreaterThan(0);

    const edit = await rpc.sendRequest<{ changes: Record<string, LspTextEdit[]> }>("textDocument/rename", {
      textDocument: { uri: policyUri },
      position: positionOf(policyText, "kriterie straks", "kriterie ".length + 2),
      newName: "strakshandling",
    });
    const renamedPolicy = apply(policyText, edit.changes[policyUri]!);
    const renamedExamples = apply(examplesText, edit.changes[examplesUri]!);
    expect(criterion(renamedPolicy)).toContain("strakshandling");
    expect(criterion(renamedPolicy)).not.toContain("straks");
    expect(uses(renamedPolicy, "strakshandling")).toBe(usesBefore);
    expect(uses(renamedPolicy, "straks")).toBe(0);
    expect(uses(renamedExamples, "strakshandling")).toBe(1);

    // The renamed files still hold together: no errors, and every example still passes.
    const v1 = change(policyUri, edit.changes[policyUri]!);
    const v2 = change(examplesUri, edit.changes[examplesUri]!);
    expect((await diagnosticsWhere(policyUri, () => true, v1)).diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    expect((await diagnosticsWhere(examplesUri, () => true, v2)).diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    const lenses = await rpc.sendRequest<{ command: { title: string } }[]>("textDocument/codeLens", { textDocument: { uri: examplesUri } });
    expect(lenses.map((l) => l.command.title)).toEqual([expect.stringMatching(/^✓/)]);
  });

  it("checks a file of examples against the policy it names: a misspelt rule gets «Mente du …?»", async () => {
    const text = [
      'eksempler til "hover.tilsyn"',
      "",
      'eksempel "En stavefejl i reglens navn"',
      "  data jobsoegning",
      "    kommune | maaned  | jobparate | roed | fortsat_uden_jobsoegning",
      "    101     | 2021-01 | 100       | 60   | 10",
      "  forventer henvendelse til 101 for 2021-01 efter strks",
      "",
    ].join("\n");
    const uri = open("stavefejl.test.tilsyn", text);
    const { diagnostics } = await diagnosticsWhere(uri, (d) => d.length > 0);
    const start = positionOf(text, "strks");
    const d = diagnostics.find((x) => x.range.start.line === start.line && x.range.start.character === start.character)!;
    expect(d).toBeDefined();
    expect(d.message).toContain("Mente du `straks`?");
  });

  it("formats in the house style: the same text as `tilsyn fmt`", async () => {
    // Indentation and spacing broken the way hand edits break them.
    const messy = policyText.replace(/^ {2}kilde/gm, "      kilde").replace("mål andel_røde", "mål   andel_røde");
    expect(messy).not.toBe(policyText);
    const uri = open("rod.tilsyn", messy);
    const edits = await rpc.sendRequest<LspTextEdit[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const formatted = apply(messy, edits);
    const fmtFile = join(tmp, "rod-fmt.tilsyn");
    writeFileSync(fmtFile, messy);
    const fmt = spawnSync(process.execPath, [join(root, "bin/tilsyn.mjs"), "fmt", fmtFile], { encoding: "utf8" });
    expect(fmt.status).toBe(0);
    expect(formatted).toBe(readFileSync(fmtFile, "utf8"));
    expect(formatted).not.toBe(messy);
  });

  it("runs each example in a code lens: ✓ where it holds, ✗ with the reason where it does not", async () => {
    // The first example expects a contact at exactly 50 % red; at 49 % there is none.
    const broken = policyText.replace("101     | 2021-01 | 100       | 50   | 10", "101     | 2021-01 | 100       | 49   | 10");
    expect(broken).not.toBe(policyText);
    const uri = open("linse.tilsyn", broken);
    await diagnosticsWhere(uri, () => true);
    const lenses = await rpc.sendRequest<{ range: LspRange; command: { title: string; command: string } }[]>("textDocument/codeLens", { textDocument: { uri } });
    const examples = checkPolicy(broken, "x").ast.examples!;
    expect(lenses).toHaveLength(examples.length);
    const failing = lenses.filter((l) => l.command.title.startsWith("✗"));
    expect(failing).toHaveLength(1);
    expect(failing[0]!.range.start.line).toBe(examples[0]!.span.start.line - 1);
    expect(failing[0]!.command.title).toMatch(/fejler/);
    expect(lenses.filter((l) => l.command.title.startsWith("✓"))).toHaveLength(examples.length - 1);
  });

  it("runs a file of examples with a policy that is not open, and again when the policy changes on disk", async () => {
    const policyFile = join(tmp, "lukket.tilsyn");
    writeFileSync(policyFile, policyText);
    const text = [
      'eksempler til "lukket.tilsyn"',
      "",
      'eksempel "Strakshandling ved 60 pct. røde"',
      "  data jobsoegning",
      "    kommune | maaned  | jobparate | roed | fortsat_uden_jobsoegning",
      "    101     | 2021-01 | 100       | 60   | 10",
      "  forventer henvendelse til 101 for 2021-01 efter straks",
      "",
    ].join("\n");
    const uri = open("lukket.test.tilsyn", text);
    await diagnosticsWhere(uri, () => true);
    type Lens = { command: { title: string } };
    const before = await rpc.sendRequest<Lens[]>("textDocument/codeLens", { textDocument: { uri } });
    expect(before.map((l) => l.command.title)).toEqual([expect.stringMatching(/^✓/)]);
    // The policy's limit is raised past 60 % on disk; the editor reports the change.
    const raised = policyText.replace("når andel_røde mindst 50 %", "når andel_røde mindst 70 %");
    expect(raised).not.toBe(policyText);
    writeFileSync(policyFile, raised);
    await rpc.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pathToFileURL(policyFile).href, type: 2 }] });
    const after = await rpc.sendRequest<Lens[]>("textDocument/codeLens", { textDocument: { uri } });
    expect(after.map((l) => l.command.title)).toEqual([expect.stringMatching(/^✗/)]);
  });

  it("ends with exit code 0 when the editor asks it to shut down and exit", async () => {
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await rpc.sendRequest("shutdown");
    await rpc.sendNotification("exit");
    expect(await exited).toBe(0);
  });
});
