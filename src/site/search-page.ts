import { LANGUAGES } from "../languages.ts";
import { searchPageContent, type SearchPageContent } from "../search/page.ts";
import type { ArticlePage } from "./article.ts";
import { pageBase, type PageBase } from "./page-base.ts";
import { routes } from "./routes.ts";

/** The search page of each language: its filters offer what the article pages of that language carry. */
export interface SearchPage extends PageBase, SearchPageContent {}

export function buildSearchPages(articlePages: readonly ArticlePage[]): SearchPage[] {
  return LANGUAGES.map((lang) => ({
    ...pageBase(lang, routes.search, routes.search("fr")),
    ...searchPageContent(lang, articlePages.filter((p) => p.lang === lang).map((p) => p.search)),
  }));
}
