import * as chrono from "chrono-node";
import { DateTime } from "luxon";
import type { PublicationDate } from "../content/schemas.ts";
import type { Lang } from "../languages.ts";
import { sentenceAt, type Sentence } from "./sentences.ts";
import { MONTH_NUMBERS, WEEKDAY_NUMBERS, monthAlternation, weekdayAlternation } from "../calendar.ts";
import { fold, foldInPlace } from "../text/fold.ts";

/**
 * Date phrases resolved against the publication date: "le 27 décembre" in an article of
 * 19 January 2024 is 27 December 2023; "vendredi prochain" is the Friday after publication.
 * chrono-node's French and Spanish parsers do the reading; around them:
 * - only phrases that name a month or a weekday are kept ("aujourd'hui", "la veille" are not events);
 * - "les 9 et 10 janvier" / "los días 9 y 10 de enero" is one event over two days;
 * - a weekday alone ("mardi", "el lunes") and a month alone ("en janvier", "en juin dernier")
 *   are placed by the tense of the verb that governs them: "a annoncé mardi" is this Tuesday or
 *   before, "se rendra au Mexique en janvier" the next January; with no tense to go by, a weekday
 *   is the nearest one and a month the next one, marked uncertain;
 * - a weekday with a date ("el próximo miércoles 3 de septiembre") takes the year in which that
 *   day falls on that weekday;
 * - when the publication date is known only to the month, the reference is the 15th and a
 *   resolution that depends on the day (a weekday) is kept to the month and marked uncertain.
 */
export interface DatedEvent {
  /** "2023-12-27", or "2023-12" when only the month is known. */
  date: string;
  precision: "day" | "month";
  /** Last day of a span such as "les 9 et 10 janvier". */
  until?: string;
  /** True when the day or the year had to be guessed. */
  uncertain: boolean;
  phrase: string;
  start: number;
  end: number;
  sentence: number;
}

const WEEKDAYS = weekdayAlternation();
const MONTHS = monthAlternation();
const HAS_DATE_WORD = new RegExp(`(?<![\\p{L}])(?:${MONTHS}|${WEEKDAYS})(?![\\p{L}])`, "u");
const DAY_PAIR = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:er)?\\s+(?:et|y|au|al|-|–)\\s+(\\d{1,2})\\s+(?:de\\s+)?(${MONTHS})(?:\\s+(?:de\\s+)?(\\d{4}))?(?![\\p{L}])`,
  "gu",
);
const MONTH_ALONE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?<!\\p{N}\\s(?:de\\s)?)(${MONTHS})(?:\\s+(?:de\\s+|del\\s+)?(\\d{4}))?(?:\\s+(dernier|prochain|pasado|proximo|passe))?(?![\\p{L}])`,
  "gu",
);
const WEEKDAY_ALONE = new RegExp(
  `(?<![\\p{L}])(?:(proximo|proxima|pasado|dernier)\\s+)?(${WEEKDAYS})(?:\\s+(prochain|dernier|pasado|proximo|que viene))?(?![\\p{L}])(?!\\s+\\d)`,
  "gu",
);
const FORWARD = /(?:prochain|prochaine|proximo|proxima|siguiente|que viene)/u;

export function referenceDate(date: PublicationDate): DateTime {
  const base = DateTime.fromISO(date.iso, { zone: "utc" });
  return (date.precision === "day" ? base : base.set({ day: 15 })).set({ hour: 12 });
}

export function findDates(text: string, sentences: Sentence[], lang: Lang, published: PublicationDate): DatedEvent[] {
  const events: DatedEvent[] = [];
  const ref = referenceDate(published);
  const today = ref.startOf("day");
  const parser = lang === "fr" ? chrono.fr : chrono.es;
  // Offsets found in the folded text must hold in the original.
  const folded = foldInPlace(text);
  for (const sentence of sentences) {
    const foldedSentence = folded.slice(sentence.start, sentence.end);
    if (!HAS_DATE_WORD.test(foldedSentence)) continue;
    const taken: [number, number][] = [];
    const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
    const push = (event: Omit<DatedEvent, "sentence" | "phrase">) => {
      taken.push([event.start, event.end]);
      const phrase = text.slice(event.start, event.end).replace(/[\s,;:.]+$/u, "");
      events.push({ ...event, end: event.start + phrase.length, phrase, sentence: sentenceAt(sentences, event.start) });
    };
    const lower = sentence.text.toLowerCase();
    let markers: TenseMarker[] | null = null;
    const tense = (at: number) => tenseNear((markers ??= tenseMarkers(lower)), lower, at - sentence.start);

    for (const m of foldedSentence.matchAll(DAY_PAIR)) {
      const month = MONTH_NUMBERS.get(m[3] as string) as number;
      const year = m[4] ? Number(m[4]) : nearestYear(ref, month, Number(m[1]));
      const first = DateTime.fromObject({ year, month, day: Number(m[1]) }, { zone: "utc" });
      const last = DateTime.fromObject({ year, month, day: Number(m[2]) }, { zone: "utc" });
      if (!first.isValid || !last.isValid) continue;
      const start = sentence.start + m.index;
      push({ date: first.toISODate() as string, until: last.toISODate() as string, precision: "day", uncertain: false, start, end: start + m[0].length });
    }

    // chrono reads a few words around each day-and-month ("le 27 décembre", "miércoles 3 de
    // septiembre"), not the whole sentence: it is by far the slowest step, and a date phrase is
    // never long.
    for (const window of windows(foldedSentence)) {
      const windowText = sentence.text.slice(window.start, window.end);
      for (const result of parser.parse(windowText, ref.toJSDate())) {
        const start = sentence.start + window.start + result.index;
        const end = start + result.text.length;
        const known = (k: chrono.Component) => result.start.isCertain(k);
        if (!free(start, end) || !known("day") || !known("month")) continue;
        let date: DateTime = DateTime.fromJSDate(result.start.date(), { zone: "utc" });
        if (known("weekday") && !known("year")) {
          date = yearForWeekday(ref, result.start.get("month") as number, result.start.get("day") as number, result.start.get("weekday") as number) ?? date;
        } else if (FORWARD.test(fold(result.text)) && date < today) {
          date = date.plus({ years: 1 });
        }
        push({ date: date.toISODate() as string, precision: "day", uncertain: false, start, end });
      }
    }

    // A weekday alone ("mardi", "vendredi prochain", "el lunes") is placed by the tense of its verb.
    for (const m of foldedSentence.matchAll(WEEKDAY_ALONE)) {
      const start = sentence.start + m.index;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      const marker = m[1] ?? m[3];
      const direction: Direction = marker ? (BACKWARD.test(marker) ? "past" : "future") : tense(start);
      const date = weekdayDate(today, WEEKDAY_NUMBERS.get(m[2] as string) as number, direction);
      if (published.precision === "month") push({ date: date.toFormat("yyyy-MM"), precision: "month", uncertain: true, start, end });
      else push({ date: date.toISODate() as string, precision: "day", uncertain: false, start, end });
    }

    for (const m of foldedSentence.matchAll(MONTH_ALONE)) {
      const start = sentence.start + m.index;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      const month = MONTH_NUMBERS.get(m[1] as string) as number;
      const direction = m[3] ? (/dernier|pasado|passe/.test(m[3]) ? "past" : "future") : tense(start);
      let year: number;
      if (m[2]) year = Number(m[2]);
      // "en juin dernier": the last June before this month; "en janvier" in a sentence about the
      // future, or with no tense to go by, the next January (this month included).
      else if (direction === "past") year = month <= ref.month && !m[3] ? ref.year : month < ref.month ? ref.year : ref.year - 1;
      else year = month >= ref.month && !m[3] ? ref.year : month > ref.month ? ref.year : ref.year + 1;
      push({ date: `${year}-${String(month).padStart(2, "0")}`, precision: "month", uncertain: !m[2] && !m[3] && direction === null, start, end });
    }
  }
  return events.sort((a, b) => a.start - b.start);
}

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

type Direction = "past" | "future" | null;

const BACKWARD = /(?:dernier|derniere|pasado|pasada)/u;

interface TenseMarker {
  direction: "past" | "future";
  start: number;
  end: number;
}

const WORD = /\p{L}+/gu;
// "sont" alone is mostly "are" ("sont en année électorale"); "se sont engagés" is a past.
const AUX_PAST = new Set(["a", "ont", "avait", "avaient", "avons"]);
const REFLEXIVE_AUX: Record<string, string> = { est: "s", était: "s", sont: "se", étaient: "se" };
const PARTICIPLE = /(?:é|ée|és|ées|i|is|ise|it|u|us|ue|ert|erte|int|eint)$/u;
const PRETERITE_IRREGULAR = new Set(["dijo", "fue", "fueron", "hizo", "tuvo", "estuvo", "pudo", "puso", "vino", "dio"]);
const PERFECT_ES = new Set(["ha", "han", "había", "habían"]);
const NOT_YET = new Set(["va", "vont", "doit", "doivent", "devait", "devaient", "devrait", "devraient", "censé", "censée", "censés", "censées", "debía", "debían", "deberá", "van"]);
const AHEAD = /^(?:prévu|prévue|prévus|prévues|prochain|prochaine|previsto|prevista|previstos|previstas|próximo|próxima)$/u;
const FUTURE_FR = /(?:era|eront|ira|iront|dra|dront|rra|rront|ura|uront)$/u;
const FUTURE_ES = /(?:rá|rán)$/u;

/**
 * Verbs that place a sentence in the past or the future, found in one pass over its words:
 * French compound pasts ("a annoncé", "avait snobé", "se sont à nouveau engagés"), Spanish
 * preterites ("acordó", "dijo"), futures ("se rendra", "se celebrará") and what is still ahead
 * ("était censée expirer", "doit", "prévues", "debía expirar").
 */
function tenseMarkers(sentence: string): TenseMarker[] {
  const words = [...sentence.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  const markers: TenseMarker[] = [];
  words.forEach(({ word, start, end }, i) => {
    const next = (k: number) => words.slice(i + 1, i + 1 + k).map((w) => w.word);
    const auxiliary = AUX_PAST.has(word) || (REFLEXIVE_AUX[word] !== undefined && words[i - 1]?.word === REFLEXIVE_AUX[word]);
    if (auxiliary && next(3).some((w) => w.length > 2 && PARTICIPLE.test(w))) markers.push({ direction: "past", start, end });
    else if (word.length >= 4 && /(?:ó|aron|ieron)$/u.test(word)) markers.push({ direction: "past", start, end });
    else if (PRETERITE_IRREGULAR.has(word)) markers.push({ direction: "past", start, end });
    else if (PERFECT_ES.has(word) && next(1).some((w) => /(?:ado|ido|to|cho)$/u.test(w))) markers.push({ direction: "past", start, end });
    else if (NOT_YET.has(word) && next(2).some((w) => /(?:er|ir|re|ar)$/u.test(w))) markers.push({ direction: "future", start, end });
    else if (AHEAD.test(word)) markers.push({ direction: "future", start, end });
    else if (word.length >= 5 && (FUTURE_FR.test(word) || FUTURE_ES.test(word))) markers.push({ direction: "future", start, end });
  });
  return markers;
}

/**
 * The tense of the verb that governs a date phrase: the nearest marker before it in the same
 * clause ("se rendra au Mexique en janvier", "a annoncé mardi"); else a past verb elsewhere in the
 * sentence ("Après un appel lundi…, l'intervention a été écartée"). A future verb in another
 * clause says nothing: "Aucune annonce n'est attendue vendredi de la réunion, censée examiner…".
 */
function tenseNear(markers: TenseMarker[], sentence: string, at: number): Direction {
  let inClause: TenseMarker | null = null;
  let past: { marker: TenseMarker; distance: number } | null = null;
  for (const marker of markers) {
    if (marker.end <= at && !/[,;:()]/u.test(sentence.slice(marker.end, at))) inClause = marker;
    if (marker.direction === "past") {
      const distance = marker.start > at ? marker.start - at : at - marker.end;
      if (!past || distance < past.distance) past = { marker, distance };
    }
  }
  return inClause?.direction ?? past?.marker.direction ?? null;
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
  for (const year of [ref.year - 1, ref.year, ref.year + 1]) {
    const candidate = DateTime.fromObject({ year, month, day: Math.min(day, 28) }, { zone: "utc" });
    const distance = Math.abs(candidate.diff(ref, "days").days) + (candidate > ref ? 0.5 : 0);
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

