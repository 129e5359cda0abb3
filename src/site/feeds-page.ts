import type { SiteConfig } from "../config.ts";
import type { Digest } from "../digest.ts";
import { buildFeeds, type Feeds } from "../feeds/build.ts";
import { actorChannels } from "../feeds/channels.ts";
import { feedRoutes } from "../feeds/routes.ts";
import type { FeedsPageContent } from "../feeds/page.ts";
import { actorName, topicName } from "./names.ts";
import { pageBase, type PageBase } from "./page-base.ts";
import { routes } from "./routes.ts";

/**
 * The feeds of the digest, and the page of each language that lists them. Topic and actor feeds
 * follow the same articles as the topic and actor pages: those the analysis counts for each.
 * Feeds never carry drafts, whatever the digest holds (the development server's shows them).
 */

export interface FeedsPage extends PageBase, FeedsPageContent {}

// The site and the feed files ask for the same digest's feeds in one build: made once.
const made = new WeakMap<Digest, { key: string; feeds: Feeds }>();

export function digestFeeds(digest: Digest, site: SiteConfig): Feeds {
  const key = JSON.stringify(site);
  const known = made.get(digest);
  if (known?.key === key) return known.feeds;
  const { analysis, registry } = digest;
  const articles = digest.articles.filter((a) => !a.draft);
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const subjects = (aggregates: Iterable<{ id: string; articles: string[] }>) =>
    [...aggregates].flatMap(({ id, articles: slugs }) => {
      const published = slugs.flatMap((slug) => bySlug.get(slug) ?? []);
      // A subject that only drafts mention has no feed until one of them is published.
      return published.length > 0 ? [{ id, articles: published }] : [];
    });
  const topics = subjects([...analysis.topics.values()].map((a) => ({ id: a.topicId, articles: a.articles })));
  const actors = subjects([...analysis.actors.values()].map((a) => ({ id: a.actorId, articles: a.articles })));
  const feeds = buildFeeds(
    {
      articles,
      topicName: (id, lang) => topicName(registry, id, lang),
      topics: { subjects: topics.filter((s) => registry.topics.has(s.id)), pageUrl: (id, lang) => routes.topic(lang, id) },
      channels: actorChannels(actors.filter((s) => registry.actors.has(s.id)), {
        name: (id, lang) => actorName(registry, id, lang),
        pageUrl: (id, lang) => routes.actor(lang, id),
      }),
    },
    site,
  );
  made.set(digest, { key, feeds });
  return feeds;
}

export function buildFeedsPages(feeds: Feeds): FeedsPage[] {
  return feeds.pages.map((content) => ({
    ...pageBase(content.lang, feedRoutes.page, feedRoutes.page("fr")),
    ...content,
  }));
}
