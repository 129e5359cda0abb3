import { beforeAll, describe, expect, it } from "vitest";
import { isNonEvent } from "../../src/analysis/aggregate.ts";
import { analyzeCorpus } from "../../src/analysis/index.ts";
import { BRIEFING_DAYS, dayOf } from "../../src/analysis/salience.ts";
import { sortNewestFirst } from "../../src/content/corpus.ts";
import { curateDigest, type Digest } from "../../src/digest.ts";
import { realArticles, realRegistry } from "./support.ts";

/** The editors' five articles, curated as the site lists them: no entry twice, nothing unranked. */
let digest: Digest;
beforeAll(async () => {
  const articles = sortNewestFirst(realArticles());
  const registry = realRegistry();
  digest = curateDigest({ contentDir: "content", articles, registry, analysis: await analyzeCorpus(articles, registry) });
});

const repeated = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);

describe("the curated digest of the real articles", () => {
  it("has no sentence twice on the timeline, and no non-event", () => {
    expect(repeated(digest.events.flatMap((e) => e.sources.map((s) => `${s.slug}|${s.sentenceIndex}`)))).toEqual([]);
    expect(repeated(digest.events.map((e) => e.sentence))).toEqual([]);
    expect(digest.events.filter((e) => e.sources.some((s) => isNonEvent(s.sentence)))).toEqual([]);
    for (const e of digest.events) {
      expect(e.sentence).toBe(e.sources[0]!.sentence);
      if (e.until) expect(e.until >= e.date).toBe(true);
    }
    // A span's start is never its own entry: no event shares a sentence with a span.
    const spans = new Set(digest.events.filter((e) => e.until).flatMap((e) => e.sources.map((s) => `${s.slug}|${s.sentenceIndex}`)));
    expect(digest.events.filter((e) => !e.until && e.sources.some((s) => spans.has(`${s.slug}|${s.sentenceIndex}`)))).toEqual([]);
  });

  it("marks as planned the events after their article's publication, and none before it", () => {
    const bySlug = new Map(digest.articles.map((a) => [a.slug, a]));
    for (const e of digest.events) {
      const published = bySlug.get(e.slug)!.date.iso;
      const n = Math.min(e.date.length, published.length);
      // The same month (or day) as the publication may be either: the words decide.
      if (e.date.slice(0, n) > published.slice(0, n)) expect(e.planned, `${e.date} in ${e.slug}`).toBe(true);
      if (e.date.slice(0, n) < published.slice(0, n)) expect(e.planned, `${e.date} in ${e.slug}`).toBe(false);
    }
    expect(digest.events.some((e) => e.planned)).toBe(true);
  });

  it("gives each figure once, under one sentence, with 3000 km and 3000 kilomètres as one", () => {
    expect(repeated(digest.figures.map((g) => `${g.slug}|${g.sentenceIndex}`))).toEqual([]);
    const figures = digest.figures.flatMap((g) => g.figures);
    expect(repeated(figures.map((f) => `${f.value}|${f.unit}|${f.label}`))).toEqual([]);
    const km = figures.filter((f) => f.value === 3000 && f.unit === "km");
    expect(km).toHaveLength(1);
    expect(new Set(km[0]!.sources.map((s) => s.slug)).size).toBe(2);
  });

  it("lists attributed quotes only, each once, most important first", () => {
    expect(digest.quotes.every((q) => q.speaker && digest.registry.actors.has(q.speaker))).toBe(true);
    expect(repeated(digest.quotes.map((q) => `${q.speaker}|${q.text}`))).toEqual([]);
    const importance = digest.quotes.map((q) => q.importance);
    expect(importance).toEqual([...importance].sort((a, b) => b - a));
    for (const [speaker, quotes] of digest.actorQuotes) expect(quotes.every((q) => q.speaker === speaker)).toBe(true);
  });

  it("puts the people an article is about before the places it passes through", () => {
    const ranked = digest.salience.get("2024-01-19-blinken-barcena-washington")!.map((s) => s.actorId);
    expect(ranked.indexOf("alicia-barcena")).toBeLessThan(3);
    expect(ranked.indexOf("antony-blinken")).toBeLessThan(3);
    expect(ranked.indexOf("alicia-barcena")).toBeLessThan(ranked.indexOf("honduras"));
  });

  it("briefs on a real window ending at the newest article, labelled with its articles' dates", () => {
    const { period, previous } = digest.briefing;
    expect(period.last).toEqual(digest.articles[0]!.date);
    expect(period.days).toBe(BRIEFING_DAYS);
    for (const slug of period.articles) {
      const day = dayOf(digest.analysis.articles.get(slug)!.date);
      expect(day >= period.start && day <= period.end).toBe(true);
    }
    expect(previous.end < period.start).toBe(true);
    expect(digest.briefing.stories.flatMap((s) => s.articles).every((slug) => period.articles.includes(slug))).toBe(true);
    expect(digest.briefing.events.every((e) => e.date >= period.start.slice(0, e.date.length) && e.date <= period.end.slice(0, e.date.length))).toBe(true);
  });

  it("works each list out once", () => {
    expect(digest.events).toBe(digest.events);
    expect(digest.briefing.events.every((e) => digest.events.includes(e))).toBe(true);
    for (const [topicId, events] of digest.bySubject.topicEvents) {
      expect(events.every((e) => e.sources.some((s) => digest.analysis.articles.get(s.slug)?.topics.effective.includes(topicId)))).toBe(true);
    }
  });
});
