import { t } from "../i18n/index.ts";
import type { Lang } from "../languages.ts";
import { channelText } from "./channels.ts";
import { type ChannelKind, FEED_FORMATS, type FeedFormat, feedRoutes, MEDIA_TYPES } from "./routes.ts";

/** One <link rel="alternate"> that lets a browser or feed reader discover a feed from a page. */
export interface FeedLink {
  format: FeedFormat;
  type: string;
  title: string;
  /** Root-relative, like every page URL; the partial makes it absolute. */
  url: string;
}

/** What every page knows of the feeds: where the feeds page is, and the feeds that fit the page. */
export interface PageFeeds {
  page: string;
  links: FeedLink[];
}

/** The three feeds of one channel; `name` is the topic's or actor's name in `lang`. */
export function feedLinksFor(kind: ChannelKind, id: string, lang: Lang, name: string): FeedLink[] {
  const { title } = channelText(kind, lang, name);
  return FEED_FORMATS.map((format) => ({
    format,
    type: MEDIA_TYPES[format],
    title: t(lang, "feeds.link", { title, feedFormat: t(lang, `feeds.format.${format}`) }),
    url: feedRoutes.feed({ kind, id, lang }, format),
  }));
}

// Every page of a language carries the same three links: made once per language.
const languageLinks = new Map<Lang, FeedLink[]>();

export function languageFeedLinks(lang: Lang): FeedLink[] {
  let links = languageLinks.get(lang);
  if (!links) {
    links = feedLinksFor("language", lang, lang, t(lang, `language.${lang}`));
    languageLinks.set(lang, links);
  }
  return links;
}

/**
 * A page's feeds: the language's feeds everywhere, then those of the page's own subject, e.g. on
 * a topic page `pageFeeds(lang, feedLinksFor("topic", id, lang, name))`.
 */
export function pageFeeds(lang: Lang, subjectLinks: FeedLink[] = []): PageFeeds {
  if (subjectLinks.length > 0) return { page: feedRoutes.page(lang), links: [...languageFeedLinks(lang), ...subjectLinks] };
  let feeds = languagePageFeeds.get(lang);
  if (!feeds) languagePageFeeds.set(lang, (feeds = { page: feedRoutes.page(lang), links: languageFeedLinks(lang) }));
  return feeds;
}

// Most pages have no feed of their own: they share their language's one object.
const languagePageFeeds = new Map<Lang, PageFeeds>();
