#!/usr/bin/env node
// Entry point of the `tilsyn` command: the CLI built to plain JavaScript in dist/ by `npm run
// build` (run by `npm install`/`npm ci` through `prepare`, and by `npm test`). The commands run
// in a worker thread with a larger stack (see cli/launch.ts); this file is also that worker.
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  const { runInWorker } = await import("../dist/cli/launch.js");
  process.exitCode = await runInWorker(new URL(import.meta.url), process.argv.slice(2));
} else {
  const { main } = await import("../dist/cli/main.js");
  process.exitCode = await main(process.argv.slice(2));
}
