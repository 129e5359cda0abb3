import type { Actor, Registry } from "../analysis/index.ts";
import { rolesHeldOn } from "../analysis/tenure.ts";
import type { PublicationDate } from "../content/schemas.ts";
import type { Lang } from "../languages.ts";

/**
 * Display names come from the registries the editors curate; an id the registry no longer knows
 * (a stale cache, a removed file) shows as itself rather than breaking the page.
 */
export function actorName(registry: Registry, id: string, lang: Lang): string {
  return registry.actors.get(id)?.name[lang] ?? id;
}

export function topicName(registry: Registry, id: string, lang: Lang): string {
  return registry.topics.get(id)?.name[lang] ?? id;
}

/** A role's name for its holder: "présidente du Mexique" for a woman, "président du Mexique" for a man. */
export function roleName(registry: Registry, roleId: string, actor: Actor, lang: Lang): string | undefined {
  const role = registry.roles.get(roleId);
  if (!role) return undefined;
  return actor.gender === "f" && role.feminine ? role.feminine[lang] : role.name[lang];
}

/**
 * How an actor's name agrees in a language, as an i18next context: none for masculine singular,
 * "f", "mpl" or "fpl" ("citée dans 2 articles", "les États-Unis, cités…").
 */
export function agreementContext(actor: Actor | undefined, lang: Lang): string | undefined {
  const agreement = actor?.agreement?.[lang] ?? (actor?.kind === "person" ? actor.gender : undefined) ?? "m";
  return { m: undefined, f: "f", "m-plural": "mpl", "f-plural": "fpl" }[agreement];
}

/** The roles an actor held on a date ("secrétaire d'État des États-Unis"), in one language. */
export function rolesAt(registry: Registry, actor: Actor, date: PublicationDate, lang: Lang): string[] {
  return rolesHeldOn(actor.roles, date)
    .map((held) => roleName(registry, held.role, actor, lang))
    .filter((name): name is string => name !== undefined);
}

/** Every role the actor held, oldest first, with its dates: the actor page's list of roles. */
export function roleHistory(registry: Registry, actor: Actor, lang: Lang): Array<{ name: string; from: string; to?: string }> {
  return (actor.roles ?? [])
    .map((held) => ({ name: roleName(registry, held.role, actor, lang) ?? held.role, from: held.from, to: held.to }))
    .sort((a, b) => a.from.localeCompare(b.from));
}

/**
 * "d’octobre", "d’avril": French elides "de" before a vowel. An i18next context for strings that
 * start with "de {{from}}"; Spanish strings have no such form and fall back to the plain one.
 */
export function elisionContext(word: string): "vowel" | undefined {
  return /^[aeiouyàâéèêîôûh]/iu.test(word) ? "vowel" : undefined;
}

const collators = new Map<Lang, Intl.Collator>();

/** Names in the order a reader of the language expects ("Équateur" beside "États-Unis", not after "Z"). */
export function byName(lang: Lang): (a: string, b: string) => number {
  let collator = collators.get(lang);
  if (!collator) collators.set(lang, (collator = new Intl.Collator(lang === "fr" ? "fr-FR" : "es-MX", { sensitivity: "base" })));
  return collator.compare;
}
