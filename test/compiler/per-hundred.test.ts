// A share multiplied by 100 is a rate per 100: a plain number. A hint must never change a rule's
// meaning (issue #10): `andel * 100 under 2` was hinted towards `2 %`, a rule 100 times off.
import { describe, expect, it } from "vitest";
import { checkPolicy } from "../../compiler/index.js";
import { policySuite, runSuite } from "../../compiler/runner.js";

const policy = (measure: string, when: string, examples = "") => `politik p "t"
  kilde "k"

data jobsoegning pr kommune, måned
  jobparate: antal
  roed: antal af jobparate
  offentliggøres 3 måneder efter måneden

opgørelse månedlig
  følges op ved offentliggørelse

mål røde_pr_100 "røde pr. 100 jobparate" = ${measure}

kriterie k "K"
  kilde "k"
  når ${when}

reaktion
  henvendelse "h"
${examples}`;

const codes = (measure: string, when: string) => checkPolicy(policy(measure, when), "p.tilsyn").diagnostics.map((d) => d.code);

describe("a share times 100 is a number per 100", () => {
  it("is compared with a plain number, without a hint to add `%`", () => {
    expect(codes("roed / jobparate * 100", "røde_pr_100 under 2")).toEqual([]);
    expect(codes("100 * roed / jobparate", "røde_pr_100 under 2")).toEqual([]);
    expect(codes("roed / jobparate * 1000", "røde_pr_100 under 20")).toEqual([]);
  });

  it("compared with a percentage is an error whose hint offers both readings, and no automatic fix", () => {
    const [d] = checkPolicy(policy("roed / jobparate * 100", "røde_pr_100 under 2 %"), "p.tilsyn").diagnostics;
    expect(d!.code).toBe("T0257");
    expect(d!.message).toBe("Her sammenlignes et tal med en andel: `røde_pr_100 under 2 %`.");
    expect(d!.hint).toContain("fjern `* 100`");
    expect(d!.fix).toBeUndefined();
  });

  it("a share times another number stays a share, and a bare number still gets the `%` hint", () => {
    expect(codes("roed / jobparate * 2", "røde_pr_100 over 50 %")).toEqual([]);
    expect(codes("roed / jobparate", "røde_pr_100 under 2")).toEqual(["T0214"]);
  });

  it("decides at the boundary as the rule reads: 1.9 per 100 is under 2, 2.0 is not", () => {
    const [under, boundary] = runSuite(
      policySuite(
        policy(
          "roed / jobparate * 100",
          "røde_pr_100 under 2",
          `
eksempel "1,9 pr. 100 er under 2"
  kilde "k"
  data jobsoegning
    kommune | maaned  | jobparate | roed
    101     | 2021-01 | 1000      | 19
  forventer henvendelse til 101 for 2021-01

eksempel "2,0 pr. 100 er ikke under 2"
  kilde "k"
  data jobsoegning
    kommune | maaned  | jobparate | roed
    101     | 2021-01 | 1000      | 20
  forventer ingen henvendelse
`,
        ),
        "p.tilsyn",
      ),
    );
    expect(under!.ok).toBe(true);
    expect(boundary!.ok).toBe(true);
    expect(under!.events[0]!.explanation).toContain("(1,9) er under 2.");
  });
});
