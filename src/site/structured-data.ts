import { absoluteUrl, type SiteConfig } from "../config.ts";
import type { Article } from "../content/corpus.ts";
import { t } from "../i18n/index.ts";
import type { Lang } from "../languages.ts";
import { routes } from "./routes.ts";

/**
 * schema.org descriptions for search engines and link previews, as JSON-LD. They say only what
 * the page says: a summary page is a NewsArticle in the page's language, based on the original.
 */

export interface Thing {
  "@type": string;
  name: string;
  url?: string;
}

export function articleJsonLd(
  article: Article,
  lang: Lang,
  site: SiteConfig,
  subjects: { about?: Thing[]; mentions?: Thing[] } = {},
): Record<string, unknown> {
  const summary = article.summaries[lang];
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: summary.title,
    description: summary.lede,
    inLanguage: lang,
    datePublished: article.date.iso,
    url: absoluteUrl(site, routes.article(lang, article.slug)),
    isPartOf: { "@type": "WebSite", name: t(lang, "site.name"), url: absoluteUrl(site, routes.home(lang)) },
    isBasedOn: {
      "@type": "NewsArticle",
      headline: article.title,
      inLanguage: article.lang,
      datePublished: article.date.iso,
      ...(article.outlet ? { publisher: { "@type": "Organization", name: article.outlet } } : {}),
      ...(article.url ? { url: article.url } : {}),
    },
    ...(subjects.about?.length ? { about: subjects.about } : {}),
    ...(subjects.mentions?.length ? { mentions: subjects.mentions } : {}),
  };
}

/** The article's topics as `about`, the actors it names as `mentions`, each linked to its page. */
export function subjectsJsonLd(
  details: { topics: Array<{ name: string; url: string }>; actors: Array<{ name: string; url: string }> },
  site: SiteConfig,
): { about: Thing[]; mentions: Thing[] } {
  return {
    about: details.topics.map((topic) => ({ "@type": "Thing", name: topic.name, url: absoluteUrl(site, topic.url) })),
    mentions: details.actors.map((actor) => ({ "@type": "Thing", name: actor.name, url: absoluteUrl(site, actor.url) })),
  };
}
