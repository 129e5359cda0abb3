import type { ArticleAnalysis, DigestAnalysis, Figure, Provenance, Quote, Registry, TimelineEvent } from "../analysis/index.ts";
import type { Article } from "../content/corpus.ts";
import { summaryFacts, type SummaryFacts } from "../analysis/summaries.ts";
import { dayLabel, formatPublicationDate } from "../calendar.ts";
import { actorsBySentence, type FigureSentence } from "../analysis/aggregate.ts";
import type { Digest } from "../digest.ts";
import { t } from "../i18n/index.ts";
import { typeset } from "../i18n/typography.ts";
import type { Lang } from "../languages.ts";
import { actorName } from "./names.ts";
import { routes } from "./routes.ts";
import { actorUrl } from "./slugs.ts";

/**
 * Quotes, figures and events as pages show them, in the page's language: a fact from a source in
 * the other language is shown through the page language's summary when the summary reports it
 * (src/analysis/summaries.ts, summaryFacts), else by a short label in the page's language; the
 * source's sentence always stays at hand as the original, marked with its language.
 */

export interface Source {
  url: string;
  title: string;
  dateLabel: string;
  date: string;
}

/** The source's own words, shown on demand when they are not in the page's language. */
export interface Original {
  text: string;
  lang: Lang;
}

export interface QuoteItem {
  /** The quote in the page's language (the source's words, or the summary's rendering), or null. */
  text: string | null;
  lang: Lang;
  /** The source's words when `text` is a rendering, or stands for them (null). */
  original?: Original;
  speaker?: { name: string; url: string };
  /** Who the text says spoke when the registry does not know them ("un haut responsable"). */
  speakerText?: Original;
  source: Source;
}

export interface FigureItem {
  value: number;
  /** The value and its unit, written for the page's language: "12 000 migrants", "12,000 migrantes". */
  label: string;
  unit: string;
  /** The sentence that reports it, in the page's language, or a short label when none does. */
  sentence: string;
  original?: Original;
  source: Source;
}

export interface EventItem {
  date: string;
  /** "19 janvier 2024", or "du 9 janvier 2024 au 10 janvier 2024" for a span. */
  dateLabel: string;
  /** The last day of a span. */
  until?: string;
  uncertain: boolean;
  /** Ahead of the article that reports it: a meeting to come, a deadline, a plan. */
  planned: boolean;
  /** The sentence that reports it, in the page's language, or a short label when none does. */
  sentence: string;
  original?: Original;
  source: Source;
  /** The other articles that report the same event. */
  alsoIn: Source[];
}

/** A sentence shown once with the figures it holds, each with what it measures. */
export interface FigureGroup {
  figures: Array<{ value: number; label: string; measures?: string }>;
  sentence: string;
  original?: Original;
  source: Source;
}

/** What an article page shows of its own source's facts, formatted. */
type ArticleFacts = { quotes: QuoteItem[] };

/**
 * Formatted facts by article analysis, then by language and registry. They depend only on those
 * (an analysis is a new object whenever its article changes): one build's pages share them, and
 * the development server keeps them across rebuilds (src/build-digest.ts, BuildContext).
 */
export type FormattedFacts = WeakMap<object, Map<string, ArticleFacts>>;

/** Numbers as each side's readers write them: "12 000" (fr-FR), "12,000" (es-MX). */
export const NUMBER_LOCALES: Record<Lang, string> = { fr: "fr-FR", es: "es-MX" };

/** Units the analysis names (src/analysis/figures.ts) that have a name in each language. */
const NAMED_UNITS = new Set([
  "percent", "USD", "MXN", "EUR", "km", "t", "kg", "migrants", "people", "soldiers", "agents", "minors", "children", "weapons",
  "homicides", "deaths", "victims", "arrests", "deportations", "journalists", "doses", "pills", "days", "months", "years", "weeks",
]);

interface Linked {
  article?: Article;
  found?: ArticleAnalysis;
  facts?: SummaryFacts;
  /** Where each of the source's dates, figures and quotes is in its list, by its start (the first one). */
  at?: { dates: Map<number, number>; figures: Map<number, number>; quotes: Map<number, number> };
  /** The actors each sentence of the source names, by sentence. */
  actorsIn?: Map<number, Set<string>>;
  /** Their names, those of the registry, in the page's language, by sentence. */
  named?: Map<number, string[]>;
}

/** Each item's index by its start: the first one when two start at the same place, as findIndex would find. */
function byStart(items: Array<{ start: number }>): Map<number, number> {
  const at = new Map<number, number>();
  items.forEach((item, i) => {
    if (!at.has(item.start)) at.set(item.start, i);
  });
  return at;
}

/**
 * Where a summary reports its source's facts, once per article, language and registry however many
 * pages (and formatters) show them: finding it reads the summary's dates and quotes again.
 */
const summaryFactsMemo = new WeakMap<Registry, WeakMap<ArticleAnalysis, Partial<Record<Lang, SummaryFacts>>>>();
function linkedFacts(article: Article, found: ArticleAnalysis, registry: Registry, lang: Lang): SummaryFacts {
  let byAnalysis = summaryFactsMemo.get(registry);
  if (!byAnalysis) summaryFactsMemo.set(registry, (byAnalysis = new WeakMap()));
  let byLang = byAnalysis.get(found);
  if (!byLang) byAnalysis.set(found, (byLang = {}));
  return (byLang[lang] ??= found.reported?.[lang] ?? summaryFacts(article, found, registry, lang));
}

/**
 * One formatter per digest and language, shared by every builder (editions, subjects, overview,
 * article pages), so that a fact several pages show is formatted once.
 */
const formatters = new WeakMap<Pick<Digest, "articles" | "analysis" | "registry">, WeakMap<FormattedFacts, Partial<Record<Lang, FactFormatter>>>>();

export function factFormatter(digest: Pick<Digest, "articles" | "analysis" | "registry">, lang: Lang, formatted: FormattedFacts): FactFormatter {
  let byFormatted = formatters.get(digest);
  if (!byFormatted) formatters.set(digest, (byFormatted = new WeakMap()));
  let byLang = byFormatted.get(formatted);
  if (!byLang) byFormatted.set(formatted, (byLang = {}));
  return (byLang[lang] ??= new FactFormatter(new Map(digest.articles.map((a) => [a.slug, a])), digest.analysis, digest.registry, lang, formatted));
}

export class FactFormatter {
  private readonly sources = new Map<string, Source>();
  private readonly linked = new Map<string, Linked>();
  private readonly speakers = new Map<string, { name: string; url: string }>();
  private readonly numbers: Intl.NumberFormat;
  /**
   * What each fact of the digest (a DigestEvent, a FigureSentence, a DigestQuote) was formatted
   * as: the timeline, topic pages, editions and article pages show the same ones. A Map, not a
   * WeakMap: it lives as long as the formatter, which lives as long as its digest, and a WeakMap of
   * a hundred thousand facts costs the garbage collector more than the lookups cost.
   */
  private readonly made = new Map<object, EventItem | FigureGroup | QuoteItem>();

  private once<I extends object, O extends EventItem | FigureGroup | QuoteItem>(input: I, make: (input: I) => O): O {
    let item = this.made.get(input) as O | undefined;
    if (!item) this.made.set(input, (item = make(input)));
    return item;
  }

  constructor(
    private readonly articles: Map<string, Article>,
    private readonly analysis: DigestAnalysis,
    private readonly registry: Registry,
    private readonly lang: Lang,
    private readonly formatted: FormattedFacts,
  ) {
    this.numbers = new Intl.NumberFormat(NUMBER_LOCALES[lang], { maximumFractionDigits: 2 });
  }

  source(slug: string): Source {
    let source = this.sources.get(slug);
    if (!source) {
      const article = this.articles.get(slug);
      source = article
        ? {
            url: routes.article(this.lang, slug),
            title: typeset(article.summaries[this.lang].title, this.lang),
            dateLabel: formatPublicationDate(article.date, this.lang),
            date: article.date.iso,
          }
        : { url: routes.home(this.lang), title: slug, dateLabel: "", date: "" };
      this.sources.set(slug, source);
    }
    return source;
  }

  /** A speaker of the registry, one object per actor however many quotes they have. */
  private speaker(actorId: string): { name: string; url: string } {
    let speaker = this.speakers.get(actorId);
    if (!speaker) this.speakers.set(actorId, (speaker = { name: actorName(this.registry, actorId, this.lang), url: actorUrl(this.registry, actorId, this.lang) }));
    return speaker;
  }

  private sourceLang(slug: string): Lang {
    return this.articles.get(slug)?.lang ?? this.lang;
  }

  /** The article, its analysis and where this language's summary reports the source's facts. */
  private link(slug: string): Linked {
    let linked = this.linked.get(slug);
    if (!linked) {
      const article = this.articles.get(slug);
      const found = this.analysis.articles.get(slug);
      linked = {
        article,
        found,
        facts: article && found ? linkedFacts(article, found, this.registry, this.lang) : undefined,
        at: found ? { dates: byStart(found.source.dates), figures: byStart(found.source.figures), quotes: byStart(found.source.quotes) } : undefined,
      };
      this.linked.set(slug, linked);
    }
    return linked;
  }

  /** The original, when the source is not in the page's language. */
  private original(slug: string, text: string): Original | undefined {
    const lang = this.sourceLang(slug);
    return lang === this.lang ? undefined : { text: typeset(text, lang), lang };
  }

  /** Who a sentence of the source names, in the page's language: "Joe Biden et le Mexique". */
  private namedIn(slug: string, sentence: number): string[] {
    const linked = this.link(slug);
    if (!linked.named) {
      // Every sentence's actors in one pass: an article's facts ask for its sentences again and again.
      linked.named = new Map();
      linked.actorsIn = linked.found ? actorsBySentence(linked.found) : new Map();
    }
    let names = linked.named.get(sentence);
    if (!names) {
      const ids = [...(linked.actorsIn!.get(sentence) ?? [])];
      linked.named.set(sentence, (names = ids.filter((id) => this.registry.actors.has(id)).map((id) => actorName(this.registry, id, this.lang))));
    }
    return names;
  }

  /**
   * "Événement daté · Joe Biden, Mexique": said of thousands of facts, by a few hundred
   * lists of names, each put into words once (an interpolated string costs i18next far more than a lookup).
   */
  private about(key: "facts.eventAbout" | "facts.figureAbout", names: string[]): string {
    const list = this.list(names);
    const memo = `${key}|${list}`;
    let text = this.said.get(memo);
    if (text === undefined) this.said.set(memo, (text = t(this.lang, key, { names: list })));
    return text;
  }

  private readonly said = new Map<string, string>();

  /** Bare names, as a label lists them ("Joe Biden, Mexique"): no article to agree with. */
  private list(names: string[]): string {
    return names.join(", ");
  }

  quote(quote: Quote & Provenance): QuoteItem {
    return this.once(quote, (q) => this.formatQuote(q));
  }

  private formatQuote(quote: Quote & Provenance): QuoteItem {
    const { facts, at } = this.link(quote.slug);
    const original = this.original(quote.slug, quote.text);
    const index = at?.quotes.get(quote.start) ?? -1;
    const rendered = original && index >= 0 ? facts?.quotes[index] : null;
    const sourceLang = this.sourceLang(quote.slug);
    return {
      text: original && !rendered ? null : typeset(rendered?.text ?? quote.text, this.lang),
      lang: this.lang,
      original,
      speaker: quote.speaker ? this.speaker(quote.speaker) : undefined,
      speakerText: !quote.speaker && quote.speakerText ? { text: quote.speakerText, lang: sourceLang } : undefined,
      source: this.source(quote.slug),
    };
  }

  figure(figure: Omit<Figure, "sentence"> & Provenance): FigureItem {
    const { found, facts, at } = this.link(figure.slug);
    const original = this.original(figure.slug, figure.sentence);
    const index = at?.figures.get(figure.start) ?? -1;
    const reported = original && index >= 0 ? facts?.figures[index] : null;
    const value = this.numbers.format(figure.value);
    const label = NAMED_UNITS.has(figure.unit)
      ? t(this.lang, `facts.units.${figure.unit}`, { count: figure.value, value })
      : original || figure.unit === "count"
        ? value
        : figure.raw;
    const named = index >= 0 ? this.namedIn(figure.slug, found!.source.figures[index]!.sentence) : [];
    return {
      value: figure.value,
      label,
      unit: figure.unit,
      sentence: typeset(
        !original
          ? figure.sentence
          : (reported ??
            (named.length ? this.about("facts.figureAbout", named) : t(this.lang, "facts.figureUnreported"))),
        this.lang,
      ),
      original,
      source: this.source(figure.slug),
    };
  }

  /** A sentence's figures (a FigureSentence of the digest), its sentence once. */
  figureGroup(group: FigureSentence): FigureGroup {
    return this.once(group, (g) => this.formatFigureGroup(g));
  }

  private formatFigureGroup(group: FigureSentence): FigureGroup {
    const items = group.figures.map((figure) => ({ figure, item: this.figure({ ...figure, slug: group.slug, sentence: group.sentence }) }));
    const first = items[0]?.item;
    // What a figure measures is the source's words: shown when they are the page's language.
    const own = this.sourceLang(group.slug) === this.lang;
    return {
      // Said once: "520 000 migrants", not "520 000 migrants (migrants)".
      figures: items.map(({ figure, item }) => ({
        value: figure.value,
        label: item.label,
        ...(own && figure.label && !item.label.toLowerCase().includes(figure.label.toLowerCase()) ? { measures: typeset(figure.label, this.lang) } : {}),
      })),
      sentence: first?.sentence ?? typeset(group.sentence, this.lang),
      original: first?.original,
      source: this.source(group.slug),
    };
  }

  event(event: TimelineEvent & { planned?: boolean; sources?: Array<{ slug: string }> }): EventItem {
    return this.once(event, (e) => this.formatEvent(e));
  }

  private formatEvent(event: TimelineEvent & { planned?: boolean; sources?: Array<{ slug: string }> }): EventItem {
    const { found, facts, at } = this.link(event.slug);
    const original = this.original(event.slug, event.sentence);
    const index = at?.dates.get(event.start) ?? -1;
    const reported = original && index >= 0 ? facts?.events[index] : null;
    const named = index >= 0 ? this.namedIn(event.slug, found!.source.dates[index]!.sentence) : [];
    const day = formatPublicationDate({ iso: event.date, precision: event.precision }, this.lang);
    const others = [...new Set((event.sources ?? []).map((s) => s.slug))].filter((slug) => slug !== event.slug);
    return {
      date: event.date,
      dateLabel: event.until ? t(this.lang, "facts.span", { from: day, to: dayLabel(event.until, this.lang) }) : day,
      ...(event.until ? { until: event.until } : {}),
      uncertain: event.uncertain,
      planned: event.planned ?? false,
      sentence: typeset(
        !original
          ? event.sentence
          : (reported ?? (named.length ? this.about("facts.eventAbout", named) : t(this.lang, "facts.eventUnreported"))),
        this.lang,
      ),
      original,
      source: this.source(event.slug),
      alsoIn: others.map((slug) => this.source(slug)),
    };
  }

  /** An article's own quotes, from its source's analysis, formatted once per analysis and language. */
  articleFacts(analysis: DigestAnalysis, slug: string): ArticleFacts {
    const found = analysis.articles.get(slug);
    if (!found) return { quotes: [] };
    const key = `${this.lang}|${this.registry.hash}`;
    let byKey = this.formatted.get(found);
    if (!byKey) this.formatted.set(found, (byKey = new Map()));
    let known = byKey.get(key);
    if (!known) byKey.set(key, (known = this.formatArticleFacts(found.source, slug)));
    return known;
  }

  /** Only its quotes: an article page lists its figures by sentence (Digest.figures) and no events. */
  private formatArticleFacts(source: ArticleAnalysis["source"], slug: string): ArticleFacts {
    return { quotes: source.quotes.map((q) => this.quote({ ...q, slug })) };
  }
}
