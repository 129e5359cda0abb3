import type { Article } from "../content/corpus.ts";
import { t } from "../i18n/index.ts";
import type { Lang } from "../languages.ts";

/**
 * What the search index learns about one page, beyond its text. Layouts hand this object to
 * _includes/partials/search-meta.njk, which writes it as Pagefind attributes; the template only
 * prints it. Every kind of indexed page (article, actor and topic pages) uses the same
 * shape, so the search page treats them alike.
 */
export interface SearchRecord {
  /** Shown in results: title, date label, ISO date, kind of page. */
  meta: Record<string, string>;
  /** Filter name → values, in the page's language (the search page's menus show these words). */
  filters: Partial<Record<FilterName, string[]>>;
  /** Sort keys; values compare as text, so dates are ISO. */
  sort: Record<string, string>;
  /** Other names the page should be found by ("AMLO"): indexed, not shown. */
  aliases: string[];
}

/** The filters the search page offers, in the order it shows them. */
export const FILTERS = ["topic", "actor", "year", "language"] as const;
export type FilterName = (typeof FILTERS)[number];

export type PageKind = "article" | "actor" | "topic";

export interface ArticleSearch extends SearchRecord {
  /**
   * Whether the source text is indexed on this page. Only where it is written in the page's own
   * language: each language's index then holds text in that language alone (its stemmer and
   * excerpts fit), and a reader of the other language finds the article through the summary
   * written for them, with an excerpt they can read.
   */
  indexSource: boolean;
}

/** The article's topics and actors as its page names them (the analysis' localized names). */
export interface ArticleNames {
  topics: string[];
  actors: string[];
}

export function articleSearch(article: Article, lang: Lang, dateLabel: string, names: ArticleNames): ArticleSearch {
  return {
    meta: {
      type: "article",
      title: article.summaries[lang].title,
      date: dateLabel,
      datetime: article.date.iso,
    },
    // In one order, not the article's order of salience: an edit that only moves an actor up or
    // down then changes no record, and the other language's index is kept (scripts/lib/search-index.ts).
    filters: {
      topic: [...names.topics].sort(),
      actor: [...names.actors].sort(),
      year: [article.date.iso.slice(0, 4)],
      language: [t(lang, `language.${article.lang}`)],
    },
    sort: { date: article.date.iso },
    aliases: [],
    indexSource: article.lang === lang,
  };
}

/**
 * An actor's or topic's page (issue #4): found by its name and by each alias, told apart from
 * articles by `meta.type`. It carries no article filter, so choosing a topic or a year lists
 * articles only. Its result shows its description (`meta.description`) under its name rather
 * than Pagefind's excerpt, which runs the name, the description and the hidden aliases together
 * ("Congrès des États-Unis Le pouvoir législatif… U.S. Congress Congrès américain").
 */
export function entitySearch(kind: Exclude<PageKind, "article">, name: string, aliases: readonly string[], description?: string): SearchRecord {
  return {
    meta: { type: kind, title: name, ...(description ? { description } : {}) },
    filters: {},
    sort: {},
    aliases: aliases.filter((alias) => alias !== name),
  };
}
