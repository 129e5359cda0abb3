import { readFileSync } from "node:fs";
import i18next from "i18next";

/**
 * What the tools say to the people who run them (`npm run check`, `build`, `new`, `analyze`, the
 * development server), in the editor's language. These catalogs are not the site's: readers'
 * strings live in src/i18n/, in French and Spanish only; an editor may also read English.
 *
 * A message is a key and its parameters, never a finished sentence: a problem found while reading
 * the content keeps its file, field, expected, found and fix as messages, and is put into words
 * only when it is shown, in the language of whoever reads it.
 */
export const EDITOR_LANGUAGES = ["en", "fr", "es"] as const;
export type EditorLang = (typeof EDITOR_LANGUAGES)[number];

export interface Message {
  key: string;
  params?: Readonly<Record<string, Param>>;
}

/**
 * A parameter: a text shown as it is (a file name, a quoted value, what a library said), a number
 * written the language's way (`count` also chooses the plural), a message put into words first,
 * or a month ("2021-02") named in the language ("February 2021", "février 2021", "febrero de 2021").
 */
export type Param = string | number | Message | { month: string };

export const msg = (key: string, params?: Record<string, Param>): Message => (params ? { key, params } : { key });

/** A text no catalog holds (an operating system's error code, a parser's words): shown as it is. */
export const verbatim = (text: string): Message => msg("verbatim", { text });

export function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null && typeof (value as Message).key === "string";
}

/**
 * The language of the messages, read as POSIX programs read it: LC_ALL, then LC_MESSAGES, then
 * LANG, the first one set and not empty. "fr_FR.UTF-8", "fr" or "fr_CA" give French; "es_MX.UTF-8"
 * or "es" give Spanish; anything else, "C" and "POSIX" included, gives English.
 */
export function editorLanguage(env: Readonly<Record<string, string | undefined>> = process.env): EditorLang {
  const setting = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== "") ?? "";
  const code = setting.toLowerCase().slice(0, 2);
  return code === "fr" || code === "es" ? code : "en";
}

const LOCALES: Record<EditorLang, string> = { en: "en-US", fr: "fr-FR", es: "es-MX" };

export function loadCatalog(lang: EditorLang): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./${lang}.json`, import.meta.url), "utf8")) as Record<string, unknown>;
}

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  lng: "en",
  fallbackLng: false,
  supportedLngs: [...EDITOR_LANGUAGES],
  // Terminals and the problems page escape what they need; a value is never read as a template.
  interpolation: { escapeValue: false, skipOnVariables: true },
  resources: Object.fromEntries(EDITOR_LANGUAGES.map((lang) => [lang, { translation: loadCatalog(lang) }])),
  showSupportNotice: false,
} as Parameters<typeof instance.init>[0]);
// `{{count, number}}` groups digits as each language does (1,000 · 1 000 · 1,000 in Mexico).
instance.services.formatter?.add("number", (value: unknown, lng: string | undefined) =>
  new Intl.NumberFormat(LOCALES[(lng ?? "en") as EditorLang] ?? "en-US").format(Number(value)),
);

/** The message in words, in `lang`. A key missing from the catalog is a bug, not a message. */
export function say(lang: EditorLang, message: Message): string {
  const options: Record<string, unknown> = { lng: lang };
  for (const [name, value] of Object.entries(message.params ?? {})) {
    options[name] = name === "count" && typeof value === "number" ? value : render(lang, value);
  }
  const text = instance.t(message.key, options);
  if (typeof text !== "string" || text === message.key) throw new Error(`Missing editor message "${message.key}" for language "${lang}"`);
  return text;
}

/** Whether the catalogs have this key (English is the reference; the catalog test holds the others to it). */
export function hasMessage(key: string): boolean {
  return instance.exists(key, { lng: "en", count: 1 });
}

/** A number written the language's way: 95.3 · 95,3 · 95.3 (Mexico). */
export function formatNumber(lang: EditorLang, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(LOCALES[lang], options).format(value);
}

function render(lang: EditorLang, value: Param): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return new Intl.NumberFormat(LOCALES[lang]).format(value);
  if ("month" in value) {
    const [year, month] = value.month.split("-").map(Number);
    return new Intl.DateTimeFormat(LOCALES[lang], { month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 1)),
    );
  }
  return say(lang, value);
}

/** The function a command prints with: its messages in the language the environment asks for. */
export function speaker(lang: EditorLang = editorLanguage()): (key: string, params?: Record<string, Param>) => string {
  return (key, params) => say(lang, msg(key, params));
}
