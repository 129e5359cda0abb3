import type { Lang } from "../languages.ts";
import { DETERMINERS } from "./speakers.ts";
import { isCapitalized, tokenize } from "./tokens.ts";

/**
 * Quoted text: where quotes open and close, and whether what they hold says something by itself
 * ("Le travail continue ensemble.", "nunca habrá subordinación") or is a few words lifted from a
 * sentence ("à haut niveau, dès que possible", "sans exceptions ni exemptions"). Who speaks is
 * quotes.ts's business.
 */

/** Closing marks for each opening one: outlets mix them (“…" and "…”), so curly and straight close each other. */
const PAIRS: ReadonlyMap<string, string[]> = new Map(Object.entries<string[]>({ "«": ["»"], "“": ["”", '"'], '"': ['"', "”"], "„": ["“", "”"] }));

const OPENING = new RegExp(`[${[...PAIRS.keys()].join("")}]`, "g");

/** Opening and closing marks paired within a paragraph, the nearest closing mark first; straight quotes pair in order. */
export function quoteSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    // Straight to the next opening mark.
    OPENING.lastIndex = i;
    const opening = OPENING.exec(text);
    if (opening === null) break;
    i = opening.index;
    const closers = PAIRS.get(opening[0]) as string[];
    const paragraphEnd = text.indexOf("\n\n", i);
    const limit = paragraphEnd === -1 ? text.length : paragraphEnd;
    const ends = closers.map((c) => text.indexOf(c, i + 1)).filter((e) => e !== -1);
    const end = ends.length > 0 ? Math.min(...ends) : -1;
    if (end === -1 || end > limit) {
      i++;
      continue;
    }
    spans.push({ start: i, end: end + 1 });
    i = end + 1;
  }
  return spans;
}

const STATEMENT_WORDS: Record<Lang, Set<string>> = {
  fr: new Set(`
    je j me moi tu te nous vous notre nos votre vos il ils elle elles on c ça cela lui leur
    est sont était étaient sera seront serait seraient a ont avait avaient aura auront aurait va vont peut peuvent
    pourra pourrait doit doivent devra devrait faut fait font veut veulent sait savent vient viennent reste restent
    semble existe ne n pas jamais se s
  `.trim().split(/\s+/u)),
  es: new Set(`
    yo me mi mis nosotros nosotras nos nuestro nuestra nuestros nuestras usted ustedes te tú
    es son era eran fue fueron será serán sería está están estaba estaban estamos estoy hay había habrá ha han
    hemos he va van vamos voy puede pueden podemos podrá podría debe deben debemos tiene tienen tenemos tengo hace
    hacen hacemos quiere quieren queremos sabe sabemos existe sigue siguen no nunca jamás se
  `.trim().split(/\s+/u)),
};
/** Frequent nouns and adjectives with a verb's ending: "président", "orden". */
const NOT_VERBS = new Set(`
  président présidente accident incident agent agents argent parent parents client clients continent talent urgent
  récent récente différent différente excellent évident permanent compétent adolescent innocent intelligent patient
  violent violente fréquent précédent équivalent conscient efficient prudent pertinent absent présent souvent
  orden origen imagen volumen crimen examen joven jóvenes régimen germen margen resumen dictamen certamen
  abdomen virgen capitán alemán huracán desdén andén además también según quien quienes
`.trim().split(/\s+/u));
const CLAUSE_OPENERS = new Set(["que", "qu", "qui", "quand", "lorsque", "où", "donde", "cuando", "porque", "quien", "quienes", "si"]);

/**
 * Whether a quote says something by itself: a whole sentence, a person ("nous", "vamos"), a
 * finite verb or a negation, or a clause ("que les passeurs répandent"); "à haut niveau, dès que possible" and
 * "sans exceptions ni exemptions" do not.
 */
export function looksLikeStatement(inner: string, lang: Lang): boolean {
  // A whole sentence: « Le travail continue ensemble. »
  if (/^[\p{Lu}¿¡]/u.test(inner) && /[.!?…]$/u.test(inner)) return true;
  const tokens = tokenize(inner);
  const words = tokens.map((t) => t.text.toLowerCase());
  const markers = STATEMENT_WORDS[lang];
  const ending = lang === "fr" ? /(?:aient|ait|erait|eront|era|rons|ez|[^m]ent)$/u : /(?:amos|emos|imos|aron|ieron|aba|aban|ará|arán|\p{L}{2}ó|[aei]n)$/u;
  return words.some((w, i) => {
    if (markers.has(w) || (w.length > 4 && ending.test(w) && !NOT_VERBS.has(w))) return true;
    const next = words[i + 1];
    return CLAUSE_OPENERS.has(w) && next !== undefined && (DETERMINERS.has(next) || markers.has(next) || /^\p{Lu}/u.test(tokens[i + 1]?.text ?? ""));
  });
}


/**
 * A title: capitalized words and numbers joined by small words only, no final punctuation
 * ("Quédate en México", "Title 42", "Bouclier du Golfe"); "Seguiremos trabajando con Estados
 * Unidos" is a sentence.
 */
export function looksLikeTitle(inner: string): boolean {
  const words = tokenize(inner);
  const named = (text: string) => isCapitalized(text) || /^[\p{Lu}\p{N}]+$/u.test(text);
  const capitals = words.filter((t) => named(t.text)).length;
  const others = words.filter((t) => !named(t.text));
  return words.length <= 8 && capitals >= 2 && others.every((t) => TITLE_LINKS.has(t.text.toLowerCase())) && !/[.!?…]$/u.test(inner);
}

const TITLE_LINKS = new Set(["de", "del", "des", "du", "d", "la", "le", "les", "l", "los", "las", "el", "en", "et", "y", "e", "a", "à", "au", "aux", "por", "para", "pour", "sur", "con", "of", "the", "and", "for", "in"]);
