import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { LANGUAGES } from "../../src/languages.ts";
import { routes } from "../../src/site/routes.ts";
import { htmlFiles } from "../helpers/crawl.ts";
import { sharedSite } from "../helpers/shared-sites.ts";

/** Issue 15: an article page, HTML and CSS together, uncompressed. */
const ARTICLE_BUDGET = 30_000;

let site: string;
beforeAll(async () => {
  site = await sharedSite("real");
});

/** The bytes a reader's browser fetches for a page's HTML and the stylesheets it links. */
function pageWeight(page: string): { html: number; css: number; sheets: string[] } {
  const file = path.join(site, page);
  const $ = load(readFileSync(file, "utf8"));
  const sheets = $('link[rel="stylesheet"]').map((_, el) => $(el).attr("href") ?? "").get();
  const css = sheets.reduce((sum, href) => sum + statSync(path.join(site, new URL(href, "https://x.test/").pathname)).size, 0);
  return { html: statSync(file).size, css, sheets };
}

describe("page weight on the real content", () => {
  it.each(LANGUAGES)("keeps every %s article page's HTML and CSS within 30 KB", (lang) => {
    const articles = htmlFiles(site).filter((page) => page.startsWith(path.posix.dirname(routes.article(lang, "x")) + "/"));
    expect(articles.length).toBeGreaterThan(0);
    for (const page of articles) {
      const { html, css, sheets } = pageWeight(page);
      expect(sheets.length, page).toBeGreaterThan(0);
      expect(html + css, `${page}: ${html} bytes of HTML + ${css} of CSS (${sheets.join(", ")})`).toBeLessThanOrEqual(ARTICLE_BUDGET);
    }
  });

  it("runs no JavaScript on any page but search: JSON-LD is data, the search page loads its one module", () => {
    for (const page of htmlFiles(site)) {
      const $ = load(readFileSync(path.join(site, page), "utf8"));
      const isSearch = LANGUAGES.some((lang) => page === `${routes.search(lang)}index.html`);
      for (const el of $("script").toArray()) {
        const script = $(el);
        if (script.attr("type") === "application/ld+json") {
          expect(() => JSON.parse(script.text()), page).not.toThrow();
          continue;
        }
        expect(isSearch, `${page} has a script: ${$.html(el).slice(0, 120)}`).toBe(true);
        expect(script.attr("src"), page).toBe("/assets/search.js");
      }
      const handlers = $("*").toArray().flatMap((el) => Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {}).filter((name) => /^on/i.test(name)));
      expect(handlers, page).toEqual([]);
      expect($('a[href^="javascript:"]').length, page).toBe(0);
    }
  });

  it("keeps JSON-LD to what NewsArticle needs: no lede repeated from the meta description, only the main actors", () => {
    for (const lang of LANGUAGES) {
      const articles = htmlFiles(site).filter((page) => page.startsWith(path.posix.dirname(routes.article(lang, "x")) + "/"));
      for (const page of articles) {
        const $ = load(readFileSync(path.join(site, page), "utf8"));
        const jsonLd = JSON.parse($('script[type="application/ld+json"]').text());
        expect(jsonLd, page).toMatchObject({ "@type": "NewsArticle", inLanguage: lang });
        expect(typeof jsonLd.headline, page).toBe("string");
        expect(jsonLd.datePublished, page).toMatch(/^\d{4}-\d{2}/);
        expect(jsonLd.description, page).toBeUndefined();
        // The actors the page shows before the fold, in the same order.
        const shown = $(".details").find("h3").filter((_, h) => /acteurs|actores/i.test($(h).text())).first().nextAll("ul.tags").first();
        const names = shown.find("a").map((_, a) => $(a).text().trim()).get();
        expect((jsonLd.mentions ?? []).map((m: { name: string }) => m.name), page).toEqual(names);
      }
    }
  });
});
