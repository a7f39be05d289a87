// Static-analysis warnings (T05xx): valid policies that probably do not say what was meant.
// Each may be silenced per declaration with `tillad CODE "begrundelse"`.
//
// Each code is declared once: its Danish message and hint (`{name}` is a parameter), its
// severity when not an error, and `doc`, the description in docs/sprog.md's table of codes.
// Codes are never reused: a retired code stays retired. Add new codes at the end.

import type { CatalogueRange } from "./entry.js";

export const analysis = {
  T0501: {
    severity: "advarsel",
    message: "Tilstanden `{name}` kan aldrig nås: ingen overgang fører til den.",
    hint: "Tilføj en overgang til den, eller fjern den.",
    doc: "en tilstand, ingen overgang fører til",
  },
  T0502: {
    severity: "advarsel",
    message: "Overgangen `{name}` kan aldrig ske: `{other}` fra samme tilstand står før den med `ellers`.",
    hint: "Flyt `ellers`-overgangen sidst.",
    doc: "en overgang efter en `ellers`-overgang fra samme tilstand",
  },
  T0503: {
    severity: "advarsel",
    message: "Grænserne for `{key}` efterlader et hul: {values} er hverken omfattet af {lower} eller af {upper}.",
    hint: "Ret en af grænserne, så de mødes (fx `mindst` i stedet for `over`), eller skriv `tillad T0503 \"begrundelse\"` i en af erklæringerne, hvis hullet står i reglerne.",
    doc: "grænser, der efterlader et hul: en værdi, ingen af reglerne omfatter",
  },
  T0504: {
    severity: "advarsel",
    message: "Grænserne for `{key}` overlapper: {values} er omfattet af både {lower} og {upper}.",
    hint: "Ret en af grænserne (fx `over` i stedet for `mindst`), eller skriv `tillad T0504 \"begrundelse\"` i en af erklæringerne, hvis overlappet er meningen.",
    doc: "grænser, der overlapper: værdier, to regler begge omfatter",
  },
  T0505: {
    severity: "advarsel",
    message: "{what} bruges ikke.",
    hint: "{hint}",
    doc: "et mål, et felt eller data, som ingen regel bruger",
  },
  T0506: {
    severity: "advarsel",
    message: "{what} kan aldrig ske: {why}.",
    hint: "Ret betingelsen eller rækkefølgen, eller slet den.",
    doc: "en overgang (eller et kriterie), der aldrig kan ske: fra en tilstand, der ikke kan nås, efter en overgang med samme betingelse, eller med en betingelse, der modsiger sig selv (`a over 5 og a under 3`)",
  },
  T0507: {
    severity: "advarsel",
    message: "Politikken `{name}` gælder ikke fra {from} til {to}: {a} slutter før, {b} begynder.",
    hint: "Lad den ene version begynde dagen efter, at den anden slutter, eller skriv `tillad T0507 \"begrundelse\"` under `politik`, hvis der bevidst ikke er regler i perioden.",
    doc: "et hul mellem gyldighedsperioderne for to versioner af samme politik (samme navn efter `politik`, blandt de filer, der tjekkes sammen); overlappende perioder er en fejl (T0406)",
  },
  T0508: {
    severity: "advarsel",
    message: "{what} giver altid samme resultat som {other}: betingelserne er de samme.",
    hint: "Slet den ene, eller ret betingelsen, hvis de skulle være forskellige.",
    doc: "en regel, der altid giver samme resultat som en anden (samme betingelse, når målene er skrevet ud)",
  },
  T0509: {
    severity: "advarsel",
    message: "`tillad {code}` slår ingen advarsel fra her.",
    hint: "Slet linjen; advarslen optræder ikke (længere) i denne erklæring.",
    doc: "en `tillad`, der ikke slår nogen advarsel fra",
  },
} as const satisfies CatalogueRange<"T05">;
