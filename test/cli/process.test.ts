// The real process in a user's situations that are not about the policy: a pipe the reader
// closes early (`tilsyn run … | head`). It ends quietly, never with a stack trace.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

describe("a reader that closes the pipe early (tilsyn run … | head)", () => {
  it("ends quietly with exit 0 and nothing on stderr", async () => {
    const child = spawn(process.execPath, [join(root, "bin/tilsyn.mjs"), "run", "policies/tidlig-indsats-2020.tilsyn", "--data", "data/eksempel", "--format", "json"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let received = 0;
    child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
    // Like `head -c`: read the first chunk, then close the pipe while the output (1 MB) is still coming.
    child.stdout.once("data", (chunk: Buffer) => {
      received = chunk.length;
      child.stdout.destroy();
    });
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on("close", (c, s) => resolve([c, s])));
    expect(received).toBeGreaterThan(0);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at .+:\d+:\d+\)?/);
    expect(stderr).toBe("");
    expect(signal).toBeNull();
    expect(code).toBe(0);
  });
});
