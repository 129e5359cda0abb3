import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { codeHashOf } from "../analysis/cache.ts";
import type { ArticleFolderCache, CheckedFolder } from "./corpus.ts";
import { paragraphs } from "./text.ts";

/**
 * Article folders a production build found clean, kept in the cache folder for the next build:
 * a folder whose entries have the same signature (names, inodes, sizes, modification and change
 * times: folderSignature in corpus.ts) is taken as checked, and every other one is read and
 * checked in full. Only folders with no problem are kept, so a bad file is always read again;
 * the checks across articles (slugs, topics, dates, placeholders) run on every build. Keyed by the
 * code that reads and checks the files, so a changed rule checks everything again. Deleted, it
 * costs one full check.
 */
export const CHECKED_DIR = "checked";

/**
 * A file changed this close to the check that found it clean may have changed again within the
 * clock's resolution with the same signature (git's "racily clean" files): such a folder is not
 * kept, and the next build reads it again.
 */
export const RACY_MS = 2_000;

const FORMAT = 1;

interface Stored {
  format: number;
  key: string;
  /** Each article without its source's paragraphs, a third of its size: they are split again on reading. */
  folders: [string, CheckedFolder][];
}

let codeHash: string | undefined;

/** The reading and checking code: corpus.ts and everything it imports, with package versions. */
function readingCodeHash(): string {
  return (codeHash ??= codeHashOf(fileURLToPath(new URL("./corpus.ts", import.meta.url))));
}

/**
 * One file per content folder and working directory (the paths articles carry are shown relative
 * to it), under a key that also holds the code.
 */
function storeOf(cacheDir: string, contentDir: string): { file: string; key: string } {
  const where = JSON.stringify([path.resolve(contentDir), process.cwd()]);
  const file = path.join(cacheDir, CHECKED_DIR, `${createHash("sha256").update(where).digest("hex").slice(0, 16)}.json`);
  return { file, key: createHash("sha256").update(where).update(readingCodeHash()).digest("hex") };
}

/** The folders the last successful build found clean, or none when it was another code or folder. */
export function readCheckedFolders(cacheDir: string, contentDir: string): ArticleFolderCache {
  const { file, key } = storeOf(cacheDir, contentDir);
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as Stored;
    if (stored.format !== FORMAT || stored.key !== key || !Array.isArray(stored.folders)) return new Map();
    for (const [, entry] of stored.folders) if (entry.article) entry.article.source.paragraphs = paragraphs(entry.article.source.text);
    return new Map(stored.folders);
  } catch {
    return new Map();
  }
}

/**
 * Keeps the folders found clean, but those changed less than RACY_MS before `checkedAt` (when the
 * check began, in ms since the epoch) and those no longer there.
 */
export function writeCheckedFolders(cacheDir: string, contentDir: string, folders: ArticleFolderCache, checkedAt: number): void {
  const { file, key } = storeOf(cacheDir, contentDir);
  const clean = [...folders].filter(([folder, entry]) => entry.article !== null && entry.problems.length === 0 && entry.changedMs < checkedAt - RACY_MS && existsSync(folder));
  const stored: Stored = {
    format: FORMAT,
    key,
    folders: clean.map(([folder, entry]) => [folder, { ...entry, article: { ...entry.article!, source: { text: entry.article!.source.text, paragraphs: [] } } }]),
  };
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // Whole or not at all: a build killed while writing leaves the previous file or none.
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(stored));
    renameSync(`${file}.${process.pid}.tmp`, file);
  } catch {
    // A cache that cannot be written only costs time on the next build.
  }
}
