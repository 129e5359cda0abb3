import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type BundleFile, CHUNK_BYTES, type CborValue, POSITIONS_KEPT, PagefindFormatError, chunkIndex, decodeBundleFile, encodeBundleFile } from "../../scripts/lib/pagefind-canonical.ts";
import { LANGUAGES } from "../../src/languages.ts";
import { readBundle, readBundleFile } from "../helpers/pagefind-bundle.ts";
import { sharedSite } from "../helpers/shared-sites.ts";

/**
 * The word index is cut into chunks by the build (chunkIndex()), not as Pagefind 1.5.2 cuts it:
 * a search must load the chunk its word is in and no other, every word must stay where Pagefind
 * put its postings, and a word's longer forms must share its chunk (Pagefind finds them there).
 */

/** A made-up index word: [word, pages as [page delta, positions, meta positions], variants]; as many positions as the index keeps. */
const word = (text: string, pages: number, positionsPerPage = POSITIONS_KEPT): CborValue => [
  text,
  Array.from({ length: pages }, (_, page) => [page === 0 ? 0 : 1, [-25, ...Array.from({ length: positionsPerPage }, (_, i) => 10 + i * 7)], []]),
  [],
];
const chunkFile = (words: CborValue[]): BundleFile => {
  const { cbor, content } = encodeBundleFile([words]);
  return { path: `index/fr_${cbor.length}.pf_index`, content };
};
const wordsOf = (files: BundleFile[]) => files.flatMap((file) => (decodeBundleFile(file.path, file.content) as CborValue[][])[0]!);
/** A word's entry is about this many bytes per page (delta, positions, empty meta positions). */
const bigWord = (text: string) => word(text, Math.ceil(CHUNK_BYTES / 8) + 10);

describe("cutting one language's word index into chunks", () => {
  // As Pagefind cuts it: "américain" (no accent-free positions, so counted as nothing) shares a
  // chunk with "arme", and the chunk's range is cut to "am"…"arm".
  const pagefindChunks = [chunkFile([word("70", 2), bigWord("a"), word("accord", 40)]), chunkFile([bigWord("americain"), word("ann", 5), word("annee", 5), word("annonc", 5), bigWord("arme"), word("asil", 3)])];

  it("keeps every word's postings byte for byte, in order", () => {
    const { files } = chunkIndex("fr", pagefindChunks);
    expect(wordsOf(files)).toEqual(wordsOf(pagefindChunks));
  });

  it("ends a chunk at each word whose postings fill it, accents or not", () => {
    const { files } = chunkIndex("fr", pagefindChunks);
    const byChunk = files.map((file) => wordsOf([file]).map((entry) => (entry as CborValue[])[0]));
    expect(byChunk).toEqual([["70", "a"], ["accord", "americain"], ["ann", "annee", "annonc", "arme"], ["asil"]]);
  });

  it("lists ranges from each chunk's first word to its last, and, for a word the index lacks, none that cannot hold a word it begins", () => {
    const { chunks, files } = chunkIndex("fr", pagefindChunks);
    chunks.forEach(([from, to, name], i) => {
      const words = wordsOf([files.find((file) => file.path === `index/${name}.pf_index`)!]).map((entry) => (entry as CborValue[])[0] as string);
      expect([from, to]).toEqual([words[0], `${words[words.length - 1]}\u0000`]);
      if (chunks[i + 1]) expect(to < chunks[i + 1]![0]).toBe(true);
    });
    // Pagefind 1.5.2's lookup: the chunks whose range holds the word, else those whose range,
    // cut to the word's length, holds it cut the same way.
    const cut = (text: string, length: number) => [...text].slice(0, length).join("");
    const lookup = (term: string) => {
      const strict = chunks.filter(([from, to]) => term >= from && term <= to);
      const chosen = strict.length > 0 ? strict : chunks.filter(([from, to]) => cut(term, [...from].length) >= cut(from, [...term].length) && cut(term, [...to].length) <= cut(to, [...term].length));
      return chosen.map(([from]) => from);
    };
    expect(lookup("accord")).toEqual(["accord"]);
    expect(lookup("a")).toEqual(["70"]);
    expect(lookup("americain")).toEqual(["accord"]);
    // "acc" begins "accord": its chunk, not the one of "a".
    expect(lookup("acc")).toEqual(["accord"]);
    expect(lookup("améric")).toEqual([]);
  });

  it("keeps a word's longer forms in its chunk, however many positions it holds", () => {
    const family = [bigWord("migr"), word("migrant", 30), bigWord("migrat"), word("migratoir", 3), word("mil", 2)];
    const { files } = chunkIndex("fr", [chunkFile(family)]);
    const holding = files.map((file) => wordsOf([file]).map((entry) => (entry as CborValue[])[0]));
    expect(holding).toContainEqual(["migr", "migrant", "migrat", "migratoir"]);
  });

  it("gives the same files when cut again, and names each by its bytes as Pagefind does", () => {
    const first = chunkIndex("fr", pagefindChunks);
    const again = chunkIndex("fr", first.files);
    expect(again.chunks).toEqual(first.chunks);
    expect(again.files.map((file) => [file.path, Buffer.from(file.content).toString("base64")])).toEqual(first.files.map((file) => [file.path, Buffer.from(file.content).toString("base64")]));
    for (const [, , name] of first.chunks) expect(name).toMatch(/^fr_[0-9a-f]{7,}$/);
  });

  it("takes from an earlier build the zipped chunks whose words are the same, and gives the files a build from nothing gives", () => {
    const many = [chunkFile([bigWord("a"), bigWord("b"), bigWord("c"), bigWord("d")])];
    const cold = chunkIndex("fr", many);
    const first = { earlier: new Map<string, Uint8Array>(), used: new Map<string, Uint8Array>() };
    const filesOf = (cut: { files: BundleFile[] }) => cut.files.map((file) => [file.path, Buffer.from(file.content).toString("base64")]);
    expect(filesOf(chunkIndex("fr", many, first))).toEqual(filesOf(cold));
    expect(first.used.size).toBe(4);

    // One word's postings change: its chunk is zipped again, the other three are the earlier build's bytes.
    const edited = [chunkFile([bigWord("a"), word("b", 3), bigWord("c"), bigWord("d")])];
    const second = { earlier: first.used, used: new Map<string, Uint8Array>() };
    const rebuilt = chunkIndex("fr", edited, second);
    expect(filesOf(rebuilt)).toEqual(filesOf(chunkIndex("fr", edited)));
    const earlierBytes = new Set(first.used.values());
    expect(rebuilt.files.map((file) => earlierBytes.has(file.content))).toEqual([true, false, true]);
    // Only this build's chunks are kept for the next one.
    expect(second.used.size).toBe(3);
    expect([...second.used.values()].filter((content) => !earlierBytes.has(content))).toHaveLength(1);
  });

  it("stops at words out of order, naming the file", () => {
    expect(() => chunkIndex("fr", [chunkFile([word("b", 1)]), chunkFile([word("a", 1)])])).toThrow(PagefindFormatError);
    expect(() => chunkIndex("fr", [chunkFile([word("b", 1), word("a", 1)])])).toThrow(/^pagefind\/index\/fr_\d+\.pf_index: CBOR: words out of order/);
  });
});

describe("keeping a page's first positions of a word", () => {
  /** Pagefind's positions for a page: the weight as -(weight + 1), the first position, then the distance to each next one. */
  const positions = (weight: number, at: number[]) => [-(weight + 1), ...at.map((p, i) => (i === 0 ? p : p - at[i - 1]!))];
  /** What Pagefind reads back: the page's positions and the sum of their weights, its count of the word. */
  const read = (locs: number[]) => {
    let weight = 25;
    let at = 0;
    const kept: number[] = [];
    let sum = 0;
    for (const value of locs) {
      if (value < 0) weight = -value - 1;
      else {
        at += value;
        kept.push(at);
        sum += weight;
      }
    }
    return { kept, sum };
  };
  type Pages = [number, number[], number[]][];
  type Entry = [string, Pages, [string, Pages][]];
  const onePage = (locs: number[], meta: number[] = []): CborValue => ["zorb", [[3, locs, meta]], []];
  const cut = (entries: CborValue[]): Entry[] => wordsOf(chunkIndex("es", [chunkFile(entries)]).files) as Entry[];
  const firstPage = (entries: Entry[]) => entries[0]![1][0]!;
  const spread = (n: number) => Array.from({ length: n }, (_, i) => 5 + i * 11 + (i % 3));

  it.each([1, 2, 3, 12, 21, 22, 30, 40, 97, 300])("keeps the first positions of a word found %i times, their weights summing to the count", (n) => {
    const at = spread(n);
    const [page, locs, meta] = firstPage(cut([onePage(positions(24, at), [-4, 0])]));
    expect(page).toBe(3);
    expect(meta).toEqual([-4, 0]);
    const { kept, sum } = read(locs);
    expect(sum).toBe(24 * n);
    expect(kept).toEqual(at.slice(0, kept.length));
    // As few as POSITIONS_KEPT while their weights (at most 255 each) can carry the count; a word
    // found more often keeps a few more, far from all of them.
    if (24 * n <= 255 * POSITIONS_KEPT) expect(kept.length).toBe(Math.min(n, POSITIONS_KEPT));
    else expect(kept.length).toBeLessThan(n / 2);
    expect(Math.max(...locs.filter((value) => value < 0).map((value) => -value - 1))).toBeLessThanOrEqual(255);
  });

  it("cuts the positions of every page and of every spelling of the word", () => {
    const entry: CborValue = ["darien", [[0, positions(24, spread(9)), []], [2, positions(24, [7]), []]], [["darién", [[1, positions(24, spread(6)), [-4, 0]]]]]];
    const [, pages, variants] = cut([entry])[0]!;
    expect(pages.map(([, locs]) => read(locs))).toEqual([{ kept: spread(2), sum: 24 * 9 }, { kept: [7], sum: 24 }]);
    expect(variants.map(([spelling, variantPages]) => [spelling, variantPages.map(([page, locs, meta]) => [page, read(locs), meta])])).toEqual([["darién", [[1, { kept: spread(2), sum: 24 * 6 }, [-4, 0]]]]]);
  });

  it("keeps whole the positions of a page at two weights, whose distances run across the change", () => {
    const twoWeights = [-25, 4, 9, -13, 30, 2, 8];
    expect(firstPage(cut([onePage(twoWeights)]))[1]).toEqual(twoWeights);
  });

  it("gives back a cut index as it is, so a bundle taken back from the published site is the same", () => {
    const first = chunkIndex("es", [chunkFile([onePage(positions(24, spread(40))), ["zorbas", [[0, positions(12, spread(13)), []]], []]])]);
    const again = chunkIndex("es", first.files);
    expect(again.files.map((file) => Buffer.from(file.content).toString("base64"))).toEqual(first.files.map((file) => Buffer.from(file.content).toString("base64")));
  });
});

describe("the built site's word index", () => {
  let output: string;
  beforeAll(async () => {
    output = await sharedSite("real");
  });

  it.each(LANGUAGES)("in %s, holds each word in the one chunk whose range covers it", (lang) => {
    const entry = JSON.parse(readFileSync(path.join(output, "pagefind", "pagefind-entry.json"), "utf8"));
    const meta = readBundleFile(output, `pagefind.${entry.languages[lang].hash}.pf_meta`) as CborValue[];
    const chunks = meta[2] as [string, string, string][];
    expect(chunks.length).toBeGreaterThan(1);
    const bundle = readBundle(output);
    expect(bundle.filter((file) => file.path.startsWith(`index/${lang}_`)).map((file) => file.path).sort()).toEqual(chunks.map(([, , name]) => `index/${name}.pf_index`).sort());
    for (const [, , name] of chunks) {
      for (const entry of wordsOf(bundle.filter((file) => file.path === `index/${name}.pf_index`))) {
        const text = (entry as CborValue[])[0] as string;
        const covering = chunks.filter(([from, to]) => Buffer.compare(Buffer.from(from), Buffer.from(text)) <= 0 && Buffer.compare(Buffer.from(text), Buffer.from(to)) <= 0);
        expect(covering.map(([, , hash]) => hash), text).toEqual([name]);
      }
    }
  });
});
