import { siteConfig, type SiteConfig } from "../config.ts";
import type { Article } from "../content/corpus.ts";
import { formatPublicationDate } from "../calendar.ts";
import { pageFeeds, type PageFeeds } from "../feeds/links.ts";
import { t } from "../i18n/index.ts";
import { LANGUAGES, type Lang } from "../languages.ts";
import { searchPageContent, type SearchPageContent } from "../search/page.ts";
import { articleSearch, type ArticleSearch } from "../search/record.ts";
import { routes } from "./routes.ts";
import type { ArticleDetails } from "./article-details.ts";
import type { Briefing } from "./editions.ts";
import { articleJsonLd, subjectsJsonLd } from "./structured-data.ts";

/**
 * What each page of the site shows, computed once from the corpus: templates only format these
 * objects. Every page knows its counterpart in the other language (for the switcher and hreflang).
 */

export const ARTICLES_PER_HOME_PAGE = 30;

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
  /** The site's sections in this language, for the header and footer. */
  nav: Nav;
}

export interface Nav {
  topics: string;
  actors: string;
  editions: string;
  timeline: string;
  figures: string;
  quotes: string;
}

const navs = new Map<Lang, Nav>();
function navFor(lang: Lang): Nav {
  let nav = navs.get(lang);
  if (!nav) {
    nav = {
      topics: routes.topics(lang),
      actors: routes.actors(lang),
      editions: routes.editions(lang),
      timeline: routes.timeline(lang),
      figures: routes.figures(lang),
      quotes: routes.quotes(lang),
    };
    navs.set(lang, nav);
  }
  return nav;
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

export interface Titled {
  /** The page's own title, before the site name in <title>. */
  title: string;
  description: string;
}

export interface HomePage extends PageBase, Titled {
  kind: "home";
  /** On the first page: the latest period's most active topics and actors, and its events. */
  briefing?: Briefing;
  page: number;
  pages: number;
  total: number;
  articles: ArticleCard[];
  newer?: string;
  older?: string;
  /** A window of page numbers around this one; null marks a gap ("…"). */
  pageLinks: Array<{ page: number; url: string; current: boolean } | null>;
}

export interface ArticlePage extends PageBase, Titled {
  kind: "article";
  card: ArticleCard;
  summaryHtml: string;
  sourceTitle: string;
  sourceParagraphs: string[];
  originalUrl?: string;
  /** Topics, actors, quotes, figures and related articles, once the analysis has run. */
  details?: ArticleDetails;
  /** schema.org NewsArticle (src/site/structured-data.ts). */
  jsonLd: Record<string, unknown>;
  /** Filters, sort key and result fields for the search index (src/search/record.ts). */
  search: ArticleSearch;
}

export interface SearchPage extends PageBase, SearchPageContent {}

export interface NotFoundPage extends PageBase, Titled {
  kind: "notFound";
}

/** The bilingual pages at the root: the language chooser and the 404 page. */
export interface RootPage {
  kind: "root";
  url: string;
  alternates: Alternate[];
  choices: Array<{ lang: Lang; url: string; name: string; tagline: string }>;
}

export interface Site {
  root: RootPage;
  rootNotFound: RootPage;
  homePages: HomePage[];
  articlePages: ArticlePage[];
  notFoundPages: NotFoundPage[];
  searchPages: SearchPage[];
  articleCount: number;
}

function alternatesFor(urlFor: (lang: Lang) => string, xDefault: string): Alternate[] {
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

export function articleCard(article: Article, lang: Lang): ArticleCard {
  const summary = article.summaries[lang];
  return {
    slug: article.slug,
    url: routes.article(lang, article.slug),
    title: summary.title,
    lede: summary.lede,
    date: article.date.iso,
    dateLabel: formatPublicationDate(article.date, lang),
    precision: article.date.precision,
    outlet: article.outlet ?? t(lang, "article.outletUnknown"),
    outletKnown: article.outlet !== undefined,
    sourceLang: article.lang,
    draft: article.draft,
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

/** Articles must already be sorted newest first (loadCorpus does). */
/** What the analysis adds to the article pages and to the first home page of each language. */
export interface SiteExtras {
  details: (article: Article, lang: Lang) => ArticleDetails;
  briefings: Record<Lang, Briefing>;
}

export function buildSite(articles: Article[], site: SiteConfig = siteConfig(), extras?: SiteExtras): Site {
  const pages = Math.max(1, Math.ceil(articles.length / ARTICLES_PER_HOME_PAGE));
  const homePages: HomePage[] = [];
  const articlePages: ArticlePage[] = [];
  for (const lang of LANGUAGES) {
    const cards = articles.map((article) => articleCard(article, lang));
    for (let page = 1; page <= pages; page++) {
      homePages.push({
        kind: "home",
        briefing: page === 1 ? extras?.briefings[lang] : undefined,
        ...pageBase(lang, (l) => routes.home(l, page), page === 1 ? routes.root() : routes.home("fr", page)),
        title: page === 1 ? t(lang, "home.title") : t(lang, "home.pageTitle", { page }),
        description: t(lang, "site.tagline"),
        page,
        pages,
        total: articles.length,
        articles: cards.slice((page - 1) * ARTICLES_PER_HOME_PAGE, page * ARTICLES_PER_HOME_PAGE),
        newer: page > 1 ? routes.home(lang, page - 1) : undefined,
        older: page < pages ? routes.home(lang, page + 1) : undefined,
        pageLinks: pageWindow(page, pages).map((n) =>
          n === null ? null : { page: n, url: routes.home(lang, n), current: n === page },
        ),
      });
    }
    articles.forEach((article, i) => {
      const details = extras?.details(article, lang);
      articlePages.push({
        kind: "article",
        // x-default: the version in the language the article was published in.
        ...pageBase(lang, (l) => routes.article(l, article.slug), routes.article(article.lang, article.slug)),
        title: article.summaries[lang].title,
        description: article.summaries[lang].lede,
        card: cards[i] as ArticleCard,
        summaryHtml: article.summaries[lang].html,
        sourceTitle: article.title,
        sourceParagraphs: article.source.paragraphs,
        originalUrl: article.url,
        ...(details ? { details } : {}),
        jsonLd: articleJsonLd(article, lang, site, details ? subjectsJsonLd(details, site) : {}),
        search: articleSearch(article, lang, (cards[i] as ArticleCard).dateLabel, details
          ? { topics: details.topics.map((s) => s.name), actors: details.actors.map((s) => s.name) }
          : {}),
      });
    });
  }
  const notFoundPages: NotFoundPage[] = LANGUAGES.map((lang) => ({
    kind: "notFound",
    ...pageBase(lang, routes.notFound, routes.rootNotFound()),
    title: t(lang, "notFound.title"),
    description: t(lang, "notFound.text"),
  }));
  const searchPages: SearchPage[] = LANGUAGES.map((lang) => ({
    ...pageBase(lang, routes.search, routes.search("fr")),
    ...searchPageContent(lang, articlePages.filter((p) => p.lang === lang).map((p) => p.search)),
  }));
  const rootPage = (url: string): RootPage => ({
    kind: "root",
    url,
    alternates: alternatesFor((lang) => (url === routes.root() ? routes.home(lang) : routes.notFound(lang)), url),
    choices: LANGUAGES.map((lang) => ({
      lang,
      url: routes.home(lang),
      name: t(lang, "site.name"),
      tagline: t(lang, "site.tagline"),
    })),
  });
  return {
    root: rootPage(routes.root()),
    rootNotFound: rootPage(routes.rootNotFound()),
    homePages, articlePages, notFoundPages, searchPages, articleCount: articles.length };
}
