import { z } from "zod";
import { type Message, msg } from "../messages/index.ts";
import { zodMessage } from "./problems.ts";

/**
 * What an editor's text may hold. Titles, ledes, outlets, summaries, and the registry's names,
 * descriptions, aliases and phrases all reach pages, feeds and JSON-LD as text: every schema that
 * reads one goes through here, so a character or a tag refused in a title is refused everywhere.
 */

/** Where a text breaks the rules, said so an editor can find it; null when it is fine. */
export interface TextFault {
  expected: Message;
  found: Message;
  fix: Message;
}

// ---------------------------------------------------------------------------------------------
// Characters

/**
 * Control characters (Unicode Cc) other than tab and newline: XML 1.0 forbids C0 controls, so a
 * title holding \0 or \e (both one YAML escape away) makes every feed that carries it unreadable.
 * DEL and the C1 range are allowed by XML but are never text either.
 */
const CONTROL = /[\x00-\x08\x0B-\x1F\x7F-\x9F]/u;

/**
 * Invisible characters French and Spanish text never needs: format characters (Unicode Cf: the
 * bidirectional embeddings, overrides, isolates and marks, zero-width spaces and joiners, the
 * soft hyphen, a byte-order mark inside the text…), the line and paragraph separators and the
 * two noncharacters XML forbids. A RIGHT-TO-LEFT OVERRIDE makes a reader see a title other than
 * the one written; a ZERO WIDTH SPACE inside a name hides it from the analysis and from search.
 * Both languages are written left to right in Latin letters, so no direction mark is legitimate.
 */
const INVISIBLE = /[\p{Cf}\u2028\u2029\uFFFE\uFFFF]/u;

/** The bidirectional controls among them: embeddings, overrides, isolates and marks. */
const DIRECTION = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

const NAMES: Readonly<Record<number, string>> = {
  0x00: "NULL",
  0x01: "START OF HEADING",
  0x02: "START OF TEXT",
  0x03: "END OF TEXT",
  0x04: "END OF TRANSMISSION",
  0x05: "ENQUIRY",
  0x06: "ACKNOWLEDGE",
  0x07: "BELL",
  0x08: "BACKSPACE",
  0x0b: "LINE TABULATION",
  0x0c: "FORM FEED",
  0x0d: "CARRIAGE RETURN",
  0x0e: "SHIFT OUT",
  0x0f: "SHIFT IN",
  0x10: "DATA LINK ESCAPE",
  0x11: "DEVICE CONTROL ONE",
  0x12: "DEVICE CONTROL TWO",
  0x13: "DEVICE CONTROL THREE",
  0x14: "DEVICE CONTROL FOUR",
  0x15: "NEGATIVE ACKNOWLEDGE",
  0x16: "SYNCHRONOUS IDLE",
  0x17: "END OF TRANSMISSION BLOCK",
  0x18: "CANCEL",
  0x19: "END OF MEDIUM",
  0x1a: "SUBSTITUTE",
  0x1b: "ESCAPE",
  0x1c: "INFORMATION SEPARATOR FOUR",
  0x1d: "INFORMATION SEPARATOR THREE",
  0x1e: "INFORMATION SEPARATOR TWO",
  0x1f: "INFORMATION SEPARATOR ONE",
  0x7f: "DELETE",
  0x85: "NEXT LINE",
  0xad: "SOFT HYPHEN",
  0x061c: "ARABIC LETTER MARK",
  0x180e: "MONGOLIAN VOWEL SEPARATOR",
  0x200b: "ZERO WIDTH SPACE",
  0x200c: "ZERO WIDTH NON-JOINER",
  0x200d: "ZERO WIDTH JOINER",
  0x200e: "LEFT-TO-RIGHT MARK",
  0x200f: "RIGHT-TO-LEFT MARK",
  0x2028: "LINE SEPARATOR",
  0x2029: "PARAGRAPH SEPARATOR",
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2060: "WORD JOINER",
  0x2061: "FUNCTION APPLICATION",
  0x2062: "INVISIBLE TIMES",
  0x2063: "INVISIBLE SEPARATOR",
  0x2064: "INVISIBLE PLUS",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
};

/**
 * "U+202E RIGHT-TO-LEFT OVERRIDE": the code point editors can search for, and its Unicode name,
 * which is the same in every language (it is what a character table lists).
 */
export function describeCharacter(char: string): Message {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name =
    code === 0xfeff
      ? msg("text.byteOrderMark", { name: "ZERO WIDTH NO-BREAK SPACE" })
      : code === 0xfffe || code === 0xffff
        ? msg("text.noncharacter")
        : (NAMES[code] ?? msg(CONTROL.test(char) ? "text.controlCharacter" : "text.formatCharacter"));
  return msg("text.character", { code: hex, name });
}

/**
 * A text as a message shows it: quoted, shortened, and with every refused character written as an
 * escape, so that a message about a RIGHT-TO-LEFT OVERRIDE does not itself turn the terminal around.
 */
export function quote(text: string, maxLength = 80): string {
  const chars = [...text];
  const shown = chars.length > maxLength ? `${chars.slice(0, maxLength - 3).join("")}…` : text;
  return JSON.stringify(shown).replace(new RegExp(`${CONTROL.source}|${INVISIBLE.source}`, "gu"), (char) =>
    `\\u${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}

export type CharacterRule = "controls" | "controls-and-invisible";

/**
 * The first character the rule refuses, where it is, and how many more there are. A source text
 * (pasted from an outlet's page, where soft hyphens and direction marks are common and harmless)
 * is held to controls only; everything editors write, to both.
 */
export function characterFault(text: string, rule: CharacterRule = "controls-and-invisible"): TextFault | null {
  // Nearly every text is clean: one scan of the whole text says so before the walk by character.
  if (!CONTROL.test(text) && (rule !== "controls-and-invisible" || !INVISIBLE.test(text))) return null;
  const refused = (char: string) => CONTROL.test(char) || (rule === "controls-and-invisible" && INVISIBLE.test(char));
  let first: { char: string; position: number; line: number; column: number } | null = null;
  let others = 0;
  let position = 0;
  let line = 1;
  let column = 0;
  for (const char of text) {
    position++;
    column++;
    if (refused(char)) {
      if (first === null) first = { char, position, line, column };
      else others++;
    }
    if (char === "\n") {
      line++;
      column = 0;
    }
  }
  if (first === null) return null;
  const where = line > 1 ? msg("text.atLine", { line: first.line, column: first.column }) : msg("text.atPosition", { position: first.position });
  const before = [...text].slice(Math.max(0, first.position - 21), first.position - 1).join("").replace(/\s+/g, " ").trim();
  const context = before ? msg("text.after", { text: quote(before) }) : "";
  const more = others > 0 ? msg("text.more", { count: others }) : "";
  const control = CONTROL.test(first.char);
  return {
    expected: msg(control ? "text.withoutControls" : "text.withoutInvisible"),
    found: msg("text.characterAt", { character: describeCharacter(first.char), where, context, more }),
    fix: msg(control ? "text.fixControl" : DIRECTION.test(first.char) ? "text.fixDirection" : "text.fixInvisible"),
  };
}

// ---------------------------------------------------------------------------------------------
// HTML

/**
 * What an HTML parser reads as the start of markup: "<" directly followed by a letter, "/", "!"
 * or "?". Refused whether or not a ">" closes it: an unclosed `<img src=x onerror=…` is markup too.
 */
const TAG_OPEN = /<[a-z/!?]/i;

/**
 * A tag disguised with spaces, `< script>` or `< img src=x onerror=…`: no browser runs it, but no
 * sentence needs it either, and one careless "tidy-up" away it is a tag. Only HTML element names
 * count, followed by ">" or by an attribute, so that "a < b & c", "< 5 %" and "<< » stay prose.
 */
const ELEMENTS =
  "a|abbr|address|area|article|aside|audio|b|base|bdi|bdo|blockquote|body|br|button|canvas|caption|cite|code|col|" +
  "colgroup|data|datalist|dd|del|details|dfn|dialog|div|dl|dt|em|embed|fieldset|figcaption|figure|footer|form|frame|" +
  "frameset|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|legend|li|link|main|map|mark|math|menu|meta|" +
  "meter|nav|noscript|object|ol|optgroup|option|output|p|param|picture|pre|progress|q|s|samp|script|search|section|" +
  "select|slot|small|source|span|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|" +
  "time|title|tr|track|u|ul|var|video|wbr";
const SPACED_TAG = new RegExp(`<\\s+/?\\s*(?:${ELEMENTS})(?:\\s*/?>|\\s+[^<>]*?[a-z-]+\\s*=)`, "i");

export function htmlFault(text: string): TextFault | null {
  const match = TAG_OPEN.exec(text) ?? SPACED_TAG.exec(text);
  if (!match) return null;
  const start = match.index;
  const close = text.indexOf(">", start);
  const end = close === -1 ? Math.min(text.length, start + 40) : Math.min(close + 1, start + 60);
  const tag = text.slice(start, end);
  return {
    expected: msg("text.withoutHtml"),
    found: msg(close === -1 ? "text.tagStart" : "text.tag", { text: quote(text), tag: quote(tag), position: [...text.slice(0, start)].length + 1 }),
    fix: msg("text.fixHtml"),
  };
}

// ---------------------------------------------------------------------------------------------
// Schemas

const addFault = (ctx: z.RefinementCtx, what: Message, fault: TextFault | null) => {
  if (fault) ctx.addIssue({ code: "custom", message: zodMessage(msg("text.as", { what, rule: fault.expected })), params: { found: fault.found, fix: fault.fix } });
};

/**
 * A one-line text an editor writes (a title, a lede, a name, an alias): trimmed, not empty, at
 * most maxLength characters, without control or invisible characters, without HTML.
 */
export function plainText(what: Message, maxLength?: number) {
  const base = z
    .string({ error: zodMessage(msg("text.aText", { what })) })
    .superRefine((s, ctx) => addFault(ctx, what, characterFault(s)))
    .trim()
    .min(1, { error: zodMessage(msg("text.notEmpty", { what })) });
  return (maxLength === undefined ? base : base.max(maxLength, { error: zodMessage(msg("text.atMost", { what, count: maxLength })) })).superRefine((s, ctx) =>
    addFault(ctx, what, htmlFault(s)),
  );
}

/** A longer text (a summary's Markdown, a source text): its characters only; HTML is the renderer's business. */
export function checkCharacters(what: Message, rule: CharacterRule) {
  return (text: string, ctx: z.RefinementCtx) => addFault(ctx, what, characterFault(text, rule));
}
