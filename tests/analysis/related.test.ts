import { describe, expect, it } from "vitest";
import type { ArticleAnalysis } from "../../src/analysis/analyze.ts";
import { mainStories, relatedArticles } from "../../src/analysis/related.ts";

/** Minimal analyses: only what related articles read (actors, effective topics, date, slug). */
function analysis(slug: string, actors: string[], topics: string[] = []): ArticleAnalysis {
  const empty = { lang: "fr" as const, sentences: [], mentions: [], figures: [], actors: actors.map((actorId) => ({ actorId, count: 1 })) };
  return {
    slug,
    date: { iso: "2024-01-01", precision: "day" },
    lang: "fr",
    source: { ...empty, candidates: [], topics: [], quotes: [], dates: [] },
    summaries: { fr: empty, es: { ...empty, lang: "es" } },
    topics: { assigned: topics, suggested: [], effective: topics },
  };
}

describe("related articles", () => {
  it("weigh rare shared actors above common ones", () => {
    const analyses = [
      analysis("a", ["mexico", "ebrard"]),
      analysis("b", ["mexico", "ebrard"]),
      analysis("c", ["mexico", "united-states"]),
      analysis("d", ["mexico", "united-states"]),
    ];
    const related = relatedArticles(analyses);
    expect(related.get("a")?.map((r) => r.slug)).toEqual(["b", "c", "d"]);
    expect(related.get("a")?.[0]?.sharedActors).toEqual(["mexico", "ebrard"]);
  });

  it("skip features shared by more articles than the cap, so the work stays linear", () => {
    const analyses = Array.from({ length: 2000 }, (_, i) => analysis(`a${i}`, ["everywhere", `pair-${Math.floor(i / 2)}`], ["migration"]));
    const started = performance.now();
    const related = relatedArticles(analyses, { maxPostings: 100 });
    expect(performance.now() - started).toBeLessThan(2000);
    // Only the partner survives: "everywhere" and "migration" are over the cap.
    expect(related.get("a0")).toEqual([{ slug: "a1", score: expect.any(Number), sharedActors: ["pair-0"], sharedTopics: [] }]);
  });
});

describe("main stories", () => {
  const dated = (slug: string, iso: string, actors: string[]) => ({ ...analysis(slug, actors), date: { iso, precision: "day" as const } });
  const analyses = [
    dated("visit-1", "2024-05-03", ["mexico", "ortega", "lind"]),
    dated("visit-2", "2024-05-02", ["mexico", "ortega", "lind"]),
    dated("visit-3", "2024-05-01", ["mexico", "lind"]),
    dated("storm", "2024-05-04", ["mexico", "tamaulipas"]),
    dated("old-visit", "2023-01-01", ["mexico", "ortega", "lind"]),
  ];
  const main = (ids: string[]) => ids.map((actorId, i) => ({ actorId, score: 1 - i * 0.1, main: actorId !== "mexico" }));
  const salience = new Map(analyses.map((a) => [a.slug, main(a.source.actors.map((x) => x.actorId))]));
  const input = {
    slugs: ["storm", "visit-1", "visit-2", "visit-3"],
    analyses: new Map(analyses.map((a) => [a.slug, a])),
    related: relatedArticles(analyses),
    salience,
  };

  it("cluster the period's articles that share a main actor, not a country named in passing", () => {
    const stories = mainStories(input);
    expect(stories.map((s) => s.articles)).toEqual([["visit-1", "visit-2", "visit-3"], ["storm"]]);
    expect(stories[0]!.actors).toEqual(["lind", "ortega"]);
    expect(["visit-1", "visit-2"]).toContain(stories[0]!.lead);
    // The article outside the period stays out, though it is related.
    expect(stories.flatMap((s) => s.articles)).not.toContain("old-visit");
  });

  it("rank bigger stories first and stop at the limit", () => {
    expect(mainStories(input, 1).map((s) => s.articles.length)).toEqual([3]);
  });
});
