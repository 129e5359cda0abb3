import { describe, expect, it } from "vitest";
import { readCorpus } from "../../src/content/corpus.ts";
import { ChangedPages, changedSite, sameData } from "../../_config/changed-pages.ts";
import { articleCard } from "../../src/site/page-base.ts";
import { routes } from "../../src/site/routes.ts";

/** Small article pages made from the shipped corpus: what a paginated template receives. */
function pages() {
  const { articles } = readCorpus("content");
  return articles.map((article) => ({ url: routes.article("fr", article.slug), card: articleCard(article, "fr") }));
}

describe("the pages the development server renders again", () => {
  it("are all of them on the first build, then only those whose data changed", () => {
    const changes = new ChangedPages();
    const first = pages();
    expect(changes.select("articles", first)).toHaveLength(first.length);
    expect(changes.commit()).toEqual([]);

    const second = structuredClone(first);
    expect(changes.select("articles", second)).toEqual([]);
    changes.commit();

    const third = structuredClone(first);
    (third[2] as (typeof third)[number]).card.lede = "Un nouveau chapeau.";
    expect(changes.select("articles", third).map((p) => p.url)).toEqual([third[2]?.url]);
  });

  it("include every page again after a build that failed, since it wrote nothing", () => {
    const changes = new ChangedPages();
    changes.select("articles", pages());
    changes.commit();
    const edited = pages();
    (edited[0] as (typeof edited)[number]).card.title = "Titre corrigé";
    expect(changes.select("articles", edited)).toHaveLength(1);
    // No commit: the build failed. The next one still renders the edited page.
    expect(changes.select("articles", edited)).toHaveLength(1);
  });

  it("name the pages that disappeared, once, so their output can be deleted", () => {
    const changes = new ChangedPages();
    const all = pages();
    changes.select("articles", all);
    changes.commit();
    changes.select("articles", all.slice(1));
    expect(changes.commit()).toEqual([all[0]?.url]);
    changes.select("articles", all.slice(1));
    expect(changes.commit()).toEqual([]);
  });

  it("are all of them again after a reset (a template or a stylesheet changed)", () => {
    const changes = new ChangedPages();
    changes.select("articles", pages());
    changes.commit();
    changes.reset();
    expect(changes.select("articles", pages())).toHaveLength(pages().length);
  });

  it("keep each list of a site apart, and leave what is not a list of pages alone", () => {
    const changes = new ChangedPages();
    const site = { articlePages: pages(), homePages: [{ url: "/fr/", total: 5 }], articleCount: 5, root: { url: "/" } };
    expect(changedSite(changes, site)).toEqual(site);
    changes.commit();
    const next = { ...structuredClone(site), homePages: [{ url: "/fr/", total: 6 }] };
    expect(changedSite(changes, next)).toEqual({ articlePages: [], homePages: [{ url: "/fr/", total: 6 }], articleCount: 5, root: { url: "/" } });
    // Same URL in another list is another page.
    expect(changes.select("other", [{ url: "/fr/", total: 6 }])).toHaveLength(1);
  });

  it("compare pages by their data: every field, every item in its order, dates by their value", () => {
    const page = { url: "/fr/", title: "Accueil", cards: [{ slug: "a", tags: ["x", "y"] }, { slug: "b", tags: [] }], date: new Date("2024-01-19") };
    expect(sameData(page, structuredClone(page))).toBe(true);
    expect(sameData(page, { ...page, cards: [page.cards[1], page.cards[0]] })).toBe(false);
    expect(sameData(page, { ...page, cards: [page.cards[0], { slug: "b", tags: ["z"] }] })).toBe(false);
    expect(sameData(page, { ...page, date: new Date("2024-01-20") })).toBe(false);
    expect(sameData(page, { ...page, title: undefined })).toBe(false);
    expect(sameData(page, { ...page, extra: undefined })).toBe(false);
    expect(sameData({ list: [] }, { list: {} })).toBe(false);
    expect(sameData({ n: 1 }, { n: "1" })).toBe(false);
  });
});
