// Plain-JS entry for prettier's `--plugin=` (which loads plugins by path, without a TS loader):
// register tsx, then re-export the TypeScript plugin. Browsers and bundlers import ./index.ts.
import { register } from "tsx/esm/api";

register();

const plugin = await import("./index.ts");

export const { languages, parsers, printers, defaultOptions } = plugin;
export default plugin.default;
