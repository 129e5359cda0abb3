import { readdirSync, readFileSync } from "node:fs";
import i18next, { type TOptions } from "i18next";
import { LANGUAGES, type Lang } from "../languages.ts";
import { typeset } from "./typography.ts";

/**
 * Interface strings live in src/i18n/<lang>/<area>.json (site.json, feeds.json, …). Every file's
 * keys are merged into one tree per language; two files may not define the same top-level key.
 */
export function loadResources(lang: Lang): Record<string, unknown> {
  const dir = new URL(`./${lang}/`, import.meta.url);
  const tree: Record<string, unknown> = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".json")).sort()) {
    const part = JSON.parse(readFileSync(new URL(file, dir), "utf8")) as Record<string, unknown>;
    for (const [key, value] of Object.entries(part)) {
      if (key in tree) throw new Error(`src/i18n/${lang}/${file}: key "${key}" is already defined by another file`);
      tree[key] = typesetTree(value, lang);
    }
  }
  return tree;
}

/** Interface strings are typeset like every text a reader sees (src/i18n/typography.ts). */
function typesetTree(value: unknown, lang: Lang): unknown {
  if (typeof value === "string") return typeset(value, lang);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typesetTree(v, lang)]));
  return value;
}

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  lng: "fr",
  fallbackLng: false,
  supportedLngs: [...LANGUAGES],
  // Templates escape what they print; i18next must not escape it a second time.
  interpolation: { escapeValue: false },
  resources: Object.fromEntries(LANGUAGES.map((lang) => [lang, { translation: loadResources(lang) }])),
  showSupportNotice: false,
} as Parameters<typeof instance.init>[0]);

// Pages ask for the same few strings thousands of times; plain lookups are answered once.
const plain = new Map<string, string>();

export function t(lang: Lang, key: string, options?: TOptions): string {
  const memoKey = options === undefined ? `${lang}:${key}` : undefined;
  const known = memoKey === undefined ? undefined : plain.get(memoKey);
  if (known !== undefined) return known;
  const value = instance.t(key, { ...options, lng: lang });
  if (value === key) throw new Error(`Missing interface string "${key}" for language "${lang}"`);
  if (memoKey !== undefined) plain.set(memoKey, value);
  return value;
}
