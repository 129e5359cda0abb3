import type { SiteConfig } from "../config.ts";
import type { Article } from "../content/corpus.ts";
import { typeset, typesetHtml } from "../i18n/typography.ts";
import { LANGUAGES, type Lang } from "../languages.ts";
import { articleSearch, type ArticleSearch } from "../search/record.ts";
import type { ArticleDetails } from "./article-details.ts";
import { articleCard, pageBase, type ArticleCard, type PageBase, type Titled } from "./page-base.ts";
import { routes } from "./routes.ts";
import { articleJsonLd, subjectsJsonLd } from "./structured-data.ts";

/** An article's page in each language: its summary in that language and its source as published. */
export interface ArticlePage extends PageBase, Titled {
  kind: "article";
  card: ArticleCard;
  summaryHtml: string;
  sourceTitle: string;
  sourceParagraphs: string[];
  originalUrl?: string;
  /** Topics, actors, quotes, figures and related articles, from the analysis. */
  details: ArticleDetails;
  /** schema.org NewsArticle (src/site/structured-data.ts). */
  jsonLd: Record<string, unknown>;
  /** Filters, sort key and result fields for the search index (src/search/record.ts). */
  search: ArticleSearch;
}

/** `details` gives what the analysis found in an article (src/site/article-details.ts). */
export function buildArticlePages(
  articles: Article[],
  site: SiteConfig,
  details: (article: Article, lang: Lang) => ArticleDetails,
): ArticlePage[] {
  // The source as published is the same on both languages' pages: typeset once.
  const sources = new Map(articles.map((a) => [a.slug, { title: typeset(a.title, a.lang), paragraphs: a.source.paragraphs.map((p) => typeset(p, a.lang)) }]));
  return LANGUAGES.flatMap((lang) =>
    articles.map((article): ArticlePage => {
      const card = articleCard(article, lang);
      const source = sources.get(article.slug)!;
      const found = details(article, lang);
      return {
        kind: "article",
        // x-default: the version in the language the article was published in.
        ...pageBase(lang, (l) => routes.article(l, article.slug), routes.article(article.lang, article.slug)),
        title: card.title,
        description: card.lede,
        card,
        summaryHtml: typesetHtml(article.summaries[lang].html, lang),
        sourceTitle: source.title,
        sourceParagraphs: source.paragraphs,
        originalUrl: article.url,
        details: found,
        jsonLd: articleJsonLd(article, lang, site, subjectsJsonLd(found, site)),
        search: articleSearch(article, lang, card.dateLabel, { topics: found.topics.map((s) => s.name), actors: found.actors.map((s) => s.name) }),
      };
    }),
  );
}
