import { MONTH_NUMBERS, WEEKDAY_NUMBERS } from "../calendar.ts";
import { fold } from "../text/fold.ts";
import {
  type CandidateKind,
  EVENT_HEADS,
  EVENT_NOUNS,
  GIVEN_NAMES,
  HONORIFICS,
  KNOWN_PLACES,
  ORGANIZATION_HEADS,
  ORGANIZATION_NOUNS,
  ORGANIZATION_TAILS,
  PERSON_AGE,
  NOUN_GAP,
  PERSON_NOUNS,
  PLACE_HEADS,
  PLACE_NOUNS,
  PLACE_TAILS,
  PLATFORM_NAMES,
  PLATFORM_NOUNS,
  PLATFORM_WORDS,
  PORTFOLIOS,
  KIN,
  INSTITUTION_WORDS,
  PROGRAMME_HEADS,
  PROGRAMME_NOUNS,
  PLACE_PREPOSITIONS,
} from "./candidate-kinds.ts";
import { isCapitalized, startsLowerCase, type Token } from "./tokens.ts";
import { sentenceAt, type Sentence } from "./sentences.ts";

export { ACTOR_KINDS, CANDIDATE_KINDS, type CandidateKind } from "./candidate-kinds.ts";

/**
 * Names the registry does not know yet, for the editors: runs of at least two capitalized words
 * ("Bajo Chiquito", "Sommet des Amériques"), joined by name particles (de, del, de la, van…),
 * that no registry phrase covers, each with its kind: what it names, from the words inside and
 * around it (candidate-kinds.ts). Only people and organizations are offered as actors.
 *
 * What is not a name is left out: function words and sentence-opening words whose capital only
 * marks the start of a sentence ("Les", "Selon", "Además"), weekdays and months, titles standing
 * before a name or alone ("General", "Secretario de Estado"). A single capitalized word is too
 * often an ordinary word to report, unless it is plainly a person's (isLonePerson) or a nickname
 * in quotes ("El Mayo").
 */
export interface Candidate {
  name: string;
  kind: CandidateKind;
  start: number;
  end: number;
  sentence: number;
}

const PARTICLES = new Set(["de", "del", "des", "du", "van", "von", "da", "di", "dos", "la", "las", "los", "le"]);
/** "la" joins a name only after "de" ("Juan Ramón de la Fuente"): "Secretaría de Marina y la Guardia Nacional" is two. */
const AFTER_DE = new Set(["la", "las", "los", "le"]);
const joinsName = (token: Token, previous: Token | undefined) =>
  PARTICLES.has(token.folded) && (!AFTER_DE.has(token.folded) || previous?.folded === "de");

// Words that are capitalized only because they open a sentence or a title, in both languages;
// weekdays and months open dates ("Lundi 3 mars").
const STOP = new Set(
  (
    "le la les l un une des du de d au aux ce cet cette ces il elle ils elles on nous vous je mais et ou donc or ni car " +
    "selon lors apres avant avec sans sous sur dans pour par entre vers chez depuis pendant alors ainsi aussi enfin " +
    "si quand comme cela ceci son sa ses leur leurs notre nos votre vos tout tous toute toutes chaque aucun aucune " +
    "el los las lo una uno unos unas al del en con sin sobre tras desde hasta durante segun ante " +
    "este esta estos estas ese esa esos esas aquel su sus nuestro nuestra mi tu pero y o ni que como cuando donde " +
    "hoy ayer manana hier demain aujourd today yesterday the a an of and in on for by with president presidente presidenta senor senora " +
    "m mme mr mrs sr sra srta don dona monsieur madame " +
    // Sentence adverbs and connectors, the commonest openers of a paragraph.
    "ademas tambien asimismo mientras aunque ahora luego entonces incluso pese sin embargo finalmente posteriormente " +
    "toutefois cependant pourtant neanmoins desormais ensuite puis ailleurs egalement notamment outre enfin face " +
    "mientras tanto sino tampoco solo apenas casi cada otro otra otros otras ya aun mas muy " +
    "mais selon apres lors d'apres contrairement concernant quant parmi"
  )
    .split(" ")
    .concat([...WEEKDAY_NUMBERS.keys(), ...MONTH_NUMBERS.keys()]),
);

/** A capitalized word, or a capital letter before an apostrophe or a full stop: "O’Reilly", "Mark C. Johnson". */
function isNameWord(token: Token, text: string): boolean {
  return isCapitalized(token.text) || (/^\p{Lu}$/u.test(token.text) && /^(?:['’]\p{Lu}|\.\s\p{Lu})/u.test(text.slice(token.end, token.end + 3)));
}

/**
 * Inside an institution's or a programme's name, "y", "et", "sobre", "para", "contra", "à la"…
 * join its words: "Secretaría de Seguridad y Protección Ciudadana", "Programa de Cooperación sobre
 * Seguridad Fronteriza". An article after "y" or "et" starts another name ("Secretaría de Marina
 * y la Guardia Nacional").
 */
const COORDINATORS = new Set(["y", "e", "et", "and"]);
const INNER_WORDS = new Set(["sobre", "para", "contra", "pour", "sur", "contre", "a", "au", "aux", "of", "for", "on", "against"]);
const TO = new Set(["a", "au", "aux"]);
const INNER_ARTICLES = new Set(["la", "el", "los", "las", "le", "les", "l", "the"]);

function joinsInstitution(run: readonly Token[], runFrom: number, tokens: readonly Token[], i: number, text: string): boolean {
  const head = run.find((t) => isCapitalized(t.text) && !STOP.has(t.folded));
  if (!head) return false;
  const headed = hasHead(ORGANIZATION_HEADS, head.folded) || hasHead(PROGRAMME_HEADS, head.folded) || hasHead(EVENT_HEADS, head.folded);
  // "el programa Pensión para Adultos Mayores": the noun before the run says what it names.
  const noun = tokens[runFrom - 1];
  const announced = noun !== undefined && (PROGRAMME_NOUNS.has(noun.folded) || ORGANIZATION_NOUNS.has(noun.folded) || EVENT_NOUNS.has(noun.folded));
  if (!headed && !announced) return false;
  const token = tokens[i] as Token;
  const previous = run[run.length - 1] as Token;
  const next = tokens[i + 1];
  const nextIsName = next !== undefined && isCapitalized(next.text) && /^[\s'’]*$/.test(text.slice(token.end, next.start));
  if (COORDINATORS.has(token.folded)) return isCapitalized(previous.text) && nextIsName;
  if (INNER_WORDS.has(token.folded)) {
    // "à", "a" name an office's portfolio ("Secrétariat aux Relations extérieures", "à la Sécurité"),
    // not where a summit meets ("Sommet des Amériques à Los Angeles").
    if (TO.has(token.folded) && !(hasHead(ORGANIZATION_HEADS, head.folded) && (token.folded !== "a" || (next !== undefined && INNER_ARTICLES.has(next.folded))))) return false;
    if (nextIsName) return true;
    const after = tokens[i + 2];
    return next !== undefined && INNER_ARTICLES.has(next.folded) && after !== undefined && isCapitalized(after.text);
  }
  // The article after "sobre", "para", "à": "à la Sécurité".
  return INNER_ARTICLES.has(token.folded) && INNER_WORDS.has(previous.folded) && nextIsName;
}

/** A head word, or its plural: "Programas del Bienestar", "Acuerdos de Bucareli". */
function hasHead(list: ReadonlySet<string>, word: string): boolean {
  return list.has(word) || (word.endsWith("s") && list.has(word.slice(0, -1))) || (word.endsWith("es") && list.has(word.slice(0, -2)));
}

const NICKNAME = /(?:^|[\s(])[«“"]\s?((?:El|La)\s\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?)\s?[»”"]/gu;

/**
 * One capitalized word is a name only when it is plainly a person's: a surname right after a role
 * ("el zar fronterizo Homan", "le président colombien Petro"), a given name before an apposition
 * ("Jorge, un migrant hondurien"). A word any list knows (a title, an institution's word, a place)
 * is never one.
 */
function isLonePerson(tokens: readonly Token[], from: number, text: string): boolean {
  const token = tokens[from] as Token;
  const word = token.folded;
  if (!isCapitalized(token.text) || STOP.has(word) || PERSON_NOUNS.has(word) || NOUN_GAP.has(word) || INSTITUTION_WORDS.has(word) || KNOWN_PLACES.has(word) || PLATFORM_NAMES.has(word) || isHead(word) && !GIVEN_NAMES.has(word)) {
    return false;
  }
  if (ABSTRACT_NOUN.test(token.text)) return false;
  const after = text.slice(token.end, token.end + 80);
  if (GIVEN_NAMES.has(word)) return personAfter(after) && /^\s*,/u.test(after);
  // Right after the role, or over adjectives only ("el zar fronterizo Homan"): never through "de", a list or a name.
  let i = from - 1;
  let next = token;
  while (i >= 0 && i >= from - GAP_STEPS) {
    const before = tokens[i] as Token;
    if (!gapless(text, before, next)) return false;
    if (HONORIFICS.has(before.folded) || hasHead(PERSON_NOUNS, before.folded)) return true;
    if (isCapitalized(before.text) || COMPLEMENT.has(before.folded)) return false;
    if (!NOUN_GAP.has(before.folded)) return false;
    next = before;
    i--;
  }
  return false;
}

/** Words that head a name of some kind: a sentence may open with them and still open a name ("Ciudad Juárez…"). */
const HEADS = [PLACE_HEADS, ORGANIZATION_HEADS, PROGRAMME_HEADS, EVENT_HEADS, GIVEN_NAMES];
const isHead = (folded: string) => HEADS.some((list) => list.has(folded));

export function findCandidates(text: string, tokens: Token[], sentences: Sentence[], covered: { start: number; end: number }[]): Candidate[] {
  const isCovered = coverage(covered);
  const lowercase = new Set(tokens.filter((t) => startsLowerCase(t.text)).map((t) => t.folded));
  const sentenceStarts = new Set(sentences.map((s) => s.start));
  const runs: { words: Token[]; from: number; person?: boolean }[] = [];
  let run: Token[] = [];
  let runFrom = 0;
  const flush = () => {
    // Most tokens end no run: nothing to trim or split.
    if (run.length === 0) return;
    for (const words of split(trim(run, text, sentenceStarts, lowercase), tokens[runFrom - 1])) {
      const from = tokens.indexOf(words[0] as Token, runFrom);
      if (words.filter((t) => isCapitalized(t.text)).length >= 2) {
        // "Haute-Commissaire", "Vice Fiscal": a title without its holder ("Luisa María Alcalde" has her given name).
        // "Fiscalía General" is an institution: its head word says so.
        const [head, last] = [words[0] as Token, words[words.length - 1] as Token];
        const institution = [ORGANIZATION_HEADS, PROGRAMME_HEADS, EVENT_HEADS].some((list) => hasHead(list, head.folded));
        if (hasHead(PERSON_NOUNS, last.folded) && !hasHead(ORGANIZATION_HEADS, last.folded) && !institution && !GIVEN_NAMES.has(head.folded)) continue;
        runs.push({ words, from });
      }
      else if (words.length === 1 && isLonePerson(tokens, from, text)) runs.push({ words, from, person: true });
    }
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const previous = run[run.length - 1];
    // A name does not run over punctuation other than a hyphen, an apostrophe or an initial's full stop ("Mark C. Johnson").
    const gap = previous ? text.slice(previous.end, token.start) : "";
    const joined = !previous || (!gap.includes("\n") && (/^[\s'’-]*$/.test(gap) || (/^\.\s$/.test(gap) && /^\p{Lu}$/u.test(previous.text))));
    if (!joined) flush();
    if (isCovered(token.start)) {
      flush();
      continue;
    }
    if (isNameWord(token, text) || (run.length > 0 && (joinsName(token, previous) || joinsInstitution(run, runFrom, tokens, i, text)))) {
      if (run.length === 0) runFrom = i;
      run.push(token);
    } else flush();
  }
  flush();
  // Nicknames in quotes: « El Mayo », "El Chapo" (the article is part of the name); not « La Nueva Familia ».
  for (const match of text.matchAll(NICKNAME)) {
    const start = (match.index as number) + match[0].indexOf(match[1] as string);
    const end = start + (match[1] as string).length;
    const first = tokens.findIndex((t) => t.start >= start);
    let last = first;
    while (last + 1 < tokens.length && (tokens[last + 1] as Token).end <= end) last++;
    const words = tokens.slice(first, last + 1);
    if (first < 0 || words.some((t) => isCovered(t.start)) || words.slice(1).some((t) => (isHead(t.folded) && !GIVEN_NAMES.has(t.folded)) || INSTITUTION_WORDS.has(t.folded))) continue;
    if (runs.some((r) => r.from <= last && r.from + r.words.length > first)) continue;
    runs.push({ words, from: first, person: true });
  }
  runs.sort((a, b) => a.from - b.from);

  const found = runs.map(({ words, from, person }) => {
    const first = words[0] as Token;
    const last = words[words.length - 1] as Token;
    const name = text.slice(first.start, last.end);
    const cue: Cue = person ? { kind: "person", strength: 3 } : cueFor(words, from, tokens, text);
    return { name, start: first.start, end: last.end, sentence: sentenceAt(sentences, first.start), cue };
  });
  return settleKinds(found, tokens, isCovered);
}

interface Cue {
  kind: CandidateKind;
  /** 5: the name's own words; 4: a noun right before it, a state after it; 3: a person's shape; 2: reuse, a preposition of place, an institution's words; 0: nothing. */
  strength: number;
}

/**
 * Every mention of one name names the same thing: the strongest cue among them decides ("Ojinaga
 * (Chihuahua)" once makes every "Ojinaga" a place). A name that ends a longer person's name
 * ("García Harfuch" after "Omar García Harfuch") is that person.
 */
function settleKinds(found: (Omit<Candidate, "kind"> & { cue: Cue })[], tokens: Token[], isCovered: (offset: number) => boolean): Candidate[] {
  const best = new Map<string, Cue>();
  for (const c of found) {
    const key = fold(c.name);
    const known = best.get(key);
    if (!known || c.cue.strength > known.strength) best.set(key, c.cue);
  }
  const people = [...best].filter(([, cue]) => cue.kind === "person" && cue.strength >= 3).map(([key]) => key);
  // A surname used alone elsewhere in the text is a person's habit, not a place's.
  const alone = new Map<string, number>();
  tokens.forEach((t, i) => {
    if (!isCapitalized(t.text) || isCovered(t.start)) return;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    // Alone: not the end of a longer name ("Secretaría de Seguridad"), nor its start.
    if (before && (isCapitalized(before.text) || PARTICLES.has(before.folded)) && before.end + 1 >= t.start) return;
    if (after && isCapitalized(after.text) && t.end + 1 >= after.start) return;
    alone.set(t.folded, (alone.get(t.folded) ?? 0) + 1);
  });
  return found.map(({ cue: _cue, ...c }) => {
    const key = fold(c.name);
    let cue = best.get(key) as Cue;
    if (cue.strength < 3 && people.some((p) => p !== key && p.endsWith(` ${key}`))) cue = { kind: "person", strength: 3 };
    const surname = fold(c.name.split(/\s+/).at(-1) ?? "");
    if (cue.strength < 2 && (alone.get(surname) ?? 0) > 0) cue = { kind: "person", strength: 2 };
    return { ...c, kind: cue.kind };
  });
}

/** Reads one mention's cues, strongest first. */
function cueFor(words: Token[], from: number, tokens: Token[], text: string): Cue {
  const folded = words.map((t) => t.folded);
  const capitals = words.filter((t) => isCapitalized(t.text));
  // "Segunda Reunión", "Première Conférence": an ordinal leaves the head to the next word.
  const head = (ORDINALS.has(folded[0] as string) && folded.length > 1 ? folded[1] : folded[0]) as string;
  const tail = folded[folded.length - 1] as string;
  const whole = fold(text.slice((words[0] as Token).start, (words[words.length - 1] as Token).end));

  if (PLATFORM_NAMES.has(whole)) return { kind: "platform", strength: 5 };
  if (hasHead(PROGRAMME_HEADS, head)) return { kind: "programme", strength: 5 };
  if (hasHead(EVENT_HEADS, head)) return { kind: "event", strength: 5 };
  // "Secretaría" is an institution, "Secretaria" a woman's title: the accent tells them apart.
  if (hasHead(ORGANIZATION_HEADS, head) && !(head === "secretaria" && words[0]?.text === "Secretaria")) return { kind: "organization", strength: 5 };
  if (KNOWN_PLACES.has(whole)) return { kind: "place", strength: 5 };
  if (PLATFORM_WORDS.has(head) || PLATFORM_WORDS.has(tail)) return { kind: "platform", strength: 5 };
  // "Nueva Familia Michoacana": an institution's word after a place's first word makes an organization.
  if (PLACE_HEADS.has(head) && folded.slice(1).some((w) => hasHead(ORGANIZATION_HEADS, w))) return { kind: "organization", strength: 5 };
  if (PLACE_HEADS.has(head) || PLACE_TAILS.has(tail)) return { kind: "place", strength: 5 };
  if (ORGANIZATION_TAILS.has(tail)) return { kind: "organization", strength: 5 };

  const before = nounBefore(tokens, from, text, GIVEN_NAMES.has(head));
  if (before) return before;

  const after = text.slice((words[words.length - 1] as Token).end, (words[words.length - 1] as Token).end + 120);
  const state = STATE_AFTER.exec(after)?.groups?.state;
  if (state && KNOWN_PLACES.has(fold(state).trim())) return { kind: "place", strength: 4 };

  if (GIVEN_NAMES.has(head) || personAfter(after)) return { kind: "person", strength: 3 };
  // "Reynosa Hidalgo": a name holding a known place's name, with no given name to make it a person's.
  if (folded.some((w) => KNOWN_PLACES.has(w))) return { kind: "place", strength: 2 };

  let back = from - 1;
  while (back > 0 && ARTICLES.has((tokens[back] as Token).folded)) back--;
  const previous = tokens[back];
  // "à" and "a" take people as often as places ("a demandé à…", "recibió a…"): they tell nothing.
  if (previous && gapless(text, previous, words[0] as Token) && PLACE_PREPOSITIONS.has(previous.folded)) return { kind: "place", strength: 2 };
  // Nothing tells. Words of an institution's name ("Seguridad Pública", "Derechos Humanos",
  // "Gabinete de Seguridad") or abstract nouns ("Aplicación", "Protección") are not a person's;
  // two or three other capitalized words most often are.
  if (capitals.some((t) => INSTITUTION_WORDS.has(t.folded) || ABSTRACT_NOUN.test(t.text))) return { kind: "organization", strength: 2 };
  return capitals.length <= 3 ? { kind: "person", strength: 0 } : { kind: "organization", strength: 0 };
}

/** A state in parentheses after the name, or after the list it ends: "Nuevo Laredo, Reynosa Hidalgo y Matamoros (Tamaulipas)". */
const STATE_AFTER = /^(?:\s*(?:,|y|e|et|o|ou)\s*\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|del|la|las|los)\s+)?\p{Lu}[\p{L}'’.-]*)*)*\s*\((?<state>[^()]{2,40})\)/u;
/** Abstract nouns, by their endings in both languages: no surname ends so (given names that do, "Asunción", "Soledad", come first). */
const ABSTRACT_NOUN = /(?:ción|sión|dad|tad|miento|ismo|tion|ité)$/u;

const ORDINALS = new Set(
  "primer primera primero segundo segunda tercer tercera tercero cuarto cuarta quinto quinta sexto sexta premier premiere deuxieme troisieme quatrieme cinquieme second seconde".split(" "),
);

const GAP_STEPS = 10;
const LIST_GAP = /^\)?\s*,\s*$|^\s*\($/u;
const LIST_GAP_PARENTHESIS = /^\s*\($/u;
const LIST_WORDS = new Set(["y", "e", "et", "and", "o", "ou", "como", "comme", "notamment", "tales", "incluidos", "incluidas", "dont", "entre"]);
const COMPLEMENT = new Set(["de", "del", "du", "des", "d", "la", "l", "le", "los", "las", "a", "au", "aux"]);
const ARTICLES = new Set(["el", "la", "los", "las", "le", "les", "l"]);

/**
 * The noun that stands right before a name, over adjectives of nationality or rank, articles and
 * the capitalized words of an institution ("le ministre de la Sécurité Omar García Harfuch") and
 * the names of a list before it ("los diputados Elizabeth Montoya y Sergio Torres"); a verb, a
 * comma after a lower-case word or any other word stops the search.
 */
function nounBefore(tokens: Token[], from: number, text: string, givenName: boolean): Cue | null {
  let next = tokens[from] as Token;
  // "el subsecretario de Derechos Humanos": after a role and "de", the name is the role's domain.
  // A role's domain may be a list: "el secretario de Seguridad y Protección Ciudadana".
  let complement = true;
  let listed = false;
  for (let i = from - 1; i >= 0 && i >= from - GAP_STEPS; i--) {
    const token = tokens[i] as Token;
    // A list shares its noun: "municipios como Guasave, Salvador Alvarado (Guamúchil) y Ahome".
    const inList = isCapitalized(token.text) && LIST_GAP.test(text.slice(token.end, next.start));
    if (!inList && !gapless(text, token, next)) return null;
    const word = token.folded;
    if (LIST_WORDS.has(word)) {
      listed = true;
      next = token;
      continue;
    }
    const throughList = listed;
    listed = false;
    // "el comisionado del Instituto Nacional de Migración, Francisco Garduño": after a comma, an apposition.
    if (inList && !LIST_GAP_PARENTHESIS.test(text.slice(token.end, next.start))) complement = false;
    if (complement && i < from - 1 && hasHead(PERSON_NOUNS, word)) {
      // Through "de", a person's kin or lawyer is a person ("el abogado de…"); an agent, an office or
      // a migrant "de" something names an institution or a place ("los agentes de Protección Fronteriza").
      if (hasHead(KIN, word)) return { kind: "person", strength: 4 };
      return givenName ? null : { kind: "organization", strength: 4 };
    }
    if (HONORIFICS.has(word) || hasHead(PERSON_NOUNS, word)) return { kind: "person", strength: 4 };
    complement &&= COMPLEMENT.has(word) || (isCapitalized(token.text) && throughList);
    // Nouns in the plural too: "les cartels Jalisco Nueva Generación", "los municipios Reynosa y Río Bravo";
    // in lower case only: "Estados" in "Estados Unidos" is a name's word, not "los estados".
    if (isCapitalized(token.text)) {
      next = token;
      continue;
    }
    if (hasHead(PLACE_NOUNS, word)) return { kind: "place", strength: 4 };
    if (hasHead(PROGRAMME_NOUNS, word)) return { kind: "programme", strength: 4 };
    if (hasHead(EVENT_NOUNS, word)) return { kind: "event", strength: 4 };
    if (hasHead(PLATFORM_NOUNS, word)) return { kind: "platform", strength: 4 };
    if (hasHead(ORGANIZATION_NOUNS, word)) return { kind: "organization", strength: 4 };
    if (!NOUN_GAP.has(word) && !isCapitalized(token.text)) return null;
    next = token;
  }
  return null;
}

/** Nothing but spaces, an apostrophe, a hyphen or an abbreviation's full stop ("M. Ebrard", "Gral. Trevilla") between two words. */
function gapless(text: string, left: Token, right: Token): boolean {
  const gap = text.slice(left.end, right.start);
  if (gap.includes("\n")) return false;
  if (/^[\s'’-]*$/u.test(gap)) return true;
  return /^\.\s*$/u.test(gap) && (HONORIFICS.has(left.folded) || /^\p{Lu}$/u.test(left.text));
}

const SAYING =
  "dijo|afirmó|declaró|señaló|explicó|aseguró|indicó|agregó|añadió|sostuvo|advirtió|subrayó|precisó|comentó|manifestó|informó|anunció|" +
  "reconoció|expresó|detalló|insistió|destacó|recordó|consideró|respondió|denunció|admitió|aclaró|" +
  "a\\s+(?:déclaré|dit|affirmé|expliqué|ajouté|souligné|annoncé|indiqué|estimé|précisé|assuré|averti|reconnu|répondu|rappelé|insisté|dénoncé|admis|confirmé)|" +
  "déclare|affirme|explique|ajoute|souligne|estime|assure|précise|rappelle|dénonce|admet";
/** An apposition ("…, portavoz de", "…, le ministre"), an age, a relative pronoun of a person, a verb of saying. */
const PERSON_AFTER = new RegExp(
  String.raw`^\s*(?:,\s*(?:(?:el|la|le|l'|l’|un|una|une|son|su|sa|ancien|ancienne|ex|nuevo|nueva|actual)\s+)*(?<noun>[\p{L}-]+)|,\s*(?:quien|quienes|qui)\b|\s(?:${SAYING})\b)`,
  "u",
);

function personAfter(after: string): boolean {
  if (PERSON_AGE.test(after)) return true;
  const match = PERSON_AFTER.exec(after);
  if (!match) return false;
  const noun = match.groups?.noun;
  return noun === undefined || PERSON_NOUNS.has(fold(noun));
}

/**
 * Drops leading function words and trailing particles ("Selon Bajo Chiquito de" → "Bajo
 * Chiquito"), titles before a name ("General Juan Pérez" → "Juan Pérez", "Secretario de Estado"
 * → nothing), and a sentence's first word when the text also writes it in lower case ("Durante",
 * "Frente") or when it is a verb ("Participaron"), unless it heads names.
 */
function trim(run: Token[], text: string, sentenceStarts: ReadonlySet<number>, lowercase: ReadonlySet<string>): Token[] {
  // "Los Angeles", "El Paso", "La Paz": a place whose name opens on an article keeps it.
  if (run.length > 1 && KNOWN_PLACES.has(fold(run.map((t) => t.text).join(" ")))) return run;
  let from = 0;
  while (from < run.length && skippable(run[from] as Token, from, text, sentenceStarts, lowercase)) from++;
  let to = run.length;
  while (to > from && (!isNameWord(run[to - 1] as Token, text) || STOP.has((run[to - 1] as Token).folded))) to--;
  return run.slice(from, to);
}

/** A word a name does not open on: "le", "de", "General", "Mme", or a sentence's first word that is a common word. */
function skippable(t: Token, index: number, text: string, sentenceStarts: ReadonlySet<number>, lowercase: ReadonlySet<string>): boolean {
  return (
    STOP.has(t.folded) ||
    PARTICLES.has(t.folded) ||
    isTitle(t) ||
    HONORIFICS.has(t.folded) ||
    // "Le Hondurien Wilmer Pérez", "Le Mexicain…": a nationality standing before a name, as French writes it.
    (NOUN_GAP.has(t.folded) && !isHead(t.folded)) ||
    (index === 0 && opensSentence(t, text, sentenceStarts) && (lowercase.has(t.folded) || VERB_ENDING.test(t.text)) && !isHead(t.folded))
  );
}

/** A Spanish verb in the past opening a sentence: "Participaron Control Migratorio y…", "Asistieron…", "Informó…". */
const VERB_ENDING = /\p{L}{3,}(?:aron|ieron|aban|ían|ó|ió)$/u;

function opensSentence(token: Token, text: string, sentenceStarts: ReadonlySet<number>): boolean {
  // At a sentence's start, or after an opening quote or a dash: "« Además…", "— Durante…".
  return sentenceStarts.has(token.start) || /[«“"—–(]\s*$/u.test(text.slice(Math.max(0, token.start - 3), token.start));
}

/** "General", "Presidenta", "Secretaria": a title, not a name ("Secretaría", with its accent, is an institution). */
function isTitle(token: Token): boolean {
  return PERSON_NOUNS.has(token.folded) && !(ORGANIZATION_HEADS.has(token.folded) && token.text !== "Secretaria");
}

/**
 * A run that glues an institution's capitalized words to a person's name is two: "Sécurité Omar
 * García Harfuch" (from "le ministre de la Sécurité Omar García Harfuch") is "Sécurité" and
 * "Omar García Harfuch". The cut falls before a given name that does not follow another given
 * name, a particle or a place word ("José Antonio", "de Marina", "San Antonio" stay whole), and
 * after a ministry's portfolio that follows "de", "de la", "du" ("…de la Sécurité Octave Lambertin").
 */
function split(run: Token[], before: Token | undefined): Token[][] {
  if (before && PORTFOLIO_AFTER.has(before.folded)) {
    let from = 0;
    while (from < run.length && PORTFOLIOS.has((run[from] as Token).folded)) from++;
    if (from > 0 && run.slice(from).filter((t) => isCapitalized(t.text)).length >= 2) run = run.slice(from);
  }
  // "Aeropuerto Internacional Felipe Ángeles", "Fundación Carlos Slim": a place's or an institution's name may hold a person's.
  const first = run[0];
  const headed = first !== undefined && !GIVEN_NAMES.has(first.folded) && isHead(first.folded);
  const parts: Token[][] = [];
  let current: Token[] = [];
  for (const [index, token] of run.entries()) {
    const previous = current[current.length - 1];
    // "Kiki Romero de Ciudad Juárez": a person's or an unknown name, then "de" and a place, is two names.
    const place = run.slice(index + 1);
    if (!headed && previous && DE.has(token.folded) && current.length > 0 && place.length > 0 && isPlaceName(place)) {
      parts.push(current);
      current = [];
      continue;
    }
    if (
      previous &&
      !headed &&
      GIVEN_NAMES.has(token.folded) &&
      isCapitalized(token.text) &&
      !GIVEN_NAMES.has(previous.folded) &&
      !PARTICLES.has(previous.folded) &&
      !PLACE_HEADS.has(previous.folded) &&
      !ORGANIZATION_HEADS.has(previous.folded)
    ) {
      parts.push(current);
      current = [];
    }
    current.push(token);
  }
  if (current.length > 0) parts.push(current);
  return parts.map((part) => {
    let to = part.length;
    while (to > 0 && PARTICLES.has((part[to - 1] as Token).folded)) to--;
    return part.slice(0, to);
  });
}

const DE = new Set(["de", "del", "du", "des"]);

/** A place by its own words: "Ciudad Juárez", "Nuevo León", "Tijuana". */
function isPlaceName(words: readonly Token[]): boolean {
  const first = words[0] as Token;
  return KNOWN_PLACES.has(fold(words.map((w) => w.text).join(" "))) || (PLACE_HEADS.has(first.folded) && words.length > 1);
}

const PORTFOLIO_AFTER = new Set(["de", "del", "la", "l", "du", "des"]);

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
