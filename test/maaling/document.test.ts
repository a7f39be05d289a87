// tilsyn doc on the measurement policy: the rules with their sources, the dated cases side by side.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPolicy } from "../../compiler/index.js";
import { policyDocument } from "../../compiler/document.js";
import { fokusmaalFile } from "./measure.js";

const html = policyDocument(checkPolicy(readFileSync(fokusmaalFile, "utf8"), fokusmaalFile));

describe("the readable page of policies/maaling/fokusmaal.tilsyn", () => {
  it("has the person data, the måling and its examples", () => {
    for (const h of ["<h2>Persondata", "<h2>Måling: Målgruppe og fokusmål pr. kommune og måned", "<h3>Hvilke samtaler der tæller", "<h3>Hvilke tilbud der tæller", "<h3>Tabellens felter", "<h2>Eksempler"]) {
      expect(html).toContain(h);
    }
  });

  it("shows the § 91 rule before and after 2023-03-22 in adjacent rows, each with its source", () => {
    const before = html.indexOf("<tr><td><code>art = &quot;oevrig_vejledning_91&quot;</code></td><td>til 21. marts 2023</td>");
    const after = html.indexOf("</code></td><td>fra 22. marts 2023</td><td>Bekendtgørelse nr. 301, § 3, stk. 2: øvrig vejledning og opkvalificering efter § 91 kun for");
    expect(before).toBeGreaterThan(0);
    expect(after).toBeGreaterThan(before);
    // The row before and the next row, nothing between them.
    expect(html.slice(before, after).match(/<tr>/g)).toHaveLength(2);
  });

  it("shows the expected rows of the examples", () => {
    expect(html).toContain("<p>Forventet i <code>fokusmaal</code>:</p>");
  });
});
