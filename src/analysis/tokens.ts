import { fold } from "../text/fold.ts";

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

const TOKEN = /@[\p{L}\p{N}_]+|[\p{L}\p{N}]+/gu;

// Words repeat across articles; folding each once keeps tokenizing cheap on a large corpus.
const foldedWords = new Map<string, string>();
const FOLD_CACHE_LIMIT = 200_000;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // exec rather than matchAll: no iterator and no copy of the pattern, on the commonest loop of the analysis.
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const start = match.index;
    const word = match[0];
    let folded = foldedWords.get(word);
    if (folded === undefined) {
      folded = fold(word);
      if (foldedWords.size < FOLD_CACHE_LIMIT) foldedWords.set(word, folded);
    }
    tokens.push({ text: word, folded, start, end: start + word.length });
  }
  return tokens;
}

/** "Antony", "É", "McCarthy": an upper-case letter followed by anything but only upper case. */
export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word) && !isAllCaps(word);
}

export function isAllCaps(word: string): boolean {
  return /^[\p{Lu}\p{N}]+$/u.test(word) && /\p{Lu}/u.test(word);
}
