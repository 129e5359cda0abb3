import type { Lang } from "../languages.ts";

/**
 * Every feed URL, in the words of its language. A reader who opens the folder finds the feeds page
 * (/fr/flux/, /es/canales/); every feed of a language lives beneath it:
 *
 *   /fr/flux/articles.atom.xml         latest articles (also .rss.xml and .json)
 *   /fr/flux/sujets/<topic>.atom.xml   one topic
 *   /fr/flux/acteurs/<actor>.atom.xml  one actor
 *   /fr/flux/style.xsl                 what a browser uses to show an Atom or RSS feed as a page
 *
 * In Spanish: /es/canales/articulos.*, /es/canales/temas/<topic>.*, /es/canales/actores/<actor>.*,
 * /es/canales/estilo.xsl. Ids are slugs, so the paths need no escaping. URLs are root-relative;
 * the site URL and path prefix are added when a feed is written.
 */
export const FEED_FORMATS = ["atom", "rss", "json"] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export type ChannelKind = "language" | "topic" | "actor";

const SEGMENTS = {
  fr: { feeds: "flux", language: "articles", topic: "sujets", actor: "acteurs", stylesheet: "style.xsl" },
  es: { feeds: "canales", language: "articulos", topic: "temas", actor: "actores", stylesheet: "estilo.xsl" },
} as const satisfies Record<Lang, Record<string, string>>;

const EXTENSIONS: Record<FeedFormat, string> = { atom: ".atom.xml", rss: ".rss.xml", json: ".json" };

/** What a browser or feed reader is told each format is, in <link rel="alternate" type=…>. */
export const MEDIA_TYPES: Record<FeedFormat, string> = {
  atom: "application/atom+xml",
  rss: "application/rss+xml",
  json: "application/feed+json",
};

export const feedRoutes = {
  page: (lang: Lang) => `/${lang}/${SEGMENTS[lang].feeds}/`,
  stylesheet: (lang: Lang) => `/${lang}/${SEGMENTS[lang].feeds}/${SEGMENTS[lang].stylesheet}`,
  /** A language channel's id is its language; there is one per language. */
  feed: (channel: { kind: ChannelKind; id: string; lang: Lang }, format: FeedFormat) => {
    const s = SEGMENTS[channel.lang];
    const base = `/${channel.lang}/${s.feeds}/`;
    const name = channel.kind === "language" ? s.language : `${s[channel.kind]}/${channel.id}`;
    return `${base}${name}${EXTENSIONS[format]}`;
  },
};
