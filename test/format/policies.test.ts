// The committed policies ARE the house style: each formats to itself, and a mangled copy of each
// (few long lines, odd indentation and spacing, several blank lines, comments in odd places)
// formats back to the committed file, byte for byte.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fmt } from "./helpers.js";
import { mangle } from "./mangle.js";

const root = join(import.meta.dirname, "..", "..");
const policyDir = join(root, "policies");
const policies = readdirSync(policyDir)
  .filter((f) => f.endsWith(".tilsyn"))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(policyDir, name), "utf8") }));

describe("the committed policies", () => {
  it("are four", () => {
    expect(policies.map((p) => p.name)).toHaveLength(4);
  });

  for (const { name, text } of policies) {
    it(`${name} formats to itself`, async () => {
      expect(await fmt(text)).toBe(text);
    });

    it(`${name}: the mangling helper reproduces the committed file when nothing is mangled`, () => {
      // Guard for the helper itself: its `expected` for a comment-free mangling is the file.
      expect(mangle(text, 1, false).expected).toBe(text);
    });

    for (const seed of [1, 2, 3, 4, 5]) {
      it(`${name}: a mangled copy (seed ${seed}) formats back to the committed file`, async () => {
        const { text: mangled } = mangle(text, seed, false);
        expect(mangled).not.toBe(text);
        const codeLines = (t: string) => t.split("\n").filter((l) => l.trim() !== "").length;
        expect(codeLines(mangled)).toBeLessThan(codeLines(text) * 0.75);
        expect(await fmt(mangled)).toBe(text);
      });

      it(`${name}: a mangled copy with comments in odd places (seed ${seed}) formats to the canonical placement`, async () => {
        const { text: mangled, expected } = mangle(text, seed, true);
        expect(expected).not.toBe(text);
        const formatted = await fmt(mangled);
        expect(formatted).toBe(expected);
        expect(await fmt(formatted)).toBe(formatted);
      });
    }
  }

  it("the examples in docs/sprog.md «Formatering (husstil)» are formatted", async () => {
    const doc = readFileSync(join(root, "docs", "sprog.md"), "utf8");
    const section = doc.slice(doc.indexOf("## Formatering (husstil)"));
    const examples = [...section.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const example of examples) expect(await fmt(example)).toBe(example);
  });

  it("pass `prettier --check` with the plugin, as the issue asks", () => {
    const prettierBin = join(root, "node_modules", "prettier", "bin", "prettier.cjs");
    const output = execFileSync(
      process.execPath,
      [prettierBin, "--plugin=./grammar/prettier/plugin.mjs", "--check", "policies/"],
      { cwd: root, encoding: "utf8" },
    );
    expect(output).toContain("All matched files use Prettier code style!");
  });

});
