import { createHash } from "node:crypto";
import { lstatSync, readdirSync, type Stats } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { type Finding, type Problem, problemsFromZod, underRule } from "../content/problems.ts";
import { plainText } from "../content/plain-text.ts";
import { SLUG, calendarDaySchema } from "../content/schemas.ts";
import { type ContentFolder, contentFolder, readContentText, refusedEntry, SIZE_LIMITS } from "../content/files.ts";
import { readYaml } from "../content/yaml.ts";
import type { Lang } from "../languages.ts";
import { LANGUAGES } from "../languages.ts";
import { tokenize } from "./tokens.ts";

/**
 * The registries the editors curate, one small YAML file per entry:
 *
 *   content/actors/<id>.yaml         a person, institution, country or region, or group
 *   content/actors/roles/<id>.yaml   a role ("président du Mexique") and the phrases that name it
 *   content/topics/<id>.yaml         a topic and the French and Spanish terms that signal it
 *
 * Roles live beside the actors because an actor's `roles` list refers to them: "who held the role
 * on the article's date" is answered from both together.
 */

const id = (what: string) => z.string({ error: `${what} (a text)` }).regex(SLUG, { error: `${what}: lowercase letters, digits and hyphens` });
// Names, descriptions, aliases and phrases reach pages, feeds, JSON-LD and the search index as
// text: the same rules as an article's title (no HTML, no control or invisible characters).
const text = (what: string) => plainText(what);
const phrases = (what: string) => z.array(text(what), { error: `a list of ${what}` });
const bilingual = (what: string) =>
  z.strictObject({ fr: text(`${what} in French`), es: text(`${what} in Spanish`) }, { error: `${what} in French and Spanish (fr:, es:)` });
const day = calendarDaySchema;
const agreementSchema = (language: string) =>
  z.enum(["m", "f", "m-plural", "f-plural"], { error: `the name's gender and number in ${language}: m, f, m-plural or f-plural` });

/** Aliases valid in any language, or in one only: "Mexico" is the country in Spanish, the city in French. */
const aliasesSchema = z.strictObject(
  {
    any: phrases("aliases valid in both languages").optional(),
    fr: phrases("aliases used in French texts only").optional(),
    es: phrases("aliases used in Spanish texts only").optional(),
  },
  { error: "aliases grouped as any:, fr:, es: (each a list)" },
);

/** Gendered lists let "la présidente" find a woman holding the role and never a man. */
const genderedPhrases = (what: string) =>
  z.strictObject(
    {
      m: phrases(`${what} (masculine)`).optional(),
      f: phrases(`${what} (feminine)`).optional(),
      any: phrases(`${what} (either gender)`).optional(),
    },
    { error: `${what} grouped as m:, f:, any:` },
  );

export const actorSchema = z.strictObject(
  {
    id: id("the actor's id, the same as the file name"),
    kind: z.enum(["person", "institution", "country", "group"], {
      error: "the kind of actor: person, institution, country (or region) or group",
    }),
    gender: z.enum(["f", "m"], { error: 'f or m, for people (it resolves "la présidente", "a-t-elle ajouté")' }).optional(),
    name: bilingual("the display name"),
    /**
     * How the name agrees in each language ("la Maison-Blanche, citée…", "les États-Unis, cités…"):
     * m, f, m-plural or f-plural. Left out: a person's gender, else masculine singular.
     */
    agreement: z
      .strictObject(
        { fr: agreementSchema("French").optional(), es: agreementSchema("Spanish").optional() },
        { error: "the name's gender and number in each language (fr:, es:), each m, f, m-plural or f-plural" },
      )
      .optional(),
    description: bilingual("a one-line description of the role"),
    aliases: aliasesSchema.optional(),
    /**
     * Short forms ("Blinken", "Rubio") are recognised only in a text that also names the actor
     * in full, or after an honorific (M., Mme, Sr., Sra.): "rubio" is also a Spanish word.
     */
    short: phrases("short forms, such as the surname").optional(),
    roles: z
      .array(
        z.strictObject(
          {
            role: id("a role id (content/actors/roles/<id>.yaml)"),
            from: day("the first day in the role"),
            to: day("the last day in the role").optional(),
          },
          { error: "a role held, as role:, from:, to: (to: may be left out while it is held)" },
        ),
        { error: "a list of roles held" },
      )
      .optional(),
  },
  { error: "an actor as fields: id, kind, gender, name, agreement, description, aliases, short, roles" },
);
export type Actor = z.infer<typeof actorSchema>;

export const roleSchema = z.strictObject(
  {
    id: id("the role's id, the same as the file name"),
    name: bilingual("the role's name"),
    /** The role's name for a woman holding it ("présidente du Mexique", "secretaria de Relaciones Exteriores"); left out, the name. */
    feminine: bilingual("the role's name for a woman").optional(),
    /**
     * How many hold the role at once. "one" (also when left out: most roles the digest follows are
     * offices such as « président du Mexique ») makes two holders whose dates overlap an error,
     * since « le président mexicain » would then name either; "many" for roles such as a senator.
     */
    holders: z.enum(["one", "many"], { error: 'how many hold the role at once: "one" or "many"' }).optional(),
    /** Phrases that name this role and no other: "président mexicain", "mandatario mexicano". */
    phrases: z.strictObject(
      { fr: genderedPhrases("French phrases").optional(), es: genderedPhrases("Spanish phrases").optional() },
      { error: "phrases grouped by language (fr:, es:)" },
    ),
    /**
     * Bare role nouns ("la présidente", "el mandatario") that several roles may share; they are
     * resolved only when the article names exactly one matching holder, or when one role alone uses the noun.
     */
    bare: z
      .strictObject(
        { fr: genderedPhrases("French bare nouns").optional(), es: genderedPhrases("Spanish bare nouns").optional() },
        { error: "bare nouns grouped by language (fr:, es:)" },
      )
      .optional(),
  },
  { error: "a role as fields: id, name, feminine, holders, phrases, bare" },
);
export type Role = z.infer<typeof roleSchema>;

export const topicSchema = z.strictObject(
  {
    id: id("the topic's id, the same as the file name"),
    name: bilingual("the topic's name"),
    description: bilingual("a short description"),
    /** A term ending in * matches any word that starts with it: "migra*" finds migration, migratoire, migrantes. */
    terms: z.strictObject(
      { fr: phrases("French terms"), es: phrases("Spanish terms") },
      { error: "the terms that signal the topic, grouped as fr: and es:" },
    ),
  },
  { error: "a topic as fields: id, name, description, terms" },
);
export type Topic = z.infer<typeof topicSchema>;

export interface Registry {
  actors: Map<string, Actor>;
  roles: Map<string, Role>;
  topics: Map<string, Topic>;
  /** Changes whenever any entry changes: part of every cached analysis' key. */
  hash: string;
}

export const REGISTRY_DIRS = { actors: "actors", roles: path.join("actors", "roles"), topics: "topics" } as const;

export function loadRegistry(contentDir: string): { registry: Registry; problems: Problem[] } {
  const problems: Finding[] = [];
  const content = contentFolder(contentDir);
  const actors = readEntries(path.join(contentDir, REGISTRY_DIRS.actors), actorSchema, problems, content);
  const roles = readEntries(path.join(contentDir, REGISTRY_DIRS.roles), roleSchema, problems, content);
  const topics = readEntries(path.join(contentDir, REGISTRY_DIRS.topics), topicSchema, problems, content);

  for (const { value: actor, file } of actors.values()) {
    actor.roles?.forEach((held, index) => {
      if (!roles.has(held.role)) {
        problems.push({
          file,
          field: `roles.${index}.role`,
          expected: `a role defined in ${REGISTRY_DIRS.roles}/`,
          found: JSON.stringify(held.role),
          fix: `create ${REGISTRY_DIRS.roles}/${held.role}.yaml or correct the id`,
        });
      }
      if (held.to !== undefined && held.to < held.from) {
        problems.push({
          file,
          field: `roles.${index}.to`,
          expected: "a last day on or after the first day",
          found: `${held.from} .. ${held.to}`,
          fix: "swap or correct the dates",
        });
      }
    });
  }

  problems.push(...overlappingHolders(actors, roles), ...sharedAliases(actors));

  const registry = buildRegistry(
    [...actors.values()].map((e) => e.value),
    [...roles.values()].map((e) => e.value),
    [...topics.values()].map((e) => e.value),
  );
  return { registry, problems: underRule("registry-file", problems) };
}

type Entries<T> = Map<string, { value: T; file: string }>;

/**
 * A role with one holder at a time held by two actors on the same days: the analysis would read
 * « le président mexicain » as either. The day of a handover may be both the outgoing holder's
 * `to:` and the incoming one's `from:` (inaugurations happen at noon).
 */
function overlappingHolders(actors: Entries<Actor>, roles: Entries<Role>): Finding[] {
  const problems: Finding[] = [];
  const tenures = new Map<string, { actor: Actor; file: string; index: number; from: string; to?: string }[]>();
  for (const { value: actor, file } of actors.values()) {
    actor.roles?.forEach((held, index) => {
      const list = tenures.get(held.role) ?? [];
      list.push({ actor, file, index, from: held.from, to: held.to });
      tenures.set(held.role, list);
    });
  }
  for (const [roleId, list] of tenures) {
    const role = roles.get(roleId);
    if (!role || role.value.holders === "many") continue;
    const sorted = [...list].sort((a, b) => a.from.localeCompare(b.from) || a.actor.id.localeCompare(b.actor.id));
    sorted.forEach((later, i) => {
      for (const earlier of sorted.slice(0, i)) {
        if (earlier.to !== undefined && earlier.to <= later.from) continue;
        const span = (t: { from: string; to?: string }) => (t.to === undefined ? `from ${t.from} (still held)` : `from ${t.from} to ${t.to}`);
        const same = earlier.actor.id === later.actor.id;
        problems.push({
          file: later.file,
          field: `roles.${later.index}.from`,
          expected: `one holder at a time of the role "${role.value.name.fr}" (${roleId}): a first day on or after the last day of the holder before`,
          found: same
            ? `${later.actor.name.fr} holding it ${span(later)}, and already ${span(earlier)} (roles.${earlier.index})`
            : `${later.actor.name.fr} ${span(later)}, while ${earlier.actor.name.fr} (${earlier.file}) holds it ${span(earlier)}`,
          fix:
            "correct the dates (the day of a handover may be both the one's to: and the other's from:)" +
            (same ? ", or merge the two entries" : `; if the role has several holders at once, add "holders: many" to ${role.file}`),
        });
        break;
      }
    });
  }
  return problems;
}

/** A name or an alias as the analysis compares it: its words, case and accents ignored. */
const phraseKey = (phrase: string) =>
  tokenize(phrase)
    .map((t) => t.folded)
    .join(" ");

/**
 * A name or alias that names two actors: the analysis would give every mention to one of them,
 * silently. Names count in their own language, aliases in theirs (`any` in both), as in the
 * analysis (src/analysis/lexicon.ts). Short forms may be shared: they count only after a full name.
 */
function sharedAliases(actors: Entries<Actor>): Finding[] {
  const problems: Finding[] = [];
  const reported = new Set<string>();
  for (const lang of LANGUAGES) {
    const owners = new Map<string, { actor: Actor; file: string; field: string; phrase: string }>();
    for (const { value: actor, file } of actors.values()) {
      for (const { field, phrase } of namesIn(actor, lang)) {
        const key = phraseKey(phrase);
        if (key === "") continue;
        const owner = owners.get(key);
        if (!owner) {
          owners.set(key, { actor, file, field, phrase });
          continue;
        }
        if (owner.actor.id === actor.id || reported.has(`${file}|${field}|${owner.actor.id}`)) continue;
        reported.add(`${file}|${field}|${owner.actor.id}`);
        const isName = field.startsWith("name.");
        problems.push({
          file,
          field,
          expected: `${isName ? "a name" : "an alias"} that names one actor only (case and accents ignored)`,
          found: `${JSON.stringify(phrase)}, which is also ${owner.field.startsWith("name.") ? "the name" : "an alias"} of ${owner.actor.name.fr} (${owner.file}, ${owner.field})`,
          fix: isName
            ? "tell the two actors apart in their names (a country, a function), or merge them if they are one"
            : `remove it here or from ${owner.file}: every mention of ${JSON.stringify(phrase)} would go to one of the two; ` +
              "a surname two actors share belongs in short:, which counts only in a text that names the actor in full",
        });
      }
    }
  }
  return problems;
}

function namesIn(actor: Actor, lang: Lang): { field: string; phrase: string }[] {
  const aliases = (group: "any" | Lang) => (actor.aliases?.[group] ?? []).map((phrase, i) => ({ field: `aliases.${group}.${i}`, phrase }));
  return [{ field: `name.${lang}`, phrase: actor.name[lang] }, ...aliases("any"), ...aliases(lang)];
}

/** Also used by tests that build a small registry in memory. */
export function buildRegistry(actors: Actor[], roles: Role[], topics: Topic[]): Registry {
  const byId = <T extends { id: string }>(list: T[]) => new Map([...list].sort((a, b) => a.id.localeCompare(b.id)).map((e) => [e.id, e]));
  const registry = { actors: byId(actors), roles: byId(roles), topics: byId(topics) };
  const hash = createHash("sha256")
    .update(JSON.stringify([[...registry.actors.values()], [...registry.roles.values()], [...registry.topics.values()]]))
    .digest("hex");
  return { ...registry, hash };
}

/**
 * One entry per file, `<id>.yaml` or `<id>.yml`. Files are read through src/content/files.ts: a
 * link, a pipe or a folder with an entry's name is reported, never read nor passed over.
 */
function readEntries<T extends { id: string }>(
  dir: string,
  schema: z.ZodType<T>,
  problems: Finding[],
  content: ContentFolder,
): Map<string, { value: T; file: string }> {
  const entries = new Map<string, { value: T; file: string }>();
  const { display } = content;
  let stat: Stats;
  try {
    stat = lstatSync(dir);
  } catch {
    return entries; // An absent registry is an empty one: a new site starts without actors.
  }
  const refusedDir = refusedEntry(dir, stat, content, "folder");
  if (refusedDir) {
    problems.push({ file: display(dir), ...refusedDir });
    return entries;
  }
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch (error) {
    const code = (error as { code?: string }).code ?? String(error);
    problems.push({ file: display(dir), expected: "a folder the build can list", found: `a folder that cannot be read (${code})`, fix: "check its permissions" });
    return entries;
  }
  const ids = names.map((name) => name.replace(/\.ya?ml$/, ""));
  for (const [index, name] of names.entries()) {
    const expectedId = ids[index] as string;
    const fullPath = path.join(dir, name);
    const file = display(fullPath);
    if (ids.indexOf(expectedId) !== ids.lastIndexOf(expectedId)) {
      if (name.endsWith(".yml")) continue; // Reported once, with the .yaml file.
      problems.push({
        file,
        expected: `one file for the entry "${expectedId}"`,
        found: `two: ${file} and ${display(path.join(dir, `${expectedId}.yml`))}`,
        fix: "keep one of the two files (either extension will do) and delete the other",
      });
      continue;
    }
    const text = readContentText(fullPath, content, SIZE_LIMITS.registry);
    if (!text.ok) {
      if (!text.missing) problems.push(text.problem);
      continue;
    }
    const read = readYaml(text.text, file);
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    const raw = read.value;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...problemsFromZod(file, parsed.error, raw));
      continue;
    }
    if (parsed.data.id !== expectedId) {
      problems.push({
        file,
        field: "id",
        expected: `the file name without .yaml ("${expectedId}")`,
        found: JSON.stringify(parsed.data.id),
        fix: "rename the file or correct the id: the id is the entry's address and must not drift",
      });
      continue;
    }
    entries.set(parsed.data.id, { value: parsed.data, file });
  }
  return entries;
}
