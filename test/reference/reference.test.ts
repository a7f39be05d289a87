// The outputs of the bundled policies on the sample data, as `tilsyn run --format json` wrote them
// when they were last reviewed. Every change to the compiler or runtime must leave them
// byte-identical; a deliberate change of a rule or a wording updates the files in the same commit
// and says why (regenerate with the commands in README.md of this folder).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../cli/main.js";

const root = join(import.meta.dirname, "..", "..");

const cases: { file: string; args: string[] }[] = [
  { file: "tidlig-indsats-2020.json", args: ["policies/tidlig-indsats-2020.tilsyn"] },
  { file: "tidlig-indsats-2024.json", args: ["policies/tidlig-indsats-2024.tilsyn"] },
  { file: "tidlig-indsats-2024-alle-perioder.json", args: ["policies/tidlig-indsats-2024.tilsyn", "--alle-perioder"] },
  { file: "tidlig-indsats-historik.json", args: ["policies/tidlig-indsats-2020.tilsyn", "policies/tidlig-indsats-2024.tilsyn"] },
  { file: "jobsoegning.json", args: ["policies/jobsoegning.tilsyn"] },
  { file: "skaerpet-tilsyn.json", args: ["policies/skaerpet-tilsyn.tilsyn"] },
];

describe("reference outputs on data/eksempel", () => {
  for (const c of cases) {
    it(`${c.args.join(" ")} is byte-identical to test/reference/${c.file}`, async () => {
      let stdout = "";
      const code = await main(["run", ...c.args, "--data", "data/eksempel", "--format", "json"], { stdout: (t) => (stdout += t), stderr: () => {} });
      expect(code).toBe(0);
      const expected = readFileSync(join(root, "test/reference", c.file), "utf8");
      expect(stdout.length).toBe(expected.length);
      expect(stdout === expected).toBe(true);
    });
  }
});
