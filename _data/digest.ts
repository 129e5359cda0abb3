import { loadDigest } from "../src/digest.ts";
import { buildDigestSite } from "../src/site/index.ts";

// The development server shows drafts; production builds never do.
export default () => {
  const includeDrafts = process.env.ELEVENTY_RUN_MODE === "serve" || process.env.ELEVENTY_RUN_MODE === "watch";
  return buildDigestSite(loadDigest(process.env.DIGEST_CONTENT_DIR ?? "content", { includeDrafts }));
};
