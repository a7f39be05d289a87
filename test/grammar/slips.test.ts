// Mistakes a new policy officer makes in the middle of a line (issue #10), each reported where it
// is, with a repair that keeps the rule's meaning, instead of "expected a new declaration".
import { describe, expect, it } from "vitest";
import { applyFixes } from "../../diagnostics/index.js";
import { parse } from "../../grammar/index.js";

const policy = (when: string, measure = 'mål m "m" = borgere') => `politik p "P"
  kilde "k"

data sanktioner pr kommune, måned
  borgere: antal "b"
  sanktioner: antal af borgere "s"
  offentliggøres 3 måneder efter måneden

opgørelse månedlig
  følges op ved offentliggørelse

${measure}

kriterie k "K"
  kilde "k"
  ${when}
`;

const only = (source: string) => {
  const { diagnostics } = parse(source, "p.tilsyn");
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0]!;
};

describe("mistakes in the middle of a line", () => {
  it("`25 procent` (and `pct`) is `25 %`, with a fix that makes the line parse", () => {
    for (const word of ["procent", "pct"]) {
      const source = policy(`når sanktioner / borgere over 25 ${word}`);
      const d = only(source);
      expect(d.code).toBe("T0121");
      expect(d.message).toBe(`Procent skrives med tegnet \`%\`: \`25 %\`, ikke \`25 ${word}\`.`);
      expect([d.span.start.line, d.span.start.column]).toEqual([16, 36]);
      const fixed = applyFixes(source, [d.fix!]);
      expect(fixed).toContain("over 25 %\n");
      expect(parse(fixed, "p.tilsyn").diagnostics).toEqual([]);
    }
  });

  it("`and`, `or` and `not` are `og`, `eller` and `ikke`", () => {
    const source = policy("når sanktioner / borgere over 25 % and borgere over 10");
    const d = only(source);
    expect(d.code).toBe("T0122");
    expect(d.message).toContain("`og`");
    expect(parse(applyFixes(source, [d.fix!]), "p.tilsyn").diagnostics).toEqual([]);
    expect(only(policy("når sanktioner / borgere over 25 % or borgere over 10")).message).toContain("`eller`");
  });

  it("`i 3 måneder i træk` is `i 3 sammenhængende måneder`, reported once for the whole phrase", () => {
    const source = policy("når sanktioner / borgere over 25 % i 3 måneder i træk");
    const d = only(source);
    expect(d.code).toBe("T0123");
    const fixed = applyFixes(source, [d.fix!]);
    expect(fixed).toContain("over 25 % i 3 sammenhængende måneder\n");
    expect(parse(fixed, "p.tilsyn").diagnostics).toEqual([]);
  });

  it("any other word after a complete line says that the line goes on, not that a declaration was expected", () => {
    const d = only(policy("når sanktioner / borgere over 25 % borgere"));
    expect(d.code).toBe("T0120");
    expect(d.message).toBe("Linjen fortsætter med `borgere`, som ikke hører til her.");
  });
});

describe("keywords written without æ, ø and å", () => {
  it.each([
    ["naar", "når", (s: string) => s.replace("  når ", "  naar ")],
    ["maal", "mål", (s: string) => s.replace("\nmål m", "\nmaal m")],
    ["foelges", "følges", (s: string) => s.replace("følges op", "foelges op")],
    ["opgoerelse", "opgørelse", (s: string) => s.replace("\nopgørelse", "\nopgoerelse")],
  ])("`%s` gets “Mente du `%s`?” and a fix", (_written, meant, mangle) => {
    const source = mangle(policy("når sanktioner / borgere over 25 %"));
    const d = only(source);
    expect(d.hint).toMatch(new RegExp(`^Mente du \`${meant}\`\\?`));
    expect(parse(applyFixes(source, [d.fix!]), "p.tilsyn").diagnostics).toEqual([]);
  });
});
