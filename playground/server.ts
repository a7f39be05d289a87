// A tiny static file server for the built playground (playground/dist), on 127.0.0.1 only.
// Used by `npm run playground:serve`, the browser tests and the benchmark.
//
//   tsx playground/server.ts [--port 5180] [--build]   (npm start -- --port 5181)

import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const playgroundDir = fileURLToPath(new URL(".", import.meta.url));
export const distDir = join(playgroundDir, "dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serve a directory on 127.0.0.1 (port 0 = any free port). */
export function serveStatic(root: string = distDir, port = 0): Promise<StaticServer> {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        response.writeHead(403).end();
        return;
      }
      let info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) {
        file = join(file, "index.html");
        info = await stat(file).catch(() => undefined);
      }
      if (!info?.isFile()) {
        response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Ikke fundet");
        return;
      }
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "content-length": info.size,
        "cache-control": "no-cache",
      });
      if (request.method === "HEAD") response.end();
      else createReadStream(file).pipe(response);
    } catch {
      response.writeHead(500).end();
    }
  });
  return new Promise((resolveServer, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: actual } = server.address() as AddressInfo;
      resolveServer({
        url: `http://127.0.0.1:${actual}/`,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** Build the playground with Vite (programmatically). */
export async function buildPlayground(): Promise<void> {
  const { build } = await import("vite");
  await build({ configFile: join(playgroundDir, "vite.config.ts"), logLevel: "warn" });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const portIndex = args.indexOf("--port");
  const portText = portIndex >= 0 ? args[portIndex + 1] : (process.env["PORT"] ?? "5180");
  const port = Number(portText);
  if (!/^\d+$/.test(portText ?? "") || port < 1 || port > 65535) {
    console.error(`--port ${portText ?? ""} er ikke et portnummer. Skriv et tal fra 1 til 65535, fx npm start -- --port 5181.`);
    process.exit(2);
  }
  if (args.includes("--build")) await buildPlayground();
  try {
    const { url } = await serveStatic(distDir, port);
    console.log(`Legepladsen kører på ${url}  (stop med Ctrl+C)`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") console.error(`Port ${port} er optaget af et andet program. Vælg en anden port, fx npm start -- --port ${port + 1}.`);
    else if (code === "EACCES") console.error(`Legepladsen må ikke bruge port ${port}. Vælg en port over 1024, fx npm start -- --port 5180.`);
    else console.error(`Legepladsen kunne ikke starte på port ${port}: ${code ?? String(error)}.`);
    process.exit(1);
  }
}
