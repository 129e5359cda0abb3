import type { ArticleAnalysis, DigestAnalysis, Registry } from "../analysis/index.ts";
import type { Article } from "../content/corpus.ts";
import type { Lang } from "../languages.ts";
import { FactFormatter, type FigureItem, type FormattedFacts, type QuoteItem } from "./facts.ts";
import { actorName, topicName } from "./names.ts";
import { articleCard, fold, type ArticleCard, type Folded, type SubjectLink } from "./page-base.ts";
import { actorUrl, topicUrl } from "./slugs.ts";

/** What an article page gains from the analysis: its topics and actors, quotes, figures, related articles. */
export interface ArticleDetails {
  topics: SubjectLink[];
  /** Every actor the article names, the main ones first (rankedActors). */
  actors: SubjectLink[];
  /** The same, as the page shows them: the main actors, then the minor ones folded. */
  actorsShown: Folded<SubjectLink>;
  quotes: QuoteItem[];
  figures: FigureItem[];
  related: ArticleCard[];
}

/** How many actors an article page names before folding the rest. */
export const MAIN_ACTORS = 8;

export function articleDetailsBuilder(articles: Article[], analysis: DigestAnalysis, registry: Registry, formatted: FormattedFacts) {
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const formatters = new Map<Lang, FactFormatter>();
  const formatter = (lang: Lang) => {
    let f = formatters.get(lang);
    if (!f) formatters.set(lang, (f = new FactFormatter(bySlug, analysis, registry, lang, formatted)));
    return f;
  };
  return (article: Article, lang: Lang): ArticleDetails => {
    const found = analysis.articles.get(article.slug);
    if (!found) return { topics: [], actors: [], actorsShown: fold([], MAIN_ACTORS), quotes: [], figures: [], related: [] };
    const facts = formatter(lang).articleFacts(analysis, article.slug);
    const actors = rankedActors(found)
      .filter(({ actorId }) => registry.actors.has(actorId))
      .map(({ actorId, count }) => ({ id: actorId, name: actorName(registry, actorId, lang), url: actorUrl(registry, actorId, lang), count }));
    return {
      topics: found.topics.effective.map((id) => ({ id, name: topicName(registry, id, lang), url: topicUrl(registry, id, lang), count: 1 })),
      actors,
      actorsShown: fold(actors, MAIN_ACTORS),
      quotes: facts.quotes,
      figures: facts.figures,
      related: (analysis.related.get(article.slug) ?? []).flatMap((r) => {
        const other = bySlug.get(r.slug);
        return other ? [articleCard(other, lang)] : [];
      }),
    };
  };
}

/**
 * The actors an article names, the most prominent first: the most mentioned, then the one named
 * earliest in the text (a lead actor is named in the first sentences), then by id for a stable order.
 */
export function rankedActors(found: ArticleAnalysis): Array<{ actorId: string; count: number }> {
  const first = new Map<string, number>();
  for (const mention of found.source.mentions) {
    if (!first.has(mention.actorId) || mention.sentence < first.get(mention.actorId)!) first.set(mention.actorId, mention.sentence);
  }
  const at = (id: string) => first.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...found.source.actors].sort((a, b) => b.count - a.count || at(a.actorId) - at(b.actorId) || a.actorId.localeCompare(b.actorId));
}
