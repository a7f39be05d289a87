// The playground in a real browser: the BUILT page (vite build → playground/dist), served on
// 127.0.0.1 by a tiny static server, driven through playwright-core with the system's Chromium.
// Skipped with a message when /usr/bin/chromium is missing (CI installs it).

import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { hasChromium, launchChromium, CHROMIUM } from "../../playground/browser.js";
import { buildPlayground, serveStatic, type StaticServer } from "../../playground/server.js";

const available = hasChromium();
if (!available) {
  console.warn(`Browsertestene af legepladsen springes over: ${CHROMIUM} findes ikke (installér med apt-get install -y chromium).`);
}

interface PageApi {
  editor: {
    getModel(): { getValue(): string; getLineCount(): number; findMatches(s: string, a: boolean, b: boolean, c: boolean, d: null, e: boolean): { range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number } }[] };
    setPosition(p: { lineNumber: number; column: number }): void;
    setSelection(r: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }): void;
    getSelection(): { startLineNumber: number; startColumn: number };
    focus(): void;
    getValue(): string;
    getAction(id: string): { run(): Promise<void> } | null;
  };
  markers(): { severity: number; startLineNumber: number; message: string; code?: string }[];
  events(slot?: "a" | "b"): { kommune: string; type: string; period: string; date: string; to?: string; from?: string }[];
  resultId(slot?: "a" | "b"): number;
  settled(slot?: "a" | "b"): boolean;
  examples(): { line: number; title: string; ok: boolean; problems: string[] }[];
  measured(): { name: string; uploaded: string[]; fields: string[]; rows: [string, number, ...number[]][] } | undefined;
  blocked(): string | undefined;
}
declare global {
  interface Window {
    tilsyn: PageApi;
  }
}

/** Run the sensitivity view on one limit (its option value, or the first) with some values, and read its rows. */
async function sweepRows(page: Page, values: string, limit?: string): Promise<{ value: string | undefined; current: boolean; total: number }[]> {
  await page.click(".view-tab[data-view=sweep]");
  await page.locator("#sweep-limit").waitFor();
  if (limit) await page.selectOption("#sweep-limit", limit);
  await page.fill("#sweep-values", values);
  await page.click("#sweep-run");
  await page.locator("#sweep-table").waitFor({ timeout: 60_000 });
  return page.locator("#sweep-table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({ value: (tr as HTMLElement).dataset.value, current: tr.classList.contains("current"), total: Number(tr.querySelector(".total")!.textContent) })),
  );
}

describe.skipIf(!available)("legepladsen i Chromium", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    await buildPlayground();
    server = await serveStatic();
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Open the page and wait for the first results. Collects console errors. */
  async function open(path = "", viewport = { width: 1440, height: 900 }): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url + path);
    await waitForResults(page, 0);
    return { page, errors };
  }

  async function waitForResults(page: Page, after: number): Promise<number> {
    // The answer to the latest run, not a late answer to a run sent before the edit.
    await page.waitForFunction((n) => window.tilsyn?.resultId() > n && window.tilsyn.settled(), after, { timeout: 30_000 });
    return page.evaluate(() => window.tilsyn.resultId());
  }

  /** Select the first occurrence of `text` (on a line containing `context`) in the editor. */
  async function select(page: Page, text: string, context = text): Promise<number> {
    return page.evaluate(
      ([t, c]) => {
        const model = window.tilsyn.editor.getModel();
        const line = model.findMatches(c, false, false, true, null, false)[0]!.range.startLineNumber;
        const match = model.findMatches(t, false, false, true, null, false).find((m) => m.range.startLineNumber === line)!;
        window.tilsyn.editor.setSelection(match.range);
        window.tilsyn.editor.focus();
        return line;
      },
      [text, context] as const,
    );
  }

  it("loads with no console errors and shows events", async () => {
    const { page, errors } = await open();
    await page.waitForTimeout(500);
    expect(errors).toEqual([]);
    expect(await page.locator("#events-table tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator("#status").textContent()).toMatch(/hændelser/);
    await page.close();
  }, 60_000);

  const WIDTHS = [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ] as const;

  for (const viewport of WIDTHS) {
    it(`draws the timeline's charts at the pane's width, so their axis text stays readable (${viewport.width} px)`, async () => {
      const { page } = await open("", viewport);
      await page.click(".view-tab[data-view=timeline]");
      await page.locator("#view-timeline svg.chart text.tick").first().waitFor();
      const ticks = await page.locator("#view-timeline svg.chart text.tick").evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().height));
      const charts = await page.locator("#view-timeline svg.chart").evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().right));
      // 11 px text in the style sheet: drawn at a fixed 720 units and scaled to a phone, it was 5 px high.
      expect(Math.min(...ticks)).toBeGreaterThanOrEqual(10);
      expect(Math.max(...charts)).toBeLessThanOrEqual(viewport.width);
      await page.close();
    }, 60_000);
  }

  /** The first event's explanation cell, the box of the pane it is shown in, and whether the table scrolls sideways. */
  const firstExplanation = (page: Page) =>
    page.evaluate(() => {
      const cell = document.querySelector<HTMLElement>("#events-table tbody tr td.wide")!;
      const wrap = document.querySelector<HTMLElement>("#events-table")!.parentElement!;
      const box = (e: Element) => e.getBoundingClientRect();
      return { cell: box(cell).toJSON(), wrap: box(wrap).toJSON(), sideways: wrap.scrollWidth > wrap.clientWidth, text: cell.textContent ?? "" };
    });

  for (const viewport of WIDTHS) {
    it(`shows each event's whole explanation and its source without scrolling sideways (${viewport.width} px)`, async () => {
      const { page } = await open("", viewport);
      const events = await page.evaluate(() => window.tilsyn.events());
      const first = await firstExplanation(page);
      expect(first.sideways).toBe(false);
      expect(first.cell.x).toBeGreaterThanOrEqual(first.wrap.x);
      expect(first.cell.x + first.cell.width).toBeLessThanOrEqual(first.wrap.x + first.wrap.width + 0.5);
      // The explanation and, under it, the rule's legal source (no column of its own).
      expect(first.text).toContain("fordi");
      expect(first.text).toMatch(/Kilde: .+/);
      expect(await page.locator("#events-table thead th").allTextContents()).not.toContain("Kilde");
      // The filter still finds events by their source's text.
      const source = (events as { source?: string }[]).find((e) => e.source)!.source!;
      await page.fill("#view-events input[type=search]", source.slice(0, 20));
      await expect.poll(() => page.locator("#events-summary").textContent()).toMatch(/^Viser 1–/);
      await page.close();
    }, 60_000);
  }

  it("marks a misspelled field on the right line while typing (the latency is measured by npm run bench:playground)", async () => {
    const { page } = await open();
    const line = await select(page, "uden_samtaler)", "mål andel_uden_samtaler");
    // Put the cursor after `uden_samtaler` and type one more letter: `uden_samtalerx` is no field.
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.type("x");
    await page.waitForFunction(
      (l) => window.tilsyn.markers().some((m) => m.severity === 8 && m.startLineNumber === l),
      line,
      { timeout: 15_000 },
    );
    const marker = await page.evaluate(() => window.tilsyn.markers().find((m) => m.severity === 8)!);
    expect(marker.message).toMatch(/uden_samtalerx/);
    expect(await page.locator("#problems").textContent()).toMatch(new RegExp(`fejl\\[T\\d{4}\\] linje ${line}`));
    await page.close();
  }, 60_000);

  it("offers the fix a hint names as the marker's quick fix: `uden_samtalerx` back to `uden_samtaler`", async () => {
    const { page } = await open();
    const before = await page.evaluate(() => window.tilsyn.editor.getValue());
    const line = await select(page, "uden_samtaler)", "mål andel_uden_samtaler");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.type("x");
    await page.waitForFunction(
      (l) => window.tilsyn.markers().some((m) => m.severity === 8 && m.startLineNumber === l),
      line,
      { timeout: 5000 },
    );
    // Inside the marked name, open the quick fixes (Ctrl+. in the editor) and take the first.
    await page.keyboard.press("ArrowLeft");
    await page.evaluate(() => window.tilsyn.editor.getAction("editor.action.quickFix")!.run());
    const menu = page.locator(".action-widget");
    await menu.waitFor({ timeout: 5000 });
    expect(await menu.textContent()).toContain("Skriv `uden_samtaler`");
    expect(await menu.textContent()).toContain("Hurtig rettelse");
    await page.keyboard.press("Enter");
    await page.waitForFunction((b) => window.tilsyn.editor.getValue() === b, before, { timeout: 5000 });
    await page.waitForFunction(() => !window.tilsyn.markers().some((m) => m.severity === 8), undefined, { timeout: 5000 });
    await page.close();
  }, 60_000);

  it("shows the static checks of `tilsyn check` as warnings: the population-40 gap in the job-search rules", async () => {
    const { page } = await open();
    const before = await page.evaluate(() => window.tilsyn.resultId());
    await page.selectOption("#policy-menu", "jobsoegning.tilsyn");
    await waitForResults(page, before);
    await page.waitForFunction(() => window.tilsyn.markers().some((m) => m.code === "T0503"), undefined, { timeout: 10_000 });
    const warning = await page.evaluate(() => window.tilsyn.markers().find((m) => m.code === "T0503")!);
    expect(warning.severity).toBe(4); // Monaco's MarkerSeverity.Warning
    expect(warning.message).toContain("præcis 40");
    expect(warning.startLineNumber).toBe(41);
    await page.close();
  }, 60_000);

  it("changing a threshold changes the number of events", async () => {
    const { page } = await open();
    const before = await page.evaluate(() => window.tilsyn.events().length);
    const id = await page.evaluate(() => window.tilsyn.resultId());
    await select(page, "20", "når andel_uden_samtaler over 20 %");
    // One edit: typed key by key, a busy machine may report the result for `3` first (more events).
    await page.keyboard.insertText("35");
    await page.waitForFunction((n) => window.tilsyn.events().length !== n, before, { timeout: 10_000 });
    await waitForResults(page, id);
    const after = await page.evaluate(() => window.tilsyn.events().length);
    expect(after).toBeLessThan(before);
    await page.waitForFunction((n) => document.getElementById("count-events")?.textContent === n.toLocaleString("da-DK"), after);
    await page.close();
  }, 60_000);

  it("shows a Danish error for a bad uploaded CSV", async () => {
    const { page } = await open();
    const id = await page.evaluate(() => window.tilsyn.resultId());
    await page.setInputFiles("#upload", {
      name: "tidlig_indsats.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("kommune,maaned,ydelsesgruppe,borgere,uden_samtaler,uden_tilbud\n999,2024-13,a,5,x,\n"),
    });
    await waitForResults(page, id);
    const error = page.locator("#data-errors");
    await expect.poll(() => error.textContent()).toMatch(/Fejl i tidlig_indsats\.csv/);
    const text = (await error.textContent()) ?? "";
    expect(text).toMatch(/kommunekode/);
    expect(text).toMatch(/fejl\[T03\d\d\]/);
    expect(await page.locator("#status").textContent()).toMatch(/kunne ikke indlæses/);
    expect(await page.evaluate(() => window.tilsyn.events().length)).toBe(0);
    await page.close();
  }, 60_000);

  it("reads an uploaded Excel export (semicolons, decimal commas, CRLF, Windows-1252) like the sample file", async () => {
    const { page, errors } = await open();
    const before = await page.evaluate(() => window.tilsyn.events().length);
    const id = await page.evaluate(() => window.tilsyn.resultId());
    const sample = readFileSync(join(import.meta.dirname, "../../data/eksempel/tidlig_indsats.csv"), "utf8").replace(/\r/g, "").trimEnd();
    const excel = Buffer.from(`${sample.replace(/,/g, ";").replace(/\n/g, "\r\n")}\r\n`, "latin1"); // æ as the one byte 0xE6
    await page.setInputFiles("#upload", { name: "tidlig_indsats.csv", mimeType: "text/csv", buffer: excel });
    await waitForResults(page, id);
    await expect.poll(() => page.locator("#data-tables").textContent()).toMatch(/din fil · 74.088 rækker/);
    expect((await page.locator("#data-errors").textContent()) ?? "").toBe("");
    expect(await page.evaluate(() => window.tilsyn.events().length)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it("reads an uploaded .xlsx workbook, and shows its errors by sheet, row and column", async () => {
    const write = writeXlsxFile as unknown as (data: unknown, options: unknown) => { toBuffer(): Promise<Buffer> };
    const header = ["kommune", "maaned", "ydelsesgruppe", "borgere", "uden_samtaler", "uden_tilbud"].map((value) => ({ value }));
    const row = (kommune: number, month: number) => [kommune, new Date(Date.UTC(2024, month - 1, 1)), "dagpenge", 10, 2, 1].map((value) =>
      value instanceof Date ? { value, type: Date, format: "yyyy-mm" } : { value },
    );
    const { page } = await open();
    let id = await page.evaluate(() => window.tilsyn.resultId());
    await page.setInputFiles("#upload", {
      name: "tidlig_indsats.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await write([header, row(101, 1), row(101, 2)], { sheet: "Ark1" }).toBuffer(),
    });
    await waitForResults(page, id);
    await expect.poll(() => page.locator("#data-tables").textContent()).toMatch(/tidlig_indsats\.xlsx · din fil · 2 rækker/);

    id = await page.evaluate(() => window.tilsyn.resultId());
    await page.setInputFiles("#upload", {
      name: "tidlig_indsats.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await write([header, row(999, 1)], { sheet: "Ark1" }).toBuffer(),
    });
    await waitForResults(page, id);
    const error = page.locator("#data-errors");
    await expect.poll(() => error.textContent()).toMatch(/Fejl i tidlig_indsats\.xlsx/);
    expect(await error.textContent()).toContain("tidlig_indsats.xlsx, ark Ark1, række 2, kolonne A");
    await page.close();
  }, 60_000);

  it("a shared link restores the policy, the variant and the period", async () => {
    const { page } = await open();
    await page.evaluate(() => window.tilsyn.editor.setPosition({ lineNumber: 1, column: 1 }));
    await page.evaluate(() => window.tilsyn.editor.focus());
    await page.keyboard.type("# Delt fra testen: æøå\n");
    await page.click("#make-variant");
    await page.selectOption("#from", "2021-01");
    await page.click("#share");
    await expect.poll(() => page.locator("#share-url").inputValue()).toMatch(/#s=[A-Za-z0-9_-]+$/);
    const url = await page.locator("#share-url").inputValue();
    const text = await page.evaluate(() => window.tilsyn.editor.getValue());
    // The link is selected in the box; Escape closes it and gives the focus back to «Del».
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("share-url");
    await page.keyboard.press("Escape");
    expect(await page.locator("#share-box").isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("share");
    await page.close();

    const shared = await browser.newPage();
    await shared.goto(url);
    await waitForResults(shared, 0);
    expect(await shared.evaluate(() => window.tilsyn.editor.getValue())).toBe(text);
    expect(text.startsWith("# Delt fra testen: æøå\n")).toBe(true);
    expect(await shared.locator("#tab-b").isVisible()).toBe(true);
    expect(await shared.locator("#from").inputValue()).toBe("2021-01");
    await shared.close();
  }, 60_000);

  it("clicking an event highlights the rule that produced it", async () => {
    const { page } = await open();
    const row = page.locator("#events-table tbody tr").first();
    const rule = (await row.locator("td").nth(5).textContent())!.split(" · ")[0]!;
    await row.click();
    const line = await page.evaluate(() => window.tilsyn.editor.getSelection().startLineNumber);
    const declared = await page.evaluate(
      (r) => window.tilsyn.editor.getModel().findMatches(`kriterie ${r} `, false, false, true, null, false)[0]!.range.startLineNumber,
      rule,
    );
    expect(line).toBe(declared);
    expect(await page.locator(".rule-highlight").count()).toBeGreaterThan(0);
    await page.close();
  }, 60_000);

  for (const viewport of WIDTHS) {
    it(`compares the early-effort rules of 2020 and 2024 in one click, laid out to fit (${viewport.width} px)`, async () => {
      const { page } = await open("", viewport);
      await page.click("#preset-compare");
      await page.waitForFunction(() => /Regler fra 2024/.test(document.getElementById("compare-summary")?.textContent ?? "") && window.tilsyn.events().length > 0, null, { timeout: 30_000 });
      await page.waitForTimeout(1500);
      const summary = (await page.locator("#compare-summary").textContent()) ?? "";
      expect(summary).toMatch(/Regler fra 2020/);
      expect(await page.locator("#compare-years tbody tr").count()).toBeGreaterThan(3);
      const layout = await page.evaluate(() => {
        const box = (e: Element) => e.getBoundingClientRect().toJSON() as DOMRect;
        const view = document.getElementById("view-compare")!;
        return {
          page: document.documentElement.scrollWidth,
          years: box(document.getElementById("compare-years")!.parentElement!),
          sections: [...view.querySelectorAll(".columns > section")].map(box),
          // A kommune in the lists: its name, code and count on one line (13 px text).
          items: [...view.querySelectorAll(".kommune-list li")].map((li) => li.getBoundingClientRect().height),
        };
      });
      expect(layout.page).toBeLessThanOrEqual(viewport.width);
      expect(layout.years.right).toBeLessThanOrEqual(viewport.width);
      expect(layout.items.length).toBeGreaterThan(0);
      expect(Math.max(...layout.items)).toBeLessThan(22);
      // On a phone the two lists stand one under the other; on a desktop side by side.
      const [first, second] = layout.sections as [DOMRect, DOMRect];
      if (viewport.width < 640) expect(second.top).toBeGreaterThanOrEqual(first.bottom);
      else expect(second.top).toBe(first.top);
      await page.close();
    }, 60_000);
  }

  it("completes declared names and formats the document", async () => {
    const { page } = await open();
    await page.evaluate(() => {
      const model = window.tilsyn.editor.getModel();
      window.tilsyn.editor.setPosition({ lineNumber: model.getLineCount(), column: 1 });
      window.tilsyn.editor.focus();
    });
    await page.keyboard.type("\nmål test = andel_uden_s");
    await page.keyboard.press("Control+Space");
    const suggestion = page.locator(".suggest-widget .monaco-list-row", { hasText: "andel_uden_samtaler" });
    // The completion provider's answer is the row in the list; Monaco may still be animating the
    // widget in under load, so wait for the row itself rather than for it to be painted.
    await suggestion.first().waitFor({ state: "attached", timeout: 15_000 });
    await page.keyboard.press("Escape");
    // Mess up the indentation of a line, then format.
    await select(page, "  kilde", 'kilde "STAR, nyhed 28-11-2023');
    await page.keyboard.type("        kilde");
    const messy = await page.evaluate(() => window.tilsyn.editor.getValue());
    await page.click("#format");
    await page.waitForFunction((m) => window.tilsyn.editor.getValue() !== m, messy, { timeout: 10_000 });
    expect(await page.evaluate(() => window.tilsyn.editor.getValue())).toMatch(/\n  kilde "STAR, nyhed 28-11-2023/);
    await page.close();
  }, 60_000);

  it("explains keywords and declared names in Danish on hover", async () => {
    const { page } = await open();
    const hover = async (text: string, context: string): Promise<string> => {
      await select(page, text, context);
      await page.evaluate(() => {
        const editor = window.tilsyn.editor as unknown as { trigger(s: string, id: string, a: unknown): void };
        editor.trigger("test", "editor.action.showHover", {});
      });
      const box = page.locator(".monaco-hover:not(.hidden)").first();
      await box.waitFor({ timeout: 5000 });
      const content = (await box.textContent()) ?? "";
      await page.keyboard.press("Escape");
      return content;
    };
    expect(await hover("kriterie", "kriterie manglende_samtaler")).toMatch(/handlingskriterie/);
    expect(await hover("andel_uden_samtaler", "når andel_uden_samtaler")).toMatch(/Mål.*andel_uden_samtaler[\s\S]*Erklæret i linje 20/);
    await page.close();
  }, 60_000);

  it("renames a measure everywhere with the language service (F2), and the rules still run", async () => {
    const { page } = await open();
    const before = await page.evaluate(() => window.tilsyn.editor.getValue());
    const uses = (text: string, name: string) => text.match(new RegExp(`(?<![\\p{L}\\p{N}_])${name}(?![\\p{L}\\p{N}_])`, "gu"))?.length ?? 0;
    const count = uses(before, "andel_uden_samtaler");
    expect(count).toBeGreaterThan(1);
    await select(page, "andel_uden_samtaler", "når andel_uden_samtaler");
    // run() settles only when the rename is done, so do not wait for it here.
    await page.evaluate(() => {
      void window.tilsyn.editor.getAction("editor.action.rename")!.run();
    });
    const input = page.locator(".rename-box input");
    await input.waitFor({ timeout: 5000 });
    await input.fill("andel_uden_de_fire_samtaler");
    await input.press("Enter");
    await page.waitForFunction(() => window.tilsyn.editor.getValue().includes("andel_uden_de_fire_samtaler"), null, { timeout: 5000 });
    const after = await page.evaluate(() => window.tilsyn.editor.getValue());
    expect(uses(after, "andel_uden_de_fire_samtaler")).toBe(count);
    expect(uses(after, "andel_uden_samtaler")).toBe(0);
    // The renamed policy is checked and runs: events and no error markers.
    await page.waitForFunction(() => window.tilsyn.events().length > 0 && !window.tilsyn.markers().some((m) => m.severity === 8), null, { timeout: 15_000 });
    await page.close();
  }, 60_000);

  it("saves a screenshot of the main view", async () => {
    const { page } = await open();
    await page.click(".view-tab[data-view=timeline]");
    await page.locator("#view-timeline svg").first().waitFor();
    await page.click(".view-tab[data-view=events]");
    await page.waitForTimeout(300);
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/playground.png" });
    await page.close();
  }, 60_000);

  it("answers why (not) for a kommune and a period in the timeline, with the numbers of tilsyn explain", async () => {
    const { page, errors } = await open();
    await page.click(".view-tab[data-view=timeline]");
    const chooser = page.locator("#why-period");
    await chooser.waitFor();
    const kommune = await page.locator("#timeline-kommune").inputValue();
    // Charts are captioned with the rule's title and what is measured, and shares have a % axis.
    expect(await page.locator("#view-timeline figcaption").first().textContent()).toMatch(/^Over 20 pct\. uden samtaler i halvåret · manglende_samtaler · andel i procent/);
    expect(await page.locator("#view-timeline svg.chart text.tick", { hasText: "%" }).count()).toBeGreaterThan(0);
    const periods = await chooser.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(periods.length).toBeGreaterThan(0);
    await chooser.selectOption(periods[0]!);
    const output = page.locator("#why-output");
    await page.waitForFunction(() => (document.querySelector("#why-output")?.textContent ?? "").length > 0, undefined, { timeout: 30_000 });
    const text = (await output.textContent()) ?? "";
    expect(text).toContain(`(${kommune}), data for ${periods[0]}`);
    expect(text).toMatch(/«Over 20 pct\. uden samtaler i halvåret» \(manglende_samtaler\): (sand|falsk|ikke målt)/);
    expect(text).toMatch(/når: (sand|falsk|ikke målt): andel uden lovpligtige samtaler \([\d,]+ %\) er (ikke )?over 20 %/);
    expect(errors).toEqual([]);
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/playground-hvorfor.png" });
    await page.close();
  }, 60_000);

  for (const viewport of WIDTHS) {
    it(`keeps edits across a reload and a switch of policy, until «Gendan» (${viewport.width} px)`, async () => {
      const { page } = await open("", viewport);
      const original = await page.evaluate(() => window.tilsyn.editor.getValue());
      await page.evaluate(() => window.tilsyn.editor.setPosition({ lineNumber: 1, column: 1 }));
      await page.evaluate(() => window.tilsyn.editor.focus());
      await page.keyboard.type("# Min ændring\n");
      // Saved 300 ms after the last change: wait until the text is in the browser's storage.
      await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("tilsyn.legeplads.tekst.") && localStorage.getItem(k)!.startsWith("# Min ændring")), undefined, { timeout: 15_000 });
      await page.reload();
      await waitForResults(page, 0);
      expect(await page.evaluate(() => window.tilsyn.editor.getValue())).toBe(`# Min ændring\n${original}`);
      // Another policy and back: the edit is still there.
      const file = await page.evaluate(() => document.querySelector<HTMLSelectElement>("#policy-menu")!.querySelectorAll("option")[2]!.value);
      await page.selectOption("#policy-menu", file);
      await expect.poll(() => page.evaluate(() => window.tilsyn.editor.getValue().startsWith("# Min ændring"))).toBe(false);
      await page.selectOption("#policy-menu", "tidlig-indsats-2024.tilsyn");
      await expect.poll(() => page.evaluate(() => window.tilsyn.editor.getValue())).toBe(`# Min ændring\n${original}`);
      mkdirSync("test-results", { recursive: true });
      await page.screenshot({ path: `test-results/playground-gemt-${viewport.width}.png` });
      await page.click("#restore-policy");
      expect(await page.evaluate(() => window.tilsyn.editor.getValue())).toBe(original);
      expect(await page.locator("#restore-policy").isHidden()).toBe(true);
      await page.close();
    }, 60_000);

    it(`does not compare a variant that cannot run: no difference is shown, the errors are named (${viewport.width} px)`, async () => {
      const { page } = await open("", viewport);
      await page.click("#make-variant");
      const id = await page.evaluate(() => window.tilsyn.resultId());
      // Break the variant: a criterion without its condition's limit.
      await page.evaluate(() => {
        const model = window.tilsyn.editor.getModel() as unknown as { getValue(): string; setValue(v: string): void };
        model.setValue(model.getValue().replace("når andel_uden_samtaler over 20 %", "når andel_uden_samtaler over"));
      });
      await waitForResults(page, id);
      await page.click(".view-tab[data-view=compare]");
      await page.locator("#compare-blocked").waitFor({ timeout: 15_000 });
      expect(await page.locator("#compare-summary").count()).toBe(0);
      expect(await page.locator("#view-compare .notice").first().textContent()).toMatch(/^Variant: Politikken har fejl/);
      mkdirSync("test-results", { recursive: true });
      await page.screenshot({ path: `test-results/playground-variant-fejl-${viewport.width}.png` });
      await page.close();
    }, 60_000);

    it(`sweeps a limit in the sensitivity view: the policy's own 20 % gives its contacts, a higher limit fewer (${viewport.width} px)`, async () => {
      const { page, errors } = await open("", viewport);
      const rows = await sweepRows(page, "15; 20; 25");
      expect(await page.locator("#sweep-limit option").first().textContent()).toContain("andel uden lovpligtige samtaler over 20 %");
      expect(rows.map((r) => r.value)).toEqual(["15", "20", "25"]);
      const contacts = await page.evaluate(() => (window.tilsyn.events() as { type: string }[]).filter((e) => e.type === "henvendelse").length);
      expect(rows[1]).toEqual({ value: "20", current: true, total: contacts });
      expect(rows[0]!.total).toBeGreaterThanOrEqual(rows[1]!.total);
      expect(rows[2]!.total).toBeLessThanOrEqual(rows[1]!.total);
      expect(errors).toEqual([]);
      mkdirSync("test-results", { recursive: true });
      await page.screenshot({ path: `test-results/playground-foelsomhed-${viewport.width}.png` });
      await page.close();
    }, 60_000);

    it(`sweeps skærpet tilsyn's fokusmål, a measure's own limit, counting the kommuner put under tilsyn (${viewport.width} px)`, async () => {
      const { page, errors } = await open("", viewport);
      await page.selectOption("#policy-menu", "skaerpet-tilsyn.tilsyn");
      await page.waitForFunction(() => window.tilsyn.events().some((e) => e.type === "tilstand"), undefined, { timeout: 30_000 });
      const rows = await sweepRows(page, "25; 30; 35", "fokusmål_tilbud#1");
      expect(await page.locator("#view-sweep").textContent()).toContain("se overgange fra normal pr. år");
      const entries = await page.evaluate(() => (window.tilsyn.events() as { type: string; from?: string }[]).filter((e) => e.type === "tilstand" && e.from === "normal").length);
      expect(entries).toBeGreaterThan(0);
      expect(rows[1]).toEqual({ value: "30", current: true, total: entries });
      expect(rows[0]!.total).toBeGreaterThanOrEqual(rows[1]!.total);
      expect(rows[2]!.total).toBeLessThanOrEqual(rows[1]!.total);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      expect(errors).toEqual([]);
      await page.screenshot({ path: `test-results/playground-foelsomhed-skaerpet-${viewport.width}.png` });
      await page.close();
    }, 60_000);
  }

  it("fits a phone (390 px): nothing wider than the screen, the policy menu and status visible", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.goto(server.url);
      await waitForResults(page, 0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      for (const selector of ["#policy-menu", "#status", "#preset-compare", "#share"]) {
        const box = await page.locator(selector).boundingBox();
        expect(box, selector).not.toBeNull();
        expect(box!.x + box!.width, selector).toBeLessThanOrEqual(390);
      }
      mkdirSync("test-results", { recursive: true });
      await page.screenshot({ path: "test-results/playground-390.png" });
    } finally {
      await page.close();
    }
  }, 60_000);

  /** Events per kommune, as the page's own evaluation gives them. */
  const countsOf = (page: Page, slot: "a" | "b" = "a") =>
    page.evaluate((sl) => {
      const counts: Record<string, number> = {};
      for (const e of window.tilsyn.events(sl)) counts[e.kommune] = (counts[e.kommune] ?? 0) + 1;
      return counts;
    }, slot);

  /** Each tile of the main map: its kommune, count, group and fill. */
  const tiles = (page: Page) =>
    page.locator("#map-main [data-kommune]").evaluateAll((rects) =>
      rects.map((r) => ({
        kommune: r.getAttribute("data-kommune")!,
        count: Number(r.getAttribute("data-count")),
        group: r.getAttribute("data-group"),
        fill: r.getAttribute("fill"),
        label: r.getAttribute("aria-label") ?? "",
      })),
    );

  for (const viewport of WIDTHS) {
    it(`draws the 98 kommuner as a map coloured by their events, and recolours it when a threshold is edited (${viewport.width} px)`, async () => {
      const { page, errors } = await open("", viewport);
      await page.click(".view-tab[data-view=map]");
      await page.waitForFunction(() => document.querySelectorAll("#map-main [data-kommune]").length === 98 && window.tilsyn.settled(), undefined, { timeout: 30_000 });
      const kommuner = readFileSync(join(import.meta.dirname, "../../data/kommuner.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0]!);
      const before = await tiles(page);
      expect(before.map((t) => t.kommune).sort()).toEqual([...kommuner].sort());
      const counts = await countsOf(page);
      for (const t of before) {
        expect(t.count, t.kommune).toBe(counts[t.kommune] ?? 0);
        expect(t.label).toMatch(new RegExp(`\\(${t.kommune}\\): (1 hændelse|\\d+ hændelser)$`));
      }
      // One small map per year, every tile of it a kommune's.
      const years = await page.locator("#map-years figure").count();
      expect(years).toBeGreaterThan(1);
      expect(await page.locator("#map-years [data-kommune]").count()).toBe(98 * years);

      // A higher limit: fewer contacts, and the map follows.
      const id = await page.evaluate(() => window.tilsyn.resultId());
      await select(page, "20", "når andel_uden_samtaler over 20 %");
      await page.keyboard.insertText("35");
      await waitForResults(page, id);
      await page.waitForFunction(
        () => {
          const events = window.tilsyn.events();
          const shown = [...document.querySelectorAll("#map-main [data-kommune]")].reduce((sum, r) => sum + Number(r.getAttribute("data-count")), 0);
          return shown === events.length;
        },
        undefined,
        { timeout: 30_000 },
      );
      const after = await tiles(page);
      const countsAfter = await countsOf(page);
      for (const t of after) expect(t.count, t.kommune).toBe(countsAfter[t.kommune] ?? 0);
      const recoloured = after.filter((t, i) => t.fill !== before[i]!.fill);
      expect(recoloured.length).toBeGreaterThan(0);
      expect(after.reduce((n, t) => n + t.count, 0)).toBeLessThan(before.reduce((n, t) => n + t.count, 0));

      // A click shows the kommune's events and «Hvorfor (ikke)?».
      const busiest = Object.entries(countsAfter).sort((x, y) => y[1] - x[1])[0]![0];
      await page.locator(`#map-main [data-kommune="${busiest}"]`).click();
      await expect.poll(() => page.locator("#map-detail h3").first().textContent()).toContain(`(${busiest})`);
      const chooser = page.locator("#map-why-period");
      await chooser.waitFor({ timeout: 30_000 });
      const period = await chooser.locator("option").nth(1).getAttribute("value");
      await chooser.selectOption(period!);
      await page.waitForFunction((p) => (document.querySelector("#map-why-output")?.textContent ?? "").includes(`data for ${p}`), period, { timeout: 30_000 });
      // The first five at once, the rest folded under «Vis … mere».
      expect(await page.locator("#map-detail > div > .map-events li").count()).toBe(Math.min(5, countsAfter[busiest]!));
      expect(await page.locator("#map-detail .map-events li:not(.muted)").count()).toBe(Math.min(105, countsAfter[busiest]!));
      // The keyboard reaches a tile too: focus names it, Enter selects it.
      await page.locator('#map-main [data-kommune="101"]').focus();
      await expect.poll(() => page.locator("#map-hover").textContent()).toMatch(/^København \(101\): /);
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("#map-detail h3").first().textContent()).toBe("København (101)");
      expect(await page.locator('#map-main [data-kommune="101"]').getAttribute("aria-pressed")).toBe("true");
      expect(errors).toEqual([]);
      mkdirSync("test-results", { recursive: true });
      await page.locator("#view-map").screenshot({ path: `test-results/playground-kort-${viewport.width}.png` });
      await page.screenshot({ path: `test-results/playground-kort-side-${viewport.width}.png` });
      await page.close();
    }, 120_000);

    it(`maps a comparison as only A, only B and both (${viewport.width} px)`, async () => {
      const { page } = await open("", viewport);
      await page.click("#preset-compare");
      await page.click(".view-tab[data-view=map]");
      await page.waitForFunction(() => window.tilsyn.resultId("a") > 0 && window.tilsyn.resultId("b") > 0 && document.querySelectorAll("#map-main [data-group]").length === 98, undefined, { timeout: 30_000 });
      // The map follows the latest results of both sides.
      await page.waitForFunction(
        () => {
          const a = new Set(window.tilsyn.events("a").map((e) => e.kommune));
          const b = new Set(window.tilsyn.events("b").map((e) => e.kommune));
          return [...document.querySelectorAll("#map-main [data-kommune]")].every((r) => {
            const k = r.getAttribute("data-kommune")!;
            return r.getAttribute("data-group") === (a.has(k) && b.has(k) ? "begge" : a.has(k) ? "a" : b.has(k) ? "b" : "ingen");
          });
        },
        undefined,
        { timeout: 30_000 },
      );
      const legend = (await page.locator("#map-legend").textContent()) ?? "";
      expect(legend).toContain("Kun Regler fra 2020");
      expect(legend).toContain("Kun Regler fra 2024");
      expect(legend).toContain("Begge");
      const groups = new Set((await tiles(page)).map((t) => t.group));
      expect(groups.size).toBeGreaterThan(1);
      mkdirSync("test-results", { recursive: true });
      await page.locator("#view-map").screenshot({ path: `test-results/playground-kort-sammenligning-${viewport.width}.png` });
      await page.close();
    }, 120_000);

    it(`draws skærpet tilsyn's states as bands per kommune, with deadlines and a legend of what is drawn (${viewport.width} px)`, async () => {
      const { page, errors } = await open("", viewport);
      const id = await page.evaluate(() => window.tilsyn.resultId());
      await page.selectOption("#policy-menu", "skaerpet-tilsyn.tilsyn");
      await waitForResults(page, id);
      await page.click(".view-tab[data-view=timeline]");
      await page.locator("#states svg").waitFor({ timeout: 30_000 });
      const events = await page.evaluate(() => window.tilsyn.events());
      const changed = new Set(events.filter((e) => e.type === "tilstand").map((e) => e.kommune));
      const selected = await page.locator("#timeline-kommune").inputValue();
      const rows = await page.locator("#states .state-row").evaluateAll((gs) => gs.map((g) => g.getAttribute("data-kommune")!));
      expect(new Set(rows)).toEqual(new Set([...changed, selected]));
      // Periods, not dots: every row is covered by bands, one per state it was in.
      for (const kommune of [...changed].slice(0, 5)) {
        const own = events.filter((e) => e.type === "tilstand" && e.kommune === kommune);
        expect(await page.locator(`#states .state-row[data-kommune="${kommune}"] rect.state-band`).count()).toBe(own.length + 1);
      }
      const deadlines = events.filter((e) => e.type === "frist" && rows.includes(e.kommune)).length;
      expect(await page.locator("#states .deadline-mark").count()).toBe(deadlines);
      // The legend names exactly the states drawn, with the policy's own texts.
      const drawn = new Set(await page.locator("#states rect.state-band").evaluateAll((rs) => rs.map((r) => r.getAttribute("data-state"))));
      const legend = await page.locator("#states-legend [data-state]").evaluateAll((ss) => ss.map((x) => x.getAttribute("data-state")));
      expect(new Set(legend)).toEqual(drawn);
      expect(await page.locator("#states-legend").textContent()).toContain("under skærpet tilsyn, genopretningsperiode (skærpet_tilsyn)");
      expect(await page.locator("#states-legend").textContent()).toContain("frist");
      expect(await page.locator("#states figcaption").textContent()).toContain("Skærpet tilsyn med kommunernes beskæftigelsesindsats");
      expect(await page.locator("#states .axis-title").textContent()).toMatch(/^år/);
      expect(errors).toEqual([]);
      mkdirSync("test-results", { recursive: true });
      await page.locator("#view-timeline").screenshot({ path: `test-results/playground-tilstande-${viewport.width}.png` });
      await page.close();
    }, 120_000);

    it(`runs the examples live with ✓ and ✗, and «Gem som eksempel» adds one that passes (${viewport.width} px)`, async () => {
      const { page, errors } = await open("", viewport);
      const blocks = await page.evaluate(() => window.tilsyn.editor.getValue().split("\n").filter((l) => l.startsWith("eksempel ")).length);
      expect(blocks).toBeGreaterThan(0);
      await page.waitForFunction((n) => window.tilsyn.examples().length === n, blocks, { timeout: 30_000 });
      expect((await page.evaluate(() => window.tilsyn.examples())).every((e) => e.ok)).toBe(true);
      expect(await page.locator("#examples-summary").textContent()).toBe(`✓ Alle ${blocks} eksempler består.`);
      // The glyph beside the first block.
      const first = await page.evaluate(() => window.tilsyn.examples()[0]!.line);
      await page.evaluate((l) => (window.tilsyn.editor as unknown as { revealLineInCenter(n: number): void }).revealLineInCenter(l), first);
      await page.locator(".example-glyph.example-ok").first().waitFor({ timeout: 15_000 });

      // Break one expectation: ✗ beside its block, and the summary names the line.
      await select(page, "forventer 1 henvendelse til 101");
      await page.keyboard.insertText("forventer 2 henvendelser til 101");
      await page.waitForFunction(() => window.tilsyn.examples().some((e) => !e.ok), undefined, { timeout: 30_000 });
      const failed = (await page.evaluate(() => window.tilsyn.examples())).filter((e) => !e.ok);
      expect(failed.length).toBe(1);
      expect(failed[0]!.problems.join()).toMatch(/forventer 2 henvendelser til 101/);
      await page.evaluate((l) => (window.tilsyn.editor as unknown as { revealLineInCenter(n: number): void }).revealLineInCenter(l), failed[0]!.line);
      await page.locator(".example-glyph.example-fail").first().waitFor({ timeout: 15_000 });
      expect(await page.locator("#examples-summary").textContent()).toContain(`✗ 1 af ${blocks} eksempler består ikke`);
      await select(page, "forventer 2 henvendelser til 101");
      await page.keyboard.insertText("forventer 1 henvendelse til 101");
      await page.waitForFunction((n) => window.tilsyn.examples().length === n && window.tilsyn.examples().every((e) => e.ok), blocks, { timeout: 30_000 });

      // Save the busiest kommune's first contact as an example.
      await page.click(".view-tab[data-view=map]");
      await page.waitForFunction(() => document.querySelectorAll("#map-main [data-kommune]").length === 98, undefined, { timeout: 30_000 });
      const contact = await page.evaluate(() => window.tilsyn.events().find((e) => e.type === "henvendelse")!);
      await page.locator(`#map-main [data-kommune="${contact.kommune}"]`).click();
      await page.locator("#map-why-period").waitFor({ timeout: 30_000 });
      await page.locator("#map-why-period").selectOption(contact.period);
      await page.waitForFunction(() => !(document.querySelector("#map-why-save") as HTMLButtonElement | null)?.disabled, undefined, { timeout: 30_000 });
      await page.click("#map-why-save");
      await page.waitForFunction((n) => window.tilsyn.examples().length === n + 1, blocks, { timeout: 30_000 });
      const text = await page.evaluate(() => window.tilsyn.editor.getValue());
      expect(text).toContain(`data for ${contact.period}: gemt fra legepladsen`);
      expect(text).toContain(`forventer henvendelse til ${contact.kommune} for ${contact.period}`);
      const saved = (await page.evaluate(() => window.tilsyn.examples())).at(-1)!;
      expect(saved.title).toContain(`(${contact.kommune}), data for ${contact.period}`);
      expect(saved).toMatchObject({ ok: true, problems: [] });
      await page.evaluate((l) => (window.tilsyn.editor as unknown as { revealLineInCenter(n: number): void }).revealLineInCenter(l), saved.line);
      await page.locator(".example-glyph.example-ok").first().waitFor({ timeout: 15_000 });
      expect(await page.locator("#examples-summary").textContent()).toBe(`✓ Alle ${blocks + 1} eksempler består.`);
      expect(errors).toEqual([]);
      mkdirSync("test-results", { recursive: true });
      await page.screenshot({ path: `test-results/playground-eksempel-${viewport.width}.png` });
      await page.close();
    }, 120_000);
  }

  it("a policy with errors is never shown as having no events: its last good result stays, greyed, under why", async () => {
    const { page } = await open();
    const before = await page.evaluate(() => window.tilsyn.events().length);
    const rows = await page.locator("#events-table tbody tr").count();
    const id = await page.evaluate(() => window.tilsyn.resultId());
    await select(page, "over 20 %", "når andel_uden_samtaler over 20 %");
    await page.keyboard.insertText("over");
    await waitForResults(page, id);
    await page.waitForFunction(() => window.tilsyn.events().length === 0 && !document.getElementById("stale-notice")!.hidden, undefined, { timeout: 30_000 });
    expect(await page.locator("#stale-notice").textContent()).toMatch(/^Politikken har fejl.*seneste resultat, der kunne beregnes, nedtonet\.$/);
    expect(await page.locator("#view-events").getAttribute("class")).toContain("stale");
    expect(await page.locator("#events-table tbody tr").count()).toBe(rows);
    // The data panel lists what the last good text used, not «Politikken bruger ingen data».
    expect(await page.locator("#data-tables").textContent()).toMatch(/tidlig_indsats\.csv · eksempeldata/);
    // The map too, with the counts of the last good result.
    await page.click(".view-tab[data-view=map]");
    await page.waitForFunction(() => document.querySelectorAll("#map-main [data-kommune]").length === 98, undefined, { timeout: 30_000 });
    const shown = await page.locator("#map-main [data-kommune]").evaluateAll((rs) => rs.reduce((n, r) => n + Number(r.getAttribute("data-count")), 0));
    expect(shown).toBe(before);
    expect(await page.locator("#view-map").getAttribute("class")).toContain("stale");
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/playground-fejl.png" });
    // Fixed: the greying goes.
    const broken = await page.evaluate(() => window.tilsyn.resultId());
    await select(page, "over", "når andel_uden_samtaler over");
    await page.keyboard.insertText("over 20 %");
    await waitForResults(page, broken);
    await page.waitForFunction((n) => window.tilsyn.events().length === n && document.getElementById("stale-notice")!.hidden, before, { timeout: 30_000 });
    expect(await page.locator("#view-map").getAttribute("class")).not.toContain("stale");
    await page.close();
  }, 60_000);

  it("a shared link to a new policy is named by that policy, not as the bundled one «(ændret)», and switching away from it asks first", async () => {
    const { page } = await open();
    await page.evaluate(() => {
      const model = window.tilsyn.editor.getModel() as unknown as { getValue(): string; setValue(v: string): void };
      model.setValue(model.getValue().replace(/^politik \S+ "[^"]*"/m, 'politik min_egen "Min egen opfølgning"'));
    });
    await expect.poll(() => page.locator("#policy-menu option:checked").textContent()).toBe("Egen politik: Min egen opfølgning");
    expect(await page.locator("#restore-policy").isHidden()).toBe(true);
    await page.click("#share");
    await expect.poll(() => page.locator("#share-url").inputValue()).toMatch(/#s=[A-Za-z0-9_-]+$/);
    const url = await page.locator("#share-url").inputValue();
    await page.close();

    const shared = await browser.newPage();
    await shared.goto(url);
    await waitForResults(shared, 0);
    expect(await shared.locator("#policy-menu option:checked").textContent()).toBe("Egen politik: Min egen opfølgning");
    expect(await shared.locator("#restore-policy").isHidden()).toBe(true);
    // Switching to a bundled policy asks, in Danish; staying keeps the text.
    await shared.selectOption("#policy-menu", "jobsoegning.tilsyn");
    const dialog = shared.locator("#switch-dialog");
    await dialog.waitFor({ state: "visible" });
    expect(await dialog.textContent()).toContain("«Min egen opfølgning» gemmes ikke");
    await shared.click("#switch-stay");
    await dialog.waitFor({ state: "hidden" });
    expect(await shared.evaluate(() => window.tilsyn.editor.getValue())).toContain('politik min_egen "Min egen opfølgning"');
    expect(await shared.locator("#policy-menu option:checked").textContent()).toBe("Egen politik: Min egen opfølgning");
    // Asked again, and told to go: the bundled policy is loaded.
    await shared.selectOption("#policy-menu", "jobsoegning.tilsyn");
    await dialog.waitFor({ state: "visible" });
    await shared.click("#switch-go");
    await expect.poll(() => shared.evaluate(() => window.tilsyn.editor.getValue().includes("min_egen"))).toBe(false);
    expect(await shared.locator("#policy-menu").inputValue()).toBe("jobsoegning.tilsyn");
    await shared.close();
  }, 60_000);

  for (const viewport of WIDTHS) {
    it(`opens a short Danish help panel, shown at its height, that links the language reference (${viewport.width} px)`, async () => {
      const { page } = await open("", viewport);
      await page.click("#help");
      await page.locator("#help-panel").waitFor({ state: "visible" });
      expect(await page.locator("#help").getAttribute("aria-expanded")).toBe("true");
      // As tall as its text, up to half the screen (it scrolls inside beyond that): on a phone the
      // page's tall content once squeezed it to its heading.
      const panel = await page.locator("#help-panel").evaluate((e) => ({ shown: e.clientHeight, text: e.scrollHeight }));
      expect(panel.shown).toBeGreaterThanOrEqual(Math.min(panel.text, viewport.height / 2) - 2);
      const href = await page.locator("#help-docs").getAttribute("href");
      expect(href).toMatch(/sprog.*\.md$/);
      const response = await page.request.get(new URL(href!, page.url()).toString());
      expect(response.ok()).toBe(true);
      expect(await response.text()).toContain("# tilsyn – sprogreference");
      await page.click("#help-close");
      expect(await page.locator("#help-panel").isHidden()).toBe(true);
      // Escape from inside the panel closes it too, and the focus goes back to «Hjælp».
      await page.click("#help");
      await page.locator("#help-docs").focus();
      await page.keyboard.press("Escape");
      expect(await page.locator("#help-panel").isHidden()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("help");
      await page.close();
    }, 60_000);
  }

  // The measurement chain as the command line runs it, on the same committed person data:
  // `tilsyn run fokusmaal.tilsyn` (the measured table) and `… skaerpet-tilsyn.tilsyn` (the events).
  const cliCache = new Map<string, { table: { kommune: string; maaned: string; [field: string]: string | number }[]; events: { kommune: string; date: string; type: string; name?: string; from?: string }[] }>();
  function cliChain(text: string) {
    let result = cliCache.get(text);
    if (!result) {
      const dir = mkdtempSync(join(tmpdir(), "tilsyn-maaling-"));
      const file = join(dir, "fokusmaal.tilsyn");
      writeFileSync(file, text);
      const cli = (...files: string[]) =>
        JSON.parse(execFileSync(process.execPath, ["bin/tilsyn.mjs", "run", ...files, "--data", "data/eksempel-personer", "--format", "json"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
      result = { table: cli(file), events: cli(file, "policies/skaerpet-tilsyn.tilsyn").events };
      cliCache.set(text, result);
    }
    return result;
  }
  const eventKeys = (events: { kommune: string; date: string; type: string; name?: string }[]) => events.map((e) => `${e.kommune} ${e.date} ${e.type} ${e.name ?? ""}`).sort();

  for (const viewport of WIDTHS) {
    it(`runs the measurement chain on the sample person data: fokusmaal.tilsyn → skærpet tilsyn, as the CLI does, live on edits (${viewport.width} px)`, async () => {
      const { page, errors } = await open("", viewport);
      // The person files are static assets, fetched only when the measurement is chosen.
      const csv: string[] = [];
      page.on("request", (r) => {
        if (r.url().endsWith(".csv")) csv.push(r.url());
      });
      const source = readFileSync("policies/maaling/fokusmaal.tilsyn", "utf8");
      expect(await page.locator("#tab-measured").isHidden()).toBe(true);
      expect(csv).toEqual([]);
      expect(await page.locator("#policy-menu option[value='fokusmaal.tilsyn']").textContent()).toContain("→ skaerpet-tilsyn");
      await page.selectOption("#policy-menu", "fokusmaal.tilsyn");
      expect(await page.evaluate(() => window.tilsyn.editor.getValue())).toBe(source);
      const expected = cliChain(source);
      await page.waitForFunction(() => window.tilsyn.measured() !== undefined && !window.tilsyn.blocked() && window.tilsyn.events().length > 0, undefined, { timeout: 60_000 });
      expect(csv.map((u) => u.replace(/^.*\/assets\//, "").replace(/-[\w-]+\.csv$/, "")).sort()).toEqual(["samtaler", "tilbud", "timer", "ydelsesmaaneder"]);
      // The same events as `tilsyn run fokusmaal.tilsyn skaerpet-tilsyn.tilsyn --data data/eksempel-personer`.
      expect(expected.events.length).toBeGreaterThan(0);
      expect(eventKeys(await page.evaluate(() => window.tilsyn.events()))).toEqual(eventKeys(expected.events));
      expect(await page.locator("#count-events").textContent()).toBe(expected.events.length.toLocaleString("da-DK"));
      // The measured table is the CLI's, row for row.
      const rowsOf = (table: typeof expected.table) => table.map((r) => [r.kommune, r.maaned, r.maalgruppe, r.uden_tilbud, r.under_4_samtaler].join(" "));
      const measuredRows = () =>
        page.evaluate(() => window.tilsyn.measured()!.rows.map(([k, m, ...v]) => [k, `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`, ...v].join(" ")));
      expect(await measuredRows()).toEqual(rowsOf(expected.table));
      expect(await page.locator("#data-tables").textContent()).toContain("målt fra persondata");
      // The state bands of skærpet tilsyn.
      await page.click(".view-tab[data-view='timeline']");
      await page.locator("#view-timeline svg").first().waitFor();
      mkdirSync("test-results", { recursive: true });
      await page.screenshot({ path: `test-results/playground-maaling-tilstande-${viewport.width}.png` });
      // «Måling»: the selected kommune's measured months.
      await page.click("#tab-measured");
      const kommune = await page.locator("#measured-kommune").inputValue();
      expect(await page.locator("#view-measured").textContent()).toContain("målt af fokusmaal.tilsyn");
      const ownRows = expected.table.filter((r) => r.kommune === kommune);
      expect(ownRows.length).toBeGreaterThan(0);
      await expect.poll(() => page.locator("#measured-table tbody tr").count()).toBe(ownRows.length);
      const lastRow = ownRows.at(-1)!;
      // Newest month first.
      expect(await page.locator("#measured-table tbody tr").first().locator("td").allTextContents()).toEqual([
        expect.stringMatching(new RegExp(`${Number(lastRow.maaned.slice(0, 4))}$`)),
        ...[lastRow.maalgruppe, lastRow.uden_tilbud, lastRow.under_4_samtaler].map((v) => Number(v).toLocaleString("da-DK")),
      ]);
      // Nothing wider than the screen (the table scrolls inside its own box on a phone).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: `test-results/playground-maaling-${viewport.width}.png` });

      // An edit of the measurement runs the chain again: 24 months on a benefit instead of 12.
      const edited = source.replace("varighed mindst 12", "varighed mindst 24");
      const after = cliChain(edited);
      expect(rowsOf(after.table)).not.toEqual(rowsOf(expected.table));
      await select(page, "12", "maalgruppe = antal(personer hvor varighed mindst 12");
      await page.keyboard.type("24");
      expect(await page.evaluate(() => window.tilsyn.editor.getValue())).toBe(edited);
      const wanted = rowsOf(after.table);
      await page.waitForFunction(
        (rows) => {
          const m = window.tilsyn.measured();
          return m !== undefined && !window.tilsyn.blocked() && m.rows.length === rows.length && m.rows.every(([k, mo, ...v], i) => [k, `${Math.floor(mo / 12)}-${String((mo % 12) + 1).padStart(2, "0")}`, ...v].join(" ") === rows[i]);
        },
        wanted,
        { timeout: 60_000 },
      );
      expect(eventKeys(await page.evaluate(() => window.tilsyn.events()))).toEqual(eventKeys(after.events));
      const editedOwn = after.table.filter((r) => r.kommune === kommune);
      await expect.poll(() => page.locator("#measured-table tbody tr").first().locator("td").nth(1).textContent()).toBe(Number(editedOwn.at(-1)!.maalgruppe).toLocaleString("da-DK"));

      // A mistake in the measurement is marked, and never shown as no events: the last table greyed.
      await page.keyboard.type("x");
      await page.waitForFunction(() => window.tilsyn.markers().some((m) => m.severity === 8), undefined, { timeout: 15_000 });
      await page.locator("#stale-notice").waitFor({ state: "visible" });
      expect(await page.locator("#view-measured").getAttribute("class")).toContain("stale");
      expect(await page.locator("#measured-table tbody tr").count()).toBe(editedOwn.length);
      expect(await page.locator("#status").textContent()).not.toMatch(/^0 hændelser/);
      expect(await page.locator("#count-events").textContent()).toBe(after.events.length.toLocaleString("da-DK"));
      await page.screenshot({ path: `test-results/playground-maaling-fejl-${viewport.width}.png` });
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);
  }

  // The sensitivity view on the chain: a limit of the måling itself, measured again for each value,
  // with skærpet tilsyn evaluated on each new table, as the CLI runs the edited policy.
  for (const viewport of WIDTHS) {
    it(`sweeps a limit of the måling itself through the chain: 12 months gives the page's own events, 24 what tilsyn run gives the edited policy (${viewport.width} px)`, async () => {
      const { page, errors } = await open("", viewport);
      await page.selectOption("#policy-menu", "fokusmaal.tilsyn");
      await page.waitForFunction(() => window.tilsyn.measured() !== undefined && !window.tilsyn.blocked() && window.tilsyn.events().length > 0, undefined, { timeout: 60_000 });
      const rows = await sweepRows(page, "12; 24", "måling:maalgruppe#1");
      expect(await page.locator("#sweep-limit option").first().textContent()).toBe("«maalgruppe (måling fokusmaal)»: varighed mindst 12");
      const entries = (events: { type: string; from?: string }[]) => events.filter((e) => e.type === "tilstand" && e.from === "normal").length;
      expect(rows[0]).toEqual({ value: "12", current: true, total: entries(await page.evaluate(() => window.tilsyn.events())) });
      const edited = readFileSync("policies/maaling/fokusmaal.tilsyn", "utf8").replace("varighed mindst 12", "varighed mindst 24");
      expect(rows[1]).toEqual({ value: "24", current: false, total: entries(cliChain(edited).events) });
      expect(rows[1]!.total).not.toBe(rows[0]!.total);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      expect(errors).toEqual([]);
      await page.screenshot({ path: `test-results/playground-maaling-foelsomhed-${viewport.width}.png` });
      await page.close();
    }, 120_000);
  }

  // «Hvorfor?» on a measured month: how the month was counted, as `tilsyn explain` on the måling says it.
  for (const viewport of WIDTHS) {
    it(`explains a measured month as tilsyn explain does: persons, dead months, and what each part of a field's condition left out (${viewport.width} px)`, async () => {
      const { page, errors } = await open("", viewport);
      await page.selectOption("#policy-menu", "fokusmaal.tilsyn");
      await page.waitForFunction(() => window.tilsyn.measured() !== undefined && !window.tilsyn.blocked(), undefined, { timeout: 60_000 });
      await page.click("#tab-measured");
      await page.selectOption("#measured-kommune", "751");
      await page.locator("#measured-table tr[data-month='" + (2023 * 12 + 5) + "'] .month-why").click();
      await page.locator("#measured-why pre").waitFor({ timeout: 30_000 });
      const shown = (await page.locator("#measured-why pre").textContent())!;
      const cli = execFileSync(process.execPath, ["bin/tilsyn.mjs", "explain", "policies/maaling/fokusmaal.tilsyn", "--data", "data/eksempel-personer", "--kommune", "751", "--periode", "2023-06"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
      // Everything after the first line (which names the file as each was given it) is the CLI's.
      const rest = (text: string) => text.trimEnd().split("\n").slice(1);
      expect(rest(shown)).toEqual(rest(cli));
      expect(shown).toContain("2023-06: ");
      expect(await page.locator("#measured-why h3").textContent()).toBe("Hvorfor juni 2023?");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: `test-results/playground-maaling-hvorfor-${viewport.width}.png` });
      await page.click("#measured-why-close");
      expect(await page.locator("#measured-why").count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  }

  // An analyst's own person data: ydelsesmaaneder.csv for three kommuner, saved by Excel
  // (semicolons, CRLF, Windows-1252), measured with the sample's other person files, as
  // `tilsyn run fokusmaal.tilsyn --data MAPPE` measures the same files.
  for (const viewport of WIDTHS) {
    it(`measures on an uploaded person file as the CLI does, and goes back to the sample on reset (${viewport.width} px)`, async () => {
      const { page, errors } = await open("", viewport);
      await page.selectOption("#policy-menu", "fokusmaal.tilsyn");
      await page.waitForFunction(() => window.tilsyn.measured() !== undefined && !window.tilsyn.blocked(), undefined, { timeout: 60_000 });
      const sampleRows = await page.evaluate(() => window.tilsyn.measured()!.rows.length);
      const keep = new Set(["101", "751", "851"]);
      const lines = readFileSync("data/eksempel-personer/ydelsesmaaneder.csv", "utf8").replace(/\r/g, "").trimEnd().split("\n");
      const own = [lines[0]!, ...lines.slice(1).filter((l) => keep.has(l.split(",")[1]!))];
      const dir = mkdtempSync(join(tmpdir(), "tilsyn-personupload-"));
      for (const f of ["samtaler.csv", "tilbud.csv", "timer.csv"]) copyFileSync(join("data/eksempel-personer", f), join(dir, f));
      writeFileSync(join(dir, "ydelsesmaaneder.csv"), `${own.join("\n")}\n`);
      const expected: { kommune: string; maaned: string; maalgruppe: number; uden_tilbud: number; under_4_samtaler: number }[] = JSON.parse(
        execFileSync(process.execPath, ["bin/tilsyn.mjs", "run", "policies/maaling/fokusmaal.tilsyn", "--data", dir, "--format", "json"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }),
      );
      expect(new Set(expected.map((r) => r.kommune))).toEqual(keep);
      const excel = Buffer.from(`${own.map((l) => l.replace(/,/g, ";")).join("\r\n")}\r\n`, "latin1");
      await page.setInputFiles("#upload", { name: "ydelsesmaaneder.csv", mimeType: "text/csv", buffer: excel });
      await page.waitForFunction((n) => window.tilsyn.measured()?.uploaded.length === 1 && window.tilsyn.measured()!.rows.length === n, expected.length, { timeout: 60_000 });
      const rows = await page.evaluate(() => window.tilsyn.measured()!.rows.map(([k, m, ...v]) => [k, `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`, ...v].join(" ")));
      expect(rows).toEqual(expected.map((r) => [r.kommune, r.maaned, r.maalgruppe, r.uden_tilbud, r.under_4_samtaler].join(" ")));
      await expect.poll(() => page.locator("#data-tables").textContent()).toMatch(/ydelsesmaaneder\.csv[^·]*· din fil/);
      await page.click("#tab-measured");
      await page.selectOption("#measured-kommune", "751");
      expect(await page.locator("#view-measured").textContent()).toContain("på dine persondata (ydelsesmaaneder.csv og eksempelpersondata for resten)");
      expect(await page.locator("#measured-table tbody tr").count()).toBe(expected.filter((r) => r.kommune === "751").length);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      mkdirSync("test-results", { recursive: true });
      await page.screenshot({ path: `test-results/playground-maaling-upload-${viewport.width}.png` });
      // A person file as a workbook is refused with what to do, and the measurement is not run on half the data.
      const write = writeXlsxFile as unknown as (data: unknown, options: unknown) => { toBuffer(): Promise<Buffer> };
      const workbook = await write([[{ value: "person" }, { value: "dato" }, { value: "art" }], [{ value: "p1" }, { value: "2024-01-05" }, { value: "nytteindsats" }]], {}).toBuffer();
      await page.setInputFiles("#upload", { name: "tilbud.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: workbook });
      await expect.poll(() => page.locator("#data-errors").textContent(), { timeout: 30_000 }).toContain("Persondata læses som CSV-filer: gem arket som CSV");
      expect(await page.locator("#data-errors").textContent()).toContain("Fejl i tilbud.xlsx");
      await expect.poll(() => page.evaluate(() => window.tilsyn.blocked())).toMatch(/Persondata kunne ikke indlæses/);
      // Reset: the sample's person data again.
      await page.click("#reset-data");
      await page.waitForFunction((n) => window.tilsyn.measured()?.uploaded.length === 0 && window.tilsyn.measured()!.rows.length === n, sampleRows, { timeout: 60_000 });
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);
  }
});
