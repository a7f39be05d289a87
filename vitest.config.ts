import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Generated modules import the runtime as the npm package exports it; tests run its sources.
  resolve: { alias: { "tilsyn/runtime": fileURLToPath(new URL("./runtime/index.ts", import.meta.url)) } },
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["node_modules/**", ".tmp/**", "playground/dist/**"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
