import path from "node:path";
import { DateTime } from "luxon";
import { checkArticleTopics } from "./analysis/topics.ts";
import { loadRegistry, type Registry } from "./analysis/registry.ts";
import { readSiteFile } from "./config.ts";
import { ARTICLE_FILES, readCorpus, type Article, type ArticleFolderCache } from "./content/corpus.ts";
import { type Finding, type Problem, underRule } from "./content/problems.ts";
import { FEED_TIME_ZONE } from "./feeds/dates.ts";
import { placeholdersIn } from "./editorial/placeholders.ts";
import { LANGUAGES } from "./languages.ts";
import { msg, verbatim } from "./messages/index.ts";

/**
 * The content as read and checked: every article (drafts included), the registries, and every
 * problem found, each under its rule with its severity (src/content/problems.ts). The build,
 * `npm run check` and the development server all start here, so they never disagree.
 */
export interface ValidatedContent {
  dir: string;
  articles: Article[];
  registry: Registry;
  problems: Problem[];
}

export interface ValidateOptions {
  /** The development server's cache of article folders, so a rebuild re-reads only what changed. */
  folders?: ArticleFolderCache;
  /**
   * The build's today, YYYY-MM-DD, in Mexico City (where the digest's dates are read): no
   * article is published after it. Defaults to the day it is now there; tests pass their own.
   */
  today?: string;
  /**
   * Whether drafts would be shown: the development server shows them, the build and the check
   * judge what the build would publish (a corpus of drafts only publishes nothing).
   */
  includeDrafts?: boolean;
  /** Where the site is published (src/config.ts); the project's content/site.yaml unless given. */
  siteFile?: string;
}

export function validateContent(contentDir: string, options: ValidateOptions = {}): ValidatedContent {
  const dir = path.resolve(contentDir);
  const today = options.today ?? todayInMexicoCity(new Date());
  const corpus = readCorpus(dir, options.folders);
  const latest = latestPublicationDay(today);
  const { registry, problems: registryProblems } = loadRegistry(dir);
  const problems = [
    ...corpus.problems,
    ...underRule("article-file", corpus.articles.flatMap((a) => datedAfter(a, today, latest))),
    ...registryProblems,
    // The build refuses a broken site file before it renders; the check and the server say so too.
    ...underRule("site-file", readSiteFile(options.siteFile).problems),
  ];
  // With an article refused, the count says nothing: its problems already block.
  if (corpus.problems.length === 0) problems.push(...underRule("empty-corpus", nothingToShow(dir, corpus.articles, options.includeDrafts ?? false)));
  // Cross-references are checked against a registry that loaded cleanly: a broken one would make
  // every topic unknown.
  if (registryProblems.length === 0) problems.push(...checkArticles(corpus.articles, registry));
  return { dir, articles: corpus.articles, registry, problems };
}

/** What holds between articles and the registry, and what only a whole article shows. */
export function checkArticles(articles: Article[], registry: Registry): Problem[] {
  return [...checkArticleTopics(articles, registry), ...underRule("placeholder-left", articles.flatMap(leftoverPlaceholders))];
}

export function todayInMexicoCity(now: Date): string {
  return DateTime.fromJSDate(now, { zone: FEED_TIME_ZONE }).toISODate() ?? now.toISOString().slice(0, 10);
}

/**
 * One day of grace after today in Mexico City: a Paris or Madrid outlet dates its morning edition
 * by its own calendar, up to eight hours ahead of Mexico City, so an article honestly dated
 * "tomorrow" there can be imported tonight here. Any later date is a typo (2099 for 2019) that
 * would create an edition, and date feeds, in a month that has not come.
 */
export const PUBLICATION_GRACE_DAYS = 1;

/** The last day an article may be dated: today in Mexico City and the grace. */
function latestPublicationDay(today: string): string {
  return DateTime.fromISO(today, { zone: FEED_TIME_ZONE }).plus({ days: PUBLICATION_GRACE_DAYS }).toISODate() ?? today;
}

function datedAfter(article: Article, today: string, latest: string): Finding[] {
  // A month-only date is the month's first day: the current month is fine, the next one is not yet.
  const first = article.date.precision === "day" ? article.date.iso : `${article.date.iso}-01`;
  if (first <= latest) return [];
  return [
    {
      file: path.join(article.dir, ARTICLE_FILES.meta),
      field: "date",
      expected: msg("validate.notLater", { today, latest }),
      found: msg("validate.notYet", { date: JSON.stringify(article.date.iso) }),
      fix: msg("validate.fixDate"),
    },
  ];
}

/** A summary marked finished that still holds a placeholder would be published as it is. */
function leftoverPlaceholders(article: Article): Finding[] {
  return LANGUAGES.flatMap((lang) => {
    const summary = article.summaries[lang];
    if (summary.draft) return [];
    return placeholdersIn(summary).map(({ field, placeholder }) => ({
      file: summary.file,
      field,
      expected: msg("validate.finished"),
      found: verbatim(`"${placeholder}"`),
      fix:
        field === "body" && !placeholder.startsWith("[")
          ? msg("validate.fixTodo")
          : msg("validate.fixPlaceholder", { placeholder }),
    }));
  });
}

/**
 * An empty articles/ folder (a wrong --content, a botched checkout) would otherwise publish a site
 * of empty pages over the real one; so would a corpus of drafts only.
 */
function nothingToShow(dir: string, articles: Article[], includeDrafts: boolean): Finding[] {
  const folder = path.join(dir, "articles");
  const file = path.relative(process.cwd(), folder) || folder;
  if (articles.length === 0) {
    return [
      {
        file,
        expected: msg("validate.oneArticle"),
        found: msg("validate.noArticle"),
        fix: msg("validate.fixEmpty"),
      },
    ];
  }
  const drafts = articles.filter((a) => a.draft);
  if (includeDrafts || drafts.length < articles.length) return [];
  const named = drafts.slice(0, 3).map((a) => a.slug).join(", ");
  return [
    {
      file,
      expected: msg("validate.onePublished"),
      found: msg("validate.draftsOnly", { count: drafts.length, named: `${named}${drafts.length > 3 ? ", …" : ""}` }),
      fix: msg("validate.fixDrafts"),
    },
  ];
}
