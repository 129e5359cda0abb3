import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { readCorpus, type Article } from "../../src/content/corpus.ts";
import { LANGUAGES, otherLang, type Lang } from "../../src/languages.ts";
import { routes } from "../../src/site/routes.ts";
import { REPO, readPage } from "../helpers/build.ts";
import { SHARED_SITE_URL as SITE_URL, SHARED_SITES, sharedSite } from "../helpers/shared-sites.ts";
import { typeset } from "../../src/i18n/typography.ts";

const articles: Article[] = readCorpus(path.join(REPO, "content")).articles;
let output: string;

function page(url: string): CheerioAPI {
  return load(readPage(output, url));
}

beforeAll(async () => {
  output = await sharedSite("real");
});

describe("the real site, built from content/", () => {
  it("writes every article page in both languages and no staging folder", () => {
    for (const article of articles) {
      for (const lang of LANGUAGES) expect(existsSync(path.join(output, routes.article(lang, article.slug), "index.html"))).toBe(true);
    }
    expect(readdirSync(path.dirname(output))).toEqual(["_site"]);
  });

  describe.each(LANGUAGES)("in %s", (lang: Lang) => {
    it.each(articles.map((a) => [a.slug, a] as const))("the page of %s has its language, hreflang, switcher and canonical", (_slug, article) => {
      const url = routes.article(lang, article.slug);
      const $ = page(url);
      expect($("html").attr("lang")).toBe(lang);
      expect($('link[rel="canonical"]').attr("href")).toBe(SITE_URL + url);
      const alternates = Object.fromEntries($('link[rel="alternate"][hreflang]').map((_, el) => [[$(el).attr("hreflang"), $(el).attr("href")]]).get());
      expect(alternates).toEqual({
        fr: SITE_URL + routes.article("fr", article.slug),
        es: SITE_URL + routes.article("es", article.slug),
        "x-default": SITE_URL + routes.article(article.lang, article.slug),
      });
      const other = otherLang(lang);
      const switcher = $("a.language-switch");
      expect(switcher.attr("href")).toBe(routes.article(other, article.slug));
      expect(switcher.attr("hreflang")).toBe(other);
      expect(existsSync(path.join(output, routes.article(other, article.slug), "index.html"))).toBe(true);

      // As typeset for the page's language (src/i18n/typography.ts).
      const summary = article.summaries[lang];
      expect($("h1").text()).toBe(typeset(summary.title, lang));
      expect($(".lede").text()).toBe(typeset(summary.lede, lang));
      expect($("title").text()).toContain(typeset(summary.title, lang));
      // The source keeps its own language, whatever the page's language.
      const source = $(".source-text");
      expect(source.attr("lang")).toBe(article.lang);
      expect(source.find("p").first().text()).toBe(typeset(article.source.paragraphs[0]!, article.lang));
      expect($(".summary p").length).toBeGreaterThan(1);
      expect($(".meta").text()).toContain(article.outlet ?? (lang === "fr" ? "Source inconnue" : "Fuente desconocida"));
    });

    it("lists the articles newest first on the home page, with dates in this language", () => {
      const $ = page(routes.home(lang));
      expect($("html").attr("lang")).toBe(lang);
      // The latest articles follow the briefing, each a card headed under "Derniers articles".
      const links = $(".latest .card h3 a").map((_, el) => $(el).attr("href")).get();
      const newestFirst = [...articles].sort((a, b) => b.date.iso.localeCompare(a.date.iso));
      expect(links).toEqual(newestFirst.map((a) => routes.article(lang, a.slug)));
      const dates = $(".latest .card time").map((_, el) => $(el).text()).get();
      expect(dates).toContain(lang === "fr" ? "19 janvier 2024" : "19 de enero de 2024");
      expect(dates).toContain(lang === "fr" ? "juin 2021" : "junio de 2021");
      for (const date of dates) expect(date).not.toMatch(lang === "fr" ? /^\d+ juin 2021$/ : /^\d+ de junio de 2021$/);
      expect($("a.language-switch").attr("href")).toBe(routes.home(otherLang(lang)));
    });

    it("has a 404 page in this language", () => {
      const $ = page(routes.notFound(lang));
      expect($("html").attr("lang")).toBe(lang);
      expect($("h1").text().length).toBeGreaterThan(3);
      expect($(`a[href="${routes.home(lang)}"]`).length).toBeGreaterThan(0);
    });
  });

  it("offers both languages at the root without JavaScript", () => {
    const $ = page("/");
    expect($("script").length).toBe(0);
    const choices = $(".language-choice a").map((_, el) => $(el).attr("href")).get();
    expect(choices).toEqual(["/fr/", "/es/"]);
    expect($('link[hreflang="x-default"]').attr("href")).toBe(`${SITE_URL}/`);
  });

  it("shows French and Spanish interface strings on each side", () => {
    expect(page("/fr/").root().text()).toContain("Derniers articles");
    expect(page("/es/").root().text()).toContain("Últimos artículos");
  });
});

describe("a site served from a sub-path", () => {
  it("prefixes every internal link and absolute URL", async () => {
    const prefixed = await sharedSite("realPrefixed");
    const prefix = SHARED_SITES.realPrefixed.pathPrefix.replace(/\/$/, ""); // "/sous/chemin"
    const $ = load(readPage(prefixed, routes.article("es", articles[0]!.slug)));
    const internal = $("a[href^='/'], link[href^='/']").map((_, el) => $(el).attr("href")).get();
    expect(internal.length).toBeGreaterThan(3);
    for (const href of internal) expect(href.startsWith(`${prefix}/`), href).toBe(true);
    expect($('link[rel="canonical"]').attr("href")).toBe(`${SITE_URL}${prefix}${routes.article("es", articles[0]!.slug)}`);
    expect($('link[hreflang="fr"]').attr("href")).toBe(`${SITE_URL}${prefix}${routes.article("fr", articles[0]!.slug)}`);
  });
});

describe("a Spanish source", () => {
  it("builds with its text marked as Spanish on the French page, and its original link", async () => {
    const fixtureOut = await sharedSite("fixture");
    const $ = load(readPage(fixtureOut, routes.article("fr", "2025-03-04-reunion-frontera-ficticia")));
    expect($("html").attr("lang")).toBe("fr");
    expect($(".source-text").attr("lang")).toBe("es");
    expect($(".meta time").text()).toBe("4 mars 2025");
    expect($('a[href="https://example.org/noticias/reunion-frontera"]').attr("hreflang")).toBe("es");
    expect($('link[hreflang="x-default"]').attr("href")).toBe(`${SITE_URL}${routes.article("es", "2025-03-04-reunion-frontera-ficticia")}`);
  });
});
