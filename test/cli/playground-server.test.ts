// `npm start -- --port N` reaches the playground's server, and its mistakes are Danish (issue #11).
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
const server = (...args: string[]) => spawnSync(tsx, [join(root, "playground/server.ts"), ...args], { encoding: "utf8", timeout: 60_000 });

describe("the playground's server", () => {
  it("npm start runs the server directly, so `npm start -- --port N` passes the port on", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts["start"]).toMatch(/^tsx playground\/server\.ts\b/);
  });

  it("a busy port is a Danish message naming another port, exit 1, no stack trace", async () => {
    const busy = createServer();
    await new Promise<void>((done) => busy.listen(0, "127.0.0.1", done));
    const port = (busy.address() as { port: number }).port;
    try {
      const r = server("--port", String(port));
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`Port ${port} er optaget af et andet program. Vælg en anden port, fx npm start -- --port ${port + 1}.`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      busy.close();
    }
  });

  it("a port that is not a number is refused before anything starts, exit 2", () => {
    const r = server("--port", "abc");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--port abc er ikke et portnummer");
  });
});
