// The tilsyn extension for VS Code: registers the .tilsyn language (package.json: the TextMate
// grammar generated from the keyword table by scripts/textmate.ts) and starts the language
// server, `tilsyn lsp --stdio`, with vscode-languageclient. Everything the editor shows
// (diagnostics, hover, completion, formatting, quick fixes, code lenses over the examples) comes
// from the server; this file only finds the command and connects.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { window, workspace } = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

/** @type {LanguageClient | undefined} */
let client;

/**
 * How to start the server: the `tilsyn.server.path` setting; else the workspace's own tilsyn
 * (node_modules/.bin/tilsyn, or bin/tilsyn.mjs in the tilsyn repository itself); else `tilsyn`
 * on PATH.
 * @returns {{ command: string, args: string[] }}
 */
function serverCommand() {
  const args = ["lsp", "--stdio"];
  const configured = workspace.getConfiguration("tilsyn").get("server.path");
  if (typeof configured === "string" && configured.trim() !== "") return { command: configured.trim(), args };
  for (const folder of workspace.workspaceFolders ?? []) {
    const root = folder.uri.fsPath;
    const local = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "tilsyn.cmd" : "tilsyn");
    if (fs.existsSync(local)) return { command: local, args };
    const own = path.join(root, "bin", "tilsyn.mjs");
    if (fs.existsSync(own) && fs.existsSync(path.join(root, "dist", "cli", "lsp.js"))) return { command: "node", args: [own, ...args] };
  }
  return { command: "tilsyn", args };
}

/** @param {import("vscode").ExtensionContext} context */
async function activate(context) {
  const { command, args } = serverCommand();
  client = new LanguageClient(
    "tilsyn",
    "tilsyn",
    { command, args, options: { shell: process.platform === "win32" } },
    {
      documentSelector: [{ language: "tilsyn" }],
      synchronize: { fileEvents: workspace.createFileSystemWatcher("**/*.tilsyn") },
    },
  );
  try {
    await client.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void window.showErrorMessage(
      `tilsyn: sprogserveren kunne ikke starte (\`${command} ${args.join(" ")}\`): ${reason}. ` +
        "Installér tilsyn (npm install tilsyn) i arbejdsmappen, eller angiv kommandoen i indstillingen tilsyn.server.path.",
    );
  }
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
