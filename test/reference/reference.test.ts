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

// `--fra` and `--til` keep the events dated in those months and leave the history before them as
// it was: a ladder's step, a written account's episode and a state machine's state and deadlines
// go on through the months left out. So a run with a window gives exactly the reference's events
// dated in it (the run makes and explains only those).
describe("a window of months is the reference's events dated in it", () => {
  const windows: { file: string; args: string[]; fra?: string; til?: string }[] = [
    { file: "tidlig-indsats-2020.json", args: ["policies/tidlig-indsats-2020.tilsyn"], fra: "2021-03", til: "2021-09" },
    { file: "jobsoegning.json", args: ["policies/jobsoegning.tilsyn"], fra: "2021-06", til: "2022-12" },
    { file: "jobsoegning.json", args: ["policies/jobsoegning.tilsyn"], til: "2020-02" },
    { file: "skaerpet-tilsyn.json", args: ["policies/skaerpet-tilsyn.tilsyn"], fra: "2023-07" },
    { file: "tidlig-indsats-historik.json", args: ["policies/tidlig-indsats-2020.tilsyn", "policies/tidlig-indsats-2024.tilsyn"], fra: "2023-11", til: "2024-06" },
  ];
  const month = (text: string): number => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;
  for (const w of windows) {
    it(`${w.args.join(" ")} --fra ${w.fra ?? "–"} --til ${w.til ?? "–"}`, async () => {
      let stdout = "";
      const window = [...(w.fra ? ["--fra", w.fra] : []), ...(w.til ? ["--til", w.til] : [])];
      const code = await main(["run", ...w.args, "--data", "data/eksempel", "--format", "json", ...window], { stdout: (t) => (stdout += t), stderr: () => {} });
      expect(code).toBe(0);
      const reference = JSON.parse(readFileSync(join(root, "test/reference", w.file), "utf8")) as { events: { date: string }[] };
      const expected = reference.events.filter((e) => (!w.fra || month(e.date) >= month(w.fra)) && (!w.til || month(e.date) <= month(w.til)));
      const events = (JSON.parse(stdout) as { events: unknown[] }).events;
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(reference.events.length);
      expect(JSON.stringify(events)).toBe(JSON.stringify(expected));
    });
  }
});
