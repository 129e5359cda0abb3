import type { Article } from "../content/corpus.ts";
import { type Finding, type Problem, underRule } from "../content/problems.ts";
import { LANGUAGES, type Lang } from "../languages.ts";
import { msg } from "../messages/index.ts";
import { fold } from "../text/fold.ts";
import { type ArticleAnalysis, type SummaryField, summaryText } from "./analyze.ts";
import { findDates } from "./dates.ts";
import type { Figure } from "./figures.ts";
import { findQuotes } from "./quotes.ts";
import type { Registry } from "./registry.ts";
import { type Sentence, splitSentences } from "./sentences.ts";
import type { Token } from "./tokens.ts";

/**
 * A curated summary may only say what its source says. Every actor a summary names must be
 * mentioned in the source (by any name, role or short form), and every figure must equal a
 * figure of the source with a compatible unit: 2,4 millions de migrants in the source supports
 * 2,4 millones de migrantes, not 2,5 millones, and not 2,4 millions of dollars. Until the article
 * is published (a draft), what the check finds is a warning.
 */
const SUPPORTED = msg("facts.supported");

export function checkSummaries(article: Article, analysis: ArticleAnalysis, registry: Registry): Problem[] {
  const problems: Finding[] = [];
  const sourceActors = new Set(analysis.source.actors.map((a) => a.actorId));
  for (const lang of LANGUAGES) {
    const summary = article.summaries[lang];
    const facts = analysis.summaries[lang];
    const { fields } = summaryText(summary);
    const fieldAt = (offset: number): SummaryField => fields.find((f) => offset >= f.start && offset <= f.end)?.field ?? "body";

    const reported = new Set<string>();
    for (const mention of facts.mentions) {
      const field = fieldAt(mention.start);
      if (sourceActors.has(mention.actorId) || reported.has(`${field}:${mention.actorId}`)) continue;
      reported.add(`${field}:${mention.actorId}`);
      const name = registry.actors.get(mention.actorId)?.name[lang] ?? mention.actorId;
      problems.push({
        file: summary.file,
        field,
        expected: SUPPORTED,
        found: msg("facts.actor", { text: mention.text, name }),
        fix: msg("facts.fixActor"),
      });
    }
    for (const figure of facts.figures) {
      if (analysis.source.figures.some((f) => sameFigure(f, figure))) continue;
      problems.push({
        file: summary.file,
        field: fieldAt(figure.start),
        expected: SUPPORTED,
        found: msg("facts.figure", { raw: figure.raw, value: `${figure.value} ${figure.unit}` }),
        fix: msg("facts.fixFigure"),
      });
    }
  }
  return underRule(article.draft ? "unsupported-fact-in-draft" : "unsupported-fact", problems);
}

export function sameFigure(a: Pick<Figure, "value" | "unit">, b: Pick<Figure, "value" | "unit">): boolean {
  const close = Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value), Math.abs(b.value));
  // "count" is a number without a unit: it may be the source's "12 000 agents" said shortly.
  return close && (a.unit === b.unit || a.unit === "count" || b.unit === "count");
}

/**
 * Where a curated summary reports its source's facts, so that a page in the summary's language
 * can show each fact in that language and keep the source's sentence as its provenance. Each list
 * follows the source's own facts, in order (analysis.source.figures, .dates, .quotes): an entry is
 * the summary's sentence (or, for a quote, the summary's rendering of it), or null when the
 * summary does not report that fact.
 */
export interface SummaryFacts {
  figures: (string | null)[];
  events: (string | null)[];
  quotes: ({ text: string; sentence: string } | null)[];
}

export function summaryFacts(article: Article, analysis: ArticleAnalysis, registry: Registry, lang: Lang, read?: SummaryRead): SummaryFacts {
  const facts = analysis.summaries[lang];
  const { text } = summaryText(article.summaries[lang]);
  const sentences = read?.sentences ?? splitSentences(text);
  const sentenceText = (i: number) => sentences[i]?.text ?? facts.sentences[i] ?? "";
  const source = analysis.source;

  // The same value in the same unit first; a bare number of the summary ("12 000") only after.
  const figures = source.figures.map((figure) => {
    const found = facts.figures.find((f) => f.value === figure.value && f.unit === figure.unit) ?? facts.figures.find((f) => sameFigure(f, figure));
    return found ? facts.sentences[found.sentence] ?? null : null;
  });

  const dates = findDates(text, sentences, lang, article.date);
  const events = source.dates.map((event) => {
    const found = dates.find((d) => d.date === event.date && d.precision === event.precision);
    return found ? sentenceText(found.sentence) : null;
  });

  // A summary's quote renders the source's quote by the same speaker that shares the most words
  // with it (cognates: "trimestre", "frontière"/"frontera"); a speaker quoted once on each side
  // needs no shared word. The summary is read with its own language's speech verbs ("dijo", not "a dit").
  const rendered = findQuotes(text, sentences, facts.mentions, registry, { lang, ...(read ? { tokens: read.tokens } : {}) }).filter((q) => q.speaker !== null);
  const used = new Set<number>();
  const quotes = source.quotes.map((quote) => {
    if (quote.speaker === null) return null;
    const sameSpeaker = rendered.map((q, i) => ({ q, i })).filter(({ q, i }) => q.speaker === quote.speaker && !used.has(i));
    const alone = sameSpeaker.length === 1 && source.quotes.filter((q) => q.speaker === quote.speaker).length === 1;
    const best = sameSpeaker
      .map((c) => ({ ...c, shared: sharedStems(c.q.text, quote.text) }))
      .sort((a, b) => b.shared - a.shared)[0];
    if (!best || (best.shared === 0 && !alone)) return null;
    used.add(best.i);
    return { text: best.q.text, sentence: best.q.sentence };
  });
  return { figures, events, quotes };
}

/** The summary's sentences and tokens when the analysis has them already: they must be of summaryText's text. */
export interface SummaryRead {
  sentences: Sentence[];
  tokens: Token[];
}

/** Words of five letters or more that two texts share by their first four (accents folded). */
function sharedStems(a: string, b: string): number {
  const stems = (s: string) => new Set((fold(s).match(/\p{L}{5,}/gu) ?? []).map((w) => w.slice(0, 4)));
  const mine = stems(a);
  let shared = 0;
  for (const stem of stems(b)) if (mine.has(stem)) shared++;
  return shared;
}
