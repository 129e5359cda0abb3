import { t } from "../i18n/index.ts";
import { LANGUAGES, type Lang } from "../languages.ts";
import type { FeedDocument } from "./build.ts";
import { type ChannelKind, FEED_FORMATS, type FeedFormat, MEDIA_TYPES } from "./routes.ts";

/**
 * What the page of a language that lists every feed of that language shows, for readers to
 * subscribe; src/site/feeds-page.ts makes it a page of the site.
 */
export interface FeedsPageContent {
  kind: "feeds";
  lang: Lang;
  title: string;
  description: string;
  sections: FeedsSection[];
}

export interface FeedsSection {
  kind: ChannelKind;
  heading: string;
  entries: FeedsEntry[];
}

export interface FeedsEntry {
  title: string;
  description: string;
  /** Articles the channel holds (the feed itself shows the latest FEED_SIZE). */
  count: number;
  links: Array<{ format: FeedFormat; label: string; type: string; url: string }>;
}

const SECTION_ORDER: ChannelKind[] = ["language", "topic", "actor"];

export function feedsPages(documents: FeedDocument[]): FeedsPageContent[] {
  return LANGUAGES.map((lang) => {
    const own = documents.filter((d) => d.lang === lang);
    return {
      kind: "feeds",
      lang,
      title: t(lang, "feeds.page.title"),
      description: t(lang, "feeds.page.description"),
      // A kind with no channel (no article names an actor, say) gets no empty heading.
      sections: SECTION_ORDER.map((kind) => ({
        kind,
        heading: t(lang, `feeds.page.sections.${kind}`),
        entries: own.filter((d) => d.kind === kind).map(entry),
      })).filter((section) => section.entries.length > 0),
    };
  });
}

function entry(document: FeedDocument): FeedsEntry {
  return {
    title: document.title,
    description: document.description,
    count: document.total,
    links: FEED_FORMATS.map((format) => ({
      format,
      label: t(document.lang, `feeds.format.${format}`),
      type: MEDIA_TYPES[format],
      url: document.urls[format].path,
    })),
  };
}
