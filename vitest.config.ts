import { defineConfig } from "vitest/config";

// Eleventy loads `.eleventy.ts` itself, so every test worker needs tsx's loader registered.
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    pool: "forks",
    execArgv: ["--import", "tsx"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
