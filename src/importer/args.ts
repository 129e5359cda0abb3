import { parseArgs } from "node:util";
import type { z } from "zod";
import { SIZE_LIMITS } from "../content/files.ts";
import { fromZodMessage } from "../content/problems.ts";
import { commandLineError } from "../messages/command-line.ts";
import { type EditorLang, type Message, msg, say } from "../messages/index.ts";
import { articleMetaSchema, type PublicationDate, publicationDateSchema } from "../content/schemas.ts";
import { isLang, type Lang } from "../languages.ts";
import { guessLanguage } from "../text/language.ts";
import type { NewArticleRequest } from "./new-article.ts";
import { type Found, META_SOURCES, type MetaField, type PageMetadata } from "./page-metadata.ts";
import { SAVED_PAGE_LIMIT, readRawFile } from "./raw-file.ts";
import { isSavedPage, readSavedPage } from "./saved-page.ts";

/** How to call `npm run new`, in the editor's language. */
export const usage = (lang: EditorLang = "en") => say(lang, msg("new.usage"));
export const USAGE = usage();

/** A NewArticleRequest as the command line gives it: the raw file's path, and --content. */
export type NewArticleOptions = Omit<NewArticleRequest, "contentDir"> & {
  file: string;
  content: string;
  /** For a saved page: where each value not given as an option was read, and what was passed over. */
  page?: { from: Partial<Record<MetaField, string>>; passedOver: string[] };
};

export type ParsedArgs = { ok: true; options: NewArticleOptions } | { ok: false; errors: string[] };

/** The message of a schema's first issue: the schemas say what they expect in an editor's words. */
function expected(result: { success: false; error: z.ZodError }): Message {
  const message = result.error.issues[0]?.message;
  return message === undefined ? msg("new.validValue") : fromZodMessage(message);
}

/**
 * Every problem with the command line at once, so the editor fixes them in one go, in the
 * editor's language (`lang`); the notes on what a saved page gave are in that language too.
 */
export function parseNewArticleArgs(argv: readonly string[], lang: EditorLang = "en"): ParsedArgs {
  const t = (key: string, params?: Record<string, string | Message>) => say(lang, msg(key, params));
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        lang: { type: "string" },
        date: { type: "string" },
        outlet: { type: "string" },
        url: { type: "string" },
        title: { type: "string" },
        slug: { type: "string" },
        content: { type: "string", default: "content" },
      },
    });
  } catch (error) {
    return { ok: false, errors: [commandLineError(error, lang)] };
  }
  const { values, positionals } = parsed;
  const errors: string[] = [];

  let file: string | undefined;
  let raw = "";
  let meta: PageMetadata | null = null;
  if (positionals.length !== 1) {
    errors.push(
      positionals.length === 0
        ? t("new.noFile")
        : say(lang, msg("new.oneFile", { count: positionals.length, files: positionals.join(", ") })),
    );
  } else {
    file = positionals[0] as string;
    const namedAsPage = /\.x?html?$/i.test(file);
    const read = readRawFile(file, namedAsPage ? SAVED_PAGE_LIMIT : SIZE_LIMITS.source, lang);
    // A page unread could have given the options: asking for them would be noise.
    if (!read.ok && namedAsPage) return { ok: false, errors: [read.error] };
    if (!read.ok) {
      errors.push(read.error);
    } else if (isSavedPage(file, read.text)) {
      const page = readSavedPage(read.text);
      raw = page.text;
      meta = page.meta;
      if (raw.trim() === "") {
        errors.push(t("new.noArticleText", { file }));
      }
    } else {
      raw = read.text;
      if (raw.trim() === "") errors.push(t("new.emptyFile", { file }));
    }
  }

  // From a saved page, an option not given is read from the page's metadata.
  const from: Partial<Record<MetaField, string>> = {};
  const passedOver: string[] = [];
  const fromPage = (field: MetaField, usable: (value: string) => string | undefined): string | undefined => {
    for (const found of meta?.[field] ?? []) {
      const value = usable(found.value);
      if (value !== undefined) {
        from[field] = found.from;
        return value;
      }
      passedOver.push(t("new.notUsable", { from: found.from, value: found.value, field }));
    }
    return undefined;
  };
  const sources = (field: MetaField) => META_SOURCES[field].join(", ");
  const schemaAccepts = (schema: z.ZodType) => (value: string) => (schema.safeParse(value).success ? value : undefined);

  let langValue = values.lang;
  let langMissing = t("new.langMissing");
  if (langValue === undefined && meta !== null) {
    const said = meta.lang?.[0];
    langValue = fromPage("lang", (value) => value.toLowerCase().split(/[-_]/)[0]);
    if (langValue === undefined) {
      langValue = detectLanguage(raw);
      if (langValue !== undefined) from.lang = t("new.fromWords");
      else langMissing = t("new.langNotSaid", { sources: sources("lang") });
    } else if (!isLang(langValue)) {
      langMissing = t("new.langOther", { value: said?.value ?? "", from: said?.from ?? "" });
      langValue = undefined;
    }
  }
  if (langValue === undefined) errors.push(langMissing);
  else if (!isLang(langValue)) errors.push(t("new.langWrong", { value: langValue }));

  let date: PublicationDate | undefined;
  if (values.date !== undefined) {
    const result = publicationDateSchema.safeParse(values.date);
    if (result.success) date = result.data;
    else errors.push(t("new.optionFound", { option: "--date", expected: expected(result), value: values.date }));
  } else {
    const day = meta === null ? undefined : fromPage("date", pageDate);
    if (day !== undefined) date = publicationDateSchema.parse(day);
    else {
      errors.push(meta === null ? t("new.dateMissing") : t("new.dateNotInPage", { sources: sources("date"), unusable: unusable(meta.date, lang) }));
    }
  }

  const outlet = values.outlet ?? (meta === null ? undefined : fromPage("outlet", schemaAccepts(articleMetaSchema.shape.outlet)));
  if (outlet === undefined) {
    errors.push(meta === null ? t("new.outletMissing") : t("new.outletNotInPage", { sources: sources("outlet"), unusable: unusable(meta.outlet, lang) }));
  } else if (values.outlet !== undefined) {
    const result = articleMetaSchema.shape.outlet.safeParse(values.outlet);
    if (!result.success) errors.push(t("new.option", { option: "--outlet", expected: expected(result) }));
  }

  if (values.url !== undefined) {
    const result = articleMetaSchema.shape.url.safeParse(values.url);
    if (!result.success) errors.push(t("new.optionFound", { option: "--url", expected: expected(result), value: values.url }));
  }
  // The address is optional: a page without a usable one gives none.
  const url = values.url ?? (meta === null ? undefined : fromPage("url", schemaAccepts(articleMetaSchema.shape.url)));

  if (values.title !== undefined) {
    const result = articleMetaSchema.shape.title.safeParse(values.title);
    if (!result.success) errors.push(t("new.option", { option: "--title", expected: expected(result) }));
  }
  // Without one, the title is the text's heading, as for a copied page.
  const title = values.title ?? (meta === null ? undefined : fromPage("title", schemaAccepts(articleMetaSchema.shape.title)));

  if (errors.length > 0 || file === undefined || date === undefined || !isLang(langValue) || outlet === undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    options: {
      file,
      raw,
      lang: langValue,
      date,
      outlet: outlet.trim(),
      url: url?.trim(),
      title: title?.trim(),
      slug: values.slug,
      content: values.content,
      ...(meta === null ? {} : { page: { from, passedOver } }),
    },
  };
}

/**
 * The calendar date a page gives, as it writes it: "2025-03-11T08:30:00-06:00" is the 11th where
 * the outlet published it, whatever the hour elsewhere.
 */
function pageDate(value: string): string | undefined {
  const day = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim())?.[1];
  return day !== undefined && publicationDateSchema.safeParse(day).success ? day : undefined;
}

/** What a page gave that could not be used, for the message that asks for the option instead. */
function unusable(found: readonly Found[] | undefined, lang: EditorLang): string {
  return found && found.length > 0 ? say(lang, msg("new.hasOnly", { values: found.map((f) => `${f.from} "${f.value}"`).join(", ") })) : "";
}

/** The language most of the text's paragraphs are written in, when French or Spanish clearly lead. */
function detectLanguage(text: string): Lang | undefined {
  const counts = { fr: 0, es: 0, en: 0 };
  for (const paragraph of text.split(/\n+/)) {
    const lang = guessLanguage(paragraph);
    if (lang) counts[lang]++;
  }
  const [first, second] = (Object.entries(counts) as [keyof typeof counts, number][]).sort((a, b) => b[1] - a[1]);
  if (!first || first[1] === 0 || (second && first[1] < 2 * second[1]) || !isLang(first[0])) return undefined;
  return first[0];
}
