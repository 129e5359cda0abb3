import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/build.ts";

const REPO = path.resolve(import.meta.dirname, "../..");
const generate = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "scripts/generate-corpus.ts", ...args], { cwd: REPO, encoding: "utf8" });

describe("npm run generate-corpus", () => {
  it("never empties a folder it did not write, and writes again one it did", () => {
    const root = tempDir("generate-cli");
    const kept = path.join(root, "notes");
    mkdirSync(kept);
    writeFileSync(path.join(kept, "draft.md"), "mine\n");
    const refused = generate("--articles", "2", "--out", kept);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("did not write");
    expect(readFileSync(path.join(kept, "draft.md"), "utf8")).toBe("mine\n");

    const corpus = path.join(root, "corpus");
    expect(generate("--articles", "2", "--out", corpus).status).toBe(0);
    expect(existsSync(path.join(corpus, "articles"))).toBe(true);
    expect(generate("--articles", "3", "--out", corpus).status).toBe(0);
  }, 60_000);

  it("prints its usage for --help, and refuses an unknown option or a count that is not a number", () => {
    expect(generate("--help")).toMatchObject({ status: 0, stdout: expect.stringContaining("--articles N --out DIR") });
    expect(generate("--nope").status).toBe(1);
    const notANumber = generate("--articles", "ten", "--out", path.join(tempDir("generate-cli"), "c"));
    expect(notANumber.status).toBe(1);
    expect(notANumber.stderr).toContain('found "ten"');
  }, 60_000);
});
