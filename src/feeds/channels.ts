import type { Article } from "../content/corpus.ts";
import type { Digest } from "../digest.ts";
import { t } from "../i18n/index.ts";
import { LANGUAGES, type Lang } from "../languages.ts";
import { routes } from "../site/routes.ts";
import type { ChannelKind } from "./routes.ts";
import { actorUrl, subjectSlug, topicUrl } from "../site/slugs.ts";

/**
 * A channel is what one feed follows: every article, one topic or one actor, in one language.
 * Channels know nothing of formats; each becomes an Atom, an RSS and a JSON feed.
 */
export interface Channel {
  /** The language for a language channel; the topic's or actor's id otherwise. */
  id: string;
  /** Where its feeds are: the language, or the topic's or actor's name in the channel's language (src/site/slugs.ts). */
  slug: string;
  lang: Lang;
  kind: ChannelKind;
  title: string;
  description: string;
  /** The site page the feed mirrors (root-relative), the feed's <link>. */
  pageUrl: string;
  articles: Article[];
}

export type SubjectKind = Exclude<ChannelKind, "language">;

/** The channel's title and description, shared by the feeds, the feeds page and <link> titles. */
export function channelText(kind: ChannelKind, lang: Lang, name: string): { title: string; description: string } {
  const site = t(lang, "site.name");
  return {
    title: t(lang, `feeds.channel.${kind}.title`, { site, name }),
    description: t(lang, `feeds.channel.${kind}.description`, { site, name }),
  };
}

/** One channel per language, of every article. */
export function languageChannels(articles: Article[]): Channel[] {
  return LANGUAGES.map((lang) => ({
    id: lang,
    slug: lang,
    lang,
    kind: "language",
    ...channelText("language", lang, t(lang, `language.${lang}`)),
    pageUrl: routes.home(lang),
    articles,
  }));
}

/**
 * One channel per language for each topic or actor of the registry that the analysis finds in
 * some article: the same articles as the subject's page (the editors' topics and the suggested
 * ones, every article that mentions an actor), under the registry's name, linked to that page.
 */
export function subjectChannels(kind: SubjectKind, digest: Pick<Digest, "articles" | "analysis" | "registry">): Channel[] {
  const bySlug = new Map(digest.articles.map((a) => [a.slug, a]));
  const aggregates = kind === "topic" ? digest.analysis.topics : digest.analysis.actors;
  const entries = kind === "topic" ? digest.registry.topics : digest.registry.actors;
  const subjects = [...entries.values()].flatMap((entry) => {
    const slugs = aggregates.get(entry.id)?.articles ?? [];
    return slugs.length > 0 ? [{ entry, articles: slugs.flatMap((slug) => bySlug.get(slug) ?? []) }] : [];
  });
  return LANGUAGES.flatMap((lang) =>
    subjects.map(({ entry, articles }) => ({
      id: entry.id,
      slug: subjectSlug(digest.registry, kind, entry.id, lang),
      lang,
      kind,
      ...channelText(kind, lang, entry.name[lang]),
      pageUrl: kind === "topic" ? topicUrl(digest.registry, entry.id, lang) : actorUrl(digest.registry, entry.id, lang),
      articles,
    })),
  );
}
