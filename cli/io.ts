// The CLI's only contact with files and the terminal. Everything else is pure.

import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rename, stat, writeFile, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { problem, renderProblem, type Problem } from "../diagnostics/index.js";

/**
 * The package's root (where data/kommuner.csv and the runtime's .ts sources live): the nearest
 * folder above this module with a package.json, so it is the same from cli/io.ts and from the
 * built dist/cli/io.js.
 */
export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return resolve(from, "..");
  }
}

/**
 * A user mistake the CLI reports in Danish with an exit code; never shown with a stack trace.
 * Made from a catalogue problem (T04xx) or from text already rendered (diagnostics with frames).
 */
export class UserError extends Error {
  readonly problem?: Problem;

  constructor(
    message: string | Problem,
    readonly exitCode: 1 | 2,
  ) {
    super(typeof message === "string" ? message : renderProblem(message));
    if (typeof message !== "string") this.problem = message;
  }
}

export async function readText(path: string): Promise<string> {
  try {
    return (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(problem("T0401", { path }), 2);
    if (code === "EISDIR") throw new UserError(problem("T0402", { path, example: join(path, "*.tilsyn") }), 2);
    throw new UserError(problem("T0403", { path, reason: code ?? "ukendt årsag" }), 2);
  }
}

/** Write atomically: a temporary file beside the target, then rename; nothing half-written. */
export async function writeTextAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temp, text, "utf8");
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new UserError(problem("T0404", { path, reason: (error as NodeJS.ErrnoException).code ?? "ukendt årsag" }), 2);
  }
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Expand directories into the `.tilsyn` files inside them (sorted); files pass through. */
export async function expandPolicyFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (await isDirectory(p)) {
      const entries = (await readdir(p, { recursive: true })) as string[];
      out.push(...entries.filter((e) => e.endsWith(".tilsyn")).sort().map((e) => join(p, e)));
    } else out.push(p);
  }
  return out;
}
