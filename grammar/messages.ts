// Catalogue entries for syntax diagnostics (T01xx). Importing this module registers them.
// Codes are never reused: a retired code stays retired.

import { defineMessages } from "../compiler/diagnostics.js";

export const SYNTAX = {
  unexpectedCharacter: "T0101",
  unterminatedString: "T0102",
  expected: "T0103",
  expectedDeclaration: "T0104",
  badDate: "T0105",
  badMonth: "T0106",
  notAnInteger: "T0107",
  badEscape: "T0108",
  duplicateClause: "T0109",
  transitionWithoutCondition: "T0110",
  transitionWithBoth: "T0111",
  internalError: "T0112",
  tooDeep: "T0113",
  badCell: "T0114",
  badPeriod: "T0115",
  badKommune: "T0116",
} as const;

defineMessages({
  T0101: {
    message: "Uventet tegn `{char}`.",
    hint: "Fjern tegnet. Navne må kun indeholde bogstaver (også æ, ø, å og é), cifre og `_`; fri tekst skrives i anførselstegn.",
  },
  T0102: {
    message: "Teksten er ikke afsluttet med `\"`.",
    hint: "Afslut teksten med `\"` på samme linje; skriv `\\\"` for et anførselstegn inde i teksten.",
  },
  T0103: {
    message: "Forventede {expected}, men fandt {found}.",
    hint: "Tjek stavningen og rækkefølgen af ordene her; se sprogreferencen, afsnittet «Syntaks».",
  },
  T0104: {
    message: "Forventede en ny erklæring ({declarations}), men fandt {found}.",
    hint: "Hver erklæring begynder med et nøgleord som `data`, `mål` eller `kriterie`; tjek om linjen hører til erklæringen ovenover, og om et nøgleord er stavet rigtigt.",
  },
  T0105: {
    message: "Datoen `{text}` findes ikke: {reason}.",
    hint: "Skriv datoen som ÅÅÅÅ-MM-DD med en måned fra 01 til 12 og en dag, der findes i måneden, fx 2024-02-29.",
  },
  T0106: {
    message: "Måneden `{text}` findes ikke: måneden skal være fra 01 til 12.",
    hint: "Skriv måneden som ÅÅÅÅ-MM, fx 2022-03.",
  },
  T0107: {
    message: "Her skal stå et helt tal, men fandt `{text}`.",
    hint: "Skriv tallet uden decimaler, fx `3` i stedet for `3,5`.",
  },
  T0108: {
    message: "Ukendt escape-sekvens `{text}` i en tekst.",
    hint: "Efter `\\` i en tekst kan kun stå `\"` (et anførselstegn) eller `\\` (en omvendt skråstreg).",
  },
  T0109: {
    message: "`{clause}` er angivet mere end én gang i {where}.",
    hint: "Slet den ekstra `{clause}`; kun den første bruges.",
  },
  T0110: {
    message: "Overgangen `{name}` mangler `når` eller `ellers`.",
    hint: "Tilføj `når BETINGELSE`, eller `ellers`, hvis overgangen skal ske, når ingen tidligere overgang fra samme tilstand sker.",
  },
  T0111: {
    message: "Overgangen `{name}` har både `når` og `ellers`.",
    hint: "Brug enten `når BETINGELSE` eller `ellers`, ikke begge.",
  },
  T0112: {
    message: "Intern fejl i parseren: {detail}.",
    hint: "Det er en fejl i tilsyn, ikke i filen; meld den til udviklerne sammen med filen.",
  },
  T0113: {
    message: "Udtrykket er indlejret for dybt (mere end {limit} niveauer af parenteser, `ikke` eller `-`).",
    hint: "Del udtrykket op i flere `mål`, som henviser til hinanden.",
  },
  T0114: {
    message: "Cellen `{text}` i tabellen kan ikke læses.",
    hint: "En celle er et tal (`8,1`), en måned (`2023-01`), et år (`2023`), et navn, en tekst i anførselstegn eller en periode som `2023-01..2023-12`; lad cellen være tom, hvis tallet ikke er målt. Adskil cellerne med `|`.",
  },
  T0115: {
    message: "`{text}` er ikke en periode.",
    hint: "Skriv en måned (`2021-03`), et halvår (`2023-H2`) eller et år (`2023`).",
  },
  T0116: {
    message: "`{text}` er ikke en kommunekode.",
    hint: "Skriv kommunens kode med tre cifre, fx `101` for København.",
  },
});
