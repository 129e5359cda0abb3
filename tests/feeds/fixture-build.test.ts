import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO, runBuild, tempDir } from "../helpers/build.ts";
import { builtFeeds, expectResolves, parseXml, reader } from "./feed-files.ts";
import { type BuiltSite, feedInvariants } from "./invariants.ts";
import { typeset } from "../../src/i18n/typography.ts";

/**
 * tests/fixtures/feeds-content: three made-up published articles and a draft. One has titles and
 * summaries full of characters to escape and a root-relative link; one is known only to the month,
 * in a summer when Mexico City was on UTC−5; one has no topic.
 */
const CONTENT = path.join(REPO, "tests/fixtures/feeds-content");
const SITE_URL = "https://digest.example.org";
const BASE = `${SITE_URL}/`;

const TARIFS = "2025-02-11-tarifs-murs-ficticio";
const CARAVANA = "2021-07-caravana-ficticia";
const PUENTE = "2024-11-20-puente-ficticio";

let site: BuiltSite;
let rebuilt: string;

function build(prefix: string): string {
  const output = path.join(tempDir(prefix), "_site");
  const result = runBuild({ content: CONTENT, output, env: { SITE_URL, PATH_PREFIX: "/" } });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return output;
}

beforeAll(() => {
  site = { output: build("feeds-fixture"), base: BASE };
  rebuilt = build("feeds-fixture-again");
});

const read = (url: string) => readFileSync(path.join(site.output, url), "utf8");
const slugOf = (url: string) => url.split("/").at(-2);

describe("the feeds of a fixture site", () => {
  feedInvariants(() => site);

  it("writes exactly the language and topic feeds, under localized paths", () => {
    const channels = ["articles", "sujets/fentanyl", "sujets/migration"].map((c) => `/fr/flux/${c}`);
    const canales = ["articulos", "temas/fentanilo", "temas/migracion"].map((c) => `/es/canales/${c}`);
    const expected = [...channels, ...canales].flatMap((c) => [`${c}.atom.xml`, `${c}.json`, `${c}.rss.xml`]);
    expect(builtFeeds(site.output).map((f) => f.url).sort()).toEqual(expected.sort());
  });

  it("puts each article in the feeds of its topics, newest first, and never a draft", () => {
    const expected: Record<string, string[]> = {
      "/fr/flux/articles": [TARIFS, PUENTE, CARAVANA],
      "/fr/flux/sujets/fentanyl": [TARIFS],
      "/fr/flux/sujets/migration": [TARIFS, CARAVANA],
      "/es/canales/articulos": [TARIFS, PUENTE, CARAVANA],
      "/es/canales/temas/fentanilo": [TARIFS],
      "/es/canales/temas/migracion": [TARIFS, CARAVANA],
    };
    for (const [channel, slugs] of Object.entries(expected)) {
      const atom: any[] = parseXml(read(`${channel}.atom.xml`)).feed.entry;
      expect(atom.map((e) => slugOf(e.id)), channel).toEqual(slugs);
      const rss: any[] = parseXml(read(`${channel}.rss.xml`)).rss.channel.item;
      expect(rss.map((i) => slugOf(i.link)), channel).toEqual(slugs);
      expect(JSON.parse(read(`${channel}.json`)).items.map((i: any) => slugOf(i.url)), channel).toEqual(slugs);
    }
    for (const feed of builtFeeds(site.output)) expect(feed.text, feed.url).not.toContain("borrador");
  });

  it("dates an article at noon in Mexico City, the 1st of the month when only the month is known", () => {
    const atom: any[] = parseXml(read("/fr/flux/articles.atom.xml")).feed.entry;
    expect(atom.map((e) => e.published)).toEqual(["2025-02-11T18:00:00Z", "2024-11-20T18:00:00Z", "2021-07-01T17:00:00Z"]);
    const rss: any[] = parseXml(read("/es/canales/articulos.rss.xml")).rss.channel.item;
    expect(rss.map((i) => i.pubDate)).toEqual([
      "Tue, 11 Feb 2025 12:00:00 -0600",
      "Wed, 20 Nov 2024 12:00:00 -0600",
      "Thu, 01 Jul 2021 12:00:00 -0500",
    ]);
    expect(parseXml(read("/fr/flux/sujets/migration.atom.xml")).feed.updated).toBe("2025-02-11T18:00:00Z");
    expect(parseXml(read("/es/canales/temas/fentanilo.rss.xml")).rss.channel.lastBuildDate).toBe("Tue, 11 Feb 2025 12:00:00 -0600");
  });

  it.each([
    ["/fr/flux/articles", "Tarifs & « murs » : a < b & c", 'Un rapport fictif oppose droits de douane et « murs » frontaliers, et conclut que "a < b & c" ne suffit pas à juger une politique.', "droits de douane &amp; les « murs »"],
    ["/es/canales/articulos", "Aranceles & «muros»: a < b & c", 'Un informe ficticio enfrenta aranceles y «muros» fronterizos, y concluye que "a < b & c" no basta para juzgar una política.', "aranceles &amp; los «muros»"],
    // As typeset for the feed's language (src/i18n/typography.ts): French spacing, Spanish as written.
  ].map(([channel, ...texts]) => [channel, ...texts.map((text) => typeset(text!, channel!.startsWith("/fr/") ? "fr" : "es"))]))("escapes titles, ledes and summaries in %s so a reader shows them as written", async (channel, title, lede, contentPart) => {
    const atom = await reader.parseString(read(`${channel}.atom.xml`));
    const rss = await reader.parseString(read(`${channel}.rss.xml`));
    const json = JSON.parse(read(`${channel}.json`));
    const atomEntry = parseXml(read(`${channel}.atom.xml`)).feed.entry[0];
    const rssItem = parseXml(read(`${channel}.rss.xml`)).rss.channel.item[0];

    expect([atom.items[0]?.title, rss.items[0]?.title, json.items[0].title]).toEqual([title, title, title]);
    expect([atomEntry.summary, rssItem.description, json.items[0].summary]).toEqual([lede, lede, lede]);
    // The summary's HTML arrives as HTML: the text's own "<" and "&" stay escaped inside it.
    for (const html of [atom.items[0]?.content, rss.items[0]?.["content:encoded"], json.items[0].content_html]) {
      expect(html).toContain("a &lt; b &amp; c");
      expect(html).toContain(contentPart);
      expect(html).toMatch(/<strong>fent[a-z]+<\/strong>/);
    }
  });

  it("makes a summary's root-relative links absolute", () => {
    for (const [channel, articles] of [["/fr/flux/articles", "articles"], ["/es/canales/articulos", "articulos"]] as const) {
      const html: string = JSON.parse(read(`${channel}.json`)).items[0].content_html;
      const href = /<a href="([^"]+)">/.exec(html)?.[1] ?? "";
      expect(href).toBe(`${BASE}${channel.split("/")[1]}/${articles}/${CARAVANA}/`);
      expectResolves(site.output, href, BASE);
    }
  });

  it("labels items with their topics", () => {
    const entry = parseXml(read("/fr/flux/articles.atom.xml")).feed.entry[0];
    expect(entry.category.map((c: any) => [c["@term"], c["@label"]])).toEqual([["fentanyl", "Fentanyl"], ["migration", "Migration"]]);
    expect(parseXml(read("/es/canales/articulos.rss.xml")).rss.channel.item[0].category).toEqual(["Fentanilo", "Migración"]);
    const json = JSON.parse(read("/fr/flux/articles.json"));
    expect(json.items.map((i: any) => i.tags)).toEqual([["Fentanyl", "Migration"], [], ["Migration"]]);
  });

  it("titles topic feeds in their language", () => {
    expect(parseXml(read("/fr/flux/sujets/fentanyl.atom.xml")).feed.title).toContain("Fentanyl");
    expect(parseXml(read("/fr/flux/sujets/fentanyl.atom.xml")).feed.title).toContain("sujet");
    expect(parseXml(read("/es/canales/temas/fentanilo.rss.xml")).rss.channel.title).toContain("tema");
  });

  it("writes the same feeds, byte for byte, when the same content is built again", () => {
    const first = builtFeeds(site.output);
    const second = builtFeeds(rebuilt);
    expect(second.map((f) => f.url)).toEqual(first.map((f) => f.url));
    for (const [i, feed] of first.entries()) expect(second[i]?.text, feed.url).toBe(feed.text);
  });
});
