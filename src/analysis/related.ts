import type { ArticleAnalysis } from "./analyze.ts";

/**
 * Related articles through inverted indexes (actor → articles, topic → articles), never by
 * comparing every pair of articles: each article only meets the articles that share something
 * with it. Shared features weigh by rarity (IDF: ln((N + 1) / df)): sharing a rarely named
 * minister says more than sharing "Mexique". Features in more than `maxPostings` articles are
 * left out (default: more than 200); without that cap, one feature present everywhere would make the work quadratic.
 * Cost: O(Σ over features of df × min(df, maxPostings)) ≤ O(N × features per article × maxPostings).
 */
export interface RelatedArticle {
  slug: string;
  score: number;
  /** Actor ids and topic ids both articles share. */
  sharedActors: string[];
  sharedTopics: string[];
}

export interface RelatedOptions {
  limit?: number;
  maxPostings?: number;
}

export function relatedArticles(analyses: ArticleAnalysis[], options: RelatedOptions = {}): Map<string, RelatedArticle[]> {
  const limit = options.limit ?? 5;
  const maxPostings = options.maxPostings ?? 200;
  const features = analyses.map((a) => [
    ...a.source.actors.map((x) => `actor:${x.actorId}`),
    ...a.topics.effective.map((t) => `topic:${t}`),
  ]);
  const postings = new Map<string, number[]>();
  features.forEach((list, index) => {
    for (const feature of list) {
      const articles = postings.get(feature);
      if (articles) articles.push(index);
      else postings.set(feature, [index]);
    }
  });
  const n = analyses.length;
  const weight = (df: number) => Math.log((n + 1) / df);

  const related = new Map<string, RelatedArticle[]>();
  features.forEach((list, index) => {
    const scores = new Map<number, { score: number; shared: string[] }>();
    for (const feature of list) {
      const articles = postings.get(feature) as number[];
      if (articles.length > maxPostings || articles.length < 2) continue;
      const w = weight(articles.length);
      for (const other of articles) {
        if (other === index) continue;
        const entry = scores.get(other) ?? { score: 0, shared: [] };
        entry.score += w;
        entry.shared.push(feature);
        scores.set(other, entry);
      }
    }
    // The best few by insertion: sorting every scored article would cost m·log m per article.
    const best: [number, { score: number; shared: string[] }][] = [];
    for (const entry of scores) {
      if (entry[1].score <= 0) continue;
      const before = (x: typeof entry, y: typeof entry) => x[1].score > y[1].score || (x[1].score === y[1].score && compareSlugs(analyses, x[0], y[0]) < 0);
      if (best.length === limit && !before(entry, best[limit - 1] as typeof entry)) continue;
      let at = best.length;
      while (at > 0 && before(entry, best[at - 1] as typeof entry)) at--;
      best.splice(at, 0, entry);
      if (best.length > limit) best.pop();
    }
    const top = best.map(([other, e]) => ({
        slug: (analyses[other] as ArticleAnalysis).slug,
        score: Math.round(e.score * 1000) / 1000,
        sharedActors: e.shared.filter((f) => f.startsWith("actor:")).map((f) => f.slice(6)),
        sharedTopics: e.shared.filter((f) => f.startsWith("topic:")).map((f) => f.slice(6)),
      }));
    related.set((analyses[index] as ArticleAnalysis).slug, top);
  });
  return related;
}

/** Ties go to the newer article, then by slug, so that the order never depends on input order. */
function compareSlugs(analyses: ArticleAnalysis[], a: number, b: number): number {
  const x = analyses[a] as ArticleAnalysis;
  const y = analyses[b] as ArticleAnalysis;
  return y.date.iso.localeCompare(x.date.iso) || x.slug.localeCompare(y.slug);
}
