import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/generate-corpus.ts";
import { REPO, tempDir } from "../helpers/build.ts";

/**
 * A production build over the site it published itself renders only what changed and re-indexes
 * only the search language whose pages changed; what it publishes must be, byte for byte, what a
 * build from nothing publishes for the same content.
 */
interface Report {
  pages: number;
  rendered: number;
  renderedFeeds: number;
  searchIndexed: string[];
}

let content: string;
let work: string;

/** Every file of a site, by path, as base64 of its bytes. */
function tree(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .map((file) => [path.relative(dir, file), readFileSync(file).toString("base64")])
      .sort(),
  );
}

beforeAll(() => {
  work = tempDir("rebuild");
  content = path.join(work, "content");
  generateCorpus(content, 12, 5);
});

describe("a build over its own earlier site", () => {
  it("renders only the pages of a changed French summary, keeps the Spanish index, and publishes what a first build would", () => {
    const output = path.join(work, "_site");
    const cache = path.join(work, "cache");
    const first = buildWithReport(output, cache);
    expect(first.rendered).toBe(first.pages);
    expect(first.searchIndexed).toEqual(["es", "fr"]);

    const unchanged = buildWithReport(output, cache);
    expect(unchanged.rendered).toBe(0);
    expect(unchanged.renderedFeeds).toBe(0);
    expect(unchanged.searchIndexed).toEqual([]);

    const summary = readdirSync(path.join(content, "articles"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("summary.fr.md")).sort()[0]!;
    const file = path.join(content, "articles", summary);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^lede: .*$/m, 'lede: "Une phrase d’introduction toute neuve."'));
    const edited = buildWithReport(output, cache);
    expect(edited.rendered).toBeGreaterThan(0);
    expect(edited.rendered).toBeLessThan(edited.pages / 4);
    expect(edited.searchIndexed).toEqual(["fr"]);

    const fresh = path.join(work, "_fresh");
    buildWithReport(fresh, path.join(work, "fresh-cache"));
    expect(tree(output)).toEqual(tree(fresh));
  });
});

/** The production build, as `npm run build -- --content … --output … --cache … --report …` runs it. */
function buildWithReport(output: string, cache: string): Report {
  const report = path.join(work, "report.json");
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--content", content, "--output", output, "--cache", cache, "--report", report], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, SITE_URL: "https://digest.example.org" },
  });
  expect(result.stderr.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("[11ty] Benchmark"))).toEqual([]);
  expect(result.status).toBe(0);
  return JSON.parse(readFileSync(report, "utf8")) as Report;
}
