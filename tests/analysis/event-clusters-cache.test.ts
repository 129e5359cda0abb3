import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { curateEvents } from "../../src/analysis/aggregate.ts";
import { analyzeCorpus, buildRegistry, type Registry } from "../../src/analysis/index.ts";
import { corpusSalience } from "../../src/analysis/salience.ts";
import type { Article } from "../../src/content/corpus.ts";
import { curateDigest } from "../../src/digest.ts";
import { realArticles, realRegistry } from "./support.ts";

/**
 * The events' clusters are kept in the analysis cache folder between builds: read when every
 * source is the one they were worked out from, worked out again when any source, the registry or
 * an article's date differs. A file whose key matches is proved read by tampering with it.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "digest-clusters-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = () => path.join(dir, "aggregates", "event-clusters.json");

async function digestOf(articles: Article[], registry: Registry) {
  const analysis = await analyzeCorpus(articles, registry, { cacheDir: dir });
  return curateDigest({ contentDir: "content", articles, registry, analysis }, { cacheDir: dir });
}

/** The events worked out from scratch, with no cache at all. */
async function fresh(articles: Article[], registry: Registry) {
  const analysis = await analyzeCorpus(articles, registry);
  const analyses = articles.map((a) => analysis.articles.get(a.slug)!);
  return curateEvents(analyses, corpusSalience(analyses, new Map(articles.map((a) => [a.slug, a]))));
}

/** Keeps only the first event in the stored clusters, under the same key. */
function tamper(): void {
  const stored = JSON.parse(readFileSync(file(), "utf8")) as { key: string; clusters: unknown[] };
  writeFileSync(file(), JSON.stringify({ key: stored.key, clusters: stored.clusters.slice(0, 1) }));
}

describe("the events' clusters kept between builds", () => {
  const articles = realArticles();
  const registry = realRegistry();

  it("are written by a build and read by the next one over the same sources", async () => {
    const first = await digestOf(articles, registry);
    expect(first.events.length).toBeGreaterThan(1);
    expect(first.events).toEqual(await fresh(articles, registry));
    tamper();
    expect((await digestOf(articles, registry)).events).toHaveLength(1);
  });

  it("are kept when only a summary changes, and the events still follow its salience", async () => {
    await digestOf(articles, registry).then((d) => d.events);
    const edited = articles.map((a, i) =>
      i === 0 ? { ...a, summaries: { ...a.summaries, fr: { ...a.summaries.fr, lede: `${a.summaries.fr.lede} Une phrase de plus.` } } } : a,
    );
    const read = await digestOf(edited, registry);
    expect(read.events).toEqual(await fresh(edited, registry));
    tamper();
    expect((await digestOf(edited, registry)).events).toHaveLength(1);
  });

  const changes: Array<[string, () => { articles: Article[]; registry: Registry }]> = [
    ["an article's date", () => ({ articles: articles.map((a, i) => (i === 0 ? { ...a, date: { iso: "2019-02-11", precision: "day" as const } } : a)), registry })],
    ["an article's source text", () => ({ articles: articles.map((a, i) => (i === 1 ? { ...a, source: { ...a.source, text: `${a.source.text}\n\nLe 3 mars 2024, une réunion a eu lieu.` } } : a)), registry })],
    ["the articles (one left out)", () => ({ articles: articles.slice(1), registry })],
    [
      "a registry entry",
      () => {
        const [first, ...rest] = [...registry.actors.values()];
        const renamed = { ...first!, aliases: { ...first!.aliases, any: [...(first!.aliases?.any ?? []), "Nom de code Faucon"] } };
        return { articles, registry: buildRegistry([renamed, ...rest], [...registry.roles.values()], [...registry.topics.values()]) };
      },
    ],
  ];

  it.each(changes)("are worked out again when %s changes", async (_, change) => {
    await digestOf(articles, registry).then((d) => d.events);
    tamper();
    const next = change();
    const events = (await digestOf(next.articles, next.registry)).events;
    expect(events.length).toBeGreaterThan(1);
    expect(events).toEqual(await fresh(next.articles, next.registry));
  });

  it("are ignored when the file names a date its source does not have", async () => {
    await digestOf(articles, registry).then((d) => d.events);
    const stored = JSON.parse(readFileSync(file(), "utf8")) as { key: string; clusters: Array<Array<[string, number, string | null]>> };
    stored.clusters[0]![0]![1] = 9999;
    writeFileSync(file(), JSON.stringify(stored));
    expect((await digestOf(articles, registry)).events).toEqual(await fresh(articles, registry));
  });

  it("are neither read nor written without a cache folder", async () => {
    const analysis = await analyzeCorpus(articles, registry);
    const digest = curateDigest({ contentDir: "content", articles, registry, analysis });
    expect(digest.events).toEqual(await fresh(articles, registry));
    expect(() => readFileSync(file())).toThrow();
  });
});
