// Snapshot tests of rendered diagnostics: each test/samples/<case>/input.tilsyn is compiled and
// its diagnostics rendered as the CLI shows them, stored beside it in diagnostics.txt. Update on
// purpose with `npx vitest run test/compiler -u` and read the diff.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPolicy, renderDiagnostic } from "../../compiler/index.js";

const samples = join(import.meta.dirname, "..", "samples");

function diagnosticsOf(name: string) {
  const file = `test/samples/${name}/input.tilsyn`;
  const source = readFileSync(join(samples, name, "input.tilsyn"), "utf8");
  return { source, result: checkPolicy(source, file) };
}

describe("rendered diagnostics (snapshots)", () => {
  for (const name of readdirSync(samples).filter((n) => !n.startsWith("ok-"))) {
    it(name, async () => {
      const { source, result } = diagnosticsOf(name);
      expect(result.diagnostics.length).toBeGreaterThan(0);
      const rendered = result.diagnostics.map((d) => renderDiagnostic(d, source)).join("\n\n");
      await expect(`${rendered}\n`).toMatchFileSnapshot(join(samples, name, "diagnostics.txt"));
    });
  }
});

describe("what the diagnostics say", () => {
  it("a misspelled field is an error at its position with a suggestion", () => {
    const { result } = diagnosticsOf("misspelled-field");
    const d = result.diagnostics.find((x) => x.code === "T0201")!;
    expect(d.message).toContain("`uden_samtale`");
    expect(d.hint).toBe("Mente du `uden_samtaler`?");
    expect([d.span.start.line, d.span.start.column]).toEqual([15, 7]);
    expect(result.plan).toBeUndefined();
  });
  it("a share compared with a count is a type error", () => {
    const { result } = diagnosticsOf("share-vs-count");
    const d = result.diagnostics.find((x) => x.code === "T0203")!;
    expect(d.message).toBe("Her sammenlignes en andel med et antal: `andel_uden_samtaler over borgere`.");
    expect(d.hint).toMatch(/^En andel kan ikke sammenlignes med et antal/);
    expect(d.span.start.line).toBe(16);
  });
  it("a criterion without `når` is reported on its name", () => {
    const { result } = diagnosticsOf("missing-naar");
    const d = result.diagnostics.find((x) => x.code === "T0210")!;
    expect(d.message).toContain("`manglende_samtaler` mangler en `når`-linje");
    expect(d.span.start.line).toBe(13);
  });
  it("a share compared with a plain number suggests the percent sign", () => {
    const { result } = diagnosticsOf("percent-sign-missing");
    const d = result.diagnostics.find((x) => x.code === "T0214")!;
    expect(d.hint).toBe("Skriv `20 %`, hvis du mener procent.");
  });
  it("a bare field over a pooled half year must be summed, and the window must match the cadence", () => {
    const codes = diagnosticsOf("bare-field-in-half-year").result.diagnostics.map((d) => d.code);
    expect(codes).toContain("T0209");
    expect(codes).toContain("T0207");
  });
  it("data with groups needs an explicit grouping", () => {
    const codes = diagnosticsOf("grouping-missing").result.diagnostics.map((d) => d.code);
    expect(codes).toContain("T0251");
  });
  it("state machines: unknown states and anchors, cycles, unreachable states, dead transitions", () => {
    const d = diagnosticsOf("machine-errors").result.diagnostics;
    const codes = d.map((x) => x.code);
    expect(codes).toEqual(expect.arrayContaining(["T0218", "T0219", "T0226", "T0501", "T0502"]));
    expect(d.find((x) => x.code === "T0218")!.hint).toBe("Mente du `skærpet`?");
    expect(d.find((x) => x.code === "T0219")!.hint).toBe("Mente du `meddelelse`?");
    expect(d.find((x) => x.code === "T0501")!.severity).toBe("advarsel");
  });
  it("several syntax errors are reported in one run, each with line and column", () => {
    const d = diagnosticsOf("syntax-errors").result.diagnostics;
    expect(d.length).toBeGreaterThanOrEqual(3);
    expect(new Set(d.map((x) => x.span.start.line)).size).toBeGreaterThanOrEqual(3);
    for (const x of d) expect(x.severity).toBe("fejl");
  });
  it("the bundled policies have no diagnostics but jobsøgning's population-40 gap, kept visible on purpose", () => {
    for (const f of readdirSync("policies").filter((f) => f.endsWith(".tilsyn"))) {
      const r = checkPolicy(readFileSync(join("policies", f), "utf8"), f);
      expect(r.diagnostics.filter((d) => !r.analysis.includes(d)), f).toEqual([]);
      expect(r.analysis.map((d) => d.code), f).toEqual(f === "jobsoegning.tilsyn" ? ["T0503"] : []);
      expect(r.plan, f).toBeDefined();
    }
  });
});
