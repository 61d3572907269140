import { defineConfig } from "vitest/config";

// Eleventy loads `.eleventy.ts` itself, so every test worker needs tsx's loader registered.
// The global setup gives the run one temp root and fails the run if anything is left in it.
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    pool: "forks",
    execArgv: ["--import", "tsx"],
    globalSetup: ["tests/setup/temp-root.ts"],
    setupFiles: ["tests/setup/remove-temp-dirs.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
