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
