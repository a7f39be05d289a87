// Problems in data files (T03xx): load/csv.ts, load/kommuner.ts and the tables of examples.
// Every message names the column; the span carries the line and the character column of the cell.
//
// Each code is declared once: its Danish message and hint (`{name}` is a parameter), its
// severity when not an error, and `doc`, the description in docs/sprog.md's table of codes.
// Codes are never reused: a retired code stays retired. Add new codes at the end.

import type { CatalogueRange } from "./entry.js";

export const data = {
  T0301: {
    message: "Filen er tom; den mangler overskriftslinjen.",
    hint: "Første linje skal være overskriften med kolonnerne {expected}.",
    doc: "en tom datafil (uden overskriftslinje)",
  },
  T0302: {
    message: "Kolonnen `{column}` mangler i overskriften.",
    hint: "Data `{data}` skal have kolonnerne {expected}.",
    doc: "en kolonne, der mangler i overskriften (med forslag, når en ukendt kolonne ligner den)",
  },
  T0303: {
    message: "Kolonnen `{column}` hører ikke til data `{data}`.",
    hint: "Fjern eller omdøb kolonnen; de forventede kolonner er {expected}.",
    doc: "en kolonne, der ikke hører til kommunelisten eller til et eksempels tabel (med forslag, når navnet ligner en forventet kolonne); i en datafil er en ukendt kolonne kun en note (T0332)",
  },
  T0304: {
    message: "Kolonnen `{column}` står to gange i overskriften (første gang i kolonne {first}).",
    hint: "Fjern den ene af de to kolonner, eller ret navnet på den.",
    doc: "en kolonne, der står to gange i overskriften",
  },
  T0305: {
    message: "Overskriften har en kolonne uden navn (kolonne {index}).",
    hint: "Giv kolonnen et af de forventede navne ({expected}), eller fjern den.",
    doc: "en kolonne uden navn i overskriften",
  },
  T0306: {
    message: "Linjen har {actual} celler, men overskriften har {count}; cellen til kolonnen `{column}` mangler.",
    hint: "Hver linje skal have en celle pr. kolonne adskilt af komma; en tom celle skrives som to kommaer efter hinanden.",
    doc: "en linje med for få celler",
  },
  T0307: {
    message: "Linjen har {actual} celler, men overskriften har kun {count} (sidste kolonne er `{column}`).",
    hint: "Fjern de overskydende celler; står der et komma inde i en værdi, så sæt værdien i anførselstegn.",
    doc: "en linje med for mange celler",
  },
  T0308: {
    message: "Anførselstegnene i linjen er ikke afsluttet korrekt (kolonnen `{column}`).",
    hint: 'Afslut en værdi i anførselstegn med "; et anførselstegn inde i værdien skrives som "".',
    doc: "anførselstegn, der ikke er afsluttet korrekt",
  },
  T0309: {
    message: "Kolonnen `{column}` er tom, men den er en del af rækkens nøgle.",
    hint: "Udfyld `{column}`; kun talkolonnerne må være tomme (\"ikke målt\").",
    doc: "en tom celle i en af nøglekolonnerne (`kommune`, `maaned` eller `aar`)",
  },
  T0310: {
    message: "`{value}` i kolonnen `{column}` er ikke en af de 98 kommunekoder.",
    hint: "Brug kommunens officielle kode med tre cifre, fx 101 for København; listen står i data/kommuner.csv.",
    doc: "en kommunekode, der ikke er en af de 98 kommuner",
  },
  T0311: {
    message: "`{value}` i kolonnen `{column}` er ikke en gyldig måned.",
    hint: "Skriv måneden som ÅÅÅÅ-MM med måned 01–12, fx 2023-04.",
    doc: "en måned, der ikke er gyldig",
  },
  T0312: {
    message: "`{value}` i kolonnen `{column}` er ikke et gyldigt årstal.",
    hint: "Skriv året med fire cifre, fx 2023.",
    doc: "et årstal, der ikke er gyldigt",
  },
  T0313: {
    message: "Gruppenavnet i kolonnen `{column}` er tomt.",
    hint: "Skriv gruppens navn, som det står i de andre linjer; uden navn kan rækken ikke skelnes fra de andre grupper.",
    doc: "et tomt gruppenavn",
  },
  T0314: {
    message: "`{value}` i kolonnen `{column}` er ikke et tal.",
    hint: "Et antal skrives som et helt tal uden tusindtalsseparator, fx 1250; lad cellen være tom, hvis tallet ikke er målt.",
    doc: "et antal, der ikke er et tal",
  },
  T0315: {
    message: "Antallet i kolonnen `{column}` er negativt ({value}).",
    hint: "Et antal kan ikke være negativt; ret tallet, eller lad cellen være tom, hvis det ikke er målt.",
    doc: "et negativt antal",
  },
  T0316: {
    message: "Antallet i kolonnen `{column}` er ikke et helt tal ({value}).",
    hint: "Et antal personer skal være et helt tal; brug hverken decimaler eller punktum som tusindtalsseparator.",
    doc: "et antal, der ikke er et helt tal",
  },
  T0317: {
    message: "`{column}` ({value}) er større end `{parent}` ({parentValue}) i samme linje.",
    hint: "`{column}` tæller en del af `{parent}` og kan højst være lige så stor; ret et af de to tal.",
    doc: "et antal, der er større end det antal, det er en del af (`antal af …`)",
  },
  T0318: {
    message: "`{value}` i kolonnen `{column}` er ikke et tal.",
    hint: "Skriv et decimaltal med komma eller punktum, fx 7,7, uden %-tegn og tusindtalsseparator; lad cellen være tom, hvis tallet ikke er målt.",
    doc: "en andel eller en procent, der ikke er et tal",
  },
  T0319: {
    message: "Andelen i kolonnen `{column}` er {value}, men en andel skal ligge mellem 0 og 1.",
    hint: "Skriv andelen som et decimaltal mellem 0 og 1, fx 0,25; står tallet i procent, så del det med 100.",
    doc: "en andel uden for 0–1",
  },
  T0320: {
    message: "Procenten i kolonnen `{column}` er {value}, men den skal ligge mellem 0 og 100.",
    hint: "Skriv procenten som et tal mellem 0 og 100 uden %-tegn, fx 7,7.",
    doc: "en procent uden for 0–100",
  },
  T0321: {
    message: "Rækken med {key} står også i linje {first}.",
    hint: "Der må kun være én række pr. {per}; slet den ene, eller ret {keys}.",
    doc: "to rækker med samme nøgle (kommune, periode og gruppe)",
  },
  T0322: {
    message: "{errors} fejl mere i {lines} er ikke vist.",
    hint: "Ret fejlene ovenfor og indlæs filen igen; mange fejl skyldes ofte én forkert kolonne eller et forkert filformat.",
    doc: "hvor mange fejl mere, der ikke er vist, når en fil har over 25 fejl",
  },
  T0323: {
    message: "`{value}` i kolonnen `{column}` er ikke en kommunekode med tre cifre.",
    hint: "Kommunekoder skrives med tre cifre fra 101 til 860, fx 101 for København.",
    doc: "en kommunekode i kommunelisten, der ikke har tre cifre",
  },
  T0324: {
    message: "Kommunekoden {value} i kolonnen `{column}` står også i linje {first}.",
    hint: "Hver kommune må kun stå én gang i kommunelisten; slet den ene linje.",
    doc: "en kommunekode, der står to gange i kommunelisten",
  },
  T0325: {
    message: "Kolonnen `{column}` er tom.",
    hint: "Alle kolonner i kommunelisten skal udfyldes ({expected}).",
    doc: "en tom celle i kommunelisten",
  },
  T0326: {
    message: "Filen kunne ikke indlæses på grund af en intern fejl i tilsyn ({reason}).",
    hint: "Det er en fejl i programmet, ikke i filen; meld den gerne sammen med filen.",
    doc: "en intern fejl under indlæsningen (en fejl i tilsyn, ikke i filen)",
  },
  T0327: {
    message: "Antallet i kolonnen `{column}` er for stort til at regne eksakt med ({value}).",
    hint: "Et antal må højst være 9007199254740991 (2^53 − 1); tjek, om kolonnen indeholder et andet tal end et antal personer.",
    doc: "et antal over 2^53 − 1, som ikke kan læses uden afrunding",
  },
  T0328: {
    message: "`{value}` i kolonnen `{column}` ligner et antal med tusindtalsseparator.",
    hint: "Skriv antallet uden punktum eller komma, fx {plain}; i Excel: Formatér celler → Tal, og fjern fluebenet ved »Brug tusindtalsseparator (.)«.",
    doc: "et antal skrevet med tusindtalsseparator (`1.234`), som kan læses på to måder",
  },
  T0329: {
    severity: "advarsel",
    message: "Filen har kun overskriftslinjen; der er ingen rækker med data `{data}`.",
    hint: "Tjek, at det er den rigtige fil, og at eksporten kom med; uden rækker er intet målt.",
    doc: "en datafil med overskrift, men uden rækker (en advarsel)",
  },
  T0330: {
    message: "Filen kan ikke læses som tekst her: byten {byte} er hverken gyldig UTF-8 eller et læsbart tegn i Windows-1252.",
    hint: "Gem filen som UTF-8 (i Excel: Gem som → »CSV UTF-8 (kommasepareret)«) og indlæs den igen; en fil i UTF-16 eller et regneark kan ikke læses som CSV.",
    doc: "en byte, der hverken er UTF-8 eller et læsbart tegn i Windows-1252 (fx en fil i UTF-16)",
  },
  T0331: {
    message: "Filen blander tegnsæt: byten {byte} er ikke gyldig UTF-8, men tidligere i filen står tegn i UTF-8.",
    hint: "Gem filen som UTF-8 (i Excel: Gem som → »CSV UTF-8 (kommasepareret)«) og indlæs den igen; er den sat sammen af flere filer, så gem hver af dem som UTF-8 først.",
    doc: "en fil, der er UTF-8 i begyndelsen og ikke senere (to tegnsæt i én fil)",
  },
  T0332: {
    severity: "note",
    message: "{columns} bruges ikke af data `{data}` og springes over.",
    hint: "Filen kan godt have flere kolonner, end politikken bruger (fx en fil direkte fra Jobindsats); skal en af dem bruges, så erklær et felt til den i `data {data}`, med `kolonne \"…\"`, når overskriften ikke er feltets navn.",
    doc: "kolonner i en datafil, som data ikke erklærer (en note, ikke en fejl: de springes over)",
  },
  T0333: {
    message: "Filen kan ikke læses som et Excel-regneark: {reason}.",
    hint: "Gem filen i Excel som «Excel-projektmappe (.xlsx)», eller gem arket som CSV (`.csv`).",
    doc: "en `.xlsx`-fil, der ikke kan læses (fx en gammel `.xls`-fil eller en beskadiget fil)",
  },
  T0334: {
    message: "`{value}` i kolonnen `{column}` er ikke en gyldig dato.",
    hint: "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2023-03-22.",
    doc: "en celle i en datokolonne (persondata `pr person, dato`), der ikke er en dato i kalenderen",
  },
  T0335: {
    message: "Personen `{person}` har måneden {month} to gange i data `{data}` (første gang i linje {first}).",
    hint: "Der skal være én række pr. person og måned; slå de to rækker sammen.",
    doc: "to rækker for samme person og måned i persondata `pr person, måned`",
  },
  T0336: {
    message: "`{value}` i kolonnen `{column}` har flere end 4 decimaler.",
    hint: "Et felt af typen `tal` regnes eksakt med højst 4 decimaler; afrund tallet.",
    doc: "et tal med flere end 4 decimaler i et felt af typen `tal`",
  },
  T0337: {
    message: "Kolonnen `{column}` er tom.",
    hint: "Persondata har ingen tomme celler: skriv værdien (fx 0).",
    doc: "en tom celle i persondata",
  },
} as const satisfies CatalogueRange<"T03">;
