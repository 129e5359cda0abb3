import { describe, expect, it } from "vitest";
import { isAllCaps, isCapitalized, isPlainLowerCase, startsLowerCase, tokenize } from "../../src/analysis/tokens.ts";
import { fold } from "../../src/text/fold.ts";

/** The definition tokenize reads by hand: a handle, or a run of letters and digits. */
const TOKEN = /@[\p{L}\p{N}_]+|[\p{L}\p{N}]+/gu;

function byPattern(text: string) {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], folded: fold(m[0]), start: m.index, end: m.index + m[0].length }));
}

// Letters with and without accents, digits of other scripts, marks, astral letters and emoji,
// lone surrogates, handles and what surrounds them in a page.
const PIECES = [
  "a", "Z", "é", "É", "ñ", "œ", "ß", "İ", "0", "9", "٣", "²", "Ⅻ", "\u0301", "\u200b", " ", "\n", "-", "’", "'", ".", "«", "»",
  "@", "@", "_", "__", "𝐀", "𝟙", "😀", "\ud800", "\udc00", "中", "ا", "x@y", "@lopezobrador_", "e\u0301", "ǅ", "ª",
];

function randomText(seed: number, length: number): string {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join("");
}

describe("tokenize", () => {
  it("finds what the token pattern finds, offsets included", () => {
    for (const text of ["", "@", "@_", "@@a", "Sherwood-Randall d'Antony l’ambassade", "México, 28 ene (EFE).- @SRE_mx 3 mil 512", "\ud83d\ude00x\ud83dy"]) {
      expect(tokenize(text)).toEqual(byPattern(text));
    }
    for (let seed = 1; seed <= 300; seed++) {
      const text = randomText(seed, 1 + (seed % 60));
      expect(tokenize(text), JSON.stringify(text)).toEqual(byPattern(text));
    }
  });
});

describe("the case of a word", () => {
  // The definitions the functions read by hand, one code unit at a time.
  const capitalized = (w: string) => /^\p{Lu}/u.test(w) && !allCaps(w);
  const allCaps = (w: string) => /^[\p{Lu}\p{N}]+$/u.test(w) && /\p{Lu}/u.test(w);
  const lowerFirst = (w: string) => /^\p{Ll}/u.test(w);
  const differences: string[] = [];
  const check = (word: string) => {
    if (isCapitalized(word) !== capitalized(word) || isAllCaps(word) !== allCaps(word) || startsLowerCase(word) !== lowerFirst(word)) differences.push(word);
    // Its own lower-case, folded and composed form.
    const plain = word.toLowerCase() === word && fold(word) === word && word.normalize("NFC") === word && /^[\x00-\x7f]*$/.test(word) && /^[\p{L}\p{N}]*$/u.test(word);
    if (isPlainLowerCase(word) !== plain) differences.push(`plain ${word}`);
  };

  it("is what \\p{Lu}, \\p{Ll} and \\p{N} say, for every code unit and every word", () => {
    for (const word of ["", "Antony", "É", "McCarthy", "AMLO", "G20", "20", "ÉTATS", "États", "el", "él", "ǅ", "İstanbul", "𝐀BC", "𝐀bc", "a𝐀", "\ud800A", "A\udc00"]) check(word);
    for (let unit = 0; unit < 0x10000; unit++) {
      const char = String.fromCharCode(unit);
      check(char);
      check(`${char}B`);
      check(`A${char}`);
    }
    for (let seed = 1; seed <= 300; seed++) for (const word of randomText(seed, 1 + (seed % 12)).split(/\s+/u)) check(word);
    expect(differences).toEqual([]);
  });
});
