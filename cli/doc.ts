// `tilsyn doc`: each policy as a self-contained Danish HTML page (and a PDF printed by the
// system's Chromium), or with --forskel the changes between two versions in prose.

import { existsSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { checkPolicy, type CheckedPolicy } from "../compiler/index.js";
import { changeDocument, changeSentences, policyDocument } from "../compiler/document.js";
import { problem, renderDiagnostic } from "../diagnostics/index.js";
import { expandPolicyFiles, readText, UserError, writeTextAtomic } from "./io.js";
import type { Io } from "./main.js";

export interface DocOptions {
  out: string;
  pdf?: boolean;
  forskel?: boolean;
}

const CHROMIUM = "/usr/bin/chromium";

async function checkAll(files: string[], io: Io): Promise<CheckedPolicy[] | undefined> {
  if (files.length === 0) throw new UserError(problem("T0405", {}), 2);
  const out: CheckedPolicy[] = [];
  let errors = 0;
  for (const file of await expandPolicyFiles(files)) {
    const checked = checkPolicy(await readText(file), file);
    for (const d of checked.diagnostics.filter((x) => x.severity === "fejl")) {
      io.stderr(`${renderDiagnostic(d, checked.text)}\n\n`);
      errors++;
    }
    if (!checked.examplesOnly) out.push(checked);
  }
  if (errors) {
    io.stderr(`${errors} fejl. Ret fejlene og prøv igen; der er ikke skrevet noget.\n`);
    return undefined;
  }
  return out;
}

export async function runDoc(files: string[], options: DocOptions, io: Io): Promise<number> {
  if (options.forskel && files.length !== 2) throw new UserError(problem("T0431", { count: String(files.length) }), 2);
  if (options.pdf && !existsSync(CHROMIUM)) throw new UserError(problem("T0430", { path: CHROMIUM }), 2);
  const checked = await checkAll(files, io);
  if (!checked) return 1;
  const pages: { path: string; html: string }[] = [];
  if (options.forskel) {
    const [a, b] = checked.map((c) => c.plan!);
    const name = `forskel-${basename(a!.file, ".tilsyn")}-${basename(b!.file, ".tilsyn")}`;
    pages.push({ path: join(options.out, `${name}.html`), html: changeDocument(a!, b!) });
    for (const sentence of changeSentences(a!, b!)) io.stdout(`- ${sentence}\n`);
  } else {
    for (const c of checked) pages.push({ path: join(options.out, `${basename(c.file, ".tilsyn")}.html`), html: policyDocument(c) });
  }
  for (const p of pages) await writeTextAtomic(p.path, p.html);
  const written = pages.map((p) => p.path);
  if (options.pdf) written.push(...(await printPdfs(pages.map((p) => p.path))));
  io.stdout(`Skrev ${written.join(", ")}.\n`);
  return 0;
}

/** Print each HTML page to a PDF beside it with the system's Chromium (never a downloaded one). */
async function printPdfs(htmlFiles: string[]): Promise<string[]> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  const written: string[] = [];
  try {
    const page = await browser.newPage();
    for (const file of htmlFiles) {
      const pdf = file.replace(/\.html$/, ".pdf");
      try {
        await page.goto(pathToFileURL(resolve(file)).href);
        await page.pdf({ path: pdf, format: "A4", margin: { top: "18mm", bottom: "18mm", left: "16mm", right: "16mm" }, printBackground: true });
      } catch (error) {
        throw new UserError(problem("T0432", { path: pdf, reason: error instanceof Error ? error.message.split("\n")[0]! : String(error) }), 2);
      }
      written.push(pdf);
    }
  } finally {
    await browser.close();
  }
  return written;
}
