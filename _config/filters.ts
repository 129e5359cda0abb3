import { absoluteUrl, siteConfig } from "../src/config.ts";
import { t } from "../src/i18n/index.ts";
import type { Lang } from "../src/languages.ts";
import type { Page } from "../src/site/index.ts";
import { sitemapEntries } from "../src/site/sitemap.ts";
import { addNunjucksFilters } from "./nunjucks-filters.ts";

/** The few formatting helpers templates need; each is a thin call into src/. */
export default function (eleventyConfig: any) {
  const site = siteConfig();
  addNunjucksFilters(eleventyConfig, {
    t: translations(),
    absoluteUrl: (url: string) => absoluteUrl(site, url),
    sitemapEntries: (pages: Page[]) => sitemapEntries(pages),
    // JSON-LD inside <script>: "<" is escaped so no text can close the element.
    jsonLd: (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c"),
  });
}

/**
 * `t`, answered once per language, key and values: a build asks for the same labels (a count, an
 * outlet, a language name) on page after page, over 40 times a page.
 */
function translations() {
  const known = new Map<string, string>();
  return (key: string, lang: Lang, options?: Record<string, unknown>) => {
    if (options === undefined) return t(lang, key);
    const memoKey = `${lang}\u0000${key}\u0000${JSON.stringify(options)}`;
    let text = known.get(memoKey);
    if (text === undefined) known.set(memoKey, (text = t(lang, key, options)));
    return text;
  };
}
