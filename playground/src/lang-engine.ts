// What the editor takes from the grammar: the keyword table (highlighting, completion, hover)
// and the prettier plugin (format document), loaded on first use so the page starts faster.

import { keywordTable, type KeywordCategory, type KeywordEntry } from "../../grammar/keywords.js";

export const keywords: readonly KeywordEntry[] = keywordTable;

/** Danish names of the keyword categories, for hovers and the completion list. */
export const categoryLabel: Record<KeywordCategory, string> = {
  declaration: "erklæring",
  clause: "led",
  operator: "operator",
  unit: "enhed",
  type: "felttype",
  month: "måned",
  value: "værdi",
};

/** Format a policy with the prettier plugin, in the house style. Throws on syntax errors. */
export async function formatSource(source: string): Promise<string> {
  const [{ format }, plugin] = await Promise.all([import("prettier/standalone"), import("../../grammar/prettier/index.js")]);
  return format(source, { parser: "tilsyn", plugins: [plugin.default], ...plugin.defaultOptions });
}
