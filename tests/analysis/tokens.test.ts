import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/analysis/tokens.ts";
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
