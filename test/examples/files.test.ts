// Example files beside the policies (`eksempler til …`), such as the 2020 → 2024 handover that
// needs both early-effort files run as one history, run as part of npm test.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../cli/main.js";

const dir = join(import.meta.dirname, "files");

describe("example files", () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".test.tilsyn"))) {
    it(file, async () => {
      let out = "";
      const code = await main(["test", join(dir, file)], { stdout: (t) => (out += t), stderr: (t) => (out += t) });
      expect(out).toMatch(/\d+ eksemp(el|ler): \d+ bestået\./);
      expect(out).not.toContain("✗");
      expect(code, out).toBe(0);
    });
  }
});
