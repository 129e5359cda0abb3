/**
 * `text.matchAll(pattern)` for a pattern that opens on a look-behind over one character class,
 * "(?<![\p{L}])hier(?![\p{L}])": the same matches, found faster. A pattern that opens on a
 * look-behind cannot skip ahead to where its words could start, so the engine tries the
 * look-behind at every character; most of the analysis's date words are written so. Here the
 * rest of the pattern is searched for, and the look-behind is checked only where it matches:
 * where it fails, the search goes on from the next character, as the pattern's own would.
 */
interface Split {
  /** The pattern without its opening look-behind, same flags (global). */
  rest: RegExp;
  /** One character the look-behind refuses before a match. */
  refused: RegExp;
}

const LEADING = /^\(\?<!(\[[^\]\\]*(?:\\.[^\]\\]*)*\])\)/u;
const splits = new WeakMap<RegExp, Split | null>();

function split(pattern: RegExp): Split | null {
  let found = splits.get(pattern);
  if (found !== undefined) return found;
  const lead = LEADING.exec(pattern.source);
  found = lead && pattern.global && pattern.unicode ? { rest: new RegExp(pattern.source.slice(lead[0].length), pattern.flags), refused: new RegExp(`^${lead[1]}$`, "u") } : null;
  splits.set(pattern, found);
  return found;
}

export function matchAllAtWordStart(text: string, pattern: RegExp): RegExpExecArray[] {
  const parts = split(pattern);
  if (!parts) return [...text.matchAll(pattern)] as RegExpExecArray[];
  const { rest, refused } = parts;
  const matches: RegExpExecArray[] = [];
  rest.lastIndex = 0;
  for (let match = rest.exec(text); match !== null; match = rest.exec(text)) {
    const at = match.index;
    if (at > 0 && refused.test(String.fromCodePoint(codePointBefore(text, at)))) {
      // Not a match of the pattern here: search again from the next character.
      rest.lastIndex = at + codeUnitsAt(text, at);
      continue;
    }
    matches.push(match);
    if (match[0].length === 0) rest.lastIndex = at + codeUnitsAt(text, at);
  }
  return matches;
}

/** The code point that ends just before an offset (both halves of a surrogate pair). */
function codePointBefore(text: string, offset: number): number {
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(offset - 2) as number;
  }
  return low;
}

/** How many code units the code point at an offset takes (1 at the end of the text). */
function codeUnitsAt(text: string, offset: number): number {
  const point = text.codePointAt(offset);
  return point !== undefined && point > 0xffff ? 2 : 1;
}
