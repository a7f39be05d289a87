// The command line's own problems (T04xx) come from the message catalogue; what it prints is
// pinned here byte for byte, exit code included.
import { describe, expect, it } from "vitest";
import { runFmt } from "../../cli/fmt.js";
import { run } from "./run-cli.js";

describe("T04xx as printed", () => {
  it.each([
    [
      "T0401 a file that does not exist",
      ["check", "policies/findes-ikke.tilsyn"],
      2,
      "fejl[T0401]: Filen policies/findes-ikke.tilsyn findes ikke.\n  = hjælp: Tjek stien, eller kør kommandoen fra projektets mappe.\n",
    ],
    [
      "T0402 a folder where a file belongs",
      ["run", "policies/jobsoegning.tilsyn", "--data", "data/eksempel", "--kommuner", "data"],
      2,
      "fejl[T0402]: data er en mappe, ikke en fil.\n  = hjælp: Angiv filerne i mappen, fx data/*.tilsyn.\n",
    ],
    [
      "T0410 a command without its files",
      ["fmt"],
      2,
      "fejl[T0410]: Der mangler filer. Se `tilsyn <kommando> --help`.\n",
    ],
    [
      "T0407 a data file that is missing",
      ["run", "policies/jobsoegning.tilsyn", "--data", "policies"],
      2,
      "fejl[T0407]: Politikken policies/jobsoegning.tilsyn læser data `jobsoegning`, men policies/jobsoegning.csv findes ikke.\n  = hjælp: Læg filen jobsoegning.csv (eller jobsoegning.xlsx) i policies, eller angiv en anden mappe med --data.\n",
    ],
    [
      "T0408 a month that is not a month",
      ["run", "policies/jobsoegning.tilsyn", "--data", "data/eksempel", "--fra", "2022-13"],
      2,
      "fejl[T0408]: --fra 2022-13 er ikke en måned.\n  = hjælp: Skriv måneden som ÅÅÅÅ-MM, fx --fra 2022-01.\n",
    ],
    [
      "T0410 an unknown option",
      ["check", "--hurtigt", "policies/jobsoegning.tilsyn"],
      2,
      "fejl[T0410]: Ukendt tilvalg --hurtigt. Se `tilsyn --help`.\n",
    ],
    [
      "T0411 a coverage that is not a percentage",
      ["test", "policies/jobsoegning.tilsyn", "--coverage-min", "mange"],
      2,
      "fejl[T0411]: --coverage-min mange er ikke en procentsats.\n  = hjælp: Skriv et tal fra 0 til 100, fx --coverage-min 100.\n",
    ],
  ])("%s", async (_, argv, code, stderr) => {
    const r = await run(...argv);
    expect(r.stderr).toBe(stderr);
    expect(r.code).toBe(code);
  });

  it("T0405 formatting no files at all", async () => {
    let stderr = "";
    const io = { readFile: async () => "", writeFile: async () => {}, stdout: () => {}, stderr: (t: string) => (stderr += t) };
    expect(await runFmt([], { check: false }, io)).toBe(2);
    expect(stderr).toBe("fejl[T0405]: Angiv mindst én politikfil, fx policies/jobsoegning.tilsyn.\n");
  });
});
