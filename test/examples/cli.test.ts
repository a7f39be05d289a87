// `tilsyn test` and `tilsyn check` on examples: exit codes, the Danish report, --filter, --format
// json, --coverage-min, and files of examples next to a policy.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../cli/main.js";

const root = join(import.meta.dirname, "..", "..");
const tmp = join(root, ".tmp", "examples-cli");

async function run(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe("tilsyn test on the bundled policies", () => {
  it("passes with 100 % rule coverage and exit 0", async () => {
    const files = ["jobsoegning", "skaerpet-tilsyn", "tidlig-indsats-2020", "tidlig-indsats-2024"].map((n) => `policies/${n}.tilsyn`);
    const r = await run("test", ...files, "--coverage-min", "100");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("✓ § 11: fra 50 pct. til 40 pct. uden tilbud er halvdelen af den påkrævede fremgang");
    expect(r.stdout).toMatch(/\n39 eksempler: 39 bestået\.\n/);
    expect(r.stdout).toContain("Regeldækning: 100,0 % (62 af 62 punkter)");
  });

  it("--filter runs only the examples with the text in their title; --format json is machine-readable", async () => {
    const r = await run("test", "policies/skaerpet-tilsyn.tilsyn", "--filter", "§ 11", "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.passed).toBe(4);
    expect(json.failed).toBe(0);
    expect(json.examples.every((e: { title: string }) => e.title.includes("§ 11"))).toBe(true);
    expect(json.coverage.percent).toBeLessThan(100);
    expect(json.coverage.missing[0]).toMatchObject({ file: "policies/skaerpet-tilsyn.tilsyn", kind: expect.any(String), text: expect.any(String) });
  });

  it("--coverage-min fails below the figure, listing what is missing with line numbers", async () => {
    const r = await run("test", "policies/skaerpet-tilsyn.tilsyn", "--filter", "§ 11", "--coverage-min", "95");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Regeldækning: \d+,\d % \(\d+ af 18 punkter\)\. Det mangler:/);
    expect(r.stdout).toMatch(/policies\/skaerpet-tilsyn\.tilsyn:\d+:\d+ {2}grænsen `faktisk højst forventet`/);
    expect(r.stdout).toContain("men --coverage-min kræver mindst 95 %.");
  });
});

describe("tilsyn test on a failing example", () => {
  it("exit 1, with what was expected, what happened and the events with their explanations", async () => {
    mkdirSync(tmp, { recursive: true });
    const file = join(tmp, "js.tilsyn");
    writeFileSync(file, readFileSync(join(root, "policies/jobsoegning.tilsyn"), "utf8").replace("når andel_røde mindst 50 %", "når andel_røde over 50 %"));
    const r = await run("test", file, "--filter", "Strakshandling");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("✗ Strakshandling: præcis 50 pct. røde er 50 pct. eller flere");
    expect(r.stdout).toContain("forventede (linje 57): forventer henvendelse til 101 for 2021-01 efter straks med telefon den 2021-04-01");
    expect(r.stdout).toContain("men: der kom ingen henvendelser til 101 (København).");
    expect(r.stdout).toContain("2 eksempler med «Strakshandling» i titlen: 1 bestået, 1 fejlet.");
  });
});

describe("a file of examples next to the policy", () => {
  const examples = `eksempler til "../../policies/jobsoegning.tilsyn"

eksempel "Strakshandling ved 60 pct. røde"
  kilde "STAR: Administrationsmodel, handlingskriterie 1"
  data jobsoegning
    kommune | maaned  | jobparate | roed
    101     | 2021-01 | 100       | 60
  forventer henvendelse til 101 for 2021-01 efter straks
`;

  it("`eksempler til` names the policy; the examples run with it", async () => {
    mkdirSync(tmp, { recursive: true });
    const file = join(tmp, "ekstra.tilsyn");
    writeFileSync(file, examples);
    const r = await run("test", file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("✓ Strakshandling ved 60 pct. røde");
    const check = await run("check", file);
    expect(check.code).toBe(0);
    expect(check.stdout).toBe("1 fil uden fejl.\n");
  });

  it("`x.test.tilsyn` belongs to `x.tilsyn` in the same folder; unknown names are errors with suggestions", async () => {
    mkdirSync(tmp, { recursive: true });
    writeFileSync(join(tmp, "js.tilsyn"), readFileSync(join(root, "policies/jobsoegning.tilsyn"), "utf8"));
    writeFileSync(join(tmp, "js.test.tilsyn"), examples.replace(/^eksempler til .*\n/, "").replace("efter straks", "efter strax"));
    const r = await run("test", join(tmp, "js.test.tilsyn"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("fejl[T0237]: Kriteriet `strax` findes ikke i politikken.");
    expect(r.stderr).toContain("hjælp: Mente du `straks`?");
  });

  it("a file of examples that names no policy is an error", async () => {
    mkdirSync(tmp, { recursive: true });
    const file = join(tmp, "løse.tilsyn");
    writeFileSync(file, examples.replace(/^eksempler til .*\n/, ""));
    const r = await run("test", file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("fejl[T0238]: Filen med eksempler siger ikke, hvilken politik de handler om.");
  });
});
