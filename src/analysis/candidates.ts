import { MONTH_NUMBERS, WEEKDAY_NUMBERS } from "../calendar.ts";
import { isCapitalized, type Token } from "./tokens.ts";
import { sentenceAt, type Sentence } from "./sentences.ts";

/**
 * Names the registry does not know yet, for the editors: runs of at least two capitalized words
 * ("Bajo Chiquito", "Sommet des Amériques"), joined by name particles (de, del, de la, van…),
 * that no registry phrase covers. Function words that open a sentence ("Les", "Selon", "Cette")
 * are dropped first, so a capital that only marks the start of a sentence never makes a name.
 * A single capitalized word is too often an ordinary word to report.
 */
export interface Candidate {
  name: string;
  start: number;
  end: number;
  sentence: number;
}

const PARTICLES = new Set(["de", "del", "de la", "des", "du", "la", "van", "von", "da", "dos", "y"]);

// Words that are capitalized only because they open a sentence or a title, in both languages;
// weekdays and months open dates ("Lundi 3 mars").
const STOP = new Set(
  (
    "le la les l un une des du de d au aux ce cet cette ces il elle ils elles on nous vous je mais et ou donc or ni car " +
    "selon lors apres avant avec sans sous sur dans pour par entre vers chez depuis pendant alors ainsi aussi enfin " +
    "si quand comme cela ceci son sa ses leur leurs notre nos votre vos tout tous toute toutes chaque aucun aucune " +
    "el los las lo una uno unos unas al del en con sin sobre tras desde hasta durante segun ante bajo " +
    "este esta estos estas ese esa esos esas aquel su sus nuestro nuestra mi tu pero y o ni que como cuando donde " +
    "hoy ayer manana today yesterday the a an of and in on for by with president presidente presidenta senor senora " +
    "m mme mr mrs sr sra srta don dona monsieur madame"
  )
    .split(" ")
    .concat([...WEEKDAY_NUMBERS.keys(), ...MONTH_NUMBERS.keys()]),
);

export function findCandidates(text: string, tokens: Token[], sentences: Sentence[], covered: { start: number; end: number }[]): Candidate[] {
  const isCovered = coverage(covered);
  const found: Candidate[] = [];
  let run: Token[] = [];
  const flush = () => {
    const words = trim(run);
    run = [];
    const capitals = words.filter((t) => isCapitalized(t.text));
    if (capitals.length < 2) return;
    const first = words[0] as Token;
    const last = words[words.length - 1] as Token;
    found.push({ name: text.slice(first.start, last.end), start: first.start, end: last.end, sentence: sentenceAt(sentences, first.start) });
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const previous = run[run.length - 1];
    // A name does not run over punctuation other than a hyphen or an apostrophe.
    const joined = !previous || /^[\s'’-]*$/.test(text.slice(previous.end, token.start)) && !/\n/.test(text.slice(previous.end, token.start));
    if (!joined) flush();
    if (isCovered(token.start)) {
      flush();
      continue;
    }
    if (isCapitalized(token.text) || (run.length > 0 && PARTICLES.has(token.folded))) run.push(token);
    else flush();
  }
  flush();
  return found;
}

/** Drops leading function words and trailing particles: "Selon Bajo Chiquito de" → "Bajo Chiquito". */
function trim(run: Token[]): Token[] {
  let from = 0;
  while (from < run.length && (STOP.has((run[from] as Token).folded) || PARTICLES.has((run[from] as Token).folded))) from++;
  let to = run.length;
  while (to > from && (PARTICLES.has((run[to - 1] as Token).folded) || STOP.has((run[to - 1] as Token).folded))) to--;
  return run.slice(from, to);
}

function coverage(spans: { start: number; end: number }[]): (offset: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return (offset) => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const span = sorted[mid] as { start: number; end: number };
      if (offset < span.start) hi = mid - 1;
      else if (offset >= span.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}
