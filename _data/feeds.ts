import { isDevServer, siteConfig } from "../src/config.ts";
import { loadDigest } from "../src/digest.ts";
import { actorChannels } from "../src/feeds/channels.ts";
import { buildFeeds } from "../src/feeds/build.ts";
import { actorName, topicName } from "../src/site/names.ts";
import { devPages } from "../src/site/changed-pages.ts";
import { routes } from "../src/site/routes.ts";

// Feeds never carry drafts, not even on the development server. Topic and actor feeds follow the
// same articles as the topic and actor pages: those the analysis counts for each.
export default () => {
  const { articles, analysis, registry } = loadDigest(process.env.DIGEST_CONTENT_DIR ?? "content", { includeDrafts: false });
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const subjects = (aggregates: Iterable<{ id: string; articles: string[] }>) =>
    [...aggregates].map(({ id, articles: slugs }) => ({ id, articles: slugs.flatMap((slug) => bySlug.get(slug) ?? []) }));
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
    siteConfig(),
  );
  // As for pages, the development server rewrites only the feeds whose content changed.
  const documents = isDevServer()
    ? devPages.select("feedDocuments", feeds.documents.map((document) => ({ ...document, url: document.urls.atom.path })))
    : feeds.documents;
  return { ...feeds, render: { documents } };
};
