// A data file straight from Jobindsats: Danish headers, columns in the export's order and columns
// the policy does not use. The policy only gets `kolonne` lines, and `tilsyn run` gives the same
// events as the bundled policy on the bundled data (test/reference/jobsoegning.json).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { run } from "./run-cli.js";

const root = join(import.meta.dirname, "..", "..");
const tmp = join(root, ".tmp", "jobindsats-test");

/** The export's header for each of the sample file's columns. */
export const HEADERS: Record<string, string> = {
  kommune: "Kommune",
  maaned: "Måned",
  jobparate: "Antal jobparate",
  groen: "Antal grønne",
  lysegroen: "Antal lysegrønne",
  roed: "Antal røde",
  fortsat_uden_jobsoegning: "Fortsat uden jobsøgning",
};

/** policies/jobsoegning.tilsyn with nothing but `kolonne` lines added. */
export function policyWithHeaders(): string {
  const source = readFileSync(join(root, "policies/jobsoegning.tilsyn"), "utf8");
  const withKeys = source.replace("data jobsoegning pr kommune, måned\n", 'data jobsoegning pr kommune, måned\n  kolonner kommune "Kommune", måned "Måned"\n');
  return withKeys.replace(/^(  (\w+): antal.*)$/gm, (line, _all, field: string) => `${line} kolonne "${HEADERS[field]}"`);
}

/** The sample data as an export: a municipality name first, the headers renamed, a column more at the end. */
export function exportRows(): string[][] {
  const kommuner = new Map(
    readFileSync(join(root, "data/kommuner.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(",") as [string, string]),
  );
  const [header, ...rows] = readFileSync(join(root, "data/eksempel/jobsoegning.csv"), "utf8").trim().split("\n").map((l) => l.split(","));
  return [
    ["Kommunenavn", ...header!.map((h) => HEADERS[h]!), "Ekstra kolonne"],
    ...rows.map((r) => [kommuner.get(r[0]!) ?? "", ...r, "x"]),
  ];
}

describe("a file straight from Jobindsats", () => {
  beforeAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("runs after only kolonne lines were added to the policy, with the same events as the bundled data", async () => {
    const dir = join(tmp, "csv");
    mkdirSync(dir, { recursive: true });
    const policy = policyWithHeaders();
    expect(policy).toContain('  jobparate: antal "jobparate kontanthjælpsmodtagere med pligt til at joblogge" kolonne "Antal jobparate"\n');
    writeFileSync(join(dir, "jobsoegning.tilsyn"), policy);
    // As Jobindsats exports it for Danish Excel: semicolons and CRLF.
    const csv = `${exportRows().map((r) => r.join(";")).join("\r\n")}\r\n`;
    expect(csv.slice(0, csv.indexOf("\r"))).toBe("Kommunenavn;Kommune;Måned;Antal jobparate;Antal grønne;Antal lysegrønne;Antal røde;Fortsat uden jobsøgning;Ekstra kolonne");
    writeFileSync(join(dir, "jobsoegning.csv"), csv);
    const file = ".tmp/jobindsats-test/csv/jobsoegning.tilsyn";
    const r = await run("run", file, "--data", dir, "--format", "json");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("note[T0332]: Kolonnerne `Kommunenavn` og `Ekstra kolonne` bruges ikke af data `jobsoegning` og springes over.");
    const reference = readFileSync(join(root, "test/reference/jobsoegning.json"), "utf8");
    expect(r.stdout === reference.replace('"file": "policies/jobsoegning.tilsyn"', `"file": "${file}"`)).toBe(true);
    // … and the policy is formatted as the house style wants it.
    expect((await run("fmt", "--check", join(dir, "jobsoegning.tilsyn"))).code).toBe(0);
  });

  it("the same data as .xlsx gives byte-identical `run --format json` output; both files in one folder is an error", async () => {
    const csvDir = join(tmp, "csv-2");
    const xlsxDir = join(tmp, "xlsx");
    mkdirSync(csvDir, { recursive: true });
    mkdirSync(xlsxDir, { recursive: true });
    const policy = join(tmp, "jobsoegning.tilsyn");
    writeFileSync(policy, policyWithHeaders());
    const rows = exportRows();
    writeFileSync(join(csvDir, "jobsoegning.csv"), `${rows.map((r) => r.join(",")).join("\n")}\n`);
    // As Excel holds an export: codes and counts as numbers, the month as a date shown yyyy-mm.
    const sheet = rows.map((r, i) =>
      r.map((v, c) => {
        if (i === 0 || c === 0 || c === r.length - 1) return { value: v };
        if (c === 2) return { value: new Date(Date.UTC(Number(v.slice(0, 4)), Number(v.slice(5, 7)) - 1, 1)), type: Date, format: "yyyy-mm" };
        return v === "" ? null : { value: Number(v) };
      }),
    );
    const write = writeXlsxFile as unknown as (data: unknown, options: unknown) => { toFile(path: string): Promise<void> };
    await write(sheet, { sheet: "jobsoegning" }).toFile(join(xlsxDir, "jobsoegning.xlsx"));

    const fromCsv = await run("run", policy, "--data", csvDir, "--format", "json");
    const fromXlsx = await run("run", policy, "--data", xlsxDir, "--format", "json");
    expect(fromCsv.code).toBe(0);
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.stdout.length).toBeGreaterThan(1000);
    expect(fromXlsx.stdout === fromCsv.stdout).toBe(true);
    expect(fromXlsx.stderr).toContain(`note[T0332]: Kolonnerne \`Kommunenavn\` og \`Ekstra kolonne\` bruges ikke af data \`jobsoegning\` og springes over.\n  --> ${join(xlsxDir, "jobsoegning.xlsx")}, ark jobsoegning, række 1, kolonne A`);

    writeFileSync(join(xlsxDir, "jobsoegning.csv"), readFileSync(join(csvDir, "jobsoegning.csv")));
    const both = await run("run", policy, "--data", xlsxDir, "--format", "json");
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(`fejl[T0419]: Data \`jobsoegning\` findes både som ${join(xlsxDir, "jobsoegning.csv")} og som ${join(xlsxDir, "jobsoegning.xlsx")}.`);
  });
});
