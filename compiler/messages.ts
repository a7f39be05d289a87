// Catalogue of the checker's diagnostics (T02xx) and structural warnings (T05xx).
// Messages are Danish, say what is wrong in plain words, and the hint says what to do.

import { defineMessages } from "./diagnostics.js";

defineMessages({
  T0201: { message: "Navnet `{name}` findes ikke{where}.", hint: "{hint}" },
  T0202: { message: "`{name}` er allerede erklæret som {what}.", hint: "Giv den ene et andet navn." },
  T0203: {
    message: "Her sammenlignes {left} med {right}: `{text}`.",
    hint: "En andel kan ikke sammenlignes med et antal. Sammenlign en andel med en procentsats (fx `20 %`) og et antal med et helt tal (fx `10`).",
  },
  T0204: { message: "Regnestykket `{op}` passer ikke til {left} og {right}.", hint: "{hint}" },
  T0205: {
    message: "Her skal stå en betingelse (noget der er sandt eller falsk), men `{text}` er {type}.",
    hint: "Sammenlign med en grænse, fx `{text} over 20 %`.",
  },
  T0206: {
    message: "Her skal stå et tal, men `{text}` er en betingelse.",
    hint: "Brug betingelsen i en `når`- eller `forudsat`-linje, eller brug et mål med et tal.",
  },
  T0207: {
    message: "Feltet `{name}` dækker her flere rækker ({why}), så dets værdi er ikke entydig.",
    hint: "Skriv `sum({name})` for at lægge rækkerne sammen eller `middel(…)` for et gennemsnit af månederne.",
  },
  T0208: {
    message: "Målet `{name}` kan ikke bruges her: {why}.",
    hint: "Skriv et særskilt mål til denne sammenhæng.",
  },
  T0209: {
    message: "Vinduet `over {window}` passer ikke til opgørelsen, som er {cadence}.",
    hint: "Brug `over {expected}`, eller skriv `over de seneste N måneder`.",
  },
  T0210: {
    message: "Kriteriet `{name}` mangler en `når`-linje, der siger, hvornår det er opfyldt.",
    hint: "Tilføj fx `når andel over 20 %` under kriteriet.",
  },
  T0211: { message: "`i {months} sammenhængende måneder` {why}.", hint: "{hint}" },
  T0212: {
    message: "`{fn}(…)` kan kun lægge felter med antal sammen række for række; `{text}` er ikke et sådant udtryk.",
    hint: "Skriv fx `sum(uden_samtaler) / sum(borgere)` i stedet for at summere en andel.",
  },
  T0213: { message: "Tekstfeltet `{name}` kan ikke indgå i en beregning.", hint: "Brug kun felter af typen antal, andel eller procent." },
  T0214: {
    message: "En andel sammenlignes her med tallet `{text}` uden procenttegn.",
    hint: "Skriv `{text} %`, hvis du mener procent.",
  },
  T0215: {
    message: "Filen mangler en `politik`-linje, der navngiver reglerne.",
    hint: "Begynd filen med fx `politik tidlig_indsats \"Opfølgning på kommunernes tidlige indsats\"`.",
  },
  T0216: { message: "{what}", hint: "{hint}" },
  T0217: { message: "{what}", hint: "{hint}" },
  T0218: { message: "Tilstanden `{name}` er ikke erklæret.", hint: "{hint}" },
  T0219: { message: "Fristen `{name}` kan ikke regnes ud fra `{anchor}`, som hverken er `offentliggørelse` eller en frist.", hint: "{hint}" },
  T0220: { message: "`{name}: antal af {of}` henviser til {why}.", hint: "Skriv navnet på et felt med antal i samme data, fx `af borgere`." },
  T0221: { message: "Perioden begynder efter, at den slutter: {from} ligger efter {to}.", hint: "Byt om på datoerne." },
  T0222: {
    message: "Det er ikke angivet, hvornår data `{name}` offentliggøres, så handlingsdatoen kan ikke beregnes.",
    hint: "Tilføj fx `offentliggøres 2 måneder efter måneden` under data, eller `offentliggøres 1. april året efter` under opgørelsen.",
  },
  T0223: {
    message: "Feltet `{name}` er årligt (`pr kommune, år`), men opgørelsen er {cadence}.",
    hint: "Årlige data kan kun bruges i en årlig opgørelse eller en årlig gennemgang.",
  },
  T0224: { message: "{what}", hint: "{hint}" },
  T0225: {
    message: "Den huskede værdi `{name}` kan kun bruges i forløbets overgange.",
    hint: "Brug den i en `når`-betingelse under en `overgang`.",
  },
  T0226: { message: "Målet `{name}` afhænger af sig selv ({cycle}).", hint: "Bryd kæden: et mål må kun bygge på tidligere mål og felter." },
  T0227: {
    message: "Overgangen `{name}` mangler en betingelse.",
    hint: "Tilføj `når …` eller `ellers` (når ingen af de foregående overgange fra samme tilstand gælder).",
  },
  T0228: { message: "Der må kun være én `{what}` i en politik.", hint: "Saml linjerne i den første." },
  T0229: {
    message: "Kriteriet `{name}` kan ikke bruges som værdi i et udtryk.",
    hint: "Skriv betingelsen som et `mål`, og brug målet både i kriteriet og her.",
  },
  T0230: { message: "Overgangen `{name}` har både `når` og `ellers`.", hint: "Vælg den ene." },
  T0231: { message: "Kriteriet `{name}` kan ikke både vurderes senere og kræve sammenhængende måneder.", hint: "Del det op i to kriterier." },
  T0232: {
    message: "`tillad {code}` mangler en begrundelse.",
    hint: 'Skriv hvorfor advarslen ikke gælder her, fx `tillad {code} "grøn og lysegrøn vises kun på Jobindsats"`.',
  },
  T0233: {
    message: "`{code}` er ikke en advarsel, der kan slås fra.",
    hint: "Kun advarslerne T0501–T0509 kan slås fra med `tillad`; fejl skal rettes.",
  },
  T0234: { message: "Eksemplet giver data `{name}`, men politikken læser ingen data med det navn.", hint: "{hint}" },
  T0235: { message: "Eksemplet giver data `{name}` to gange.", hint: "Saml rækkerne i én tabel." },
  T0236: { message: "Perioden `{text}` kan ikke bruges: {why}.", hint: "Skriv fx `2023-01..2023-12` i kolonnen `maaned` for alle tolv måneder af 2023." },
  T0237: { message: "{what} `{name}` findes ikke i politikken.", hint: "{hint}" },
  T0238: {
    message: "Filen med eksempler siger ikke, hvilken politik de handler om.",
    hint: 'Begynd filen med `eksempler til "politik.tilsyn"`, eller giv den samme navn som politikken med `.test` foran `.tilsyn` (fx `jobsoegning.test.tilsyn`).',
  },
  T0239: { message: "Politikfilen `{name}` findes ikke ({path}).", hint: "Stien regnes fra mappen, filen med eksemplerne ligger i." },
  T0240: { message: "Politikken `{name}` har fejl, så eksemplerne til den kan ikke køres.", hint: "Ret fejlene i {path} først (`tilsyn check {path}`)." },
  T0241: { message: "`{code}` er ikke en af de 98 kommunekoder.", hint: "Brug kommunens officielle kode med tre cifre, fx 101 for København; listen står i data/kommuner.csv." },
  T0242: { message: "Perioden `{label}` passer ikke til opgørelsen, som er {cadence}.", hint: "Skriv perioden som hændelserne angiver den, fx `{example}`." },
  T0243: { message: "Filen har både en `politik` og `eksempler til`.", hint: "Skriv eksemplerne i politikfilen, eller flyt dem til en fil med `eksempler til`." },
  T0244: { message: "{what}", hint: "Ret forventningen, så den passer til politikken." },
  T0245: {
    message: "Eksemplet «{title}» forventer ingenting.",
    hint: "Tilføj mindst én linje `forventer …`, fx `forventer ingen henvendelse` eller `forventer henvendelse til 101 for 2021-03`.",
  },

  T0501: {
    severity: "advarsel",
    message: "Tilstanden `{name}` kan aldrig nås: ingen overgang fører til den.",
    hint: "Tilføj en overgang til den, eller fjern den.",
  },
  T0502: {
    severity: "advarsel",
    message: "Overgangen `{name}` kan aldrig ske: `{other}` fra samme tilstand står før den med `ellers`.",
    hint: "Flyt `ellers`-overgangen sidst.",
  },
  T0503: {
    severity: "advarsel",
    message: "Grænserne for `{key}` efterlader et hul: {values} er hverken omfattet af {lower} eller af {upper}.",
    hint: "Ret en af grænserne, så de mødes (fx `mindst` i stedet for `over`), eller skriv `tillad T0503 \"begrundelse\"` i en af erklæringerne, hvis hullet står i reglerne.",
  },
  T0504: {
    severity: "advarsel",
    message: "Grænserne for `{key}` overlapper: {values} er omfattet af både {lower} og {upper}.",
    hint: "Ret en af grænserne (fx `over` i stedet for `mindst`), eller skriv `tillad T0504 \"begrundelse\"` i en af erklæringerne, hvis overlappet er meningen.",
  },
  T0505: {
    severity: "advarsel",
    message: "{what} bruges ikke.",
    hint: "{hint}",
  },
  T0506: {
    severity: "advarsel",
    message: "{what} kan aldrig ske: {why}.",
    hint: "Ret betingelsen eller rækkefølgen, eller slet den.",
  },
  T0507: {
    severity: "advarsel",
    message: "Politikken `{name}` gælder ikke fra {from} til {to}: {a} slutter før, {b} begynder.",
    hint: "Lad den ene version begynde dagen efter, at den anden slutter, eller skriv `tillad T0507 \"begrundelse\"` under `politik`, hvis der bevidst ikke er regler i perioden.",
  },
  T0508: {
    severity: "advarsel",
    message: "{what} giver altid samme resultat som {other}: betingelserne er de samme.",
    hint: "Slet den ene, eller ret betingelsen, hvis de skulle være forskellige.",
  },
  T0509: {
    severity: "advarsel",
    message: "`tillad {code}` slår ingen advarsel fra her.",
    hint: "Slet linjen; advarslen optræder ikke (længere) i denne erklæring.",
  },
});
