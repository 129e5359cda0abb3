import { siteConfig, type SiteConfig } from "../config.ts";
import type { Digest } from "../digest.ts";
import type { Feeds } from "../feeds/index.ts";
import { buildAboutPages, type AboutPage } from "./about.ts";
import { buildArticlePages, type ArticlePage } from "./article.ts";
import { articleDetailsBuilder } from "./article-details.ts";
import { buildEditions, type EditionPage, type EditionsIndexPage } from "./editions.ts";
import type { FormattedFacts } from "./facts.ts";
import { buildFeedsPages, type FeedsPage } from "./feeds-page.ts";
import { buildHomePages, type HomePage } from "./home.ts";
import { buildNotFoundPages, type NotFoundPage } from "./not-found.ts";
import { buildOverviewPages, type FiguresPage, type QuotesPage, type TimelinePage } from "./overview.ts";
import { buildRootPages, type RootNotFoundPage, type RootPage } from "./root.ts";
import { buildSearchPages, type SearchPage } from "./search-page.ts";
import { stylesheetsByKind } from "./stylesheets.ts";
import type { SubjectArticlesPage } from "./subject-articles.ts";
import { buildSubjectPages, type ActorPage, type ActorsIndexPage, type TopicPage, type TopicsIndexPage } from "./subjects.ts";

/**
 * Every page of the site, whatever its kind. A page's `kind` names the partial that renders it
 * (_includes/kinds/<kind>.njk); the sitemap (src/site/sitemap.ts) is made from the same list.
 */
export type Page =
  | RootPage
  | RootNotFoundPage
  | HomePage
  | ArticlePage
  | TopicsIndexPage
  | TopicPage
  | ActorsIndexPage
  | ActorPage
  | SubjectArticlesPage
  | TimelinePage
  | FiguresPage
  | QuotesPage
  | EditionsIndexPage
  | EditionPage
  | SearchPage
  | FeedsPage
  | AboutPage
  | NotFoundPage;

export type PageKind = Page["kind"];

export interface DigestSite {
  /** Every page, each rendered by one template (content/pages/pages.njk). */
  pages: Page[];
  /** The stylesheets each kind of page loads (src/site/stylesheets.ts). */
  stylesheets: Record<PageKind, string[]>;
}

/**
 * The site from the digest and its feeds: what src/build-digest.ts hands to the templates.
 * `formatted`: facts already formatted, shared by every page that shows them (and kept by the
 * development server between rebuilds).
 */
export function buildDigestSite(digest: Digest, feeds: Feeds, site: SiteConfig = siteConfig(), formatted: FormattedFacts = new WeakMap()): DigestSite {
  const { articles, registry } = digest;
  const editions = buildEditions(digest, formatted);
  const subjects = buildSubjectPages(digest, site, formatted);
  const overview = buildOverviewPages(digest, formatted);
  const articlePages = buildArticlePages(articles, site, articleDetailsBuilder(digest, formatted));
  return {
    pages: [
      ...buildRootPages(),
      ...buildHomePages(articles, editions.briefings),
      ...articlePages,
      ...subjects.topicsIndex,
      ...subjects.topicPages,
      ...subjects.actorsIndex,
      ...subjects.actorPages,
      ...subjects.articleLists,
      ...overview.timelinePages,
      ...overview.figuresPages,
      ...overview.quotesPages,
      ...editions.editionsIndex,
      ...editions.editionPages,
      ...buildSearchPages(articlePages),
      ...buildFeedsPages(feeds, registry),
      ...buildAboutPages(),
      ...buildNotFoundPages(),
    ],
    stylesheets: stylesheetsByKind(),
  };
}
