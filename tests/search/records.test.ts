import path from "node:path";
import { load } from "cheerio";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { canonicalBundle, languageBundle, mergeBundles } from "../../scripts/lib/pagefind-canonical.ts";
import { buildDigest } from "../../src/build-digest.ts";
import { LANGUAGES } from "../../src/languages.ts";
import { htmlText, type IndexRecord, indexRecords } from "../../src/search/index-record.ts";
import { REPO } from "../helpers/build.ts";
import { readBundle } from "../helpers/pagefind-bundle.ts";
import { SHARED_SITE_URL, sharedSite } from "../helpers/shared-sites.ts";
import { indexedPages } from "./site.ts";

/**
 * The search index is made from records of the site model, not from the built pages: each record
 * must hold what its page shows inside data-pagefind-body, less data-pagefind-ignore, and the
 * result fields, filters and sort keys its partials/search-meta.njk writes.
 */
let output: string;
let records: IndexRecord[];

beforeAll(async () => {
  output = await sharedSite("real");
  const { site } = await buildDigest(path.join(REPO, "content"), { includeDrafts: false, cacheDir: null, site: { url: SHARED_SITE_URL, pathPrefix: "/" } });
  records = indexRecords(site.pages);
});

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe("a page's search record", () => {
  it.each(LANGUAGES)("holds, in %s, the words its built page gives the index, in the same order, for every page the index holds", (lang) => {
    const pages = indexedPages(output, lang);
    const mine = records.filter((record) => record.language === lang);
    expect(mine.map((record) => record.url).sort()).toEqual([...pages.keys()].sort());
    expect(mine.filter((record) => record.url.includes("/articles/") || record.url.includes("/articulos/")).length).toBeGreaterThan(1);
    for (const record of mine) expect(words(record.content), record.url).toEqual(words(pages.get(record.url)!));
  });

  it("carries the meta, filters and sort keys its page writes for Pagefind", () => {
    for (const record of records) {
      const $ = load(readFileSync(path.join(output, record.url, "index.html"), "utf8"));
      const read = (attribute: string) =>
        $(`[${attribute}]`)
          .map((_, el) => [[$(el).attr(attribute)!.replace("[data-value]", ""), $(el).attr("data-value")!]])
          .get() as [string, string][];
      expect(read("data-pagefind-meta"), record.url).toEqual(Object.entries(record.meta));
      expect(read("data-pagefind-sort"), record.url).toEqual(Object.entries(record.sort));
      expect(read("data-pagefind-filter"), record.url).toEqual(Object.entries(record.filters).flatMap(([name, values]) => values.map((v) => [name, v])));
    }
  });

  it("is listed in one order, by URL, whatever the order of the pages", () => {
    const urls = records.map((record) => record.url);
    expect(urls).toEqual([...urls].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe("the text of a rendered summary", () => {
  it("drops markdown-it's tags and decodes the entities its escaping writes", () => {
    expect(htmlText("<p>Tom &amp; Jerry &lt;3 &quot;hi&quot; &#39;x&#39; &#x41;</p>\n<ul>\n<li><em>un</em></li>\n</ul>")).toBe(`Tom & Jerry <3 "hi" 'x' A un`);
  });
});

describe("a bundle split by language", () => {
  it("gives back the same files, byte for byte, once its languages are merged again", () => {
    const bundle = readBundle(output);
    const again = canonicalBundle(mergeBundles(LANGUAGES.map((lang) => languageBundle(bundle, lang))));
    const byPath = (files: typeof bundle) => files.map((f) => [f.path, Buffer.from(f.content).toString("base64")]).sort();
    expect(byPath(again)).toEqual(byPath(bundle));
  });

  it("keeps only its own language's index files, and the files every language shares", () => {
    const bundle = readBundle(output);
    const french = languageBundle(bundle, "fr").map((f) => f.path);
    expect(french.some((file) => file.startsWith("fragment/fr_"))).toBe(true);
    expect(french.filter((file) => /(^|\/)(pagefind\.)?es_|wasm\.es\./.test(file))).toEqual([]);
    expect(french).toContain("pagefind.js");
    expect(JSON.parse(Buffer.from(languageBundle(bundle, "fr").find((f) => f.path === "pagefind-entry.json")!.content).toString()).languages).toHaveProperty("fr");
  });
});
