import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The sites several suites read are built once per run (tests/helpers/shared-sites.ts).
    globalSetup: ["tests/global-setup.ts"],
    // Integration tests build the real site; they measure nothing about speed (see npm run bench).
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
