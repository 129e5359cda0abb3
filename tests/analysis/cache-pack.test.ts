import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ArticleAnalysis } from "../../src/analysis/analyze.ts";
import { AnalysisCache, PACK_FILE, PACK_MIN } from "../../src/analysis/cache.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "digest-cache-pack-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** As much of an analysis as the cache looks at, and a mark to tell two apart. */
function analysis(slug: string, mark: string): ArticleAnalysis {
  return { slug, mark, source: { mentions: [] }, summaries: { fr: { figures: [] }, es: { figures: [] } } } as unknown as ArticleAnalysis;
}

const slugs = Array.from({ length: PACK_MIN + 36 }, (_, i) => `2024-01-${String(i).padStart(3, "0")}-article`);

/** A build that analyzed every article and wrote the pack. */
function analyzedAll(): void {
  const cache = new AnalysisCache(dir, new Map());
  for (const slug of slugs) cache.set(slug, `key-${slug}`, analysis(slug, "first"));
  cache.flush();
}

const looseFiles = () => readdirSync(dir).filter((name) => name.endsWith(".json"));

describe("the analyses packed into one file", () => {
  it("are read from it, each under its own key, without the articles' own files", () => {
    analyzedAll();
    expect(readdirSync(dir)).toContain(PACK_FILE);
    for (const name of looseFiles()) rmSync(path.join(dir, name));
    const cache = new AnalysisCache(dir, new Map());
    for (const slug of slugs) expect(cache.get(slug, `key-${slug}`)).toEqual(analysis(slug, "first"));
  });

  it("never give an analysis made under another key: a changed article is read from its own file or analyzed again", () => {
    analyzedAll();
    const [changed, other] = slugs;
    const rebuild = new AnalysisCache(dir, new Map());
    expect(rebuild.get(changed!, "key-after-the-edit")).toBeNull();
    rebuild.set(changed!, "key-after-the-edit", analysis(changed!, "second"));
    rebuild.flush();
    const next = new AnalysisCache(dir, new Map());
    expect(next.get(changed!, "key-after-the-edit")).toEqual(analysis(changed!, "second"));
    expect(next.get(other!, `key-${other}`)).toEqual(analysis(other!, "first"));
  });

  it("are written again only once enough analyses were not in the pack", () => {
    analyzedAll();
    const pack = path.join(dir, PACK_FILE);
    const written = readFileSync(pack, "utf8");
    const few = new AnalysisCache(dir, new Map());
    for (const slug of slugs.slice(0, 3)) few.set(slug, `new-${slug}`, analysis(slug, "edited"));
    for (const slug of slugs.slice(3)) few.get(slug, `key-${slug}`);
    few.flush();
    expect(readFileSync(pack, "utf8")).toBe(written);

    const many = new AnalysisCache(dir, new Map());
    for (const slug of slugs.slice(0, PACK_MIN)) many.set(slug, `new-${slug}`, analysis(slug, "edited"));
    for (const slug of slugs.slice(PACK_MIN)) many.get(slug, `key-${slug}`);
    many.flush();
    const repacked = new AnalysisCache(dir, new Map());
    for (const name of looseFiles()) rmSync(path.join(dir, name));
    expect(repacked.get(slugs[0]!, `new-${slugs[0]}`)).toEqual(analysis(slugs[0]!, "edited"));
    expect(repacked.get(slugs.at(-1)!, `key-${slugs.at(-1)}`)).toEqual(analysis(slugs.at(-1)!, "first"));
    expect(statSync(pack).size).toBeGreaterThan(0);
  });

  it("survive a pack cut short: the articles of its broken line are read from their own files", () => {
    analyzedAll();
    const pack = path.join(dir, PACK_FILE);
    const lines = readFileSync(pack, "utf8").split("\n");
    writeFileSync(pack, [...lines.slice(0, 10), lines[10]!.slice(0, 40)].join("\n"));
    const cache = new AnalysisCache(dir, new Map());
    for (const slug of slugs) expect(cache.get(slug, `key-${slug}`), slug).toEqual(analysis(slug, "first"));
  });
});
