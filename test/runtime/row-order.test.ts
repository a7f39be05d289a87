// The row index puts each unit's rows in period order however the file lists them: a streak of
// three months decides the same whether the rows come sorted, reversed or interleaved. And the
// units come in the output's order (kommune, then group, as their texts compare) whatever order
// they first appear in.
import { describe, expect, it } from "vitest";
import { checkPolicy } from "../../compiler/index.js";
import { evaluateCompiled } from "../../compiler/emit-criteria.js";
import { evaluate } from "../../runtime/engine.js";
import { tableFromRows } from "../../runtime/table.js";

const POLICY = `politik p "t"
data d pr kommune, måned, gruppe
  borgere: antal
  uden: antal af borgere
  offentliggøres 1 måned efter måneden

opgørelse månedlig pr gruppe

kriterie k "over 20 pct. i tre måneder"
  forudsat borgere mindst 10
  når uden / borgere over 20 % i 3 sammenhængende måneder

reaktion
  henvendelse "h"
`;

describe("rows in any order", () => {
  const plan = checkPolicy(POLICY, "p.tilsyn").plan!;
  const rows: Record<string, string | number | null>[] = [];
  for (const kommune of ["101", "147"]) {
    for (const gruppe of ["a", "b"]) {
      for (let m = 1; m <= 6; m++) {
        // 101/a is over 20 % in months 2-5; 147/b in 1-3; the others never.
        const over = (kommune === "101" && gruppe === "a" && m >= 2 && m <= 5) || (kommune === "147" && gruppe === "b" && m <= 3);
        rows.push({ kommune, maaned: `2021-0${m}`, gruppe, borgere: 100, uden: over ? 25 : 20 });
      }
    }
  }
  const run = (list: typeof rows, compiled: boolean) => {
    const tables = { d: tableFromRows(plan.data[0]!, list) };
    return JSON.stringify((compiled ? evaluateCompiled : evaluate)([plan], tables, {}).events);
  };

  it("gives the same contacts for sorted, reversed and interleaved rows", () => {
    const sorted = run(rows, true);
    const events = JSON.parse(sorted) as { kommune: string; group: string; period: string }[];
    expect(events.map((e) => `${e.kommune}/${e.group} ${e.period}`)).toEqual(["147/b 2021-03", "101/a 2021-04", "101/a 2021-05"]);
    const interleaved = [...rows.filter((_, i) => i % 2 === 1), ...rows.filter((_, i) => i % 2 === 0)];
    for (const list of [[...rows].reverse(), interleaved]) {
      expect(run(list, true)).toBe(sorted);
      expect(run(list, false)).toBe(sorted);
    }
  });

  it("walks the units by kommune, then group, whatever order the file lists them in", () => {
    // 147 before 101, groups b before a, and a group that is not in the cycle of the others.
    const list = [...rows].reverse();
    list.push({ kommune: "147", maaned: "2021-01", gruppe: "Å", borgere: 5, uden: 1 }, { kommune: "101", maaned: "2021-02", gruppe: "Å", borgere: 5, uden: 1 });
    for (const compiled of [true, false]) {
      const series = (compiled ? evaluateCompiled : evaluate)([plan], { d: tableFromRows(plan.data[0]!, list) }, { series: true }).series!;
      const units = [...new Set(series.map((p) => `${p.kommune}/${p.group}`))];
      expect(units).toEqual(["101/a", "101/b", "101/Å", "147/a", "147/b", "147/Å"]);
    }
  });
});
