// How bin/tilsyn.mjs starts the command line: in a worker thread with a larger stack.
//
// The checker, the analysis, the lowering, the interpreter, the emitters and the formatter walk
// an expression recursively, and a sum of 5,000 terms is a left-nested tree 5,000 deep, more than
// the main thread's stack (about 1 MB) holds. A worker's stack size can be chosen safely (Node
// allocates the thread with it), so the commands run there; the main thread only relays the
// output and the exit code, and ends quietly when the reader of a pipe goes away.

import { Worker } from "node:worker_threads";

/** The worker's stack: room for expressions of tens of thousands of terms. */
export const STACK_SIZE_MB = 256;

/** Run `entry` (bin/tilsyn.mjs, which calls main() when it is not the main thread) in a worker. */
export function runInWorker(entry: URL, argv: string[]): Promise<number> {
  quietWhenPipeCloses();
  return new Promise((resolve) => {
    // Only the language server (`tilsyn lsp`) reads stdin: it is relayed to the worker, and let go
    // when the worker ends so the process can exit.
    const readsStdin = argv[0] === "lsp";
    const worker = new Worker(entry, { argv, stdin: readsStdin, resourceLimits: { stackSizeMb: STACK_SIZE_MB } });
    if (readsStdin && worker.stdin) {
      process.stdin.pipe(worker.stdin);
      worker.on("exit", () => process.stdin.destroy());
    }
    let failed = false;
    // An error main() did not catch (it catches every user's mistake), e.g. memory running out.
    worker.on("error", (error) => {
      failed = true;
      process.stderr.write(
        `intern fejl: tilsyn stødte på en fejl, der ikke skyldes dine filer (${error.message}).\n` +
          `  = hjælp: Meld fejlen med kommandoen og filerne; sæt TILSYN_DEBUG=1 for detaljer.\n`,
      );
      if (process.env["TILSYN_DEBUG"]) process.stderr.write(`${error.stack}\n`);
    });
    worker.on("exit", (code) => resolve(failed ? 70 : code));
  });
}

/**
 * `tilsyn run … | head`: when the reader closes the pipe early there is no one left to tell, so
 * stop quietly with exit 0, as Unix tools do, instead of dying on an unhandled EPIPE.
 */
export function quietWhenPipeCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
      throw error;
    });
  }
}
