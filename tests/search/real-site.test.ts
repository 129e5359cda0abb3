import { readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCorpus } from "../../src/content/corpus.ts";
import { t } from "../../src/i18n/index.ts";
import { LANGUAGES, type Lang } from "../../src/languages.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/search/csp.ts";
import { routes } from "../../src/site/routes.ts";
import { REPO } from "../helpers/build.ts";
import type { ServedSite } from "../helpers/serve.ts";
import { allResults, launchChromium, openSearch, plain, shownResults, statusText, waitForSearch, type WatchedPage, watchedPage } from "./browser.ts";
import { sharedSite } from "../helpers/shared-sites.ts";
import { serveSite } from "../helpers/serve.ts";
import { indexedPages, indexedText } from "./site.ts";

/** The published corpus, built for real and searched in Chromium under the site's CSP. */
const { articles } = readCorpus(path.join(REPO, "content"));
const slugOf = (href: string) => href.split("/").filter(Boolean).pop();

let output: string;
let site: ServedSite;
let browser: Browser;
const pages: WatchedPage[] = [];

beforeAll(async () => {
  output = await sharedSite("real");
  site = await serveSite(output);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function searchPage(lang: Lang, params: Record<string, string>): Promise<WatchedPage> {
  const watched = await watchedPage(browser);
  pages.push(watched);
  await openSearch(watched.page, site.url(routes.search(lang)), params);
  return watched;
}

/** Indexed pages (articles, actors, topics) whose text in `lang` holds every one of `words` as written. */
function pagesHolding(lang: Lang, words: string[]): string[] {
  return [...indexedPages(output, lang)]
    .filter(([, text]) => words.every((word) => text.includes(word)))
    .map(([url]) => url)
    .sort();
}
const isArticle = (href: string) => /\/(articles|articulos)\//.test(href);

describe("search on the published corpus", () => {
  it("finds « frontière » when typed without its accent, the article about the border first", async () => {
    const { page } = await searchPage("fr", { q: "frontiere" });
    const results = await shownResults(page);
    expect(results.length).toBeGreaterThan(0);
    expect(plain(results[0]!.title)).toContain("frontiere");
    for (const result of results) expect(result.marks.some((mark) => plain(mark).startsWith("frontiere")), result.title).toBe(true);
  });

  it.each(LANGUAGES)("finds « Lopez Obrador » without accents in %s: every article that names him, and only those", async (lang) => {
    const { page } = await searchPage(lang, { q: "Lopez Obrador" });
    const results = await shownResults(page);
    const expected = pagesHolding(lang, ["López Obrador"]);
    expect(expected.filter(isArticle).length).toBeGreaterThan(1);
    expect(results.map((r) => r.href).sort()).toEqual(expected);
    expect(results[0]!.marks.map(plain)).toEqual(expect.arrayContaining(["lopez", expect.stringMatching(/^obrador/)]));
    expect(await statusText(page)).toBe(
      t(lang, "search.status.results-other").replace("{count}", String(expected.length)).replace("{query}", "Lopez Obrador"),
    );
  });

  it("finds « securite » as « sécurité », with an article about security first", async () => {
    const { page } = await searchPage("fr", { q: "securite" });
    const results = await shownResults(page);
    expect(results.length).toBeGreaterThan(1);
    expect(plain(results[0]!.title)).toMatch(/securit/);
    for (const result of results) expect(result.marks.some((mark) => plain(mark).startsWith("securit")), result.title).toBe(true);
  });

  it("finds a French-source article from the Spanish side through its Spanish summary, never through the French text", async () => {
    const biden = "2022-12-27-biden-mexico-title-42";
    expect(articles.find((a) => a.slug === biden)?.lang).toBe("fr");
    const spanish = await shownResults((await searchPage("es", { q: "Cumbre de Lideres" })).page);
    expect(slugOf(spanish[0]!.href)).toBe(biden);
    expect(spanish[0]!.href).toBe(routes.article("es", biden));
    // « réchauffer » is only in the French source text: the French index has it, the Spanish one must
    // not. (Pagefind may still offer a page for a stray one-letter word; what matched is what counts.)
    const french = await shownResults((await searchPage("fr", { q: "réchauffer" })).page);
    expect(french.map((r) => slugOf(r.href))).toEqual([biden]);
    expect(french[0]!.marks.map(plain)).toContain("rechauffer");
    const { page } = await searchPage("es", { q: "réchauffer" });
    expect((await shownResults(page)).flatMap((r) => r.marks.map(plain)).filter((m) => m.startsWith("rechauff"))).toEqual([]);
  });

  it("shows each result's title, date and an excerpt with the match highlighted", async () => {
    const { page } = await searchPage("es", { q: "Bárcena" });
    const first = (await shownResults(page)).find((r) => isArticle(r.href));
    const article = articles.find((a) => a.slug === slugOf(first!.href))!;
    expect(first!.title).toBe(article.summaries.es.title);
    expect(first!.datetime).toBe(article.date.iso);
    expect(first!.date).toMatch(/\d{4}$/);
    expect(first!.marks).toContain("Bárcena");
    expect(first!.excerpt.length).toBeGreaterThan(40);
  });

  it.each(LANGUAGES)("says so, in %s, when the query is empty or finds nothing", async (lang) => {
    const empty = await searchPage(lang, {});
    expect(await statusText(empty.page)).toBe(t(lang, "search.status.empty"));
    expect(empty.requests.some((url) => url.includes("/pagefind/")), "no index for an empty query").toBe(false);
    const none = await searchPage(lang, { q: "qwxzv" });
    expect(await statusText(none.page)).toBe(t(lang, "search.status.none").replace("{query}", "qwxzv"));
    expect(await shownResults(none.page)).toEqual([]);
  });

  it("sorts by date on request, newest first, keeping the same articles (pages without a date drop out)", async () => {
    const byRelevance = (await allResults((await searchPage("fr", { q: "Mexique" })).page)).filter((r) => isArticle(r.href));
    const byDate = await allResults((await searchPage("fr", { q: "Mexique", sort: "date" })).page);
    expect(byDate.map((r) => r.href).sort()).toEqual(byRelevance.map((r) => r.href).sort());
    const dates = byDate.map((r) => r.datetime);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(byDate.map((r) => r.href)).not.toEqual(byRelevance.map((r) => r.href));
  });

  it("searches as the reader types", async () => {
    const watched = await watchedPage(browser);
    pages.push(watched);
    const { page } = watched;
    await page.goto(site.url(routes.search("es")));
    await waitForSearch(page, 0);
    await page.fill("#search-q", "Sheinbaum");
    await waitForSearch(page, 1);
    expect((await shownResults(page)).map((r) => r.href).sort()).toEqual(pagesHolding("es", ["Sheinbaum"]));
    expect(new URL(page.url()).searchParams.get("q")).toBe("Sheinbaum");
  });

  it("keeps the reader's words when they switch language, and shows that search in the other index", async () => {
    const { page } = await searchPage("es", { q: "Sheinbaum" });
    const switcher = page.locator("a.language-switch");
    expect(new URL(await switcher.evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toBe(new URL(site.url(routes.search("fr"))).pathname);
    expect(new URL(await switcher.evaluate((a) => (a as HTMLAnchorElement).href)).searchParams.get("q")).toBe("Sheinbaum");
    await switcher.click();
    await page.waitForURL((url) => url.pathname === new URL(site.url(routes.search("fr"))).pathname);
    await waitForSearch(page, 0);
    expect(await page.inputValue("#search-q")).toBe("Sheinbaum");
    expect((await shownResults(page)).map((r) => r.href).sort()).toEqual(pagesHolding("fr", ["Sheinbaum"]));
    // Cleared, the switcher goes back to the plain search page.
    await page.fill("#search-q", "");
    await waitForSearch(page, 1);
    expect(new URL(await page.locator("a.language-switch").evaluate((a) => (a as HTMLAnchorElement).href)).search).toBe("");
  });
});

describe("the search box on every page", () => {
  it("downloads nothing for search until the reader submits it, then shows results in the page's language", async () => {
    const watched = await watchedPage(browser);
    pages.push(watched);
    const { page, requests } = watched;
    const article = articles[0]!;
    for (const url of [routes.home("es"), routes.article("es", article.slug), routes.notFound("es")]) {
      await page.goto(site.url(url));
      expect(await page.getAttribute("form.site-search", "action"), url).toBe(routes.search("es"));
    }
    expect(requests.filter((url) => url.includes("/pagefind/") || url.includes("search.js"))).toEqual([]);

    await page.fill("#site-search-q", "Sheinbaum");
    await Promise.all([page.waitForURL(/\/es\/busqueda\/\?q=Sheinbaum$/), page.press("#site-search-q", "Enter")]);
    await waitForSearch(page, 0);
    const count = pagesHolding("es", ["Sheinbaum"]).length;
    const form = count === 1 ? "results-one" : "results-other";
    expect(await statusText(page)).toBe(t("es", `search.status.${form}`).replace("{count}", String(count)).replace("{query}", "Sheinbaum"));
  });

  it("indexes article content only: no result matches a word of the header, the footer or the search page", async () => {
    for (const lang of LANGUAGES) {
      const everyArticle = plain([...indexedPages(output, lang).values()].join(" "));
      const chrome = load(readFileSync(path.join(output, routes.search(lang), "index.html"), "utf8"));
      const words = new Set(plain(chrome(".site-header, .site-footer, main").text()).match(/\p{L}{6,}/gu) ?? []);
      const elsewhere = [...words].filter((word) => !everyArticle.includes(word)).slice(0, 4);
      expect(elsewhere.length, lang).toBe(4);
      for (const q of elsewhere) {
        // Pagefind may still match a near word elsewhere; the word itself must never be what matched.
        const marks = (await shownResults((await searchPage(lang, { q })).page)).flatMap((r) => r.marks.map(plain));
        expect(marks.filter((mark) => mark.includes(q)), `${lang}: ${q}`).toEqual([]);
      }
    }
  });
});

describe("under the site's Content Security Policy", () => {
  it("is served with the policy from the built _headers file", async () => {
    const response = await fetch(site.url(routes.search("fr")));
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
  });

  it("reports a violation when one happens, so the checks below can fail", async () => {
    const watched = await watchedPage(browser);
    await watched.page.goto(site.url(routes.search("fr")));
    await watched.page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "document.title = 'inline';";
      document.body.append(script);
    });
    await expect.poll(() => watched.problems.join("\n")).toMatch(/Content Security Policy/);
    await watched.page.context().close();
  });

  it("ran every search above without a console error, an uncaught exception or a CSP violation", () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.flatMap((p) => p.problems)).toEqual([]);
  });
});
