import type { Article } from "../content/corpus.ts";
import { t } from "../i18n/index.ts";
import { LANGUAGES, type Lang } from "../languages.ts";
import { routes } from "../site/routes.ts";
import type { ChannelKind } from "./routes.ts";

/**
 * A channel is what one feed follows: every article, one topic or one actor, in one language.
 * Channels know nothing of formats; each becomes an Atom, an RSS and a JSON feed.
 */
export interface Channel {
  /** The language for a language channel; the topic's or actor's id (a slug) otherwise. */
  id: string;
  lang: Lang;
  kind: ChannelKind;
  title: string;
  description: string;
  /** The site page the feed mirrors (root-relative), the feed's <link>. */
  pageUrl: string;
  articles: Article[];
}

/** A topic's or an actor's name in one language, as the feeds show it. */
export type SubjectName = (id: string, lang: Lang) => string;

/** Until the topic registry (src/analysis) is wired in, a topic is shown by its id. */
export const topicIdAsName: SubjectName = (id) => id;

/** A topic or an actor, with the articles that name it. */
export interface Subject {
  id: string;
  articles: Article[];
}

export interface SubjectOptions {
  name: SubjectName;
  /** The subject's own page, once it has one; until then the feed links to the home page. */
  pageUrl?: (id: string, lang: Lang) => string;
}

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
    lang,
    kind: "language",
    ...channelText("language", lang, t(lang, `language.${lang}`)),
    pageUrl: routes.home(lang),
    articles,
  }));
}

/** One channel per subject and language. */
export function subjectChannels(kind: "topic" | "actor", subjects: Subject[], options: SubjectOptions): Channel[] {
  return LANGUAGES.flatMap((lang) =>
    subjects.map((subject) => ({
      id: subject.id,
      lang,
      kind,
      ...channelText(kind, lang, options.name(subject.id, lang)),
      pageUrl: options.pageUrl?.(subject.id, lang) ?? routes.home(lang),
      articles: subject.articles,
    })),
  );
}

/** The topics the editors chose (Article.topics), each with its articles, in order of id. */
export function topicsOf(articles: Article[]): Subject[] {
  const byTopic = new Map<string, Article[]>();
  for (const article of articles) {
    for (const id of new Set(article.topics)) {
      const list = byTopic.get(id);
      if (list) list.push(article);
      else byTopic.set(id, [article]);
    }
  }
  return [...byTopic.keys()].sort().map((id) => ({ id, articles: byTopic.get(id) ?? [] }));
}

export function topicChannels(articles: Article[], options: SubjectOptions = { name: topicIdAsName }): Channel[] {
  return subjectChannels("topic", topicsOf(articles), options);
}

/**
 * Where the actor analysis plugs in: give each actor its id (a slug), its articles and a name per
 * language, and pass the result to buildFeeds as `channels`.
 */
export function actorChannels(actors: Subject[], options: SubjectOptions): Channel[] {
  return subjectChannels("actor", actors, options);
}
