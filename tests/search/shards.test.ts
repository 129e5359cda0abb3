import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/generate-corpus.ts";
import { type BundleFile, canonicalBundle } from "../../scripts/lib/pagefind-canonical.ts";
import {
  type ShardIndex,
  type ShardPlan,
  decodeRecords,
  decodeShard,
  encodeRecords,
  mergeShards,
  pageSorts,
  planPages,
  planShards,
  pruneShards,
  readZippedChunks,
  shardCount,
  shardOf,
  shardRecords,
} from "../../scripts/lib/pagefind-shards.ts";
import { indexSite } from "../../scripts/lib/search-index.ts";
import { buildDigest } from "../../src/build-digest.ts";
import { type IndexRecord, type SearchedPage, indexRecords } from "../../src/search/index-record.ts";
import { REPO, tempDir } from "../helpers/build.ts";

/**
 * A language indexed in shards and merged (scripts/lib/pagefind-shards.ts) must give the bundle of
 * one Pagefind run over all its pages: after canonicalBundle(), the same files under the same
 * names with the same bytes. The one difference allowed is documented there: a chunk that
 * chunkIndex() cuts with exactly the words of one of Pagefind's own chunks keeps, in a single run,
 * Pagefind's gzip stream, which the merge never had; its unzipped bytes must be the same.
 */

afterAll(() => pagefind.close());

/** One Pagefind run over records, in their order, as the build's worker makes it. */
async function pagefindRun(records: readonly IndexRecord[]): Promise<BundleFile[]> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join("; "));
  for (const record of records) await index.addCustomRecord(record);
  const { files } = await index.getFiles();
  await index.deleteIndex();
  return files.map((file) => ({ path: file.path, content: Buffer.from(file.content) }));
}

const EMPTY: ShardIndex = { version: "", pages: [], fragments: [], words: Buffer.alloc(0), filters: [], metaFields: [] };

/** The plan's shards, each indexed alone, then merged. */
async function mergedRun(plan: ShardPlan): Promise<BundleFile[]> {
  const bundles = await Promise.all(plan.keys.map(async (_, shard) => {
    const records = shardRecords(plan, shard);
    return records.length > 0 ? await pagefindRun(records) : null;
  }));
  const shards = bundles.map((bundle) => (bundle ? decodeShard(plan.lang, bundle) : EMPTY));
  return mergeShards(plan, shards, bundles.find((bundle) => bundle !== null)!);
}

/** Compares the canonical bundles of one run and of the merge; returns how many chunks differ only in their gzip stream. */
async function expectSameBundle(records: IndexRecord[], plan: ShardPlan): Promise<number> {
  const single = await pagefindRun(records);
  const pagefindChunks = new Set(single.filter((file) => file.path.startsWith("index/")).map((file) => Buffer.from(file.content).toString("base64")));
  const expected = new Map(canonicalBundle(single).map((file) => [file.path, Buffer.from(file.content)]));
  const actual = new Map(canonicalBundle(await mergedRun(plan)).map((file) => [file.path, Buffer.from(file.content)]));
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  let gzipOnly = 0;
  for (const [file, bytes] of expected) {
    const merged = actual.get(file)!;
    if (merged.equals(bytes)) continue;
    // Only a chunk Pagefind wrote itself, kept as it came, may differ, and only in its gzip stream.
    expect({ file, pagefindChunk: pagefindChunks.has(bytes.toString("base64")) }).toEqual({ file, pagefindChunk: true });
    expect(gunzipSync(merged).equals(gunzipSync(bytes))).toBe(true);
    gzipOnly++;
  }
  return gzipOnly;
}

/** The records the build indexes for a content folder. */
async function recordsOf(content: string): Promise<IndexRecord[]> {
  const built = await buildDigest(content, { includeDrafts: false, cacheDir: null, site: { url: "https://digest.example.org", pathPrefix: "/" } });
  return indexRecords(built.site.pages);
}

/** A plan that puts each record in the shard given, to place pages where a test needs them. */
function planOf(lang: string, records: IndexRecord[], shards: number[]): ShardPlan {
  const count = Math.max(...shards) + 1;
  return { lang, records, shardOf: shards, keys: Array.from({ length: count }, (_, shard) => `${lang}-test-${shard}`) };
}

const record = (url: string, content: string, extra: Partial<IndexRecord> = {}): IndexRecord => ({ url, language: "fr", content, meta: {}, filters: {}, sort: {}, ...extra });

describe("merging a language's shards", () => {
  let work: string;
  let generated: IndexRecord[];
  let shipped: IndexRecord[];

  beforeAll(async () => {
    work = tempDir("shards");
    const content = path.join(work, "content");
    generateCorpus(content, 90, 7);
    [generated, shipped] = await Promise.all([recordsOf(content), recordsOf(path.join(REPO, "content"))]);
  }, 120_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("gives the bundle of one Pagefind run over a generated corpus, in both languages, whatever the number of shards", async () => {
    for (const lang of ["fr", "es"]) {
      const records = generated.filter((r) => r.language === lang);
      expect(records.length).toBeGreaterThan(90);
      for (const count of [2, 7]) await expectSameBundle(records, planShards(lang, records, count).plan);
    }
  }, 120_000);

  it("gives the bundle of one Pagefind run over the shipped content, even with shards of two or three pages", async () => {
    for (const lang of ["fr", "es"]) {
      const records = shipped.filter((r) => r.language === lang);
      for (const count of [3, 24]) await expectSameBundle(records, planShards(lang, records, count).plan);
    }
  }, 120_000);

  it("renumbers the result fields a shard lacks, joins filters some shards lack, and sorts numbers and text as Pagefind does", async () => {
    const records = [
      record("/fr/a/", "Président du Mexique et présidente du Sénat", { meta: { title: "A" }, sort: { n: "10", d: "2024-05" }, filters: { pays: ["Mexique"] } }),
      record("/fr/b/", "La présidence et le président", { meta: { title: "B", type: "article" }, sort: { n: "9", d: "2024-05" } }),
      record("/fr/c/", "Frontière, frontières et sécurité", { meta: { description: "C", title: "C" }, sort: { n: "-1.5", d: "2023-12-01" }, filters: { pays: ["États-Unis", "Mexique"] } }),
      record("/fr/d/", "Sécurité à la frontière du Mexique", { meta: { type: "actor" }, sort: { n: "2.25" }, filters: { sujet: ["Sécurité"] } }),
      record("/fr/e/", "Présidente élue", { meta: { title: "E", description: "E" }, sort: { n: "1e3", d: "2024-05" } }),
      record("/fr/f/", "Le président élu du Mexique", { sort: { n: "10" }, filters: { pays: ["États-Unis"] } }),
    ];
    await expectSameBundle(records, planOf("fr", records, [0, 1, 2, 1, 2, 0]));
    await expectSameBundle(records, planOf("fr", records, [2, 2, 0, 1, 0, 1]));
  }, 60_000);

  it("names two pages of different shards whose fragment hashes begin alike as one run names them", async () => {
    // Pagefind names a fragment by the first 7 hex digits of the SHA-1 of its JSON, one more for
    // a page whose digits an earlier page has: two such pages are found among made-up ones.
    const fragment = (i: number) => `{"url":"/fr/c/${i}/","content":"mot","word_count":1,"filters":{},"meta":{},"anchors":[]}`;
    const hex = (text: string) => [...createHash("sha1").update(text).digest()].map((byte) => byte.toString(16)).join("").slice(0, 7);
    const seen = new Map<string, number>();
    let pair: [number, number] | undefined;
    for (let i = 0; pair === undefined; i++) {
      const other = seen.get(hex(fragment(i)));
      if (other !== undefined) pair = [other, i];
      else seen.set(hex(fragment(i)), i);
    }
    const records = [record(`/fr/c/${pair[0]}/`, "mot"), record("/fr/m/", "autre mot"), record(`/fr/c/${pair[1]}/`, "mot")];
    const single = await pagefindRun(records);
    const names = single.filter((file) => file.path.startsWith("fragment/")).map((file) => file.path);
    expect(names).toContain(`fragment/fr_${hex(fragment(pair[0]))}.pf_fragment`);
    expect(names.filter((name) => new RegExp(`^fragment/fr_${hex(fragment(pair[1]))}[0-9a-f]\\.pf_fragment$`).test(name))).toHaveLength(1);
    await expectSameBundle(records, planOf("fr", records, [0, 0, 1]));
    await expectSameBundle(records, planOf("fr", records, [1, 0, 0]));
  }, 60_000);

  it("refuses a number whose order in Pagefind this code does not know, rather than sort it otherwise", () => {
    expect(pageSorts([record("/a/", "x", { sort: { n: "2" } }), record("/b/", "y", { sort: { n: "10" } })])).toEqual([["n", [0, 1]]]);
    expect(pageSorts([record("/a/", "x", { sort: { n: "b" } }), record("/b/", "y", { sort: { n: "10" } })])).toEqual([["n", [1, 0]]]);
    for (const value of ["1.", ".5", "+1", "inf", "NaN"]) expect(() => pageSorts([record("/a/", "x", { sort: { n: value } })])).toThrow(/sort value/);
  });
});

describe("shards", () => {
  it("are powers of two of at least 256 pages, and a page keeps its shard, or moves to its half, as a language grows", () => {
    expect([1, 511, 512, 1023, 1024, 10_000].map(shardCount)).toEqual([1, 1, 2, 2, 4, 32]);
    for (const url of ["/fr/articles/2024/a/", "/es/articulos/2019/b/", "/fr/sujets/x/"]) {
      expect(shardOf(url, 16) % 8).toBe(shardOf(url, 8));
    }
  });
});

describe("a language indexed in shards by indexSite()", () => {
  const lang = "fr";
  const records = Array.from({ length: 600 }, (_, i) =>
    record(`/fr/p/${String(i).padStart(4, "0")}/`, `Page ${i} sur la frontière, la sécurité et le mot ${(i * 7919) % 613}`, { meta: { title: `Page ${i}` }, sort: { date: `2024-${String((i % 12) + 1).padStart(2, "0")}` }, filters: { groupe: [`g${i % 5}`] } }),
  );
  let work: string;
  beforeAll(() => {
    work = tempDir("shards-site");
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const tree = (dir: string) =>
    Object.fromEntries(
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(entry.parentPath, entry.name))
        .map((file) => [path.relative(dir, file), createHash("sha256").update(readFileSync(file)).digest("hex")])
        .sort(),
    );

  it("after one page's edit indexes again only that page's shard, drops the old one from the cache, and writes what a build from nothing writes", async () => {
    const cache = path.join(work, "cache");
    const site = path.join(work, "site");
    const first = await indexSite(site, records, undefined, cache);
    expect(first.indexed).toEqual([lang]);
    const shardsIn = (dir: string) => readdirSync(dir).filter((name) => name.endsWith(".shard")).sort();
    const before = shardsIn(cache);
    expect(before).toHaveLength(shardCount(records.length));

    const edited = records.map((r, i) => (i === 123 ? { ...r, content: `${r.content} et un ajout` } : r));
    const second = await indexSite(site, edited, { dir: path.join(site, "pagefind"), languages: first.languages }, cache);
    expect(second.indexed).toEqual([lang]);
    const after = shardsIn(cache);
    expect(after).toHaveLength(before.length);
    // One shard is kept as it was; the edited one is under a new key and its old file is gone.
    expect(after.filter((name) => before.includes(name))).toHaveLength(before.length - 1);

    const fresh = path.join(work, "fresh");
    await indexSite(fresh, edited, undefined, path.join(work, "fresh-cache"));
    expect(tree(path.join(site, "pagefind"))).toEqual(tree(path.join(fresh, "pagefind")));
    // The digests of the bundle last written are kept, and only those.
    expect(readdirSync(cache).filter((name) => name.startsWith("published-"))).toHaveLength(1);
    // And with every shard in the cache, into a folder of its own.
    const warm = path.join(work, "warm");
    await indexSite(warm, edited, undefined, cache);
    expect(tree(path.join(warm, "pagefind"))).toEqual(tree(path.join(fresh, "pagefind")));
  }, 120_000);

  it("keeps the zipped chunks of the last bundle only, and gives a build from nothing's bytes with them, a cache of another format, or none", async () => {
    const cache = path.join(work, "zip-cache");
    const site = path.join(work, "zip-site");
    const first = await indexSite(site, records, undefined, cache);
    const chunksOf = (dir: string) => readdirSync(path.join(dir, "pagefind", "index")).map((name) => readFileSync(path.join(dir, "pagefind", "index", name)).toString("base64")).sort();
    const kept = () => [...readZippedChunks(cache, lang).earlier.values()].map((content) => Buffer.from(content).toString("base64")).sort();
    expect(readdirSync(cache).filter((name) => name.endsWith(".zipped"))).toEqual([`chunks-${lang}.zipped`]);
    expect(kept()).toEqual(chunksOf(site));

    const edited = records.map((r, i) => (i === 321 ? { ...r, content: `${r.content} puis un mot nouveau` } : r));
    await indexSite(site, edited, { dir: path.join(site, "pagefind"), languages: first.languages }, cache);
    const fresh = path.join(work, "zip-fresh");
    await indexSite(fresh, edited, undefined, path.join(work, "zip-fresh-cache"));
    expect(tree(path.join(site, "pagefind"))).toEqual(tree(path.join(fresh, "pagefind")));
    // The chunks of the bundle before the edit are gone from the cache: only this bundle's are kept.
    expect(kept()).toEqual(chunksOf(site));

    writeFileSync(path.join(cache, `chunks-${lang}.zipped`), "digest-search-chunks 0\nnot chunks");
    const other = path.join(work, "zip-other");
    await indexSite(other, edited, undefined, cache);
    expect(tree(path.join(other, "pagefind"))).toEqual(tree(path.join(fresh, "pagefind")));
    expect(kept()).toEqual(chunksOf(other));

    // A language the site no longer has takes its chunks with it.
    pruneShards(cache, [planShards("es", [record("/es/p/1/", "Una página", { language: "es" })]).plan]);
    expect(readdirSync(cache).filter((name) => name.endsWith(".zipped"))).toEqual([]);
  }, 120_000);

  it("indexes again a shard whose file in the cache cannot be read, asking the build for its records, and writes what a build from nothing writes", async () => {
    const cache = path.join(work, "cut-cache");
    await indexSite(path.join(work, "cut-first"), records, undefined, cache);
    const [cut, ...others] = readdirSync(cache).filter((name) => name.endsWith(".shard")).sort();
    writeFileSync(path.join(cache, cut!), readFileSync(path.join(cache, cut!)).subarray(0, 40));
    const site = path.join(work, "cut-site");
    const made: string[] = [];
    const pages = records.map((r): SearchedPage => ({ url: r.url, language: r.language, record: () => (made.push(r.url), r) }));
    await indexSite(site, pages, undefined, cache);
    expect(tree(path.join(site, "pagefind"))).toEqual(tree(path.join(work, "cut-first", "pagefind")));
    // Every record is made once to be hashed, and those of the shard cut short once more, when the thread asks for them.
    const again = made.length - records.length;
    expect(again).toBeGreaterThan(0);
    expect(again).toBeLessThan(records.length);
    expect(readdirSync(cache).filter((name) => name.endsWith(".shard")).sort()).toEqual([cut, ...others].sort());
  }, 120_000);

  it("plans from pages one shard at a time what planShards() plans from records, sending only the shards the cache lacks", () => {
    const pages = records.map((r): SearchedPage => ({ url: r.url, language: r.language, record: () => r }));
    const whole = planShards(lang, records);
    const cold = planPages(lang, pages, new Set());
    expect(cold.hash).toBe(whole.hash);
    expect(cold.plan.keys).toEqual(whole.plan.keys);
    expect(cold.plan.shardOf).toEqual(whole.plan.shardOf);
    expect([...cold.sent.keys()].sort()).toEqual(whole.plan.keys.map((_, shard) => shard));
    for (const [shard, bytes] of cold.sent) expect(decodeRecords(bytes)).toEqual(shardRecords(whole.plan, shard));
    // The plan keeps what the merge reads: each record's URL, language and sort keys, not its text.
    expect(cold.plan.records.map((r) => [r.url, r.sort, r.content])).toEqual(records.map((r) => [r.url, r.sort, ""]));
    expect(cold.first).toBeUndefined();

    // The shard of an edited page: the cache has an earlier one under another key.
    const edited = whole.plan.keys.map((key, shard) => (shard === 1 ? `${key.slice(0, -4)}edit` : key));
    const warm = planPages(lang, pages, new Set(edited));
    expect([...warm.sent.keys()]).toEqual([1]);
    expect(decodeRecords(warm.sent.get(1)!)).toEqual(shardRecords(whole.plan, 1));
    const all = planPages(lang, pages, new Set(whole.plan.keys));
    expect(all.sent.size).toBe(0);
    expect(decodeRecords(all.first!)).toEqual(records.slice(0, 1));
    // One shard is never taken from the cache: its records are always sent.
    const small = planPages(lang, pages.slice(0, 10), new Set(planShards(lang, records.slice(0, 10)).plan.keys));
    expect(decodeRecords(small.sent.get(0)!)).toEqual(records.slice(0, 10));
  });

  it("sends records as they were, whatever their characters", () => {
    const odd = [record("/fr/é/", "L’asile « ici » — 😀 \u2028 \"cité\"\n\\", { meta: { title: "Ñandú" }, filters: { a: ["b", "ç"] } }), record("/fr/x/", "")];
    for (const list of [odd, odd.slice(0, 1), []]) {
      const bytes = encodeRecords(list);
      expect(decodeRecords(bytes)).toEqual(list);
      expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
    }
  });

  it("gives, in shards, the bundle of one Pagefind run", async () => {
    const { plan } = planShards(lang, records);
    expect(plan.keys).toHaveLength(2);
    await expectSameBundle(records, plan);
  }, 120_000);
});
