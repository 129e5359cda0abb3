import type { Article } from "../content/corpus.ts";
import { type Finding, type Problem, underRule } from "../content/problems.ts";
import type { Lang } from "../languages.ts";
import { msg, verbatim } from "../messages/index.ts";
import { fold } from "../text/fold.ts";
import type { Registry } from "./registry.ts";
import { FUNCTION_WORDS, stems } from "./stems.ts";
import { isAllCaps, type Token, tokenize } from "./tokens.ts";

/**
 * Topics come from two places. The editors' `topics:` in article.yaml is authoritative; the terms
 * each topic lists ("trafic d’armes", "passeurs", "migra*") only suggest topics the editors did not
 * pick, with how much the article says of them, for them to accept or ignore.
 *
 * A term is matched on word stems, so its singular, plural, feminine and elided forms are one
 * ("passages frontaliers" meets "passage frontalier", "acuerdo de seguridad" meets "acuerdos de
 * seguridad"), and on its content words only: articles and prepositions between them may differ.
 */
export interface TopicSignal {
  topicId: string;
  /** Occurrences of the topic's terms. */
  count: number;
  /** Occurrences in the title or the lede. */
  lead: number;
  /** Evidence: each occurrence weighs by where it is and how specific the term is (see ZONE_WEIGHT). */
  weight: number;
  /** The terms as written, first occurrence of each. */
  terms: string[];
}

/** Where a text is read from: the source's title, its lede (first paragraph), the rest. */
export type TopicZone = "title" | "lede" | "body";

/**
 * A title or a lede states what the article is about: a term there weighs twice a term in the
 * body. A phrase ("trafic d’armes", "acuerdos de seguridad") names its subject more surely than one
 * word ("armes", "seguridad") and weighs twice too, so one clear mention of an article's main
 * announcement suggests its topic.
 */
const ZONE_WEIGHT: Record<TopicZone, number> = { title: 2, lede: 2, body: 1 };
const PHRASE_WEIGHT = 2;

/** Suggestions need a weight of two: two words in the body, or one in the title or lede, or a phrase. */
export const SUGGESTION_MIN_WEIGHT = 2;

export interface TopicText {
  text: string;
  tokens: Token[];
  lang: Lang;
  /** The source's title, when known (article.yaml): read as a zone of its own. */
  title?: string;
}

export function matchTopics(input: TopicText, registry: Registry): TopicSignal[] {
  const terms = topicTermsFor(registry, input.lang);
  const signals = new Map<string, TopicSignal>();
  // Each signal's terms as written once per folded form: the folded forms kept beside it.
  const folded = new Map<string, Set<string>>();
  const add = (match: TermMatch, written: string, zone: TopicZone) => {
    const weight = ZONE_WEIGHT[zone] * (match.term.words.length > 1 ? PHRASE_WEIGHT : 1);
    const key = fold(written);
    for (const topicId of match.term.topicIds) {
      const signal = signals.get(topicId) ?? { topicId, count: 0, lead: 0, weight: 0, terms: [] };
      signal.count++;
      if (zone !== "body") signal.lead++;
      signal.weight += weight;
      let seen = folded.get(topicId);
      if (!seen) folded.set(topicId, (seen = new Set()));
      if (!seen.has(key)) {
        seen.add(key);
        signal.terms.push(written);
      }
      signals.set(topicId, signal);
    }
  };
  if (input.title) {
    for (const match of matchTerms(input.title, tokenize(input.title), input.lang, terms)) add(match, input.title.slice(match.start, match.end), "title");
  }
  const ledeEnd = ledeEndOf(input.text);
  for (const match of matchTerms(input.text, input.tokens, input.lang, terms)) {
    add(match, input.text.slice(match.start, match.end), match.start < ledeEnd ? "lede" : "body");
  }
  return [...signals.values()].sort((a, b) => b.weight - a.weight || b.count - a.count || a.topicId.localeCompare(b.topicId));
}

/**
 * Where the lede ends: with the first paragraph that reads as prose (a dateline, a byline or a
 * caption left above it is too short to be one), and within its first sentences when the article
 * is one long paragraph.
 */
const LEDE_MIN_WORDS = 15;
const LEDE_MAX_WORDS = 60;

function ledeEndOf(text: string): number {
  const paragraph = /\S[\s\S]*?(?=\n\s*\n|\s*$)/g;
  for (const found of text.matchAll(paragraph)) {
    const words = [...found[0].matchAll(/[\p{L}\p{N}]+/gu)];
    if (words.length < LEDE_MIN_WORDS) continue;
    const last = words[Math.min(words.length, LEDE_MAX_WORDS) - 1] as RegExpExecArray;
    return found.index + last.index + last[0].length;
  }
  return 0;
}

export function suggestTopics(signals: TopicSignal[], assigned: readonly string[]): TopicSignal[] {
  return signals.filter((s) => s.weight >= SUGGESTION_MIN_WEIGHT && !assigned.includes(s.topicId));
}

/**
 * A term compiled for matching: one test per content word. A word ending in * matches any word
 * that starts with it ("migra*"); a word written in capitals ("T-MEC", "CFE") matches capitals
 * only; any other word matches on its stem.
 */
type WordTest = { kind: "prefix"; key: string } | { kind: "caps"; key: string } | { kind: "stem"; keys: readonly string[] };

interface CompiledTerm {
  words: WordTest[];
  /** Several topics may list the same term. */
  topicIds: string[];
}

interface TopicTerms {
  /** Terms by the stem of their first word ("fronti"). */
  byStem: Map<string, CompiledTerm[]>;
  /** Terms written in capitals, by their first word folded ("cfe"). */
  byCaps: Map<string, CompiledTerm[]>;
  /** Terms whose first word is a prefix: few, tried at every word. */
  prefixed: CompiledTerm[];
}

const compiled = new WeakMap<Registry, Partial<Record<Lang, TopicTerms>>>();

function topicTermsFor(registry: Registry, lang: Lang): TopicTerms {
  let byLang = compiled.get(registry);
  if (!byLang) compiled.set(registry, (byLang = {}));
  return (byLang[lang] ??= compileTerms(registry, lang));
}

function compileTerms(registry: Registry, lang: Lang): TopicTerms {
  const terms = new Map<string, CompiledTerm>();
  for (const topic of registry.topics.values()) {
    for (const term of topic.terms[lang]) {
      const tokens = tokenize(term).filter((t) => !FUNCTION_WORDS[lang].has(t.folded));
      if (tokens.length === 0) continue;
      const caps = tokens.every((t) => isAllCaps(t.text));
      const wildcard = /\*\s*$/.test(term);
      const words = tokens.map((t, i): WordTest => {
        if (caps) return { kind: "caps", key: t.folded };
        if (wildcard && i === tokens.length - 1) return { kind: "prefix", key: t.folded };
        return { kind: "stem", keys: stems(t.text, lang) };
      });
      const id = words.map((w) => `${w.kind}:${w.kind === "stem" ? w.keys[0] : w.key}`).join(" ");
      const known = terms.get(id);
      if (known) {
        if (!known.topicIds.includes(topic.id)) known.topicIds.push(topic.id);
      } else terms.set(id, { words, topicIds: [topic.id] });
    }
  }
  const byStem = new Map<string, CompiledTerm[]>();
  const byCaps = new Map<string, CompiledTerm[]>();
  const prefixed: CompiledTerm[] = [];
  for (const term of terms.values()) {
    const first = term.words[0] as WordTest;
    if (first.kind === "prefix") prefixed.push(term);
    else if (first.kind === "stem") for (const key of first.keys) byStem.set(key, [...(byStem.get(key) ?? []), term]);
    else byCaps.set(first.key, [...(byCaps.get(first.key) ?? []), term]);
  }
  return { byStem, byCaps, prefixed };
}

/** A content word of the text, as topic terms see it. */
interface Word {
  token: Token;
  /** Index of the token in the text's tokens. */
  index: number;
  /** Its stem, and its stem without accents when that differs (see stems.ts). */
  stems: readonly string[];
  caps: boolean;
  /** Punctuation between this word and the previous one: no term runs across it. */
  breakBefore: boolean;
  /** "et", "y", "ou", "o" between this word and the previous one: no term runs across it either. */
  conjunctionBefore: boolean;
}

export interface TermMatch {
  term: CompiledTerm;
  start: number;
  end: number;
}

/** Punctuation that ends a phrase: no term and no negation reaches across it. */
const BREAK = /[.,;:!?()[\]«»"“”\n]/;

function matchTerms(text: string, tokens: Token[], lang: Lang, terms: TopicTerms): TermMatch[] {
  const words: Word[] = [];
  tokens.forEach((token, index) => {
    if (FUNCTION_WORDS[lang].has(token.folded)) return;
    // Across the function words skipped since the previous content word, too.
    const previous = words[words.length - 1]?.token;
    const gap = previous === undefined ? "" : text.slice(previous.end, token.start);
    words.push({ token, index, stems: stems(token.text, lang), caps: isAllCaps(token.text), breakBefore: BREAK.test(gap), conjunctionBefore: CONJUNCTION[lang].test(gap) });
  });
  const matches: TermMatch[] = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i] as Word;
    let best = longestAt(terms, word, words, i);
    if (!best) {
      i++;
      continue;
    }
    if (!negated(text, tokens, word.index, lang)) {
      const last = words[i + best.words.length - 1] as Word;
      matches.push({ term: best, start: word.token.start, end: last.token.end });
    }
    i += best.words.length;
    // "trafic de drogue et de migrants", "tráfico de armas y de personas": the second noun shares
    // the first one's head, and with it makes a term of its own.
    for (let second = words[i]; best.words.length > 1 && second?.conjunctionBefore && !second.breakBefore; second = words[i]) {
      const elided = [word, { ...second, conjunctionBefore: false }, ...words.slice(i + 1, i + 8)];
      const next = longestAt(terms, word, elided, 0);
      if (!next || next.words.length < 2) break;
      const last = words[i + next.words.length - 2] as Word;
      matches.push({ term: next, start: second.token.start, end: last.token.end });
      i += next.words.length - 1;
      best = next;
    }
  }
  return matches;
}

/** The longest term that starts with `head` and goes on with words[from + 1…]. */
function longestAt(terms: TopicTerms, head: Word, words: Word[], from: number): CompiledTerm | null {
  let best: CompiledTerm | null = null;
  // Plain loops: this runs at every word of every article.
  for (const key of head.stems) best = longer(best, terms.byStem.get(key), words, from);
  if (head.caps) best = longer(best, terms.byCaps.get(head.token.folded), words, from);
  return longer(best, terms.prefixed, words, from);
}

function longer(best: CompiledTerm | null, list: CompiledTerm[] | undefined, words: Word[], from: number): CompiledTerm | null {
  if (!list) return best;
  for (const term of list) if ((best?.words.length ?? 0) < term.words.length && termAt(term, words, from)) best = term;
  return best;
}

/** A conjunction among the function words between two content words. */
const CONJUNCTION: Record<Lang, RegExp> = {
  fr: /(?:^|[^\p{L}])(?:et|ou)(?:$|[^\p{L}])/iu,
  es: /(?:^|[^\p{L}])(?:y|e|o|u)(?:$|[^\p{L}])/iu,
};

function termAt(term: CompiledTerm, words: Word[], from: number): boolean {
  for (let k = 0; k < term.words.length; k++) {
    const test = term.words[k] as WordTest;
    const word = words[from + k];
    if (!word || (k > 0 && (word.breakBefore || word.conjunctionBefore))) return false;
    if (!passes(test, word)) return false;
  }
  return true;
}

function passes(test: WordTest, word: Word): boolean {
  if (test.kind === "caps") return word.caps && word.token.folded === test.key;
  if (test.kind === "prefix") return word.token.folded.startsWith(test.key);
  return sharesKey(test.keys, word.stems);
}

function sharesKey(a: readonly string[], b: readonly string[]): boolean {
  for (const key of a) if (b.includes(key)) return true;
  return false;
}

/**
 * A term said to be absent is no evidence of its topic: "des menaces qui ne connaissent pas de
 * frontières", "Médecins sans frontières", "el crimen no conoce fronteras", "sin fronteras". The
 * mark of it is a negation right before the bare word, with no article between them: "sans",
 * "pas de", "aucun", "jamais de"; "sin", "ningún", "no" and at most one verb. With an article
 * ("sin la cooperación en seguridad", "no frenó el tráfico de armas") the thing itself is
 * spoken of, and counts.
 */
const NEGATION: Record<Lang, { before: ReadonlySet<string>; beforeDe: ReadonlySet<string>; beforeVerb: ReadonlySet<string> }> = {
  fr: { before: new Set(["sans", "aucun", "aucune", "nul", "nulle"]), beforeDe: new Set(["pas", "jamais", "guere", "point"]), beforeVerb: new Set() },
  es: { before: new Set(["sin", "ningun", "ninguna", "ningunos", "ningunas", "no", "nunca", "jamas"]), beforeDe: new Set(), beforeVerb: new Set(["no", "nunca", "jamas"]) },
};

function negated(text: string, tokens: Token[], index: number, lang: Lang): boolean {
  const rules = NEGATION[lang];
  const one = tokens[index - 1];
  const two = tokens[index - 2];
  if (one && rules.before.has(one.folded) && joinedTo(text, tokens, index, one)) return true;
  if (one && two && (one.folded === "de" || one.folded === "d") && rules.beforeDe.has(two.folded) && joinedTo(text, tokens, index, two)) return true;
  return !!one && !!two && rules.beforeVerb.has(two.folded) && !FUNCTION_WORDS[lang].has(one.folded) && joinedTo(text, tokens, index, two);
}

/** Whether no break (a period, a line) falls between an earlier token and token `index`. */
function joinedTo(text: string, tokens: Token[], index: number, from: Token): boolean {
  return !BREAK.test(text.slice(from.end, (tokens[index] as Token).start));
}

/**
 * The topics an article is counted under on topic pages: the editors' choice when they made one;
 * an article nobody has tagged yet (a fresh import) falls back on its suggestions.
 */
export function effectiveTopics(assigned: readonly string[], suggested: TopicSignal[]): string[] {
  return assigned.length > 0 ? [...assigned] : suggested.map((s) => s.topicId);
}

export function checkArticleTopics(articles: Article[], registry: Registry): Problem[] {
  const problems: Finding[] = [];
  const known = [...registry.topics.keys()];
  for (const article of articles) {
    for (const id of article.topics) {
      if (registry.topics.has(id)) continue;
      problems.push({
        file: `${article.dir}/article.yaml`,
        field: "topics",
        expected: msg("topics.defined", { known: known.length > 0 ? known.join(", ") : msg("topics.noneYet") }),
        found: verbatim(JSON.stringify(id)),
        fix: msg("topics.fix", { file: `content/topics/${id}.yaml` }),
      });
    }
  }
  return underRule("unknown-topic", problems);
}
