import { createHash } from "node:crypto";

/**
 * Incremental rendering for the development server.
 *
 * Eleventy re-renders every page of a paginated template on each rebuild, even when an editor only
 * saved one summary: on a large corpus that is most of the wait. Every page here is a plain object
 * computed in src/ (templates only format it), so a page whose object is unchanged renders to the
 * same HTML as last time, which is still on disk. The development server therefore paginates over
 * the pages whose data changed since the last successful build, and deletes the output of the pages
 * that disappeared.
 *
 *   const changes = new ChangedPages();
 *   changes.select("articles", site.articlePages)   // in the data file: what to render this build
 *   changedSite(changes, site)                        //   or: every list of pages of the site at once
 *   changes.commit()                                  // after a successful build: remember it
 *                                                     //   and return the URLs to delete
 *   changes.reset()                                   // after a change the data does not show
 *                                                     //   (a template, a stylesheet): render all
 *
 * A build that fails is never committed, so the next one renders everything the failed one should
 * have written. The pages of the last committed build are kept per group (one per paginated
 * template) and per URL, and the next build's pages are compared to them field by field: at 1,000
 * articles that is a quarter of the cost of writing every page as JSON and hashing it, and it stops
 * at a page's first difference. The pages kept are the build's own objects, not copies: a page
 * object is data, which nothing changes once it is built.
 */
export interface PageWithUrl {
  url: string;
}

export class ChangedPages {
  /** URL → page object, per group, as of the last committed build. */
  private committed = new Map<string, Map<string, unknown>>();
  /** What the build in progress selected, per group. */
  private pending = new Map<string, Map<string, unknown>>();

  /** The pages to render: new ones, and those whose data differ from the last committed build. */
  select<T extends PageWithUrl>(group: string, pages: readonly T[]): T[] {
    const before = this.committed.get(group);
    const now = new Map<string, unknown>();
    const changed: T[] = [];
    for (const page of pages) {
      now.set(page.url, page);
      if (!before?.has(page.url) || !sameData(before.get(page.url), page)) changed.push(page);
    }
    this.pending.set(group, now);
    return changed;
  }

  /**
   * The build succeeded: its pages are on disk. Returns the URLs of pages that existed after the
   * previous build and no longer do (an article folder deleted or renamed, a home page less).
   */
  commit(): string[] {
    const removed: string[] = [];
    for (const [group, now] of this.pending) {
      for (const url of this.committed.get(group)?.keys() ?? []) if (!now.has(url)) removed.push(url);
      this.committed.set(group, now);
    }
    this.pending = new Map();
    return removed.sort();
  }

  /** Forget every page: the next build renders them all. */
  reset(): void {
    this.committed = new Map();
    this.pending = new Map();
  }
}

/**
 * Whether two page objects hold the same data: the same fields with the same values, in arrays
 * the same items in the same order. A value that is neither a plain object nor an array (a date)
 * is compared by its JSON. A field set to undefined counts, so such a page may be rendered again
 * for nothing, never left out.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  if (!isPlain(a) || !isPlain(b)) return JSON.stringify(a) === JSON.stringify(b);
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The site object with each of its lists of pages (arrays of objects with a url) narrowed to the
 * pages to render, each list its own group named by its key; other fields are left as they are.
 */
export function changedSite<T extends object>(changes: ChangedPages, site: T): T {
  const entries = Object.entries(site).map(([key, value]) => [key, isPageList(value) ? changes.select(key, value) : value]);
  return Object.fromEntries(entries) as T;
}

function isPageList(value: unknown): value is PageWithUrl[] {
  return Array.isArray(value) && value.every((v) => typeof v === "object" && v !== null && typeof (v as PageWithUrl).url === "string");
}

/**
 * A page's data as one short text, for a comparison across processes (scripts/lib/site-manifest.ts).
 * Page objects are JSON-like (strings, numbers, booleans, arrays, plain objects, undefined), so
 * their JSON is their content. Undefined fields are dropped by JSON alike on both sides.
 */
export function pageHash(page: unknown): string {
  return createHash("sha1").update(JSON.stringify(page)).digest("base64url");
}

