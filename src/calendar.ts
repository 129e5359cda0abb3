import type { PublicationDate } from "./content/schemas.ts";
import type { Lang } from "./languages.ts";
import { fold } from "./text/fold.ts";

/**
 * The calendar in French and Spanish: month and weekday names, and how a date, a month and a
 * month under a chart's axis read on a page. The analysis builds its date-word patterns from the
 * same names, so a month the site can write is a month the analysis can read.
 *
 * Labels are spelled from these tables rather than by the platform's Intl data, whose
 * abbreviations differ between ICU versions: two builds of the same content give the same bytes.
 */

interface LanguageCalendar {
  /** January first, as written in running text. */
  months: readonly string[];
  /** Under a chart's axis, before the year. */
  shortMonths: readonly string[];
  /** Spellings texts use besides the standard one, with their month number. */
  monthVariants: Readonly<Record<string, number>>;
  /** Monday first, as luxon numbers them (1 = Monday). */
  weekdays: readonly string[];
  day: (day: number, month: string, year: number) => string;
  month: (month: string, year: number) => string;
}

export const CALENDARS: Readonly<Record<Lang, LanguageCalendar>> = {
  fr: {
    months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    shortMonths: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
    monthVariants: {},
    weekdays: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    // The first of the month is an ordinal in French: "1er octobre 2024".
    day: (day, month, year) => `${day === 1 ? "1er" : day} ${month} ${year}`,
    month: (month, year) => `${month} ${year}`,
  },
  es: {
    months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    shortMonths: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
    monthVariants: { setiembre: 9 },
    weekdays: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    day: (day, month, year) => `${day} de ${month} de ${year}`,
    month: (month, year) => `${month} de ${year}`,
  },
};

/** Pages quote English tweets and statements ("June 8, 2021"); the site never writes English. */
export const ENGLISH_MONTHS: readonly string[] = [
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
];

const CALENDAR_LIST = Object.values(CALENDARS);

/** Folded month names of both languages, variants included, with their number: "fevrier" → 2. */
export const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(
  CALENDAR_LIST.flatMap((c) => [
    ...c.months.map((name, i) => [fold(name), i + 1] as const),
    ...Object.entries(c.monthVariants).map(([name, n]) => [fold(name), n] as const),
  ]),
);

/** Folded weekday names of both languages, with luxon's number: "miercoles" → 3. */
export const WEEKDAY_NUMBERS: ReadonlyMap<string, number> = new Map(
  CALENDAR_LIST.flatMap((c) => c.weekdays.map((name, i) => [fold(name), i + 1] as const)),
);

/**
 * "janvier|février|fevrier|…" for a regular expression: the folded names, and with `written`
 * the names as written too (for text that is not folded before it is searched).
 */
export function monthAlternation(options: { written?: boolean; english?: boolean } = {}): string {
  const names = new Set(MONTH_NUMBERS.keys());
  if (options.written) for (const c of CALENDAR_LIST) for (const name of c.months) names.add(name);
  if (options.english) for (const name of ENGLISH_MONTHS) names.add(name);
  // Longest first, so that no name stops the alternation at a shorter one it begins with.
  return [...names].sort((a, b) => b.length - a.length || a.localeCompare(b)).join("|");
}

export function weekdayAlternation(): string {
  return [...WEEKDAY_NUMBERS.keys()].join("|");
}

function parts(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split("-").map(Number);
  return { year: year as number, month: month as number, day: day ?? 1 };
}

/** A date known to the day, the month or only the year ("l'an dernier", "el año pasado"). */
export interface CalendarDate {
  iso: string;
  precision: PublicationDate["precision"] | "year";
}

/**
 * "19 janvier 2024" / "19 de enero de 2024"; a date known only to the month stays a month:
 * "juin 2021" / "junio de 2021", never an invented day; a year alone is its number.
 */
export function formatPublicationDate(date: CalendarDate, lang: Lang): string {
  const calendar = CALENDARS[lang];
  const { year, month, day } = parts(date.iso);
  if (date.precision === "year") return String(year);
  const name = calendar.months[month - 1] as string;
  return date.precision === "day" ? calendar.day(day, name, year) : calendar.month(name, year);
}

/** A day given as YYYY-MM-DD: "20 janvier 2025". */
export function dayLabel(iso: string, lang: Lang): string {
  return formatPublicationDate({ iso, precision: "day" }, lang);
}

/** "novembre 2023" (YYYY-MM), or "nov. 2023" under a chart's axis. */
export function monthLabel(month: string, lang: Lang, style: "long" | "short" = "long"): string {
  const calendar = CALENDARS[lang];
  const { year, month: number } = parts(month);
  if (style === "short") return `${calendar.shortMonths[number - 1]} ${year}`;
  return calendar.month(calendar.months[number - 1] as string, year);
}
