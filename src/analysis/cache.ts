import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Article } from "../content/corpus.ts";
import { ANALYZER_VERSION, type ArticleAnalysis } from "./analyze.ts";

/**
 * Analyses are kept between builds, one JSON file per article in .cache/analysis/, under a key
 * that changes when anything the analysis reads changes: the article's texts and metadata, the
 * registry, the analyzer's version. A rebuild re-analyzes only what changed. A file that cannot
 * be read or parsed, or that holds another key, is ignored and rewritten.
 */
export const DEFAULT_CACHE_DIR = path.join(".cache", "analysis");

export function analysisKey(article: Article, registryHash: string): string {
  const hash = createHash("sha256");
  for (const part of [
    String(ANALYZER_VERSION),
    registryHash,
    article.slug,
    article.lang,
    article.date.iso,
    article.topics.join(","),
    article.source.text,
    ...[article.summaries.fr, article.summaries.es].flatMap((s) => [s.title, s.lede, s.markdown]),
  ]) {
    // Lengths first, so that no two different lists of parts hash the same.
    hash.update(`${part.length}:`).update(part);
  }
  return hash.digest("hex");
}

/**
 * Analyses already read or made in this process, by key: the development server rebuilds after
 * every save, and reading a thousand files again each time would cost more than the change.
 * Keeping the same objects also lets the site reuse what it derived from them.
 */
const inMemory = new Map<string, ArticleAnalysis>();
const MEMORY_LIMIT = 50_000;

export class AnalysisCache {
  constructor(private readonly dir: string) {}

  private file(slug: string): string {
    return path.join(this.dir, `${slug}.json`);
  }

  get(slug: string, key: string): ArticleAnalysis | null {
    const known = inMemory.get(key);
    if (known) return known;
    try {
      const stored = JSON.parse(readFileSync(this.file(slug), "utf8")) as { key?: unknown; analysis?: ArticleAnalysis };
      const analysis = stored.analysis;
      const whole = analysis?.slug === slug && Array.isArray(analysis.source?.mentions) && Array.isArray(analysis.summaries?.es?.figures);
      if (stored.key !== key || !whole) return null;
      keep(key, analysis as ArticleAnalysis);
      return analysis as ArticleAnalysis;
    } catch {
      return null;
    }
  }

  set(slug: string, key: string, analysis: ArticleAnalysis): void {
    keep(key, analysis);
    try {
      mkdirSync(this.dir, { recursive: true });
      // Written beside, then renamed: a build interrupted mid-write leaves no half file.
      const temporary = `${this.file(slug)}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ key, analysis }));
      renameSync(temporary, this.file(slug));
    } catch {
      // A cache that cannot be written only costs time on the next build.
    }
  }
}

function keep(key: string, analysis: ArticleAnalysis): void {
  if (inMemory.size >= MEMORY_LIMIT) inMemory.clear();
  inMemory.set(key, analysis);
}

/** Forgets the analyses kept in memory, as a new process would start: for tests of the files. */
export function forgetAnalysesInMemory(): void {
  inMemory.clear();
}
