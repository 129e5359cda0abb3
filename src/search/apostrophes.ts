/**
 * Pagefind 1.5 makes extra words of a word's parts only where the word holds ASCII punctuation:
 * "d'asile" is indexed as "dasile", "d" and "asile", while "d’asile", with the typographic
 * apostrophe the site's text uses, is indexed as "dasile" alone, so « asile » would not find it.
 * The index is therefore given ASCII apostrophes between letters (French elisions: « l’État »,
 * « jusqu’à »; names in both languages: O’Rourke), and the search page turns them back into ’ in
 * the excerpts it shows (content/assets/search.js, which holds the same two patterns: it is
 * served as it is and cannot import this module).
 */

/** ’ (U+2019) with a letter on each side: an elision or a name, not a closing quote. */
const TYPOGRAPHIC_BETWEEN_LETTERS = /(?<=\p{L}\p{M}*)\u2019(?=\p{L})/gu;
const ASCII_BETWEEN_LETTERS = /(?<=\p{L}\p{M}*)'(?=\p{L})/gu;

/** The text as Pagefind indexes it: "l’État" → "l'État". */
export function indexedApostrophes(text: string): string {
  return text.replace(TYPOGRAPHIC_BETWEEN_LETTERS, "'");
}

/** The text as readers read it: "l'État" → "l’État". */
export function typographicApostrophes(text: string): string {
  return text.replace(ASCII_BETWEEN_LETTERS, "\u2019");
}
