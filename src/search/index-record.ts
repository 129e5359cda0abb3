import { t } from "../i18n/index.ts";
import type { ArticlePage } from "../site/article.ts";
import type { Page } from "../site/index.ts";
import type { ActorPage, TopicPage } from "../site/subjects.ts";

/**
 * What the search index holds for one page, made from the page object the template renders: the
 * text inside the page's data-pagefind-body less what data-pagefind-ignore leaves out, in the
 * order the page shows it, with the result's fields, filters and sort keys (src/search/record.ts).
 * The index is built from these (scripts/lib/search-index.ts) instead of from the written HTML,
 * so it never waits on the pages, and a page with the same object gives the same record.
 */
export interface IndexRecord {
  /** The page's site URL, without the path prefix: the search page adds it (its baseUrl). */
  url: string;
  language: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** What a topic's or an actor's record is made of (_includes/kinds/topic.njk, actor.njk): its name and description. */
export type IndexedSubject = Pick<TopicPage | ActorPage, "kind" | "url" | "lang" | "name" | "description" | "search">;
export type IndexedPage = ArticlePage | IndexedSubject;

const isIndexed = (page: Page | IndexedPage): page is IndexedPage => page.kind === "article" || page.kind === "topic" || page.kind === "actor";

/**
 * A page readers search, made into its record only when asked for: the search index takes the
 * records of a few hundred pages at a time, so those of a whole site (350 MB at 10,000 articles)
 * never exist at once.
 */
export interface SearchedPage {
  url: string;
  language: string;
  record(): IndexRecord;
}

/** Every page readers search (articles, topics, actors), in the order of the index: by URL, code unit by code unit. */
export function searchedPages(pages: readonly (Page | IndexedPage)[]): SearchedPage[] {
  return pages
    .filter(isIndexed)
    .map((page): SearchedPage => ({ url: page.url, language: page.lang, record: () => indexRecord(page) }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** The records of every page readers search, in the order of the index. */
export function indexRecords(pages: readonly (Page | IndexedPage)[]): IndexRecord[] {
  return searchedPages(pages).map((page) => page.record());
}

export function indexRecord(page: IndexedPage): IndexRecord {
  const { meta, filters, sort, aliases } = page.search;
  const blocks = page.kind === "article" ? articleBlocks(page) : [page.name, page.description];
  return {
    url: page.url,
    language: page.lang,
    content: [...blocks, aliases.join(" ")].filter((block) => block !== "").join("\n"),
    meta: { ...meta },
    filters: Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, [...(values ?? [])]])),
    sort: { ...sort },
  };
}

/** _includes/kinds/article.njk, as a reader reads it: the date and outlet, title, lede, summary, and the source where it is indexed. */
function articleBlocks(page: ArticlePage): string[] {
  const { card } = page;
  const outlet = card.outletKnown ? t(page.lang, "article.publishedBy", { outlet: card.outlet }) : capitalize(card.outlet);
  const blocks = [`${card.dateLabel} · ${outlet}`, card.title, card.lede, htmlText(page.summaryHtml)];
  if (page.search.indexSource) blocks.push(page.sourceTitle, ...page.sourceParagraphs);
  return blocks;
}

/** Nunjucks' capitalize, which the template applies to an unknown outlet: first letter up, the rest down. */
function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/**
 * The text of a summary rendered by markdown-it (raw HTML disabled, so its only markup is its own
 * tags and the entities its escaping writes): tags become spaces, entities their characters.
 */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === "#") return String.fromCodePoint(name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, " ")
    .trim();
}
