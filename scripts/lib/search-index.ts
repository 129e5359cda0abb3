import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { canonicalBundle } from "./pagefind-canonical.ts";

/** Where the search bundle lives in the built site; _includes/kinds/search.njk points the browser there. */
export const BUNDLE_DIR = "pagefind";

export interface SearchIndexReport {
  /** Pages Pagefind indexed: those with data-pagefind-body (articles, later actors and topics). */
  pages: number;
}

/**
 * Every HTML page of a built site, as paths relative to it with forward slashes, in one order that
 * depends only on the names: plain code-unit order, not the locale's, not the disk's.
 */
export function sitePages(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => file.split(path.sep).join("/"))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Indexes a built site with Pagefind and writes the bundle into it. Pagefind keeps one index per
 * `<html lang>` (fr, es), so each language's search page only ever loads its own. Only text
 * inside data-pagefind-body is indexed: navigation, footers and the search page itself are not.
 *
 * Pages are added one at a time in sitePages() order. Pagefind numbers pages in the order they
 * are added, and those numbers are written into every index chunk and filter; its own
 * addDirectory adds them in the order the file system lists them, which differs from one file
 * system to another (ext4 lists by a hash of the name seeded per disk, tmpfs by creation, and
 * Eleventy writes pages concurrently), so the same site gave a different index depending on where
 * it was built. What Pagefind 1.5 still writes in a different order on every run (its filter
 * values, the lists of filters and sorts, the list of languages: hash maps seeded at random in
 * each process) is put in one order by canonicalBundle() before anything is written, so the
 * same site gives the same bundle, byte for byte and name for name.
 */
/** Pages sent to Pagefind before the answer to the first of them is awaited. */
const IN_FLIGHT = 32;

export async function indexSite(siteDir: string): Promise<SearchIndexReport> {
  const created = await pagefind.createIndex({});
  if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  try {
    // Pagefind 1.5 handles its messages one after the other, in the order they arrive, so pages
    // sent without waiting for each answer are still numbered in name order; a window of them in
    // flight keeps memory bounded.
    const inFlight: Promise<void>[] = [];
    // Failures are kept, not thrown from the promises in flight: none is left rejected unawaited.
    let failure: unknown = null;
    for (const sourcePath of sitePages(siteDir)) {
      const content = readFileSync(path.join(siteDir, sourcePath), "utf8");
      // Pagefind leaves out every page without data-pagefind-body once one page has it (the
      // article, actor and topic pages do): not sending them gives the same index, sooner.
      if (!content.includes("data-pagefind-body")) continue;
      inFlight.push(
        created.index.addHTMLFile({ sourcePath, content }).then(
          (added) => {
            if (added.errors.length > 0) failure ??= new Error(`Pagefind could not index ${sourcePath}: ${added.errors.join("; ")}`);
          },
          (error) => {
            failure ??= error;
          },
        ),
      );
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
      if (failure) throw failure;
    }
    await Promise.all(inFlight);
    if (failure) throw failure;
    // The bundle is taken in memory and written here: Pagefind's own writeFiles can answer before
    // its writes reach the disk (it drops its files unflushed), and close() below stops it.
    const bundle = await created.index.getFiles();
    if (bundle.errors.length > 0) throw new Error(`Pagefind could not build its bundle: ${bundle.errors.join("; ")}`);
    let pages = 0;
    const bundleDir = path.join(siteDir, BUNDLE_DIR);
    const written = new Set<string>();
    for (const file of canonicalBundle(bundle.files)) {
      const target = path.join(bundleDir, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
      written.add(path.normalize(file.path));
      if (file.path === "pagefind-entry.json") pages = countIndexedPages(file.content);
    }
    removeOthers(bundleDir, written);
    return { pages };
  } finally {
    // The indexer is a child process; closing it lets the build exit.
    await pagefind.close();
  }
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

/** Pages without data-pagefind-body are read but left out; the entry file counts what was kept. */
function countIndexedPages(entry: Uint8Array): number {
  const { languages } = JSON.parse(Buffer.from(entry).toString("utf8")) as { languages: Record<string, { page_count: number }> };
  return Object.values(languages).reduce((sum, language) => sum + language.page_count, 0);
}
