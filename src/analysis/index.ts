/**
 * Who, what, when: actors, topics, quotes, figures and dates across the digest's articles.
 * A pure library (no Eleventy): text and metadata in, facts out.
 *
 * Public API
 *
 *   loadRegistry(contentDir): { registry: Registry; problems: Problem[] }
 *       Reads content/actors/*.yaml, content/actors/roles/*.yaml and content/topics/*.yaml.
 *
 *   analyzeText({ text, lang, date }, registry): TextAnalysis
 *       One text (an article source or a raw import): mentions of actors (with their sentence),
 *       candidate names, topic signals, quotes with speakers, figures, dated events.
 *
 *   analyzeArticle(article, registry): ArticleAnalysis
 *       The source (TextAnalysis) and both summaries (SummaryAnalysis: mentions and figures),
 *       plus the article's assigned, suggested and effective topics.
 *
 *   analyzeCorpus(articles, registry, { cacheDir?, memory?, workers? }): Promise<DigestAnalysis>
 *       Every article (from the cache when unchanged; uncached ones on worker threads when there
 *       are thousands), then the aggregates:
 *         articles   Map<slug, ArticleAnalysis>
 *         actors     Map<actorId, ActorAggregate>   articles, mentions by month, first and last
 *                    appearance, quotes, co-mentioned actors, topics
 *         topics     Map<topicId, TopicAggregate>   articles, actors, figures, articles by month
 *         timeline   TimelineEvent[]                dated events, oldest first
 *         related    Map<slug, RelatedArticle[]>    up to 5 per article, through inverted indexes
 *         candidates CandidateAggregate[]           names not in the registry, by article count
 *         problems   Problem[]                      facts a summary gives that its source does not support
 *         sourceKeys Map<slug, string>              each source's cache key: the events' clusters are kept under them
 *         stats      { analyzed, cached, ms: { analyze, aggregate } }
 *       Without cacheDir nothing is read or written; pass DEFAULT_CACHE_DIR (".cache/analysis").
 *
 *   checkSummaries(article, analysis, registry): Problem[]
 *   checkArticleTopics(articles, registry): Problem[]
 *
 * Every fact keeps its provenance: the article's slug and the sentence it comes from.
 */
import type { Article } from "../content/corpus.ts";
import type { Problem } from "../content/problems.ts";
import {
  aggregateActors,
  aggregateCandidates,
  aggregateTopics,
  timeline,
  type ActorAggregate,
  type CandidateAggregate,
  type TimelineEvent,
  type TopicAggregate,
} from "./aggregate.ts";
import { analyzeArticle, type ArticleAnalysis } from "./analyze.ts";
import { AnalysisCache, analysisKeys } from "./cache.ts";
import { type RelatedArticle, relatedArticles } from "./related.ts";
import type { Registry } from "./registry.ts";
import { checkSummaries } from "./summaries.ts";

export { loadRegistry, buildRegistry, type Registry, type Actor, type Role, type Topic } from "./registry.ts";
export {
  analyzeText,
  analyzeArticle,
  type TextAnalysis,
  type TextInput,
  type ArticleAnalysis,
  type SummaryAnalysis,
} from "./analyze.ts";
export { checkSummaries, sameFigure } from "./summaries.ts";
export { checkArticleTopics } from "./topics.ts";
export { DEFAULT_CACHE_DIR } from "./cache.ts";
export type { Mention } from "./mentions.ts";
export type { Quote } from "./quotes.ts";
export type { Figure } from "./figures.ts";
export type { DatedEvent } from "./dates.ts";
export type { Candidate } from "./candidates.ts";
export type { TopicSignal } from "./topics.ts";
export type { ActorAggregate, TopicAggregate, TimelineEvent, CandidateAggregate, Provenance, MonthCount } from "./aggregate.ts";
export type { RelatedArticle } from "./related.ts";

import { Worker } from "node:worker_threads";

export interface DigestAnalysis {
  articles: Map<string, ArticleAnalysis>;
  actors: Map<string, ActorAggregate>;
  topics: Map<string, TopicAggregate>;
  timeline: TimelineEvent[];
  related: Map<string, RelatedArticle[]>;
  candidates: CandidateAggregate[];
  problems: Problem[];
  /** Each article's source key (src/analysis/cache.ts, analysisKeys), by slug: what is derived from the sources alone is cached under them. */
  sourceKeys: Map<string, string>;
  /** `workers`: threads that analyzed uncached articles (0: this thread). */
  stats: { analyzed: number; cached: number; workers: number; ms: { analyze: number; aggregate: number } };
}

export interface CorpusOptions {
  /** Where analyses are kept between builds; no cache when left out. */
  cacheDir?: string;
  /**
   * Analyses already read or made in this process, by key: the development server passes the same
   * map to every rebuild, so a save re-reads nothing but the article that changed.
   */
  memory?: Map<string, ArticleAnalysis>;
  /** Worker threads to analyze with, at most one per `minPerWorker` uncached articles (default 1: this thread). */
  workers?: number;
  /** Defaults to MIN_PARALLEL. */
  minPerWorker?: number;
}

/** Starting a worker (loading TypeScript and the analysis) costs seconds: worth it for thousands of articles. */
export const MIN_PARALLEL = 250;

/**
 * Every article (from the cache when unchanged), then the aggregates across them. Analyzing an
 * article is independent of every other, so when thousands are not cached they are shared among
 * worker threads; aggregation stays on this thread. The result is the same either way.
 */
export async function analyzeCorpus(articles: Article[], registry: Registry, options: CorpusOptions = {}): Promise<DigestAnalysis> {
  const started = performance.now();
  const { found, missing, cache, keys } = fromCache(articles, registry, options);
  const workers = Math.min(options.workers ?? 1, Math.floor(missing.length / (options.minPerWorker ?? MIN_PARALLEL)));
  if (workers <= 1) {
    for (const article of missing) {
      const analysis = analyzeArticle(article, registry);
      cache.set(article.slug, keys.get(article.slug)!.analysis, analysis);
      found.set(article.slug, analysis);
    }
  } else {
    const chunks = Array.from({ length: workers }, (_, i) => missing.filter((_, j) => j % workers === i));
    // Each worker writes its share to the cache folder itself; the share is kept in memory as soon
    // as its worker is done, while the others still work.
    const kept = (chunk: Article[], chunkKeys: string[]) => (analyses: ArticleAnalysis[]) =>
      analyses.forEach((analysis, j) => {
        cache.remember(chunkKeys[j]!, analysis);
        found.set(chunk[j]!.slug, analysis);
      });
    await Promise.all(
      chunks.map((chunk) => {
        const chunkKeys = chunk.map((article) => keys.get(article.slug)!.analysis);
        return analyzeInWorker(chunk, chunkKeys, registry, options.cacheDir ?? null).then(kept(chunk, chunkKeys));
      }),
    );
  }
  const sourceKeys = new Map([...keys].map(([slug, k]) => [slug, k.source]));
  return finish(articles, registry, found, sourceKeys, { analyzed: missing.length, cached: articles.length - missing.length, workers: workers > 1 ? workers : 0 }, started);
}

const TSX_API = import.meta.resolve("tsx/esm/api");
const WORKER = new URL("./worker.ts", import.meta.url).href;

function analyzeInWorker(articles: Article[], keys: string[], registry: Registry, cacheDir: string | null): Promise<ArticleAnalysis[]> {
  return new Promise((resolve, reject) => {
    // Loader hooks are per thread: the worker registers tsx before loading the TypeScript module.
    const bootstrap = `import(${JSON.stringify(TSX_API)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}); })`;
    const worker = new Worker(bootstrap, { eval: true, workerData: { articles, keys, registry, cacheDir } });
    worker.once("message", (analyses: ArticleAnalysis[]) => resolve(analyses));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`An analysis worker stopped with exit code ${code}`));
    });
  });
}

function fromCache(articles: Article[], registry: Registry, options: CorpusOptions) {
  const cache = new AnalysisCache(options.cacheDir ?? null, options.memory ?? new Map());
  const found = new Map<string, ArticleAnalysis>();
  const missing: Article[] = [];
  const keys = new Map<string, { analysis: string; source: string }>();
  for (const article of articles) {
    const key = analysisKeys(article, registry.hash);
    keys.set(article.slug, key);
    const analysis = cache.get(article.slug, key.analysis) ?? null;
    if (analysis) found.set(article.slug, analysis);
    else missing.push(article);
  }
  return { found, missing, cache, keys };
}

/**
 * What checkSummaries finds depends on the article, its analysis and the registry only: the
 * development server, whose rebuilds keep unchanged articles and analyses, checks only the changed.
 */
const checked = new WeakMap<ArticleAnalysis, { article: Article; registry: string; problems: Problem[] }>();
function summaryProblems(article: Article, analysis: ArticleAnalysis, registry: Registry): Problem[] {
  const known = checked.get(analysis);
  if (known && known.article === article && known.registry === registry.hash) return known.problems;
  const problems = checkSummaries(article, analysis, registry);
  checked.set(analysis, { article, registry: registry.hash, problems });
  return problems;
}

function finish(
  articles: Article[],
  registry: Registry,
  found: Map<string, ArticleAnalysis>,
  sourceKeys: Map<string, string>,
  counts: { analyzed: number; cached: number; workers: number },
  started: number,
): DigestAnalysis {
  const analyses = articles.map((article) => found.get(article.slug)!);
  const problems = articles.flatMap((article, i) => summaryProblems(article, analyses[i]!, registry));
  const analyzedAt = performance.now();
  // The raw timeline is for readers of the analysis (the site shows the curated events): listed
  // when first read, not held for the whole build.
  let events: TimelineEvent[] | undefined;
  const digest = {
    articles: new Map(analyses.map((a) => [a.slug, a])),
    actors: aggregateActors(analyses),
    topics: aggregateTopics(analyses),
    get timeline() {
      return (events ??= timeline(analyses));
    },
    related: relatedArticles(analyses),
    candidates: aggregateCandidates(analyses),
    problems,
    sourceKeys,
  };
  const ms = { analyze: Math.round(analyzedAt - started), aggregate: Math.round(performance.now() - analyzedAt) };
  return Object.assign(digest, { stats: { ...counts, ms } });
}
