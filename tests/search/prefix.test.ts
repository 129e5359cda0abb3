import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routes } from "../../src/site/routes.ts";
import { FIXTURE_CONTENT } from "../helpers/build.ts";
import type { ServedSite } from "../helpers/serve.ts";
import { launchChromium, openSearch, plain, shownResults, watchedPage, type WatchedPage } from "./browser.ts";
import { buildAndServe } from "./site.ts";

/** The fixture's Spanish article, on a site served from /digest/ as many static hosts do. */
const PREFIX = "/digest/";
const SLUG = "2025-03-04-reunion-frontera-ficticia";

let output: string;
let site: ServedSite;
let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => {
  ({ output, site } = await buildAndServe({ content: FIXTURE_CONTENT, pathPrefix: "digest", name: "prefix" }));
  browser = await launchChromium();
  watched = await watchedPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("search on a site under a path prefix", () => {
  it("writes the headers for the prefixed paths", () => {
    expect(readFileSync(path.join(output, "_headers"), "utf8").split("\n")[0]).toBe(`${PREFIX}*`);
  });

  it("points the header form and the page's data at the prefixed search page and bundle", async () => {
    const { page } = watched;
    await page.goto(site.url(routes.article("fr", SLUG)));
    expect(await page.getAttribute("form.site-search", "action")).toBe(`${PREFIX}fr/recherche/`);
    await page.goto(site.url(routes.search("fr")));
    expect(await page.getAttribute("[data-search]", "data-bundle")).toBe(`${PREFIX}pagefind/`);
    expect(await page.getAttribute('script[type="module"]', "src")).toBe(`${PREFIX}assets/search.js`);
  });

  it("finds the article in both languages, accents or not, and links to its prefixed address", async () => {
    const { page, requests } = watched;
    for (const [lang, q] of [["es", "cooperacion fronteriza"], ["fr", "cooperation frontaliere"]] as const) {
      await openSearch(page, site.url(routes.search(lang)), { q });
      const [first] = await shownResults(page);
      expect(first?.href).toBe(`${PREFIX}${routes.article(lang, SLUG).slice(1)}`);
      expect(first!.marks.map(plain).join(" ")).toMatch(/cooperac?t?ion/);
      const response = await page.request.get(new URL(first!.href, site.base).href);
      expect(response.status()).toBe(200);
    }
    const bundle = requests.filter((url) => url.includes("pagefind"));
    expect(bundle.length).toBeGreaterThan(3);
    for (const url of bundle) expect(new URL(url).pathname.startsWith(`${PREFIX}pagefind/`), url).toBe(true);
  });

  it("ran without a console error or CSP violation", () => {
    expect(watched.problems).toEqual([]);
  });
});
