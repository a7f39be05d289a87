// Names that are also JavaScript property names (`__proto__`, `constructor`, `toString`, …) are
// ordinary names in a policy: as a data block, a field, a measure and a criterion they must work
// in check, test, run and compile, and the compiled module must pass tsc --strict and give the
// same events. Every object keyed by a policy's names has no prototype (runtime nameRecord).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run-cli.js";
import { expectStrictModules } from "../compiler/strict-module.js";

const root = join(import.meta.dirname, "..", "..");
const tmp = join(root, ".tmp", "cli-js-names");

const NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];

interface Variant {
  file: string;
  dataDir: string;
  data: string;
  total: string;
  part: string;
  measure: string;
  criterion: string;
}

/**
 * Five policies: the five names rotated through the roles data block, total field, part field,
 * measure and criterion, so each name takes each role once.
 */
function variants(): Variant[] {
  rmSync(tmp, { recursive: true, force: true });
  return NAMES.map((_, r) => {
    const [data, total, part, measure, criterion] = NAMES.map((__, i) => NAMES[(i + r) % NAMES.length]!) as [string, string, string, string, string];
    const dir = join(tmp, `r${r}`);
    const dataDir = join(dir, "data");
    mkdirSync(dataDir, { recursive: true });
    const file = join(dir, `navne${r}.tilsyn`);
    writeFileSync(
      file,
      `politik ${criterion} "Navne, der også er JavaScript-egenskaber (${r})"
  kilde "test"

data ${data} pr kommune, måned
  ${total}: antal "alle"
  ${part}: antal af ${total} "nogle"
  offentliggøres 3 måneder efter måneden

opgørelse månedlig
  følges op ved offentliggørelse

mål ${measure} "andelen" = ${part} / ${total}

kriterie ${criterion} "Mindst halvdelen"
  kilde "k"
  når ${measure} mindst 50 %

reaktion
  henvendelse "STAR kontakter kommunen"
  trappe telefon, brev

eksempel "præcis halvdelen"
  kilde "k"
  data ${data}
    kommune | maaned  | ${total} | ${part}
    101     | 2021-01 | 100 | 50
  forventer henvendelse til 101 for 2021-01 efter ${criterion} med telefon den 2021-04-01

eksempel "under halvdelen"
  kilde "k"
  data ${data}
    kommune | maaned  | ${total} | ${part}
    101     | 2021-01 | 100 | 49
  forventer ingen henvendelse
`,
    );
    writeFileSync(join(dataDir, `${data}.csv`), `kommune,maaned,${total},${part}\n101,2021-01,100,50\n101,2021-02,100,40\n147,2021-01,10,9\n`);
    return { file, dataDir, data, total, part, measure, criterion };
  });
}

interface Event {
  kommune: string;
  date: string;
  rule: string;
  values: Record<string, unknown>;
}

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

describe("names that are JavaScript property names", () => {
  const all = variants();

  it("check, test and run work with every name in every role", async () => {
    for (const v of all) {
      const check = await run("check", v.file);
      expect(check.stderr, v.file).toBe("");
      expect(check.code, v.file).toBe(0);
      const test = await run("test", v.file);
      expect(test.stdout, v.file).toContain("2 eksempler: 2 bestået.");
      expect(test.code, v.file).toBe(0);
      const r = await run("run", v.file, "--data", v.dataDir, "--format", "json");
      expect(r.stderr, v.file).toBe("");
      expect(r.code, v.file).toBe(0);
      const events = (JSON.parse(r.stdout) as { events: Event[] }).events;
      expect(events.map((e) => [e.kommune, e.date, e.rule]), v.file).toEqual([
        ["101", "2021-04-01", v.criterion],
        ["147", "2021-04-01", v.criterion],
      ]);
      expect(own(events[0]!.values, v.measure), `${v.file}: values has its own ${v.measure}`).toBe(true);
      expect(events[0]!.values[v.measure]).toBe(50);
      expect(events[1]!.values[v.measure]).toBe(90);
    }
  });

  it("compile writes modules that pass tsc --strict and give the same events", async () => {
    const out = join(tmp, "out");
    for (const v of all) {
      const r = await run("compile", v.file, "--out", out);
      expect(r.stderr, v.file).toBe("");
      expect(r.code, v.file).toBe(0);
    }
    expectStrictModules(out);
    // Each module's evaluate() on rows in memory (imported here: vitest maps tilsyn/runtime to the sources).
    const rows = (data: string, total: string, part: string) =>
      Object.defineProperty({}, data, {
        enumerable: true,
        value: [
          { kommune: "101", maaned: "2021-01", [total]: 100, [part]: 50 },
          { kommune: "101", maaned: "2021-02", [total]: 100, [part]: 40 },
          { kommune: "147", maaned: "2021-01", [total]: 10, [part]: 9 },
        ],
      });
    const modules: Event[][] = [];
    for (const [i, v] of all.entries()) {
      const mod = (await import(join(out, `navne${i}.ts`))) as { evaluate(rows: never): Event[] };
      modules.push(mod.evaluate(rows(v.data, v.total, v.part) as never).map((e) => ({ kommune: e.kommune, date: e.date, rule: e.rule, values: e.values }) as Event));
    }
    all.forEach((v, i) => {
      expect(modules[i]!.map((e) => [e.kommune, e.date, e.rule, e.values[v.measure]]), v.file).toEqual([
        ["101", "2021-04-01", v.criterion, 50],
        ["147", "2021-04-01", v.criterion, 90],
      ]);
      expect(own(modules[i]![0]!.values, v.measure)).toBe(true);
    });
    expect(readFileSync(join(out, "navne2.ts"), "utf8")).toContain(`["__proto__"]`);
  });
});
