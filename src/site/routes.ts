import type { Lang } from "../languages.ts";

/**
 * Every URL of the site is made here, so each language has its own words in its paths
 * (/fr/articles/…, /es/articulos/…) and no template spells a path by hand. URLs are root-relative;
 * the path prefix is added when the site is written.
 */
const SEGMENTS = {
  fr: { articles: "articles", page: "page" },
  es: { articles: "articulos", page: "pagina" },
} as const satisfies Record<Lang, Record<string, string>>;

export const routes = {
  root: () => "/",
  rootNotFound: () => "/404.html",
  home: (lang: Lang, page = 1) => (page <= 1 ? `/${lang}/` : `/${lang}/${SEGMENTS[lang].page}/${page}/`),
  article: (lang: Lang, slug: string) => `/${lang}/${SEGMENTS[lang].articles}/${slug}/`,
  notFound: (lang: Lang) => `/${lang}/404.html`,
};
