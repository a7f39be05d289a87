// The generated TypeScript: a snapshot, a strict type check, the same events as the in-process
// engine, and no way for policy text to break out of its strings.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkPolicy, emitTypeScript, RUNTIME_FILES } from "../../compiler/index.js";
import { main } from "../../cli/main.js";
import { evaluate, type Table } from "../../runtime/index.js";
import { loadTable } from "../../load/csv.js";
import { parseKommuner } from "../../load/kommuner.js";

const root = join(import.meta.dirname, "..", "..");
const out = join(root, ".tmp", "emit-test");
const policies = ["tidlig-indsats-2020", "tidlig-indsats-2024", "jobsoegning", "skaerpet-tilsyn"];
const quiet = { stdout: () => {}, stderr: (t: string) => process.stderr.write(t) };

function sampleTables(): Record<string, Table> {
  const kommuner = parseKommuner(readFileSync(join(root, "data/kommuner.csv"), "utf8"), "kommuner.csv").kommuner;
  const codes = new Set(kommuner.map((k) => k.kode));
  const tables: Record<string, Table> = {};
  for (const p of policies) {
    const plan = checkPolicy(readFileSync(join(root, "policies", `${p}.tilsyn`), "utf8"), `policies/${p}.tilsyn`).plan!;
    for (const schema of plan.data) {
      tables[schema.name] ??= loadTable(readFileSync(join(root, "data/eksempel", `${schema.name}.csv`), "utf8"), `${schema.name}.csv`, schema, codes).table!;
    }
  }
  return tables;
}

beforeAll(async () => {
  rmSync(out, { recursive: true, force: true });
  const code = await main(["compile", ...policies.map((p) => `policies/${p}.tilsyn`), "--out", out], quiet);
  expect(code).toBe(0);
});

describe("generated evaluator modules", () => {
  it("look as they did (snapshot of the 2024 early-effort module)", async () => {
    await expect(readFileSync(join(out, "tidlig-indsats-2024.ts"), "utf8")).toMatchFileSnapshot(join(root, "test/samples/ok-tidlig-indsats-2024/expected.ts"));
  });

  it("pass tsc --strict with nothing but the runtime beside them", () => {
    const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", out], { encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
    const imports = readFileSync(join(out, "skaerpet-tilsyn.ts"), "utf8").match(/^import .* from "[^"]+";$/gm);
    expect(imports).toHaveLength(5);
    expect(imports!.every((i) => i.includes('from "./runtime/'))).toBe(true);
  });

  it("give the same events as the in-process engine on the sample data", async () => {
    const tables = sampleTables();
    for (const p of policies) {
      const mod = (await import(join(out, `${p}.ts`))) as { evaluateTables: (t: Record<string, Table>, o?: object) => unknown[]; plan: unknown };
      const plan = checkPolicy(readFileSync(join(root, "policies", `${p}.tilsyn`), "utf8"), `policies/${p}.tilsyn`).plan!;
      const expected = evaluate([plan], tables, { ignoreInForce: true }).events;
      const generated = mod.evaluateTables(tables, { ignoreInForce: true });
      expect(generated.length, p).toBe(expected.length);
      expect(expected.length, p).toBeGreaterThan(0);
      expect(JSON.stringify(generated)).toBe(JSON.stringify(expected));
    }
  });

  it("decide their criteria with their own compiled kernel, not the interpreter", async () => {
    type Kernel = (k: unknown, first: Int32Array, last: Int32Array, guards: Int8Array[], holds: Int8Array[], exact: unknown) => void;
    const mod = (await import(join(out, "jobsoegning.ts"))) as {
      compiled: { decideCriteria?: Kernel };
      evaluate: (rows: object) => { rule: string; date: string }[];
    };
    const rows = { jobsoegning: [{ kommune: "101", maaned: "2021-01", jobparate: 100, groen: 90, lysegroen: 0, roed: 10, fortsat_uden_jobsoegning: 0 }] };
    // 10 % red is far from the 50 % limit: no contact …
    expect(mod.evaluate(rows)).toEqual([]);
    // … unless the kernel is replaced by one that says `straks` (criterion 0) and its guard hold:
    // then the module reports a contact, so the kernel is what decides.
    const original = mod.compiled.decideCriteria!;
    mod.compiled.decideCriteria = (k, first, last, guards, holds, exact) => {
      original(k, first, last, guards, holds, exact);
      guards[0]!.fill(1);
      holds[0]!.fill(1);
    };
    try {
      expect(mod.evaluate(rows).map((e) => [e.rule, e.date])).toEqual([["straks", "2021-04-01"]]);
    } finally {
      mod.compiled.decideCriteria = original;
    }
  });

  it("decide their yearly reviews with their own compiled kernel, not the interpreter", async () => {
    type Kernel = (k: unknown, first: Int32Array, last: Int32Array, holds: Int8Array[], exact: unknown) => void;
    const mod = (await import(join(out, "jobsoegning.ts"))) as {
      compiled: { decideReviews?: Kernel };
      evaluate: (rows: object) => { type: string; period: string }[];
    };
    const row = (maaned: string) => ({ kommune: "101", maaned, jobparate: 100, groen: 100, lysegroen: 0, roed: 0, fortsat_uden_jobsoegning: 0 });
    const rows = { jobsoegning: Array.from({ length: 12 }, (_, m) => row(`2021-${String(m + 1).padStart(2, "0")}`)) };
    // 100 job-ready on average is far above the review's limit of 40: no review …
    expect(mod.evaluate(rows).filter((e) => e.type === "gennemgang")).toEqual([]);
    // … unless the kernel says the review holds: then the module reports one, so the kernel decides.
    const original = mod.compiled.decideReviews!;
    expect(original).toBeTypeOf("function");
    mod.compiled.decideReviews = (k, first, last, holds, exact) => {
      original(k, first, last, holds, exact);
      holds[0]!.fill(1);
    };
    try {
      expect(mod.evaluate(rows).filter((e) => e.type === "gennemgang").map((e) => e.period)).toEqual(["2021"]);
    } finally {
      mod.compiled.decideReviews = original;
    }
  });

  it("evaluate rows held in memory (typed rows, not only CSV tables)", async () => {
    const mod = (await import(join(out, "jobsoegning.ts"))) as { evaluate: (rows: object) => { rule: string; date: string; kommune: string }[] };
    const row = (maaned: string, roed: number) => ({ kommune: "101", maaned, jobparate: 100, groen: 100 - roed, lysegroen: 0, roed, fortsat_uden_jobsoegning: 0 });
    const events = mod.evaluate({ jobsoegning: [row("2021-01", 50), row("2021-02", 10)] });
    expect(events.map((e) => [e.kommune, e.date, e.rule])).toEqual([["101", "2021-04-01", "straks"]]);
  });

  it("keep hostile policy text inside its strings", async () => {
    const hostile = 'x"; throw new Error("brudt ud"); // */ \u2028 alert(1) ${1}`';
    const source = `politik ond "${hostile.replace(/"/g, '\\"')}"
  kilde "*/ \\" + process.exit(1) + \\""

data d pr kommune, måned
  a: antal
  offentliggøres 1 måned efter måneden

opgørelse månedlig

mål m "\u2028 \\" + process.exit(1) + \\" \`\${process.exit(2)}\`" = a

kriterie k "\u2029 \`\${process.exit(1)}\`"
  når m mindst 1

reaktion
  henvendelse "</script><script>alert(1)</script>"
`;
    const result = checkPolicy(source, "ond.tilsyn");
    expect(result.diagnostics).toEqual([]);
    const code = emitTypeScript(result.plan!, { runtime: "./runtime" });
    const dir = join(root, ".tmp", "emit-hostile");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, "runtime"), { recursive: true });
    for (const f of RUNTIME_FILES) {
      writeFileSync(join(dir, "runtime", f), readFileSync(join(root, "runtime", f)));
    }
    writeFileSync(join(dir, "ond.ts"), code);
    const mod = (await import(join(dir, "ond.ts"))) as { plan: { title: string; source: string; criteria: { title: string }[]; reaction: { contactText: string } } };
    expect(mod.plan.title).toBe(hostile);
    expect(mod.plan.source).toBe('*/ " + process.exit(1) + "');
    expect(mod.plan.criteria[0]!.title).toBe("\u2029 `${process.exit(1)}`");
    expect(mod.plan.reaction.contactText).toBe("</script><script>alert(1)</script>");
    // The compiled explanation names the measure by its hostile label, as text.
    const run = (await import(join(dir, "ond.ts"))) as { evaluate: (rows: object) => { explanation: string }[] };
    const events = run.evaluate({ d: [{ kommune: "101", maaned: "2021-01", a: 3 }] });
    expect(events).toHaveLength(1);
    expect(events[0]!.explanation).toContain('\u2028 " + process.exit(1) + " `${process.exit(2)}` (3) er mindst 1');
  });

  it("explain their contacts with their own compiled explanations, the same as the interpreter's", async () => {
    type Explainer = (k: unknown, criterion: number, pf: number, pl: number, h: unknown) => { facts: string } | undefined;
    const tables = sampleTables();
    for (const p of ["tidlig-indsats-2020", "jobsoegning"]) {
      const mod = (await import(join(out, `${p}.ts`))) as { compiled: { explainCriterion?: Explainer }; evaluateTables: (t: Record<string, Table>, o?: object) => { type: string; explanation: string }[] };
      const original = mod.compiled.explainCriterion!;
      expect(original, p).toBeTypeOf("function");
      let compiled = 0;
      mod.compiled.explainCriterion = (k, criterion, pf, pl, h) => {
        const r = original(k, criterion, pf, pl, h);
        if (r) compiled++;
        return r;
      };
      try {
        const events = mod.evaluateTables(tables, { ignoreInForce: true });
        const contacts = events.filter((e) => e.type === "henvendelse").length;
        expect(contacts, p).toBeGreaterThan(0);
        // At least one explanation per contact came from the compiled code (a contact may list several criteria).
        expect(compiled, p).toBeGreaterThanOrEqual(contacts);
      } finally {
        mod.compiled.explainCriterion = original;
      }
    }
  });
});
