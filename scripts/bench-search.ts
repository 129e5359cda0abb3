/**
 * npm run bench-search -- --site DIR [--content DIR [--cache DIR] [--commonest 20] [--no-reindex]] [--lang fr,es] [--prefix /] [--queries a,b,c] [--later-only]
 *
 * Measures search on a built site and prints JSON, for each language:
 *  - index (with --content, the folder the site was built from): how long Pagefind takes to index
 *    the site model's records again (the bundle it writes is the one the build wrote) and how
 *    many pages it indexed;
 *  - firstQuery: what a reader's first query downloads, for each of a handful of named queries and,
 *    with --content, for the commonest words of the language's indexed pages, each in
 *    a fresh browser context: measured in Chromium from the responses it receives (pagefind.js,
 *    the WebAssembly, the entry and meta files, the index chunks and the fragments of the results
 *    shown), as sent by a host that does not compress and, file by file, gzipped as most hosts
 *    send them (Pagefind's own files are already compressed), and how many results it found;
 *    --queries replaces the named queries of each language with its own;
 *  - laterQueries: the time from submitting the form to the results on screen once a first query
 *    has loaded Pagefind, for the other queries (which may fetch new index chunks), then for the
 *    same queries again (everything in memory), then again with a topic chosen in the filters, and
 *    with no filter once one has been used.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { normalizePathPrefix } from "../src/config.ts";
import type { Page } from "playwright-core";
import { isLang, LANGUAGES, type Lang } from "../src/languages.ts";
import { routes } from "../src/site/routes.ts";
// The tests' static server sends the site's _headers (its CSP) and the right MIME types: the
// benchmark measures the page as the tests check it.
import { serveSite } from "../tests/helpers/serve.ts";
import { choose, launchChromium, searchCount, statusText, waitForSearch } from "../tests/search/browser.ts";
import { buildDigest } from "../src/build-digest.ts";
import { type IndexRecord, indexRecords } from "../src/search/index-record.ts";
import { indexSite } from "./lib/search-index.ts";

const QUERIES: Record<Lang, string[]> = {
  fr: ["frontière", "migrants", "fentanyl", "cartels", "Washington", "sécurité", "asile", "Sheinbaum"],
  es: ["frontera", "migrantes", "fentanilo", "cárteles", "Washington", "seguridad", "asilo", "Sheinbaum"],
};

/**
 * Commonest words are counted from MIN_LETTERS letters: shorter ones are mostly articles and
 * prepositions ("les", "des", "para"), found on every page and never searched for.
 */
const MIN_LETTERS = 6;

const { values } = parseArgs({
  options: {
    site: { type: "string" },
    lang: { type: "string", default: "fr,es" },
    prefix: { type: "string", default: "/" },
    content: { type: "string" },
    /** The analysis cache of the build that made the site (default .cache/analysis). */
    cache: { type: "string" },
    commonest: { type: "string", default: "20" },
    "no-reindex": { type: "boolean", default: false },
    queries: { type: "string" },
    /** Only laterQueries: no first query in a fresh browser, no commonest words. */
    "later-only": { type: "boolean", default: false },
  },
});
if (!values.site) throw new Error("--site DIR: the built site to measure (npm run build -- --output DIR)");
const langs = values.lang.split(",");
for (const lang of langs) if (!isLang(lang)) throw new Error(`--lang must be fr, es or fr,es, found "${lang}"`);
const siteDir = path.resolve(values.site);
const prefix = normalizePathPrefix(values.prefix);
const queriesOf = (lang: Lang): string[] => (values.queries ? values.queries.split(",") : QUERIES[lang]);

let index: { ms: number; pages: number } | undefined;
let commonest: Partial<Record<Lang, string[]>> = {};
if (values.content) {
  // The site model of the content the site was built from: its records give the commonest words
  // and, unless --no-reindex, are indexed again (only the indexing is timed).
  const built = await buildDigest(values.content, { includeDrafts: false, cacheDir: values.cache, site: { url: "http://localhost:8080", pathPrefix: prefix } });
  const records = indexRecords(built.site.pages);
  commonest = Object.fromEntries(LANGUAGES.map((lang) => [lang, commonestWords(records.filter((r) => r.language === lang), Number(values.commonest))]));
  if (!values["no-reindex"]) {
    const start = performance.now();
    const { pages } = await indexSite(siteDir, records);
    index = { ms: Math.round(performance.now() - start), pages };
  }
}

const site = await serveSite(siteDir, prefix);
const browser = await launchChromium();
try {
  const byLanguage: Record<string, unknown> = {};
  for (const lang of langs as Lang[]) {
    // Each query as a reader's first: a fresh browser context, so nothing is cached.
    if (values["later-only"]) {
      byLanguage[lang] = { laterQueries: await laterQueries(lang, queriesOf(lang)) };
      continue;
    }
    const named = [];
    for (const query of queriesOf(lang)) named.push(await firstQuery(lang, query));
    const common = [];
    for (const query of commonest[lang] ?? []) common.push(await firstQuery(lang, query));
    const all = [...named, ...common];
    const worst = all.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
    byLanguage[lang] = {
      searchPageBytes: named[0]!.searchPageBytes,
      firstQuery: {
        maxBytes: Math.max(...all.map((q) => q.bytes)),
        maxGzipBytes: worst.gzipBytes,
        medianGzipBytes: median(all.map((q) => q.gzipBytes)),
        queries: named.map(({ files, searchPageBytes, ...rest }) => rest),
        /** The words found on the most indexed pages of this language (--content), as typed by a reader. */
        commonestWords: common.map(({ files, searchPageBytes, ...rest }) => rest),
        heaviest: { query: worst.query, files: worst.files },
      },
      laterQueries: await laterQueries(lang, queriesOf(lang)),
    };
  }
  console.log(JSON.stringify({ site: siteDir, index, languages: byLanguage }, null, 2));
} finally {
  await browser.close();
  await site.close();
}

/** The words found on the most pages of one language's index, most pages first (ties in code-unit order). */
function commonestWords(records: readonly IndexRecord[], count: number): string[] {
  const pagesWith = new Map<string, number>();
  for (const record of records) {
    for (const word of new Set(record.content.toLocaleLowerCase(record.language).match(/\p{L}+/gu) ?? [])) {
      if ([...word].length >= MIN_LETTERS) pagesWith.set(word, (pagesWith.get(word) ?? 0) + 1);
    }
  }
  return [...pagesWith]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, count)
    .map(([word]) => word);
}

async function firstQuery(lang: Lang, query: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const received = new Map<string, number>();
  page.on("requestfinished", async (request) => {
    const sizes = await request.sizes().catch(() => null);
    if (sizes) received.set(request.url(), sizes.responseBodySize);
  });
  await page.goto(site.url(routes.search(lang)));
  await waitForSearch(page, 0);
  await page.waitForTimeout(300); // response sizes are reported asynchronously
  const searchPageBytes = sum([...received.values()]);
  received.clear();
  const msToResults = await submit(page, query);
  // The status begins with the count ("12 résultats pour…"), or says there is none.
  const results = Number((await statusText(page)).match(/^\d+/)?.[0] ?? 0);
  await page.waitForTimeout(300);
  const bundle = `${site.base}pagefind/`;
  const files = [...received].filter(([url]) => url.startsWith(bundle)).map(([url, bytes]) => {
    const file = new URL(url).pathname.slice(prefix.length);
    const body = readFileSync(path.join(siteDir, file));
    // Chromium reports no body size for a worker's own script: the file's size is what was sent.
    return { file, bytes: bytes || body.length, gzipBytes: gzipSync(body).length };
  });
  await context.close();
  return {
    query,
    results,
    msToResults,
    requests: files.length,
    bytes: sum(files.map((f) => f.bytes)),
    gzipBytes: sum(files.map((f) => f.gzipBytes)),
    files,
    searchPageBytes,
  };
}

/** After a first query has loaded the index, the time each further query takes to show. */
async function laterQueries(lang: Lang, [first, ...others]: string[]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url(routes.search(lang)));
  await waitForSearch(page, 0);
  await submit(page, first!);
  const toResults: number[] = [];
  const search: number[] = [];
  for (const query of others) {
    toResults.push(await submit(page, query));
    search.push(Number(await page.$eval("[data-search]", (el) => (el as HTMLElement).dataset.lastQueryMs)));
  }
  // The same queries again: every index chunk and fragment they need is now in memory, so this is
  // the search itself, without the network.
  const warm: number[] = [];
  for (const query of others) warm.push(await submit(page, query));
  // With the topic menu's first topic chosen: a pass to load what the filter needs, then the one
  // measured. Then the menu set back to any topic: a search once a filter has been used.
  await choose(page, "topic", await page.$eval("#search-topic option:nth-child(2)", (o) => (o as HTMLOptionElement).value));
  for (const query of others) await submit(page, query);
  const filtered: number[] = [];
  for (const query of others) filtered.push(await submit(page, query));
  await choose(page, "topic", "");
  const afterFilter: number[] = [];
  for (const query of others) afterFilter.push(await submit(page, query));
  await context.close();
  return {
    queries: others,
    /** Submit to results on screen: the search, the ten results' fragments, the DOM. */
    medianMs: median(toResults),
    maxMs: Math.max(...toResults),
    /** Pagefind's search call alone, new index chunks included. */
    searchMedianMs: median(search),
    searchMaxMs: Math.max(...search),
    /** Submit to results on screen when the chunks are already loaded. */
    loadedMedianMs: median(warm),
    loadedMaxMs: Math.max(...warm),
    /** The same, with a topic chosen in the filters. */
    filteredLoadedMedianMs: median(filtered),
    filteredLoadedMaxMs: Math.max(...filtered),
    /** The same, with no filter, once a filter has been used. */
    afterFilterLoadedMedianMs: median(afterFilter),
    afterFilterLoadedMaxMs: Math.max(...afterFilter),
  };
}

/** Submits the search form; returns the page's own measure, from submit to results on screen. */
async function submit(page: Page, query: string): Promise<number> {
  const before = await searchCount(page);
  await page.fill("#search-q", query);
  await page.press("#search-q", "Enter");
  await waitForSearch(page, before);
  return Number(await page.$eval("[data-search]", (el) => (el as HTMLElement).dataset.lastSearchMs));
}

function sum(numbers: number[]): number {
  return numbers.reduce((a, b) => a + b, 0);
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
