import type { Article } from "../content/corpus.ts";
import { formatPublicationDate } from "../calendar.ts";
import { pageFeeds, type PageFeeds } from "../feeds/links.ts";
import { t } from "../i18n/index.ts";
import { typeset } from "../i18n/typography.ts";
import { LANGUAGES, type Lang } from "../languages.ts";
import { navFor, type Nav } from "./nav.ts";
import { routes } from "./routes.ts";

/**
 * What every page of the site has, and the pieces several kinds of page show (article cards,
 * links to topics and actors, numbered pages). Each kind of page is built in its own module from
 * these; src/site/index.ts gathers them into the site's one list of pages. Every page knows its
 * counterpart in the other language (for the switcher and hreflang).
 */

export interface Alternate {
  hreflang: Lang | "x-default";
  url: string;
}

export interface PageBase {
  lang: Lang;
  url: string;
  /** This language's home page, for the site name link. */
  home: string;
  /** The same page in each language, then x-default. */
  alternates: Alternate[];
  /** The same page in the other language: the switcher's target. */
  translation: { lang: Lang; url: string };
  /** The feeds page and the feeds announced in <head> (src/feeds/links.ts). */
  feeds: PageFeeds;
  /** The site's sections in this language, for the header and footer (src/site/nav.ts). */
  nav: Nav;
}

export interface Titled {
  /** The page's own title, before the site name in <title>. */
  title: string;
  description: string;
}

export function alternatesFor(urlFor: (lang: Lang) => string, xDefault: string): Alternate[] {
  return [
    ...LANGUAGES.map((lang) => ({ hreflang: lang, url: urlFor(lang) })),
    { hreflang: "x-default" as const, url: xDefault },
  ];
}

export function pageBase(lang: Lang, urlFor: (lang: Lang) => string, xDefault: string): PageBase {
  const other = LANGUAGES.find((l) => l !== lang) as Lang;
  return {
    lang,
    url: urlFor(lang),
    home: routes.home(lang),
    alternates: alternatesFor(urlFor, xDefault),
    translation: { lang: other, url: urlFor(other) },
    feeds: pageFeeds(lang),
    nav: navFor(lang),
  };
}

export interface ArticleCard {
  slug: string;
  url: string;
  title: string;
  lede: string;
  date: string;
  dateLabel: string;
  precision: Article["date"]["precision"];
  /** The outlet's name, or "outlet unknown" in the page's language. */
  outlet: string;
  outletKnown: boolean;
  sourceLang: Lang;
  draft: boolean;
}

/**
 * An article's card depends on the article and the language only, and the home, edition, subject
 * and article pages list the same articles again and again: made once, shared by every page.
 */
const cards = new WeakMap<Article, Partial<Record<Lang, ArticleCard>>>();

export function articleCard(article: Article, lang: Lang): ArticleCard {
  let byLang = cards.get(article);
  if (!byLang) cards.set(article, (byLang = {}));
  return (byLang[lang] ??= makeArticleCard(article, lang));
}

function makeArticleCard(article: Article, lang: Lang): ArticleCard {
  const summary = article.summaries[lang];
  return {
    slug: article.slug,
    url: routes.article(lang, article.slug),
    title: typeset(summary.title, lang),
    lede: typeset(summary.lede, lang),
    date: article.date.iso,
    dateLabel: formatPublicationDate(article.date, lang),
    precision: article.date.precision,
    outlet: article.outlet ?? t(lang, "article.outletUnknown"),
    outletKnown: article.outlet !== undefined,
    sourceLang: article.lang,
    draft: article.draft,
  };
}

/** A link to a topic's or an actor's page, as article, edition, subject pages and the briefing list them. */
export interface SubjectLink {
  id: string;
  name: string;
  url: string;
  /** Articles in common, or articles in all on an index. */
  count: number;
  description?: string;
  /** How an actor's name agrees, as an i18next context ("citée", "cités"): see agreementContext. */
  agreement?: string;
  /** On an index: a small SVG trend mark of the last twelve months (src/charts/sparkline.ts). */
  trend?: string;
}

/** Numbered pages of a long list (the home page, the timeline, figures, quotes). */
export interface Paginated {
  page: number;
  pages: number;
  total: number;
  newer?: string;
  older?: string;
  /** A window of page numbers around this one; null marks a gap ("…"). */
  pageLinks: Array<{ page: number; url: string; current: boolean } | null>;
}

/** The page `page` of `pages`, whose page n is at `route(n)`. */
export function paginated(page: number, pages: number, total: number, route: (page: number) => string): Paginated {
  return {
    page,
    pages,
    total,
    newer: page > 1 ? route(page - 1) : undefined,
    older: page < pages ? route(page + 1) : undefined,
    pageLinks: pageWindow(page, pages).map((n) => (n === null ? null : { page: n, url: route(n), current: n === page })),
  };
}

/** 1 … 4 5 [6] 7 8 … 40: the first, the last, and two pages on each side of the current one. */
export function pageWindow(page: number, pages: number, radius = 2): Array<number | null> {
  const shown: Array<number | null> = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= radius) shown.push(n);
    else if (shown[shown.length - 1] !== null) shown.push(null);
  }
  return shown;
}

/**
 * A long list as a page shows it: the first items in view, the rest folded under a <details> the
 * reader opens. The items must already be ranked, most important first. Folding one or two items
 * only hides them behind a click: a list at most `limit + 2` long is shown whole.
 */
export interface Folded<T> {
  shown: T[];
  folded: T[];
  /** Both together. */
  count: number;
}

export function fold<T>(items: T[], limit: number): Folded<T> {
  if (items.length <= limit + 2) return { shown: items, folded: [], count: items.length };
  return { shown: items.slice(0, limit), folded: items.slice(limit), count: items.length };
}
