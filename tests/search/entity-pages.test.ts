import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/languages.ts";
import { buildDigest } from "../../src/build-digest.ts";
import { LANGUAGES } from "../../src/languages.ts";
import { indexRecords } from "../../src/search/index-record.ts";
import { entitySearch } from "../../src/search/record.ts";
import { routes } from "../../src/site/routes.ts";
import { indexSite } from "../../scripts/lib/search-index.ts";
import { FIXTURE_CONTENT, REPO } from "../helpers/build.ts";
import { copySharedSite } from "../helpers/shared-sites.ts";
import { type ServedSite, serveSite } from "../helpers/serve.ts";
import { choose, launchChromium, openSearch, shownResults, watchedPage, type WatchedPage } from "./browser.ts";

/**
 * An actor's page as the search index sees it, for a made-up actor whose alias appears nowhere
 * else: its page is written into a built site the way _includes/kinds/actor.njk writes it (the
 * name, a description and partials/search-meta.njk fed by entitySearch()), its record is made by
 * the build's own indexRecords() beside the records of the site's other pages, and the site is
 * indexed again with the build's own indexer; a reader must find it by name and by alias.
 */
interface Nunjucks {
  Environment: new (loader: unknown, options: { autoescape: boolean }) => { renderString(source: string, context: object): string };
  FileSystemLoader: new (dir: string) => unknown;
}
const nunjucks = createRequire(import.meta.url)("nunjucks") as Nunjucks;
const templates = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(REPO, "_includes")), { autoescape: true });

const AMLO = {
  name: "Andrés Manuel López Obrador",
  aliases: ["Andres Manuel Lopez Obrador", "López Obrador", "AMLO"],
  description: { fr: "Président du Mexique de décembre 2018 à septembre 2024.", es: "Presidente de México de diciembre de 2018 a septiembre de 2024." },
};
const actorUrl = (lang: Lang) => `/${lang}/${lang === "fr" ? "acteurs" : "actores"}/andres-manuel-lopez-obrador/`;

function actorPage(lang: Lang): string {
  const p = { search: entitySearch("actor", AMLO.name, AMLO.aliases, AMLO.description[lang]) };
  return templates.renderString(
    `<!doctype html><html lang="{{ lang }}"><head><meta charset="utf-8"><title>{{ name }}</title>
<link rel="stylesheet" href="/assets/site.css"></head><body><main>
<article data-pagefind-body><h1>{{ name }}</h1><p>{{ description }}</p>{% include "partials/search-meta.njk" %}</article>
</main></body></html>`,
    { lang, name: AMLO.name, description: AMLO.description[lang], p },
  );
}

let site: ServedSite;
let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => {
  // A copy: this suite adds pages to it.
  const output = await copySharedSite("fixture");
  for (const lang of ["fr", "es"] as const) {
    const dir = path.join(output, actorUrl(lang));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "index.html"), actorPage(lang));
  }
  const { site: model } = await buildDigest(FIXTURE_CONTENT, { includeDrafts: false, cacheDir: null, site: { url: "http://localhost:8080", pathPrefix: "/" } });
  const actorPages = LANGUAGES.map((lang) => ({
    kind: "actor" as const,
    url: actorUrl(lang),
    lang,
    name: AMLO.name,
    description: AMLO.description[lang],
    search: entitySearch("actor", AMLO.name, AMLO.aliases, AMLO.description[lang]),
  }));
  await indexSite(output, indexRecords([...model.pages, ...actorPages]));
  site = await serveSite(output);
  browser = await launchChromium();
  watched = await watchedPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("an actor's page", () => {
  it.each(["fr", "es"] as const)("is found in %s by an alias that appears nowhere else, and by the name without accents", async (lang) => {
    const { page } = watched;
    await openSearch(page, site.url(routes.search(lang)), { q: "AMLO" });
    const byAlias = await shownResults(page);
    expect(byAlias.map((r) => r.href)).toEqual([actorUrl(lang)]);
    expect(byAlias[0]!.title).toBe(AMLO.name);
    expect(byAlias[0]!.date).toBe("");
    // Its description, not Pagefind's excerpt, which would show the hidden aliases run together.
    expect(byAlias[0]!.excerpt).toBe(AMLO.description[lang]);
    expect(byAlias[0]!.excerpt).not.toContain("AMLO");

    await openSearch(page, site.url(routes.search(lang)), { q: "Andres Manuel Lopez Obrador" });
    expect((await shownResults(page))[0]?.href).toBe(actorUrl(lang));
  });

  it("keeps its aliases out of sight", async () => {
    const { page } = watched;
    await page.goto(site.url(actorUrl("fr")));
    expect(await page.locator(".search-aliases span").allTextContents()).toEqual(["Andres Manuel Lopez Obrador", "López Obrador", "AMLO"]);
    expect(await page.isVisible(".search-aliases")).toBe(false);
  });

  it("is left out when the reader filters articles by year", async () => {
    const { page } = watched;
    await openSearch(page, site.url(routes.search("es")), { q: "Lopez Obrador" });
    expect((await shownResults(page)).map((r) => r.href)).toContain(actorUrl("es"));
    await choose(page, "year", "2025");
    expect((await shownResults(page)).map((r) => r.href)).not.toContain(actorUrl("es"));
  });

  it("ran without a console error or CSP violation", () => {
    expect(watched.problems).toEqual([]);
  });
});
