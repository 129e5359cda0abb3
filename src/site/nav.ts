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
  /**
   * Shown on one kind of screen only: on a phone the site's name is the way home and the search
   * link stands for the header's search box.
   */
  only?: "wide" | "narrow";
}

export interface Nav {
  main: NavLink[];
  footer: NavLink[];
}

type Section = [label: string, url: (lang: Lang) => string, only?: NavLink["only"]];

const SECTIONS: { main: Section[]; footer: Section[] } = {
  main: [
    ["nav.home", (lang) => routes.home(lang), "wide"],
    ["nav.topics", routes.topics],
    ["nav.actors", routes.actors],
    ["nav.editions", routes.editions],
    ["nav.search", routes.search, "narrow"],
  ],
  // The feeds page stays last: feed readers' users look for it at the very end.
  footer: [
    ["nav.timeline", (lang) => routes.timeline(lang)],
    ["nav.figures", (lang) => routes.figures(lang)],
    ["nav.quotes", (lang) => routes.quotes(lang)],
    ["nav.about", routes.about],
    ["feeds.footer", feedRoutes.page],
  ],
};

// Every page of a language shares the same object.
const navs = new Map<Lang, Nav>();

export function navFor(lang: Lang): Nav {
  let nav = navs.get(lang);
  if (!nav) {
    const links = (sections: Section[]) =>
      sections.map(([label, url, only]) => ({ url: url(lang), label: t(lang, label), ...(only ? { only } : {}) }));
    nav = { main: links(SECTIONS.main), footer: links(SECTIONS.footer) };
    navs.set(lang, nav);
  }
  return nav;
}
