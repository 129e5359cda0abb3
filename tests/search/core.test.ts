import { appendFileSync, cpSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Article } from "../../src/content/corpus.ts";
import type { Digest } from "../../src/digest.ts";
import type { Lang } from "../../src/languages.ts";
import { CONTENT_SECURITY_POLICY, headersFile } from "../../src/search/csp.ts";
import { searchPageContent } from "../../src/search/page.ts";
import { articleSearch, entitySearch } from "../../src/search/record.ts";
import { buildDigest } from "../../src/build-digest.ts";
import type { ArticlePage } from "../../src/site/article.ts";
import type { Page } from "../../src/site/index.ts";
import type { SearchPage } from "../../src/site/search-page.ts";
import { routes } from "../../src/site/routes.ts";
import { copyContent, FIXTURE_CONTENT, REPO } from "../helpers/build.ts";
import { parseHeadersFile } from "../helpers/serve.ts";

const SITE = { url: "http://localhost:8080", pathPrefix: "/" };

let digest: Digest;
let article: Article;
/** The fixture's article page in a language: no registry, so no topic or actor to name. */
let pageIn: (lang: Lang) => ArticlePage;

/** The fixture site's pages of the two kinds these tests read. */
let sitePages: { articlePages: ArticlePage[]; searchPages: SearchPage[] };

beforeAll(async () => {
  const built = await buildDigest(FIXTURE_CONTENT, { includeDrafts: false, cacheDir: null, site: SITE });
  digest = built.digest;
  [article] = digest.articles as [Article];
  const ofKind = <K extends Page["kind"]>(kind: K) => built.site.pages.filter((p): p is Extract<Page, { kind: K }> => p.kind === kind);
  sitePages = { articlePages: ofKind("article"), searchPages: ofKind("search") };
  pageIn = (lang) => sitePages.articlePages.find((p) => p.lang === lang && p.url === routes.article(lang, article.slug))!;
});

describe("what an article tells the search index", () => {
  it("gives the filters in the page's language, the ISO date to sort by, and the result's title and date", () => {
    const record = pageIn("fr").search;
    expect(record.filters).toEqual({ topic: [], actor: [], year: ["2025"], language: ["espagnol"] });
    expect(pageIn("es").search.filters.language).toEqual(["español"]);
    expect(record.sort).toEqual({ date: "2025-03-04" });
    expect(record.meta).toEqual({ type: "article", title: article.summaries.fr.title, date: "4 mars 2025", datetime: "2025-03-04" });
  });

  it("indexes the source text only on the page in the source's language", () => {
    expect(article.lang).toBe("es");
    expect(pageIn("es").search.indexSource).toBe(true);
    expect(pageIn("fr").search.indexSource).toBe(false);
  });

  it("takes the analysis' localized names for topics and actors", async () => {
    // The fixture with the shipped registry, and the editors' topic "migration".
    const content = copyContent(FIXTURE_CONTENT, "search-names");
    for (const folder of ["actors", "topics"]) cpSync(path.join(REPO, "content", folder), path.join(content, folder), { recursive: true });
    appendFileSync(path.join(content, "articles", article.slug, "article.yaml"), "topics: [migration]\n");
    const { digest: named, site } = await buildDigest(content, { includeDrafts: false, cacheDir: null, site: SITE });
    const page = site.pages.find((p): p is ArticlePage => p.kind === "article" && p.lang === "fr")!;
    const record = page.search;
    expect(record.filters.topic).toContain(named.registry.topics.get("migration")!.name.fr);
    expect(record.filters.topic).toEqual(page.details!.topics.map((s) => s.name));
    expect(record.filters.actor).toContain(named.registry.actors.get("mexico")!.name.fr);
    expect(record.filters.actor).toEqual(page.details!.actors.map((s) => s.name));
  });
});

describe("an actor's or topic's search record", () => {
  it("carries the aliases other than the name, no article filter, and its kind", () => {
    const record = entitySearch("actor", "Andrés Manuel López Obrador", ["AMLO", "Andrés Manuel López Obrador", "López Obrador"]);
    expect(record).toEqual({ meta: { type: "actor", title: "Andrés Manuel López Obrador" }, filters: {}, sort: {}, aliases: ["AMLO", "López Obrador"] });
    expect(entitySearch("topic", "Migration", [], "Flux migratoires vers le nord.").meta).toEqual({ type: "topic", title: "Migration", description: "Flux migratoires vers le nord." });
  });
});

describe("the search page", () => {
  it("offers only filters some page carries, years newest first, names in alphabetical order", () => {
    const records = [
      articleSearch(article, "fr", "", { topics: ["securite", "migration"], actors: [] }),
      articleSearch({ ...article, lang: "fr", date: { iso: "2021-06", precision: "month" } }, "fr", "", { topics: ["éducation"], actors: [] }),
    ];
    const page = searchPageContent("fr", records);
    expect(page.facets.map((f) => [f.name, f.options])).toEqual([
      ["topic", ["éducation", "migration", "securite"]],
      ["year", ["2025", "2021"]],
      ["language", ["espagnol", "français"]],
    ]);
    expect(page.facets.map((f) => f.any)).toEqual(["Tous les sujets", "Toutes les années", "Toutes les langues"]);
    // An article's filters do not follow its order of salience: a change in rank alone changes no record.
    const ranked = (actors: string[]) => articleSearch(article, "es", "", { topics: ["Migración", "Fentanilo"], actors }).filters;
    expect(ranked(["Casa Blanca", "Congreso de Estados Unidos"])).toEqual(ranked(["Congreso de Estados Unidos", "Casa Blanca"]));
    expect(page.messages["results-other"]).toContain("{count}");
  });

  it("exists in each language at its own address, and every page of the site knows the articles' records", () => {
    const site = sitePages;
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
