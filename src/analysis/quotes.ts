import { countWords } from "../content/schemas.ts";
import type { Lang } from "../languages.ts";
import { fold } from "../text/fold.ts";
import { countryOfDemonym } from "./demonyms.ts";
import type { Mention } from "./mentions.ts";
import type { Registry } from "./registry.ts";
import { findReferents, type NamedSpan, type Referent, sameNoun, type Speaker, type SpeakerKind } from "./referents.ts";
import { looksLikeStatement, looksLikeTitle, quoteSpans } from "./quoted.ts";
import { sentenceAt, type Sentence } from "./sentences.ts";
import {
  BETWEEN_PHRASES, BETWEEN_WORDS, COMPLEMENT_PREPOSITIONS, DETERMINERS, DOCUMENT_NOUNS, HONORIFICS, INDEFINITE, INSTITUTION_NOUNS,
  NAMING_WORDS, NOUN_LINKS, ROLE_NOUNS,
} from "./speakers.ts";
import { speechVerbs, type SpeechVerbs } from "./speech-verbs.ts";
import { isCapitalized, type Token, tokenize } from "./tokens.ts";
import { type Word, Words } from "./words.ts";

/**
 * Who says what is quoted (quoted.ts finds the quotes and tells speech from lifted phrases). A
 * speech verb (speech-verbs.ts) attaches a quote to a speaker:
 * - after the quote, with its subject after it and words between: « … », avait aussitôt répondu
 *   la ministre; « … », a précisé mardi un communiqué du ministère; “…”, se ha congratulado el
 *   canciller; « … », a-t-il encore ajouté; « … », selon Mme Bárcena; or inside it, « …, observe
 *   X, … »; « A » pour ne pas « B », a déclaré X gives both to X;
 * - before it: X a souligné que « … »; X dijo: “…”; luego de que X afirmara que “…”; selon X, …
 *   « … »; para X, “…”; X s'est montré ferme : « … » (the subject of a sentence ending in a colon);
 *   a coordinated verb ("Sheinbaum subrayó que… pero dejó en claro que “…”") is its first verb's.
 * Who the subject is: a name (in the registry or not), else an institution, else a noun that needs
 * the rest of the article: a role ("la gobernadora", "el funcionario": the person of that role or
 * gender the previous sentences are about), a document ("poursuit le texte": its author), "les
 * autorités mexicaines" (the country), or nothing at all: Spanish drops the subject ("…",
 * subrayó.), and the speaker is then who the paragraph is about (the last one quoted or made to
 * speak by a verb, or the subject of the sentence before), else who spoke in the paragraphs before,
 * or, for a quote that opens the article, who the next sentences make speak. A pronoun ("a-t-il
 * dit") is the last person quoted, if of that gender, else the only person of that gender named
 * earlier in the paragraph. A quote that follows an attributed one in the same paragraph, with
 * nothing saying otherwise, continues it; so does a quote alone after "La mandataria concedió
 * que…".
 *
 * What is not speech: names of programmes, laws, operations and titles (denominado “Plan …”, la
 * llamada “Ley …”, l'opération « … »); short quotes (under four words) that no speech verb attaches
 * as a statement: scare quotes (une opération « en haute mer », a qualifié la mesure
 * d'« historique »), a few words of a sentence (doit « rester en vigueur », a-t-il dit); and longer
 * phrases that say nothing by themselves (« à haut niveau, dès que possible ») unless a verb right
 * after them, or a "selon X," before them, says who said them.
 */
/** Words that open a clause of their own after "…", subrayó,: "al señalar", "tras", "en rappelant". */
const CLAUSE_OPENERS = new Set([
  "al", "tras", "luego", "después", "antes", "mientras", "para", "sin", "quien", "que", "donde", "aunque", "pues", "porque", "ya", "y", "e", "pero",
  "après", "avant", "pour", "sans", "lorsque", "alors", "qui", "tout", "puis", "mais", "car", "et", "tandis",
]);

export type Attribution = "after" | "before" | "according-to" | "pronoun" | "continuation" | "context";

export interface Quote {
  text: string;
  start: number;
  end: number;
  /** Actor id, or null when the text does not say who, or names someone not in the registry. */
  speaker: string | null;
  /** The words naming the speaker when the registry does not know them ("Gustavo Petro", "un haut responsable américain"). */
  speakerText?: string;
  attribution: Attribution | null;
  /** The sentences the quote spans, with its attribution. */
  sentence: string;
}

export type { NamedSpan } from "./referents.ts";

export interface QuoteContext {
  /** The text's language: its speech verbs, auxiliaries and statement words. No default: a Spanish text read as French finds no "dijo". */
  lang: Lang;
  candidates?: readonly NamedSpan[];
  /** The text's tokens (tokenize(text)), when the caller has them already. */
  tokens?: readonly Token[];
}

const MIN_WORDS = 4;

/** A gap of spaces only: the words on either side belong to one verb form. */
const SPACES = /^\s+$/u;

interface Found {
  speaker: Speaker | null;
  speakerText?: string;
  attribution: Attribution;
  /** The attribution follows the quote at once: « … », a-t-il dit. */
  adjacent?: boolean;
  /** The attribution is the next quote's: « A » pour « B », a-t-il dit. */
  shared?: boolean;
  /** The quote is all the verb reports: afirmó que « … ». */
  introduced?: boolean;
}

/** A speech verb's words (indexes), with its inverted pronoun: "a-t-il dit". */
interface Verb {
  start: number;
  end: number;
  pronoun?: string;
}

/** Where a quote sits. */
interface Place {
  quoteStart: number;
  quoteEnd: number;
  sentenceStart: number;
  sentenceEnd: number;
  paragraphStart: number;
  /** Index of the sentence the quote starts in. */
  sentence: number;
}

export function findQuotes(text: string, sentences: Sentence[], mentions: Mention[], registry: Registry, context: QuoteContext): Quote[] {
  // A text without quotation marks quotes nobody: no need to read who might speak.
  const spans = quoteSpans(text);
  if (spans.length === 0) return [];
  return new QuoteReader(text, sentences, mentions, registry, context, spans).read();
}

class QuoteReader {
  private readonly index: Words;
  private readonly words: Word[];
  private readonly verbs: SpeechVerbs;
  private readonly referents: Referent[];
  private readonly spans: { start: number; end: number }[];
  private last: { speaker: Speaker; paragraphStart: number; sentence: number } | null = null;
  private lastSubject: { speaker: Speaker; paragraphStart: number; sentence: number } | null = null;
  private sayersCache: Map<number, { at: number; speaker: Speaker }[]> | null = null;
  /** The speech verb starting at each word, once read (undefined: not read yet). */
  private readonly verbCache: (Verb | null | undefined)[];
  /** Each offset's first referent other than a country, in the order of `referents`. */
  private referentAtCache: Map<number, Referent> | null = null;
  /** Per word, whether it starts inside a quotation (past its opening mark, before its closing one). */
  private quotedCache: Uint8Array | null = null;

  constructor(
    private readonly text: string,
    private readonly sentences: Sentence[],
    mentions: Mention[],
    private readonly registry: Registry,
    private readonly context: QuoteContext,
    spans: { start: number; end: number }[],
  ) {
    this.index = new Words(text, context.tokens);
    this.words = this.index.list;
    this.verbs = speechVerbs(context.lang);
    this.verbCache = new Array<Verb | null | undefined>(this.words.length).fill(undefined);
    this.spans = spans;
    // Names inside a quote are what the speaker talks about, never the speaker.
    this.referents = findReferents(this.index, sentences, mentions, registry, context.lang, context.candidates).filter((r) => !this.spans.some((q) => r.start > q.start && r.end < q.end));
  }

  read(): Quote[] {
    const quotes: Quote[] = [];
    const spans = this.spans;
    spans.forEach((span, index) => {
      const inner = this.text.slice(span.start + 1, span.end - 1).trim();
      const paragraphStart = this.text.lastIndexOf("\n", span.start) + 1;
      const first = sentenceAt(this.sentences, span.start);
      const last = sentenceAt(this.sentences, span.end - 1);
      const sentenceStart = (this.sentences[first] as Sentence).start;
      const sentenceEnd = (this.sentences[last] as Sentence).end;
      if (this.isName(inner, span.start, sentenceStart)) return;

      const at = { quoteStart: span.start, quoteEnd: span.end, sentenceStart, sentenceEnd, paragraphStart, sentence: first };
      let found =
        this.attributedAfter(at) ??
        this.sharedWithNext(index, at) ??
        this.incise(span, at) ??
        this.attributedBefore(at, inner) ??
        this.introducedByColon(at);
      if (!found && this.last && this.last.paragraphStart === paragraphStart && first - this.last.sentence <= 1 && !this.subjectBefore(sentenceStart, span.start)) {
        found = { speaker: this.last.speaker, attribution: "continuation" };
      }
      // « … » alone after "La mandataria concedió que…": the one the previous sentence makes speak.
      const previous = this.sentences[first - 1];
      const sayer = previous && previous.start >= paragraphStart && this.text.slice(sentenceStart, span.start).trim() === "" ? this.sayers().get(first - 1)?.at(-1) : undefined;
      if (!found && sayer) found = { speaker: sayer.speaker, attribution: "continuation" };
      const short = countWords(inner) < MIN_WORDS;
      if (short && (!found || found.attribution === "continuation" || found.shared)) return;
      // « Nunca », respondió: a short answer is speech; aunque « están vacíos », aseguró too; but
      // doit « rester en vigueur », a-t-il dit: a few words of a sentence that is not.
      if (short && found?.adjacent && /[\p{L}\p{N}]/u.test(this.text.slice(sentenceStart, span.start)) && !looksLikeStatement(inner, this.context.lang)) return;
      // A phrase that says nothing by itself ("à haut niveau, dès que possible") is speech only
      // when a verb right after it says who said it, when it is all a verb reports ("afirmó que
      // « … »"), or with a "selon X," in front of it.
      if (!short && !looksLikeStatement(inner, this.context.lang) && !found?.adjacent && !found?.introduced && (found?.attribution !== "according-to" || found.shared)) return;

      if (found?.speaker) {
        this.last = { speaker: found.speaker, paragraphStart, sentence: last };
        // "selon le New York Times, « … »" names a source, not the subject a dropped one continues.
        if (found.attribution !== "according-to") this.lastSubject = this.last;
      }
      const speakerText = found?.speaker && !found.speaker.actorId ? found.speaker.name : found?.speakerText;
      quotes.push({
        text: inner,
        start: span.start,
        end: span.end,
        speaker: found?.speaker?.actorId ?? null,
        ...(speakerText ? { speakerText } : {}),
        attribution: found?.attribution ?? null,
        sentence: this.text.slice(sentenceStart, sentenceEnd).trim(),
      });
    });
    return quotes;
  }

  // --- Names that are not speech ----------------------------------------------------------------

  /** "denominado « Plan Frontera Sur »", "la llamada « Ley … »", "l'opération « … »": a name, not speech. */
  private isName(inner: string, quoteStart: number, sentenceStart: number): boolean {
    const before = this.index.between(sentenceStart, quoteStart);
    const previous = before[before.length - 1];
    if (previous && /^\s*$/u.test(this.text.slice(previous.end, quoteStart).replace(/[’']/gu, "")) && NAMING_WORDS.has(previous.lower)) return true;
    // "como « … »", "comme « … »" after a naming verb: "conocido como", "qualifié de".
    const two = before[before.length - 2];
    if (previous && two && /^(?:como|comme|de|d|en)$/u.test(previous.lower) && NAMING_WORDS.has(two.lower)) return true;
    return looksLikeTitle(inner);
  }

  // --- Attribution after the quote --------------------------------------------------------------

  private attributedAfter(at: Place): Found | null {
    const index = this.index.at(at.quoteEnd);
    const first = this.words[index];
    if (!first || first.start >= at.sentenceEnd) return null;
    if (!/^\s*[,—–-]?\s*$/u.test(this.text.slice(at.quoteEnd, first.start))) return null;
    const found = this.attributionAt(index, at.sentenceEnd, at);
    return found ? { ...found, adjacent: true } : null;
  }

  /** A speech verb (or "selon", "según") at word `index`, and who it says spoke. */
  private attributionAt(index: number, limit: number, at: Place): Found | null {
    const first = this.words[index];
    if (!first) return null;
    if (ACCORDING.has(first.lower) || (first.lower === "de" && this.words[index + 1]?.lower === "acuerdo") || (first.lower === "d" && this.words[index + 1]?.lower === "après")) {
      const skip = first.lower === "de" ? 3 : first.lower === "d" ? 2 : 1;
      // "según explicó la mandataria": the verb after según says who.
      if (this.verbAt(index + skip)) return this.attributionAt(index + skip, limit, at);
      const pronoun = this.stressedPronoun(index + skip, at);
      if (pronoun !== undefined) return { speaker: pronoun, attribution: "pronoun" };
      const np = this.subjectFrom(index + skip, limit);
      if (!np) return null;
      return { ...this.resolvePhrase(np.from, np.to, at.quoteStart, at.sentence), attribution: "according-to" };
    }
    const verb = this.verbAt(index);
    if (!verb) return null;
    if (verb.pronoun) return { speaker: this.personOf(verb.pronoun, at.paragraphStart, at.quoteStart, at.sentence, true), attribution: "pronoun" };
    const np = this.subjectFrom(verb.end, limit);
    // "…", subrayó.: the subject is the one the previous sentences are about.
    if (!np) return { speaker: this.topic(at.quoteStart, at.sentence, {}), attribution: "context" };
    return { ...this.resolvePhrase(np.from, np.to, at.quoteStart, at.sentence), attribution: "after" };
  }

  /** « A », le traité…, et « B », a écrit le président: both are his. */
  private sharedWithNext(index: number, at: Place): Found | null {
    const next = this.spans[index + 1];
    if (!next || next.start - at.quoteEnd > 160 || next.end > at.sentenceEnd + 1) return null;
    if (/[.!?;]\s/u.test(this.text.slice(at.quoteEnd, next.start))) return null;
    const last = sentenceAt(this.sentences, next.end - 1);
    const after = this.attributedAfter({ ...at, quoteStart: next.start, quoteEnd: next.end, sentenceEnd: (this.sentences[last] as Sentence).end });
    return after && after.attribution !== "context" ? { ...after, adjacent: false, shared: true } : null;
  }

  /** « Désormais, les cartels…, observe Marcos Vizcarra, journaliste. A Culiacán… »; "Y le hemos dicho no - recalcó- México…": the attribution inside the quote. */
  private incise(span: { start: number; end: number }, at: Place): Found | null {
    const { from, to } = this.index.range(span.start + 1, span.end - 1);
    for (let i = from + 1; i < to; i++) {
      const w = this.words[i] as Word;
      if (!/^\s*[,—–-]\s*$/u.test(w.gap)) continue;
      const verb = this.verbAt(i);
      if (!verb || verb.end >= to) continue;
      // The incise closes with a comma, a dash or a period.
      const limit = (this.words[Math.min(to, verb.end + 12)] ?? this.words[to - 1] as Word).start;
      const found = this.attributionAt(i, Math.min(limit, span.end), at);
      const closes = /[,—–.-]/u.test((this.words[verb.end] as Word | undefined)?.gap ?? "");
      if (found && (found.speaker || (found.attribution === "after" && found.speakerText)) && (found.attribution !== "context" || closes)) {
        return { ...found, adjacent: true };
      }
    }
    return null;
  }

  /** "Marcelo Ebrard s'est montré plus virulent sur Twitter : « … »": the sentence's subject speaks after a colon. */
  private introducedByColon(at: Place): Found | null {
    if (!/:\s*$/u.test(this.text.slice(at.sentenceStart, at.quoteStart))) return null;
    // "interrogée sur les propos tenus par le candidat : « … »": the words are the candidate's, not the subject's.
    const { from, to } = this.index.range(at.sentenceStart, at.quoteStart);
    const said = this.words.slice(from, to).findIndex((w) => SPEECH_NOUNS.has(w.lower));
    if (said >= 0) {
      const by = this.words.slice(from + said + 1, to).findIndex((w) => /^(?:de|du|des|del|par|por)$/u.test(w.lower));
      const np = by >= 0 ? this.subjectFrom(from + said + 1 + by + 1, at.quoteStart) : null;
      const found = np ? this.resolvePhrase(np.from, np.to, at.quoteStart, at.sentence) : null;
      return found?.speaker ? { ...found, attribution: "before" } : null;
    }
    const subject = this.subjectBefore(at.sentenceStart, at.quoteStart);
    if (!subject || subject === "pronoun") return null;
    const found = this.resolvePhrase(subject.from, this.phraseEnd(subject.from, at.quoteStart), at.quoteStart, at.sentence);
    return found.speaker ? { ...found, attribution: "before" } : null;
  }

  /** A speech verb starting at word `i`: "a-t-il encore ajouté", "s'est réjouie", "se ha congratulado", "dio a conocer". */
  private verbAt(i: number): Verb | null {
    // Indexes past the text's words are read (and find nothing) without being kept.
    if (i < 0 || i >= this.verbCache.length) return this.readVerb(i);
    let verb = this.verbCache[i];
    if (verb === undefined) this.verbCache[i] = verb = this.readVerb(i);
    return verb;
  }

  /** The first referent (not a country) that starts at an offset: `referents.find` for every word of a sentence, read once. */
  private referentAt(offset: number): Referent | undefined {
    if (this.referentAtCache === null) {
      this.referentAtCache = new Map();
      for (const r of this.referents) if (r.kind !== "country" && !this.referentAtCache.has(r.start)) this.referentAtCache.set(r.start, r);
    }
    return this.referentAtCache.get(offset);
  }

  /** Whether word i starts inside a quotation: what a speaker says is not who speaks. */
  private quoted(i: number): boolean {
    if (this.quotedCache === null) {
      const quoted = new Uint8Array(this.words.length);
      for (const q of this.spans) for (let k = this.index.at(q.start + 1); k < quoted.length && (this.words[k] as Word).start < q.end; k++) quoted[k] = 1;
      this.quotedCache = quoted;
    }
    return this.quotedCache[i] === 1;
  }

  private readVerb(i: number): Verb | null {
    const words = this.words;
    let j = i;
    let reflexive = false;
    if (words[j]?.lower === "se" || (words[j]?.lower === "s" && /^['’]$/u.test(words[j + 1]?.gap ?? ""))) {
      reflexive = true;
      j++;
    }
    const aux = words[j]?.lower;
    const auxiliaries = this.context.lang === "fr" ? (reflexive ? FR_REFLEXIVE_AUX : FR_AUX) : ES_AUX;
    if (aux && auxiliaries.has(aux)) {
      let k = j + 1;
      const pronoun = this.invertedPronoun(k);
      if (pronoun) k = pronoun.end;
      k = this.skipBetween(k, 4);
      const participle = this.formAt(k, this.verbs.participles) ?? this.carried(k, MODAL_PARTICIPLES);
      if (participle) return { start: i, end: participle, ...(pronoun ? { pronoun: pronoun.word } : {}) };
      return null;
    }
    const finite = this.formAt(j, this.verbs.finite) ?? this.carried(j, MODAL_FINITE);
    if (!finite) return null;
    // "le juge", "la demanda": a determiner in front makes it a noun.
    const before = words[i - 1];
    if (before && DETERMINERS.has(before.lower) && /^\s+$/u.test(words[i]?.gap ?? "")) return null;
    const pronoun = this.invertedPronoun(finite);
    return { start: i, end: pronoun ? pronoun.end : finite, ...(pronoun ? { pronoun: pronoun.word } : {}) };
  }

  /** A verb that carries a speech verb's infinitive: "volvió a repetir", "a tenu à rappeler", "quiso aclarar". */
  private carried(k: number, modals: Set<string>): number | null {
    const modal = this.words[k];
    if (!modal || !modals.has(modal.lower)) return null;
    let at = k + 1;
    const pronoun = this.invertedPronoun(at);
    if (pronoun) at = pronoun.end;
    if (/^(?:a|à|de|d)$/u.test(this.words[at]?.lower ?? "")) at++;
    const infinitive = this.formAt(at, this.verbs.infinitives);
    return infinitive && !pronoun ? infinitive : null;
  }

  /** "selon lui", "según ella": the person that pronoun stands for (undefined when there is no such pronoun). */
  private stressedPronoun(k: number, at: Place): Speaker | null | undefined {
    const word = this.words[k];
    const gender = word ? STRESSED_PRONOUNS.get(word.lower) : undefined;
    if (!gender) return undefined;
    return this.personOf(gender === "f" ? "elle" : "il", at.paragraphStart, at.quoteStart, at.sentence, true);
  }

  /** "-t-il", "-elle", "-t-on" right after a verb or an auxiliary. */
  private invertedPronoun(k: number): { end: number; word: string } | null {
    let at = k;
    if (this.words[at]?.lower === "t" && this.words[at]?.gap === "-") at++;
    const word = this.words[at];
    if (word && word.gap === "-" && PRONOUNS.has(word.lower)) return { end: at + 1, word: word.lower };
    return null;
  }

  /** The end (word index) of a form of the set starting at word k, the longest first. */
  private formAt(k: number, forms: Set<string>): number | null {
    const first = this.words[k];
    if (!first || !this.verbs.firstWords.has(first.composed)) return null;
    // The forms of 1, 2… words from k, as far as only spaces separate them.
    const keys = [first.composed];
    for (let n = 1; n < this.verbs.longest; n++) {
      const next = this.words[k + n];
      if (!next || !SPACES.test(next.gap)) break;
      keys.push(`${keys[n - 1]} ${next.composed}`);
    }
    for (let n = keys.length; n >= 1; n--) if (forms.has(keys[n - 1] as string)) return k + n;
    return null;
  }

  private skipBetween(k: number, max: number): number {
    let at = k;
    for (let n = this.betweenLength(at); n > 0 && at < k + max; n = this.betweenLength(at)) at += n;
    return at;
  }

  /** How many words at k are an adverb or a time between a verb and its subject (0 if none): "encore", "mardi", "pour sa part". */
  private betweenLength(k: number): number {
    const word = this.words[k];
    if (!word) return 0;
    for (const phrase of BETWEEN_PHRASES_BY_FIRST.get(word.lower) ?? []) {
      if (phrase.every((p, i) => this.words[k + i]?.lower === p && (i === 0 || !/[,.;:]/u.test((this.words[k + i] as Word).gap)))) return phrase.length;
    }
    if (BETWEEN_WORDS.has(word.lower) || (/(?:ment|mente)$/u.test(word.lower) && word.lower.length > 6 && !isCapitalized(word.text))) return 1;
    return 0;
  }

  /**
   * Where the subject after a verb starts and ends (word indexes), skipping adverbs, time words
   * and complements ("lors d'une conférence de presse", "ante medios", "à l'AFP"); null when
   * the clause has none.
   */
  private subjectFrom(k: number, limit: number): { from: number; to: number } | null {
    // "…", subrayó, al señalar que…: a comma then a clause of its own; the verb had no subject.
    const next = this.words[k];
    const gerund = (w: Word | undefined) => w !== undefined && (/(?:ando|iendo|yendo)$/u.test(w.lower) || (this.context.lang === "fr" && /ant$/u.test(w.lower)));
    if (next && /,/u.test(next.gap) && (CLAUSE_OPENERS.has(next.lower) || gerund(next) || (next.lower === "en" && gerund(this.words[k + 1])))) return null;
    let at = k;
    let inComplement = false;
    const max = k + 20;
    for (; at < max; at++) {
      const word = this.words[at];
      if (!word || word.start >= limit || this.index.breaksClause(at)) return null;
      const previous = this.words[at - 1];
      if (at > k && /,/u.test(word.gap)) inComplement = false;
      const between = this.betweenLength(at);
      if (between > 0) {
        at += between - 1;
        continue;
      }
      // "el martes", "ce lundi", "cette semaine": a time, not a subject.
      if (DETERMINERS.has(word.lower) && this.words[at + 1] && BETWEEN_WORDS.has((this.words[at + 1] as Word).lower)) continue;
      if (COMPLEMENT_PREPOSITIONS.has(word.lower) && !(word.lower === "a" && this.context.lang === "fr")) {
        inComplement = true;
        continue;
      }
      if (inComplement) {
        const linked = previous && (COMPLEMENT_PREPOSITIONS.has(previous.lower) || NOUN_LINKS.has(previous.lower) || DETERMINERS.has(previous.lower) || /['’]$/u.test(word.gap));
        const startsPhrase = (DETERMINERS.has(word.lower) || HONORIFICS.has(word.lower) || isCapitalized(word.text)) && !linked && !(isCapitalized(word.text) && previous && isCapitalized(previous.text));
        if (!startsPhrase) continue;
        inComplement = false;
      }
      if (DETERMINERS.has(word.lower) || HONORIFICS.has(word.lower) || isCapitalized(word.text) || /^\p{Lu}{2,}$/u.test(word.text) || ROLE_NOUNS.has(word.lower) || INSTITUTION_NOUNS.has(word.lower) || DOCUMENT_NOUNS.has(word.lower)) {
        return { from: at, to: this.phraseEnd(at, limit) };
      }
      return null;
    }
    return null;
  }

  /** A noun phrase runs over names, adjectives and "de" complements, and over an apposition ", Juan Pérez,"; it stops at a preposition. */
  private phraseEnd(from: number, limit: number): number {
    let at = from + 1;
    for (; at < from + 24; at++) {
      const word = this.words[at];
      if (!word || word.start >= limit) break;
      if (/\(/u.test(word.gap) && !/[;:«»“”"!?]/u.test(word.gap)) {
        // A parenthesis belongs to the phrase: "l'agence anti-drogue (DEA)", "de EU (CBP, en sus siglas en inglés), Kevin McAleenan".
        let close = at;
        while (close < at + 12 && this.words[close + 1] && !/\)/u.test((this.words[close + 1] as Word).gap)) close++;
        const next = this.words[close + 1];
        if (!next || close >= at + 12 || next.start >= limit) return close + 1;
        if (/\)\s*,\s*$/u.test(next.gap) && isCapitalized(next.text)) {
          at = close + 1;
          continue;
        }
        return close + 1;
      }
      if (this.index.breaksClause(at)) break;
      if (/,/u.test(word.gap)) {
        // An apposition gives the name: "le ministre de l'Intérieur, Juan Pérez".
        if (isCapitalized(word.text) && this.betweenLength(at) === 0) continue;
        break;
      }
      if (COMPLEMENT_PREPOSITIONS.has(word.lower) && !NOUN_LINKS.has(word.lower)) {
        // "el embajador de Estados Unidos en México, Ronald Johnson": the name after the complement.
        let k = at + 1;
        while (k < at + 6 && this.words[k] && !this.index.breaksClause(k) && !/,/u.test((this.words[k] as Word).gap)) k++;
        const named = this.words[k];
        if (named && k < at + 6 && /,/u.test(named.gap) && !this.index.breaksClause(k) && isCapitalized(named.text) && this.referents.some((r) => r.start === named.start && r.kind === "person")) {
          at = k - 1;
          continue;
        }
        break;
      }
      if (word.lower === "que" || word.lower === "qui" || word.lower === "quien") break;
      if (this.verbAt(at)) break;
    }
    return at;
  }

  // --- Attribution before the quote -------------------------------------------------------------

  private attributedBefore(at: Place, inner: string): Found | null {
    const { quoteStart, sentenceStart, paragraphStart, sentence } = at;
    const short = countWords(inner) < MIN_WORDS;
    const words = this.index.range(sentenceStart, quoteStart);
    const verbs: Verb[] = [];
    for (let i = words.from; i < words.to; i++) {
      const v = this.verbAt(i);
      if (v && v.end <= words.to) verbs.push(v);
    }
    const verb = verbs[verbs.length - 1];
    if (verb) {
      const verbEnd = (this.words[verb.end - 1] as Word).end;
      const between = this.text.slice(verbEnd, quoteStart);
      // A short quote is a statement when it is part of what the verb reports: "a souligné que la
      // coopération a produit des « résultats très solides »", not "a salué une « avancée »".
      // "« A », remarcó en Palacio Nacional, « B »": the second quote is the same speaker's too.
      const previousQuote = this.spans.find((q) => q.end <= (this.words[verb.start] as Word).start && /^[\s,—–-]*$/u.test(this.text.slice(q.end, (this.words[verb.start] as Word).start)));
      // "indicó en un comunicado que « … »" too, but not "tiene que « hacer su parte »" (must).
      const reported = /^\s*(?:que|qu['’]|:)/iu.test(between) || (/(?:\sque|\squ['’]|:)\s*$/iu.test(between) && !MUST.test(between));
      const direct = reported || (previousQuote !== undefined && /,\s*$/u.test(between));
      const close = short ? direct && between.length <= 80 && countWords(inner) >= 2 : between.length <= 200;
      if (close) {
        const speaking = this.speakingSubject(verbs, sentenceStart);
        if (speaking.subject === "pronoun") {
          return { speaker: this.personOf(speaking.pronoun, paragraphStart, quoteStart, sentence), attribution: "pronoun" };
        }
        // "afirmó que « … »": the quote is the whole of what the verb reports.
        const introduced = /(?:^|\s)(?:que|qu['’]|:)\s*$/iu.test(between) && !MUST.test(between);
        if (speaking.subject) return { ...this.resolvePhrase(speaking.subject.from, speaking.subject.to, quoteStart, sentence), attribution: "before", introduced };
        // No subject: Spanish drops it ("Agregó que “…”"), the previous sentences say who.
        if (!short || direct) return { speaker: this.topic(quoteStart, sentence, {}), attribution: "context", introduced };
      }
    }
    if (short) return null;
    // "selon la Maison-Blanche, … « … »", "para el canciller, “…”": the source named earlier in the sentence.
    for (let i = words.to - 1; i >= words.from; i--) {
      const w = this.words[i] as Word;
      const isAccording = ACCORDING.has(w.lower) || (w.lower === "acuerdo" && this.words[i - 1]?.lower === "de" && /^(?:con|a)$/u.test(this.words[i + 1]?.lower ?? "")) || (w.lower === "après" && this.words[i - 1]?.lower === "d");
      const isFor = (w.lower === "pour" || w.lower === "para") && i === words.from;
      if (!isAccording && !isFor) continue;
      const skip = w.lower === "acuerdo" ? 2 : 1;
      const place = { ...at, quoteEnd: at.quoteStart };
      // "Selon lui, « … »"; "Según dijo, “…”".
      const pronoun = this.stressedPronoun(i + skip, place);
      if (pronoun !== undefined) return { speaker: pronoun, attribution: "pronoun" };
      if (isAccording && this.verbAt(i + skip)) {
        const found = this.attributionAt(i + skip, quoteStart, place);
        if (found) return found;
      }
      const np = this.subjectFrom(i + skip, quoteStart);
      if (!np) continue;
      const found = this.resolvePhrase(np.from, np.to, quoteStart, sentence);
      if (found.speaker || isAccording) return { ...found, attribution: "according-to" };
    }
    return null;
  }

  /**
   * The subject of the last of a sentence's speech verbs, through coordination: in "Sheinbaum
   * subrayó que… pero dejó en claro que « … »" the second verb's subject is the first one's.
   */
  private speakingSubject(verbs: Verb[], sentenceStart: number): { subject: { from: number; to: number } | null } | { subject: "pronoun"; pronoun: string } {
    for (let k = verbs.length - 1; k >= 0; k--) {
      const verb = verbs[k] as { start: number };
      const verbAt = (this.words[verb.start] as Word).start;
      const subject = this.subjectBefore(sentenceStart, verbAt);
      if (subject === "pronoun") {
        const pronoun = /(\p{L}+)\s*(?:(?:ne|n['’]|se|s['’]|lui|leur|le|la|les|y|en)\s*)*\S*\s*$/u.exec(this.text.slice(sentenceStart, verbAt))?.[1]?.toLowerCase() ?? "";
        return { subject: "pronoun", pronoun };
      }
      const previous = this.words[verb.start - 1];
      const coordinated = k > 0 && previous && (COORDINATORS.has(previous.lower) || /,\s*$/u.test(this.text.slice(previous.end, verbAt)));
      // The subject found for a coordinated verb is usually inside the first verb's clause.
      if (coordinated) continue;
      if (subject) return { subject: { from: subject.from, to: this.phraseEnd(subject.from, verbAt) } };
      return { subject: null };
    }
    return { subject: null };
  }

  /** The subject of a verb that comes before the quote: the last thing that may speak before it in the sentence. */
  private subjectBefore(sentenceStart: number, verbAt: number): { from: number; to: number } | "pronoun" | null {
    const range = this.index.range(sentenceStart, verbAt);
    // A subject pronoun right before the verb, past clitics: "Il a ajouté", "Elle l'a dit", "Él dijo".
    for (let i = range.to - 1; i >= range.from && i >= range.to - 3; i--) {
      const w = this.words[i] as Word;
      if (PRONOUNS.has(w.lower) || w.lower === "él" || w.lower === "ella") return "pronoun";
      if (!CLITICS.has(w.lower)) break;
    }
    // Right before the verb, past clitics and adverbs: "luego de que Homan afirmara", "según McAleenan, que explicó".
    let k = range.to - 1;
    while (k >= range.from && (CLITICS.has((this.words[k] as Word).lower) || this.betweenLength(k) === 1)) k--;
    const adjacent = this.words[k];
    if (adjacent && k >= range.from) {
      if (RELATIVES.has(adjacent.lower) && /,\s*$/u.test(adjacent.gap) && k - 1 >= range.from) {
        // "X, que explicó": X, however it was introduced.
        const before = this.words[k - 1] as Word;
        const antecedent = this.referents.find((r) => r.end === before.end && r.kind !== "country");
        if (antecedent) return { from: this.index.at(antecedent.start), to: k };
        if (isCapitalized(before.text)) {
          let first = k - 1;
          while (first - 1 > range.from && isCapitalized((this.words[first - 1] as Word).text) && /^\s+$/u.test(this.words[first]?.gap ?? "")) first--;
          return { from: first, to: k };
        }
      } else if (k > range.from && isCapitalized(adjacent.text) && !this.referents.some((r) => r.start <= adjacent.start && adjacent.end <= r.end) && !DETERMINERS.has(adjacent.lower)) {
        let first = k;
        while (first - 1 > range.from && isCapitalized((this.words[first - 1] as Word).text) && /^\s+$/u.test(this.words[first]?.gap ?? "")) first--;
        // "sur Twitter", "en México": a complement, not a subject.
        if (!COMPLEMENT_PREPOSITIONS.has(this.words[first - 1]?.lower ?? "")) return { from: first, to: k + 1 };
      }
    }
    // Relative clauses are not the subject: "Sheinbaum, quien se reunió con el canciller, dijo".
    const relative = [...this.text.slice(sentenceStart, verbAt).matchAll(/,\s*(?:qui|quien|quienes|que|dont|où|donde|cuyo|cuya|lequel|laquelle)\s[^,]*,/giu)]
      .map((m) => ({ start: sentenceStart + m.index, end: sentenceStart + m.index + m[0].length }));
    const outside = (start: number) => !relative.some((r) => start >= r.start && start < r.end);
    let best: number | null = null;
    for (let i = range.from; i < range.to; i++) {
      const w = this.words[i] as Word;
      if (!outside(w.start)) continue;
      const previous = this.words[i - 1];
      const opens = previous && i > range.from && COMPLEMENT_PREPOSITIONS.has(previous.lower);
      const referent = this.referentAt(w.start);
      const noun = (ROLE_NOUNS.has(w.lower) || DOCUMENT_NOUNS.has(w.lower) || INSTITUTION_NOUNS.has(w.lower)) && previous && DETERMINERS.has(previous.lower);
      if (referent && !opens) best = i;
      else if (noun && !(this.words[i - 2] && COMPLEMENT_PREPOSITIONS.has((this.words[i - 2] as Word).lower) && i - 2 >= range.from)) best = i - 1;
    }
    if (best === null) {
      const country = this.referents.filter((r) => r.start >= sentenceStart && r.end <= verbAt && r.kind === "country").pop();
      if (!country) return null;
      best = this.index.at(country.start);
    }
    return { from: best, to: range.to };
  }

  // --- Who a phrase is --------------------------------------------------------------------------

  /** The speaker a noun phrase names: a name, else an institution, else a role or a document the article explains. */
  private resolvePhrase(from: number, to: number, quoteStart: number, sentence: number): { speaker: Speaker | null; speakerText?: string } {
    const start = (this.words[from] as Word).start;
    const end = (this.words[to - 1] as Word).end;
    const inside = this.referents.filter((r) => r.start >= start && r.start < end);
    const named = inside.find((r) => r.kind === "person" && !r.viaRole) ?? inside.find((r) => r.kind === "person");
    if (named) return { speaker: named };
    const institution = inside.find((r) => r.kind === "institution") ?? inside.find((r) => r.kind === "country");
    const head = this.headOf(from, to);
    const phrase = this.phraseText(from, to);
    if (head && DOCUMENT_NOUNS.has(head.word.lower)) {
      // "un communiqué du ministère de la Sécurité": the ministry; "le texte": its author, from the article.
      if (institution) return { speaker: institution };
      const author = this.institutionPhrase(head.index + 1, to);
      if (author) {
        const authorAt = this.words.findIndex((w, i) => i > head.index && i < to && this.text.slice(w.start).startsWith(author));
        // "des autorités mexicaines" is Mexico; "du ministère mexicain de la Sécurité" is the ministry.
        const country = authorAt >= 0 && !/\p{Lu}/u.test(author) ? this.countryIn(authorAt + 1, to) : null;
        return { speaker: country ?? { actorId: null, name: author, kind: "institution" } };
      }
      if (INDEFINITE.has(this.words[from]?.lower ?? "")) return { speaker: null, speakerText: phrase };
      return { speaker: this.topic(quoteStart, sentence, { kind: "institution" }) };
    }
    if (institution) return { speaker: institution };
    if (head && INSTITUTION_NOUNS.has(head.word.lower)) {
      // "le ministère de la Sécurité" names one; "le gouvernement" says which only in context.
      const name = this.phraseText(head.index, to);
      if (/\p{Lu}/u.test(name)) return { speaker: { actorId: null, name, kind: "institution" } };
      // "les autorités mexicaines", "el gobierno estadounidense": the country speaks.
      const country = this.countryIn(head.index + 1, to);
      if (country) return { speaker: country };
      // "écrit l'ambassade": the embassy the article named before.
      const noun = fold(head.word.lower);
      const named = this.referents.filter((r) => r.kind === "institution" && r.start < start && tokenize(r.name).some((t) => t.folded === noun)).pop();
      if (named) return { speaker: named };
      // "puntualizó la dependencia": the institution the previous sentences are about.
      const definite = !INDEFINITE.has(this.words[from]?.lower ?? "");
      const topic = definite ? this.topic(quoteStart, sentence, { kind: "institution" }) : null;
      return topic ? { speaker: topic } : { speaker: null, speakerText: phrase };
    }
    // A bare capitalized surname: the person of that name named earlier ("… », dijo Harfuch").
    const surname = this.words.slice(from, to).filter((w) => isCapitalized(w.text)).pop();
    if (surname && !head) {
      const earlier = this.referents.filter((r) => r.kind === "person" && r.start < start && fold(r.name).split(/\s+/u).includes(surname.folded)).pop();
      if (earlier) return { speaker: earlier };
      // Capitalized words alone are a name the registry lacks: "dijo Castañeda".
      const name = this.nameAt(from, to);
      return name ? { speaker: { actorId: null, name, kind: "person" } } : { speaker: null, speakerText: phrase };
    }
    // "les experts", "los analistas": several people, nobody in particular.
    const plural = PLURAL_DETERMINERS.has(this.words[from]?.lower ?? "");
    if (head && ROLE_NOUNS.has(head.word.lower) && !INDEFINITE.has(this.words[from]?.lower ?? "") && !plural) {
      const det = this.words[from]?.lower ?? "";
      const g = DETERMINERS.get(det);
      const gender = g === "f" || g === "m" ? g : undefined;
      const speaker = this.topic(quoteStart, sentence, { kind: "person", role: fold(head.word.lower), ...(gender ? { gender } : {}) });
      return speaker ? { speaker } : { speaker: null, speakerText: phrase };
    }
    return { speaker: null, speakerText: phrase };
  }

  /** The phrase when it is only a name, up to four capitalized words: "Castañeda", "Kevin McAleenan". */
  private nameAt(from: number, to: number): string | null {
    // Up to four capitalized words, honorifics aside; the first word that is not ends the search.
    let first: Word | null = null;
    let last: Word | null = null;
    let count = 0;
    for (let i = from; i < Math.min(to, this.words.length); i++) {
      const w = this.words[i] as Word;
      if (HONORIFICS.has(w.lower)) continue;
      if (++count > 4 || !isCapitalized(w.text)) return null;
      first ??= w;
      last = w;
    }
    return first && last ? this.text.slice(first.start, last.end) : null;
  }

  /** The first noun of a phrase, past its determiner and adjectives: "le haut responsable" → responsable. */
  private headOf(from: number, to: number): { word: Word; index: number } | null {
    for (let i = from; i < Math.min(to, from + 4); i++) {
      const w = this.words[i] as Word;
      if (ROLE_NOUNS.has(w.lower) || DOCUMENT_NOUNS.has(w.lower) || INSTITUTION_NOUNS.has(w.lower)) return { word: w, index: i };
      if (isCapitalized(w.text) && !DETERMINERS.has(w.lower)) return null;
    }
    return null;
  }

  /** The country a nationality adjective right after an institution noun names. */
  private countryIn(from: number, to: number): Speaker | null {
    const adjective = this.words[from];
    if (!adjective || from >= to) return null;
    const actor = this.registry.actors.get(countryOfDemonym(adjective.text) ?? "");
    return actor?.kind === "country" ? { actorId: actor.id, name: actor.name[this.context.lang], kind: "country" } : null;
  }

  /** "du ministère de la Sécurité" → "ministère de la Sécurité". */
  private institutionPhrase(from: number, to: number): string | null {
    for (let i = from; i < to; i++) {
      const w = this.words[i] as Word;
      if (INSTITUTION_NOUNS.has(w.lower) || (isCapitalized(w.text) && !DETERMINERS.has(w.lower))) return this.phraseText(i, to);
    }
    return null;
  }

  private phraseText(from: number, to: number): string {
    const words = this.words.slice(from, Math.min(to, from + 10));
    // A trailing link word is not part of the phrase: "le ministre de".
    while (words.length > 1 && NOUN_LINKS.has((words[words.length - 1] as Word).lower)) words.pop();
    const first = words[0] as Word;
    const last = words[words.length - 1] as Word;
    let phrase = this.text.slice(first.start, last.end);
    if ((phrase.match(/\(/gu)?.length ?? 0) > (phrase.match(/\)/gu)?.length ?? 0) && this.text[last.end] === ")") phrase += ")";
    const spaced = phrase.replace(/\s+/gu, " ");
    // A trailing comma goes (by hand: an end-anchored pattern tries every position).
    return (spaced.endsWith(",") ? spaced.slice(0, -1) : spaced).trim();
  }

  /**
   * Who the previous sentences are about. In order: the person of that role named earlier ("la
   * gobernadora"); in this paragraph, nearest sentence first, the last speaker quoted, someone a
   * speech verb makes speak ("Harfuch aseguró que…") or the sentence's subject; in the paragraphs
   * before, the last speaker or someone who said something, then the previous paragraph's subject;
   * for a quote that opens the article, who the next sentences say spoke.
   */
  private topic(quoteStart: number, sentence: number, want: { kind?: SpeakerKind; gender?: "f" | "m"; role?: string }): Speaker | null {
    // Someone whose role nothing says may be "le ministre" of their own paragraph, not of one before.
    let nearby = true;
    const fits = (s: Speaker) =>
      (!want.kind || s.kind === want.kind || (want.kind === "institution" && s.kind === "country")) &&
      (!want.gender || !s.gender || s.gender === want.gender) &&
      (!want.role || this.mayHoldRole(s, want.role, nearby));
    if (want.role) {
      const role = want.role;
      const same = this.referents.filter((r) => r.start < quoteStart && r.role && sameNoun(r.role, role) && fits(r)).pop();
      if (same) return same;
    }
    const lastAt = (s: number) => (this.lastSubject && this.lastSubject.sentence === s && fits(this.lastSubject.speaker) ? this.lastSubject.speaker : null);
    const sayerAt = (s: number, until: number) => (this.sayers().get(s) ?? []).filter((x) => x.at < until && fits(x.speaker)).pop()?.speaker ?? null;
    const subjectAt = (s: number, until: number) => {
      const here = this.referents.filter((r) => r.sentence === s && r.start < until && r.kind !== "country" && fits(r));
      const subject = here.find((r) => !this.afterPreposition(r)) ?? here[0];
      return subject && (want.kind || subject.kind === "person" || !here.some((r) => r.kind === "person")) ? subject : null;
    };
    const paragraphs = this.paragraphStarts(quoteStart);
    let s = sentence;
    for (; s >= 0 && (s === sentence || (this.sentences[s] as Sentence).start >= paragraphs.current); s--) {
      // The one a sentence's main verb makes speak before the one quoted in its clause:
      // "Sheinbaum comentó que las autoridades aseguraron que « … »".
      const found = sayerAt(s, quoteStart) ?? lastAt(s) ?? subjectAt(s, quoteStart);
      if (found) return found;
    }
    const before = s;
    nearby = false;
    for (; s >= Math.max(0, sentence - 10); s--) {
      const found = sayerAt(s, quoteStart) ?? lastAt(s);
      if (found) return found;
    }
    for (s = before; s >= 0 && (this.sentences[s] as Sentence).end >= paragraphs.previous; s--) {
      const found = subjectAt(s, quoteStart);
      if (found) return found;
    }
    if (before < 0) {
      for (s = sentence + 1; s < Math.min(this.sentences.length, sentence + 4); s++) {
        const found = sayerAt(s, Number.MAX_SAFE_INTEGER);
        if (found) return found;
      }
    }
    return null;
  }

  /**
   * Whether "la ministre" may be this person: a noun any official answers to ("el funcionario"),
   * or one of the nouns of a role the registry says they held, or the noun the text gave them.
   */
  private mayHoldRole(s: Speaker, noun: string, unknown: boolean): boolean {
    if (GENERIC_ROLES.has(noun)) return true;
    const role = (s as Partial<Referent>).role;
    if (role && sameNoun(role, noun)) return true;
    const held = s.actorId ? this.registry.actors.get(s.actorId)?.roles : undefined;
    if (!held || held.length === 0) return !role && unknown;
    return held.some((h) => {
      const r = this.registry.roles.get(h.role);
      const lists = [r?.phrases[this.context.lang], r?.bare?.[this.context.lang]];
      return lists.some((g) => [...(g?.m ?? []), ...(g?.f ?? []), ...(g?.any ?? [])].some((phrase) => tokenize(phrase).some((t) => sameNoun(t.folded, noun))));
    });
  }

  /** Per sentence, who its speech verbs make speak, by name: "Harfuch García aseguró que…", "La mandataria explicó que…". */
  private sayers(): Map<number, { at: number; speaker: Speaker }[]> {
    if (this.sayersCache) return this.sayersCache;
    const sayers = new Map<number, { at: number; speaker: Speaker }[]>();
    this.sentences.forEach((sentence, index) => {
      const { from, to } = this.index.range(sentence.start, sentence.end);
      const verbs: { start: number; end: number }[] = [];
      for (let i = from; i < to; i++) {
        const w = this.words[i] as Word;
        if (this.quoted(i)) continue;
        const verb = this.verbAt(i);
        if (!verb || verb.pronoun) continue;
        verbs.push(verb);
        const speaking = this.speakingSubject(verbs, sentence.start);
        if (!speaking.subject || speaking.subject === "pronoun") continue;
        const start = (this.words[speaking.subject.from] as Word).start;
        const end = (this.words[speaking.subject.to - 1] as Word).end;
        const inside = this.referents.filter((r) => r.start >= start && r.start < end && r.kind !== "country");
        const name = inside.length === 0 ? this.nameAt(speaking.subject.from, speaking.subject.to) : null;
        const speaker = inside.find((r) => r.kind === "person" && !r.viaRole) ?? inside.find((r) => r.kind === "person") ?? inside[0] ?? (name ? { actorId: null, name, kind: "person" as const } : undefined);
        if (speaker) sayers.set(index, [...(sayers.get(index) ?? []), { at: w.start, speaker }]);
        i = verb.end - 1;
      }
    });
    return (this.sayersCache = sayers);
  }

  private afterPreposition(r: Referent): boolean {
    let i = this.index.at(r.start) - 1;
    while (i >= 0 && (DETERMINERS.has((this.words[i] as Word).lower) || ROLE_NOUNS.has((this.words[i] as Word).lower))) i--;
    const w = this.words[i];
    return !!w && COMPLEMENT_PREPOSITIONS.has(w.lower) && !/[.!?]\s*$/u.test(this.text.slice(w.end, r.start));
  }

  /**
   * A pronoun's person: the subject of an earlier sentence of a paragraph the last one quoted is
   * not in, else the last one quoted, if of that gender, else the only one of that gender named
   * in the paragraph so far, else (for "a-t-elle dit" after a quote, where it can only be a person)
   * the person of that gender the previous sentences are about.
   */
  private personOf(pronoun: string, paragraphStart: number, until: number, sentence: number, inverted = false): Speaker | null {
    if (pronoun === "on") return null;
    const g = /^(?:elle|elles|ella|ellas)$/u.test(pronoun) ? "f" : "m";
    const lastFits = this.last?.speaker.kind === "person" && (!this.last.speaker.gender || this.last.speaker.gender === g);
    // A new paragraph about someone else: "Marcelo Ebrard a rencontré les industriels. Selon lui, « … »".
    const subject = this.last?.paragraphStart === paragraphStart ? null : this.paragraphSubject(paragraphStart, sentence, g);
    if (subject) return subject;
    if (this.last && lastFits) return this.last.speaker;
    const people = new Map<string, Referent>();
    for (const r of this.referents) {
      if (r.kind === "person" && r.gender === g && r.start >= paragraphStart && r.end <= until) people.set(r.actorId ?? fold(r.name), r);
    }
    if (people.size === 1) return [...people.values()][0] as Referent;
    // "Elle souligne…" may be "la réunion"; "a-t-elle déclaré" after a quote is a person.
    if (people.size > 1 || !inverted) return null;
    const topic = this.topic(until, sentence, { kind: "person", gender: g });
    if (topic?.gender === g) return topic;
    return this.referents.filter((r) => r.kind === "person" && r.gender === g && r.end <= until).pop() ?? null;
  }

  /** The person of that gender an earlier sentence of the paragraph opens with. */
  private paragraphSubject(paragraphStart: number, sentence: number, gender: "f" | "m"): Referent | null {
    for (let s = sentence - 1; s >= 0 && (this.sentences[s] as Sentence).start >= paragraphStart; s--) {
      const subject = this.referents.find((r) => r.sentence === s && r.kind !== "country" && !this.afterPreposition(r));
      if (subject?.kind === "person" && subject.gender === gender) return subject;
    }
    return null;
  }

  // --- Positions --------------------------------------------------------------------------------

  private paragraphStarts(offset: number): { current: number; previous: number } {
    const current = this.text.lastIndexOf("\n", offset) + 1;
    let previous = current;
    if (current > 1) {
      // The paragraph before: skip the blank lines between them.
      let i = current - 1;
      while (i > 0 && /\s/u.test(this.text[i - 1] as string)) i--;
      previous = this.text.lastIndexOf("\n", i - 1) + 1;
    }
    return { current, previous };
  }

}

const BETWEEN_PHRASES_BY_FIRST = new Map<string, string[][]>();
for (const phrase of BETWEEN_PHRASES) BETWEEN_PHRASES_BY_FIRST.set(phrase[0] as string, [...(BETWEEN_PHRASES_BY_FIRST.get(phrase[0] as string) ?? []), phrase]);
const FR_AUX = new Set(["a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "eut"]);
const FR_REFLEXIVE_AUX = new Set(["est", "sont", "était", "étaient", "serait", "seraient", "sera"]);
const ES_AUX = new Set(["ha", "han", "había", "habían", "habría", "habrían", "hubo", "habrá"]);
const PRONOUNS = new Set(["il", "elle", "ils", "elles", "on"]);
const CLITICS = new Set(["ne", "n", "se", "s", "lui", "leur", "le", "la", "les", "l", "y", "en", "aussi", "encore", "également", "lo", "les", "le", "nos", "me"]);
const ACCORDING = new Set(["selon", "según"]);
/** Verbs that carry an infinitive: "a tenu à souligner", "volvió a repetir", "quiso dejar claro". */
const MODAL_PARTICIPLES = new Set(["tenu", "tenue", "voulu", "voulue", "souhaité", "souhaitée", "préféré", "préférée", "choisi", "choisie", "décidé", "décidée", "querido", "decidido", "vuelto", "preferido"]);
const MODAL_FINITE = new Set([
  "tient", "tint", "veut", "voulut", "voulait", "souhaite", "préfère", "choisit", "décide", "décida", "s'empresse",
  "volvió", "vuelve", "volvía", "volvieron", "vuelven", "quiso", "quiere", "quisieron", "decidió", "prefirió", "optó",
]);
/** Nouns for what someone said: "les propos de Trump : « … »", "las palabras del canciller: “…”". */
const SPEECH_NOUNS = new Set([
  "propos", "déclaration", "déclarations", "paroles", "mots", "message", "messages", "discours", "réponse", "menace", "menaces",
  "dichos", "declaración", "declaraciones", "palabras", "mensaje", "mensajes", "discurso", "respuesta", "amenaza", "amenazas", "comentarios",
]);
/** Role nouns any official answers to: "el funcionario", "le responsable". */
const GENERIC_ROLES = new Set(["funcionario", "funcionaria", "fonctionnaire", "responsable", "dirigente", "dirigeant", "dirigeante", "titular", "lider", "official", "mandatario", "mandataria"]);
const PLURAL_DETERMINERS = new Set(["les", "des", "los", "las", "unos", "unas", "ces", "estos", "estas"]);
/** "tiene que", "hay que", "il faut que": a que that says "must", not what was said. */
const MUST = /(?:tiene|tienen|tenemos|tenía|hay|había|habrá|faut)\s+(?:que|qu['’])\s*$/iu;
const STRESSED_PRONOUNS: ReadonlyMap<string, "f" | "m"> = new Map(Object.entries<"f" | "m">({ lui: "m", elle: "f", él: "m", ella: "f" }));
const RELATIVES = new Set(["que", "qui", "quien", "quienes", "lequel", "laquelle", "lesquels"]);
const COORDINATORS = new Set(["et", "mais", "puis", "y", "e", "pero", "aunque", "luego", "además", "también"]);
