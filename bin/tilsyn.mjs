#!/usr/bin/env node
// Entry point of the `tilsyn` command. The CLI is TypeScript; tsx runs it on Node 20 without a
// build step, so the command always runs the source in the checkout.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
