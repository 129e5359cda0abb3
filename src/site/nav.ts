import { feedRoutes } from "../feeds/routes.ts";
import { t } from "../i18n/index.ts";
import type { Lang } from "../languages.ts";
import { routes } from "./routes.ts";

/**
 * The site's sections, defined once: the header lists `main`, the footer lists `footer`, each
 * link with its label in the page's language. A section added here appears on every page.
 */
export interface NavLink {
  url: string;
  label: string;
}

export interface Nav {
  main: NavLink[];
  footer: NavLink[];
}

const SECTIONS: { main: Array<[string, (lang: Lang) => string]>; footer: Array<[string, (lang: Lang) => string]> } = {
  main: [
    ["nav.home", (lang) => routes.home(lang)],
    ["nav.topics", routes.topics],
    ["nav.actors", routes.actors],
    ["nav.editions", routes.editions],
  ],
  footer: [
    ["nav.timeline", (lang) => routes.timeline(lang)],
    ["nav.figures", (lang) => routes.figures(lang)],
    ["nav.quotes", (lang) => routes.quotes(lang)],
    ["feeds.footer", feedRoutes.page],
  ],
};

// Every page of a language shares the same object.
const navs = new Map<Lang, Nav>();

export function navFor(lang: Lang): Nav {
  let nav = navs.get(lang);
  if (!nav) {
    const links = (sections: Array<[string, (lang: Lang) => string]>) => sections.map(([label, url]) => ({ url: url(lang), label: t(lang, label) }));
    nav = { main: links(SECTIONS.main), footer: links(SECTIONS.footer) };
    navs.set(lang, nav);
  }
  return nav;
}
