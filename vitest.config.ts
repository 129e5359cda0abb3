import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The sites several suites read are built once per run (tests/helpers/shared-sites.ts).
    globalSetup: ["tests/global-setup.ts"],
    // Integration tests build the real site; they measure nothing about speed (see npm run bench).
    testTimeout: 180_000,
    // Commands speak the editor's language (LC_ALL, LC_MESSAGES, LANG): the suites read them in
    // English whatever the machine's locale; tests/editorial/messages*.test.ts set their own.
    env: { LC_ALL: "C.UTF-8" },
    hookTimeout: 180_000,
  },
});
