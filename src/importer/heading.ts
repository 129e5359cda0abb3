/**
 * The article's title as the page showed it. Pages copied from a browser often open with a
 * standfirst or a kicker and then the headline, so the first two paragraphs are looked at; a
 * headline is short and does not end like a sentence (a question or an exclamation may).
 */
const HEADING_SEARCH = 2;
const HEADING_MAX_CHARS = 150;
const HEADING_MAX_WORDS = 25;

export function isHeading(paragraph: string): boolean {
  return (
    paragraph.length <= HEADING_MAX_CHARS &&
    paragraph.split(/\s+/).length <= HEADING_MAX_WORDS &&
    !/[.,;:…]$/u.test(paragraph) &&
    /^[\p{Lu}\p{N}«“"¿¡]/u.test(paragraph)
  );
}

export interface TitleChoice {
  title: string;
  /** Paragraphs without the heading the title was taken from (if it was in the text). */
  paragraphs: string[];
  from: "option" | "heading";
}

function sameText(a: string, b: string): boolean {
  const key = (s: string) => s.normalize("NFC").toLowerCase().replace(/[\s\u00a0\u202f]+/gu, " ").trim();
  return key(a) === key(b);
}

/**
 * A title given by the editor wins; the page's own heading is then dropped from the text only if
 * it says the same thing. Without one, the heading becomes the title and leaves the text. Null
 * when there is neither: the editor must give one, an opening sentence is not a title.
 */
export function chooseTitle(paragraphs: readonly string[], given: string | undefined): TitleChoice | null {
  const searched = paragraphs.slice(0, HEADING_SEARCH);
  // The text must keep at least one paragraph once the heading is out.
  const usable = (i: number) => paragraphs.length > 1 && i >= 0;
  if (given !== undefined) {
    const i = searched.findIndex((p) => sameText(p, given));
    return { title: given, paragraphs: usable(i) ? paragraphs.filter((_, j) => j !== i) : [...paragraphs], from: "option" };
  }
  const i = searched.findIndex(isHeading);
  const heading = paragraphs[i];
  if (!usable(i) || heading === undefined) return null;
  return { title: heading, paragraphs: paragraphs.filter((_, j) => j !== i), from: "heading" };
}
