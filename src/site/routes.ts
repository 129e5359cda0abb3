import type { Lang } from "../languages.ts";

/**
 * Every URL of the site is made here, so each language has its own words in its paths
 * (/fr/articles/…, /es/articulos/…) and no template spells a path by hand. URLs are root-relative;
 * the path prefix is added when the site is written.
 */
const SEGMENTS = {
  fr: {
    articles: "articles", page: "page", search: "recherche", topics: "sujets", actors: "acteurs",
    timeline: "chronologie", figures: "chiffres", quotes: "citations", editions: "editions", about: "methode",
  },
  es: {
    articles: "articulos", page: "pagina", search: "busqueda", topics: "temas", actors: "actores",
    timeline: "cronologia", figures: "cifras", quotes: "citas", editions: "ediciones", about: "metodologia",
  },
} as const satisfies Record<Lang, Record<string, string>>;

export const routes = {
  root: () => "/",
  rootNotFound: () => "/404.html",
  home: (lang: Lang, page = 1) => (page <= 1 ? `/${lang}/` : `/${lang}/${SEGMENTS[lang].page}/${page}/`),
  article: (lang: Lang, slug: string) => `/${lang}/${SEGMENTS[lang].articles}/${slug}/`,
  notFound: (lang: Lang) => `/${lang}/404.html`,
  search: (lang: Lang) => `/${lang}/${SEGMENTS[lang].search}/`,
  topics: (lang: Lang) => `/${lang}/${SEGMENTS[lang].topics}/`,
  topic: (lang: Lang, id: string) => `/${lang}/${SEGMENTS[lang].topics}/${id}/`,
  actors: (lang: Lang) => `/${lang}/${SEGMENTS[lang].actors}/`,
  actor: (lang: Lang, id: string) => `/${lang}/${SEGMENTS[lang].actors}/${id}/`,
  /** Every article of a topic or an actor, beneath its page: /fr/sujets/<slug>/articles/, /es/temas/<slug>/articulos/. */
  subjectArticles: (lang: Lang, subjectUrl: string) => `${subjectUrl}${SEGMENTS[lang].articles}/`,
  /** The timeline, the key figures and the quotes are long lists: page 2 and after have their own URL. */
  timeline: (lang: Lang, page = 1) => paged(`/${lang}/${SEGMENTS[lang].timeline}/`, lang, page),
  figures: (lang: Lang, page = 1) => paged(`/${lang}/${SEGMENTS[lang].figures}/`, lang, page),
  quotes: (lang: Lang, page = 1) => paged(`/${lang}/${SEGMENTS[lang].quotes}/`, lang, page),
  /** What the digest computes and how, and what can be wrong. */
  about: (lang: Lang) => `/${lang}/${SEGMENTS[lang].about}/`,
  editions: (lang: Lang) => `/${lang}/${SEGMENTS[lang].editions}/`,
  /** A monthly edition: "2024-01". */
  edition: (lang: Lang, month: string) => `/${lang}/${SEGMENTS[lang].editions}/${month}/`,
};

function paged(base: string, lang: Lang, page: number): string {
  return page <= 1 ? base : `${base}${SEGMENTS[lang].page}/${page}/`;
}
