// `npm run vsix`: package the VS Code extension (editors/vscode) as editors/vscode/tilsyn-<version>.vsix.
//
// The extension's own dependencies (vscode-languageclient, and @vscode/vsce to package) live in
// editors/vscode/package.json, out of the root install: vsce alone brings some 250 packages that
// neither the compiler nor its tests need. They are installed here from editors/vscode's lock file
// the first time (npm ci: only the npm registry is contacted). Then the TextMate grammar is
// generated from the keyword table (scripts/textmate.ts) and vsce packages the folder.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const extension = join(root, "editors", "vscode");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const run = (command, args, cwd = root) => execFileSync(command, args, { cwd, stdio: "inherit", shell: process.platform === "win32" });

if (!existsSync(join(extension, "node_modules", "@vscode", "vsce")) || !existsSync(join(extension, "node_modules", "vscode-languageclient"))) {
  run(npm, ["ci", "--no-audit", "--no-fund"], extension);
}
run(process.execPath, [join(root, "node_modules", "tsx", "dist", "cli.mjs"), join(root, "scripts", "textmate.ts")]);
run(npm, ["run", "package"], extension);
const built = readdirSync(extension).filter((f) => /^tilsyn-.*\.vsix$/.test(f));
if (built.length === 0) {
  console.error("npm run vsix: ingen .vsix blev skrevet");
  process.exit(1);
}
console.log(`editors/vscode/${built.join(", ")}`);
