import type { Page, PageKind } from "./index.ts";
import type { Alternate } from "./page-base.ts";

/**
 * sitemap.xml lists every page a reader can land on, each with its hreflang alternates, so search
 * engines pair the French and Spanish versions. It is made from the site's list of pages, so a
 * new kind of page is listed without anyone writing it down; 404 pages are left out.
 */
export interface SitemapEntry {
  url: string;
  alternates: Alternate[];
}

const UNLISTED: ReadonlySet<PageKind> = new Set<PageKind>(["not-found", "root-not-found"]);

export function sitemapEntries(pages: readonly Page[]): SitemapEntry[] {
  return pages
    .filter((page) => !UNLISTED.has(page.kind))
    .map((page) => ({ url: page.url, alternates: page.alternates }))
    .sort((a, b) => a.url.localeCompare(b.url));
}
