// The tables of error codes in docs/sprog.md, generated from the message catalogue
// (diagnostics/messages/): one table per range (T01xx … T05xx), each between two marker comments.
//
//   npx tsx scripts/error-codes.ts           rewrites the tables in docs/sprog.md (npm run docs:codes)
//   npx tsx scripts/error-codes.ts --check   exits with 1 when docs/sprog.md is not up to date
//
// test/diagnostics/catalogue.test.ts runs the check, so a code added without docs fails CI.

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { codes, docOf, severityOf, type Code } from "../diagnostics/index.js";

export const DOCS = fileURLToPath(new URL("../docs/sprog.md", import.meta.url));

/** The ranges, in order: the first three characters of their codes. */
export const RANGES = ["T01", "T02", "T03", "T04", "T05"] as const;

const begin = (range: string) =>
  `<!-- error codes ${range}xx: generated from diagnostics/messages/ by scripts/error-codes.ts; do not edit -->`;
const end = (range: string) => `<!-- end of error codes ${range}xx -->`;

/** The Markdown table of one range. */
export function table(range: (typeof RANGES)[number]): string {
  const inRange: Code[] = codes.filter((c) => c.startsWith(range));
  const column = inRange.every((c) => severityOf(c) === "advarsel") ? "advarsel" : "fejl";
  return [`| kode | ${column} |`, "| --- | --- |", ...inRange.map((c) => `| ${c} | ${docOf(c)} |`)].join("\n");
}

/** `doc` with every range's table rewritten from the catalogue. Throws if a range's markers are missing. */
export function updateErrorCodes(doc: string): string {
  let out = doc;
  for (const range of RANGES) {
    const from = out.indexOf(begin(range));
    const to = out.indexOf(end(range));
    if (from < 0 || to < from) throw new Error(`docs/sprog.md has no markers for the ${range}xx table:\n${begin(range)}\n${end(range)}`);
    out = `${out.slice(0, from)}${begin(range)}\n${table(range)}\n${out.slice(to)}`;
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const doc = readFileSync(DOCS, "utf8");
  const updated = updateErrorCodes(doc);
  if (process.argv.includes("--check")) {
    if (updated !== doc) {
      process.stderr.write("docs/sprog.md is not up to date with the message catalogue: run npx tsx scripts/error-codes.ts\n");
      process.exit(1);
    }
  } else if (updated !== doc) {
    writeFileSync(DOCS, updated);
    process.stdout.write("docs/sprog.md: tables of error codes updated\n");
  }
}
