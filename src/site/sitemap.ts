import type { Alternate } from "./pages.ts";

/**
 * sitemap.xml lists every page a reader can land on, each with its hreflang alternates, so search
 * engines pair the French and Spanish versions. 404 pages are left out.
 */
export interface SitemapEntry {
  url: string;
  alternates: Alternate[];
}

interface PageLike {
  kind?: string;
  url?: string;
  alternates?: Alternate[];
}

/** Reads page objects of any kind (each template's `p`); the sitemap template lists which. */
export function sitemapEntries(pages: Array<PageLike | undefined>): SitemapEntry[] {
  const seen = new Set<string>();
  const entries: SitemapEntry[] = [];
  for (const page of pages) {
    if (!page?.url || !page.alternates || page.kind === "notFound" || seen.has(page.url)) continue;
    if (page.url.endsWith(".html") && page.url.includes("404")) continue;
    seen.add(page.url);
    entries.push({ url: page.url, alternates: page.alternates });
  }
  return entries.sort((a, b) => a.url.localeCompare(b.url));
}
