import { availableParallelism } from "node:os";
import path from "node:path";
import { analyzeCorpus, DEFAULT_CACHE_DIR, type ArticleAnalysis } from "./analysis/index.ts";
import { siteConfig, type SiteConfig } from "./config.ts";
import { sortNewestFirst, type Article, type ArticleFolderCache } from "./content/corpus.ts";
import { ContentError, errorsIn, type Problem } from "./content/problems.ts";
import { curateDigest, type Digest } from "./digest.ts";
import { buildDigestFeeds, type Feeds } from "./feeds/index.ts";
import type { FormattedFacts } from "./site/facts.ts";
import { buildDigestSite, type DigestSite } from "./site/index.ts";
import { validateContent } from "./validate.ts";

/**
 * What one build may reuse from an earlier build in the same process: the development server keeps
 * one for its whole run, a production build makes a fresh one. Each part only saves time; an empty
 * context builds the same site.
 */
export interface BuildContext {
  /** Article folders already read, by folder, while their files are unchanged. */
  folders: ArticleFolderCache;
  /** Analyses already read or made, by cache key. */
  analyses: Map<string, ArticleAnalysis>;
  /** Facts formatted for pages, by analysis. */
  facts: FormattedFacts;
}

export const newBuildContext = (): BuildContext => ({ folders: new Map(), analyses: new Map(), facts: new WeakMap() });

export interface BuildOptions {
  /** Drafts are shown by the development server and left out of production builds (and of feeds always). */
  includeDrafts: boolean;
  /** Where analyses are kept between builds: DEFAULT_CACHE_DIR when left out, none when null. */
  cacheDir?: string | null;
  context?: BuildContext;
  site?: SiteConfig;
  /** Threads for uncached analyses; every core by default. */
  workers?: number;
}

export interface BuiltDigest {
  digest: Digest;
  /** Every page, as the templates format it (src/site/). */
  site: DigestSite;
  /** Every feed; never with drafts (src/feeds/). */
  feeds: Feeds;
  /** Problems that do not block: shown by the build, the check and the development server. */
  warnings: Problem[];
  /** Milliseconds per step, for the build's report. */
  timings: { validate: number; analyze: number; model: number };
}

/**
 * Content folder in, site model out: validate → analyze → site model. The build script, the
 * development server and the tests all call this one function. Throws a ContentError listing every
 * blocking problem (whose severity is "error", src/content/problems.ts) before anything is written.
 */
export async function buildDigest(contentDir: string, options: BuildOptions): Promise<BuiltDigest> {
  const context = options.context ?? newBuildContext();
  const timings = { validate: 0, analyze: 0, model: 0 };
  const timed = async <T>(step: keyof typeof timings, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      timings[step] = Math.round(performance.now() - start);
    }
  };

  const content = await timed("validate", () => validateContent(contentDir, { folders: options.context?.folders, includeDrafts: options.includeDrafts }));
  if (errorsIn(content.problems).length > 0) throw new ContentError(errorsIn(content.problems));

  const published = sortNewestFirst(content.articles.filter((a) => !a.draft));
  // With no draft, the articles shown are the published ones: one analysis serves pages and feeds.
  const shown = options.includeDrafts && published.length < content.articles.length ? sortNewestFirst(content.articles) : published;
  const cacheDir = options.cacheDir === null ? undefined : path.resolve(options.cacheDir ?? DEFAULT_CACHE_DIR);
  const analyze = (articles: Article[]): Promise<Digest> =>
    analyzeCorpus(articles, content.registry, {
      cacheDir,
      memory: context.analyses,
      workers: options.workers ?? availableParallelism(),
    }).then((analysis) => curateDigest({ contentDir: content.dir, articles, registry: content.registry, analysis }, { cacheDir }));
  const { digest, forFeeds } = await timed("analyze", async () => {
    const digest = await analyze(shown);
    // Feeds never carry drafts: with drafts shown, the published articles are aggregated on their
    // own (their analyses are in memory by then), so a subject only drafts name has no feed.
    return { digest, forFeeds: shown === published ? digest : await analyze(published) };
  });
  const problems = [...content.problems, ...digest.analysis.problems];
  if (errorsIn(problems).length > 0) throw new ContentError(errorsIn(problems));

  const site = options.site ?? siteConfig();
  return await timed("model", () => {
    const feeds = buildDigestFeeds(forFeeds, site);
    return { digest, site: buildDigestSite(digest, feeds, site, context.facts), feeds, warnings: problems, timings };
  });
}
