import type { ActorSalience } from "../analysis/salience.ts";
import type { Digest } from "../digest.ts";
import type { Article } from "../content/corpus.ts";
import type { Lang } from "../languages.ts";
import type { FigureSentence } from "../analysis/aggregate.ts";
import { factFormatter, type FigureGroup, type FormattedFacts, type QuoteItem } from "./facts.ts";
import { actorName, topicName } from "./names.ts";
import { articleCard, type ArticleCard, type Folded, type SubjectLink } from "./page-base.ts";
import { actorUrl, topicUrl } from "./slugs.ts";

/** What an article page gains from the analysis: its topics and actors, quotes, figures, related articles. */
export interface ArticleDetails {
  topics: SubjectLink[];
  /** Every actor the article names, the main ones first (rankedActors). */
  actors: SubjectLink[];
  /** The same, as the page shows them: the main actors, then the minor ones folded. */
  actorsShown: Folded<SubjectLink>;
  quotes: QuoteItem[];
  /** Its figures by sentence, each sentence once (Digest.figures). */
  figures: FigureGroup[];
  related: RelatedLink[];
}

/**
 * A related article as its link shows it: title, URL and date, not its lede. A page's data is what
 * decides whether it is rendered again (scripts/lib/site-manifest.ts), so an edit to one article's
 * lede no longer renders again every article page that links to it.
 */
export type RelatedLink = Pick<ArticleCard, "url" | "title" | "date" | "dateLabel">;

export function articleDetailsBuilder(digest: Digest, formatted: FormattedFacts) {
  const { articles, analysis, registry } = digest;
  const figuresOf = new Map<string, FigureSentence[]>();
  for (const group of digest.figures) {
    const list = figuresOf.get(group.slug);
    if (list) list.push(group);
    else figuresOf.set(group.slug, [group]);
  }
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const formatter = (lang: Lang) => factFormatter(digest, lang, formatted);
  // An article's topic link says nothing of the article (its count is 1): one per topic and
  // language, shared by every article page that lists it.
  const topicLinks = new Map<string, SubjectLink>();
  const topicLink = (id: string, lang: Lang): SubjectLink => {
    const key = `${lang}|${id}`;
    let link = topicLinks.get(key);
    if (!link) topicLinks.set(key, (link = { id, name: topicName(registry, id, lang), url: topicUrl(registry, id, lang), count: 1 }));
    return link;
  };
  // One link per article and language, shared by every page that lists it.
  const relatedLinks = new Map<string, RelatedLink>();
  const relatedLink = (other: Article, lang: Lang): RelatedLink => {
    const key = `${lang}|${other.slug}`;
    let link = relatedLinks.get(key);
    if (!link) {
      const { url, title, date, dateLabel } = articleCard(other, lang);
      relatedLinks.set(key, (link = { url, title, date, dateLabel }));
    }
    return link;
  };
  return (article: Article, lang: Lang): ArticleDetails => {
    const found = analysis.articles.get(article.slug);
    if (!found) return { topics: [], actors: [], actorsShown: { shown: [], folded: [], count: 0 }, quotes: [], figures: [], related: [] };
    const facts = formatter(lang).articleFacts(analysis, article.slug);
    // Most salient first (src/analysis/salience.ts): the main actors shown, the others folded.
    const ranked = (digest.salience.get(article.slug) ?? []).filter(({ actorId }) => registry.actors.has(actorId));
    const link = ({ actorId, mentions }: ActorSalience) => ({ id: actorId, name: actorName(registry, actorId, lang), url: actorUrl(registry, actorId, lang), count: mentions });
    const actors = ranked.map(link);
    const main = actors.filter((_, i) => ranked[i]!.main);
    return {
      topics: found.topics.effective.map((id) => topicLink(id, lang)),
      actors,
      actorsShown: { shown: main, folded: actors.slice(main.length), count: actors.length },
      quotes: facts.quotes,
      figures: (figuresOf.get(article.slug) ?? []).map((group) => formatter(lang).figureGroup(group)),
      related: (analysis.related.get(article.slug) ?? []).flatMap((r) => {
        const other = bySlug.get(r.slug);
        return other ? [relatedLink(other, lang)] : [];
      }),
    };
  };
}
