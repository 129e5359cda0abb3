import { realpathSync, statSync } from "node:fs";
import path from "node:path";
import { type SizeLimit, SIZE_LIMITS, contentFolder, readContentText } from "../content/files.ts";
import { formatProblem } from "../content/problems.ts";
import { type EditorLang, msg, say } from "../messages/index.ts";

/**
 * The file an editor gives `npm run new`, read with the checks every content file gets
 * (src/content/files.ts): a regular file, under a size limit checked before reading, strictly
 * UTF-8. A saved page weighs more than its text (scripts, styles and markup around the article),
 * so it has a limit of its own.
 */
export const SAVED_PAGE_LIMIT: SizeLimit = {
  bytes: 10_000_000,
  typical: msg("new.typicalPage"),
  fix: msg("new.fixPage"),
};

export type RawRead = { ok: true; text: string } | { ok: false; error: string };

/** The file's text, or what is wrong with it in the editor's language (`lang`). */
export function readRawFile(file: string, limit: SizeLimit = SIZE_LIMITS.source, lang: EditorLang = "en"): RawRead {
  let real: string;
  try {
    if (!statSync(file).isFile()) throw new Error("not a file");
    // The editor's own file, wherever it is: a link to it is followed here, once, on purpose.
    real = realpathSync(file);
  } catch {
    return { ok: false, error: say(lang, msg("new.noSuchFile", { file })) };
  }
  const folder = contentFolder(path.dirname(real));
  const read = readContentText(real, folder, limit);
  if (read.ok) return read;
  if (read.missing) return { ok: false, error: say(lang, msg("new.noSuchFile", { file })) };
  return { ok: false, error: formatProblem({ ...read.problem, file }, lang) };
}
