import type { Registry } from "../analysis/index.ts";
import type { Lang } from "../languages.ts";
import { slugify } from "../text/fold.ts";
import { routes } from "./routes.ts";

/**
 * Topics and actors are found at their name in the page's language: /es/temas/migracion/,
 * /fr/acteurs/maison-blanche/, /es/actores/casa-blanca/. The slug is the name folded (accents,
 * case and punctuation gone); a name that folds to nothing, or to another entry's slug in the same
 * language, keeps its id. The registry's ids stay what content, feeds' ids and the cache use.
 */
export type SubjectKind = "topic" | "actor";

const cache = new WeakMap<Registry, Map<string, Map<string, string>>>();

function slugsOf(registry: Registry, kind: SubjectKind, lang: Lang): Map<string, string> {
  let byKey = cache.get(registry);
  if (!byKey) cache.set(registry, (byKey = new Map()));
  const key = `${kind}|${lang}`;
  let slugs = byKey.get(key);
  if (!slugs) {
    slugs = new Map();
    const entries = kind === "topic" ? registry.topics : registry.actors;
    const ids = [...entries.keys()].sort();
    const wanted = new Map(ids.map((id) => [id, slugify(entries.get(id)!.name[lang]) || id]));
    const taken = new Map<string, number>();
    for (const slug of wanted.values()) taken.set(slug, (taken.get(slug) ?? 0) + 1);
    for (const id of ids) {
      const slug = wanted.get(id)!;
      slugs.set(id, taken.get(slug) === 1 && !(entries.has(slug) && slug !== id) ? slug : id);
    }
    byKey.set(key, slugs);
  }
  return slugs;
}

/** The path segment of a topic's or an actor's page and feeds in a language. */
export function subjectSlug(registry: Registry, kind: SubjectKind, id: string, lang: Lang): string {
  return slugsOf(registry, kind, lang).get(id) ?? id;
}

/**
 * Thousands of pages link to the same few subjects: each URL is made once per registry and
 * language, and every link holds that one string.
 */
const urls = new WeakMap<Registry, Map<string, Map<string, string>>>();

function subjectUrl(registry: Registry, kind: SubjectKind, id: string, lang: Lang): string {
  let byKey = urls.get(registry);
  if (!byKey) urls.set(registry, (byKey = new Map()));
  const key = `${kind}|${lang}`;
  let byId = byKey.get(key);
  if (!byId) byKey.set(key, (byId = new Map()));
  let url = byId.get(id);
  if (url === undefined) {
    const slug = subjectSlug(registry, kind, id, lang);
    byId.set(id, (url = kind === "topic" ? routes.topic(lang, slug) : routes.actor(lang, slug)));
  }
  return url;
}

export function topicUrl(registry: Registry, id: string, lang: Lang): string {
  return subjectUrl(registry, "topic", id, lang);
}

export function actorUrl(registry: Registry, id: string, lang: Lang): string {
  return subjectUrl(registry, "actor", id, lang);
}
