import { CORE_SCHEMA, dump, load } from "js-yaml";
import type { Finding } from "./problems.ts";

/**
 * Every YAML file of the content (article.yaml, a summary's front matter, actors, roles, topics)
 * is read and written here. The core schema keeps 2024-01-19 a string: dates are validated by our
 * own schemas, not turned into Date objects by the parser.
 */

export type YamlRead = { ok: true; value: unknown } | { ok: false; problem: Finding };

/**
 * `firstLine` is the line of the file the text starts on (a summary's front matter starts under
 * its opening ---), so a syntax error names the line the editor sees.
 */
export function readYaml(text: string, file: string, firstLine = 1): YamlRead {
  try {
    return { ok: true, value: load(text, { schema: CORE_SCHEMA }) };
  } catch (error) {
    return { ok: false, problem: yamlProblem(error, file, firstLine) };
  }
}

/** js-yaml's `mark` counts lines and columns from 0. */
function yamlProblem(error: unknown, file: string, firstLine: number): Finding {
  const e = error as { reason?: string; message?: string; mark?: { line: number; column: number } };
  const at = e.mark ? ` at line ${e.mark.line + firstLine}, column ${e.mark.column + 1}` : "";
  return {
    file,
    expected: "valid YAML (one `field: value` per line)",
    found: `a syntax error${at}: ${e.reason ?? (e.message ?? String(error)).split("\n")[0]}`,
    fix: "check quotes, colons and indentation on that line; quote values that contain a colon",
  };
}

/** One field per line, lists on one line, no folding of long titles: the shape editors know. */
export function writeYaml(value: unknown): string {
  return dump(value, { schema: CORE_SCHEMA, flowLevel: 1, lineWidth: -1 });
}
