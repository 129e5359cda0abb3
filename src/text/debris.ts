import type { Lang } from "../languages.ts";
import { DEBRIS_RULES, type DebrisRule } from "./debris-rules.ts";

/**
 * Where a page's debris lies, by the rules of debris-rules.ts: whole lines, fragments of the lines
 * that remain, paragraphs of what is left. Every piece keeps its offsets in the text as given, so
 * the importer can take the debris out (clean.ts) and the analysis can blank it in place
 * (blankDebris): two uses of one judgement.
 */
export interface PageLine {
  /** The line as the rules judge it: trimmed. */
  text: string;
  /** Offsets of the whole line in the page, without its line break. */
  start: number;
  end: number;
  /** Where `text` starts in the page. */
  textStart: number;
  /** The rule that takes the whole line, or null. */
  rule: DebrisRule | null;
  /** What rules took out of a line that stays, in the order the rules ran. */
  fragments: Fragment[];
  /** What is left of the line: "" for a blank line or one that is all debris. */
  kept: string;
}

export interface Fragment {
  rule: DebrisRule;
  /** As it read on the page, trimmed. */
  text: string;
  /** Offsets in the page; a fragment spans whatever earlier fragments took from between its ends. */
  start: number;
  end: number;
}

export interface PageParagraph {
  /** Indices into PageDebris.lines. */
  lines: number[];
  /** The kept lines, joined. */
  text: string;
  /** The rule that takes the whole paragraph, or null. */
  rule: DebrisRule | null;
}

export interface PageDebris {
  lines: PageLine[];
  paragraphs: PageParagraph[];
}

export function findDebris(page: string, lang: Lang, rules: readonly DebrisRule[] = DEBRIS_RULES): PageDebris {
  const lines = splitLines(page);
  const original = lines.map((l) => l.text);

  // Each line is judged on the page as it was, so a caption still sees its credit.
  for (const [index, line] of lines.entries()) {
    if (line.text === "") continue;
    const context = { lines: original, index };
    line.rule = rules.find((r) => r.line?.(line.text, context)) ?? null;
    line.kept = line.rule ? "" : line.text;
  }

  const inline = rules.flatMap((rule) => {
    const pattern = rule.inline?.(original);
    return pattern ? [{ rule, pattern, hint: rule.inlineHint }] : [];
  });
  for (const line of lines) if (line.kept !== "") takeFragments(line, inline);

  const paragraphs = joinLines(lines);
  let remaining = paragraphs;
  for (const rule of rules) {
    if (!rule.paragraphs) continue;
    const drop = new Set(rule.paragraphs(remaining.map((p) => p.text), lang));
    if (drop.size === 0) continue;
    remaining.forEach((p, i) => {
      if (drop.has(i)) p.rule = rule;
    });
    remaining = remaining.filter((p) => p.rule === null);
  }
  return { lines, paragraphs };
}

/** The page with every piece of debris turned to spaces: line breaks and every offset stay. */
export function blankDebris(page: string, lang: Lang, rules: readonly DebrisRule[] = DEBRIS_RULES): string {
  const { lines, paragraphs } = findDebris(page, lang, rules);
  const spans: [number, number][] = [];
  for (const line of lines) {
    if (line.rule) spans.push([line.start, line.end]);
    for (const fragment of line.fragments) spans.push([fragment.start, fragment.end]);
  }
  for (const paragraph of paragraphs) {
    if (!paragraph.rule) continue;
    for (const i of paragraph.lines) {
      const line = lines[i] as PageLine;
      spans.push([line.start, line.end]);
    }
  }
  if (spans.length === 0) return page;
  spans.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out += page.slice(at, from) + " ".repeat(end - from);
    at = end;
  }
  return out + page.slice(at);
}

function splitLines(page: string): PageLine[] {
  const lines: PageLine[] = [];
  let start = 0;
  for (const raw of page.split("\n")) {
    const text = raw.trim();
    const textStart = start + raw.length - raw.trimStart().length;
    lines.push({ text, start, end: start + raw.length, textStart, rule: null, fragments: [], kept: text });
    start += raw.length + 1;
  }
  return lines;
}

/**
 * Each rule's fragments are taken from what earlier rules left, as the line would read after
 * them; `origin` maps every character left back to its place on the page.
 */
function takeFragments(line: PageLine, inline: readonly { rule: DebrisRule; pattern: RegExp; hint?: DebrisRule["inlineHint"] }[]): void {
  const raw = line.text;
  const offset = line.textStart;
  let current = raw;
  let origin: number[] | null = null;
  for (const { rule, pattern, hint } of inline) {
    if ((hint && !hint.test(current)) || current.search(pattern) < 0) continue;
    origin ??= Array.from({ length: raw.length }, (_, i) => i);
    let next = "";
    const nextOrigin: number[] = [];
    let at = 0;
    for (const match of current.matchAll(pattern)) {
      if (match[0].length === 0) continue;
      const first = origin[match.index] as number;
      const last = origin[match.index + match[0].length - 1] as number;
      line.fragments.push({ rule, text: match[0].trim(), start: offset + first, end: offset + last + 1 });
      next += current.slice(at, match.index);
      nextOrigin.push(...origin.slice(at, match.index));
      at = match.index + match[0].length;
    }
    if (at === 0) continue;
    next += current.slice(at);
    nextOrigin.push(...origin.slice(at));
    const lead = next.length - next.trimStart().length;
    const trimmed = next.trim();
    current = trimmed;
    origin = nextOrigin.slice(lead, lead + trimmed.length);
  }
  line.kept = current;
}

const ENDS_SENTENCE = /[.!?…:;»”"')\]]$/u;
const STARTS_LOWERCASE = /^\p{Ll}/u;

/**
 * A blank line or a removed line ends a paragraph; so does the end of a line, except where a
 * hard wrap cut a sentence (the line does not end a sentence and the next one goes on in lower
 * case).
 */
function joinLines(lines: readonly PageLine[]): PageParagraph[] {
  const paragraphs: PageParagraph[] = [];
  let current: PageParagraph | null = null;
  for (const [index, line] of lines.entries()) {
    if (line.kept === "") {
      if (current !== null) paragraphs.push(current);
      current = null;
    } else if (current !== null && !ENDS_SENTENCE.test(current.text) && STARTS_LOWERCASE.test(line.kept)) {
      current.text = `${current.text} ${line.kept}`;
      current.lines.push(index);
    } else {
      if (current !== null) paragraphs.push(current);
      current = { lines: [index], text: line.kept, rule: null };
    }
  }
  if (current !== null) paragraphs.push(current);
  return paragraphs;
}
