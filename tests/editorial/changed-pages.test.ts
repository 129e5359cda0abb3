import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readCorpus } from "../../src/content/corpus.ts";
import { ChangedPages, PageHasher, changedSite, pageHash, sameData } from "../../_config/changed-pages.ts";
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

describe("the hash of a page, which a production build compares with the last build's", () => {
  // Made-up cards, long enough to be hashed on their own, in lists short and long.
  const card = (n: number, lede = `Résumé de l’article numéro ${n}, `.repeat(12)) => ({ slug: `article-${n}`, url: `/fr/articles/article-${n}/`, lede, date: "2024-01-19" });
  const page = (cards: unknown[], extra: object = {}) => ({ kind: "subject-articles", url: "/fr/sujets/migration/articles/", title: "Migration", articles: cards, ...extra });
  const cards = Array.from({ length: 300 }, (_, i) => card(i));

  it("is the same for equal pages, whether their cards are shared, copied or hashed before", () => {
    const hasher = new PageHasher();
    const shared = page(cards);
    const before = hasher.hash(page(cards.slice(0, 250)));
    expect(hasher.hash(shared)).toBe(pageHash(structuredClone(shared)));
    expect(new PageHasher().hash(shared)).toBe(hasher.hash(page(cards.map((c) => ({ ...c })))));
    expect(before).toBe(pageHash(structuredClone(page(cards.slice(0, 250)))));
  });

  it("differs when one card of a long list, its order, or any other field differs", () => {
    const hasher = new PageHasher();
    const base = hasher.hash(page(cards));
    const changed = cards.map((c, i) => (i === 137 ? card(i, `${c.lede}!`) : c));
    const hashes = [
      base,
      hasher.hash(page(changed)),
      hasher.hash(page([...cards.slice(1), cards[0]!])),
      hasher.hash(page(cards.slice(1))),
      hasher.hash(page(cards, { title: "Migraciones" })),
      hasher.hash(page(cards.slice(0, 30))),
      hasher.hash(page(cards.slice(0, 30).map((c, i) => (i === 3 ? card(3, "Autre") : c)))),
    ];
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it("stands for a card by the hash of its JSON, which no JSON text can be taken for", () => {
    const hasher = new PageHasher();
    const long = hasher.hash(page(cards));
    // The same page with its first card replaced by the text that stands for it.
    const token = `#${createHash("sha256").update(JSON.stringify(cards[0])).digest("base64url")}`;
    expect(hasher.hash(page([token, ...cards.slice(1)]))).not.toBe(long);
    // Fields left undefined count as absent, as in JSON, in every form of page.
    expect(hasher.hash(page(cards, { draft: undefined }))).toBe(long);
    expect(hasher.hash({ ...page(cards.slice(0, 3)), draft: undefined })).toBe(hasher.hash(page(cards.slice(0, 3))));
  });
});
