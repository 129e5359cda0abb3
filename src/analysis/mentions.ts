import type { Actor } from "./registry.ts";
import { type Gender, holders, type Lexicon, type LexiconEntry } from "./lexicon.ts";
import type { PhraseMatch } from "./phrases.ts";
import { sentenceAt, type Sentence } from "./sentences.ts";
import { isDemonym } from "./demonyms.ts";
import { isCapitalized, type Token } from "./tokens.ts";

/**
 * Mentions of actors in one text. Four ways to be mentioned, in order of confidence:
 * - a name or alias ("Antony Blinken", "Anthony Blinken", "@lopezobrador_", "AMLO", "EE. UU.");
 * - a short form ("Blinken", "M. Blinken"), once the text names the actor in full or after an
 *   honorific: a bare surname may be an everyday word ("rubio" is "blond") or someone else;
 * - a role phrase ("le secrétaire d'État américain", "el mandatario mexicano"), resolved to
 *   whoever held the role on the article's date;
 * - a bare role noun ("la présidente"), resolved only if exactly one holder of a role using that
 *   noun is named in the text or in the article, or if a single role uses the noun and a single
 *   person held it that day.
 * A role phrase right before a name ("le président mexicain Andrés Manuel López Obrador") is an
 * apposition: the name is the mention, the role adds nothing.
 */
export type MentionVia = "name" | "short" | "role";

export interface Mention {
  actorId: string;
  /** As written in the text. */
  text: string;
  start: number;
  end: number;
  /** Index into the text's sentences. */
  sentence: number;
  via: MentionVia;
}

export interface MentionScan {
  mentions: Mention[];
  /** Every span a registry phrase covered, resolved or not: never a candidate name. */
  covered: { start: number; end: number }[];
}

const HONORIFICS = new Set(["m", "mme", "mr", "mrs", "ms", "sr", "sra", "srta", "don", "dona", "monsieur", "madame", "senor", "senora"]);
/** "la canciller", "el canciller": the determiner tells the gender a noun does not show. */
const DETERMINER_GENDER: ReadonlyMap<string, Gender> = new Map(Object.entries<Gender>({ la: "f", une: "f", una: "f", cette: "f", esta: "f", le: "m", un: "m", el: "m", ce: "m", este: "m", del: "m", al: "m" }));
/** "l'ancien président", "un président", "le prochain président": not the current holder. */
const NOT_CURRENT = new Set(["ancien", "ancienne", "anciens", "ex", "former", "futur", "future", "prochain", "prochaine", "proximo", "proxima", "nouveau", "nouvelle", "nuevo", "nueva", "un", "une", "uno", "una", "des", "unos", "unas", "otro", "otra", "autre"]);

export function findMentions(
  text: string,
  tokens: Token[],
  sentences: Sentence[],
  lexicon: Lexicon,
  day: string,
  /** Actors the rest of the article names: context for bare role nouns in a summary. */
  context: ReadonlySet<string> = new Set(),
): MentionScan {
  const matches = lexicon.phrases.matchAll(tokens);
  const covered = matches.map((m) => ({ start: m.start, end: m.end }));
  const named = new Set<string>();
  for (const match of matches) for (const v of match.values) if (v.kind === "name") named.add(v.actorId);

  const found: Mention[] = [];
  const add = (match: PhraseMatch<LexiconEntry>, actorId: string, via: MentionVia) =>
    found.push({ actorId, text: text.slice(match.start, match.end), start: match.start, end: match.end, sentence: sentenceAt(sentences, match.start), via });

  // Names first: short forms and bare nouns are resolved against the names.
  const resolvedRoles: { match: PhraseMatch<LexiconEntry>; actorId: string }[] = [];
  matches.forEach((match, index) => {
    const names = unique(match.values.filter((v) => v.kind === "name").map((v) => v.actorId));
    if (names.length > 0) {
      for (const actorId of names) add(match, actorId, "name");
      return;
    }
    const shorts = unique(match.values.filter((v) => v.kind === "short").map((v) => v.actorId));
    if (shorts.length > 0) {
      const actorId = resolveShort(shorts, match, tokens, named);
      if (actorId) add(match, actorId, "short");
      return;
    }
    // A role phrase may hold a name: "procureur général des États-Unis", "presidente de México".
    for (const inner of lexicon.phrases.matchAll(tokens.slice(match.from + 1, match.to))) {
      for (const actorId of unique(inner.values.filter((v) => v.kind === "name").map((v) => v.actorId))) {
        add({ ...inner, from: inner.from + match.from + 1, to: inner.to + match.from + 1 }, actorId, "name");
      }
    }
    const next = matches[index + 1];
    if (next && isApposition(text, match, next)) return;
    const previous = tokens[match.from - 1];
    if (previous && NOT_CURRENT.has(previous.folded)) return;
    if (namesAnotherHolder(text, match, tokens, next)) return;
    const actorId = resolveRole(match, lexicon, day, named, context, previous ? DETERMINER_GENDER.get(previous.folded) : undefined);
    if (actorId) resolvedRoles.push({ match, actorId });
  });
  for (const { match, actorId } of resolvedRoles) add(match, actorId, "role");
  found.sort((a, b) => a.start - b.start);
  return { mentions: found, covered };
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

function resolveShort(candidates: string[], match: PhraseMatch<LexiconEntry>, tokens: Token[], named: Set<string>): string | null {
  const first = tokens[match.from] as Token;
  // A short form is a proper noun: "Rubio", never "rubio".
  if (!/^\p{Lu}/u.test(first.text)) return null;
  const inText = candidates.filter((id) => named.has(id));
  if (inText.length === 1) return inText[0] as string;
  const previous = tokens[match.from - 1];
  if (inText.length === 0 && candidates.length === 1 && previous && HONORIFICS.has(previous.folded)) return candidates[0] as string;
  return null;
}

/** A role phrase followed by a name, with nothing but a space or a comma between. */
function isApposition(text: string, role: PhraseMatch<LexiconEntry>, next: PhraseMatch<LexiconEntry>): boolean {
  if (!next.values.some((v) => v.kind === "name" || v.kind === "short")) return false;
  return /^[\s,]*$/.test(text.slice(role.end, next.start));
}

/**
 * A bare role noun that another country's adjective or a name the registry lacks follows: "le
 * président colombien Gustavo Petro", "el presidente Gustavo Petro". A role phrase of the
 * registry ("président mexicain") would have been the longer match.
 */
function namesAnotherHolder(text: string, match: PhraseMatch<LexiconEntry>, tokens: Token[], next: PhraseMatch<LexiconEntry> | undefined): boolean {
  if (!match.values.every((v) => v.kind === "bare")) return false;
  const following = tokens[match.to];
  if (!following || !/^\s+$/u.test(text.slice(match.end, following.start))) return false;
  if (isDemonym(following.text)) return true;
  return isCapitalized(following.text) && next?.from !== match.to;
}

function resolveRole(
  match: PhraseMatch<LexiconEntry>,
  lexicon: Lexicon,
  day: string,
  named: Set<string>,
  context: ReadonlySet<string>,
  determinerGender: Gender | undefined,
): string | null {
  const roles = match.values.filter((v): v is Extract<LexiconEntry, { kind: "role" | "bare" }> => v.kind === "role" || v.kind === "bare");
  if (roles.length === 0) return null;
  const bare = roles.every((r) => r.kind === "bare");
  const people = new Map<string, Actor>();
  for (const role of roles) for (const actor of holders(lexicon, role.roleId, day, role.gender ?? determinerGender)) people.set(actor.id, actor);
  const all = [...people.keys()];
  const inArticle = all.filter((id) => named.has(id) || context.has(id));
  if (inArticle.length === 1) return inArticle[0] as string;
  if (inArticle.length > 1) return null;
  // Nobody holding the role is named: a role phrase still names its holder, a bare noun only
  // when one role alone uses it.
  const roleIds = new Set(roles.map((r) => r.roleId));
  if (all.length === 1 && (!bare || roleIds.size === 1)) return all[0] as string;
  return null;
}
