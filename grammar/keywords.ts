// THE keyword table of tilsyn. Everything that knows about keywords is built from this list:
// the lexer's tokens (grammar/lexer.ts), the parser's error messages, the playground's hover
// texts and Monaco's Monarch highlighting. Add a keyword here and nowhere else.
//
// Keywords are lowercase and case-sensitive. Any keyword may also be used as a *name* (a deadline
// may be called `redegørelse`); the ones marked `ref: true` may in addition be referred to inside
// expressions (e.g. a measure called `andel`: `når andel over 20 %`).

export type KeywordCategory =
  | "declaration"
  | "clause"
  | "operator"
  | "unit"
  | "type"
  | "month"
  | "value";

export interface KeywordEntry {
  /** The keyword as written (lowercase, NFC). */
  word: string;
  category: KeywordCategory;
  /** One Danish sentence explaining the keyword (hover text in the editor). */
  hover: string;
  /** May also be used as a reference in expressions (besides as a declared name). */
  ref?: boolean;
}

export const KEYWORDS = [
  // --- declarations ------------------------------------------------------------------------
  { word: "politik", category: "declaration", hover: "Indleder filens regelsæt med navn, titel, kilde og gyldighedsperiode." },
  { word: "data", category: "declaration", hover: "Erklærer en datakilde pr. kommune og måned eller år med dens felter og offentliggørelse." },
  { word: "opgørelse", category: "declaration", hover: "Angiver hvor ofte kommunerne opgøres (månedlig, halvårlig eller årlig) og hvornår der følges op." },
  { word: "mål", category: "declaration", hover: "Definerer et navngivet mål: et tal, en andel eller en betingelse beregnet ud fra data." },
  { word: "kriterie", category: "declaration", hover: "Definerer et handlingskriterie: en betingelse, der udløser en reaktion, når den er opfyldt." },
  { word: "gennemgang", category: "declaration", hover: "Definerer en årlig gennemgang af kommuner, der opfylder en betingelse." },
  { word: "undtagelse", category: "declaration", hover: "Angiver en periode, hvor der ikke sendes henvendelser til kommunerne." },
  { word: "reaktion", category: "declaration", hover: "Beskriver hvad STAR gør, når et kriterie er opfyldt: henvendelser, trappe og redegørelser." },
  { word: "forløb", category: "declaration", hover: "Beskriver de tilstande, en kommune kan være i, og overgangene mellem dem." },
  { word: "tilstand", category: "declaration", hover: "Erklærer en tilstand i forløbet med de frister, der sættes, når kommunen kommer i den." },
  { word: "overgang", category: "declaration", hover: "Erklærer en overgang fra én tilstand til en anden med dens betingelse." },
  { word: "eksempel", category: "declaration", hover: "Et eksempel med nogle få rækker data og de hændelser, reglerne skal give; køres af `tilsyn test`." },
  { word: "måling", category: "declaration", hover: "Tæller personer fra persondata op til en tabel pr. kommune og måned (`måling fokusmaal pr kommune, måned`), med forløb, vindue og tællinger." },
  { word: "eksempler", category: "declaration", hover: "Indleder en fil med eksempler til en politik i en anden fil: `eksempler til \"jobsoegning.tilsyn\"`." },

  // --- clauses -----------------------------------------------------------------------------
  { word: "kilde", category: "clause", hover: "Angiver den retlige kilde (hjemmel) for reglen; den følger med i alle resultater." },
  { word: "gælder", category: "clause", hover: "Indleder en gyldighedsperiode: `gælder fra DATO til DATO` eller `gælder for data fra MÅNED`." },
  { word: "fra", category: "clause", hover: "Angiver begyndelsen af en periode, eller den tilstand en overgang går fra." },
  { word: "til", category: "clause", hover: "Angiver slutningen af en periode, eller den tilstand en overgang går til." },
  { word: "for", category: "clause", hover: "Indgår i `gælder for data` og `for alle … under ét`." },
  { word: "pr", category: "clause", hover: "Angiver hvad der opgøres for sig: `pr kommune`, `pr ydelsesgruppe`, `pr. år`." },
  { word: "kommune", category: "clause", hover: "Data og opgørelser er altid pr. kommune (den 3-cifrede kommunekode)." },
  { word: "af", category: "clause", hover: "Angiver at et felt tæller en delmængde af et andet felt, eller indgår i `udgangen af`." },
  { word: "kolonne", category: "clause", hover: "Overskriften på feltets kolonne i datafilen, når den ikke er feltets navn: `jobparate: antal kolonne \"Antal jobparate\"`." },
  { word: "kolonner", category: "clause", hover: "Overskrifterne på nøglekolonnerne i datafilen, når de ikke er `kommune`, `maaned` (`aar`) og gruppens navn: `kolonner kommune \"Kommune\", måned \"Måned\"`." },
  { word: "offentliggøres", category: "clause", hover: "Angiver hvornår data eller en opgørelse offentliggøres." },
  { word: "efter", category: "clause", hover: "Angiver et tidsrum efter et tidspunkt, fx `3 måneder efter meddelelse`." },
  { word: "følges", category: "clause", hover: "Indleder `følges op`: hvornår der handles på en opgørelse." },
  { word: "op", category: "clause", hover: "Indgår i `følges op`: hvornår der handles på en opgørelse." },
  { word: "ved", category: "clause", hover: "Indgår i `følges op ved offentliggørelse`: der handles samme dag, som tallene offentliggøres." },
  { word: "offentliggørelse", category: "clause", hover: "Datoen hvor opgørelsens tal offentliggøres; bruges som udgangspunkt for frister." },
  { word: "alle", category: "clause", hover: "Indgår i `for alle … under ét`: alle grupper lægges sammen." },
  { word: "ét", category: "clause", hover: "Indgår i `under ét`: grupperne opgøres samlet." },
  { word: "et", category: "clause", hover: "Indgår i `under et` (stavemåde uden accent af `under ét`)." },
  { word: "forudsat", category: "clause", hover: "Angiver en forudsætning (fx en minimumspopulation), der skal være opfyldt, før kriteriet vurderes." },
  { word: "vurderes", category: "clause", hover: "Angiver at kriteriet først kan vurderes et antal måneder senere, når data er komplette." },
  { word: "senere", category: "clause", hover: "Indgår i `vurderes N måneder senere`." },
  { word: "når", category: "clause", hover: "Indleder betingelsen, der skal være opfyldt." },
  { word: "ingen", category: "clause", hover: "Indgår i `ingen henvendelser fra … til …` i en undtagelse." },
  { word: "henvendelser", category: "clause", hover: "Henvendelser fra STAR til kommunen; bruges i undtagelser og `højst N henvendelser pr. år`." },
  { word: "henvendelse", category: "clause", hover: "STAR retter henvendelse til kommunen med den angivne tekst, når et kriterie er opfyldt.", ref: true },
  { word: "ny", category: "clause", hover: "Indgår i `ny henvendelse først på data efter forrige henvendelse`." },
  { word: "først", category: "clause", hover: "Indgår i `ny henvendelse først på data efter forrige henvendelse`." },
  { word: "på", category: "clause", hover: "Indgår i `ny henvendelse først på data efter forrige henvendelse`." },
  { word: "forrige", category: "clause", hover: "Indgår i `ny henvendelse først på data efter forrige henvendelse`." },
  { word: "trappe", category: "clause", hover: "Angiver eskaleringstrappen: den n-te henvendelse foreslår det n-te trin." },
  { word: "redegørelse", category: "clause", hover: "Kommunen afkræves en skriftlig redegørelse, når situationen ikke er genoprettet i tide.", ref: true },
  { word: "genoprettet", category: "clause", hover: "Indgår i `når ikke genoprettet N måneder efter henvendelsen`." },
  { word: "henvendelsen", category: "clause", hover: "Den seneste henvendelse; udgangspunkt for hvornår der kræves redegørelse." },
  { word: "start", category: "clause", hover: "Angiver den tilstand, alle kommuner begynder i." },
  { word: "frist", category: "clause", hover: "Erklærer en frist, der sættes hver gang kommunen kommer i tilstanden." },
  { word: "udgangen", category: "clause", hover: "Indgår i `udgangen af MÅNED`: den sidste dag i måneden." },
  { word: "ellers", category: "clause", hover: "Overgangen sker, når ingen tidligere overgang fra samme tilstand er sket." },
  { word: "husk", category: "clause", hover: "Gemmer en værdi, når overgangen sker, så den kan bruges i senere betingelser." },
  { word: "hvor", category: "clause", hover: "Indgår i `sum(… hvor FELT er målt)`: kun rækker, hvor feltet ikke er tomt." },
  { word: "er", category: "clause", hover: "Indgår i `hvor FELT er målt`." },
  { word: "målt", category: "clause", hover: "Indgår i `hvor FELT er målt`: kun rækker, hvor feltet har en værdi." },
  { word: "forventer", category: "clause", hover: "Siger, hvad eksemplet skal give: `forventer henvendelse til 101 for 2021-03 efter straks`." },
  { word: "den", category: "clause", hover: "Indgår i en forventning med en dato: `den 2025-12-31`." },
  { word: "gruppen", category: "clause", hover: "Indgår i en forventning for én gruppe: `i gruppen dagpenge`." },
  { word: "redegørelser", category: "clause", hover: "Et antal redegørelser i en forventning: `forventer 2 redegørelser`." },
  { word: "gennemgange", category: "clause", hover: "Et antal årlige gennemgange i en forventning: `forventer ingen gennemgange`." },
  { word: "frister", category: "clause", hover: "Et antal frister i en forventning: `forventer 3 frister for 230`." },
  { word: "tillad", category: "clause", hover: "Slår en advarsel (T05xx) fra for denne erklæring, med en begrundelse: `tillad T0505 \"…\"`." },
  { word: "i", category: "clause", hover: "Indgår i `i N sammenhængende måneder`: betingelsen skal holde i hver af de N måneder." },
  { word: "sammenhængende", category: "clause", hover: "Indgår i `i N sammenhængende måneder`: betingelsen skal holde N måneder i træk." },
  { word: "de", category: "clause", hover: "Indgår i `over de seneste N måneder`." },
  { word: "seneste", category: "clause", hover: "Indgår i `over de seneste N måneder`: de N måneder, der slutter med periodens sidste måned." },

  { word: "person", category: "clause", hover: "Persondata: `data NAVN pr person, måned` (én række pr. person og måned) eller `pr person, dato` (dateret hændelse).", ref: true },
  { word: "personer", category: "clause", hover: "Indgår i `antal(personer hvor BETINGELSE)`: de personer, der i måneden opfylder betingelsen.", ref: true },
  { word: "forløbet", category: "clause", hover: "Indgår i `vindue de seneste N måneder af forløbet`: forløbets tællende måneder." },
  { word: "samme", category: "clause", hover: "Indgår i `forløb i DATA med samme FELT`: et forløb er sammenhængende måneder med samme værdi af feltet." },
  { word: "død", category: "clause", hover: "`død når BETINGELSE`: en død måned tæller ikke med i forløbets varighed og bryder det ikke." },
  { word: "vindue", category: "clause", hover: "`vindue de seneste N måneder af forløbet`: de N seneste tællende måneder; tællinger og summer i målingen går over vinduet." },
  { word: "tæl", category: "clause", hover: "`tæl DATA` med én eller flere `når BETINGELSE`: hvilke daterede hændelser der tæller; hvert tilfælde kan have `gælder fra DATO` og `kilde`." },
  { word: "varighed", category: "value", hover: "I en måling: forløbets varighed til og med måneden, i tællende (ikke døde) måneder." },

  // --- operators ---------------------------------------------------------------------------
  { word: "og", category: "operator", hover: "Begge betingelser skal være opfyldt." },
  { word: "eller", category: "operator", hover: "Mindst én af betingelserne skal være opfyldt." },
  { word: "ikke", category: "operator", hover: "Betingelsen må ikke være opfyldt." },
  { word: "over", category: "operator", hover: "Større end (>), eller et vindue: `over måneden`, `over halvåret`, `over året`, `over de seneste N måneder`." },
  { word: "mindst", category: "operator", hover: "Større end eller lig med (>=)." },
  { word: "under", category: "operator", hover: "Mindre end (<); indgår også i `under ét`." },
  { word: "højst", category: "operator", hover: "Mindre end eller lig med (<=); indgår også i `højst N henvendelser pr. år`." },
  { word: "lig", category: "operator", hover: "Indgår i `lig med`: lig med (=)." },
  { word: "med", category: "operator", hover: "Indgår i `lig med`: lig med (=)." },
  { word: "sum", category: "operator", hover: "Summen af udtrykket over alle rækker i vinduet." },
  { word: "første", category: "operator", hover: "`første(DATA hvor BETINGELSE)`: hændelsen er forløbets første af de hændelser i DATA, der opfylder betingelsen.", ref: true },
  { word: "middel", category: "operator", hover: "Gennemsnittet af udtrykkets månedlige værdier over vinduet." },

  // --- units -------------------------------------------------------------------------------
  { word: "måned", category: "unit", hover: "Én måned; som datakorn: data pr. måned." },
  { word: "måneder", category: "unit", hover: "Et antal måneder." },
  { word: "uge", category: "unit", hover: "Én uge (7 dage)." },
  { word: "uger", category: "unit", hover: "Et antal uger." },
  { word: "dag", category: "unit", hover: "Én dag." },
  { word: "dage", category: "unit", hover: "Et antal dage." },
  { word: "år", category: "unit", hover: "Et kalenderår; som datakorn: data pr. år." },
  { word: "dato", category: "unit", hover: "Som datakorn: `data NAVN pr person, dato` er daterede hændelser (samtaler, tilbud) med en dato pr. række.", ref: true },
  { word: "måneden", category: "unit", hover: "Den opgjorte måned: vinduet `over måneden`, eller `efter måneden` ved offentliggørelse." },
  { word: "halvåret", category: "unit", hover: "Det opgjorte halvår: vinduet `over halvåret`." },
  { word: "året", category: "unit", hover: "Det opgjorte år: vinduet `over året`, eller `året efter` ved offentliggørelse." },

  // --- field types -------------------------------------------------------------------------
  { word: "antal", category: "type", hover: "Feltet er et antal (et ikke-negativt helt tal).", ref: true },
  { word: "andel", category: "type", hover: "Feltet er en andel mellem 0 og 1.", ref: true },
  { word: "procent", category: "type", hover: "Feltet er et tal i procent, fx en ydelsesgrad.", ref: true },
  { word: "tal", category: "type", hover: "Feltet er et ikke-negativt tal, der må have decimaler (fx timer); regnes eksakt.", ref: true },
  { word: "tekst", category: "type", hover: "Feltet er en tekst, fx et gruppenavn.", ref: true },

  // --- months ------------------------------------------------------------------------------
  { word: "januar", category: "month", hover: "Januar, årets 1. måned." },
  { word: "februar", category: "month", hover: "Februar, årets 2. måned." },
  { word: "marts", category: "month", hover: "Marts, årets 3. måned." },
  { word: "april", category: "month", hover: "April, årets 4. måned." },
  { word: "maj", category: "month", hover: "Maj, årets 5. måned." },
  { word: "juni", category: "month", hover: "Juni, årets 6. måned." },
  { word: "juli", category: "month", hover: "Juli, årets 7. måned." },
  { word: "august", category: "month", hover: "August, årets 8. måned." },
  { word: "september", category: "month", hover: "September, årets 9. måned." },
  { word: "oktober", category: "month", hover: "Oktober, årets 10. måned." },
  { word: "november", category: "month", hover: "November, årets 11. måned." },
  { word: "december", category: "month", hover: "December, årets 12. måned." },

  // --- values ------------------------------------------------------------------------------
  { word: "månedlig", category: "value", hover: "Opgørelsen laves hver måned." },
  { word: "halvårlig", category: "value", hover: "Opgørelsen laves hvert halve år (januar–juni og juli–december)." },
  { word: "årlig", category: "value", hover: "Opgørelsen laves hvert kalenderår." },
  { word: "årligt", category: "value", hover: "Gennemgangen laves én gang om året." },
] as const satisfies readonly KeywordEntry[];

export type KeywordWord = (typeof KEYWORDS)[number]["word"];

/** The table as plain entries (for consumers that do not want the literal types). */
export const keywordTable: readonly KeywordEntry[] = KEYWORDS;

const byWord = new Map<string, KeywordEntry>(keywordTable.map((k) => [k.word, k]));

/** The keyword entry for a word, if the word is a keyword. */
export function keywordInfo(word: string): KeywordEntry | undefined {
  return byWord.get(word);
}

export function isKeyword(word: string): boolean {
  return byWord.has(word);
}

/** All keyword words, or those of one category (e.g. for Monarch's `keywords`, `operators`). */
export function keywordWords(category?: KeywordCategory): string[] {
  return keywordTable.filter((k) => category === undefined || k.category === category).map((k) => k.word);
}

/** Month names in calendar order: `MONTH_NAMES[0]` is `januar`. */
export const MONTH_NAMES: readonly string[] = keywordWords("month");

/** 1-12 for a month keyword, undefined otherwise. */
export function monthNumber(word: string): number | undefined {
  const index = MONTH_NAMES.indexOf(word);
  return index < 0 ? undefined : index + 1;
}
