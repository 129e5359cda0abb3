import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import Parser from "rss-parser";
import { expect } from "vitest";
import { LANGUAGES, type Lang } from "../../src/languages.ts";

/** What the feed tests need to read a built site's feeds, as a feed reader and a strict XML parser would. */

export type Format = "atom" | "rss" | "json";

export interface BuiltFeed {
  /** Site-relative URL, as written: "/fr/flux/articles.atom.xml". */
  url: string;
  file: string;
  lang: Lang;
  format: Format;
  text: string;
}

const FORMAT_OF: Array<[string, Format]> = [
  [".atom.xml", "atom"],
  [".rss.xml", "rss"],
  [".json", "json"],
];

/** Every feed file in a built site, found on disk rather than from the code that wrote them. */
export function builtFeeds(output: string): BuiltFeed[] {
  const feeds: BuiltFeed[] = [];
  for (const lang of LANGUAGES) {
    const files = readdirSync(path.join(output, lang), { recursive: true, encoding: "utf8" });
    for (const relative of files.sort()) {
      const format = FORMAT_OF.find(([ending]) => relative.endsWith(ending))?.[1];
      if (!format) continue;
      const file = path.join(output, lang, relative);
      feeds.push({ url: `/${lang}/${relative.split(path.sep).join("/")}`, file, lang, format, text: readFileSync(file, "utf8") });
    }
  }
  return feeds;
}

export function htmlPages(output: string, lang: Lang): string[] {
  return readdirSync(path.join(output, lang), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html"))
    .map((f) => `/${lang}/${f.split(path.sep).join("/")}`);
}

/**
 * The file an absolute URL of the site points at, or a failed expectation: the URL must start with
 * the site URL and path prefix exactly once.
 */
export function fileFor(output: string, url: string, base: string): string {
  expect(url.startsWith(base), `${url} starts with ${base}`).toBe(true);
  const sitePath = url.slice(base.length - 1);
  const prefix = new URL(base).pathname;
  if (prefix !== "/") expect(sitePath.startsWith(prefix), `${url} has the path prefix once`).toBe(false);
  return path.join(output, sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath);
}

export function expectResolves(output: string, url: string, base: string): void {
  const file = fileFor(output, url, base);
  expect(existsSync(file), `${url} → ${file}`).toBe(true);
}

/** Strict well-formedness: a feed reader's XML parser refuses what this refuses. */
export function expectWellFormed(xml: string, where: string): void {
  const result = XMLValidator.validate(xml);
  expect(result === true ? true : JSON.stringify(result.err), where).toBe(true);
}

const REPEATED = new Set([
  "feed.link",
  "feed.entry",
  "feed.entry.link",
  "feed.entry.category",
  "rss.channel.item",
  "rss.channel.item.category",
]);

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  ignoreDeclaration: true,
  ignorePiTags: false,
  parseTagValue: false,
  // Elements that may repeat are always arrays, even when a feed holds one.
  isArray: (_name, jpath) => REPEATED.has(String(jpath)),
});

export interface XmlDocument {
  [key: string]: any;
}

export function parseXml(text: string): XmlDocument {
  return xml.parse(text) as XmlDocument;
}

export const reader = new Parser();

/** The href of <?xml-stylesheet?>, read from the text: fast-xml-parser keeps processing instructions as tags. */
export function stylesheetHref(text: string): string | undefined {
  return /<\?xml-stylesheet href="([^"]+)" type="text\/xsl"\?>/.exec(text)?.[1];
}

/** Every http(s) URL a feed mentions, in attributes, elements or escaped HTML. */
export function urlsIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s"<>&]+/g)].map((m) => m[0]);
}

export function autodiscovery(html: string): Array<{ type: string; title: string; href: string }> {
  const $ = load(html);
  return $('head link[rel="alternate"][type]')
    .map((_, el) => ({ type: $(el).attr("type") ?? "", title: $(el).attr("title") ?? "", href: $(el).attr("href") ?? "" }))
    .get();
}

export const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
export const RFC_822 = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;

export const MEDIA_TYPE: Record<Format, string> = {
  atom: "application/atom+xml",
  rss: "application/rss+xml",
  json: "application/feed+json",
};
