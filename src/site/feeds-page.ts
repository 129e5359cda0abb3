import type { Feeds } from "../feeds/index.ts";
import type { FeedsPageContent } from "../feeds/page.ts";
import { feedRoutes } from "../feeds/routes.ts";
import { pageBase, type PageBase } from "./page-base.ts";

/** The page of each language that lists the digest's feeds (src/feeds/page.ts says what it lists). */
export interface FeedsPage extends PageBase, FeedsPageContent {}

export function buildFeedsPages(feeds: Feeds): FeedsPage[] {
  return feeds.pages.map((content) => ({
    ...pageBase(content.lang, feedRoutes.page, feedRoutes.page("fr")),
    ...content,
  }));
}
