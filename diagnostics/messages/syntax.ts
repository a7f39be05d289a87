// Syntax errors (T01xx), reported by grammar/ while parsing.
//
// Each code is declared once: its Danish message and hint (`{name}` is a parameter), its
// severity when not an error, and `doc`, the description in docs/sprog.md's table of codes.
// Codes are never reused: a retired code stays retired. Add new codes at the end.

import type { CatalogueRange } from "./entry.js";

export const syntax = {
  T0101: {
    message: "Uventet tegn `{char}`.",
    hint: "Fjern tegnet. Navne må kun indeholde bogstaver (også æ, ø, å og é), cifre og `_`; fri tekst skrives i anførselstegn.",
    doc: "et tegn, der ikke hører til sproget (fx `?` eller `€` uden for en tekst)",
  },
  T0102: {
    message: "Teksten er ikke afsluttet med `\"`.",
    hint: "Afslut teksten med `\"` på samme linje; skriv `\\\"` for et anførselstegn inde i teksten.",
    doc: "en tekst, der ikke er afsluttet med `\"` på samme linje",
  },
  T0103: {
    message: "Forventede {expected}, men fandt {found}.",
    hint: "Tjek stavningen og rækkefølgen af ordene her; se sprogreferencen, afsnittet «Syntaks».",
    doc: "noget andet end det forventede (Forventede `=`, men fandt `a`.)",
  },
  T0104: {
    message: "Forventede en ny erklæring ({declarations}), men fandt {found}.",
    hint: "Hver erklæring begynder med et nøgleord som `data`, `mål` eller `kriterie`; tjek om linjen hører til erklæringen ovenover, og om et nøgleord er stavet rigtigt.",
    doc: "noget, der ikke kan begynde en ny erklæring (ofte et stavefejlet nøgleord: \"mente du `når`?\")",
  },
  T0105: {
    message: "Datoen `{text}` findes ikke: {reason}.",
    hint: "Skriv datoen som ÅÅÅÅ-MM-DD med en måned fra 01 til 12 og en dag, der findes i måneden, fx 2024-02-29.",
    doc: "en dato, der ikke findes (`2024-02-30`, `31. april`)",
  },
  T0106: {
    message: "Måneden `{text}` findes ikke: måneden skal være fra 01 til 12.",
    hint: "Skriv måneden som ÅÅÅÅ-MM, fx 2022-03.",
    doc: "en måned, der ikke findes (`2022-13`)",
  },
  T0107: {
    message: "Her skal stå et helt tal, men fandt `{text}`.",
    hint: "Skriv tallet uden decimaler, fx `3` i stedet for `3,5`.",
    doc: "et tal med decimaler, hvor der skal stå et helt tal",
  },
  T0108: {
    message: "Ukendt escape-sekvens `{text}` i en tekst.",
    hint: "Efter `\\` i en tekst kan kun stå `\"` (et anførselstegn) eller `\\` (en omvendt skråstreg).",
    doc: "en ukendt escape-sekvens i en tekst (kun `\\\"` og `\\\\` findes)",
  },
  T0109: {
    message: "`{clause}` er angivet mere end én gang i {where}.",
    hint: "Slet den ekstra `{clause}`; kun den første bruges.",
    doc: "et punkt, der kun må stå én gang, står flere gange (fx to `når` i et kriterie)",
  },
  T0110: {
    message: "Overgangen `{name}` mangler `når` eller `ellers`.",
    hint: "Tilføj `når BETINGELSE`, eller `ellers`, hvis overgangen skal ske, når ingen tidligere overgang fra samme tilstand sker.",
    doc: "en overgang uden `når` og uden `ellers`",
  },
  T0111: {
    message: "Overgangen `{name}` har både `når` og `ellers`.",
    hint: "Brug enten `når BETINGELSE` eller `ellers`, ikke begge.",
    doc: "en overgang med både `når` og `ellers`",
  },
  T0112: {
    message: "Intern fejl i parseren: {detail}.",
    hint: "Det er en fejl i tilsyn, ikke i filen; meld den til udviklerne sammen med filen.",
    doc: "en intern fejl i parseren (en fejl i tilsyn, ikke i filen)",
  },
  T0113: {
    message: "Udtrykket er indlejret for dybt (mere end {limit} niveauer af parenteser, `ikke` eller `-`).",
    hint: "Del udtrykket op i flere `mål`, som henviser til hinanden.",
    doc: "et udtryk, der er indlejret mere end 100 niveauer (parenteser, `ikke` eller `-`)",
  },
  T0115: {
    message: "`{text}` er ikke en periode.",
    hint: "Skriv en måned (`2021-03`), et halvår (`2023-H2`) eller et år (`2023`).",
    doc: "en periode i en forventning, der ikke findes (`2023-H3`)",
  },
  T0116: {
    message: "`{text}` er ikke en kommunekode.",
    hint: "Skriv kommunens kode med tre cifre, fx `101` for København.",
    doc: "en kommunekode i en forventning, der ikke har tre cifre",
  },
  T0120: {
    message: "Linjen fortsætter med {found}, som ikke hører til her.",
    hint: "Det, der står før, er allerede en hel linje. Ret eller slet resten af linjen; en ny erklæring begynder på en ny linje med et nøgleord som `mål` eller `kriterie`.",
    doc: "et ord midt på en linje, efter at linjen er færdig (`når a over 2 b`)",
  },
  T0121: {
    message: "Procent skrives med tegnet `%`: `{number} %`, ikke `{number} {found}`.",
    hint: "Skriv `{number} %`.",
    doc: "`25 procent` eller `25 pct` i stedet for `25 %`",
  },
  T0122: {
    message: "`{found}` er ikke et ord i tilsyn; på dansk hedder det `{meant}`.",
    hint: "Skriv `{meant}`.",
    doc: "`and`, `or` eller `not` i stedet for `og`, `eller` og `ikke`",
  },
  T0123: {
    message: "`i {months} måneder i træk` skrives `i {months} sammenhængende måneder`.",
    hint: "Skriv `i {months} sammenhængende måneder`.",
    doc: "`i 3 måneder i træk` i stedet for `i 3 sammenhængende måneder`",
  },
} as const satisfies CatalogueRange<"T01">;
