// `tilsyn doc` as its readers see it: the pages opened in the system's Chromium at desktop and
// phone width (screenshots in test-results/), and the PDFs printed by the same Chromium.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../cli/run-cli.js";
import { hasChromium, launchChromium } from "../../playground/browser.js";

const root = join(import.meta.dirname, "..", "..");
const out = join(root, ".tmp", "doc-test");
const shots = join(root, "test-results");

describe("tilsyn doc, the command", () => {
  it("--forskel takes exactly two files (T0431, exit 2) and writes nothing", async () => {
    rmSync(join(out, "forkert"), { recursive: true, force: true });
    const r = await run("doc", "--forskel", join(root, "policies/jobsoegning.tilsyn"), "--out", join(out, "forkert"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("T0431");
    expect(() => readFileSync(join(out, "forkert", "jobsoegning.html"))).toThrow();
  });

  it("--forskel prints the changes and writes them as a page", async () => {
    const r = await run("doc", "--forskel", join(root, "policies/tidlig-indsats-2020.tilsyn"), join(root, "policies/tidlig-indsats-2024.tilsyn"), "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("- Opgørelsen er ændret fra månedlig pr. ydelsesgruppe til halvårlig for alle ydelsesgrupper under ét.");
    expect(readFileSync(join(out, "forskel-tidlig-indsats-2020-tidlig-indsats-2024.html"), "utf8")).toContain("højst 2 henvendelser pr. år");
  });
});

describe.skipIf(!hasChromium())("tilsyn doc in Chromium", () => {
  let browser: Browser;
  const policies = ["jobsoegning", "skaerpet-tilsyn", "tidlig-indsats-2020", "tidlig-indsats-2024"];

  beforeAll(async () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
    const r = await run("doc", ...policies.map((p) => join(root, "policies", `${p}.tilsyn`)), "--out", out, "--pdf");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("writes one page and one PDF per policy", () => {
    for (const p of policies) {
      expect(readFileSync(join(out, `${p}.html`), "utf8")).toContain("<h1>");
      expect(readFileSync(join(out, `${p}.pdf`)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }
  });

  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    it(`the pages read at ${width} px: nothing wider than the screen, the skærpet tilsyn diagram visible, every data table within the page`, async () => {
      const page = await browser.newPage({ viewport: { width, height } });
      try {
        await page.goto(pathToFileURL(join(out, "skaerpet-tilsyn.html")).href);
        expect(await page.title()).toBe("Skærpet tilsyn med kommunernes beskæftigelsesindsats");
        // The page itself never scrolls sideways; only the wide diagram and tables scroll in their box.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const diagram = page.locator("svg.forloeb");
        await diagram.scrollIntoViewIfNeeded();
        const box = await diagram.boundingBox();
        expect(box!.width).toBeGreaterThan(300);
        expect(await page.locator("[data-tilstand]").count()).toBe(4);
        await page.screenshot({ path: join(shots, `doc-skaerpet-tilsyn-${width}.png`) });
        await page.goto(pathToFileURL(join(out, "skaerpet-tilsyn.html")).href);
        await page.screenshot({ path: join(shots, `doc-skaerpet-tilsyn-top-${width}.png`) });
        // The data tables fit the page, so every field's description can be read without scrolling
        // sideways: a long name (`fortsat_uden_jobsoegning`) breaks after its underscores.
        for (const policy of policies) {
          await page.goto(pathToFileURL(join(out, `${policy}.html`)).href);
          const tables = await page.locator("#data table").evaluateAll((ts) => ts.map((t) => ({ scroll: t.scrollWidth, client: t.clientWidth })));
          expect(tables.length, policy).toBeGreaterThan(0);
          for (const t of tables) expect(t.scroll, policy).toBeLessThanOrEqual(t.client);
        }
      } finally {
        await page.close();
      }
    });
  }
});
