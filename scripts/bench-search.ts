/**
 * node --import tsx scripts/bench-search.ts --site DIR [--lang fr] [--prefix /] [--no-reindex]
 *
 * Measures search on a built site and prints JSON:
 *  - index: how long Pagefind takes to index the folder (it re-indexes it in place; the bundle it
 *    writes is the one the build wrote) and how many pages it indexed;
 *  - firstQuery: what a reader's first query downloads, for each of a handful of queries, each in
 *    a fresh browser context: measured in Chromium from the responses it receives (pagefind.js,
 *    the WebAssembly, the entry and meta files, the index chunks and the fragments of the results
 *    shown), as sent by a host that does not compress and, file by file, gzipped as most hosts
 *    send them (Pagefind's own files are already compressed);
 *  - laterQueries: the time from submitting the form to the results on screen once a first query
 *    has loaded Pagefind, for the other queries (which may fetch new index chunks), then for the
 *    same queries again (everything in memory).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { normalizePathPrefix } from "../src/config.ts";
import type { Page } from "playwright-core";
import { isLang, type Lang } from "../src/languages.ts";
import { routes } from "../src/site/routes.ts";
// The tests' static server sends the site's _headers (its CSP) and the right MIME types: the
// benchmark measures the page as the tests check it.
import { serveSite } from "../tests/helpers/serve.ts";
import { launchChromium, searchCount, waitForSearch } from "../tests/search/browser.ts";
import { buildDigest } from "../src/build-digest.ts";
import { indexRecords } from "../src/search/index-record.ts";
import { indexSite } from "./lib/search-index.ts";

const QUERIES: Record<Lang, string[]> = {
  fr: ["frontière", "migrants", "fentanyl", "cartels", "Washington", "sécurité", "asile", "Sheinbaum"],
  es: ["frontera", "migrantes", "fentanilo", "cárteles", "Washington", "seguridad", "asilo", "Sheinbaum"],
};

const { values } = parseArgs({
  options: {
    site: { type: "string" },
    lang: { type: "string", default: "fr" },
    prefix: { type: "string", default: "/" },
    content: { type: "string" },
    "no-reindex": { type: "boolean", default: false },
  },
});
if (!values.site) throw new Error("--site DIR: the built site to measure (npm run build -- --output DIR)");
if (!isLang(values.lang)) throw new Error(`--lang must be fr or es, found "${values.lang}"`);
const siteDir = path.resolve(values.site);
const lang: Lang = values.lang;
const prefix = normalizePathPrefix(values.prefix);

let index: { ms: number; pages: number } | undefined;
if (values.content && !values["no-reindex"]) {
  // The site model of the content the site was built from; only the indexing is timed.
  const built = await buildDigest(values.content, { includeDrafts: false, site: { url: "http://localhost:8080", pathPrefix: prefix } });
  const records = indexRecords(built.site.pages);
  const start = performance.now();
  const { pages } = await indexSite(siteDir, records);
  index = { ms: Math.round(performance.now() - start), pages };
}

const site = await serveSite(siteDir, prefix);
const browser = await launchChromium();
try {
  // Each query as a reader's first: a fresh browser context, so nothing is cached.
  const firstQueries = [];
  for (const query of QUERIES[lang]) firstQueries.push(await firstQuery(query));
  const worst = firstQueries.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
  const later = await laterQueries(QUERIES[lang]);

  console.log(
    JSON.stringify(
      {
        site: siteDir,
        lang,
        index,
        searchPageBytes: firstQueries[0]!.searchPageBytes,
        firstQuery: {
          maxBytes: Math.max(...firstQueries.map((q) => q.bytes)),
          maxGzipBytes: worst.gzipBytes,
          medianGzipBytes: median(firstQueries.map((q) => q.gzipBytes)),
          queries: firstQueries.map(({ files, searchPageBytes, ...rest }) => rest),
          heaviest: { query: worst.query, files: worst.files },
        },
        laterQueries: later,
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await site.close();
}

async function firstQuery(query: string) {
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
    msToResults,
    requests: files.length,
    bytes: sum(files.map((f) => f.bytes)),
    gzipBytes: sum(files.map((f) => f.gzipBytes)),
    files,
    searchPageBytes,
  };
}

/** After a first query has loaded the index, the time each further query takes to show. */
async function laterQueries([first, ...others]: string[]) {
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
