// Fixes: where a hint names one correction ("mente du `uden_samtaler`?", "Skriv `20 %`"), the
// diagnostic carries it as data, and applying it gives a policy that checks clean (no error and
// no warning from checkPolicy, the entry `tilsyn check` uses).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPolicy } from "../../compiler/index.js";
import { applyFixes, type Code } from "../../diagnostics/index.js";

const root = join(import.meta.dirname, "..", "..");
const read = (path: string) => readFileSync(join(root, path), "utf8").normalize("NFC");

/**
 * Compile `source`, expect exactly the `codes` (those in `fixable` with a fix), apply the fixes
 * and return what the fixed text gives.
 */
function fixOnce(source: string, codes: Code[], fixable: Code[] = codes) {
  const before = checkPolicy(source, "rettelse.tilsyn").diagnostics;
  expect(before.map((d) => d.code)).toEqual(codes);
  const withFix = before.filter((d) => fixable.includes(d.code));
  for (const d of withFix) expect(d.fix, d.message).toBeDefined();
  const fixes = withFix.map((d) => d.fix!);
  const fixed = applyFixes(source, fixes);
  return { fixes, fixed, after: checkPolicy(fixed, "rettelse.tilsyn") };
}

describe("fixes named by hints", () => {
  it("T0201: a misspelt field is replaced by the suggested name", () => {
    const { fixes, fixed, after } = fixOnce(read("test/samples/misspelled-field/input.tilsyn"), ["T0201"]);
    expect(fixes[0]!.replacement).toBe("uden_samtaler");
    expect(fixed).toContain("når uden_samtaler / borgere over 20 %");
    // No error; only the warning that the sample never uses its field `uden_tilbud` (T0505).
    expect(after.diagnostics.map((d) => d.code)).toEqual(["T0505"]);
    expect(after.plan).toBeDefined();
  });

  it("T0214: a bare number compared with a share gets its percent sign", () => {
    const { fixes, fixed, after } = fixOnce(read("test/samples/percent-sign-missing/input.tilsyn"), ["T0214"]);
    expect(fixes[0]!.replacement).toBe("20 %");
    expect(fixed).toContain("over 20 %");
    expect(after.diagnostics.map((d) => d.code)).toEqual(["T0505"]);
    expect(after.plan).toBeDefined();
  });

  it("T0104: a misspelt clause keyword is replaced by the keyword", () => {
    const source = read("policies/tidlig-indsats-2024.tilsyn");
    const broken = source.replace(/\n(\s+)når /, "\n$1nar ");
    expect(broken).not.toBe(source);
    const { fixes, fixed, after } = fixOnce(broken, ["T0104"]);
    expect(fixes[0]!.replacement).toBe("når");
    expect(fixed).toBe(source);
    expect(after.diagnostics).toEqual([]);
  });

  it("T0104: a misspelt declaration keyword is replaced by the keyword", () => {
    const source = read("policies/tidlig-indsats-2024.tilsyn");
    const broken = source.replace(/\nkriterie /, "\nkritere ");
    expect(broken).not.toBe(source);
    const before = checkPolicy(broken, "rettelse.tilsyn").diagnostics;
    const d = before.find((x) => x.code === "T0104")!;
    expect(d.hint).toMatch(/^Mente du `kriterie`\?/);
    expect(d.fix?.replacement).toBe("kriterie");
    const after = checkPolicy(applyFixes(broken, [d.fix!]), "rettelse.tilsyn");
    expect(after.diagnostics).toEqual([]);
  });

  it("T0218: a misspelt state is replaced by the declared one", () => {
    const source = read("policies/skaerpet-tilsyn.tilsyn");
    const broken = source.replace("fra normal til skærpet_tilsyn", "fra normal til skærpet_tilsin");
    expect(broken).not.toBe(source);
    // The state it should have led to is then unreachable (T0501): a consequence, not a cause.
    const { fixed, after } = fixOnce(broken, ["T0501", "T0218"], ["T0218"]);
    expect(fixed).toBe(source);
    expect(after.diagnostics).toEqual([]);
  });

  it("T0303 in an example's table: the misspelt column name is replaced in the policy file", () => {
    const source = read("policies/tidlig-indsats-2024.tilsyn");
    const broken = source.replace("| uden_samtaler | uden_tilbud\n    101     | 2023-07..2023-12 | dagpenge      | 10      | 3 ", "| uden_samtaler | uden_tilbd\n    101     | 2023-07..2023-12 | dagpenge      | 10      | 3 ");
    expect(broken).not.toBe(source);
    const d = checkPolicy(broken, "rettelse.tilsyn").diagnostics.find((x) => x.code === "T0303")!;
    expect(d.hint).toBe("mente du `uden_tilbud`?");
    expect(d.fix?.replacement).toBe("uden_tilbud");
    expect(broken.slice(d.fix!.span.start.offset, d.fix!.span.end.offset)).toBe("uden_tilbd");
    expect(applyFixes(broken, [d.fix!])).toBe(source);
  });

  it("T0237 in an expectation: the misspelt criterion is replaced", () => {
    const source = read("policies/tidlig-indsats-2024.tilsyn");
    const broken = source.replace("efter manglende_samtaler den 2024-03-01", "efter manglende_samtalr den 2024-03-01");
    expect(broken).not.toBe(source);
    const { fixed, after } = fixOnce(broken, ["T0237"]);
    expect(fixed).toBe(source);
    expect(after.diagnostics).toEqual([]);
  });

  it("no fix is offered where the hint names none", () => {
    const d = checkPolicy(read("test/samples/share-vs-count/input.tilsyn"), "x.tilsyn").diagnostics;
    expect(d.length).toBeGreaterThan(0);
    for (const x of d) expect(x.fix).toBeUndefined();
  });
});
