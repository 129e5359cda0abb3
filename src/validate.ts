import path from "node:path";
import { checkArticleTopics } from "./analysis/topics.ts";
import { loadRegistry, type Registry } from "./analysis/registry.ts";
import { readCorpus, type Article, type ArticleFolderCache } from "./content/corpus.ts";
import { type Finding, type Problem, underRule } from "./content/problems.ts";
import { placeholdersIn } from "./editorial/placeholders.ts";
import { LANGUAGES } from "./languages.ts";

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

/**
 * `includeDrafts` says whether drafts would be shown: the development server shows them, the build
 * and the check judge what the build would publish.
 */
export function validateContent(contentDir: string, folders?: ArticleFolderCache, { includeDrafts = false } = {}): ValidatedContent {
  const dir = path.resolve(contentDir);
  const corpus = readCorpus(dir, folders);
  const { registry, problems: registryProblems } = loadRegistry(dir);
  const problems = [...corpus.problems, ...registryProblems];
  // With an article refused, the count says nothing: its problems already block.
  if (corpus.problems.length === 0) problems.push(...underRule("empty-corpus", nothingToShow(dir, corpus.articles, includeDrafts)));
  // Cross-references are checked against a registry that loaded cleanly: a broken one would make
  // every topic unknown.
  if (registryProblems.length === 0) problems.push(...checkArticles(corpus.articles, registry));
  return { dir, articles: corpus.articles, registry, problems };
}

/** What holds between articles and the registry, and what only a whole article shows. */
export function checkArticles(articles: Article[], registry: Registry): Problem[] {
  return [...checkArticleTopics(articles, registry), ...underRule("placeholder-left", articles.flatMap(leftoverPlaceholders))];
}

/** A summary marked finished that still holds a placeholder would be published as it is. */
function leftoverPlaceholders(article: Article): Finding[] {
  return LANGUAGES.flatMap((lang) => {
    const summary = article.summaries[lang];
    if (summary.draft) return [];
    return placeholdersIn(summary).map(({ field, placeholder }) => ({
      file: summary.file,
      field,
      expected: "a finished summary, without the placeholders `npm run new` leaves",
      found: `"${placeholder}"`,
      fix:
        field === "body" && !placeholder.startsWith("[")
          ? "delete the to-do block once the summary is written, or put back draft: true while it is not"
          : `replace "${placeholder}" with the text it stands for, or put back draft: true while it is not written`,
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
        expected: "at least one article (a folder with article.yaml, source.txt, summary.fr.md and summary.es.md)",
        found: "no article at all",
        fix: "add an article (npm run new), or point --content at the folder that holds the articles: an empty corpus would replace the whole site with empty pages",
      },
    ];
  }
  const drafts = articles.filter((a) => a.draft);
  if (includeDrafts || drafts.length < articles.length) return [];
  const named = drafts.slice(0, 3).map((a) => a.slug).join(", ");
  return [
    {
      file,
      expected: "at least one published article (one that is not a draft)",
      found: `drafts only (${drafts.length}: ${named}${drafts.length > 3 ? ", …" : ""})`,
      fix: "remove draft: true from the article.yaml and the summaries of an article that is ready; until then the development server (npm start) shows the drafts",
    },
  ];
}
