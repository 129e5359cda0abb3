import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { crawl } from "../helpers/crawl.ts";
import { REPO, runBuild, tempDir } from "../helpers/build.ts";

const SITE_URL = "https://digest.example.org";
const builds = [
  { name: "at the root", prefix: "/" },
  { name: "under a path prefix", prefix: "/sous/chemin/" },
];
const outputs = new Map<string, string>();

beforeAll(() => {
  for (const build of builds) {
    const output = path.join(tempDir("quality"), "_site");
    const result = runBuild({ output, env: { SITE_URL, PATH_PREFIX: build.prefix } });
    expect(result.status, result.stderr).toBe(0);
    outputs.set(build.prefix, output);
  }
});

describe.each(builds)("the real site $name", ({ prefix }) => {
  it("has no broken internal link or anchor, in either language", () => {
    const { pages, links, broken } = crawl(outputs.get(prefix)!, SITE_URL, prefix);
    expect(broken).toEqual([]);
    expect(pages).toBeGreaterThan(15);
    expect(links).toBeGreaterThan(pages * 5);
  });
});

describe("HTML validity", () => {
  it("every page passes the W3C Nu HTML checker with no error", () => {
    const jar = path.join(REPO, "node_modules/vnu-jar/build/dist/vnu.jar");
    const result = spawnSync("java", ["-jar", jar, "--errors-only", "--skip-non-html", "--format", "json", outputs.get("/")!], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.error).toBeUndefined();
    const report = JSON.parse(result.stderr || result.stdout) as { messages: Array<{ url: string; message: string; type: string }> };
    expect(report.messages.map((m) => `${m.url}: ${m.message}`)).toEqual([]);
  });
});
