import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCorpus, loadRegistry } from "../../src/analysis/index.ts";
import { readCorpus } from "../../src/content/corpus.ts";
import { generateCorpus } from "../../scripts/generate-corpus.ts";
import { tempDir } from "../helpers/build.ts";

describe("analysis in worker threads", () => {
  it("gives exactly the analysis of a single thread", async () => {
    const content = path.join(tempDir("parallel"), "content");
    generateCorpus(content, 30, 7);
    const { articles } = readCorpus(content);
    const { registry } = loadRegistry(content);
    const serial = await analyzeCorpus(articles, registry);
    const parallel = await analyzeCorpus(articles, registry, { workers: 2, minPerWorker: 10 });
    const comparable = (d: typeof serial) => JSON.stringify({ ...d, stats: undefined }, (_key, value) => (value instanceof Map ? [...value] : value));
    expect(parallel.stats).toMatchObject({ analyzed: 30, workers: 2 });
    expect(comparable(parallel)).toBe(comparable(serial));
  }, 120_000);

  it("writes each analysis to the cache from its worker, under the key a later build looks for", async () => {
    const root = tempDir("parallel-cache");
    const content = path.join(root, "content");
    const cacheDir = path.join(root, "cache");
    generateCorpus(content, 24, 11);
    const { articles } = readCorpus(content);
    const { registry } = loadRegistry(content);
    const parallel = await analyzeCorpus(articles, registry, { workers: 2, minPerWorker: 10, cacheDir });
    expect(parallel.stats).toMatchObject({ analyzed: 24, cached: 0, workers: 2 });
    expect(readdirSync(cacheDir).filter((file) => file.endsWith(".json"))).toHaveLength(24);
    expect(readdirSync(cacheDir).filter((file) => file.endsWith(".tmp"))).toEqual([]);
    // A later build, in a fresh memory, finds every one of them.
    const again = await analyzeCorpus(articles, registry, { cacheDir, memory: new Map() });
    expect(again.stats).toMatchObject({ analyzed: 0, cached: 24 });
    const comparable = (d: typeof parallel) => JSON.stringify({ ...d, stats: undefined }, (_key, value) => (value instanceof Map ? [...value] : value));
    expect(comparable(again)).toBe(comparable(parallel));
  }, 120_000);
});
