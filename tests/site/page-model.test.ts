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
