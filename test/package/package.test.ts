// The npm package: what `npm pack` would put in it (from the build `npm test` makes first), and
// the "tilsyn" API of index.ts. The installed package itself is tried by .ci/packed-install.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPolicy, evaluate, KOMMUNE_CODES, loadTable } from "../../index.js";
import { main } from "../../cli/main.js";

const root = join(import.meta.dirname, "..", "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  private?: boolean;
  bin: Record<string, string>;
  types: string;
  exports: Record<string, string | { types: string; default: string }>;
  dependencies: Record<string, string>;
};

describe("the npm package", () => {
  const packed = () => {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const out = execFileSync(npm, ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8" });
    return (JSON.parse(out) as { size: number; files: { path: string }[] }[])[0]!;
  };

  it("is public, with types, a bin and exports that point at built files", () => {
    expect(pkg.private).toBeUndefined();
    const targets = [pkg.types, ...Object.values(pkg.bin), ...Object.values(pkg.exports).flatMap((e) => (typeof e === "string" ? [e] : [e.types, e.default]))];
    for (const target of targets) expect(existsSync(join(root, target)), target).toBe(true);
    expect(Object.keys(pkg.exports)).toEqual([".", "./runtime", "./prettier-plugin", "./package.json"]);
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["chevrotain", "commander", "papaparse", "prettier", "read-excel-file", "vscode-languageserver", "vscode-languageserver-textdocument"]);
  });

  it("packs under 1 MB: built code and types, policies, kommuner.csv and docs; no tests, bench, scripts or sample data", () => {
    const { size, files } = packed();
    expect(size).toBeLessThan(1_000_000);
    const paths = files.map((f) => f.path);
    for (const needed of ["bin/tilsyn.mjs", "dist/index.js", "dist/index.d.ts", "dist/runtime/index.js", "dist/runtime/index.d.ts", "dist/cli/main.js", "dist/vendor/chevrotain.mjs", "data/kommuner.csv", "policies/jobsoegning.tilsyn", "docs/pakke.md", "README.md"]) {
      expect(paths, needed).toContain(needed);
    }
    expect(paths.filter((p) => /^(test|bench|scripts|playground|data\/eksempel|\.ci)\//.test(p) || p.endsWith(".ts") && !p.endsWith(".d.ts"))).toEqual([]);
  });

  it("does not inline chevrotain: dist/vendor/chevrotain.mjs loads the installed one", () => {
    const shim = readFileSync(join(root, "dist/vendor/chevrotain.mjs"), "utf8");
    expect(shim.length).toBeLessThan(5_000);
    expect(shim).toContain('createRequire(import.meta.url).resolve("chevrotain")');
  });
});

describe('the "tilsyn" API', () => {
  const policy = checkPolicy(readFileSync(join(root, "policies/jobsoegning.tilsyn"), "utf8"), "policies/jobsoegning.tilsyn");
  const schema = policy.plan!.data[0]!;
  const table = loadTable(readFileSync(join(root, "data/eksempel/jobsoegning.csv"), "utf8"), "jobsoegning.csv", schema, KOMMUNE_CODES).table!;

  it("evaluate() gives the events `tilsyn run` gives, with months as YYYY-MM", async () => {
    let stdout = "";
    const code = await main(["run", "policies/jobsoegning.tilsyn", "--data", "data/eksempel", "--fra", "2020-01", "--til", "2020-12", "--format", "json"], { stdout: (t) => (stdout += t), stderr: () => {} });
    expect(code).toBe(0);
    const cli = (JSON.parse(stdout) as { events: { date: string; kommune: string; rule: string; explanation: string }[] }).events;
    const api = evaluate([policy.plan!], { [schema.name]: table }, { from: "2020-01", to: "2020-12" }).events;
    expect(cli.length).toBeGreaterThan(0);
    expect(api.map((e) => [e.date, e.kommune, e.rule, e.explanation])).toEqual(cli.map((e) => [e.date, e.kommune, e.rule, e.explanation]));
  });

  it("a month that is not YYYY-MM is a RangeError in Danish", () => {
    expect(() => evaluate([policy.plan!], { [schema.name]: table }, { to: "2020-1" })).toThrow(RangeError);
    expect(() => evaluate([policy.plan!], { [schema.name]: table }, { to: "2020-1" })).toThrow("Tilvalget `to` skal være en måned som ÅÅÅÅ-MM");
  });
});
