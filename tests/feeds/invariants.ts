import { readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { expect, it } from "vitest";
import { LANGUAGES } from "../../src/languages.ts";
import {
  autodiscovery,
  type BuiltFeed,
  builtFeeds,
  expectResolves,
  expectWellFormed,
  htmlPages,
  MEDIA_TYPE,
  parseXml,
  reader,
  RFC_3339,
  RFC_822,
  stylesheetHref,
} from "./feed-files.ts";

export interface BuiltSite {
  output: string;
  /** SITE_URL + PATH_PREFIX, ending in "/". */
  base: string;
}

/**
 * What holds for the feeds of any built site, whatever its content: registered as tests in the
 * calling file, once its site is built.
 */
export function feedInvariants(site: () => BuiltSite): void {
  const feeds = () => builtFeeds(site().output);
  const ofFormat = (format: BuiltFeed["format"]) => feeds().filter((f) => f.format === format);

  it("writes an Atom, an RSS and a JSON feed for each channel, at least every language's", () => {
    const all = feeds();
    for (const lang of LANGUAGES) expect(all.filter((f) => f.lang === lang).length).toBeGreaterThanOrEqual(3);
    const channels = new Set(all.map((f) => f.url.replace(/\.(atom\.xml|rss\.xml|json)$/, "")));
    for (const channel of channels) {
      expect(all.filter((f) => f.url.startsWith(`${channel}.`)).map((f) => f.format).sort(), channel).toEqual(["atom", "json", "rss"]);
    }
  });

  it("writes Atom feeds that are well-formed, in their language, with absolute links that resolve", async () => {
    const { output, base } = site();
    for (const feed of ofFormat("atom")) {
      expectWellFormed(feed.text, feed.url);
      const doc = parseXml(feed.text).feed;
      expect(doc["@xml:lang"], feed.url).toBe(feed.lang);
      const self = doc.link.find((l: any) => l["@rel"] === "self");
      expect(self["@href"]).toBe(base + feed.url.slice(1));
      expect(doc.id).toBe(self["@href"]);
      expectResolves(output, doc.link.find((l: any) => l["@rel"] === "alternate")["@href"], base);
      expect(doc.updated).toMatch(RFC_3339);
      const entries: any[] = doc.entry ?? [];
      expect(entries.length, feed.url).toBeLessThanOrEqual(50);
      const published = entries.map((e) => Date.parse(e.published));
      // Newest first, and the feed is as recent as its newest entry: never the build time.
      expect(published).toEqual([...published].sort((a, b) => b - a));
      if (entries.length > 0) expect(Date.parse(doc.updated)).toBe(published[0]);
      for (const entry of entries) {
        expect(entry.published).toMatch(RFC_3339);
        expect(entry.id).toBe(entry.link[0]["@href"]);
        expect(entry.id.startsWith(`${base}${feed.lang}/`), entry.id).toBe(true);
        expectResolves(output, entry.id, base);
      }
      const parsed = await reader.parseString(feed.text);
      expect(parsed.items.length).toBe(entries.length);
      for (const item of parsed.items) expect(item.title?.length, feed.url).toBeGreaterThan(0);
    }
  });

  it("writes RSS 2.0 feeds that are well-formed, in their language, dated RFC 822 with a zone", async () => {
    const { output, base } = site();
    for (const feed of ofFormat("rss")) {
      expectWellFormed(feed.text, feed.url);
      const rss = parseXml(feed.text).rss;
      expect(rss["@version"]).toBe("2.0");
      const channel = rss.channel;
      expect(channel.language).toBe(feed.lang);
      expect(channel["atom:link"]["@href"]).toBe(base + feed.url.slice(1));
      expectResolves(output, channel.link, base);
      expect(channel.lastBuildDate).toMatch(RFC_822);
      const items: any[] = channel.item ?? [];
      if (items.length > 0) expect(Date.parse(channel.lastBuildDate)).toBe(Date.parse(items[0].pubDate));
      for (const item of items) {
        expect(item.pubDate).toMatch(RFC_822);
        expect(item.guid["#text"]).toBe(item.link);
        expect(item.guid["@isPermaLink"]).toBe("true");
        expectResolves(output, item.link, base);
      }
      const parsed = await reader.parseString(feed.text);
      expect(parsed.items.map((i) => i.link)).toEqual(items.map((i) => i.link));
    }
  });

  it("writes JSON Feeds 1.1 with their required fields, the same items as the Atom feed", () => {
    const { output, base } = site();
    for (const feed of ofFormat("json")) {
      const json = JSON.parse(feed.text);
      expect(json.version).toBe("https://jsonfeed.org/version/1.1");
      expect(typeof json.title).toBe("string");
      expect(json.feed_url).toBe(base + feed.url.slice(1));
      expect(json.language).toBe(feed.lang);
      expectResolves(output, json.home_page_url, base);
      expect(Array.isArray(json.items)).toBe(true);
      for (const item of json.items) {
        expect(typeof item.id).toBe("string");
        expect(item.id.length).toBeGreaterThan(0);
        expect(typeof item.content_html).toBe("string");
        expect(item.date_published).toMatch(RFC_3339);
        expectResolves(output, item.url, base);
      }
      const atom = parseXml(readFileSync(feed.file.replace(/\.json$/, ".atom.xml"), "utf8")).feed;
      const entries: any[] = atom.entry ?? [];
      expect(json.items.map((i: any) => [i.id, i.date_published])).toEqual(entries.map((e) => [e.id, e.published]));
    }
  });

  it("gives Atom and RSS a stylesheet in the feed's language, under the path prefix", () => {
    const { output, base } = site();
    const prefix = new URL(base).pathname;
    for (const feed of feeds().filter((f) => f.format !== "json")) {
      const href = stylesheetHref(feed.text);
      expect(href, feed.url).toMatch(new RegExp(`^${prefix}${feed.lang}/[a-z]+/[a-z]+\\.xsl$`));
      const xsl = readFileSync(path.join(output, (href as string).slice(prefix.length - 1)), "utf8");
      expectWellFormed(xsl, href as string);
      expect(xsl).toContain(`<html lang="${feed.lang}">`);
      const strings = JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../src/i18n/${feed.lang}/feeds.json`), "utf8"));
      expect(xsl).toContain(strings.feeds.preview.notice);
      expect(xsl).toContain(`href="${prefix}assets/site.css"`);
    }
  });

  it("announces the language's feeds in the <head> of every page, and links the feeds page from the footer", () => {
    const { output, base } = site();
    for (const lang of LANGUAGES) {
      // A language's own feeds sit directly in its feeds folder: /fr/flux/articles.atom.xml.
      const languageFeeds = feeds().filter((f) => f.lang === lang && f.url.split("/").length === 4);
      expect(languageFeeds).toHaveLength(3);
      const expected = languageFeeds
        .map((f) => [MEDIA_TYPE[f.format], base + f.url.slice(1)])
        .sort((a, b) => FORMAT_ORDER.indexOf(a[0] as string) - FORMAT_ORDER.indexOf(b[0] as string));
      const pages = htmlPages(output, lang);
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) {
        const html = readFileSync(path.join(output, page), "utf8");
        const links = autodiscovery(html);
        // The language's feeds first; a topic's or an actor's page then announces its own.
        expect(links.slice(0, 3).map((l) => [l.type, l.href]), page).toEqual(expected);
        const subject = /\/(?:sujets|temas|acteurs|actores)\/([a-z0-9-]+)\/index\.html$/.exec(page)?.[1];
        expect(links.length, page).toBe(subject ? 6 : 3);
        if (subject) for (const link of links.slice(3)) expect(link.href, page).toContain(`/${subject}.`);
        for (const link of links) expect(link.title.length).toBeGreaterThan(0);
        expect(feedsPageOf(html, base), page).toBe(feedsPageOf(readFileSync(path.join(output, lang, "index.html"), "utf8"), base));
      }
    }
  });

  it("lists every feed of a language on that language's feeds page, and no other", () => {
    const { output, base } = site();
    const prefix = new URL(base).pathname;
    for (const lang of LANGUAGES) {
      const pageUrl = feedsPageOf(readFileSync(path.join(output, lang, "index.html"), "utf8"), base);
      expect(pageUrl).toMatch(new RegExp(`^/${lang}/[a-z]+/$`));
      const $ = load(readFileSync(path.join(output, pageUrl, "index.html"), "utf8"));
      expect($("html").attr("lang")).toBe(lang);
      const listed = $("main a[type]")
        .map((_, a) => $(a).attr("href") ?? "")
        .get()
        .map((href) => {
          expect(href.startsWith(prefix), href).toBe(true);
          return href.slice(prefix.length - 1);
        });
      expect(listed.sort()).toEqual(feeds().filter((f) => f.lang === lang).map((f) => f.url).sort());
      expect($(`link[rel="alternate"][hreflang="${lang === "fr" ? "es" : "fr"}"]`).attr("href")).toMatch(/\/[a-z]+\/$/);
    }
  });
}

/** The feeds page a page's footer links to, as a site path ("/fr/flux/"). */
function feedsPageOf(html: string, base: string): string {
  const prefix = new URL(base).pathname;
  const href = load(html)("footer a").last().attr("href") ?? "";
  expect(href.startsWith(prefix), href).toBe(true);
  return href.slice(prefix.length - 1);
}

const FORMAT_ORDER = [MEDIA_TYPE.atom, MEDIA_TYPE.rss, MEDIA_TYPE.json];
