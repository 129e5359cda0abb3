import type { Lang } from "../src/languages.ts";
import { META_CONTENT_SECURITY_POLICY, headersFile } from "../src/search/csp.ts";
import { routes } from "../src/site/routes.ts";

/** Search and the policy it runs under: the filters and values its templates need. The index is built by scripts/lib/search-index.ts. */
export default function (eleventyConfig: any) {
  eleventyConfig.addFilter("searchUrl", (lang: Lang) => routes.search(lang));
  eleventyConfig.addFilter("headersFile", (pathPrefix: string) => headersFile(pathPrefix));
  eleventyConfig.addNunjucksGlobal("contentSecurityPolicy", META_CONTENT_SECURITY_POLICY);
}
