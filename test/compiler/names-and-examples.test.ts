// Two things a new policy officer met writing policies from docs/sprog.md alone (issue #10).
import { describe, expect, it } from "vitest";
import { checkPolicy } from "../../compiler/index.js";

const policy = (row: string) => `politik p "P"
  kilde "k"

data sanktioner pr kommune, måned
  borgere: antal "b"
  sanktioner: antal af borgere "s"
  offentliggøres 3 måneder efter måneden

opgørelse månedlig
  følges op ved offentliggørelse

kriterie k "K"
  kilde "k"
  når sanktioner / borgere over 25 %

reaktion
  henvendelse "h"

eksempel "e"
  kilde "k"
  data sanktioner
    kommune | maaned           | borgere | sanktioner
    ${row}
  forventer henvendelse til 101 for 2021-01
`;

describe("names", () => {
  it("a data block may have a field with its own name (the data name is the file's name, never a value)", () => {
    const result = checkPolicy(policy("101     | 2021-01          | 100     | 30"), "p.tilsyn");
    expect(result.diagnostics).toEqual([]);
    expect(result.plan?.data.map((d) => [d.name, d.fields.map((f) => f.name)])).toEqual([["sanktioner", ["borgere", "sanktioner"]]]);
  });

  it("two data blocks with the same name are still an error", () => {
    const source = policy("101 | 2021-01 | 100 | 30").replace("opgørelse månedlig", 'data sanktioner pr kommune, måned\n  x: antal "x"\n  offentliggøres 3 måneder efter måneden\n\nopgørelse månedlig');
    expect(checkPolicy(source, "p.tilsyn").diagnostics.map((d) => d.code)).toContain("T0202");
  });
});

describe("example tables", () => {
  it("a bad cell in a row spanning twelve months is reported once, at the cell", () => {
    const diagnostics = checkPolicy(policy("999     | 2021-01..2021-12 | 100     | 30"), "p.tilsyn").diagnostics;
    expect(diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`)).toEqual(["T0310 23:5"]);
  });
});
