import { isAbbreviation } from "./sentences.ts";
import { type Token, tokenize } from "./tokens.ts";

/**
 * A text's words as the quote reader sees them: each with its lower-case form, accents kept
 * ("critica" is not "crítica"), and the characters between it and the word before, where
 * punctuation says whether a clause goes on.
 */
export interface Word extends Token {
  lower: string;
  gap: string;
}

export class Words {
  readonly list: Word[];

  constructor(readonly text: string) {
    this.list = tokenize(text).map((t, i, all) => ({
      ...t,
      lower: t.text.toLowerCase(),
      gap: text.slice(i === 0 ? 0 : (all[i - 1] as Token).end, t.start),
    }));
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
