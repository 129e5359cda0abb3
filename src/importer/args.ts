import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import type { z } from "zod";
import { articleMetaSchema, type PublicationDate, publicationDateSchema } from "../content/schemas.ts";
import { isLang, type Lang } from "../languages.ts";
import type { NewArticleRequest } from "./new-article.ts";

export const USAGE = `Usage: npm run new -- <raw text file> --lang fr|es --date YYYY-MM[-DD] --outlet "…"
                      [--url https://…] [--title "…"] [--slug folder-name] [--content DIR]

Creates content/articles/<slug>/ from the text of a publisher's page: the cleaned source text,
article.yaml (draft) and the two summaries in draft. The title defaults to the page's heading.`;

/** A NewArticleRequest as the command line gives it: the raw file's path, and --content. */
export type NewArticleOptions = Omit<NewArticleRequest, "contentDir"> & { file: string; content: string };

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
  if (positionals.length !== 1) {
    errors.push(
      positionals.length === 0
        ? "the raw text file is missing: give its path first"
        : `one raw text file at a time; found ${positionals.length}: ${positionals.join(", ")}`,
    );
  } else {
    file = positionals[0];
    try {
      if (file === undefined || !statSync(file).isFile()) throw new Error("not a file");
      raw = readFileSync(file, "utf8");
      if (raw.trim() === "") errors.push(`${file} is empty`);
    } catch {
      errors.push(`no such file: ${file}`);
    }
  }

  if (values.lang === undefined) errors.push('--lang is missing: the language of the source, "fr" or "es"');
  else if (!isLang(values.lang)) errors.push(`--lang must be "fr" or "es"; found "${values.lang}"`);

  let date: PublicationDate | undefined;
  if (values.date === undefined) {
    errors.push("--date is missing: YYYY-MM-DD, or YYYY-MM when only the month is known");
  } else {
    const result = publicationDateSchema.safeParse(values.date);
    if (result.success) date = result.data;
    else errors.push(`--date: expected ${expected(result)}; found "${values.date}"`);
  }

  if (values.outlet === undefined) {
    errors.push('--outlet is missing: the name of the outlet, such as "La Presse (Montréal)"');
  } else {
    const result = articleMetaSchema.shape.outlet.safeParse(values.outlet);
    if (!result.success) errors.push(`--outlet: expected ${expected(result)}`);
  }

  if (values.url !== undefined) {
    const result = articleMetaSchema.shape.url.safeParse(values.url);
    if (!result.success) errors.push(`--url: expected ${expected(result)}; found "${values.url}"`);
  }

  if (values.title !== undefined) {
    const result = articleMetaSchema.shape.title.safeParse(values.title);
    if (!result.success) errors.push(`--title: expected ${expected(result)}`);
  }

  if (errors.length > 0 || file === undefined || date === undefined || !isLang(values.lang) || values.outlet === undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    options: {
      file,
      raw,
      lang: values.lang,
      date,
      outlet: values.outlet.trim(),
      url: values.url?.trim(),
      title: values.title?.trim(),
      slug: values.slug,
      content: values.content,
    },
  };
}
