// Fixed inputs for the sample-data generator: a rough size and a rough social profile per
// municipality. These are NOT measurements used as data; they only make the synthetic numbers
// spread like real Denmark.
//
// BEFOLKNING: inhabitants, rounded to the nearest hundred, roughly as at 1 January 2022
// (Danmarks Statistik, FOLK1A, written down from memory and rounded; good enough for a size
// weight, not to be quoted).
//
// PROFIL: a hand-set tilt of the municipality's benefit rate (positive = more residents on public
// support than the median municipality), from the well-known pattern (Lolland, Ishøj, Albertslund,
// Brøndby high; Rudersdal, Gentofte, Hørsholm and West Jutland low). Municipalities not listed
// get 0; the generator adds seeded noise to every value.

export const BEFOLKNING: Readonly<Record<string, number>> = {
  "101": 644_400, "147": 104_300, "151": 49_200, "153": 35_600, "155": 14_400,
  "157": 75_000, "159": 69_600, "161": 23_300, "163": 29_200, "165": 28_100,
  "167": 54_000, "169": 51_000, "173": 56_400, "175": 41_300, "183": 23_600,
  "185": 43_400, "187": 16_800, "190": 41_300, "201": 26_100, "210": 41_200,
  "217": 63_300, "219": 51_800, "223": 25_200, "230": 56_900, "240": 44_100,
  "250": 45_900, "253": 51_000, "259": 61_400, "260": 31_800, "265": 89_400,
  "269": 23_300, "270": 41_300, "306": 33_000, "316": 72_400, "320": 37_600,
  "326": 48_800, "329": 35_200, "330": 79_400, "336": 23_000, "340": 30_100,
  "350": 28_100, "360": 40_800, "370": 83_200, "376": 60_400, "390": 45_500,
  "400": 39_500, "410": 39_000, "420": 41_200, "430": 51_600, "440": 24_000,
  "450": 32_300, "461": 206_000, "479": 59_000, "480": 29_500, "482": 12_300,
  "492": 6_000, "510": 55_900, "530": 26_900, "540": 74_400, "550": 37_300,
  "561": 115_900, "563": 3_500, "573": 50_100, "575": 42_800, "580": 58_600,
  "607": 52_000, "615": 97_000, "621": 94_000, "630": 119_000, "657": 89_900,
  "661": 59_000, "665": 19_500, "671": 20_800, "706": 43_500, "707": 37_400,
  "710": 49_300, "727": 23_200, "730": 99_000, "740": 96_800, "741": 3_700,
  "746": 63_500, "751": 355_200, "756": 42_000, "760": 56_500, "766": 47_300,
  "773": 20_100, "779": 46_100, "787": 43_300, "791": 97_700, "810": 36_300,
  "813": 59_000, "820": 36_600, "825": 1_800, "840": 30_600, "846": 41_800,
  "849": 38_200, "851": 219_500, "860": 64_000,
};

export const PROFIL: Readonly<Record<string, number>> = {
  // markedly above the median benefit rate
  "360": 1.6, "183": 1.4, "165": 1.3, "153": 1.3, "376": 1.2, "482": 1.2, "169": 1.0,
  "306": 1.0, "326": 0.9, "330": 0.9, "390": 0.9, "400": 0.8, "813": 0.8, "492": 0.7,
  // somewhat above
  "101": 0.5, "461": 0.7, "851": 0.4, "479": 0.5, "316": 0.5, "167": 0.6, "175": 0.5,
  "260": 0.6, "370": 0.5, "730": 0.5, "561": 0.4, "773": 0.5, "450": 0.4,
  "217": 0.4, "510": 0.3, "550": 0.3, "707": 0.5, "820": 0.4, "860": 0.4, "607": 0.4,
  // below
  "230": -1.6, "157": -1.5, "223": -1.4, "201": -1.3, "173": -1.1, "155": -1.0,
  "190": -1.0, "240": -1.0, "269": -0.9, "746": -1.0, "710": -1.0, "530": -1.1,
  "756": -0.8, "760": -1.1, "766": -0.9, "350": -0.8, "187": -0.5, "727": -0.6,
  "573": -0.8, "657": -0.6, "740": -0.5, "840": -0.6, "665": -0.6, "563": -0.4,
};

// ALDERSPROFIL: factor on the working-age share of the population (the benefit rate is per
// 16–66-year-old, the size weight starts from all inhabitants). The small islands have old
// populations; the university cities young ones. Everyone else 1.
export const ALDERSPROFIL: Readonly<Record<string, number>> = {
  "825": 0.72, "741": 0.75, "492": 0.75, "563": 0.8, "482": 0.8,
  "101": 1.02, "147": 1.06, "751": 1.05, "461": 1.03, "851": 1.03,
};

/** Anchors from Jobindsats Y30R21, 2022 (see /work/shared/data/README.md). */
export const FULDTIDSPERSONER_I_ALT = 289_700;
