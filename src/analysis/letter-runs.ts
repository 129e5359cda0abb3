/**
 * Runs of letters, as /\p{L}+/gu finds them, read one code unit at a time: the pattern's iterator
 * and match arrays cost more than the words themselves on the date step's every sentence. A run
 * is whole ("septiembre" in "septiembre," but not in "septiembres"), so a word that must stand
 * alone, (?<![\p{L}])word(?![\p{L}]), is found by comparing runs with it.
 */
import { charClassReader } from "./char-class.ts";

export interface LetterRun {
  word: string;
  start: number;
  end: number;
}

const LETTER = /^\p{L}$/u;
/** How many code units the letter at i takes (0 when there is none there): 2 for an astral one. */
const letterAt = charClassReader(LETTER);

/** Every run of letters of a text, in order. */
export function letterRuns(text: string): LetterRun[] {
  const runs: LetterRun[] = [];
  forEachRun(text, 1, Infinity, (start, end) => runs.push({ word: text.slice(start, end), start, end }));
  return runs;
}

/**
 * Whether a run of letters of the text is one of the words, each mapped to bits: the bits of
 * every such run, or'ed (0 for none). `shortest` and `longest` bound the words' lengths, so
 * that other runs are not even read.
 */
export function wordBits(text: string, words: ReadonlyMap<string, number>, shortest: number, longest: number): number {
  let bits = 0;
  forEachRun(text, shortest, longest, (start, end) => {
    bits |= words.get(text.slice(start, end)) ?? 0;
  });
  return bits;
}

/** Calls `visit` with each run of `shortest` to `longest` code units. */
function forEachRun(text: string, shortest: number, longest: number, visit: (start: number, end: number) => unknown): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    let w = letterAt(text, i);
    if (w === 0) {
      const unit = text.charCodeAt(i);
      i += unit >= 0xd800 && unit <= 0xdbff && i + 1 < length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      continue;
    }
    const start = i;
    while (w > 0) {
      i += w;
      w = i < length ? letterAt(text, i) : 0;
    }
    const size = i - start;
    if (size >= shortest && size <= longest) visit(start, i);
  }
}
