import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
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

const FORMAT = 2;

/**
 * The store is a base file of every clean folder and a small file of the changes since (folders
 * checked again, folders gone), so that a build after one edit writes a few kilobytes, not the
 * whole corpus: the base is written again once the changes reach CHANGES_MIN folders and
 * CHANGES_SHARE of them.
 */
export const CHANGES_MIN = 64;
export const CHANGES_SHARE = 0.02;

interface Stored {
  format: number;
  key: string;
  /** Which base file this is, or which one these changes are to. */
  base: string;
  /**
   * Each article without its source's paragraphs, a third of its size: they are split again on
   * reading. In a file of changes, null for a folder no longer kept.
   */
  folders: [string, CheckedFolder | null][];
}

/** What was read, for the write to find what changed: the base, and the entries as they were read. */
const read = new WeakMap<ArticleFolderCache, { base: string; entries: Map<string, CheckedFolder>; changes: number }>();

let codeHash: string | undefined;

/** The reading and checking code: corpus.ts and everything it imports, with package versions. */
function readingCodeHash(): string {
  return (codeHash ??= codeHashOf(fileURLToPath(new URL("./corpus.ts", import.meta.url))));
}

/**
 * One file per content folder and working directory (the paths articles carry are shown relative
 * to it), and one of changes beside it, under a key that also holds the code.
 */
function storeOf(cacheDir: string, contentDir: string): { file: string; changes: string; key: string } {
  const where = JSON.stringify([path.resolve(contentDir), process.cwd()]);
  const file = path.join(cacheDir, CHECKED_DIR, `${createHash("sha256").update(where).digest("hex").slice(0, 16)}.json`);
  return { file, changes: file.replace(/\.json$/, ".changes.json"), key: createHash("sha256").update(where).update(readingCodeHash()).digest("hex") };
}

function readStored(file: string, key: string): Stored | null {
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as Stored;
    return stored.format === FORMAT && stored.key === key && typeof stored.base === "string" && Array.isArray(stored.folders) ? stored : null;
  } catch {
    return null;
  }
}

/** The folders the last successful build found clean, or none when it was another code or folder. */
export function readCheckedFolders(cacheDir: string, contentDir: string): ArticleFolderCache {
  const { file, changes, key } = storeOf(cacheDir, contentDir);
  const folders: ArticleFolderCache = new Map();
  const base = readStored(file, key);
  if (!base) return folders;
  const since = readStored(changes, key);
  // Changes to another base (a base written since by a build that died before its changes) are not applied.
  const changed = since?.base === base.base ? since.folders : [];
  for (const [folder, entry] of [...base.folders, ...changed]) {
    if (entry === null) folders.delete(folder);
    else folders.set(folder, entry);
  }
  for (const entry of folders.values()) if (entry.article) entry.article.source.paragraphs = paragraphs(entry.article.source.text);
  read.set(folders, { base: base.base, entries: new Map(folders), changes: changed.length });
  return folders;
}

/**
 * Keeps the folders found clean, but those changed less than RACY_MS before `checkedAt` (when the
 * check began, in ms since the epoch) and those no longer there.
 */
export function writeCheckedFolders(cacheDir: string, contentDir: string, folders: ArticleFolderCache, checkedAt: number): void {
  const { file, changes, key } = storeOf(cacheDir, contentDir);
  const clean = new Map([...folders].filter(([folder, entry]) => entry.article !== null && entry.problems.length === 0 && entry.changedMs < checkedAt - RACY_MS && existsSync(folder)));
  const before = read.get(folders);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    if (before) {
      const changed: [string, CheckedFolder | null][] = [...clean].filter(([folder, entry]) => before.entries.get(folder) !== entry);
      for (const folder of before.entries.keys()) if (!clean.has(folder)) changed.push([folder, null]);
      // Nothing read again and nothing gone: the store already says it all.
      if (changed.length === 0) return;
      if (before.changes + changed.length < Math.max(CHANGES_MIN, CHANGES_SHARE * clean.size)) {
        // The changes read, then these: entries read again replace the ones read.
        const since = readStored(changes, key);
        const all = new Map(since?.base === before.base ? since.folders : []);
        for (const [folder, entry] of changed) all.set(folder, entry);
        return writeWhole(changes, { format: FORMAT, key, base: before.base, folders: [...all].map(([folder, entry]) => [folder, entry && storable(entry)]) });
      }
    }
    const base = `${Date.now()}-${process.pid}`;
    writeWhole(file, { format: FORMAT, key, base, folders: [...clean].map(([folder, entry]) => [folder, storable(entry)]) });
    rmSync(changes, { force: true });
  } catch {
    // A cache that cannot be written only costs time on the next build.
  }
}

function storable(entry: CheckedFolder): CheckedFolder {
  return { ...entry, article: { ...entry.article!, source: { text: entry.article!.source.text, paragraphs: [] } } };
}

/**
 * Whole or not at all: a build killed while writing leaves the previous file or none. Written one
 * folder at a time, the same bytes as JSON.stringify(stored): the store of 10,000 articles as one
 * string, and the UTF-8 copy of it that writing makes, took 480 MB for a second at the end of the
 * build's model, the highest the build's memory went.
 */
function writeWhole(file: string, stored: Stored): void {
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, "w");
  try {
    const head = JSON.stringify({ format: stored.format, key: stored.key, base: stored.base, folders: [] });
    writeSync(fd, head.slice(0, -2));
    stored.folders.forEach((folder, i) => writeSync(fd, (i > 0 ? "," : "") + JSON.stringify(folder)));
    writeSync(fd, head.slice(-2));
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}
