import { fold } from "../text/fold.ts";
import { isAllCaps, type Token, tokenize } from "./tokens.ts";

/**
 * A trie of phrases over tokens: every alias of every actor and every role phrase is compiled
 * once, and a text is matched in one left-to-right pass, longest phrase first.
 * The cost per article is linear in its tokens, whatever the size of the registry.
 *
 * Two spellings change how a phrase matches:
 * - a phrase written in capitals ("AMLO", "EE. UU.", "CIA") matches capitals only, so that
 *   "eu" or "cia" in running text are left alone;
 * - a last word ending in * matches any word that starts with it ("migra*").
 */
interface Node<T> {
  next: Map<string, Node<T>>;
  /** Phrases ending here, each with the exact capitals it requires, if any. */
  ends: { value: T; caps: string[] | null }[];
  prefixes: { prefix: string; value: T; caps: string[] | null }[];
}

export interface PhraseMatch<T> {
  /** Token indexes: [first, last + 1). */
  from: number;
  to: number;
  start: number;
  end: number;
  values: T[];
}

const node = <T>(): Node<T> => ({ next: new Map(), ends: [], prefixes: [] });

export class PhraseIndex<T> {
  private readonly root: Node<T> = node();
  size = 0;

  add(phrase: string, value: T): void {
    const tokens = tokenize(phrase);
    if (tokens.length === 0) return;
    const caps = tokens.every((t) => isAllCaps(t.text)) ? tokens.map((t) => t.text) : null;
    const last = tokens[tokens.length - 1] as Token;
    const wildcard = /\*\s*$/.test(phrase);
    let current = this.root;
    for (const token of wildcard ? tokens.slice(0, -1) : tokens) {
      let child = current.next.get(token.folded);
      if (!child) current.next.set(token.folded, (child = node()));
      current = child;
    }
    if (wildcard) current.prefixes.push({ prefix: last.folded, value, caps });
    else current.ends.push({ value, caps });
    this.size++;
  }

  /** Longest matches, left to right, never overlapping; `skip` marks tokens that may not be matched. */
  matchAll(tokens: Token[], skip?: (index: number) => boolean): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const found = skip?.(i) ? null : this.longestAt(tokens, i, skip);
      if (found) {
        matches.push(found);
        i = found.to;
      } else i++;
    }
    return matches;
  }

  private longestAt(tokens: Token[], from: number, skip?: (index: number) => boolean): PhraseMatch<T> | null {
    let best: { to: number; values: T[] } | null = null;
    let current: Node<T> | undefined = this.root;
    let i = from;
    while (current) {
      // Each step can only lengthen the match, so a later find always replaces an earlier one.
      // Most nodes end no phrase and hold no wildcard: nothing to filter there.
      if (i > from && current.ends.length > 0) {
        const values = current.ends.filter((e) => capsAgree(e.caps, tokens, from)).map((e) => e.value);
        if (values.length > 0) best = { to: i, values };
      }
      const token = tokens[i];
      if (!token || skip?.(i)) break;
      // Wildcard phrases end on the token that starts with their prefix.
      if (current.prefixes.length > 0) {
        const prefixed = current.prefixes.filter((p) => token.folded.startsWith(p.prefix) && capsAgree(p.caps, tokens, from));
        if (prefixed.length > 0) best = { to: i + 1, values: prefixed.map((p) => p.value) };
      }
      current = current.next.get(token.folded);
      i++;
    }
    if (!best) return null;
    const first = tokens[from] as Token;
    const lastToken = tokens[best.to - 1] as Token;
    return { from, to: best.to, start: first.start, end: lastToken.end, values: best.values };
  }
}

function capsAgree(caps: string[] | null, tokens: Token[], from: number): boolean {
  if (!caps) return true;
  // Accents may be missing from capitals ("EE. UU.", "ETATS-UNIS"): compare folded capitals.
  return caps.every((word, k) => {
    const token = tokens[from + k];
    return token !== undefined && isAllCaps(token.text) && fold(token.text) === fold(word);
  });
}
