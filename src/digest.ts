import path from "node:path";
import { availableParallelism } from "node:os";
import {
  analyzeCorpus,
  analyzeCorpusInParallel,
  DEFAULT_CACHE_DIR,
  loadRegistry,
  type DigestAnalysis,
  type Registry,
} from "./analysis/index.ts";
import { readCorpus, sortNewestFirst, type Article } from "./content/corpus.ts";
import { ContentError, type Problem } from "./content/problems.ts";

/**
 * The whole digest as the site shows it: the articles, the registries and what the analysis
 * computed across them. The build script loads it first (to time each phase and to refuse bad
 * content before anything is written); Eleventy's data files then get the same object back from
 * memory, and the development server re-reads only what changed.
 */
export interface Digest {
  contentDir: string;
  articles: Article[];
  registry: Registry;
  analysis: DigestAnalysis;
  /** Editorial warnings (facts a summary's source does not support, unknown names): never fatal. */
  warnings: Problem[];
}

export interface DigestOptions {
  includeDrafts: boolean;
  cacheDir?: string;
}

/**
 * One digest per set of options: the development server asks for drafts (pages) and without
 * them (feeds) on every rebuild, and neither should evict the other.
 */
const memo = new Map<string, { articles: Article[]; digest: Digest }>();

/** What the digest is made from, read and validated, with every problem found. */
export interface DigestSources {
  dir: string;
  /** Drafts included. */
  articles: Article[];
  registry: Registry;
  problems: Problem[];
}

export function readDigestSources(contentDir: string): DigestSources {
  const dir = path.resolve(contentDir);
  const { articles, problems } = readCorpus(dir);
  const { registry, problems: registryProblems } = loadRegistry(dir);
  return { dir, articles, registry, problems: [...problems, ...registryProblems] };
}

/**
 * Throws a ContentError listing every problem when the content is invalid. Sources already read
 * (the build validates them first, in a phase of their own) are not read again.
 */
export function loadDigest(content: string | DigestSources, options: DigestOptions): Digest {
  const { dir, articles, registry, key, known } = select(content, options);
  if (known) return known;
  const analysis = analyzeCorpus(articles, registry, { cacheDir: cacheDir(options) });
  return remember(dir, key, articles, registry, analysis);
}

/**
 * The same digest as loadDigest, with the articles no cache holds analyzed on every core: what
 * the production build calls first. Eleventy's data files then find it in memory.
 */
export async function prepareDigest(content: string | DigestSources, options: DigestOptions): Promise<Digest> {
  const { dir, articles, registry, key, known } = select(content, options);
  if (known) return known;
  const analysis = await analyzeCorpusInParallel(articles, registry, { cacheDir: cacheDir(options), workers: availableParallelism() });
  return remember(dir, key, articles, registry, analysis);
}

// DIGEST_CACHE_DIR lets the benchmark measure a cold build without touching the editors' cache.
function cacheDir(options: DigestOptions): string {
  return path.resolve(options.cacheDir ?? process.env.DIGEST_CACHE_DIR ?? DEFAULT_CACHE_DIR);
}

function select(content: string | DigestSources, options: DigestOptions) {
  const { dir, articles: all, registry, problems } = typeof content === "string" ? readDigestSources(content) : content;
  if (problems.length > 0) throw new ContentError(problems);

  const articles = sortNewestFirst(options.includeDrafts ? all : all.filter((a) => !a.draft));
  const key = `${options.includeDrafts}`;
  // The corpus reader returns the same objects for unchanged folders: same objects, same digest.
  const remembered = memo.get(`${options.includeDrafts}`);
  const known = remembered && remembered.digest.contentDir === dir && remembered.digest.registry.hash === registry.hash && sameItems(remembered.articles, articles) ? remembered.digest : null;
  return { dir, articles, registry, key, known };
}

function remember(dir: string, key: string, articles: Article[], registry: Registry, analysis: DigestAnalysis): Digest {
  // Unknown topic ids make the content invalid; unsupported facts are the editors' to judge.
  const fatal = analysis.problems.filter((p) => p.field === "topics");
  if (fatal.length > 0) throw new ContentError(fatal);
  const digest: Digest = { contentDir: dir, articles, registry, analysis, warnings: analysis.problems.filter((p) => p.field !== "topics") };
  memo.set(key, { articles, digest });
  return digest;
}

function sameItems<T>(a: T[], b: T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
