import { isDevServer } from "../src/config.ts";
import { loadDigest } from "../src/digest.ts";
import { changedSite, devPages } from "../src/site/changed-pages.ts";
import { buildDigestSite } from "../src/site/index.ts";

// The development server shows drafts; production builds never do. The page template paginates
// over `render.pages`: every page in a build, and on the development server only the pages whose
// data changed since the last rebuild (src/site/changed-pages.ts); the others are already on disk.
export default () => {
  const serving = isDevServer();
  const site = buildDigestSite(loadDigest(process.env.DIGEST_CONTENT_DIR ?? "content", { includeDrafts: serving }));
  return { ...site, render: serving ? changedSite(devPages, site) : site };
};
