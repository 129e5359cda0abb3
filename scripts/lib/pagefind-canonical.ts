import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";

/**
 * Pagefind 1.5.2 writes three kinds of files from hash maps seeded at random in each process: the
 * values of each filter (`filter/*.pf_filter`), the list of filters and of sorts in each
 * language's `pagefind.<lang>_<hash>.pf_meta`, and the list of languages in
 * `pagefind-entry.json`. Their names are hashes of their bytes, so the same pages gave other
 * names and other bytes on every run. canonicalBundle() puts those lists in one order and names
 * the files again the way Pagefind does, before the bundle is written: the files a reader
 * downloads are then the same bytes for the same pages.
 *
 * Everything here reads the exact format of Pagefind 1.5.2. Whatever does not have that shape
 * stops the build with a PagefindFormatError naming the file, never passes through unsorted.
 */

/** One file of the bundle Pagefind hands over in memory, by its path inside `pagefind/`. */
export interface BundleFile {
  path: string;
  content: Uint8Array;
  /** A file already published with these very bytes: the bundle may link to it instead of writing them again. */
  source?: string;
  /** An index file this code made: its CBOR, after the signature, read without unzipping `content`. */
  cbor?: Buffer;
  /** An index file whose words' positions capWords() has already cut: chunkIndex() does not read them again. */
  capped?: boolean;
}

/**
 * Index chunks zipped at CHUNK_LEVEL by an earlier build, by chunkKey() of their CBOR, and, once
 * canonicalBundle() is done, those of this bundle: a rebuild after one summary is edited zips
 * again only the few chunks whose words it changed (2 of 207 at 3,000 articles), not all of them.
 */
export interface ZippedChunks {
  earlier: ReadonlyMap<string, Uint8Array>;
  used: Map<string, Uint8Array>;
}

/** Index chunks are zipped at 6: as small within 0.2 % as at 9, and a third less time at 10,000 articles. */
export const CHUNK_LEVEL = 6;

/** The key of a chunk's zipped bytes: the SHA-256 of its CBOR (sha1Hex() drops leading zeros, so two digests could read alike). */
export function chunkKey(cbor: Buffer): string {
  return createHash("sha256").update(cbor).digest("base64url");
}

export class PagefindFormatError extends Error {
  constructor(file: string, problem: string) {
    super(`pagefind/${file}: ${problem}. Pagefind's format changed: scripts/lib/pagefind-canonical.ts reads the files of Pagefind 1.5.2`);
    this.name = "PagefindFormatError";
  }
}

/** What Pagefind's CBOR holds in these files: integers, text and arrays. */
export type CborValue = number | string | CborValue[];

const SIGNATURE = Buffer.from("pagefind_dcd", "latin1");
const ENTRY = "pagefind-entry.json";
const META = /^pagefind\.[^/]+\.pf_meta$/;
const FILTER = /^filter\/[^/]+\.pf_filter$/;
const INDEX = /^index\/[^/]+\.pf_index$/;

/** The CBOR of a Pagefind index file: unzipped, after its `pagefind_dcd` signature. */
function bundleCbor(file: string, content: Uint8Array): Buffer {
  let bytes: Buffer;
  try {
    bytes = gunzipSync(content);
  } catch (error) {
    throw new PagefindFormatError(file, `not gzip (${(error as Error).message})`);
  }
  if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    throw new PagefindFormatError(file, `expected the signature "pagefind_dcd", found ${JSON.stringify(bytes.subarray(0, SIGNATURE.length).toString("latin1"))}`);
  }
  return bytes.subarray(SIGNATURE.length);
}

/**
 * A Pagefind index file: gzip, the `pagefind_dcd` signature, then CBOR. The value is encoded
 * again and must give back the same bytes: that proves encodeBundleFile() writes exactly what
 * Pagefind's encoder writes, for every file of every build, before any file is rewritten.
 */
export function decodeBundleFile(file: string, content: Uint8Array): CborValue {
  const cbor = bundleCbor(file, content);
  const value = decodeCbor(file, cbor);
  if (!encodeCbor(value).equals(cbor)) throw new PagefindFormatError(file, "its CBOR is not written the way Pagefind 1.5.2 writes it (definite lengths, shortest integers)");
  return value;
}

/**
 * The file Pagefind would write for a value, with the CBOR its name is a hash of. Node's gzip
 * writes no time and no file name; its system byte is set to "unknown" (255), as Pagefind's is.
 */
export function encodeBundleFile(value: CborValue): { cbor: Buffer; content: Buffer } {
  const cbor = encodeCbor(value);
  return { cbor, content: gzipBundleFile(cbor) };
}

/** Level 9 by default; index chunks, the bulk of the bundle, at CHUNK_LEVEL. */
export function gzipBundleFile(cbor: Buffer, level = 9): Buffer {
  const content = gzipSync(Buffer.concat([SIGNATURE, cbor]), { level });
  // Byte 3 holds the header's flags: none means byte 9 is the system byte and no checksum covers it.
  if (content[3] !== 0) throw new Error(`Node's gzip wrote header flags ${content[3]}; the system byte can no longer be set`);
  content[9] = 0xff;
  return content;
}

/**
 * The bundle with its filters, sorts and languages in one order, its word index cut into chunks
 * again (chunkIndex()), and its files named by their new bytes. Every other file (pages'
 * fragments, scripts, WebAssembly) is kept as it came.
 */
export function canonicalBundle(files: readonly BundleFile[], zipped?: ZippedChunks): BundleFile[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const entryFile = byPath.get(ENTRY);
  if (!entryFile) throw new PagefindFormatError(ENTRY, "missing from the bundle");
  const entry = readEntry(entryFile.content);
  const read = new Set([ENTRY]);
  const written: BundleFile[] = [];

  const languages: Record<string, EntryLanguage> = {};
  for (const lang of Object.keys(entry.languages).sort(byCodePoints)) {
    const language = entry.languages[lang]!;
    const metaPath = `pagefind.${language.hash}.pf_meta`;
    const meta = readMeta(metaPath, take(byPath, metaPath, read).content);
    const taken = new Set<string>();
    // Named in the order of the filters, so that a longer name for a clash goes to the same one.
    const filters = [...meta.filters]
      .sort(([a], [b]) => byCodePoints(a, b))
      .map(([filter, hash]): [string, string] => {
        const filterPath = `filter/${hash}.pf_filter`;
        const values = readFilter(filterPath, take(byPath, filterPath, read).content, filter);
        const { cbor, content } = encodeBundleFile([filter, [...values].sort(([a], [b]) => byCodePoints(a, b))]);
        const name = shortHash(lang, cbor, taken);
        written.push({ path: `filter/${name}.pf_filter`, content });
        return [filter, name];
      });
    const sorts = [...meta.sorts].sort(([a], [b]) => byCodePoints(a, b));
    const index = chunkIndex(lang, meta.chunks.map(([, , hash]) => take(byPath, `index/${hash}.pf_index`, read)), zipped);
    written.push(...index.files);
    const chunks = index.chunks;
    const fields = meta.value.map((field, i) => (i === META_CHUNKS ? chunks : i === META_FILTERS ? filters : i === META_SORTS ? sorts : field));
    const { cbor, content } = encodeBundleFile(fields);
    // Pagefind's meta names keep as many hex digits as the language's name has characters, plus 8.
    const hash = `${lang}_${sha1Hex(cbor).slice(0, lang.length + 8)}`;
    written.push({ path: `pagefind.${hash}.pf_meta`, content });
    languages[lang] = { ...language, hash };
  }

  const unread = files.filter((file) => (META.test(file.path) || FILTER.test(file.path) || INDEX.test(file.path)) && !read.has(file.path));
  if (unread.length > 0) throw new PagefindFormatError(unread[0]!.path, "no language's index names this file");
  // serde keeps the struct's field order; only the languages, a hash map, are put in order.
  const newEntry = Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, key === "languages" ? languages : value]));
  written.push({ path: ENTRY, content: Buffer.from(JSON.stringify(newEntry), "utf8") });
  return [...files.filter((file) => !read.has(file.path)), ...written];
}

/**
 * Unicode code point order (the order of UTF-8 bytes, Rust's order for strings), no locale, and
 * without encoding: UTF-16 order but for the surrogates, which sort after U+E000–U+FFFF.
 */
function byCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit;
}

function take(byPath: Map<string, BundleFile>, path: string, read: Set<string>): BundleFile {
  const file = byPath.get(path);
  if (!file) throw new PagefindFormatError(path, "named by the index but missing from the bundle");
  if (read.has(path)) throw new PagefindFormatError(path, "named twice by the index");
  read.add(path);
  return file;
}

/**
 * Pagefind's name for a filter file: the language, `_`, then the SHA-1 of its CBOR in hex, each
 * byte without a leading zero (Rust's `{:x?}`), cut to the length of the language's name plus 8
 * characters, longer only when another file of the same language already has that name.
 */
function shortHash(lang: string, cbor: Buffer, taken: Set<string>, hex = sha1Hex(cbor)): string {
  const full = `${lang}_${hex}`;
  let length = lang.length + 8;
  while (taken.has(full.slice(0, length)) && length < full.length) length++;
  const name = full.slice(0, length);
  taken.add(name);
  return name;
}

function sha1Hex(bytes: Buffer): string {
  return [...createHash("sha1").update(bytes).digest()].map((byte) => byte.toString(16)).join("");
}

// ---- The three kinds of files, with the shapes Pagefind 1.5.2 gives them ----

interface EntryLanguage {
  hash: string;
  wasm: string | null;
  page_count: number;
}

interface Entry {
  version: string;
  languages: Record<string, EntryLanguage>;
  [field: string]: unknown;
}

/** `{"version", "languages": {lang: {hash, wasm, page_count}}, "include_characters"}`, written by serde_json. */
function readEntry(content: Uint8Array): Entry {
  const text = Buffer.from(content).toString("utf8");
  let entry: unknown;
  try {
    entry = JSON.parse(text);
  } catch (error) {
    throw new PagefindFormatError(ENTRY, `not JSON (${(error as Error).message})`);
  }
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
  if (!isObject(entry) || typeof entry.version !== "string" || !isObject(entry.languages)) {
    throw new PagefindFormatError(ENTRY, "expected an object with a version and a map of languages");
  }
  for (const [lang, language] of Object.entries(entry.languages)) {
    // A language tag starts with a letter: never a key JavaScript would move first, as it does integers.
    const shaped =
      /^[A-Za-z][A-Za-z0-9-]*$/.test(lang) &&
      isObject(language) &&
      Object.keys(language).join() === "hash,wasm,page_count" &&
      typeof language.hash === "string" &&
      language.hash.startsWith(`${lang}_`) &&
      (typeof language.wasm === "string" || language.wasm === null) &&
      Number.isSafeInteger(language.page_count);
    if (!shaped) throw new PagefindFormatError(ENTRY, `expected languages.${lang} to be {hash, wasm, page_count}, found ${JSON.stringify(language)}`);
  }
  // Written again with JSON.stringify: only safe if that gives back serde_json's bytes.
  if (JSON.stringify(entry) !== text) throw new PagefindFormatError(ENTRY, "not written the way JSON.stringify writes it (spacing or escapes differ)");
  return entry as Entry;
}

// pf_meta: [version, pages, index chunks as [from, to, file hash], filters as [name, file hash], sorts as [name, pages], meta fields]
const META_FIELDS = 6;
const META_CHUNKS = 2;
const META_FILTERS = 3;
const META_SORTS = 4;

function readMeta(file: string, content: Uint8Array) {
  const value = decodeBundleFile(file, content);
  if (!Array.isArray(value) || value.length !== META_FIELDS) throw new PagefindFormatError(file, `expected an array of ${META_FIELDS} fields`);
  const filters = value[META_FILTERS];
  if (!Array.isArray(filters) || !filters.every((filter) => pairOf(filter, (hash) => typeof hash === "string"))) {
    throw new PagefindFormatError(file, `expected field ${META_FILTERS} to list filters as [name, file hash]`);
  }
  const sorts = value[META_SORTS];
  if (!Array.isArray(sorts) || !sorts.every((sort) => pairOf(sort, isPageList))) {
    throw new PagefindFormatError(file, `expected field ${META_SORTS} to list sorts as [name, pages]`);
  }
  const chunks = value[META_CHUNKS];
  if (!Array.isArray(chunks) || !chunks.every((chunk) => Array.isArray(chunk) && chunk.length === 3 && chunk.every((part) => typeof part === "string"))) {
    throw new PagefindFormatError(file, `expected field ${META_CHUNKS} to list index chunks as [from, to, file hash]`);
  }
  unique(file, filters.map(([name]) => name));
  unique(file, sorts.map(([name]) => name));
  return { value, chunks: chunks as [string, string, string][], filters: filters as [string, string][], sorts: sorts as [string, number[]][] };
}

/**
 * Raw CBOR bytes of postings an index chunk holds before the next word starts a new one (about
 * 4 kB gzipped). A query downloads the chunk of each of its words: the smaller the chunks, the less
 * a rare word costs, but every chunk is one more line of the meta file every query downloads
 * first. At 2,000 articles 8 kB gave the lowest median first query (16 kB: 2 kB more, Pagefind's
 * own chunks: 30 kB more); at 10,000 the commonest words fill chunks of their own whatever the size.
 */
export const CHUNK_BYTES = 8_000;

/**
 * One language's word index, cut into chunks of about CHUNK_BYTES, each named by its bytes as
 * Pagefind names it, with the range of words each holds for the meta file: from its first word to
 * its last, followed by U+0000.
 *
 * Pagefind 1.5.2 cuts chunks after a number of positions, but counts only the positions of words
 * written without accents: "américain", "sécurité", "frontière" count for nothing, so a French
 * chunk can hold several of the commonest words (100 kB at 2,000 articles). And it writes each
 * range's end as the shortest prefix that tells it from the next chunk ("acco" for a chunk ending
 * with "accord"), so its own lookup, which wants from <= word <= to, misses the last word of every
 * chunk and falls back on prefixes: that loads every chunk whose range starts and ends with the
 * word's first letter, the postings of "a" or "de" included (400 kB at 10,000 articles), for a
 * search of "accord". Here every indexed word is inside its chunk's range, so its search loads
 * that chunk and nothing else. A word the index lacks (one typed in part, "migra", or with its
 * accents, "américaine", besides its stem) still falls back on prefixes, which is how Pagefind
 * finds the words it begins; the U+0000 keeps that fallback from taking the chunk of "a" for
 * "accord": cut to two letters the range ends at "a\u0000", below "ac", where "a" alone was not.
 *
 * Words are moved whole (a word's page numbers are deltas within its own list), their postings
 * Pagefind's but for the positions capPositions() leaves out. A chunk that comes out holding the
 * same words as one of Pagefind's (or of an earlier pass) keeps its file as it was; any other is
 * zipped, or taken from `zipped`, which holds what zipping its CBOR gave an earlier build.
 */
export function chunkIndex(lang: string, files: readonly BundleFile[], zipped?: ZippedChunks): { chunks: [string, string, string][]; files: BundleFile[] } {
  const earlier = new Map<string, BundleFile>();
  const words: IndexWord[] = [];
  for (const file of files) {
    const { cbor, words: held } = readIndexChunk(file);
    earlier.set(sha1Hex(cbor), file);
    for (const read of held) {
      const word = file.capped ? read : capPositions(file.path, read);
      const previous = words[words.length - 1];
      if (previous && byCodePoints(previous.word, word.word) >= 0) {
        throw new PagefindFormatError(file.path, `words out of order across chunks (${JSON.stringify(word.word)} after ${JSON.stringify(previous.word)})`);
      }
      words.push(word);
    }
  }
  const groups: IndexWord[][] = [];
  let group: IndexWord[] = [];
  let size = 0;
  // Words of this chunk that begin the current one ("dev", then "devon" while at "devons").
  let open: string[] = [];
  words.forEach((word, i) => {
    group.push(word);
    size += word.bytes.length;
    // Pagefind finds a word's longer forms among the chunks it loaded ("migr" finds "migrat"):
    // they stay in the chunk of the word they extend, so what a search finds does not depend on
    // where a chunk ends. Words of one or two letters ("a", "de") would hold half the index.
    if ([...word.word].length >= EXTENDED_LETTERS) open.push(word.word);
    const next = words[i + 1]?.word;
    open = next === undefined ? [] : open.filter((prefix) => next.startsWith(prefix));
    if (size >= CHUNK_BYTES && open.length === 0) {
      groups.push(group);
      group = [];
      size = 0;
    }
  });
  if (group.length > 0) groups.push(group);

  const taken = new Set<string>();
  const chunks: [string, string, string][] = [];
  const written: BundleFile[] = [];
  for (const words of groups) {
    const cbor = Buffer.concat([cborHead(ARRAY, 1), cborHead(ARRAY, words.length), ...words.map((word) => word.bytes)]);
    const hex = sha1Hex(cbor);
    const name = shortHash(lang, cbor, taken, hex);
    written.push({ path: `index/${name}.pf_index`, content: earlier.get(hex)?.content ?? zippedChunk(cbor, zipped) });
    chunks.push([words[0]!.word, `${words[words.length - 1]!.word}\u0000`, name]);
  }
  return { chunks, files: written };
}

function zippedChunk(cbor: Buffer, zipped: ZippedChunks | undefined): Uint8Array {
  if (!zipped) return gzipBundleFile(cbor, CHUNK_LEVEL);
  const key = chunkKey(cbor);
  const content = zipped.used.get(key) ?? zipped.earlier.get(key) ?? gzipBundleFile(cbor, CHUNK_LEVEL);
  zipped.used.set(key, content);
  return content;
}

/** The shortest word whose longer forms share its chunk. */
const EXTENDED_LETTERS = 3;

/**
 * Positions of a word kept on each page, at the least. A search downloads every position of its
 * word on every page that has it: "contre", a dozen times on nearly every one of 10,000 pages,
 * was 180 kB of postings. Pagefind reads positions for two things (the search in its
 * WebAssembly, Pagefind 1.5.2): where the excerpt goes (the densest stretch of matched positions)
 * and how often the page has the word (the sum of their weights, which BM25 then saturates).
 * The first positions place the excerpt on real occurrences of the word; the count is carried by
 * their weight (capPositions()). What is lost: a phrase in quotes ("contre le") is found only
 * among the positions kept, and the excerpt marks no occurrence after them.
 */
export const POSITIONS_KEPT = 2;

/** Pagefind reads a weight up to this (a u8). */
const MAX_WEIGHT = 255;

/**
 * How many of a page's `count` positions at `weight` to keep: the fewest, from POSITIONS_KEPT,
 * whose weights can sum to exactly weight × count (24 × 12 occurrences = 144 × 2; 24 × 30 =
 * 240 × 3), so that Pagefind ranks the page as if it had them all. All of them when none can.
 */
function positionsKept(weight: number, count: number): number {
  const total = weight * count;
  for (let kept = POSITIONS_KEPT; kept < count; kept++) if (total <= MAX_WEIGHT * kept && total % kept === 0) return kept;
  return count;
}

/**
 * A word's entry with only the positions positionsKept() keeps on each page, their weight raised
 * so that it counts the page's occurrences as before. Pagefind writes a page's positions as
 * [-(weight + 1), first position, then the distance to each next one]: keeping the first ones is
 * keeping the start of the list. A page's positions at two weights (Pagefind weighs some words at
 * half) are kept whole: their distances run across the change of weight, and they are rare (0.3 %
 * of a language's pages and words at 10,000 articles). A page's positions in its meta fields (its title) are kept
 * whole too. Words with few positions keep their bytes; cut again, a cut entry is the same (its
 * weights already sum to the count with the fewest positions), so a bundle taken back from the
 * published site comes out as it went in.
 */
function capPositions(file: string, word: IndexWord): IndexWord {
  const reader = new CborReader(file, word.bytes, 0);
  const parts: Buffer[] = [];
  let copied = 0;
  const pages = () => {
    const count = reader.head(ARRAY);
    for (let i = 0; i < count; i++) {
      if (reader.head(ARRAY) !== 3) reader.fail("expected each page as [page, positions, meta positions]");
      reader.skip();
      const start = reader.position;
      const length = reader.head(ARRAY);
      if (length > POSITIONS_KEPT + 1) {
        const first = reader.integer();
        const weightEnd = reader.position;
        const kept = first < 0 ? positionsKept(-first - 1, length - 1) : length - 1;
        // Where the last position kept ends; a second weight keeps them all.
        let keptEnd = 0;
        let oneWeight = first < 0;
        for (let j = 1; j < length; j++) {
          if (reader.integer() < 0) oneWeight = false;
          if (j === kept) keptEnd = reader.position;
        }
        if (oneWeight && kept < length - 1) {
          const weight = -first - 1;
          parts.push(word.bytes.subarray(copied, start), cborHead(ARRAY, kept + 1), cborHead(NEGATIVE, (weight * (length - 1)) / kept), word.bytes.subarray(weightEnd, keptEnd));
          copied = reader.position;
        }
      } else {
        for (let j = 0; j < length; j++) reader.integer();
      }
      reader.skip();
    }
  };
  if (reader.head(ARRAY) !== 3) reader.fail("expected each word as [word, pages, variants]");
  reader.text();
  pages();
  const variants = reader.head(ARRAY);
  for (let i = 0; i < variants; i++) {
    if (reader.head(ARRAY) !== 2) reader.fail("expected each variant as [word, pages]");
    reader.text();
    pages();
  }
  reader.end();
  if (parts.length === 0) return word;
  parts.push(word.bytes.subarray(copied));
  return { word: word.word, bytes: Buffer.concat(parts) };
}

/**
 * Index words one after the other, each `[word, pages, variants]`, with their positions cut as
 * chunkIndex() cuts them. A shard's words are cut once, when it is indexed (scripts/lib/pagefind-shards.ts):
 * the merge copies each page's positions as they are, so cut in shards or once merged, they are the same bytes.
 */
export function capWords(file: string, bytes: Buffer): Buffer {
  const reader = new CborReader(file, bytes, 0);
  const parts: Buffer[] = [];
  let cut = false;
  while (reader.position < bytes.length) {
    const start = reader.position;
    reader.skip();
    const entry = bytes.subarray(start, reader.position);
    const capped = capPositions(file, { word: "", bytes: entry }).bytes;
    cut ||= capped !== entry;
    parts.push(capped);
  }
  return cut ? Buffer.concat(parts) : bytes;
}

/** A word of the index and its whole entry, [word, pages, variants], as CBOR. */
interface IndexWord {
  word: string;
  bytes: Buffer;
}

/** pf_index: [[[word, pages, variants], …]], words in order; read without building the postings. */
function readIndexChunk(bundleFile: BundleFile): { cbor: Buffer; words: IndexWord[] } {
  const file = bundleFile.path;
  // Its zipped bytes are not asked for when its CBOR is known: the merge zips them only then.
  const cbor = bundleFile.cbor ?? bundleCbor(file, bundleFile.content);
  const reader = new CborReader(file, cbor, 0);
  if (reader.head(ARRAY) !== 1) reader.fail("expected [words]");
  const count = reader.head(ARRAY);
  if (count === 0) reader.fail("expected at least one word");
  const words: IndexWord[] = [];
  for (let i = 0; i < count; i++) {
    const start = reader.position;
    if (reader.head(ARRAY) !== 3) reader.fail("expected each word as [word, pages, variants]");
    const word = reader.text();
    if (i > 0 && byCodePoints(words[i - 1]!.word, word) >= 0) reader.fail(`words out of order (${JSON.stringify(word)} after ${JSON.stringify(words[i - 1]!.word)})`);
    reader.skip();
    reader.skip();
    words.push({ word, bytes: cbor.subarray(start, reader.position) });
  }
  reader.end();
  // Written again from its words, the chunk must give back its bytes: the reader kept them all.
  if (!Buffer.concat([cborHead(ARRAY, 1), cborHead(ARRAY, count), ...words.map((w) => w.bytes)]).equals(cbor)) {
    throw new PagefindFormatError(file, "its CBOR is not written the way Pagefind 1.5.2 writes it (definite lengths, shortest integers)");
  }
  return { cbor, words };
}

/** pf_filter: [filter, [[value, pages]]] */
function readFilter(file: string, content: Uint8Array, filter: string): [string, number[]][] {
  const value = decodeBundleFile(file, content);
  if (!Array.isArray(value) || value.length !== 2 || value[0] !== filter || !Array.isArray(value[1]) || !value[1].every((entry) => pairOf(entry, isPageList))) {
    throw new PagefindFormatError(file, `expected [${JSON.stringify(filter)}, [[value, pages]]]`);
  }
  const values = value[1] as [string, number[]][];
  unique(file, values.map(([name]) => name));
  return values;
}

/** [text, second] */
function pairOf(value: CborValue, second: (value: CborValue) => boolean): value is [string, CborValue] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && second(value[1]!);
}

function isPageList(value: CborValue): boolean {
  return Array.isArray(value) && value.every((page) => typeof page === "number" && page >= 0);
}

/** Names come from hash map keys: one the same twice would make their order undecidable. */
function unique(file: string, names: string[]) {
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new PagefindFormatError(file, `${JSON.stringify(twice)} is listed twice`);
}

// ---- CBOR (RFC 8949), the part Pagefind's encoder (minicbor) writes in these files ----

const UINT = 0;
const NEGATIVE = 1;
const TEXT = 3;
const ARRAY = 4;

/** Integers, text and arrays of definite length; anything else is not what Pagefind writes. */
export function decodeCbor(file: string, bytes: Buffer): CborValue {
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let at = 0;
  const fail = (problem: string): never => {
    throw new PagefindFormatError(file, `CBOR: ${problem} at byte ${at}`);
  };
  const byte = (): number => (at < bytes.length ? bytes[at++]! : fail("the data ends early"));
  const argument = (info: number): number => {
    if (info < 24) return info;
    if (info > 27) return fail(`additional information ${info} (an indefinite length or a reserved value)`);
    let value = 0;
    for (let i = 0; i < 1 << (info - 24); i++) value = value * 256 + byte();
    return Number.isSafeInteger(value) ? value : fail("an integer too large for JavaScript");
  };
  const item = (): CborValue => {
    const initial = byte();
    const major = initial >> 5;
    const n = argument(initial & 31);
    switch (major) {
      case UINT:
        return n;
      case NEGATIVE:
        return -1 - n;
      case TEXT: {
        if (at + n > bytes.length) return fail("a text longer than the data");
        const text = utf8.decode(bytes.subarray(at, at + n));
        at += n;
        return text;
      }
      case ARRAY:
        return Array.from({ length: n }, item);
      default:
        return fail(`major type ${major}, which Pagefind does not write in its index files`);
    }
  };
  const value = item();
  if (at !== bytes.length) fail(`${bytes.length - at} bytes after the value`);
  return value;
}

/** Reads CBOR items one at a time, skipping those it is not asked for without building them. */
class CborReader {
  private readonly utf8 = new TextDecoder("utf-8", { fatal: true });
  constructor(
    private readonly file: string,
    private readonly bytes: Buffer,
    private at: number,
  ) {}

  get position(): number {
    return this.at;
  }

  fail(problem: string): never {
    throw new PagefindFormatError(this.file, `CBOR: ${problem} at byte ${this.at}`);
  }

  private argument(info: number): number {
    if (info < 24) return info;
    if (info > 27) this.fail(`additional information ${info} (an indefinite length or a reserved value)`);
    let value = 0;
    for (let i = 0; i < 1 << (info - 24); i++) {
      if (this.at >= this.bytes.length) this.fail("the data ends early");
      value = value * 256 + this.bytes[this.at++]!;
    }
    return Number.isSafeInteger(value) ? value : this.fail("an integer too large for JavaScript");
  }

  private next(): { major: number; n: number } {
    if (this.at >= this.bytes.length) this.fail("the data ends early");
    const initial = this.bytes[this.at++]!;
    return { major: initial >> 5, n: this.argument(initial & 31) };
  }

  /** The length of an item of the given major type (an array's count). */
  head(major: number): number {
    const item = this.next();
    if (item.major !== major) this.fail(`major type ${item.major} where ${major} was expected`);
    return item.n;
  }

  /** An integer, positive or negative. */
  integer(): number {
    const { major, n } = this.next();
    if (major === UINT) return n;
    if (major === NEGATIVE) return -1 - n;
    return this.fail(`major type ${major} where an integer was expected`);
  }

  text(): string {
    const n = this.head(TEXT);
    if (this.at + n > this.bytes.length) this.fail("a text longer than the data");
    const text = this.utf8.decode(this.bytes.subarray(this.at, this.at + n));
    this.at += n;
    return text;
  }

  skip(): void {
    let pending = 1;
    while (pending > 0) {
      pending--;
      const { major, n } = this.next();
      if (major === TEXT) this.at += n;
      else if (major === ARRAY) pending += n;
      else if (major !== UINT && major !== NEGATIVE) this.fail(`major type ${major}, which Pagefind does not write in its index files`);
    }
    if (this.at > this.bytes.length) this.fail("a text longer than the data");
  }

  end(): void {
    if (this.at !== this.bytes.length) this.fail(`${this.bytes.length - this.at} bytes after the value`);
  }
}

/** What minicbor writes: definite lengths and each integer in its shortest form. */
/** The head of an item: its major type and its argument (an integer, a length), in the shortest form. */
function cborHead(major: number, n: number): Buffer {
  // The value itself below 24, else 24 to 27 for the 1, 2, 4 or 8 bytes that follow.
  const [info, size] = n < 24 ? [n, 0] : n < 0x100 ? [24, 1] : n < 0x10000 ? [25, 2] : n < 0x100000000 ? [26, 4] : [27, 8];
  const bytes = [(major << 5) | info];
  for (let shift = size - 1; shift >= 0; shift--) bytes.push(Math.floor(n / 256 ** shift) % 256);
  return Buffer.from(bytes);
}

export function encodeCbor(value: CborValue): Buffer {
  const out: number[] = [];
  const head = (major: number, n: number) => {
    for (const byte of cborHead(major, n)) out.push(byte);
  };
  const item = (value: CborValue) => {
    if (typeof value === "number") {
      if (!Number.isSafeInteger(value)) throw new Error(`CBOR: ${value} is not an integer`);
      if (value >= 0) head(UINT, value);
      else head(NEGATIVE, -1 - value);
    } else if (typeof value === "string") {
      const text = Buffer.from(value, "utf8");
      head(TEXT, text.length);
      for (const byte of text) out.push(byte);
    } else {
      head(ARRAY, value.length);
      value.forEach(item);
    }
  };
  item(value);
  return Buffer.from(out);
}

/**
 * One bundle from bundles Pagefind wrote for one language each (scripts/lib/search-index.ts
 * indexes the languages in parallel): their entries' languages side by side, every other file
 * once. Pagefind names its files by their content, so a path two bundles share (its scripts, a
 * fragment with the same text) must hold the same bytes; anything else stops the build.
 */
export function mergeBundles(bundles: readonly (readonly BundleFile[])[]): BundleFile[] {
  const byPath = new Map<string, BundleFile>();
  let merged: Entry | null = null;
  for (const bundle of bundles) {
    for (const file of bundle) {
      if (file.path === ENTRY) {
        const entry = readEntry(file.content);
        if (merged === null) merged = entry;
        else {
          if (entry.version !== merged.version) throw new PagefindFormatError(ENTRY, `bundles of two versions (${merged.version}, ${entry.version}) cannot be merged`);
          for (const [lang, language] of Object.entries(entry.languages)) {
            if (lang in merged.languages) throw new PagefindFormatError(ENTRY, `two bundles index the language ${lang}`);
            merged.languages[lang] = language;
          }
        }
        continue;
      }
      const other = byPath.get(file.path);
      if (other && !Buffer.from(other.content).equals(Buffer.from(file.content))) throw new PagefindFormatError(file.path, "two bundles hold different files under this name");
      byPath.set(file.path, file);
    }
  }
  if (merged === null) throw new PagefindFormatError(ENTRY, "missing from every bundle");
  return [...byPath.values(), { path: ENTRY, content: Buffer.from(JSON.stringify(merged), "utf8") }];
}

/**
 * The part of a bundle one language's index needs, as Pagefind would have written it for that
 * language alone: its entry names only that language; its meta file, its WebAssembly, and its
 * fragments, index chunks and filters (Pagefind 1.5.2 names these `<lang>_<hash>`); and the
 * files every language shares (the scripts, the default WebAssembly). A rebuild takes the
 * languages whose pages did not change from the bundle already published (scripts/lib/search-index.ts).
 */
export function languageBundle(files: readonly BundleFile[], lang: string): BundleFile[] {
  const entryFile = files.find((file) => file.path === ENTRY);
  if (!entryFile) throw new PagefindFormatError(ENTRY, "missing from the bundle");
  const entry = readEntry(entryFile.content);
  const language = entry.languages[lang];
  if (!language) throw new PagefindFormatError(ENTRY, `no index for the language ${lang}`);
  const ownerOf = (file: string): string | null => {
    const chunk = /^(?:fragment|index|filter)\/(.+)_[^/_]+\.pf_(?:fragment|index|filter)$/.exec(file);
    if (chunk) return chunk[1]!;
    const meta = /^pagefind\.(.+)_[^._]+\.pf_meta$/.exec(file);
    if (meta) return meta[1]!;
    return null;
  };
  const kept = files.filter((file) => {
    if (file.path === ENTRY) return false;
    // A language's WebAssembly is named by its entry's `wasm` (a stemmer's language); others are shared.
    const wasm = /^wasm\.(.+)\.pagefind$/.exec(file.path);
    if (wasm) return !Object.values(entry.languages).some((other) => other.wasm === wasm[1]) || language.wasm === wasm[1];
    const owner = ownerOf(file.path);
    if (owner !== null && !(owner in entry.languages)) throw new PagefindFormatError(file.path, "no language's index names this file");
    return owner === null || owner === lang;
  });
  const newEntry = Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, key === "languages" ? { [lang]: language } : value]));
  return [...kept, { path: ENTRY, content: Buffer.from(JSON.stringify(newEntry), "utf8") }];
}

// ---- For scripts/lib/pagefind-shards.ts, which merges the indexes of shards of one language ----

export { CborReader, bundleCbor, byCodePoints, cborHead, readEntry, sha1Hex, type Entry };
