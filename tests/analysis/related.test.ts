import { describe, expect, it } from "vitest";
import type { ArticleAnalysis } from "../../src/analysis/analyze.ts";
import { relatedArticles } from "../../src/analysis/related.ts";

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
