import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

/**
 * One folder per test run where the sites several suites read are built, each once
 * (tests/helpers/shared-sites.ts); removed when the run ends.
 */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "digest-shared-sites-"));
  project.provide("sharedSites", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    sharedSites: string;
  }
}
