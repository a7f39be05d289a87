// The documentation stands on its own: every link in README.md and docs/ points at a file in the
// repository (issue #10: no link to design files outside it).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const files = ["README.md", ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

describe("documentation links", () => {
  for (const file of files) {
    it(`${file} links only to files in the repository`, () => {
      const text = readFileSync(join(root, file), "utf8");
      expect(text, "a path outside the repository").not.toMatch(/\/work\/|\.\.\/shared\/|contracts\.md|domain\.md|craft\.md/);
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue; // http(s):, mailto:
        const path = resolve(dirname(join(root, file)), target!);
        expect(relative(root, path).startsWith(".."), `${target} leaves the repository`).toBe(false);
        expect(existsSync(path), `${target} does not exist`).toBe(true);
      }
    });
  }
});
