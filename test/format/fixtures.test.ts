// Fixture pairs: test/format/fixtures/<case>/_input.tilsyn formats to _output.tilsyn, and the
// output is a fixed point. One case per construct and per comment position.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fmt } from "./helpers.js";

const dir = join(import.meta.dirname, "fixtures");
const cases = readdirSync(dir).sort();

describe("fixtures", () => {
  it("there is a fixture for every construct and comment position", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const name of cases) {
    it(name, async () => {
      const input = readFileSync(join(dir, name, "_input.tilsyn"), "utf8");
      const output = readFileSync(join(dir, name, "_output.tilsyn"), "utf8");
      expect(await fmt(input)).toBe(output);
      expect(await fmt(output)).toBe(output);
    });
  }
});
