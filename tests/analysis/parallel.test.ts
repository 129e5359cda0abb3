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
});
