import type { Article, LoadedSummary } from "../content/corpus.ts";
import type { PublicationDate } from "../content/schemas.ts";
import type { Lang } from "../languages.ts";
import { findCandidates, type Candidate } from "./candidates.ts";
import { findDates, type DatedEvent } from "./dates.ts";
import { blankDebris } from "../text/debris.ts";
import { findFigures, type Figure } from "./figures.ts";
import { lexiconFor } from "./lexicon.ts";
import { findMentions, type Mention } from "./mentions.ts";
import { findQuotes, type Quote } from "./quotes.ts";
import { summaryFacts, type SummaryFacts } from "./summaries.ts";
import type { Registry } from "./registry.ts";
import { splitSentences } from "./sentences.ts";
import { roleDay } from "./tenure.ts";
import { tokenize } from "./tokens.ts";
import { effectiveTopics, matchTopics, suggestTopics, type TopicSignal } from "./topics.ts";

export interface TextInput {
  text: string;
  lang: Lang;
  date: PublicationDate;
  /** The source's own title (article.yaml), when known: its topic terms weigh more. */
  title?: string;
}

/** What one text says: every fact refers to its sentence by index into `sentences`. */
export interface TextAnalysis {
  lang: Lang;
  sentences: string[];
  mentions: Mention[];
  /** Actors mentioned, most mentioned first. */
  actors: { actorId: string; count: number }[];
  candidates: Candidate[];
  topics: TopicSignal[];
  quotes: Quote[];
  figures: Figure[];
  dates: DatedEvent[];
}

/**
 * What a summary is checked for: who it names and what figures it gives. Quotes, dates and
 * candidates of a summary would only repeat its source's.
 */
export type SummaryAnalysis = Pick<TextAnalysis, "lang" | "sentences" | "mentions" | "actors" | "figures">;

export interface ArticleAnalysis {
  slug: string;
  date: PublicationDate;
  lang: Lang;
  source: TextAnalysis;
  summaries: Record<Lang, SummaryAnalysis>;
  /** Where each language's summary reports the source's events, figures and quotes (summaryFacts). */
  reported?: Record<Lang, SummaryFacts>;
  topics: {
    /** From article.yaml: authoritative. */
    assigned: string[];
    /** From term matches in the source, beyond the assigned ones. */
    suggested: TopicSignal[];
    /** What topic pages count the article under (see effectiveTopics). */
    effective: string[];
  };
}

export function analyzeText(input: TextInput, registry: Registry, context: ReadonlySet<string> = new Set()): TextAnalysis {
  const read = readText(input, registry, context);
  const { text, tokens, sentences, scan } = read;
  const candidates = findCandidates(text, tokens, sentences, scan.covered);
  return {
    ...factsOf(read),
    candidates,
    topics: matchTopics({ text, tokens, lang: input.lang, title: input.title }, registry),
    quotes: findQuotes(text, sentences, scan.mentions, registry, { lang: input.lang, candidates, tokens }),
    dates: findDates(text, sentences, input.lang, input.date),
  };
}

export function analyzeSummaryText(input: TextInput, registry: Registry, context: ReadonlySet<string> = new Set()): SummaryAnalysis {
  return factsOf(readText(input, registry, context));
}

function readText(input: TextInput, registry: Registry, context: ReadonlySet<string>) {
  const text = blankDebris(input.text, input.lang);
  const lexicon = lexiconFor(registry, input.lang);
  const tokens = tokenize(text);
  const sentences = splitSentences(text);
  const scan = findMentions(text, tokens, sentences, lexicon, roleDay(input.date), context);
  return { input, text, lexicon, tokens, sentences, scan };
}

function factsOf({ input, text, sentences, scan }: ReturnType<typeof readText>): SummaryAnalysis {
  const counts = new Map<string, number>();
  for (const m of scan.mentions) counts.set(m.actorId, (counts.get(m.actorId) ?? 0) + 1);
  return {
    lang: input.lang,
    sentences: sentences.map((s) => s.text),
    mentions: scan.mentions,
    actors: [...counts].map(([actorId, count]) => ({ actorId, count })).sort((a, b) => b.count - a.count || a.actorId.localeCompare(b.actorId)),
    figures: findFigures(text, sentences, input.lang),
  };
}

export function analyzeArticle(article: Article, registry: Registry): ArticleAnalysis {
  const source = analyzeText({ text: article.source.text, lang: article.lang, date: article.date, title: article.title }, registry);
  // A summary may say "la présidente" where the source named her: the source is its context.
  const context = new Set(source.actors.map((a) => a.actorId));
  const read = (s: LoadedSummary) => readText({ text: summaryText(s).text, lang: s.lang, date: article.date }, registry, context);
  const reads = { fr: read(article.summaries.fr), es: read(article.summaries.es) };
  const suggested = suggestTopics(source.topics, article.topics);
  const analysis: ArticleAnalysis = {
    slug: article.slug,
    date: article.date,
    lang: article.lang,
    source,
    summaries: { fr: factsOf(reads.fr), es: factsOf(reads.es) },
    topics: { assigned: [...article.topics], suggested, effective: effectiveTopics(article.topics, suggested) },
  };
  // Where each summary reports the source's facts: found once here (cached, on the workers),
  // not once per page that shows them.
  // A summary with no debris (nearly all) was split and tokenized as summaryFacts reads it.
  const same = ({ input, text, sentences, tokens }: ReturnType<typeof readText>) => (text === input.text ? { sentences, tokens } : undefined);
  analysis.reported = { fr: summaryFacts(article, analysis, registry, "fr", same(reads.fr)), es: summaryFacts(article, analysis, registry, "es", same(reads.es)) };
  return analysis;
}

export type SummaryField = "title" | "lede" | "body";

/**
 * A summary as one text (title, lede, body as plain text, a blank line between them), with
 * where each field lies in it, so that a fact found in it can be traced to its field.
 */
export function summaryText(summary: Pick<LoadedSummary, "title" | "lede" | "markdown">): {
  text: string;
  fields: { field: SummaryField; start: number; end: number }[];
} {
  const parts: [SummaryField, string][] = [
    ["title", summary.title],
    ["lede", summary.lede],
    ["body", plainMarkdown(summary.markdown)],
  ];
  let text = "";
  const fields: { field: SummaryField; start: number; end: number }[] = [];
  for (const [field, value] of parts) {
    if (text) text += "\n\n";
    fields.push({ field, start: text.length, end: text.length + value.length });
    text += value;
  }
  return { text, fields };
}

/** Markdown marks are not words: links keep their text, emphasis and headings lose their marks. */
function plainMarkdown(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/(\*\*|__|\*|_)(?=\S)([^*_]+?)(?<=\S)\1/g, "$2")
    .replace(/^\s*[-*+]\s+/gm, "");
}
