import type { Article } from "../content/corpus.ts";
import { t } from "../i18n/index.ts";
import { LANGUAGES, type Lang } from "../languages.ts";
import type { Briefing } from "./briefing.ts";
import { articleCard, pageBase, paginated, type ArticleCard, type PageBase, type Paginated, type Titled } from "./page-base.ts";
import { routes } from "./routes.ts";

/**
 * The home page of each language: the briefing of the latest period first (src/site/briefing.ts),
 * then the articles newest first, in numbered pages.
 */

export const ARTICLES_PER_HOME_PAGE = 30;

export interface HomePage extends PageBase, Titled, Paginated {
  kind: "home";
  /** On the first page: what happened in the latest period. */
  briefing?: Briefing;
  articles: ArticleCard[];
}

/** Articles must already be sorted newest first (loadCorpus does). */
export function buildHomePages(articles: Article[], briefings?: Record<Lang, Briefing>): HomePage[] {
  const pages = Math.max(1, Math.ceil(articles.length / ARTICLES_PER_HOME_PAGE));
  return LANGUAGES.flatMap((lang) => {
    const cards = articles.map((article) => articleCard(article, lang));
    return Array.from({ length: pages }, (_, i): HomePage => {
      const page = i + 1;
      return {
        kind: "home",
        briefing: page === 1 ? briefings?.[lang] : undefined,
        ...pageBase(lang, (l) => routes.home(l, page), page === 1 ? routes.root() : routes.home("fr", page)),
        title: page === 1 ? t(lang, "briefing.title") : t(lang, "home.pageTitle", { page }),
        description: t(lang, "site.tagline"),
        articles: cards.slice(i * ARTICLES_PER_HOME_PAGE, page * ARTICLES_PER_HOME_PAGE),
        ...paginated(page, pages, articles.length, (n) => routes.home(lang, n)),
      };
    });
  });
}
