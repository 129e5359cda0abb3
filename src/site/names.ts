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

/** The roles an actor held on a date ("secrétaire d'État des États-Unis"), in one language. */
export function rolesAt(registry: Registry, actor: Actor, date: PublicationDate, lang: Lang): string[] {
  return rolesHeldOn(actor.roles, date)
    .map((held) => registry.roles.get(held.role)?.name[lang])
    .filter((name): name is string => name !== undefined);
}

/** Every role the actor held, oldest first, with its dates: the actor page's list of roles. */
export function roleHistory(registry: Registry, actor: Actor, lang: Lang): Array<{ name: string; from: string; to?: string }> {
  return (actor.roles ?? [])
    .map((held) => ({ name: registry.roles.get(held.role)?.name[lang] ?? held.role, from: held.from, to: held.to }))
    .sort((a, b) => a.from.localeCompare(b.from));
}
