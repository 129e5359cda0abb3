import { sentenceAt, type Sentence } from "./sentences.ts";
import { monthAlternation } from "../calendar.ts";
import { fold } from "../text/fold.ts";

/**
 * Reported numbers, in French and Spanish notation, normalized so that the same fact compares
 * equal across languages: "2,4 millions de migrants" and "2,4 millones de migrantes" are both
 * { value: 2400000, unit: "migrants" }; "50 pour cent" and "50 %" are both percent.
 *
 * Digit groups: a space (also non-breaking), a period or a comma followed by exactly three digits
 * separates thousands ("520 000", "10.000", "1,200"); otherwise a comma or a period is a decimal
 * mark ("2,4", "2.5"). Numbers written in words ("quatre piliers") are not figures here.
 *
 * Not figures: years (1900–2100 without a unit), days of a date ("le 27 décembre", "les 9 et 10
 * janvier", "June 8"), article and law numbers ("Title 42", "titre 42", "artículo 3"), times
 * ("10 h 30", "14:00"), ordinals ("XXIe", "2e", "1er", "3.º").
 */
export interface Figure {
  value: number;
  /** "USD", "MXN", "EUR", "percent", "km", "t", "kg", a counted noun ("migrants", "soldiers"), or "count". */
  unit: string;
  raw: string;
  start: number;
  end: number;
  sentence: number;
}

const NUMBER =
  /(?<![\p{L}\p{N}@#/:.,_-])(\d{1,3}(?:[ \u00A0\u202F.,]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![\p{L}\p{N}:°º]|[.,]\d|\.º)/gu;

const MONTHS = monthAlternation({ written: true, english: true });
const DAY_OF_DATE = new RegExp(`^(?:\\s*(?:er|ᵉʳ))?(?:\\s+(?:et|y|au|al|-|–)\\s+\\d{1,2})?\\s+(?:de\\s+)?(?:${MONTHS})(?![\\p{L}])`, "iu");
const MONTH_BEFORE = new RegExp(`(?:${MONTHS})\\.?\\s*$`, "iu");
const REFERENCE_BEFORE =
  /(?:title|titre|titulo|título|article|art\.|artículo|articulo|section|sección|seccion|chapitre|capítulo|capitulo|loi|ley|résolution|resolución|n°|nº|no\.|núm\.|numéro|número|page|página|point|punto|vol\.|tome|tomo)\s*$/iu;
const TIME_BEFORE = /\d\s*h\s*$/u;
const TIME_AFTER = /^\s*(?:h(?:\s*\d{2})?|heures?\s+\d|horas?\s+\d)(?![\p{L}])/iu;

const MULTIPLIERS: [RegExp, number][] = [
  [/^\s*mil\s+millones(?![\p{L}])/iu, 1e9],
  [/^\s*(?:milliards?|billions?)(?![\p{L}])/iu, 1e9],
  [/^\s*(?:billones|billón|billon)(?![\p{L}])/iu, 1e12],
  [/^\s*(?:millions?|millones|millón|millon|mdd)(?![\p{L}])/iu, 1e6],
  [/^\s*mil(?![\p{L}])/iu, 1e3],
];

/** Units and counted nouns, in both languages, to one name. */
const UNITS: [RegExp, string][] = [
  [/^\s*(?:%|pour\s*cent|pourcent|por\s*ciento)/iu, "percent"],
  [/^\s*(?:de\s+|d['’])?(?:dollars?|dólares|dolares|usd|us\$)(?![\p{L}])/iu, "USD"],
  [/^\s*(?:de\s+)?pesos(?![\p{L}])/iu, "MXN"],
  [/^\s*(?:d['’]|de\s+)?euros?(?![\p{L}])/iu, "EUR"],
  [/^\s*(?:km|kilomètres?|kilómetros?|kilometros?)(?![\p{L}])/iu, "km"],
  [/^\s*(?:de\s+)?(?:t|tonnes?|toneladas?)(?![\p{L}])/iu, "t"],
  [/^\s*(?:de\s+)?(?:kg|kilos?|kilogrammes?|kilogramos?)(?![\p{L}])/iu, "kg"],
];
const NOUNS: Record<string, string> = {
  migrant: "migrants", migrante: "migrants", personne: "people", persona: "people", gen: "people", habitant: "people", habitante: "people",
  soldat: "soldiers", soldado: "soldiers", militaire: "soldiers", militar: "soldiers", troupe: "soldiers", efectivo: "soldiers", elemento: "soldiers",
  agent: "agents", agente: "agents", policier: "agents", policia: "agents",
  mineur: "minors", menor: "minors", enfant: "children", nino: "children", nina: "children",
  arme: "weapons", arma: "weapons", homicide: "homicides", homicidio: "homicides",
  mort: "deaths", muerto: "deaths", deces: "deaths", fallecido: "deaths", victime: "victims", victima: "victims",
  arrestation: "arrests", detenido: "arrests", arresto: "arrests", detention: "arrests", expulsion: "deportations", deportacion: "deportations",
  journaliste: "journalists", periodista: "journalists", dose: "doses", comprime: "pills", pastilla: "pills", pilule: "pills",
  jour: "days", dia: "days", mois: "months", mes: "months", an: "years", annee: "years", ano: "years", semaine: "weeks", semana: "weeks",
};
const NOT_NOUNS = new Set(["de", "des", "du", "d", "et", "y", "a", "en", "dans", "par", "pour", "sur", "con", "por", "para", "el", "la", "le", "les", "los", "las", "un", "una", "une", "que", "qui", "dont", "ou", "o"]);

export function findFigures(text: string, sentences: Sentence[]): Figure[] {
  const figures: Figure[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const digits = match[1] as string;
    const start = match.index;
    let end = start + digits.length;
    const before = text.slice(Math.max(0, start - 14), start);
    const after = text.slice(end, end + 40);
    if (REFERENCE_BEFORE.test(before) || MONTH_BEFORE.test(before) || DAY_OF_DATE.test(after) || TIME_AFTER.test(after) || TIME_BEFORE.test(before)) continue;

    let value = parseNumber(digits);
    let rest = after;
    for (const [pattern, factor] of MULTIPLIERS) {
      const m = pattern.exec(rest);
      if (m) {
        value *= factor;
        end += m[0].length;
        rest = rest.slice(m[0].length);
        break;
      }
    }
    const currency = /(?:US\$|\$|USD\s?|€\s?)$/u.exec(before);
    let unit: string | null = currency ? (currency[0].startsWith("€") ? "EUR" : "USD") : null;
    const from = currency ? start - currency[0].length : start;
    if (!unit) {
      for (const [pattern, name] of UNITS) {
        const m = pattern.exec(rest);
        if (m) {
          unit = name;
          end += m[0].length;
          break;
        }
      }
    }
    const plainYear = /^\d{4}$/.test(digits) && value >= 1900 && value <= 2100;
    const noun = unit ? null : countedNoun(rest);
    if (plainYear && !unit && !(noun && NOUNS[noun.lemma])) continue;
    if (!unit && noun) {
      unit = NOUNS[noun.lemma] ?? noun.lemma;
      end += noun.length;
    }
    figures.push({ value, unit: unit ?? "count", raw: text.slice(from, end).trim(), start: from, end, sentence: sentenceAt(sentences, start) });
  }
  return figures;
}

function parseNumber(digits: string): number {
  const grouped = /^\d{1,3}(?:[ \u00A0\u202F.,]\d{3})+(?:,\d+)?$/u.test(digits) && /[ \u00A0\u202F.,]\d{3}(?:,|$)/u.test(digits);
  if (grouped) {
    const [whole, decimals] = digits.split(/,(?=\d{1,2}$|\d{4,}$)/);
    return Number((whole as string).replace(/[ \u00A0\u202F.,]/gu, "") + (decimals ? `.${decimals}` : ""));
  }
  return Number(digits.replace(",", "."));
}

/** The noun counted after a number: "12 000 agents de sécurité" → agent; "de migrants" after a multiplier. */
function countedNoun(rest: string): { lemma: string; length: number } | null {
  const m = /^\s*(?:(?:de|d['’])\s*)?(\p{L}+)/u.exec(rest);
  if (!m) return null;
  const word = fold(m[1] as string);
  if (NOT_NOUNS.has(word) || word.length < 3) return null;
  return { lemma: lemma(word), length: m[0].length };
}

function lemma(word: string): string {
  if (word.endsWith("aux")) return `${word.slice(0, -3)}al`;
  if (/(?:ones|iones)$/.test(word)) return word.slice(0, -2);
  if (/[^aeiou]es$/.test(word) && !word.endsWith("ses")) return word.slice(0, -2) in NOUNS ? word.slice(0, -2) : word.slice(0, -1);
  if (word.endsWith("s") || word.endsWith("x")) return word.slice(0, -1);
  return word;
}
