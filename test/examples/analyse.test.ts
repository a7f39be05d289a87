// Static analysis (`tilsyn check`, T0503–T0509): warnings about valid policies that probably do
// not say what was meant, each silenced per declaration with `tillad CODE "begrundelse"`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../grammar/index.js";
import { analyseVersions } from "../../compiler/analyse.js";
import { checkPolicy } from "../../compiler/index.js";

const root = join(import.meta.dirname, "..", "..");

const warnings = (source: string, file = "p.tilsyn") => {
  const checked = checkPolicy(source, file);
  expect(checked.diagnostics.filter((d) => d.severity === "fejl")).toEqual([]);
  return checked.analysis;
};
const codes = (source: string) => warnings(source).map((d) => `${d.span.start.line} ${d.code}`);

const HEAD = `politik p "t"
data d pr kommune, måned
  a: antal
  offentliggøres 1 måned efter måneden
opgørelse månedlig
  følges op ved offentliggørelse
reaktion
  henvendelse "h"
`;

describe("the bundled policies", () => {
  it("jobsøgning: the population-40 gap between the monthly guard and the annual review is pointed out, with its line", () => {
    const file = "policies/jobsoegning.tilsyn";
    const list = warnings(readFileSync(join(root, file), "utf8"), file);
    expect(list.map((d) => d.code)).toEqual(["T0503"]);
    const [gap] = list;
    const source = readFileSync(join(root, file), "utf8").split("\n");
    expect(source[gap!.span.start.line - 1]).toContain("årligt når middel(jobparate) over året under 40");
    expect(source[gap!.related![0]!.span.start.line - 1]).toContain("jobparate over 40");
    expect(gap!.message).toBe(
      "Grænserne for `jobparate` efterlader et hul: præcis 40 er hverken omfattet af `jobparate over 40` i målet `minimumspopulation` (kriterierne `straks`, `observation`, `fortsat_uden_jobsøgning`, linje 20) eller af `middel(jobparate) over året under 40` (gennemgangen `små_kommuner`, linje 41).",
    );
  });

  it("the other three have no warnings", () => {
    for (const name of ["skaerpet-tilsyn", "tidlig-indsats-2020", "tidlig-indsats-2024"]) {
      expect(warnings(readFileSync(join(root, "policies", `${name}.tilsyn`), "utf8"), name)).toEqual([]);
    }
  });

  it("the two tidlig-indsats files meet exactly: no hole between them", () => {
    const files = ["tidlig-indsats-2020", "tidlig-indsats-2024"].map((n) => {
      const file = `policies/${n}.tilsyn`;
      return { file, ast: parse(readFileSync(join(root, file), "utf8"), file).ast };
    });
    expect(analyseVersions(files)).toEqual([]);
  });
});

describe("T0503/T0504: bands of different rules", () => {
  it("a gap between `over 40` and `under 30`, an overlap between `mindst 40` and `højst 50`; none where they meet", () => {
    const rules = (x: string, y: string) => `${HEAD}kriterie k når a ${x}\ngennemgang g årligt når middel(a) over året ${y}\n`;
    expect(codes(rules("over 40", "under 30"))).toEqual(["10 T0503"]);
    expect(warnings(rules("over 40", "under 30"))[0]!.message).toContain("værdierne fra 30 til 40");
    expect(codes(rules("mindst 40", "højst 50"))).toEqual(["10 T0504"]);
    expect(codes(rules("mindst 40", "under 40"))).toEqual([]);
    expect(codes(rules("over 40", "højst 40"))).toEqual([]);
    // Under `ikke` a band turns around: `ikke a under 40` is `a mindst 40`.
    expect(codes(`${HEAD}kriterie k når ikke a under 40\ngennemgang g årligt når middel(a) over året under 40\n`)).toEqual([]);
  });

  it("is silenced by `tillad T0503` with a reason in either declaration", () => {
    const src = `${HEAD}kriterie k når a over 40\ngennemgang g årligt når middel(a) over året under 40\n  tillad T0503 "hullet står i reglerne"\n`;
    expect(codes(src)).toEqual([]);
  });
});

describe("T0505: unused", () => {
  it("a measure, a field and a whole data source nobody uses", () => {
    const src = `${HEAD}data e pr kommune, måned\n  c: antal\n  offentliggøres 1 måned efter måneden\ndata f pr kommune, måned\n  a2: antal\n  b2: antal af a2\n  offentliggøres 1 måned efter måneden\nmål m = a\nkriterie k når a over 1 og a2 over 1\n`;
    expect(codes(src)).toEqual(["9 T0505", "14 T0505", "16 T0505"]);
    expect(warnings(src).map((d) => d.message)).toEqual([
      "Data `e` bruges ikke.",
      "Feltet `b2` i data `f` bruges ikke.",
      "Målet `m` bruges ikke.",
    ]);
  });
});

describe("T0506: never fires", () => {
  it("a contradiction, a transition shadowed by an earlier one with the same condition, and one from a state that cannot be reached", () => {
    const src = `${HEAD}kriterie k når a over 5 og a under 3
forløb start s
  tilstand s
  tilstand t
  tilstand u
  overgang o1 fra s til t når a over 10
  overgang o2 fra s til t når (a > 10)
  overgang o3 fra u til s når a over 1
`;
    expect(codes(src)).toEqual(["9 T0506", "15 T0506", "16 T0506"]);
    const [k, o2, o3] = warnings(src).map((d) => d.message);
    expect(k).toBe("Kriteriet `k` kan aldrig ske: `a over 5` og `a under 3` kan ikke gælde på én gang.");
    expect(o2).toContain("overgangen `o1` fra samme tilstand står før den med samme betingelse");
    expect(o3).toContain("tilstanden `u` kan ikke nås fra `s`");
  });
});

describe("T0508: the same result as another rule", () => {
  it("two criteria with the same condition once measures are written out", () => {
    const src = `${HEAD}mål andel = a / a\nkriterie k1 når andel over 20 %\nkriterie k2 når a / a > 20 %\n`;
    expect(codes(src)).toEqual(["11 T0508"]);
    expect(warnings(src)[0]!.message).toBe("Kriteriet `k2` giver altid samme resultat som kriteriet `k1`: betingelserne er de samme.");
  });
});

describe("T0509: a tillad that silences nothing", () => {
  it("is itself a warning", () => {
    expect(codes(`${HEAD}kriterie k når a over 20\n  tillad T0508 "ingen grund"\n`)).toEqual(["10 T0509"]);
  });
});

describe("T0507: holes between versions of a policy", () => {
  it("a version ending 2024-02-28 and the next beginning 2024-03-02 leave 2024-02-29 to 2024-03-01 uncovered", () => {
    const v = (inForce: string, file: string) => ({ file, ast: parse(`politik p "t"\n  gælder ${inForce}\n`, file).ast });
    const list = analyseVersions([v("fra 2024-03-02", "b.tilsyn"), v("fra 2020-01-01 til 2024-02-28", "a.tilsyn")]);
    expect(list.map((d) => [d.code, d.file, d.message])).toEqual([
      ["T0507", "b.tilsyn", "Politikken `p` gælder ikke fra 2024-02-29 til 2024-03-01: a.tilsyn slutter før, b.tilsyn begynder."],
    ]);
    expect(analyseVersions([v("fra 2024-02-29", "b.tilsyn"), v("fra 2020-01-01 til 2024-02-28", "a.tilsyn")])).toEqual([]);
  });
});
