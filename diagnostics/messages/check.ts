// Names, types and structure (T02xx), reported by the checker (compiler/check.ts, compiler/examples.ts).
//
// Each code is declared once: its Danish message and hint (`{name}` is a parameter), its
// severity when not an error, and `doc`, the description in docs/sprog.md's table of codes.
// Codes are never reused: a retired code stays retired. Add new codes at the end.

import type { CatalogueRange } from "./entry.js";

export const check = {
  T0201: {
    message: "Navnet `{name}` findes ikke{where}.",
    hint: "{hint}",
    doc: "et navn, der ikke er erklæret (et felt, et mål eller en husket værdi); ligner det et kendt navn, foreslås det: \"mente du `uden_samtaler`?\"",
  },
  T0202: {
    message: "`{name}` er allerede erklæret som {what}.",
    hint: "Giv den ene et andet navn.",
    doc: "et navn, der er erklæret to gange",
  },
  T0203: {
    message: "Her sammenlignes {left} med {right}: `{text}`.",
    hint: "En andel kan ikke sammenlignes med et antal. Sammenlign en andel med en procentsats (fx `20 %`) og et antal med et helt tal (fx `10`).",
    doc: "en sammenligning af størrelser, der ikke passer sammen (`andel over borgere`)",
  },
  T0204: {
    message: "Regnestykket `{op}` passer ikke til {left} og {right}.",
    hint: "{hint}",
    doc: "et regnestykke, der ikke passer til enhederne (`antal + andel`)",
  },
  T0205: {
    message: "Her skal stå en betingelse (noget der er sandt eller falsk), men `{text}` er {type}.",
    hint: "Sammenlign med en grænse, fx `{text} over 20 %`.",
    doc: "et tal eller et antal, hvor der skal stå en betingelse",
  },
  T0206: {
    message: "Her skal stå et tal, men `{text}` er en betingelse.",
    hint: "Brug betingelsen i en `når`- eller `forudsat`-linje, eller brug et mål med et tal.",
    doc: "en betingelse, hvor der skal stå et tal",
  },
  T0207: {
    message: "Feltet `{name}` dækker her flere rækker ({why}), så dets værdi er ikke entydig.",
    hint: "Skriv `sum({name})` for at lægge rækkerne sammen eller `middel(…)` for et gennemsnit af månederne.",
    doc: "et felt, der dækker flere rækker (et halvår, et år eller alle grupper under ét), uden `sum(…)` eller `middel(…)`",
  },
  T0208: {
    message: "Målet `{name}` kan ikke bruges her: {why}.",
    hint: "Skriv et særskilt mål til denne sammenhæng.",
    doc: "et mål, der ikke kan bruges i den sammenhæng, det står i",
  },
  T0209: {
    message: "Vinduet `over {window}` passer ikke til opgørelsen, som er {cadence}.",
    hint: "Brug `over {expected}`, eller skriv `over de seneste N måneder`.",
    doc: "et vindue (`over halvåret`), der ikke passer til opgørelsen",
  },
  T0210: {
    message: "Kriteriet `{name}` mangler en `når`-linje, der siger, hvornår det er opfyldt.",
    hint: "Tilføj fx `når andel over 20 %` under kriteriet.",
    doc: "et kriterie uden `når`-linje",
  },
  T0211: {
    message: "`i {months} sammenhængende måneder` {why}.",
    hint: "{hint}",
    doc: "`i N sammenhængende måneder` et sted, hvor det ikke kan stå, eller med færre end én måned",
  },
  T0212: {
    message: "`{fn}(…)` kan kun lægge felter med antal sammen række for række; `{text}` er ikke et sådant udtryk.",
    hint: "Skriv fx `sum(uden_samtaler) / sum(borgere)` i stedet for at summere en andel.",
    doc: "`sum(…)` eller `middel(…)` om noget, der ikke kan lægges sammen række for række (fx en andel)",
  },
  T0213: {
    message: "Tekstfeltet `{name}` kan ikke indgå i en beregning.",
    hint: "Brug kun felter af typen antal, andel eller procent.",
    doc: "et tekstfelt i en beregning",
  },
  T0214: {
    message: "En andel sammenlignes her med tallet `{text}` uden procenttegn.",
    hint: "Skriv `{text} %`, hvis du mener procent.",
    doc: "en andel sammenlignet med et tal uden procenttegn (`andel over 20`; forslaget er `20 %`)",
  },
  T0215: {
    message: "Filen mangler en `politik`-linje, der navngiver reglerne.",
    hint: "Begynd filen med fx `politik tidlig_indsats \"Opfølgning på kommunernes tidlige indsats\"`.",
    doc: "en fil uden `politik`-linje",
  },
  T0216: {
    message: "Politikken mangler en `opgørelse`, der siger, hvor tit kommunerne vurderes.",
    hint: "Tilføj fx `opgørelse månedlig` og `følges op 1 måned efter offentliggørelse`.",
    doc: "en politik med kriterier, gennemgange eller forløb, men uden `opgørelse`",
  },
  T0217: {
    message: "Ingen data er opdelt på `{written}`.",
    hint: "Data er opdelt på `{group}`; skriv `pr {group}` eller `for alle {group}r under ét`.",
    doc: "en opdeling på en gruppe, som data ikke har (data har en anden gruppe)",
  },
  T0218: {
    message: "Tilstanden `{name}` er ikke erklæret.",
    hint: "{hint}",
    doc: "en tilstand, der ikke er erklæret",
  },
  T0219: {
    message: "Fristen `{name}` kan ikke regnes ud fra `{anchor}`, som hverken er `offentliggørelse` eller en frist.",
    hint: "{hint}",
    doc: "en frist, der regnes fra noget, der hverken er `offentliggørelse` eller en anden frist",
  },
  T0220: {
    message: "`{name}: antal af {of}` henviser til {why}.",
    hint: "Skriv navnet på et felt med antal i samme data, fx `af borgere`.",
    doc: "`antal af …`, der ikke henviser til et andet antal i samme data",
  },
  T0221: {
    message: "Perioden begynder efter, at den slutter: {from} ligger efter {to}.",
    hint: "Byt om på datoerne.",
    doc: "en periode, der begynder efter, at den slutter",
  },
  T0222: {
    message: "Det er ikke angivet, hvornår data `{name}` offentliggøres, så handlingsdatoen kan ikke beregnes.",
    hint: "Tilføj fx `offentliggøres 2 måneder efter måneden` under data, eller `offentliggøres 1. april året efter` under opgørelsen.",
    doc: "data uden `offentliggøres …`, når opgørelsen heller ikke siger, hvornår tallene offentliggøres",
  },
  T0223: {
    message: "Feltet `{name}` er årligt (`pr kommune, år`), men opgørelsen er {cadence}.",
    hint: "Årlige data kan kun bruges i en årlig opgørelse eller en årlig gennemgang.",
    doc: "et årligt felt i en opgørelse, der ikke er årlig",
  },
  T0224: {
    message: "Politikken har kriterier, men ingen `reaktion`, så det er uklart, hvad STAR gør, når de er opfyldt.",
    hint: 'Tilføj fx `reaktion` med linjen `henvendelse "AMK kontakter kommunen"`.',
    doc: "en politik med kriterier, men uden `reaktion`",
  },
  T0225: {
    message: "Den huskede værdi `{name}` kan kun bruges i forløbets overgange.",
    hint: "Brug den i en `når`-betingelse under en `overgang`.",
    doc: "en husket værdi (`husk`) uden for forløbets overgange",
  },
  T0226: {
    message: "Målet `{name}` afhænger af sig selv ({cycle}).",
    hint: "Bryd kæden: et mål må kun bygge på tidligere mål og felter.",
    doc: "et mål, der afhænger af sig selv",
  },
  T0227: {
    message: "Overgangen `{name}` mangler en betingelse.",
    hint: "Tilføj `når …` eller `ellers` (når ingen af de foregående overgange fra samme tilstand gælder).",
    doc: "en overgang uden betingelse (hverken `når` eller `ellers`)",
  },
  T0228: {
    message: "Der må kun være én `{what}` i en politik.",
    hint: "Saml linjerne i den første.",
    doc: "mere end én `opgørelse`, `reaktion` eller `forløb` i en politik",
  },
  T0229: {
    message: "Kriteriet `{name}` kan ikke bruges som værdi i et udtryk.",
    hint: "Skriv betingelsen som et `mål`, og brug målet både i kriteriet og her.",
    doc: "et kriterie brugt som værdi i et udtryk",
  },
  T0230: {
    message: "Overgangen `{name}` har både `når` og `ellers`.",
    hint: "Vælg den ene.",
    doc: "en overgang med både `når` og `ellers`",
  },
  T0231: {
    message: "Kriteriet `{name}` kan ikke både vurderes senere og kræve sammenhængende måneder.",
    hint: "Del det op i to kriterier.",
    doc: "et kriterie, der både vurderes senere og kræver sammenhængende måneder",
  },
  T0232: {
    message: "`tillad {code}` mangler en begrundelse.",
    hint: 'Skriv hvorfor advarslen ikke gælder her, fx `tillad {code} "grøn og lysegrøn vises kun på Jobindsats"`.',
    doc: "`tillad` uden begrundelse",
  },
  T0233: {
    message: "`{code}` er ikke en advarsel, der kan slås fra.",
    hint: "Kun advarslerne T0501–T0509 kan slås fra med `tillad`; fejl skal rettes.",
    doc: "`tillad` med en kode, der ikke er en advarsel, som kan slås fra",
  },
  T0234: {
    message: "Eksemplet giver data `{name}`, men politikken læser ingen data med det navn.",
    hint: "{hint}",
    doc: "et eksempel med data, som politikken ikke læser",
  },
  T0235: {
    message: "Eksemplet giver data `{name}` to gange.",
    hint: "Saml rækkerne i én tabel.",
    doc: "et eksempel, der giver de samme data to gange",
  },
  T0236: {
    message: "Perioden `{text}` kan ikke bruges: {why}.",
    hint: "Skriv fx `2023-01..2023-12` i kolonnen `maaned` for alle tolv måneder af 2023.",
    doc: "en periode (`2023-01..2023-12`) i et eksempels tabel, der ikke kan bruges",
  },
  T0237: {
    message: "{what} `{name}` findes ikke i politikken.",
    hint: "{hint}",
    doc: "et navn i en forventning (et kriterie, en gennemgang, en overgang, en tilstand, en frist eller et trin), der ikke findes i politikken",
  },
  T0238: {
    message: "Filen med eksempler siger ikke, hvilken politik de handler om.",
    hint: 'Begynd filen med `eksempler til "politik.tilsyn"`, eller giv den samme navn som politikken med `.test` foran `.tilsyn` (fx `jobsoegning.test.tilsyn`).',
    doc: "en fil med eksempler, der ikke siger, hvilken politik de handler om",
  },
  T0239: {
    message: "Politikfilen `{name}` findes ikke ({path}).",
    hint: "Stien regnes fra mappen, filen med eksemplerne ligger i.",
    doc: "eksempler til en politikfil, der ikke findes",
  },
  T0240: {
    message: "Politikken `{name}` har fejl, så eksemplerne til den kan ikke køres.",
    hint: "Ret fejlene i {path} først (`tilsyn check {path}`).",
    doc: "eksempler til en politik, der har fejl",
  },
  T0241: {
    message: "`{code}` er ikke en af de 98 kommunekoder.",
    hint: "Brug kommunens officielle kode med tre cifre, fx 101 for København; listen står i data/kommuner.csv.",
    doc: "en kommunekode i en forventning, der ikke er en af de 98 kommuner",
  },
  T0242: {
    message: "Perioden `{label}` passer ikke til opgørelsen, som er {cadence}.",
    hint: "Skriv perioden som hændelserne angiver den, fx `{example}`.",
    doc: "en periode i en forventning, der ikke passer til opgørelsen (fx en måned i en halvårlig opgørelse)",
  },
  T0243: {
    message: "Filen har både en `politik` og `eksempler til`.",
    hint: "Skriv eksemplerne i politikfilen, eller flyt dem til en fil med `eksempler til`.",
    doc: "en fil med både `politik` og `eksempler til`",
  },
  T0244: {
    message: "Politikken har intet `forløb`, så der er ingen {what} at forvente.",
    hint: "Ret forventningen, så den passer til politikken.",
    doc: "en forventning om en tilstand eller en frist i en politik uden `forløb`",
  },
  T0245: {
    message: "Eksemplet «{title}» forventer ingenting.",
    hint: "Tilføj mindst én linje `forventer …`, fx `forventer ingen henvendelse` eller `forventer henvendelse til 101 for 2021-03`.",
    doc: "et eksempel uden forventninger",
  },
  T0250: {
    message: "Opgørelsen er opdelt på `{written}`, men ingen data er opdelt på grupper.",
    hint: "Fjern opdelingen, eller tilføj gruppen til data: `pr kommune, måned, ydelsesgruppe`.",
    doc: "en opdeling på grupper i en politik, hvis data ikke har grupper",
  },
  T0251: {
    message: "Data `{data}` er opdelt på `{group}`, men opgørelsen siger ikke, om grupperne vurderes hver for sig eller under ét.",
    hint: "Skriv `pr {group}` eller `for alle {group}r under ét` efter `opgørelse {cadence}`.",
    doc: "data med grupper, hvor opgørelsen hverken siger `pr …` eller `for alle … under ét`",
  },
  T0252: {
    message: "`reaktion` mangler en `henvendelse`-linje, der siger, hvad STAR gør.",
    hint: 'Tilføj fx `henvendelse "AMK kontakter kommunen"`.',
    doc: "en `reaktion` uden `henvendelse`",
  },
  T0253: {
    message: "Politikken har ingen `gennemgang`, så der er ingen gennemgang at forvente.",
    hint: "Ret forventningen, så den passer til politikken.",
    doc: "en forventning om en gennemgang i en politik uden `gennemgang`",
  },
  T0254: {
    message: "Politikken har ingen kriterier, så der kommer aldrig {subject}.",
    hint: "Ret forventningen, så den passer til politikken, fx `forventer ingen {word}`.",
    doc: "en forventning om en henvendelse eller redegørelse i en politik uden kriterier",
  },
  T0255: {
    message: "`med` angiver trinnet på trappen og kan kun stå ved en henvendelse.",
    hint: "Fjern `med …` fra forventningen.",
    doc: "`med` (trinnet på trappen) ved en anden forventning end en henvendelse",
  },
  T0256: {
    message: "Politikken vurderer ikke grupperne hver for sig, så hændelserne har ingen gruppe.",
    hint: "Fjern gruppen fra forventningen.",
    doc: "en gruppe i en forventning, når politikken vurderer grupperne under ét",
  },
  T0257: {
    message: "Her sammenlignes et tal med en andel: `{text}`.",
    hint: "En andel ganget med 100 er et tal pr. 100, ikke en andel: sammenlign det med et tal uden `%` (fx `2`), eller fjern `* 100` og sammenlign andelen med en procentsats (fx `2 %`).",
    doc: "et tal (fx en andel ganget med 100) sammenlignet med en procentsats",
  },
  T0258: {
    message: "`{name}` er ikke en af nøglerne i data `{data}` ({keys}).",
    hint: "{hint}",
    doc: "et navn efter `kolonner`, der ikke er en af datas nøgler (`kommune`, `måned` eller `år`, gruppen)",
  },
  T0259: {
    message: "Kolonnen \"{header}\" i data `{data}` er både {first} og {second}.",
    hint: "En kolonne i datafilen kan kun høre til én nøgle eller ét felt; ret den ene `kolonne \"…\"`.",
    doc: "to felter (eller en nøgle og et felt) i samme data med samme kolonne i filen",
  },
  T0260: {
    message: "Teksten efter `kolonne` er tom.",
    hint: "Skriv kolonnens overskrift, som den står i datafilens første linje, fx `kolonne \"Antal jobparate\"`, eller fjern `kolonne`, hvis kolonnen hedder det samme som feltet.",
    doc: "en `kolonne` uden overskrift (`kolonne \"\"`)",
  },
  T0261: {
    message: "{what} kan kun bruges i en `måling`.",
    hint: "{hint}",
    doc: "en tekst (`\"jobsamtale\"`), `antal(…)` eller `første(…)` uden for en `måling`, eller persondata (`pr person`) brugt af et mål eller kriterie",
  },
  T0262: {
    message: "`{name}` er ikke {expected}.",
    hint: "{hint}",
    doc: "et navn i en måling, der ikke er den slags data eller felt, der skal stå der (fx `tæl` med data pr. måned, `forløb i` med daterede data)",
  },
  T0263: {
    message: "Målingen `{name}` mangler `{clause}`.",
    hint: "{hint}",
    doc: "en `måling` uden `forløb i …`, uden `vindue …` eller uden felter",
  },
  T0264: {
    message: "`{text}` kan ikke stå her: {why}.",
    hint: "{hint}",
    doc: "en del af en måling på et sted, hvor den ikke giver mening: `antal(personer …)` inde i et udtryk, `første(…)` uden for `tæl`, et felt fra en hændelse i en betingelse for måneden",
  },
  T0265: {
    message: "Her sammenlignes {left} med {right}: `{text}`.",
    hint: "En tekst kan kun sammenlignes med en tekst, med `=` eller `lig med`, fx `art = \"jobsamtale\"`.",
    doc: "en tekst sammenlignet med et tal, eller med `over`, `under` osv.",
  },
  T0266: {
    message: "Typen `tal` kan kun bruges i persondata (`data … pr person, …`).",
    hint: "Brug `antal`, `andel` eller `procent` i data pr. kommune.",
    doc: "et felt af typen `tal` i data pr. kommune",
  },
  T0267: {
    message: "Data `{data}` mangler feltet `kommune`, som målingen tæller personerne i.",
    hint: "Tilføj `kommune: tekst` til data `{data}`: den kommune, personen hører til i måneden.",
    doc: "forløbets data (`forløb i DATA`) uden et felt `kommune`",
  },
} as const satisfies CatalogueRange<"T02">;
