// The map's tile grid (playground/src/tiles.ts): every kommune of data/kommuner.csv has exactly
// one tile, no two tiles share a place, and the short labels tell kommuner apart.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseKommuner } from "../../load/kommuner.js";
import { GRID, TILES } from "../../playground/src/tiles.js";

const kommuner = parseKommuner(readFileSync(join(import.meta.dirname, "../../data/kommuner.csv"), "utf8"), "data/kommuner.csv").kommuner;

describe("the map's tile grid", () => {
  it("has one tile per kommune in data/kommuner.csv", () => {
    expect(TILES.map((t) => t[0]).sort()).toEqual(kommuner.map((k) => k.kode).sort());
  });

  it("places no two tiles on the same square, all inside the grid", () => {
    const places = TILES.map(([, col, row]) => `${col},${row}`);
    expect(new Set(places).size).toBe(TILES.length);
    for (const [, col, row] of TILES) {
      expect(col).toBeGreaterThanOrEqual(0);
      expect(row).toBeGreaterThanOrEqual(0);
      expect(col).toBeLessThan(GRID.columns);
      expect(row).toBeLessThan(GRID.rows);
    }
  });

  it("gives every tile its own short label", () => {
    const labels = TILES.map((t) => t[3]);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(3);
  });

  it("keeps each region together: the capital's kommuner east of Funen, Jutland's west of it", () => {
    const region = new Map(kommuner.map((k) => [k.kode, k.region]));
    const cols = (r: string) => TILES.filter((t) => region.get(t[0]) === r).map((t) => t[1]);
    expect(Math.min(...cols("Hovedstaden"))).toBeGreaterThan(Math.max(...TILES.filter((t) => ["461", "479", "440"].includes(t[0])).map((t) => t[1])));
    expect(Math.max(...cols("Nordjylland"))).toBeLessThan(Math.min(...cols("Sjælland")));
  });
});
