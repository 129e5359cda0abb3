import type { ArticleAnalysis, DigestAnalysis, Figure, Provenance, Quote, Registry, TimelineEvent } from "../analysis/index.ts";
import type { Article } from "../content/corpus.ts";
import { formatPublicationDate } from "../calendar.ts";
import type { Lang } from "../languages.ts";
import { actorName } from "./names.ts";
import { routes } from "./routes.ts";

/**
 * Quotes, figures and events as pages show them: each with the sentence it comes from, in the
 * source's language (marked with `lang`), and a link to the article it was found in.
 */

export interface Source {
  url: string;
  title: string;
  dateLabel: string;
  date: string;
}

export interface QuoteItem {
  text: string;
  /** The source's language: the quote is printed as written. */
  lang: Lang;
  speaker?: { name: string; url: string };
  /** Who the text says spoke when the registry does not know them ("un haut responsable"). */
  speakerText?: string;
  sentence: string;
  source: Source;
}

export interface FigureItem {
  raw: string;
  value: number;
  valueLabel: string;
  unit: string;
  lang: Lang;
  sentence: string;
  source: Source;
}

export interface EventItem {
  date: string;
  dateLabel: string;
  uncertain: boolean;
  phrase: string;
  lang: Lang;
  sentence: string;
  source: Source;
}

type ArticleFacts = { quotes: QuoteItem[]; figures: FigureItem[]; events: EventItem[] };

/**
 * Formatted facts by article analysis, then by language and registry. They depend only on those
 * (an analysis is a new object whenever its article changes): one build's pages share them, and
 * the development server keeps them across rebuilds (src/build-digest.ts, BuildContext).
 */
export type FormattedFacts = WeakMap<object, Map<string, ArticleFacts>>;

export class FactFormatter {
  private readonly sources = new Map<string, Source>();
  private readonly numbers: Intl.NumberFormat;

  constructor(
    private readonly articles: Map<string, Article>,
    private readonly registry: Registry,
    private readonly lang: Lang,
    private readonly formatted: FormattedFacts,
  ) {
    this.numbers = new Intl.NumberFormat(lang);
  }

  source(slug: string): Source {
    let source = this.sources.get(slug);
    if (!source) {
      const article = this.articles.get(slug);
      source = article
        ? {
            url: routes.article(this.lang, slug),
            title: article.summaries[this.lang].title,
            dateLabel: formatPublicationDate(article.date, this.lang),
            date: article.date.iso,
          }
        : { url: routes.home(this.lang), title: slug, dateLabel: "", date: "" };
      this.sources.set(slug, source);
    }
    return source;
  }

  private sourceLang(slug: string): Lang {
    return this.articles.get(slug)?.lang ?? this.lang;
  }

  quote(quote: Quote & Provenance): QuoteItem {
    return {
      text: quote.text,
      lang: this.sourceLang(quote.slug),
      speaker: quote.speaker
        ? { name: actorName(this.registry, quote.speaker, this.lang), url: routes.actor(this.lang, quote.speaker) }
        : undefined,
      speakerText: quote.speaker ? undefined : quote.speakerText,
      sentence: quote.sentence,
      source: this.source(quote.slug),
    };
  }

  figure(figure: Omit<Figure, "sentence"> & Provenance): FigureItem {
    return {
      raw: figure.raw,
      value: figure.value,
      valueLabel: this.numbers.format(figure.value),
      unit: figure.unit,
      lang: this.sourceLang(figure.slug),
      sentence: figure.sentence,
      source: this.source(figure.slug),
    };
  }

  event(event: TimelineEvent): EventItem {
    return {
      date: event.date,
      dateLabel: formatPublicationDate({ iso: event.date, precision: event.precision }, this.lang),
      uncertain: event.uncertain,
      phrase: event.phrase,
      lang: this.sourceLang(event.slug),
      sentence: event.sentence,
      source: this.source(event.slug),
    };
  }

  /** An article's own quotes, figures and events, from its source's analysis. */
  /** Topic pages, editions and the overview pages all ask for the same articles' facts. */
  articleFacts(analysis: DigestAnalysis, slug: string): ArticleFacts {
    const found = analysis.articles.get(slug);
    if (!found) return { quotes: [], figures: [], events: [] };
    const key = `${this.lang}|${this.registry.hash}`;
    let byKey = this.formatted.get(found);
    if (!byKey) this.formatted.set(found, (byKey = new Map()));
    let known = byKey.get(key);
    if (!known) byKey.set(key, (known = this.formatArticleFacts(found.source, slug)));
    return known;
  }

  private formatArticleFacts(source: ArticleAnalysis["source"], slug: string): ArticleFacts {
    const sentence = (i: number) => source.sentences[i] ?? "";
    return {
      quotes: source.quotes.map((q) => this.quote({ ...q, slug })),
      figures: source.figures.map((f) => this.figure({ ...f, slug, sentence: sentence(f.sentence) })),
      events: source.dates.map((d) => this.event({ ...d, slug, sentence: sentence(d.sentence) })),
    };
  }
}
