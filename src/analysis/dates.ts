import type * as chrono from "chrono-node";
import { dateParser } from "./date-parsers.ts";
import { letterRuns, wordBits } from "./letter-runs.ts";
import { matchAllAtWordStart } from "./word-start.ts";
import { DateTime } from "luxon";
import type { DatePrecision, PublicationDate } from "../content/schemas.ts";
import type { Lang } from "../languages.ts";
import type { Sentence } from "./sentences.ts";
import { MONTH_NUMBERS, WEEKDAY_NUMBERS, monthAlternation, weekdayAlternation } from "../calendar.ts";
import { fold, foldInPlace } from "../text/fold.ts";

/**
 * Date phrases resolved against the publication date: "le 27 décembre" in an article of
 * 19 January 2024 is 27 December 2023; "vendredi prochain" is the Friday after publication.
 * chrono-node's French and Spanish parsers read the days with their month; around them:
 * - spans are one event from their first day or month: "les 9 et 10 janvier", "del 1 de
 *   diciembre de 2018 al 30 de junio de 2024", "de lundi à mardi", and "entre septiembre y
 *   octubre", the most recent such span unless the verb says it is ahead; a list of months
 *   ("marzo, abril y mayo") runs forward from its first;
 * - a weekday alone ("mardi", "el lunes") and a month alone ("en janvier", "en juin dernier",
 *   "a principios de marzo") are placed by the tense of the verb that governs them: "a annoncé
 *   mardi" is this Tuesday or before, "se rendra au Mexique en janvier" the next January; with no
 *   tense to go by, the nearest one, a month marked uncertain;
 * - words that point at a day ("hier", "ayer", "demain", "hoy"), a weekend, a week, a month or a
 *   year ("le mois dernier", "el año pasado", "hace tres meses", "marzo del año pasado") count
 *   from the publication date; "la veille", "le lendemain", "al día siguiente", "tres días
 *   después", "mardi, au lendemain de la réunion" count from the day the text was describing;
 * - a weekday with a date ("el próximo miércoles 3 de septiembre") takes the year in which that
 *   day falls on that weekday;
 * - when the publication date is known only to the month, the reference is the 15th and a
 *   resolution that depends on the day (a weekday, "hier") is kept to the month and marked
 *   uncertain;
 * - an event after the publication date is marked planned.
 * Not dates: durations ("depuis trois ans", "desde hace tres años"), ages, times, numbers and
 * years alone ("en 2024", as often a statistic's year as an event), recurring days ("los lunes",
 * "chaque mardi"), months and weekdays in names ("Plaza de Mayo", "Santo Domingo"), and the page's
 * own lines: stamps, datelines, captions.
 */
export interface DatedEvent {
  /** "2023-12-27", "2023-12" when only the month is known, "2023" when only the year is. */
  date: string;
  precision: DatePrecision | "year";
  /** Last day (or month) of a span such as "les 9 et 10 janvier". */
  until?: string;
  /** True when the day or the year had to be guessed. */
  uncertain: boolean;
  /** True when the event comes after the publication date: a meeting ahead, a deadline, a plan. */
  planned: boolean;
  phrase: string;
  start: number;
  end: number;
  sentence: number;
}

type Direction = "past" | "future" | null;
/** `ahead`: the words say it is still to come ("la semaine prochaine") though its month is this one. */
type Found = Omit<DatedEvent, "sentence" | "phrase" | "planned"> & { ahead?: boolean };

const WEEKDAYS = weekdayAlternation();
const MONTHS = monthAlternation();
const NOT_LETTER_BEFORE = "(?<![\\p{L}\\p{N}])";
const NOT_LETTER_AFTER = "(?![\\p{L}])";
const APOSTROPHE = "['’]";

const DAY_PAIR = new RegExp(
  `${NOT_LETTER_BEFORE}(\\d{1,2})(?:er)?\\s+(?:et|y|au|al|-|–)\\s+(?:(?:le|el)\\s+)?(\\d{1,2})\\s+(?:de\\s+)?(${MONTHS})(?:\\s+(?:de\\s+)?(\\d{4}))?${NOT_LETTER_AFTER}`,
  "gu",
);
const SPAN_OPEN = /(?<![\p{L}])(?:del|du|de|desde(?:\s+el)?|depuis\s+le)\s+$/u;
const SPAN_JOIN = /^\s*(?:al|au|a|hasta(?:\s+el)?|jusqu['’]au)\s+$/u;
const BETWEEN_OPEN = /(?<![\p{L}])entre(?:\s+(?:el|le))?\s+$/u;
const BETWEEN_JOIN = /^\s*(?:y|et)(?:\s+(?:el|le))?\s+$/u;

/** "del 3 al 5", "de lundi à mardi", "entre el lunes y el martes": the words around two days. */
function isSpan(before: string, between: string): boolean {
  return (SPAN_OPEN.test(before) && SPAN_JOIN.test(between)) || (BETWEEN_OPEN.test(before) && BETWEEN_JOIN.test(between));
}

/** Ordinals chrono does not read: "1o. de octubre", "1º de mayo", "primero de julio", "1ᵉʳ août". */
const FIRST_OF_MONTH = new RegExp(`${NOT_LETTER_BEFORE}(?:1\\s*(?:º|°|ro\\.?|o\\.?|ᵉʳ|ʳᵉ|ᵉ)|primero|premier)\\s+(?:de\\s+)?(${MONTHS})(?:\\s+(?:de\\s+|del\\s+)?(\\d{4}))?${NOT_LETTER_AFTER}`, "gu");
const MONTH_SPAN = new RegExp(
  `${NOT_LETTER_BEFORE}(?:entre|de|d${APOSTROPHE}|desde)\\s*(${MONTHS})(?:\\s+(?:de\\s+)?(\\d{4}))?\\s+(?:et|y|a|à|al|hasta)\\s+(?:(?:el\\s+mes\\s+de|le\\s+mois\\s+de)\\s+)?(${MONTHS})(?:\\s+(?:de\\s+|del\\s+)?(\\d{4}))?${NOT_LETTER_AFTER}`,
  "gu",
);
/** "de l'an dernier", "del año pasado", "de este año" after a month or a day: the year it falls in. */
const RELATIVE_YEAR = /(?:del\s+ano\s+(?:pasado|proximo|entrante|en\s+curso)|del\s+pasado\s+ano|del\s+proximo\s+ano|de\s+este\s+ano|de\s+l['’](?:an|annee)\s+(?:derniere?|passee?|prochaine?|en\s+cours)|de\s+cette\s+annee)/u;
const RELATIVE_YEAR_AFTER = new RegExp(`^\\s+(${RELATIVE_YEAR.source})(?![\\p{L}])`, "u");
const yearShift = (words: string): number => (/pasado|dernier|derniere|passe/u.test(words) ? -1 : /proximo|entrante|prochain/u.test(words) ? 1 : 0);
const MONTH_ALONE = new RegExp(
  `${NOT_LETTER_BEFORE}(?<!\\p{N}\\s(?:de\\s)?)(?:(pasado|proximo)\\s+mes\\s+de\\s+)?(${MONTHS})(?:\\s+(?:de\\s+|del\\s+)?(\\d{4}))?(?:\\s+(dernier|prochain|pasado|proximo|passe|que viene))?(?:\\s+(${RELATIVE_YEAR.source}))?${NOT_LETTER_AFTER}`,
  "gu",
);
/** What stands before a month and belongs to its phrase: "à la mi-", "a principios de", "fin". */
const MONTH_QUALIFIER =
  /(?:(?:a|hacia|para|desde)\s+)?(?:(?:principios|inicios|comienzos|mediados|finales|fines)\s+(?:de(?:l mes de)?)|(?:(?:a|au|en|vers|des|depuis)\s+)?(?:la\s+)?(?:mi-|mi\s+|fin\s+(?:du\s+mois\s+)?(?:de\s+|d['’])?|debut\s+(?:du\s+mois\s+)?(?:de\s+|d['’])?))\s*$/u;
/** "los lunes", "chaque mardi", "un jueves" say how often or which kind of day, not which one. */
const WEEKDAY_ALONE = new RegExp(
  `${NOT_LETTER_BEFORE}(?<!(?:cada|chaque|los|les|un|una|une|todos\\s+los|tous\\s+les)\\s)(?:(este|esta|ce|el\\s+pasado|proximo|proxima|pasado|dernier)\\s+)?(${WEEKDAYS})(?:\\s+(prochain|dernier|pasado|proximo|que viene))?${NOT_LETTER_AFTER}(?!\\s+\\d)`,
  "gu",
);
/** "el lunes de la semana pasada", "mardi de la semaine prochaine". */
const OF_WEEK = /^\s+de\s+la\s+((?:semana\s+(?:pasada|proxima|que\s+viene|entrante))|(?:proxima\s+semana)|(?:semaine\s+(?:derniere|passee|prochaine)))(?![\p{L}])/u;
/** "el martes 7", "mardi 14": a weekday and a day of the month, the month left to the reader. */
const WEEKDAY_DAY = new RegExp(
  `${NOT_LETTER_BEFORE}(${WEEKDAYS})\\s+(\\d{1,2})(?:er)?(?![\\p{N}])(?!\\s*(?:de\\s+)?(?:${MONTHS})${NOT_LETTER_AFTER})(?!\\s*(?:h\\b|h\\d|:|heures|horas|hrs|%))`,
  "gu",
);
/** "para el mes de febrero", "d'ici à mars", "pour le 2 avril": a date aimed at, still ahead. */
const TARGET = /(?<![\p{L}])(?:para(?:\s+(?:el|finales\s+de|principios\s+de|mediados\s+de))?(?:\s+mes\s+de)?|d['’]ici(?:\s+a)?(?:\s+(?:la\s+)?(?:fin|debut|mi-))?(?:\s+(?:du\s+mois\s+)?(?:de|d['’]))?|pour\s+le)\s*$/u;
const SINCE = /(?<![\p{L}])(?:depuis|desde)(?:\s+(?:le|el|les|los))?\s+$/u;
const FORWARD = /(?:prochain|prochaine|proximo|proxima|siguiente|que viene)/u;
const BACKWARD = /(?:dernier|derniere|pasado|pasada|passe)/u;

/** Words that name a day counted from the publication date (folded, as the text is searched). */
const DAY_WORDS: { pattern: RegExp; days: number }[] = [
  { pattern: /(?<![\p{L}'’-])aujourd['’]\s?hui(?!\s+encore)/gu, days: 0 },
  { pattern: /(?<![\p{L}-])(?:ce\s+matin|ce\s+soir|cet\s+apres-midi)(?![\p{L}-])/gu, days: 0 },
  { pattern: /(?<![\p{L}-])avant-hier(?![\p{L}])/gu, days: -2 },
  { pattern: /(?<![\p{L}-])hier(?![\p{L}])/gu, days: -1 },
  { pattern: /(?<![\p{L}-])apres-demain(?![\p{L}])/gu, days: 2 },
  { pattern: /(?<![\p{L}-])(?<!\bde\s)demain(?![\p{L}])/gu, days: 1 },
  { pattern: /(?<![\p{L}])hoy(?![\p{L}])(?!\s+(?:en\s+dia|por\s+hoy|dia))/gu, days: 0 },
  { pattern: /(?<![\p{L}])esta\s+(?:manana|tarde|noche)(?![\p{L}])/gu, days: 0 },
  { pattern: /(?<![\p{L}])(?:anteayer|antier|antes\s+de\s+ayer)(?![\p{L}])/gu, days: -2 },
  { pattern: /(?<![\p{L}])(?:ayer|anoche)(?![\p{L}])/gu, days: -1 },
  { pattern: /(?<![\p{L}])pasado\s+manana(?![\p{L}])/gu, days: 2 },
  // "mañana" is also the morning: "esta mañana", "por la mañana", "cada mañana", "el mañana".
  { pattern: /(?<![\p{L}])(?<!\b(?:la|esta|una|cada|media|el|toda|esa|aquella|misma|su|de|en|por)\s)manana(?![\p{L}])/gu, days: 1 },
];

/** Words that name a day counted from the event being described: "la veille", "al día siguiente". */
const EVENT_DAY_WORDS: { pattern: RegExp; days: number }[] = [
  { pattern: /(?<![\p{L}])l['’]avant-veille(?![\p{L}])/gu, days: -2 },
  { pattern: /(?<![\p{L}])(?:la|sa|leur)\s+veille(?![\p{L}])/gu, days: -1 },
  { pattern: /(?<![\p{L}])(?:le|au)\s+surlendemain(?![\p{L}])/gu, days: 2 },
  { pattern: /(?<![\p{L}])(?:le|au|du)\s+lendemain(?![\p{L}])/gu, days: 1 },
  { pattern: /(?<![\p{L}])la\s+vispera(?![\p{L}])/gu, days: -1 },
  { pattern: /(?<![\p{L}])(?:el\s+dia\s+anterior|un\s+dia\s+antes)(?![\p{L}])/gu, days: -1 },
  { pattern: /(?<![\p{L}])(?:(?:al|el)\s+(?:dia\s+siguiente|otro\s+dia)|un\s+dia\s+despues)(?![\p{L}])/gu, days: 1 },
  { pattern: /(?<![\p{L}])en\s+visperas(?![\p{L}])/gu, days: -1 },
  { pattern: /(?<![\p{L}])(?:(?:el|ese)\s+mismo\s+dia|(?:le|ce)\s+meme\s+jour|ce\s+jour-la)(?![\p{L}])/gu, days: 0 },
];

/** "trois jours plus tard", "dos días después": counted from the day the text was describing. */
const DAYS_LATER = new RegExp(
  `(?<![\\p{L}])(\\d{1,2}|${["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"].join("|")})\\s+(?:jours|dias)\\s+(plus\\s+tard|apres|despues|mas\\s+tarde|plus\\s+tot|auparavant|antes)(?![\\p{L}])(?!\\s+(?:de|del|du|d['’]|que|qu['’]))`,
  "gu",
);

/** "mardi, au lendemain de la réunion", "a la veille de": a day said relative to another event. */
const RELATION = /(?:(?:au|le)\s+lendemain|(?:a\s+)?la\s+veille|(?:al|el)\s+dia\s+siguiente|un\s+dia\s+(?:despues|antes)|en\s+visperas|(?:a\s+)?la\s+vispera)(?![\p{L}])/u;
const RELATION_AFTER = new RegExp(`^[\\s,]{0,3}(${RELATION.source})`, "u");
const RELATION_BEFORE = new RegExp(`(${RELATION.source})[^,.;]{0,60},\\s*$`, "u");
/** The same phrase followed by what it is relative to: "à la veille de la signature". */
const RELATIVE_TO = /^\s+(?:de|del|du|d['’]|des)(?![\p{L}])/u;

/** A page's time stamp ("Aujourd'hui à 02:44, mis à jour à 02:53"), not the article's news. */
const PAGE_STAMP = /\d{1,2}\s?[:h]\s?\d{2}/u;
const STAMP_WORDS = /(?:mis a jour|publie le|publie a|actualizado|actualizacion|publicado)|^\s*(?:aujourd['’]hui|hier|hoy|ayer)\s+(?:a|a las)\s+\d/u;

const DATELINE_LEAD = new RegExp(
  `^[\\p{L} .'’-]{2,40},\\s*(?:(?:${WEEKDAYS})\\s+)?\\d{1,2}(?:er)?\\s+(?:de\\s+)?(?:${MONTHS})(?:\\s+(?:de\\s+)?\\d{4})?\\s*(?:\\([^)]{1,40}\\))?\\s*(?:\\.\\s?-|[-–—]|:)`,
  "u",
);
/** How page stamps shorten weekdays: "mar 06 enero 2026", "jeu. 4 mars". */
const WEEKDAY_ABBREVIATIONS = "lun|mar|mie|jue|vie|sab|dom|mer|jeu|ven|sam|dim";
const DATELINE = new RegExp(
  `^[\\s(]*(?:(?:publie|mis a jour|actualizado|publicado)(?:\\s+(?:le|el))?\\s*:?\\s*)?(?:(?:${WEEKDAYS}|${WEEKDAY_ABBREVIATIONS})\\.?,?\\s+)?\\d{1,2}(?:er)?\\s+(?:de\\s+)?(?:${MONTHS})(?:\\s+(?:de\\s+)?\\d{4})?(?:\\s*(?:a|,|-|–)?\\s*\\d{1,2}\\s?[:h]\\s?\\d{2}(?:\\s*h)?(?:\\s*[ap]\\.?\\s?m\\.?)?)?[\\s).]*$`,
  "u",
);
/** "25 juin 2019 | Lecture : 1 min.": a page's header line. */
const DATE_THEN_BAR = new RegExp(`^[\\s\\p{P}]*(?:(?:${WEEKDAYS})\\s+)?\\d{1,2}(?:er)?\\s+(?:de\\s+)?(?:${MONTHS})(?:\\s+(?:de\\s+)?\\d{4})?\\s*[|·•]`, "u");
/** A line of nothing but a date's pieces: "Enero", "/ 30 enero 2026", "- 30 -". */
const DATE_PIECES_ONLY = new RegExp(`^[\\s\\p{P}\\p{S}\\d]*(?:(?:${MONTHS}|${WEEKDAYS}|${WEEKDAY_ABBREVIATIONS})[\\s\\p{P}\\p{S}\\d]*)+$`, "u");
const CAPTION = /^[\s([]*(?:photo|foto|illustration|imagen|image|archives?)(?![\p{L}])/u;

/**
 * Lines of the page, not of the article: a time stamp ("Aujourd'hui à 02:44, mis à jour à
 * 02:53"), a dateline alone ("27 novembre 2019", "/ 30 enero 2026", "Enero"), a photo caption
 * ("Photo d'illustration : … le 26 novembre 2019"): the day a page was updated or a picture was
 * taken is no event of the news.
 */
function isPageDebris(sentence: string): boolean {
  if (PAGE_STAMP.test(sentence) && STAMP_WORDS.test(sentence) && sentence.length < 120) return true;
  return DATELINE.test(sentence) || DATE_PIECES_ONLY.test(sentence) || DATE_THEN_BAR.test(sentence) || CAPTION.test(sentence);
}

/** Words that name a year counted from the publication date. */
const YEAR_WORDS: { pattern: RegExp; years: number }[] = [
  { pattern: /(?<![\p{L}])l['’](?:an|annee)\s+(?:derniere?|passee?|ecoulee)(?![\p{L}])/gu, years: -1 },
  { pattern: /(?<![\p{L}])l['’](?:an|annee)\s+prochaine?(?![\p{L}])/gu, years: 1 },
  { pattern: /(?<![\p{L}])cette\s+annee(?![\p{L}])/gu, years: 0 },
  { pattern: /(?<![\p{L}])d?el\s+(?:ano\s+pasado|pasado\s+ano)(?![\p{L}])/gu, years: -1 },
  { pattern: /(?<![\p{L}])d?el\s+(?:proximo\s+ano|ano\s+(?:proximo|que\s+viene|entrante))(?![\p{L}])/gu, years: 1 },
  { pattern: /(?<![\p{L}])este\s+ano(?![\p{L}])/gu, years: 0 },
];

const SAME_MONTH = new RegExp(
  `(?<![\\p{L}])(?:(?:el|del|al|ese|este)\\s+mismo\\s+mes|(?:le|du|au)\\s+meme\\s+mois)\\s+(?:(?:de|del|d['’]|de\\s+l['’]annee)\\s+(\\d{4})|(${RELATIVE_YEAR.source}))(?![\\p{L}\\p{N}])`,
  "gu",
);

/** "el undécimo mes de 2025", "le onzième mois de l'année": a month by its rank in a year. */
const MONTH_RANKS: ReadonlyMap<string, number> = new Map(Object.entries<number>({
  primer: 1, primero: 1, segundo: 2, tercer: 3, tercero: 3, cuarto: 4, quinto: 5, sexto: 6, septimo: 7, octavo: 8, noveno: 9,
  decimo: 10, undecimo: 11, onceavo: 11, decimoprimero: 11, duodecimo: 12, doceavo: 12, decimosegundo: 12,
  premier: 1, deuxieme: 2, second: 2, troisieme: 3, quatrieme: 4, cinquieme: 5, sixieme: 6, septieme: 7, huitieme: 8,
  neuvieme: 9, dixieme: 10, onzieme: 11, douzieme: 12,
}));
const RANKED_MONTH = new RegExp(
  `(?<![\\p{L}])(${[...MONTH_RANKS.keys()].join("|")})\\s+(?:mes|mois)\\s+(?:de\\s+|del\\s+|d['’])(?:(\\d{4})|(?:este\\s+|cette\\s+)?(?:ano|annee|l['’]annee)(?:\\s+(?:pasado|derniere|en\\s+cours))?)(?![\\p{L}\\p{N}])`,
  "gu",
);

/** "le week-end dernier", "este fin de semana": a weekend counted from the publication date. */
const WEEKEND_WORDS: { pattern: RegExp; weeks: number }[] = [
  { pattern: /(?<![\p{L}])(?:le\s+)?week-?end\s+(?:dernier|passe)(?![\p{L}])/gu, weeks: -1 },
  { pattern: /(?<![\p{L}])(?:le\s+)?week-?end\s+prochain(?![\p{L}])/gu, weeks: 1 },
  { pattern: /(?<![\p{L}])ce\s+week-?end(?![\p{L}])/gu, weeks: 0 },
  { pattern: /(?<![\p{L}])el\s+(?:pasado\s+fin\s+de\s+semana|fin\s+de\s+semana\s+pasado)(?![\p{L}])/gu, weeks: -1 },
  { pattern: /(?<![\p{L}])el\s+(?:proximo\s+fin\s+de\s+semana|fin\s+de\s+semana\s+(?:proximo|que\s+viene))(?![\p{L}])/gu, weeks: 1 },
  { pattern: /(?<![\p{L}])este\s+fin\s+de\s+semana(?![\p{L}])/gu, weeks: 0 },
];

/** Words that name a week or a month counted from the publication date. */
const PERIOD_WORDS: { pattern: RegExp; unit: "weeks" | "months"; count: number }[] = [
  { pattern: /(?<![\p{L}])la\s+semaine\s+(?:derniere|passee|ecoulee)(?![\p{L}])/gu, unit: "weeks", count: -1 },
  { pattern: /(?<![\p{L}])la\s+semaine\s+prochaine(?![\p{L}])/gu, unit: "weeks", count: 1 },
  { pattern: /(?<![\p{L}])cette\s+semaine(?![\p{L}])/gu, unit: "weeks", count: 0 },
  { pattern: /(?<![\p{L}])la\s+(?:semana\s+pasada|pasada\s+semana)(?![\p{L}])/gu, unit: "weeks", count: -1 },
  { pattern: /(?<![\p{L}])la\s+(?:proxima\s+semana|semana\s+(?:proxima|que\s+viene|entrante))(?![\p{L}])/gu, unit: "weeks", count: 1 },
  { pattern: /(?<![\p{L}])esta\s+semana(?![\p{L}])/gu, unit: "weeks", count: 0 },
  { pattern: /(?<![\p{L}])(?:le|du)\s+mois\s+(?:dernier|passe|ecoule)(?![\p{L}])/gu, unit: "months", count: -1 },
  { pattern: /(?<![\p{L}])le\s+mois\s+prochain(?![\p{L}])/gu, unit: "months", count: 1 },
  { pattern: /(?<![\p{L}])ce\s+mois(?:-ci)?(?![\p{L}])(?!\s+de\s)/gu, unit: "months", count: 0 },
  { pattern: /(?<![\p{L}])el\s+(?:mes\s+pasado|pasado\s+mes)(?![\p{L}])(?!\s+de\s)/gu, unit: "months", count: -1 },
  { pattern: /(?<![\p{L}])el\s+(?:proximo\s+mes|mes\s+(?:proximo|que\s+viene|entrante))(?![\p{L}])(?!\s+de\s)/gu, unit: "months", count: 1 },
  { pattern: /(?<![\p{L}])este\s+mes(?![\p{L}])(?!\s+de\s)/gu, unit: "months", count: 0 },
];

/** "il y a trois mois", "hace dos semanas": a moment counted back; "depuis", "desde hace" make it a duration. */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(Object.entries<number>({
  un: 1, une: 1, uno: 1, una: 1, deux: 2, dos: 2, trois: 3, tres: 3, quatre: 4, cuatro: 4, cinq: 5, cinco: 5,
  six: 6, seis: 6, sept: 7, siete: 7, huit: 8, ocho: 8, neuf: 9, nueve: 9, dix: 10, diez: 10, quinze: 15, quince: 15,
}));
const AGO = new RegExp(
  `(?<![\\p{L}])(?<!(?:depuis|desde|durant|pendant)\\s)(il\\s+y\\s+a|hace)\\s+(\\d{1,2}|${[...NUMBER_WORDS.keys()].join("|")})\\s+(jours?|dias?|semaines?|semanas?|mois|mes|meses|ans|annees|anos)${NOT_LETTER_AFTER}`,
  "gu",
);

const IMPERFECT_BEFORE = /(?:\p{L}+(?:aba|aban|ia|ian)|era|eran|etait|etaient|\p{L}+(?:ait|aient))\s+(?:\p{L}+\s+){0,2}$/u;

export function referenceDate(date: PublicationDate): DateTime {
  const base = DateTime.fromISO(date.iso, { zone: "utc" });
  return (date.precision === "day" ? base : base.set({ day: 15 })).set({ hour: 12 });
}

interface Reference {
  ref: DateTime;
  today: DateTime;
  publishedOn: { day: string; month: string; dayKnown: boolean };
}

// An article's source and both its summaries count from the same publication date: read it once.
const references = new Map<string, Reference>();

function referenceOf(published: PublicationDate): Reference {
  const key = `${published.iso} ${published.precision}`;
  let known = references.get(key);
  if (known === undefined) {
    const ref = referenceDate(published);
    known = { ref, today: ref.startOf("day"), publishedOn: { day: ref.toISODate() as string, month: ref.toFormat("yyyy-MM"), dayKnown: published.precision === "day" } };
    if (references.size >= 10_000) references.clear();
    references.set(key, known);
  }
  return known;
}

export function findDates(text: string, sentences: Sentence[], lang: Lang, published: PublicationDate): DatedEvent[] {
  const events: DatedEvent[] = [];
  const { ref, today, publishedOn } = referenceOf(published);
  const dayKnown = publishedOn.dayKnown;
  const parser = dateParser(lang);
  // Offsets found in the folded text must hold in the original.
  const folded = foldInPlace(text);
  sentences.forEach((sentence, index) => {
    const foldedSentence = folded.slice(sentence.start, sentence.end);
    const named = calendarWords(foldedSentence);
    const months = (named & NAMES_A_MONTH) !== 0;
    const weekdays = (named & NAMES_A_WEEKDAY) !== 0;
    if ((!months && !weekdays && !OTHER_WORDS.test(foldedSentence)) || isPageDebris(foldedSentence)) return;
    const taken: [number, number][] = [];
    const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
    const push = (found: Found) => {
      if (!free(found.start, found.end)) return;
      taken.push([found.start, found.end]);
      const lead = /^[\s,;:.]*/u.exec(text.slice(found.start, found.end))?.[0].length ?? 0;
      const phrase = text.slice(found.start + lead, found.end).replace(/[\s,;:.]+$/u, "");
      const start = found.start + lead;
      const end = start + phrase.length;
      const planned = isPlanned(found, publishedOn);
      const { date, until, precision, uncertain } = found;
      // Written out rather than spread from `found`: the same fields in the same order, without
      // the copying a spread of a rest object costs on every date of every text.
      events.push(until === undefined ? { date, precision, uncertain, start, end, phrase, planned, sentence: index } : { date, until, precision, uncertain, start, end, phrase, planned, sentence: index });
    };
    /** A day, or its month when the publication date gives no day to count from. */
    const pushDay = (date: DateTime, start: number, end: number, relative: boolean) => {
      if (relative && !dayKnown) push({ date: date.toFormat("yyyy-MM"), precision: "month", uncertain: true, start, end });
      else push({ date: date.toISODate() as string, precision: "day", uncertain: false, start, end });
    };
    // "Ciudad de México, 11 de diciembre (SinEmbargo).-": where and when the piece was filed.
    // A dateline names its month (NAMES_MONTH would find it).
    const dateline = months ? DATELINE_LEAD.exec(foldedSentence) : null;
    if (dateline) taken.push([sentence.start, sentence.start + dateline[0].length]);
    const lower = sentence.text.toLowerCase();
    let markers: TenseMarker[] | null = null;
    const tense = (at: number) => tenseNear((markers ??= tenseMarkers(lower, lang)), lower, at - sentence.start);
    const at = (m: RegExpMatchArray) => sentence.start + (m.index as number);
    // Months and weekdays are written in lower case in running French and Spanish: "Plaza de
    // Mayo", "Santo Domingo", "Abril Pérez" are names.
    const isName = (m: RegExpMatchArray, group = 0) => {
      const offset = (m.index as number) + m[0].indexOf(m[group] as string);
      const letter = sentence.text[offset] as string;
      if (letter === letter.toLowerCase()) return false;
      // "Abril Pérez", "Mayo Clinic": a capital word follows.
      if (/^\s\p{Lu}/u.test(sentence.text.slice(offset + (m[group] as string).length))) return true;
      // "la place du Premier-Mai", "Cinco-de-Mayo": part of a compound name.
      if (/\p{L}-$/u.test(sentence.text.slice(0, offset))) return true;
      return offset > 0 && !/[«"“(\-–—:]\s*$/u.test(sentence.text.slice(0, offset));
    };

    for (const m of months ? matchAllAtWordStart(foldedSentence, DAY_PAIR) : []) {
      const month = MONTH_NUMBERS.get(m[3] as string) as number;
      const start = at(m);
      const year = m[4] ? Number(m[4]) : yearOfDay(ref, month, Number(m[2]), modifierNear(foldedSentence, m) ?? farTense(ref, month, Number(m[2]), () => tense(start)));
      const first = DateTime.fromObject({ year, month, day: Number(m[1]) }, { zone: "utc" });
      const last = DateTime.fromObject({ year, month, day: Number(m[2]) }, { zone: "utc" });
      if (!first.isValid || !last.isValid || last < first) continue;
      push({ date: first.toISODate() as string, until: last.toISODate() as string, precision: "day", uncertain: false, start, end: start + m[0].length });
    }

    for (const m of months ? matchAllAtWordStart(foldedSentence, FIRST_OF_MONTH) : []) {
      const month = MONTH_NUMBERS.get(m[1] as string) as number;
      const start = at(m);
      const year = m[2] ? Number(m[2]) : yearOfDay(ref, month, 1, modifierNear(foldedSentence, m) ?? farTense(ref, month, 1, () => tense(start)));
      push({ date: DateTime.fromObject({ year, month, day: 1 }, { zone: "utc" }).toISODate() as string, precision: "day", uncertain: false, start, end: start + m[0].length });
    }

    // chrono reads a few words around each day-and-month ("le 27 décembre", "miércoles 3 de
    // septiembre"), not the whole sentence: it is by far the slowest step, and a date phrase is
    // never long.
    for (const window of months ? windows(foldedSentence) : []) {
      const windowText = sentence.text.slice(window.start, window.end);
      for (const result of parser.parse(windowText, ref.toJSDate())) {
        let start = sentence.start + window.start + result.index;
        let end = start + result.text.length;
        const known = (k: chrono.Component) => result.start.isCertain(k);
        // Only a day with its month: chrono's casual words ("mañana", "hier") are read below.
        if (!free(start, end) || !known("day") || !known("month") || !namesMonth(fold(result.text))) continue;
        let date: DateTime = DateTime.fromJSDate(result.start.date(), { zone: "utc" }).startOf("day");
        if (known("weekday") && !known("year")) {
          date = yearForWeekday(ref, result.start.get("month") as number, result.start.get("day") as number, result.start.get("weekday") as number) ?? date;
        } else if (!known("year")) {
          // "el pasado 3 de marzo", "le 5 novembre prochain": the word says which side of today.
          const before = folded.slice(Math.max(sentence.start, start - 12), start);
          const after = folded.slice(end, end + 30);
          const lead = /(?:proximo|proxima|(?:el\s+)?pasado)\s+$/u.exec(before)?.[0] ?? "";
          const trail = /^\s+(?:prochain|dernier|proximo|pasado|passe|que viene)(?![\p{L}])/u.exec(after)?.[0] ?? "";
          const relativeYear = RELATIVE_YEAR_AFTER.exec(after.slice(trail.length));
          const words = `${lead} ${fold(result.text)} ${trail}`;
          // "depuis le 7 juillet", "desde el 1 de enero": a start that has come.
          const since = SINCE.test(before);
          const direction: Direction = FORWARD.test(words) || TARGET.test(before) ? "future" : BACKWARD.test(words) || since ? "past" : farTense(ref, date.month, date.day, () => tense(start));
          const year = relativeYear ? ref.year + yearShift(relativeYear[1] as string) : yearOfDay(ref, date.month, date.day, direction);
          date = DateTime.fromObject({ year, month: date.month, day: date.day }, { zone: "utc" });
          start -= lead.length;
          end += trail.length + (relativeYear?.[0].length ?? 0);
        }
        if (!date.isValid) continue;
        // A range chrono read whole ("du 3 mars au 2 avril") ends in the same year or the next.
        let until: string | undefined;
        if (result.end?.isCertain("day") && result.end.isCertain("month")) {
          const last = DateTime.fromObject({ year: date.year, month: result.end.get("month") as number, day: result.end.get("day") as number }, { zone: "utc" });
          const fixed = result.end.isCertain("year") ? last.set({ year: result.end.get("year") as number }) : last < date ? last.plus({ years: 1 }) : last;
          if (fixed.isValid && fixed > date) until = fixed.toISODate() as string;
        }
        push({ date: date.toISODate() as string, ...(until ? { until } : {}), precision: "day", uncertain: false, start, end });
      }
    }

    for (const m of weekdays ? matchAllAtWordStart(foldedSentence, WEEKDAY_DAY) : []) {
      if (isName(m, 1)) continue;
      const date = weekdayOfMonthDay(ref, WEEKDAY_NUMBERS.get(m[1] as string) as number, Number(m[2]));
      if (date) push({ date: date.toISODate() as string, precision: "day", uncertain: false, start: at(m), end: at(m) + m[0].length });
    }

    for (const m of months ? matchAllAtWordStart(foldedSentence, MONTH_SPAN) : []) {
      const first = MONTH_NUMBERS.get(m[1] as string) as number;
      const last = MONTH_NUMBERS.get(m[3] as string) as number;
      const start = at(m);
      // The most recent span that has begun, unless the verb puts it ahead: "entre septiembre y
      // octubre" in an October article is this September and this October.
      const lastYear = m[4] ? Number(m[4]) : m[2] ? Number(m[2]) + (last < first ? 1 : 0) : spanEndYear(ref, first, last, tense(start));
      const firstYear = m[2] ? Number(m[2]) : last < first ? lastYear - 1 : lastYear;
      push({ date: monthKey(firstYear, first), until: monthKey(lastYear, last), precision: "month", uncertain: false, start, end: start + m[0].length });
    }

    // A weekday alone ("mardi", "vendredi prochain", "este lunes") is placed by the tense of its
    // verb; "au lendemain de", "la veille de" next to it count from the event described.
    for (const m of weekdays ? matchAllAtWordStart(foldedSentence, WEEKDAY_ALONE) : []) {
      if (isName(m, 2)) continue;
      // "este martes", "ce mardi": the demonstrative places the day, the phrase is the day.
      const start = at(m) + (m[1] && /^(?:este|esta|ce)$/u.test(m[1]) ? m[0].indexOf(m[2] as string) : 0);
      const end = at(m) + m[0].length;
      if (!free(start, end)) continue;
      const wanted = WEEKDAY_NUMBERS.get(m[2] as string) as number;
      const marker = m[1] && !/^(?:este|esta|ce)$/u.test(m[1]) ? m[1] : m[3];
      const relation = relationNear(foldedSentence, m.index as number, (m.index as number) + m[0].length);
      const week = OF_WEEK.exec(foldedSentence.slice((m.index as number) + m[0].length));
      let date: DateTime;
      if (week && !marker) {
        // "el lunes de la semana pasada", "mardi de la semaine prochaine": that day of that week.
        const weeks = /pasada|derniere|passee/u.test(week[1] as string) ? -1 : 1;
        date = today.minus({ days: today.weekday - 1 }).plus({ weeks, days: wanted - 1 });
        const weekEnd = end + week[0].length;
        pushDay(date, start, weekEnd, true);
        continue;
      } else if (relation && !marker) {
        // "mardi, au lendemain de la réunion": the phrase is part of this date, not another one.
        taken.push([sentence.start + relation.start, sentence.start + relation.end]);
        const anchor = anchorBefore(events, start, index) ?? today;
        date = relation.days > 0 ? weekdayDate(anchor, wanted, "future") : weekdayDate(anchor.minus({ days: 1 }), wanted, "past");
      } else {
        const direction: Direction = marker ? (BACKWARD.test(marker) ? "past" : "future") : tense(start);
        date = weekdayDate(today, wanted, direction);
      }
      pushDay(date, start, end, true);
    }

    for (const m of months ? matchAllAtWordStart(foldedSentence, MONTH_ALONE) : []) {
      if (isName(m, 2)) continue;
      let start = at(m);
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      const qualifier = MONTH_QUALIFIER.exec(foldedSentence.slice(Math.max(0, (m.index as number) - 40), m.index));
      if (qualifier && free(start - qualifier[0].length, start)) start -= qualifier[0].length;
      const month = MONTH_NUMBERS.get(m[2] as string) as number;
      const marker = m[1] ?? m[4];
      const lead = foldedSentence.slice(Math.max(0, (m.index as number) - 24), m.index);
      const direction: Direction = marker ? (BACKWARD.test(marker) ? "past" : "future") : SINCE.test(lead) ? "past" : TARGET.test(lead) ? "future" : tense(start);
      let year: number;
      if (m[3]) year = Number(m[3]);
      else if (m[5]) year = ref.year + yearShift(m[5]);
      // "en juin dernier": the last June before this month; "en janvier" in a sentence about the
      // future, the next January (this month included); with no tense, the nearest January.
      else if (direction === "past") year = month <= ref.month && !marker ? ref.year : month < ref.month ? ref.year : ref.year - 1;
      else if (direction === "future") year = month >= ref.month && !marker ? ref.year : month > ref.month ? ref.year : ref.year + 1;
      else year = nearestMonthYear(ref, month);
      // "marzo, abril y mayo": a list of months runs forward from its first.
      const previous = events[events.length - 1];
      if (!m[3] && !m[5] && previous?.sentence === index && previous.precision === "month" && /^[\s,]*(?:y|e|et|ou|o|-|–)?[\s,]*$/u.test(folded.slice(previous.end, start))) {
        const [y, mm] = previous.date.split("-").map(Number) as [number, number];
        year = month > mm ? y : y + 1;
      }
      // "se reunirán a finales de marzo" in a March article: this month, still ahead.
      const ahead = direction === "future" && monthKey(year, month) === publishedOn.month;
      push({ date: monthKey(year, month), precision: "month", uncertain: !m[3] && !m[5] && !marker && direction === null && month !== ref.month, ahead, start, end });
    }

    // "el mismo mes del 2018", "le même mois de 2023": the month just named, in another year.
    const monthWord = /(?:mes|mois)(?![\p{L}])/u.test(foldedSentence);
    for (const m of monthWord ? matchAllAtWordStart(foldedSentence, SAME_MONTH) : []) {
      const named = [...events].reverse().find((e) => e.precision === "month" && e.start < at(m) && e.sentence >= index - 2);
      if (!named) continue;
      const year = m[1] ? Number(m[1]) : ref.year + yearShift(m[2] as string);
      push({ date: `${year}-${named.date.slice(5, 7)}`, precision: "month", uncertain: false, start: at(m), end: at(m) + m[0].length });
    }

    for (const m of monthWord ? matchAllAtWordStart(foldedSentence, RANKED_MONTH) : []) {
      const month = MONTH_RANKS.get(m[1] as string) as number;
      const year = m[2] ? Number(m[2]) : /pasado|derniere/u.test(m[0]) ? ref.year - 1 : /este|cette|en cours/u.test(m[0]) ? ref.year : nearestMonthYear(ref, month);
      push({ date: monthKey(year, month), precision: "month", uncertain: false, start: at(m), end: at(m) + m[0].length });
    }

    for (const { pattern, unit, count } of monthWord || /semaine|semana/u.test(foldedSentence) ? PERIOD_WORDS : []) {
      for (const m of matchAllAtWordStart(foldedSentence, pattern)) {
        const moment = unit === "weeks" ? today.plus({ weeks: count }) : ref.startOf("month").plus({ months: count });
        const uncertain = unit === "weeks" && moment.month !== today.month;
        push({ date: moment.toFormat("yyyy-MM"), precision: "month", uncertain, ahead: count > 0, start: at(m), end: at(m) + m[0].length });
      }
    }

    for (const { pattern, weeks } of /week|fin\s+de\s+semana/u.test(foldedSentence) ? WEEKEND_WORDS : []) {
      for (const m of matchAllAtWordStart(foldedSentence, pattern)) {
        // Its Saturday. "Ce week-end" is the one under way, else the one its verb says ("sont
        // arrivés ce week-end": just past), else the one just past on a Monday and the next one later.
        const start = at(m);
        const lastSaturday = today.minus({ days: (today.weekday - 6 + 7) % 7 });
        const direction = weeks === 0 && today.weekday < 6 ? tense(start) : null;
        const weekend = today.weekday >= 6 || direction === "past" || (direction === null && today.weekday === 1) ? 0 : 1;
        const thisOne = lastSaturday.plus({ weeks: weeks === 0 ? weekend : weeks < 0 ? (today.weekday >= 6 ? -1 : 0) : 1 });
        if (dayKnown) push({ date: thisOne.toISODate() as string, until: thisOne.plus({ days: 1 }).toISODate() as string, precision: "day", uncertain: false, start, end: start + m[0].length });
        else push({ date: thisOne.toFormat("yyyy-MM"), precision: "month", uncertain: true, start, end: start + m[0].length });
      }
    }

    for (const { pattern, days } of DAY_WORD_GATE.test(foldedSentence) ? DAY_WORDS : []) {
      for (const m of matchAllAtWordStart(foldedSentence, pattern)) {
        if (isName(m)) continue;
        const start = at(m);
        const end = start + m[0].length;
        // "Mañana miércoles 13 de agosto", "hier lundi": one day, said twice.
        const named = events.find((e) => e.sentence === index && e.precision === "day" && e.start >= end && /^[\s,]*$/u.test(text.slice(end, e.start)));
        if (named) {
          if (!/\d/u.test(named.phrase) && dayKnown) named.date = today.plus({ days }).toISODate() as string;
          named.start = start;
          named.phrase = text.slice(start, named.end);
          named.planned = isPlanned(named, publishedOn);
          taken.push([start, end]);
          continue;
        }
        pushDay(today.plus({ days }), start, end, true);
      }
    }

    for (const m of /il\s+y\s+a|hace/u.test(foldedSentence) ? matchAllAtWordStart(foldedSentence, AGO) : []) {
      // "eran requeridos hace 40 años": with an imperfect, how long a state has lasted.
      if (IMPERFECT_BEFORE.test(foldedSentence.slice(Math.max(0, (m.index as number) - 40), m.index))) continue;
      const count = /\d/u.test(m[2] as string) ? Number(m[2]) : (NUMBER_WORDS.get(m[2] as string) as number);
      const unit = m[3] as string;
      if (/^(?:jour|dia)/u.test(unit)) pushDay(today.minus({ days: count }), at(m), at(m) + m[0].length, true);
      else if (/^(?:semaine|semana)/u.test(unit)) pushDay(today.minus({ weeks: count }), at(m), at(m) + m[0].length, true);
      else if (/^(?:an|ano)/u.test(unit)) push({ date: String(ref.year - count), precision: "year", uncertain: false, start: at(m), end: at(m) + m[0].length });
      else {
        push({ date: ref.startOf("month").minus({ months: count }).toFormat("yyyy-MM"), precision: "month", uncertain: false, start: at(m), end: at(m) + m[0].length });
      }
    }

    for (const { pattern, years } of /(?<![\p{L}])(?:an|annee|ano)(?![\p{L}])/u.test(foldedSentence) ? YEAR_WORDS : []) {
      for (const m of matchAllAtWordStart(foldedSentence, pattern)) {
        push({ date: String(ref.year + years), precision: "year", uncertain: false, start: at(m), end: at(m) + m[0].length });
      }
    }

    for (const m of /jours|dias/u.test(foldedSentence) ? matchAllAtWordStart(foldedSentence, DAYS_LATER) : []) {
      const start = at(m);
      const anchor = anchorBefore(events, start, index);
      if (!anchor) continue;
      const count = /\d/u.test(m[1] as string) ? Number(m[1]) : (NUMBER_WORDS.get(m[1] as string) as number);
      pushDay(anchor.plus({ days: /tard|apres|despues/u.test(m[2] as string) ? count : -count }), start, start + m[0].length, false);
    }

    // In the order they are written: each counts from the day the text is describing by then.
    const relative = (/veille|lendemain|vispera|dia/u.test(foldedSentence) ? EVENT_DAY_WORDS : []).flatMap(({ pattern, days }) => [...matchAllAtWordStart(foldedSentence, pattern)].map((m) => ({ m, days })));
    for (const { m, days } of relative.sort((a, b) => (a.m.index as number) - (b.m.index as number))) {
      const start = at(m);
      const end = start + m[0].length;
      const relativeTo = RELATIVE_TO.test(folded.slice(end, end + 5));
      // "a annoncé vendredi … à la veille de la signature": the eve places the day already
      // named, it is not another event.
      if (relativeTo && events.some((e) => e.sentence === index && e.precision === "day" && (e.end <= start || e.start >= end + 60))) continue;
      const anchor = (relativeTo ? dayAfter(events, index, end, 60) : null) ?? anchorBefore(events, start, index);
      // "el mismo día" with no day before it says nothing.
      if (days === 0 && !anchor) continue;
      pushDay((anchor ?? today).plus({ days }), start, end, anchor === null);
    }

    // "del 1 de diciembre de 2018 al 30 de junio de 2024", "dans la nuit de lundi à mardi": one span.
    const days = events.filter((e) => e.sentence === index && e.precision === "day" && !e.until).sort((a, b) => a.start - b.start);
    for (let i = 1; i < days.length; i++) {
      const [first, last] = [days[i - 1] as DatedEvent, days[i] as DatedEvent];
      if (!isSpan(folded.slice(Math.max(sentence.start, first.start - 12), first.start), folded.slice(first.end, last.start))) continue;
      if (last.date <= first.date) continue;
      first.until = last.date;
      first.end = last.end;
      first.phrase = text.slice(first.start, last.end);
      first.planned = isPlanned(first, publishedOn);
      events.splice(events.indexOf(last), 1);
      i++;
    }
  });
  return events.sort((a, b) => a.start - b.start);
}

/** After the publication date, compared at the precision both are known to. */
function isPlanned(event: Found, published: { day: string; month: string; dayKnown: boolean }): boolean {
  if (event.ahead) return true;
  if (event.precision === "day" && published.dayKnown) return event.date > published.day;
  return event.date.slice(0, 7) > published.month;
}

/**
 * The day the text was describing when it says "la veille" or "au lendemain": the last day it
 * named in this sentence or the two before; none means the publication day.
 */
function anchorBefore(events: DatedEvent[], offset: number, sentence: number): DateTime | null {
  let best: DatedEvent | null = null;
  for (const event of events) {
    if (event.precision !== "day" || event.start >= offset || event.sentence < sentence - 2) continue;
    if (!best || event.start > best.start) best = event;
  }
  return best ? DateTime.fromISO(best.until ?? best.date, { zone: "utc" }) : null;
}

/** "au lendemain de" right after a weekday, or before it with a comma: "Au lendemain du vote, mardi". */
function relationNear(sentence: string, start: number, end: number): { start: number; end: number; days: number } | null {
  const after = RELATION_AFTER.exec(sentence.slice(end));
  const before = after ? null : RELATION_BEFORE.exec(sentence.slice(0, start));
  const found = after ? { start: end + after[0].length - (after[1] as string).length, phrase: after[1] as string } : before ? { start: before.index, phrase: before[1] as string } : null;
  if (!found) return null;
  return { start: found.start, end: found.start + found.phrase.length, days: /lendemain|siguiente|despues/u.test(found.phrase) ? 1 : -1 };
}

/** The day named just after a phrase, in its sentence: "la veille de la réunion du 12 mars". */
function dayAfter(events: DatedEvent[], sentence: number, offset: number, within: number): DateTime | null {
  const next = events.filter((e) => e.sentence === sentence && e.precision === "day" && e.start >= offset && e.start <= offset + within).sort((a, b) => a.start - b.start)[0];
  return next ? DateTime.fromISO(next.date, { zone: "utc" }) : null;
}

/** "pasado", "prochain"… written next to a day-and-month span. */
function modifierNear(sentence: string, m: RegExpMatchArray): Direction {
  const around = `${sentence.slice(Math.max(0, (m.index as number) - 12), m.index)} ${sentence.slice((m.index as number) + m[0].length, (m.index as number) + m[0].length + 12)}`;
  if (/(?:proximo|proxima|prochain|prochaine|que viene)/u.test(around)) return "future";
  if (/(?:pasado|pasados|dernier|derniers|passe)/u.test(around)) return "past";
  return null;
}

/**
 * A day and month more than three months away from the nearest year's: the verb decides the
 * side ("se reunirán el 20 de julio" in January is this July; "se reunieron el 20 de julio", last
 * July). Nearer than that, the nearest year holds whatever the verb: "a annoncé que la réunion
 * aurait lieu le 20 janvier".
 */
function farTense(ref: DateTime, month: number, day: number, tense: () => Direction): Direction {
  const nearest = utcDay(yearOfDay(ref, month, day, null), month, day);
  return Math.abs(nearest - ref.toMillis()) / DAY_MS > 92 ? tense() : null;
}

function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

const DAY_MS = 86_400_000;
/** Midnight UTC of a day, as milliseconds; days past the 28th count as the 28th (every month has one). */
const utcDay = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, Math.min(day, 28));

/** The year of a day and month: on the given side of the reference, or the nearest one. */
function yearOfDay(ref: DateTime, month: number, day: number, direction: Direction): number {
  // Noon of the day in the reference's year, against noon of the reference's day (both UTC).
  const candidate = utcDay(ref.year, month, day) + DAY_MS / 2;
  const today = Date.UTC(ref.year, ref.month - 1, ref.day) + DAY_MS / 2;
  if (direction === "past") return candidate <= today ? ref.year : ref.year - 1;
  if (direction === "future") return candidate >= today ? ref.year : ref.year + 1;
  return nearestYear(ref, month, day);
}

/** The year that puts a month nearest the reference month; the past wins a tie. */
function nearestMonthYear(ref: DateTime, month: number): number {
  const back = (ref.month - month + 12) % 12;
  const forward = (month - ref.month + 12) % 12;
  if (back <= forward) return month <= ref.month ? ref.year : ref.year - 1;
  return month >= ref.month ? ref.year : ref.year + 1;
}

/** The year in which a span of months ends: the latest that has begun, or the next one when ahead. */
function spanEndYear(ref: DateTime, first: number, last: number, direction: Direction): number {
  const startsLater = last < first; // "de noviembre a febrero" crosses a new year
  const begunThisYear = (year: number) => (startsLater ? monthKey(year - 1, first) : monthKey(year, first)) <= ref.toFormat("yyyy-MM");
  if (direction === "future") return last >= ref.month ? ref.year : ref.year + 1;
  return begunThisYear(ref.year) ? ref.year : ref.year - 1;
}

/** "el martes 7": the 7th, in this month or the one before or after, that falls on a Tuesday. */
function weekdayOfMonthDay(ref: DateTime, weekday: number, day: number): DateTime | null {
  const fits = [0, -1, 1]
    .map((k) => ref.startOf("month").plus({ months: k }).set({ day }))
    .filter((d) => d.day === day && d.weekday === weekday)
    .sort((a, b) => Math.abs(a.diff(ref).milliseconds) - Math.abs(b.diff(ref).milliseconds));
  return fits[0]?.startOf("day") ?? null;
}

const NAMES_MONTH = new RegExp(`(?<![\\p{L}])(?:${MONTHS})(?![\\p{L}])`, "u");
// The bare names first: a pattern that opens on a look-behind tries it at every character.
const MONTH_LETTERS = new RegExp(`(?:${MONTHS})`, "u");
const namesMonth = (text: string): boolean => MONTH_LETTERS.test(text) && NAMES_MONTH.test(text);
/**
 * Which of months and weekdays a sentence names, as NAMES_MONTH and its weekday twin would say:
 * a name stands alone, (?<![\p{L}])name(?![\p{L}]), so it is a whole run of letters. One pass
 * over the sentence's words for both, where each pattern would try its names at every character.
 */
const NAMES_A_MONTH = 1;
const NAMES_A_WEEKDAY = 2;
const CALENDAR_WORDS = new Map<string, number>();
for (const name of MONTHS.split("|")) CALENDAR_WORDS.set(name, (CALENDAR_WORDS.get(name) ?? 0) | NAMES_A_MONTH);
for (const name of WEEKDAYS.split("|")) CALENDAR_WORDS.set(name, (CALENDAR_WORDS.get(name) ?? 0) | NAMES_A_WEEKDAY);
const CALENDAR_WORD_LENGTHS = [...CALENDAR_WORDS.keys()].map((name) => name.length);
const SHORTEST_CALENDAR_WORD = Math.min(...CALENDAR_WORD_LENGTHS);
const LONGEST_CALENDAR_WORD = Math.max(...CALENDAR_WORD_LENGTHS);
export const calendarWords = (text: string): number => wordBits(text, CALENDAR_WORDS, SHORTEST_CALENDAR_WORD, LONGEST_CALENDAR_WORD);
/** What the phrases without a month or a weekday hold, at least one of: a sentence with none is skipped. */
const OTHER_WORDS = /hoy|ayer|manana|anoche|antier|aujourd|hier|demain|esta\s+(?:tarde|noche)|ce\s+(?:matin|soir)|cet\s+apres|semaine|semana|mois|mes|week|(?<![\p{L}])(?:an|annee|ano)(?![\p{L}])|il\s+y\s+a|hace|jours|dias|veille|lendemain|vispera|dia/u;
const DAY_WORD_GATE = /hoy|ayer|manana|anoche|antier|aujourd|hier|demain|esta\s+(?:tarde|noche)|ce\s+(?:matin|soir)|cet\s+apres/u;
const DAY_AND_MONTH = new RegExp(`\\d{1,2}\\s*(?:er\\s+)?(?:de\\s+)?(?:${MONTHS})(?![\\p{L}])`, "gu");

function windows(sentence: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const m of sentence.matchAll(DAY_AND_MONTH)) {
    let start = Math.max(0, m.index - 32);
    let end = Math.min(sentence.length, m.index + m[0].length + 32);
    // Widen to whole words so that chrono never sees half of one.
    while (start > 0 && /\S/u.test(sentence[start - 1] as string)) start--;
    while (end < sentence.length && /\S/u.test(sentence[end] as string)) end++;
    const last = spans[spans.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else spans.push({ start, end });
  }
  return spans;
}

interface TenseMarker {
  direction: "past" | "future";
  start: number;
  end: number;
}

// "sont" alone is mostly "are" ("sont en année électorale"); "se sont engagés" is a past.
const AUX_PAST = new Set(["a", "ont", "avait", "avaient", "avons"]);
const REFLEXIVE_AUX: ReadonlyMap<string, string> = new Map(Object.entries<string>({ est: "s", était: "s", sont: "se", étaient: "se" }));
const PARTICIPLE = /(?:é|ée|és|ées|i|is|ise|it|u|us|ue|ert|erte|int|eint)$/u;
// Verbs of motion and state take "être": "ils sont arrivés", "elle est partie".
const ETRE_AUX = new Set(["est", "sont", "était", "étaient", "sommes"]);
const ETRE_PARTICIPLE = /^(?:arrivé|parti|venu|revenu|devenu|intervenu|parvenu|allé|entré|rentré|sorti|resté|tombé|retourné|mort|né|passé|monté|descendu)(?:e|s|es)?$/u;
const PRETERITE_IRREGULAR = new Set(["dijo", "fue", "fueron", "hizo", "tuvo", "estuvo", "pudo", "puso", "vino", "dio"]);
const PERFECT_ES = new Set(["ha", "han", "había", "habían"]);
// "devaient être terminés jeudi", "debía expirar el lunes": what was due may be past or ahead,
// so the imperfect of "devoir" and "deber" says nothing; the nearest day is meant.
const NOT_YET = new Set(["va", "vont", "doit", "doivent", "devrait", "devraient", "censé", "censée", "censés", "censées", "deberá", "deberán", "van"]);
const AHEAD = /^(?:prévu|prévue|prévus|prévues|prochain|prochaine|prochains|prochaines|previsto|prevista|previstos|previstas|próximo|próxima|próximos|próximas)$/u;
const FUTURE_FR = /(?:era|eront|ira|iront|dra|dront|rra|rront|ura|uront)$/u;
const FUTURE_ES = /(?:rá|rán)$/u;

/**
 * Verbs that place a sentence in the past or the future, found in one pass over its words:
 * French compound pasts ("a annoncé", "avait snobé", "se sont à nouveau engagés"), Spanish
 * preterites ("acordó", "dijo"), futures ("se rendra", "se celebrará") and what is still ahead
 * ("était censée expirer", "doit", "prévues", "deberá").
 */
function tenseMarkers(sentence: string, lang: Lang): TenseMarker[] {
  const words = letterRuns(sentence);
  const markers: TenseMarker[] = [];
  // Each language's endings on its own words only: "frontera" is no French future, "a" no
  // Spanish auxiliary.
  for (let i = 0; i < words.length; i++) {
    const { word, start, end } = words[i] as { word: string; start: number; end: number };
    const direction = tenseOf(words, i, word, lang);
    if (direction) markers.push({ direction, start, end });
  }
  return markers;
}

/** Which way word i of a sentence points in time, if it does. */
function tenseOf(words: { word: string }[], i: number, word: string, lang: Lang): TenseMarker["direction"] | null {
  const shape = shapeOf(word);
  if (shape & AHEAD_WORD) return "future";
  if (NOT_YET.has(word) && anyOfNext(words, i, 2, INFINITIVE_LIKE)) return "future";
  if (lang === "fr") {
    const pronoun = REFLEXIVE_AUX.get(word);
    const auxiliary = AUX_PAST.has(word) || (pronoun !== undefined && words[i - 1]?.word === pronoun);
    if (auxiliary && anyOfNext(words, i, 3, FR_PARTICIPLE)) return "past";
    if (ETRE_AUX.has(word) && anyOfNext(words, i, 2, FR_ETRE_PARTICIPLE)) return "past";
    if (shape & FR_FUTURE) return "future";
    return null;
  }
  if (shape & ES_PAST) return "past";
  if (PRETERITE_IRREGULAR.has(word)) return "past";
  if (PERFECT_ES.has(word) && anyOfNext(words, i, 1, ES_PARTICIPLE)) return "past";
  if (shape & ES_FUTURE) return "future";
  return null;
}

// What a word's own letters say of its tense, one bit each: found once per word, words repeat.
const AHEAD_WORD = 1;
const INFINITIVE_LIKE = 2;
const FR_PARTICIPLE = 4;
const FR_ETRE_PARTICIPLE = 8;
const FR_FUTURE = 16;
const ES_PAST = 32;
const ES_PARTICIPLE = 64;
const ES_FUTURE = 128;
const shapes = new Map<string, number>();

function shapeOf(word: string): number {
  let shape = shapes.get(word);
  if (shape !== undefined) return shape;
  shape =
    (AHEAD.test(word) ? AHEAD_WORD : 0) |
    (/(?:er|ir|re|ar)$/u.test(word) ? INFINITIVE_LIKE : 0) |
    (word.length > 2 && PARTICIPLE.test(word) ? FR_PARTICIPLE : 0) |
    (ETRE_PARTICIPLE.test(word) ? FR_ETRE_PARTICIPLE : 0) |
    (word.length >= 5 && FUTURE_FR.test(word) ? FR_FUTURE : 0) |
    (word.length >= 4 && /(?:ó|aron|ieron)$/u.test(word) ? ES_PAST : 0) |
    (/(?:ado|ido|to|cho)$/u.test(word) ? ES_PARTICIPLE : 0) |
    (word.length >= 4 && FUTURE_ES.test(word) ? ES_FUTURE : 0);
  if (shapes.size < 200_000) shapes.set(word, shape);
  return shape;
}

/** Whether one of the k words after word i has the shape. */
function anyOfNext(words: { word: string }[], i: number, k: number, bit: number): boolean {
  for (let j = i + 1; j < Math.min(words.length, i + 1 + k); j++) if (shapeOf((words[j] as { word: string }).word) & bit) return true;
  return false;
}

/**
 * The tense of the verb that governs a date phrase: the nearest marker before it in the same
 * clause ("se rendra au Mexique en janvier", "a annoncé mardi"), or the first after it ("entre
 * enero y marzo se reforzarán los controles"); else a past verb elsewhere in the
 * sentence ("Après un appel lundi…, l'intervention a été écartée"). A future verb in another
 * clause says nothing: "Aucune annonce n'est attendue vendredi de la réunion, censée examiner…".
 */
function tenseNear(markers: TenseMarker[], sentence: string, at: number): Direction {
  let inClause: TenseMarker | null = null;
  let after: TenseMarker | null = null;
  let past: { marker: TenseMarker; distance: number } | null = null;
  for (const marker of markers) {
    if (marker.end <= at && !/[,;:()]/u.test(sentence.slice(marker.end, at))) inClause = marker;
    if (!after && marker.start > at && !/[,;:()]/u.test(sentence.slice(at, marker.start))) after = marker;
    if (marker.direction === "past") {
      const distance = marker.start > at ? marker.start - at : at - marker.end;
      if (!past || distance < past.distance) past = { marker, distance };
    }
  }
  return inClause?.direction ?? after?.direction ?? past?.marker.direction ?? null;
}

/** Weekdays from Monday = 1. Past: this day or before; future: after. */
function weekdayDate(today: DateTime, wanted: number, direction: Direction): DateTime {
  const back = (today.weekday - wanted + 7) % 7;
  const forward = (wanted - today.weekday + 7) % 7 || 7;
  if (direction === "past") return today.minus({ days: back });
  if (direction === "future") return today.plus({ days: forward });
  // No tense to go by: the nearest, the same day or the past on a tie.
  return back <= forward ? today.minus({ days: back }) : today.plus({ days: forward });
}

/** The year that puts day/month nearest the reference; the past wins a tie (news reports the past). */
function nearestYear(ref: DateTime, month: number, day: number): number {
  let best = ref.year;
  let bestDistance = Infinity;
  const at = ref.toMillis();
  for (const year of [ref.year - 1, ref.year, ref.year + 1]) {
    const candidate = utcDay(year, month, day);
    const distance = Math.abs(candidate - at) / DAY_MS + (candidate > at ? 0.5 : 0);
    if (distance < bestDistance) {
      best = year;
      bestDistance = distance;
    }
  }
  return best;
}

/** chrono numbers weekdays from Sunday = 0; luxon from Monday = 1 to Sunday = 7. */
function yearForWeekday(ref: DateTime, month: number, day: number, weekday: number): DateTime | null {
  const wanted = weekday === 0 ? 7 : weekday;
  const fits = [ref.year, ref.year + 1, ref.year - 1]
    .map((year) => DateTime.fromObject({ year, month, day }, { zone: "utc" }))
    .filter((d) => d.isValid && d.weekday === wanted)
    .sort((a, b) => Math.abs(a.diff(ref).milliseconds) - Math.abs(b.diff(ref).milliseconds));
  return fits[0] ?? null;
}
