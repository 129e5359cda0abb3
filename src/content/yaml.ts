import { CORE_SCHEMA, dump, load } from "js-yaml";
import { msg, verbatim } from "../messages/index.ts";
import type { Finding } from "./problems.ts";

/**
 * Every YAML file of the content (article.yaml, a summary's front matter, actors, roles, topics)
 * is read and written here. The core schema keeps 2024-01-19 a string: dates are validated by our
 * own schemas, not turned into Date objects by the parser.
 */

export type YamlRead = { ok: true; value: unknown } | { ok: false; problem: Finding };

/**
 * Aliases (`*name`) share one value in memory, so a few hundred bytes of nested aliases (a "billion
 * laughs") describe billions of values: whatever walks them (a schema, an error message) never
 * ends. No content file needs more than a few, and none comes near this many values.
 */
export const YAML_LIMITS = { aliases: 50, values: 10_000 } as const;

/**
 * `firstLine` is the line of the file the text starts on (a summary's front matter starts under
 * its opening ---), so a syntax error names the line the editor sees.
 */
export function readYaml(text: string, file: string, firstLine = 1): YamlRead {
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA, maxAliases: YAML_LIMITS.aliases });
  } catch (error) {
    return { ok: false, problem: yamlProblem(error, file, firstLine) };
  }
  const shape = expandedShape(value);
  if (shape === "fits") return { ok: true, value };
  const alias = /(?:^|[\s[{,])\*[^\s,[\]{}]/m.exec(text);
  const line = alias ? text.slice(0, alias.index + alias[0].length).split("\n").length - 1 + firstLine : firstLine;
  return {
    ok: false,
    problem: {
      file,
      expected: msg("yaml.values", { count: YAML_LIMITS.values }),
      found: msg(shape === "cycle" ? "yaml.cycle" : "yaml.repeat", { line }),
      fix: ALIAS_FIX,
    },
  };
}

const ALIAS_FIX = msg("yaml.fixAliases");

/** Counts values as a reader of the document meets them, aliases expanded; stops at the limit. */
function expandedShape(value: unknown): "fits" | "too large" | "cycle" {
  let count = 0;
  const open = new Set<object>();
  const visit = (v: unknown): "fits" | "too large" | "cycle" => {
    if (++count > YAML_LIMITS.values) return "too large";
    if (v === null || typeof v !== "object") return "fits";
    if (open.has(v)) return "cycle";
    open.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      const shape = visit(child);
      if (shape !== "fits") return shape;
    }
    open.delete(v);
    return "fits";
  };
  return visit(value);
}

/** js-yaml's `mark` counts lines and columns from 0. */
function yamlProblem(error: unknown, file: string, firstLine: number): Finding {
  const e = error as { reason?: string; message?: string; mark?: { line: number; column: number } };
  const at = e.mark ? msg("yaml.at", { line: e.mark.line + firstLine, column: e.mark.column + 1 }) : "";
  if (e.reason?.startsWith("aliases exceeded maxAliases")) {
    return {
      file,
      expected: msg("yaml.aliases", { count: YAML_LIMITS.aliases }),
      found: msg("yaml.tooMany", { at }),
      fix: ALIAS_FIX,
    };
  }
  return {
    file,
    expected: msg("yaml.valid"),
    // The parser's own words stay as it says them (in English): they name the exact fault.
    found: msg("yaml.syntax", { at, reason: verbatim(e.reason ?? (e.message ?? String(error)).split("\n")[0] ?? "") }),
    fix: msg("yaml.fixSyntax"),
  };
}

/** One field per line, lists on one line, no folding of long titles: the shape editors know. */
export function writeYaml(value: unknown): string {
  return dump(value, { schema: CORE_SCHEMA, flowLevel: 1, lineWidth: -1 });
}
