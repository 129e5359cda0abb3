import { absoluteUrl, type SiteConfig } from "../config.ts";
import type { Article } from "../content/corpus.ts";
import { t } from "../i18n/index.ts";
import type { Lang } from "../languages.ts";
import { routes } from "./routes.ts";

/**
 * schema.org descriptions for search engines and link previews, as JSON-LD. They say only what
 * the page says: a summary page is a NewsArticle in the page's language, based on the original.
 * What <head> already says once is not said again: the lede is the page's meta description (and
 * og:description), which readers of NewsArticle take as its description.
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

/**
 * The article's topics as `about`, its main actors (those the page shows before the fold) as
 * `mentions`, each linked to its page. The minor ones, places named in passing, would say little
 * about what the article is about and weigh on every page.
 */
export function subjectsJsonLd(
  details: { topics: Array<{ name: string; url: string }>; actorsShown: { shown: Array<{ name: string; url: string }> } },
  site: SiteConfig,
): { about: Thing[]; mentions: Thing[] } {
  return { about: details.topics.map((topic) => subjectThing(site, topic)), mentions: details.actorsShown.shown.map((actor) => subjectThing(site, actor)) };
}

/** Thousands of articles are about the same few subjects: one Thing per subject, shared by their pages. */
const things = new WeakMap<SiteConfig, Map<string, Map<string, Thing>>>();

function subjectThing(site: SiteConfig, subject: { name: string; url: string }): Thing {
  let byUrl = things.get(site);
  if (!byUrl) things.set(site, (byUrl = new Map()));
  let byName = byUrl.get(subject.url);
  if (!byName) byUrl.set(subject.url, (byName = new Map()));
  let thing = byName.get(subject.name);
  if (!thing) byName.set(subject.name, (thing = { "@type": "Thing", name: subject.name, url: absoluteUrl(site, subject.url) }));
  return thing;
}
