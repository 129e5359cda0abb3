import { sentenceAt, type Sentence } from "./sentences.ts";
import { monthAlternation } from "../calendar.ts";
import type { Lang } from "../languages.ts";
import { fold } from "../text/fold.ts";

/**
 * Reported numbers, in French and Spanish notation, normalized so that the same fact compares
 * equal across languages: "2,4 millions de migrants" and "2,4 millones de migrantes" are both
 * { value: 2400000, unit: "migrants" }; "50 pour cent" and "50 %" are both percent.
 *
 * Digit groups: a space (also non-breaking) or a period followed by exactly three digits separates
 * thousands ("520 000", "10.000"). A comma is a decimal mark in French ("9,675 milliards" is
 * 9.675 billion); in Spanish it separates thousands when exactly three digits follow, as Mexico
 * writes them ("1,200"), and is a decimal mark otherwise ("2,4 millones"). Mexican press writes
 * large numbers with "mil" between groups: "76 mil 103 migrantes" is 76,103, "5 mil 124 millones
 * de dólares" 5,124 million. Numbers written in words ("quatre piliers") are not figures here.
 *
 * Not figures: years (1900–2100 without a unit), days of a date ("le 27 décembre", "les 9 et 10
 * janvier", "June 8", "8 ene."), article and law numbers ("Title 42", "titre 42", "artículo 3"),
 * times ("10 h 30", "14:00"), ordinals ("XXIe", "2e", "1er", "3.º"), and spans of time — ages and
 * durations ("72 ans", "hace 40 años", "90 jours", "cada 15 días", "24 heures"): how long is not how
 * many.
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

/** Month abbreviations of datelines and tables: "8 ene.", "3 janv.", "12 sept". */
const MONTH_ABBREVIATIONS = "janv|févr|fevr|avr|juil|sept|oct|nov|déc|dec|ene|feb|mar|abr|jun|jul|ago|sep|dic";
const MONTHS = `${monthAlternation({ written: true, english: true })}|(?:${MONTH_ABBREVIATIONS})\\.?`;
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
const NOUNS: ReadonlyMap<string, string> = new Map(Object.entries<string>({
  migrant: "migrants", migrante: "migrants", personne: "people", persona: "people", gen: "people", habitant: "people", habitante: "people",
  soldat: "soldiers", soldado: "soldiers", militaire: "soldiers", militar: "soldiers", troupe: "soldiers", efectivo: "soldiers", elemento: "soldiers",
  agent: "agents", agente: "agents", policier: "agents", policia: "agents",
  mineur: "minors", menor: "minors", enfant: "children", nino: "children", nina: "children",
  arme: "weapons", arma: "weapons", homicide: "homicides", homicidio: "homicides",
  mort: "deaths", muerto: "deaths", deces: "deaths", fallecido: "deaths", victime: "victims", victima: "victims",
  arrestation: "arrests", detenido: "arrests", arresto: "arrests", detention: "arrests", expulsion: "deportations", deportacion: "deportations",
  journaliste: "journalists", periodista: "journalists", dose: "doses", comprime: "pills", pastilla: "pills", pilule: "pills",
  element: "soldiers", tue: "deaths", asesinado: "deaths", blesse: "injured", herido: "injured", deporte: "deportations", deportado: "deportations",
  expulse: "deportations", arrete: "arrests", extradite: "extraditions", extraditado: "extraditions", extradicion: "extraditions",
}));
/** French nouns whose singular ends in -s or -x. */
const FRENCH_INVARIABLE = new Set(["mois", "fois", "pays", "prix", "cas", "corps", "voix", "bras", "colis", "avis", "fils", "poids", "repas"]);
/** Units of time: a number followed by one is an age or a duration, not a reported quantity. */
const SPANS_OF_TIME = new Set(["seconde", "segundo", "minute", "minuto", "min", "heure", "hora", "jour", "dia", "semaine", "semana", "mois", "mes", "an", "annee", "ano", "siecle", "siglo", "decada", "decennie"]);
const NOT_NOUNS = new Set([
  "de", "des", "du", "d", "del", "al", "au", "aux", "et", "y", "a", "en", "dans", "par", "pour", "sur", "con", "por", "para", "el", "la", "le", "les", "los", "las", "un", "una", "une", "que", "qui", "dont", "ou", "o",
  // Verbs and adverbs that follow a number whose noun came before it ("de ellos, 325 fueron…").
  "fueron", "son", "eran", "seran", "han", "habian", "estan", "estaban", "sont", "ont", "etaient", "seront", "avaient", "mas", "plus", "moins", "menos", "environ", "aproximadamente", "casi", "presque",
]);

export function findFigures(text: string, sentences: Sentence[], lang: Lang): Figure[] {
  const figures: Figure[] = [];
  let taken = 0;
  for (const match of text.matchAll(NUMBER)) {
    const digits = match[1] as string;
    const start = match.index;
    if (start < taken) continue;
    let end = start + digits.length;
    const before = text.slice(Math.max(0, start - 14), start);
    let after = text.slice(end, end + 40);
    if (REFERENCE_BEFORE.test(before) || MONTH_BEFORE.test(before) || DAY_OF_DATE.test(after) || TIME_AFTER.test(after) || TIME_BEFORE.test(before)) continue;

    let value = parseNumber(digits, lang);
    const groups = MIL_GROUPS.exec(after);
    if (groups) {
      value = value * 1000 + Number(groups[1]);
      end += groups[0].length;
      after = text.slice(end, end + 40);
    }
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
    const noun = unit ? null : countedNoun(rest, lang);
    if (plainYear && !unit && !(noun && NOUNS.has(noun.lemma))) continue;
    if (!unit && noun && SPANS_OF_TIME.has(noun.lemma)) continue;
    if (!unit && noun) {
      unit = NOUNS.get(noun.lemma) ?? noun.lemma;
      end += noun.length;
    }
    taken = end;
    figures.push({ value, unit: unit ?? "count", raw: text.slice(from, end).trim(), start: from, end, sentence: sentenceAt(sentences, start) });
  }
  return figures;
}

/** "76 mil 103": the groups after "mil" in Mexican notation. */
const MIL_GROUPS = /^\s+mil\s+(\d{1,3})(?![\p{L}\p{N}]|[.,]\d)/u;

function parseNumber(digits: string, lang: Lang): number {
  // French never groups thousands with a comma: "9,675" is a decimal.
  if (lang === "fr" && /^\d+,\d+$/.test(digits)) return Number(digits.replace(",", "."));
  const grouped = /^\d{1,3}(?:[ \u00A0\u202F.,]\d{3})+(?:,\d+)?$/u.test(digits) && /[ \u00A0\u202F.,]\d{3}(?:,|$)/u.test(digits);
  if (grouped) {
    const [whole, decimals] = digits.split(/,(?=\d{1,2}$|\d{4,}$)/);
    return Number((whole as string).replace(/[ \u00A0\u202F.,]/gu, "") + (decimals ? `.${decimals}` : ""));
  }
  return Number(digits.replace(",", "."));
}

/** The noun counted after a number: "12 000 agents de sécurité" → agent; "de migrants" after a multiplier. */
function countedNoun(rest: string, lang: Lang): { lemma: string; length: number } | null {
  const m = /^\s*(?:(?:de\s+|d['’]\s*))?(\p{L}+)/u.exec(rest);
  if (!m) return null;
  const word = fold(m[1] as string);
  if (NOT_NOUNS.has(word) || (word.length < 3 && word !== "an")) return null;
  return { lemma: lemma(word, lang), length: m[0].length };
}

/**
 * The singular of a counted noun: French adds -s or -x; Spanish adds -s after a vowel and -es after
 * the consonants a singular ends with (servidores, civiles, ciudades, aviones, leyes).
 */
function lemma(word: string, lang: Lang): string {
  if (lang === "fr") {
    if (FRENCH_INVARIABLE.has(word)) return word;
    if (word.endsWith("aux")) return `${word.slice(0, -3)}al`;
    if (word.endsWith("s") || word.endsWith("x")) return word.slice(0, -1);
    return word;
  }
  if (word.endsWith("is")) return word; // dosis, crisis, análisis
  if (word.endsWith("ones")) return word.slice(0, -2);
  if (word.endsWith("ces")) return `${word.slice(0, -3)}z`;
  if (word.endsWith("es")) {
    // Either reading may be right (meses, clases): a known noun decides, then the consonant.
    const [short, long] = [word.slice(0, -2), word.slice(0, -1)];
    if (NOUNS.has(short) || SPANS_OF_TIME.has(short)) return short;
    if (NOUNS.has(long) || SPANS_OF_TIME.has(long)) return long;
    return /(?:[rndjy]|[^l]l)es$/.test(word) ? short : long;
  }
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}
