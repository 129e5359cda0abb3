import { loadCorpus } from "../src/content/corpus.ts";
import { buildSite } from "../src/site/pages.ts";

// The development server shows drafts; production builds never do.
export default () => {
  const includeDrafts = process.env.ELEVENTY_RUN_MODE === "serve" || process.env.ELEVENTY_RUN_MODE === "watch";
  const { articles } = loadCorpus(process.env.DIGEST_CONTENT_DIR ?? "content", { includeDrafts });
  return buildSite(articles);
};
