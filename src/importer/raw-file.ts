import { realpathSync, statSync } from "node:fs";
import path from "node:path";
import { type SizeLimit, SIZE_LIMITS, contentFolder, readContentText } from "../content/files.ts";
import { formatProblem } from "../content/problems.ts";

/**
 * The file an editor gives `npm run new`, read with the checks every content file gets
 * (src/content/files.ts): a regular file, under a size limit checked before reading, strictly
 * UTF-8. A saved page weighs more than its text (scripts, styles and markup around the article),
 * so it has a limit of its own.
 */
export const SAVED_PAGE_LIMIT: SizeLimit = {
  bytes: 10_000_000,
  typical: "a news page saved as HTML is 0.2 to 3 MB",
  fix: "check it is the page of one article saved as HTML; or copy the article's text into a text file and give that",
};

export type RawRead = { ok: true; text: string } | { ok: false; error: string };

export function readRawFile(file: string, limit: SizeLimit = SIZE_LIMITS.source): RawRead {
  let real: string;
  try {
    if (!statSync(file).isFile()) throw new Error("not a file");
    // The editor's own file, wherever it is: a link to it is followed here, once, on purpose.
    real = realpathSync(file);
  } catch {
    return { ok: false, error: `no such file: ${file}` };
  }
  const folder = contentFolder(path.dirname(real));
  const read = readContentText(real, folder, limit);
  if (read.ok) return read;
  if (read.missing) return { ok: false, error: `no such file: ${file}` };
  return { ok: false, error: formatProblem({ ...read.problem, file }) };
}
