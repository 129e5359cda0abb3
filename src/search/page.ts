import { t } from "../i18n/index.ts";
import type { Lang } from "../languages.ts";
import { FILTERS, type FilterName, type SearchRecord } from "./record.ts";

/** One menu of the search form: a filter and every value the pages of this language carry. */
export interface Facet {
  name: FilterName;
  label: string;
  /** The first choice of the menu, which sets no filter ("Toutes les années"). */
  any: string;
  options: string[];
}

/** What the search page of one language shows, besides what every page has. */
export interface SearchPageContent {
  kind: "search";
  title: string;
  description: string;
  /** Only filters some page carries: no empty menu (actors, before the analysis exists). */
  facets: Facet[];
  /**
   * Strings the browser module fills in as results arrive. {count} and {query} are its own
   * placeholders (single braces, which i18next leaves alone); the module picks the plural form
   * with Intl.PluralRules.
   */
  messages: Record<string, string>;
}

const MESSAGES = ["empty", "loading", "none", "results-one", "results-other", "more", "error"] as const;

export function searchPageContent(lang: Lang, records: readonly SearchRecord[]): SearchPageContent {
  return {
    kind: "search",
    title: t(lang, "search.page.title"),
    description: t(lang, "search.page.description"),
    facets: FILTERS.map((name) => ({
      name,
      label: t(lang, `search.filter.${name}`),
      any: t(lang, `search.any.${name}`),
      options: facetOptions(name, records, lang),
    })).filter((facet) => facet.options.length > 0),
    messages: Object.fromEntries(MESSAGES.map((key) => [key, t(lang, `search.status.${key}`)])),
  };
}

/** Years newest first, as readers look for recent ones; names in the language's alphabetical order. */
export function facetOptions(name: FilterName, records: readonly SearchRecord[], lang: Lang): string[] {
  const values = new Set(records.flatMap((record) => record.filters[name] ?? []));
  const collator = new Intl.Collator(lang, { numeric: true });
  const sorted = [...values].sort(collator.compare);
  return name === "year" ? sorted.reverse() : sorted;
}
