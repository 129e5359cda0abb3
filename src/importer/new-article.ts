import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ARTICLE_FILES, type Article, readCorpus } from "../content/corpus.ts";
import { slugify } from "../text/fold.ts";
import type { Problem } from "../content/problems.ts";
import { type PublicationDate, SLUG } from "../content/schemas.ts";
import { LANGUAGES, type Lang } from "../languages.ts";
import { type EditorLang, formatNumber, msg, say } from "../messages/index.ts";
import { type CleanResult, clean } from "./clean.ts";
import { articleYaml, summaryMarkdown } from "./drafts.ts";
import { type Duplicate, SAME_TEXT_SIMILARITY, findDuplicate, readExistingArticles, withoutTracking } from "./duplicates.ts";
import { chooseTitle } from "./heading.ts";
import type { Suggest, Suggestions } from "./suggest.ts";

/**
 * A new article, from a page's raw text to its folder: plan first (clean, title, refusals,
 * analysis, files), write only a plan that was not refused, then read the folder back with the
 * corpus loader. Planning reads the corpus and writes nothing, so a refusal leaves no trace.
 */

export interface NewArticleRequest {
  raw: string;
  lang: Lang;
  date: PublicationDate;
  outlet: string;
  url?: string;
  title?: string;
  /** The folder name; by default the date and the title's first significant words. */
  slug?: string;
  contentDir: string;
}

export interface ArticlePlan {
  slug: string;
  folder: string;
  title: string;
  titleFrom: "option" | "heading";
  /** The cleaned text, without the heading that became the title. */
  cleaned: CleanResult;
  /** Null when the analysis is not available. */
  suggestions: Suggestions | null;
  files: { name: string; content: string }[];
}

export type Refusal =
  | { reason: "empty-text" | "no-title" | "slug-taken" | "bad-slug"; message: string }
  | { reason: "duplicate"; message: string; duplicate: Duplicate };

export type PlanResult = { ok: true; plan: ArticlePlan } | { ok: false; refusal: Refusal };

const SLUG_WORDS = 4;
/** Words that say nothing in a folder name. */
const SLUG_SKIP = new Set(
  "le la les l d de des du un une et en au aux pour par sur dans avec ce cette son sa ses qui que el los las lo del y con por para se su sus al una es est".split(" "),
);

export function articleSlug(date: PublicationDate, title: string): string {
  const words = slugify(title)
    .split("-")
    .filter((w) => w.length > 1 && !SLUG_SKIP.has(w))
    .slice(0, SLUG_WORDS);
  return [date.iso, ...words].join("-");
}

/** The plan for the new folder, or why there is none, said in the editor's language (`lang`). */
export function planArticle(request: NewArticleRequest, suggest: Suggest | null, lang: EditorLang = "en"): PlanResult {
  const t = (key: string, params?: Record<string, string | number>) => say(lang, msg(key, params));
  const refuse = (reason: Exclude<Refusal["reason"], "duplicate">, message: string): PlanResult => ({
    ok: false,
    refusal: { reason, message },
  });

  if (request.raw.trim() === "") return refuse("empty-text", t("new.rawEmpty"));
  const cleaned = clean(request.raw, request.lang);
  if (cleaned.paragraphs.length === 0) {
    return refuse("empty-text", t("new.nothingLeft"));
  }

  const choice = chooseTitle(cleaned.paragraphs, request.title);
  const paragraphs = choice?.paragraphs ?? cleaned.paragraphs;
  const text = `${paragraphs.join("\n\n")}\n`;

  const existing = readExistingArticles(request.contentDir);
  const duplicate = findDuplicate({ url: request.url, text }, existing);
  if (duplicate) {
    return { ok: false, refusal: { reason: "duplicate", message: describeDuplicate(duplicate, lang), duplicate } };
  }

  if (!choice) {
    const first = cleaned.paragraphs[0] ?? "";
    return refuse("no-title", t("new.noHeading", { paragraph: first.length > 80 ? `${first.slice(0, 77)}…` : first }));
  }

  const slug = request.slug ?? articleSlug(request.date, choice.title);
  if (!SLUG.test(slug)) {
    return refuse("bad-slug", t("new.badSlug", { slug }));
  }
  const folder = path.join(request.contentDir, "articles", slug);
  const taken = existing.find((a) => a.slug === slug);
  if (taken) {
    return refuse("slug-taken", t("new.slugTaken", { folder: taken.dir }));
  }

  const suggestions = suggest ? suggest(text, request.lang, request.date) : null;
  const source = { lang: request.lang, title: choice.title };
  const files = [
    {
      name: ARTICLE_FILES.meta,
      content: articleYaml({
        lang: request.lang,
        date: request.date.iso,
        outlet: request.outlet,
        url: request.url === undefined ? undefined : withoutTracking(request.url),
        title: choice.title,
        topics: suggestions?.topics ?? [],
      }),
    },
    { name: ARTICLE_FILES.source, content: text },
    ...LANGUAGES.map((lang) => ({ name: ARTICLE_FILES.summary(lang), content: summaryMarkdown(lang, source, suggestions) })),
  ];

  return {
    ok: true,
    plan: {
      slug,
      folder,
      title: choice.title,
      titleFrom: choice.from,
      cleaned: { ...cleaned, paragraphs, text },
      suggestions,
      files,
    },
  };
}

function describeDuplicate(duplicate: Duplicate, lang: EditorLang): string {
  if (duplicate.kind === "url") return say(lang, msg("new.sameAddress", { folder: duplicate.article.dir, url: duplicate.url }));
  return say(
    lang,
    msg("new.sameText", {
      percent: formatNumber(lang, duplicate.similarity * 100, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      file: `${duplicate.article.dir}/${ARTICLE_FILES.source}`,
      threshold: SAME_TEXT_SIMILARITY * 100,
    }),
  );
}

/**
 * Writes the folder whole or not at all: the files go to a hidden folder (which the corpus
 * loader ignores) that is then renamed into place.
 */
export function writeArticle(plan: ArticlePlan): void {
  const articles = path.dirname(plan.folder);
  mkdirSync(articles, { recursive: true });
  const staging = path.join(articles, `.new-${plan.slug}-${process.pid}`);
  mkdirSync(staging);
  try {
    for (const file of plan.files) writeFileSync(path.join(staging, file.name), file.content);
    renameSync(staging, plan.folder);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** What `npm run check` says about the new folder, read back by the corpus loader. */
export function checkArticle(contentDir: string, plan: ArticlePlan): { problems: Problem[]; article?: Article } {
  const { articles, problems } = readCorpus(contentDir);
  const inside = path.resolve(plan.folder) + path.sep;
  return {
    problems: problems.filter((p) => path.resolve(p.file).startsWith(inside)),
    article: articles.find((a) => a.slug === plan.slug),
  };
}
