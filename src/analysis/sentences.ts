/**
 * Sentences, so that every fact can be shown with the sentence it comes from. A period ends a
 * sentence only when a capital, a digit or an opening quote follows, and never after an
 * abbreviation or an initial: "M. Blinken", "Mme Sheinbaum", "Sra. Bárcena", "EE. UU.", "U.S.",
 * "É.-U.". Closing quotes stay with the sentence they close; a line break always ends a sentence
 * (titles, captions and one-line paragraphs have no final period).
 */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set([
  "mm", "mme", "mmes", "mlle", "dr", "dre", "dra", "pr", "prof", "mgr", "st", "ste",
  "sr", "sra", "sres", "sras", "srta", "lic", "ing", "gral", "av", "núm", "art", "ee", "mr", "mrs", "ms", "vs", "pp", "env", "approx",
]);

const END = /[.!?…]+(?:\s?["»”’)\]])*(?=\s)|\n/g;
const OPENER = /^\s*[\p{Lu}\p{N}«“"¿¡([—–-]/u;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) sentences.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
    start = end;
  };
  for (const match of text.matchAll(END)) {
    const end = match.index + match[0].length;
    if (match[0] !== "\n") {
      if (!OPENER.test(text.slice(end, end + 3))) continue;
      if (match[0].startsWith(".") && isAbbreviation(text, match.index)) continue;
    }
    push(end);
  }
  push(text.length);
  return sentences;
}

/** Whether the period at an offset closes an abbreviation or an initial ("M.", "Sra.", "U.S.") rather than a sentence. */
export function isAbbreviation(text: string, periodAt: number): boolean {
  const before = /([\p{L}]+)$/u.exec(text.slice(Math.max(0, periodAt - 12), periodAt));
  if (!before) return false;
  const word = before[1] as string;
  // A single letter is an initial or a title: "John F. Kennedy", "U.S.", "M. Blinken".
  if (word.length === 1) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Index of the sentence holding an offset (sentences are sorted): binary search. */
export function sentenceAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sentences[mid] as Sentence).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
