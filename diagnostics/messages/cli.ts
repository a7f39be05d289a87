// The command line and files (T04xx): reported by cli/ without a place in a source text.
//
// Each code is declared once: its Danish message and hint (`{name}` is a parameter), its
// severity when not an error, and `doc`, the description in docs/sprog.md's table of codes.
// Codes are never reused: a retired code stays retired. Add new codes at the end.

import type { CatalogueRange } from "./entry.js";

export const cli = {
  T0401: {
    message: "Filen {path} findes ikke.",
    hint: "Tjek stien, eller kør kommandoen fra projektets mappe.",
    doc: "en fil, der ikke findes",
  },
  T0402: {
    message: "{path} er en mappe, ikke en fil.",
    hint: "Angiv filerne i mappen, fx {example}.",
    doc: "en mappe, hvor der skal stå en fil",
  },
  T0403: {
    message: "Filen {path} kan ikke læses ({reason}).",
    doc: "en fil, der ikke kan læses",
  },
  T0404: {
    message: "Kan ikke skrive {path} ({reason}).",
    doc: "en fil, der ikke kan skrives",
  },
  T0405: {
    message: "Angiv mindst én politikfil, fx policies/jobsoegning.tilsyn.",
    doc: "en kommando uden politikfiler",
  },
  T0406: {
    message: "{a} og {b} er begge politikken `{name}` og gælder samtidig ({from} til {to}).",
    hint: "Angiv `gælder fra … til …` i begge filer, så perioderne ikke overlapper, eller kør dem hver for sig.",
    doc: "to filer af samme politik, der gælder samtidig",
  },
  T0407: {
    message: "Politikken {policy} læser data `{data}`, men {file} findes ikke.",
    hint: "Læg filen {data}.csv (eller {data}.xlsx) i {dir}, eller angiv en anden mappe med --data.",
    doc: "en datafil, som en politik læser, men som ikke findes i datamappen",
  },
  T0408: {
    message: "{flag} {value} er ikke en måned.",
    hint: "Skriv måneden som ÅÅÅÅ-MM, fx {flag} 2022-01.",
    doc: "en måned efter `--fra` eller `--til`, der ikke er en måned",
  },
  T0409: {
    message: "{detail}",
    doc: "en fejl under kørslen af politikken (fx data, der mangler)",
  },
  T0410: {
    message: "{detail}",
    doc: "forkert brug af kommandolinjen (en ukendt kommando eller et ukendt tilvalg, en manglende værdi)",
  },
  T0411: {
    message: "--coverage-min {value} er ikke en procentsats.",
    hint: "Skriv et tal fra 0 til 100, fx --coverage-min 100.",
    doc: "en værdi efter `--coverage-min`, der ikke er en procentsats",
  },
  T0412: {
    message: "Et udtryk er for langt eller for dybt indlejret til, at tilsyn kan behandle det.",
    hint: "Del udtrykket op i flere `mål`, der bygger på hinanden.",
    doc: "et udtryk, der er for langt eller for dybt indlejret til at kunne behandles",
  },
  T0413: {
    message: "--out {path} er en fil, ikke en mappe.",
    hint: "Angiv en mappe til modulerne med --out; den oprettes, hvis den ikke findes.",
    doc: "en fil efter `--out`, hvor der skal stå en mappe",
  },
  T0414: {
    message: "Kan ikke skrive i mappen {path} ({reason}).",
    hint: "Vælg en mappe, du kan skrive i, med --out, eller giv dig selv skriveadgang til {path}.",
    doc: "en mappe efter `--out`, der ikke kan oprettes eller skrives i",
  },
  T0415: {
    message: "--data {path} er en fil, ikke en mappe.",
    hint: "Angiv mappen, datafilerne (<navn>.csv) ligger i, fx --data {dir}.",
    doc: "en fil efter `--data`, hvor der skal stå en mappe",
  },
  T0416: {
    message: "{a} og {b} har samme filnavn og ville begge blive til modulet {module}.",
    hint: "Giv den ene fil et andet navn, eller oversæt dem hver for sig til hver sin mappe med --out.",
    doc: "to politikfiler med samme filnavn, der ville blive til samme modul",
  },
  T0417: {
    message: "{path} findes allerede og er ikke skrevet af tilsyn, så den overskrives ikke.",
    hint: "Flyt eller slet filen, eller vælg en anden mappe med --out.",
    doc: "en fil i `--out`-mappen, som tilsyn ikke selv har skrevet",
  },
  T0418: {
    message: "{count} fejl og advarsler mere i {file} er ikke vist.",
    hint: "Ret de viste fejl først; de følgende skyldes ofte de samme.",
    doc: "flere fejl og advarsler i én fil, end der vises",
  },
  T0419: {
    message: "Data `{data}` findes både som {csv} og som {xlsx}.",
    hint: "Fjern eller flyt den ene af de to filer, så det er entydigt, hvilken der skal bruges.",
    doc: "data, der findes både som `.csv` og som `.xlsx` i datamappen",
  },
  T0430: {
    message: "PDF'er skrives med Chromium, men {path} findes ikke.",
    hint: "Installér Chromium (på Debian: `apt-get install -y chromium`), eller udelad --pdf og åbn HTML-siderne i en browser.",
    doc: "`tilsyn doc --pdf` på en maskine uden Chromium",
  },
  T0431: {
    message: "--forskel sammenligner præcis to politikfiler, men der er angivet {count}.",
    hint: "Skriv fx `tilsyn doc --forskel policies/tidlig-indsats-2020.tilsyn policies/tidlig-indsats-2024.tilsyn --out doku`.",
    doc: "`tilsyn doc --forskel` med et andet antal filer end to",
  },
  T0432: {
    message: "Chromium kunne ikke skrive PDF'en {path}: {reason}.",
    hint: "Tjek, at Chromium virker (`chromium --headless --version`), og prøv igen; HTML-siderne er skrevet.",
    doc: "en fejl i Chromium under `tilsyn doc --pdf`",
  },
  T0433: {
    message: "--kommune {value} er ikke en af de 98 kommunekoder.",
    hint: "Skriv kommunens kode med tre cifre, fx --kommune 101 for København; listen står i data/kommuner.csv.",
    doc: "en kode efter `tilsyn explain --kommune`, der ikke er en kommune",
  },
  T0434: {
    message: "--periode {value} er ikke en periode.",
    hint: "Skriv perioden, som hændelserne angiver den: en måned (2021-03), et halvår (2023-H2) eller et år (2023).",
    doc: "en periode efter `tilsyn explain --periode`, der hverken er en måned, et halvår eller et år",
  },
  T0435: {
    message: "Politikken har ingen regel, der hedder `{rule}`.",
    hint: "Vælg et kriterie, en gennemgang eller et mål med en talgrænse: {rules}.",
    doc: "`tilsyn sweep --regel` med et navn, politikken ikke har",
  },
  T0436: {
    message: "Reglen `{rule}` har ingen grænse med et tal, der kan ændres.",
    hint: "En grænse er et tal eller en procentsats i en sammenligning, fx `over 20 %`; vælg en regel med sådan en.",
    doc: "`tilsyn sweep` på en regel uden en talgrænse",
  },
  T0437: {
    message: "Vælg, hvilken grænse i `{rule}` der skal ændres: {limits}.",
    hint: "Skriv fx --graense 1 for den første.",
    doc: "`tilsyn sweep` på en regel med flere grænser uden `--graense`, eller med et nummer, der ikke er en af dem",
  },
  T0438: {
    message: "--vaerdier {value} er ikke en liste af tal.",
    hint: "Skriv tallene adskilt af semikolon, fx --vaerdier \"15;20;25;30\", eller et interval, fx --vaerdier 15..30 --trin 5; et decimaltal skrives 22,5.",
    doc: "`tilsyn sweep --vaerdier` med noget, der ikke er tal eller et interval",
  },
  T0445: {
    severity: "note",
    message: "{file} læses ikke: data `{data}` kommer fra målingen i {policy}.",
    hint: "Kør uden {policy} for at bruge filen i stedet.",
    doc: "`tilsyn run` med en måling og en politik, der læser dens tabel: datamappens fil med samme navn bruges ikke",
  },
  T0447: {
    message: "`tilsyn sweep` regner på én politik, eventuelt efter den måling, hvis tabel den læser; her er der {policies} politik(ker) og {measurements} måling(er).",
    hint: "Angiv fx policies/maaling/fokusmaal.tilsyn policies/skaerpet-tilsyn.tilsyn, eller én politikfil alene.",
    doc: "`tilsyn sweep` med andre filer end én politik og højst én måling",
  },
} as const satisfies CatalogueRange<"T04">;
