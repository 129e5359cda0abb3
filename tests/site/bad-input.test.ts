import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BAD_INPUTS } from "../helpers/bad-inputs.ts";
import { FIXTURE_CONTENT, REPO, copyContent, runBuild, tempDir } from "../helpers/build.ts";
import { snapshot } from "../helpers/tree.ts";

/**
 * Each bad input of tests/helpers/bad-inputs.ts through the real `npm run check` and
 * `npm run build`, in child processes, over a site built once beforehand: both exit 1 naming the
 * file, and the published site is the same, byte for byte, after every refused build.
 */
function run(script: string, args: string[]): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: REPO });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, out }));
  });
}

let parent: string;
let output: string;
let published: Record<string, string>;

beforeAll(() => {
  parent = tempDir("bad-input");
  output = path.join(parent, "_site");
  const built = runBuild({ content: FIXTURE_CONTENT, output });
  expect(built.status, built.stderr).toBe(0);
  published = snapshot(output);
});

describe("the check and the build refuse bad input, and the published site stays as it was", () => {
  it.each(BAD_INPUTS)("$name", async ({ make, file, message }) => {
    const content = copyContent(FIXTURE_CONTENT);
    make(content);
    const cache = path.join(tempDir("bad-input-cache"), "analysis");
    const [check, build] = await Promise.all([
      run("scripts/check.ts", ["--content", content]),
      run("scripts/build.ts", ["--content", content, "--output", output, "--cache", cache]),
    ]);
    for (const { status, out } of [check, build]) {
      expect(status, out).toBe(1);
      expect(out).toContain(`content/${file}`);
      expect(out).toMatch(message);
      expect(out).not.toContain("do-not-publish");
      expect(out).not.toMatch(/RangeError|heap out of memory|at .*\.ts:\d+/);
    }
    expect(build.out).toMatch(/Build refused: .*_site was left as it was/);
    expect(snapshot(output)).toEqual(published);
    expect(readdirSync(parent)).toEqual(["_site"]);
  });
});
