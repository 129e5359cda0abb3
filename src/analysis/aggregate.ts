import type { PublicationDate } from "../content/schemas.ts";
import { fold } from "../text/fold.ts";
import type { ArticleAnalysis } from "./analyze.ts";
import type { CandidateKind } from "./candidate-kinds.ts";
import type { DatedEvent } from "./dates.ts";
import type { Figure } from "./figures.ts";
import type { Quote } from "./quotes.ts";

/**
 * Facts across articles, each keeping where it comes from (article slug and sentence). Every
 * aggregate is built in one pass over the articles' analyses, plus sorting: the work grows with
 * the number of articles times the facts in each, never with pairs of articles. Aggregates use
 * the source text: summaries are checked against it and add nothing it does not say.
 */
export interface Provenance {
  slug: string;
  sentence: string;
}

export interface MonthCount {
  /** "2024-01". */
  month: string;
  mentions: number;
  articles: number;
}

export interface ActorAggregate {
  actorId: string;
  /** Newest first. */
  articles: string[];
  mentions: number;
  byMonth: MonthCount[];
  first: { slug: string; date: PublicationDate };
  last: { slug: string; date: PublicationDate };
  quotes: (Quote & Provenance)[];
  /** Actors named in the same articles, counted once per article; the most frequent first. */
  coMentions: { actorId: string; articles: number }[];
  topics: { topicId: string; articles: number }[];
}

export interface TopicAggregate {
  topicId: string;
  /** Newest first. */
  articles: string[];
  actors: { actorId: string; articles: number }[];
  figures: (Omit<Figure, "sentence"> & Provenance)[];
  byMonth: { month: string; articles: number }[];
}

/** A dated event; `sentence` is the sentence's text rather than its index. */
export type TimelineEvent = Omit<DatedEvent, "sentence"> & Provenance;

export interface CandidateAggregate {
  name: string;
  /** What the name names, as most of its mentions read (person, organization, place…). */
  kind: CandidateKind;
  articles: number;
  mentions: number;
  /** A few articles where the name appears, with a sentence each, for the editors to judge. */
  examples: Provenance[];
}

export const CO_MENTION_LIMIT = 10;
const EXAMPLE_LIMIT = 3;

const month = (a: ArticleAnalysis) => a.date.iso.slice(0, 7);
const newestFirst = (a: ArticleAnalysis, b: ArticleAnalysis) => b.date.iso.localeCompare(a.date.iso) || a.slug.localeCompare(b.slug);

export function aggregateActors(analyses: ArticleAnalysis[]): Map<string, ActorAggregate> {
  const ordered = [...analyses].sort(newestFirst);
  const actors = new Map<string, ActorAggregate>();
  const months = new Map<string, Map<string, MonthCount>>();
  const co = new Map<string, Map<string, number>>();
  const topics = new Map<string, Map<string, number>>();
  const bump = (table: Map<string, Map<string, number>>, a: string, b: string) => {
    const row = table.get(a) ?? new Map<string, number>();
    row.set(b, (row.get(b) ?? 0) + 1);
    table.set(a, row);
  };

  for (const analysis of ordered) {
    const ids = analysis.source.actors.map((a) => a.actorId);
    for (const { actorId, count } of analysis.source.actors) {
      let actor = actors.get(actorId);
      if (!actor) {
        actor = { actorId, articles: [], mentions: 0, byMonth: [], first: pointer(analysis), last: pointer(analysis), quotes: [], coMentions: [], topics: [] };
        actors.set(actorId, actor);
      }
      actor.articles.push(analysis.slug);
      actor.mentions += count;
      // Newest first: every later article is older, so it becomes the first appearance.
      actor.first = pointer(analysis);
      const byMonth = months.get(actorId) ?? new Map<string, MonthCount>();
      const entry = byMonth.get(month(analysis)) ?? { month: month(analysis), mentions: 0, articles: 0 };
      entry.mentions += count;
      entry.articles++;
      byMonth.set(entry.month, entry);
      months.set(actorId, byMonth);
      for (const other of ids) if (other !== actorId) bump(co, actorId, other);
      for (const topicId of analysis.topics.effective) bump(topics, actorId, topicId);
    }
    for (const quote of analysis.source.quotes) {
      if (quote.speaker) actors.get(quote.speaker)?.quotes.push({ ...quote, slug: analysis.slug });
    }
  }
  for (const actor of actors.values()) {
    actor.byMonth = [...(months.get(actor.actorId)?.values() ?? [])].sort((a, b) => a.month.localeCompare(b.month));
    actor.coMentions = ranked(co.get(actor.actorId)).slice(0, CO_MENTION_LIMIT).map(([actorId, articles]) => ({ actorId, articles }));
    actor.topics = ranked(topics.get(actor.actorId)).map(([topicId, articles]) => ({ topicId, articles }));
  }
  return actors;
}

export function aggregateTopics(analyses: ArticleAnalysis[]): Map<string, TopicAggregate> {
  const topics = new Map<string, TopicAggregate>();
  const actorCounts = new Map<string, Map<string, number>>();
  const months = new Map<string, Map<string, number>>();
  for (const analysis of [...analyses].sort(newestFirst)) {
    for (const topicId of analysis.topics.effective) {
      let topic = topics.get(topicId);
      if (!topic) topics.set(topicId, (topic = { topicId, articles: [], actors: [], figures: [], byMonth: [] }));
      topic.articles.push(analysis.slug);
      const counts = actorCounts.get(topicId) ?? new Map<string, number>();
      for (const { actorId } of analysis.source.actors) counts.set(actorId, (counts.get(actorId) ?? 0) + 1);
      actorCounts.set(topicId, counts);
      const byMonth = months.get(topicId) ?? new Map<string, number>();
      byMonth.set(month(analysis), (byMonth.get(month(analysis)) ?? 0) + 1);
      months.set(topicId, byMonth);
      for (const figure of analysis.source.figures) {
        topic.figures.push({ ...figure, slug: analysis.slug, sentence: analysis.source.sentences[figure.sentence] ?? "" });
      }
    }
  }
  for (const topic of topics.values()) {
    topic.actors = ranked(actorCounts.get(topic.topicId)).map(([actorId, articles]) => ({ actorId, articles }));
    topic.byMonth = [...(months.get(topic.topicId) ?? new Map<string, number>())]
      .map(([m, articles]) => ({ month: m, articles }))
      .sort((a, b) => a.month.localeCompare(b.month));
  }
  return topics;
}

/** Dated events across the digest, oldest first; a month sorts before the days of that month. */
export function timeline(analyses: ArticleAnalysis[]): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const analysis of analyses) {
    for (const event of analysis.source.dates) {
      events.push({ ...event, slug: analysis.slug, sentence: analysis.source.sentences[event.sentence] ?? "" });
    }
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.slug.localeCompare(b.slug) || a.start - b.start);
}

export function aggregateCandidates(analyses: ArticleAnalysis[]): CandidateAggregate[] {
  const byName = new Map<string, CandidateAggregate>();
  const kinds = new Map<string, Map<CandidateKind, number>>();
  for (const analysis of analyses) {
    const seen = new Set<string>();
    for (const candidate of analysis.source.candidates) {
      const key = fold(candidate.name);
      let entry = byName.get(key);
      if (!entry) byName.set(key, (entry = { name: candidate.name, kind: candidate.kind, articles: 0, mentions: 0, examples: [] }));
      const votes = kinds.get(key) ?? new Map<CandidateKind, number>();
      kinds.set(key, votes.set(candidate.kind, (votes.get(candidate.kind) ?? 0) + 1));
      entry.mentions++;
      if (seen.has(key)) continue;
      seen.add(key);
      entry.articles++;
      if (entry.examples.length < EXAMPLE_LIMIT) entry.examples.push({ slug: analysis.slug, sentence: analysis.source.sentences[candidate.sentence] ?? "" });
    }
  }
  for (const [key, entry] of byName) entry.kind = [...(kinds.get(key) as Map<CandidateKind, number>)].sort((a, b) => b[1] - a[1])[0]![0];
  return [...byName.values()].sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.name.localeCompare(b.name));
}

function pointer(analysis: ArticleAnalysis): { slug: string; date: PublicationDate } {
  return { slug: analysis.slug, date: analysis.date };
}

function ranked(counts: Map<string, number> | undefined): [string, number][] {
  return [...(counts ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
