import { existsSync } from "node:fs";
import path from "node:path";
import { ARTICLE_FILES, articleFolders } from "../content/corpus.ts";
import { type ContentFolder, contentFolder, readContentText, SIZE_LIMITS, type SizeLimit } from "../content/files.ts";
import { readYaml } from "../content/yaml.ts";
import { fold } from "../text/fold.ts";

/**
 * Is this article already in the corpus? Two tests: the same address, and nearly the same text.
 * The corpus is read leniently here (a half-written draft still counts as being there), not
 * through the validating loader, which skips an article with any problem.
 */

export interface ExistingArticle {
  slug: string;
  /** Folder, as the editor would type it. */
  dir: string;
  url?: string;
  source: string;
}

export function readExistingArticles(contentDir: string): ExistingArticle[] {
  const root = path.join(contentDir, "articles");
  if (!existsSync(root)) return [];
  const content = contentFolder(contentDir);
  return articleFolders(root).map((dir) => readExisting(dir, content));
}

function readExisting(dir: string, content: ContentFolder): ExistingArticle {
  // Through the same reader as the corpus: a link, a pipe or a Latin-1 file reads as nothing here.
  const read = (name: string, limit: SizeLimit) => {
    const file = readContentText(path.join(dir, name), content, limit);
    return file.ok ? file.text : "";
  };
  let url: string | undefined;
  // Unreadable metadata leaves the text comparison, which still applies.
  const meta = readYaml(read(ARTICLE_FILES.meta, SIZE_LIMITS.articleMeta), path.join(dir, ARTICLE_FILES.meta));
  if (meta.ok) {
    const value = meta.value as { url?: unknown } | null;
    if (typeof value?.url === "string") url = value.url;
  }
  return { slug: path.basename(dir), dir, url, source: read(ARTICLE_FILES.source, SIZE_LIMITS.source) };
}

// --- addresses ----------------------------------------------------------------------------

const TRACKING_PARAMS = /^(?:utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|xtor|at_medium|at_campaign|ref|ref_src|cmpid|s_cid)$/i;

/**
 * The address with what does not change the page left out: scheme, "www.", letter case of the
 * host, trailing slash, fragment, tracking parameters, and the order of the other parameters.
 * Returns null for text that is not an absolute address.
 */
export function normalizeUrl(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, "");
  const port = url.port ? `:${url.port}` : "";
  const pathname = url.pathname.replace(/\/+$/, "");
  const params = [...url.searchParams.entries()]
    .filter(([key]) => !TRACKING_PARAMS.test(key))
    .sort(([a, av], [b, bv]) => a.localeCompare(b) || av.localeCompare(bv));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : "";
  return `${host}${port}${pathname}${query}`;
}

/** The address as it will be stored: tracking parameters and fragment dropped, the rest as given. */
export function withoutTracking(address: string): string {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return address.trim();
  }
  for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
  url.hash = "";
  return url.toString();
}

// --- texts --------------------------------------------------------------------------------

export const SHINGLE_WORDS = 5;
export const SAME_TEXT_SIMILARITY = 0.8;

/** Words without accents, case or punctuation, so retyped quotes or a fixed accent change nothing. */
function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** 32-bit FNV-1a: a shingle is kept as a number, not a string of five words. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The set of runs of five consecutive words; a text shorter than that is one shingle. */
export function shingles(text: string, size = SHINGLE_WORDS): Set<number> {
  const w = words(text);
  const set = new Set<number>();
  if (w.length === 0) return set;
  if (w.length < size) {
    set.add(hash(w.join(" ")));
    return set;
  }
  for (let i = 0; i + size <= w.length; i++) set.add(hash(w.slice(i, i + size).join(" ")));
  return set;
}

export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

// --- the check ----------------------------------------------------------------------------

export type Duplicate =
  | { kind: "url"; article: ExistingArticle; url: string }
  | { kind: "text"; article: ExistingArticle; similarity: number };

/**
 * The first existing article with the same address, else the most similar text at or above the
 * threshold. Texts whose sizes alone rule out the threshold are not compared: |A∩B|/|A∪B| can be
 * no more than min/max of the two sizes.
 */
export function findDuplicate(
  candidate: { url?: string; text: string },
  existing: readonly ExistingArticle[],
  threshold = SAME_TEXT_SIMILARITY,
): Duplicate | null {
  const url = candidate.url === undefined ? null : normalizeUrl(candidate.url);
  if (url !== null) {
    const same = existing.find((a) => a.url !== undefined && normalizeUrl(a.url) === url);
    if (same) return { kind: "url", article: same, url: same.url ?? "" };
  }

  const mine = shingles(candidate.text);
  if (mine.size === 0) return null;
  let best: { article: ExistingArticle; similarity: number } | null = null;
  for (const article of existing) {
    const theirs = shingles(article.source);
    const bound = Math.min(mine.size, theirs.size) / Math.max(mine.size, theirs.size);
    if (bound < threshold) continue;
    const similarity = jaccard(mine, theirs);
    if (similarity >= threshold && (best === null || similarity > best.similarity)) best = { article, similarity };
  }
  return best && { kind: "text", ...best };
}
