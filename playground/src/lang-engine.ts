// TEMPORARY stand-in for grammar/keywords.ts and grammar/prettier until they land.
export interface KeywordEntry { word: string; category: string; hover: string }
export const keywords: KeywordEntry[] = [
  { word: "politik", category: "erklæring", hover: "Indleder politikken." },
  { word: "data", category: "erklæring", hover: "Erklærer en datakilde." },
  { word: "kriterie", category: "erklæring", hover: "Et kriterie." },
  { word: "mål", category: "erklæring", hover: "Et mål." },
  { word: "når", category: "betingelse", hover: "Betingelsen." },
  { word: "over", category: "sammenligning", hover: "Større end." },
  { word: "gælder", category: "tid", hover: "Gyldighed." },
  { word: "lig med", category: "sammenligning", hover: "Lig med." },
];
export async function formatSource(source: string): Promise<string> {
  return source.replace(/[ \t]+$/gm, "");
}
