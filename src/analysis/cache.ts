import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Article } from "../content/corpus.ts";
import type { ArticleAnalysis } from "./analyze.ts";

/**
 * Analyses are kept between builds, one JSON file per article in .cache/analysis/, under a key
 * that changes when anything the analysis reads changes: the article's texts and metadata, the
 * registry, and the analysis code itself. A rebuild re-analyzes only what changed. A file that
 * cannot be read or parsed, or that holds another key, is ignored and rewritten.
 */
export const DEFAULT_CACHE_DIR = path.join(".cache", "analysis");

export function analysisKey(article: Article, registryHash: string): string {
  const hash = createHash("sha256");
  for (const part of [
    analysisCodeHash(),
    registryHash,
    article.slug,
    article.lang,
    article.date.iso,
    article.topics.join(","),
    article.source.text,
    ...[article.summaries.fr, article.summaries.es].flatMap((s) => [s.title, s.lede, s.markdown]),
  ]) {
    // Lengths first, so that no two different lists of parts hash the same.
    hash.update(`${part.length}:`).update(part);
  }
  return hash.digest("hex");
}

let codeHash: string | undefined;

/**
 * A hash of the analysis' source code: of analyze.ts and of every module it imports, followed
 * through relative imports. Any change to a rule then makes cached analyses stale, with no
 * version number to remember to bump. The code does not change while a process runs.
 */
function analysisCodeHash(): string {
  if (codeHash) return codeHash;
  const hash = createHash("sha256");
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    hash.update(`${path.basename(file)}:${code.length}:`).update(code);
    for (const [, specifier] of code.matchAll(/\bfrom\s+"(\.{1,2}\/[^"]+)"/g)) visit(path.resolve(path.dirname(file), specifier!));
  };
  visit(fileURLToPath(new URL("./analyze.ts", import.meta.url)));
  return (codeHash = hash.digest("hex"));
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
    if (!this.dir) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      // Written beside, then renamed: a build interrupted mid-write leaves no half file.
      const temporary = `${this.file(slug)}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ key, analysis }));
      renameSync(temporary, this.file(slug));
    } catch {
      // A cache that cannot be written only costs time on the next build.
    }
  }

  private keep(key: string, analysis: ArticleAnalysis): void {
    if (this.memory.size >= MEMORY_LIMIT) this.memory.clear();
    this.memory.set(key, analysis);
  }
}

const MEMORY_LIMIT = 50_000;
