import type { ArticleAnalysis } from "../../src/analysis/analyze.ts";
import type { DatedEvent } from "../../src/analysis/dates.ts";
import type { Figure } from "../../src/analysis/figures.ts";
import type { Mention } from "../../src/analysis/mentions.ts";
import type { Quote } from "../../src/analysis/quotes.ts";
import type { PublicationDate } from "../../src/content/schemas.ts";

/**
 * Made-up article analyses for the aggregate tests, written as an article's sentences with the
 * facts found in them. Offsets are the sentence's own: each sentence starts 1000 characters after
 * the previous one, so facts of different sentences never overlap.
 */
export interface SentenceSpec {
  text: string;
  actors?: string[];
  dates?: Array<Partial<DatedEvent> & { date: string; phrase: string }>;
  figures?: Array<{ raw: string; value: number; unit: string }>;
  quotes?: Array<{ text: string; speaker: string | null; attribution?: Quote["attribution"] }>;
}

export function article(slug: string, date: string, sentences: SentenceSpec[], topics: string[] = []): ArticleAnalysis {
  const published: PublicationDate = { iso: date, precision: date.length === 7 ? "month" : "day" };
  const mentions: Mention[] = [];
  const dates: DatedEvent[] = [];
  const figures: Figure[] = [];
  const quotes: Quote[] = [];
  sentences.forEach((s, i) => {
    const base = i * 1000;
    for (const actorId of s.actors ?? []) mentions.push({ actorId, text: actorId, start: base, end: base + 1, sentence: i, via: "name" });
    for (const d of s.dates ?? []) {
      const at = s.text.indexOf(d.phrase);
      if (at < 0) throw new Error(`"${d.phrase}" is not in "${s.text}"`);
      // `planned` is left to the aggregate unless the test gives it: it must work out "after publication" either way.
      dates.push({ precision: d.date.length === 7 ? "month" : "day", uncertain: false, start: base + at, end: base + at + d.phrase.length, sentence: i, ...d } as DatedEvent);
    }
    let from = 0;
    for (const f of s.figures ?? []) {
      const at = s.text.indexOf(f.raw, from);
      if (at < 0) throw new Error(`"${f.raw}" is not in "${s.text}"`);
      from = at + f.raw.length;
      figures.push({ ...f, start: base + at, end: base + at + f.raw.length, sentence: i });
    }
    for (const q of s.quotes ?? []) {
      const at = s.text.indexOf(q.text);
      quotes.push({ text: q.text, start: base + at, end: base + at + q.text.length, speaker: q.speaker, attribution: q.attribution ?? (q.speaker ? "after" : null), sentence: s.text });
    }
  });
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.actorId, (counts.get(m.actorId) ?? 0) + 1);
  const actors = [...counts].map(([actorId, count]) => ({ actorId, count })).sort((a, b) => b.count - a.count || a.actorId.localeCompare(b.actorId));
  const texts = sentences.map((s) => s.text);
  const summary = (lang: "fr" | "es") => ({ lang, sentences: [], mentions: [], actors: [], figures: [] });
  return {
    slug,
    date: published,
    lang: "fr",
    source: { lang: "fr", sentences: texts, mentions, actors, candidates: [], topics: [], quotes, figures, dates },
    summaries: { fr: summary("fr"), es: summary("es") },
    topics: { assigned: topics, suggested: [], effective: topics },
  };
}
