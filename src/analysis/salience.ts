import type { PublicationDate } from "../content/schemas.ts";
import type { Lang } from "../languages.ts";
import { fold } from "../text/fold.ts";
import type { ArticleAnalysis } from "./analyze.ts";

/**
 * How much an article is about each actor it names, and which actors and topics a period is
 * about. Within an article an actor counts more when it is named often, named early, and named in
 * the source's title or in a summary's title or lede: the foreign minister an article is about
 * comes before the places it passes through. Across a period the same scores add up per actor, and
 * each actor and topic is compared with the period before.
 */

/** What salience reads from an article besides its analysis: the titles and ledes editors wrote. */
export interface Headline {
  slug: string;
  /** The source's title, in its language (article.yaml). */
  title: string;
  summaries: Record<Lang, { title: string; lede: string }>;
}

export interface ActorSalience {
  actorId: string;
  /** 0 to 1, the article's most salient actor scoring highest. */
  score: number;
  mentions: number;
  /** Index of the sentence the actor is first named in. */
  firstSentence: number;
  inTitle: boolean;
  inLede: boolean;
  /** One of the article's main actors: shown first, the others folded. */
  main: boolean;
}

/** At most this many main actors per article; fewer when the others score far below the first. */
export const MAIN_ACTORS = 5;
const MAIN_SHARE = 0.35;

const WEIGHT = { mentions: 1, position: 1, title: 1.5, lede: 0.75 } as const;

/**
 * Actors of one article, the most salient first. `rarity` (0 to 1, default 1) damps an actor that
 * most articles name: in a digest about two countries, naming them says little about an article.
 */
export function articleSalience(
  analysis: ArticleAnalysis,
  headline?: Headline,
  rarity: (actorId: string) => number = () => 1,
  forms: NameForms = new Map(),
): ActorSalience[] {
  const sentences = Math.max(1, analysis.source.sentences.length);
  const first = new Map<string, number>();
  const named = new Map<string, Set<string>>();
  for (const m of analysis.source.mentions) {
    if (!first.has(m.actorId)) first.set(m.actorId, m.sentence);
    const set = named.get(m.actorId) ?? new Set<string>();
    set.add(titleForm(m.text, forms));
    named.set(m.actorId, set);
  }
  const inTitle = new Set<string>();
  const inLede = new Set<string>();
  if (headline) {
    const sourceTitle = ` ${words(headline.title)} `;
    for (const [actorId, set] of named) if ([...set].some((form) => sourceTitle.includes(form))) inTitle.add(actorId);
    for (const lang of Object.keys(analysis.summaries) as Lang[]) {
      const summary = headline.summaries[lang];
      if (!summary) continue;
      // summaryText() puts the title first and the lede after a blank line.
      const ledeStart = summary.title.length + 2;
      const ledeEnd = ledeStart + summary.lede.length;
      for (const m of analysis.summaries[lang].mentions) {
        if (m.end <= summary.title.length) inTitle.add(m.actorId);
        else if (m.start >= ledeStart && m.end <= ledeEnd) inLede.add(m.actorId);
      }
    }
  }
  const raw = analysis.source.actors.map(({ actorId, count }) => {
    const at = first.get(actorId) ?? sentences - 1;
    const value = (0.25 + 0.75 * rarity(actorId)) * (
      WEIGHT.mentions * Math.log2(1 + count) +
      WEIGHT.position * (1 - at / sentences) +
      (inTitle.has(actorId) ? WEIGHT.title : 0) +
      (inLede.has(actorId) ? WEIGHT.lede : 0));
    return { actorId, value, mentions: count, firstSentence: at, inTitle: inTitle.has(actorId), inLede: inLede.has(actorId) };
  });
  raw.sort((a, b) => b.value - a.value || a.firstSentence - b.firstSentence || a.actorId.localeCompare(b.actorId));
  const top = raw[0]?.value ?? 1;
  return raw.map(({ value, ...rest }, i) => {
    const score = round(value / top);
    return { ...rest, score, main: i < MAIN_ACTORS && score >= MAIN_SHARE };
  });
}

/** Every article's actors by salience, by slug; an actor's rarity is its IDF over these articles. */
export function corpusSalience(analyses: ArticleAnalysis[], headlines: Map<string, Headline>): Map<string, ActorSalience[]> {
  const df = new Map<string, number>();
  for (const a of analyses) for (const { actorId } of a.source.actors) df.set(actorId, (df.get(actorId) ?? 0) + 1);
  const n = analyses.length;
  const rarity = (actorId: string) => (n <= 1 ? 1 : Math.log((n + 1) / (df.get(actorId) ?? 1)) / Math.log(n + 1));
  const forms: NameForms = new Map();
  return new Map(analyses.map((a) => [a.slug, articleSalience(a, headlines.get(a.slug), rarity, forms)]));
}

const words = (text: string) => fold(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/**
 * A mention's words as a title is searched for them (" joe biden "), by the mention's text: the
 * articles of a digest name the same actors in the same few ways.
 */
export type NameForms = Map<string, string>;

function titleForm(text: string, forms: NameForms): string {
  let form = forms.get(text);
  if (form === undefined) forms.set(text, (form = ` ${words(fold(text))} `));
  return form;
}
const round = (n: number) => Math.round(n * 1000) / 1000;

// ---------------------------------------------------------------------------------------------
// Periods

/** A window of days; `first` and `last` are the dates of the first and last articles in it. */
export interface Period {
  /** Inclusive, "YYYY-MM-DD". */
  start: string;
  end: string;
  days: number;
  /** The dates the period's articles actually span (what a page should print), or null when it has none. */
  first: PublicationDate | null;
  last: PublicationDate | null;
  articles: string[];
}

export type Trend = "new" | "up" | "down" | "steady";

export interface PeriodActivity {
  id: string;
  /** Articles of the period naming the actor (or under the topic). */
  articles: number;
  /** Summed salience over those articles (actors); the article count for topics. */
  score: number;
  previous: number;
  trend: Trend;
}

export interface PeriodRanking {
  period: Period;
  previous: Period;
  actors: PeriodActivity[];
  topics: PeriodActivity[];
}

export const BRIEFING_DAYS = 90;

/** A date known only to its month stands at the 15th, as the date analysis reads it. */
export const dayOf = (date: PublicationDate): string => (date.precision === "day" ? date.iso : `${date.iso.slice(0, 7)}-15`);

function shiftDays(day: string, delta: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + delta);
  return d.toISOString().slice(0, 10);
}

/** The `days` ending at the newest article, and the `days` before them. */
export function latestPeriods(analyses: ArticleAnalysis[], days = BRIEFING_DAYS): { period: Period; previous: Period } {
  const newest = analyses.map((a) => dayOf(a.date)).sort().at(-1);
  const end = newest ?? new Date(0).toISOString().slice(0, 10);
  const start = shiftDays(end, -(days - 1));
  const previousEnd = shiftDays(start, -1);
  return { period: periodOf(analyses, start, end, days), previous: periodOf(analyses, shiftDays(previousEnd, -(days - 1)), previousEnd, days) };
}

function periodOf(analyses: ArticleAnalysis[], start: string, end: string, days: number): Period {
  const inside = analyses
    .filter((a) => dayOf(a.date) >= start && dayOf(a.date) <= end)
    .sort((a, b) => dayOf(b.date).localeCompare(dayOf(a.date)) || a.slug.localeCompare(b.slug));
  return { start, end, days, first: inside.at(-1)?.date ?? null, last: inside[0]?.date ?? null, articles: inside.map((a) => a.slug) };
}

/** The most active actors and topics of the latest period, with their trend against the one before. */
export function rankPeriod(analyses: ArticleAnalysis[], salience: Map<string, ActorSalience[]>, days = BRIEFING_DAYS): PeriodRanking {
  const { period, previous } = latestPeriods(analyses, days);
  const bySlug = new Map(analyses.map((a) => [a.slug, a]));
  const tally = (slugs: string[]) => {
    const actors = new Map<string, { articles: number; score: number }>();
    const topics = new Map<string, { articles: number; score: number }>();
    for (const slug of slugs) {
      for (const s of salience.get(slug) ?? []) {
        const entry = actors.get(s.actorId) ?? { articles: 0, score: 0 };
        entry.articles++;
        entry.score += s.score;
        actors.set(s.actorId, entry);
      }
      for (const id of bySlug.get(slug)?.topics.effective ?? []) {
        const entry = topics.get(id) ?? { articles: 0, score: 0 };
        entry.articles++;
        entry.score++;
        topics.set(id, entry);
      }
    }
    return { actors, topics };
  };
  const now = tally(period.articles);
  const before = tally(previous.articles);
  const rank = (current: Map<string, { articles: number; score: number }>, past: Map<string, { articles: number; score: number }>) =>
    [...current]
      .map(([id, { articles, score }]) => {
        const previousCount = past.get(id)?.articles ?? 0;
        return { id, articles, score: round(score), previous: previousCount, trend: trendOf(articles, previousCount) };
      })
      .sort((a, b) => b.score - a.score || b.articles - a.articles || a.id.localeCompare(b.id));
  return { period, previous, actors: rank(now.actors, before.actors), topics: rank(now.topics, before.topics) };
}

/** Up or down only when the change is more than one article and a quarter: one article more is noise. */
export function trendOf(current: number, previous: number): Trend {
  if (previous === 0) return current > 0 ? "new" : "steady";
  const change = current - previous;
  if (Math.abs(change) <= 1 || Math.abs(change) / previous < 0.25) return "steady";
  return change > 0 ? "up" : "down";
}
