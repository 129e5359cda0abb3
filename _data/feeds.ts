import { isDevServer, siteConfig } from "../src/config.ts";
import { loadDigest } from "../src/digest.ts";
import { devPages } from "../src/site/changed-pages.ts";
import { digestFeeds } from "../src/site/feeds-page.ts";

// Feeds never carry drafts, not even on the development server (src/site/feeds-page.ts); the
// feeds page is one of the site's pages (_data/digest.ts).
export default () => {
  const feeds = digestFeeds(loadDigest(process.env.DIGEST_CONTENT_DIR ?? "content", { includeDrafts: false }), siteConfig());
  // As for pages, the development server rewrites only the feeds whose content changed.
  const documents = isDevServer()
    ? devPages.select("feedDocuments", feeds.documents.map((document) => ({ ...document, url: document.urls.atom.path })))
    : feeds.documents;
  return { ...feeds, render: { documents } };
};
