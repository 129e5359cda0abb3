import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PageHasher } from "../../_config/changed-pages.ts";
import type { SiteConfig } from "../../src/config.ts";
import type { FeedDocument } from "../../src/feeds/build.ts";
import type { Page } from "../../src/site/index.ts";
import { MARKER } from "./output-guard.ts";
import { removeTree } from "./output-publish.ts";

/**
 * What a production build remembers of the site it published, so that the next build rewrites
 * only what changed. Every page is a plain object computed in src/ and templates only format it,
 * so a page whose object, templates and code are the same renders to the same file: that file is
 * taken from the published site (a hard link, the new site being assembled beside it) instead of
 * being rendered again. The search index is kept per language the same way (search-index.ts).
 *
 * It lives in the cache folder and is only an optimization: deleted, or describing another site
 * than the one in the output folder, the build renders everything.
 */
export interface SiteManifest {
  /** The published folder it describes. */
  output: string;
  /**
   * That folder's marker as the build that wrote the manifest left it: each publish writes a new
   * marker, so a site published there by any other build (another cache folder, an older build)
   * no longer matches and is never taken for this one.
   */
  marker: { ino: number; mtimeMs: number };
  /** A hash of what turns page objects into files: templates, code, the site's address. */
  code: string;
  /** Page URL → hash of its page object. */
  pages: Record<string, string>;
  /** Feed (its Atom path) → hash of its feed document, which gives its Atom, RSS and JSON files. */
  feeds: Record<string, string>;
  /** Language → hash of its search records. */
  search: Record<string, string>;
}

/** Files and folders, from the project's root, whose content can change a page's HTML for the same page object. */
const RENDERING_CODE = ["_includes", "_config", "_data", "content/pages", "content/feeds", "content/assets", "src", "scripts/lib", "eleventy.config.ts", "package-lock.json"];

const ROOT = path.resolve(import.meta.dirname, "../..");

/** A hash of the templates, the code and the address the site is built for. */
export function renderingCodeHash(site: SiteConfig): string {
  const hash = createHash("sha256").update(JSON.stringify(site));
  for (const entry of RENDERING_CODE) {
    const full = path.join(ROOT, entry);
    if (!existsSync(full)) continue;
    const files = statSync(full).isDirectory()
      ? readdirSync(full, { recursive: true, withFileTypes: true })
          .filter((file) => file.isFile())
          .map((file) => path.join(file.parentPath, file.name))
          .sort()
      : [full];
    for (const file of files) {
      const content = readFileSync(file);
      hash.update(`${path.relative(ROOT, file)}:${content.length}:`).update(content);
    }
  }
  return hash.digest("base64url");
}

function manifestFile(cacheDir: string, output: string): string {
  return path.join(cacheDir, "rendered", `${createHash("sha256").update(output).digest("hex").slice(0, 16)}.json`);
}

function markerOf(output: string): SiteManifest["marker"] | null {
  try {
    const { ino, mtimeMs } = statSync(path.join(output, MARKER));
    return { ino, mtimeMs };
  } catch {
    return null;
  }
}

/** The manifest of the site now in `output`, when it was written by a build of the same code; null otherwise. */
export function readManifest(cacheDir: string, output: string, code: string): SiteManifest | null {
  let manifest: SiteManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile(cacheDir, output), "utf8")) as SiteManifest;
  } catch {
    return null;
  }
  const marker = markerOf(output);
  const same = manifest.output === output && manifest.code === code && marker !== null && marker.ino === manifest.marker?.ino && marker.mtimeMs === manifest.marker?.mtimeMs;
  return same ? manifest : null;
}

/** Written once the site is published: describes what is now in `output`. */
export function writeManifest(cacheDir: string, output: string, content: Omit<SiteManifest, "output" | "marker">): void {
  const marker = markerOf(output);
  if (!marker) return;
  const file = manifestFile(cacheDir, output);
  mkdirSync(path.dirname(file), { recursive: true });
  // Whole or not at all: a build killed while writing leaves the previous manifest or none.
  writeFileSync(`${file}.tmp`, JSON.stringify({ output, marker, ...content }));
  renameSync(`${file}.tmp`, file);
}

/** One thing Eleventy renders from one object: its key in the manifest and the files it writes. */
export interface Rendered {
  key: string;
  files: string[];
}

export const pageFiles = (page: Page): Rendered => ({ key: page.url, files: [pageFile(page.url)] });
export const feedFiles = (feed: FeedDocument): Rendered => ({ key: feed.urls.atom.path, files: Object.values(feed.urls).map((url) => pageFile(url.path)) });

/**
 * What to render of a list of objects (pages, feeds): new ones, changed ones, and those one of
 * whose files is not in the published site; and the files of the others, kept as they are. The
 * lists of one build share a hasher, as their objects share cards.
 */
export function planRender<T>(items: readonly T[], describe: (item: T) => Rendered, previous: Record<string, string> | undefined, output: string, hasher = new PageHasher()) {
  const hashes: Record<string, string> = {};
  const render: T[] = [];
  const kept: string[] = [];
  for (const item of items) {
    const { key, files } = describe(item);
    hashes[key] = hasher.hash(item);
    if (previous?.[key] === hashes[key] && files.every((file) => existsSync(path.join(output, file)))) kept.push(...files);
    else render.push(item);
  }
  return { hashes, render, kept };
}

/**
 * Where the site the last build replaced is kept, beside its manifest, to be assembled into the
 * next one (keepFiles): most of its files are already links to the published ones, so a rebuild
 * creates and deletes only what changed instead of 25,000 folders and links at 10,000 articles.
 */
export function sparePath(cacheDir: string, output: string): string | undefined {
  const spare = path.resolve(manifestFile(cacheDir, output).replace(/\.json$/, ".site"));
  // A cache folder inside the output would have the replaced site published inside the new one.
  const relative = path.relative(path.resolve(output), spare);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative)) ? undefined : spare;
}

/** What keepFiles did: files already in place in the spare site, files linked, entries deleted. */
export interface Kept {
  reused: number;
  linked: number;
  removed: number;
}

/**
 * Starts the site being assembled in `staging` (missing) from the spare site (the one the last
 * build replaced): true when there is one and it could be moved there. Its folder `apart`, which
 * another step writes while the files are kept (the search bundle), is deleted at once, so that
 * step writes into an empty folder and keepFiles leaves it alone.
 */
export function takeSpare(spare: string | undefined, staging: string, apart?: string): boolean {
  try {
    if (spare === undefined || !lstatSync(spare).isDirectory()) return false;
    renameSync(spare, staging);
  } catch {
    return false;
  }
  if (apart !== undefined) removeTree(path.join(staging, apart));
  return true;
}

/**
 * Puts the published files of unchanged pages and feeds into the site being assembled, and nothing
 * else. Hard links: nothing is copied, and neither site is ever written through them (the new one
 * is assembled in a folder of its own, the files Eleventy writes are other pages' files).
 *
 * With `spare` (the site being assembled is the spare site, takeSpare), each of its files that is
 * the published file itself (the same inode: a link made by an earlier build) and still kept
 * stays; every other entry is deleted but the folder `apart`, so what Eleventy and Pagefind write
 * goes into new files, as in an empty folder. The result is the same folder either way.
 */
export function keepFiles(output: string, staging: string, files: readonly string[], { spare = false, apart }: { spare?: boolean; apart?: string } = {}): Kept {
  const kept = new Set(files);
  const done = new Set<string>();
  const counts: Kept = { reused: 0, linked: 0, removed: 0 };
  if (spare) {
    // Folders of kept files stay, even when emptied: the file is linked into it below.
    const needed = new Set<string>();
    for (const file of files) for (let dir = path.dirname(file); dir !== "." && !needed.has(dir); dir = path.dirname(dir)) needed.add(dir);
    const prune = (dir: string, relative: string): boolean => {
      let empty = true;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const name = relative === "" ? entry.name : path.join(relative, entry.name);
        const full = path.join(dir, entry.name);
        if (name === apart) empty = false;
        else if (entry.isDirectory()) {
          if (prune(full, name) && !needed.has(name)) {
            rmdirSync(full);
            counts.removed++;
          } else empty = false;
        } else if (entry.isFile() && kept.has(name) && sameFile(full, path.join(output, name))) {
          done.add(name);
          counts.reused++;
          empty = false;
        } else {
          unlinkSync(full);
          counts.removed++;
        }
      }
      return empty;
    };
    prune(staging, "");
  }
  const made = new Set<string>();
  for (const file of files) {
    if (done.has(file)) continue;
    const dir = path.dirname(path.join(staging, file));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    try {
      linkSync(path.join(output, file), path.join(staging, file));
    } catch {
      // A file system without hard links: a copy keeps the same bytes.
      copyFileSync(path.join(output, file), path.join(staging, file));
    }
    counts.linked++;
  }
  return counts;
}

function sameFile(a: string, b: string): boolean {
  try {
    const [first, second] = [lstatSync(a), lstatSync(b)];
    return first.isFile() && first.ino === second.ino && first.dev === second.dev;
  } catch {
    return false;
  }
}

/** Where Eleventy writes a permalink: `index.html` inside a URL that ends with a slash, the URL itself otherwise. */
function pageFile(url: string): string {
  const relative = url.replace(/^\//, "");
  return url.endsWith("/") ? path.join(relative, "index.html") : relative;
}
