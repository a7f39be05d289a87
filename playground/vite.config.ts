// Vite configuration for the playground: a static page under playground/, built to playground/dist.
// Everything (Monaco, compiler, runtime, sample data) is bundled, so the page works offline.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "./",
  // The page imports the compiler and runtime from the repository root (../grammar, ../runtime, ../load …).
  server: { host: "127.0.0.1", fs: { allow: [fileURLToPath(new URL("..", import.meta.url))] } },
  preview: { host: "127.0.0.1" },
  worker: { format: "es" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    manifest: true,
    // Monaco's core is one large chunk, and the worker carries the sample data (≈3 MB of CSV).
    chunkSizeWarningLimit: 3500,
    reportCompressedSize: true,
  },
  logLevel: "warn",
});
