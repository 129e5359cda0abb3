import { parentPort, workerData } from "node:worker_threads";
import type { Article } from "../content/corpus.ts";
import { analyzeArticle } from "./analyze.ts";
import { AnalysisCache } from "./cache.ts";
import type { Registry } from "./registry.ts";

/**
 * One share of analyzeCorpus on worker threads: analyzes the articles it is given, writes each to
 * the cache folder under the key it is given (here, on this thread's core, rather than on the
 * main thread once every share is back) and sends them back.
 */
const { articles, keys, registry, cacheDir } = workerData as { articles: Article[]; keys: string[]; registry: Registry; cacheDir: string | null };
const cache = cacheDir ? new AnalysisCache(cacheDir, new Map()) : null;
parentPort?.postMessage(
  articles.map((article, i) => {
    const analysis = analyzeArticle(article, registry);
    cache?.write(article.slug, keys[i]!, analysis);
    return analysis;
  }),
);
