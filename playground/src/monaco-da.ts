// Danish for the Monaco texts a user meets (context menu, find widget, suggestions, hovers).
// Monaco looks its texts up by number in globalThis._VSCODE_NLS_MESSAGES and falls back to the
// English text where an entry is missing, so a sparse list is enough. The numbers belong to the
// pinned monaco-editor 0.55.1; test/browser/monaco-da.test.ts checks them against its English
// list, so an upgrade that moves them fails loudly instead of showing wrong words.
// Must be imported before any Monaco module.

/** Message number → [English original, Danish]. */
export const MONACO_DANISH: Record<number, [string, string]> = {
  2: ["Match Case", "Forskel på store og små bogstaver"],
  3: ["Match Whole Word", "Kun hele ord"],
  4: ["Use Regular Expression", "Brug regulært udtryk"],
  70: ["Undo", "Fortryd"],
  71: ["Undo", "Fortryd"],
  73: ["Redo", "Gentag"],
  74: ["Redo", "Gentag"],
  76: ["Select All", "Markér alt"],
  77: ["Select All", "Markér alt"],
  787: ["Go to Line/Column...", "Gå til linje/kolonne …"],
  789: ["Command Palette", "Kommandopalet"],
  814: ["Cut", "Klip"],
  815: ["Cut", "Klip"],
  816: ["Cut", "Klip"],
  818: ["Copy", "Kopiér"],
  819: ["Copy", "Kopiér"],
  820: ["Copy", "Kopiér"],
  822: ["Paste", "Sæt ind"],
  823: ["Paste", "Sæt ind"],
  824: ["Paste", "Sæt ind"],
  853: ["Quick Fix...", "Hurtig rettelse …"],
  897: ["Toggle Line Comment", "Slå linjekommentar til/fra"],
  900: ["Toggle Block Comment", "Slå blokkommentar til/fra"],
  947: ["Find", "Søg"],
  955: ["Replace", "Erstat"],
  964: ["Find", "Søg"],
  965: ["Find", "Søg"],
  966: ["Previous Match", "Forrige forekomst"],
  967: ["Next Match", "Næste forekomst"],
  968: ["Find in Selection", "Søg i markeringen"],
  969: ["Close", "Luk"],
  973: ["Replace All", "Erstat alle"],
  974: ["Toggle Replace", "Vis/skjul erstat"],
  976: ["{0} of {1}", "{0} af {1}"],
  977: ["No results", "Ingen resultater"],
  1014: ["Format Document", "Formatér dokument"],
  1015: ["Format Selection", "Formatér markering"],
  1020: ["Go to Next Problem (Error, Warning, Info)", "Gå til næste problem (fejl, advarsel, info)"],
  1021: ["Go to Previous Problem (Error, Warning, Info)", "Gå til forrige problem (fejl, advarsel, info)"],
  1024: ["Error", "Fejl"],
  1025: ["Warning", "Advarsel"],
  1065: ["Go to Definition", "Gå til erklæringen"],
  1067: ["Peek Definition", "Vis erklæringen"],
  1074: ["Go to References", "Gå til brug"],
  1075: ["Peek References", "Vis brug"],
  1085: ["No results", "Ingen resultater"],
  1132: ["Loading...", "Indlæser …"],
  1139: ["View Problem", "Vis problem"],
  1140: ["No quick fixes available", "Ingen hurtige rettelser"],
  1142: ["No quick fixes available", "Ingen hurtige rettelser"],
  1143: ["Quick Fix...", "Hurtig rettelse …"],
  1308: ["Change All Occurrences", "Ret alle forekomster"],
  1466: ["Replace", "Erstat"],
  1467: ["Replace", "Erstat"],
  1469: ["Show Less", "Vis mindre"],
  1470: ["Show More", "Vis mere"],
  1471: ["Trigger Suggest", "Vis forslag"],
  1482: ["Loading...", "Indlæser …"],
  1483: ["No suggestions.", "Ingen forslag."],
  1484: ["Suggest", "Forslag"],
  1491: ["Loading...", "Indlæser …"],
  1493: ["Read More", "Læs mere"],
};

const messages: string[] = [];
for (const [index, [, danish]] of Object.entries(MONACO_DANISH)) messages[Number(index)] = danish;
(globalThis as unknown as { _VSCODE_NLS_MESSAGES: string[]; _VSCODE_NLS_LANGUAGE: string })._VSCODE_NLS_MESSAGES = messages;
(globalThis as unknown as { _VSCODE_NLS_LANGUAGE: string })._VSCODE_NLS_LANGUAGE = "da";
