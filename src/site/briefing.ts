import type { Article } from "../content/corpus.ts";
import { dayLabel } from "../calendar.ts";
import type { Digest } from "../digest.ts";
import type { PeriodActivity, Trend } from "../analysis/salience.ts";
import { t } from "../i18n/index.ts";
import type { Lang } from "../languages.ts";
import type { EventItem, FactFormatter } from "./facts.ts";
import { actorName, topicName } from "./names.ts";
import { articleCard, type ArticleCard, type SubjectLink } from "./page-base.ts";
import { routes } from "./routes.ts";
import { actorUrl, topicUrl } from "./slugs.ts";

/**
 * The home page's briefing: what happened in the latest period (Digest.briefing: the days ending
 * at the newest article, labelled with their own dates), its main stories, its most active topics
 * and actors against the period before, and its key events.
 */

export const BRIEFING_LIMIT = { links: 6, storyActors: 3 } as const;

/** A topic or actor of the period, with how it compares with the period before. */
export interface TrendLink extends SubjectLink {
  previous: number;
  trend: Trend;
  /** "en hausse (contre 1)", "nouveau", in the page's language. */
  trendLabel: string;
}

/** A main story: related articles of the period, the most important one leading. */
export interface StoryItem {
  lead: ArticleCard;
  others: ArticleCard[];
  actors: SubjectLink[];
}

export interface Briefing {
  /** "du 19 octobre 2025 au 16 janvier 2026": the period's own bounds. */
  period: string;
  /** The period's first and last days, for <time>. */
  start: string;
  end: string;
  /** Articles in the period. */
  count: number;
  /** One sentence: how many articles, against the period before. */
  summary: string;
  stories: StoryItem[];
  topics: TrendLink[];
  actors: TrendLink[];
  events: EventItem[];
  /** The editions index, for the period's months and the ones before. */
  archive: string;
}

export function buildBriefing(digest: Digest, facts: FactFormatter, lang: Lang): Briefing {
  const { briefing, registry } = digest;
  const bySlug = new Map<string, Article>(digest.articles.map((a) => [a.slug, a]));
  const card = (slug: string) => {
    const article = bySlug.get(slug);
    return article ? [articleCard(article, lang)] : [];
  };
  const trended = (activity: PeriodActivity[], link: (id: string) => { name: string; url: string }): TrendLink[] =>
    activity.slice(0, BRIEFING_LIMIT.links).map((a) => ({
      id: a.id,
      count: a.articles,
      ...link(a.id),
      previous: a.previous,
      trend: a.trend,
      trendLabel: a.trend === "new" ? t(lang, "briefing.trend.new") : t(lang, "briefing.trendAgainst", { trend: t(lang, `briefing.trend.${a.trend}`), count: a.previous }),
    }));
  const actorLink = (id: string) => ({ name: actorName(registry, id, lang), url: actorUrl(registry, id, lang) });
  const { period, previous } = briefing;
  const label = t(lang, "briefing.period", { from: dayLabel(period.start, lang), to: dayLabel(period.end, lang) });
  return {
    period: label,
    start: period.start,
    end: period.end,
    count: period.articles.length,
    summary: t(lang, "briefing.summary", {
      count: period.articles.length,
      period: label,
      previous: previous.articles.length,
      days: previous.days,
      context: previous.articles.length === 0 ? "first" : undefined,
    }),
    stories: briefing.stories.flatMap((story) =>
      card(story.lead).map((lead) => ({
        lead,
        others: story.articles.filter((slug) => slug !== story.lead).flatMap(card),
        actors: story.actors.filter((id) => registry.actors.has(id)).slice(0, BRIEFING_LIMIT.storyActors).map((id) => ({ id, count: 0, ...actorLink(id) })),
      })),
    ),
    topics: trended(briefing.topics.filter((a) => registry.topics.has(a.id)), (id) => ({ name: topicName(registry, id, lang), url: topicUrl(registry, id, lang) })),
    actors: trended(briefing.actors.filter((a) => registry.actors.has(a.id)), actorLink),
    events: briefing.events.map((event) => facts.event(event)),
    archive: routes.editions(lang),
  };
}
