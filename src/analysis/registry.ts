import { createHash } from "node:crypto";
import { lstatSync, readdirSync, type Stats } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { type Finding, type Problem, problemsFromZod, underRule, zodMessage } from "../content/problems.ts";
import { type Message, msg, verbatim } from "../messages/index.ts";
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

// What each field holds, in the editors' words: src/messages/<lang>.json, under registry.what.
const what = (key: string) => msg(`registry.what.${key}`);
const id = (key: string) =>
  z.string({ error: zodMessage(msg("text.aText", { what: what(key) })) }).regex(SLUG, { error: zodMessage(msg("registry.id", { what: what(key) })) });
// Names, descriptions, aliases and phrases reach pages, feeds, JSON-LD and the search index as
// text: the same rules as an article's title (no HTML, no control or invisible characters).
const text = (thing: Message) => plainText(thing);
const phrases = (key: string, params?: Record<string, Message>) =>
  z.array(text(msg(`registry.what.${key}`, params)), { error: zodMessage(msg("registry.listOf", { what: msg(`registry.what.${key}`, params) })) });
const bilingual = (key: string) =>
  z.strictObject(
    { fr: text(msg("registry.inFrench", { what: what(key) })), es: text(msg("registry.inSpanish", { what: what(key) })) },
    { error: zodMessage(msg("registry.inBoth", { what: what(key) })) },
  );
const day = (key: string) => calendarDaySchema(what(key));
const agreementSchema = (language: "languageFrench" | "languageSpanish") =>
  z.enum(["m", "f", "m-plural", "f-plural"], { error: zodMessage(msg("registry.agreementIn", { language: msg(`registry.${language}`) })) });

/** Aliases valid in any language, or in one only: "Mexico" is the country in Spanish, the city in French. */
const aliasesSchema = z.strictObject(
  {
    any: phrases("aliasesAny").optional(),
    fr: phrases("aliasesFr").optional(),
    es: phrases("aliasesEs").optional(),
  },
  { error: zodMessage(msg("registry.aliases")) },
);

/** Gendered lists let "la présidente" find a woman holding the role and never a man. */
const genderedPhrases = (key: string) =>
  z.strictObject(
    {
      m: phrases("masculine", { what: what(key) }).optional(),
      f: phrases("feminine", { what: what(key) }).optional(),
      any: phrases("eitherGender", { what: what(key) }).optional(),
    },
    { error: zodMessage(msg("registry.gendered", { what: what(key) })) },
  );

export const actorSchema = z.strictObject(
  {
    id: id("actorId"),
    kind: z.enum(["person", "institution", "country", "group"], {
      error: zodMessage(msg("registry.kind")),
    }),
    gender: z.enum(["f", "m"], { error: zodMessage(msg("registry.gender")) }).optional(),
    name: bilingual("displayName"),
    /**
     * How the name agrees in each language ("la Maison-Blanche, citée…", "les États-Unis, cités…"):
     * m, f, m-plural or f-plural. Left out: a person's gender, else masculine singular.
     */
    agreement: z
      .strictObject(
        { fr: agreementSchema("languageFrench").optional(), es: agreementSchema("languageSpanish").optional() },
        { error: zodMessage(msg("registry.agreement")) },
      )
      .optional(),
    description: bilingual("actorDescription"),
    aliases: aliasesSchema.optional(),
    /**
     * Short forms ("Blinken", "Rubio") are recognised only in a text that also names the actor
     * in full, or after an honorific (M., Mme, Sr., Sra.): "rubio" is also a Spanish word.
     */
    short: phrases("short").optional(),
    roles: z
      .array(
        z.strictObject(
          {
            role: id("roleRef"),
            from: day("firstDay"),
            to: day("lastDay").optional(),
          },
          { error: zodMessage(msg("registry.roleHeld")) },
        ),
        { error: zodMessage(msg("registry.rolesHeld")) },
      )
      .optional(),
  },
  { error: zodMessage(msg("registry.actor")) },
);
export type Actor = z.infer<typeof actorSchema>;

export const roleSchema = z.strictObject(
  {
    id: id("roleId"),
    name: bilingual("roleName"),
    /** The role's name for a woman holding it ("présidente du Mexique", "secretaria de Relaciones Exteriores"); left out, the name. */
    feminine: bilingual("roleFeminine").optional(),
    /**
     * How many hold the role at once. "one" (also when left out: most roles the digest follows are
     * offices such as « président du Mexique ») makes two holders whose dates overlap an error,
     * since « le président mexicain » would then name either; "many" for roles such as a senator.
     */
    holders: z.enum(["one", "many"], { error: zodMessage(msg("registry.holders")) }).optional(),
    /** Phrases that name this role and no other: "président mexicain", "mandatario mexicano". */
    phrases: z.strictObject(
      { fr: genderedPhrases("phrasesFr").optional(), es: genderedPhrases("phrasesEs").optional() },
      { error: zodMessage(msg("registry.phrases")) },
    ),
    /**
     * Bare role nouns ("la présidente", "el mandatario") that several roles may share; they are
     * resolved only when the article names exactly one matching holder, or when one role alone uses the noun.
     */
    bare: z
      .strictObject(
        { fr: genderedPhrases("bareFr").optional(), es: genderedPhrases("bareEs").optional() },
        { error: zodMessage(msg("registry.bare")) },
      )
      .optional(),
  },
  { error: zodMessage(msg("registry.role")) },
);
export type Role = z.infer<typeof roleSchema>;

export const topicSchema = z.strictObject(
  {
    id: id("topicId"),
    name: bilingual("topicName"),
    description: bilingual("topicDescription"),
    /** A term ending in * matches any word that starts with it: "migra*" finds migration, migratoire, migrantes. */
    terms: z.strictObject(
      { fr: phrases("termsFr"), es: phrases("termsEs") },
      { error: zodMessage(msg("registry.terms")) },
    ),
  },
  { error: zodMessage(msg("registry.topic")) },
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
          expected: msg("registry.roleDefined", { folder: `${REGISTRY_DIRS.roles}/` }),
          found: verbatim(JSON.stringify(held.role)),
          fix: msg("registry.createRole", { file: `${REGISTRY_DIRS.roles}/${held.role}.yaml` }),
        });
      }
      if (held.to !== undefined && held.to < held.from) {
        problems.push({
          file,
          field: `roles.${index}.to`,
          expected: msg("registry.lastAfterFirst"),
          found: verbatim(`${held.from} .. ${held.to}`),
          fix: msg("registry.swapDates"),
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
        const span = (t: { from: string; to?: string }) =>
          t.to === undefined ? msg("registry.spanOpen", { from: t.from }) : msg("registry.span", { from: t.from, to: t.to });
        const same = earlier.actor.id === later.actor.id;
        problems.push({
          file: later.file,
          field: `roles.${later.index}.from`,
          expected: msg("registry.oneHolder", { role: role.value.name.fr, id: roleId }),
          found: same
            ? msg("registry.heldTwice", { actor: later.actor.name.fr, span: span(later), before: span(earlier), index: String(earlier.index) })
            : msg("registry.heldByOther", { actor: later.actor.name.fr, span: span(later), other: earlier.actor.name.fr, file: earlier.file, before: span(earlier) }),
          fix: same ? msg("registry.fixMerge") : msg("registry.fixHolders", { file: role.file }),
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
          expected: msg(isName ? "registry.uniqueName" : "registry.uniqueAlias"),
          found: msg(owner.field.startsWith("name.") ? "registry.alsoName" : "registry.alsoAlias", {
            phrase: JSON.stringify(phrase),
            actor: owner.actor.name.fr,
            file: owner.file,
            field: owner.field,
          }),
          fix: isName ? msg("registry.fixName") : msg("registry.fixAlias", { file: owner.file, phrase: JSON.stringify(phrase) }),
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
    problems.push({ file: display(dir), expected: msg("file.listable"), found: msg("file.unlistable", { code }), fix: msg("file.checkPermissions") });
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
        expected: msg("registry.oneFile", { id: expectedId }),
        found: msg("registry.twoFiles", { file, other: display(path.join(dir, `${expectedId}.yml`)) }),
        fix: msg("registry.keepOne"),
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
        expected: msg("registry.idIsFileName", { id: expectedId }),
        found: verbatim(JSON.stringify(parsed.data.id)),
        fix: msg("registry.fixId"),
      });
      continue;
    }
    entries.set(parsed.data.id, { value: parsed.data, file });
  }
  return entries;
}
