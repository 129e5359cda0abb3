/**
 * The Eleventy runs a render is cut into (scripts/lib/render-runs.ts): every page once, in its
 * order, and no run over its share of pages or of their lists.
 */
import { describe, expect, it } from "vitest";
import { PAGES_PER_RUN, WEIGHT_PER_RUN, pageWeight, renderRuns } from "../../scripts/lib/render-runs.ts";

/** Made-up pages shaped like the site's: an article with its paragraphs, a topic with its cards and figures. */
const article = (n: number) => ({ kind: "article", url: `/fr/articles/a-${n}/`, title: `Article ${n}`, paragraphs: Array.from({ length: 40 }, (_, i) => `§${i}`), quotes: [{ text: "«\u202fx\u202f»", speakers: ["a", "b"] }] });
const topic = (n: number, cards: number) => ({
  kind: "topic",
  url: `/fr/sujets/t-${n}/`,
  articles: Array.from({ length: cards }, (_, i) => ({ url: `/fr/articles/a-${i}/`, topics: ["x", "y", "z"] })),
  figures: { shown: Array.from({ length: 12 }, (_, i) => ({ value: i })), folded: Array.from({ length: 30 }, (_, i) => ({ value: i })) },
});

describe("the runs a render is cut into", () => {
  it("weighs a page by the items of its lists and of its fields' lists, not of the items' own", () => {
    expect(pageWeight({ kind: "about", url: "/fr/a-propos/" })).toBe(1);
    expect(pageWeight(article(1))).toBe(1 + 40 + 1);
    expect(pageWeight(topic(1, 500))).toBe(1 + 500 + 12 + 30);
  });

  it("keeps every page once, in its order, each run within both limits", () => {
    const pages = [...Array.from({ length: 7000 }, (_, i) => article(i)), ...Array.from({ length: 300 }, (_, i) => topic(i, 2000 + i * 10))];
    const runs = renderRuns(pages);
    expect(runs.flat()).toEqual(pages);
    for (const run of runs) {
      expect(run.length).toBeGreaterThan(0);
      expect(run.length).toBeLessThanOrEqual(PAGES_PER_RUN);
      expect(run.reduce((sum, page) => sum + pageWeight(page), 0)).toBeLessThanOrEqual(WEIGHT_PER_RUN);
    }
    // The articles fill runs to the page limit; the heavy topics come in runs of far fewer pages.
    expect(runs[0]).toHaveLength(PAGES_PER_RUN);
    expect(runs.at(-1)!.length).toBeLessThan(200);
  });

  it("ends a run only when the next page would take it over a limit", () => {
    const pages = Array.from({ length: 5000 }, (_, i) => topic(i, i % 97));
    const runs = renderRuns(pages);
    for (let i = 0; i + 1 < runs.length; i++) {
      const weight = runs[i]!.reduce((sum, page) => sum + pageWeight(page), 0);
      const next = pageWeight(runs[i + 1]![0]!);
      expect(weight + next > WEIGHT_PER_RUN || runs[i]!.length === PAGES_PER_RUN).toBe(true);
    }
  });

  it("gives a page heavier than a run a run of its own, and a site with no page one empty run", () => {
    const heavy = topic(0, WEIGHT_PER_RUN * 2);
    expect(renderRuns([article(1), heavy, article(2)])).toEqual([[article(1)], [heavy], [article(2)]]);
    expect(renderRuns([])).toEqual([[]]);
  });
});
