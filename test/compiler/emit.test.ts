// The generated TypeScript: a snapshot, a strict type check, the same events as the in-process
// engine, and no way for policy text to break out of its strings.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkPolicy, emitTypeScript } from "../../compiler/index.js";
import { main } from "../../cli/main.js";
import { canonicalEvent, evaluate, type PolicyEvent, type Table } from "../../runtime/index.js";
import { loadTable } from "../../load/csv.js";
import { parseKommuner } from "../../load/kommuner.js";
import { expectStrictModules, expectOnlyRuntimeImport } from "./strict-module.js";

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

  it("pass tsc --strict importing nothing but tilsyn/runtime", () => {
    expectStrictModules(out);
    expectOnlyRuntimeImport(join(out, "skaerpet-tilsyn.ts"));
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

  it("decide their criteria with their own compiled kernels, not the interpreter", async () => {
    type Kernel = (k: unknown, first: Int32Array, last: Int32Array, guards: Int8Array[], holds: Int8Array[], exact: unknown) => void;
    type Held = (k: unknown, first: Int32Array, last: Int32Array, holds: Int8Array[]) => boolean;
    const mod = (await import(join(out, "jobsoegning.ts"))) as {
      compiled: { decideCriteria?: Kernel; criteriaHeld?: Held };
      evaluate: (rows: object) => { rule: string; date: string }[];
    };
    const rows = { jobsoegning: [{ kommune: "101", maaned: "2021-01", jobparate: 100, groen: 90, lysegroen: 0, roed: 10, fortsat_uden_jobsoegning: 0 }] };
    // 10 % red is far from the 50 % limit: no contact …
    expect(mod.evaluate(rows)).toEqual([]);
    // … unless a kernel is replaced by one that says `straks` (criterion 0) holds: then the module
    // reports a contact, so the kernel is what decides. Jobsøgning has no written account, so the
    // kernel of "held or not" decides; without it, the three-valued kernel does.
    const { decideCriteria: original, criteriaHeld: held } = mod.compiled;
    expect(held).toBeTypeOf("function");
    mod.compiled.criteriaHeld = (k, first, last, holds) => {
      const ran = held!(k, first, last, holds);
      holds[0]!.fill(1);
      return ran;
    };
    try {
      expect(mod.evaluate(rows).map((e) => [e.rule, e.date])).toEqual([["straks", "2021-04-01"]]);
      delete mod.compiled.criteriaHeld;
      expect(mod.evaluate(rows)).toEqual([]);
      mod.compiled.decideCriteria = (k, first, last, guards, holds, exact) => {
        original!(k, first, last, guards, holds, exact);
        guards[0]!.fill(1);
        holds[0]!.fill(1);
      };
      expect(mod.evaluate(rows).map((e) => [e.rule, e.date])).toEqual([["straks", "2021-04-01"]]);
    } finally {
      mod.compiled.decideCriteria = original;
      mod.compiled.criteriaHeld = held;
    }
  });

  it("write the kernel of «held or not» as the policy's lines: NaN for not measured, the guard before the condition", () => {
    const code = readFileSync(join(out, "jobsoegning.ts"), "utf8");
    const start = code.indexOf("function criteriaHeld(");
    const held = code.slice(start, code.indexOf("\n}\n", start));
    expect(held).toContain("if (!safe) return false;");
    expect(held).toContain("const m_2 = (s0n >= 20) && (s1n > 40);");
    expect(held).toContain("H0[i] = m_2 && m_0n * 100 >= 50 * m_0d ? 1 : 0;");
    // "3 sammenhængende måneder" as a streak of 3.
    expect(held).toMatch(/run1 = m_2 && m_0n \* 100 > 40 \* m_0d \? run1 \+ 1 : 0;\n\s+H1\[i\] = run1 >= 3 \? 1 : 0;/);
    // No guard tables and no exact path: those are decideCriteria's.
    expect(held).not.toMatch(/guards|exact|big/);
    // The 2020 rules end an episode when a criterion is decided false: no such kernel is used there, but it is emitted.
    expect(readFileSync(join(out, "tidlig-indsats-2020.ts"), "utf8")).toContain("function criteriaHeld(");
  });

  it("decide a condition that two criteria write alike once per period: the 2020 rules' `borgere mindst 10`", () => {
    const code = readFileSync(join(out, "tidlig-indsats-2020.ts"), "utf8");
    const kernel = code.slice(code.indexOf("function decideCriteria("), code.indexOf("\n}\n", code.indexOf("function decideCriteria(")));
    // Both criteria read their guard from the same local, and the limit 10 is compared once.
    const guard0 = /let g0 = (\w+);/.exec(kernel)?.[1];
    const guard1 = /let g1 = (\w+);/.exec(kernel)?.[1];
    expect(guard0).toBeDefined();
    expect(guard1).toBe(guard0);
    expect(kernel.match(/ = 10;/g)).toHaveLength(1);
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
    const code = emitTypeScript(result.plan!);
    const dir = join(root, ".tmp", "emit-hostile");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
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
        // Explanations are written when read (runtime RunEvent), not during the evaluation.
        expect(compiled, p).toBe(0);
        for (const e of events) expect(e.explanation.length, p).toBeGreaterThan(0);
        const contacts = events.filter((e) => e.type === "henvendelse").length;
        expect(contacts, p).toBeGreaterThan(0);
        // At least one explanation per contact came from the compiled code (a contact may list several criteria).
        expect(compiled, p).toBeGreaterThanOrEqual(contacts);
      } finally {
        mod.compiled.explainCriterion = original;
      }
    }
  });

  it("explain their yearly reviews with their own compiled explanations, the same as the interpreter's", async () => {
    type Explainer = (k: unknown, review: number, pf: number, pl: number, h: unknown) => { facts: string } | undefined;
    const mod = (await import(join(out, "jobsoegning.ts"))) as { compiled: { explainReview?: Explainer }; evaluateTables: (t: Record<string, Table>, o?: object) => { type: string; explanation: string }[] };
    const original = mod.compiled.explainReview!;
    expect(original).toBeTypeOf("function");
    let compiled = 0;
    mod.compiled.explainReview = (k, review, pf, pl, h) => {
      const r = original(k, review, pf, pl, h);
      if (r) compiled++;
      return r;
    };
    try {
      const events = mod.evaluateTables(sampleTables(), { ignoreInForce: true });
      expect(compiled).toBe(0);
      const reviews = events.filter((e) => e.type === "gennemgang");
      expect(reviews.length).toBeGreaterThan(0);
      for (const e of reviews) expect(e.explanation).toContain("indgår i");
      expect(compiled).toBe(reviews.length);
    } finally {
      mod.compiled.explainReview = original;
    }
  });
});

describe("a generated module's evaluate() checks its rows as a data file is checked", () => {
  type Row = Record<string, string | number | null | undefined>;
  interface Module {
    evaluate: (rows: Record<string, Row[]>, options?: object) => { type: string; rule: string; date: string; kommune: string; explanation: string }[];
  }
  interface DataErrorLike extends Error {
    diagnostics: { code: string; file: string; message: string; span: { start: { line: number; column: number } }; related?: { span: { start: { line: number } } }[] }[];
  }
  const row = (over: Row = {}): Row => ({ kommune: "101", maaned: "2021-01", jobparate: 100, groen: 50, lysegroen: 0, roed: 50, fortsat_uden_jobsoegning: 0, ...over });
  const load = async () => (await import(join(out, "jobsoegning.ts"))) as Module;
  /** The DataError evaluate() throws for these rows. */
  async function dataError(rows: Row[], options?: object): Promise<DataErrorLike> {
    const mod = await load();
    const runtime = await import("../../runtime/index.js");
    try {
      mod.evaluate({ jobsoegning: rows }, options);
    } catch (error) {
      expect(error).toBeInstanceOf(runtime.DataError);
      expect((error as Error).name).toBe("DataError");
      return error as DataErrorLike;
    }
    throw new Error("evaluate() accepted the rows");
  }

  it("a kommune that is not one of the 98 (T0310), at the row's number and the column", async () => {
    const error = await dataError([row(), row({ kommune: "999", maaned: "2021-02" })]);
    expect(error.diagnostics.map((d) => [d.code, d.file, d.span.start.line, d.span.start.column, d.message])).toEqual([
      ["T0310", "jobsoegning", 2, 1, "`999` i kolonnen `kommune` er ikke en af de 98 kommunekoder."],
    ]);
    expect(error.message).toBe("Rækkerne har 1 fejl; den første: jobsoegning, række 2: `999` i kolonnen `kommune` er ikke en af de 98 kommunekoder.");
  });

  it("a month that does not exist (T0311)", async () => {
    const error = await dataError([row({ maaned: "2021-13" })]);
    expect(error.diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column, d.message])).toEqual([
      ["T0311", 1, 2, "`2021-13` i kolonnen `maaned` er ikke en gyldig måned."],
    ]);
  });

  it("two rows with the same key (T0321), pointing back at the first", async () => {
    const error = await dataError([row(), row({ maaned: "2021-02" }), row({ roed: 10, groen: 90 })]);
    expect(error.diagnostics).toHaveLength(1);
    const d = error.diagnostics[0]!;
    expect([d.code, d.span.start.line, d.message]).toEqual(["T0321", 3, "Rækken med `kommune` 101 og `maaned` 2021-01 står også i linje 1."]);
    expect(d.related?.[0]?.span.start.line).toBe(1);
  });

  it("a count with decimals (T0316), a negative count (T0315), text for a number (T0314) and a part above its whole (T0317)", async () => {
    const error = await dataError([
      row({ jobparate: 100.5 }),
      row({ maaned: "2021-02", roed: -1 }),
      row({ maaned: "2021-03", groen: "mange" }),
      row({ maaned: "2021-04", roed: 101 }),
    ]);
    expect(error.diagnostics.map((d) => [d.code, d.span.start.line, d.message])).toEqual([
      ["T0316", 1, "Antallet i kolonnen `jobparate` er ikke et helt tal (100.5)."],
      ["T0315", 2, "Antallet i kolonnen `roed` er negativt (-1)."],
      ["T0314", 3, "`mange` i kolonnen `groen` er ikke et tal."],
      ["T0317", 4, "`roed` (101) er større end `jobparate` (100) i samme linje."],
    ]);
  });

  it("a missing key is a blank key cell (T0309); null and undefined counts are blank, not measured", async () => {
    const error = await dataError([{ ...row(), kommune: undefined }]);
    expect(error.diagnostics.map((d) => d.code)).toEqual(["T0309"]);
    const mod = await load();
    expect(mod.evaluate({ jobsoegning: [row({ roed: null, fortsat_uden_jobsoegning: undefined })] })).toEqual([]);
  });

  it("keeps 25 diagnostics and summarises the rest (T0322), as for a file", async () => {
    const error = await dataError(Array.from({ length: 40 }, (_, i) => row({ kommune: "999", maaned: `20${10 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}` })));
    expect(error.diagnostics).toHaveLength(26);
    expect(error.diagnostics[25]!.message).toBe("15 fejl mere i 15 linjer er ikke vist.");
  });

  it("takes the kommune list and the months as options", async () => {
    const mod = await load();
    // Only 101 allowed: 147 is now an error.
    const error = await dataError([row({ kommune: "147" })], { kommuner: ["101"] });
    expect(error.diagnostics.map((d) => d.code)).toEqual(["T0310"]);
    const rows = { jobsoegning: [row(), row({ kommune: "147", maaned: "2021-02" })] };
    const all = mod.evaluate(rows);
    expect(all.map((e) => e.date)).toEqual(["2021-04-01", "2021-05-01"]);
    expect(all[0]!.explanation).toContain("København Kommune (101)");
    expect(mod.evaluate(rows, { from: "2021-05" }).map((e) => e.date)).toEqual(["2021-05-01"]);
    expect(mod.evaluate(rows, { to: "2021-04" }).map((e) => e.date)).toEqual(["2021-04-01"]);
    expect(() => mod.evaluate(rows, { from: "2021-13" })).toThrow(/`from` skal være en måned som ÅÅÅÅ-MM/);
  });
});

describe("compile --historik: the files of one policy as one module and one history", () => {
  const dir = join(root, ".tmp", "emit-history");

  it("gives the events `tilsyn run` gives with both files (test/reference/tidlig-indsats-historik.json), from rows", async () => {
    rmSync(dir, { recursive: true, force: true });
    const files = ["policies/tidlig-indsats-2020.tilsyn", "policies/tidlig-indsats-2024.tilsyn", "policies/jobsoegning.tilsyn"];
    let stdout = "";
    expect(await main(["compile", ...files, "--historik", "--out", dir], { stdout: (t) => (stdout += t), stderr: (t) => process.stderr.write(t) })).toBe(0);
    // One module for the two early-effort files, the other policy on its own as before.
    expect(stdout).toContain("tidlig-indsats.ts, jobsoegning.ts");
    expect(() => readFileSync(join(dir, "tidlig-indsats-2020.ts"))).toThrow();
    const mod = (await import(join(dir, "tidlig-indsats.ts"))) as { plans: { file: string }[]; evaluate: (rows: object) => PolicyEvent[] };
    expect(mod.plans.map((p) => p.file)).toEqual(files.slice(0, 2));
    // The sample data as a pipeline would hold it: counts as numbers, blanks as null.
    const [header, ...lines] = readFileSync(join(root, "data/eksempel/tidlig_indsats.csv"), "utf8").trim().split("\n");
    const names = header!.split(",");
    const rows = lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [names[i], i < 3 ? cell : cell === "" ? null : Number(cell)])));
    const events = mod.evaluate({ tidlig_indsats: rows }).map(canonicalEvent);
    const reference = JSON.parse(readFileSync(join(root, "test/reference/tidlig-indsats-historik.json"), "utf8")) as { events: unknown[] };
    expect(events.length).toBe(reference.events.length);
    expect(JSON.stringify(events)).toBe(JSON.stringify(reference.events));
  });

  it("pass tsc --strict", () => {
    expectStrictModules(dir);
  });

  it("refuses files of one policy whose periods overlap (T0406), as run does", async () => {
    let stderr = "";
    const code = await main(["compile", "policies/tidlig-indsats-2024.tilsyn", "policies/tidlig-indsats-2024.tilsyn", "--historik", "--out", join(dir, "overlap")], { stdout: () => {}, stderr: (t) => (stderr += t) });
    expect(code).toBe(1);
    expect(stderr).toContain("T0406");
  });
});
