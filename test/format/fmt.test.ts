// `tilsyn fmt` (cli/fmt.ts) and the plugin's use outside the CLI: syntax errors, the
// browser build of prettier, no Node APIs in the plugin.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as standalone from "prettier/standalone";
import { afterAll, describe, expect, it } from "vitest";
import { nodeFmtIo, runFmt, type FmtIo } from "../../cli/fmt.js";
import plugin, { TilsynSyntaxError } from "../../grammar/prettier/index.js";
import { fmt } from "./helpers.js";

const root = join(import.meta.dirname, "..", "..");
const policy = readFileSync(join(root, "policies", "tidlig-indsats-2024.tilsyn"), "utf8");
const UGLY = 'politik p "t"   kilde "K"\nmål a=1\n';
const PRETTY = 'politik p "t"\n  kilde "K"\nmål a = 1\n';
const BROKEN = 'politik p "t"\nkriterie k\n  når andel over\n';

/** An in-memory file system and terminal. */
function memoryIo(files: Record<string, string>) {
  const written: string[] = [];
  let stdout = "";
  let stderr = "";
  const io: FmtIo = {
    async readFile(path) {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
      return text;
    },
    async writeFile(path, text) {
      written.push(path);
      files[path] = text;
    },
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  };
  return { io, files, written, out: () => stdout, err: () => stderr };
}

describe("tilsyn fmt", () => {
  it("formats in place, writing only the files that change", async () => {
    const m = memoryIo({ "a.tilsyn": UGLY, "b.tilsyn": PRETTY });
    expect(await runFmt(["a.tilsyn", "b.tilsyn"], { check: false }, m.io)).toBe(0);
    expect(m.files["a.tilsyn"]).toBe(PRETTY);
    expect(m.written).toEqual(["a.tilsyn"]);
    expect(m.out()).toContain("a.tilsyn");
    expect(m.err()).toBe("");
  });

  it("--check lists the files that would change (in Danish), exits 1 and writes nothing", async () => {
    const m = memoryIo({ "a.tilsyn": UGLY, "b.tilsyn": PRETTY, "c.tilsyn": UGLY });
    expect(await runFmt(["a.tilsyn", "b.tilsyn", "c.tilsyn"], { check: true }, m.io)).toBe(1);
    expect(m.err()).toContain("Disse filer er ikke formateret: a.tilsyn, c.tilsyn");
    expect(m.written).toEqual([]);
  });

  it("--check exits 0 when everything is formatted", async () => {
    const m = memoryIo({ "p.tilsyn": policy });
    expect(await runFmt(["p.tilsyn"], { check: true }, m.io)).toBe(0);
    expect(m.err()).toBe("");
  });

  for (const check of [false, true]) {
    it(`a file with syntax errors is never rewritten: Danish diagnostics, exit 1 (check: ${check})`, async () => {
      const m = memoryIo({ "fejl.tilsyn": BROKEN, "a.tilsyn": UGLY });
      expect(await runFmt(["fejl.tilsyn", "a.tilsyn"], { check }, m.io)).toBe(1);
      expect(m.files["fejl.tilsyn"]).toBe(BROKEN);
      expect(m.written).not.toContain("fejl.tilsyn");
      expect(m.err()).toMatch(/fejl\[T01\d\d\]: /);
      expect(m.err()).toContain("--> fejl.tilsyn:3:");
      expect(m.err()).toContain("3 |   når andel over");
      // The other file is still handled.
      if (!check) expect(m.files["a.tilsyn"]).toBe(PRETTY);
    });
  }

  it("a missing file: a Danish message and exit 2; the other files are still formatted", async () => {
    const m = memoryIo({ "a.tilsyn": UGLY });
    expect(await runFmt(["findes-ikke.tilsyn", "a.tilsyn"], { check: false }, m.io)).toBe(2);
    expect(m.err()).toContain("Filen findes-ikke.tilsyn findes ikke.");
    expect(m.files["a.tilsyn"]).toBe(PRETTY);
  });

  it("no files: a Danish message and exit 2", async () => {
    const m = memoryIo({});
    expect(await runFmt([], { check: false }, m.io)).toBe(2);
    expect(m.err()).toContain("Angiv mindst én politikfil");
  });

  describe("on disk", () => {
    const dir = mkdtempSync(join(tmpdir(), "tilsyn-fmt-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("searches directories for *.tilsyn and writes atomically (no temp files left)", async () => {
      mkdirSync(join(dir, "under"));
      writeFileSync(join(dir, "a.tilsyn"), UGLY);
      writeFileSync(join(dir, "under", "b.tilsyn"), UGLY);
      writeFileSync(join(dir, "pæn.tilsyn"), PRETTY);
      writeFileSync(join(dir, "noter.txt"), UGLY);
      const before = statSync(join(dir, "pæn.tilsyn")).mtimeMs;
      let stdout = "";
      const io = { ...nodeFmtIo, stdout: (t: string) => void (stdout += t), stderr: () => {} };
      expect(await runFmt([dir], { check: true }, io)).toBe(1);
      expect(readFileSync(join(dir, "a.tilsyn"), "utf8")).toBe(UGLY);
      expect(await runFmt([dir], { check: false }, io)).toBe(0);
      expect(readFileSync(join(dir, "a.tilsyn"), "utf8")).toBe(PRETTY);
      expect(readFileSync(join(dir, "under", "b.tilsyn"), "utf8")).toBe(PRETTY);
      expect(readFileSync(join(dir, "noter.txt"), "utf8")).toBe(UGLY);
      expect(statSync(join(dir, "pæn.tilsyn")).mtimeMs).toBe(before);
      expect(readdirSync(dir).sort()).toEqual(["a.tilsyn", "noter.txt", "pæn.tilsyn", "under"]);
      expect(stdout).not.toContain("pæn.tilsyn");
      expect(await runFmt([dir], { check: true }, io)).toBe(0);
    });
  });
});

describe("the plugin", () => {
  it("throws a prettier-style syntax error carrying the parser's Danish diagnostics", async () => {
    const error = await fmt(BROKEN, "fejl.tilsyn").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TilsynSyntaxError);
    const e = error as TilsynSyntaxError;
    expect(e.diagnostics.length).toBeGreaterThan(0);
    expect(e.diagnostics[0]!.file).toBe("fejl.tilsyn");
    expect(e.diagnostics[0]!.code).toMatch(/^T01/);
    expect(e.loc.start.line).toBe(3);
    expect(e.message).toContain(e.diagnostics[0]!.message);
  });

  it("works with prettier/standalone, as in the browser", async () => {
    const out = await standalone.format(UGLY, { parser: "tilsyn", plugins: [plugin] });
    expect(out).toBe(PRETTY);
    expect(await standalone.format(policy, { parser: "tilsyn", plugins: [plugin] })).toBe(policy);
  });

  it("declares the language, the parser with locStart/locEnd and the printer", () => {
    expect(plugin.languages[0]).toMatchObject({ name: "tilsyn", extensions: [".tilsyn"] });
    expect(plugin.parsers.tilsyn.astFormat).toBe("tilsyn");
    expect(typeof plugin.parsers.tilsyn.locStart).toBe("function");
    const printer = plugin.printers.tilsyn;
    for (const hook of ["print", "getVisitorKeys", "canAttachComment", "printComment"] as const) {
      expect(typeof printer[hook]).toBe("function");
    }
    expect(plugin.defaultOptions.printWidth).toBe(100);
  });

  it("uses no Node-only APIs (it runs in the playground's browser)", () => {
    // The plugin and everything it imports from the project.
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, "utf8");
      expect(source, file).not.toMatch(/from\s+["']node:|require\(|\bprocess\.|\bBuffer\b/);
      for (const [, spec] of source.matchAll(/from\s+["'](\.{1,2}\/[^"']+)["']/g)) {
        visit(join(file, "..", spec!.replace(/\.js$/, ".ts")));
      }
    };
    visit(join(root, "grammar", "prettier", "index.ts"));
    expect(seen.size).toBeGreaterThan(5);
  });

  it("honours printWidth", async () => {
    const text = "kriterie k\n  når aaaaaaaaaa og bbbbbbbbbb og cccccccccc\n";
    expect(await fmt(text)).toBe(text);
    expect(await standalone.format(text, { parser: "tilsyn", plugins: [plugin], printWidth: 30 })).toBe(
      "kriterie k\n  når aaaaaaaaaa\n    og bbbbbbbbbb\n    og cccccccccc\n",
    );
  });
});
