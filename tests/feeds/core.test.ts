import { cpSync, mkdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/generate-corpus.ts";
import { analyzeCorpus, buildRegistry } from "../../src/analysis/index.ts";
import type { PublicationDate } from "../../src/content/schemas.ts";
import { curateDigest, type Digest } from "../../src/digest.ts";
import { FEED_SIZE } from "../../src/feeds/build.ts";
import { buildDigestFeeds } from "../../src/feeds/index.ts";
import { feedContentHtml } from "../../src/feeds/content-html.ts";
import { publicationInstant } from "../../src/feeds/dates.ts";
import { feedLinksFor, languageFeedLinks, pageFeeds } from "../../src/feeds/links.ts";
import { FEED_FORMATS, feedRoutes } from "../../src/feeds/routes.ts";
import { LANGUAGES } from "../../src/languages.ts";
import { copyContent, REPO, tempDir } from "../helpers/build.ts";
import { digestOf } from "../helpers/digest.ts";

const SITE = { url: "https://digest.example.org", pathPrefix: "/" };
const PREFIXED = { url: "https://digest.example.org", pathPrefix: "/digest/" };

/** Three made-up published articles and a draft, under two topics (see fixture-build.test.ts). */
const FEEDS_CONTENT = path.join(REPO, "tests/fixtures/feeds-content");

function date(iso: string): PublicationDate {
  return { iso, precision: iso.length === 10 ? "day" : "month" };
}

describe("publicationInstant", () => {
  it("puts a day at noon in Mexico City, whatever the machine's zone", () => {
    expect(publicationInstant(date("2024-01-19")).toISOString()).toBe("2024-01-19T18:00:00.000Z");
    // Summer time until 2022 (UTC−5); none since (UTC−6 all year).
    expect(publicationInstant(date("2021-06-15")).toISOString()).toBe("2021-06-15T17:00:00.000Z");
    expect(publicationInstant(date("2023-07-10")).toISOString()).toBe("2023-07-10T18:00:00.000Z");
  });

  it("puts a month on its first day", () => {
    expect(publicationInstant(date("2021-06")).toISOString()).toBe("2021-06-01T17:00:00.000Z");
    expect(publicationInstant(date("2021-12")).toISOString()).toBe("2021-12-01T18:00:00.000Z");
  });
});

describe("feedContentHtml", () => {
  it("gives root-relative links and images the site URL and prefix, and leaves the others alone", () => {
    const html = '<p><a href="/fr/articles/x/">x</a> <img src="/assets/a.png" alt=""> <a href="https://example.org/">y</a> <a href="//cdn.example.org/z">z</a> <a href="#note">n</a></p>';
    expect(feedContentHtml(html, PREFIXED)).toBe(
      '<p><a href="https://digest.example.org/digest/fr/articles/x/">x</a> <img src="https://digest.example.org/digest/assets/a.png" alt=""> <a href="https://example.org/">y</a> <a href="//cdn.example.org/z">z</a> <a href="#note">n</a></p>',
    );
  });
});

describe("feed routes", () => {
  it("localizes every path and gives each channel and format its own file", () => {
    const urls = LANGUAGES.flatMap((lang) =>
      (["language", "topic", "actor"] as const).flatMap((kind) =>
        FEED_FORMATS.map((format) => feedRoutes.feed({ kind, id: kind === "language" ? lang : "fentanyl", lang }, format)),
      ),
    );
    expect(new Set(urls).size).toBe(urls.length);
    for (const url of urls.filter((u) => u.startsWith("/fr/"))) expect(url.startsWith(feedRoutes.page("fr"))).toBe(true);
    for (const url of urls.filter((u) => u.startsWith("/es/"))) expect(url.startsWith(feedRoutes.page("es"))).toBe(true);
    expect(feedRoutes.feed({ kind: "topic", id: "fentanyl", lang: "fr" }, "atom")).toBe("/fr/flux/sujets/fentanyl.atom.xml");
    expect(feedRoutes.feed({ kind: "actor", id: "claudia-sheinbaum", lang: "es" }, "json")).toBe("/es/canales/actores/claudia-sheinbaum.json");
  });
});

describe("buildDigestFeeds", () => {
  const TARIFS = "2025-02-11-tarifs-murs-ficticio";
  let withDrafts: Digest;
  let named: Digest;

  beforeAll(async () => {
    withDrafts = await digestOf(FEEDS_CONTENT, { includeDrafts: true });
    // The fixture with one actor its articles name: "le Mexique", "México".
    const content = copyContent(FEEDS_CONTENT, "feeds-named");
    mkdirSync(path.join(content, "actors"));
    cpSync(path.join(REPO, "content/actors/mexico.yaml"), path.join(content, "actors/mexico.yaml"));
    named = await digestOf(content);
  });

  it("makes a language feed per language and a topic feed per topic and language, drafts left out", () => {
    expect(withDrafts.articles.some((a) => a.draft && a.topics.includes("fentanyl"))).toBe(true);
    const { documents } = buildDigestFeeds(withDrafts, SITE);
    expect(documents.map((d) => `${d.kind}:${d.lang}:${d.id}`)).toEqual([
      "language:es:es",
      "language:fr:fr",
      "topic:es:fentanyl",
      "topic:es:migration",
      "topic:fr:fentanyl",
      "topic:fr:migration",
    ]);
    const fentanyl = documents.find((d) => d.kind === "topic" && d.lang === "fr" && d.id === "fentanyl");
    expect(fentanyl?.items.map((i) => i.url)).toEqual([`https://digest.example.org/fr/articles/${TARIFS}/`]);
    expect(fentanyl?.urls.rss).toEqual({
      path: "/fr/flux/sujets/fentanyl.rss.xml",
      absolute: "https://digest.example.org/fr/flux/sujets/fentanyl.rss.xml",
    });
  });

  it("dates a feed by its newest item, so rebuilding later changes nothing", async () => {
    const first = buildDigestFeeds(withDrafts, SITE);
    const es = first.documents.find((d) => d.kind === "language" && d.lang === "es");
    expect(es?.updated.toISOString()).toBe("2025-02-11T18:00:00.000Z");
    expect(buildDigestFeeds({ ...withDrafts, articles: [...withDrafts.articles].reverse() }, SITE)).toEqual(first);
    // The build refuses an empty corpus (rule "empty-corpus"); the feeds of one still have a date.
    const registry = buildRegistry([], [], []);
    const nothing: Digest = curateDigest({ contentDir: "content", articles: [], registry, analysis: await analyzeCorpus([], registry) });
    const empty = buildDigestFeeds(nothing, SITE).documents;
    expect(empty.map((d) => d.updated.getTime())).toEqual([0, 0]);
  });

  it(`keeps the latest ${FEED_SIZE} articles and counts them all`, async () => {
    const content = path.join(tempDir("feeds-many"), "content");
    generateCorpus(content, FEED_SIZE + 7);
    const fr = buildDigestFeeds(await digestOf(content), SITE).documents.find((d) => d.lang === "fr");
    expect(fr?.items).toHaveLength(FEED_SIZE);
    expect(fr?.total).toBe(FEED_SIZE + 7);
    const times = fr?.items.map((i) => i.published.getTime()) ?? [];
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("names topics and actors as the registry does", () => {
    const { documents, pages } = buildDigestFeeds(named, SITE);
    const item = documents.find((d) => d.kind === "language" && d.lang === "es")?.items[0];
    expect(item?.categories).toEqual([
      { term: "fentanyl", label: "Fentanilo" },
      { term: "migration", label: "Migración" },
    ]);
    expect(documents.find((d) => d.kind === "topic" && d.lang === "fr")?.title).toContain("Fentanyl");
    const actor = documents.find((d) => d.kind === "actor" && d.lang === "es");
    expect(actor?.title).toContain("México");
    expect(actor?.urls.atom.path).toBe("/es/canales/actores/mexico.atom.xml");
    expect(pages.find((p) => p.lang === "es")?.sections.map((s) => [s.kind, s.entries.length])).toEqual([
      ["language", 1],
      ["topic", 2],
      ["actor", 1],
    ]);
  });

  it("gives every channel files of its own", () => {
    const paths = buildDigestFeeds(named, SITE).documents.flatMap((d) => FEED_FORMATS.map((format) => d.urls[format].path));
    expect(paths.some((p) => p.includes("/actores/"))).toBe(true);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("writes the XSL href with the path prefix, for the browser to resolve on the feed's own origin", () => {
    const { documents, stylesheets } = buildDigestFeeds(withDrafts, PREFIXED);
    expect(documents.find((d) => d.lang === "es")?.stylesheet).toBe("/digest/es/canales/estilo.xsl");
    expect(stylesheets).toEqual([
      { lang: "es", path: "/es/canales/estilo.xsl", css: "/digest/assets/site.css" },
      { lang: "fr", path: "/fr/flux/style.xsl", css: "/digest/assets/site.css" },
    ]);
  });
});

describe("autodiscovery links", () => {
  it("offers the language's three feeds on every page, and a subject's on its own page", () => {
    expect(languageFeedLinks("fr").map((l) => [l.type, l.url])).toEqual([
      ["application/atom+xml", "/fr/flux/articles.atom.xml"],
      ["application/rss+xml", "/fr/flux/articles.rss.xml"],
      ["application/feed+json", "/fr/flux/articles.json"],
    ]);
    const topic = feedLinksFor("topic", "fentanyl", "es", "fentanilo");
    expect(topic.map((l) => l.url)).toEqual([
      "/es/canales/temas/fentanyl.atom.xml",
      "/es/canales/temas/fentanyl.rss.xml",
      "/es/canales/temas/fentanyl.json",
    ]);
    expect(topic[0]?.title).toContain("fentanilo");
    expect(pageFeeds("es", topic)).toEqual({ page: "/es/canales/", links: [...languageFeedLinks("es"), ...topic] });
  });
});
