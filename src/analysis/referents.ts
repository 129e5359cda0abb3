import type { Lang } from "../languages.ts";
import { fold } from "../text/fold.ts";
import type { Mention } from "./mentions.ts";
import type { Registry } from "./registry.ts";
import { sentenceAt, type Sentence } from "./sentences.ts";
import { DETERMINERS, HONORIFICS, INSTITUTION_NOUNS, NAMING_WORDS, NOUN_LINKS, ROLE_NOUNS } from "./speakers.ts";
import { isCapitalized, tokenize } from "./tokens.ts";
import type { Word, Words } from "./words.ts";

/**
 * Who or what in a text may speak: the registry's actors it mentions, the names it gives that the
 * registry lacks (people and organizations, never places or programmes), a surname after an
 * honorific ("M. Dupont", "la Sra. Pérez") or alone once the full name was given; each with the
 * gender and the role noun the text gives it ("la gobernadora de Chihuahua, María…"), so that
 * "la gobernadora" or "a-t-elle dit" can find it later.
 */
export type SpeakerKind = "person" | "institution" | "country";

/** Someone or something the text names and that may speak. */
export interface Referent {
  start: number;
  end: number;
  actorId: string | null;
  /** As written, for speakers the registry does not know. */
  name: string;
  kind: SpeakerKind;
  gender?: "f" | "m";
  /** The role noun next to the name ("la gobernadora de Chihuahua, María…"), folded. */
  role?: string;
  /** A role phrase resolved to its holder ("la présidente mexicaine"), weaker than a name. */
  viaRole: boolean;
  sentence: number;
}

export type Speaker = Pick<Referent, "actorId" | "name" | "kind" | "gender">;

/** A name the registry does not know, as the candidate finder reports it. */
export interface NamedSpan {
  name: string;
  start: number;
  end: number;
  /** person, organization, place…, when the candidate finder classifies it. */
  kind?: string;
}

export function findReferents(
  words: Words,
  sentences: Sentence[],
  mentions: Mention[],
  registry: Registry,
  lang: Lang,
  candidates: readonly NamedSpan[] = [],
): Referent[] {
  const found: Referent[] = [];
  for (const m of mentions) {
    const actor = registry.actors.get(m.actorId);
    if (!actor) continue;
    const kind: SpeakerKind = actor.kind === "person" ? "person" : actor.kind === "country" ? "country" : "institution";
    found.push({
      start: m.start, end: m.end, actorId: actor.id, name: actor.name[lang], kind,
      ...(actor.gender ? { gender: actor.gender } : {}), viaRole: m.via === "role", sentence: m.sentence,
    });
  }
  const covered = (start: number, end: number) => found.some((r) => r.start < end && start < r.end);
  for (const c of candidates) {
    const kind = candidateKind(words.text, c);
    if (!kind || covered(c.start, c.end)) continue;
    found.push({ start: c.start, end: c.end, actorId: null, name: c.name, kind, viaRole: false, sentence: sentenceAt(sentences, c.start) });
  }
  // "M. Dupont", "la Sra. Pérez": a surname after an honorific is a person, of the honorific's gender.
  words.list.forEach((w, i) => {
    const next = words.list[i + 1];
    const gender = HONORIFICS.get(w.lower);
    if (!gender || !next || !isCapitalized(w.text) || !/^\.?\s+$/u.test(next.gap) || !isCapitalized(next.text)) return;
    let end = i + 1;
    while (words.list[end + 1] && isCapitalized((words.list[end + 1] as Word).text) && /^\s$/u.test((words.list[end + 1] as Word).gap)) end++;
    const from = next.start;
    const to = (words.list[end] as Word).end;
    const inside = found.filter((r) => r.start >= from && r.end <= to);
    if (inside.length > 0) {
      for (const r of inside) if (!r.gender && r.kind === "person") r.gender = gender;
      return;
    }
    if (covered(from, to)) return;
    found.push({ start: from, end: to, actorId: null, name: words.text.slice(from, to), kind: "person", gender, viaRole: false, sentence: sentenceAt(sentences, from) });
  });
  found.sort((a, b) => a.start - b.start);
  describe(words, found);
  // "Kevin McAleenan … según McAleenan": a surname alone, once the full name was given.
  const surnames: Referent[] = [];
  const named = found.filter((r) => r.kind === "person" && !r.actorId).map((r) => ({ r, after: new Set(tokenize(r.name).slice(1).map((t) => t.folded)) }));
  for (const w of words.list) {
    if (!isCapitalized(w.text) || w.text.length < 3 || covered(w.start, w.end)) continue;
    const full = named.filter(({ r, after }) => r.end <= w.start && after.has(w.folded)).pop()?.r;
    if (full) surnames.push({ ...full, start: w.start, end: w.end, viaRole: false, sentence: sentenceAt(sentences, w.start) });
  }
  return [...found, ...surnames].sort((a, b) => a.start - b.start);
}

/** Which candidates may speak: people and organizations, never places, programmes or platforms. */
function candidateKind(text: string, c: NamedSpan): SpeakerKind | null {
  if (c.kind) return c.kind === "person" ? "person" : c.kind === "organization" ? "institution" : null;
  const words = tokenize(c.name).map((t) => t.text.toLowerCase());
  if (INSTITUTION_NOUNS.has(words[0] ?? "")) return "institution";
  if (words.some((w) => NAMING_WORDS.has(w) || PLACE_WORDS.has(w))) return null;
  // "en Nuevo Laredo", "à Ciudad Juárez", "desde Tijuana": a place; "el diario The New York Times": a medium.
  const before = /([\p{L}]+)\s*$/u.exec(text.slice(Math.max(0, c.start - 14), c.start))?.[1]?.toLowerCase();
  if (before && PLACE_PREPOSITIONS.has(before)) return null;
  if (before && MEDIA_NOUNS.has(before)) return "institution";
  return "person";
}

/**
 * The role noun beside a name, and the gender its determiner tells: "la gobernadora de
 * Chihuahua, María …" (the name after the comma, not the place in the complement), "le
 * président colombien Gustavo Petro", "Juan Pérez, vocero de …".
 */
function describe(words: Words, referents: Referent[]): void {
  const startingAt = new Map(referents.filter((r) => r.kind === "person").map((r) => [r.start, r]));
  words.list.forEach((w, i) => {
    if (!ROLE_NOUNS.has(w.lower)) return;
    const det = words.list[i - 1]?.lower;
    const g = det ? DETERMINERS.get(det) : undefined;
    let plain = true;
    for (let j = i + 1; j < Math.min(words.list.length, i + 12); j++) {
      const next = words.list[j] as Word;
      const comma = /,/u.test(next.gap);
      if (words.breaksClause(j)) return;
      const holder = startingAt.get(next.start);
      if (holder && (plain || comma)) {
        holder.role ??= fold(w.lower);
        if (!holder.gender && (g === "f" || g === "m")) holder.gender = g;
        return;
      }
      if (comma && !isCapitalized(next.text)) return;
      if (isCapitalized(next.text) || NOUN_LINKS.has(next.lower)) plain = false;
    }
  });
  for (const r of referents) {
    if (r.kind !== "person" || r.role) continue;
    const after = words.at(r.end);
    if (!/^\s*,\s*$/u.test(words.list[after]?.gap ?? "")) continue;
    for (let i = after; i < Math.min(words.list.length, after + 3); i++) {
      const w = words.list[i] as Word;
      if (ROLE_NOUNS.has(w.lower)) {
        r.role = fold(w.lower);
        break;
      }
    }
  }
}

/** "gobernadora" and "gobernador", "ministre" and "ministra": the same role noun. */
export function sameNoun(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length) - 1;
  return n >= 4 && a.slice(0, n) === b.slice(0, n);
}

const PLACE_PREPOSITIONS = new Set(["en", "à", "au", "aux", "vers", "depuis", "desde", "hacia", "hasta", "dans", "a"]);
const MEDIA_NOUNS = new Set(["journal", "quotidien", "hebdomadaire", "agence", "chaîne", "radio", "site", "diario", "periódico", "semanario", "agencia", "cadena", "revista", "medio", "portal", "televisora"]);
const PLACE_WORDS = new Set([
  "ciudad", "estado", "état", "municipio", "aéroport", "aeropuerto", "puerto", "port", "río", "frontera", "frontière",
  "puente", "pont", "avenue", "avenida", "calle", "rue", "plaza", "place", "sierra", "golfe", "golfo", "mer", "mar",
  "région", "región", "province", "provincia", "département", "colonia", "valle", "vallée",
]);
