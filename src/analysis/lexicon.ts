import type { Lang } from "../languages.ts";
import { PhraseIndex } from "./phrases.ts";
import type { Actor, Registry } from "./registry.ts";
import { heldOn } from "./tenure.ts";

/**
 * The registry's actors and roles compiled for matching in one language: one phrase index holding
 * every actor name, alias, short form, role phrase and bare role noun, so a text is read once for
 * all of them and the longest phrase wins ("président mexicain" over "président", "ambassade du Mexique aux
 * États-Unis" over "Mexique"). Compiled once per registry and language. Topic terms are matched on
 * word stems instead (topics.ts).
 */
export type Gender = "f" | "m";

export type LexiconEntry =
  /** A display name or an alias: recognised anywhere. */
  | { kind: "name"; actorId: string }
  /** A short form (a surname): recognised after a full mention or an honorific. */
  | { kind: "short"; actorId: string }
  /** A phrase that names one role: resolved to whoever held it on the article's date. */
  | { kind: "role"; roleId: string; gender?: Gender }
  /** A bare noun several roles share ("la présidente"): resolved from context only. */
  | { kind: "bare"; roleId: string; gender?: Gender };

export interface Tenure {
  actor: Actor;
  from: string;
  to?: string;
}

export interface Lexicon {
  lang: Lang;
  phrases: PhraseIndex<LexiconEntry>;
  tenures: Map<string, Tenure[]>;
}

const compiled = new WeakMap<Registry, Map<Lang, Lexicon>>();

export function lexiconFor(registry: Registry, lang: Lang): Lexicon {
  let byLang = compiled.get(registry);
  if (!byLang) compiled.set(registry, (byLang = new Map()));
  let lexicon = byLang.get(lang);
  if (!lexicon) byLang.set(lang, (lexicon = compile(registry, lang)));
  return lexicon;
}

function compile(registry: Registry, lang: Lang): Lexicon {
  const phrases = new PhraseIndex<LexiconEntry>();
  const tenures = new Map<string, Tenure[]>();
  for (const actor of registry.actors.values()) {
    const name: LexiconEntry = { kind: "name", actorId: actor.id };
    // Display names count only in their own language: "México" is the country in Spanish, but
    // "Mexico" in French is the capital city.
    phrases.add(actor.name[lang], name);
    for (const alias of [...(actor.aliases?.any ?? []), ...(actor.aliases?.[lang] ?? [])]) phrases.add(alias, name);
    for (const short of actor.short ?? []) phrases.add(short, { kind: "short", actorId: actor.id });
    for (const held of actor.roles ?? []) {
      const list = tenures.get(held.role) ?? [];
      list.push({ actor, from: held.from, to: held.to });
      tenures.set(held.role, list);
    }
  }
  for (const role of registry.roles.values()) {
    for (const kind of ["role", "bare"] as const) {
      const groups = kind === "role" ? role.phrases[lang] : role.bare?.[lang];
      if (!groups) continue;
      for (const gender of ["m", "f", "any"] as const) {
        for (const phrase of groups[gender] ?? []) {
          phrases.add(phrase, gender === "any" ? { kind, roleId: role.id } : { kind, roleId: role.id, gender });
        }
      }
    }
  }
  return { lang, phrases, tenures };
}

/** Who held a role on a day (YYYY-MM-DD), optionally of one gender. */
export function holders(lexicon: Lexicon, roleId: string, day: string, gender?: Gender): Actor[] {
  return (lexicon.tenures.get(roleId) ?? [])
    .filter((t) => heldOn(t, day))
    .map((t) => t.actor)
    .filter((actor) => !gender || !actor.gender || actor.gender === gender);
}
