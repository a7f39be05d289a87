// npx tsx test/conformance/seed-examples.ts — (re)write one conformance case per `eksempel` of
// the bundled policies (policies/*.tilsyn) and of the example files beside them
// (test/examples/files/*.test.tilsyn).
//
// A case holds the policy text without its examples (they do not take part in evaluation), the
// example's tables as the CSV text the example checker builds from them, and the events of the
// interpreter. The example's own expectations are copied into the case's description, so a
// reviewer can see what the regulation says the events must show; `tilsyn test` checks them.

import { readFileSync, readdirSync, rmSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { checkPolicy } from "../../compiler/index.js";
import { expectationText } from "../../grammar/prettier/layout.js";
import { examplesFileSuite, policySuite, type ExampleSuite } from "../../compiler/runner.js";
import type { PolicyFile } from "../../grammar/ast.js";
import { casesDir, prepare, root, runInterpreter, saveCase, tableToCsv, type ConformanceCase } from "./corpus.js";

/** The policy text up to its first example. */
function withoutExamples(text: string, ast: PolicyFile): string {
  const first = ast.examples?.[0];
  return `${(first ? text.slice(0, first.span.start.offset) : text).replace(/\s+$/, "")}\n`;
}

const slug = (title: string): string =>
  title
    .toLowerCase()
    .replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")
    .normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60)
    .replace(/-$/, "");

function casesOf(prefix: string, from: string, suite: ExampleSuite, policies: { file: string; text: string }[]): ConformanceCase[] {
  return suite.prepared.map((p, i) => {
    const e = p.example;
    const description = [
      `Example ${i + 1} of ${from} (line ${e.span.start.line}): «${e.title.value}»`,
      ...(e.source ? [`Source: ${e.source.value}`] : []),
      "The example expects:",
      ...e.expectations.map((x) => `  ${expectationText(x)}`),
    ].join("\n");
    const data = Object.entries(p.tables)
      .filter(([, t]) => t.length > 0)
      .map(([name, t]) => ({ name, csv: tableToCsv(t) }));
    return { name: `eksempel-${prefix}-${String(i + 1).padStart(2, "0")}-${slug(e.title.value)}`, description, options: {}, policies, data };
  });
}

const cases: ConformanceCase[] = [];
for (const f of readdirSync(join(root, "policies")).filter((f) => f.endsWith(".tilsyn")).sort()) {
  const file = `policies/${f}`;
  const text = readFileSync(join(root, file), "utf8");
  const suite = policySuite(text, file);
  const ast = checkPolicy(text, file).ast;
  cases.push(...casesOf(f.replace(/\.tilsyn$/, ""), file, suite, [{ file: f, text: withoutExamples(text, ast) }]));
}
const filesDir = join(root, "test/examples/files");
for (const f of readdirSync(filesDir).filter((f) => f.endsWith(".test.tilsyn")).sort()) {
  const file = join(filesDir, f);
  const text = readFileSync(file, "utf8");
  const ast = checkPolicy(text, f).ast;
  const targets = (ast.examplesFor?.files ?? []).map((s) => {
    const path = resolve(dirname(file), s.value);
    const source = readFileSync(path, "utf8");
    const compiled = checkPolicy(source, path);
    return { ast: compiled.ast, plan: compiled.plan!, file: path.split("/").at(-1)!, text: withoutExamples(source, compiled.ast) };
  });
  const suite = examplesFileSuite(ast, f, targets);
  cases.push(...casesOf(f.replace(/\.test\.tilsyn$/, ""), `test/examples/files/${f}`, suite, targets.map((t) => ({ file: t.file, text: t.text }))));
}

for (const f of readdirSync(casesDir).filter((f) => f.startsWith("eksempel-"))) rmSync(join(casesDir, f));
for (const c of cases) {
  c.events = runInterpreter(prepare(c));
  saveCase(c);
}
console.log(`Wrote ${cases.length} cases from examples to ${casesDir}.`);
