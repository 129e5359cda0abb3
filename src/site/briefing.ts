import type { DigestAnalysis, Registry } from "../analysis/index.ts";
import type { Article } from "../content/corpus.ts";
import { monthLabel } from "../calendar.ts";
import { t } from "../i18n/index.ts";
import type { Lang } from "../languages.ts";
import { distinctEvents, type EventItem, type FactFormatter } from "./facts.ts";
import { actorName, byName, elisionContext, topicName } from "./names.ts";
import type { ArticleCard, SubjectLink } from "./page-base.ts";
import { routes } from "./routes.ts";
import { actorUrl, topicUrl } from "./slugs.ts";

/**
 * The home page's briefing: what happened in the latest period. The period is a real window (the
 * newest article's month and the two before it, whether or not they have articles), labelled with
 * its own dates; each active topic and actor is compared with the same window just before.
 */

export const BRIEFING_MONTHS = 3;
export const BRIEFING_LIMIT = { links: 6, events: 5, stories: 5 } as const;

export type Trend = "new" | "up" | "down" | "steady";

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
  /** "de novembre 2025 à janvier 2026": the period's true bounds. */
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

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthAt = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
const lastDay = (month: string) => {
  const [year, number] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return `${month}-${String(new Date(Date.UTC(year, number, 0)).getUTCDate()).padStart(2, "0")}`;
};

/** Up or down only when the count moves by more than one article and a quarter: one more is noise. */
export function trendOf(current: number, previous: number): Trend {
  if (previous === 0) return current > 0 ? "new" : "steady";
  const change = current - previous;
  if (Math.abs(change) <= 1 || Math.abs(change) / previous < 0.25) return "steady";
  return change > 0 ? "up" : "down";
}

export function buildBriefing(articles: Article[], analysis: DigestAnalysis, registry: Registry, facts: FactFormatter, lang: Lang): Briefing {
  const newest = articles.map((a) => a.date.iso.slice(0, 7)).sort().at(-1) ?? "1970-01";
  const end = monthIndex(newest);
  const window = (last: number) => new Set(Array.from({ length: BRIEFING_MONTHS }, (_, i) => monthAt(last - i)));
  const months = window(end);
  const before = window(end - BRIEFING_MONTHS);
  const inPeriod = articles.filter((a) => months.has(a.date.iso.slice(0, 7)));
  const previous = articles.filter((a) => before.has(a.date.iso.slice(0, 7)));

  const tally = (list: Article[]) => {
    const topics = new Map<string, number>();
    const actors = new Map<string, number>();
    for (const article of list) {
      const found = analysis.articles.get(article.slug);
      for (const id of found?.topics.effective ?? []) topics.set(id, (topics.get(id) ?? 0) + 1);
      for (const { actorId } of found?.source.actors ?? []) if (registry.actors.has(actorId)) actors.set(actorId, (actors.get(actorId) ?? 0) + 1);
    }
    return { topics, actors };
  };
  const now = tally(inPeriod);
  const then = tally(previous);
  const ranked = (current: Map<string, number>, past: Map<string, number>, link: (id: string) => { name: string; url: string }): TrendLink[] =>
    [...current]
      .map(([id, count]) => {
        const was = past.get(id) ?? 0;
        const trend = trendOf(count, was);
        return { id, count, ...link(id), previous: was, trend, trendLabel: trend === "new" ? t(lang, "briefing.trend.new") : t(lang, "briefing.trendAgainst", { trend: t(lang, `briefing.trend.${trend}`), count: was }) };
      })
      .sort((a, b) => b.count - a.count || byName(lang)(a.name, b.name))
      .slice(0, BRIEFING_LIMIT.links);
  const topics = ranked(now.topics, then.topics, (id) => ({ name: topicName(registry, id, lang), url: topicUrl(registry, id, lang) }));
  const actors = ranked(now.actors, then.actors, (id) => ({ name: actorName(registry, id, lang), url: actorUrl(registry, id, lang) }));

  const events: EventItem[] = [];
  for (const article of inPeriod) {
    for (const event of facts.articleFacts(analysis, article.slug).events) if (months.has(event.date.slice(0, 7))) events.push(event);
  }
  events.sort((a, b) => b.date.localeCompare(a.date) || a.source.url.localeCompare(b.source.url));

  const from = monthLabel(monthAt(end - BRIEFING_MONTHS + 1), lang);
  const to = monthLabel(newest, lang);
  const period = t(lang, "briefing.period", { from, to, context: elisionContext(from) });
  return {
    period,
    start: `${monthAt(end - BRIEFING_MONTHS + 1)}-01`,
    end: lastDay(newest),
    count: inPeriod.length,
    summary: t(lang, "briefing.summary", { count: inPeriod.length, period, previous: previous.length, context: previous.length === 0 ? "first" : undefined }),
    // Clusters of related articles come with the digest's main stories; no cluster, no section.
    stories: [],
    topics,
    actors,
    events: distinctEvents(events).slice(0, BRIEFING_LIMIT.events),
    archive: routes.editions(lang),
  };
}
