// `tilsyn fmt [--check] FILE…`: format policy files in the house style (docs/sprog.md,
// «Formatering (husstil)») through prettier and the tilsyn plugin.
//
// Exit codes: 0 all good; 1 `--check` found unformatted files, or a file has syntax errors (it is
// left untouched and its Danish diagnostics are shown); 2 a file is missing or unreadable.

import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import * as prettier from "prettier";
import plugin, { TilsynSyntaxError } from "../grammar/prettier/index.js";
import { problem, renderDiagnostics, renderProblem, type Diagnostic } from "../diagnostics/index.js";
import { replaceFile } from "./io.js";

export interface FmtIo {
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Format one text in the house style. Throws TilsynSyntaxError (with diagnostics) on bad syntax. */
export async function formatTilsyn(text: string, file = "<tekst>"): Promise<string> {
  return prettier.format(text, { parser: "tilsyn", plugins: [plugin], filepath: file });
}

/** Directories are searched (recursively) for `*.tilsyn`, sorted; anything else passes through. */
async function expand(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch {
      // not on disk (or not ours to stat): io.readFile reports it
    }
    if (!isDirectory) {
      out.push(path);
      continue;
    }
    const entries = (await readdir(path, { recursive: true })) as string[];
    out.push(
      ...entries
        .filter((e) => e.endsWith(".tilsyn"))
        .sort()
        .map((e) => join(path, e)),
    );
  }
  return out;
}

function readFailure(path: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "ENOENT") {
    return `${renderProblem(problem("T0401", { path }))}\n`;
  }
  return `${renderProblem(problem("T0403", { path, reason: code ?? (error instanceof Error ? error.message : "ukendt årsag") }))}\n`;
}

function diagnosticsOf(error: unknown): Diagnostic[] | undefined {
  if (error instanceof TilsynSyntaxError) return error.diagnostics;
  const diagnostics = (error as { diagnostics?: unknown }).diagnostics;
  return Array.isArray(diagnostics) ? (diagnostics as Diagnostic[]) : undefined;
}

export async function runFmt(files: string[], options: { check: boolean }, io: FmtIo): Promise<number> {
  if (files.length === 0) {
    io.stderr(`${renderProblem(problem("T0405", {}))}\n`);
    return 2;
  }
  let exitCode = 0;
  const unformatted: string[] = [];
  for (const path of await expand(files)) {
    let source: string;
    try {
      source = (await io.readFile(path)).replace(/^\uFEFF/, "");
    } catch (error) {
      io.stderr(readFailure(path, error));
      exitCode = 2;
      continue;
    }
    let formatted: string;
    try {
      formatted = await formatTilsyn(source, path);
    } catch (error) {
      const diagnostics = diagnosticsOf(error);
      if (diagnostics) {
        const text = source.normalize("NFC");
        io.stderr(renderDiagnostics(diagnostics, text));
        io.stderr(`${path} er ikke formateret: ret fejlene først. Filen er ikke ændret.\n`);
      } else {
        const message = error instanceof Error ? error.message : String(error);
        io.stderr(`fejl: ${path} kunne ikke formateres (${message}). Filen er ikke ændret.\n`);
      }
      exitCode = Math.max(exitCode, 1);
      continue;
    }
    if (formatted === source) continue;
    if (options.check) {
      unformatted.push(path);
    } else {
      try {
        await io.writeFile(path, formatted);
      } catch (error) {
        const code = (error as { code?: string }).code ?? "ukendt årsag";
        io.stderr(`${renderProblem(problem("T0404", { path, reason: code }))}\n`);
        exitCode = 2;
        continue;
      }
      io.stdout(`Formateret: ${path}\n`);
    }
  }
  if (unformatted.length > 0) {
    io.stderr(`Disse filer er ikke formateret: ${unformatted.join(", ")}\n`);
    io.stderr("  = hjælp: kør `tilsyn fmt` uden --check for at formatere dem.\n");
    exitCode = Math.max(exitCode, 1);
  }
  return exitCode;
}

/**
 * The real file system and terminal. Writes are atomic (a temporary file, then rename), keep the
 * file's permissions, and go through a symbolic link to the file it points to (cli/io.ts).
 */
export const nodeFmtIo: FmtIo = {
  readFile: (path) => readFile(path, "utf8"),
  writeFile: replaceFile,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
