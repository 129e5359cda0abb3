/**
 * Which language a paragraph is written in, told by its function words. Only words that belong to
 * one language are listed: "de", "la", "en", "que", "a", "se", "son", "tu", "nos" are common to
 * French and Spanish and would prove nothing ("le" and "les" count for French: as Spanish pronouns
 * they are far rarer than the French articles). English is there because pages quote tweets and
 * carry English chrome.
 */
export type ParagraphLanguage = "fr" | "es" | "en";

const STOP_WORDS: Record<ParagraphLanguage, ReadonlySet<string>> = {
  fr: new Set(
    "le les des du et est une pour dans qui sur au aux avec ce cette ces il elle ils elles nous vous pas ne sont été ont mais ou où leur leurs était plus aussi sa ses mes je avons avez fait très sans dont même après avant chez vers ainsi lors depuis alors être avoir cela ça quand donc".split(
      " ",
    ),
  ),
  es: new Set(
    "el los las del y es una para por con su sus al lo como pero más este esta estos estas ese esa esos esas fue han ha está están sobre también muy sin hay tus cualquiera así ya cuando donde desde ellos ellas nosotros usted ustedes mismo después antes hasta porque aunque siguientes tienes conoces".split(
      " ",
    ),
  ),
  en: new Set(
    "the and of to in is are was were on with for that this by from have has our we you your it its be been will would which who about".split(" "),
  ),
};

export interface LanguageScores {
  fr: number;
  es: number;
  en: number;
}

export function stopWordScores(text: string): LanguageScores {
  const scores: LanguageScores = { fr: 0, es: 0, en: 0 };
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    for (const lang of ["fr", "es", "en"] as const) if (STOP_WORDS[lang].has(word)) scores[lang]++;
  }
  return scores;
}

/**
 * The language a paragraph is most likely in, or null when its function words do not say
 * (a name, a short heading). One language must clearly lead: twice the hits of the runner-up.
 */
export function guessLanguage(text: string): ParagraphLanguage | null {
  const scores = stopWordScores(text);
  const ranked = (Object.entries(scores) as [ParagraphLanguage, number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] === 0) return null;
  if (second && first[1] < 2 * second[1]) return null;
  return first[0];
}
