import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Integration tests build the real site; they measure nothing about speed (see npm run bench).
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
