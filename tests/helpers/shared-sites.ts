import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { inject } from "vitest";
import { FIXTURE_CONTENT, REPO, runBuild, tempDir } from "./build.ts";

export const SHARED_SITE_URL = "https://digest.example.org";

/**
 * The production builds that several suites read, each built once per test run, on first use, by
 * whichever test file asks first (the others wait for it). Suites only read them; a suite that
 * changes files works on copySharedSite().
 */
export const SHARED_SITES = {
  /** content/, at the root. */
  real: { content: path.join(REPO, "content"), pathPrefix: "" },
  /** content/, served from a sub-path two folders deep. */
  realPrefixed: { content: path.join(REPO, "content"), pathPrefix: "/sous/chemin/" },
  /** The Spanish-source fixture, at the root. */
  fixture: { content: FIXTURE_CONTENT, pathPrefix: "" },
} as const;

export type SharedSiteName = keyof typeof SHARED_SITES;

/** The output folder of a shared build: SHARED_SITE_URL, the site's prefix. */
export async function sharedSite(name: SharedSiteName): Promise<string> {
  const root = inject("sharedSites");
  const output = path.join(root, name, "_site");
  const done = path.join(root, `${name}.done`);
  const failed = path.join(root, `${name}.failed`);
  let builder = false;
  try {
    mkdirSync(path.join(root, `${name}.lock`));
    builder = true;
  } catch {
    // Another test file is building it.
  }
  if (builder) {
    const { content, pathPrefix } = SHARED_SITES[name];
    const result = runBuild({ content, output, env: { SITE_URL: SHARED_SITE_URL, PATH_PREFIX: pathPrefix } });
    writeFileSync(result.status === 0 && result.stderr === "" ? done : failed, `exit ${result.status}\n${result.stderr}`);
  }
  for (let waited = 0; !existsSync(done); waited += 100) {
    if (existsSync(failed)) throw new Error(`The shared build "${name}" failed: ${readFileSync(failed, "utf8")}`);
    if (waited > 170_000) throw new Error(`The shared build "${name}" did not finish`);
    await sleep(100);
  }
  return output;
}

/** A private copy of a shared build, for a suite that adds or changes files in it. */
export async function copySharedSite(name: SharedSiteName): Promise<string> {
  const copy = path.join(tempDir(`copy-${name}`), "_site");
  cpSync(await sharedSite(name), copy, { recursive: true });
  return copy;
}
