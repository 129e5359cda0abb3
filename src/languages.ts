/** The two languages of the digest. Sources are written in one of them; summaries exist in both. */
export const LANGUAGES = ["fr", "es"] as const;
export type Lang = (typeof LANGUAGES)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export function otherLang(lang: Lang): Lang {
  return lang === "fr" ? "es" : "fr";
}
