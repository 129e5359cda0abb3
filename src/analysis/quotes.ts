import { countWords } from "../content/schemas.ts";
import type { Mention } from "./mentions.ts";
import type { Registry } from "./registry.ts";
import { sentenceAt, type Sentence } from "./sentences.ts";

/**
 * Quoted speech: « … » in French, “ … ”, « … » or "…" in Spanish, possibly over several
 * sentences, with its speaker when the text says who:
 * - after the quote: « … », a déclaré X / a-t-elle ajouté / selon X; “…”, afirmó X / dijo X;
 * - before it: X a souligné que « … »; X dijo: “…”; selon X, … « … »;
 * - a quote that follows an attributed one in the same paragraph, with nothing saying otherwise,
 *   continues it (« … », a déclaré Harris. « Nos économies… »).
 * A pronoun ("a-t-il dit", "Elle a ajouté que") is the last person quoted, if of that gender,
 * else the only person of that gender named earlier in the paragraph; otherwise the quote stays
 * unattributed. Institutions speak too (a ministry's communiqué, an embassy's post).
 *
 * Which quotes are kept: a quote of four words or more, or a shorter one that a speech verb
 * attaches to its speaker (« », a-t-il dit; X a dit que « … »). Shorter quotes without one are
 * scare quotes or cited terms (« œuvrer ensemble », « Title 42 »): not speech.
 */
export type Attribution = "after" | "before" | "according-to" | "pronoun" | "continuation";

export interface Quote {
  text: string;
  start: number;
  end: number;
  /** Actor id, or null when the text does not say who, or names someone not in the registry. */
  speaker: string | null;
  /** The words naming the speaker when the registry does not know them ("un haut responsable américain"). */
  speakerText?: string;
  attribution: Attribution | null;
  /** The sentences the quote spans, with its attribution. */
  sentence: string;
}

const PAIRS: Record<string, string> = { "«": "»", "“": "”", '"': '"', "„": "“" };
const MIN_WORDS = 4;

const VERBS_FR =
  "déclaré|souligné|indiqué|précisé|ajouté|affirmé|dit|estimé|expliqué|assuré|annoncé|lancé|martelé|insisté|répondu|" +
  "rappelé|reconnu|averti|poursuivi|conclu|écrit|tweeté|confié|commenté|noté|relevé|observé|jugé|prévenu|plaidé|" +
  "déploré|dénoncé|réclamé|demandé|répété|admis|ironisé|résumé|signalé|fait savoir|mis en avant|félicité|réagi";
const PRESENT_FR =
  "déclare|souligne|indique|précise|ajoute|affirme|dit|estime|explique|assure|annonce|insiste|rappelle|reconnaît|" +
  "poursuit|conclut|écrit|note|juge|prévient|dénonce|réclame|demande|répète|met en avant";
const VERBS_ES =
  "afirmó|dijo|señaló|acotó|explicó|indicó|aseguró|agregó|añadió|subrayó|destacó|declaró|sostuvo|expresó|manifestó|" +
  "advirtió|insistió|precisó|comentó|apuntó|recalcó|enfatizó|anunció|reiteró|puntualizó|consideró|estimó|admitió|" +
  "reconoció|respondió|escribió|tuiteó|planteó|resaltó|refirió|detalló|aclaró|remarcó|pidió|exigió|" +
  "afirma|dice|señala|explica|indica|asegura|agrega|añade|subraya|destaca|sostiene|advierte|insiste|precisa|apunta";

const L = "(?![\\p{L}])";
// « … », a déclaré X / a-t-il encore dit / ont souligné / a notamment indiqué / déclare X
const AFTER_FR = new RegExp(
  `^\\s*[,—–-]?\\s*(?:(?:a|avait|ont|avaient|aurait)(?:-t-(il|elle|ils|elles))?\\s+(?:\\p{L}+ment\\s+|encore\\s+|aussi\\s+|également\\s+|ensuite\\s+|alors\\s+|enfin\\s+|pour sa part\\s+)?(?:${VERBS_FR})|(?:${PRESENT_FR})(?:-t-(il|elle|ils|elles))?)${L}`,
  "iu",
);
const AFTER_ES = new RegExp(`^\\s*[,—–-]?\\s*(?:(?:ha|había|han)\\s+)?(?:${VERBS_ES})${L}`, "iu");
const ACCORDING_TO = /^\s*[,—–-]?\s*(?:selon|d['’]après|según|de acuerdo con)(?![\p{L}])/iu;
// X a déclaré que « … » / X a dit : « … » / X afirmó que “…” / X dijo: “…”
const BEFORE = new RegExp(
  `(?:(?:a|avait|ont|avaient|s['’]est|se sont)\\s+(?:\\p{L}+ment\\s+|encore\\s+|aussi\\s+|également\\s+|ensuite\\s+|alors\\s+)?(?:${VERBS_FR})|(?:${PRESENT_FR})|(?:(?:ha|había|han)\\s+)?(?:${VERBS_ES}))${L}`,
  "giu",
);
const PRONOUN_SUBJECT = /(?:^|[.;:]\s+|,\s+)(il|elle|ils|elles|él|ella)\s+(?:s['’])?\p{L}*\s*$/iu;

export function findQuotes(
  text: string,
  sentences: Sentence[],
  mentions: Mention[],
  registry: Registry,
): Quote[] {
  const quotes: Quote[] = [];
  let lastSpeaker: { actorId: string; paragraphStart: number; sentence: number } | null = null;
  for (const span of quoteSpans(text)) {
    const inner = text.slice(span.start + 1, span.end - 1).trim();
    const paragraphStart = text.lastIndexOf("\n", span.start) + 1;
    const first = sentenceAt(sentences, span.start);
    const last = sentenceAt(sentences, span.end - 1);
    const sentenceStart = (sentences[first] as Sentence).start;
    const sentenceEnd = (sentences[last] as Sentence).end;
    const after = text.slice(span.end, Math.max(span.end, sentenceEnd));
    const before = text.slice(sentenceStart, span.start);

    const personOf = (gender: string | undefined, until: number): string | null => {
      // The last person quoted, if of that gender; else the only person of that gender named
      // earlier in the paragraph.
      const g = gender === "elle" || gender === "ella" || gender === "elles" ? "f" : "m";
      if (lastSpeaker) {
        const actor = registry.actors.get(lastSpeaker.actorId);
        if (actor?.kind === "person" && (!actor.gender || actor.gender === g)) return actor.id;
      }
      const people = new Set(
        mentions
          .filter((m) => m.start >= paragraphStart && m.end <= until)
          .map((m) => registry.actors.get(m.actorId))
          .filter((a) => a?.kind === "person" && a.gender === g)
          .map((a) => a?.id as string),
      );
      return people.size === 1 ? ([...people][0] as string) : null;
    };

    let found: { speaker: string | null; speakerText?: string; attribution: Attribution } | null = null;
    const verbAfter = AFTER_FR.exec(after) ?? AFTER_ES.exec(after);
    const accordingAfter = ACCORDING_TO.exec(after);
    if (verbAfter) {
      const pronoun = verbAfter[1] ?? verbAfter[2];
      if (pronoun) found = { speaker: personOf(pronoun, span.start), attribution: "pronoun" };
      else found = { ...speakerAfter(text, span.end + verbAfter[0].length, sentenceEnd, mentions), attribution: "after" };
    } else if (accordingAfter) {
      found = { ...speakerAfter(text, span.end + accordingAfter[0].length, sentenceEnd, mentions), attribution: "according-to" };
    } else {
      found = speakerBefore(before, sentenceStart, span.start, inner, mentions, personOf);
    }
    if (!found && lastSpeaker && lastSpeaker.paragraphStart === paragraphStart && first - lastSpeaker.sentence <= 1) {
      found = { speaker: lastSpeaker.actorId, attribution: "continuation" };
    }
    if (countWords(inner) < MIN_WORDS && (!found || found.attribution === "continuation")) continue;

    if (found?.speaker) lastSpeaker = { actorId: found.speaker, paragraphStart, sentence: last };
    quotes.push({
      text: inner,
      start: span.start,
      end: span.end,
      speaker: found?.speaker ?? null,
      ...(found?.speakerText ? { speakerText: found.speakerText } : {}),
      attribution: found?.attribution ?? null,
      sentence: text.slice(sentenceStart, sentenceEnd).trim(),
    });
  }
  return quotes;
}

/** Opening and closing marks paired within a paragraph; straight quotes pair in order. */
function quoteSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    const close = PAIRS[text[i] as string];
    if (close === undefined) {
      i++;
      continue;
    }
    const paragraphEnd = text.indexOf("\n\n", i);
    const limit = paragraphEnd === -1 ? text.length : paragraphEnd;
    const end = text.indexOf(close, i + 1);
    if (end === -1 || end > limit) {
      i++;
      continue;
    }
    spans.push({ start: i, end: end + 1 });
    i = end + 1;
  }
  return spans;
}

/** The speaker named right after a speech verb: the first mention within a few words, or those words. */
function speakerAfter(
  text: string,
  from: number,
  sentenceEnd: number,
  mentions: Mention[],
): { speaker: string | null; speakerText?: string } {
  const clause = /^[^.;:«“"(]*/u.exec(text.slice(from, Math.min(sentenceEnd, from + 120)))?.[0] ?? "";
  const mention = mentions.find((m) => m.start >= from && m.start < from + Math.min(clause.length, 70));
  if (mention) return { speaker: mention.actorId };
  // Cut the words at the first preposition that starts a complement ("dans un communiqué").
  const words = clause.trim().split(/,|\s(?:dans|lors|en|à|au|sous|le|la|avant|après|en|durante|en|a|ante|tras|el)\s/u)[0]?.trim();
  return words ? { speaker: null, speakerText: words } : { speaker: null };
}

function speakerBefore(
  before: string,
  sentenceStart: number,
  quoteStart: number,
  inner: string,
  mentions: Mention[],
  personOf: (pronoun: string, until: number) => string | null,
): { speaker: string | null; attribution: Attribution } | null {
  // "selon la Maison Blanche, … « … »": the source named earlier in the sentence.
  const according = /(?:selon|d['’]après|según|de acuerdo con)\s/giu;
  let lastAccording: RegExpExecArray | null = null;
  for (let m = according.exec(before); m; m = according.exec(before)) lastAccording = m;

  let verb: RegExpExecArray | null = null;
  BEFORE.lastIndex = 0;
  for (let m = BEFORE.exec(before); m; m = BEFORE.exec(before)) verb = m;
  if (verb) {
    const between = before.slice(verb.index + verb[0].length);
    const direct = /^\s*(?:que|qu['’]|:)/iu.test(between);
    // A short quote needs the verb right before it ("a dit que « … »"); a long one may sit further on.
    const close = countWords(inner) >= MIN_WORDS ? between.length <= 140 : direct && between.length <= 80;
    if (close) {
      const verbAt = sentenceStart + verb.index;
      const subject = mentions.filter((m) => m.start >= sentenceStart && m.end <= verbAt).pop();
      const pronoun = PRONOUN_SUBJECT.exec(before.slice(0, verb.index));
      if (pronoun && (!subject || subject.end < sentenceStart + (pronoun.index ?? 0))) {
        return { speaker: personOf((pronoun[1] as string).toLowerCase(), quoteStart), attribution: "pronoun" };
      }
      if (subject) return { speaker: subject.actorId, attribution: "before" };
    }
  }
  if (lastAccording && countWords(inner) >= MIN_WORDS) {
    const from = sentenceStart + lastAccording.index + lastAccording[0].length;
    const named = mentions.find((m) => m.start >= from && m.start < from + 40 && m.end <= quoteStart);
    if (named) return { speaker: named.actorId, attribution: "according-to" };
  }
  return null;
}
