import { createHash } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { IndexRecord, SearchedPage } from "../../src/search/index-record.ts";
import { type BundleFile, languageBundle, mergeBundles } from "./pagefind-canonical.ts";
import { type ShardPlan, encodeRecords, planPages, pruneShards } from "./pagefind-shards.ts";
import type { LanguageWork, RecordsAnswer, RecordsRequest } from "./search-index-worker.ts";

/** Where the search bundle lives in the built site; _includes/kinds/search.njk points the browser there. */
export const BUNDLE_DIR = "pagefind";

export interface SearchIndexReport {
  /** Pages the bundle indexes: articles, topics and actors, in both languages. */
  pages: number;
  /** A hash of each language's records: what the next build compares to reuse that language's index. */
  languages: Record<string, string>;
  /** The languages indexed by this call; the others were taken from the previous bundle. */
  indexed: string[];
}

/** A bundle already published, and the hashes of the records it was made from. */
export interface PreviousBundle {
  dir: string;
  languages: Record<string, string>;
}

/**
 * Indexes the pages readers search and writes the bundle into the built site. The records come
 * from the site model (src/search/index-record.ts: the text of each page's data-pagefind-body,
 * its result fields, filters and sort keys), not from the written HTML: nothing is read back from
 * disk and no page is parsed. Pagefind keeps one index per language (fr, es), so each language's
 * search page only ever loads its own; each is made by a Pagefind process of its own, on a thread
 * of its own (./search-index-worker.ts), both languages at once, so that the build renders pages
 * meanwhile and Pagefind, which indexes on one core, has both once rendering is over; their
 * bundles are merged (mergeBundles()). A language of more than a few
 * hundred pages is indexed in shards, kept in `cacheDir` (./pagefind-shards.ts): a rebuild indexes
 * again only the shards whose records changed, and merges them with the others.
 *
 * Each language's records are added one at a time in indexRecords() order (by URL). Pagefind
 * numbers pages in the order they are added, and those numbers are written into every index
 * chunk and filter, so the same pages always give the same numbers. What Pagefind 1.5 still
 * writes in a different order on every run (its filter values, the lists of filters and sorts,
 * the list of languages: hash maps seeded at random in each process) is put in one order by
 * canonicalBundle() before anything is written, so the same site gives the same bundle, byte for
 * byte and name for name. canonicalBundle() also cuts each language's word index into chunks of its
 * own (chunkIndex()), so that a reader's first query downloads its word's postings and no others.
 */
export function indexSite(siteDir: string, pages: readonly (SearchedPage | IndexRecord)[], previous?: PreviousBundle, cacheDir?: string): Promise<SearchIndexReport> {
  try {
    return writeIndex(siteDir, startIndexing(pages.map(searched), previous, cacheDir), previous, cacheDir);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** A record already made, as a page whose record is asked for. */
function searched(page: SearchedPage | IndexRecord): SearchedPage {
  return "record" in page ? page : { url: page.url, language: page.language, record: () => page };
}

/** What startIndexing() leaves to wait for: no record, only each shard's key and the threads' bundles. */
interface Indexing {
  hashes: Record<string, string>;
  shards: Pick<ShardPlan, "lang" | "keys">[];
  indexed: string[];
  made: Promise<BundleFile[][]>;
  kept: Map<string, BundleFile[]>;
}

/**
 * Plans each language's shards and starts its thread. Records are made one at a time, hashed and,
 * when the cache lacks their shard, encoded into the shard's buffer (planPages()), handed to the
 * thread transferred, not copied: the records of the site never exist at once as strings, here or
 * in the threads, which decode a shard's only when Pagefind is about to index it. (Made at once and
 * copied to the threads, they added 470 MB to the peak of a build of 10,000 articles; as buffers,
 * the threads receive about 45 MB each.)
 */
function startIndexing(pages: readonly SearchedPage[], previous: PreviousBundle | undefined, cacheDir: string | undefined): Indexing {
  const languages = [...new Set(pages.map((page) => page.language))].sort();
  if (languages.length === 0) throw new Error("No page to index: the site has no article, topic or actor page");
  // A shard is named by a hash of its records and of the code that prepares them for Pagefind
  // (./pagefind-shards.ts), so a change to how the text is prepared indexes again.
  const cached = cachedShards(cacheDir);
  const hashes: Record<string, string> = {};
  const shards: Pick<ShardPlan, "lang" | "keys">[] = [];
  const work: LanguageWork[] = [];
  const ofLanguage = new Map<string, { pages: SearchedPage[]; plan: ShardPlan }>();
  for (const language of languages) {
    const own = pages.filter((page) => page.language === language);
    const { plan, hash, sent, first } = planPages(language, own, cached);
    hashes[language] = hash;
    shards.push({ lang: language, keys: plan.keys });
    ofLanguage.set(language, { pages: own, plan });
    work.push({ plan, sent, ...(first ? { first } : {}) });
  }
  // Pagefind cannot add pages to an index it wrote, but its languages are independent: a language
  // whose records are the same as the previous bundle's is taken from it as it is, and its buffers
  // are let go of. Of the others, only the shards whose records changed are indexed again; the rest
  // come from the cache.
  const kept = reusedLanguages(previous, hashes);
  const indexed = work.filter(({ plan }) => !kept.has(plan.lang));
  // A shard whose file in the cache the thread could not read is made again when it asks.
  const recordsOf = (lang: string, shard: number | "first"): Uint8Array => {
    const { pages: own, plan } = ofLanguage.get(lang)!;
    return encodeRecords(shard === "first" ? [own[0]!.record()] : own.filter((_, i) => plan.shardOf[i] === shard).map((page) => page.record()));
  };
  // One thread and one Pagefind process per language: while Eleventy renders they share the other
  // core, and once it is done each language has a core of its own.
  const made = Promise.all(indexed.map(async (language) => (await indexInWorker([language], cacheDir, recordsOf))[0]!));
  return { hashes, shards, indexed: indexed.map(({ plan }) => plan.lang), made, kept };
}

/** The keys of the shards in the cache folder. */
function cachedShards(cacheDir: string | undefined): Set<string> {
  try {
    return new Set(cacheDir ? readdirSync(cacheDir).flatMap((name) => (name.endsWith(".shard") ? [name.slice(0, -".shard".length)] : [])) : []);
  } catch {
    return new Set();
  }
}

async function writeIndex(siteDir: string, indexing: Indexing, previous: PreviousBundle | undefined, cacheDir: string | undefined): Promise<SearchIndexReport> {
  const { hashes, shards, indexed, kept } = indexing;
  const made = await indexing.made;
  // Each language's bundle is in canonical form (the worker's, or the published one's), so the
  // bundle is theirs side by side, languages in order, as canonicalBundle() would write it.
  const bundles = [...indexed.map((lang, i): [string, BundleFile[]] => [lang, made[i]!]), ...kept]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, bundle]) => bundle);
  if (cacheDir) pruneShards(cacheDir, shards);
  let pages = 0;
  const bundleDir = path.join(siteDir, BUNDLE_DIR);
  const written = new Set<string>();
  const folders = new Set<string>();
  const published = previous && cacheDir ? readPublished(cacheDir, previous.dir) : undefined;
  const digests = new Map<string, string>();
  let entry: Uint8Array | undefined;
  for (const file of mergeBundles(bundles)) {
    const target = path.join(bundleDir, file.path);
    if (!folders.has(path.dirname(target))) mkdirSync(path.dirname(target), { recursive: true });
    folders.add(path.dirname(target));
    // A file linked from the published bundle is not read: its digest is the one recorded for it.
    const digest = file.source !== undefined ? published?.get(file.path) : digestOf(file.content);
    if (digest !== undefined) digests.set(file.path, digest);
    const same = published && digest !== undefined ? published.get(file.path) === digest : undefined;
    writeBundleFile(target, file, previous && path.join(previous.dir, file.path), same);
    written.add(path.normalize(file.path));
    if (file.path === "pagefind-entry.json") {
      pages = countIndexedPages(file.content);
      entry = file.content;
    }
  }
  removeOthers(bundleDir, written);
  if (cacheDir && entry) writePublished(cacheDir, entry, digests);
  return { pages, languages: hashes, indexed };
}

/**
 * The previous bundle's share for each language whose records did not change; none when it cannot
 * be read. A file's bytes are read only when asked for: of a kept language's 10,000 fragments at
 * 10,000 articles none is, since each is linked into the new bundle as it is (writeBundleFile()),
 * and the other language's files are never read.
 */
function reusedLanguages(previous: PreviousBundle | undefined, hashes: Record<string, string>): Map<string, BundleFile[]> {
  const same = Object.keys(hashes).filter((language) => previous?.languages[language] === hashes[language]);
  if (!previous || same.length === 0) return new Map();
  try {
    const files = readdirSync(previous.dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .map((source): BundleFile => {
        let content: Uint8Array | undefined;
        return {
          path: path.relative(previous.dir, source).split(path.sep).join("/"),
          source,
          get content() {
            content ??= readFileSync(source);
            return content;
          },
        };
      });
    return new Map(same.map((language) => [language, languageBundle(files, language)]));
  } catch {
    // Missing or not Pagefind 1.5.2's: indexed again, as in a first build.
    return new Map();
  }
}

/**
 * A file taken as it was from the published bundle, or one the published bundle already holds
 * with the same bytes (the fragments of a re-indexed language's unchanged pages: 9,999 of 10,000
 * after one summary is edited), is linked to it, as the build keeps unchanged pages: reading
 * a file costs less than writing one. Any other is written. Whether the published file has the
 * same bytes is told by the digests recorded when it was written (`same`), else by reading it.
 */
function writeBundleFile(target: string, file: BundleFile, published: string | undefined, same: boolean | undefined): void {
  const source = file.source ?? (published !== undefined && (same ?? sameBytes(published, file.content)) ? published : undefined);
  if (source !== undefined) {
    try {
      linkSync(source, target);
      return;
    } catch {
      // Another file system, or one without hard links: its bytes are written instead.
    }
  }
  writeFileSync(target, file.content);
}

function sameBytes(file: string, content: Uint8Array): boolean {
  try {
    return Buffer.from(content.buffer, content.byteOffset, content.byteLength).equals(readFileSync(file));
  } catch {
    return false;
  }
}

/**
 * The digest of each file of the bundle a build wrote, kept in the cache folder under the hash of
 * its entry file (which names every language's meta file, itself named by the hash of its bytes,
 * which names every chunk, filter and page): the next build tells which of its files the published
 * bundle already holds without reading 10,000 fragments. Only the last bundle's are kept.
 */
const PUBLISHED = /^published-[A-Za-z0-9_-]+\.json$/;

function publishedFile(cacheDir: string, entry: Uint8Array): string {
  return path.join(cacheDir, `published-${createHash("sha256").update(entry).digest("base64url").slice(0, 32)}.json`);
}

function digestOf(content: Uint8Array): string {
  return createHash("sha1").update(content).digest("base64url");
}

function readPublished(cacheDir: string, bundleDir: string): Map<string, string> | undefined {
  try {
    const digests = JSON.parse(readFileSync(publishedFile(cacheDir, readFileSync(path.join(bundleDir, "pagefind-entry.json"))), "utf8")) as Record<string, string>;
    return new Map(Object.entries(digests));
  } catch {
    // No record of that bundle (another output, or a cache deleted): its files are read instead.
    return undefined;
  }
}

function writePublished(cacheDir: string, entry: Uint8Array, digests: Map<string, string>): void {
  const file = publishedFile(cacheDir, entry);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${file}.tmp-${process.pid}`, JSON.stringify(Object.fromEntries(digests)));
  renameSync(`${file}.tmp-${process.pid}`, file);
  for (const name of readdirSync(cacheDir)) if (PUBLISHED.test(name) && path.join(cacheDir, name) !== file) rmSync(path.join(cacheDir, name), { force: true });
}

const TSX_API = import.meta.resolve("tsx/esm/api");
const WORKER = new URL("./search-index-worker.ts", import.meta.url).href;

function indexInWorker(work: LanguageWork[], cacheDir: string | undefined, recordsOf: (lang: string, shard: number | "first") => Uint8Array): Promise<BundleFile[][]> {
  return new Promise((resolve, reject) => {
    // Loader hooks are per thread: the worker registers tsx before loading the TypeScript module.
    const bootstrap = `import(${JSON.stringify(TSX_API)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}); })`;
    const buffers = work.flatMap(({ sent, first }) => [...sent.values(), ...(first ? [first] : [])].map((bytes) => bytes.buffer as ArrayBuffer));
    const worker = new Worker(bootstrap, { eval: true, workerData: { work, cacheDir }, transferList: buffers });
    worker.on("message", (answer: { bundles: BundleFile[][] } | { error: string } | RecordsRequest) => {
      if ("need" in answer) {
        const { lang, shard } = answer.need;
        const bytes = recordsOf(lang, shard);
        worker.postMessage({ records: { lang, shard, bytes } } satisfies RecordsAnswer, [bytes.buffer as ArrayBuffer]);
      } else if ("error" in answer) reject(new Error(answer.error));
      else resolve(answer.bundles);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`A search indexing thread stopped with exit code ${code}`));
    });
  });
}

/**
 * Pagefind names its files by a hash of their content, so an index written over an older one (the
 * development server indexes the same site after every save) would leave the older files beside
 * it (40 filter files for 8 after a morning's work). They are removed only after the new bundle
 * is written, so the entry on disk never names a file that is missing.
 */
function removeOthers(bundleDir: string, kept: Set<string>): void {
  for (const file of readdirSync(bundleDir, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const relative = path.relative(bundleDir, path.join(file.parentPath, file.name));
    if (!kept.has(relative)) rmSync(path.join(bundleDir, relative), { force: true });
  }
}

/** The entry file counts the pages each language's index holds. */
function countIndexedPages(entry: Uint8Array): number {
  const { languages } = JSON.parse(Buffer.from(entry).toString("utf8")) as { languages: Record<string, { page_count: number }> };
  return Object.values(languages).reduce((sum, language) => sum + language.page_count, 0);
}
