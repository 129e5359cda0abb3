import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const REPO = path.resolve(import.meta.dirname, "../..");
export const FIXTURE_CONTENT = path.join(REPO, "tests/fixtures/content");

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/**
 * Runs the production build exactly as `npm run build` does, in a child process. Its analysis
 * cache is a temporary folder unless given one: tests never write the repository's .cache/.
 */
export function runBuild(options: { content?: string; output: string; cache?: string; env?: Record<string, string>; cwd?: string }): BuildResult {
  const args = ["--import", "tsx", "scripts/build.ts", "--output", options.output, "--cache", options.cache ?? path.join(tempDir("cache"), "analysis")];
  if (options.content) args.push("--content", options.content);
  const child = spawnSync(process.execPath, args, {
    cwd: options.cwd ?? REPO,
    encoding: "utf8",
    env: { ...process.env, ...options.env },
  });
  // Eleventy warns about slow plugins even in quiet mode (its "Configuration" benchmarks are
  // created before quiet mode applies): timing notes, not errors.
  const stderr = child.stderr
    .split("\n")
    .filter((line) => !line.startsWith("[11ty] Benchmark"))
    .join("\n");
  return { status: child.status, stdout: child.stdout, stderr, output: options.output };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `digest-${prefix}-`));
}

/** A private copy of a content folder, for tests that break or add files. */
export function copyContent(from: string, prefix = "content"): string {
  const dir = path.join(tempDir(prefix), "content");
  cpSync(from, dir, { recursive: true });
  return dir;
}

export function readPage(output: string, url: string): string {
  const file = url.endsWith("/") ? `${url}index.html` : url;
  return readFileSync(path.join(output, file), "utf8");
}

