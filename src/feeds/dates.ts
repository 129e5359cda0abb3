import { DateTime } from "luxon";
import type { PublicationDate } from "../content/schemas.ts";

/**
 * Articles carry a day, sometimes only a month, never a time; a feed needs an instant. The
 * convention: noon in Mexico City on the day of publication, the 1st of the month when only the
 * month is known. Noon keeps the calendar day the same for every reader between UTC−11 and UTC+11
 * (Mexico, the United States, France, Spain), and the instant depends on nothing but the date, so
 * two builds of the same content write the same dates. The zone's own rules apply (UTC−5 in the
 * summers before Mexico dropped daylight saving time in 2022, UTC−6 otherwise).
 */
export const FEED_TIME_ZONE = "America/Mexico_City";

export function publicationInstant(date: PublicationDate): Date {
  const [year, month, day] = date.iso.split("-").map(Number);
  const instant = DateTime.fromObject(
    { year, month, day: date.precision === "day" ? day : 1, hour: 12 },
    { zone: FEED_TIME_ZONE },
  );
  if (!instant.isValid) throw new Error(`No instant for publication date "${date.iso}": ${instant.invalidExplanation}`);
  return instant.toJSDate();
}
