import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILNAVNE, generate, generateAll, MAANEDER, YDELSESGRUPPER } from "../../scripts/generate-data.js";
import { parseCsv } from "../../scripts/csv-lite.js";
import { taelSkaerpet, taelTidlig2020 } from "../../scripts/kalibrering.js";

const eksempel = fileURLToPath(new URL("../../data/eksempel/", import.meta.url));
const kommunerCsv = readFileSync(fileURLToPath(new URL("../../data/kommuner.csv", import.meta.url)), "utf8");
const koder = kommunerCsv.trim().split("\n").slice(1).map((l) => l.split(",")[0]!);

let files: Record<string, string>;
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "tilsyn-data-"));
  files = generate(tmp);
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const rows = (name: string): Record<string, string>[] => parseCsv(files[name]!).rows;
const isCount = (s: string | undefined): boolean => s !== undefined && /^(0|[1-9][0-9]*)$/.test(s);

describe("sample-data generator", () => {
  it("reproduces the committed CSVs byte for byte", () => {
    for (const name of FILNAVNE) {
      const committed = readFileSync(join(eksempel, name));
      const written = readFileSync(join(tmp, name));
      expect(written.equals(committed), `${name} differs from data/eksempel/${name}; run npm run data`).toBe(true);
    }
  });

  it("is deterministic in-process", () => {
    const again = generateAll();
    for (const name of FILNAVNE) expect(again[name]).toBe(files[name]);
  });

  it("writes the contract's headers, \\n line endings and a final newline", () => {
    const headers: Record<string, string> = {
      "tidlig_indsats.csv": "kommune,maaned,ydelsesgruppe,borgere,uden_samtaler,uden_tilbud",
      "jobsoegning.csv": "kommune,maaned,jobparate,groen,lysegroen,roed,fortsat_uden_jobsoegning",
      "fokusmaal.csv": "kommune,maaned,maalgruppe,uden_tilbud,under_4_samtaler",
      "ydelsesgrad.csv": "kommune,aar,faktisk,forventet",
    };
    for (const name of FILNAVNE) {
      const text = files[name]!;
      expect(text.split("\n")[0]).toBe(headers[name]);
      expect(text.includes("\r")).toBe(false);
      expect(text.endsWith("\n")).toBe(true);
      expect(text.endsWith("\n\n")).toBe(false);
    }
  });

  it("covers 98 municipalities and 84 months, sorted, one row per key", () => {
    expect(koder).toHaveLength(98);
    expect(MAANEDER).toHaveLength(84);
    expect(MAANEDER[0]).toBe("2019-01");
    expect(MAANEDER[83]).toBe("2025-12");
    const keyed: [string, (r: Record<string, string>) => string, number][] = [
      ["tidlig_indsats.csv", (r) => `${r.kommune}|${r.maaned}|${r.ydelsesgruppe}`, 98 * 84 * YDELSESGRUPPER.length],
      ["jobsoegning.csv", (r) => `${r.kommune}|${r.maaned}`, 98 * 84],
      ["fokusmaal.csv", (r) => `${r.kommune}|${r.maaned}`, 98 * 84],
      ["ydelsesgrad.csv", (r) => `${r.kommune}|${r.aar}`, 98 * 7],
    ];
    for (const [name, key, n] of keyed) {
      const rs = rows(name);
      expect(rs).toHaveLength(n);
      const keys = rs.map(key);
      expect(new Set(keys).size).toBe(n);
      expect([...keys].sort()).toEqual(keys);
      expect(new Set(rs.map((r) => r.kommune))).toEqual(new Set(koder));
      if (name !== "ydelsesgrad.csv") expect(new Set(rs.map((r) => r.maaned))).toEqual(new Set(MAANEDER));
    }
  });

  it("tidlig_indsats: counts are integers, subsets ≤ borgere, offers blank exactly where there is no offer requirement", () => {
    const medKrav = new Set(YDELSESGRUPPER.filter((g) => g.tilbudskrav).map((g) => g.navn));
    expect(medKrav).toEqual(new Set(["A-dagpenge", "Kontanthjælp", "Uddannelseshjælp", "Overgangsydelse"]));
    expect(YDELSESGRUPPER).toHaveLength(9);
    const bad: string[] = [];
    for (const r of rows("tidlig_indsats.csv")) {
      const b = Number(r.borgere);
      const ok =
        isCount(r.borgere) &&
        isCount(r.uden_samtaler) &&
        Number(r.uden_samtaler) <= b &&
        (medKrav.has(r.ydelsesgruppe!) ? isCount(r.uden_tilbud) && Number(r.uden_tilbud) <= b : r.uden_tilbud === "");
      if (!ok) bad.push(JSON.stringify(r));
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it("jobsoegning: groen + lysegroen + roed = jobparate; fortsat ≤ jobparate; blank only for the last 3 months", () => {
    let praecis40 = 0;
    const bad: string[] = [];
    for (const r of rows("jobsoegning.csv")) {
      const j = Number(r.jobparate);
      if (j === 40) praecis40++;
      const f = r.fortsat_uden_jobsoegning;
      const ok =
        ["jobparate", "groen", "lysegroen", "roed"].every((c) => isCount(r[c])) &&
        Number(r.groen) + Number(r.lysegroen) + Number(r.roed) === j &&
        (r.maaned! >= "2025-10" ? f === "" : isCount(f) && Number(f) <= j);
      if (!ok) bad.push(JSON.stringify(r));
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(praecis40).toBeGreaterThan(0);
    const national2022 = rows("jobsoegning.csv").filter((r) => r.maaned!.startsWith("2022")).reduce((a, r) => a + Number(r.jobparate), 0) / 12;
    expect(national2022).toBeGreaterThan(12_000);
    expect(national2022).toBeLessThan(16_000);
  });

  it("fokusmaal: maalgruppe > 0 and both subsets ≤ maalgruppe", () => {
    const bad: string[] = [];
    for (const r of rows("fokusmaal.csv")) {
      const m = Number(r.maalgruppe);
      const ok =
        ["maalgruppe", "uden_tilbud", "under_4_samtaler"].every((c) => isCount(r[c])) &&
        m > 0 &&
        Number(r.uden_tilbud) <= m &&
        Number(r.under_4_samtaler) <= m;
      if (!ok) bad.push(JSON.stringify(r));
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it("ydelsesgrad: one decimal; 2022 spans 4.5–11.4 with median 7.7 and 45 worse than expected", () => {
    const rs = rows("ydelsesgrad.csv");
    for (const r of rs) {
      expect(r.faktisk).toMatch(/^[0-9]+\.[0-9]$/);
      expect(r.forventet).toMatch(/^[0-9]+\.[0-9]$/);
    }
    const r22 = rs.filter((r) => r.aar === "2022");
    const f = r22.map((r) => Math.round(Number(r.faktisk) * 10)).sort((a, b) => a - b);
    expect(f[0]).toBe(45);
    expect(f[97]).toBe(114);
    expect((f[48]! + f[49]!) / 2).toBe(77);
    expect(r22.filter((r) => Math.round(Number(r.faktisk) * 10) > Math.round(Number(r.forventet) * 10))).toHaveLength(45);
  });

  it("is calibrated: the 2020 early-effort rules give 144 ± 10 contacts dated in 2022", () => {
    const r = taelTidlig2020(files["tidlig_indsats.csv"]!);
    const n = r.perAar.get(2022) ?? 0;
    expect(n).toBeGreaterThanOrEqual(134);
    expect(n).toBeLessThanOrEqual(154);
  });

  it("is calibrated: a handful of municipalities enter skærpet tilsyn each year", () => {
    for (const a of taelSkaerpet(files["fokusmaal.csv"]!, files["ydelsesgrad.csv"]!).filter((x) => x.aar >= 2023)) {
      expect(a.indtraeden).toBeGreaterThanOrEqual(2);
      expect(a.indtraeden).toBeLessThanOrEqual(8);
    }
  });

  it("keeps the CSVs small", () => {
    const total = FILNAVNE.reduce((s, n) => s + Buffer.byteLength(files[n]!), 0);
    expect(total).toBeLessThan(10 * 1024 * 1024);
  });
});
