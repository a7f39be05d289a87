// The examples in docs/sprog.md («Syntaks») stay true.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "../../grammar/index.js";

const doc = readFileSync(new URL("../../docs/sprog.md", import.meta.url), "utf8");
const syntax = doc.slice(doc.indexOf("## Syntaks"));
const blocks = [...syntax.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe("docs/sprog.md, section Syntaks", () => {
  it("has a syntax section with examples", () => {
    expect(doc.startsWith("# tilsyn – sprogreference")).toBe(true);
    expect(blocks.length).toBeGreaterThan(10);
  });

  it("the complete example file parses without diagnostics", () => {
    expect(parse(blocks[0]!, "eksempel.tilsyn").diagnostics).toEqual([]);
  });

  it("every declaration example parses without diagnostics", () => {
    const declarationExamples = blocks.filter(
      (b) => /^(politik|data|opgørelse|mål|kriterie|gennemgang|undtagelse|reaktion|forløb)\b/.test(b),
    );
    expect(declarationExamples.length).toBeGreaterThan(8);
    for (const example of declarationExamples) {
      expect(parse(example, "eksempel.tilsyn").diagnostics.map((d) => d.message), example).toEqual([]);
    }
  });
});
