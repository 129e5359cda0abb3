import path from "node:path";
import type { CandidateAggregate } from "../analysis/aggregate.ts";
import { ACTOR_KINDS, type CandidateKind } from "../analysis/candidate-kinds.ts";
import { ARTICLE_FILES, type Article, type LoadedSummary } from "../content/corpus.ts";
import { errorsIn, type Problem } from "../content/problems.ts";
import { LANGUAGES, type Lang } from "../languages.ts";
import { placeholdersIn, type PlaceholderFound } from "./placeholders.ts";

/**
 * What `npm run check` tells the editors, computed from what validation and the analysis found.
 * Which problems are errors is the rules' to say (src/content/problems.ts): the same ones stop the
 * build. Every other section informs.
 *
 *   errors       invalid files, missing summaries, unknown topics, and finished summaries that
 *                still hold the importer's placeholders
 *   unsupported  facts a summary gives that its source does not support: an error in a finished
 *                summary, a note in a draft (drafts are never published)
 *   drafts       articles not published yet, and what is left to do in each
 *   coverage     finished summaries per language; sources per language
 *   candidates   names the registry does not know, seen in several articles: likely actors to add
 */
export interface EditorialReport {
  errors: Problem[];
  unsupported: UnsupportedClaim[];
  drafts: DraftArticle[];
  coverage: Coverage;
  candidates: LikelyActor[];
  /** Errors plus unsupported claims in finished summaries: what makes `npm run check` exit 1. */
  errorCount: number;
}

export interface UnsupportedClaim extends Problem {
  /** True when the summary is a draft: reported, but it does not fail the check. */
  draft: boolean;
}

export interface DraftArticle {
  slug: string;
  dir: string;
  /** The files still marked draft, or still holding placeholders. */
  files: DraftFile[];
}

export interface DraftFile {
  file: string;
  /** The file says `draft: true`; article.yaml is listed when only it does. */
  flagged: boolean;
  placeholders: PlaceholderFound[];
}

export interface Coverage {
  articles: number;
  published: number;
  drafts: number;
  sources: Record<Lang, number>;
  /** Summaries that are neither drafts nor hold placeholders: what a reader of that language gets. */
  finishedSummaries: Record<Lang, number>;
  /** Entries of each registry, when it loaded. */
  registry: { actors: number; roles: number; topics: number } | null;
}

export interface LikelyActor {
  name: string;
  /** A person or an organization: places, programmes, events and platforms are never offered as actors. */
  kind: CandidateKind;
  articles: number;
  mentions: number;
  examples: { file: string; sentence: string }[];
}

export interface ReportInput {
  /** The articles that loaded; drafts included. */
  articles: Article[];
  /** What validation found (src/validate.ts). */
  problems: Problem[];
  /** The analysis, when the registry loaded cleanly (a broken registry makes every fact unsupported). */
  analysis: { problems: Problem[]; candidates: CandidateAggregate[] } | null;
  registry: { actors: Map<string, unknown>; roles: Map<string, unknown>; topics: Map<string, unknown> } | null;
}

/** A name seen in this many articles is worth an editor's look. */
export const CANDIDATE_MIN_ARTICLES = 2;

export function editorialReport({ articles, problems, analysis, registry }: ReportInput): EditorialReport {
  const all = [...problems, ...(analysis?.problems ?? [])];
  const isClaim = (p: Problem) => p.rule === "unsupported-fact" || p.rule === "unsupported-fact-in-draft";
  const errors = errorsIn(all).filter((p) => !isClaim(p));
  const unsupported: UnsupportedClaim[] = all.filter(isClaim).map((p) => ({ ...p, draft: p.rule === "unsupported-fact-in-draft" }));

  const byFile = (a: Problem, b: Problem) => a.file.localeCompare(b.file) || (a.field ?? "").localeCompare(b.field ?? "");
  errors.sort(byFile);
  unsupported.sort(byFile);
  return {
    errors,
    unsupported,
    drafts: articles.flatMap((a) => draftOf(a) ?? []).sort((a, b) => a.dir.localeCompare(b.dir)),
    coverage: {
      ...coverage(articles),
      registry: registry && { actors: registry.actors.size, roles: registry.roles.size, topics: registry.topics.size },
    },
    candidates: likelyActors(articles, analysis?.candidates ?? []),
    errorCount: errorsIn(all).length,
  };
}

function draftOf(article: Article): DraftArticle | null {
  const files: DraftFile[] = LANGUAGES.flatMap((lang) => {
    const summary = article.summaries[lang];
    const placeholders = summary.draft ? placeholdersIn(summary) : [];
    return summary.draft ? [{ file: summary.file, flagged: true, placeholders }] : [];
  });
  // Article.draft joins the three flags; when neither summary carries one, it is article.yaml's.
  if (article.draft && files.length === 0) files.push({ file: path.join(article.dir, ARTICLE_FILES.meta), flagged: true, placeholders: [] });
  return files.length > 0 ? { slug: article.slug, dir: article.dir, files } : null;
}

function coverage(articles: Article[]): Omit<Coverage, "registry"> {
  const count = (keep: (a: Article) => boolean) => articles.filter(keep).length;
  const perLang = (keep: (a: Article, lang: Lang) => boolean) =>
    Object.fromEntries(LANGUAGES.map((lang) => [lang, count((a) => keep(a, lang))])) as Record<Lang, number>;
  const drafts = count((a) => a.draft);
  return {
    articles: articles.length,
    published: articles.length - drafts,
    drafts,
    sources: perLang((a, lang) => a.lang === lang),
    finishedSummaries: perLang((a, lang) => !a.summaries[lang].draft && placeholdersIn(a.summaries[lang]).length === 0),
  };
}

function likelyActors(articles: Article[], candidates: CandidateAggregate[]): LikelyActor[] {
  const dirs = new Map(articles.map((a) => [a.slug, a.dir]));
  return candidates
    .filter((c) => c.articles >= CANDIDATE_MIN_ARTICLES && ACTOR_KINDS.has(c.kind))
    .map((c) => ({
      name: c.name,
      kind: c.kind,
      articles: c.articles,
      mentions: c.mentions,
      examples: c.examples.map((e) => ({ file: path.join(dirs.get(e.slug) ?? e.slug, ARTICLE_FILES.source), sentence: e.sentence })),
    }));
}
