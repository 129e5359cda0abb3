import type { Actor, Registry } from "../analysis/index.ts";
import type { FeedDocument } from "../feeds/build.ts";
import type { Feeds } from "../feeds/index.ts";
import { feedRoutes, FEED_FORMATS, MEDIA_TYPES } from "../feeds/routes.ts";
import { t } from "../i18n/index.ts";
import { LANGUAGES } from "../languages.ts";
import { actorName, byName, topicName } from "./names.ts";
import { pageBase, type PageBase, type Titled } from "./page-base.ts";

/**
 * The page of each language that lists the digest's feeds, compact enough to scan and to search
 * with the browser's find: one line per feed (its name, how many articles, the three formats),
 * grouped as the site groups its subjects, and the main feed's address written out to copy.
 */
export interface FeedsPage extends PageBase, Titled {
  kind: "feeds";
  intro: string;
  /** The language's feed of every article, with its Atom address to copy. */
  main?: FeedRow & { address: string };
  groups: FeedGroup[];
}

export interface FeedGroup {
  id: string;
  heading: string;
  /** Actors come in kinds (people, institutions…), each with its own heading. */
  parts: Array<{ id: string; heading?: string; rows: FeedRow[] }>;
}

export interface FeedRow {
  name: string;
  count: number;
  links: Array<{ label: string; type: string; url: string }>;
}

const ACTOR_KINDS: Actor["kind"][] = ["person", "institution", "country", "group"];

export function buildFeedsPages(feeds: Feeds, registry: Registry): FeedsPage[] {
  return LANGUAGES.flatMap((lang) => {
    const content = feeds.pages.find((p) => p.lang === lang);
    if (!content) return [];
    const own = feeds.documents.filter((d) => d.lang === lang);
    const language = own.find((d) => d.kind === "language");
    const rows = (documents: FeedDocument[], name: (d: FeedDocument) => string) =>
      documents.map((d) => row(d, name(d))).sort((a, b) => byName(lang)(a.name, b.name));
    const topics = own.filter((d) => d.kind === "topic");
    const actors = own.filter((d) => d.kind === "actor");
    const groups: FeedGroup[] = [
      { id: "topic", heading: t(lang, "feeds.page.sections.topic"), parts: [{ id: "topics", rows: rows(topics, (d) => topicName(registry, d.id, lang)) }] },
      {
        id: "actor",
        heading: t(lang, "feeds.page.sections.actor"),
        parts: ACTOR_KINDS.map((kind) => ({
          id: kind,
          heading: t(lang, `subjects.kinds.${kind}`),
          // An id the registry no longer knows (a stale cache) is listed with the groups.
          rows: rows(actors.filter((d) => (registry.actors.get(d.id)?.kind ?? "group") === kind), (d) => actorName(registry, d.id, lang)),
        })),
      },
    ]
      .map((group) => ({ ...group, parts: group.parts.filter((part) => part.rows.length > 0) }))
      .filter((group) => group.parts.length > 0);
    return [
      {
        kind: "feeds" as const,
        ...pageBase(lang, feedRoutes.page, feedRoutes.page("fr")),
        title: content.title,
        description: content.description,
        intro: t(lang, "feeds.page.intro"),
        main: language ? { ...row(language, t(lang, "feeds.page.sections.language")), address: language.urls.atom.absolute } : undefined,
        groups,
      },
    ];
  });

  function row(document: FeedDocument, name: string): FeedRow {
    return {
      name,
      count: document.total,
      links: FEED_FORMATS.map((format) => ({ label: t(document.lang, `feeds.format.${format}`), type: MEDIA_TYPES[format], url: document.urls[format].path })),
    };
  }
}
