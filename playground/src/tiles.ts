// A hand-laid tile grid of Denmark's 98 kommuner: one square per kommune, placed roughly where it
// lies (Jutland to the left, Funen in the middle, Zealand and the capital to the right, Bornholm
// apart). The capital's small kommuner get a tile each, as large as Ringkøbing-Skjern's, so they
// stay readable; the price is that the capital area is drawn larger than it is.
//
// [code, column, row, short label]. Column 0 is the west coast, row 0 the northern tip.

export const TILES: readonly (readonly [code: string, col: number, row: number, label: string])[] = [
  // Nordjylland
  ["860", 3, 0, "Hjø"], ["813", 4, 0, "Fhv"], ["825", 5, 0, "Læs"],
  ["787", 1, 1, "Thi"], ["849", 2, 1, "Jam"], ["810", 3, 1, "Brø"],
  ["773", 1, 2, "Mor"], ["820", 2, 2, "Vhi"], ["851", 3, 2, "Aal"],
  ["840", 3, 3, "Reb"], ["846", 4, 3, "Mar"],
  // Midtjylland
  ["665", 0, 3, "Lem"], ["671", 1, 3, "Str"], ["779", 2, 3, "Ski"],
  ["661", 1, 4, "Hol"], ["791", 2, 4, "Vib"], ["730", 3, 4, "Ran"], ["707", 4, 4, "NDj"],
  ["760", 0, 5, "RkS"], ["657", 1, 5, "Her"], ["740", 2, 5, "Sil"], ["710", 3, 5, "Fav"], ["706", 4, 5, "SDj"],
  ["756", 1, 6, "IkB"], ["746", 2, 6, "Ska"], ["751", 3, 6, "Aar"],
  ["615", 2, 7, "Hor"], ["727", 3, 7, "Odd"], ["741", 4, 7, "Sam"],
  ["766", 3, 8, "Hed"],
  // Syddanmark: Jutland
  ["573", 0, 6, "Var"], ["561", 0, 7, "Esb"], ["530", 1, 7, "Bil"],
  ["563", 0, 8, "Fan"], ["575", 1, 8, "Vej"], ["630", 2, 8, "Vjl"],
  ["621", 2, 9, "Kol"], ["607", 3, 9, "Fre"],
  ["550", 1, 10, "Tøn"], ["510", 2, 10, "Had"],
  ["580", 2, 11, "Aab"], ["540", 3, 11, "Søn"],
  // Syddanmark: Funen and its islands
  ["480", 5, 8, "NFy"], ["440", 6, 8, "Ker"],
  ["410", 4, 9, "Mid"], ["461", 5, 9, "Ode"], ["450", 6, 9, "Nyb"],
  ["420", 4, 10, "Ass"], ["430", 5, 10, "FMi"], ["479", 6, 10, "Sve"], ["482", 7, 10, "Lan"],
  ["492", 5, 11, "Ærø"],
  // Sjælland
  ["306", 9, 4, "Ods"],
  ["326", 8, 5, "Kal"], ["316", 9, 5, "Hbk"],
  ["350", 9, 6, "Lej"],
  ["330", 8, 7, "Sla"], ["340", 9, 7, "Sor"], ["265", 10, 7, "Ros"],
  ["329", 10, 8, "Rin"],
  ["370", 10, 9, "Næs"], ["253", 11, 9, "Gre"],
  ["259", 11, 10, "Køg"], ["269", 12, 10, "Sol"],
  ["390", 10, 11, "Vor"], ["320", 11, 11, "Fax"], ["336", 12, 11, "Ste"],
  ["360", 9, 12, "Lol"], ["376", 10, 12, "Gul"],
  // Hovedstaden
  ["260", 11, 2, "Hal"], ["270", 12, 2, "Gri"], ["217", 13, 2, "Hel"],
  ["250", 11, 3, "Fsu"], ["219", 12, 3, "Hil"], ["210", 13, 3, "Fbo"],
  ["240", 11, 4, "Ege"], ["201", 12, 4, "All"], ["230", 13, 4, "Rud"], ["223", 14, 4, "Hør"],
  ["151", 11, 5, "Bal"], ["190", 12, 5, "Fur"], ["173", 13, 5, "Lyn"], ["157", 14, 5, "Gen"],
  ["169", 10, 6, "HTå"], ["165", 11, 6, "Alb"], ["163", 12, 6, "Hlv"], ["159", 13, 6, "Gla"], ["101", 14, 6, "Kbh"],
  ["161", 11, 7, "Glo"], ["175", 12, 7, "Rød"], ["147", 13, 7, "Frb"], ["185", 14, 7, "Tår"],
  ["183", 11, 8, "Ish"], ["153", 12, 8, "Brb"], ["167", 13, 8, "Hvi"], ["155", 14, 8, "Dra"],
  ["187", 12, 9, "Val"],
  ["400", 16, 10, "Bor"],
];

export const GRID = {
  columns: Math.max(...TILES.map((t) => t[1])) + 1,
  rows: Math.max(...TILES.map((t) => t[2])) + 1,
};
