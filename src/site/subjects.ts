import type { Actor, ActorAggregate, TopicAggregate } from "../analysis/index.ts";
import type { Article } from "../content/corpus.ts";
import type { Digest } from "../digest.ts";
import { monthlyChart, type MonthlyChart } from "../charts/monthly.ts";
import { sparkline } from "../charts/sparkline.ts";
import type { SiteConfig } from "../config.ts";
import { absoluteUrl } from "../config.ts";
import { dayLabel } from "../calendar.ts";
import { feedLinksFor, pageFeeds } from "../feeds/links.ts";
import { t } from "../i18n/index.ts";
import { LANGUAGES, type Lang } from "../languages.ts";
import { entitySearch, type SearchRecord } from "../search/record.ts";
import { factFormatter, type EventItem, type FigureGroup, type FormattedFacts, type QuoteItem } from "./facts.ts";
import { actorName, agreementContext, byName, roleHistory, rolesAt, topicName } from "./names.ts";
import { articleCard, fold, pageBase, type ArticleCard, type Folded, type PageBase, type SubjectLink, type Titled } from "./page-base.ts";
import { routes } from "./routes.ts";
import { actorUrl, subjectSlug, topicUrl } from "./slugs.ts";
import { subjectArticlesPage, type SubjectArticlesPage } from "./subject-articles.ts";

/**
 * Topic and actor pages, and their indexes. Nothing here is written by hand: each page is derived
 * from one registry entry and from what the analysis found across the articles.
 */

/** How many items a subject page lists before saying how many there are in all. */
export const LIST_LIMIT = { articles: 30, quotes: 20, figures: 20, events: 20, links: 10 } as const;
/** How many of those facts are in view; the rest are folded (see fold). */
export const FACTS_IN_VIEW = 5;

interface SubjectPageBase extends PageBase, Titled {
  id: string;
  name: string;
  summary: string;
  chart: MonthlyChart;
  articles: ArticleCard[];
  articleTotal: number;
  /** Every article, on a page of its own, when `articles` lists only the latest. */
  allArticles?: string;
  topics: SubjectLink[];
  actors: SubjectLink[];
  search: SearchRecord;
  jsonLd?: Record<string, unknown>;
}

export interface TopicPage extends SubjectPageBase {
  kind: "topic";
  figures: Folded<FigureGroup>;
  figureTotal: number;
  events: Folded<EventItem>;
  eventTotal: number;
}

export interface ActorPage extends SubjectPageBase {
  kind: "actor";
  actorKind: Actor["kind"];
  roles: Array<{ name: string; period: string }>;
  /** The same articles as `articles`, with the roles the actor held on each one's date. */
  articleRoles: Record<string, string[]>;
  quotes: Folded<QuoteItem>;
  quoteTotal: number;
  first?: { url: string; title: string; dateLabel: string };
  last?: { url: string; title: string; dateLabel: string };
  mentionTotal: number;
}

export interface TopicsIndexPage extends PageBase, Titled {
  kind: "topics-index";
  topics: SubjectLink[];
}

export interface ActorsIndexPage extends PageBase, Titled {
  kind: "actors-index";
  /** Each kind's actors, the most cited first; past the first ones, the rest folded. */
  groups: Array<{ kind: Actor["kind"]; label: string; actors: Folded<SubjectLink> }>;
}

/** How many actors of a kind the index shows before folding the rest. */
export const INDEX_IN_VIEW = 12;

export interface SubjectPages {
  topicsIndex: TopicsIndexPage[];
  actorsIndex: ActorsIndexPage[];
  topicPages: TopicPage[];
  actorPages: ActorPage[];
  /** Every article of the subjects whose page lists only the latest. */
  articleLists: SubjectArticlesPage[];
}

const ACTOR_KINDS: Actor["kind"][] = ["person", "institution", "country", "group"];

/** The most frequent first; then by name, in the language's order. */
const byCountThenName = (lang: Lang) => (a: SubjectLink, b: SubjectLink) => b.count - a.count || byName(lang)(a.name, b.name);

export function buildSubjectPages(digest: Digest, site: SiteConfig, formatted: FormattedFacts): SubjectPages {
  const { articles, analysis, registry } = digest;
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const pages: SubjectPages = { topicsIndex: [], actorsIndex: [], topicPages: [], actorPages: [], articleLists: [] };

  // Every trend mark of an index ends at the same month, the digest's newest, so marks compare.
  const newest = articles.map((a) => a.date.iso.slice(0, 7)).sort().at(-1) ?? "1970-01";
  // What a subject page lists in both languages is worked out once: a topic can have thousands of articles.
  const listed = new Map<string[], Article[]>();
  const articlesOf = (slugs: string[]) => {
    let found = listed.get(slugs);
    if (!found) listed.set(slugs, (found = slugs.flatMap((slug) => bySlug.get(slug) ?? [])));
    return found;
  };
  const relatedTopics = new Map<string, Map<string, number>>();
  // Topics that share articles with this one, counted once per article.
  const relatedTo = (aggregate: TopicAggregate) => {
    let related = relatedTopics.get(aggregate.topicId);
    if (!related) {
      relatedTopics.set(aggregate.topicId, (related = new Map()));
      for (const slug of aggregate.articles) {
        for (const other of analysis.articles.get(slug)?.topics.effective ?? []) {
          if (other !== aggregate.topicId) related.set(other, (related.get(other) ?? 0) + 1);
        }
      }
    }
    return related;
  };
  for (const lang of LANGUAGES) {
    const facts = factFormatter(digest, lang, formatted);
    const cards = (slugs: string[]) =>
      slugs.slice(0, LIST_LIMIT.articles).flatMap((slug) => {
        const article = bySlug.get(slug);
        return article ? [articleCard(article, lang)] : [];
      });
    /** The page of every article of a subject that has more than its page lists, and its URL. */
    const allArticles = (subject: Parameters<typeof subjectArticlesPage>[0]): string | undefined => {
      if (subject.articles.length <= LIST_LIMIT.articles) return undefined;
      const page = subjectArticlesPage(subject, lang);
      pages.articleLists.push(page);
      return page.url;
    };
    const topicLink = (id: string, count: number): SubjectLink => ({ id, name: topicName(registry, id, lang), url: topicUrl(registry, id, lang), count });
    const actorLink = (id: string, count: number): SubjectLink => ({ id, name: actorName(registry, id, lang), url: actorUrl(registry, id, lang), count });

    // Topics with at least one article; a topic nobody wrote about yet has no page to show.
    const topics = [...registry.topics.keys()].flatMap((id) => {
      const aggregate = analysis.topics.get(id);
      return aggregate && aggregate.articles.length > 0 ? [aggregate] : [];
    });
    for (const aggregate of topics) {
      pages.topicPages.push(topicPage(aggregate, lang));
    }
    const actors = [...registry.actors.keys()].flatMap((id) => {
      const aggregate = analysis.actors.get(id);
      return aggregate && aggregate.articles.length > 0 ? [aggregate] : [];
    });
    for (const aggregate of actors) {
      pages.actorPages.push(actorPage(aggregate, lang));
    }

    pages.topicsIndex.push({
      kind: "topics-index",
      ...pageBase(lang, routes.topics, routes.topics("fr")),
      title: t(lang, "subjects.topics.title"),
      description: t(lang, "subjects.topics.description"),
      topics: topics
        .map((a) => ({
          ...topicLink(a.topicId, a.articles.length),
          description: registry.topics.get(a.topicId)?.description[lang],
          trend: sparkline({ points: a.byMonth.map((m) => ({ month: m.month, value: m.articles })), lang, until: newest }).svg,
        }))
        .sort(byCountThenName(lang)),
    });
    pages.actorsIndex.push({
      kind: "actors-index",
      ...pageBase(lang, routes.actors, routes.actors("fr")),
      title: t(lang, "subjects.actors.title"),
      description: t(lang, "subjects.actors.description"),
      groups: ACTOR_KINDS.map((kind) => ({
        kind,
        label: t(lang, `subjects.kinds.${kind}`),
        actors: fold(
          actors
            .filter((a) => registry.actors.get(a.actorId)?.kind === kind)
            .map((a) => ({
              ...actorLink(a.actorId, a.articles.length),
              description: registry.actors.get(a.actorId)?.description[lang],
              agreement: agreementContext(registry.actors.get(a.actorId), lang),
              trend: sparkline({ points: a.byMonth.map((m) => ({ month: m.month, value: m.articles })), lang, until: newest }).svg,
            }))
            .sort(byCountThenName(lang)),
          INDEX_IN_VIEW,
        ),
      })).filter((group) => group.actors.count > 0),
    });

    function topicPage(aggregate: TopicAggregate, lang: Lang): TopicPage {
      const topic = registry.topics.get(aggregate.topicId)!;
      const name = topic.name[lang];
      const related = relatedTo(aggregate);
      // Each event and figure once, the most important first (Digest.bySubject); the first few formatted.
      const topicEvents = digest.bySubject.topicEvents.get(aggregate.topicId) ?? [];
      const topicFigures = digest.bySubject.topicFigures.get(aggregate.topicId) ?? [];
      const events = topicEvents.slice(0, LIST_LIMIT.events).map((event) => facts.event(event));
      const figures = topicFigures.slice(0, LIST_LIMIT.figures).map((group) => facts.figureGroup(group));
      const urlFor = (l: Lang) => topicUrl(registry, topic.id, l);
      const feeds = pageFeeds(lang, feedLinksFor("topic", subjectSlug(registry, "topic", topic.id, lang), lang, name));
      return {
        kind: "topic",
        ...pageBase(lang, urlFor, urlFor("fr")),
        feeds,
        id: topic.id,
        name,
        title: name,
        description: topic.description[lang],
        summary: t(lang, "subjects.topic.summary", { count: aggregate.articles.length }),
        chart: monthlyChart({
          points: aggregate.byMonth.map((m) => ({ month: m.month, value: m.articles })),
          lang,
          id: `chart-${topic.id}`,
          measure: "articles",
          title: t(lang, "subjects.topic.chartTitle", { name }),
        }),
        articles: cards(aggregate.articles),
        articleTotal: aggregate.articles.length,
        allArticles: allArticles({ kind: "topic", name, urlFor, articles: articlesOf(aggregate.articles), feeds }),
        actors: aggregate.actors.slice(0, LIST_LIMIT.links).map((a) => actorLink(a.actorId, a.articles)),
        topics: [...related].map(([id, count]) => topicLink(id, count)).sort(byCountThenName(lang)).slice(0, LIST_LIMIT.links),
        figures: fold(figures, FACTS_IN_VIEW),
        figureTotal: topicFigures.length,
        events: fold(events, FACTS_IN_VIEW),
        eventTotal: topicEvents.length,
        // Only this language's words: a French result never shows the Spanish name.
        search: entitySearch("topic", name, [], topic.description[lang]),
      };
    }

    function actorPage(aggregate: ActorAggregate, lang: Lang): ActorPage {
      const actor = registry.actors.get(aggregate.actorId)!;
      const name = actor.name[lang];
      const listed = aggregate.articles.slice(0, LIST_LIMIT.articles);
      const pointer = (p: { slug: string }) => {
        const s = facts.source(p.slug);
        return { url: s.url, title: s.title, dateLabel: s.dateLabel };
      };
      const aliases = [...(actor.aliases?.any ?? []), ...(actor.aliases?.[lang] ?? []), ...(actor.short ?? [])];
      // Attributed to this actor, each once, the most important first (Digest.actorQuotes).
      const attributed = digest.actorQuotes.get(actor.id) ?? [];
      const quotes = attributed.slice(0, LIST_LIMIT.quotes);
      const urlFor = (l: Lang) => actorUrl(registry, actor.id, l);
      const feeds = pageFeeds(lang, feedLinksFor("actor", subjectSlug(registry, "actor", actor.id, lang), lang, name));
      return {
        kind: "actor",
        ...pageBase(lang, urlFor, urlFor("fr")),
        feeds,
        id: actor.id,
        actorKind: actor.kind,
        name,
        title: name,
        description: actor.description[lang],
        summary: t(lang, "subjects.actor.summary", {
          count: aggregate.articles.length,
          context: agreementContext(actor, lang),
          mentions: t(lang, "subjects.actor.mentions", { count: aggregate.mentions }),
        }),
        roles: roleHistory(registry, actor, lang).map((role) => ({
          name: role.name,
          period: role.to
            ? t(lang, "subjects.actor.roleFromTo", { from: dayLabel(role.from, lang), to: dayLabel(role.to, lang) })
            : t(lang, "subjects.actor.roleSince", { from: dayLabel(role.from, lang) }),
        })),
        chart: monthlyChart({
          points: aggregate.byMonth.map((m) => ({ month: m.month, value: m.mentions })),
          lang,
          id: `chart-${actor.id}`,
          measure: "mentions",
          title: t(lang, "subjects.actor.chartTitle", { name }),
        }),
        articles: cards(listed),
        articleRoles: Object.fromEntries(
          listed.map((slug) => {
            const article = bySlug.get(slug);
            return [slug, article ? rolesAt(registry, actor, article.date, lang) : []];
          }),
        ),
        articleTotal: aggregate.articles.length,
        allArticles: allArticles({ kind: "actor", name, urlFor, articles: articlesOf(aggregate.articles), feeds }),
        mentionTotal: aggregate.mentions,
        quotes: fold(quotes.map((q) => facts.quote(q)), FACTS_IN_VIEW),
        quoteTotal: attributed.length,
        actors: aggregate.coMentions.slice(0, LIST_LIMIT.links).map((c) => actorLink(c.actorId, c.articles)),
        topics: aggregate.topics.slice(0, LIST_LIMIT.links).map((c) => topicLink(c.topicId, c.articles)),
        first: pointer(aggregate.first),
        last: pointer(aggregate.last),
        search: entitySearch("actor", name, aliases, actor.description[lang]),
        jsonLd: actorJsonLd(actor, lang, site, actorUrl(registry, actor.id, lang)),
      };
    }
  }
  return pages;
}

function actorJsonLd(actor: Actor, lang: Lang, site: SiteConfig, url: string): Record<string, unknown> {
  const type = actor.kind === "person" ? "Person" : actor.kind === "country" ? "Country" : "Organization";
  return {
    "@context": "https://schema.org",
    "@type": type,
    name: actor.name[lang],
    description: actor.description[lang],
    url: absoluteUrl(site, url),
    ...(actor.aliases?.any?.length ? { alternateName: actor.aliases.any } : {}),
  };
}
