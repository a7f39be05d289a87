// Reading a data file from disk into a table: the file is streamed in chunks through the loader
// (load/csv.ts CsvTableReader), so a file of hundreds of megabytes is never held as text, and a
// load that takes more than a second shows its progress on a terminal.

import { open as openFile } from "node:fs/promises";
import { basename } from "node:path";
import { CsvTableReader, type LoadResult } from "../load/csv.js";
import type { DataSchema } from "../runtime/table.js";
import { readError } from "./io.js";

/** Bytes read at a time: large enough that a 200 MB file is 200 reads, small enough to stay in cache. */
const CHUNK_BYTES = 1 << 20;

/** stderr when it is a terminal, and a clock (injected in tests); without one, no progress is shown. */
export interface Terminal {
  write(text: string): void;
  /** Milliseconds, monotonic. */
  now(): number;
}

/** Progress shown after the first second, rewritten in place at most ten times a second, cleared at the end. */
export class Progress {
  private readonly started: number;
  private drawn = -Infinity;

  constructor(
    private readonly terminal: Terminal | undefined,
    private readonly label: string,
    private readonly total: number,
  ) {
    this.started = terminal?.now() ?? 0;
  }

  update(done: number): void {
    const terminal = this.terminal;
    if (!terminal || this.total <= 0) return;
    const now = terminal.now();
    if (now - this.started < 1000 || now - this.drawn < 100) return;
    this.drawn = now;
    const percent = Math.min(100, Math.floor((done / this.total) * 100));
    const mb = (bytes: number) => String(Math.round(bytes / 1e6));
    terminal.write(`\r\x1b[KIndlæser ${this.label}: ${percent} % (${mb(done)} af ${mb(this.total)} MB)`);
  }

  end(): void {
    if (this.drawn > -Infinity) this.terminal!.write("\r\x1b[K");
  }
}

/**
 * Stream a file in chunks into the reader `open(size)` makes, with progress on a terminal, until
 * the end or until the reader says it is `halted`.
 * Throws a UserError when the file cannot be opened or read; what the reader finds in the file
 * is the reader's to report.
 */
export async function streamFile<R extends { push(chunk: Uint8Array): void; readonly halted?: boolean }>(file: string, open: (size: number) => R, terminal?: Terminal): Promise<R> {
  let handle;
  try {
    handle = await openFile(file, "r");
  } catch (error) {
    throw readError(file, error);
  }
  try {
    const { size } = await handle.stat();
    const reader = open(size);
    const progress = new Progress(terminal, basename(file), size);
    const buffer = new Uint8Array(CHUNK_BYTES);
    let done = 0;
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null));
      } catch (error) {
        throw readError(file, error);
      }
      if (bytesRead === 0) break;
      reader.push(buffer.subarray(0, bytesRead)); // decoded before the next read reuses the buffer
      if (reader.halted) break; // the reader needs no more bytes
      done += bytesRead;
      progress.update(done);
    }
    progress.end();
    return reader;
  } finally {
    await handle.close();
  }
}

/**
 * Load a CSV data file. Throws a UserError when the file cannot be opened or read (as readText
 * does); problems in the file itself are the result's diagnostics.
 */
export async function readTableFile(file: string, schema: DataSchema, kommuner: ReadonlySet<string>, terminal?: Terminal): Promise<LoadResult> {
  return (await streamFile(file, (size) => new CsvTableReader(file, schema, kommuner, size), terminal)).finish();
}
