import type { Article } from "../content/corpus.ts";
import type { PageFeeds } from "../feeds/links.ts";
import { t } from "../i18n/index.ts";
import type { Lang } from "../languages.ts";
import { articleCard, pageBase, type ArticleCard, type PageBase, type Titled } from "./page-base.ts";
import { routes } from "./routes.ts";

/**
 * Every article of a topic or an actor, newest first. Its page lists only the latest ones
 * (LIST_LIMIT.articles in src/site/subjects.ts) and links here when there are more; a subject
 * with fewer has no such page. It lives beneath the subject's page, in each language's words
 * (/fr/sujets/<slug>/articles/, /es/actores/<slug>/articulos/), and is not indexed for search:
 * the articles it lists are, each on its own page.
 */
export interface SubjectArticlesPage extends PageBase, Titled {
  kind: "subject-articles";
  subject: { kind: "topic" | "actor"; name: string; url: string };
  articles: ArticleCard[];
}

export interface SubjectArticles {
  kind: "topic" | "actor";
  /** The subject's name in this language. */
  name: string;
  /** The subject's page in each language. */
  urlFor: (lang: Lang) => string;
  /** Its articles, newest first. */
  articles: Article[];
  /** The subject's own feeds, announced as on its page. */
  feeds: PageFeeds;
}

export function subjectArticlesPage(subject: SubjectArticles, lang: Lang): SubjectArticlesPage {
  const listUrl = (l: Lang) => routes.subjectArticles(l, subject.urlFor(l));
  return {
    kind: "subject-articles",
    ...pageBase(lang, listUrl, listUrl("fr")),
    feeds: subject.feeds,
    title: t(lang, "subjects.all.title", { name: subject.name }),
    description: t(lang, `subjects.all.${subject.kind}Description`, { name: subject.name }),
    subject: { kind: subject.kind, name: subject.name, url: subject.urlFor(lang) },
    articles: subject.articles.map((article) => articleCard(article, lang)),
  };
}
