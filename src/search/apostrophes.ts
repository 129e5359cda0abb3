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
const ASCII_BETWEEN_LETTERS = /(?<=\p{L}\p{M}*)'(?=\p{L})/gu;
const LETTER = /^\p{L}/u;
const MARK = /^\p{M}/u;

/**
 * The text as Pagefind indexes it: "l’État" → "l'État". The same rule as ASCII_BETWEEN_LETTERS
 * for ’, but looked for from each ’ only: a lookbehind tried at every character of every page
 * was a fifth of the search thread's time at 10,000 articles.
 */
export function indexedApostrophes(text: string): string {
  let at = text.indexOf("\u2019");
  if (at === -1) return text;
  let out = "";
  let copied = 0;
  for (; at !== -1; at = text.indexOf("\u2019", at + 1)) {
    if (!LETTER.test(text.slice(at + 1, at + 3)) || !letterBefore(text, at)) continue;
    out += `${text.slice(copied, at)}'`;
    copied = at + 1;
  }
  return out + text.slice(copied);
}

/** Whether a letter, then any marks, ends at `end`: \p{L}\p{M}* read backwards, a code point at a time. */
function letterBefore(text: string, end: number): boolean {
  let at = end;
  while (at > 0) {
    const start = at >= 2 && /[\ud800-\udbff]/.test(text[at - 2]!) && /[\udc00-\udfff]/.test(text[at - 1]!) ? at - 2 : at - 1;
    const char = text.slice(start, at);
    if (LETTER.test(char)) return true;
    if (!MARK.test(char)) return false;
    at = start;
  }
  return false;
}

/** The text as readers read it: "l'État" → "l’État". */
export function typographicApostrophes(text: string): string {
  return text.replace(ASCII_BETWEEN_LETTERS, "\u2019");
}
