// The message catalogue: one place for every code, typed, documented, and the ground floor of
// the layout (diagnostics/ imports nothing else of tilsyn and no Node API).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  catalogue,
  codes,
  diagnostic,
  formatMessage,
  isCode,
  problem,
  renderProblem,
  severityOf,
  type Code,
  type MessageParams,
} from "../../diagnostics/index.js";
import { DOCS, RANGES, updateErrorCodes } from "../../scripts/error-codes.js";

const root = join(import.meta.dirname, "..", "..");
const span = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } };

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mjs)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

describe("the catalogue", () => {
  it("holds every range, in order, each code once with a message and a doc", () => {
    expect(codes.length).toBe(Object.keys(catalogue).length);
    for (const range of RANGES) expect(codes.some((c) => c.startsWith(range)), range).toBe(true);
    for (const c of codes) {
      expect(c).toMatch(/^T0[1-5]\d\d$/);
      expect(catalogue[c].message.length, c).toBeGreaterThan(0);
      expect(catalogue[c].doc.length, c).toBeGreaterThan(0);
      expect(catalogue[c].doc, `${c}: a doc is shown without parameters`).not.toMatch(/\{\w+\}/);
      expect(catalogue[c].doc, `${c}: a doc is one table cell`).not.toMatch(/[|\n]/);
    }
  });

  it("warnings are exactly the T05xx codes and a data file without rows (T0329, which does not stop a run); notes are the listed ones", () => {
    const dataWarnings = new Set(["T0329"]);
    const notes = new Set(["T0332", "T0445"]);
    for (const c of codes) expect(severityOf(c), c).toBe(c.startsWith("T05") || dataWarnings.has(c) ? "advarsel" : notes.has(c) ? "note" : "fejl");
  });

  it("fills in parameters and renders a problem without a place the way the CLI prints it", () => {
    expect(formatMessage("T0203", { left: "en andel", right: "et antal", text: "a over b" })).toBe(
      "Her sammenlignes en andel med et antal: `a over b`.",
    );
    expect(renderProblem(problem("T0401", { path: "x.tilsyn" }))).toBe(
      "fejl[T0401]: Filen x.tilsyn findes ikke.\n  = hjælp: Tjek stien, eller kør kommandoen fra projektets mappe.",
    );
    expect(renderProblem(problem("T0405", {}))).toBe("fejl[T0405]: Angiv mindst én politikfil, fx policies/jobsoegning.tilsyn.");
  });

  it("an unknown code or a wrong parameter does not compile", () => {
    expectTypeOf<MessageParams<"T0203">>().toEqualTypeOf<{ readonly left: string; readonly right: string; readonly text: string }>();
    expectTypeOf<"T0999">().not.toExtend<Code>();
    // Never called: `tsc --noEmit -p .` checks that each line below is an error.
    const wrong = () => {
      // @ts-expect-error an unknown code
      diagnostic("T0999", "f", span, {});
      // @ts-expect-error a missing parameter (`text`)
      diagnostic("T0203", "f", span, { left: "a", right: "b" });
      // @ts-expect-error an extra parameter
      diagnostic("T0203", "f", span, { left: "a", right: "b", text: "c", extra: "d" });
      // @ts-expect-error a parameter for a code that takes none
      problem("T0405", { path: "x" });
    };
    expect(typeof wrong).toBe("function");
  });

  it("every code written as a string in the sources is in the catalogue", () => {
    // Calls are checked by the compiler; this also covers codes in comments, in `tillad`
    // handling and in the CLI.
    const dirs = ["diagnostics", "grammar", "compiler", "load", "runtime", "cli", "playground/src", "bin"];
    const unknown: string[] = [];
    for (const file of dirs.flatMap(filesUnder)) {
      for (const m of readFileSync(join(root, file), "utf8").matchAll(/\bT0[1-5]\d\d\b/g)) {
        if (!isCode(m[0])) unknown.push(`${file}: ${m[0]}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});

describe("docs/sprog.md", () => {
  const doc = readFileSync(DOCS, "utf8");

  it("has the tables of error codes as the catalogue generates them (npx tsx scripts/error-codes.ts)", () => {
    expect(updateErrorCodes(doc) === doc).toBe(true);
  });

  it("lists every code of the catalogue", () => {
    const missing = codes.filter((c) => !doc.includes(`| ${c} | ${catalogue[c].doc} |`));
    expect(missing).toEqual([]);
  });
});

describe("diagnostics/ is the ground floor", () => {
  it("imports only its own modules: nothing else of tilsyn, no Node API, no package", () => {
    const offending: string[] = [];
    for (const file of filesUnder("diagnostics")) {
      const text = readFileSync(join(root, file), "utf8");
      for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+"([^"]+)"|^\s*import\s+"([^"]+)"/gm)) {
        const target = m[1] ?? m[2]!;
        const resolved = target.startsWith(".") ? relative(root, join(root, file, "..", target)) : target;
        if (!resolved.startsWith("diagnostics/")) offending.push(`${file}: ${target}`);
      }
      if (/\bprocess\.|\brequire\(/.test(text)) offending.push(`${file}: uses process or require`);
    }
    expect(offending).toEqual([]);
  });
});
