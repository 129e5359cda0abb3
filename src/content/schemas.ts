import { DateTime } from "luxon";
import { z } from "zod";
import { LANGUAGES } from "../languages.ts";

/**
 * One schema per kind of content file. Messages say what is expected, in an editor's words;
 * problems.ts puts them after "expected" and adds what was found.
 */

const HTML_TAG = /<\/?[a-z][^>]*>/i;

/**
 * An article's folder name, an actor's, role's or topic's id: lower-case letters, digits and
 * single hyphens, because each becomes part of a URL and of a file name.
 */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function plainText(what: string, maxLength: number) {
  return z
    .string({ error: `${what} (a text)` })
    .trim()
    .min(1, { error: `${what} (it is empty)` })
    .max(maxLength, { error: `${what}, at most ${maxLength} characters` })
    .refine((s) => !HTML_TAG.test(s), { error: `${what} as plain text, without HTML tags` });
}

export type DatePrecision = "day" | "month";

export interface PublicationDate {
  /** "2024-01-19" when the day is known, "2021-06" when only the month is. */
  iso: string;
  precision: DatePrecision;
}

const DATE_SHAPE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const DATE_EXPECTED = "a date as YYYY-MM-DD, or YYYY-MM when only the month is known";

export const publicationDateSchema = z
  .string({ error: `${DATE_EXPECTED} (a text such as 2024-01-19)` })
  .transform((raw, ctx): PublicationDate => {
    const match = DATE_SHAPE.exec(raw.trim());
    if (!match) {
      ctx.addIssue({ code: "custom", message: DATE_EXPECTED });
      return z.NEVER;
    }
    const [, year, month, day] = match;
    const first = DateTime.fromObject({ year: Number(year), month: Number(month), day: 1 });
    if (!first.isValid) {
      ctx.addIssue({ code: "custom", message: `${DATE_EXPECTED} (there is no month ${month})` });
      return z.NEVER;
    }
    if (day !== undefined && (Number(day) < 1 || Number(day) > (first.daysInMonth ?? 31))) {
      ctx.addIssue({
        code: "custom",
        message: `${DATE_EXPECTED} (${first.setLocale("en").toFormat("LLLL yyyy")} has ${first.daysInMonth} days, not ${Number(day)})`,
      });
      return z.NEVER;
    }
    return day === undefined
      ? { iso: `${year}-${month}`, precision: "month" }
      : { iso: `${year}-${month}-${day}`, precision: "day" };
  });

export const articleMetaSchema = z.strictObject(
  {
    lang: z.enum(LANGUAGES, { error: 'the source language, "fr" or "es"' }),
    date: publicationDateSchema,
    /** Left out when the outlet is not known: pages then say so in their language. */
    outlet: plainText("the name of the outlet that published the article", 200).optional(),
    url: z.url({ error: "the address of the original article, such as https://…" }).optional(),
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
      body: z.string(),
    },
    { error: "a front matter with title and lede, then the summary" },
  )
  .superRefine((summary, ctx) => {
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

export const sourceTextSchema = z
  .string()
  .refine((text) => text.trim().length > 0, { error: "the article's source text" });
