import type { Lang } from "../languages.ts";

/**
 * French typography as a French reader expects it, applied where text is shown (summaries,
 * source text, interface strings), never written into the content: a narrow no-break space
 * (U+202F) inside « » and before ; : ! ?, so that no line starts with a lone mark. Spanish sets
 * its marks tight against the words (¿…?, «…»): it is left as written.
 *
 * A mark is spaced only where it is punctuation: "14:00", "https://…", "?q=" and "&amp;" are not
 * touched (a space is added before ":", "!" and "?" only when a space or the end follows them, and
 * before ";" only by replacing a space already there).
 */
const NARROW = "\u202f";

export function typeset(text: string, lang: Lang): string {
  if (lang !== "fr") return text;
  return text
    .replace(/«[ \u00a0\u202f]*/g, `«${NARROW}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NARROW}»`)
    .replace(/[ \u00a0]+([;:!?])/g, `${NARROW}$1`)
    .replace(/([\p{L}\p{N}»)\]’”])([:!?]+)(?=\s|$|<)/gu, (_, before: string, marks: string) => `${before}${NARROW}${marks}`);
}

/** The same in HTML: only the text between tags, never a tag or its attributes. */
export function typesetHtml(html: string, lang: Lang): string {
  if (lang !== "fr") return html;
  return html.replace(/(^|>)([^<]+)/g, (_, open: string, text: string) => open + typeset(text, lang));
}
