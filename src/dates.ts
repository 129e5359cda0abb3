import { DateTime } from "luxon";
import type { Lang } from "./languages.ts";
import type { PublicationDate } from "./content/schemas.ts";

/**
 * "19 janvier 2024" / "19 de enero de 2024"; a date known only to the month stays a month:
 * "juin 2021" / "junio de 2021", never an invented day.
 */
const formatted = new Map<string, string>();

export function formatPublicationDate(date: PublicationDate, lang: Lang): string {
  const key = `${lang}:${date.iso}`;
  const known = formatted.get(key);
  if (known !== undefined) return known;
  const label = format(date, lang);
  formatted.set(key, label);
  return label;
}

function format(date: PublicationDate, lang: Lang): string {
  const dt = DateTime.fromISO(date.iso, { zone: "utc" }).setLocale(lang);
  return date.precision === "day"
    ? dt.toLocaleString({ day: "numeric", month: "long", year: "numeric" })
    : dt.toLocaleString({ month: "long", year: "numeric" });
}
