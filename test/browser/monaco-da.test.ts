// The playground's Danish Monaco texts are keyed by message number in the pinned monaco-editor;
// check that each number still holds the English text it translates.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { MONACO_DANISH } from "../../playground/src/monaco-da.js";

describe("Monaco på dansk", () => {
  it("translates the messages it claims to", () => {
    const require = createRequire(import.meta.url);
    const file = require.resolve("monaco-editor/esm/nls.messages.js");
    const source = readFileSync(file, "utf8");
    const list = /_VSCODE_NLS_MESSAGES=(\[[\s\S]*?\]);/.exec(source);
    expect(list).not.toBeNull();
    const english = JSON.parse(list![1]!) as string[];
    for (const [index, [original, danish]] of Object.entries(MONACO_DANISH)) {
      expect(english[Number(index)], `besked ${index}`).toBe(original);
      expect(danish).not.toBe(original);
    }
    delete (globalThis as { _VSCODE_NLS_MESSAGES?: unknown })._VSCODE_NLS_MESSAGES;
    delete (globalThis as { _VSCODE_NLS_LANGUAGE?: unknown })._VSCODE_NLS_LANGUAGE;
  });
});
