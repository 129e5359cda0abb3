import type { PageKind } from "./index.ts";

/**
 * Which stylesheets a page loads. site.css holds what every page needs, reading an article
 * included; lists.css what the other pages add (the briefing, indexes, charts, search, feeds,
 * methodology, the language choice). An article, the page most read and most often opened from a
 * link, loads only the first, which keeps it under its weight budget
 * (tests/site/page-weight.test.ts).
 */
export const STYLESHEETS = { site: "/assets/site.css", lists: "/assets/lists.css" } as const;

const KINDS: Record<PageKind, "reading" | "lists"> = {
  article: "reading",
  "not-found": "reading",
  root: "lists",
  "root-not-found": "lists",
  home: "lists",
  "topics-index": "lists",
  topic: "lists",
  "actors-index": "lists",
  actor: "lists",
  "subject-articles": "lists",
  timeline: "lists",
  figures: "lists",
  quotes: "lists",
  "editions-index": "lists",
  edition: "lists",
  search: "lists",
  feeds: "lists",
  about: "lists",
};

export function stylesheetsByKind(): Record<PageKind, string[]> {
  const sheets = {} as Record<PageKind, string[]>;
  for (const [kind, family] of Object.entries(KINDS) as Array<[PageKind, "reading" | "lists"]>) {
    sheets[kind] = family === "reading" ? [STYLESHEETS.site] : [STYLESHEETS.site, STYLESHEETS.lists];
  }
  return sheets;
}
