// The bundled sample data: data/kommuner.csv and every data/eksempel/*.csv, as text.
// Only the worker imports this module, so the page's main bundle does not carry the data twice.

import kommuner from "../../data/kommuner.csv?raw";

const files = import.meta.glob<string>("../../data/eksempel/*.csv", { query: "?raw", import: "default", eager: true });

export const kommunerText: string = kommuner;

/** Data name (file name without .csv) → CSV text. */
export const sampleData: Record<string, string> = Object.fromEntries(
  Object.entries(files).map(([path, text]) => [path.replace(/^.*\//, "").replace(/\.csv$/, ""), text]),
);
