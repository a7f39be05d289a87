// Second step of `npm run build`, after tsc: the built CLI loads chevrotain's single-file ES module
// build instead of the package's entry, without copying chevrotain into tilsyn.
//
// chevrotain's entry (lib/src/api.js) imports lodash-es through its index, so Node loads and links
// some 700 modules before the grammar can build its lexer, which was the largest part of the CLI's
// start-up. The package ships the same version bundled as lib/chevrotain.mjs (one file, lodash
// included), but its `exports` only allow the entry, so no specifier reaches the bundle. This step
// writes dist/vendor/chevrotain.mjs, a small module that finds the *installed* chevrotain (the
// npm dependency, resolved from where tilsyn is installed), imports its lib/chevrotain.mjs by file
// URL and re-exports its names; the `"chevrotain"` specifiers in dist/**/*.js are rewritten to it.
// chevrotain stays an ordinary dependency: nothing of it is copied into dist/ or the npm package.
// Sources, tests (vitest runs the sources), the .d.ts files and the playground (Vite bundles it
// anyway) keep importing "chevrotain".

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, "dist");

// The installed chevrotain's entry (lib/src/api.js) and its bundle beside lib/src.
const entry = createRequire(join(root, "package.json")).resolve("chevrotain");
const bundle = join(dirname(entry), "..", "chevrotain.mjs");
if (!existsSync(bundle)) throw new Error(`chevrotain's bundled ES module is missing: ${bundle}`);
const names = Object.keys(await import(pathToFileURL(bundle).href)).filter((n) => n !== "default").sort();
for (const name of names) if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`chevrotain exports an unexpected name: ${name}`);

const shim = join(dist, "vendor", "chevrotain.mjs");
mkdirSync(dirname(shim), { recursive: true });
writeFileSync(
  shim,
  [
    "// Written by scripts/vendor-chevrotain.mjs: the installed chevrotain's single-file build (lib/chevrotain.mjs),",
    "// found from its package entry, so that Node loads one module instead of some 700 (lodash-es).",
    'import { createRequire } from "node:module";',
    'import { dirname, join } from "node:path";',
    'import { pathToFileURL } from "node:url";',
    'const entry = createRequire(import.meta.url).resolve("chevrotain");',
    'const bundle = await import(pathToFileURL(join(dirname(entry), "..", "chevrotain.mjs")).href);',
    `export const { ${names.join(", ")} } = bundle;`,
    "",
  ].join("\n"),
);

const specifier = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)"chevrotain"/g;
let rewritten = 0;
const walk = (dir) => {
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) {
      if (path !== dirname(shim)) walk(path);
    } else if (item.name.endsWith(".js")) {
      const text = readFileSync(path, "utf8");
      if (!text.includes('"chevrotain"')) continue;
      let target = relative(dirname(path), shim).split(sep).join("/");
      if (!target.startsWith(".")) target = `./${target}`;
      const next = text.replace(specifier, (_, head) => `${head}"${target}"`);
      if (next.includes('"chevrotain"')) throw new Error(`${path}: a "chevrotain" import this step does not recognise`);
      writeFileSync(path, next);
      rewritten++;
    }
  }
};
walk(dist);
console.error(`chevrotain: dist/vendor/chevrotain.mjs loads the installed lib/chevrotain.mjs (${names.length} names), ${rewritten} module(s) rewritten`);
