import { DateTime } from "luxon";
import { z } from "zod";
import { LANGUAGES } from "../languages.ts";
import { imagesIn } from "./markdown.ts";
import { checkCharacters, characterFault, plainText, quote } from "./plain-text.ts";

/**
 * One schema per kind of content file. Messages say what is expected, in an editor's words;
 * problems.ts puts them after "expected" and adds what was found.
 */

/**
 * An article's folder name, an actor's, role's or topic's id: lower-case letters, digits and
 * single hyphens, because each becomes part of a URL and of a file name.
 */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type DatePrecision = "day" | "month";

export interface PublicationDate {
  /** "2024-01-19" when the day is known, "2021-06" when only the month is. */
  iso: string;
  precision: DatePrecision;
}

const DATE_SHAPE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const DATE_EXPECTED = "a date as YYYY-MM-DD, or YYYY-MM when only the month is known";
const DATE_FIX = "write a day that is on the calendar, year first (2024-01-19)";

/** Reads "2024-01-19" or "2021-06" against the calendar; says what is wrong otherwise. */
function readCalendarDate(raw: string): { date: PublicationDate } | { problem: string } {
  const match = DATE_SHAPE.exec(raw.trim());
  if (!match) return { problem: "" };
  const [, year, month, day] = match;
  const first = DateTime.fromObject({ year: Number(year), month: Number(month), day: 1 });
  if (!first.isValid) return { problem: `there is no month ${month}` };
  if (day !== undefined && (Number(day) < 1 || Number(day) > (first.daysInMonth ?? 31))) {
    return { problem: `${first.setLocale("en").toFormat("LLLL yyyy")} has ${first.daysInMonth} days, not ${Number(day)}` };
  }
  return {
    date: day === undefined ? { iso: `${year}-${month}`, precision: "month" } : { iso: `${year}-${month}-${day}`, precision: "day" },
  };
}

export const publicationDateSchema = z
  .string({ error: `${DATE_EXPECTED} (a text such as 2024-01-19)` })
  .transform((raw, ctx): PublicationDate => {
    const read = readCalendarDate(raw);
    if ("date" in read) return read.date;
    ctx.addIssue({ code: "custom", message: read.problem ? `${DATE_EXPECTED} (${read.problem})` : DATE_EXPECTED, params: { fix: DATE_FIX } });
    return z.NEVER;
  });

/** A day of the calendar, "2021-02-02", read as publication dates are: a role's first or last day. */
export function calendarDaySchema(what: string) {
  const expected = `${what} as YYYY-MM-DD`;
  return z.string({ error: expected }).transform((raw, ctx): string => {
    const read = readCalendarDate(raw);
    if ("date" in read && read.date.precision === "day") return read.date.iso;
    const problem = "problem" in read ? read.problem : "";
    ctx.addIssue({ code: "custom", message: problem ? `${expected} (${problem})` : expected, params: { fix: DATE_FIX } });
    return z.NEVER;
  });
}

/**
 * The address of an original article: absolute http or https with a host, nothing else. It
 * becomes a live link and the JSON-LD `url`, so `javascript:`, `data:` or `file:` would run or
 * open something on the reader's side.
 */
const ARTICLE_URL_EXPECTED = "the address of the original article, such as https://… (http or https, with a host)";
export const articleUrlSchema = z.string({ error: ARTICLE_URL_EXPECTED }).superRefine((raw, ctx) => {
  const refuse = (found: string, fix: string) => ctx.addIssue({ code: "custom", message: ARTICLE_URL_EXPECTED, params: { found, fix } });
  const chars = characterFault(raw);
  if (chars || /\s/.test(raw)) {
    refuse(`${quote(raw)}: ${chars ? chars.found : "a space in it"}`, "copy the address again from the browser's address bar");
    return;
  }
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    url = null;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1];
  if (!/^https?:\/\//i.test(raw) || url === null || !["http:", "https:"].includes(url.protocol) || url.hostname === "") {
    refuse(
      scheme && !/^https?$/i.test(scheme)
        ? `${quote(raw)}, which starts with "${scheme.toLowerCase()}:" (only http: and https: addresses are linked)`
        : `${quote(raw)}, not an absolute http(s) address with a host`,
      "give the article's address on the outlet's site, starting with https:// (or leave url out when it is not known)",
    );
  }
});

export const articleMetaSchema = z.strictObject(
  {
    lang: z.enum(LANGUAGES, { error: 'the source language, "fr" or "es"' }),
    date: publicationDateSchema,
    /** Left out when the outlet is not known: pages then say so in their language. */
    outlet: plainText("the name of the outlet that published the article", 200).optional(),
    url: articleUrlSchema.optional(),
    title: plainText("the article's title in its source language", 300),
    topics: z
      .array(z.string().regex(SLUG, { error: "a topic id such as migration (lowercase, hyphens)" }), {
        error: "a list of topic ids, such as [migration, diplomacy]",
      })
      .optional(),
    draft: z.boolean({ error: "true or false" }).optional(),
  },
  { error: "the article's metadata as fields, one per line (lang, date, outlet, title, optional url)" },
);
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

export const SUMMARY_WORDS = { min: 120, max: 250 } as const;

/** Words as `wc -w` counts them: runs of non-space characters that hold a letter or a digit. */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) count++;
  return count;
}

/** A summary file: front matter (title, lede, draft) plus its Markdown body. */
export const summarySchema = z
  .strictObject(
    {
      title: plainText("the summary's title", 200),
      lede: plainText("a one-sentence lede", 400),
      draft: z.boolean({ error: "true or false" }).optional(),
      body: z.string().superRefine(checkCharacters("the summary's text", "controls-and-invisible")),
    },
    { error: "a front matter with title and lede, then the summary" },
  )
  .superRefine((summary, ctx) => {
    for (const image of imagesIn(summary.body)) {
      // A summary is text: the format has no images, and an image from another site would be
      // fetched by every feed reader that shows the summary (a tracking pixel, at best).
      ctx.addIssue({
        code: "custom",
        path: ["body"],
        message: "a summary in text only, without images",
        params: {
          found: `an image ${quote(image.src)} on line ${image.line} of the summary's text`,
          fix: "remove the image (![…](…)); to point readers at it, write a link instead: [what it shows](https://…)",
        },
      });
    }
    if (summary.draft) return;
    const words = countWords(summary.body);
    if (words < SUMMARY_WORDS.min || words > SUMMARY_WORDS.max) {
      ctx.addIssue({
        code: "custom",
        path: ["body"],
        message: `a summary of ${SUMMARY_WORDS.min} to ${SUMMARY_WORDS.max} words`,
        params: { found: `${words} words`, fix: 'shorten or complete it, or mark it "draft: true" while it is being written' },
      });
    }
  });
export type Summary = z.infer<typeof summarySchema>;

/**
 * A source text comes from an outlet's page: soft hyphens or direction marks pasted with it are
 * harmless, but a control character would make every feed carrying the article invalid XML.
 */
export const sourceTextSchema = z
  .string()
  .refine((text) => text.trim().length > 0, { error: "the article's source text" })
  .superRefine(checkCharacters("the article's source text", "controls"));
