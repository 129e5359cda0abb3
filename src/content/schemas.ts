import { DateTime } from "luxon";
import { z } from "zod";
import { LANGUAGES } from "../languages.ts";
import { type Message, msg } from "../messages/index.ts";
import { imagesIn, refusedLinksIn } from "./markdown.ts";
import { checkCharacters, characterFault, plainText, quote } from "./plain-text.ts";
import { zodMessage } from "./problems.ts";

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
const DATE_FIX = msg("date.fix");

/** Reads "2024-01-19" or "2021-06" against the calendar; says what is wrong otherwise. */
function readCalendarDate(raw: string): { date: PublicationDate } | { problem: Message | null } {
  const match = DATE_SHAPE.exec(raw.trim());
  if (!match) return { problem: null };
  const [, year, month, day] = match;
  const first = DateTime.fromObject({ year: Number(year), month: Number(month), day: 1 });
  if (!first.isValid) return { problem: msg("date.noMonth", { month: month ?? "" }) };
  if (day !== undefined && (Number(day) < 1 || Number(day) > (first.daysInMonth ?? 31))) {
    return { problem: msg("date.daysInMonth", { month: { month: `${year}-${month}` }, days: first.daysInMonth ?? 31, day: Number(day) }) };
  }
  return {
    date: day === undefined ? { iso: `${year}-${month}`, precision: "month" } : { iso: `${year}-${month}-${day}`, precision: "day" },
  };
}

const DATE_EXPECTED = msg("date.expected");
/** What is expected, and why the value is not it when the calendar says so. */
const withProblem = (expected: Message, problem: Message | null) => zodMessage(problem ? msg("date.because", { expected, problem }) : expected);

export const publicationDateSchema = z
  .string({ error: zodMessage(msg("date.expectedText", { expected: DATE_EXPECTED })) })
  .transform((raw, ctx): PublicationDate => {
    const read = readCalendarDate(raw);
    if ("date" in read) return read.date;
    ctx.addIssue({ code: "custom", message: withProblem(DATE_EXPECTED, read.problem), params: { fix: DATE_FIX } });
    return z.NEVER;
  });

/** A day of the calendar, "2021-02-02", read as publication dates are: a role's first or last day. */
export function calendarDaySchema(what: Message) {
  const expected = msg("date.day", { what });
  return z.string({ error: zodMessage(expected) }).transform((raw, ctx): string => {
    const read = readCalendarDate(raw);
    if ("date" in read && read.date.precision === "day") return read.date.iso;
    ctx.addIssue({ code: "custom", message: withProblem(expected, "problem" in read ? read.problem : null), params: { fix: DATE_FIX } });
    return z.NEVER;
  });
}

/**
 * The address of an original article: absolute http or https with a host, nothing else. It
 * becomes a live link and the JSON-LD `url`, so `javascript:`, `data:` or `file:` would run or
 * open something on the reader's side.
 */
const ARTICLE_URL_EXPECTED = zodMessage(msg("url.expected"));
export const articleUrlSchema = z.string({ error: ARTICLE_URL_EXPECTED }).superRefine((raw, ctx) => {
  const refuse = (found: Message, fix: Message) => ctx.addIssue({ code: "custom", message: ARTICLE_URL_EXPECTED, params: { found, fix } });
  const chars = characterFault(raw);
  if (chars || /\s/.test(raw)) {
    refuse(msg("url.withFault", { url: quote(raw), fault: chars ? chars.found : msg("url.space") }), msg("url.copyAgain"));
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
        ? msg("url.scheme", { url: quote(raw), scheme: scheme.toLowerCase() })
        : msg("url.notAbsolute", { url: quote(raw) }),
      msg("url.fix"),
    );
  }
});

export const articleMetaSchema = z.strictObject(
  {
    lang: z.enum(LANGUAGES, { error: zodMessage(msg("article.lang")) }),
    date: publicationDateSchema,
    /** Left out when the outlet is not known: pages then say so in their language. */
    outlet: plainText(msg("article.outlet"), 200).optional(),
    url: articleUrlSchema.optional(),
    title: plainText(msg("article.title"), 300),
    topics: z
      .array(z.string().regex(SLUG, { error: zodMessage(msg("article.topic")) }), {
        error: zodMessage(msg("article.topics")),
      })
      .optional(),
    draft: z.boolean({ error: zodMessage(msg("article.draft")) }).optional(),
  },
  { error: zodMessage(msg("article.fields")) },
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
      title: plainText(msg("summary.title"), 200),
      lede: plainText(msg("summary.lede"), 400),
      draft: z.boolean({ error: zodMessage(msg("article.draft")) }).optional(),
      body: z.string().superRefine(checkCharacters(msg("summary.body"), "controls-and-invisible")),
    },
    { error: zodMessage(msg("summary.fields")) },
  )
  .superRefine((summary, ctx) => {
    for (const image of imagesIn(summary.body)) {
      // A summary is text: the format has no images, and an image from another site would be
      // fetched by every feed reader that shows the summary (a tracking pixel, at best).
      ctx.addIssue({
        code: "custom",
        path: ["body"],
        message: zodMessage(msg("summary.noImages")),
        params: {
          found: msg("summary.image", { src: quote(image.src), line: image.line }),
          fix: msg("summary.fixImage"),
        },
      });
    }
    for (const link of refusedLinksIn(summary.body)) {
      // The renderer never makes such a link (it would run a script or open a local file where a
      // reader clicks); it shows its Markdown text instead, which the editor did not mean either.
      ctx.addIssue({
        code: "custom",
        path: ["body"],
        message: zodMessage(msg("summary.webLinks")),
        params: {
          found: msg("summary.refusedLink", { href: quote(link.href), line: link.line }),
          fix: msg("summary.fixLink"),
        },
      });
    }
    if (summary.draft) return;
    const words = countWords(summary.body);
    if (words < SUMMARY_WORDS.min || words > SUMMARY_WORDS.max) {
      ctx.addIssue({
        code: "custom",
        path: ["body"],
        message: zodMessage(msg("summary.length", { min: SUMMARY_WORDS.min, max: SUMMARY_WORDS.max })),
        params: { found: msg("summary.words", { count: words }), fix: msg("summary.fixLength") },
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
  .refine((text) => text.trim().length > 0, { error: zodMessage(msg("article.source")) })
  .superRefine(checkCharacters(msg("article.source"), "controls"));
