import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { threadId } from "node:worker_threads";
import type { Article } from "../content/corpus.ts";
import { eventClusters, type EventClusters } from "./aggregate.ts";
import type { ArticleAnalysis } from "./analyze.ts";

/**
 * Analyses are kept between builds, one JSON file per article in .cache/analysis/, under a key
 * that changes when anything the analysis reads changes: the article's texts, title and metadata, the
 * registry, the analysis code itself and the versions of the packages it imports. A rebuild
 * re-analyzes only what changed. A file that cannot be read or parsed, or that holds another key,
 * is ignored and rewritten.
 */
export const DEFAULT_CACHE_DIR = path.join(".cache", "analysis");

export function analysisKey(article: Article, registryHash: string): string {
  return analysisKeys(article, registryHash).analysis;
}

/**
 * The key of the article's analysis, and the key of its source's analysis alone: what the source's
 * analysis reads (the source's text, title and metadata, the registry, the code), not the
 * summaries nor the assigned topics. What is derived from the sources only (the events' clusters,
 * EventClusterCache) is kept under the second, so a summary edit keeps it.
 */
export function analysisKeys(article: Article, registryHash: string): { analysis: string; source: string } {
  const hash = createHash("sha256");
  // Lengths first, so that no two different lists of parts hash the same.
  const add = (part: string) => hash.update(`${part.length}:`).update(part);
  for (const part of [analysisCodeHash(), registryHash, article.slug, article.lang, article.date.iso, article.date.precision]) add(part);
  // The source's title weighs its topic terms (src/analysis/topics.ts).
  add(article.title);
  add(article.source.text);
  const source = hash.copy().digest("hex");
  add(article.topics.join(","));
  for (const s of [article.summaries.fr, article.summaries.es]) for (const part of [s.title, s.lede, s.markdown]) add(part);
  return { analysis: hash.digest("hex"), source };
}

let codeHash: string | undefined;

/**
 * A hash of the analysis' code: of analyze.ts and of every module whose values it uses, followed
 * through relative imports, and of the version of every package they import. Any change to a rule
 * or an upgrade of a package then makes cached analyses stale, with no version number to remember
 * to bump. The code does not change while a process runs.
 */
function analysisCodeHash(): string {
  return (codeHash ??= codeHashOf(fileURLToPath(new URL("./analyze.ts", import.meta.url))));
}

/**
 * The hash of `entry` and of what it imports, type-only imports left out (`import type …`,
 * `export type … from`, or braces holding only `type` names): they bring no code the analysis
 * runs, so editing a module that only declares types (src/content/corpus.ts) keeps the cache.
 */
export function codeHashOf(entry: string): string {
  const hash = createHash("sha256");
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    hash.update(`${path.basename(file)}:${code.length}:`).update(code);
    for (const specifier of runtimeImports(code)) {
      if (specifier.startsWith(".")) visit(path.resolve(path.dirname(file), specifier));
      else if (!isBuiltin(specifier)) {
        const name = packageName(specifier);
        hash.update(`package:${name}@${packageVersion(name, path.dirname(file))};`);
      }
    }
  };
  visit(entry);
  return hash.digest("hex");
}

// An import or re-export at the start of a line: its clause (names, braces, `* as`) and module.
const IMPORT = /^[ \t]*(?:import|export)\s+(type\s+)?(?:([\w$\s{},*]*?)\s*from\s*)?"([^"]+)"/gm;
// import("…"), and require("…"), with which a module loads a package lazily through createRequire.
const DYNAMIC_IMPORT = /\b(?:import|require)\(\s*"([^"]+)"\s*\)/g;

/** The modules `code` imports for their values, in the order written. */
export function runtimeImports(code: string): string[] {
  const found: string[] = [];
  for (const [, typeOnly, clause, specifier] of code.matchAll(IMPORT)) {
    if (typeOnly || (clause !== undefined && onlyTypes(clause))) continue;
    found.push(specifier!);
  }
  for (const [, specifier] of code.matchAll(DYNAMIC_IMPORT)) found.push(specifier!);
  return found;
}

/** `{ type A, type B }` and nothing else: no default, no namespace, no value name. */
function onlyTypes(clause: string): boolean {
  const braces = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!braces) return false;
  const names = braces[1]!.split(",").map((name) => name.trim()).filter(Boolean);
  return names.length > 0 && names.every((name) => /^type\s/.test(name));
}

/** "@orama/stemmers/fr" is the package "@orama/stemmers"; "chrono-node/fr" is "chrono-node". */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** The version in the package.json that Node would find from `dir`, or "missing". */
function packageVersion(name: string, dir: string): string {
  for (let at = dir; ; at = path.dirname(at)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(at, "node_modules", name, "package.json"), "utf8")) as { version?: unknown };
      return String(manifest.version);
    } catch {
      // Not installed here: Node looks in the parent folder's node_modules next.
    }
    if (path.dirname(at) === at) return "missing";
  }
}

export class AnalysisCache {
  /**
   * `dir`: where analyses are written (null: nowhere). `memory`: analyses already read or made,
   * by key; a caller that passes the same map to each build (the development server) reads no
   * file twice. A map kept too long is cleared rather than grown without end.
   */
  constructor(
    private readonly dir: string | null,
    private readonly memory: Map<string, ArticleAnalysis>,
  ) {}

  private file(slug: string): string {
    return path.join(this.dir!, `${slug}.json`);
  }

  get(slug: string, key: string): ArticleAnalysis | null {
    const known = this.memory.get(key);
    if (known) return known;
    if (!this.dir) return null;
    try {
      const stored = JSON.parse(readFileSync(this.file(slug), "utf8")) as { key?: unknown; analysis?: ArticleAnalysis };
      const analysis = stored.analysis;
      const whole = analysis?.slug === slug && Array.isArray(analysis.source?.mentions) && Array.isArray(analysis.summaries?.es?.figures);
      if (stored.key !== key || !whole) return null;
      this.keep(key, analysis as ArticleAnalysis);
      return analysis as ArticleAnalysis;
    } catch {
      return null;
    }
  }

  set(slug: string, key: string, analysis: ArticleAnalysis): void {
    this.keep(key, analysis);
    if (this.dir) this.write(slug, key, analysis);
  }

  /** In memory only: for an analysis a worker thread has already written to the folder (write()). */
  remember(key: string, analysis: ArticleAnalysis): void {
    this.keep(key, analysis);
  }

  /** Writes one analysis to the folder, as set() does, without keeping it in memory. */
  write(slug: string, key: string, analysis: ArticleAnalysis): void {
    try {
      if (!this.made) mkdirSync(this.dir!, { recursive: true });
      this.made = true;
      // Written beside, then renamed: a build interrupted mid-write leaves no half file.
      const temporary = `${this.file(slug)}.${process.pid}.${threadId}.tmp`;
      writeFileSync(temporary, JSON.stringify({ key, analysis }));
      renameSync(temporary, this.file(slug));
    } catch {
      // A cache that cannot be written only costs time on the next build.
    }
  }

  /** The folder exists: made once per cache, not before each file. */
  private made = false;

  private keep(key: string, analysis: ArticleAnalysis): void {
    if (this.memory.size >= MEMORY_LIMIT) this.memory.clear();
    this.memory.set(key, analysis);
  }
}

const MEMORY_LIMIT = 50_000;

/**
 * The events' clusters of the last build (src/analysis/aggregate.ts, eventClusters), in one file
 * of the cache folder, under a key of every source's key (analysisKeys) in the digest's order and
 * of the code that clusters them: a build whose sources are those of the last one (a summary
 * edited, say) reads them instead of working them out; any other build works them out and
 * replaces the file. A file that cannot be read, holds another key or names a date its source does
 * not have is ignored.
 */
export class EventClusterCache {
  constructor(private readonly dir: string | null) {}

  private get file(): string {
    return path.join(this.dir!, "aggregates", "event-clusters.json");
  }

  /** The clusters of `analyses`, read or worked out (and then written); `sourceKeys` by slug. */
  clustersOf(analyses: ArticleAnalysis[], sourceKeys: ReadonlyMap<string, string>): EventClusters {
    const key = this.dir ? clustersKey(analyses, sourceKeys) : null;
    const known = key ? this.read(key, analyses) : null;
    if (known) return known;
    const clusters = eventClusters(analyses);
    if (key) this.write(key, clusters);
    return clusters;
  }

  private read(key: string, analyses: ArticleAnalysis[]): EventClusters | null {
    try {
      const stored = JSON.parse(readFileSync(this.file, "utf8")) as { key?: unknown; clusters?: unknown };
      if (stored.key !== key || !Array.isArray(stored.clusters)) return null;
      const dates = new Map(analyses.map((a) => [a.slug, a.source.dates.length]));
      const whole = (stored.clusters as unknown[]).every(
        (members) =>
          Array.isArray(members) &&
          members.length > 0 &&
          members.every((m) => Array.isArray(m) && Number.isInteger(m[1]) && m[1] >= 0 && m[1] < (dates.get(m[0]) ?? 0) && (m[2] === null || typeof m[2] === "string")),
      );
      return whole ? (stored.clusters as EventClusters) : null;
    } catch {
      return null;
    }
  }

  private write(key: string, clusters: EventClusters): void {
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.${threadId}.tmp`;
      writeFileSync(temporary, JSON.stringify({ key, clusters }));
      renameSync(temporary, this.file);
    } catch {
      // A cache that cannot be written only costs time on the next build.
    }
  }
}

let clusterCodeHash: string | undefined;

/** Null when an analysis has no source key (it was not read through analyzeCorpus): nothing is read or written then. */
function clustersKey(analyses: ArticleAnalysis[], sourceKeys: ReadonlyMap<string, string>): string | null {
  const hash = createHash("sha256");
  hash.update((clusterCodeHash ??= codeHashOf(fileURLToPath(new URL("./aggregate.ts", import.meta.url)))));
  for (const analysis of analyses) {
    const key = sourceKeys.get(analysis.slug);
    if (key === undefined) return null;
    hash.update(`${analysis.slug.length}:${analysis.slug}${key}`);
  }
  return hash.digest("hex");
}
