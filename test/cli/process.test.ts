// The real process in a user's situations: a pipe the reader closes early (`tilsyn run … |
// head`), and very long expressions. It ends quietly or with a Danish message, never with a
// stack trace.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../cli/main.js";

const root = join(import.meta.dirname, "..", "..");
const tmp = join(root, ".tmp", "cli-process");
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?|intern fejl|call stack/);

const tilsyn = (...argv: string[]) => spawnSync(process.execPath, [join(root, "bin/tilsyn.mjs"), ...argv], { cwd: root, encoding: "utf8" });

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

/** A policy whose one measure is `expr`, and a data folder with one row where a = 100. */
function longPolicy(name: string, expr: string): { file: string; data: string } {
  const dir = join(tmp, name);
  mkdirSync(join(dir, "data"), { recursive: true });
  const file = join(dir, `${name}.tilsyn`);
  writeFileSync(
    file,
    `politik lang "Et langt udtryk"
  kilde "test"

data d pr kommune, måned
  a: antal "alle"
  offentliggøres 3 måneder efter måneden

opgørelse månedlig
  følges op ved offentliggørelse

mål m "summen" = ${expr}

kriterie k "Summen er over 10"
  kilde "k"
  når m over 10

reaktion
  henvendelse "STAR kontakter kommunen"
`,
  );
  writeFileSync(join(dir, "data", "d.csv"), "kommune,maaned,a\n101,2021-01,100\n");
  return { file, data: join(dir, "data") };
}

describe("long expressions", () => {
  it("a sum of 5,000 terms is checked, formatted and run", () => {
    const { file, data } = longPolicy("flad", Array(5000).fill("a").join(" + "));
    const check = tilsyn("check", file);
    noStackTrace(check.stderr);
    expect(check.stdout).toBe("1 politik uden fejl.\n");
    expect(check.status).toBe(0);
    const fmt = tilsyn("fmt", "--check", file);
    noStackTrace(fmt.stderr);
    expect(fmt.status).toBe(0);
    const run = tilsyn("run", file, "--data", data, "--format", "json");
    noStackTrace(run.stderr);
    expect(run.status).toBe(0);
    const events = (JSON.parse(run.stdout) as { events: { rule: string; values: Record<string, number> }[] }).events;
    expect(events.map((e) => [e.rule, e.values["m"]])).toEqual([["k", 500000]]);
  });

  it("parentheses nested 1,000 deep are refused with the nesting limit (T0113), by every command", () => {
    const { file, data } = longPolicy("dyb", `${"(".repeat(1000)}a${")".repeat(1000)}`);
    for (const argv of [["check", file], ["fmt", "--check", file], ["run", file, "--data", data]]) {
      const r = tilsyn(...argv);
      noStackTrace(r.stderr);
      expect(r.stderr, argv[0]).toContain("fejl[T0113]: Udtrykket er indlejret for dybt");
      expect(r.status, argv[0]).toBe(1);
    }
  });

  it("an expression too long even for the larger stack is a Danish message (T0412), not an internal error", async () => {
    // In this process the stack is the ordinary one, so 50,000 terms run out of it.
    const { file } = longPolicy("for-lang", Array(50000).fill("a").join(" + "));
    let stderr = "";
    const code = await main(["check", file], { stdout: () => {}, stderr: (t) => (stderr += t) });
    expect(stderr).toBe("fejl[T0412]: Et udtryk er for langt eller for dybt indlejret til, at tilsyn kan behandle det.\n  = hjælp: Del udtrykket op i flere `mål`, der bygger på hinanden.\n");
    expect(code).toBe(1);
  });
});
