import { parseArgs } from "node:util";
import type { z } from "zod";
import { SIZE_LIMITS } from "../content/files.ts";
import { articleMetaSchema, type PublicationDate, publicationDateSchema } from "../content/schemas.ts";
import { isLang, type Lang } from "../languages.ts";
import { guessLanguage } from "../text/language.ts";
import type { NewArticleRequest } from "./new-article.ts";
import { type Found, META_SOURCES, type MetaField, type PageMetadata } from "./page-metadata.ts";
import { SAVED_PAGE_LIMIT, readRawFile } from "./raw-file.ts";
import { isSavedPage, readSavedPage } from "./saved-page.ts";

export const USAGE = `Usage: npm run new -- <raw text file> --lang fr|es --date YYYY-MM[-DD] --outlet "…"
                      [--url https://…] [--title "…"] [--slug folder-name] [--content DIR]
       npm run new -- <saved page.html> [the same options]

Creates content/articles/<slug>/ from the text of a publisher's page: the cleaned source text,
article.yaml (draft) and the two summaries in draft. The title defaults to the page's heading.
From a page saved as HTML, the article is extracted from the page, and the options not given are
read from its metadata (Open Graph, JSON-LD, <link rel="canonical">, <html lang>); options win.`;

/** A NewArticleRequest as the command line gives it: the raw file's path, and --content. */
export type NewArticleOptions = Omit<NewArticleRequest, "contentDir"> & {
  file: string;
  content: string;
  /** For a saved page: where each value not given as an option was read, and what was passed over. */
  page?: { from: Partial<Record<MetaField, string>>; passedOver: string[] };
};

export type ParsedArgs = { ok: true; options: NewArticleOptions } | { ok: false; errors: string[] };

/** The message of a schema's first issue: the schemas say what they expect in an editor's words. */
function expected(result: { success: false; error: z.ZodError }): string {
  return result.error.issues[0]?.message ?? "a valid value";
}

/** Every problem with the command line at once, so the editor fixes them in one go. */
export function parseNewArticleArgs(argv: readonly string[]): ParsedArgs {
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
    return { ok: false, errors: [(error as Error).message] };
  }
  const { values, positionals } = parsed;
  const errors: string[] = [];

  let file: string | undefined;
  let raw = "";
  let meta: PageMetadata | null = null;
  if (positionals.length !== 1) {
    errors.push(
      positionals.length === 0
        ? "the raw text file is missing: give its path first"
        : `one raw text file at a time; found ${positionals.length}: ${positionals.join(", ")}`,
    );
  } else {
    file = positionals[0] as string;
    const namedAsPage = /\.x?html?$/i.test(file);
    const read = readRawFile(file, namedAsPage ? SAVED_PAGE_LIMIT : SIZE_LIMITS.source);
    // A page unread could have given the options: asking for them would be noise.
    if (!read.ok && namedAsPage) return { ok: false, errors: [read.error] };
    if (!read.ok) {
      errors.push(read.error);
    } else if (isSavedPage(file, read.text)) {
      const page = readSavedPage(read.text);
      raw = page.text;
      meta = page.meta;
      if (raw.trim() === "") {
        errors.push(`${file}: no article text found in the page; copy the article's text into a text file and give that instead`);
      }
    } else {
      raw = read.text;
      if (raw.trim() === "") errors.push(`${file} is empty`);
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
      passedOver.push(`${found.from} "${found.value}" is not usable as --${field}`);
    }
    return undefined;
  };
  const sources = (field: MetaField) => META_SOURCES[field].join(", ");
  const schemaAccepts = (schema: z.ZodType) => (value: string) => (schema.safeParse(value).success ? value : undefined);

  let langValue = values.lang;
  let langMissing = '--lang is missing: the language of the source, "fr" or "es"';
  if (langValue === undefined && meta !== null) {
    const said = meta.lang?.[0];
    langValue = fromPage("lang", (value) => value.toLowerCase().split(/[-_]/)[0]);
    if (langValue === undefined) {
      langValue = detectLanguage(raw);
      if (langValue !== undefined) from.lang = "the words of its text";
      else langMissing = `--lang is missing, and the page does not say its language (${sources("lang")}) nor does its text tell: give --lang fr or es`;
    } else if (!isLang(langValue)) {
      langMissing = `--lang is missing, and the page says it is in "${said?.value}" (${said?.from}), neither French nor Spanish: give --lang fr or es if it is`;
      langValue = undefined;
    }
  }
  if (langValue === undefined) errors.push(langMissing);
  else if (!isLang(langValue)) errors.push(`--lang must be "fr" or "es"; found "${langValue}"`);

  let date: PublicationDate | undefined;
  if (values.date !== undefined) {
    const result = publicationDateSchema.safeParse(values.date);
    if (result.success) date = result.data;
    else errors.push(`--date: expected ${expected(result)}; found "${values.date}"`);
  } else {
    const day = meta === null ? undefined : fromPage("date", pageDate);
    if (day !== undefined) date = publicationDateSchema.parse(day);
    else {
      errors.push(
        meta === null
          ? "--date is missing: YYYY-MM-DD, or YYYY-MM when only the month is known"
          : `--date is missing, and the page gives no usable publication date (${sources("date")}${unusable(meta.date)}): give --date YYYY-MM-DD, or YYYY-MM when only the month is known`,
      );
    }
  }

  const outlet = values.outlet ?? (meta === null ? undefined : fromPage("outlet", schemaAccepts(articleMetaSchema.shape.outlet)));
  if (outlet === undefined) {
    errors.push(
      meta === null
        ? '--outlet is missing: the name of the outlet, such as "La Presse (Montréal)"'
        : `--outlet is missing, and the page gives no usable name for its outlet (${sources("outlet")}${unusable(meta.outlet)}): give --outlet "…", such as "La Presse (Montréal)"`,
    );
  } else if (values.outlet !== undefined) {
    const result = articleMetaSchema.shape.outlet.safeParse(values.outlet);
    if (!result.success) errors.push(`--outlet: expected ${expected(result)}`);
  }

  if (values.url !== undefined) {
    const result = articleMetaSchema.shape.url.safeParse(values.url);
    if (!result.success) errors.push(`--url: expected ${expected(result)}; found "${values.url}"`);
  }
  // The address is optional: a page without a usable one gives none.
  const url = values.url ?? (meta === null ? undefined : fromPage("url", schemaAccepts(articleMetaSchema.shape.url)));

  if (values.title !== undefined) {
    const result = articleMetaSchema.shape.title.safeParse(values.title);
    if (!result.success) errors.push(`--title: expected ${expected(result)}`);
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
function unusable(found: readonly Found[] | undefined): string {
  return found && found.length > 0 ? `; it has only ${found.map((f) => `${f.from} "${f.value}"`).join(", ")}` : "";
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
