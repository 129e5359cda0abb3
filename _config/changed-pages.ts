import crypto from "node:crypto";

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
 * their JSON is their content. Undefined fields are dropped by JSON alike on both sides. The pages
 * of one build share one hasher (PageHasher).
 */
export function pageHash(page: unknown, hasher = new PageHasher()): string {
  return hasher.hash(page);
}

/** A list this long has each of its items hashed on its own: a subject's list of every article holds 5,000 cards at 10,000 articles. */
const LONG_LIST = 200;
/** A text shorter than this stays in its page's text: hashing it alone would cost more than it saves. */
const HASHED_LENGTH = 256;

/**
 * Hashes the pages of one site, whose lists share objects: at 10,000 articles, 136 MB of the
 * pages' 536 MB of JSON is the 42 lists of every article of a subject, made of the same article
 * cards. A page's text is its JSON, except that in a list of LONG_LIST items or more (a field of
 * the page) each item whose JSON is HASHED_LENGTH or longer stands as `#` and the hash of its JSON,
 * worked out once per object and kept by identity: a card is written and hashed once, not once per
 * list. Other pages are hashed from their JSON as it is, which costs less than hashing their parts.
 *
 * The text depends on content only (the length of a list and of an item's JSON), so equal pages
 * give equal hashes in any process and whatever objects they share; `#` starts no JSON value, so
 * different pages give different texts, and different hashes. Page objects are data, which nothing
 * changes once built: one hasher serves one build.
 */
export class PageHasher {
  /** A long list's item → `#` and the hash of its JSON. */
  private items = new Map<object, string>();

  hash(page: unknown): string {
    if (!hasLongList(page)) return digest(String(JSON.stringify(page)));
    let text = "{";
    for (const key of Object.keys(page)) {
      const value = page[key];
      const member = isLongList(value) ? this.list(value) : JSON.stringify(value);
      if (member !== undefined) text += `${text.length > 1 ? "," : ""}${JSON.stringify(key)}:${member}`;
    }
    return digest(`${text}}`);
  }

  private list(items: unknown[]): string {
    let text = "[";
    for (let i = 0; i < items.length; i++) text += `${i > 0 ? "," : ""}${this.item(items[i]) ?? "null"}`;
    return `${text}]`;
  }

  /** An item's JSON or its hash; undefined where JSON leaves it out. */
  private item(value: unknown): string | undefined {
    if (typeof value !== "object" || value === null) return JSON.stringify(value);
    let text = this.items.get(value);
    if (text !== undefined) return text;
    text = JSON.stringify(value);
    // A value with toJSON (a date) may give none.
    if (text === undefined || text.length < HASHED_LENGTH) return text;
    text = `#${digest(text)}`;
    this.items.set(value, text);
    return text;
  }
}

const isLongList = (value: unknown): value is unknown[] => Array.isArray(value) && value.length >= LONG_LIST;

/** A plain object (a page) with a long list among its fields: JSON.stringify would call no toJSON of its own. */
function hasLongList(page: unknown): page is Record<string, unknown> {
  if (typeof page !== "object" || page === null || Array.isArray(page) || typeof (page as { toJSON?: unknown }).toJSON === "function") return false;
  for (const key in page) if (Object.hasOwn(page, key) && isLongList((page as Record<string, unknown>)[key])) return true;
  return false;
}

/** SHA-256, which this machine's processors compute twice as fast as SHA-1; in one call where Node has it (20.12 and later). */
const digest: (text: string) => string =
  typeof crypto.hash === "function" ? (text) => crypto.hash("sha256", text, "base64url") : (text) => crypto.createHash("sha256").update(text).digest("base64url");
