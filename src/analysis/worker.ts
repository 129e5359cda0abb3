import { parentPort, workerData } from "node:worker_threads";
import type { Article } from "../content/corpus.ts";
import { analyzeArticle } from "./analyze.ts";
import type { Registry } from "./registry.ts";

/** One share of analyzeCorpus on worker threads: analyzes the articles it is given and sends them back. */
const { articles, registry } = workerData as { articles: Article[]; registry: Registry };
parentPort?.postMessage(articles.map((article) => analyzeArticle(article, registry)));
