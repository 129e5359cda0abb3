import type { DigestAnalysis, Registry } from "../analysis/index.ts";
import type { Article } from "../content/corpus.ts";
import type { Digest } from "../digest.ts";
import { monthLabel } from "../calendar.ts";
import { t } from "../i18n/index.ts";
import { LANGUAGES, type Lang } from "../languages.ts";
import { FactFormatter, factFormatter, type EventItem, type FormattedFacts } from "./facts.ts";
import { actorName, byName, topicName } from "./names.ts";
import { articleCard, pageBase, type ArticleCard, type PageBase, type SubjectLink, type Titled } from "./page-base.ts";
import { buildBriefing, type Briefing } from "./briefing.ts";
import { routes } from "./routes.ts";
import { actorUrl, topicUrl } from "./slugs.ts";

/**
 * Monthly editions: each month's articles read as that month's briefing, with the topics and
 * actors that were most active and the events that fell in it. The home page's briefing
 * (src/site/briefing.ts) is built beside them.
 */

export const ACTIVE_LIMIT = 8;

export interface Activity {
  topics: SubjectLink[];
  actors: SubjectLink[];
  events: EventItem[];
  /** The editions index, which every edition and the briefing link to. */
  archive: string;
}

export interface EditionPage extends PageBase, Titled, Activity {
  kind: "edition";
  month: string;
  monthLabel: string;
  articles: ArticleCard[];
  previous?: { url: string; label: string };
  next?: { url: string; label: string };
}

export interface EditionsIndexPage extends PageBase, Titled {
  kind: "editions-index";
  years: Array<{ year: string; months: Array<{ month: string; label: string; url: string; count: number }> }>;
}


const monthOf = (iso: string) => iso.slice(0, 7);

/** Articles grouped by month, newest month first; articles keep their newest-first order. */
export function groupByMonth(articles: Article[]): Array<{ month: string; articles: Article[] }> {
  const groups = new Map<string, Article[]>();
  for (const article of articles) {
    const month = monthOf(article.date.iso);
    const group = groups.get(month);
    if (group) group.push(article);
    else groups.set(month, [article]);
  }
  return [...groups].sort((a, b) => b[0].localeCompare(a[0])).map(([month, list]) => ({ month, articles: list }));
}

function activity(
  articles: Article[],
  months: Set<string>,
  eventsByMonth: ReadonlyMap<string, Digest["events"]>,
  analysis: DigestAnalysis,
  registry: Registry,
  facts: FactFormatter,
  lang: Lang,
  eventLimit: number,
): Activity {
  const topics = new Map<string, number>();
  const actors = new Map<string, number>();
  const slugs = new Set(articles.map((a) => a.slug));
  for (const article of articles) {
    const found = analysis.articles.get(article.slug);
    if (!found) continue;
    for (const id of found.topics.effective) topics.set(id, (topics.get(id) ?? 0) + 1);
    for (const { actorId } of found.source.actors) actors.set(actorId, (actors.get(actorId) ?? 0) + 1);
  }
  // Events that fall within the period, reported by the period's articles: each once, newest first.
  const events = [...months]
    .flatMap((month) => eventsByMonth.get(month) ?? [])
    .filter((event) => event.sources.some((source) => slugs.has(source.slug)))
    .sort((a, b) => b.date.localeCompare(a.date) || b.importance - a.importance)
    .slice(0, eventLimit)
    .map((event) => facts.event(event));
  const ranked = (counts: Map<string, number>, link: (id: string) => { name: string; url: string }) =>
    [...counts]
      .map(([id, count]) => ({ id, count, ...link(id) }))
      .sort((a, b) => b.count - a.count || byName(lang)(a.name, b.name))
      .slice(0, ACTIVE_LIMIT);
  return {
    topics: ranked(topics, (id) => ({ name: topicName(registry, id, lang), url: topicUrl(registry, id, lang) })),
    actors: ranked(actors, (id) => ({ name: actorName(registry, id, lang), url: actorUrl(registry, id, lang) })),
    events,
    archive: routes.editions(lang),
  };
}

export function buildEditions(
  digest: Digest,
  formatted: FormattedFacts,
): { editionPages: EditionPage[]; editionsIndex: EditionsIndexPage[]; briefings: Record<Lang, Briefing> } {
  const { articles, analysis, registry } = digest;
  const groups = groupByMonth(articles);
  const editionPages: EditionPage[] = [];
  const editionsIndex: EditionsIndexPage[] = [];
  const briefings = {} as Record<Lang, Briefing>;
  // Each edition reads its month's events: grouped once, not filtered from all of them per edition.
  const eventsByMonth = new Map<string, Digest["events"]>();
  for (const event of digest.events) {
    const month = monthOf(event.date);
    const list = eventsByMonth.get(month);
    if (list) list.push(event);
    else eventsByMonth.set(month, [event]);
  }
  for (const lang of LANGUAGES) {
    const facts = factFormatter(digest, lang, formatted);
    groups.forEach((group, i) => {
      const label = monthLabel(group.month, lang);
      const newer = groups[i - 1];
      const older = groups[i + 1];
      editionPages.push({
        kind: "edition",
        ...pageBase(lang, (l) => routes.edition(l, group.month), routes.edition("fr", group.month)),
        title: t(lang, "editions.title", { month: label }),
        description: t(lang, "editions.description", { month: label, count: group.articles.length }),
        month: group.month,
        monthLabel: label,
        articles: group.articles.map((a) => articleCard(a, lang)),
        ...activity(group.articles, new Set([group.month]), eventsByMonth, analysis, registry, facts, lang, 50),
        previous: older ? { url: routes.edition(lang, older.month), label: monthLabel(older.month, lang) } : undefined,
        next: newer ? { url: routes.edition(lang, newer.month), label: monthLabel(newer.month, lang) } : undefined,
      });
    });
    const years = new Map<string, EditionsIndexPage["years"][number]["months"]>();
    for (const group of groups) {
      const year = group.month.slice(0, 4);
      const list = years.get(year) ?? [];
      list.push({ month: group.month, label: monthLabel(group.month, lang), url: routes.edition(lang, group.month), count: group.articles.length });
      years.set(year, list);
    }
    editionsIndex.push({
      kind: "editions-index",
      ...pageBase(lang, routes.editions, routes.editions("fr")),
      title: t(lang, "editions.index.title"),
      description: t(lang, "editions.index.description"),
      years: [...years].map(([year, months]) => ({ year, months })),
    });
    briefings[lang] = buildBriefing(digest, facts, lang);
  }
  return { editionPages, editionsIndex, briefings };
}
