import { absoluteUrl, siteConfig } from "../src/config.ts";
import { t } from "../src/i18n/index.ts";
import type { Lang } from "../src/languages.ts";
import type { Page } from "../src/site/index.ts";
import { sitemapEntries } from "../src/site/sitemap.ts";

/** The few formatting helpers templates need; each is a thin call into src/. */
export default function (eleventyConfig: any) {
  const site = siteConfig();
  eleventyConfig.addFilter("t", (key: string, lang: Lang, options?: Record<string, unknown>) => t(lang, key, options));
  eleventyConfig.addFilter("absoluteUrl", (url: string) => absoluteUrl(site, url));
  eleventyConfig.addFilter("sitemapEntries", (pages: Page[]) => sitemapEntries(pages));
  // JSON-LD inside <script>: "<" is escaped so no text can close the element.
  eleventyConfig.addFilter("jsonLd", (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c"));
}
