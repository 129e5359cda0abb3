import type { DigestAnalysis, Registry } from "../analysis/index.ts";
import type { Article } from "../content/corpus.ts";
import type { Lang } from "../languages.ts";
import { FactFormatter, type FigureItem, type FormattedFacts, type QuoteItem } from "./facts.ts";
import { actorName, topicName } from "./names.ts";
import { articleCard, type ArticleCard, type SubjectLink } from "./page-base.ts";
import { routes } from "./routes.ts";
import { actorUrl, topicUrl } from "./slugs.ts";

/** What an article page gains from the analysis: its topics and actors, quotes, figures, related articles. */
export interface ArticleDetails {
  topics: SubjectLink[];
  actors: SubjectLink[];
  quotes: QuoteItem[];
  figures: FigureItem[];
  related: ArticleCard[];
}

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
    if (!found) return { topics: [], actors: [], quotes: [], figures: [], related: [] };
    const facts = formatter(lang).articleFacts(analysis, article.slug);
    return {
      topics: found.topics.effective.map((id) => ({ id, name: topicName(registry, id, lang), url: topicUrl(registry, id, lang), count: 1 })),
      actors: found.source.actors
        .filter(({ actorId }) => registry.actors.has(actorId))
        .map(({ actorId, count }) => ({ id: actorId, name: actorName(registry, actorId, lang), url: actorUrl(registry, actorId, lang), count })),
      quotes: facts.quotes,
      figures: facts.figures,
      related: (analysis.related.get(article.slug) ?? []).flatMap((r) => {
        const other = bySlug.get(r.slug);
        return other ? [articleCard(other, lang)] : [];
      }),
    };
  };
}
