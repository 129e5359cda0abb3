import path from "node:path";
import * as pagefind from "pagefind";

/** Where the search bundle lives in the built site; _includes/kinds/search.njk points the browser there. */
export const BUNDLE_DIR = "pagefind";

export interface SearchIndexReport {
  /** Pages Pagefind indexed: those with data-pagefind-body (articles, later actors and topics). */
  pages: number;
}

/**
 * Indexes a built site with Pagefind and writes the bundle into it. Pagefind keeps one index per
 * `<html lang>` (fr, es), so each language's search page only ever loads its own. Only text
 * inside data-pagefind-body is indexed: navigation, footers and the search page itself are not.
 */
export async function indexSite(siteDir: string): Promise<SearchIndexReport> {
  const created = await pagefind.createIndex({});
  if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  try {
    const added = await created.index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join("; ")}`);
    const written = await created.index.writeFiles({ outputPath: path.join(siteDir, BUNDLE_DIR) });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its bundle: ${written.errors.join("; ")}`);
    return { pages: added.page_count };
  } finally {
    // The indexer is a child process; closing it lets the build exit.
    await pagefind.close();
  }
}
