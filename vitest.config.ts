import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["node_modules/**", ".tmp/**", "playground/dist/**"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
