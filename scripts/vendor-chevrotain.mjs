// Second step of `npm run build`, after tsc: the built CLI imports chevrotain's single-file ES
// module build instead of the package's entry.
//
// chevrotain's entry (lib/src/api.js) imports lodash-es through its index, so Node loads and links
// some 700 modules before the grammar can build its lexer, which was the largest part of the CLI's
// start-up. The package ships the same version bundled as lib/chevrotain.mjs (one file, lodash
// included). It is copied to dist/vendor/chevrotain.mjs and the `"chevrotain"` specifiers in
// dist/**/*.js are rewritten to it. Sources, tests (vitest runs the sources), the .d.ts files and
// the playground (Vite bundles it anyway) keep importing "chevrotain".

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, "dist");

// The installed chevrotain: the folder of its package.json above the resolved entry.
let pkg = dirname(createRequire(join(root, "package.json")).resolve("chevrotain"));
while (!existsSync(join(pkg, "package.json"))) pkg = dirname(pkg);
const bundle = join(pkg, "lib", "chevrotain.mjs");
if (!existsSync(bundle)) throw new Error(`chevrotain's bundled ES module is missing: ${bundle}`);
const version = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).version;
if (!readFileSync(bundle, "utf8").includes(`var VERSION = "${version}";`)) {
  throw new Error(`${bundle} is not chevrotain ${version}`);
}

const vendored = join(dist, "vendor", "chevrotain.mjs");
mkdirSync(dirname(vendored), { recursive: true });
copyFileSync(bundle, vendored);

const specifier = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)"chevrotain"/g;
let rewritten = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== dirname(vendored)) walk(path);
    } else if (entry.name.endsWith(".js")) {
      const text = readFileSync(path, "utf8");
      if (!text.includes('"chevrotain"')) continue;
      let target = relative(dirname(path), vendored).split(sep).join("/");
      if (!target.startsWith(".")) target = `./${target}`;
      const next = text.replace(specifier, (_, head) => `${head}"${target}"`);
      if (next.includes('"chevrotain"')) throw new Error(`${path}: a "chevrotain" import this step does not recognise`);
      writeFileSync(path, next);
      rewritten++;
    }
  }
};
walk(dist);
console.log(`chevrotain ${version}: dist/vendor/chevrotain.mjs, ${rewritten} module(s) rewritten`);
