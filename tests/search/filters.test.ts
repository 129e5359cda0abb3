import { appendFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Article, readCorpus, sortNewestFirst } from "../../src/content/corpus.ts";
import { t } from "../../src/i18n/index.ts";
import { routes } from "../../src/site/routes.ts";
import { generateCorpus } from "../../scripts/generate-corpus.ts";
import { tempDir } from "../helpers/build.ts";
import { digestOf } from "../helpers/digest.ts";
import type { ServedSite } from "../helpers/serve.ts";
import { allResults, choose, launchChromium, openSearch, type ShownResult, shownResults, statusText, type WatchedPage, watchedPage } from "./browser.ts";
import { buildAndServe } from "./site.ts";

/**
 * Filters and sorting, on a generated corpus big enough for them to matter (60 articles over
 * eleven years, in both source languages), where every third article is given the topic
 * "migration" by its editors (the analysis may add others). Expected results are worked out from
 * the corpus and the built pages, never listed by hand.
 */
const QUERY = { fr: "frontière", es: "frontera" } as const;

let articles: Article[];
let output: string;
let site: ServedSite;
let browser: Browser;
let watched: WatchedPage;
let page: Page;

beforeAll(async () => {
  const content = path.join(tempDir("search-filters-content"), "content");
  generateCorpus(content, 60, 7);
  sortNewestFirst(readCorpus(content).articles).forEach((article, i) => {
    // Article.dir is relative to the working directory, as the build's messages show it.
    if (i % 3 === 0) appendFileSync(path.resolve(article.dir, "article.yaml"), "topics: [migration]\n");
  });
  ({ articles } = await digestOf(content));
  ({ output, site } = await buildAndServe({ content, name: "filters" }));
  browser = await launchChromium();
  watched = await watchedPage(browser);
  page = watched.page;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const slugOf = (result: ShownResult) => result.href.split("/").filter(Boolean).pop()!;
/** Actor and topic pages are found too, but carry no article filter and no date. */
const articlesIn = (results: ShownResult[]) => results.filter((r) => /\/(articles|articulos)\//.test(r.href));
const bySlug = () => new Map(articles.map((a) => [a.slug, a]));

async function countShown(): Promise<number> {
  return Number((await statusText(page)).match(/\d+/)?.[0] ?? 0);
}

describe("search filters", () => {
  it("narrow the results to a year, and only to it", async () => {
    await openSearch(page, site.url(routes.search("fr")), { q: QUERY.fr });
    const found = await allResults(page);
    expect(await countShown()).toBe(found.length);
    const all = articlesIn(found);
    expect(all.length).toBeGreaterThan(15);
    const year = all[0]!.datetime.slice(0, 4);
    await choose(page, "year", year);
    const narrowed = await allResults(page);
    expect(narrowed.length).toBeLessThan(all.length);
    expect(narrowed.map(slugOf).sort()).toEqual(all.filter((r) => r.datetime.startsWith(year)).map(slugOf).sort());
    await choose(page, "year", "");
  });

  it("narrow the results to the source's language, named in the reader's language", async () => {
    await openSearch(page, site.url(routes.search("es")), { q: QUERY.es });
    const all = articlesIn(await allResults(page));
    const spanishName = t("es", "language.es");
    expect(await page.$$eval("#search-language option", (options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(["", "español", "francés"]);
    await choose(page, "language", spanishName);
    const narrowed = await allResults(page);
    const articleOf = bySlug();
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(all.length);
    expect(narrowed.map(slugOf).sort()).toEqual(all.map(slugOf).filter((slug) => articleOf.get(slug)!.lang === "es").sort());
  });

  it.each(["topic", "actor"] as const)("narrow the results to a %s, combine with other filters, and show counts in the menus", async (facet) => {
    await openSearch(page, site.url(routes.search("fr")), { q: QUERY.fr });
    const all = articlesIn(await allResults(page));
    // The menu offers the names the pages carry (the analysis' names once it runs); take the first.
    const name = await page.$eval(`#search-${facet} option:nth-child(2)`, (o) => (o as HTMLOptionElement).value);
    await choose(page, facet, name);
    const narrowed = await allResults(page);
    const carrying = all.filter((r) => filterValues(r.href, facet).includes(name));
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(all.length);
    expect(narrowed.map(slugOf).sort()).toEqual(carrying.map(slugOf).sort());
    const label = await page.$eval(`#search-${facet} option:checked`, (o) => o.textContent);
    expect(label).toBe(`${name} (${narrowed.length})`);

    await choose(page, "language", t("fr", "language.fr"));
    const both = await allResults(page);
    const articleOf = bySlug();
    expect(both.map(slugOf).sort()).toEqual(narrowed.map(slugOf).filter((slug) => articleOf.get(slug)!.lang === "fr").sort());
    expect(new URL(page.url()).searchParams.get(facet)).toBe(name);
    expect(new URL(page.url()).searchParams.get("language")).toBe("français");
  });
});

/** Pagefind alone, in a page of its own: its results (URLs) for a query with and without filters, and its counts. */
async function pagefindAlone(query: string, filters: Record<string, string>, before: Record<string, string>) {
  const reference = await browser.newPage();
  await reference.goto(site.url(routes.search("fr")));
  // A string, so that the test runner leaves its import() alone.
  const found: { before: string[]; filtered: string[]; counts: Record<string, Record<string, number>> } = await reference.evaluate(`(async () => {
    const root = document.querySelector("[data-search]");
    const module = await import(root.dataset.bundle + "pagefind.js");
    const pf = module.createInstance({ basePath: root.dataset.bundle, baseUrl: root.dataset.baseUrl, noWorker: true });
    const urls = (found) => Promise.all(found.results.map(async (r) => (await r.data()).url));
    const before = await urls(await pf.search(${JSON.stringify(query)}, { filters: ${JSON.stringify(before)} }));
    const found = await pf.search(${JSON.stringify(query)}, { filters: ${JSON.stringify(filters)} });
    return { before, filtered: await urls(found), counts: found.filters };
  })()`);
  await reference.close();
  return found;
}

describe("filters counted in the page", () => {
  // Topics and actors: several per page, narrowed here. The year: one per page, narrowed by Pagefind.
  it.each([
    { menus: ["topic", "actor"], givenToPagefind: [] },
    { menus: ["year", "topic"], givenToPagefind: ["year"] },
  ])("$menus: the pages Pagefind's own filters find, in the order of its search by $givenToPagefind alone, every value of each menu used counted as Pagefind counts it", async ({ menus, givenToPagefind }) => {
    const requestsBefore = watched.requests.length;
    await openSearch(page, site.url(routes.search("fr")), { q: QUERY.fr });
    const all = articlesIn(await allResults(page));
    const chosen: Record<string, string> = {};
    for (const menu of menus) {
      chosen[menu] = await page.$eval(`#search-${menu} option:nth-child(2)`, (o) => (o as HTMLOptionElement).value);
      await choose(page, menu, chosen[menu]!);
      // What makes the menu one of the page's or one of Pagefind's.
      expect(all.some((r) => filterValues(r.href, menu).length > 1)).toBe(!givenToPagefind.includes(menu));
    }
    const shown = (await allResults(page)).map((r) => r.href);
    expect(await page.$eval("[data-search]", (el) => (el as HTMLElement).dataset.countedBy)).toBe("page");
    const labels = await page.$$eval("select[data-search-filter] option", (options) =>
      options.map((o) => ({ menu: (o.parentElement as HTMLSelectElement).name, value: (o as HTMLOptionElement).value, label: o.textContent })),
    );
    const pagefind = await pagefindAlone(QUERY.fr, chosen, Object.fromEntries(givenToPagefind.map((menu) => [menu, chosen[menu]!])));

    expect(pagefind.filtered.length).toBeGreaterThan(0);
    expect(pagefind.filtered.length).toBeLessThan(pagefind.before.length);
    expect([...shown].sort()).toEqual([...pagefind.filtered].sort());
    const kept = new Set(pagefind.filtered);
    expect(shown).toEqual(pagefind.before.filter((url) => kept.has(url)));
    // Every value of the menus used carries Pagefind's count, zeros included; the other menus none.
    expect(Object.keys(pagefind.counts).sort()).toEqual([...menus].sort());
    for (const { menu, value, label } of labels) {
      const count = pagefind.counts[menu]?.[value];
      if (value === "" || !(menu in pagefind.counts)) expect(label, `${menu}: ${value}`).not.toMatch(/\(\d+\)$/);
      else expect(label, `${menu}: ${value}`).toBe(`${value} (${count})`);
    }
    // Each filter file was fetched by the search page, and again by Pagefind when it was given it.
    const fetched = watched.requests.slice(requestsBefore).filter((url) => url.includes("/pagefind/filter/"));
    expect(fetched.length).toBe(menus.length + givenToPagefind.length);
    expect(new Set(fetched).size).toBe(menus.length);
    for (const menu of [...menus].reverse()) await choose(page, menu, "");
    // The same search opened from its address: the filters are read while Pagefind loads.
    const opened = await watchedPage(browser);
    await openSearch(opened.page, site.url(routes.search("fr")), { q: QUERY.fr, ...chosen });
    expect((await allResults(opened.page)).map((r) => r.href)).toEqual(shown);
    expect(opened.problems).toEqual([]);
    await opened.page.context().close();
  });

  it("are left to Pagefind, with the same results, when a filter file cannot be read", async () => {
    const { page: broken, problems } = await watchedPage(browser);
    // The search page asks for each filter file first: that answer is garbled, Pagefind's is not.
    const garbled = new Set<string>();
    await broken.route("**/pagefind/filter/*", async (route) => {
      const url = route.request().url();
      if (garbled.has(url)) return route.continue();
      garbled.add(url);
      return route.fulfill({ status: 200, contentType: "application/octet-stream", body: "not a Pagefind file" });
    });
    await openSearch(broken, site.url(routes.search("fr")), { q: QUERY.fr });
    const topic = await broken.$eval("#search-topic option:nth-child(2)", (o) => (o as HTMLOptionElement).value);
    await choose(broken, "topic", topic);
    expect(await broken.$eval("[data-search]", (el) => (el as HTMLElement).dataset.countedBy)).toBe("pagefind");
    const narrowed = articlesIn(await allResults(broken));
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.every((r) => filterValues(r.href, "topic").includes(topic))).toBe(true);
    expect(await broken.$eval("#search-topic option:checked", (o) => o.textContent)).toBe(`${topic} (${(await allResults(broken)).length})`);
    expect(garbled.size).toBe(1);
    expect(problems.filter((p) => !p.includes("Search filters are left to Pagefind"))).toEqual([]);
    expect(problems.length).toBeGreaterThan(0);
    await broken.context().close();
  });
});

/** The values of one filter an article page gives the index (partials/search-meta.njk). */
function filterValues(href: string, facet: string): string[] {
  const $ = load(readFileSync(path.join(output, href, "index.html"), "utf8"));
  return $(`[data-pagefind-filter="${facet}[data-value]"]`).map((_, el) => $(el).attr("data-value") ?? "").get();
}

describe("sorting", () => {
  it("by date puts the newest first and keeps the same articles as relevance", async () => {
    await openSearch(page, site.url(routes.search("es")), { q: QUERY.es });
    const byRelevance = articlesIn(await allResults(page));
    await choose(page, "sort", "date");
    const byDate = await allResults(page);
    expect(byDate.map(slugOf).sort()).toEqual(byRelevance.map(slugOf).sort());
    const dates = byDate.map((r) => r.datetime);
    expect(dates).toEqual([...dates].sort().reverse());
    // Relevance is not date order, or this test would prove nothing.
    expect(byRelevance.map((r) => r.datetime)).not.toEqual(dates);
  });

  it("shows results ten at a time, and the rest on request", async () => {
    await openSearch(page, site.url(routes.search("fr")), { q: QUERY.fr });
    expect(await shownResults(page)).toHaveLength(10);
    expect(await page.isVisible("[data-search-more]")).toBe(true);
    expect(await countShown()).toBeGreaterThan(10);
  });

  it("ran without a console error or CSP violation", () => {
    expect(watched.problems).toEqual([]);
  });
});
