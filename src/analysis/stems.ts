import { stemmer as frenchStemmer } from "@orama/stemmers/french";
import { stemmer as spanishStemmer } from "@orama/stemmers/spanish";
import type { Lang } from "../languages.ts";
import { fold } from "../text/fold.ts";

/**
 * Word stems, so that the forms of one word are one key: "frontière", "frontières" → "fronti";
 * "acuerdo", "acuerdos" → "acuerd"; "deportación", "deportados" → "deport". The Snowball
 * algorithms for French and Spanish do it (through @orama/stemmers); they read the word in lower
 * case with its accents, and the stem is folded afterwards like every other comparison key, so a
 * word typed without its accents still meets the term that has them.
 */
const STEMMERS: Record<Lang, (word: string) => string> = { fr: frenchStemmer, es: spanishStemmer };

const cache: Record<Lang, Map<string, readonly string[]>> = { fr: new Map(), es: new Map() };
const CACHE_LIMIT = 100_000;

/**
 * Nouns made with a suffix ("extradition", "investissement", "deportación", "aseguramiento") keep
 * it: Snowball would cut them to the verb's stem, and the verb often means something else
 * ("Sheinbaum investie", "se aseguró"). Such a noun matches its own singular and plural only.
 */
const DERIVED_NOUN: Record<Lang, RegExp> = {
  fr: /(?:ment|tion|sion)s?$/,
  es: /(?:mientos?|ci[oó]n|ciones|si[oó]n|siones)$/,
};
const SINGULAR: Record<Lang, (word: string) => string> = {
  fr: (word) => word.replace(/s$/, ""),
  es: (word) => word.replace(/(i[oó]n)es$/, "$1").replace(/s$/, ""),
};

/**
 * Other words Snowball cuts to the stem of another word, where one of the two is a topic's term:
 * "armée" (the army) and "armés" (armed) to the stem of "armes" (weapons), "saisie" (a seizure) to
 * that of "je sais", "encuentro" (a meeting) to that of "se encuentra" (it lies), "inteligencia"
 * (intelligence services) to that of "inteligente", "desarrollo" (development) to that of "se
 * desarrolló" (it took place). And plurals that name another thing: "le commerce" is trade, "les
 * commerces" are shops ("los comercios" too). Each keeps a key of its own.
 */
const OWN_KEY: Record<Lang, ReadonlySet<string>> = {
  // "armee" is "armée" typed without accents; "armes" is left to the weapons.
  fr: new Set(["armé", "armés", "armée", "armées", "armee", "armees", "saisie", "saisies", "commerces"]),
  es: new Set(["encuentro", "encuentros", "inteligencia", "desarrollo", "desarrollos", "comercios"]),
};

/**
 * A word's keys: its stem, and the stem of the word without its accents when that differs, so
 * that a text typed without accents ("frontieres", "energia") still meets its terms: Snowball
 * reads accents ("frontières" → "fronti", but "frontieres" → "frontier").
 */
export function stems(word: string, lang: Lang): readonly string[] {
  const known = cache[lang].get(word);
  if (known !== undefined) return known;
  const lower = word.toLowerCase();
  const own = keyOf(lower, lang);
  // A word with a key of its own keeps that one only: without accents, "armés" would be "armes".
  const keys = own.startsWith("=") ? [own] : [...new Set([own, keyOf(fold(lower), lang)])];
  if (cache[lang].size < CACHE_LIMIT) cache[lang].set(word, keys);
  return keys;
}

function keyOf(lower: string, lang: Lang): string {
  // Marked with "=", so that no Snowball stem can equal them.
  if (OWN_KEY[lang].has(lower) || DERIVED_NOUN[lang].test(lower)) return fold(`=${SINGULAR[lang](lower)}`);
  // Words of three letters or fewer are left whole: cut further, "mur", "ley" or "paz" would meet unrelated words.
  if (lower.length <= 3) return fold(lower);
  return fold(STEMMERS[lang](lower));
}

/**
 * Articles, prepositions and their contractions: they vary between two wordings of one term
 * ("sécurité à la frontière", "sécurité de la frontière"; "acuerdos de seguridad", "acuerdo en
 * seguridad"), so terms are matched on the words around them. Folded forms.
 */
export const FUNCTION_WORDS: Record<Lang, ReadonlySet<string>> = {
  fr: new Set(["le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "a", "au", "aux", "en", "et", "ou", "sur", "pour", "par", "entre"]),
  es: new Set(["el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "de", "del", "a", "al", "en", "y", "e", "o", "u", "sobre", "para", "por", "entre"]),
};
