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
 *   analyzeCorpus(articles, registry, { cacheDir? }): DigestAnalysis
 *       Every article (from the cache when unchanged), then the aggregates:
 *         articles   Map<slug, ArticleAnalysis>
 *         actors     Map<actorId, ActorAggregate>   articles, mentions by month, first and last
 *                    appearance, quotes, co-mentioned actors, topics
 *         topics     Map<topicId, TopicAggregate>   articles, actors, figures, articles by month
 *         timeline   TimelineEvent[]                dated events, oldest first
 *         related    Map<slug, RelatedArticle[]>    up to 5 per article, through inverted indexes
 *         candidates CandidateAggregate[]           names not in the registry, by article count
 *         problems   Problem[]                      unknown topic ids, unsupported summary facts
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
import { AnalysisCache, analysisKey } from "./cache.ts";
import { type RelatedArticle, relatedArticles } from "./related.ts";
import type { Registry } from "./registry.ts";
import { checkSummaries } from "./summaries.ts";
import { checkArticleTopics } from "./topics.ts";

export { loadRegistry, buildRegistry, type Registry, type Actor, type Role, type Topic } from "./registry.ts";
export {
  analyzeText,
  analyzeArticle,
  ANALYZER_VERSION,
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

export interface DigestAnalysis {
  articles: Map<string, ArticleAnalysis>;
  actors: Map<string, ActorAggregate>;
  topics: Map<string, TopicAggregate>;
  timeline: TimelineEvent[];
  related: Map<string, RelatedArticle[]>;
  candidates: CandidateAggregate[];
  problems: Problem[];
  stats: { analyzed: number; cached: number; ms: { analyze: number; aggregate: number } };
}

export interface CorpusOptions {
  /** Where analyses are kept between builds; no cache when left out. */
  cacheDir?: string;
}

export function analyzeCorpus(articles: Article[], registry: Registry, options: CorpusOptions = {}): DigestAnalysis {
  const started = performance.now();
  const cache = options.cacheDir ? new AnalysisCache(options.cacheDir) : null;
  const analyses: ArticleAnalysis[] = [];
  const problems: Problem[] = checkArticleTopics(articles, registry);
  let analyzed = 0;
  let cached = 0;
  for (const article of articles) {
    const key = cache ? analysisKey(article, registry.hash) : "";
    let analysis = cache?.get(article.slug, key) ?? null;
    if (analysis) cached++;
    else {
      analysis = analyzeArticle(article, registry);
      analyzed++;
      cache?.set(article.slug, key, analysis);
    }
    analyses.push(analysis);
    problems.push(...checkSummaries(article, analysis, registry));
  }
  const analyzedAt = performance.now();

  const digest = {
    articles: new Map(analyses.map((a) => [a.slug, a])),
    actors: aggregateActors(analyses),
    topics: aggregateTopics(analyses),
    timeline: timeline(analyses),
    related: relatedArticles(analyses),
    candidates: aggregateCandidates(analyses),
    problems,
  };
  const ms = { analyze: Math.round(analyzedAt - started), aggregate: Math.round(performance.now() - analyzedAt) };
  return { ...digest, stats: { analyzed, cached, ms } };
}
