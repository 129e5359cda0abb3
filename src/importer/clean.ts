import { normalizeText } from "../content/text.ts";
import type { Lang } from "../languages.ts";
import { DEBRIS_RULES, type DebrisRule } from "../text/debris-rules.ts";
import { type EditorLang, formatNumber, hasMessage, msg, say } from "../messages/index.ts";
import { findDebris } from "../text/debris.ts";

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
 * Turns a page as it was copied into the article's source text: page debris out (see
 * src/text/debris.ts), one paragraph per line of the page (pages put paragraphs on lines of their
 * own, with or without blank lines between them), and lines that a hard wrap cut in the middle of
 * a sentence joined. Whitespace inside a line is kept as it was (non-breaking spaces belong to
 * French typography).
 */
export function clean(raw: string, lang: Lang, rules: readonly DebrisRule[] = DEBRIS_RULES): CleanResult {
  const page = findDebris(normalizeText(raw), lang, rules);
  const removed = new Map<DebrisRule, string[]>();
  const record = (rule: DebrisRule, text: string) => {
    const list = removed.get(rule) ?? [];
    list.push(text);
    removed.set(rule, list);
  };

  for (const line of page.lines) if (line.rule) record(line.rule, line.text);
  for (const rule of rules) {
    for (const line of page.lines) for (const f of line.fragments) if (f.rule === rule) record(rule, f.text);
  }
  for (const rule of rules) {
    for (const p of page.paragraphs) if (p.rule === rule) record(rule, p.text);
  }

  const paragraphs = page.paragraphs.filter((p) => p.rule === null).map((p) => p.text);
  return {
    text: paragraphs.length > 0 ? `${paragraphs.join("\n\n")}\n` : "",
    paragraphs,
    removed: rules
      .filter((rule) => removed.has(rule))
      .map((rule) => ({ rule: rule.name, lines: removed.get(rule) ?? [] })),
  };
}

/** "2 photo credits, 1 gallery counter": the report's one-line summary. */
/**
 * "1 photo credit, 3 empty share bullets or buttons", in the editor's language: each rule's words
 * are in the catalogs (new.debris.<rule>); a rule they lack is named by its own label.
 */
export function describeRemovals(removed: readonly Removal[], rules: readonly DebrisRule[] = DEBRIS_RULES, lang: EditorLang = "en"): string {
  if (removed.length === 0) return say(lang, msg("new.nothing"));
  return removed
    .map(({ rule, lines }) => {
      if (hasMessage(`new.debris.${rule}`)) return say(lang, msg(`new.debris.${rule}`, { count: lines.length }));
      const label = rules.find((r) => r.name === rule)?.label ?? [rule, rule];
      return `${formatNumber(lang, lines.length)} ${lines.length === 1 ? label[0] : label[1]}`;
    })
    .join(", ");
}
