import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDigest } from "../../src/build-digest.ts";
import type { Page } from "../../src/site/index.ts";
import { routes } from "../../src/site/routes.ts";
import { sitemapEntries } from "../../src/site/sitemap.ts";
import { REPO } from "../helpers/build.ts";

/** The site as one list of pages: what the single page template and the sitemap read. */
let pages: Page[];

beforeAll(async () => {
  ({ pages } = (await buildDigest(path.join(REPO, "content"), { includeDrafts: false, cacheDir: null })).site);
});

describe("the list of pages", () => {
  it("has every kind of page, each drawn by its own partial", () => {
    const kinds = new Set(pages.map((p) => p.kind));
    expect([...kinds].sort()).toEqual([
      "about", "actor", "actors-index", "article", "edition", "editions-index", "feeds", "figures", "home",
      "not-found", "quotes", "root", "root-not-found", "search", "timeline", "topic", "topics-index",
    ]);
    for (const kind of kinds) expect(existsSync(path.join(REPO, "_includes/kinds", `${kind}.njk`)), kind).toBe(true);
  });

  it("gives every page its own address", () => {
    const urls = pages.map((p) => p.url);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it("makes the sitemap: every page but the 404 pages, with its alternates", () => {
    const entries = sitemapEntries(pages);
    const listed = pages.filter((p) => p.kind !== "not-found" && p.kind !== "root-not-found");
    expect(entries.map((e) => e.url).sort()).toEqual(listed.map((p) => p.url).sort());
    expect(entries.map((e) => e.url)).not.toContain(routes.rootNotFound());
    expect(entries.find((e) => e.url === routes.topics("fr"))?.alternates.map((a) => a.url)).toEqual([
      routes.topics("fr"),
      routes.topics("es"),
      routes.topics("fr"),
    ]);
  });

  it("links the header and footer of every page to pages of its own language that exist", () => {
    const urls = new Set(pages.map((p) => p.url));
    for (const page of pages) {
      if (page.kind === "root" || page.kind === "root-not-found") continue;
      for (const link of [...page.nav.main, ...page.nav.footer]) {
        expect(urls.has(link.url), `${page.url} → ${link.url}`).toBe(true);
        expect(link.url.startsWith(`/${page.lang}/`)).toBe(true);
      }
    }
  });
});

describe("what pages share", () => {
  const articlePages = (lang: "fr" | "es") => pages.filter((p): p is Extract<Page, { kind: "article" }> => p.kind === "article" && p.lang === lang);

  it("holds one link and one JSON-LD subject per topic and language, whatever the number of articles about it", () => {
    for (const lang of ["fr", "es"] as const) {
      const links = new Map<string, object>();
      const things = new Map<string, object>();
      let repeated = 0;
      for (const page of articlePages(lang)) {
        for (const link of page.details.topics) {
          const first = links.get(link.id);
          if (first) repeated++;
          if (first) expect(link, `${page.url} ${link.id}`).toBe(first);
          else links.set(link.id, link);
        }
        for (const thing of (page.jsonLd.about ?? []) as Array<{ url: string }>) {
          const first = things.get(thing.url);
          if (first) expect(thing).toBe(first);
          else things.set(thing.url, thing);
        }
      }
      // The seed corpus has topics several articles share, so the test compares something.
      expect(repeated).toBeGreaterThan(0);
    }
  });

  it("shows as main actors the very links of the article's actor list", () => {
    for (const page of articlePages("fr")) {
      const { actors, actorsShown } = page.details;
      for (const link of actorsShown.shown) expect(actors).toContain(link);
      expect([...actorsShown.shown, ...actorsShown.folded]).toEqual(actors);
    }
  });

  it("gives the pages without feeds of their own one feeds object per language", () => {
    for (const lang of ["fr", "es"] as const) {
      const [first, ...others] = articlePages(lang);
      for (const page of others) expect(page.feeds).toBe(first!.feeds);
    }
  });
});
