import type { Actor, Registry } from "../analysis/index.ts";
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

/** The day a role is looked up on: the publication day, or the middle of its month. */
function dayOf(date: PublicationDate): string {
  return date.precision === "day" ? date.iso : `${date.iso}-15`;
}

/** The roles an actor held on a date ("secrétaire d'État des États-Unis"), in one language. */
export function rolesAt(registry: Registry, actor: Actor, date: PublicationDate, lang: Lang): string[] {
  const day = dayOf(date);
  return (actor.roles ?? [])
    .filter((held) => held.from <= day && (held.to === undefined || day <= held.to))
    .map((held) => registry.roles.get(held.role)?.name[lang])
    .filter((name): name is string => name !== undefined);
}

/** Every role the actor held, oldest first, with its dates: the actor page's list of roles. */
export function roleHistory(registry: Registry, actor: Actor, lang: Lang): Array<{ name: string; from: string; to?: string }> {
  return (actor.roles ?? [])
    .map((held) => ({ name: registry.roles.get(held.role)?.name[lang] ?? held.role, from: held.from, to: held.to }))
    .sort((a, b) => a.from.localeCompare(b.from));
}
