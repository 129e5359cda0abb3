import { readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/generate-corpus.ts";
import { buildDigest } from "../../src/build-digest.ts";
import { LANGUAGES, otherLang } from "../../src/languages.ts";
import type { Page } from "../../src/site/index.ts";
import { sitemapEntries } from "../../src/site/sitemap.ts";
import type { SubjectArticlesPage } from "../../src/site/subject-articles.ts";
import { LIST_LIMIT, type ActorPage, type TopicPage } from "../../src/site/subjects.ts";
import { runBuild, tempDir } from "../helpers/build.ts";

const SITE = { url: "https://digest.example.org", pathPrefix: "/" };
/** Enough articles for the busiest topics and actors to pass the page's limit, not for all of them. */
const ARTICLES = LIST_LIMIT.articles + 12;

let content: string;
let pages: Page[];
beforeAll(async () => {
  content = path.join(tempDir("see-all"), "content");
  generateCorpus(content, ARTICLES);
  pages = (await buildDigest(content, { includeDrafts: false, cacheDir: null, site: SITE })).site.pages;
});

const subjectPages = () => pages.filter((p): p is TopicPage | ActorPage => p.kind === "topic" || p.kind === "actor");
const listPage = (url: string) => pages.find((p): p is SubjectArticlesPage => p.kind === "subject-articles" && p.url === url);

describe("a subject's page of every article", () => {
  it("exists exactly for the topics and actors with more articles than their page lists", () => {
    const capped = subjectPages().filter((p) => p.articleTotal > LIST_LIMIT.articles);
    const whole = subjectPages().filter((p) => p.articleTotal <= LIST_LIMIT.articles);
    expect(capped.some((p) => p.kind === "topic") && capped.some((p) => p.kind === "actor")).toBe(true);
    expect(whole.length).toBeGreaterThan(0);
    for (const page of whole) expect(page.allArticles, page.url).toBeUndefined();
    const lists = pages.filter((p) => p.kind === "subject-articles");
    expect(lists.map((p) => p.url).sort()).toEqual(capped.map((p) => p.allArticles).sort());
  });

  it("lists every article of the subject, newest first, beginning with those its page shows", () => {
    for (const page of subjectPages().filter((p) => p.allArticles)) {
      const list = listPage(page.allArticles!)!;
      expect(list.articles, page.url).toHaveLength(page.articleTotal);
      expect(list.articles.slice(0, page.articles.length).map((c) => c.slug), page.url).toEqual(page.articles.map((c) => c.slug));
      const dates = list.articles.map((c) => c.date);
      expect(dates, page.url).toEqual([...dates].sort().reverse());
      expect(new Set(list.articles.map((c) => c.slug)).size).toBe(list.articles.length);
      expect(list.subject).toEqual({ kind: page.kind, name: page.name, url: page.url });
    }
  });

  it("lives beneath its subject's page in the words of each language, and knows its counterpart", () => {
    for (const list of pages.filter((p): p is SubjectArticlesPage => p.kind === "subject-articles")) {
      const segment = { fr: "articles", es: "articulos" }[list.lang];
      expect(list.url).toBe(`${list.subject.url}${segment}/`);
      expect(list.url).toMatch(list.lang === "fr" ? /^\/fr\/(sujets|acteurs)\/[a-z0-9-]+\/articles\/$/ : /^\/es\/(temas|actores)\/[a-z0-9-]+\/articulos\/$/);
      const other = listPage(list.translation.url);
      expect(other?.lang, list.url).toBe(otherLang(list.lang));
      expect(other?.translation.url).toBe(list.url);
      expect(list.alternates.map((a) => a.hreflang)).toEqual([...LANGUAGES, "x-default"]);
      expect(list.alternates.find((a) => a.hreflang === list.lang)?.url).toBe(list.url);
      expect("search" in list, "a list of links to articles is not a search result").toBe(false);
    }
  });

  it("is in the sitemap with its alternates", () => {
    const entries = new Map(sitemapEntries(pages).map((e) => [e.url, e]));
    for (const list of pages.filter((p) => p.kind === "subject-articles")) {
      expect(entries.get(list.url)?.alternates, list.url).toEqual(list.alternates);
    }
  });
});

describe("built", () => {
  let output: string;
  beforeAll(() => {
    output = path.join(tempDir("see-all-site"), "_site");
    const result = runBuild({ content, output, env: { SITE_URL: SITE.url, PATH_PREFIX: "/" } });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  }, 170_000);

  const html = (url: string) => load(readFileSync(path.join(output, url, "index.html"), "utf8"));

  it("links a capped subject page to its full list, which links back, switches language and is not indexed", () => {
    const sitemap = readFileSync(path.join(output, "sitemap.xml"), "utf8");
    const capped = subjectPages().filter((p) => p.allArticles);
    for (const page of capped) {
      const $ = html(page.url);
      const link = $(`a[href="${page.allArticles}"]`);
      expect(link.length, page.url).toBe(1);
      expect(link.text()).toBe(page.lang === "fr" ? `Voir les ${page.articleTotal} articles` : `Ver los ${page.articleTotal} artículos`);

      const $list = html(page.allArticles!);
      expect($list("html").attr("lang")).toBe(page.lang);
      expect($list("ol.article-list > li").length).toBe(page.articleTotal);
      expect($list(`main a[href="${page.url}"]`).length).toBe(1);
      const switcher = $list("a.language-switch").attr("href") ?? "";
      expect(listPage(switcher)?.lang).toBe(otherLang(page.lang));
      expect($list(`link[rel="alternate"][hreflang="${otherLang(page.lang)}"]`).attr("href")).toBe(`${SITE.url}${switcher}`);
      expect($list(`link[rel="canonical"]`).attr("href")).toBe(`${SITE.url}${page.allArticles}`);
      expect($list("[data-pagefind-body]").length).toBe(0);
      expect(sitemap).toContain(`<loc>${SITE.url}${page.allArticles}</loc>`);
    }
    // A subject with every article on its page offers no such link.
    const whole = subjectPages().find((p) => !p.allArticles)!;
    expect(html(whole.url)("p.see-all").length).toBe(0);
  });
});
