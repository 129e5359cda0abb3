import { lstatSync, readdirSync, type Stats } from "node:fs";
import path from "node:path";
import { LANGUAGES, type Lang } from "../languages.ts";
import { type Message, msg } from "../messages/index.ts";
import { type ContentFolder, contentFolder, readContentText, refusedEntry, SIZE_LIMITS, type SizeLimit } from "./files.ts";
import { splitFrontMatter } from "./frontmatter.ts";
import { renderMarkdown } from "./markdown.ts";
import { type Finding, type Problem, problemsFromZod, underRule } from "./problems.ts";
import {
  type ArticleMeta,
  articleMetaSchema,
  type PublicationDate,
  SLUG,
  type Summary,
  sourceTextSchema,
  summarySchema,
} from "./schemas.ts";
import { slugify } from "../text/fold.ts";
import { detached, paragraphs } from "./text.ts";
import { readYaml } from "./yaml.ts";

/**
 * The corpus on disk:
 *
 *   content/articles/<slug>/article.yaml     metadata (lang, date, outlet, url, title)
 *   content/articles/<slug>/source.txt       the source text, in its own language
 *   content/articles/<slug>/summary.fr.md    curated French summary (front matter + Markdown)
 *   content/articles/<slug>/summary.es.md    curated Spanish summary
 *
 * Article folders may be grouped in sub-folders (by year, say); the slug is the folder's own name
 * and must be unique across the corpus.
 */
export const ARTICLE_FILES = {
  meta: "article.yaml",
  source: "source.txt",
  summary: (lang: Lang) => `summary.${lang}.md`,
} as const;

const SUMMARY_FILE = /^summary\.([^.]+)\.md$/;

export interface LoadedSummary extends Omit<Summary, "body"> {
  lang: Lang;
  file: string;
  markdown: string;
  html: string;
}

export interface Article {
  slug: string;
  /** Folder, relative to the content folder, as editors see it. */
  dir: string;
  lang: Lang;
  date: PublicationDate;
  outlet?: string;
  url?: string;
  title: string;
  /** Topic ids chosen by the editors (content/topics/<id>.yaml); authoritative over suggestions. */
  topics: string[];
  source: { text: string; paragraphs: string[] };
  summaries: Record<Lang, LoadedSummary>;
  /** True when the metadata or either summary is still a draft. */
  draft: boolean;
}

/**
 * Every article under content/articles/ (drafts included), and every problem found reading them:
 * one folder's problems keep that article out.
 */
export function readCorpus(contentDir: string, folders?: ArticleFolderCache): { articles: Article[]; problems: Problem[] } {
  const { articles, problems } = readArticles(contentDir, folders);
  return { articles, problems: underRule("article-file", problems) };
}

/** The content folder the files must be in (src/content/files.ts), and what the walk refused. */
interface Reader {
  content: ContentFolder;
  display: (file: string) => string;
  /** Entries reported by the walk, by path: reported once, even with an article file's name. */
  refused: ReadonlyMap<string, Finding>;
  /** Each article folder's entries, as the walk listed them. */
  names: ReadonlyMap<string, string[]>;
}

function readArticles(contentDir: string, folders: ArticleFolderCache | undefined): { articles: Article[]; problems: Finding[] } {
  const problems: Finding[] = [];
  const articles: Article[] = [];
  const content = contentFolder(contentDir);
  const { display } = content;
  const root = path.join(contentDir, "articles");

  let rootStat: Stats;
  try {
    rootStat = lstatSync(root);
  } catch {
    problems.push({
      file: display(root),
      expected: msg("corpus.articlesFolder"),
      found: msg("corpus.noFolder"),
      fix: msg("corpus.fixArticlesFolder"),
    });
    return { articles, problems };
  }
  const refusedRoot = refusedEntry(root, rootStat, content, "folder");
  if (refusedRoot) {
    problems.push({ file: display(root), ...refusedRoot });
    return { articles, problems };
  }

  const walk = findArticleFolders(root, content);
  problems.push(...walk.refused.values());
  const reader: Reader = { content, display, refused: walk.refused, names: walk.names };
  const seen = new Map<string, string>();
  for (const folder of walk.folders) {
    const slug = path.basename(folder);
    const before = problems.length;
    if (!SLUG.test(slug)) {
      problems.push({
        file: display(folder),
        field: "folder name",
        expected: msg("corpus.slug"),
        found: msg("verbatim", { text: JSON.stringify(slug) }),
        fix: msg("corpus.renameTo", { slug: slugify(slug) }),
      });
    }
    const earlier = seen.get(slug);
    if (earlier !== undefined) {
      problems.push({
        file: display(folder),
        field: "folder name",
        expected: msg("corpus.uniqueSlug"),
        found: msg("corpus.sameSlug", { folder: display(earlier) }),
        fix: msg("corpus.renameOne"),
      });
    }
    seen.set(slug, folder);
    const { article, problems: found } = readArticleCached(folders, folder, slug, reader);
    problems.push(...found);
    if (article && problems.length === before) articles.push(article);
  }
  return { articles, problems };
}

/**
 * Folders that hold article files, sorted; folders that only hold folders are groupings. The
 * loader and the importer's duplicate check both walk the corpus this way.
 */
export function articleFolders(root: string): string[] {
  return findArticleFolders(root, contentFolder(path.dirname(root))).folders;
}

/**
 * The same walk, with what it refuses to enter or to read, each with its problem, by path: links
 * (wherever they lead), pipes, devices, sockets, folders it cannot list. Hidden entries (the
 * importer's staging folders among them) are left alone.
 */
export function findArticleFolders(root: string, content: ContentFolder): { folders: string[]; refused: Map<string, Finding>; names: Map<string, string[]> } {
  const found: string[] = [];
  const names = new Map<string, string[]>();
  const refused: [string, Finding][] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      const code = (error as { code?: string }).code ?? String(error);
      refused.push([dir, { file: content.display(dir), expected: msg("file.listable"), found: msg("file.unlistable", { code: String(code) }), fix: msg("file.checkPermissions") }]);
      return;
    }
    if (entries.some((e) => e.isFile() && !e.name.startsWith("."))) {
      found.push(dir);
      names.set(dir, entries.map((e) => e.name));
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.isFile()) {
        const problem = refusedEntry(full, lstatSync(full), content, "file or folder");
        if (problem) refused.push([full, { file: content.display(full), ...problem }]);
      }
    }
  };
  walk(root);
  return { folders: found.sort(), refused: new Map(refused.sort(([a], [b]) => a.localeCompare(b))), names };
}

/**
 * Each folder's result, kept for as long as its files are unchanged: a development server that
 * reloads after every save passes the same cache to each rebuild, and a production build one read
 * from the cache folder (src/content/checked-folders.ts), so each re-reads only the articles that
 * changed. Dropping it changes only speed.
 */
export type ArticleFolderCache = Map<string, CheckedFolder>;

export interface CheckedFolder {
  /** The folder's entries as they were when read (folderSignature). */
  signature: string;
  article: Article | null;
  problems: Finding[];
  /** The latest change (ctime or mtime, in ms) of any of those entries. */
  changedMs: number;
}

/**
 * What a folder's files are, without reading them: each entry's name, device and inode, size, modification
 * time and change time, to the nanosecond. Any write to a file moves its change time, and so does
 * setting its modification time back (touch -d, cp -p, rsync -t); an editor that saves through a
 * new file and a rename changes its inode. A file with the same signature has the same bytes,
 * unless it was written within the clock's resolution of being read (see RACY_MS).
 */
export function folderSignature(folder: string, names: readonly string[] = readdirSync(folder)): { signature: string; changedMs: number } {
  let changedNs = 0n;
  const signature = [...names]
    .sort()
    .map((name) => {
      const stat = lstatSync(path.join(folder, name), { bigint: true });
      const changed = stat.ctimeNs > stat.mtimeNs ? stat.ctimeNs : stat.mtimeNs;
      if (changed > changedNs) changedNs = changed;
      return `${name}:${stat.mode}:${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
    })
    .join("|");
  return { signature, changedMs: Number(changedNs / 1_000_000n) };
}

function readArticleCached(
  articleCache: ArticleFolderCache | undefined,
  folder: string,
  slug: string,
  reader: Reader,
): { article: Article | null; problems: Finding[] } {
  // With no cache to keep it in (a production build reads every folder once), a folder's
  // signature would cost a listing and an lstat per file for nothing.
  if (!articleCache) {
    const problems: Finding[] = [];
    return { article: readArticle(folder, slug, problems, reader), problems };
  }
  const { signature, changedMs } = folderSignature(folder, reader.names.get(folder));
  const cached = articleCache.get(folder);
  if (cached && cached.signature === signature) return cached;
  const problems: Finding[] = [];
  const article = readArticle(folder, slug, problems, reader);
  const entry = { signature, article, problems, changedMs };
  articleCache.set(folder, entry);
  return entry;
}

function readArticle(folder: string, slug: string, problems: Finding[], reader: Reader): Article | null {
  const { display } = reader;
  const files = new Set(readdirSync(folder));
  for (const name of files) {
    const summaryLang = SUMMARY_FILE.exec(name)?.[1];
    if (summaryLang !== undefined && !(LANGUAGES as readonly string[]).includes(summaryLang)) {
      problems.push({
        file: display(path.join(folder, name)),
        expected: msg("corpus.summaryNames", { fr: ARTICLE_FILES.summary("fr"), es: ARTICLE_FILES.summary("es") }),
        found: msg("corpus.summaryLang", { lang: summaryLang ?? "" }),
        fix: msg("corpus.renameSummary"),
      });
    }
  }

  const metaFile = path.join(folder, ARTICLE_FILES.meta);
  const meta = readYamlFile(metaFile, articleMetaSchema, problems, reader, {
    limit: SIZE_LIMITS.articleMeta,
    missing: files.has("article.yml")
      ? msg("corpus.renameYml")
      : msg("corpus.createMeta"),
  });

  const sourceFile = path.join(folder, ARTICLE_FILES.source);
  const sourceRaw = readText(sourceFile, problems, reader, SIZE_LIMITS.source, msg("corpus.pasteSource"));
  let source: Article["source"] | null = null;
  if (sourceRaw !== null) {
    const parsed = sourceTextSchema.safeParse(sourceRaw);
    if (parsed.success) source = { text: parsed.data, paragraphs: paragraphs(parsed.data) };
    else problems.push(...problemsFromZod(display(sourceFile), parsed.error, sourceRaw));
  }

  const summaries: Partial<Record<Lang, LoadedSummary>> = {};
  for (const lang of LANGUAGES) {
    const summary = readSummary(path.join(folder, ARTICLE_FILES.summary(lang)), lang, problems, reader);
    if (summary) summaries[lang] = summary;
  }

  if (!meta || !source || !summaries.fr || !summaries.es) return null;
  const complete = summaries as Record<Lang, LoadedSummary>;
  return {
    slug,
    dir: display(folder),
    lang: meta.lang,
    date: meta.date,
    // The texts the site shows, in memory of their own rather than views of article.yaml (detached()).
    outlet: meta.outlet === undefined ? undefined : detached(meta.outlet),
    url: meta.url,
    title: detached(meta.title),
    topics: meta.topics ?? [],
    source,
    summaries: complete,
    draft: Boolean(meta.draft || complete.fr.draft || complete.es.draft),
  };
}

/** The file's text (src/content/files.ts), or null with its problem recorded. */
function readText(file: string, problems: Finding[], reader: Reader, limit: SizeLimit, fixWhenMissingOrEmpty: Message): string | null {
  const { display } = reader;
  // A link or a pipe the walk reported is not read, nor reported again.
  if (reader.refused.has(file)) return null;
  const read = readContentText(file, reader.content, limit);
  if (!read.ok) {
    problems.push(read.missing ? { file: display(file), expected: msg("corpus.thisFile"), found: msg("corpus.noFile"), fix: fixWhenMissingOrEmpty } : read.problem);
    return null;
  }
  if (read.text.trim() === "") {
    problems.push({ file: display(file), expected: msg("corpus.content"), found: msg("corpus.emptyFile"), fix: fixWhenMissingOrEmpty });
    return null;
  }
  return read.text;
}

function readYamlFile<T>(
  file: string,
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: import("zod").ZodError } },
  problems: Finding[],
  reader: Reader,
  hints: { missing: Message; limit: SizeLimit },
): T | null {
  const { display } = reader;
  const text = readText(file, problems, reader, hints.limit, hints.missing);
  if (text === null) return null;
  const parsed = readYaml(text, display(file));
  if (!parsed.ok) {
    problems.push(parsed.problem);
    return null;
  }
  const result = schema.safeParse(parsed.value);
  if (result.success) return result.data;
  problems.push(...problemsFromZod(display(file), result.error, parsed.value));
  return null;
}

function readSummary(file: string, lang: Lang, problems: Finding[], reader: Reader): LoadedSummary | null {
  const { display } = reader;
  const text = readText(
    file,
    problems,
    reader,
    SIZE_LIMITS.summary,
    msg("corpus.writeSummary"),
  );
  if (text === null) return null;
  const split = splitFrontMatter(text);
  if (!split) {
    problems.push({
      file: display(file),
      expected: msg("corpus.frontMatter"),
      found: msg("corpus.noFrontMatter"),
      fix: msg("corpus.fixFrontMatter"),
    });
    return null;
  }
  const parsed = readYaml(split.yaml, display(file), split.yamlLine);
  if (!parsed.ok) {
    problems.push(parsed.problem);
    return null;
  }
  const input =
    parsed.value !== null && typeof parsed.value === "object" && !Array.isArray(parsed.value)
      ? { ...parsed.value, body: split.body }
      : parsed.value;
  const result = summarySchema.safeParse(input);
  if (!result.success) {
    problems.push(...problemsFromZod(display(file), result.error, input));
    return null;
  }
  const { body, ...frontMatter } = result.data;
  // The title and lede the site shows, in memory of their own rather than views of the whole file (detached()).
  return { ...frontMatter, title: detached(frontMatter.title), lede: detached(frontMatter.lede), lang, file: display(file), markdown: body, html: renderMarkdown(body) };
}

export function sortNewestFirst(articles: Article[]): Article[] {
  // Month-only dates sort as the first of their month; ties keep a stable order by slug.
  return [...articles].sort((a, b) =>
    a.date.iso === b.date.iso ? a.slug.localeCompare(b.slug) : b.date.iso.localeCompare(a.date.iso),
  );
}
