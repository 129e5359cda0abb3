import { isAbbreviation } from "./sentences.ts";
import { isPlainLowerCase, type Token, tokenize } from "./tokens.ts";

/**
 * A text's words as the quote reader sees them: each with its lower-case form, accents kept
 * ("critica" is not "crítica"), and the characters between it and the word before, where
 * punctuation says whether a clause goes on.
 */
export interface Word extends Token {
  lower: string;
  /** `lower` composed (NFC): the form the speech verbs' lists are written in. */
  composed: string;
  gap: string;
}

// Words repeat across articles: each one's lower-case and composed forms are made once.
const forms = new Map<string, { lower: string; composed: string }>();
const CACHE_LIMIT = 200_000;

function formsOf(word: string): { lower: string; composed: string } {
  let found = forms.get(word);
  if (found === undefined) {
    const lower = word.toLowerCase();
    found = { lower, composed: lower.normalize("NFC") };
    if (forms.size < CACHE_LIMIT) forms.set(word, found);
  }
  return found;
}

export class Words {
  readonly list: Word[];

  /** `tokens`: the text's tokens when the caller already has them (tokenize(text)). */
  constructor(
    readonly text: string,
    tokens: readonly Token[] = tokenize(text),
  ) {
    const list: Word[] = new Array(tokens.length);
    let previousEnd = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      // Most words are lower-case ASCII already: their own forms, without a lookup.
      const forms = isPlainLowerCase(t.text) ? null : formsOf(t.text);
      const lower = forms ? forms.lower : t.text;
      const composed = forms ? forms.composed : t.text;
      list[i] = { text: t.text, folded: t.folded, start: t.start, end: t.end, lower, composed, gap: text.slice(previousEnd, t.start) };
      previousEnd = t.end;
    }
    this.list = list;
  }

  /** Index of the first word starting at or after an offset. */
  at(offset: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.list[mid] as Word).start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  range(start: number, end: number): { from: number; to: number } {
    return { from: this.at(start), to: this.at(end) };
  }

  between(start: number, end: number): Word[] {
    const { from, to } = this.range(start, end);
    return this.list.slice(from, to);
  }

  /** Punctuation before word k that ends a clause; the period of "M." or "Sra." does not, nor the hyphen of "Basse-Californie". */
  breaksClause(k: number): boolean {
    const word = this.list[k] as Word;
    if (/[;:«»“”"()[\]!?]|\s[—–-]|[—–-]\s/u.test(word.gap)) return true;
    const period = word.gap.indexOf(".");
    return period >= 0 && !isAbbreviation(this.text, word.start - word.gap.length + period);
  }
}
