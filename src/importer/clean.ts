import { normalizeText } from "../content/text.ts";
import type { Lang } from "../languages.ts";
import { DEBRIS_RULES, type DebrisRule } from "./debris.ts";

export interface Removal {
  rule: string;
  /** What was taken out, as it read on the page: whole lines, or fragments of a line. */
  lines: string[];
}

export interface CleanResult {
  /** The source text as source.txt holds it: paragraphs separated by blank lines. */
  text: string;
  paragraphs: string[];
  /** One entry per rule that removed something, in rule order. */
  removed: Removal[];
}

/**
 * Turns a page as it was copied into the article's source text: page debris out (see debris.ts),
 * one paragraph per line of the page (pages put paragraphs on lines of their own, with or without
 * blank lines between them), and lines that a hard wrap cut in the middle of a sentence joined.
 * Whitespace inside a line is kept as it was (non-breaking spaces belong to French typography).
 */
export function clean(raw: string, lang: Lang, rules: readonly DebrisRule[] = DEBRIS_RULES): CleanResult {
  const removed = new Map<DebrisRule, string[]>();
  const record = (rule: DebrisRule, text: string) => {
    const list = removed.get(rule) ?? [];
    list.push(text);
    removed.set(rule, list);
  };

  const original = normalizeText(raw).split("\n").map((line) => line.trim());

  // Lines: each line is judged on the page as it was, so a caption still sees its credit.
  const lines: (string | null)[] = original.map((line, index) => {
    if (line === "") return "";
    const rule = rules.find((r) => r.line?.(line, { lines: original, index }));
    if (!rule) return line;
    record(rule, line);
    return null;
  });

  // Fragments: applied to the lines that are left; a line left empty goes.
  for (const rule of rules) {
    const pattern = rule.inline?.(original);
    if (!pattern) continue;
    for (const [i, line] of lines.entries()) {
      if (!line) continue;
      const fragments = line.match(pattern);
      if (!fragments) continue;
      for (const fragment of fragments) record(rule, fragment.trim());
      const rest = line.replace(pattern, "").trim();
      lines[i] = rest === "" ? null : rest;
    }
  }

  let paragraphs = joinLines(lines);

  for (const rule of rules) {
    if (!rule.paragraphs) continue;
    const drop = new Set(rule.paragraphs(paragraphs, lang));
    if (drop.size === 0) continue;
    for (const i of [...drop].sort((a, b) => a - b)) record(rule, paragraphs[i] ?? "");
    paragraphs = paragraphs.filter((_, i) => !drop.has(i));
  }

  return {
    text: paragraphs.length > 0 ? `${paragraphs.join("\n\n")}\n` : "",
    paragraphs,
    removed: rules
      .filter((rule) => removed.has(rule))
      .map((rule) => ({ rule: rule.name, lines: removed.get(rule) ?? [] })),
  };
}

const ENDS_SENTENCE = /[.!?…:;»”"')\]]$/u;
const STARTS_LOWERCASE = /^\p{Ll}/u;

/**
 * A blank line or a removed line ends a paragraph; so does the end of a line, except where a
 * hard wrap cut a sentence (the line does not end a sentence and the next one goes on in lower
 * case).
 */
function joinLines(lines: readonly (string | null)[]): string[] {
  const paragraphs: string[] = [];
  let current: string | null = null;
  for (const line of lines) {
    if (!line) {
      if (current !== null) paragraphs.push(current);
      current = null;
    } else if (current !== null && !ENDS_SENTENCE.test(current) && STARTS_LOWERCASE.test(line)) {
      current = `${current} ${line}`;
    } else {
      if (current !== null) paragraphs.push(current);
      current = line;
    }
  }
  if (current !== null) paragraphs.push(current);
  return paragraphs;
}

/** "2 photo credits, 1 gallery counter": the report's one-line summary. */
export function describeRemovals(removed: readonly Removal[], rules: readonly DebrisRule[] = DEBRIS_RULES): string {
  if (removed.length === 0) return "nothing";
  return removed
    .map(({ rule, lines }) => {
      const label = rules.find((r) => r.name === rule)?.label ?? [rule, rule];
      return `${lines.length} ${lines.length === 1 ? label[0] : label[1]}`;
    })
    .join(", ");
}
