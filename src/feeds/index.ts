import type { SiteConfig } from "../config.ts";
import type { Digest } from "../digest.ts";
import { type FeedDocument, feedDocuments, feedStylesheets, type Stylesheet } from "./build.ts";
import { languageChannels, subjectChannels } from "./channels.ts";
import { type FeedsPageContent, feedsPages } from "./page.ts";

export interface Feeds {
  documents: FeedDocument[];
  stylesheets: Stylesheet[];
  /** What each language's feeds page lists (src/site/feeds-page.ts makes it a page). */
  pages: FeedsPageContent[];
}

/**
 * Every feed of the digest, with the pages that list them: what src/build-digest.ts hands to the
 * templates. A language feed follows every article; a topic's or an actor's feed, the articles
 * of its page. Drafts never reach a feed, whether or not the digest holds them.
 */
export function buildDigestFeeds(digest: Digest, site: SiteConfig): Feeds {
  const channels = [...languageChannels(digest.articles), ...subjectChannels("topic", digest), ...subjectChannels("actor", digest)];
  const documents = feedDocuments(channels, digest.registry, site);
  return { documents, stylesheets: feedStylesheets(documents, site), pages: feedsPages(documents) };
}
