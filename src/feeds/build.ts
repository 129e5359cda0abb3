import type { Registry } from "../analysis/index.ts";
import { type Article, sortNewestFirst } from "../content/corpus.ts";
import { absoluteUrl, type SiteConfig } from "../config.ts";
import { t } from "../i18n/index.ts";
import type { Lang } from "../languages.ts";
import { topicName } from "../site/names.ts";
import { routes } from "../site/routes.ts";
import type { Channel } from "./channels.ts";
import { feedContentHtml } from "./content-html.ts";
import { publicationInstant } from "./dates.ts";
import { type ChannelKind, FEED_FORMATS, type FeedFormat, feedRoutes } from "./routes.ts";
import { byName } from "../site/names.ts";
import { typeset, typesetHtml } from "../i18n/typography.ts";

/** A feed shows the latest articles only; older ones stay on the site. */
export const FEED_SIZE = 50;

export interface FeedCategory {
  /** The topic id: stable, what a reader's filters match on. */
  term: string;
  label: string;
}

export interface FeedItem {
  /**
   * The article's canonical URL in the feed's language: the same in every build and in every feed
   * that carries the article, so a reader never shows it twice or shows it again as new.
   */
  id: string;
  url: string;
  title: string;
  lede: string;
  /** The summary's HTML, with root-relative links made absolute. */
  contentHtml: string;
  published: Date;
  categories: FeedCategory[];
}

export interface FeedUrl {
  /** Root-relative: where the file is written. */
  path: string;
  /** With the site URL and path prefix: what the feed says of itself. */
  absolute: string;
}

/** One channel as a feed, ready for the three formats; templates only print it. */
export interface FeedDocument {
  kind: ChannelKind;
  id: string;
  lang: Lang;
  title: string;
  description: string;
  /** Absolute URL of the site page the feed mirrors. */
  pageUrl: string;
  author: { name: string; url: string };
  /** The newest item's date, never the build's, so rebuilding the same content changes nothing. */
  updated: Date;
  /** For <?xml-stylesheet?>: root-relative with the path prefix, since browsers apply XSL only from the feed's own origin. */
  stylesheet: string;
  urls: Record<FeedFormat, FeedUrl>;
  items: FeedItem[];
  /** Articles in the channel, including those beyond FEED_SIZE. */
  total: number;
}

export interface Stylesheet {
  lang: Lang;
  /** Root-relative: where the file is written. */
  path: string;
  /** The site's stylesheet, prefixed, for the page a browser makes of a feed. */
  css: string;
}

// With no item there is nothing to be newer than: the epoch keeps an empty feed's date fixed.
const NO_ITEMS = new Date(0);

const KIND_ORDER: Record<ChannelKind, number> = { language: 0, topic: 1, actor: 2 };

/** Each channel as a feed, in a fixed order; items name their topics as the registry does. */
export function feedDocuments(channels: Channel[], registry: Registry, site: SiteConfig): FeedDocument[] {
  // An article is one item whichever feeds carry it: made once per language.
  const items = new Map<string, FeedItem>();
  const itemFor = (article: Article, lang: Lang): FeedItem => {
    const key = `${lang}:${article.slug}`;
    let item = items.get(key);
    if (!item) {
      item = feedItem(article, lang, site, registry);
      items.set(key, item);
    }
    return item;
  };

  // Each language's topics and actors in the order of their names in that language.
  const ordered = [...channels].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.lang.localeCompare(b.lang) || byName(a.lang)(a.title, b.title) || a.id.localeCompare(b.id),
  );
  return ordered.map((channel): FeedDocument => {
    // A feed is a publication: drafts, shown by the development server, never reach a reader.
    const published = sortNewestFirst(channel.articles.filter((a) => !a.draft));
    const feedItems = published.slice(0, FEED_SIZE).map((a) => itemFor(a, channel.lang));
    return {
      kind: channel.kind,
      id: channel.id,
      lang: channel.lang,
      title: channel.title,
      description: channel.description,
      pageUrl: absoluteUrl(site, channel.pageUrl),
      author: { name: t(channel.lang, "site.name"), url: absoluteUrl(site, routes.home(channel.lang)) },
      updated: feedItems[0]?.published ?? NO_ITEMS,
      stylesheet: prefixed(site, feedRoutes.stylesheet(channel.lang)),
      urls: Object.fromEntries(
        FEED_FORMATS.map((format) => {
          const path = feedRoutes.feed({ ...channel, id: channel.slug }, format);
          return [format, { path, absolute: absoluteUrl(site, path) }];
        }),
      ) as Record<FeedFormat, FeedUrl>,
      items: feedItems,
      total: published.length,
    };
  });
}

/** One XSL stylesheet per language that has a feed. */
export function feedStylesheets(documents: FeedDocument[], site: SiteConfig): Stylesheet[] {
  return [...new Set(documents.map((d) => d.lang))].map((lang) => ({
    lang,
    path: feedRoutes.stylesheet(lang),
    css: prefixed(site, "/assets/site.css"),
  }));
}

function feedItem(article: Article, lang: Lang, site: SiteConfig, registry: Registry): FeedItem {
  const summary = article.summaries[lang];
  const url = absoluteUrl(site, routes.article(lang, article.slug));
  return {
    id: url,
    url,
    title: typeset(summary.title, lang),
    lede: typeset(summary.lede, lang),
    contentHtml: feedContentHtml(typesetHtml(summary.html, lang), site),
    published: publicationInstant(article.date),
    categories: article.topics.map((id) => ({ term: id, label: topicName(registry, id, lang) })),
  };
}

/** "/x" → "/prefix/x": for what a browser resolves against the feed's own origin. */
function prefixed(site: SiteConfig, url: string): string {
  return site.pathPrefix + url.replace(/^\/+/, "");
}
