import { siteConfig } from "../src/config.ts";
import { loadCorpus } from "../src/content/corpus.ts";
import { buildFeeds } from "../src/feeds/build.ts";

// Feeds never carry drafts, not even on the development server. Actor channels join here as
// `channels: actorChannels(…)` once the analysis in src/analysis exists.
export default () => {
  const { articles } = loadCorpus(process.env.DIGEST_CONTENT_DIR ?? "content", { includeDrafts: false });
  return buildFeeds({ articles, channels: [] }, siteConfig());
};
