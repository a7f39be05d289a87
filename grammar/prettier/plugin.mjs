// Plain-JS entry for prettier's `--plugin=` (which loads plugins by path, without a TS loader):
// the plugin as built to dist/ by `npm run build` (run by `npm install` and `npm test`).
// Browsers and bundlers import ./index.ts.
export { default, languages, parsers, printers, defaultOptions } from "../../dist/grammar/prettier/index.js";
