import type { PublicationDate } from "../content/schemas.ts";
import { fold } from "../text/fold.ts";
import type { ArticleAnalysis } from "./analyze.ts";
import type { CandidateKind } from "./candidate-kinds.ts";
import type { DatedEvent } from "./dates.ts";
import type { Figure } from "./figures.ts";
import type { Attribution, Quote } from "./quotes.ts";

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
  const topicAnalyses = new Map<string, ArticleAnalysis[]>();
  for (const analysis of [...analyses].sort(newestFirst)) {
    for (const topicId of analysis.topics.effective) {
      let topic = topics.get(topicId);
      if (!topic) {
        const under: ArticleAnalysis[] = [];
        topicAnalyses.set(topicId, under);
        topics.set(topicId, (topic = newTopic(topicId, under)));
      }
      topic.articles.push(analysis.slug);
      topicAnalyses.get(topicId)!.push(analysis);
      const counts = actorCounts.get(topicId) ?? new Map<string, number>();
      for (const { actorId } of analysis.source.actors) counts.set(actorId, (counts.get(actorId) ?? 0) + 1);
      actorCounts.set(topicId, counts);
      const byMonth = months.get(topicId) ?? new Map<string, number>();
      byMonth.set(month(analysis), (byMonth.get(month(analysis)) ?? 0) + 1);
      months.set(topicId, byMonth);
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

/**
 * A topic whose figures are listed when first read: no page shows them, and made for every topic
 * they would hold a copy of nearly every figure of the corpus for nothing.
 */
function newTopic(topicId: string, analyses: ArticleAnalysis[]): TopicAggregate {
  let figures: TopicAggregate["figures"] | undefined;
  return {
    topicId,
    articles: [],
    actors: [],
    get figures() {
      return (figures ??= topicFigures(analyses));
    },
    byMonth: [],
  };
}

/** A topic's figures, newest article first. */
function topicFigures(analyses: ArticleAnalysis[]): TopicAggregate["figures"] {
  return analyses.flatMap((analysis) =>
    analysis.source.figures.map((figure) => ({ ...figure, slug: analysis.slug, sentence: analysis.source.sentences[figure.sentence] ?? "" })),
  );
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

// ---------------------------------------------------------------------------------------------
// Curated facts: what the timeline, the figures, the quotes and the briefing show. Each fact is
// one entry however many sentences and articles report it, with every source kept.

/** Where a fact was found: the article and its sentence (the text, and its index in the source). */
export interface FactSource {
  slug: string;
  sentence: string;
  sentenceIndex: number;
}

/**
 * One event on the timeline: the sentences and articles that report the same date (at the same
 * precision) about the same actors, merged. The fields of TimelineEvent are those of its best
 * source, so a page can format it as it formats a TimelineEvent.
 */
export type DigestEvent = TimelineEvent & {
  /** After the publication date of the article that reports it: a meeting ahead, a deadline, a plan. */
  planned: boolean;
  /** Every source, the best first (it is also `slug` and `sentence`). */
  sources: (FactSource & { phrase: string })[];
  /** Actors named in the events' sentences, the most salient first. */
  actors: string[];
  /** Higher is more important: salient actors involved, more sources. */
  importance: number;
};

type Salience = Map<string, { actorId: string; score: number }[]>;

const WORD_RUN = /[\p{L}\p{N}]+/gu;
const wordsOf = (text: string) => fold(text).match(WORD_RUN) ?? [];
const sentenceKey = (text: string) => wordsOf(text).join(" ");

/** Appends to the list under `key`, made on first use: one push, never a copy of the list. */
function push<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** The actors each sentence of an article names, by sentence index, in the order it names them. */
export function actorsBySentence(analysis: ArticleAnalysis): Map<number, Set<string>> {
  const bySentence = new Map<number, Set<string>>();
  for (const m of analysis.source.mentions) {
    const actors = bySentence.get(m.sentence);
    if (actors) actors.add(m.actorId);
    else bySentence.set(m.sentence, new Set([m.actorId]));
  }
  return bySentence;
}

/** "Aucune annonce n'est attendue vendredi", "no se espera ningún acuerdo el lunes": not events. */
const NON_EVENT = [
  /\b(?:aucun|aucune|nul|nulle)\b[^.;]{0,80}?\b(?:attendu|attendue|attendus|attendues|prevu|prevue|prevus|prevues|envisage|envisagee|programme|programmee)\b/u,
  /\bn['’]?\s*(?:est|sont|etait|etaient|sera|seront)\s+(?:pas|plus)\s+(?:attendu|prevu|envisage|programme)/u,
  /\bno\s+se\s+(?:espera|esperan|esperaba|esperaban|preve|preven|contempla|contemplan|anticipa|prevé)\b/u,
  /\bno\s+(?:esta|estaba|estan|estaban)\s+(?:previst|programad|contemplad)/u,
  /\bningun[oa]?\b[^.;]{0,80}?\b(?:previst[oa]s?|esperad[oa]s?|programad[oa]s?)\b/u,
];

export function isNonEvent(sentence: string): boolean {
  return isFoldedNonEvent(fold(sentence));
}

function isFoldedNonEvent(folded: string): boolean {
  return NON_EVENT.some((pattern) => pattern.test(folded));
}

/** Strictly after the publication date, compared at the coarser of the two precisions. */
export function isAfter(date: string, published: PublicationDate): boolean {
  const length = Math.min(date.length, published.precision === "day" ? 10 : 7);
  return date.slice(0, length) > published.iso.slice(0, length);
}

/** A day beats a month, a certain date an uncertain one, a reported one a plan, a span a single day. */
function support(event: { uncertain: boolean; precision: string; planned: boolean; until?: string }): number {
  return (event.uncertain ? 0 : 4) + (event.precision === "day" ? 2 : 0) + (event.planned ? 0 : 1) + (event.until ? 0.5 : 0);
}

const RANGE_BEFORE = /(?:^|[\s(])(?:de|du|des|entre|desde|del|dal)\s*$/iu;
const RANGE_BETWEEN = /^\s*(?:à|au|aux|a|al|et|y|hasta|jusqu['’]à|jusqu['’]au|-|–)\s*$/iu;

interface Candidate {
  event: DatedEvent;
  /** The event's place in its source's dates. */
  index: number;
  analysis: ArticleAnalysis;
  sentence: string;
  /** The sentence's words, each once, as ids of the digest's words (wordIds), in increasing order. */
  words: Int32Array;
  planned: boolean;
  until?: string;
  actors: ReadonlySet<string>;
  /** support() of the candidate, worked out once. */
  support: number;
}

const NO_ACTORS: ReadonlySet<string> = new Set();

/** "de mars à mai", "entre octobre 2022 et septembre 2023": the two dates of one sentence as one span. */
function joinRanges(events: DatedEvent[], sentence: string): { event: DatedEvent; until?: string }[] {
  const ordered = [...events].sort((a, b) => a.start - b.start);
  const out: { event: DatedEvent; until?: string }[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const a = ordered[i]!;
    const b = ordered[i + 1];
    const local = sentence.indexOf(a.phrase);
    if (b && !a.until && local >= 0 && a.precision === b.precision && b.date >= a.date) {
      const between = sentence.slice(local + a.phrase.length, local + a.phrase.length + (b.start - a.end));
      if (RANGE_BEFORE.test(sentence.slice(Math.max(0, local - 12), local)) && RANGE_BETWEEN.test(between)) {
        out.push({ event: a, until: b.until ?? b.date });
        i++;
        continue;
      }
    }
    out.push({ event: a, until: a.until });
  }
  return out;
}

/**
 * Which sentences report one event, before salience weighs it: for each event, its sources as
 * [slug, index of the date in the source's dates, last day of a span or null], the best-supported
 * first. It reads the sources' analyses only (their dates, sentences and mentions, and the
 * articles' dates), never a summary: a summary edit keeps it, so a build can read it from the
 * analysis cache (src/analysis/cache.ts, EventClusterCache) instead of working it out again.
 */
export type EventClusters = Array<Array<[slug: string, date: number, until: string | null]>>;

/**
 * The digest's events, oldest first (a month before the days of that month): one entry per event,
 * however many sentences and articles report it. `salience` (src/analysis/salience.ts) ranks the
 * actors of each article; without it every actor weighs the same. `clusters`: what
 * eventClusters(analyses) returns, when already known.
 */
export function curateEvents(analyses: ArticleAnalysis[], salience: Salience = new Map(), clusters: EventClusters = eventClusters(analyses)): DigestEvent[] {
  const bySlug = new Map(analyses.map((a) => [a.slug, a]));
  const named = new Map<string, Map<number, Set<string>>>();
  const actorsOf = (analysis: ArticleAnalysis, sentence: number) => {
    let bySentence = named.get(analysis.slug);
    if (!bySentence) named.set(analysis.slug, (bySentence = actorsBySentence(analysis)));
    return bySentence.get(sentence) ?? NO_ACTORS;
  };
  // Each article's scores by actor, made when first read: an article's events ask for the same few actors again and again.
  const scores = new Map<string, Map<string, number>>();
  const weightOf = (slug: string, actorId: string) => {
    let bySlug = scores.get(slug);
    if (!bySlug) {
      scores.set(slug, (bySlug = new Map()));
      for (const s of salience.get(slug) ?? []) if (!bySlug.has(s.actorId)) bySlug.set(s.actorId, s.score);
    }
    return bySlug.get(actorId) ?? 0.5;
  };
  const events: DigestEvent[] = [];
  // Loops rather than chains of map and filter: this runs for every event of the digest, most of them reported once.
  for (const members of clusters) {
    const actorWeights = new Map<string, number>();
    const slugs = new Set<string>();
    const sources: DigestEvent["sources"] = [];
    let until: string | undefined;
    let first = Infinity;
    for (const [slug, index, memberUntil] of members) {
      const analysis = bySlug.get(slug)!;
      const event = analysis.source.dates[index]!;
      for (const id of actorsOf(analysis, event.sentence)) actorWeights.set(id, Math.max(actorWeights.get(id) ?? 0, weightOf(slug, id)));
      slugs.add(slug);
      sources.push({ slug, sentence: analysis.source.sentences[event.sentence] ?? "", sentenceIndex: event.sentence, phrase: event.phrase });
      // The latest end of the spans its sources report.
      if (memberUntil && (until === undefined || memberUntil > until)) until = memberUntil;
      first = Math.min(first, event.sentence);
    }
    const [bestSlug, bestIndex] = members[0]!;
    const bestAnalysis = bySlug.get(bestSlug)!;
    const { sentence: _index, ...fields } = bestAnalysis.source.dates[bestIndex]!;
    let weights = 0;
    for (const w of actorWeights.values()) weights += w;
    const lede = first < 3 ? 0.5 : 0;
    events.push({
      ...fields,
      ...(until ? { until } : {}),
      planned: (fields as { planned?: boolean }).planned ?? isAfter(fields.date, bestAnalysis.date),
      slug: bestSlug,
      sentence: sources[0]!.sentence,
      sources,
      actors: [...actorWeights].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id),
      importance: Math.round((weights + 1.5 * Math.log2(1 + slugs.size) + lede) * 1000) / 1000,
    });
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || b.importance - a.importance || a.slug.localeCompare(b.slug));
}

/** The events of curateEvents before salience weighs them: which sentences report the same one. */
export function eventClusters(analyses: ArticleAnalysis[]): EventClusters {
  // One date per sentence, and per sentence text across articles: the best-supported one.
  const bySentence = new Map<string, Candidate>();
  const wordIds = new Map<string, number>();
  for (const analysis of [...analyses].sort(newestFirst)) {
    const groups = new Map<number, DatedEvent[]>();
    for (const event of analysis.source.dates) push(groups, event.sentence, event);
    const named = groups.size > 0 ? actorsBySentence(analysis) : new Map<number, Set<string>>();
    const indexOf = groups.size > 0 ? new Map(analysis.source.dates.map((event, i) => [event, i])) : new Map<DatedEvent, number>();
    for (const [index, events] of groups) {
      const sentence = analysis.source.sentences[index] ?? "";
      // Folded once for the three readings of it: non-event, words and key (sentenceKey).
      const folded = fold(sentence);
      if (isFoldedNonEvent(folded)) continue;
      // Read only from here on: the article's own set serves every candidate of the sentence.
      const actors = named.get(index) ?? NO_ACTORS;
      const wordList = folded.match(WORD_RUN) ?? [];
      const words = idsOf(wordList, wordIds);
      const key = wordList.join(" ");
      for (const { event, until } of joinRanges(events, sentence)) {
        const planned = (event as DatedEvent & { planned?: boolean }).planned ?? isAfter(event.date, analysis.date);
        const score = support({ uncertain: event.uncertain, precision: event.precision, planned, until });
        const known = bySentence.get(key);
        if (!known || score > known.support) bySentence.set(key, { event, index: indexOf.get(event)!, analysis, sentence, words, planned, actors, until, support: score });
      }
    }
  }

  // Same date and precision: one event when the actors overlap, the sentences are near-identical,
  // or one article reports the same day (or a span starting there) in several sentences.
  const byDate = new Map<string, Candidate[]>();
  for (const c of bySentence.values()) {
    push(byDate, `${c.event.precision}|${c.event.date}`, c);
  }
  const clusters: EventClusters = [];
  // Each group's word counts, in one table that is all zeros between groups.
  const frequency = new Int32Array(wordIds.size);
  for (const group of byDate.values()) {
    const root = sameEventClusters(group, frequency);
    const byRoot = new Map<number, Candidate[]>();
    group.forEach((c, i) => push(byRoot, root(i), c));
    for (const members of byRoot.values()) {
      const ranked = members.sort(
        (a, b) =>
          b.support - a.support ||
          a.event.sentence - b.event.sentence ||
          a.analysis.slug.localeCompare(b.analysis.slug),
      );
      clusters.push(ranked.map((c) => [c.analysis.slug, c.index, c.until ?? null]));
    }
  }
  return clusters;
}

/**
 * The clusters sameEvent makes of one date's candidates (two candidates are one event when a chain
 * of sameEvent pairs joins them), found without comparing every pair: a month can have a thousand
 * candidates on a large corpus. Only pairs that can pass are compared: those of one article, those
 * that share an actor, and those whose rarest words meet (prefix filtering: two word sets with a
 * Jaccard index of 0.8 or more share a word among the first |x| − ⌊0.8·|x|⌋ + 1 of each, in any
 * one fixed order of the words). Returns each candidate's cluster (by index), for the indexes
 * of `group`.
 */
function sameEventClusters(group: Candidate[], frequency: Int32Array): (i: number) => number {
  const parent = Int32Array.from(group, (_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[i] !== r) {
      const next = parent[i]!;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const join = (i: number, j: number) => {
    const a = root(i);
    const b = root(j);
    if (a !== b) parent[b] = a;
  };
  // Two candidates already in one cluster need no comparing.
  const compare = (i: number, j: number) => {
    if (root(i) !== root(j) && sameEvent(group[i]!, group[j]!)) join(i, j);
  };

  const bySlug = new Map<string, number[]>();
  const byActor = new Map<string, number[]>();
  group.forEach((c, i) => {
    push(bySlug, c.analysis.slug, i);
    for (const id of c.actors) push(byActor, id, i);
  });
  // One article: a day, or a span, reported in several of its sentences.
  for (const members of bySlug.values()) {
    const joined = members.filter((i) => group[i]!.event.precision === "day" || group[i]!.until);
    if (joined.length > 0) for (const i of members) join(joined[0]!, i);
  }
  // Shared actors: with one or two actors, any shared one is half of them; with three or more, the
  // pair is compared.
  for (const members of byActor.values()) {
    const few = members.find((i) => group[i]!.actors.size <= 2);
    if (few !== undefined) for (const i of members) join(few, i);
    else for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) compare(members[x]!, members[y]!);
  }
  // Near-identical sentences: candidates whose prefixes of rarest words meet. Pairs the two passes
  // above join by article or actor are in one cluster already, so only words are compared here.
  // The order is the group's frequency, then the word's id: its key frequency · 2²⁴ + id is exact
  // in a double for any corpus of fewer than 16 million words.
  for (const c of group) for (const w of c.words) frequency[w]!++;
  const byPrefixWord = new Map<number, number[]>();
  // The last candidate each earlier one was compared with: a pair meets once per shared word.
  const seenBy = new Int32Array(group.length).fill(-1);
  group.forEach((c, i) => {
    const words = c.words;
    const prefix = Math.min(words.length, words.length - Math.floor(0.8 * words.length) + 1);
    if (prefix === 0) return;
    const keys = new Float64Array(words.length);
    for (let k = 0; k < words.length; k++) keys[k] = frequency[words[k]!]! * WORD_KEY + words[k]!;
    keys.sort();
    for (let k = 0; k < prefix; k++) {
      const w = keys[k]! % WORD_KEY;
      const earlier = byPrefixWord.get(w);
      if (!earlier) {
        byPrefixWord.set(w, [i]);
        continue;
      }
      for (const j of earlier) {
        if (seenBy[j] === i) continue;
        seenBy[j] = i;
        if (root(i) !== root(j) && sharesWords(words, group[j]!.words)) join(i, j);
      }
      earlier.push(i);
    }
  });
  for (const c of group) for (const w of c.words) frequency[w] = 0;
  return root;
}

const WORD_KEY = 2 ** 24;

/** The words' ids, each once, in increasing order; new words get the next id. */
function idsOf(words: string[], ids: Map<string, number>): Int32Array {
  const out = new Int32Array(words.length);
  for (let k = 0; k < words.length; k++) {
    let id = ids.get(words[k]!);
    if (id === undefined) ids.set(words[k]!, (id = ids.size));
    out[k] = id;
  }
  out.sort();
  let n = 0;
  for (let k = 0; k < out.length; k++) if (k === 0 || out[k] !== out[k - 1]) out[n++] = out[k]!;
  return out.slice(0, n);
}

function sameEvent(a: Candidate, b: Candidate): boolean {
  if (a.analysis.slug === b.analysis.slug && (a.event.precision === "day" || a.until || b.until)) return true;
  const shared = sharedCount(a.actors, b.actors);
  if (shared > 0 && shared / Math.min(a.actors.size, b.actors.size) >= 0.5) return true;
  return sharesWords(a.words, b.words);
}

/** Four words in five shared: the same sentence, retold or lightly edited. */
export function nearlySame(a: string, b: string): boolean {
  const ids = new Map<string, number>();
  return sharesWords(idsOf(wordsOf(a), ids), idsOf(wordsOf(b), ids));
}

/** A Jaccard index of 0.8 or more, for two sets of word ids in increasing order. */
function sharesWords(x: Int32Array, y: Int32Array): boolean {
  if (x.length === 0 || y.length === 0) return false;
  // The index is at most the smaller set's share of the larger one.
  if (5 * Math.min(x.length, y.length) < 4 * Math.max(x.length, y.length)) return false;
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i] === y[j]) {
      shared++;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  return shared / (x.length + y.length - shared) >= 0.8;
}

function sharedCount(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared;
}

/** The most important events of a period (days "YYYY-MM-DD", inclusive), most important first. */
export function keyEvents(events: DigestEvent[], start: string, end: string, limit = 5): DigestEvent[] {
  // A date known to the month (or the year) is in the period when its month (year) is.
  const within = (date: string) => date >= start.slice(0, date.length) && date <= end.slice(0, date.length);
  return events
    .filter((e) => within(e.date))
    .sort((a, b) => b.importance - a.importance || b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug))
    .slice(0, limit);
}

/** One figure: a number, its unit and what it measures, with every article that reports it. */
export interface DigestFigure {
  value: number;
  /** Normalized: "km" for "3000 km" and "3000 kilomètres", "migrants" for "migrantes". */
  unit: string;
  /** As first written ("3000 kilomètres"). */
  raw: string;
  /** Offsets of the figure in its first source's text, as analysis.source.figures has them. */
  start: number;
  end: number;
  /** What the number measures, as the sentence says it ("agents de sécurité", "réduction des saisies de fentanyl"); "" when the sentence does not say. */
  label: string;
  sources: FactSource[];
}

/** A sentence shown once with the figures it holds; a figure is listed under one sentence only. */
export interface FigureSentence {
  slug: string;
  sentence: string;
  sentenceIndex: number;
  figures: DigestFigure[];
  importance: number;
}

/** Unit words figures.ts may leave as written, to the name it gives the unit. */
const UNIT_SYNONYMS: ReadonlyMap<string, string> = new Map(Object.entries<string>({
  kilometre: "km", kilometro: "km", kilometer: "km", "%": "percent", pourcent: "percent", porciento: "percent",
  tonne: "t", tonelada: "t", ton: "t", kilo: "kg", kilogramme: "kg", kilogramo: "kg",
  dollar: "USD", dolar: "USD", usd: "USD", peso: "MXN", mxn: "MXN", euro: "EUR", eur: "EUR",
  migrant: "migrants", migrante: "migrants", persona: "people", personne: "people",
}));

export function normalizeUnit(unit: string): string {
  const folded = fold(unit);
  const singular = folded.replace(/(?:es|s)$/u, "");
  return UNIT_SYNONYMS.get(folded) ?? UNIT_SYNONYMS.get(singular) ?? UNIT_SYNONYMS.get(folded.replace(/s$/u, "")) ?? unit;
}

/** Words that end what a figure measures: verbs, places and clauses come next. */
const LABEL_STOP = new Set([
  "a", "à", "au", "aux", "en", "dans", "sur", "vers", "pour", "par", "selon", "avec", "depuis", "entre", "contre", "chez", "sous", "qui", "que", "qu", "dont",
  "et", "ou", "ont", "sont", "est", "était", "étaient", "ont", "ainsi", "al", "con", "por", "para", "desde", "hacia", "según", "entre", "ante", "tras", "sobre",
  "y", "o", "que", "quienes", "cuyo", "fueron", "son", "han", "eran", "es", "fue", "ha", "se", "lo", "durante", "hasta", "pendant", "avant", "après", "cette", "ce",
  // When, not what: "este año", "cette semaine", "hier", "ya".
  "cet", "ces", "este", "esta", "estos", "estas", "ese", "esa", "esos", "esas", "hier", "aujourd", "demain", "hoy", "ayer", "mañana", "hace", "ya", "déjà",
  "encore", "aún", "también", "aussi", "cada", "chaque", "chacun", "cuando", "lorsque", "quand", "cuyos", "cuyas", "donde", "où",
]);
const CONNECTORS = new Set(["de", "d", "des", "du", "del", "la", "le", "les", "l", "el", "los", "las"]);
const CHANGE_NOUNS = /(?:^|\s)((?:réduction|baisse|hausse|augmentation|diminution|chute|progression|recul|reducción|aumento|disminución|caída|alza|baja|incremento|descenso|crecimiento))\s+(?:de\s+|d['’]\s*)(?:(?:près|plus|moins|quelque|cerca|más|menos)\s+(?:de\s+|d['’])?)?$/iu;
const MEASURE_UNITS = new Set(["percent", "USD", "MXN", "EUR", "km", "t", "kg", "count"]);

/**
 * What a figure measures, in the sentence's words: the counted noun and its complement
 * ("12 000 agents de sécurité" → "agents de sécurité"), or for a percentage, an amount or a
 * distance, the noun phrase after it ("320 tonnes de drogue" → "drogue", "25 % le nombre d'enfants
 * non accompagnés" → "nombre d'enfants non accompagnés"), with the change it measures when the
 * sentence names one ("une réduction de 50 pour cent des saisies" → "réduction des saisies").
 */
export function figureLabel(figure: Pick<Figure, "raw" | "unit">, sentence: string, occurrence = 0): string {
  let at = -1;
  for (let n = 0; n <= occurrence; n++) at = sentence.indexOf(figure.raw, at + 1);
  if (at < 0) return "";
  const before = sentence.slice(0, at);
  const rawWords = figure.raw.match(/[\p{L}’']+/gu) ?? [];
  const counted = !MEASURE_UNITS.has(normalizeUnit(figure.unit)) && rawWords.length > 0;
  const after = sentence.slice(at + figure.raw.length);
  const tokens = after.match(/[\p{L}\p{N}]+(?:['’](?=\p{L}))?|[^\s\p{L}\p{N}]/gu) ?? [];
  const phrase: string[] = counted ? [rawWords.at(-1)!] : [];
  let complements = 0;
  for (const token of tokens) {
    if (/^[^\p{L}\p{N}]$/u.test(token)) break;
    const word = token.toLowerCase().replace(/['’]$/u, "");
    if (phrase.length === 0 && CONNECTORS.has(word)) continue; // "de drogue", "des saisies", "le nombre"
    if (LABEL_STOP.has(word) || /^\p{N}/u.test(token)) break;
    if (CONNECTORS.has(word)) {
      if (++complements > 2) break;
    }
    phrase.push(token);
    if (phrase.length >= 6) break;
  }
  while (phrase.length > 0 && CONNECTORS.has(phrase.at(-1)!.toLowerCase().replace(/['’]$/u, ""))) phrase.pop();
  if (phrase.length === 0) return "";
  let label = phrase.join(" ").replace(/(['’]) /gu, "$1");
  const change = CHANGE_NOUNS.exec(before);
  if (change && !counted) {
    const linked = /^\s*(?:(de las|de los|de la|des|del|du|de)(?![\p{L}'’])|(de l['’]|d['’]))/iu.exec(after);
    const link = linked?.[1] ?? linked?.[2] ?? "de";
    label = `${change[1]} ${link}${/['’]$/u.test(link) ? "" : " "}${label}`;
  }
  return label;
}

/** The content words of a label, singular-ish: "baisse des vols" → "baisse vol". */
const labelKey = (label: string) =>
  wordsOf(label)
    .filter((w) => w.length > 2 && !CONNECTORS.has(w) && !["las", "los", "une", "uno", "una"].includes(w))
    .slice(0, 3)
    .map((w) => w.replace(/(?<=..)(?:es|s|x)$/u, ""))
    .join(" ");
/** Same measure: one label says nothing, or one says more of the same ("frontière" / "frontière commune"). */
const sameMeasure = (a: string, b: string) => a === "" || b === "" || `${a} `.startsWith(`${b} `) || `${b} `.startsWith(`${a} `);

/**
 * The digest's figures, grouped by the sentence they come from: one figure once however many
 * sentences and articles give it (same value, same unit once normalized, same or unstated
 * measure), under the sentence of the newest article that gives it; sentences ranked by the
 * salience of the actors they name, the articles that give their figures and what is labelled.
 */
export function curateFigures(analyses: ArticleAnalysis[], salience: Salience = new Map()): FigureSentence[] {
  const bySlug = new Map(analyses.map((a) => [a.slug, a]));
  const actorWeight = (slug: string, index: number) => {
    const named = new Set(bySlug.get(slug)?.source.mentions.filter((m) => m.sentence === index).map((m) => m.actorId));
    const weights = (salience.get(slug) ?? []).filter((s) => named.has(s.actorId)).map((s) => s.score);
    return Math.min(2, weights.reduce((sum, w) => sum + w, 0));
  };
  const figures: (DigestFigure & { key: string })[] = [];
  const byValue = new Map<string, (DigestFigure & { key: string })[]>();
  const sentences = new Map<string, FigureSentence>();
  for (const analysis of [...analyses].sort(newestFirst)) {
    const seenRaw = new Map<string, number>();
    for (const figure of analysis.source.figures) {
      const sentence = analysis.source.sentences[figure.sentence] ?? "";
      const occurrenceKey = `${figure.sentence}|${figure.raw}`;
      const occurrence = seenRaw.get(occurrenceKey) ?? 0;
      seenRaw.set(occurrenceKey, occurrence + 1);
      const unit = normalizeUnit(figure.unit);
      const label = figureLabel(figure, sentence, occurrence);
      const source = { slug: analysis.slug, sentence, sentenceIndex: figure.sentence };
      const valueKey = `${figure.value}|${unit}`;
      const key = labelKey(label);
      const same = (byValue.get(valueKey) ?? []).find((f) => sameMeasure(f.key, key));
      if (same) {
        if (!same.sources.some((s) => s.slug === source.slug && s.sentenceIndex === source.sentenceIndex)) same.sources.push(source);
        if (!same.label && label) Object.assign(same, { label, key });
        continue;
      }
      const entry = { value: figure.value, unit, raw: figure.raw, start: figure.start, end: figure.end, label, sources: [source], key };
      figures.push(entry);
      push(byValue, valueKey, entry);
    }
  }
  for (const { key: _key, ...figure } of figures) {
    const home = figure.sources[0]!;
    const id = `${home.slug}|${home.sentenceIndex}`;
    let group = sentences.get(id);
    if (!group) sentences.set(id, (group = { slug: home.slug, sentence: home.sentence, sentenceIndex: home.sentenceIndex, figures: [], importance: 0 }));
    group.figures.push(figure);
  }
  for (const group of sentences.values()) {
    const sourceCount = new Set(group.figures.flatMap((f) => f.sources.map((s) => s.slug))).size;
    const labelled = group.figures.filter((f) => f.label).length;
    group.importance = Math.round((actorWeight(group.slug, group.sentenceIndex) + 1.5 * Math.log2(1 + sourceCount) + 0.5 * labelled + (group.sentenceIndex < 3 ? 0.5 : 0)) * 1000) / 1000;
  }
  return [...sentences.values()].sort((a, b) => b.importance - a.importance || a.slug.localeCompare(b.slug) || a.sentenceIndex - b.sentenceIndex);
}

/** A quote whose speaker the registry knows, once however many times and articles give it. */
export interface DigestQuote extends Quote {
  speaker: string;
  slug: string;
  /** Every article (and sentence) giving it, the first being `slug` and `sentence`. */
  sources: { slug: string; sentence: string }[];
  importance: number;
}

const ATTRIBUTION_WEIGHT: Partial<Record<Attribution, number>> = { after: 1, before: 1, "according-to": 0.7, pronoun: 0.6, continuation: 0.5 };

/**
 * Attributed quotes, most important first: each once (the same words from the same speaker,
 * or words that a longer quote of theirs contains, are one quote with several sources). A quote
 * the text does not attribute to someone the registry knows is left out: it cannot say who spoke;
 * so is a fragment (under four words, or a clause under eight that starts in lower case:
 * « travaillaient en ce moment même »): words taken from a sentence, not a statement.
 * Importance: the speaker's salience in the article, a whole statement over a fragment, a speech
 * verb over a pronoun or a continuation, and more sources.
 */
export function curateQuotes(analyses: ArticleAnalysis[], salience: Salience = new Map()): DigestQuote[] {
  const kept: (DigestQuote & { key: string })[] = [];
  // By speaker, so that a quote is only compared with the same speaker's.
  const bySpeaker = new Map<string, (DigestQuote & { key: string })[]>();
  for (const analysis of [...analyses].sort(newestFirst)) {
    for (const quote of analysis.source.quotes) {
      if (!quote.speaker) continue;
      const key = sentenceKey(quote.text);
      if (!key || isFragment(quote.text)) continue;
      const source = { slug: analysis.slug, sentence: quote.sentence };
      const same = bySpeaker.get(quote.speaker)?.find((q) => q.key.includes(key) || key.includes(q.key));
      const speakerScore = salience.get(analysis.slug)?.find((s) => s.actorId === quote.speaker)?.score ?? 0.5;
      const words = key.split(" ").length;
      const weight = speakerScore + Math.min(words, 30) / 30 + ((quote.attribution && ATTRIBUTION_WEIGHT[quote.attribution]) ?? 0.5) - (words < 6 ? 0.75 : 0);
      if (same) {
        if (!same.sources.some((s) => s.slug === source.slug && s.sentence === source.sentence)) same.sources.push(source);
        if (key.length > same.key.length) {
          Object.assign(same, { ...quote, key, slug: analysis.slug, sentence: quote.sentence });
          same.sources = [source, ...same.sources.filter((s) => s !== source)];
        }
        same.importance = Math.max(same.importance, weight);
        continue;
      }
      const entry = { ...quote, speaker: quote.speaker, slug: analysis.slug, sources: [source], importance: weight, key };
      kept.push(entry);
      push(bySpeaker, quote.speaker, entry);
    }
  }
  return kept
    .map(({ key: _key, ...quote }) => {
      const articles = new Set(quote.sources.map((s) => s.slug)).size;
      return { ...quote, importance: Math.round((quote.importance + 1.5 * Math.log2(articles)) * 1000) / 1000 };
    })
    .sort((a, b) => b.importance - a.importance || a.slug.localeCompare(b.slug) || a.start - b.start);
}

export function isFragment(text: string): boolean {
  const words = wordsOf(text).length;
  return words < 4 || (words < 8 && /^[\s«“"(\[…]*\p{Ll}/u.test(text));
}

/** The quotes of each speaker, most important first. */
export function quotesBySpeaker(quotes: DigestQuote[]): Map<string, DigestQuote[]> {
  const bySpeaker = new Map<string, DigestQuote[]>();
  for (const quote of quotes) push(bySpeaker, quote.speaker, quote);
  return bySpeaker;
}
