/**
 * Accent folding: the form in which "López", "LOPEZ" and "lopez" are one word, and "cœur" and
 * "coeur" too. Editors and outlets type the same name with and without accents, ligatures and
 * capitals; every comparison of words, every slug and every date-word search goes through here,
 * so the three can never disagree on a letter.
 */

/**
 * Letters that no accent mark separates from their base (NFD leaves them whole), spelled the way
 * French, Spanish and German write them without the special letter.
 */
const SPELLED_OUT: ReadonlyMap<string, string> = new Map(Object.entries<string>({
  œ: "oe",
  æ: "ae",
  ß: "ss",
  ĳ: "ij",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
}));
const SPECIAL = new RegExp(`[${[...SPELLED_OUT.keys()].join("")}]`, "gu");
const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, without accents, ligatures spelled out: "Œuvre" → "oeuvre". The length may change. */
export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(SPECIAL, (letter) => SPELLED_OUT.get(letter) ?? letter);
}

const foldedChars = new Map<string, string>();

/**
 * Like fold, but one character stays one character ("œ" → "o"), so an offset found in the
 * folded text holds in the original. For searching date words and the like, never for showing.
 */
export function foldInPlace(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return foldPlainInPlace(text) ?? foldAnyInPlace(text);
}

/**
 * The Latin letters and punctuation the digest's texts are written in, folded one code unit at a
 * time from a table: what foldAnyInPlace gives for them, letter for letter, without normalizing
 * and searching the whole text for marks (the costliest part of the date step on a long text).
 * Other scripts, marks, surrogates and "Σ" (whose lower case depends on its neighbours) take
 * the general path: null.
 */
function foldPlainInPlace(text: string): string | null {
  const length = text.length;
  if (buffer.length < length) buffer = new Uint16Array(Math.max(length, 2 * buffer.length));
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    let folded = plainUnits[unit] as number;
    if (folded === 0) plainUnits[unit] = folded = plainFold(unit);
    if (folded === NOT_PLAIN) return null;
    buffer[i] = folded;
  }
  return UTF16.decode(buffer.subarray(0, length));
}

const NOT_PLAIN = 0xffff;
/** Per code unit: what it folds to in place, 0 not yet known, NOT_PLAIN outside the table. */
const plainUnits = new Uint16Array(0x10000);
let buffer = new Uint16Array(4096);
const UTF16 = new TextDecoder("utf-16le");

function plainFold(unit: number): number {
  // Latin and its marks' neighbours, Latin Extended Additional, punctuation and currency signs.
  const plain = unit < 0x0370 || (unit >= 0x1e00 && unit < 0x1f00) || (unit >= 0x2000 && unit < 0x20d0);
  const char = String.fromCharCode(unit);
  if (!plain || unit === 0 || /\p{M}/u.test(char)) return NOT_PLAIN;
  const lower = char.toLowerCase();
  if (lower.length !== 1) return NOT_PLAIN;
  const bare = lower.normalize("NFD").replace(/\p{M}/gu, "");
  if (bare.length !== 1) return NOT_PLAIN;
  const folded = bare.replace(SPECIAL, (letter) => (SPELLED_OUT.get(letter) ?? letter).slice(0, letter.length));
  return folded.length === 1 ? folded.charCodeAt(0) : NOT_PLAIN;
}

/** foldInPlace for any text: as a whole when it folds letter for letter, else one character at a time. */
function foldAnyInPlace(text: string): string {
  // Most texts fold letter for letter as a whole (accents only); the rest go one character at a time.
  const lower = text.toLowerCase();
  if (lower.length === text.length) {
    const bare = lower.normalize("NFD").replace(/\p{M}/gu, "");
    if (bare.length === text.length) return bare.replace(SPECIAL, (letter) => (SPELLED_OUT.get(letter) ?? letter).slice(0, letter.length));
  }
  let out = "";
  for (const char of text) {
    let folded = foldedChars.get(char);
    if (folded === undefined) {
      const full = fold(char);
      folded = full.length >= char.length ? full.slice(0, char.length) : char.toLowerCase().length === char.length ? char.toLowerCase() : char;
      foldedChars.set(char, folded);
    }
    out += folded;
  }
  return out;
}

/** "Œuvre commune : le cœur du problème" → "oeuvre-commune-le-coeur-du-probleme". */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
