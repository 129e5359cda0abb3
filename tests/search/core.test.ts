import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/content/corpus.ts";
import { CONTENT_SECURITY_POLICY, headersFile } from "../../src/search/csp.ts";
import { searchPageContent } from "../../src/search/page.ts";
import { articleSearch, entitySearch } from "../../src/search/record.ts";
import { siteConfig } from "../../src/config.ts";
import { buildArticlePages } from "../../src/site/article.ts";
import { buildSearchPages } from "../../src/site/search-page.ts";
import { routes } from "../../src/site/routes.ts";
import { FIXTURE_CONTENT } from "../helpers/build.ts";
import { parseHeadersFile } from "../helpers/serve.ts";

const [article] = loadCorpus(FIXTURE_CONTENT, { includeDrafts: false }).articles;

describe("what an article tells the search index", () => {
  it("gives the filters in the page's language, the ISO date to sort by, and the result's title and date", () => {
    const record = articleSearch(article!, "fr", "4 mars 2025");
    expect(record.filters).toEqual({ topic: [], actor: [], year: ["2025"], language: ["espagnol"] });
    expect(articleSearch(article!, "es", "4 de marzo de 2025").filters.language).toEqual(["español"]);
    expect(record.sort).toEqual({ date: "2025-03-04" });
    expect(record.meta).toEqual({ type: "article", title: article!.summaries.fr.title, date: "4 mars 2025", datetime: "2025-03-04" });
  });

  it("indexes the source text only on the page in the source's language", () => {
    expect(article!.lang).toBe("es");
    expect(articleSearch(article!, "es", "").indexSource).toBe(true);
    expect(articleSearch(article!, "fr", "").indexSource).toBe(false);
  });

  it("takes the analysis' localized names for topics and actors when it has them", () => {
    const record = articleSearch({ ...article!, topics: ["migration"] }, "fr", "", { actors: ["Alicia Bárcena"] });
    expect(record.filters.topic).toEqual(["migration"]);
    expect(record.filters.actor).toEqual(["Alicia Bárcena"]);
    expect(articleSearch(article!, "fr", "", { topics: ["Migrations"] }).filters.topic).toEqual(["Migrations"]);
  });
});

describe("an actor's or topic's search record", () => {
  it("carries the aliases other than the name, no article filter, and its kind", () => {
    const record = entitySearch("actor", "Andrés Manuel López Obrador", ["AMLO", "Andrés Manuel López Obrador", "López Obrador"]);
    expect(record).toEqual({ meta: { type: "actor", title: "Andrés Manuel López Obrador" }, filters: {}, sort: {}, aliases: ["AMLO", "López Obrador"] });
  });
});

describe("the search page", () => {
  it("offers only filters some page carries, years newest first, names in alphabetical order", () => {
    const records = [
      articleSearch({ ...article!, topics: ["securite", "migration"] }, "fr", ""),
      articleSearch({ ...article!, lang: "fr", date: { iso: "2021-06", precision: "month" }, topics: ["éducation"] }, "fr", ""),
    ];
    const page = searchPageContent("fr", records);
    expect(page.facets.map((f) => [f.name, f.options])).toEqual([
      ["topic", ["éducation", "migration", "securite"]],
      ["year", ["2025", "2021"]],
      ["language", ["espagnol", "français"]],
    ]);
    expect(page.facets.map((f) => f.any)).toEqual(["Tous les sujets", "Toutes les années", "Toutes les langues"]);
    expect(page.messages["results-other"]).toContain("{count}");
  });

  it("exists in each language at its own address, and every page of the site knows the articles' records", () => {
    const articlePages = buildArticlePages(loadCorpus(FIXTURE_CONTENT, { includeDrafts: false }).articles, siteConfig());
    const site = { articlePages, searchPages: buildSearchPages(articlePages) };
    expect(site.searchPages.map((p) => [p.lang, p.url, p.translation.url])).toEqual([
      ["fr", "/fr/recherche/", "/es/busqueda/"],
      ["es", "/es/busqueda/", "/fr/recherche/"],
    ]);
    expect(routes.search("es")).toBe("/es/busqueda/");
    expect(site.articlePages.every((p) => p.search.meta.title === p.title)).toBe(true);
  });
});

describe("the _headers file", () => {
  it("sends the policy for every path under the prefix, in a format the test server reads back", () => {
    for (const prefix of ["/", "/digest/"]) {
      const [rule, ...others] = parseHeadersFile(headersFile(prefix));
      expect(others).toEqual([]);
      expect(rule!.pattern.test(`${prefix}fr/recherche/`)).toBe(true);
      expect(rule!.headers).toContainEqual(["Content-Security-Policy", CONTENT_SECURITY_POLICY]);
    }
    expect(parseHeadersFile(headersFile("/digest/"))[0]!.pattern.test("/fr/recherche/")).toBe(false);
  });

  it("allows no inline script or style and nothing from another origin", () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });
});
