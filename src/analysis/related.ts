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

/** A main story: articles of a period that are about the same actors, read together. */
export interface Story {
  /** Newest first. */
  articles: string[];
  /** The article to open the story with: its most salient. */
  lead: string;
  /** Main actors the story's articles share, the most shared first; for one article, its main actors. */
  actors: string[];
  topics: string[];
  importance: number;
}

export interface StoryInput {
  /** The period's articles. */
  slugs: string[];
  analyses: Map<string, ArticleAnalysis>;
  related: Map<string, RelatedArticle[]>;
  /** Each article's actors by salience (src/analysis/salience.ts). */
  salience: Map<string, { actorId: string; score: number; main: boolean }[]>;
}

/**
 * Clusters of the period's articles: two articles are one story when one is related to the other
 * (relatedArticles) and they share a main actor, not only a country both mention in passing.
 * Ranked by size, then by the salience their main actors add up to, then by the newest article.
 */
export function mainStories({ slugs, analyses, related, salience }: StoryInput, limit = 5): Story[] {
  const inPeriod = new Set(slugs);
  const main = (slug: string) => new Set((salience.get(slug) ?? []).filter((s) => s.main).map((s) => s.actorId));
  const parent = new Map(slugs.map((s) => [s, s]));
  const root = (s: string): string => {
    const p = parent.get(s)!;
    if (p === s) return s;
    const r = root(p);
    parent.set(s, r);
    return r;
  };
  for (const slug of slugs) {
    const mine = main(slug);
    for (const other of related.get(slug) ?? []) {
      if (!inPeriod.has(other.slug)) continue;
      if (other.sharedActors.some((id) => mine.has(id) && main(other.slug).has(id))) parent.set(root(other.slug), root(slug));
    }
  }
  const groups = new Map<string, string[]>();
  for (const slug of slugs) {
    const group = groups.get(root(slug));
    if (group) group.push(slug);
    else groups.set(root(slug), [slug]);
  }
  const date = (slug: string) => analyses.get(slug)?.date.iso ?? "";
  const stories = [...groups.values()].map((members): Story => {
    members.sort((a, b) => date(b).localeCompare(date(a)) || a.localeCompare(b));
    const actorCounts = new Map<string, { articles: number; score: number }>();
    const topicCounts = new Map<string, number>();
    for (const slug of members) {
      for (const s of salience.get(slug) ?? []) {
        if (!s.main) continue;
        const entry = actorCounts.get(s.actorId) ?? { articles: 0, score: 0 };
        entry.articles++;
        entry.score += s.score;
        actorCounts.set(s.actorId, entry);
      }
      for (const t of analyses.get(slug)?.topics.effective ?? []) topicCounts.set(t, (topicCounts.get(t) ?? 0) + 1);
    }
    const leadScore = (slug: string) => (salience.get(slug) ?? []).filter((s) => s.main).reduce((sum, s) => sum + (actorCounts.get(s.actorId)?.articles ?? 0), 0);
    const lead = [...members].sort((a, b) => leadScore(b) - leadScore(a) || date(b).localeCompare(date(a)) || a.localeCompare(b))[0]!;
    const shared = [...actorCounts].filter(([, c]) => members.length === 1 || c.articles > 1);
    return {
      articles: members,
      lead,
      actors: shared.sort((a, b) => b[1].articles - a[1].articles || b[1].score - a[1].score || a[0].localeCompare(b[0])).map(([id]) => id),
      topics: [...topicCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id),
      importance: Math.round((members.length * 2 + [...actorCounts.values()].reduce((sum, c) => sum + c.score, 0) / members.length) * 1000) / 1000,
    };
  });
  return stories
    .sort((a, b) => b.articles.length - a.articles.length || b.importance - a.importance || date(b.articles[0]!).localeCompare(date(a.articles[0]!)))
    .slice(0, limit);
}
