import type { Digest } from "../digest.ts";
import { t } from "../i18n/index.ts";
import { LANGUAGES, type Lang } from "../languages.ts";
import { factFormatter, type EventItem, type FigureGroup, type FormattedFacts, type QuoteItem } from "./facts.ts";
import { pageBase, paginated, type PageBase, type Paginated, type Titled } from "./page-base.ts";
import { routes } from "./routes.ts";

/**
 * The digest-wide lists: the timeline of dated events, the key figures and the quotes. Each can
 * run to thousands of entries on a large digest, so each is cut into numbered pages.
 */

export const PER_PAGE = { timeline: 100, figures: 100, quotes: 50 } as const;

interface ListPage<K extends string, T> extends PageBase, Titled, Paginated {
  kind: K;
  items: T[];
}

export type TimelinePage = ListPage<"timeline", EventItem & { year: string }>;
export type FiguresPage = ListPage<"figures", FigureGroup>;
export type QuotesPage = ListPage<"quotes", QuoteItem>;

export interface OverviewPages {
  timelinePages: TimelinePage[];
  figuresPages: FiguresPage[];
  quotesPages: QuotesPage[];
}

function paginate<K extends string, T>(
  kind: K,
  lang: Lang,
  items: T[],
  perPage: number,
  route: (lang: Lang, page?: number) => string,
  text: { title: string; description: string },
): Array<ListPage<K, T>> {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  return Array.from({ length: pages }, (_, i) => {
    const page = i + 1;
    return {
      kind,
      ...pageBase(lang, (l) => route(l, page), route("fr", page)),
      title: page === 1 ? text.title : t(lang, "overview.pageTitle", { title: text.title, page }),
      description: text.description,
      items: items.slice(i * perPage, page * perPage),
      ...paginated(page, pages, items.length, (n) => route(lang, n)),
    };
  });
}

/**
 * Each fact once (Digest.events, figures, quotes: merged across sentences and articles): the
 * timeline newest first, the figures and the attributed quotes most important first.
 */
export function buildOverviewPages(digest: Digest, formatted: FormattedFacts): OverviewPages {
  const result: OverviewPages = { timelinePages: [], figuresPages: [], quotesPages: [] };
  for (const lang of LANGUAGES) {
    const facts = factFormatter(digest, lang, formatted);
    const events = [...digest.events].reverse().map((e) => ({ ...facts.event(e), year: e.date.slice(0, 4) }));
    result.timelinePages.push(
      ...paginate("timeline", lang, events, PER_PAGE.timeline, routes.timeline, {
        title: t(lang, "overview.timeline.title"),
        description: t(lang, "overview.timeline.description"),
      }),
    );
    const figures = digest.figures.map((group) => facts.figureGroup(group));
    const quotes = digest.quotes.map((quote) => facts.quote(quote));
    result.figuresPages.push(
      ...paginate("figures", lang, figures, PER_PAGE.figures, routes.figures, {
        title: t(lang, "overview.figures.title"),
        description: t(lang, "overview.figures.description"),
      }),
    );
    result.quotesPages.push(
      ...paginate("quotes", lang, quotes, PER_PAGE.quotes, routes.quotes, {
        title: t(lang, "overview.quotes.title"),
        description: t(lang, "overview.quotes.description"),
      }),
    );
  }
  return result;
}
