// The VS Code extension's manifest holds together without VS Code: the files it names exist (or
// are what scripts/textmate.ts writes), its client runs on the VS Code versions it claims, vsce
// is pinned to 3.x (4.x needs Node 22), and its word pattern covers every keyword and name. The
// extension itself is packaged by `npm run vsix` (.ci/run), not here: that first installs
// editors/vscode's own dependencies.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { keywordTable } from "../../grammar/keywords.js";
import { GRAMMAR_PATH } from "../../scripts/textmate.js";

const root = join(import.meta.dirname, "..", "..");
const dir = join(root, "editors", "vscode");
const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8"));

/** The lowest version a caret range such as ^1.82.0 allows, as [major, minor, patch]. */
const lowest = (range: string): number[] => range.replace(/^[\^~>=\s]+/, "").split(".").map(Number);
const atLeast = (a: number[], b: number[]): boolean => {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
};

describe("the VS Code extension (editors/vscode)", () => {
  it("names files that exist, and the grammar scripts/textmate.ts writes", () => {
    // main is the bundle npm run bundle makes of extension.js (with the client in it).
    const bundle = /esbuild (\S+) .*--outfile=(\S+)/.exec(manifest.scripts.bundle)!;
    expect(normalize(join(dir, bundle[2]!))).toBe(normalize(join(dir, manifest.main)));
    execFileSync(process.execPath, ["--check", join(dir, bundle[1]!)]);
    expect(readFileSync(join(dir, ".vscodeignore"), "utf8")).toMatch(/^node_modules\/\*\*$/m);
    const language = manifest.contributes.languages[0];
    expect(language.extensions).toEqual([".tilsyn"]);
    expect(existsSync(join(dir, language.configuration))).toBe(true);
    expect(normalize(join("editors", "vscode", manifest.contributes.grammars[0].path))).toBe(normalize(GRAMMAR_PATH));
    const ignored = readFileSync(join(dir, ".gitignore"), "utf8").split("\n");
    expect(ignored).toEqual(expect.arrayContaining(["*.vsix", "syntaxes/", "dist/", "node_modules/"]));
  });

  it("runs its client on every VS Code it claims, and packages with vsce 3.x", () => {
    const client = lock.packages["node_modules/vscode-languageclient"];
    expect(atLeast(lowest(manifest.engines.vscode), lowest(client.engines.vscode))).toBe(true);
    expect(manifest.devDependencies["@vscode/vsce"]).toMatch(/^3\.\d+\.\d+$/);
    expect(lock.packages["node_modules/@vscode/vsce"].version).toBe(manifest.devDependencies["@vscode/vsce"]);
    expect(manifest.scripts.package).toMatch(/vsce package --no-dependencies/);
  });

  it("treats every keyword and a Danish name as one word", () => {
    const config = JSON.parse(readFileSync(join(dir, "language-configuration.json"), "utf8"));
    const word = new RegExp(`^(?:${config.wordPattern})$`, "u");
    for (const { word: keyword } of keywordTable) expect(keyword, keyword).toMatch(word);
    expect("andel_røde_2").toMatch(word);
    expect("22,5").toMatch(word);
  });
});
