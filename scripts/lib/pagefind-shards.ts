import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { indexedApostrophes } from "../../src/search/apostrophes.ts";
import type { IndexRecord, SearchedPage } from "../../src/search/index-record.ts";
import {
  type BundleFile,
  CHUNK_LEVEL,
  CborReader,
  bundleCbor,
  type CborValue,
  PagefindFormatError,
  type ZippedChunks,
  byCodePoints,
  capWords,
  cborHead,
  decodeBundleFile,
  encodeBundleFile,
  gzipBundleFile,
  readEntry,
  sha1Hex,
} from "./pagefind-canonical.ts";

/**
 * Pagefind cannot add pages to an index it wrote, so a language's index was made again whole
 * after one summary was edited (23.7 s of a 54 s rebuild at 10,000 articles). Here a language's
 * pages are cut into shards, each indexed by Pagefind on its own and kept in the cache folder by
 * the hash of its records; the shards are then merged into the index Pagefind would have written
 * for all of them in one run: one list of pages in the language's order, each word's postings
 * renumbered, filters joined, sorts made again from the records' sort keys, fragments as they
 * are. A rebuild indexes only the shards whose records changed.
 *
 * The merge writes exactly the format of Pagefind 1.5.2 (scripts/lib/pagefind-canonical.ts), and
 * what it gives, after canonicalBundle(), is the bundle of one Pagefind run byte for byte
 * (tests/search/shards.test.ts), but for one thing: where a chunk cut by chunkIndex() holds the
 * very words of one of Pagefind's own chunks, a single run keeps Pagefind's gzip stream of it
 * (flate2's, which Node's zlib writes at no level), and the merge, which never had that chunk,
 * writes its own: same words, same file name, same bytes once unzipped.
 */

/**
 * The fewest pages of a shard. Each Pagefind index costs about 10 ms more than its pages (its
 * scripts and WebAssembly come back with every bundle), each page about 2 ms: a shard of 256 to
 * 511 pages is indexed again in well under a second, and the 32 shards of 10,000 pages cost a
 * cold build about 0.3 s more than one index (shards of 16 pages: a third more processor time).
 */
export const SHARD_PAGES = 256;

/**
 * How many shards a language of this many pages is cut into: a power of two, so that a language
 * that grows past a threshold splits each shard in two (the pages of shard s go to s or s + n)
 * rather than shuffling them all; every shard is indexed again once then, as its records change.
 */
export function shardCount(pages: number): number {
  let count = 1;
  while (pages >= count * 2 * SHARD_PAGES) count *= 2;
  return count;
}

/** A page's shard: from a hash of its URL, so that adding, editing or removing a page moves no other. */
export function shardOf(url: string, count: number): number {
  return createHash("sha256").update(url).digest().readUInt32BE(0) % count;
}

/**
 * A record as Pagefind reads it: its text with ASCII apostrophes between letters, which Pagefind
 * splits on, so « asile » finds « d’asile » (src/search/apostrophes.ts). Its meta, shown as it is,
 * keeps the page's ’. Applied only to the records Pagefind is given, not to those of shards in the cache.
 */
export function pagefindRecord(record: IndexRecord): IndexRecord {
  return { ...record, content: indexedApostrophes(record.content) };
}

/**
 * The Pagefind version, the code that prepares its records and the code that reads its bundles
 * (which cuts the positions a shard keeps): a shard kept by another is indexed again.
 */
const CODE = createHash("sha256")
  .update(pagefindVersion())
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .update(readFileSync(fileURLToPath(new URL("./search-index-worker.ts", import.meta.url))))
  .update(readFileSync(fileURLToPath(new URL("./pagefind-canonical.ts", import.meta.url))))
  .update(readFileSync(fileURLToPath(new URL("../../src/search/apostrophes.ts", import.meta.url))))
  .digest("base64url")
  .slice(0, 16);

function pagefindVersion(): string {
  const main = fileURLToPath(import.meta.resolve("pagefind"));
  return (JSON.parse(readFileSync(path.join(path.dirname(main), "..", "package.json"), "utf8")) as { version: string }).version;
}

/** One language's pages, cut into shards, each named by the hash of what Pagefind is given. */
export interface ShardPlan {
  lang: string;
  /** Every record of the language, in the order of its index (by URL). */
  records: IndexRecord[];
  /** The shard of each record. */
  shardOf: number[];
  /** For each shard, its cache key: a hash of its records, of Pagefind's version and of this code. */
  keys: string[];
}

/**
 * The shards of one language. Each record is hashed once (a shard's key is made of its records'
 * hashes); the language's own hash is made of them all, so a build knows which language changed.
 */
export function planShards(lang: string, records: IndexRecord[], count = shardCount(records.length)): { plan: ShardPlan; hash: string } {
  const recordHashes = records.map(recordHash);
  const shardOfRecord = records.map((record) => shardOf(record.url, count));
  const keys = Array.from({ length: count }, (_, shard) => shardKey(lang, count, shard, recordHashes.filter((_, i) => shardOfRecord[i] === shard)));
  return { plan: { lang, records, shardOf: shardOfRecord, keys }, hash: languageHash(recordHashes) };
}

/**
 * A language's shards as planShards() makes them, made from its pages one record at a time: each
 * record is made, hashed and, unless the cache has its shard, encoded for the indexing thread
 * (`sent`), then let go of, so that neither the records of a language nor those of one shard
 * exist at once as strings. Made one by one, they are young garbage that V8's scavenger takes
 * back; the 511 records of a shard held together would outlive it and be promoted, and with the
 * site model's gigabyte live at 10,000 articles, V8 lets promoted garbage grow by half that
 * before it collects (scripts/lib/memory.ts). The plan keeps of each record only what the merge
 * reads (its sort keys). `cached` names the shards in the cache: a shard of the same language,
 * count and number is hashed before its records are encoded, and they are made again if its key
 * turns out not to be there (the shard of an edited page); any other is encoded as it is hashed.
 * A language whose every shard is in the cache sends its first page, for Pagefind's scripts.
 */
export function planPages(
  lang: string,
  pages: readonly SearchedPage[],
  cached: ReadonlySet<string>,
): { plan: ShardPlan; hash: string; sent: Map<number, Uint8Array>; first?: Uint8Array } {
  const count = shardCount(pages.length);
  const shardOfPage = pages.map((page) => shardOf(page.url, count));
  const members: number[][] = Array.from({ length: count }, () => []);
  shardOfPage.forEach((shard, page) => members[shard]!.push(page));
  const recordHashes: Buffer[] = new Array(pages.length);
  const records: IndexRecord[] = new Array(pages.length);
  const sent = new Map<number, Uint8Array>();
  // A key ends with "-" and a hash of KEY_HASH characters (shardKey()).
  const earlier = new Set([...cached].map((key) => key.slice(0, -KEY_HASH - 1)));
  const keys = members.map((ofShard, shard) => {
    // A language of one shard is never kept in the cache (languageIndex()).
    const maybeCached = count > 1 && earlier.has(`${lang}-${count}-${shard}`);
    let list = maybeCached ? undefined : jsonList.start();
    const hashes = ofShard.map((page) => {
      const record = pages[page]!.record();
      recordHashes[page] = recordHash(record);
      records[page] = sortKeys(record);
      list?.add(record);
      return recordHashes[page]!;
    });
    const key = shardKey(lang, count, shard, hashes);
    if (ofShard.length > 0 && (count === 1 || !cached.has(key))) {
      if (!list) {
        list = jsonList.start();
        for (const page of ofShard) list.add(pages[page]!.record());
      }
      sent.set(shard, list.end());
    }
    return key;
  });
  const first = sent.size === 0 && pages.length > 0 ? encodeRecords([pages[0]!.record()]) : undefined;
  return { plan: { lang, records, shardOf: shardOfPage, keys }, hash: languageHash(recordHashes), sent, ...(first ? { first } : {}) };
}

/** The text, the bulk of a record, is hashed as it is, without the escaping JSON would add. */
function recordHash(record: IndexRecord): Buffer {
  const { content, ...fields } = record;
  return createHash("sha256").update(JSON.stringify(fields)).update("\n").update(content).digest();
}

/** A shard's cache key: a hash of the code, of its language and of its records' hashes, in the language's order. */
function shardKey(lang: string, count: number, shard: number, recordHashes: readonly Buffer[]): string {
  const hash = createHash("sha256").update(CODE).update(lang);
  for (const recordHash of recordHashes) hash.update(recordHash);
  return `${lang}-${count}-${shard}-${hash.digest("base64url").slice(0, KEY_HASH)}`;
}

const KEY_HASH = 32;

/** A language's bundle is also the canonical form of its index, whose code CODE covers: kept whole only while it is the same. */
function languageHash(recordHashes: readonly Buffer[]): string {
  const hash = createHash("sha256").update(CODE);
  for (const recordHash of recordHashes) hash.update(recordHash);
  return hash.digest("base64url");
}

/** A shard's records, in the language's order. */
export function shardRecords(plan: ShardPlan, shard: number): IndexRecord[] {
  return plan.records.filter((_, i) => plan.shardOf[i] === shard);
}

/**
 * Records as they go to an indexing thread: a JSON list in UTF-8, about half the bytes of the same
 * text as V8 strings (a French text with one ’ is stored two bytes a character), in a buffer of its
 * own that can be transferred rather than copied.
 */
export function encodeRecords(records: readonly IndexRecord[]): Uint8Array {
  const list = jsonList.start();
  for (const record of records) list.add(record);
  return list.end();
}

/**
 * One JSON list at a time, written record by record into one buffer kept for the next list, then
 * copied into a buffer of its own size. Neither the JSON of a whole shard as one string (5 MB at
 * 10,000 articles, in V8's space for large objects, which only a full collection empties) nor a
 * buffer per record (malloc'd memory a scavenge gives back late: 300 MB in half a second at
 * 10,000 articles) is ever made.
 */
const jsonList = {
  scratch: Buffer.allocUnsafeSlow(1 << 20),
  start() {
    let at = 0;
    const room = (bytes: number) => {
      if (at + bytes <= jsonList.scratch.length) return;
      const bigger = Buffer.allocUnsafeSlow(Math.max(jsonList.scratch.length * 2, at + bytes));
      jsonList.scratch.copy(bigger, 0, 0, at);
      jsonList.scratch = bigger;
    };
    const byte = (value: number) => {
      room(1);
      jsonList.scratch[at++] = value;
    };
    byte(0x5b);
    return {
      add(record: IndexRecord): void {
        if (at > 1) byte(0x2c);
        const text = JSON.stringify(record);
        // UTF-8 takes at most three bytes for each UTF-16 code unit.
        room(text.length * 3);
        at += jsonList.scratch.write(text, at, "utf8");
      },
      end(): Uint8Array {
        byte(0x5d);
        const bytes = new Uint8Array(at);
        bytes.set(jsonList.scratch.subarray(0, at));
        return bytes;
      },
    };
  },
};

export function decodeRecords(bytes: Uint8Array): IndexRecord[] {
  return JSON.parse(new TextDecoder().decode(bytes)) as IndexRecord[];
}

/** The records of one of a plan's shards, or of its first page alone (`"first"`), asked for when Pagefind is about to index them. */
export type ShardRecords = (shard: number | "first") => Promise<readonly IndexRecord[]>;

/** A list of records Pagefind indexes, made only when it is sent. */
export type Job = () => Promise<readonly IndexRecord[]>;

/**
 * Indexes lists of records, one Pagefind index each, and hands each one's bundle to `each` as it
 * comes, in the order of the lists: a bundle can be let go of before the next one is asked for.
 */
export type Indexer = (jobs: readonly Job[], each: (job: number, bundle: BundleFile[]) => void) => Promise<void>;

/**
 * One language's bundle (its entry, meta, word index, filters, fragments, and Pagefind's scripts
 * and WebAssembly): from one Pagefind run when the language is one shard, else merged from its
 * shards, those in the cache taken from it and the others indexed and kept there. Each shard's
 * bundle is decoded as it comes, while Pagefind indexes the next one, and only its decoded index is
 * kept. A shard's records are asked for (`recordsOf`) only as it is indexed; of the plan's records
 * the merge reads only the sort keys.
 */
export async function languageIndex(plan: ShardPlan, index: Indexer, cacheDir: string | undefined, recordsOf: ShardRecords = fromPlan(plan)): Promise<BundleFile[]> {
  let runtime: BundleFile[] | undefined;
  if (plan.keys.length === 1) {
    await index([() => recordsOf(0)], (_, bundle) => (runtime = bundle));
    return runtime!;
  }
  const sizes = plan.keys.map((_, shard) => plan.shardOf.filter((s) => s === shard).length);
  // A shard without pages has no index of its own: Pagefind writes no language for it.
  const shards: (ShardIndex | undefined)[] = plan.keys.map((key, shard) =>
    sizes[shard] === 0 ? EMPTY_SHARD : cacheDir ? readShard(path.join(cacheDir, `${key}.shard`)) : undefined,
  );
  const missing = shards.flatMap((shard, i) => (shard ? [] : [i]));
  // Pagefind's scripts and WebAssembly come with any of its bundles: with every shard in the
  // cache, one page of the language is indexed for them.
  const jobs: Job[] = missing.length > 0 ? missing.map((shard) => () => recordsOf(shard)) : [() => recordsOf("first")];
  await index(jobs, (i, bundle) => {
    runtime ??= bundle;
    const shard = missing[i];
    if (shard === undefined) return;
    const decoded = decodeShard(plan.lang, bundle);
    shards[shard] = decoded;
    if (cacheDir) writeShard(path.join(cacheDir, `${plan.keys[shard]}.shard`), decoded);
  });
  return mergeShards(plan, shards as ShardIndex[], runtime!);
}

/** A plan's own records. */
function fromPlan(plan: ShardPlan): ShardRecords {
  return (shard) => Promise.resolve(shard === "first" ? plan.records.slice(0, 1) : shardRecords(plan, shard));
}

/** What mergeShards() reads of a record once it is indexed: its URL, language and sort keys. */
function sortKeys({ url, language, sort }: IndexRecord): IndexRecord {
  return { url, language, content: "", meta: {}, filters: {}, sort };
}

/** Removes the shards, and the zipped chunks, no language of this site uses any more. */
export function pruneShards(cacheDir: string, plans: readonly Pick<ShardPlan, "lang" | "keys">[]): void {
  const used = new Set(plans.flatMap((plan) => (plan.keys.length > 1 ? plan.keys.map((key) => `${key}.shard`) : [])));
  const languages = new Set(plans.map((plan) => zippedChunksName(plan.lang)));
  let names: string[];
  try {
    names = readdirSync(cacheDir);
  } catch {
    return;
  }
  for (const name of names) {
    if ((name.endsWith(".shard") && !used.has(name)) || (ZIPPED_CHUNKS.test(name) && !languages.has(name))) rmSync(path.join(cacheDir, name), { force: true });
  }
}

// ---- A language's zipped index chunks, kept for the next build ----

/**
 * The zipped bytes of a language's index chunks (canonicalBundle()'s ZippedChunks), in one file of
 * the cache folder: a line naming the format, the zlib that zipped them and the level, the length
 * of a JSON header listing each chunk's key and length, then the chunks. Another zlib or level
 * could zip the same CBOR otherwise: its file is not read, and the chunks are zipped again.
 */
const ZIPPED_FILE = Buffer.from(`digest-search-chunks 1 zlib ${process.versions.zlib} level ${CHUNK_LEVEL}\n`, "latin1");
const ZIPPED_CHUNKS = /^chunks-.+\.zipped$/;

function zippedChunksName(lang: string): string {
  return `chunks-${lang}.zipped`;
}

/** What an earlier build zipped for the language; none when missing or of another format. */
export function readZippedChunks(cacheDir: string, lang: string): ZippedChunks {
  const earlier = new Map<string, Uint8Array>();
  try {
    const bytes = readFileSync(path.join(cacheDir, zippedChunksName(lang)));
    if (bytes.subarray(0, ZIPPED_FILE.length).equals(ZIPPED_FILE)) {
      let at = ZIPPED_FILE.length;
      const length = bytes.readUInt32BE(at);
      at += 4;
      const header = JSON.parse(bytes.subarray(at, at + length).toString("utf8")) as [string, number][];
      at += length;
      for (const [key, size] of header) {
        if (at + size > bytes.length) return { earlier: new Map(), used: new Map() };
        earlier.set(key, bytes.subarray(at, at + size));
        at += size;
      }
    }
  } catch {
    // Missing or cut short: the chunks are zipped again.
    earlier.clear();
  }
  return { earlier, used: new Map() };
}

/** Keeps the chunks of this build's bundle for the language, and only those. */
export function writeZippedChunks(cacheDir: string, lang: string, zipped: ZippedChunks): void {
  const chunks = [...zipped.used];
  const header = Buffer.from(JSON.stringify(chunks.map(([key, content]) => [key, content.length])), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  const file = path.join(cacheDir, zippedChunksName(lang));
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${file}.tmp-${process.pid}`, Buffer.concat([ZIPPED_FILE, length, header, ...chunks.map(([, content]) => content)]));
  renameSync(`${file}.tmp-${process.pid}`, file);
}

// ---- A shard's index, decoded from Pagefind's bundle: what the cache keeps ----

/** One shard's index, as Pagefind wrote it for its pages alone, numbered from 0 in their order. */
export interface ShardIndex {
  version: string;
  /** Each page's fragment name in the shard (`<lang>_` and a prefix of the SHA-1 of its JSON) and its word count. */
  pages: { name: string; words: number }[];
  /** Each page's fragment file, Pagefind's bytes. */
  fragments: Buffer[];
  /** The word index: each word's CBOR `[word, pages, variants]`, one after the other in the order of the words, its positions cut by capWords(). */
  words: Buffer;
  /** Each filter's values and their pages. */
  filters: [string, [string, number[]][]][];
  /** The names of the result fields the pages have (the meta's last field). */
  metaFields: string[];
}

const ENTRY = "pagefind-entry.json";
const EMPTY_SHARD: ShardIndex = { version: "", pages: [], fragments: [], words: Buffer.alloc(0), filters: [], metaFields: [] };

export function decodeShard(lang: string, files: readonly BundleFile[]): ShardIndex {
  const byPath = new Map(files.map((file) => [file.path, file.content]));
  const file = (name: string): Uint8Array => byPath.get(name) ?? fail(name, "named by the index but missing from the bundle");
  const entry = readEntry(file(ENTRY));
  const language = entry.languages[lang] ?? fail(ENTRY, `no index for the language ${lang}`);
  const metaPath = `pagefind.${language.hash}.pf_meta`;
  const meta = decodeBundleFile(metaPath, file(metaPath));
  if (!Array.isArray(meta) || meta.length !== 6 || meta[0] !== entry.version) fail(metaPath, "expected [version, pages, chunks, filters, sorts, fields]");
  const [, pages, chunks, filters, , metaFields] = meta as [string, [string, number][], [string, string, string][], [string, string][], unknown, string[]];

  const fragments: Buffer[] = [];
  const pageList = pages.map(([name, words]) => {
    if (!name.startsWith(`${lang}_`)) fail(metaPath, `a page named ${name}, not ${lang}_…`);
    fragments.push(Buffer.from(file(`fragment/${name}.pf_fragment`)));
    return { name, words };
  });

  const words: Buffer[] = [];
  for (const [, , name] of chunks) {
    const chunkPath = `index/${name}.pf_index`;
    const cbor = bundleCbor(chunkPath, file(chunkPath));
    const reader = new CborReader(chunkPath, cbor, 0);
    if (reader.head(ARRAY) !== 1) reader.fail("expected [words]");
    reader.head(ARRAY);
    words.push(capWords(chunkPath, cbor.subarray(reader.position)));
  }

  const filterList = filters.map(([filter, name]): [string, [string, number[]][]] => {
    const filterPath = `filter/${name}.pf_filter`;
    const value = decodeBundleFile(filterPath, file(filterPath)) as [string, [string, number[]][]];
    if (value[0] !== filter) fail(filterPath, `expected the filter ${filter}`);
    return [filter, value[1]];
  });
  return { version: entry.version, pages: pageList, fragments, words: Buffer.concat(words), filters: filterList, metaFields };
}

const UINT = 0;
const NEGATIVE = 1;
const TEXT = 3;
const ARRAY = 4;
const SHARD_FILE = Buffer.from("digest-search-shard 1\n", "latin1");

function fail(file: string, problem: string): never {
  throw new PagefindFormatError(file, problem);
}

/** A shard in one file: a line naming the format, the length of a JSON header, the header, then the fragments and the word index. */
function writeShard(file: string, shard: ShardIndex): void {
  const header = Buffer.from(
    JSON.stringify({ version: shard.version, pages: shard.pages, filters: shard.filters, metaFields: shard.metaFields, fragments: shard.fragments.map((f) => f.length) }),
    "utf8",
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, Buffer.concat([SHARD_FILE, length, header, ...shard.fragments, shard.words]));
  renameSync(temporary, file);
}

/** A shard from the cache, or none when it is missing or not of this format (it is indexed again). */
function readShard(file: string): ShardIndex | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  try {
    if (!bytes.subarray(0, SHARD_FILE.length).equals(SHARD_FILE)) return undefined;
    let at = SHARD_FILE.length;
    const length = bytes.readUInt32BE(at);
    at += 4;
    const header = JSON.parse(bytes.subarray(at, at + length).toString("utf8")) as Omit<ShardIndex, "fragments" | "words"> & { fragments: number[] };
    at += length;
    const fragments = header.fragments.map((size) => {
      const fragment = bytes.subarray(at, at + size);
      at += size;
      return fragment;
    });
    return { version: header.version, pages: header.pages, filters: header.filters, metaFields: header.metaFields, fragments, words: bytes.subarray(at) };
  } catch {
    return undefined;
  }
}

// ---- The merge ----

/**
 * The bundle Pagefind would have written for all of a language's pages in one run, from the
 * index of each of its shards and any bundle of the language (for its scripts, WebAssembly and
 * entry). Pagefind numbers pages in the order they are added and names a page's fragment by the
 * shortest prefix of its hash that no earlier page's has; word postings list pages in order, each
 * by its distance to the one before; filter values list pages in order; a sort lists the pages that
 * have its key, by value, ties in page order.
 */
export function mergeShards(plan: ShardPlan, shards: readonly ShardIndex[], runtime: readonly BundleFile[]): BundleFile[] {
  const { lang, records } = plan;
  const version = shards.find((shard) => shard.pages.length > 0)?.version ?? fail(ENTRY, `no page of ${lang} to index`);
  // Each shard's local page numbers, in the language's order.
  const globalOf: number[][] = shards.map(() => []);
  plan.shardOf.forEach((shard, page) => globalOf[shard]!.push(page));
  shards.forEach((shard, s) => {
    if (shard.pages.length > 0 && shard.version !== version) fail(ENTRY, `shards of two versions (${version}, ${shard.version}) cannot be merged`);
    if (shard.pages.length !== globalOf[s]!.length) fail(ENTRY, `shard ${s} of ${lang} holds ${shard.pages.length} pages for ${globalOf[s]!.length} records`);
  });

  const files: BundleFile[] = [];
  // Fragments, named as Pagefind names them in page order. A shard's name for a page is a prefix
  // of the hash of its fragment at least as long as the language's: the hash in full is only
  // needed, from the fragment's bytes, where two pages of different shards begin the same.
  const fullHashes = new Map<Buffer, string>();
  const fullHash = (fragment: Buffer, name: string) => {
    let hash = fullHashes.get(fragment);
    if (hash === undefined) {
      hash = `${lang}_${sha1Hex(bundleCbor(`fragment/${name}.pf_fragment`, fragment))}`;
      if (!hash.startsWith(name)) fail(`fragment/${name}.pf_fragment`, "its name is not a prefix of the hash of its JSON");
      fullHashes.set(fragment, hash);
    }
    return hash;
  };
  const taken = new Map<string, { fragment: Buffer; name: string }>();
  const pages = plan.shardOf.map((shard, page): [string, number] => {
    const local = localIndex(globalOf[shard]!, page);
    const { name: known, words } = shards[shard]!.pages[local]!;
    const fragment = shards[shard]!.fragments[local]!;
    let length = lang.length + 8;
    const prefix = () => (length <= known.length ? known.slice(0, length) : fullHash(fragment, known).slice(0, length));
    let name = prefix();
    for (let other = taken.get(name); other !== undefined; other = taken.get(name)) {
      if (fullHash(other.fragment, other.name) === fullHash(fragment, known)) fail(`fragment/${name}.pf_fragment`, "two pages have the same fragment");
      length++;
      name = prefix();
    }
    taken.set(name, { fragment, name: known });
    files.push({ path: `fragment/${name}.pf_fragment`, content: fragment });
    return [name, words];
  });

  const metaFields = [...new Set(shards.flatMap((shard) => shard.metaFields))].sort(byCodePoints);
  const chunk = mergeWords(shards, globalOf, metaFields);
  const chunks: CborValue[] = [];
  if (chunk.count > 0) {
    const name = `${lang}_words`;
    const cbor = Buffer.concat([cborHead(ARRAY, 1), cborHead(ARRAY, chunk.count), chunk.bytes]);
    // chunkIndex() reads the CBOR as it is; the file is zipped only if asked for its bytes.
    let content: Buffer | undefined;
    files.push({
      path: `index/${name}.pf_index`,
      cbor,
      capped: true,
      get content() {
        // Read again only by chunkIndex(), which cuts it into chunks of its own: the fastest gzip will do.
        content ??= gzipBundleFile(cbor, 1);
        return content;
      },
    });
    chunks.push([chunk.first, chunk.last, name]);
  }

  const filterNames = [...new Set(shards.flatMap((shard) => shard.filters.map(([filter]) => filter)))].sort(byCodePoints);
  const filters = filterNames.map((filter, i): [string, string] => {
    const values = new Map<string, number[]>();
    shards.forEach((shard, s) => {
      for (const [value, locals] of shard.filters.find(([name]) => name === filter)?.[1] ?? []) {
        const list = values.get(value) ?? [];
        for (const local of locals) list.push(globalOf[s]![local]!);
        values.set(value, list);
      }
    });
    const name = `${lang}_filter${i}`;
    const value: CborValue[] = [filter, [...values].sort(([a], [b]) => byCodePoints(a, b)).map(([v, list]) => [v, list.sort((a, b) => a - b)])];
    files.push({ path: `filter/${name}.pf_filter`, content: encodeBundleFile(value).content });
    return [filter, name];
  });

  const meta = [version, pages, chunks, filters, pageSorts(records), metaFields];
  const hash = `${lang}_merged`;
  files.push({ path: `pagefind.${hash}.pf_meta`, content: encodeBundleFile(meta).content });

  const entryFile = runtime.find((file) => file.path === ENTRY) ?? fail(ENTRY, "missing from the bundle");
  const entry = readEntry(entryFile.content);
  const language = entry.languages[lang] ?? fail(ENTRY, `no index for the language ${lang}`);
  if (entry.version !== version) fail(ENTRY, `a bundle of Pagefind ${entry.version} for shards of ${version}`);
  const newEntry = Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, key === "languages" ? { [lang]: { ...language, hash, page_count: pages.length } } : value]));
  files.push({ path: ENTRY, content: Buffer.from(JSON.stringify(newEntry), "utf8") });
  const own = /^(?:fragment\/|index\/|filter\/|pagefind\.[^/]+\.pf_meta$)/;
  return [...runtime.filter((file) => file.path !== ENTRY && !own.test(file.path)), ...files];
}

function localIndex(globals: readonly number[], page: number): number {
  // Binary search: the shard's pages are in the language's order.
  let low = 0;
  let high = globals.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = globals[middle]!;
    if (at === page) return middle;
    if (at < page) low = middle + 1;
    else high = middle - 1;
  }
  throw new Error(`page ${page} is not in its shard`);
}

/**
 * Pagefind's sorts: for each sort key, the pages that have one, by value, ties in page order.
 * A key whose every value reads as a number is sorted as 32-bit floats, any other as text, byte
 * by byte (Rust's order of strings).
 */
export function pageSorts(records: readonly IndexRecord[]): [string, number[]][] {
  const keys = [...new Set(records.flatMap((record) => Object.keys(record.sort)))].sort(byCodePoints);
  return keys.map((key) => {
    const pages = records.flatMap((record, page) => (key in record.sort ? [{ page, value: record.sort[key]! }] : []));
    const numeric = pages.every(({ value }) => sortNumber(value) !== undefined);
    if (numeric) {
      const numbers = new Map(pages.map(({ page, value }) => [page, sortNumber(value)!]));
      pages.sort((a, b) => totalOrder(numbers.get(a.page)!, numbers.get(b.page)!));
    } else pages.sort((a, b) => byCodePoints(a.value, b.value));
    return [key, pages.map(({ page }) => page)];
  });
}

/**
 * A sort value as Pagefind reads a number (a 32-bit integer, else a 32-bit float), for the
 * forms whose reading is certain: digits, a point and digits, an exponent. A value in a form
 * whose reading by Pagefind's parser this code does not know ("1.", ".5", "+1", "inf", "NaN")
 * stops the build rather than being sorted in a way Pagefind might not sort it.
 */
function sortNumber(value: string): number | undefined {
  if (/^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(value)) {
    const integer = /^-?\d+$/.test(value) ? Number(value) : NaN;
    return Math.fround(Number.isInteger(integer) && integer >= -(2 ** 31) && integer < 2 ** 31 ? integer : Number(value));
  }
  if (/^[+-]?(?:\d*\.?\d*(?:[eE][+-]?\d*)?|nan|inf|infinity)$/i.test(value)) {
    throw new Error(`The sort value ${JSON.stringify(value)} is a number in a form whose order in Pagefind is not known here: write it as digits, a point and digits`);
  }
  return undefined;
}

/** Rust's f32::total_cmp for the values sortNumber() gives (no NaN): -0 before +0. */
function totalOrder(a: number, b: number): number {
  if (a !== b) return a < b ? -1 : 1;
  return Object.is(a, -0) === Object.is(b, -0) ? 0 : Object.is(a, -0) ? -1 : 1;
}

/**
 * The words of every shard in one index, in code point order: each word's postings (and its
 * variants', the forms with accents) gathered from the shards that have it, renumbered and put in
 * page order, each page's positions copied byte for byte. A word's variants come in the order of
 * the first page each appears on, as Pagefind adds them. A page's meta positions name the result
 * field they are in by its number in the index's list of fields, which a shard numbers among the
 * fields of its own pages: they are numbered again among all the language's.
 */
function mergeWords(shards: readonly ShardIndex[], globalOf: readonly number[][], metaFields: readonly string[]): { bytes: Buffer; count: number; first: string; last: string } {
  const fieldMaps = shards.map((shard) => {
    const map = shard.metaFields.map((field) => metaFields.indexOf(field));
    return map.every((field, i) => field === i) ? null : map;
  });
  // Where each word is in each shard: [shard, start of its item], one after the other.
  const where = new Map<string, number[]>();
  shards.forEach((shard, s) => {
    const reader = new CborReader("index", shard.words, 0);
    while (reader.position < shard.words.length) {
      const start = reader.position;
      if (reader.head(ARRAY) !== 3) reader.fail("expected each word as [word, pages, variants]");
      const word = reader.text();
      reader.skip();
      reader.skip();
      const list = where.get(word);
      if (list) list.push(s, start);
      else where.set(word, [s, start]);
    }
  });
  const words = [...where.keys()].sort(byCodePoints);
  const out = new Writer(shards.reduce((sum, shard) => sum + shard.words.length, 0) + 1024);
  for (const word of words) {
    const places = where.get(word)!;
    out.head(ARRAY, 3);
    out.text(word);
    const own: Postings[] = [];
    const variants = new Map<string, { first: number; order: number; postings: Postings[] }>();
    for (let i = 0; i < places.length; i += 2) {
      const s = places[i]!;
      const bytes = shards[s]!.words;
      const reader = new CborReader("index", bytes, places[i + 1]!);
      reader.head(ARRAY);
      reader.text();
      own.push(postings(reader, bytes, s, globalOf[s]!, fieldMaps[s]!));
      const count = reader.head(ARRAY);
      for (let v = 0; v < count; v++) {
        if (reader.head(ARRAY) !== 2) reader.fail("expected each variant as [form, pages]");
        const form = reader.text();
        const list = postings(reader, bytes, s, globalOf[s]!, fieldMaps[s]!);
        const first = list.globals[0] ?? Infinity;
        const known = variants.get(form);
        if (!known) variants.set(form, { first, order: v, postings: [list] });
        else {
          known.postings.push(list);
          if (first < known.first) Object.assign(known, { first, order: v });
        }
      }
    }
    writePostings(out, own);
    out.head(ARRAY, variants.size);
    for (const [form, { postings: lists }] of [...variants].sort(([, a], [, b]) => a.first - b.first || a.order - b.order)) {
      out.head(ARRAY, 2);
      out.text(form);
      writePostings(out, lists);
    }
  }
  return { bytes: out.bytes(), count: words.length, first: words[0] ?? "", last: words[words.length - 1] ?? "" };
}

/** One shard's list of pages for a word: each page's number in the language and where its positions are. */
interface Postings {
  bytes: Buffer;
  globals: number[];
  /** For each page, after its page number: the start of its positions, of its meta positions, and the end. */
  spans: number[];
  /** The language's number of each of the shard's result fields; none when they are the same. */
  fields: number[] | null;
}

/** Reads `[[page delta, positions, meta positions], …]` at the reader, leaving it after the list. */
function postings(reader: CborReader, bytes: Buffer, shard: number, globals: readonly number[], fields: number[] | null): Postings {
  const count = reader.head(ARRAY);
  const list: Postings = { bytes, globals: new Array(count), spans: new Array(count * 3), fields };
  let local = 0;
  for (let i = 0; i < count; i++) {
    if (reader.head(ARRAY) !== 3) reader.fail(`expected each page of shard ${shard} as [page, positions, meta positions]`);
    local += reader.head(UINT);
    const global = globals[local];
    if (global === undefined) reader.fail(`page ${local} is not in shard ${shard}`);
    list.globals[i] = global;
    list.spans[i * 3] = reader.position;
    reader.skip();
    list.spans[i * 3 + 1] = reader.position;
    reader.skip();
    list.spans[i * 3 + 2] = reader.position;
  }
  return list;
}

/** The lists of several shards as one, in page order, each page by its distance to the one before. */
function writePostings(out: Writer, lists: readonly Postings[]): void {
  const total = lists.reduce((sum, list) => sum + list.globals.length, 0);
  out.head(ARRAY, total);
  let previous = 0;
  const write = (list: Postings, i: number) => {
    const global = list.globals[i]!;
    out.head(ARRAY, 3);
    out.head(UINT, global - previous);
    const [positions, meta, end] = [list.spans[i * 3]!, list.spans[i * 3 + 1]!, list.spans[i * 3 + 2]!];
    if (list.fields === null) out.copy(list.bytes, positions, end);
    else {
      out.copy(list.bytes, positions, meta);
      writeMetaPositions(out, list, meta);
    }
    previous = global;
  };
  if (lists.length === 1) {
    for (let i = 0; i < total; i++) write(lists[0]!, i);
    return;
  }
  // A page is in one shard only, and each list is in page order: sorted by page, the pages of a
  // list come in its own order, so one number per page, the page and its list, is enough.
  if (lists.length > 1024) throw new Error("A word in more than 1,024 shards' lists");
  const keys = new Float64Array(total);
  let k = 0;
  lists.forEach((list, l) => {
    for (const global of list.globals) keys[k++] = global * 1024 + l;
  });
  keys.sort();
  const next = new Array<number>(lists.length).fill(0);
  for (const key of keys) {
    const l = key % 1024;
    write(lists[l]!, next[l]!++);
  }
}

/** Meta positions: each field's number n as -(n + 1) (CBOR's negative n), then its positions. */
function writeMetaPositions(out: Writer, list: Postings, at: number): void {
  let item = readHead(list.bytes, at);
  if (item.major !== ARRAY) fail("index", `major type ${item.major} where meta positions were expected`);
  out.head(ARRAY, item.n);
  for (let i = 0, count = item.n; i < count; i++) {
    item = readHead(list.bytes, item.at);
    if (item.major === NEGATIVE) {
      const field = list.fields![item.n];
      if (field === undefined || field < 0) fail("index", `meta positions of a result field the shard does not have (${item.n})`);
      out.head(NEGATIVE, field);
    } else if (item.major === UINT) out.head(UINT, item.n);
    else fail("index", `major type ${item.major} among meta positions`);
  }
}

/** A CBOR head at a byte: its major type, its argument, and where the item goes on. */
function readHead(bytes: Buffer, at: number): { major: number; n: number; at: number } {
  const initial = bytes[at++];
  if (initial === undefined) fail("index", "CBOR: the data ends early");
  const info = initial & 31;
  if (info < 24) return { major: initial >> 5, n: info, at };
  if (info > 27) fail("index", `CBOR: additional information ${info}`);
  const size = 1 << (info - 24);
  if (at + size > bytes.length) fail("index", "CBOR: the data ends early");
  let n = 0;
  for (let i = 0; i < size; i++) n = n * 256 + bytes[at + i]!;
  return { major: initial >> 5, n, at: at + size };
}

/** CBOR written into one growing buffer. */
class Writer {
  private buffer: Buffer;
  private at = 0;
  constructor(size: number) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  private room(size: number): void {
    if (this.at + size <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + size));
    this.buffer.copy(bigger, 0, 0, this.at);
    this.buffer = bigger;
  }

  head(major: number, n: number): void {
    this.room(9);
    if (n < 24) {
      this.buffer[this.at++] = (major << 5) | n;
      return;
    }
    const head = cborHead(major, n);
    head.copy(this.buffer, this.at);
    this.at += head.length;
  }

  text(value: string): void {
    const length = Buffer.byteLength(value, "utf8");
    this.head(TEXT, length);
    this.room(length);
    this.at += this.buffer.write(value, this.at, "utf8");
  }

  copy(source: Buffer, start: number, end: number): void {
    this.room(end - start);
    this.at += source.copy(this.buffer, this.at, start, end);
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.at);
  }
}
