#!/usr/bin/env node
// Entry point of the `tilsyn` command: the CLI built to plain JavaScript in dist/ by `npm run
// build` (run by `npm install`/`npm ci` through `prepare`, and by `npm test`).
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
