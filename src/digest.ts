import { curateEvents, curateFigures, curateQuotes, keyEvents, quotesBySpeaker, type DigestEvent, type DigestQuote, type FigureSentence } from "./analysis/aggregate.ts";
import { EventClusterCache } from "./analysis/cache.ts";
import type { DigestAnalysis, Registry } from "./analysis/index.ts";
import { mainStories, type Story } from "./analysis/related.ts";
import { corpusSalience, rankPeriod, type ActorSalience, type PeriodRanking } from "./analysis/salience.ts";
import type { Article } from "./content/corpus.ts";

/**
 * The whole digest as the site shows it: the articles (newest first), the registries and what the
 * analysis computed across them, then the facts as pages list them: each once, ranked.
 * src/build-digest.ts makes it; the site model (src/site/) and the feeds (src/feeds/) are derived
 * from it.
 */
export interface Digest {
  contentDir: string;
  articles: Article[];
  registry: Registry;
  analysis: DigestAnalysis;
  /** The timeline: one entry per event, oldest first; plans marked `planned`, spans with `until`, non-events left out. */
  events: DigestEvent[];
  /** Figures by sentence, most important first: each sentence once, each figure once, with what it measures. */
  figures: FigureSentence[];
  /** Quotes attributed to an actor of the registry, each once, most important first. */
  quotes: DigestQuote[];
  /** The same quotes by speaker (actor id), most important first. */
  actorQuotes: Map<string, DigestQuote[]>;
  /** Each article's actors, most salient first, the main ones marked (by slug). */
  salience: Map<string, ActorSalience[]>;
  /** The home page's briefing: the latest period, its main stories, actors, topics and events. */
  briefing: DigestBriefing;
  /** Events and figures of each topic and actor page, most important first (by topic or actor id). */
  bySubject: SubjectFacts;
}

export interface SubjectFacts {
  /** An event is a topic's when one of its sources is under the topic. */
  topicEvents: Map<string, DigestEvent[]>;
  /** An event is an actor's when its sentences name the actor. */
  actorEvents: Map<string, DigestEvent[]>;
  topicFigures: Map<string, FigureSentence[]>;
}

export interface DigestBriefing extends PeriodRanking {
  stories: Story[];
  /** The period's most important events, most important first. */
  events: DigestEvent[];
}

export const BRIEFING_EVENTS = 5;

/**
 * The curated facts of an analyzed digest. Each is worked out when first read, then kept: the
 * feeds' digest (published articles only, src/build-digest.ts) never reads them and costs nothing.
 * `cacheDir`: the analysis cache's folder, where the events' clusters are kept between builds
 * (src/analysis/cache.ts, EventClusterCache); none when left out.
 */
export function curateDigest(digest: Pick<Digest, "contentDir" | "articles" | "registry" | "analysis">, options: { cacheDir?: string } = {}): Digest {
  const analyses = digest.articles.map((a) => digest.analysis.articles.get(a.slug)).filter((a) => a !== undefined);
  const salience = once(() => corpusSalience(analyses, new Map(digest.articles.map((a) => [a.slug, a]))));
  const clusters = () => new EventClusterCache(options.cacheDir ?? null).clustersOf(analyses, digest.analysis.sourceKeys);
  const events = once(() => curateEvents(analyses, salience(), clusters()));
  const figures = once(() => curateFigures(analyses, salience()));
  const quotes = once(() => curateQuotes(analyses, salience()));
  const actorQuotes = once(() => quotesBySpeaker(quotes()));
  const briefing = once((): DigestBriefing => {
    const ranking = rankPeriod(analyses, salience());
    const stories = mainStories({ slugs: ranking.period.articles, analyses: digest.analysis.articles, related: digest.analysis.related, salience: salience() });
    return { ...ranking, stories, events: keyEvents(events(), ranking.period.start, ranking.period.end, BRIEFING_EVENTS) };
  });
  const bySubject = once(() => subjectFacts(digest.analysis, events(), figures()));
  return {
    ...digest,
    get events() {
      return events();
    },
    get figures() {
      return figures();
    },
    get quotes() {
      return quotes();
    },
    get actorQuotes() {
      return actorQuotes();
    },
    get salience() {
      return salience();
    },
    get briefing() {
      return briefing();
    },
    get bySubject() {
      return bySubject();
    },
  };
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

function subjectFacts(analysis: DigestAnalysis, events: DigestEvent[], figures: FigureSentence[]): SubjectFacts {
  const add = <T>(map: Map<string, T[]>, id: string, item: T) => {
    const list = map.get(id);
    if (list) list.push(item);
    else map.set(id, [item]);
  };
  // Each article's topics once, each once: read for every event and figure of the digest.
  const topicsBySlug = new Map<string, readonly string[]>();
  const topicsOfArticle = (slug: string) => {
    let topics = topicsBySlug.get(slug);
    if (!topics) topicsBySlug.set(slug, (topics = [...new Set(analysis.articles.get(slug)?.topics.effective ?? [])]));
    return topics;
  };
  // Most events have one source: its article's list serves; with more, a set filled in place.
  const topicsOf = (sources: ReadonlyArray<{ slug: string }>, also?: string): Iterable<string> => {
    if (also === undefined && sources.length === 1) return topicsOfArticle(sources[0]!.slug);
    const topics = new Set<string>(also === undefined ? [] : topicsOfArticle(also));
    for (const { slug } of sources) for (const id of topicsOfArticle(slug)) topics.add(id);
    return topics;
  };
  const topicEvents = new Map<string, DigestEvent[]>();
  const actorEvents = new Map<string, DigestEvent[]>();
  const topicFigures = new Map<string, FigureSentence[]>();
  // Dates ("2024-05-15", "2024-05") and slugs are digits, lower-case letters and hyphens, which
  // code units order as localeCompare does, for a fraction of its cost over every event.
  const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byImportance = [...events].sort((a, b) => b.importance - a.importance || byCodeUnits(b.date, a.date) || byCodeUnits(a.slug, b.slug));
  for (const event of byImportance) {
    for (const topicId of topicsOf(event.sources)) add(topicEvents, topicId, event);
    for (const actorId of event.actors) add(actorEvents, actorId, event);
  }
  for (const group of figures) {
    for (const topicId of topicsOf(group.figures.flatMap((f) => f.sources), group.slug)) add(topicFigures, topicId, group);
  }
  return { topicEvents, actorEvents, topicFigures };
}
