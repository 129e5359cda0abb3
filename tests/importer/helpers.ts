import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { publicationDateSchema } from "../../src/content/schemas.ts";
import { paragraphs } from "../../src/content/text.ts";
import type { Lang } from "../../src/languages.ts";
import { jaccard, shingles } from "../../src/importer/duplicates.ts";
import { type NewArticleRequest, planArticle } from "../../src/importer/new-article.ts";

export const REPO = path.resolve(import.meta.dirname, "../..");
export const SEEDS = path.join(REPO, "tests/fixtures/seeds");
export const RAW = path.join(REPO, "tests/fixtures/raw");
export const CONTENT = path.join(REPO, "content");

/** The five seeds and the folders the editors made from them by hand (see the seeds' README). */
export const SEED_ARTICLES = {
  "000": "2024-01-19-blinken-barcena-washington",
  "001": "2021-06-harris-mexico-guatemala",
  "002": "2022-12-27-biden-mexico-title-42",
  "003": "2021-10-dialogue-securite-haut-niveau",
  "004": "2026-01-16-sheinbaum-cooperation-securite",
} as const;
export type SeedId = keyof typeof SEED_ARTICLES;

export function seedRaw(id: SeedId): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(`${id}_`));
  if (!name) throw new Error(`seed ${id} missing from ${SEEDS}`);
  return readFileSync(path.join(SEEDS, name), "utf8");
}

export function handCleaned(id: SeedId): { source: string; meta: { lang: Lang; date: string; outlet: string; title: string } } {
  const folder = path.join(CONTENT, "articles", SEED_ARTICLES[id]);
  return {
    source: readFileSync(path.join(folder, "source.txt"), "utf8"),
    meta: load(readFileSync(path.join(folder, "article.yaml"), "utf8"), { schema: CORE_SCHEMA }) as {
      lang: Lang;
      date: string;
      outlet: string;
      title: string;
    },
  };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `digest-importer-${prefix}-`));
}

/** An empty content folder, or a private copy of the real one. */
export function tempContent(options: { copyRealArticles?: boolean } = {}): string {
  const content = path.join(tempDir("content"), "content");
  mkdirSync(path.join(content, "articles"), { recursive: true });
  if (options.copyRealArticles) cpSync(path.join(CONTENT, "articles"), path.join(content, "articles"), { recursive: true });
  return content;
}

type RequestFields = Pick<NewArticleRequest, "raw" | "contentDir"> & Partial<Omit<NewArticleRequest, "date">>;

export function request(date: string, fields: RequestFields): NewArticleRequest {
  return { lang: "fr", outlet: "Outlet for tests", ...fields, date: publicationDateSchema.parse(date) };
}

/** The seed imported into an empty corpus with the metadata the editors recorded by hand. */
export function importSeed(id: SeedId, options: { withTitle: boolean } = { withTitle: true }) {
  const { meta } = handCleaned(id);
  const result = planArticle(
    request(meta.date, { raw: seedRaw(id), contentDir: tempContent(), lang: meta.lang, title: options.withTitle ? meta.title : undefined }),
    null,
  );
  if (!result.ok) throw new Error(`seed ${id} refused: ${result.refusal.message}`);
  return result.plan;
}

export function similarity(a: string, b: string): number {
  return jaccard(shingles(a), shingles(b));
}

/** Paragraphs with runs of whitespace made one space: what "the same paragraph" means here. */
export function normalizedParagraphs(text: string): string[] {
  return paragraphs(text).map((p) => p.replace(/\s+/gu, " "));
}
