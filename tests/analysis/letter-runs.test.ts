import { describe, expect, it } from "vitest";
import { letterRuns, wordBits } from "../../src/analysis/letter-runs.ts";
import { calendarWords } from "../../src/analysis/dates.ts";
import { monthAlternation, weekdayAlternation } from "../../src/calendar.ts";

// Letters with and without accents, digits, marks, astral letters and emoji, lone surrogates,
// and what surrounds words in a sentence.
const PIECES = [
  "a", "Z", "é", "É", "ñ", "œ", "ß", "İ", "0", "٣", "\u0301", " ", "\n", "-", "’", ".", "«", "𝐀", "😀", "\ud800", "\udc00", "中",
  "mars", "marzo", "mai", "mayo", "lundi", "lunes", "miercoles", "septiembre", "septiembres", "amars", "12", "ǅ",
];

function randomText(seed: number, length: number): string {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join("");
}

const TEXTS = ["", "le 3 mars, lundi", "Mars", "amars marsa mars-", "12mars", "𝐀mars😀lundi", "\ud800mai\udc00", ...Array.from({ length: 400 }, (_, i) => randomText(i + 1, 1 + (i % 40)))];

describe("letterRuns", () => {
  it("finds what /\\p{L}+/gu finds, offsets included", () => {
    for (const text of TEXTS) {
      expect(letterRuns(text), JSON.stringify(text)).toEqual([...text.matchAll(/\p{L}+/gu)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length })));
    }
  });
});

describe("wordBits", () => {
  it("says which words stand alone in the text, as a look-behind and a look-ahead on letters do", () => {
    const words = new Map([["mars", 1], ["lundi", 2], ["mai", 4], ["a", 8]]);
    for (const text of TEXTS) {
      let expected = 0;
      for (const [word, bit] of words) if (new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, "u").test(text)) expected |= bit;
      expect(wordBits(text, words, 1, 5), JSON.stringify(text)).toBe(expected);
    }
  });
});

describe("calendarWords", () => {
  it("says whether a folded sentence names a month and a weekday, as the names' patterns do", () => {
    const month = new RegExp(`(?<![\\p{L}])(?:${monthAlternation()})(?![\\p{L}])`, "u");
    const weekday = new RegExp(`(?<![\\p{L}])(?:${weekdayAlternation()})(?![\\p{L}])`, "u");
    for (const text of TEXTS) expect(calendarWords(text), JSON.stringify(text)).toBe((month.test(text) ? 1 : 0) | (weekday.test(text) ? 2 : 0));
  });
});
