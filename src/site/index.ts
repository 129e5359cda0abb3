import { siteConfig, type SiteConfig } from "../config.ts";
import type { Digest } from "../digest.ts";
import { articleDetailsBuilder } from "./article-details.ts";
import { buildEditions } from "./editions.ts";
import { buildOverviewPages } from "./overview.ts";
import { buildSite } from "./pages.ts";
import { buildSubjectPages } from "./subjects.ts";

/** Every page of the site, from the digest: what src/build-digest.ts hands to the templates. */
export function buildDigestSite(digest: Digest, site: SiteConfig = siteConfig()) {
  const { articles, analysis, registry } = digest;
  const editions = buildEditions(articles, analysis, registry);
  return {
    ...buildSite(articles, site, { details: articleDetailsBuilder(articles, analysis, registry), briefings: editions.briefings }),
    ...buildSubjectPages(articles, analysis, registry, site),
    ...buildOverviewPages(articles, analysis, registry),
    editionPages: editions.editionPages,
    editionsIndex: editions.editionsIndex,
  };
}

export type DigestSite = ReturnType<typeof buildDigestSite>;
