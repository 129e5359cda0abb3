import type { Lang } from "../languages.ts";

/**
 * French typography as a French reader expects it, applied where text is shown (summaries,
 * source text, interface strings), never written into the content: a narrow no-break space
 * (U+202F) inside « » and before ; : ! ?, so that no line starts with a lone mark. Spanish sets
 * its marks tight against the words (¿…?, «…»): it is left as written.
 *
 * A mark is spaced only where it is punctuation: "14:00", "https://…", "?q=" and "&amp;" are not
 * touched (a space is added before ":", "!" and "?" only when a space, a "»" or the end follows
 * them, and before ";" only by replacing a space already there).
 */
const NARROW = "\u202f";

/**
 * Every rule in one pass, since this runs on every text of every page. In order of the
 * alternatives: « » with only spaces between them (one narrow space inside); the spaces after «;
 * the spaces before »; the spaces before a mark; a mark set against a letter, a figure or a
 * closing sign. A space is any of the plain, no-break and narrow ones, except before a mark,
 * where a narrow space already there is left alone.
 */
const RULES = /(«[ \u00a0\u202f]*»)|(«[ \u00a0\u202f]*)|([ \u00a0\u202f]*»)|[ \u00a0]+([;:!?])|(?<=[\p{L}\p{N}»)\]’”])([:!?]+)(?=\s|$|<|»)/gu;
/** A text with none of these characters has nothing to typeset. */
const MARKS = /[«»;:!?]/;

export function typeset(text: string, lang: Lang): string {
  if (lang !== "fr" || !MARKS.test(text)) return text;
  return text.replace(RULES, spaced);
}

function spaced(_: string, both?: string, open?: string, close?: string, afterSpace?: string, afterWord?: string): string {
  if (both !== undefined) return `«${NARROW}»`;
  if (open !== undefined) return `«${NARROW}`;
  if (close !== undefined) return `${NARROW}»`;
  return NARROW + (afterSpace ?? afterWord!);
}

/** The same in HTML: only the text between tags, never a tag or its attributes. */
export function typesetHtml(html: string, lang: Lang): string {
  if (lang !== "fr" || !MARKS.test(html)) return html;
  return html.replace(/(^|>)([^<]+)/g, (_, open: string, text: string) => open + typeset(text, lang));
}
