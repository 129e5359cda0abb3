import { fold } from "../text/fold.ts";
import { charClassReader } from "./char-class.ts";

/**
 * Words as the analysis sees them. Matching works on tokens rather than on regular expressions
 * with \b, which does not know that "é" is a letter: a token is a run of letters and digits
 * (Unicode-aware), or a handle such as @lopezobrador_. Apostrophes and hyphens separate tokens,
 * so "d'Antony", "l'ambassade" and "Sherwood-Randall" need no special case.
 */
export interface Token {
  /** As written. */
  text: string;
  /** Lower case, without accents: the form every comparison uses. */
  folded: string;
  start: number;
  end: number;
}

// A token is what /@[\p{L}\p{N}_]+|[\p{L}\p{N}]+/gu matches, read here one code unit at a time: the
// pattern's iterator and match arrays were the costliest part of the commonest loop of the analysis.
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** How many code units the letter or digit at i takes (0 when there is none): 2 for an astral one. */
const wordCharAt = charClassReader(WORD_CHAR);

const AT = 0x40;
const UNDERSCORE = 0x5f;

// Words repeat across articles; folding each once keeps tokenizing cheap on a large corpus.
const foldedWords = new Map<string, string>();
const FOLD_CACHE_LIMIT = 200_000;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    let end = i;
    if (text.charCodeAt(i) === AT) {
      // A handle: "@" and at least one letter, digit or "_".
      let j = i + 1;
      for (let w = 0; j < length; j += w) {
        w = text.charCodeAt(j) === UNDERSCORE ? 1 : wordCharAt(text, j);
        if (w === 0) break;
      }
      if (j > i + 1) end = j;
    } else {
      for (let w = wordCharAt(text, end); w > 0 && end < length; w = end < length ? wordCharAt(text, end) : 0) end += w;
    }
    if (end === i) {
      // Neither: step over the code point, both halves of a surrogate pair at once.
      const unit = text.charCodeAt(i);
      i += unit >= 0xd800 && unit <= 0xdbff && i + 1 < length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      continue;
    }
    const word = text.slice(i, end);
    // A word of lower-case ASCII letters and digits (most words) is its own folded form.
    let folded = isPlainLowerCase(text, i, end) ? word : foldedWords.get(word);
    if (folded === undefined) {
      folded = fold(word);
      if (foldedWords.size < FOLD_CACHE_LIMIT) foldedWords.set(word, folded);
    }
    tokens.push({ text: word, folded, start: i, end });
    i = end;
  }
  return tokens;
}

/** Whether text[start, end) is lower-case ASCII letters and digits only: its own lower-case, folded and composed form. */
export function isPlainLowerCase(text: string, start = 0, end = text.length): boolean {
  for (let k = start; k < end; k++) {
    const unit = text.charCodeAt(k);
    if (!((unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39))) return false;
  }
  return true;
}

/** "Antony", "É", "McCarthy": an upper-case letter followed by anything but only upper case. */
export function isCapitalized(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first >= 0xd800 && first <= 0xdfff) return /^\p{Lu}/u.test(word) && !isAllCaps(word);
  return word.length > 0 && (caseOf(first) & UPPER) !== 0 && !isAllCaps(word);
}

/** "AMLO", "G20": upper-case letters and digits only, one letter at least. */
export function isAllCaps(word: string): boolean {
  let upper = false;
  for (let i = 0; i < word.length; i++) {
    const unit = word.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return /^[\p{Lu}\p{N}]+$/u.test(word) && /\p{Lu}/u.test(word);
    const kind = caseOf(unit);
    if ((kind & (UPPER | NUMBER)) === 0) return false;
    if (kind & UPPER) upper = true;
  }
  return upper;
}

/** "migrants", "él": a lower-case letter first, as /^\p{Ll}/u says. */
export function startsLowerCase(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first >= 0xd800 && first <= 0xdfff) return /^\p{Ll}/u.test(word);
  return word.length > 0 && (caseOf(first) & LOWER) !== 0;
}

// The case of a word's letters is asked of every token, several times: per UTF-16 code unit
// outside surrogates, what \p{Lu}, \p{Ll} and \p{N} say of it, found once (astral letters go
// through the patterns themselves).
const KNOWN = 1;
const UPPER = 2;
const LOWER = 4;
const NUMBER = 8;
const unitCase = new Uint8Array(0x10000);

function caseOf(unit: number): number {
  let kind = unitCase[unit] as number;
  if (kind === 0) {
    const char = String.fromCharCode(unit);
    kind = KNOWN | (/\p{Lu}/u.test(char) ? UPPER : 0) | (/\p{Ll}/u.test(char) ? LOWER : 0) | (/\p{N}/u.test(char) ? NUMBER : 0);
    unitCase[unit] = kind;
  }
  return kind;
}
