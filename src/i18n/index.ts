import { readFileSync } from "node:fs";
import i18next, { type TOptions } from "i18next";
import { LANGUAGES, type Lang } from "../languages.ts";

/** Interface strings: one resource file per language, beside this module. */
export function loadResources(lang: Lang): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./${lang}.json`, import.meta.url), "utf8"));
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
